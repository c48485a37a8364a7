//! `taizhang import-csv FILE`: records from an existing Excel ledger. Every row
//! is checked first (`core::import`); one bad row and nothing is written.

use std::path::PathBuf;

use clap::Args;

use crate::core::LedgerApi as _;
use crate::core::import::{Against, Columns, validate_rows};
use crate::core::record::{Record, RecordId};
use crate::i18n::report_cli as w;

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
    let (header, rows) = read::table(path, &text)?;
    let columns = Columns::from_header(&header).map_err(|error| CsvError::Header {
        path: path.clone(),
        error,
    })?;
    let existing = all_records(ctx)?;
    let against = Against {
        catalogue: &ctx.ledger.catalogue()?,
        roster: &ctx.ledger.roster()?,
        existing: &existing,
        today: ctx.today,
        allow_duplicates: args.allow_duplicates,
    };
    let inputs = validate_rows(&columns, &rows, &against).map_err(|errors| CsvError::Rows {
        path: path.clone(),
        header: header.clone(),
        errors,
    })?;
    if args.dry_run {
        return Ok(format!("{}\n", w::dry_run_ok(ctx.lang, inputs.len())));
    }
    let mut added: Vec<RecordId> = Vec::with_capacity(inputs.len());
    for input in &inputs {
        match ctx.ledger.add_record(input) {
            Ok(record) => added.push(record.id),
            Err(e) => {
                // All or nothing: take back what this run already added.
                for id in added.iter().rev() {
                    let _ = ctx.ledger.delete_record(*id);
                }
                return Err(e.into());
            }
        }
    }
    Ok(format!("{}\n", w::csv_imported(ctx.lang, added.len())))
}

fn all_records(ctx: &Context) -> Result<Vec<Record>, CliError> {
    let mut out = Vec::new();
    for year in ctx.ledger.record_years()? {
        out.extend(ctx.ledger.records_in_year(year)?);
    }
    Ok(out)
}
