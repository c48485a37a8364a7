//! `taizhang status`: every duty's progress for a year, grouped by list; or
//! one line for a login message (`--short`); or JSON for scripts (`--json`).

use std::fmt::Write as _;

use chrono::Datelike;
use clap::Args;
use serde::Serialize;

use crate::core::LedgerApi as _;
use crate::core::catalogue::{Duty, DutyId, ListId};
use crate::core::ledger::YearView;
use crate::core::progress::{
    ClassCover, Lateness, Missing, NotCounted, PairCover, Progress, Status, Tally,
};
use crate::core::record::RecordId;
use crate::i18n::{Lang, acts, cli as t, domain, evidence};

mod persons;
mod short;

use short::short;

use super::layout::{bar, cut, fit, right, shown, width};
use super::{CliError, Context};

#[derive(Debug, Default, Args)]
pub struct StatusArgs {
    /// Year to show (default: this year)
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,
    /// One line, for an SSH login message
    #[arg(long, conflicts_with = "json")]
    pub short: bool,
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
}

/// Cells inside a progress bar.
const BAR_CELLS: usize = 10;
/// How many missing items a line shows before "and N more".
const MISSING_SHOWN: usize = 3;
/// How many records that do not count a duty lists before "and N more".
const NOT_COUNTED_SHOWN: usize = 2;
/// Widest title column, in terminal cells (English titles are longer).
fn title_cols(lang: Lang) -> usize {
    match lang {
        Lang::Zh => 26,
        Lang::En => 36,
    }
}

pub fn run(ctx: &Context, args: &StatusArgs) -> Result<String, CliError> {
    let year = year_arg(args.year.as_deref(), ctx.today.year())?;
    let view = ctx.ledger.year_view(year, ctx.today)?;
    if args.json {
        return json(ctx.lang, &view);
    }
    if args.short {
        return Ok(format!("{}\n", short(ctx.lang, &view)));
    }
    Ok(full(ctx.lang, &view))
}

/// Parse `--year`, defaulting to `this_year`.
pub fn year_arg(raw: Option<&str>, this_year: i32) -> Result<i32, CliError> {
    let Some(raw) = raw else {
        return Ok(this_year);
    };
    raw.trim()
        .trim_end_matches('年')
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=9999).contains(y))
        .ok_or_else(|| CliError::BadYear(raw.to_string()))
}

fn pairs(view: &YearView) -> impl Iterator<Item = (&Duty, &Progress)> {
    view.catalogue.duties.iter().zip(&view.progress)
}

fn full(lang: Lang, view: &YearView) -> String {
    let mut out = format!("{}\n", t::status_heading(lang, view.year, view.today));
    let title_cols = pairs(view)
        .map(|(d, _)| width(&title_of(lang, d)) + if d.parent.is_some() { 2 } else { 0 })
        .max()
        .unwrap_or(0)
        .min(title_cols(lang));
    let count_cols = pairs(view)
        .map(|(_, p)| width(&done_of(p)))
        .max()
        .unwrap_or(0);
    let status_cols = Status::ALL
        .into_iter()
        .map(|s| width(domain::status(lang, s)))
        .max()
        .unwrap_or(0);
    for list in ListId::ALL {
        let rows: Vec<_> = pairs(view).filter(|(d, _)| d.list == list).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{} {}", list.seed_ref(), domain::list(lang, list));
        for (duty, p) in rows {
            let indent = if duty.parent.is_some() { "  " } else { "" };
            let title = format!("{indent}{}", title_of(lang, duty));
            if evidence::evidence_only(duty, p) {
                out.push_str(&evidence_line(lang, view, duty, p, &title, title_cols));
                out.push_str(&acts_lines(lang, view, p));
                continue;
            }
            let mut line = format!(
                "  {} {} {} {} {}",
                domain::status_marker(p.status),
                fit(&title, title_cols),
                right(&done_of(p), count_cols),
                if p.target > 0 {
                    bar(p.ratio(), BAR_CELLS)
                } else {
                    " ".repeat(BAR_CELLS + 2)
                },
                fit(domain::status(lang, p.status), status_cols),
            );
            if p.target > 0 {
                let _ = write!(line, "  {}", t::pace(lang, p.expected));
            }
            if let Some(late) = &p.late {
                let _ = write!(line, "  {}", domain::lateness(lang, late));
            }
            if !p.missing.is_empty() {
                let _ = write!(line, "  {}", missing_line(lang, view, &p.missing));
            }
            if let Some(mark) = super::fix::overdue_mark(lang, view, &duty.id) {
                let _ = write!(line, "  {mark}");
            }
            out.push_str(line.trim_end());
            out.push('\n');
            out.push_str(&persons::block(lang, view, duty, p));
            out.push_str(&acts_lines(lang, view, p));
        }
    }
    let _ = writeln!(out, "\n{}", tally_line(lang, &view.tally));
    out.push_str(&super::fix::overdue_lines(lang, view));
    out.push_str(&super::check::status_line(lang, view.year, &view.findings));
    out
}

/// An evidence-only duty: `无量化要求 · 已留痕 10 条`, or with nothing on
/// file how to link a record when no kind counts toward it by default.
fn evidence_line(
    lang: Lang,
    view: &YearView,
    duty: &Duty,
    p: &Progress,
    title: &str,
    title_cols: usize,
) -> String {
    let mut line = format!(
        "  {} {} {}",
        domain::status_marker(p.status),
        fit(title, title_cols),
        evidence::phrase(lang, p)
    );
    if p.records.is_empty() && view.catalogue.record_path(duty) == crate::core::RecordPath::ByHand {
        line.push_str(&evidence::by_hand_short(lang, duty));
    }
    if let Some(mark) = super::fix::overdue_mark(lang, view, &duty.id) {
        let _ = write!(line, "  {mark}");
    }
    format!("{}\n", line.trim_end())
}

/// The lines under a duty's row: 谈心谈话 coverage by class, and each linked
/// record that does not count with the reason (wrong host, group talk).
fn acts_lines(lang: Lang, view: &YearView, p: &Progress) -> String {
    let mut out = String::new();
    if !p.classes.is_empty() {
        let _ = writeln!(
            out,
            "      {}{}",
            t::label(lang, acts::classes_heading(lang)),
            acts::classes(lang, &p.classes)
        );
    }
    for n in p.not_counted.iter().take(NOT_COUNTED_SHOWN) {
        let _ = writeln!(
            out,
            "      {}{}",
            t::label(lang, acts::not_counted_heading(lang)),
            not_counted_text(lang, view, n)
        );
    }
    let more = p.not_counted.len().saturating_sub(NOT_COUNTED_SHOWN);
    if more > 0 {
        let _ = writeln!(out, "      {}", acts::more_not_counted(lang, more));
    }
    out
}

/// A record that does not count: its date, kind and topic, then why.
fn not_counted_text(lang: Lang, view: &YearView, n: &NotCounted) -> String {
    let Some(r) = view.record(n.record) else {
        return n.record.to_string();
    };
    let what = format!(
        "{} {} {}",
        r.date.format("%m-%d"),
        domain::kind(lang, r.kind),
        cut(&shown(&r.topic), 16)
    );
    format!(
        "{}{}{}",
        what.trim_end(),
        lang.pick("——", " - "),
        acts::refusal(lang, &n.why, r.kind, &view.roster)
    )
}

/// A duty's title as shown: catalogues can be imported, so titles are
/// ledger text like any other.
fn title_of(lang: Lang, d: &Duty) -> String {
    shown(domain::duty_title(lang, d)).into_owned()
}

fn done_of(p: &Progress) -> String {
    if p.target > 0 {
        format!("{}/{}", p.done, p.target)
    } else {
        p.done.to_string()
    }
}

fn missing_line(lang: Lang, view: &YearView, missing: &[Missing]) -> String {
    let shown: Vec<String> = missing
        .iter()
        .take(MISSING_SHOWN)
        .map(|m| match m {
            // A sub-duty reads better by its title than by its id.
            Missing::Child { duty } => view
                .catalogue
                .duty(duty)
                .map_or_else(|| duty.to_string(), |d| title_of(lang, d)),
            other => domain::missing(lang, other, &view.roster),
        })
        .map(|s| cut(&shown(&s), 24))
        .collect();
    let unit = if missing
        .iter()
        .all(|m| matches!(m, Missing::Person { .. } | Missing::OutOfRange { .. }))
    {
        t::MissingUnit::People
    } else if missing
        .iter()
        .all(|m| matches!(m, Missing::Pair { .. } | Missing::Between { .. }))
    {
        t::MissingUnit::Talks
    } else {
        t::MissingUnit::Items
    };
    t::missing_summary(lang, &shown, missing.len(), unit)
}

fn tally_line(lang: Lang, tally: &Tally) -> String {
    t::tally(lang, tally)
}

#[derive(Serialize)]
struct JsonStatus<'a> {
    year: i32,
    today: chrono::NaiveDate,
    tally: Tally,
    duties: Vec<JsonDuty<'a>>,
    /// Whether the year is closed (read-only).
    closed: bool,
    /// Rectification items past their deadline and not closed.
    overdue_fixes: Vec<super::fix::show::JsonFix<'a>>,
    /// What the consistency checks found (`taizhang check --json`).
    findings: Vec<super::check::JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonDuty<'a> {
    id: &'a str,
    title: &'a str,
    title_en: &'a str,
    list: ListId,
    parent: Option<&'a str>,
    done: u32,
    target: u32,
    expected: u32,
    status: Status,
    status_text: &'static str,
    /// For an evidence-only duty, what it has on file in words
    /// (`无量化要求 · 已留痕 10 条`); none for a duty with a number to meet.
    evidence_text: Option<String>,
    /// Where the rule comes from: the seed clause, the regulation and its
    /// article, or 本支部惯例 (local practice).
    source: &'a str,
    /// How records come to count toward the duty.
    record_path: crate::core::RecordPath,
    /// The same in words, for a user who asks what to enter.
    record_path_text: String,
    missing_text: Vec<String>,
    missing: &'a [Missing],
    records: &'a [RecordId],
    /// Linked records that do not count, with why (`not_counted_text` in words).
    not_counted: &'a [NotCounted],
    not_counted_text: Vec<String>,
    /// Talk-coverage duties: every required pair and the talk that covered it.
    pairs: &'a [PairCover],
    /// 谈心谈话: coverage by class, and the same in words.
    classes: &'a [ClassCover],
    classes_text: Option<String>,
    next_due: Option<chrono::NaiveDate>,
    /// A dated duty done after its due date: when due and when done.
    late: Option<Lateness>,
    /// A per-person duty: each person who owes it, who is behind first.
    persons: Vec<persons::JsonPerson<'a>>,
    late_text: Option<String>,
    /// Ids of the items linked to this duty that are not closed / overdue.
    fixes_open: Vec<crate::core::fix::FixId>,
    fixes_overdue: Vec<crate::core::fix::FixId>,
}

fn json(lang: Lang, view: &YearView) -> Result<String, CliError> {
    let duties = pairs(view)
        .map(|(d, p)| JsonDuty {
            id: d.id.as_str(),
            title: &d.title,
            title_en: &d.title_en,
            list: d.list,
            parent: d.parent.as_ref().map(DutyId::as_str),
            done: p.done,
            target: p.target,
            expected: p.expected,
            status: p.status,
            status_text: domain::status(lang, p.status),
            evidence_text: evidence::evidence_only(d, p).then(|| evidence::phrase(lang, p)),
            source: &d.source,
            record_path: view.catalogue.record_path(d),
            record_path_text: evidence::record_path(lang, d, &view.catalogue.record_path(d)),
            missing_text: p
                .missing
                .iter()
                .map(|m| domain::missing(lang, m, &view.roster))
                .collect(),
            missing: &p.missing,
            records: &p.records,
            not_counted: &p.not_counted,
            not_counted_text: p
                .not_counted
                .iter()
                .map(|n| not_counted_text(lang, view, n))
                .collect(),
            pairs: &p.pairs,
            classes: &p.classes,
            classes_text: (!p.classes.is_empty()).then(|| acts::classes(lang, &p.classes)),
            next_due: p.next_due,
            late: p.late,
            late_text: p.late.as_ref().map(|l| domain::lateness(lang, l)),
            persons: persons::json(lang, view, d, p),
            fixes_open: view.fixes_for(&d.id).map(|f| f.id).collect(),
            fixes_overdue: view.overdue_fixes_for(&d.id).map(|f| f.id).collect(),
        })
        .collect();
    let doc = JsonStatus {
        year: view.year,
        today: view.today,
        tally: view.tally,
        duties,
        closed: view.closed,
        overdue_fixes: super::fix::overdue_json(lang, view),
        findings: super::check::json_rows(lang, &view.findings),
    };
    super::to_json(&doc)
}
