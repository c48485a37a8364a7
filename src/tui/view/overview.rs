//! The first screen, made to fit 80×24: how many duties stand where, the
//! duties furthest behind pace, the next deadlines and the talks still owed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::put;
use crate::core::{Progress, Status};
use crate::i18n::check as check_words;
use crate::i18n::domain;
use crate::tui::state::select::{self, furthest_behind};
use crate::tui::state::{OverviewPane, State};
use crate::tui::text::fix as words;
use crate::tui::text::{self as msg, T};
use crate::tui::widgets::{QuotaBar, text};

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

fn deadlines(state: &State, frame: &mut Frame, area: Rect) {
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
fn findings(state: &State, frame: &mut Frame, area: Rect) -> u16 {
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
fn overdue_fixes(state: &State, frame: &mut Frame, area: Rect) -> u16 {
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

fn talks(state: &State, frame: &mut Frame, area: Rect) {
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
