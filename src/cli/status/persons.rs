//! The per-person block under a per-person duty (双重组织生活, 责任书,
//! 述责述廉, 研究部署): one row per person who owes it, who is behind first,
//! with done/needed and state; and the same rows for `status --json`.

use std::fmt::Write as _;

use serde::Serialize;

use crate::core::catalogue::Duty;
use crate::core::ledger::YearView;
use crate::core::progress::{PersonProgress, Progress, Status};
use crate::core::record::RecordId;
use crate::core::roster::PersonId;
use crate::core::rule::{Period, Rule};
use crate::i18n::{Lang, cli as t, domain, persons as words};

use super::super::layout::{fit, right, shown, width};

/// Widest name column, in terminal cells.
const NAME_COLS: usize = 12;

/// The cadence and minimum of a per-person rule.
fn shape(duty: &Duty) -> Option<(Period, u32)> {
    match duty.rule {
        Rule::PerPerson { per, min, .. } => Some((per, min)),
        _ => None,
    }
}

/// The block printed under the duty's row; empty for other duties.
pub(super) fn block(lang: Lang, view: &YearView, duty: &Duty, p: &Progress) -> String {
    let Some((per, min)) = shape(duty) else {
        return String::new();
    };
    if p.persons.is_empty() {
        return String::new();
    }
    let name = |r: &PersonProgress| shown(&view.roster.name(r.person)).into_owned();
    let name_cols = p
        .persons
        .iter()
        .map(|r| width(&name(r)))
        .max()
        .unwrap_or(0)
        .min(NAME_COLS);
    let count_cols = p
        .persons
        .iter()
        .map(|r| width(&words::done_needed(per, min, r)))
        .max()
        .unwrap_or(0);
    let status_cols = p
        .persons
        .iter()
        .map(|r| width(domain::status(lang, r.status)))
        .max()
        .unwrap_or(0);
    let heading = t::label(lang, &words::heading(lang, per));
    let mut out = format!("      {}\n", heading.trim_end());
    for r in &p.persons {
        let line = format!(
            "        {} {} {} {} {}",
            domain::status_marker(r.status),
            fit(&name(r), name_cols),
            right(&words::done_needed(per, min, r), count_cols),
            fit(domain::status(lang, r.status), status_cols),
            words::missed(lang, per, r),
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}

/// One person's row in `status --json`: ids kept, names and words beside.
#[derive(Serialize)]
pub(super) struct JsonPerson<'a> {
    person: PersonId,
    name: String,
    /// Done and needed as the status shows them: records against the
    /// minimum for a yearly rule, periods met against periods owed otherwise.
    done: u32,
    needed: u32,
    /// Periods of the cadence owed and met; the owed ones missed (over and
    /// short) and pending (short, not over), 1-based.
    owed: u32,
    met: u32,
    missed: &'a [u32],
    pending: &'a [u32],
    records: &'a [RecordId],
    status: Status,
    status_text: &'static str,
    text: String,
}

pub(super) fn json<'a>(
    lang: Lang,
    view: &YearView,
    duty: &Duty,
    p: &'a Progress,
) -> Vec<JsonPerson<'a>> {
    let Some((per, min)) = shape(duty) else {
        return Vec::new();
    };
    p.persons
        .iter()
        .map(|r| {
            let (done, needed) = if per == Period::Year {
                (r.held(), min)
            } else {
                (r.met, r.owed)
            };
            JsonPerson {
                person: r.person,
                name: view.roster.name(r.person),
                done,
                needed,
                owed: r.owed,
                met: r.met,
                missed: &r.missed,
                pending: &r.pending,
                records: &r.records,
                status: r.status,
                status_text: domain::status(lang, r.status),
                text: words::row_text(lang, per, min, r, &view.roster),
            }
        })
        .collect()
}
