//! `taizhang report annual|shuze`: the reports a branch hands in, rendered from
//! the ledger by `crate::report` as Markdown, HTML or DOCX. Files are written
//! whole (a temporary file, then a rename) and readable by the owner only.

pub mod text;

use std::fs::OpenOptions;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::Datelike;
use clap::{Args, Subcommand, ValueEnum};

use crate::core::LedgerApi as _;
use crate::core::error::Field;
use crate::core::fix::FixItem;
use crate::i18n::{cli as t, fix as fixword};
use crate::report::{self, FixLine, RectificationSummary, Report, ReportError};

use super::status::year_arg;
use super::{CliError, Context};

#[derive(Debug, Subcommand)]
pub enum ReportCmd {
    /// The year's report to the superior committee (全面从严治党主体责任)
    Annual(OutputArgs),
    /// A leadership member's 述责述廉 draft
    Shuze(ShuzeArgs),
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Year to report on (default: this year)
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,
    /// md, html or docx (default: from the --out extension, else md)
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write to FILE (required for docx; default: stdout)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ShuzeArgs {
    /// The leadership member, by name or #id
    #[arg(long, value_name = "NAME|#ID")]
    pub person: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    #[value(alias = "markdown")]
    Md,
    #[value(alias = "htm")]
    Html,
    Docx,
}

/// What `report` refuses, besides bad years and names.
#[derive(Debug, thiserror::Error)]
pub enum ReportCliError {
    #[error("DOCX is binary and needs --out FILE")]
    DocxNeedsOut,
    #[error("cannot tell the format from {0:?}")]
    UnknownExtension(PathBuf),
    #[error("{name} is not a leadership member")]
    NotLeadership { name: String },
    #[error(transparent)]
    Render(#[from] ReportError),
}

impl From<ReportCliError> for CliError {
    fn from(e: ReportCliError) -> Self {
        CliError::Report(e)
    }
}

pub fn run(ctx: &Context, cmd: &ReportCmd) -> Result<String, CliError> {
    let lang = ctx.lang;
    match cmd {
        ReportCmd::Annual(out) => {
            let format = format_of(out)?;
            let year = year_arg(out.year.as_deref(), ctx.today.year())?;
            let view = ctx.ledger.year_view(year, ctx.today)?;
            let fixes = rectification_summary(ctx, year)?;
            let mut report = report::annual(&view, &fixes, lang);
            report.note = ctx
                .ledger
                .check_seal(year)?
                .map(|(seal, intact)| report::seal_note(lang, &seal, intact));
            deliver(ctx, &report, format, out.out.as_deref())
        }
        ReportCmd::Shuze(args) => {
            let out = &args.output;
            let format = format_of(out)?;
            let year = year_arg(out.year.as_deref(), ctx.today.year())?;
            let view = ctx.ledger.year_view(year, ctx.today)?;
            let id = view
                .roster
                .resolve(&args.person)
                .map_err(|p| CliError::invalid(Field::Name, p))?;
            let person = view
                .roster
                .get(id)
                .ok_or(CliError::Core(crate::core::CoreError::NoPerson(id)))?;
            if !person.is_leadership() {
                return Err(ReportCliError::NotLeadership {
                    name: person.name.clone(),
                }
                .into());
            }
            let report = report::shuze(&view, id, lang);
            deliver(ctx, &report, format, out.out.as_deref())
        }
    }
}

/// The year's rectification items as the annual report lists them: those
/// opened in the year, those closed in it, and those overdue at its end (or
/// today, for the current year), whatever year they now belong to.
fn rectification_summary(ctx: &Context, year: i32) -> Result<RectificationSummary, CliError> {
    let lang = ctx.lang;
    let roster = ctx.ledger.roster()?;
    let mut all = ctx.ledger.fixes(None)?;
    all.sort_by_key(|f| (f.opened, f.id));
    let year_end = chrono::NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(ctx.today);
    let cutoff = ctx.today.min(year_end);
    let line = |f: &FixItem| FixLine {
        problem: f.problem.clone(),
        owner: roster.name(f.owner),
        deadline: f.deadline,
        state: if f.overdue_on(cutoff) {
            format!(
                "{}{}",
                fixword::state(lang, f.state),
                lang.pick("（逾期）", " (overdue)")
            )
        } else {
            fixword::state(lang, f.state).to_string()
        },
    };
    Ok(RectificationSummary {
        opened: all
            .iter()
            .filter(|f| f.opened.year() == year)
            .map(line)
            .collect(),
        closed: all
            .iter()
            .filter(|f| f.closure.as_ref().is_some_and(|c| c.date.year() == year))
            .map(line)
            .collect(),
        overdue: all
            .iter()
            .filter(|f| f.overdue_on(cutoff))
            .map(line)
            .collect(),
    })
}

/// `--format`, else the `--out` extension, else Markdown; DOCX needs a file.
fn format_of(args: &OutputArgs) -> Result<ReportFormat, ReportCliError> {
    let format = match (args.format, args.out.as_deref()) {
        (Some(f), _) => f,
        (None, None) => ReportFormat::Md,
        (None, Some(path)) => {
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase());
            match ext.as_deref() {
                Some("md" | "markdown" | "txt") => ReportFormat::Md,
                Some("html" | "htm") => ReportFormat::Html,
                Some("docx") => ReportFormat::Docx,
                _ => return Err(ReportCliError::UnknownExtension(path.to_path_buf())),
            }
        }
    };
    if format == ReportFormat::Docx && args.out.is_none() {
        return Err(ReportCliError::DocxNeedsOut);
    }
    Ok(format)
}

fn deliver(
    ctx: &Context,
    report: &Report,
    format: ReportFormat,
    out: Option<&Path>,
) -> Result<String, CliError> {
    let text = match format {
        ReportFormat::Md => report::to_markdown(report),
        ReportFormat::Html => report::to_html(report),
        ReportFormat::Docx => {
            let bytes = report::to_docx(report).map_err(ReportCliError::from)?;
            let path = out.ok_or(ReportCliError::DocxNeedsOut)?;
            write_private(path, &bytes)?;
            return Ok(format!("{}\n", t::written(ctx.lang, path)));
        }
    };
    match out {
        Some(path) => {
            write_private(path, text.as_bytes())?;
            Ok(format!("{}\n", t::written(ctx.lang, path)))
        }
        None => Ok(text),
    }
}

/// Write `bytes` to `path` whole or not at all, readable by the owner only
/// (reports and exports hold personal data).
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let fail = |source: std::io::Error| CliError::Write {
        path: path.to_path_buf(),
        source,
    };
    // A device, pipe or socket (`--out /dev/stdout`, `/dev/null`, a FIFO) is
    // written in place: renaming a temporary file over it would replace the
    // device node itself with a private regular file.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        return OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut file| file.write_all(bytes))
            .map_err(fail);
    }
    let name = path.file_name().ok_or_else(|| {
        fail(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a file name",
        ))
    })?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(&tmp).map_err(fail)?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.map_err(fail)
}
