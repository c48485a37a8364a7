//! The checklist: lists on the left, the selected list's duties with a quota
//! bar each in the middle (sub-duties indented), the selected duty's detail
//! on the right (a summary of the list while the lists pane has focus).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{detail, offset, pane, put};
use crate::core::{ListId, Status};
use crate::i18n::{Lang, domain, evidence};
use crate::tui::state::{Pane, State, select};
use crate::tui::text::{self as msg, T};
use crate::tui::widgets::{QuotaBar, text};

/// The three panes' areas: lists, duties, detail.
pub fn panes(area: Rect, lang: Lang) -> [Rect; 3] {
    let lists_w = area.width.min(if lang == Lang::Zh { 14 } else { 17 });
    let rest = area.width - lists_w;
    let duties_w = rest / 2 + rest % 2;
    [
        Rect {
            width: lists_w,
            ..area
        },
        Rect {
            x: area.x + lists_w,
            width: duties_w,
            ..area
        },
        Rect {
            x: area.x + lists_w + duties_w,
            width: rest - duties_w,
            ..area
        },
    ]
}

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let [lists, duties, detail_area] = panes(area, state.lang);
    let focus = state.checklist.focus();
    lists_pane(state, frame, lists, focus == Pane::Lists);
    duties_pane(state, frame, duties, focus == Pane::Duties);
    if focus == Pane::Lists {
        // While lists are browsed, a short summary of the list: each step
        // then repaints one pane, not two (bytes per key on a slow link).
        list_summary(state, frame, detail_area);
    } else if focus == Pane::Duties {
        // While duties are browsed, the selected one in brief, on fixed
        // rows; the full detail once the pane has focus.
        detail::brief(state, frame, detail_area);
    } else {
        detail::render(state, frame, detail_area);
    }
}

/// The selected list in brief: its full name, seed section and how many of
/// its duties stand at each status.
fn list_summary(state: &State, frame: &mut Frame, area: Rect) {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    let inner = pane(frame, area, msg::text(lang, T::Detail), false, theme);
    let Some(list) = ListId::ALL.get(state.checklist.list).copied() else {
        return;
    };
    let width = usize::from(inner.width);
    let mut row = 0u16;
    for line in text::wrap(domain::list(lang, list), width) {
        put(frame, inner, row, Line::styled(line, theme.heading));
        row += 1;
    }
    put(frame, inner, row, Line::styled(list.seed_ref(), theme.dim));
    row += 2;
    for status in [
        Status::Overdue,
        Status::Behind,
        Status::OnTrack,
        Status::Late,
        Status::Done,
        Status::NoEvidence,
        Status::NoQuota,
    ] {
        let n = view
            .catalogue
            .duties
            .iter()
            .zip(&view.progress)
            .filter(|(d, p)| d.list == list && p.status == status)
            .count();
        if n == 0 {
            continue;
        }
        put(
            frame,
            inner,
            row,
            Line::from(vec![
                Span::styled(format!("{} ", theme.marker(status)), theme.status(status)),
                Span::styled(format!("{} {n}", domain::status(lang, status)), theme.base),
            ]),
        );
        row += 1;
    }
    row += 1;
    for line in text::wrap(msg::text(lang, T::ListHint), width) {
        put(frame, inner, row, Line::styled(line, theme.dim));
        row += 1;
    }
}

/// The worst status among a list's duties with a quota.
fn worst(state: &State, list: ListId) -> Status {
    let view = &state.view;
    view.catalogue
        .duties
        .iter()
        .zip(&view.progress)
        .filter(|(d, _)| d.list == list)
        .map(|(_, p)| p.status)
        .min()
        .unwrap_or(Status::NoQuota)
}

fn lists_pane(state: &State, frame: &mut Frame, area: Rect, focused: bool) {
    let (lang, theme) = (state.lang, &state.theme);
    let inner = pane(frame, area, msg::text(lang, T::Lists), focused, theme);
    let filtering = !state.filter.trim().is_empty();
    let first = offset(state.checklist.list, inner.height);
    for (i, list) in ListId::ALL.iter().enumerate().skip(first) {
        let row = u16::try_from(i - first).unwrap_or(u16::MAX);
        let status = worst(state, *list);
        let name = text::fit(
            domain::list_short(lang, *list),
            usize::from(inner.width.saturating_sub(2)),
            theme.ellipsis(),
        );
        let style = if i == state.checklist.list && !filtering {
            if focused {
                theme.selected
            } else {
                theme.selected_unfocused
            }
        } else if filtering {
            theme.dim
        } else {
            theme.base
        };
        put(
            frame,
            inner,
            row,
            Line::from(vec![
                Span::styled(format!("{} ", theme.marker(status)), theme.status(status)),
                Span::styled(name, style),
            ]),
        );
    }
}

fn duties_pane(state: &State, frame: &mut Frame, area: Rect, focused: bool) {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    let title = if state.filter.trim().is_empty() {
        ListId::ALL.get(state.checklist.list).map_or_else(
            || msg::text(lang, T::Duties).to_string(),
            |l| domain::list(lang, *l).to_string(),
        )
    } else {
        msg::filtered_by(lang, &state.filter)
    };
    let inner = pane(frame, area, &title, focused, theme);
    let rows = select::duties(view, state.checklist.list, &state.filter);
    if rows.is_empty() {
        put(
            frame,
            inner,
            0,
            Line::styled(msg::text(lang, T::NoDutyMatches), theme.dim),
        );
        return;
    }
    let bar_w = (inner.width * 2 / 5).clamp(0, 16);
    let title_w = inner.width.saturating_sub(bar_w + 1);
    let first = offset(state.checklist.duty, inner.height);
    for (i, row) in rows.iter().enumerate().skip(first) {
        let y = u16::try_from(i - first).unwrap_or(u16::MAX);
        if y >= inner.height {
            break;
        }
        let (Some(duty), Some(p)) = (
            view.catalogue.duties.get(row.index),
            view.progress.get(row.index),
        ) else {
            continue;
        };
        let indent = "  ".repeat(usize::from(row.depth));
        // A duty with an overdue rectification item carries a marker.
        let flagged = view.overdue_fixes_for(&duty.id).next().is_some();
        let flag = if flagged { "! " } else { "" };
        let label = format!("{indent}{flag}{}", domain::duty_title(lang, duty));
        let style = if i == state.checklist.duty {
            if focused {
                theme.selected
            } else {
                theme.selected_unfocused
            }
        } else {
            theme.base
        };
        put(
            frame,
            inner,
            y,
            Line::styled(
                text::fit(&label, usize::from(title_w), theme.ellipsis()),
                style,
            ),
        );
        let bar = Rect::new(inner.x + title_w + 1, inner.y + y, bar_w, 1);
        if select::needs_roster(view, duty) {
            let words = text::truncate(
                msg::text(lang, T::NeedsRoster),
                usize::from(bar_w.saturating_sub(2)),
                theme.ellipsis(),
            );
            put(
                frame,
                bar,
                0,
                Line::styled(format!("- {words}"), theme.behind),
            );
        } else if evidence::evidence_only(duty, p) {
            // No number to meet: what is on file, in words, never a bare 0.
            let words = format!(
                "{} {}",
                theme.marker(p.status),
                evidence::short_phrase(lang, p)
            );
            put(
                frame,
                bar,
                0,
                Line::styled(
                    text::truncate(&words, usize::from(bar_w), theme.ellipsis()),
                    theme.status(p.status),
                ),
            );
        } else {
            QuotaBar::new(p, theme)
                .unit(msg::record_unit(lang))
                .render(bar, frame.buffer_mut());
        }
    }
}
