//! Minimal stand-in for the UI theme (the app loop's branch owns the real
//! one): every style the form, roster and matrix use comes from here.

use ratatui::style::{Color, Modifier, Style};

use crate::core::Status;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Theme {
    /// Draw only ASCII markers, for terminals that draw symbols double-width.
    pub ascii: bool,
    /// No colours at all; text markers and modifiers carry the meaning.
    pub no_color: bool,
}

impl Theme {
    pub fn new(ascii: bool, no_color: bool) -> Self {
        Self { ascii, no_color }
    }

    fn fg(&self, c: Color) -> Style {
        if self.no_color {
            Style::default()
        } else {
            Style::default().fg(c)
        }
    }

    pub fn style_for(&self, s: Status) -> Style {
        match s {
            Status::Done => self.fg(Color::Green),
            Status::OnTrack => self.fg(Color::Cyan),
            Status::Behind => self.fg(Color::Yellow),
            Status::Overdue => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Status::NoQuota => self.fg(Color::Gray),
        }
    }

    pub fn focused(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        self.fg(Color::DarkGray).add_modifier(Modifier::DIM)
    }
}
