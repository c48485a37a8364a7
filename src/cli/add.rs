//! `taizhang add KIND …`: turn the typed flags into a `NewRecord`, let the
//! core validate and save it, then show which duties moved.

use std::fmt::Write as _;

use clap::Args;

use crate::core::Confirmations;
use crate::core::LedgerApi as _;
use crate::core::date::parse_date;
use crate::core::error::{Field, Problem};
use crate::core::record::{MAX_NOTES, NewRecord, RecordKind};
use crate::i18n::cli as t;

use super::layout::shown;
use super::{CliError, Context, records, split_names};

#[derive(Debug, Args)]
pub struct AddArgs {
    #[arg(help = "Kind, in Chinese or English: 支委会, 党课, 廉政谈话, committee_meeting…")]
    pub kind: String,
    /// 今天, 昨天, -3, 3-14, 2026-03-14 (default: today)
    #[arg(long, allow_hyphen_values = true)]
    pub date: Option<String>,
    /// What it was about (required except for talks)
    #[arg(long)]
    pub topic: Option<String>,
    /// Who chaired or held it
    #[arg(long, value_name = "NAME")]
    pub host: Option<String>,
    /// Names separated by , or ， or 、
    #[arg(long, value_name = "A,B")]
    pub attendees: Vec<String>,
    /// Absentees with their reason
    #[arg(long, value_name = "NAME:REASON,...")]
    pub absent: Vec<String>,
    /// Talk partners, or the people a report covers
    #[arg(long = "with", value_name = "NAME,...")]
    pub partners: Vec<String>,
    /// Duty ids it counts toward (default: those the kind counts toward)
    #[arg(long, value_name = "ID")]
    pub duty: Vec<String>,
    /// Free text
    #[arg(long, conflicts_with = "notes_file")]
    pub notes: Option<String>,
    /// Read the notes from a UTF-8 text file (for long minutes)
    #[arg(long, value_name = "FILE")]
    pub notes_file: Option<std::path::PathBuf>,
    /// A reference to supporting material (repeatable)
    #[arg(long, value_name = "REF")]
    pub evidence: Vec<String>,
    /// The year the record covers (所属年度), when it is the year before the
    /// date's: a report or 民主生活会 in January on the year before
    #[arg(long, value_name = "YEAR")]
    pub covers: Option<String>,
    /// Confirm a date after today (an entry made in advance)
    #[arg(long)]
    pub future: bool,
    /// Confirm a record equal to an existing one (same date, kind, people and topic)
    #[arg(long)]
    pub duplicate: bool,
}

pub fn run(ctx: &Context, args: &AddArgs) -> Result<String, CliError> {
    let input = new_record(ctx, args)?;
    let record = ctx
        .ledger
        .add_record(&input)
        .map_err(|e| match ctx.ledger.roster() {
            Ok(roster) => super::suggest::names(&roster, e.into()),
            Err(_) => e.into(),
        })?;
    let view = ctx.ledger.year_view(record.year_covered(), ctx.today)?;
    let lang = ctx.lang;
    let mut out = format!(
        "{}\n",
        t::saved(lang, &records::summary(lang, &view.roster, &record))
    );
    if record.duties.is_empty() {
        let _ = writeln!(out, "{}", t::counted_nowhere(lang));
        return Ok(out);
    }
    let _ = writeln!(out, "{}", t::counted_toward(lang));
    for id in &record.duties {
        let (Some(duty), Some(p)) = (view.catalogue.duty(id), view.progress_of(id)) else {
            continue;
        };
        let _ = writeln!(
            out,
            "  {} {}",
            shown(crate::i18n::domain::duty_title(lang, duty)),
            t::progress_brief(lang, p),
        );
    }
    Ok(out)
}

/// The flags as raw input; only the kind, the date and the absence syntax
/// are checked here, everything else by `NewRecord::validate`.
pub fn new_record(ctx: &Context, args: &AddArgs) -> Result<NewRecord, CliError> {
    let kind = RecordKind::parse(&args.kind).ok_or_else(|| super::suggest::kind(&args.kind))?;
    let date = match args.date.as_deref() {
        None => ctx.today,
        Some(raw) => parse_date(raw, ctx.today).map_err(|p| CliError::invalid(Field::Date, p))?,
    };
    let absentees = split_names(&args.absent)
        .into_iter()
        .map(|item| parse_absence(&item))
        .collect::<Result<Vec<_>, _>>()?;
    let duties = split_names(&args.duty);
    let notes = match (&args.notes, &args.notes_file) {
        (_, Some(path)) => read_notes(path)?,
        (Some(text), None) => text.clone(),
        (None, None) => String::new(),
    };
    Ok(NewRecord {
        kind: Some(kind),
        date: Some(date),
        topic: args.topic.clone().unwrap_or_default(),
        host: args.host.clone(),
        attendees: split_names(&args.attendees),
        absentees,
        partners: split_names(&args.partners),
        duties: (!duties.is_empty()).then_some(duties),
        notes,
        evidence: args.evidence.clone(),
        covers: args
            .covers
            .as_deref()
            .map(|raw| {
                raw.trim()
                    .trim_end_matches('年')
                    .parse::<i32>()
                    .map_err(|_| CliError::BadYear(raw.into()))
            })
            .transpose()?,
        confirmed: Confirmations {
            future: args.future,
            duplicate: args.duplicate,
        },
    })
}

/// Reading stops here: far more than any valid note (`MAX_NOTES` characters
/// are at most 80 KB), so that `--notes-file /dev/zero` cannot hang.
const NOTES_FILE_LIMIT: u64 = 16 << 20;

/// `--notes-file`: the file's text (a leading BOM dropped), refused as too
/// long without reading past `NOTES_FILE_LIMIT`.
fn read_notes(path: &std::path::Path) -> Result<String, CliError> {
    use std::io::Read as _;
    let read_err = |source| CliError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let mut bytes = Vec::new();
    file.take(NOTES_FILE_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    let text = String::from_utf8_lossy(&bytes);
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > NOTES_FILE_LIMIT {
        return Err(CliError::invalid(
            Field::Notes,
            Problem::TooLong {
                max: MAX_NOTES,
                got: text.chars().count(),
            },
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        read_err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            e.to_string(),
        ))
    })?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// `NAME:reason` (or `NAME：reason`); the reason may be left out.
fn parse_absence(item: &str) -> Result<(String, String), CliError> {
    let (name, reason) = item
        .split_once([':', '：'])
        .map_or((item, ""), |(n, r)| (n, r));
    let name = name.trim();
    if name.is_empty() {
        return Err(CliError::BadAbsence(item.to_string()));
    }
    Ok((name.to_string(), reason.trim().to_string()))
}
