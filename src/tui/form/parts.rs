//! Drawing pieces the forms share (record, person, 整改): a field's label
//! with its focus mark, and the completion list under the cursor.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::core::error::Field;
use crate::i18n::Lang;
use crate::i18n::domain::field;
use crate::tui::theme::Theme;

use super::text::pad_to;

const MAX_CANDIDATES: usize = 6;

/// A field's label padded to `width`, marked `>` when focused; blank on a
/// field's continuation rows. Shared by the forms.
pub(crate) fn field_label<'a>(
    lang: Lang,
    name: Field,
    focused: bool,
    first: bool,
    width: usize,
    theme: &Theme,
) -> Span<'a> {
    named_label(field(lang, name), focused, first, width, theme)
}

/// A form label from its text; see `field_label`.
pub(super) fn named_label<'a>(
    name: &str,
    focused: bool,
    first: bool,
    width: usize,
    theme: &Theme,
) -> Span<'a> {
    let text = if first {
        format!("{}{}", if focused { ">" } else { " " }, name)
    } else {
        String::new()
    };
    let style = if focused { theme.key } else { Style::default() };
    Span::styled(pad_to(&text, width), style)
}

/// A completion list under (or above) the input at `at`, the selected
/// candidate marked; shared by the forms that complete names.
pub(crate) fn candidates_popup(
    frame: &mut Frame,
    body: Rect,
    at: (usize, u16),
    cands: &[String],
    sel: usize,
    theme: &Theme,
) {
    if cands.is_empty() {
        return;
    }
    let below = body.bottom().saturating_sub(at.1 + 1);
    let above = at.1.saturating_sub(body.y);
    let want = u16::try_from(cands.len().min(MAX_CANDIDATES)).unwrap_or(1);
    let (y, rows) = if below >= want || below >= above {
        (at.1 + 1, want.min(below))
    } else {
        let rows = want.min(above);
        (at.1 - rows, rows)
    };
    let x = u16::try_from(at.0).unwrap_or(u16::MAX).min(body.right());
    let widest = cands.iter().map(|c| c.width()).max().unwrap_or(0) + 3;
    let w = u16::try_from(widest)
        .unwrap_or(u16::MAX)
        .min(body.right().saturating_sub(x));
    let rect = Rect::new(x, y, w, rows).intersection(body);
    if rect.is_empty() {
        return;
    }
    let n = usize::from(rect.height);
    let sel = sel.min(cands.len() - 1);
    let first = (sel + 1).saturating_sub(n);
    let marker = if theme.ascii { ">" } else { "▸" };
    let lines: Vec<Line> = cands
        .iter()
        .enumerate()
        .skip(first)
        .take(n)
        .map(|(i, c)| {
            if i == sel {
                Line::styled(format!("{marker} {c}"), theme.key)
            } else {
                Line::raw(format!("  {c}"))
            }
        })
        .collect();
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines), rect);
}
