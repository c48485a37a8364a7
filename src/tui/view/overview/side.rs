//! The overview's right column: the findings of the checks, overdue 整改,
//! the next deadlines and the talks still owed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::core::Progress;
use crate::i18n::check as check_words;
use crate::i18n::domain;
use crate::tui::state::{OverviewPane, State};
use crate::tui::text::fix as words;
use crate::tui::text::{self as msg, T};
use crate::tui::view::overview::{heading, row_style};
use crate::tui::view::put;
use crate::tui::widgets::text;

pub(super) fn deadlines(state: &State, frame: &mut Frame, area: Rect) {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    put(
        frame,
        area,
        0,
        Line::styled(msg::text(lang, T::NextDeadlines), theme.heading),
    );
    let mut due: Vec<&Progress> = view
        .progress
        .iter()
        .filter(|p| p.next_due.is_some())
        .collect();
    due.sort_by_key(|p| p.next_due);
    if due.is_empty() {
        put(
            frame,
            area,
            1,
            Line::styled(msg::text(lang, T::NoDeadlines), theme.dim),
        );
    }
    let room = usize::from(area.height.saturating_sub(2));
    for (i, p) in due.iter().take(room).enumerate() {
        let date = p
            .next_due
            .map(|d| text::short_date(d, view.today))
            .unwrap_or_default();
        let title = view
            .catalogue
            .duty(&p.duty)
            .map_or(p.duty.as_str(), |d| domain::duty_title(lang, d));
        let rest = usize::from(area.width).saturating_sub(text::width(&date) + 3);
        let row = u16::try_from(i + 1).unwrap_or(u16::MAX);
        put(
            frame,
            area,
            row,
            Line::from(vec![
                Span::styled(
                    format!("{} ", theme.marker(p.status)),
                    theme.status(p.status),
                ),
                Span::styled(date, theme.status(p.status)),
                Span::raw(" "),
                Span::raw(text::truncate(title, rest, theme.ellipsis())),
            ]),
        );
    }
}

/// Findings shown under their count at once; the list scrolls with the
/// selection.
const FINDINGS_SHOWN: usize = 3;

/// `发现 N 处问题` and a list of the findings (`core::check`) that takes the
/// selection (Tab), when there are any; returns the rows used.
pub(super) fn findings(state: &State, frame: &mut Frame, area: Rect) -> u16 {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    let all = &view.findings;
    if all.is_empty() || area.height < 8 {
        return 0;
    }
    let focused = state.overview_pane == OverviewPane::Findings;
    let count = format!("! {}", check_words::count(lang, all.len()));
    let head = if focused {
        Line::styled(format!("{} {count}", theme.pointer()), theme.title_focused)
    } else {
        Line::styled(count, theme.behind)
    };
    put(frame, area, 0, head);
    let shown = FINDINGS_SHOWN.min(all.len());
    let first = state
        .finding
        .saturating_sub(shown.saturating_sub(1))
        .min(all.len() - shown);
    let width = usize::from(area.width);
    let mut row = 1;
    for (i, f) in all.iter().enumerate().skip(first).take(shown) {
        let line = format!(
            "  {} {} {}",
            text::short_date(f.date, view.today),
            domain::kind(lang, f.kind),
            check_words::brief(lang, &f.problem)
        );
        put(
            frame,
            area,
            row,
            Line::styled(
                text::fit(&line, width, theme.ellipsis()),
                row_style(state, i == state.finding, focused),
            ),
        );
        row += 1;
    }
    let after = all.len().saturating_sub(first + shown);
    if after > 0 {
        put(
            frame,
            area,
            row,
            Line::styled(format!("  {}", msg::more(lang, after)), theme.dim),
        );
        row += 1;
    }
    row + 1
}

/// Most overdue items shown under the count.
const OVERDUE_SHOWN: usize = 2;

/// `整改逾期 N 项` and the most overdue items, when there are any; returns
/// the rows used.
pub(super) fn overdue_fixes(state: &State, frame: &mut Frame, area: Rect) -> u16 {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    let overdue = view.overdue_fixes();
    if overdue.is_empty() || area.height < 8 {
        return 0;
    }
    put(
        frame,
        area,
        0,
        Line::styled(
            format!("! {}", words::overdue_count(lang, overdue.len())),
            theme.overdue,
        ),
    );
    let width = usize::from(area.width);
    let mut row = 1;
    for f in overdue.iter().take(OVERDUE_SHOWN) {
        let line = format!("{} {}", text::short_date(f.deadline, view.today), f.problem);
        put(
            frame,
            area,
            row,
            Line::styled(
                text::truncate(&line, width, theme.ellipsis()),
                theme.overdue,
            ),
        );
        row += 1;
    }
    row + 1
}

pub(super) fn talks(state: &State, frame: &mut Frame, area: Rect) {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    let focused = state.overview_pane == OverviewPane::Talks;
    put(
        frame,
        area,
        0,
        heading(state, msg::text(lang, T::TalksOwed), focused),
    );
    let owed = view.owed_talks();
    if owed.is_empty() {
        let none = if view.roster.active().next().is_none() {
            T::NeedsRoster
        } else {
            T::NoTalksOwed
        };
        put(
            frame,
            area,
            1,
            Line::styled(format!("  {}", msg::text(lang, none)), theme.dim),
        );
        return;
    }
    // The last row says how many more follow, when not all fit.
    let room = usize::from(area.height.saturating_sub(1));
    let fits = owed.len() <= room;
    let rows = if fits { room } else { room.saturating_sub(1) };
    let first = state
        .owed
        .saturating_sub(rows.saturating_sub(1))
        .min(owed.len());
    let width = usize::from(area.width);
    let roster = &view.roster;
    for (i, o) in owed.iter().enumerate().skip(first).take(rows) {
        let row = u16::try_from(i - first + 1).unwrap_or(u16::MAX);
        let line = format!(
            "  {} {} {}",
            roster.name(o.host),
            theme.arrow(),
            roster.name(o.partner)
        );
        put(
            frame,
            area,
            row,
            Line::styled(
                text::fit(&line, width, theme.ellipsis()),
                row_style(state, i == state.owed, focused),
            ),
        );
    }
    let after = owed.len().saturating_sub(first + rows);
    if !fits && after > 0 {
        let row = u16::try_from(rows + 1).unwrap_or(u16::MAX);
        put(
            frame,
            area,
            row,
            Line::styled(format!("  {}", msg::more(lang, after)), theme.dim),
        );
    }
}
