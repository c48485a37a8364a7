//! `taizhang history|trash|restore|verify|seal`: the audit trail from the
//! command line. Every stored text is shown inert (`core::text`).

use std::fmt::Write as _;

use chrono::Datelike;
use clap::Args;
use serde_json::Value;

use crate::core::LedgerApi as _;
use crate::core::error::Field;
use crate::core::error::SealCheck;
use crate::core::journal::{Action, Entity, FieldChange, Hash, JournalEntry, diff};
use crate::core::record::Record;
use crate::core::roster::Roster;
use crate::core::text::inert_line;
use crate::i18n::{Lang, audit as a, cli as t, seal as s};

use super::records::{parse_id, summary};
use super::status::year_arg;
use super::{CliError, Context};

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// A record id (23 or #23)
    #[arg(required_unless_present = "person", conflicts_with = "person")]
    pub id: Option<String>,
    /// A person instead: NAME or #ID
    #[arg(long, value_name = "NAME|#ID")]
    pub person: Option<String>,
}

pub fn history(ctx: &Context, args: &HistoryArgs) -> Result<String, CliError> {
    let lang = ctx.lang;
    let roster = ctx.ledger.roster()?;
    let (entity, what) = match (&args.id, &args.person) {
        (_, Some(who)) => {
            let id = roster
                .resolve(who)
                .map_err(|p| CliError::invalid(Field::Name, p))?;
            let name = inert_line(&roster.name(id)).into_owned();
            (
                Entity::Person(id),
                format!("{} #{id} {name}", a::person_word(lang)),
            )
        }
        (Some(raw), None) => {
            let id = parse_id(raw)?;
            (Entity::Record(id), format!("{} {id}", t::record_word(lang)))
        }
        (None, None) => return Err(CliError::BadRecordId(String::new())),
    };
    let entries = ctx.ledger.history(&entity)?;
    if entries.is_empty() {
        if let Entity::Record(id) = entity {
            // Never existed (a deleted record keeps its history).
            ctx.ledger.record(id)?;
        }
        return Ok(format!("{}\n", a::no_history(lang, &what)));
    }
    let mut out = format!("{}\n", a::history_heading(lang, &what, entries.len()));
    for e in &entries {
        let _ = writeln!(out, "{}", entry_line(lang, e));
        for line in change_lines(lang, &roster, e) {
            let _ = writeln!(out, "  {line}");
        }
    }
    Ok(out)
}

/// `[5] 2026-03-14 12:00  alice  修改` (5 is the journal seq).
fn entry_line(lang: Lang, e: &JournalEntry) -> String {
    format!(
        "[{}] {}  {}  {}",
        e.seq,
        e.at.format("%Y-%m-%d %H:%M"),
        inert_line(&e.user),
        a::action(lang, e.action)
    )
}

/// What an entry changed. A creation, deletion or restore names the record
/// in one line; an update lists each changed field as before → after.
fn change_lines(lang: Lang, roster: &Roster, e: &JournalEntry) -> Vec<String> {
    let whole = match e.action {
        Action::Create | Action::Restore => e.after.as_deref(),
        Action::Delete => e.before.as_deref(),
        _ => None,
    };
    if e.action == Action::Amend
        && let Some(c) = e
            .after
            .as_deref()
            .and_then(|j| serde_json::from_str::<crate::core::year::Correction>(j).ok())
    {
        return vec![super::year::correction_line(&c)];
    }
    if let Some(record) = whole.and_then(|j| serde_json::from_str::<Record>(j).ok()) {
        return vec![inert_line(&summary(lang, roster, &record)).into_owned()];
    }
    diff(e.before.as_deref(), e.after.as_deref())
        .iter()
        .filter(|c| !matches!(c.field.as_str(), "id" | "entered_by" | "entered_at"))
        .filter(|c| c.before.is_some() || !is_blank(c.after.as_ref()))
        .map(|c| change_line(lang, roster, c))
        .collect()
}

/// Nothing worth listing for a new value: null, empty, or false.
fn is_blank(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null | Value::Bool(false)) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(_) => false,
    }
}

fn change_line(lang: Lang, roster: &Roster, c: &FieldChange) -> String {
    let show = |v: &Option<Value>| {
        v.as_ref().map_or_else(
            || a::empty_value().to_string(),
            |v| a::value_text(lang, roster, &c.field, v),
        )
    };
    let (before, after) = (show(&c.before), show(&c.after));
    let label = a::field_label(lang, &c.field);
    if c.before.is_none() {
        format!("{}{after}", t::label(lang, &label))
    } else {
        format!("{}{before} → {after}", t::label(lang, &label))
    }
}

pub fn trash(ctx: &Context) -> Result<String, CliError> {
    let lang = ctx.lang;
    let roster = ctx.ledger.roster()?;
    let items = ctx.ledger.trash()?;
    if items.is_empty() {
        return Ok(format!("{}\n", a::trash_empty(lang)));
    }
    let mut out = String::new();
    for (record, deleted) in &items {
        let when = deleted.at.format("%Y-%m-%d %H:%M").to_string();
        let _ = writeln!(
            out,
            "{} {}",
            inert_line(&summary(lang, &roster, record)),
            a::deleted_by(lang, &when, &inert_line(&deleted.user))
        );
    }
    let _ = writeln!(out, "{}", a::trash_footer(lang, items.len()));
    Ok(out)
}

pub fn restore(ctx: &Context, raw: &str) -> Result<String, CliError> {
    let record = ctx.ledger.restore_from_trash(parse_id(raw)?)?;
    let roster = ctx.ledger.roster()?;
    let line = inert_line(&summary(ctx.lang, &roster, &record)).into_owned();
    Ok(format!("{}\n", a::restored(ctx.lang, &line)))
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Check one year against a digest (from the annual report): --seal 2025 DIGEST
    #[arg(long, num_args = 2, value_names = ["YEAR", "DIGEST"])]
    pub seal: Option<Vec<String>>,
    /// Check an archive file on its own (a copy handed upward), with --seal
    #[arg(long, value_name = "FILE")]
    pub archive: Option<std::path::PathBuf>,
}

/// The year and digest of `--seal YEAR DIGEST`.
fn seal_arg(args: &VerifyArgs, this_year: i32) -> Result<Option<(i32, Hash)>, CliError> {
    let Some([year, digest]) = args.seal.as_deref() else {
        return Ok(None);
    };
    let year = year_arg(Some(year), this_year)?;
    let digest = Hash::from_hex(digest.trim().to_ascii_lowercase().as_str())
        .ok_or_else(|| CliError::BadDigest(digest.clone()))?;
    Ok(Some((year, digest)))
}

pub fn verify(ctx: &Context, args: &VerifyArgs) -> Result<String, CliError> {
    let lang = ctx.lang;
    if let Some((year, digest)) = seal_arg(args, ctx.today.year())? {
        let seal = ctx.ledger.check_digest(year, &digest)?;
        return Ok(format!("{}\n", s::digest_matches(lang, &seal)));
    }
    let audit = ctx.ledger.audit()?;
    let mut out = format!(
        "{}\n",
        a::intact(lang, audit.summary.entries, &audit.summary.head)
    );
    for seal in &audit.archives {
        let _ = writeln!(out, "{}", s::archive_intact(lang, seal));
    }
    for e in &audit.notices {
        let _ = writeln!(out, "{}", s::notice(lang, e));
    }
    Ok(out)
}

/// `verify --archive FILE [--seal YEAR DIGEST]`: an archive file checked on
/// its own, without a ledger.
pub fn verify_file(
    lang: Lang,
    path: &std::path::Path,
    args: &VerifyArgs,
) -> Result<String, CliError> {
    let (archive, _) =
        crate::store::archive::read_file(path).map_err(|e| CliError::Core(e.into()))?;
    if let Some((year, digest)) = seal_arg(args, archive.year)?
        && (year != archive.year || digest != archive.seal.digest)
    {
        return Err(CliError::Core(crate::core::CoreError::SealCheck(
            SealCheck::NoSuchSeal { year, digest },
        )));
    }
    Ok(format!("{}\n", s::digest_matches(lang, &archive.seal)))
}

pub fn seal(ctx: &Context, year: &str) -> Result<String, CliError> {
    let year = year_arg(Some(year), ctx.today.year())?;
    let digest = ctx.ledger.seal_year(year)?;
    Ok(format!("{}\n", a::sealed(ctx.lang, &digest)))
}
