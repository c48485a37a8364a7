//! The first screen, made to fit 80×24: how many duties stand where, the
//! duties furthest behind pace, the next deadlines and the talks still owed.

mod side;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::put;
use crate::core::{Progress, Status};
use crate::i18n::domain;
use crate::tui::state::select::{self, furthest_behind};
use crate::tui::state::{OverviewPane, State};
use crate::tui::text::{self as msg, T};
use crate::tui::widgets::{QuotaBar, text};
use side::{deadlines, findings, overdue_fixes, talks};

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    let t = view.tally;
    let waiting = select::waiting_for_roster(view);
    let mut counts = Vec::new();
    for (status, n) in [
        (Status::Done, t.done),
        (Status::Late, t.late),
        (Status::OnTrack, t.on_track),
        (Status::Behind, t.behind),
        (Status::Overdue, t.overdue),
        (Status::NoEvidence, t.no_evidence),
        (
            Status::NoQuota,
            t.no_quota
                .saturating_sub(u32::try_from(waiting).unwrap_or(u32::MAX)),
        ),
    ] {
        // 逾期完成 shows only once a duty is in that state; 无留痕 only for a
        // past year with evidence duties left undocumented.
        if matches!(status, Status::Late | Status::NoEvidence) && n == 0 {
            continue;
        }
        counts.push(Span::styled(
            format!(
                "{} {} {n}",
                theme.marker(status),
                domain::status(lang, status)
            ),
            theme.status(status),
        ));
        counts.push(Span::raw(lang.pick("   ", "  ")));
    }
    if waiting > 0 {
        counts.push(Span::styled(
            format!("- {} {waiting}", msg::text(lang, T::NeedsRoster)),
            theme.behind,
        ));
    }
    put(frame, area, 0, Line::from(counts));
    if area.height < 3 {
        return;
    }
    let below = Rect::new(area.x, area.y + 2, area.width, area.height - 2);
    let left_w = below.width * 11 / 20;
    let left = Rect::new(below.x, below.y, left_w, below.height);
    let right = Rect::new(
        below.x + left_w + 2,
        below.y,
        below.width.saturating_sub(left_w + 2),
        below.height,
    );
    behind(state, frame, left);
    let lead_h = first_run(state, frame, right);
    let right = Rect {
        y: right.y + lead_h,
        height: right.height.saturating_sub(lead_h),
        ..right
    };
    let found_h = findings(state, frame, right);
    let right = Rect {
        y: right.y + found_h,
        height: right.height.saturating_sub(found_h),
        ..right
    };
    let fixes_h = overdue_fixes(state, frame, right);
    let right = Rect {
        y: right.y + fixes_h,
        height: right.height.saturating_sub(fixes_h),
        ..right
    };
    // A taller terminal lists more deadlines; the talks get the rest.
    let deadlines_h = if right.height > 24 {
        right.height / 2
    } else {
        right.height.min(7)
    };
    deadlines(
        state,
        frame,
        Rect {
            height: deadlines_h,
            ..right
        },
    );
    talks(
        state,
        frame,
        Rect {
            y: right.y + deadlines_h,
            height: right.height - deadlines_h,
            ..right
        },
    );
}

/// On a ledger with no roster, what to do first and the key that does it;
/// returns the rows used.
fn first_run(state: &State, frame: &mut Frame, area: Rect) -> u16 {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    if view.roster.active().next().is_some() {
        return 0;
    }
    let waiting = select::waiting_for_roster(view);
    let mut lines = vec![Line::styled(msg::text(lang, T::FirstStep), theme.heading)];
    for l in text::wrap(&msg::first_run(lang, waiting), usize::from(area.width)) {
        lines.push(Line::styled(l, theme.base));
    }
    lines.push(Line::styled(msg::text(lang, T::FirstRunKey), theme.key));
    let n = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    for (i, l) in lines.into_iter().enumerate() {
        put(frame, area, u16::try_from(i).unwrap_or(u16::MAX), l);
    }
    (n + 1).min(area.height)
}

/// A list heading, marked while its list has the selection.
fn heading(state: &State, text: &str, focused: bool) -> Line<'static> {
    let theme = &state.theme;
    if focused {
        Line::styled(format!("{} {text}", theme.pointer()), theme.title_focused)
    } else {
        Line::styled(format!("  {text}"), theme.heading)
    }
}

/// The selected row's style: full in the list that has the selection.
fn row_style(state: &State, selected: bool, focused: bool) -> ratatui::style::Style {
    match (selected, focused) {
        (true, true) => state.theme.selected,
        (true, false) => state.theme.selected_unfocused,
        _ => state.theme.base,
    }
}

fn behind(state: &State, frame: &mut Frame, area: Rect) {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    let focused = state.overview_pane == OverviewPane::Behind;
    put(
        frame,
        area,
        0,
        heading(state, msg::text(lang, T::FurthestBehind), focused),
    );
    let rows = furthest_behind(view);
    if rows.is_empty() {
        put(
            frame,
            area,
            1,
            Line::styled(msg::text(lang, T::NothingBehind), theme.dim),
        );
        return;
    }
    let name_w = area.width * 9 / 20;
    let first = super::offset(state.overview, area.height.saturating_sub(1));
    for (i, p) in rows.iter().enumerate().skip(first) {
        let row = u16::try_from(i - first + 1).unwrap_or(u16::MAX);
        if row >= area.height {
            break;
        }
        // Enter opens the selected duty in the checklist.
        let style = row_style(state, i == state.overview, focused);
        duty_row(
            state,
            frame,
            Rect {
                y: area.y + row,
                height: 1,
                ..area
            },
            p,
            name_w,
            style,
        );
    }
    // A taller terminal shows the duties already done below.
    let used = u16::try_from(rows.len() + 2).unwrap_or(u16::MAX);
    if first == 0 && area.height > used + 2 {
        let below = Rect {
            y: area.y + used,
            height: area.height - used,
            ..area
        };
        done_list(state, frame, below, name_w);
    }
}

/// One duty on the row `line`: its title in `name_w` columns, then its bar.
fn duty_row(
    state: &State,
    frame: &mut Frame,
    line: Rect,
    p: &Progress,
    name_w: u16,
    style: ratatui::style::Style,
) {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    let title = view
        .catalogue
        .duty(&p.duty)
        .map_or(p.duty.as_str(), |d| domain::duty_title(lang, d));
    let name = text::fit(title, usize::from(name_w), theme.ellipsis());
    put(frame, line, 0, Line::styled(name, style));
    let bar = Rect::new(
        line.x + name_w + 1,
        line.y,
        line.width.saturating_sub(name_w + 1),
        1,
    );
    QuotaBar::new(p, theme)
        .unit(msg::record_unit(lang))
        .render(bar, frame.buffer_mut());
}

/// The duties with a quota already met, under their heading.
fn done_list(state: &State, frame: &mut Frame, area: Rect, name_w: u16) {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    // Late ones first, in their own colour and marker: 逾期完成 is not 已完成.
    let mut done: Vec<_> = view.progress.iter().filter(|p| p.status.is_met()).collect();
    done.sort_by_key(|p| p.status != Status::Late);
    if done.is_empty() {
        return;
    }
    put(
        frame,
        area,
        0,
        Line::styled(
            format!("  {}", domain::status(lang, Status::Done)),
            theme.heading,
        ),
    );
    let room = usize::from(area.height.saturating_sub(1));
    let shown = if done.len() > room {
        room.saturating_sub(1)
    } else {
        done.len()
    };
    for (i, p) in done.iter().take(shown).enumerate() {
        let row = u16::try_from(i + 1).unwrap_or(u16::MAX);
        if row < area.height {
            let line = Rect {
                y: area.y + row,
                height: 1,
                ..area
            };
            let style = if p.status == Status::Late {
                theme.status(Status::Late)
            } else {
                theme.dim
            };
            duty_row(state, frame, line, p, name_w, style);
        }
    }
    if shown < done.len() {
        let row = u16::try_from(shown + 1).unwrap_or(u16::MAX);
        put(
            frame,
            area,
            row,
            Line::styled(
                format!("  {}", msg::more(lang, done.len() - shown)),
                theme.dim,
            ),
        );
    }
}
