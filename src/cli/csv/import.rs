//! `taizhang import-csv FILE`: records from an existing ledger sheet, saved as
//! CSV or kept as an .xlsx/.xls workbook (every sheet with a 日期 and a 类型
//! column). Every row is checked first (`core::import`), closed years
//! included; one bad row and nothing is written.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Args;

use super::text as w;
use crate::core::LedgerApi as _;
use crate::core::import::{Against, Column, HeaderError, Row, check_rows, find_header};
use crate::core::record::{Record, RecordId};

use super::super::{CliError, Context};
use super::{CsvError, Unreadable, read, workbook};

#[derive(Debug, Args)]
pub struct ImportCsvArgs {
    /// A sheet saved as CSV (UTF-8 or GBK), or an .xlsx/.xls workbook; needs 日期/date and 类型/kind columns
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
    let tables = match read::decode(&bytes) {
        Ok((text, _)) => vec![(path.clone(), read::rows(path, &text)?)],
        Err(Unreadable::Workbook) => workbook::sheets(path, &bytes)?,
        Err(why) => {
            return Err(CsvError::Unreadable {
                path: path.clone(),
                why,
            }
            .into());
        }
    };
    let lang = ctx.lang;
    let several = tables.len() > 1;
    let mut notes = Vec::new();
    let mut sheets = Vec::new();
    for (label, all) in tables {
        let (at, columns) = match find_header(&all) {
            Ok(found) => found,
            // A workbook's 整改 or duty sheet is not a record sheet.
            Err(_) if several => {
                notes.push(w::sheet_skipped(lang, &label));
                continue;
            }
            Err(error) => return Err(CsvError::Header { path: label, error }.into()),
        };
        let titles: Vec<&Row> = all[..at]
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
            .filter_map(|i| columns.header.get(*i))
            .map(|h| h.trim().to_string())
            .collect();
        if !extras.is_empty() {
            notes.push(w::extras_kept(lang, &extras));
        }
        let rows = all[at + 1..].to_vec();
        sheets.push((label, columns, rows));
    }
    if sheets.is_empty() {
        return Err(CsvError::Header {
            path: path.clone(),
            error: HeaderError::Missing(Column::REQUIRED.to_vec()),
        }
        .into());
    }
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
    let mut inputs = Vec::new();
    let mut future = Vec::new();
    for (label, columns, rows) in &sheets {
        let checked = check_rows(columns, rows, &against).map_err(|errors| CsvError::Rows {
            path: label.clone(),
            header: columns.header.clone(),
            errors,
        })?;
        inputs.extend(checked.inputs);
        future.extend(checked.future);
    }
    if !future.is_empty() {
        notes.push(w::future_rows(lang, &future));
    }
    let mut out = String::new();
    for n in &notes {
        let _ = writeln!(out, "{n}");
    }
    if args.dry_run {
        let _ = writeln!(out, "{}", w::dry_run_ok(lang, inputs.len()));
        return Ok(out);
    }
    // Every row passed the checks `add_record` makes (validation, closed
    // years), so only a failing store can stop the loop; then what this run
    // added is taken back.
    let mut added: Vec<RecordId> = Vec::with_capacity(inputs.len());
    for (_, input) in &inputs {
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
