//! The state's side of the rectification screen: its list actions (add,
//! edit, note, start, request closure, close, filter), routing keys to the
//! open form or prompt, and taking back what the ledger said.

use crossterm::event::KeyEvent;

use super::{Notice, Screen, State};
use crate::core::fix::FixError;
use crate::core::{CoreError, FixItem, FixState};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::fix::FixOutcome;
use crate::tui::text::fix::{self as words, Saved};

impl State {
    pub(super) fn fix_action(&mut self, action: &Action) -> Vec<Effect> {
        if self.screen != Screen::Fixes {
            return Vec::new();
        }
        let (lang, view) = (self.lang, &self.view);
        let selected = self.fixes.current(view).map(|f| f.id);
        let ok = match action {
            Action::AddFix => {
                self.fixes.add(lang, view);
                true
            }
            Action::CycleFixFilter => {
                self.fixes.cycle_filter(view);
                true
            }
            Action::EditFix => self.fixes.edit(lang, view),
            Action::NoteFix => self.fixes.ask(view, false),
            Action::CloseFix => self.fixes.ask(view, true),
            Action::StartFix | Action::RequestClosure => {
                let to = if *action == Action::StartFix {
                    FixState::InProgress
                } else {
                    FixState::ClosureRequested
                };
                if let Some(id) = selected {
                    return vec![Effect::MoveFix(id, to)];
                }
                false
            }
            _ => true,
        };
        if !ok {
            self.info(words::no_item(lang));
        }
        Vec::new()
    }

    pub(super) fn fix_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        match self.fixes.handle_key(key, &self.view) {
            FixOutcome::Continue | FixOutcome::Closed => Vec::new(),
            FixOutcome::Add(input) => vec![Effect::AddFix(input)],
            FixOutcome::Edit(id, input) => vec![Effect::UpdateFix(id, input)],
            FixOutcome::Note(id, text) => vec![Effect::NoteFix(id, text)],
            FixOutcome::Close(id, evidence) => vec![Effect::CloseFix(id, evidence)],
        }
    }

    /// An item was written: close the form and select the item.
    pub(super) fn fix_saved(&mut self, f: &FixItem, change: Saved) {
        self.fixes.form = None;
        self.fixes.prompt = None;
        self.fixes.selected = Some(f.id);
        self.info(&words::saved(self.lang, f, change));
    }

    /// The ledger refused a rectification change. A validation error goes
    /// back to the open form; anything else (an illegal transition, a
    /// closer who is not the secretary) is a notice on the status line.
    /// Returns whether it was handled here.
    pub(super) fn fix_failed(&mut self, error: &CoreError) -> bool {
        if self.screen != Screen::Fixes {
            return false;
        }
        let invalid = match error {
            CoreError::Invalid(v)
            | CoreError::Fix {
                error: FixError::Invalid(v),
                ..
            } => Some(v.clone()),
            _ => None,
        };
        if let Some(v) = invalid
            && self.fixes.set_error(v)
        {
            return true;
        }
        self.notice = Some(Notice::Error(crate::i18n::domain::error(self.lang, error)));
        true
    }
}
