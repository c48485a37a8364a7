//! `taizhang fix add|list|show|edit|note|start|request-close|close`: the
//! rectification ledger (整改台账) from the command line. The core checks
//! every change; this file parses arguments and words the results.

pub mod show;

use chrono::{Datelike, NaiveDate};
use clap::{Args, Subcommand};

use crate::core::LedgerApi as _;
use crate::core::date::parse_date;
use crate::core::error::Field;
use crate::core::fix::{Evidence, FixId, FixItem, FixState, NewFix};
use crate::i18n::fix_cli as w;

use super::records::parse_id;
use super::status::year_arg;
use super::{CliError, Context, split_names};

pub use show::{overdue_json, overdue_lines, overdue_mark, state_word};

#[derive(Debug, Subcommand)]
pub enum FixCmd {
    /// Open an item: fix add --problem … --source 自查自检 --duty b7 --measures … --owner NAME --deadline 6-30
    Add(FixFields),
    /// Items of a year (default: this year)
    List {
        #[arg(long, value_name = "YEAR")]
        year: Option<String>,
        /// Only items not closed yet
        #[arg(long, conflicts_with = "overdue")]
        open: bool,
        /// Only items past their deadline and not closed
        #[arg(long)]
        overdue: bool,
        #[arg(long)]
        json: bool,
    },
    /// One item in full, with its notes and closure
    Show { id: String },
    /// Change an item's content; fields not given stay as they are
    Edit {
        id: String,
        #[command(flatten)]
        fields: FixFields,
    },
    /// Add a dated progress note
    Note {
        id: String,
        text: String,
        /// The note's date (default: today)
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    /// Start work (open → in progress; also sends back an item whose closure was requested)
    Start {
        id: String,
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Ask for the item to be closed (销号)
    RequestClose {
        id: String,
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Close (销号) with evidence; secretary or discipline member only
    Close {
        id: String,
        /// The record that shows the problem is fixed
        #[arg(long, value_name = "RECORD_ID", conflicts_with = "note")]
        record: Option<String>,
        /// What was done, if no record shows it
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// The closing date (default: today)
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
}

#[derive(Debug, Default, Args)]
pub struct FixFields {
    /// The problem found
    #[arg(long, value_name = "TEXT")]
    pub problem: Option<String>,
    /// 自查自检, 督导检查, 民主生活会, 组织生活会, 述责述廉, 巡察 or 其他
    #[arg(long, value_name = "SOURCE")]
    pub source: Option<String>,
    /// A duty it affects (repeatable, or A,B)
    #[arg(long = "duty", value_name = "ID")]
    pub duties: Vec<String>,
    /// The measures taken
    #[arg(long, value_name = "TEXT")]
    pub measures: Option<String>,
    /// Who is responsible (name or #id)
    #[arg(long, value_name = "NAME|#ID")]
    pub owner: Option<String>,
    /// The deadline (6-30, 2026-06-30, …)
    #[arg(long, value_name = "DATE")]
    pub deadline: Option<String>,
    /// The day the problem was found (default: today)
    #[arg(long, value_name = "DATE")]
    pub opened: Option<String>,
}

pub fn run(ctx: &Context, cmd: &FixCmd) -> Result<String, CliError> {
    let lang = ctx.lang;
    let l = &ctx.ledger;
    let done = |verb: w::Done, fix: &FixItem| -> Result<String, CliError> {
        let roster = l.roster()?;
        Ok(format!(
            "{}\n",
            w::done(lang, verb, &show::line(lang, &roster, fix, ctx.today))
        ))
    };
    match cmd {
        FixCmd::Add(fields) => {
            let input = new_fix(ctx, fields, None)?;
            done(w::Done::Added, &l.add_fix(&input, ctx.today)?)
        }
        FixCmd::List {
            year,
            open,
            overdue,
            json,
        } => {
            let year = year_arg(year.as_deref(), ctx.today.year())?;
            let fixes: Vec<FixItem> = l
                .fixes(Some(year))?
                .into_iter()
                .filter(|f| !*open || !f.is_closed())
                .filter(|f| !*overdue || f.is_overdue(ctx.today))
                .collect();
            let roster = l.roster()?;
            if *json {
                return show::json(lang, &roster, &fixes, ctx.today);
            }
            Ok(show::list(lang, &roster, &fixes, year, ctx.today))
        }
        FixCmd::Show { id } => {
            let fix = l.fix(parse_fix_id(id)?)?;
            Ok(show::detail(
                lang,
                &l.catalogue()?,
                &l.roster()?,
                &fix,
                ctx.today,
            ))
        }
        FixCmd::Edit { id, fields } => {
            let id = parse_fix_id(id)?;
            let old = l.fix(id)?;
            let input = new_fix(ctx, fields, Some(&old))?;
            done(w::Done::Saved, &l.update_fix(id, &input, ctx.today)?)
        }
        FixCmd::Note { id, text, date } => {
            let on = day(ctx, date.as_deref(), Field::Date)?;
            done(w::Done::Noted, &l.note_fix(parse_fix_id(id)?, text, on)?)
        }
        FixCmd::Start { id, note } => {
            let fix = l.transition_fix(
                parse_fix_id(id)?,
                FixState::InProgress,
                ctx.today,
                note.as_deref(),
            )?;
            done(w::Done::Moved, &fix)
        }
        FixCmd::RequestClose { id, note } => {
            let fix = l.transition_fix(
                parse_fix_id(id)?,
                FixState::ClosureRequested,
                ctx.today,
                note.as_deref(),
            )?;
            done(w::Done::Moved, &fix)
        }
        FixCmd::Close {
            id,
            record,
            note,
            date,
        } => {
            let on = day(ctx, date.as_deref(), Field::Date)?;
            let evidence = match (record, note) {
                (Some(rid), _) => Evidence::Record(parse_id(rid)?),
                (None, Some(text)) => Evidence::Note(text.clone()),
                (None, None) => Evidence::Note(String::new()),
            };
            done(
                w::Done::Closed,
                &l.close_fix(parse_fix_id(id)?, evidence, on)?,
            )
        }
    }
}

/// `#12` or `12`.
pub fn parse_fix_id(raw: &str) -> Result<FixId, CliError> {
    parse_id(raw).map(|r| FixId(r.0))
}

fn day(ctx: &Context, raw: Option<&str>, field: Field) -> Result<NaiveDate, CliError> {
    match raw {
        None => Ok(ctx.today),
        Some(raw) => parse_date(raw, ctx.today).map_err(|p| CliError::invalid(field, p)),
    }
}

/// The typed fields over `old`'s (for `edit`), or alone (for `add`).
fn new_fix(ctx: &Context, f: &FixFields, old: Option<&FixItem>) -> Result<NewFix, CliError> {
    let pick = |given: &Option<String>, was: Option<String>| -> String {
        given.clone().or(was).unwrap_or_default()
    };
    let date = |raw: &Option<String>, field: Field, was: Option<NaiveDate>| {
        raw.as_deref()
            .map(|r| parse_date(r, ctx.today).map_err(|p| CliError::invalid(field, p)))
            .transpose()
            .map(|d| d.or(was))
    };
    Ok(NewFix {
        source: pick(&f.source, old.map(|o| o.source.zh().to_string())),
        problem: pick(&f.problem, old.map(|o| o.problem.clone())),
        duties: if f.duties.is_empty() {
            old.map(|o| o.duties.iter().map(ToString::to_string).collect())
                .unwrap_or_default()
        } else {
            split_names(&f.duties)
        },
        measures: pick(&f.measures, old.map(|o| o.measures.clone())),
        owner: pick(&f.owner, old.map(|o| format!("#{}", o.owner))),
        deadline: date(&f.deadline, Field::Deadline, old.map(|o| o.deadline))?,
        opened: date(&f.opened, Field::Date, old.map(|o| o.opened))?,
    })
}
