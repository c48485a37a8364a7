//! The quota bar: done/target as a bar drawn cell by cell (no `Gauge`, whose
//! ratio panics above 1 or on NaN), a pace marker where today's pace is, and
//! a `done/target` label with the status marker so it reads without colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::text;
use crate::core::{Progress, Status};
use crate::tui::theme::Theme;

/// Fewest bar cells worth drawing; below this only the label shows.
const MIN_BAR: u16 = 3;

#[derive(Debug, Clone, Copy)]
pub struct QuotaBar<'a> {
    pub done: u32,
    pub target: u32,
    pub expected: u32,
    pub status: Status,
    pub theme: &'a Theme,
    /// What a count of records is called (`条`, `rec`): a duty with no
    /// quota shows no bar, just `11 条`. Empty: `11 -`.
    pub unit: &'a str,
}

impl<'a> QuotaBar<'a> {
    pub fn new(p: &Progress, theme: &'a Theme) -> Self {
        QuotaBar {
            done: p.done,
            target: p.target,
            expected: p.expected,
            status: p.status,
            theme,
            unit: "",
        }
    }

    /// Name the unit a duty with no quota is counted in.
    #[must_use]
    pub fn unit(mut self, unit: &'a str) -> Self {
        self.unit = unit;
        self
    }

    /// `3/12 ✓`, or `3 -` for a duty with no number to meet.
    pub fn label(&self) -> String {
        let marker = self.theme.marker(self.status);
        if self.status == Status::NoQuota && !self.unit.is_empty() {
            format!("{} {}", self.done, self.unit)
        } else if self.target == 0 {
            format!("{} {marker}", self.done)
        } else {
            format!("{}/{} {marker}", self.done, self.target)
        }
    }

    /// Cells filled out of `cells`, clamped to the bar.
    fn cells(part: u32, whole: u32, cells: u16) -> u16 {
        if whole == 0 {
            return 0;
        }
        let n = u64::from(part.min(whole)) * u64::from(cells) / u64::from(whole);
        u16::try_from(n).unwrap_or(cells).min(cells)
    }
}

impl Widget for QuotaBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let label = self.label();
        let label_w = u16::try_from(text::width(&label)).unwrap_or(u16::MAX);
        let style = self.theme.status(self.status);
        let bar_w = area.width.saturating_sub(label_w + 1);
        let y = area.y;
        // No number to meet: no bar, just the count.
        if bar_w < MIN_BAR || (self.status == Status::NoQuota && !self.unit.is_empty()) {
            let shown = text::truncate(&label, usize::from(area.width), "");
            buf.set_stringn(area.x, y, shown, usize::from(area.width), style);
            return;
        }
        let glyphs = self.theme.bar();
        let filled = Self::cells(self.done, self.target, bar_w);
        let pace = (self.target > 0 && self.expected > 0)
            .then(|| Self::cells(self.expected, self.target, bar_w).clamp(1, bar_w) - 1);
        for i in 0..bar_w {
            let (sym, st) = if Some(i) == pace {
                (
                    glyphs.pace,
                    self.theme.bar_pace.patch(if i < filled {
                        style
                    } else {
                        self.theme.bar_empty
                    }),
                )
            } else if i < filled {
                (glyphs.filled, style)
            } else {
                (glyphs.empty, self.theme.bar_empty)
            };
            buf[(area.x + i, y)].set_symbol(sym).set_style(st);
        }
        buf.set_stringn(area.x + bar_w + 1, y, &label, usize::from(label_w), style);
    }
}
