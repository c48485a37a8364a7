//! `taizhang import-csv FILE`: records from an existing Excel ledger. Every row
//! is checked first (`core::import`); one bad row and nothing is written.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Args;

use crate::core::LedgerApi as _;
use crate::core::import::{Against, Row, check_rows, find_header};
use crate::core::record::{Record, RecordId};
use crate::i18n::csv_cli as w;

use super::super::{CliError, Context};
use super::{CsvError, read};

#[derive(Debug, Args)]
pub struct ImportCsvArgs {
    /// A spreadsheet saved as CSV (UTF-8 or GBK); needs 日期/date and 类型/kind columns
    pub file: PathBuf,
    /// Check every row and report, but write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Import rows that repeat an existing record (same date, kind, topic, host)
    #[arg(long)]
    pub allow_duplicates: bool,
}

pub fn run(ctx: &Context, args: &ImportCsvArgs) -> Result<String, CliError> {
    let path = &args.file;
    let bytes = std::fs::read(path).map_err(|source| CliError::Read {
        path: path.clone(),
        source,
    })?;
    let (text, _) = read::decode(&bytes).map_err(|why| CsvError::Unreadable {
        path: path.clone(),
        why,
    })?;
    let all = read::rows(path, &text)?;
    let (at, columns) = find_header(&all).map_err(|error| CsvError::Header {
        path: path.clone(),
        error,
    })?;
    let header = columns.header.clone();
    let (above, rows) = all.split_at(at);
    let rows = &rows[1..];
    let lang = ctx.lang;
    let mut notes = Vec::new();
    let titles: Vec<&Row> = above
        .iter()
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    if let Some(first) = titles.first() {
        let text: Vec<&str> = first
            .cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        notes.push(w::title_rows_skipped(
            lang,
            titles.len(),
            first.number,
            &text.join(" "),
        ));
    }
    let extras: Vec<String> = columns
        .extra
        .iter()
        .filter_map(|i| header.get(*i))
        .map(|h| h.trim().to_string())
        .collect();
    let existing = all_records(ctx)?;
    let closed = ctx.ledger.closed_years()?;
    let against = Against {
        catalogue: &ctx.ledger.catalogue()?,
        roster: &ctx.ledger.roster()?,
        existing: &existing,
        today: ctx.today,
        allow_duplicates: args.allow_duplicates,
        closed: &closed,
    };
    let checked = check_rows(&columns, rows, &against).map_err(|errors| CsvError::Rows {
        path: path.clone(),
        header: header.clone(),
        errors,
    })?;
    if !extras.is_empty() {
        notes.push(w::extras_kept(lang, &extras));
    }
    if !checked.future.is_empty() {
        notes.push(w::future_rows(lang, &checked.future));
    }
    let mut out = String::new();
    for n in &notes {
        let _ = writeln!(out, "{n}");
    }
    if args.dry_run {
        let _ = writeln!(out, "{}", w::dry_run_ok(lang, checked.inputs.len()));
        return Ok(out);
    }
    // Every row passed the checks `add_record` makes (validation, closed
    // years), so only a failing store can stop the loop; then what this run
    // added is taken back.
    let mut added: Vec<RecordId> = Vec::with_capacity(checked.inputs.len());
    for (_, input) in &checked.inputs {
        match ctx.ledger.add_record(input) {
            Ok(record) => added.push(record.id),
            Err(e) => {
                for id in added.iter().rev() {
                    let _ = ctx.ledger.delete_record(*id);
                }
                return Err(e.into());
            }
        }
    }
    let _ = writeln!(out, "{}", w::csv_imported(lang, added.len()));
    Ok(out)
}

fn all_records(ctx: &Context) -> Result<Vec<Record>, CliError> {
    let mut out = Vec::new();
    for year in ctx.ledger.record_years()? {
        out.extend(ctx.ledger.records_in_year(year)?);
    }
    Ok(out)
}
