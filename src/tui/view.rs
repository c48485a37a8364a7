//! Drawing: `render(&State, &mut Frame)` only reads the state. Every screen
//! draws inside the area it is given and copes with any size, down to 0×0.

mod checklist;
mod chrome;
mod detail;
mod fixes;
mod history;
mod overlay;
mod overview;
mod records;
mod trash;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::matrix;
use super::state::{Overlay, Screen, State};
use super::theme::Theme;
use super::widgets::text;
use crate::tui::text as msg;

/// Below this size only a one-line notice is drawn.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

pub fn render(state: &State, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let notice = msg::too_small(state.lang, MIN_WIDTH, MIN_HEIGHT);
        let line = text::truncate(&notice, usize::from(area.width), "");
        put(frame, area, 0, Line::styled(line, state.theme.error));
        return;
    }
    let body = chrome::render(state, frame, area);
    match state.screen {
        Screen::Overview => overview::render(state, frame, body),
        Screen::Checklist => checklist::render(state, frame, body),
        Screen::Records => records::render(state, frame, body),
        Screen::Talks => matrix::render(
            frame,
            body,
            &state.view,
            state.lang,
            &state.theme,
            state.talks_scroll,
            state.view.owed_talks().get(state.talks_sel),
        ),
        Screen::Roster => state.roster.render(frame, body, &state.view, &state.theme),
        Screen::Fixes => fixes::render(state, frame, body),
    }
    match &state.overlay {
        Overlay::None => {}
        Overlay::Help => overlay::help(state, frame, area),
        Overlay::ConfirmDelete(id) => overlay::confirm(state, frame, area, *id),
        Overlay::Form(form) => overlay::form(state, frame, area, form),
        Overlay::History(h) => history::render(state, frame, area, h),
        Overlay::Trash(t) => trash::render(state, frame, area, t),
        Overlay::OfferDrafts(sel) => trash::offer(state, frame, area, *sel),
    }
    scrub(frame);
    if state.theme.ascii {
        text::asciify(frame.buffer_mut());
    }
}

/// The last guard against hostile text: views make ledger text inert
/// (`widgets::text`), and no cell may still hold a control character or a
/// bidi override (ratatui appends zero-width characters to a cell).
fn scrub(frame: &mut Frame) {
    let buf = frame.buffer_mut();
    for cell in &mut buf.content {
        let symbol = cell.symbol();
        if symbol.chars().any(crate::core::text::is_unsafe) {
            let safe: String = symbol
                .chars()
                .filter(|c| !crate::core::text::is_unsafe(*c))
                .collect();
            cell.set_symbol(if safe.is_empty() { " " } else { &safe });
        }
    }
}

/// How far the detail pane can scroll at the state's terminal size.
pub fn detail_max_scroll(state: &State) -> u16 {
    let (w, h) = state.size;
    let [_, _, detail_area] = checklist::panes(chrome::body(Rect::new(0, 0, w, h)), state.lang);
    let inner = Block::bordered().inner(detail_area);
    let n = detail::lines(state, inner.width).map_or(0, |(_, l)| l.len());
    u16::try_from(n.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
}

/// How far the open history overlay can scroll at the state's terminal size.
pub fn history_max_scroll(state: &State) -> u16 {
    history::max_scroll(state)
}

/// How far the help can scroll at the state's terminal size.
pub fn help_max_scroll(state: &State) -> u16 {
    let (w, h) = state.size;
    overlay::help_max_scroll(state, Rect::new(0, 0, w, h))
}

/// How far the talk matrix can scroll at the state's terminal size: its
/// last line may come up to the top, no further.
pub fn talks_max_scroll(state: &State) -> u16 {
    let (w, h) = state.size;
    let body = chrome::body(Rect::new(0, 0, w, h));
    let inner = body.height.saturating_sub(3);
    let rows = matrix::rows(&state.view, state.lang, body.width);
    u16::try_from(rows.saturating_sub(usize::from(inner.max(1)))).unwrap_or(u16::MAX)
}

/// The talk screen's scroll that shows the selected owed pair, from
/// `scroll` moving as little as it must.
pub fn talks_follow(state: &State, scroll: u16) -> u16 {
    let (w, h) = state.size;
    let body = chrome::body(Rect::new(0, 0, w, h));
    let rows = usize::from(body.height.saturating_sub(3).max(1));
    let owed = state.view.owed_talks();
    let Some(line) = owed
        .get(state.talks_sel)
        .and_then(|o| matrix::owed_line(&state.view, state.lang, body.width, o))
    else {
        return scroll;
    };
    let s = usize::from(scroll);
    let s = if line < s {
        line
    } else if line >= s + rows {
        line + 1 - rows
    } else {
        s
    };
    u16::try_from(s).unwrap_or(u16::MAX)
}

/// Draw `line` on row `row` of `area`, clipped; nothing if the row is outside.
pub(crate) fn put(frame: &mut Frame, area: Rect, row: u16, line: Line) {
    if row < area.height && area.width > 0 {
        let r = Rect::new(area.x, area.y + row, area.width, 1);
        line.render(r, frame.buffer_mut());
    }
}

/// A bordered pane titled `title`; returns the inside.
pub(crate) fn pane(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    focused: bool,
    theme: &Theme,
) -> Rect {
    // Focus shows in the title only: recolouring a whole border on every
    // Tab would cost hundreds of bytes per key over a slow link.
    let title_style = if focused {
        theme.title_focused
    } else {
        theme.title
    };
    let room = usize::from(area.width.saturating_sub(4));
    let title = text::truncate(title, room, theme.ellipsis());
    let block = Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), title_style));
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    inner
}

/// First row to show so that `selected` is visible in `height` rows.
pub(crate) fn offset(selected: usize, height: u16) -> usize {
    let h = usize::from(height.max(1));
    selected.saturating_sub(h - 1)
}
