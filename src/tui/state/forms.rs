//! The state's side of the record form and the roster: opening the form
//! (pre-filled for the duty in view), routing keys and pastes to whichever
//! component owns them, and taking back what the ledger said.

use crossterm::event::KeyEvent;

use super::{Notice, Overlay, Pane, Saved, Screen, State, select};
use crate::core::{CoreError, Duty, DutyId, Record, RecordId};
use crate::i18n::{self, domain, tui as msg};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::form::{FormOutcome, RecordForm};
use crate::tui::roster::{Move, RosterOutcome};

impl State {
    /// Open the record form: on `id` to edit it, else a new record, filled
    /// in for the duty the checklist has selected.
    pub(super) fn open_form(&mut self, id: Option<RecordId>) {
        let editing = id.and_then(|id| self.view.record(id));
        let form = RecordForm::new(self.lang, &self.view, editing, self.today);
        let form = match (id, self.duty_in_view()) {
            (None, Some(duty)) => form.for_duty(duty, &self.view),
            _ => form,
        };
        self.overlay = Overlay::Form(Box::new(form));
    }

    /// The duty the checklist shows as selected in its duties or detail pane.
    pub fn duty_in_view(&self) -> Option<&Duty> {
        if self.screen != Screen::Checklist || self.checklist.focus() == Pane::Lists {
            return None;
        }
        let rows = select::duties(&self.view, self.checklist.list, &self.filter);
        let row = rows.get(self.checklist.duty)?;
        self.view.catalogue.duties.get(row.index)
    }

    pub(super) fn form_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Overlay::Form(form) = &mut self.overlay else {
            return Vec::new();
        };
        match form.handle_key(key, &self.view) {
            FormOutcome::Continue => Vec::new(),
            FormOutcome::Cancelled => {
                self.overlay = Overlay::None;
                Vec::new()
            }
            FormOutcome::Submit(input) => self.update(Action::SubmitRecord(input)),
        }
    }

    pub(super) fn paste(&mut self, text: &str) {
        if let Overlay::Form(form) = &mut self.overlay {
            form.paste(text);
        } else if self.filtering {
            self.filter.push_str(&crate::core::record::clean_line(text));
            self.start_filter();
        } else if self.screen == Screen::Roster && self.overlay == Overlay::None {
            self.roster.paste(text);
        } else if self.screen == Screen::Fixes && self.overlay == Overlay::None {
            self.fixes.paste(text);
        }
    }

    pub(super) fn roster_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        match self.roster.handle_key(key, &self.view) {
            RosterOutcome::Continue => Vec::new(),
            RosterOutcome::Add(p) => vec![Effect::AddPerson(p)],
            RosterOutcome::Edit(id, p) => vec![Effect::EditPerson(id, p)],
            RosterOutcome::Retire(id) => vec![Effect::RetirePerson(id)],
            RosterOutcome::Close => {
                self.screen = Screen::Overview;
                Vec::new()
            }
        }
    }

    /// The roster list's own actions, bound in the roster's key table.
    pub(super) fn roster_action(&mut self, action: &Action) {
        if self.screen != Screen::Roster {
            return;
        }
        let view = &self.view;
        match action {
            Action::AddPerson => self.roster.add(view),
            Action::EditPerson => self.roster.edit(view),
            Action::RetirePerson => self.roster.retire(view),
            Action::ToggleRetired => self.roster.toggle_retired(),
            Action::Up => self.roster.select(view, Move::Up),
            Action::Down => self.roster.select(view, Move::Down),
            Action::Top => self.roster.select(view, Move::Top),
            Action::Bottom => self.roster.select(view, Move::Bottom),
            _ => {}
        }
    }

    /// A record was written: close the form; the notice waits for the
    /// reloaded year so it can say where the record counted.
    pub(super) fn record_saved(&mut self, record: &Record, updated: bool) {
        let mut pinned = None;
        if let Overlay::Form(form) = &self.overlay {
            pinned = form.pinned().cloned();
            self.overlay = Overlay::None;
        }
        let duties = &record.duties;
        let quota = |d: &&DutyId| self.view.progress_of(d).is_some_and(|p| p.target > 0);
        let duty = pinned
            .filter(|d| duties.contains(d))
            .or_else(|| duties.iter().find(quota).cloned())
            .or_else(|| duties.first().cloned());
        let saved = Saved {
            id: record.id,
            updated,
            before: duty
                .as_ref()
                .and_then(|d| self.view.progress_of(d))
                .map(|p| p.done),
            duty,
            others: duties.len().saturating_sub(1),
        };
        let text = self.saved_notice(&saved);
        self.info(&text);
        self.saved = Some(saved);
    }

    /// `已保存记录 #12，计入 b7 理论中心组专题学习 5/12（另计入 2 项职责）`,
    /// from the current view; it says so when the count did not move.
    pub(super) fn saved_notice(&self, saved: &Saved) -> String {
        let lang = self.lang;
        let Some(duty) = &saved.duty else {
            return msg::saved(lang, saved.id, saved.updated, None, 0);
        };
        let title = self
            .view
            .catalogue
            .duty(duty)
            .map_or("", |d| domain::duty_title(lang, d));
        let progress = self.view.progress_of(duty).filter(|p| p.target > 0);
        let count = progress
            .map(|p| format!(" {}/{}", p.done, p.target))
            .unwrap_or_default();
        let unmoved = !saved.updated
            && progress.is_some_and(|p| p.done < p.target && Some(p.done) == saved.before);
        if unmoved {
            return msg::saved_unmoved(lang, saved.id, &format!("{duty}{count}"));
        }
        let what = format!("{duty} {title}{count}");
        msg::saved(lang, saved.id, saved.updated, Some(&what), saved.others)
    }

    /// The ledger refused. A validation error goes back to the form (record
    /// or person) that caused it, which stays open; anything else is a
    /// notice on the status line.
    pub(super) fn failed(&mut self, error: &CoreError, from_form: bool) {
        self.saved = None;
        if self.fix_failed(error) {
            return;
        }
        if let CoreError::Invalid(v) = error {
            if from_form && let Overlay::Form(form) = &mut self.overlay {
                form.set_error(v.clone());
                return;
            }
            if !from_form && self.screen == Screen::Roster {
                self.roster.set_error(v.clone());
                return;
            }
        }
        self.notice = Some(Notice::Error(i18n::domain::error(self.lang, error)));
    }
}
