//! How rectification items read on the command line: one line each, in full,
//! as JSON, and the overdue marks `status` adds to duties. Stored text is
//! shown inert (`core::text`).

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use crate::core::catalogue::{Catalogue, DutyId};
use crate::core::fix::{Evidence, FixItem};
use crate::core::ledger::YearView;
use crate::core::roster::Roster;
use crate::core::text::{inert, inert_line};
use crate::i18n::{Lang, cli as t, domain, fix as f, fix_cli as w};

use super::super::CliError;
use super::super::layout::cut;

/// The state word, with "overdue" added when it is.
pub fn state_word(lang: Lang, fix: &FixItem, today: NaiveDate) -> String {
    let state = f::state(lang, fix.state);
    if fix.is_overdue(today) {
        format!("{state}{}", w::overdue_suffix(lang))
    } else {
        state.to_string()
    }
}

/// `#12 [整改中·逾期] 2026-06-30 张三 自查自检「问题…」 [理论中心组专题学习]`
pub fn line(
    lang: Lang,
    catalogue: &Catalogue,
    roster: &Roster,
    fix: &FixItem,
    today: NaiveDate,
) -> String {
    let mut out = format!(
        "{} [{}] {} {} {} {}",
        fix.id,
        state_word(lang, fix, today),
        fix.deadline,
        inert_line(&roster.name(fix.owner)),
        f::source(lang, fix.source),
        t::quoted(lang, &cut(&inert_line(&fix.problem), 40)),
    );
    if !fix.duties.is_empty() {
        // Titles, not ids: ids are input (`--duty`), not for reading.
        let titles: Vec<String> = fix
            .duties
            .iter()
            .map(|d| match catalogue.duty(d) {
                Some(duty) => cut(&inert_line(domain::duty_title(lang, duty)), 12),
                None => inert_line(d.as_str()).into_owned(),
            })
            .collect();
        let _ = write!(out, " [{}]", titles.join(lang.pick("、", ", ")));
    }
    out
}

/// The listed items; `filter` says which filter (`--open`, `--overdue`)
/// chose them, so that an empty list says what it left out.
pub fn list(
    lang: Lang,
    catalogue: &Catalogue,
    roster: &Roster,
    fixes: &[FixItem],
    year: i32,
    today: NaiveDate,
    filter: Option<w::Filter>,
) -> String {
    if fixes.is_empty() {
        return format!("{}\n", w::no_fixes(lang, year, filter));
    }
    let mut out = String::new();
    for fix in fixes {
        let _ = writeln!(out, "{}", line(lang, catalogue, roster, fix, today));
    }
    let overdue = fixes.iter().filter(|x| x.is_overdue(today)).count();
    let _ = writeln!(out, "{}", w::count(lang, fixes.len(), overdue));
    out
}

/// Every field, the notes and the closure, one per line.
pub fn detail(
    lang: Lang,
    catalogue: &Catalogue,
    roster: &Roster,
    fix: &FixItem,
    today: NaiveDate,
) -> String {
    let sep = lang.pick("、", ", ");
    let mut rows: Vec<(&str, String)> = vec![
        (w::item_word(lang), fix.id.to_string()),
        (w::source_word(lang), f::source(lang, fix.source).into()),
        (
            w::problem_word(lang),
            inert(&fix.problem, true).into_owned(),
        ),
        (
            domain::field(lang, crate::core::Field::Duties),
            fix.duties
                .iter()
                .map(|d| match catalogue.duty(d) {
                    Some(duty) => domain::duty_title(lang, duty).to_string(),
                    None => d.to_string(),
                })
                .collect::<Vec<_>>()
                .join(sep),
        ),
        (
            w::measures_word(lang),
            inert(&fix.measures, true).into_owned(),
        ),
        (
            w::owner_word(lang),
            inert_line(&roster.name(fix.owner)).into_owned(),
        ),
        (w::deadline_word(lang), fix.deadline.to_string()),
        (w::opened_word(lang), fix.opened.to_string()),
        (w::year_word(lang), fix.year.to_string()),
        (w::state_word(lang), state_word(lang, fix, today)),
    ];
    if let Some(c) = &fix.closure {
        let who = match c.by_person {
            Some(p) => format!(
                "{} ({})",
                inert_line(&roster.name(p)),
                inert_line(&c.by_user)
            ),
            None => inert_line(&c.by_user).into_owned(),
        };
        rows.push((w::closed_word(lang), format!("{} {who}", c.date)));
        rows.push((w::evidence_word(lang), evidence(lang, &c.evidence)));
    }
    let mut out = String::new();
    for (k, v) in rows.into_iter().filter(|(_, v)| !v.is_empty()) {
        let _ = writeln!(out, "{}{v}", t::label(lang, k));
    }
    if !fix.notes.is_empty() {
        let _ = writeln!(out, "{}", t::label(lang, w::notes_word(lang)));
        for n in &fix.notes {
            let _ = writeln!(
                out,
                "  {} {}  {}",
                n.date,
                inert_line(&n.by),
                inert(&n.text, true)
            );
        }
    }
    out
}

pub fn evidence(lang: Lang, e: &Evidence) -> String {
    match e {
        Evidence::Record(id) => format!("{} {id}", t::record_word(lang)),
        Evidence::Note(text) => inert(text, true).into_owned(),
    }
}

#[derive(Serialize)]
pub struct JsonFix<'a> {
    #[serde(flatten)]
    pub fix: &'a FixItem,
    pub owner_name: String,
    pub source_text: &'static str,
    pub state_text: &'static str,
    pub overdue: bool,
}

fn json_fix<'a>(lang: Lang, roster: &Roster, fix: &'a FixItem, today: NaiveDate) -> JsonFix<'a> {
    JsonFix {
        fix,
        owner_name: roster.name(fix.owner),
        source_text: f::source(lang, fix.source),
        state_text: f::state(lang, fix.state),
        overdue: fix.is_overdue(today),
    }
}

pub fn json(
    lang: Lang,
    roster: &Roster,
    fixes: &[FixItem],
    today: NaiveDate,
) -> Result<String, CliError> {
    let rows: Vec<JsonFix> = fixes
        .iter()
        .map(|x| json_fix(lang, roster, x, today))
        .collect();
    super::super::to_json(&rows)
}

/// `  整改逾期 1` after a duty's status line, or nothing.
pub fn overdue_mark(lang: Lang, view: &YearView, duty: &DutyId) -> Option<String> {
    let n = view.overdue_fixes_for(duty).count();
    (n > 0).then(|| w::duty_overdue(lang, n))
}

/// The closing block of `status`: every overdue item, one per line.
pub fn overdue_lines(lang: Lang, view: &YearView) -> String {
    let overdue = view.overdue_fixes();
    if overdue.is_empty() {
        return String::new();
    }
    let mut out = format!("\n{}\n", w::overdue_heading(lang, overdue.len()));
    for fix in overdue {
        let _ = writeln!(
            out,
            "  {}",
            line(lang, &view.catalogue, &view.roster, fix, view.today)
        );
    }
    out
}

/// The overdue items of `status --json`.
pub fn overdue_json(lang: Lang, view: &YearView) -> Vec<JsonFix<'_>> {
    view.overdue_fixes()
        .into_iter()
        .map(|x| json_fix(lang, &view.roster, x, view.today))
        .collect()
}
