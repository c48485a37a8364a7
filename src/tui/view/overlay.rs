//! What draws over a screen: the help (built from the key tables), the delete
//! confirmation, and the record form.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::{pane, put};
use crate::core::RecordId;
use crate::i18n::tui::{self as msg, T};
use crate::tui::keymap::{self, Mode};
use crate::tui::state::{FormSlot, State};
use crate::tui::widgets::text;

/// A box of at most `w`×`h` centred in `area`, cleared.
fn boxed(frame: &mut Frame, area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(r, frame.buffer_mut());
    r
}

pub fn help(state: &State, frame: &mut Frame, area: Rect) {
    let (lang, theme) = (state.lang, &state.theme);
    let mode = state.screen.mode();
    let mut lines: Vec<Line> = Vec::new();
    let mut section = |title: &str, rows: Vec<(String, &crate::tui::action::Action)>| {
        lines.push(Line::styled(title.to_string(), theme.heading));
        for (keys, action) in rows {
            lines.push(Line::from(vec![
                Span::styled(text::fit(&keys, 16, theme.ellipsis()), theme.key),
                Span::raw(msg::action(lang, action)),
            ]));
        }
    };
    section(msg::screen(lang, state.screen), keymap::help_rows(keymap::table(mode), theme.ascii));
    section(msg::text(lang, T::HelpGlobal), keymap::help_rows(keymap::global(), theme.ascii));
    section(
        msg::text(lang, T::FilterPrompt),
        keymap::help_rows(keymap::table(Mode::Filter), theme.ascii),
    );
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let r = boxed(frame, area, 56, h);
    let inner = pane(frame, r, msg::text(lang, T::Help), true, theme);
    let max = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = usize::from(state.help_scroll).min(max);
    for (i, line) in lines.into_iter().enumerate().skip(scroll) {
        let row = u16::try_from(i - scroll).unwrap_or(u16::MAX);
        put(frame, inner, row, line);
    }
}

pub fn confirm(state: &State, frame: &mut Frame, area: Rect, id: RecordId) {
    let (lang, theme) = (state.lang, &state.theme);
    let r = boxed(frame, area, 56, 6);
    let inner = pane(frame, r, msg::text(lang, T::ConfirmTitle), true, theme);
    let question = match state.view.record(id) {
        Some(rec) => msg::confirm_delete(lang, id, rec.date, &rec.topic),
        None => msg::confirm_delete(lang, id, state.today, ""),
    };
    for (i, l) in text::wrap(&question, usize::from(inner.width)).into_iter().take(2).enumerate() {
        put(frame, inner, u16::try_from(i).unwrap_or(0), Line::styled(l, theme.base));
    }
    put(frame, inner, 3, Line::styled(msg::text(lang, T::ConfirmHint), theme.key));
}

pub fn form(state: &State, frame: &mut Frame, area: Rect, slot: &FormSlot) {
    // Wired later: `form.render(frame, r, &state.theme)`, which also places the cursor.
    let lang = state.lang;
    let r = boxed(frame, area, 70, 20);
    let title = match slot.editing {
        Some(_) => msg::action(lang, &crate::tui::action::Action::EditRecord),
        None => msg::action(lang, &crate::tui::action::Action::AddRecord),
    };
    let inner = pane(frame, r, title, true, &state.theme);
    put(frame, inner, 0, Line::styled(msg::text(lang, T::Placeholder), state.theme.dim));
}
