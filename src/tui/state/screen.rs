//! The screens of the TUI, the digit that selects each and the mode its
//! keys are looked up in.

use serde::Serialize;

use crate::tui::keymap::Mode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Screen {
    Overview,
    Checklist,
    Records,
    Talks,
    Roster,
    Fixes,
}

impl Screen {
    pub const ALL: [Screen; 6] = [
        Screen::Overview,
        Screen::Checklist,
        Screen::Records,
        Screen::Talks,
        Screen::Roster,
        Screen::Fixes,
    ];

    pub fn mode(self) -> Mode {
        match self {
            Screen::Overview => Mode::Overview,
            Screen::Checklist => Mode::Checklist,
            Screen::Records => Mode::Records,
            Screen::Talks => Mode::Talks,
            Screen::Roster => Mode::Roster,
            Screen::Fixes => Mode::Fixes,
        }
    }

    /// The digit that switches to this screen.
    pub fn digit(self) -> char {
        match self {
            Screen::Overview => '1',
            Screen::Checklist => '2',
            Screen::Records => '3',
            Screen::Talks => '4',
            Screen::Roster => '5',
            Screen::Fixes => '6',
        }
    }

    pub(super) fn cycle(self, forward: bool) -> Screen {
        let i = Screen::ALL.iter().position(|s| *s == self).unwrap_or(0);
        let n = Screen::ALL.len();
        Screen::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}
