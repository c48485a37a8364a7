//! Keys for the record form: moving between fields, editing, completion,
//! toggling duties, saving (after the core's validation) and cancelling.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use crate::core::date::parse_date;
use crate::core::{Field, RecordKind, ValidationError, YearView};
use crate::tui::keymap::{FormCmd, form_cmd};

use super::open::active_names;
use super::slot::Slot;
use super::text::Applied;
use super::{FormOutcome, RecordForm, complete};

impl RecordForm {
    /// Whether the form is asking a yes/no question (discard? save anyway?):
    /// its keys are then the question's (`keymap::form_table(true)`).
    pub fn asking(&self) -> bool {
        self.confirm_discard || !self.caution.is_empty()
    }

    /// A key: its command from the form key table, or text for the field.
    pub fn handle_key(&mut self, key: KeyEvent, view: &YearView) -> FormOutcome {
        if key.kind == KeyEventKind::Release {
            return FormOutcome::Continue;
        }
        self.names = active_names(view);
        let day = parse_date(self.date.text(), self.today).ok();
        self.groups = super::groups::of(self.lang, view, day);
        match form_cmd(&key, self.asking()) {
            Some(cmd) => self.command(cmd, view),
            None if self.asking() => FormOutcome::Continue,
            None => {
                self.text_key(&key);
                FormOutcome::Continue
            }
        }
    }

    /// What a form command does here, given the focused field.
    pub fn command(&mut self, cmd: FormCmd, view: &YearView) -> FormOutcome {
        if self.confirm_discard {
            match cmd {
                // Ctrl-C twice leaves the form (never the app).
                FormCmd::Yes | FormCmd::Abandon => return FormOutcome::Cancelled,
                FormCmd::No => self.confirm_discard = false,
                _ => {}
            }
            return FormOutcome::Continue;
        }
        if !self.caution.is_empty() {
            return self.answer_caution(cmd, view);
        }
        let cands = self.candidates();
        let open = !cands.is_empty();
        match cmd {
            FormCmd::Save => return self.submit(view),
            FormCmd::Close if open => self.cand_hidden = true,
            // Esc, or Ctrl-C ("get me out"): ask first if anything was typed.
            FormCmd::Close | FormCmd::Abandon if self.changed() => self.confirm_discard = true,
            FormCmd::Close | FormCmd::Abandon => return FormOutcome::Cancelled,
            FormCmd::Next | FormCmd::Enter if open => self.accept(&cands, view),
            FormCmd::Enter if self.focus == Slot::Notes => {
                self.notes.insert_char('\n');
                self.edited();
            }
            FormCmd::Enter if self.is_last() => return self.submit(view),
            FormCmd::Next | FormCmd::Enter => self.move_focus(1),
            FormCmd::Prev => self.move_focus(-1),
            FormCmd::Up if open => self.cand_sel = self.cand_sel.saturating_sub(1),
            FormCmd::Down if open => {
                self.cand_sel = (self.cand_sel + 1).min(cands.len().saturating_sub(1));
            }
            FormCmd::Up => self.up(),
            FormCmd::Down => self.down(),
            FormCmd::Left | FormCmd::Right if self.focus == Slot::Kind => {
                let step = if cmd == FormCmd::Left { -1 } else { 1 };
                self.cycle_kind(step, view);
            }
            FormCmd::Space if self.focus == Slot::Duties => self.toggle_duty(),
            FormCmd::Left => self.text_key(&KeyEvent::from(KeyCode::Left)),
            FormCmd::Right => self.text_key(&KeyEvent::from(KeyCode::Right)),
            FormCmd::Space => self.text_key(&KeyEvent::from(KeyCode::Char(' '))),
            FormCmd::Yes | FormCmd::No => {}
        }
        FormOutcome::Continue
    }

    /// An editing key for the focused input, if it has one.
    fn text_key(&mut self, key: &KeyEvent) {
        if let Some(input) = self.input_mut()
            && input.apply(key) == Applied::Edited
        {
            self.edited();
        }
    }

    pub(super) fn is_last(&self) -> bool {
        self.slots().last() == Some(&self.focus)
    }

    fn up(&mut self) {
        match self.focus {
            Slot::Notes if self.notes.up() => {}
            Slot::Duties if self.duty_cursor > 0 => self.duty_cursor -= 1,
            _ => self.move_focus(-1),
        }
    }

    fn down(&mut self) {
        match self.focus {
            Slot::Notes if self.notes.down() => {}
            Slot::Duties => {
                if self.duty_cursor + 1 < self.all_duties.len() {
                    self.duty_cursor += 1;
                }
            }
            _ => self.move_focus(1),
        }
    }

    /// Move focus by `step` fields, wrapping. Leaving the date checks it.
    pub(super) fn move_focus(&mut self, step: isize) {
        if self.focus == Slot::Date {
            self.check_date();
        }
        if self.focus == Slot::Kind {
            self.kind_filter.clear();
        }
        let slots = self.slots();
        let here = slots.iter().position(|s| *s == self.focus).unwrap_or(0);
        let n = slots.len().cast_signed();
        let next = (here.cast_signed() + step).rem_euclid(n.max(1));
        self.focus = slots
            .get(next.unsigned_abs())
            .copied()
            .unwrap_or(Slot::Kind);
        self.cand_sel = 0;
        self.cand_hidden = false;
    }

    fn check_date(&mut self) {
        match parse_date(self.date.text(), self.today) {
            Err(p) => self.error = Some(ValidationError::new(Field::Date, p)),
            Ok(_) => {
                if self.error.as_ref().is_some_and(|e| e.field == Field::Date) {
                    self.error = None;
                }
            }
        }
    }

    fn set_kind(&mut self, kind: RecordKind, view: &YearView) {
        if kind == self.kind {
            return;
        }
        self.kind = kind;
        if !self.duties_touched {
            self.duties = view.catalogue.prefill(kind);
            self.pin();
        }
        if self.error.as_ref().is_some_and(|e| e.field == Field::Kind) {
            self.error = None;
        }
    }

    fn cycle_kind(&mut self, step: isize, view: &YearView) {
        self.kind_filter.clear();
        let all = RecordKind::ALL;
        let here = all.iter().position(|k| *k == self.kind).unwrap_or(0);
        let n = all.len().cast_signed();
        let next = (here.cast_signed() + step).rem_euclid(n.max(1));
        if let Some(k) = all.get(next.unsigned_abs()) {
            self.set_kind(*k, view);
        }
    }

    fn accept(&mut self, cands: &[String], view: &YearView) {
        let Some(choice) = cands.get(self.cand_sel.min(cands.len().saturating_sub(1))) else {
            return;
        };
        if self.focus == Slot::Kind {
            if let Some(k) = self.kind_matches().get(self.cand_sel).copied() {
                self.set_kind(k, view);
            }
            self.kind_filter.clear();
            // The kind is chosen: on to the next field.
            self.move_focus(1);
            return;
        }
        if let Some(shape) = self.shape() {
            let lang = self.lang;
            // A group token becomes the people it stands for, in place.
            let names = super::groups::find(&self.groups, choice).map(|g| g.names.clone());
            if let Some(input) = self.input_mut() {
                match names {
                    Some(names) => complete::accept_all(input, shape, &names, lang),
                    None => complete::accept(input, shape, choice, lang),
                }
            }
        }
        self.edited();
    }

    fn toggle_duty(&mut self) {
        let Some((id, _)) = self.all_duties.get(self.duty_cursor).cloned() else {
            return;
        };
        let id = &id;
        // From now on the list is what the user ticks: start from what it showed.
        self.duties = self.ticked();
        if let Some(at) = self.duties.iter().position(|d| d == id) {
            self.duties.remove(at);
        } else {
            self.duties.push(id.clone());
        }
        self.duties_touched = true;
        self.edited();
    }

    /// The answer to "save anyway?": y saves, n or Esc goes
    /// back to the field in question.
    fn answer_caution(&mut self, cmd: FormCmd, view: &YearView) -> FormOutcome {
        match cmd {
            FormCmd::Yes => {
                self.caution.clear();
                // The user said "save anyway": the ledger must not ask again
                // (`core::confirm`).
                let record = crate::core::NewRecord {
                    confirmed: crate::core::Confirmations::ALL,
                    ..self.build()
                };
                match record.validate(&view.catalogue, &view.roster) {
                    Ok(_) => return FormOutcome::Submit(record),
                    Err(e) => self.set_error(e),
                }
            }
            FormCmd::No | FormCmd::Abandon => {
                if self
                    .caution
                    .iter()
                    .any(|c| matches!(c, crate::core::Warning::Future { .. }))
                {
                    self.focus = Slot::Date;
                }
                self.caution.clear();
            }
            _ => {}
        }
        FormOutcome::Continue
    }

    /// Validate with the core; on success hand the record to the app,
    /// after a y/n when the date is after today or the same record seems
    /// to be in the ledger already.
    fn submit(&mut self, view: &YearView) -> FormOutcome {
        if let Err(p) = parse_date(self.date.text(), self.today) {
            self.set_error(ValidationError::new(Field::Date, p));
            return FormOutcome::Continue;
        }
        let record = self.build();
        match record.validate(&view.catalogue, &view.roster) {
            Ok(draft) => {
                self.error = None;
                // The ledger's own rule (`core::confirm`), asked before the
                // ledger would refuse: the y answer sends the confirmations.
                let same_day: Vec<_> = view
                    .records
                    .iter()
                    .filter(|r| r.date == draft.date)
                    .cloned()
                    .collect();
                let old = self
                    .editing
                    .and_then(|id| view.records.iter().find(|r| r.id == id));
                self.caution = crate::core::confirm::warnings(
                    &draft,
                    &same_day,
                    Some(self.today),
                    old,
                    crate::core::Confirmations::default(),
                );
                if self.caution.is_empty() {
                    FormOutcome::Submit(record)
                } else {
                    FormOutcome::Continue
                }
            }
            Err(e) => {
                self.set_error(e);
                FormOutcome::Continue
            }
        }
    }
}
