//! `taizhang export` and `taizhang import`: the JSON backup (`core::Backup`,
//! which round-trips exactly); `--format csv` hands over to `cli::csv`.

use std::path::PathBuf;

use chrono::Datelike;
use clap::{Args, ValueEnum};

use crate::core::Backup;
use crate::core::LedgerApi as _;
use crate::i18n::cli as t;

use super::csv::{CsvError, What};
use super::{CliError, Context, read_text, write_out};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Csv,
    /// The year's 台账 as an Excel workbook (needs --out)
    Xlsx,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// json: a full backup; csv: a table for Excel/WPS (UTF-8 with BOM); xlsx: the year's 台账 workbook
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// csv only: records (default), duties (with the year's progress) or fixes
    #[arg(long, value_enum)]
    pub what: Option<What>,
    /// csv and xlsx: the year (csv records: default every year; otherwise this year)
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,
    /// Write to FILE instead of stdout (a CSV file is readable by its owner only)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A JSON backup written by `taizhang export`
    pub file: PathBuf,
    /// Replace a ledger that already holds people or records
    #[arg(long)]
    pub force: bool,
}

pub fn export(ctx: &Context, args: &ExportArgs) -> Result<String, CliError> {
    if args.format == Format::Csv {
        return super::csv::export(
            ctx,
            args.what.unwrap_or(What::Records),
            args.year.as_deref(),
            args.out.as_deref(),
        );
    }
    if args.what.is_some() {
        return Err(CsvError::OnlyForCsv("what").into());
    }
    if args.format == Format::Xlsx {
        let year = super::status::year_arg(args.year.as_deref(), ctx.today.year())?;
        return super::csv::export_xlsx(ctx, year, args.out.as_deref());
    }
    if args.year.is_some() {
        return Err(CsvError::OnlyForCsv("year").into());
    }
    let backup = ctx.ledger.export()?;
    write_out(ctx.lang, args.out.as_deref(), &super::to_json(&backup)?)
}

pub fn import(ctx: &Context, args: &ImportArgs) -> Result<String, CliError> {
    let text = read_text(&args.file)?;
    let backup: Backup = serde_json::from_str(&text).map_err(|e| CliError::BadJson {
        path: args.file.clone(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    if !args.force {
        let current = ctx.ledger.export()?;
        if !current.people.is_empty() || !current.records.is_empty() {
            return Err(CliError::ImportOverData(ctx.path.clone()));
        }
    }
    ctx.ledger.import(&backup)?;
    Ok(format!(
        "{}\n",
        t::imported(ctx.lang, backup.people.len(), backup.records.len())
    ))
}
