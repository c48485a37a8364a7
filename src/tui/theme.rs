//! Every style the TUI draws with, in one place. Colours come from the
//! 16-colour palette only; with `no_color` every colour is dropped and only
//! modifiers and text markers remain, so nothing depends on colour alone.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::core::Status;
use crate::i18n::domain;

/// ASCII borders for terminals that draw box glyphs double-width.
const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// The glyphs of a quota bar: filled, empty, pace marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BarGlyphs {
    pub filled: &'static str,
    pub empty: &'static str,
    pub pace: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Draw only ASCII: borders, bars, markers, ellipsis.
    pub ascii: bool,
    /// `NO_COLOR`: no foreground or background colours at all.
    pub no_color: bool,
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    /// The title of the pane with focus.
    pub title_focused: Style,
    pub heading: Style,
    pub border: Style,
    /// The selected row of the focused pane.
    pub selected: Style,
    /// The selected row of a pane without focus.
    pub selected_unfocused: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub key: Style,
    pub notice: Style,
    pub error: Style,
    pub input: Style,
    pub done: Style,
    pub on_track: Style,
    pub behind: Style,
    pub overdue: Style,
    /// 逾期完成: done, but after the due date.
    pub late: Style,
    pub no_quota: Style,
    /// A past year's evidence duty with nothing on file.
    pub no_evidence: Style,
    pub bar_empty: Style,
    pub bar_pace: Style,
}

impl Theme {
    pub fn new(ascii: bool, no_color: bool) -> Theme {
        let fg = |c: Color| {
            if no_color {
                Style::new()
            } else {
                Style::new().fg(c)
            }
        };
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            ascii,
            no_color,
            base: Style::new(),
            dim: fg(Color::DarkGray),
            title: bold,
            title_focused: fg(Color::Cyan).add_modifier(Modifier::BOLD | Modifier::REVERSED),
            heading: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            border: fg(Color::DarkGray),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            tab: fg(Color::Gray),
            tab_active: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            notice: fg(Color::Green),
            error: fg(Color::Red).add_modifier(Modifier::BOLD),
            input: Style::new().add_modifier(Modifier::UNDERLINED),
            done: fg(Color::Green),
            on_track: fg(Color::Cyan),
            behind: fg(Color::Yellow),
            overdue: fg(Color::Red),
            late: fg(Color::Magenta),
            no_quota: fg(Color::DarkGray),
            no_evidence: fg(Color::Magenta).add_modifier(Modifier::BOLD),
            bar_empty: fg(Color::DarkGray),
            bar_pace: bold,
        }
    }

    /// The style of a status: its colour (none under `NO_COLOR`).
    pub fn status(&self, s: Status) -> Style {
        match s {
            Status::Done => self.done,
            Status::Late => self.late,
            Status::OnTrack => self.on_track,
            Status::Behind => self.behind,
            Status::Overdue => self.overdue,
            Status::NoQuota => self.no_quota,
            Status::NoEvidence => self.no_evidence,
        }
    }

    /// The text marker of a status, so it reads without colour.
    pub fn marker(&self, s: Status) -> char {
        if self.ascii {
            domain::status_marker_ascii(s)
        } else {
            domain::status_marker(s)
        }
    }

    pub fn border_set(&self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::PLAIN
        }
    }

    pub fn bar(&self) -> BarGlyphs {
        if self.ascii {
            BarGlyphs {
                filled: "#",
                empty: "-",
                pace: "|",
            }
        } else {
            BarGlyphs {
                filled: "█",
                empty: "░",
                pace: "│",
            }
        }
    }

    /// The mark put where text was cut short.
    pub fn ellipsis(&self) -> &'static str {
        if self.ascii { "~" } else { "…" }
    }

    /// Separator between items on one line.
    pub fn dot(&self) -> &'static str {
        if self.ascii { " | " } else { " · " }
    }

    /// Points at the list that has the selection.
    pub fn pointer(&self) -> &'static str {
        if self.ascii { ">" } else { "▸" }
    }

    /// Arrow between the two people of a talk pair.
    pub fn arrow(&self) -> &'static str {
        if self.ascii { "->" } else { "→" }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(false, false)
    }
}
