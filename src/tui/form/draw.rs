//! Drawing the record form: one line a field (notes and duties take more),
//! errors under their field, scrolled so the focused field shows, with the
//! terminal cursor at the input position for Chinese input methods.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::i18n::domain::field;
use crate::i18n::form::validation;
use crate::i18n::form::{Text, caution_question, date_with_weekday, edit_record, text as t};
use crate::tui::theme::Theme;

use super::RecordForm;
use super::parts::{candidates_popup, named_label};
use super::slot::Slot;
use super::text::{TextInput, clip, window, wrap};

const NOTES_ROWS: usize = 3;

/// Lines of the form before scrolling, with where the cursor and each
/// field's block sit.
struct Sheet<'a> {
    lines: Vec<Line<'a>>,
    cursor: Option<(usize, usize)>,
    focus_rows: (usize, usize),
}

impl RecordForm {
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let area = area.intersection(frame.area());
        frame.render_widget(Clear, area);
        let title = match self.editing {
            Some(id) => edit_record(self.lang, id),
            None => t(self.lang, Text::NewRecord).to_string(),
        };
        let block = Block::bordered()
            .border_set(theme.border_set())
            .border_style(theme.border)
            .title(Span::styled(format!(" {title} "), theme.title_focused));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if inner.is_empty() {
            return;
        }
        let (body, foot) = if inner.height >= 2 {
            let body = Rect {
                height: inner.height - 1,
                ..inner
            };
            (
                body,
                Some(Rect::new(inner.x, inner.bottom() - 1, inner.width, 1)),
            )
        } else {
            (inner, None)
        };
        let label_w = self.label_width();
        let value_w = usize::from(body.width).saturating_sub(label_w);
        let sheet = self.sheet(theme, label_w, value_w, usize::from(body.height));
        let h = usize::from(body.height);
        let (top, bottom) = sheet.focus_rows;
        let mut scroll = bottom.saturating_sub(h);
        if top < scroll {
            scroll = top;
        }
        let visible: Vec<Line> = sheet.lines.into_iter().skip(scroll).take(h).collect();
        frame.render_widget(Paragraph::new(visible), body);
        if let Some((line, col)) = sheet.cursor
            && line >= scroll
            && line - scroll < h
        {
            let y = body.y + u16::try_from(line - scroll).unwrap_or(0);
            let x = usize::from(body.x) + label_w;
            if !self.confirm_discard && x + col < usize::from(body.right()) {
                frame.set_cursor_position((u16::try_from(x + col).unwrap_or(0), y));
            }
            self.draw_candidates(frame, body, (x, y), theme);
        }
        if let Some(foot) = foot {
            frame.render_widget(Paragraph::new(self.footer(theme)), foot);
        }
    }

    fn label_width(&self) -> usize {
        Slot::visible(crate::core::RecordKind::IntegrityTalk)
            .into_iter()
            .map(|s| field(self.lang, s.field()).width())
            .max()
            .unwrap_or(0)
            + 3
    }

    fn label<'a>(&self, slot: Slot, first: bool, width: usize, theme: &Theme) -> Span<'a> {
        // The host is 谈话人 on a talk and 述职人 on a 述责述廉.
        let name = match slot {
            Slot::Host => crate::i18n::acts::host_label(self.lang, self.kind),
            Slot::Partners => crate::i18n::acts::partners_label(self.lang, self.kind),
            _ => field(self.lang, slot.field()),
        };
        named_label(name, slot == self.focus, first, width, theme)
    }

    fn sheet(&self, theme: &Theme, label_w: usize, value_w: usize, height: usize) -> Sheet<'_> {
        let mut s = Sheet {
            lines: Vec::new(),
            cursor: None,
            focus_rows: (0, 0),
        };
        for slot in self.slots() {
            let top = s.lines.len();
            let focused = slot == self.focus;
            match slot {
                Slot::Kind => self.kind_line(&mut s, label_w, value_w, theme),
                Slot::Notes => self.notes_lines(&mut s, label_w, value_w, theme),
                Slot::Duties => {
                    let rows = height
                        .saturating_sub(s.lines.len() + self.error_rows(slot, value_w))
                        .max(3)
                        .min(self.all_duties.len().max(1));
                    self.duty_lines(&mut s, rows, label_w, theme);
                }
                _ => {
                    let Some(input) = self.input_of(slot) else {
                        continue;
                    };
                    let (line, cursor) = self.text_line(slot, input, label_w, value_w, theme);
                    if focused {
                        s.cursor = Some((s.lines.len(), cursor));
                    }
                    s.lines.push(line);
                }
            }
            if let Some(e) = self.error.as_ref().filter(|e| e.field == slot.field()) {
                for row in wrap(&format!("! {}", validation(self.lang, e)), value_w) {
                    s.lines.push(Line::from(vec![
                        Span::raw(" ".repeat(label_w)),
                        Span::styled(row, theme.error),
                    ]));
                }
            }
            if focused {
                s.focus_rows = (top, s.lines.len());
            }
        }
        s
    }

    fn error_rows(&self, slot: Slot, value_w: usize) -> usize {
        self.error
            .as_ref()
            .filter(|e| e.field == slot.field())
            .map_or(0, |e| {
                wrap(&format!("! {}", validation(self.lang, e)), value_w).len()
            })
    }

    fn input_of(&self, slot: Slot) -> Option<&TextInput> {
        Some(match slot {
            Slot::Date => &self.date,
            Slot::Covers => &self.covers,
            Slot::Topic => &self.topic,
            Slot::Host => &self.host,
            Slot::Partners => &self.partners,
            Slot::Attendees => &self.attendees,
            Slot::Absentees => &self.absentees,
            _ => return None,
        })
    }

    /// One text field: its line and the cursor column within the value.
    fn text_line<'a>(
        &self,
        slot: Slot,
        input: &TextInput,
        label_w: usize,
        value_w: usize,
        theme: &Theme,
    ) -> (Line<'a>, usize) {
        let focused = slot == self.focus;
        let col = if focused {
            input.cursor_line_col().1
        } else {
            0
        };
        let (shown, start) = window(input.text(), col, value_w.max(1));
        let mut spans = vec![self.label(slot, true, label_w, theme), Span::raw(shown)];
        if slot == Slot::Date
            && let Ok(d) = crate::core::date::parse_date(input.text(), self.today)
        {
            spans.push(Span::styled(
                format!(
                    "  {} {}",
                    if theme.ascii { "->" } else { "→" },
                    date_with_weekday(self.lang, d)
                ),
                theme.dim,
            ));
        }
        (Line::from(spans), col - start)
    }

    fn kind_line(&self, s: &mut Sheet<'_>, label_w: usize, value_w: usize, theme: &Theme) {
        let name = crate::i18n::domain::kind(self.lang, self.kind);
        let (l, r) = if theme.ascii {
            ("<", ">")
        } else {
            ("‹", "›")
        };
        let label = self.label(Slot::Kind, true, label_w, theme);
        let (line, col) = if self.kind_filter.is_empty() {
            (
                Line::from(vec![label, Span::raw(format!("{l} {name} {r}"))]),
                2,
            )
        } else {
            let col = self.kind_filter.cursor_line_col().1;
            let (shown, start) = window(self.kind_filter.text(), col, value_w.max(1));
            let w = shown.width();
            let line = Line::from(vec![
                label,
                Span::raw(shown),
                Span::styled(format!("  {l}{name}{r}"), theme.dim),
            ]);
            (line, (col - start).min(w))
        };
        if self.focus == Slot::Kind {
            s.cursor = Some((s.lines.len(), col));
        }
        s.lines.push(line);
    }

    fn notes_lines(&self, s: &mut Sheet<'_>, label_w: usize, value_w: usize, theme: &Theme) {
        let focused = self.focus == Slot::Notes;
        let (cur_line, cur_col) = self.notes.cursor_line_col();
        let (cur_line, cur_col) = if focused { (cur_line, cur_col) } else { (0, 0) };
        let first = cur_line.saturating_sub(NOTES_ROWS - 1);
        let start = window("", cur_col, value_w.max(1)).1;
        let rows: Vec<&str> = self.notes.lines().skip(first).take(NOTES_ROWS).collect();
        for i in 0..NOTES_ROWS {
            let row = rows.get(i).copied().unwrap_or("");
            let shown = window_from(row, start, value_w);
            if focused && first + i == cur_line {
                s.cursor = Some((s.lines.len(), cur_col - start));
            }
            s.lines.push(Line::from(vec![
                self.label(Slot::Notes, i == 0, label_w, theme),
                Span::raw(shown),
            ]));
        }
    }

    fn duty_lines(&self, s: &mut Sheet<'_>, rows: usize, label_w: usize, theme: &Theme) {
        let focused = self.focus == Slot::Duties;
        if self.all_duties.is_empty() {
            s.lines.push(Line::from(vec![
                self.label(Slot::Duties, true, label_w, theme),
                Span::styled(t(self.lang, Text::NoDuty), theme.dim),
            ]));
            return;
        }
        // Out of focus the list shows what is ticked, so it stays in view.
        let on_list = self.ticked();
        if !focused {
            let ticked: Vec<&String> = self
                .all_duties
                .iter()
                .filter(|(id, _)| on_list.contains(id))
                .map(|(_, title)| title)
                .collect();
            let first = s.lines.len();
            for title in ticked.iter().take(rows.saturating_sub(1).max(1)) {
                s.lines.push(Line::from(vec![
                    self.label(Slot::Duties, s.lines.len() == first, label_w, theme),
                    Span::raw(format!("[x] {title}")),
                ]));
            }
            let more = if ticked.is_empty() {
                t(self.lang, Text::NoDuty).to_string()
            } else {
                t(self.lang, Text::MoreDuties).to_string()
            };
            s.lines.push(Line::from(vec![
                self.label(Slot::Duties, s.lines.len() == first, label_w, theme),
                Span::styled(more, theme.dim),
            ]));
            return;
        }
        let first = (self.duty_cursor + 1).saturating_sub(rows);
        for (i, (id, title)) in self.all_duties.iter().enumerate().skip(first).take(rows) {
            let on = on_list.contains(id);
            let mark = if on { "[x]" } else { "[ ]" };
            let style = if i == self.duty_cursor {
                theme.key
            } else if on {
                Style::default()
            } else {
                theme.dim
            };
            s.lines.push(Line::from(vec![
                self.label(Slot::Duties, i == first, label_w, theme),
                Span::styled(format!("{mark} {title}"), style),
            ]));
        }
    }

    fn draw_candidates(&self, frame: &mut Frame, body: Rect, at: (usize, u16), theme: &Theme) {
        candidates_popup(frame, body, at, &self.candidates(), self.cand_sel, theme);
    }

    fn footer(&self, theme: &Theme) -> Line<'_> {
        if !self.caution.is_empty() {
            return Line::styled(caution_question(self.lang, &self.caution), theme.error);
        }
        if self.confirm_discard {
            return Line::styled(t(self.lang, Text::ConfirmDiscard), theme.error);
        }
        if let Some(e) = &self.error
            && !self.slots().iter().any(|s| s.field() == e.field)
        {
            return Line::styled(validation(self.lang, e), theme.error);
        }
        let hint = match self.focus {
            Slot::Kind => Text::KindHint,
            Slot::Date => Text::DateHint,
            Slot::Covers => Text::CoversHint,
            Slot::Host | Slot::Partners | Slot::Attendees => Text::NamesHint,
            Slot::Absentees => Text::AbsentHint,
            Slot::Topic | Slot::Notes | Slot::Duties => return Line::default(),
        };
        let hint = t(self.lang, hint);
        if theme.ascii {
            Line::styled(hint.replace("←/→", "Left/Right"), theme.dim)
        } else {
            Line::styled(hint, theme.dim)
        }
    }
}

/// `line` from display column `start`, at most `width` columns.
fn window_from(line: &str, start: usize, width: usize) -> String {
    if start == 0 {
        return clip(line, width);
    }
    let shown = window(line, start + width.max(1) - 1, width.max(1)).0;
    clip(&shown, width)
}
