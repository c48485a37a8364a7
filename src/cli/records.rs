//! `taizhang records list|show|delete`, and the one-line and detailed views
//! of a record that `add` reuses.

use std::fmt::Write as _;

use chrono::Datelike;
use clap::Subcommand;
use serde::Serialize;

use crate::core::LedgerApi as _;
use crate::core::catalogue::{Catalogue, DutyId};
use crate::core::error::{Field, Problem};
use crate::core::record::{Record, RecordId};
use crate::core::roster::{PersonId, Roster};
use crate::i18n::{Lang, acts, cli as t, domain};

use super::layout::{cut, shown, shown_block};
use super::status::year_arg;
use super::{CliError, Context};

#[derive(Debug, Subcommand)]
pub enum RecordsCmd {
    /// Records of a year, by date
    List {
        /// Year (default: this year)
        #[arg(long, value_name = "YEAR")]
        year: Option<String>,
        /// Only records that count toward this duty
        #[arg(long, value_name = "ID")]
        duty: Option<String>,
        /// Machine-readable output
        #[arg(long)]
        json: bool,
    },
    /// One record in full
    Show {
        /// The record's number (23 or #23)
        id: String,
    },
    /// Delete a record (restore brings it back)
    Delete {
        /// The record's number (23 or #23)
        id: String,
    },
}

pub fn run(ctx: &Context, cmd: &RecordsCmd) -> Result<String, CliError> {
    let lang = ctx.lang;
    match cmd {
        RecordsCmd::List { year, duty, json } => {
            let year = year_arg(year.as_deref(), ctx.today.year())?;
            let catalogue = ctx.ledger.catalogue()?;
            let roster = ctx.ledger.roster()?;
            let duty = duty
                .as_deref()
                .map(|raw| known_duty(&catalogue, raw))
                .transpose()?;
            let records: Vec<Record> = ctx
                .ledger
                .records_in_year(year)?
                .into_iter()
                .filter(|r| duty.as_ref().is_none_or(|d| r.duties.contains(d)))
                .collect();
            if *json {
                let rows: Vec<JsonRecord> =
                    records.iter().map(|r| json_record(&roster, r)).collect();
                return super::to_json(&rows);
            }
            if records.is_empty() {
                return Ok(format!("{}\n", t::no_records(lang, year)));
            }
            let mut out = String::new();
            for r in &records {
                out.push_str(&summary(lang, &roster, r));
                out.push('\n');
            }
            let _ = writeln!(out, "{}", t::record_count(lang, records.len()));
            Ok(out)
        }
        RecordsCmd::Show { id } => {
            let record = ctx.ledger.record(parse_id(id)?)?;
            let text = detail(
                lang,
                &ctx.ledger.catalogue()?,
                &ctx.ledger.roster()?,
                &record,
            );
            let found = findings_text(ctx, &record)?;
            Ok(text + &found + &super::year::corrections_text(ctx, record.id)?)
        }
        RecordsCmd::Delete { id } => {
            let roster = ctx.ledger.roster()?;
            let record = ctx.ledger.delete_record(parse_id(id)?)?;
            Ok(format!(
                "{}\n",
                t::deleted(lang, &summary(lang, &roster, &record))
            ))
        }
    }
}

/// What the consistency checks find about `record` (`taizhang check`), under
/// a heading; empty when nothing.
fn findings_text(ctx: &Context, record: &Record) -> Result<String, CliError> {
    let view = ctx.ledger.year_view(record.year_covered(), ctx.today)?;
    let mut out = String::new();
    for f in crate::core::check::of_record(&view.findings, record.id) {
        if out.is_empty() {
            out.push_str(ctx.lang.pick("一致性检查：\n", "Consistency check:\n"));
        }
        out.push_str(&super::check::block(ctx.lang, f, "  "));
    }
    Ok(out)
}

/// `#23` or `23`.
pub fn parse_id(raw: &str) -> Result<RecordId, CliError> {
    raw.trim()
        .trim_start_matches(['#', '＃'])
        .parse::<u64>()
        .map(RecordId)
        .map_err(|_| CliError::BadRecordId(raw.to_string()))
}

fn known_duty(catalogue: &Catalogue, raw: &str) -> Result<DutyId, CliError> {
    let id = DutyId(raw.trim().to_string());
    if catalogue.duty(&id).is_none() {
        return Err(CliError::invalid(
            Field::Duties,
            Problem::UnknownDuty(raw.trim().to_string()),
        ));
    }
    Ok(id)
}

fn names(roster: &Roster, ids: &[PersonId], lang: Lang) -> String {
    ids.iter()
        .map(|id| shown(&roster.name(*id)).into_owned())
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

/// One line: id, date, kind, topic, host and partners, duties.
pub fn summary(lang: Lang, roster: &Roster, r: &Record) -> String {
    let mut line = format!("{} {} {}", r.id, r.date, domain::kind(lang, r.kind));
    if let Some(y) = r.covers_year {
        let _ = write!(line, " {}", domain::covers(lang, y));
    }
    if !r.topic.is_empty() {
        let _ = write!(line, " {}", t::quoted(lang, &cut(&shown(&r.topic), 40)));
    }
    if let Some(host) = r.host {
        let _ = write!(
            line,
            " {}{}",
            t::label(lang, acts::host_label(lang, r.kind)),
            shown(&roster.name(host))
        );
    }
    if !r.partners.is_empty() {
        let _ = write!(
            line,
            " {}{}",
            t::label(lang, acts::partners_label(lang, r.kind)),
            names(roster, &r.partners, lang)
        );
    }
    // The duties it counts toward are in `records show` by title; duty ids
    // are input, not something a person reads.
    line
}

/// Every field of a record, one per line.
pub fn detail(lang: Lang, catalogue: &Catalogue, roster: &Roster, r: &Record) -> String {
    let sep = lang.pick("、", ", ");
    let mut rows: Vec<(String, String)> = vec![
        (t::record_word(lang).to_string(), r.id.to_string()),
        (
            domain::field(lang, Field::Kind).into(),
            domain::kind(lang, r.kind).into(),
        ),
        (domain::field(lang, Field::Date).into(), r.date.to_string()),
        (
            domain::field(lang, Field::Topic).into(),
            shown(&r.topic).into_owned(),
        ),
    ];
    let mut push = |label: &str, value: String| {
        if !value.is_empty() {
            rows.push((label.into(), value));
        }
    };
    let f = |field: Field| domain::field(lang, field);
    push(
        acts::host_label(lang, r.kind),
        r.host
            .map(|h| shown(&roster.name(h)).into_owned())
            .unwrap_or_default(),
    );
    push(f(Field::Attendees), names(roster, &r.attendees, lang));
    push(
        f(Field::Absentees),
        r.absentees
            .iter()
            .map(|a| t::absence(lang, &shown(&roster.name(a.person)), &shown(&a.reason)))
            .collect::<Vec<_>>()
            .join(sep),
    );
    push(
        acts::partners_label(lang, r.kind),
        names(roster, &r.partners, lang),
    );
    push(
        f(Field::Duties),
        r.duties
            .iter()
            .map(|d| match catalogue.duty(d) {
                Some(duty) => shown(domain::duty_title(lang, duty)).into_owned(),
                None => shown(d.as_str()).into_owned(),
            })
            .collect::<Vec<_>>()
            .join(sep),
    );
    push(f(Field::Notes), shown_block(&r.notes, "  "));
    push(
        f(Field::Evidence),
        r.evidence
            .iter()
            .map(|e| shown(e).into_owned())
            .collect::<Vec<_>>()
            .join(sep),
    );
    rows.push((
        t::entered_word(lang).to_string(),
        format!(
            "{} {}",
            shown(&r.entered_by),
            r.entered_at.format("%Y-%m-%d %H:%M")
        ),
    ));
    let mut out = String::new();
    for (k, v) in rows {
        let _ = writeln!(out, "{}{v}", t::label(lang, &k));
    }
    out
}

/// A record for scripts: the stored form plus names resolved.
#[derive(Serialize)]
pub struct JsonRecord<'a> {
    #[serde(flatten)]
    pub record: &'a Record,
    pub kind_zh: &'static str,
    pub host_name: Option<String>,
    pub attendee_names: Vec<String>,
    pub partner_names: Vec<String>,
}

fn json_record<'a>(roster: &Roster, r: &'a Record) -> JsonRecord<'a> {
    JsonRecord {
        record: r,
        kind_zh: r.kind.zh(),
        host_name: r.host.map(|h| roster.name(h)),
        attendee_names: r.attendees.iter().map(|p| roster.name(*p)).collect(),
        partner_names: r.partners.iter().map(|p| roster.name(*p)).collect(),
    }
}
