//! The year's records, newest first, to pick one to edit or delete.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{offset, pane, put};
use crate::i18n::domain;
use crate::i18n::tui::{self as msg, T};
use crate::tui::state::{State, select};
use crate::tui::widgets::text;

const DATE_W: usize = 10;

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let (lang, theme, view) = (state.lang, &state.theme, &state.view);
    let rows = select::records(view, &state.filter);
    let mut title = msg::records_count(lang, view.year, rows.len());
    if !state.filter.trim().is_empty() {
        title = format!(
            "{title}{}{}: {}",
            theme.dot(),
            msg::text(lang, T::FilterPrompt),
            state.filter
        );
    }
    let inner = pane(frame, area, &title, true, theme);
    let w = usize::from(inner.width);
    let kind_w = (w / 4).min(18);
    let topic_w = w.saturating_sub(DATE_W + kind_w + 2);
    put(
        frame,
        inner,
        0,
        Line::styled(
            format!(
                "{} {} {}",
                text::fit(msg::text(lang, T::Date), DATE_W, ""),
                text::fit(msg::text(lang, T::Kind), kind_w, ""),
                text::fit(msg::text(lang, T::Topic), topic_w, ""),
            ),
            theme.heading,
        ),
    );
    if rows.is_empty() {
        put(
            frame,
            inner,
            1,
            Line::styled(msg::text(lang, T::NoRecords), theme.dim),
        );
        return;
    }
    let height = inner.height.saturating_sub(1);
    let first = offset(state.record, height);
    for (i, r) in rows.iter().enumerate().skip(first) {
        let y = u16::try_from(i - first + 1).unwrap_or(u16::MAX);
        if y >= inner.height {
            break;
        }
        let style = if i == state.record {
            theme.selected
        } else {
            theme.base
        };
        let line = format!(
            "{} {} {}",
            text::fit(&r.date.to_string(), DATE_W, ""),
            text::fit(domain::kind(lang, r.kind), kind_w, theme.ellipsis()),
            text::fit(&topic(state, r), topic_w, theme.ellipsis()),
        );
        put(frame, inner, y, Line::from(Span::styled(line, style)));
    }
}

/// The topic, or for an untitled talk who talked with whom.
fn topic(state: &State, r: &crate::core::Record) -> String {
    if !r.topic.is_empty() {
        return r.topic.clone();
    }
    let roster = &state.view.roster;
    let partners: Vec<String> = r.partners.iter().map(|p| roster.name(*p)).collect();
    match r.host {
        Some(h) if !partners.is_empty() => format!(
            "{} {} {}",
            roster.name(h),
            state.theme.arrow(),
            partners.join(state.lang.pick("、", ", "))
        ),
        _ => String::new(),
    }
}
