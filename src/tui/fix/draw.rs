//! Drawing the rectification form (one line a field, the duties as a toggle
//! list filling the rest, errors under their field) and the one-line prompt,
//! with the terminal cursor at the input for Chinese input methods.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::i18n::domain::field;
use crate::i18n::form::date_with_weekday;
use crate::i18n::form::validation;
use crate::tui::form::text::{window, wrap};
use crate::tui::form::{candidates_popup, field_label};
use crate::tui::text::fix as words;
use crate::tui::theme::Theme;

use super::form::{FSlot, FixForm};
use super::{FixScreen, Prompt};

fn boxed(frame: &mut Frame, area: Rect, title: &str, theme: &Theme) -> Rect {
    let area = area.intersection(frame.area());
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.title_focused));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

impl FixScreen {
    /// The open form or prompt over `area` (the screen's body).
    pub fn render_overlay(
        &self,
        frame: &mut Frame,
        area: Rect,
        theme: &Theme,
        lang: crate::i18n::Lang,
    ) {
        if let Some(form) = &self.form {
            form.render(frame, area, theme);
        } else if let Some(prompt) = &self.prompt {
            render_prompt(prompt, frame, area, theme, lang);
        }
    }
}

fn render_prompt(
    prompt: &Prompt,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    lang: crate::i18n::Lang,
) {
    let (title, input) = match prompt {
        Prompt::Note(id, i) => (words::note_prompt(lang, *id), i),
        Prompt::Evidence(id, i) => (words::evidence_prompt(lang, *id), i),
    };
    let h = 3.min(area.height);
    let rect = Rect::new(area.x, area.bottom().saturating_sub(h), area.width, h);
    let inner = boxed(frame, rect, &title, theme);
    if inner.is_empty() {
        return;
    }
    let col = input.cursor_line_col().1;
    let (shown, start) = window(input.text(), col, usize::from(inner.width.max(1)));
    frame.render_widget(Paragraph::new(Line::raw(shown)), inner);
    let x = inner.x + u16::try_from(col - start).unwrap_or(0);
    if x < inner.right() {
        frame.set_cursor_position((x, inner.y));
    }
}

impl FixForm {
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let inner = boxed(
            frame,
            area,
            &words::form_title(self.lang, self.editing),
            theme,
        );
        if inner.height < 2 || inner.width < 10 {
            return;
        }
        let body = Rect {
            height: inner.height - 1,
            ..inner
        };
        let label_w = FSlot::ALL
            .iter()
            .map(|s| field(self.lang, s.field()).width())
            .max()
            .unwrap_or(0)
            + 3;
        let value_w = usize::from(body.width).saturating_sub(label_w).max(1);
        let mut lines: Vec<Line> = Vec::new();
        let mut cursor = None;
        for slot in FSlot::ALL {
            let focused = slot == self.focus;
            let label =
                |first: bool| field_label(self.lang, slot.field(), focused, first, label_w, theme);
            match slot {
                FSlot::Source => {
                    let (l, r) = if theme.ascii {
                        ("<", ">")
                    } else {
                        ("‹", "›")
                    };
                    let name = crate::i18n::fix::source(self.lang, self.source());
                    lines.push(Line::from(vec![
                        label(true),
                        Span::raw(format!("{l} {name} {r}")),
                    ]));
                }
                FSlot::Duties => {
                    let error_rows =
                        usize::from(self.error.as_ref().is_some_and(|e| e.field == slot.field()));
                    let rows = usize::from(body.height)
                        .saturating_sub(lines.len() + error_rows)
                        .max(1);
                    let first = (self.duty_cursor + 1).saturating_sub(rows);
                    for (i, (id, title)) in
                        self.all_duties.iter().enumerate().skip(first).take(rows)
                    {
                        let on = self.duties.contains(id);
                        let style = if focused && i == self.duty_cursor {
                            theme.key
                        } else if on {
                            Style::default()
                        } else {
                            theme.dim
                        };
                        let mark = if on { "[x]" } else { "[ ]" };
                        lines.push(Line::from(vec![
                            label(i == first),
                            Span::styled(format!("{mark} {title}"), style),
                        ]));
                    }
                }
                _ => {
                    let Some(input) = self.input(slot) else {
                        continue;
                    };
                    let col = if focused {
                        input.cursor_line_col().1
                    } else {
                        0
                    };
                    let (shown, start) = window(input.text(), col, value_w);
                    let mut spans = vec![label(true), Span::raw(shown)];
                    if slot == FSlot::Deadline
                        && let Ok(d) = crate::core::date::parse_date(input.text(), self.today)
                    {
                        let arrow = if theme.ascii { "->" } else { "→" };
                        spans.push(Span::styled(
                            format!("  {arrow} {}", date_with_weekday(self.lang, d)),
                            theme.dim,
                        ));
                    }
                    if focused {
                        cursor = Some((lines.len(), col - start));
                    }
                    lines.push(Line::from(spans));
                }
            }
            if let Some(e) = self.error.as_ref().filter(|e| e.field == slot.field()) {
                for row in wrap(&format!("! {}", validation(self.lang, e)), value_w) {
                    lines.push(Line::from(vec![
                        Span::raw(" ".repeat(label_w)),
                        Span::styled(row, theme.error),
                    ]));
                }
            }
        }
        let h = usize::from(body.height);
        lines.truncate(h);
        frame.render_widget(Paragraph::new(lines), body);
        let foot = Rect::new(inner.x, inner.bottom() - 1, inner.width, 1);
        let hint = if self.confirm_discard {
            Line::styled(words::discard(self.lang), theme.error)
        } else {
            let hint: Vec<String> = self
                .hints()
                .into_iter()
                .map(|(k, w)| format!("{k} {w}"))
                .collect();
            let hint = hint.join("  ");
            let hint = if theme.ascii {
                hint.replace('←', "Left").replace('→', "Right")
            } else {
                hint
            };
            Line::styled(hint, theme.dim)
        };
        frame.render_widget(Paragraph::new(hint), foot);
        if let Some((line, col)) = cursor
            && line < h
        {
            let y = body.y + u16::try_from(line).unwrap_or(0);
            let x = usize::from(body.x) + label_w;
            if !self.confirm_discard && x + col < usize::from(body.right()) {
                frame.set_cursor_position((u16::try_from(x + col).unwrap_or(0), y));
            }
            candidates_popup(
                frame,
                body,
                (x, y),
                &self.candidates(),
                self.cand_sel,
                theme,
            );
        }
    }
}
