//! The selected duty in brief, while the duties are browsed: title, quota,
//! where it stands, what is missing and the first line of its text, each on
//! a fixed row, so that a move repaints only what differs (bytes per key on
//! a slow link). The full detail shows once the pane has focus.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::super::{pane, put};
use crate::core::Missing;
use crate::i18n::{Lang, domain, evidence};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Mode};
use crate::tui::state::{State, select};
use crate::tui::text::{self as msg, T};
use crate::tui::widgets::{QuotaBar, text};

/// Rows above the missing items: title, bar, status, next due, text, gap.
const HEAD: u16 = 6;

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    let inner = pane(frame, area, msg::text(lang, T::Detail), false, theme);
    let rows = select::duties(view, state.checklist.list, &state.filter);
    let picked = rows.get(state.checklist.duty).and_then(|row| {
        Some((
            view.catalogue.duties.get(row.index)?,
            view.progress.get(row.index)?,
        ))
    });
    let Some((duty, p)) = picked else {
        put(
            frame,
            inner,
            0,
            Line::styled(msg::text(lang, T::NoDutySelected), theme.dim),
        );
        return;
    };
    full_text_hint(state, frame, area);
    let w = usize::from(inner.width);
    let one = |s: &str| text::truncate(s, w, theme.ellipsis());
    put(
        frame,
        inner,
        0,
        Line::styled(one(domain::duty_title(lang, duty)), theme.title),
    );
    if !evidence::evidence_only(duty, p) && inner.height > 1 {
        let r = Rect::new(inner.x, inner.y + 1, inner.width.min(30), 1);
        QuotaBar::new(p, theme)
            .unit(msg::record_unit(lang))
            .render(r, frame.buffer_mut());
    }
    put(
        frame,
        inner,
        2,
        Line::styled(one(&super::status(state, duty, p)), theme.status(p.status)),
    );
    if let Some(due) = p.next_due {
        let s = msg::labelled(lang, msg::text(lang, T::NextDue), &due.to_string());
        put(frame, inner, 3, Line::styled(one(&s), theme.base));
    }
    let first = duty
        .text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    put(frame, inner, 4, Line::styled(one(first.trim()), theme.dim));
    put(
        frame,
        inner,
        HEAD,
        Line::styled(msg::text(lang, T::Missing), theme.heading),
    );
    if p.missing.is_empty() {
        put(
            frame,
            inner,
            HEAD + 1,
            Line::styled(msg::text(lang, T::Nothing), theme.dim),
        );
        return;
    }
    // The missing items that fit; the last row says how many more there are.
    let room = usize::from(inner.height.saturating_sub(HEAD + 1));
    let shown = if p.missing.len() > room {
        room.saturating_sub(1)
    } else {
        p.missing.len()
    };
    // A per-person duty lists its people behind first, each with their
    // done/needed and state; others list the missing items as they come.
    let items: Vec<(String, ratatui::style::Style)> =
        match super::persons::short_rows(state, duty, p) {
            Some(rows) => rows
                .into_iter()
                .map(|(s, status)| (s, theme.status(status)))
                .collect(),
            None => p
                .missing
                .iter()
                .map(|m| {
                    let style = match m {
                        Missing::Period { past: false, .. } => theme.dim,
                        _ => theme.status(p.status),
                    };
                    (super::missing(state, view, m), style)
                })
                .collect(),
        };
    let mut row = HEAD + 1;
    for (s, style) in items.iter().take(shown) {
        put(
            frame,
            inner,
            row,
            Line::styled(one(&format!("- {s}")), *style),
        );
        row += 1;
    }
    if shown < p.missing.len() {
        let more = msg::more(lang, p.missing.len() - shown);
        put(frame, inner, row, Line::styled(one(&more), theme.dim));
    }
}

/// On the bottom border: the key that brings the full detail, from the
/// checklist's key table.
fn full_text_hint(state: &State, frame: &mut Frame, area: Rect) {
    let theme = &state.theme;
    let Some(key) = keymap::table(Mode::Checklist)
        .iter()
        .find(|b| b.action == Action::NextPane)
        .and_then(|b| b.keys.first())
    else {
        return;
    };
    if area.height < 2 {
        return;
    }
    let hint = format!(" {} ", full_detail(state.lang, &key.label(theme.ascii)));
    let w = u16::try_from(text::width(&hint)).unwrap_or(0);
    let at = Rect::new(
        area.right().saturating_sub(w + 1),
        area.bottom() - 1,
        w.min(area.width),
        1,
    );
    put(frame, at, 0, Line::styled(hint, theme.key));
}

/// The brief's own words: which key shows the full detail.
fn full_detail(lang: Lang, key: &str) -> String {
    match lang {
        Lang::Zh => format!("{key} 全文"),
        Lang::En => format!("{key} full detail"),
    }
}
