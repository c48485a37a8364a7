//! `taizhang year close|list|reopen` and `taizhang amend`: closing a year
//! (carry-over, seal, into its archive), the owner's reopening, and dated
//! corrections to records.

use std::fmt::Write as _;

use chrono::Datelike;
use clap::{Args, Subcommand};

use crate::core::LedgerApi as _;
use crate::core::date::parse_date;
use crate::core::error::Field;
use crate::core::record::RecordId;
use crate::core::text::{inert, inert_line};
use crate::core::year::Correction;
use crate::i18n::{cli as t, fix_cli as w, seal as sl};

use super::records::parse_id;
use super::status::year_arg;
use super::{CliError, Context};

#[derive(Debug, Subcommand)]
pub enum YearCmd {
    /// Close a year: seal its records, make it read-only, carry open items into the next year
    Close {
        /// The year, e.g. 2025
        year: String,
    },
    /// Every year with its state and seal digest
    List,
    /// Put a sealed year back into the ledger so it can change (the ledger's owner only; journaled)
    Reopen {
        /// The year, e.g. 2025
        year: String,
    },
}

#[derive(Debug, Args)]
pub struct AmendArgs {
    /// The record id (23 or #23)
    pub id: String,
    /// What is corrected
    #[arg(long, value_name = "TEXT")]
    pub note: String,
    /// The correction's date (default: today)
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

pub fn run(ctx: &Context, cmd: &YearCmd) -> Result<String, CliError> {
    let lang = ctx.lang;
    match cmd {
        YearCmd::Close { year } => {
            let year = year_arg(Some(year), ctx.today.year())?;
            let closing = ctx.ledger.close_year(year)?;
            Ok(format!(
                "{}\n",
                w::year_closed(lang, year, &closing.seal.digest, closing.carried.len())
            ))
        }
        YearCmd::List => {
            let states = ctx.ledger.year_states()?;
            if states.is_empty() {
                return Ok(format!("{}\n", w::no_years(lang)));
            }
            let mut out = format!("{}\n", w::year_list_heading(lang));
            for s in states {
                let mut seal = match &s.seal {
                    Some((digest, true)) => digest.digest.to_string(),
                    Some((digest, false)) => format!("{}{}", digest.digest, w::seal_broken(lang)),
                    None => "—".to_string(),
                };
                if let Some(e) = &s.reopened {
                    seal.push_str(&sl::reopened_mark(lang, e));
                }
                let _ = writeln!(
                    out,
                    "{}  {}  {:>5}  {:>4}  {seal}",
                    s.year,
                    sl::year_state(lang, s.closed, s.archived),
                    s.records,
                    s.fixes
                );
            }
            Ok(out)
        }
        YearCmd::Reopen { year } => {
            let year = year_arg(Some(year), ctx.today.year())?;
            ctx.ledger.reopen_year(year)?;
            Ok(format!("{}\n", sl::reopened(lang, year)))
        }
    }
}

pub fn amend(ctx: &Context, args: &AmendArgs) -> Result<String, CliError> {
    let id = parse_id(&args.id)?;
    let date = match &args.date {
        Some(raw) => parse_date(raw, ctx.today).map_err(|p| CliError::invalid(Field::Date, p))?,
        None => ctx.today,
    };
    let c = ctx.ledger.amend_record(id, &args.note, date)?;
    Ok(format!(
        "{}\n",
        w::amended(ctx.lang, &id.to_string(), &c.date.to_string())
    ))
}

/// The corrections block under `records show`, or nothing.
pub fn corrections_text(ctx: &Context, id: RecordId) -> Result<String, CliError> {
    let list = ctx.ledger.corrections(id)?;
    if list.is_empty() {
        return Ok(String::new());
    }
    let lang = ctx.lang;
    let mut out = format!("{}\n", t::label(lang, w::corrections_heading(lang)));
    for c in &list {
        let _ = writeln!(out, "  {}", correction_line(c));
    }
    Ok(out)
}

/// `2026-01-05 alice  实际参会人数为12人`
pub fn correction_line(c: &Correction) -> String {
    format!("{} {}  {}", c.date, inert_line(&c.by), inert(&c.note, true))
}
