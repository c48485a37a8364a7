//! The frame around every screen: title and date on top, the screen tabs,
//! and the footer with a notice, the filter being typed, or key hints.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::put;
use crate::tui::action::Action;
use crate::tui::keymap;
use crate::tui::state::{Notice, Overlay, Screen, State};
use crate::tui::text::{self as msg, T};
use crate::tui::widgets::text;

/// Draw the header, tabs and footer; return the body area between them.
pub fn render(state: &State, frame: &mut Frame, area: Rect) -> Rect {
    let (lang, theme) = (state.lang, &state.theme);
    let sep = Span::styled(theme.dot(), theme.dim);
    let mut head = vec![
        Span::styled(msg::text(lang, T::AppName), theme.title),
        sep.clone(),
        Span::styled(msg::year(lang, state.view.year), theme.heading),
    ];
    if state.view.closed {
        head.push(Span::styled(
            crate::i18n::seal::closed_mark(lang),
            theme.dim,
        ));
    }
    head.extend([sep, Span::styled(msg::today(lang, state.today), theme.base)]);
    put(frame, area, 0, Line::from(head));
    let mut tabs = Vec::new();
    for s in Screen::ALL {
        let style = if s == state.screen {
            theme.tab_active
        } else {
            theme.tab
        };
        tabs.push(Span::styled(
            format!(" {} {} ", s.digit(), msg::screen(lang, s)),
            style,
        ));
        tabs.push(Span::raw(" "));
    }
    put(frame, area, 1, Line::from(tabs));
    footer(state, frame, area);
    body(area)
}

/// The area between the header rows and the footer.
pub fn body(area: Rect) -> Rect {
    Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(3),
    )
}

fn footer(state: &State, frame: &mut Frame, area: Rect) {
    let (lang, theme) = (state.lang, &state.theme);
    let row = area.height.saturating_sub(1);
    let width = usize::from(area.width);
    if state.filtering {
        let prompt = format!(
            "/{} ",
            msg::labelled(lang, msg::text(lang, T::FilterPrompt), "")
        );
        let shown = text::truncate(
            state.screen_filter(),
            width.saturating_sub(text::width(&prompt) + 1),
            "",
        );
        let x = text::width(&prompt) + text::width(&shown);
        put(
            frame,
            area,
            row,
            Line::from(vec![
                Span::styled(prompt, theme.key),
                Span::styled(shown, theme.input),
            ]),
        );
        // The cursor sits where typing goes, so input methods show candidates there.
        let x = area.x
            + u16::try_from(x)
                .unwrap_or(0)
                .min(area.width.saturating_sub(1));
        frame.set_cursor_position(Position::new(x, area.y + row));
        return;
    }
    let mode = state.mode();
    let busy = matches!(mode, keymap::Mode::Form | keymap::Mode::RosterForm);
    if let Some(notice) = state.notice.as_ref().filter(|_| !busy) {
        let (t, style) = match notice {
            Notice::Info(t) => (t, theme.notice),
            Notice::Error(t) => (t, theme.error),
        };
        put(
            frame,
            area,
            row,
            Line::styled(text::truncate(t, width, theme.ellipsis()), style),
        );
        return;
    }
    put(frame, area, row, hints_line(state, width));
}

/// Key hints, most useful first, as many as fit: the open form's own, or
/// the mode's key table.
fn hints_line(state: &State, width: usize) -> Line<'static> {
    let (lang, theme) = (state.lang, &state.theme);
    let mode = state.mode();
    let hints: Vec<(String, String)> = match (&state.overlay, mode) {
        (Overlay::Form(form), _) => form.hints(),
        (_, keymap::Mode::RosterForm) => state.roster.hints(),
        _ => {
            let mut out: Vec<(String, String)> = keymap::footer(mode, theme.ascii)
                .into_iter()
                .filter(|(_, a)| !is_screen_switch(a))
                // The overview offers the roster form only while it is empty.
                .filter(|(_, a)| {
                    **a != Action::AddPerson
                        || mode != keymap::Mode::Overview
                        || state.view.roster.active().next().is_none()
                })
                .map(|(k, a)| (k, msg::action(lang, a).to_string()))
                .collect();
            if keymap::moves(mode) {
                // One hint for the arrows, right after the main action.
                let at = out.len().min(1);
                let arrows = if theme.ascii { "Up/Dn" } else { "↑↓" };
                let what = match mode {
                    keymap::Mode::Help | keymap::Mode::History => T::Scroll,
                    _ => T::Select,
                };
                out.insert(at, (arrows.into(), msg::text(lang, what).into()));
            }
            out
        }
    };
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, what) in hints {
        let key = if theme.ascii { ascii_keys(&key) } else { key };
        let w = text::width(&key) + 1 + text::width(&what) + 2;
        if used + w > width {
            continue;
        }
        used += w;
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {what}  "), theme.dim));
    }
    Line::from(spans)
}

/// Arrow glyphs spelled out, for ASCII mode.
fn ascii_keys(key: &str) -> String {
    key.replace('↑', "Up")
        .replace('↓', "Down")
        .replace('←', "Left")
        .replace('→', "Right")
}

/// The tabs already show the digits; the footer need not repeat them.
fn is_screen_switch(a: &crate::tui::action::Action) -> bool {
    use crate::tui::action::Action;
    matches!(
        a,
        Action::ShowOverview
            | Action::ShowChecklist
            | Action::ShowRecords
            | Action::ShowTalks
            | Action::ShowRoster
    )
}
