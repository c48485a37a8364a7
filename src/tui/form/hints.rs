//! What the form says about its keys: the footer hints for the state it is
//! in, and the full list for the help overlay.

use crate::i18n::Lang;
use crate::i18n::form::{Text, text as t};

use super::RecordForm;
use super::slot::Slot;

impl RecordForm {
    /// Every key the form answers to, for the help overlay: (keys, what).
    pub fn help_rows(lang: Lang) -> Vec<(String, String)> {
        [
            ("Ctrl-S", Text::Save),
            ("Tab ↓", Text::NextField),
            ("S-Tab ↑", Text::PrevField),
            ("← →", Text::ChooseKind),
            ("Space", Text::Toggle),
            ("Tab Enter", Text::Accept),
            ("Esc C-c", Text::Cancel),
        ]
        .into_iter()
        .map(|(k, x)| (k.to_string(), t(lang, x).to_string()))
        .collect()
    }

    /// Key hints for the footer: (key, what it does), for the current state.
    pub fn hints(&self) -> Vec<(String, String)> {
        let h = |k: &str, x: Text| (k.to_string(), t(self.lang, x).to_string());
        if self.confirm_discard {
            return vec![h("y", Text::Discard), h("n", Text::KeepEditing)];
        }
        if !self.caution.is_empty() {
            return vec![h("y", Text::Save), h("n", Text::KeepEditing)];
        }
        let mut out = vec![h("Ctrl-S", Text::Save)];
        if self.candidates().is_empty() {
            match self.focus {
                Slot::Kind => out.push(h("←/→", Text::ChooseKind)),
                Slot::Duties => out.push(h("Space", Text::Toggle)),
                Slot::Notes => out.push(h("Enter", Text::Newline)),
                _ => {}
            }
            out.push(h("Tab/↓", Text::NextField));
            out.push(h("Shift-Tab/↑", Text::PrevField));
            out.push(h("Esc", Text::Cancel));
        } else {
            out.push(h("Tab/Enter", Text::Accept));
            out.push(h("↑/↓", Text::Candidates));
            out.push(h("Esc", Text::CloseList));
        }
        out
    }
}
