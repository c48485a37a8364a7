//! `taizhang export` and `taizhang import`: the JSON backup (`core::Backup`,
//! which round-trips exactly) and a CSV of the records for spreadsheets.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::core::Backup;
use crate::core::record::Record;
use crate::core::roster::{PersonId, Roster};
use crate::i18n::{Lang, cli as t, domain};

use super::{CliError, Context, read_text, write_out};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// json: a full backup; csv: the records (UTF-8 with BOM)
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
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
    let backup = ctx.ledger.export()?;
    let text = match args.format {
        Format::Json => super::to_json(&backup)?,
        Format::Csv => csv(ctx.lang, &backup),
    };
    write_out(ctx.lang, args.out.as_deref(), &text)
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

/// One row per record, names resolved, with a BOM so spreadsheet programs
/// read the Chinese correctly.
pub fn csv(lang: Lang, backup: &Backup) -> String {
    let roster = Roster::new(backup.people.clone());
    let mut out = String::from('\u{feff}');
    push_row(
        &mut out,
        t::csv_header(lang).iter().map(|s| (*s).to_string()),
    );
    for r in &backup.records {
        push_row(&mut out, csv_row(lang, &roster, r).into_iter());
    }
    out
}

fn csv_row(lang: Lang, roster: &Roster, r: &Record) -> Vec<String> {
    let sep = lang.pick("、", "; ");
    let names = |ids: &[PersonId]| {
        ids.iter()
            .map(|id| roster.name(*id))
            .collect::<Vec<_>>()
            .join(sep)
    };
    vec![
        r.id.0.to_string(),
        r.date.to_string(),
        domain::kind(lang, r.kind).to_string(),
        r.topic.clone(),
        r.host.map(|h| roster.name(h)).unwrap_or_default(),
        names(&r.attendees),
        r.absentees
            .iter()
            .map(|a| t::absence(lang, &roster.name(a.person), &a.reason))
            .collect::<Vec<_>>()
            .join(sep),
        names(&r.partners),
        r.duties
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(sep),
        r.notes.clone(),
        r.evidence.join(sep),
        r.entered_by.clone(),
        r.entered_at.format("%Y-%m-%d %H:%M:%S").to_string(),
    ]
}

/// RFC 4180: quote a field holding a comma, quote or line break; CRLF rows.
fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    let cells: Vec<String> = fields
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f
            }
        })
        .collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it() {
        let mut out = String::new();
        push_row(
            &mut out,
            ["a", "b,c", "say \"hi\"", "x\ny"]
                .iter()
                .map(|s| (*s).to_string()),
        );
        assert_eq!(out, "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
    }
}
