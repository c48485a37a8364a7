//! The trash overlay (deleted records, who deleted them and when, `r` to
//! restore) and the question that offers back a draft left by a session
//! that was cut off.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::overlay::boxed;
use super::{offset, pane, put};
use crate::core::text::inert_line;
use crate::i18n::tui::audit as words;
use crate::i18n::{audit as a, domain};
use crate::tui::draft::Draft;
use crate::tui::state::{State, Trash};
use crate::tui::widgets::text;

pub fn render(state: &State, frame: &mut Frame, area: Rect, t: &Trash) {
    let (lang, theme) = (state.lang, &state.theme);
    let body = super::chrome::body(area);
    let r = boxed(frame, body, body.width, body.height);
    let inner = pane(
        frame,
        r,
        &words::trash_title(lang, t.items.len()),
        true,
        theme,
    );
    if t.items.is_empty() {
        put(
            frame,
            inner,
            0,
            Line::styled(a::trash_empty(lang), theme.dim),
        );
        return;
    }
    let w = usize::from(inner.width);
    let first = offset(t.sel, inner.height);
    for (i, (record, deleted)) in t.items.iter().enumerate().skip(first) {
        let row = u16::try_from(i - first).unwrap_or(u16::MAX);
        if row >= inner.height {
            break;
        }
        let when = deleted.at.format("%Y-%m-%d %H:%M").to_string();
        let line = format!(
            "{} {} {} {} {}",
            record.id,
            record.date,
            domain::kind(lang, record.kind),
            record.topic,
            a::deleted_by(lang, &when, &deleted.user)
        );
        let style = if i == t.sel {
            theme.selected
        } else {
            theme.base
        };
        let shown = text::fit(&inert_line(&line), w, theme.ellipsis());
        put(frame, inner, row, Line::styled(shown, style));
    }
}

/// "Restore the unsaved draft from last time? (y/n)" and what it holds.
pub fn offer(state: &State, frame: &mut Frame, area: Rect, draft: &Draft) {
    let (lang, theme) = (state.lang, &state.theme);
    let r = boxed(frame, area, 60, 7);
    let inner = pane(frame, r, words::draft_title(lang), true, theme);
    let (question, what) = match draft {
        Draft::Record(d) => (words::draft_question(lang), d.topic.as_str()),
        Draft::Person(d) => (words::person_draft_question(lang), d.name.as_str()),
    };
    let w = usize::from(inner.width);
    put(
        frame,
        inner,
        0,
        Line::styled(text::truncate(question, w, theme.ellipsis()), theme.base),
    );
    let about = words::draft_about(lang, &inert_line(what));
    put(
        frame,
        inner,
        2,
        Line::styled(text::truncate(&about, w, theme.ellipsis()), theme.dim),
    );
}
