//! What comes back from the loop: the outcome of an effect, freshly loaded
//! data (selections kept on their items), a resize, and the notices.

use super::{Notice, State};
use crate::core::YearView;
use crate::tui::effect::Outcome;
use crate::tui::text as msg;

impl State {
    /// Take in what applying an effect did.
    pub fn settle(&mut self, outcome: Outcome) {
        let lang = self.lang;
        match outcome {
            Outcome::Saved(r) => self.record_saved(&r, false),
            Outcome::Updated(r) => self.record_saved(&r, true),
            Outcome::Deleted(r) => {
                self.info(&msg::deleted(lang, r.id));
                self.undo.push(r);
            }
            Outcome::Restored(r) => self.info(&msg::restored(lang, r.id)),
            Outcome::PersonSaved(name) => self.info(&msg::person_saved(lang, &name)),
            Outcome::PersonRetired(name) => self.info(&msg::person_retired(lang, &name)),
            Outcome::FixSaved(f, change) => self.fix_saved(&f, change),
            Outcome::History(id, entries) => self.history_loaded(id, entries),
            Outcome::Trash(items) => self.trash_loaded(items),
            Outcome::Loaded | Outcome::Quit => {}
            Outcome::Failed { error, from_form } => self.failed(&error, from_form),
        }
    }

    /// Swap in freshly loaded data. In the same year every selection stays
    /// on the same item (by id, not by row); all are kept in range.
    pub fn set_view(&mut self, view: YearView) {
        if view.year == self.view.year {
            let anchors = self.anchors();
            self.view = view;
            self.reanchor(&anchors);
        } else {
            self.record = 0;
            self.talks_scroll = 0;
            self.checklist.detail_scroll = 0;
            self.checklist.pick = 0;
            self.view = view;
        }
        self.clamp();
        if let Some(saved) = self.saved.take() {
            let text = self.saved_notice(&saved);
            self.info(&text);
        }
    }

    /// The terminal was resized.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.checklist.detail_scroll = self
            .checklist
            .detail_scroll
            .min(crate::tui::view::detail_max_scroll(self));
        self.help_scroll = self
            .help_scroll
            .min(crate::tui::view::help_max_scroll(self));
    }

    /// A failure outside any effect (e.g. reloading), shown on the status line.
    pub fn fail(&mut self, text: String) {
        self.notice = Some(Notice::Error(text));
    }

    pub(crate) fn info(&mut self, text: &str) {
        self.notice = Some(Notice::Info(text.to_string()));
    }
}
