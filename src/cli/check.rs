//! `taizhang check`: the year's consistency findings (`core::check`), each
//! with its record, what is wrong, the source and the fix; or JSON. Exits
//! with 3 when there are findings, so a script or cron job can tell.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use clap::Args;
use serde::Serialize;

use crate::core::LedgerApi as _;
use crate::core::check::{Finding, Problem};
use crate::core::record::RecordId;
use crate::i18n::{Lang, check as words, cli as t, domain};

use super::layout::shown;
use super::status::year_arg;
use super::{CliError, Context};

#[derive(Debug, Default, Args)]
pub struct CheckArgs {
    /// Year to check (default: this year)
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &CheckArgs) -> Result<String, CliError> {
    let year = year_arg(args.year.as_deref(), ctx.today.year())?;
    let view = ctx.ledger.year_view(year, ctx.today)?;
    let text = if args.json {
        json(ctx.lang, year, &view.findings)?
    } else {
        full(ctx.lang, year, &view.findings)
    };
    if view.findings.is_empty() {
        Ok(text)
    } else {
        Err(CliError::Findings(text))
    }
}

fn full(lang: Lang, year: i32, findings: &[Finding]) -> String {
    let mut out = format!("{}\n", heading(lang, year, findings.len()));
    for (i, f) in findings.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, shown(&words::record(lang, f)));
        out.push_str(&block(lang, f, "   "));
    }
    out
}

fn heading(lang: Lang, year: i32, n: usize) -> String {
    match lang {
        Lang::Zh => format!("{year} 年度一致性检查：{}", words::count(lang, n)),
        Lang::En => format!("Consistency check {year}: {}", words::count(lang, n)),
    }
}

/// What is wrong, the source and the fix, one per line under `indent`
/// (`records show` prints the same block).
pub fn block(lang: Lang, f: &Finding, indent: &str) -> String {
    let mut out = String::new();
    for (label, value) in [
        (lang.pick("问题", "Problem"), words::problem(lang, f)),
        (
            lang.pick("依据", "Source"),
            words::source(lang, f.problem.source()),
        ),
        (
            lang.pick("处理", "Fix"),
            words::fix(lang, &f.problem).to_string(),
        ),
    ] {
        let _ = writeln!(out, "{indent}{}{}", t::label(lang, label), shown(&value));
    }
    out
}

/// One finding for scripts: the record, the check's code and data, and the
/// same sentences the text output shows.
#[derive(Serialize)]
pub(super) struct JsonFinding<'a> {
    record: RecordId,
    date: NaiveDate,
    kind: crate::core::RecordKind,
    kind_name: &'static str,
    topic: &'a str,
    #[serde(flatten)]
    problem: &'a Problem,
    text: String,
    source: String,
    fix: &'static str,
}

#[derive(Serialize)]
struct JsonCheck<'a> {
    year: i32,
    count: usize,
    findings: Vec<JsonFinding<'a>>,
}

fn json(lang: Lang, year: i32, findings: &[Finding]) -> Result<String, CliError> {
    super::to_json(&JsonCheck {
        year,
        count: findings.len(),
        findings: json_rows(lang, findings),
    })
}

/// The findings for scripts (`check --json`, `status --json`).
pub(super) fn json_rows(lang: Lang, findings: &[Finding]) -> Vec<JsonFinding<'_>> {
    findings
        .iter()
        .map(|f| JsonFinding {
            record: f.record,
            date: f.date,
            kind: f.kind,
            kind_name: domain::kind(lang, f.kind),
            topic: &f.topic,
            problem: &f.problem,
            text: words::problem(lang, f),
            source: words::source(lang, f.problem.source()),
            fix: words::fix(lang, &f.problem),
        })
        .collect()
}

/// The line `status` ends with when the checks found something: the count
/// and the command that lists them.
pub fn status_line(lang: Lang, year: i32, findings: &[Finding]) -> String {
    if findings.is_empty() {
        return String::new();
    }
    let count = words::count(lang, findings.len());
    match lang {
        Lang::Zh => format!("! 一致性检查{count}，详见 taizhang check --year {year}\n"),
        Lang::En => format!("! consistency check: {count}; see taizhang check --year {year}\n"),
    }
}
