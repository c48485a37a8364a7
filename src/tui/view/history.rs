//! A record's change history as an overlay: each journal entry (when, which
//! Unix user, what it did) with the fields it changed as before → after.
//! Every value from the ledger or journal is made inert before it is shown.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use serde_json::Value;

use super::overlay::boxed;
use super::{pane, put};
use crate::core::journal::{Action, FieldChange, JournalEntry, diff};
use crate::core::record::Record;
use crate::core::roster::Roster;
use crate::core::text::inert_line;
use crate::i18n::{Lang, audit as a, domain};
use crate::tui::state::{History, State};
use crate::tui::text::audit as words;
use crate::tui::theme::Theme;
use crate::tui::widgets::text;

/// The overlay's box: the whole body, like the record form.
fn area_of(area: Rect) -> Rect {
    super::chrome::body(area)
}

/// The history's lines wrapped to `width`, with their styles.
pub fn lines(state: &State, h: &History, width: u16) -> Vec<(String, Style)> {
    let (lang, theme, roster) = (state.lang, &state.theme, &state.view.roster);
    let w = usize::from(width);
    let mut out = Vec::new();
    if h.entries.is_empty() {
        out.push((
            a::no_history(lang, &words::record_word(lang, h.record)),
            theme.dim,
        ));
    }
    for e in &h.entries {
        if !out.is_empty() {
            out.push((String::new(), theme.base));
        }
        out.push((
            text::truncate(&entry_line(lang, e), w, theme.ellipsis()),
            theme.heading,
        ));
        for change in change_lines(lang, roster, theme, e) {
            for (i, l) in text::wrap(&change, w.saturating_sub(4))
                .into_iter()
                .enumerate()
            {
                let indent = if i == 0 { "  " } else { "    " };
                out.push((format!("{indent}{l}"), theme.base));
            }
        }
    }
    out
}

/// `[5] 2026-03-14 12:00  alice  修改` (5 is the journal seq).
fn entry_line(lang: Lang, e: &JournalEntry) -> String {
    format!(
        "[{}] {}  {}  {}",
        e.seq,
        e.at.format("%Y-%m-%d %H:%M"),
        inert_line(&e.user),
        a::action(lang, e.action)
    )
}

/// What an entry changed: a deletion or restore names the record in one
/// line; a creation or update lists each field as before → after.
fn change_lines(lang: Lang, roster: &Roster, theme: &Theme, e: &JournalEntry) -> Vec<String> {
    let whole = match e.action {
        Action::Restore => e.after.as_deref(),
        Action::Delete => e.before.as_deref(),
        _ => None,
    };
    if let Some(r) = whole.and_then(|j| serde_json::from_str::<Record>(j).ok()) {
        let topic = if r.topic.is_empty() { "" } else { &r.topic };
        let line = format!("{} {} {}", r.date, domain::kind(lang, r.kind), topic);
        return vec![inert_line(line.trim_end()).into_owned()];
    }
    diff(e.before.as_deref(), e.after.as_deref())
        .iter()
        .filter(|c| !matches!(c.field.as_str(), "id" | "entered_by" | "entered_at"))
        .filter(|c| c.before.is_some() || !is_blank(c.after.as_ref()))
        .map(|c| change_line(lang, roster, theme, c))
        .collect()
}

/// Nothing worth listing for a new value: null, empty, or false.
fn is_blank(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null | Value::Bool(false)) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(_) => false,
    }
}

fn change_line(lang: Lang, roster: &Roster, theme: &Theme, c: &FieldChange) -> String {
    let show = |v: &Option<Value>| {
        v.as_ref().map_or_else(
            || a::empty_value().to_string(),
            |v| a::value_text(lang, roster, &c.field, v),
        )
    };
    let label = words::label(lang, &a::field_label(lang, &c.field));
    if c.before.is_none() {
        format!("{label}{}", show(&c.after))
    } else {
        format!(
            "{label}{} {} {}",
            show(&c.before),
            theme.arrow(),
            show(&c.after)
        )
    }
}

/// The inside of the history box at this terminal size.
fn inner_of(area: Rect) -> Rect {
    ratatui::widgets::Block::bordered().inner(area_of(area))
}

/// How far the open history can scroll at the state's terminal size.
pub fn max_scroll(state: &State) -> u16 {
    let crate::tui::state::Overlay::History(h) = &state.overlay else {
        return 0;
    };
    let (w, ht) = state.size;
    let inner = inner_of(Rect::new(0, 0, w, ht));
    let n = lines(state, h, inner.width).len();
    u16::try_from(n.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
}

pub fn render(state: &State, frame: &mut Frame, area: Rect, h: &History) {
    let lang = state.lang;
    let body = area_of(area);
    let r = boxed(frame, body, body.width, body.height);
    let what = words::record_word(lang, h.record);
    let title = a::history_heading(lang, &what, h.entries.len());
    let inner = pane(frame, r, &title, true, &state.theme);
    let all = lines(state, h, inner.width);
    let max = all.len().saturating_sub(usize::from(inner.height));
    let scroll = usize::from(h.scroll).min(max);
    for (i, (l, style)) in all.into_iter().enumerate().skip(scroll) {
        let row = u16::try_from(i - scroll).unwrap_or(u16::MAX);
        if row >= inner.height {
            break;
        }
        put(frame, inner, row, Line::styled(l, style));
    }
}
