//! Drawing the roster table, the retire prompt and the person form with the
//! person's dated changes; retired people are dimmed and marked in words,
//! and the cursor sits at the focused input.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row, Table, TableState};
use unicode_width::UnicodeWidthStr;

use crate::core::date::parse_date;
use crate::core::{Person, Role, YearView};
use crate::i18n::Lang;
use crate::i18n::domain::{field, role};
use crate::i18n::form::validation;
use crate::i18n::form::{Text, date_with_weekday, text as t};
use crate::i18n::roster::{history_lines, history_title};
use crate::tui::form::text::{TextInput, clip, window, wrap};
use crate::tui::form::{candidates_popup, field_label};
use crate::tui::theme::Theme;

use super::person::{PSlot, PersonForm};
use super::retire::RetirePrompt;
use super::{Mode, RosterScreen, words};

fn roles(lang: Lang, p: &Person) -> String {
    p.roles
        .iter()
        .map(|r| role(lang, *r))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

/// The body and, when there is room, a foot of `rows` rows under it.
fn body_and_foot(inner: Rect, rows: u16) -> (Rect, Option<Rect>) {
    if inner.height > rows {
        let body = Rect {
            height: inner.height - rows,
            ..inner
        };
        (
            body,
            Some(Rect::new(inner.x, inner.bottom() - rows, inner.width, rows)),
        )
    } else {
        (inner, None)
    }
}

/// "  → 2026-12-02 周三" after a date field that parses.
fn date_preview(lang: Lang, input: &TextInput, today: NaiveDate, theme: &Theme) -> Span<'static> {
    match parse_date(input.text(), today) {
        Ok(d) => Span::styled(
            format!("  {} {}", theme.arrow(), date_with_weekday(lang, d)),
            theme.dim,
        ),
        Err(_) => Span::raw(""),
    }
}

impl RosterScreen {
    pub fn render(&self, frame: &mut Frame, area: Rect, view: &YearView, theme: &Theme) {
        let area = area.intersection(frame.area());
        frame.render_widget(Clear, area);
        if let Mode::Form(form) = &self.mode {
            form.render(frame, area, theme);
            return;
        }
        let shown = self.shown(view);
        let lang = self.lang;
        let title = format!("{} ({})", t(lang, Text::Roster), shown.len());
        let block = Block::bordered()
            .border_set(theme.border_set())
            .border_style(theme.border)
            .title(format!(
                " {} ",
                clip(&title, usize::from(area.width.saturating_sub(4)))
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if inner.is_empty() {
            return;
        }
        let foot_rows = match &self.mode {
            Mode::Retire(prompt) => 1 + prompt.note(lang, usize::from(inner.width)).len(),
            _ => 1,
        };
        let foot_rows = u16::try_from(foot_rows).unwrap_or(1);
        let (body, foot) = body_and_foot(inner, foot_rows);
        if shown.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled(t(lang, Text::EmptyRoster), theme.dim)),
                body,
            );
        } else {
            let header = Row::new(
                [
                    crate::core::Field::Name,
                    crate::core::Field::Roles,
                    crate::core::Field::Dept,
                    crate::core::Field::Oversees,
                    crate::core::Field::Links,
                ]
                .map(|f| Cell::from(field(lang, f))),
            )
            .style(Style::default().add_modifier(Modifier::BOLD));
            // Cut long cells with an ellipsis rather than mid-word: the
            // fixed columns, then two fill columns sharing the rest.
            let fill = usize::from(body.width.saturating_sub(2 + 14 + 18 + 10 + 4)) / 2;
            let cut =
                |s: &str, w: usize| crate::tui::widgets::text::truncate(s, w, theme.ellipsis());
            let join = |v: &[String], w: usize| cut(&v.join(lang.pick("、", ", ")), w);
            let rows = shown.iter().map(|p| {
                let name = if p.retired {
                    format!("{}{}", p.name, t(lang, Text::Retired))
                } else {
                    p.name.clone()
                };
                let row = Row::new(vec![
                    Cell::from(cut(&name, 14)),
                    Cell::from(cut(&roles(lang, p), 18)),
                    Cell::from(cut(p.dept.as_deref().unwrap_or_default(), 10)),
                    Cell::from(join(&p.oversees, fill)),
                    Cell::from(join(&p.links, fill)),
                ]);
                if p.retired { row.style(theme.dim) } else { row }
            });
            let widths = [
                Constraint::Length(14),
                Constraint::Length(18),
                Constraint::Length(10),
                Constraint::Fill(1),
                Constraint::Fill(1),
            ];
            let marker = if theme.ascii { "> " } else { "▸ " };
            let table = Table::new(rows, widths)
                .header(header)
                .row_highlight_style(theme.key)
                .highlight_symbol(marker);
            let mut state =
                TableState::default().with_selected(Some(self.sel.min(shown.len() - 1)));
            frame.render_stateful_widget(table, body, &mut state);
        }
        if let Some(foot) = foot {
            if let Mode::Retire(prompt) = &self.mode {
                prompt.render(frame, foot, lang, theme);
                return;
            }
            let line = match (&self.notice, self.sealed) {
                (Some(e), _) => Line::styled(validation(lang, e), theme.error),
                (None, Some(year)) => Line::styled(words::sealed(lang, year), theme.error),
                (None, None) => Line::default(),
            };
            frame.render_widget(Paragraph::new(line), foot);
        }
    }
}

impl PersonForm {
    fn label_width(&self) -> usize {
        PSlot::ALL
            .iter()
            .map(|s| field(self.lang, s.field()).width())
            .max()
            .unwrap_or(0)
            + 3
    }

    fn label<'a>(&self, slot: PSlot, first: bool, width: usize, theme: &Theme) -> Span<'a> {
        field_label(
            self.lang,
            slot.field(),
            slot == self.focus,
            first,
            width,
            theme,
        )
    }

    pub(super) fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let lang = self.lang;
        let title = t(
            lang,
            if self.editing.is_some() {
                Text::EditPerson
            } else {
                Text::AddPerson
            },
        );
        let block = Block::bordered()
            .border_set(theme.border_set())
            .border_style(theme.border)
            .title(format!(
                " {} ",
                clip(title, usize::from(area.width.saturating_sub(4)))
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if inner.is_empty() {
            return;
        }
        let (body, foot) = body_and_foot(inner, 1);
        let label_w = self.label_width();
        let value_w = usize::from(body.width).saturating_sub(label_w);
        let mut lines: Vec<Line> = Vec::new();
        let mut cursor = None;
        let mut focus_rows = (0, 0);
        for slot in PSlot::ALL {
            let top = lines.len();
            if let Some(input) = self.input(slot) {
                let col = if slot == self.focus {
                    input.cursor_line_col().1
                } else {
                    0
                };
                let (shown, start) = window(input.text(), col, value_w.max(1));
                if slot == self.focus {
                    cursor = Some((lines.len(), col - start));
                }
                let mut spans = vec![self.label(slot, true, label_w, theme), Span::raw(shown)];
                if slot == PSlot::From {
                    spans.push(date_preview(lang, input, self.today, theme));
                }
                lines.push(Line::from(spans));
            } else {
                self.role_grid(&mut lines, label_w, value_w, theme);
            }
            if let Some(e) = self.error.as_ref().filter(|e| e.field == slot.field()) {
                for row in wrap(&format!("! {}", validation(lang, e)), value_w) {
                    lines.push(Line::from(vec![
                        Span::raw(" ".repeat(label_w)),
                        Span::styled(row, theme.error),
                    ]));
                }
            }
            if slot == self.focus {
                focus_rows = (top, lines.len());
            }
        }
        let h = usize::from(body.height);
        self.history_lines(&mut lines, h, usize::from(body.width), theme);
        let mut scroll = focus_rows.1.saturating_sub(h);
        if focus_rows.0 < scroll {
            scroll = focus_rows.0;
        }
        frame.render_widget(
            Paragraph::new(lines.into_iter().skip(scroll).take(h).collect::<Vec<_>>()),
            body,
        );
        if let Some((line, col)) = cursor
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
            let line = if self.confirm_discard {
                Line::styled(t(lang, Text::ConfirmDiscard), theme.error)
            } else if matches!(self.focus, PSlot::Oversees | PSlot::Links) {
                Line::styled(t(lang, Text::ListHint), theme.dim)
            } else if self.focus == PSlot::From {
                Line::styled(words::from_hint(lang, self.editing.is_none()), theme.dim)
            } else {
                Line::default()
            };
            frame.render_widget(Paragraph::new(line), foot);
        }
    }

    fn draw_candidates(&self, frame: &mut Frame, body: Rect, at: (usize, u16), theme: &Theme) {
        candidates_popup(frame, body, at, &self.candidates(), self.cand_sel, theme);
    }

    /// The roles as toggles, as many to a row as fit `value_w`, in reading
    /// order (the order the cursor moves in), so the form leaves room for
    /// the person's history at 80×24.
    fn role_grid(&self, lines: &mut Vec<Line<'_>>, label_w: usize, value_w: usize, theme: &Theme) {
        let lang = self.lang;
        let cells: Vec<String> = Role::ALL
            .iter()
            .map(|r| {
                let on = self.roles.contains(r);
                format!("[{}] {}", if on { "x" } else { " " }, role(lang, *r))
            })
            .collect();
        let cell_w = cells.iter().map(|c| c.width()).max().unwrap_or(0) + 2;
        let per_row = (value_w / cell_w.max(1)).max(1);
        for (row, chunk) in cells.chunks(per_row).enumerate() {
            let mut spans = vec![self.label(PSlot::Roles, row == 0, label_w, theme)];
            for (j, cell) in chunk.iter().enumerate() {
                let i = row * per_row + j;
                let on = Role::ALL.get(i).is_some_and(|r| self.roles.contains(r));
                let style = if self.focus == PSlot::Roles && i == self.role_cursor {
                    theme.key
                } else if on {
                    Style::default()
                } else {
                    theme.dim
                };
                let pad = cell_w.saturating_sub(cell.width());
                spans.push(Span::styled(cell.clone(), style));
                spans.push(Span::raw(" ".repeat(pad)));
            }
            lines.push(Line::from(spans));
        }
    }

    /// Under the fields, what changed from which day (as `people show`),
    /// in the rows left of a body `height` rows high; the oldest changes
    /// give way to a count when they do not fit.
    fn history_lines(&self, lines: &mut Vec<Line<'_>>, height: usize, width: usize, theme: &Theme) {
        let changes = history_lines(self.lang, &self.history);
        // A blank row and the heading, then at least one change.
        let fit = height.saturating_sub(lines.len() + 2);
        if changes.is_empty() || fit == 0 {
            return;
        }
        lines.push(Line::default());
        lines.push(Line::styled(
            clip(&format!(" {}", history_title(self.lang)), width),
            theme.heading,
        ));
        let n = changes.len();
        let skip = match fit {
            _ if n <= fit => 0,
            // One row: the newest change alone.
            1 => n - 1,
            // The count takes a row, the newest changes the rest.
            _ => {
                let skip = n + 1 - fit;
                lines.push(Line::styled(
                    clip(&format!(" {}", words::earlier(self.lang, skip)), width),
                    theme.dim,
                ));
                skip
            }
        };
        for c in changes.into_iter().skip(skip) {
            lines.push(Line::raw(clip(&format!(" {c}"), width)));
        }
    }
}

impl RetirePrompt {
    /// Under the prompt: the error, else the date hint, wrapped to `width`
    /// (at most three rows).
    fn note(&self, lang: Lang, width: usize) -> Vec<String> {
        let text = match &self.error {
            Some(e) => validation(lang, e),
            None => words::from_hint(lang, false).to_string(),
        };
        let mut rows = wrap(&text, width.max(1));
        rows.truncate(3);
        rows
    }

    /// The prompt and its date on the first row; the error, else the date
    /// hint, under it; the cursor at the date.
    fn render(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let ask = words::retire_prompt(lang, &self.name);
        let width = usize::from(area.width);
        let ask = clip(&ask, width.saturating_sub(12));
        let ask_w = ask.width();
        let col = self.from.cursor_line_col().1;
        let (shown, start) = window(self.from.text(), col, width.saturating_sub(ask_w).max(1));
        let first = Line::from(vec![
            Span::styled(ask, theme.error),
            Span::raw(shown),
            date_preview(lang, &self.from, self.today, theme),
        ]);
        let style = if self.error.is_some() {
            theme.error
        } else {
            theme.dim
        };
        let mut lines = vec![first];
        lines.extend(
            self.note(lang, width)
                .into_iter()
                .map(|l| Line::styled(l, style)),
        );
        frame.render_widget(Paragraph::new(lines), area);
        let x = usize::from(area.x) + ask_w + col - start;
        if x < usize::from(area.right()) {
            frame.set_cursor_position((u16::try_from(x).unwrap_or(0), area.y));
        }
    }
}
