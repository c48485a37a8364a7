//! The per-person table in a per-person duty's detail (双重组织生活, 责任书,
//! 述责述廉, 研究部署): one row per person who owes it, who is behind first.
//! A narrow pane shows name, done/needed and state; a wide one adds the
//! periods each person let pass short.

use crate::core::Progress;
use crate::core::catalogue::Duty;
use crate::core::rule::Rule;
use crate::i18n::{domain, persons as words};
use crate::tui::state::State;
use crate::tui::widgets::text;

use super::Lines;

/// Widest name column, in cells.
const NAME_COLS: usize = 10;
/// From this pane width on, rows also name the periods missed.
const WIDE: usize = 40;

pub(super) fn table(state: &State, duty: &Duty, p: &Progress, lines: &mut Lines, w: usize) {
    let Rule::PerPerson { per, min, .. } = duty.rule else {
        return;
    };
    if p.persons.is_empty() {
        return;
    }
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    lines.push((Some(String::new()), theme.base));
    for l in text::wrap(&words::heading(lang, per), w) {
        lines.push((Some(l), theme.heading));
    }
    let names: Vec<String> = p
        .persons
        .iter()
        .map(|r| view.roster.name(r.person))
        .collect();
    let name_cols = names
        .iter()
        .map(|n| text::width(n))
        .max()
        .unwrap_or(0)
        .min(NAME_COLS);
    let count_cols = p
        .persons
        .iter()
        .map(|r| text::width(&words::done_needed(per, min, r)))
        .max()
        .unwrap_or(0);
    for (r, name) in p.persons.iter().zip(&names) {
        let count = words::done_needed(per, min, r);
        let mut row = format!(
            "{} {} {}{count} {}",
            theme.marker(r.status),
            text::fit(name, name_cols, theme.ellipsis()),
            " ".repeat(count_cols.saturating_sub(text::width(&count))),
            domain::status(lang, r.status),
        );
        let missed = words::missed(lang, per, r);
        if w >= WIDE && !missed.is_empty() {
            row.push(' ');
            row.push_str(&missed);
        }
        lines.push((
            Some(text::truncate(&row, w, theme.ellipsis())),
            theme.status(r.status),
        ));
    }
}

/// The people still short on a per-person duty, who is behind first, each
/// as "王志强 1/4 逾期" with its state: what the brief lists as missing.
/// `None` for other duties.
pub(super) fn short_rows(
    state: &State,
    duty: &Duty,
    p: &Progress,
) -> Option<Vec<(String, crate::core::Status)>> {
    let Rule::PerPerson { per, min, .. } = duty.rule else {
        return None;
    };
    if p.persons.is_empty() {
        return None;
    }
    let (lang, view) = (state.lang, &state.view);
    Some(
        p.persons
            .iter()
            .filter(|r| !r.status.is_met())
            .map(|r| {
                let s = format!(
                    "{} {} {}",
                    view.roster.name(r.person),
                    words::done_needed(per, min, r),
                    domain::status(lang, r.status)
                );
                (s, r.status)
            })
            .collect(),
    )
}
