//! The state's side of the record form and the roster: opening the form
//! (pre-filled for the duty in view), routing keys and pastes to whichever
//! component owns them, and taking back what the ledger said.

use crossterm::event::KeyEvent;

use super::{Notice, Overlay, OverviewPane, Pane, Saved, Screen, State, select};
use crate::core::ledger::OwedTalk;
use crate::core::{CoreError, Duty, DutyId, Record, RecordId};
use crate::i18n::{self, domain};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::form::{FormOutcome, RecordForm};
use crate::tui::roster::{Move, RosterOutcome};
use crate::tui::text as msg;

impl State {
    /// Open the record form: on `id` to edit it, else a new record, filled
    /// in for the duty the checklist has selected.
    /// A new record is filled in for the duty under the cursor (its kind,
    /// the duty ticked), else starts as the last kind added; its host is the
    /// person at the keyboard.
    pub(super) fn open_form(&mut self, id: Option<RecordId>) {
        let editing = id.and_then(|id| self.view.record(id));
        let mut form = RecordForm::new(self.lang, &self.view, editing, self.today);
        if id.is_none() {
            form = match (self.duty_in_view(), self.last_kind) {
                (Some(duty), _) => form.for_duty(duty, &self.view),
                (None, Some(kind)) => form.with_kind(kind, &self.view),
                (None, None) => form,
            };
            if let Some(me) = self.me() {
                form = form.with_host(&me);
            }
        }
        self.overlay = Overlay::Form(Box::new(form));
    }

    /// The name of the person at the keyboard, when the roster maps their
    /// Unix user.
    pub fn me(&self) -> Option<String> {
        let user = self.user.as_deref()?;
        self.view.roster.by_unix_user(user).map(|p| p.name.clone())
    }

    /// Enter on a talk still owed (overview or talk screen): the form for
    /// that talk, host and partner filled in, the duty ticked.
    pub(super) fn start_talk(&mut self, owed: &OwedTalk) {
        let Some(duty) = self.view.catalogue.duty(&owed.duty) else {
            return;
        };
        let roster = &self.view.roster;
        let (host, partner) = (roster.name(owed.host), roster.name(owed.partner));
        let form = RecordForm::new(self.lang, &self.view, None, self.today)
            .for_talk(duty, &self.view, &host, &partner);
        self.overlay = Overlay::Form(Box::new(form));
    }

    /// The duty under the cursor: the one the checklist shows as selected
    /// in its duties or detail pane, or the overview's selected behind duty.
    pub fn duty_in_view(&self) -> Option<&Duty> {
        match self.screen {
            Screen::Checklist if self.checklist.focus() != Pane::Lists => {
                let rows = select::duties(&self.view, self.checklist.list, &self.filter);
                let row = rows.get(self.checklist.duty)?;
                self.view.catalogue.duties.get(row.index)
            }
            Screen::Overview if self.overview_pane == OverviewPane::Behind => {
                let p = select::furthest_behind(&self.view)
                    .into_iter()
                    .nth(self.overview)?;
                self.view.catalogue.duty(&p.duty)
            }
            _ => None,
        }
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
            let text = crate::core::record::clean_line(text);
            self.filter_mut().push_str(&text);
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
            RosterOutcome::Add(p, from) => vec![Effect::AddPerson(p, from)],
            RosterOutcome::Edit(id, p, from) => vec![Effect::EditPerson(id, p, from)],
            RosterOutcome::Retire(id, from) => vec![Effect::RetirePerson(id, from)],
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
        if !updated {
            self.last_kind = Some(record.kind);
        }
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

    /// `已保存记录 #12，计入理论中心组专题学习 5/12（另计入 2 项职责）`,
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
            return msg::saved_unmoved(lang, saved.id, &format!("{title}{count}"));
        }
        let what = format!("{title}{count}");
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
