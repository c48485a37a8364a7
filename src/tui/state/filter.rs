//! The screens' filters: each screen keeps its own, and a changed filter
//! starts from its first match.

use super::{Pane, Screen, State};

impl State {
    /// The filter of the screen in view: each screen keeps its own, and it
    /// shows on that screen while set.
    pub fn screen_filter(&self) -> &str {
        match self.screen {
            Screen::Records => &self.record_filter,
            _ => &self.filter,
        }
    }

    pub(super) fn filter_mut(&mut self) -> &mut String {
        match self.screen {
            Screen::Records => &mut self.record_filter,
            _ => &mut self.filter,
        }
    }

    /// The filter changed: start from the first match.
    pub(super) fn start_filter(&mut self) {
        self.record = 0;
        self.checklist.duty = 0;
        self.checklist.detail_scroll = 0;
        self.checklist.pick = 0;
        if self.screen == Screen::Checklist && !self.filter.is_empty() {
            self.checklist.focus = Some(Pane::Duties);
        }
    }
}
