//! The trash overlay (deleted records, who deleted them and when, `r` to
//! restore) and the question that offers back a draft left by a session
//! that was cut off.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::overlay::boxed;
use super::{offset, pane, put};
use crate::core::text::inert_line;
use crate::i18n::{audit as a, domain};
use crate::tui::draft::Draft;
use crate::tui::state::{State, Trash};
use crate::tui::text::audit as words;
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

/// The drafts interrupted sessions left, one line each saying what it
/// holds, the selected one to restore or discard.
pub fn offer(state: &State, frame: &mut Frame, area: Rect, sel: usize) {
    let (lang, theme) = (state.lang, &state.theme);
    let n = state.drafts.len();
    let rows = u16::try_from(n.min(8)).unwrap_or(8);
    let r = boxed(frame, area, 72, rows + 6);
    let inner = pane(frame, r, words::draft_title(lang), true, theme);
    let w = usize::from(inner.width);
    put(
        frame,
        inner,
        0,
        Line::styled(
            text::truncate(&words::drafts_question(lang, n), w, theme.ellipsis()),
            theme.base,
        ),
    );
    let first = super::offset(sel, rows);
    for (i, d) in state
        .drafts
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(rows))
    {
        let style = if i == sel { theme.selected } else { theme.base };
        let line = text::fit(&summary(state, d), w, theme.ellipsis());
        let y = u16::try_from(i - first + 2).unwrap_or(u16::MAX);
        put(frame, inner, y, Line::styled(line, style));
    }
    put(
        frame,
        inner,
        rows + 3,
        Line::styled(words::drafts_keys(lang), theme.key),
    );
}

/// What a draft holds, in one line: which form, and its main fields.
fn summary(state: &State, d: &Draft) -> String {
    let lang = state.lang;
    match d {
        Draft::Record(r) => {
            let people = crate::tui::form::complete::split(&r.attendees).len()
                + crate::tui::form::complete::split(&r.partners).len();
            words::record_draft(
                lang,
                &words::RecordSummary {
                    editing: r.editing.is_some(),
                    kind: domain::kind(lang, r.kind),
                    date: &r.date,
                    topic: &inert_line(&r.topic),
                    host: &inert_line(&r.host),
                    people,
                },
            )
        }
        Draft::Person(p) => words::person_draft(
            lang,
            p.editing.is_some(),
            &inert_line(&p.name),
            &p.roles
                .iter()
                .map(|r| domain::role(lang, *r))
                .collect::<Vec<_>>(),
        ),
    }
}
