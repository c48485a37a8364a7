//! CSV for spreadsheets: `taizhang export --format csv --what records|duties|fixes`
//! and `taizhang import-csv`. Files written here open as typed in Excel and WPS:
//! UTF-8 with a BOM, CRLF rows, RFC 4180 quoting, formula-like cells defused.

mod duties;
mod fixes;
mod import;
mod read;
mod records;
pub mod text;
mod workbook;
mod xlsx;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::Datelike;
use clap::ValueEnum;

use crate::cli::report::text as w;
use crate::core::LedgerApi as _;
use crate::core::import::{HeaderError, RowError, guard};
use crate::i18n::cli as t;

use super::report::write_private;
use super::status::year_arg;
use super::{CliError, Context};

pub use import::{ImportCsvArgs, run as import};
pub use read::Unreadable;
pub use xlsx::export as export_xlsx;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum What {
    /// One row per record
    Records,
    /// Every duty with its progress for the year
    Duties,
    /// Rectification items (整改)
    Fixes,
}

/// What the CSV commands refuse.
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    #[error("--{0} only applies to --format csv")]
    OnlyForCsv(&'static str),
    #[error("an .xlsx workbook is binary and needs --out FILE")]
    XlsxNeedsOut,
    #[error("{path:?} cannot be read as CSV: {why:?}")]
    Unreadable { path: PathBuf, why: Unreadable },
    #[error("{path:?} line {line}: {message}")]
    Syntax {
        path: PathBuf,
        line: u64,
        message: String,
    },
    #[error("{path:?} has no header row")]
    NoHeader { path: PathBuf },
    #[error("{path:?}: {error}")]
    Header { path: PathBuf, error: HeaderError },
    /// Every bad row, with the header to name columns by.
    #[error("{path:?}: {} rows refused", errors.len())]
    Rows {
        path: PathBuf,
        header: Vec<String>,
        errors: Vec<RowError>,
    },
}

impl From<CsvError> for CliError {
    fn from(e: CsvError) -> Self {
        CliError::Csv(e)
    }
}

/// `export --format csv`: the chosen table to `out`, or to stdout.
pub fn export(
    ctx: &Context,
    what: What,
    year: Option<&str>,
    out: Option<&Path>,
) -> Result<String, CliError> {
    let lang = ctx.lang;
    let bytes = match what {
        What::Records => {
            let year = year
                .map(|y| year_arg(Some(y), ctx.today.year()))
                .transpose()?;
            records::table(ctx, year)?
        }
        What::Duties => {
            let view = ctx
                .ledger
                .year_view(year_arg(year, ctx.today.year())?, ctx.today)?;
            duties::table(lang, &view)?
        }
        What::Fixes => {
            let year = year_arg(year, ctx.today.year())?;
            let items = ctx.ledger.fixes(Some(year))?;
            if items.is_empty() {
                note(w::fixes_pending(lang));
            }
            fixes::table(ctx, &items)?
        }
    };
    match out {
        Some(path) => {
            write_private(path, &bytes)?;
            Ok(format!("{}\n", t::written(lang, path)))
        }
        None => String::from_utf8(bytes).map_err(|e| encode_failure(&e)),
    }
}

/// A header and rows as CSV bytes: BOM, CRLF, quoting only where needed,
/// and every data cell guarded against formula injection.
fn table(header: &[&str], rows: Vec<Vec<String>>) -> Result<Vec<u8>, CliError> {
    let mut out = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    out.write_record(header).map_err(|e| encode_failure(&e))?;
    for row in rows {
        out.write_record(row.iter().map(|c| guard(c)))
            .map_err(|e| encode_failure(&e))?;
    }
    out.into_inner().map_err(|e| encode_failure(&e))
}

/// Writing CSV into memory cannot fail short of a bug; say so plainly.
fn encode_failure(e: &dyn std::fmt::Display) -> CliError {
    CliError::Write {
        path: PathBuf::from("-"),
        source: std::io::Error::other(e.to_string()),
    }
}

/// A remark for the person at the terminal, kept off stdout so that
/// redirected output stays a clean file.
fn note(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{text}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_guards_and_ends_rows_with_crlf() {
        let bytes = table(
            &["a", "b"],
            vec![
                vec!["x,y".into(), "=1+1".into()],
                vec!["say \"hi\"".into(), "l1\nl2".into()],
            ],
        )
        .unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "\u{feff}a,b\r\n\"x,y\",'=1+1\r\n\"say \"\"hi\"\"\",\"l1\nl2\"\r\n"
        );
    }
}
