//! What draws over a screen: the help (built from the key tables), the delete
//! confirmation, and the record form.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::{pane, put};
use crate::core::RecordId;
use crate::tui::form::RecordForm;
use crate::tui::keymap::{self, Mode};
use crate::tui::state::State;
use crate::tui::text::{self as msg, T};
use crate::tui::widgets::text;

/// A box of at most `w`×`h` centred in `area`, cleared.
pub(super) fn boxed(frame: &mut Frame, area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let buf = frame.buffer_mut();
    Clear.render(r, buf);
    // A wide character just left of the box would spill into its border.
    if r.x > buf.area.x {
        for y in r.y..r.bottom() {
            let cell = &mut buf[(r.x - 1, y)];
            if text::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
    r
}

type Rows = Vec<(String, String)>;

/// Help lines of titled sections of key rows, for a column `col_w` wide:
/// a description too long for the column wraps under itself (the help
/// scrolls, so nothing is lost), and a title too long is cut with the
/// theme's ellipsis, never silently.
fn help_lines<'a>(
    state: &State,
    sections: &[(&'a str, Rows)],
    key_w: usize,
    col_w: usize,
) -> Vec<Line<'a>> {
    let theme = &state.theme;
    let what_w = col_w.saturating_sub(key_w).max(1);
    let mut lines = Vec::new();
    for (title, rows) in sections {
        lines.push(Line::styled(
            text::truncate(title, col_w, theme.ellipsis()),
            theme.heading,
        ));
        for (keys, what) in rows {
            let keys = if theme.ascii {
                keys.replace('↑', "Up")
                    .replace('↓', "Down")
                    .replace('←', "Left")
                    .replace('→', "Right")
            } else {
                keys.clone()
            };
            // Keep a space after the keys even when they fill the column.
            let keys = format!("{} ", text::fit(&keys, key_w - 1, theme.ellipsis()));
            for (i, part) in text::wrap(what, what_w).into_iter().enumerate() {
                let lead = if i == 0 {
                    keys.clone()
                } else {
                    " ".repeat(key_w)
                };
                lines.push(Line::from(vec![
                    Span::styled(lead, theme.key),
                    Span::raw(part),
                ]));
            }
        }
    }
    lines
}

/// Every symbol the screens draw and what it means, in the theme's glyphs.
fn legend_rows(state: &State) -> Rows {
    use crate::core::{FixState, Status};
    let (lang, theme) = (state.lang, &state.theme);
    let mut rows: Rows = Status::ALL
        .into_iter()
        .map(|s| {
            (
                theme.marker(s).to_string(),
                crate::i18n::domain::status(lang, s).to_string(),
            )
        })
        .collect();
    let bar = theme.bar();
    for (glyph, what) in [
        (format!("{}{}", bar.filled, bar.empty), msg::Legend::Bar),
        (bar.pace.to_string(), msg::Legend::Pace),
        (theme.ellipsis().to_string(), msg::Legend::Cut),
        (theme.arrow().to_string(), msg::Legend::Pair),
        (theme.pointer().to_string(), msg::Legend::Focus),
        ("[x]".to_string(), msg::Legend::Ticked),
    ] {
        rows.push((glyph, msg::legend(lang, what).to_string()));
    }
    for s in [
        FixState::Open,
        FixState::InProgress,
        FixState::ClosureRequested,
        FixState::Closed,
    ] {
        let glyph = if theme.ascii {
            crate::tui::text::fix::state_marker_ascii(s)
        } else {
            crate::tui::text::fix::state_marker(s)
        };
        rows.push((
            glyph.to_string(),
            msg::legend_fix(lang, crate::i18n::fix::state(lang, s)),
        ));
    }
    rows
}

/// A key table's rows in words.
fn table_rows(state: &State, table: &'static [keymap::Binding]) -> Rows {
    keymap::help_rows(table, state.theme.ascii)
        .into_iter()
        .map(|(k, a)| (k, msg::action(state.lang, a).to_string()))
        .collect()
}

/// The help's columns of lines and its box width: two columns when there
/// is room, else one that scrolls. The screen's own keys come first, then
/// the keys of what opens from it (the record form, the person form), then
/// the keys that work anywhere.
fn help_columns(state: &State, area: Rect) -> (Vec<Vec<Line<'_>>>, u16) {
    let lang = state.lang;
    let mode = state.screen.mode();
    let mut here = vec![(
        msg::screen(lang, state.screen),
        table_rows(state, keymap::table(mode)),
    )];
    let mut anywhere = vec![
        (
            msg::text(lang, T::HelpGlobal),
            table_rows(state, keymap::global()),
        ),
        (
            msg::text(lang, T::FilterPrompt),
            table_rows(state, keymap::table(Mode::Filter)),
        ),
    ];
    // One key table serves the record, person and 整改 forms.
    let form = (msg::text(lang, T::RecordForm), RecordForm::help_rows(lang));
    anywhere.push((msg::text(lang, T::Legend), legend_rows(state)));
    let len = |s: &[(&str, Rows)]| s.iter().map(|(_, r)| r.len() + 1).sum::<usize>();
    // The width each column gets inside the box (see `help`).
    let col_w = |box_w: u16, n: u16| {
        usize::from(((box_w.min(area.width)).saturating_sub(2) / n).saturating_sub(1))
    };
    if area.width >= 72 {
        // Wider terminals give the help wider columns, so fewer lines wrap.
        let box_w = area.width.saturating_sub(8).clamp(72, 100);
        if len(&here) <= len(&anywhere) {
            here.push(form);
        } else {
            anywhere.push(form);
        }
        (
            vec![
                help_lines(state, &here, 12, col_w(box_w, 2)),
                help_lines(state, &anywhere, 10, col_w(box_w, 2)),
            ],
            box_w,
        )
    } else {
        let all: Vec<_> = here.into_iter().chain(anywhere).chain([form]).collect();
        (vec![help_lines(state, &all, 12, col_w(40, 1))], 40)
    }
}

/// The help box within `area`, and how many lines its tallest column has:
/// never over the title row and the footer, so it reads as a box that
/// scrolls, not as a screen of its own.
fn help_box(area: Rect, width: u16, tallest: usize) -> Rect {
    let w = width.min(area.width);
    let h = u16::try_from(tallest + 2)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(4).max(3))
        .min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub fn help_max_scroll(state: &State, area: Rect) -> u16 {
    let (columns, width) = help_columns(state, area);
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let inner_h = help_box(area, width, tallest).height.saturating_sub(2);
    u16::try_from(tallest.saturating_sub(usize::from(inner_h))).unwrap_or(u16::MAX)
}

/// The help: this screen's keys, the keys that work anywhere, the filter's.
pub fn help(state: &State, frame: &mut Frame, area: Rect) {
    let (columns, width) = help_columns(state, area);
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let b = help_box(area, width, tallest);
    let r = boxed(frame, area, b.width, b.height);
    let inner = pane(frame, r, msg::text(state.lang, T::Help), true, &state.theme);
    let max = tallest.saturating_sub(usize::from(inner.height));
    let scroll = usize::from(state.help_scroll).min(max);
    // Where the help goes on, the bottom border says so.
    if scroll < max && r.height >= 2 {
        let more = format!(" {} ", msg::help_more(state.lang, state.theme.ascii));
        let w = u16::try_from(text::width(&more)).unwrap_or(0);
        let at = Rect::new(r.right().saturating_sub(w + 2), r.bottom() - 1, w, 1);
        put(frame, at, 0, Line::styled(more, state.theme.key));
    }
    let n = u16::try_from(columns.len()).unwrap_or(1);
    let col_w = inner.width / n.max(1);
    for (c, lines) in columns.into_iter().enumerate() {
        let x = inner.x + col_w * u16::try_from(c).unwrap_or(0);
        let col = Rect::new(x, inner.y, col_w.saturating_sub(1), inner.height);
        for (i, line) in lines.into_iter().enumerate().skip(scroll) {
            put(
                frame,
                col,
                u16::try_from(i - scroll).unwrap_or(u16::MAX),
                line,
            );
        }
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
    for (i, l) in text::wrap(&question, usize::from(inner.width))
        .into_iter()
        .take(2)
        .enumerate()
    {
        put(
            frame,
            inner,
            u16::try_from(i).unwrap_or(0),
            Line::styled(l, theme.base),
        );
    }
    put(
        frame,
        inner,
        3,
        Line::styled(msg::text(lang, T::ConfirmHint), theme.key),
    );
}

/// The record form over the whole body (a narrower box leaves half-cut
/// CJK text beside it at 80 columns); it places the terminal cursor at
/// the field being typed into.
pub fn form(state: &State, frame: &mut Frame, area: Rect, form: &RecordForm) {
    let body = super::chrome::body(area);
    let r = boxed(frame, body, body.width, body.height);
    form.render(frame, r, &state.theme);
}
