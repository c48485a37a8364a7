//! Rectification use cases: list, get, add, update, note, move along the state
//! machine, close. Every change is one journaled `put_fix`; items of a closed
//! year and closed items are read-only; only the secretary or the discipline
//! member, found through the acting Unix user, may close.

use chrono::NaiveDate;

use super::Ledger;
use crate::core::error::{CoreError, Field, Sealed, ValidationError};
use crate::core::fix::input::check_note;
use crate::core::fix::{
    Closure, Evidence, FixDraft, FixError, FixId, FixItem, FixNote, FixState, NewFix, may_close,
};
use crate::core::port::Store;
use crate::core::roster::Person;

fn refused(id: FixId, error: FixError) -> CoreError {
    CoreError::Fix { id, error }
}

fn invalid(id: FixId, e: ValidationError) -> CoreError {
    refused(id, FixError::Invalid(e))
}

impl<S: Store> Ledger<S> {
    /// Items of `year` (every year: `None`), by id.
    pub fn fixes(&self, year: Option<i32>) -> Result<Vec<FixItem>, CoreError> {
        self.fixes_across(year)
    }

    pub fn fix(&self, id: FixId) -> Result<FixItem, CoreError> {
        self.fix_across(id)
    }

    /// The roster person the acting Unix user logs in as, if any, with the
    /// roles they hold today (by the ledger's clock): a role given from a
    /// later date does not yet let them close items.
    pub fn acting_person(&self) -> Result<Option<Person>, CoreError> {
        Ok(self.roster_today()?.by_unix_user(&self.user).cloned())
    }

    /// Open a new item in the year of its opening date (`today` by default).
    pub fn add_fix(&self, input: &NewFix, today: NaiveDate) -> Result<FixItem, CoreError> {
        let draft = input.validate(&self.catalogue()?, &self.roster()?, today)?;
        let year = chrono::Datelike::year(&draft.opened);
        // Id 0 is never handed out; it names the refused new item.
        self.ensure_open(year, Sealed::Fix(FixId(0)))?;
        let id = FixId(self.store.next_id()?);
        let fix = FixItem {
            id,
            source: draft.source,
            problem: draft.problem,
            duties: draft.duties,
            measures: draft.measures,
            owner: draft.owner,
            deadline: draft.deadline,
            opened: draft.opened,
            state: FixState::Open,
            notes: Vec::new(),
            closure: None,
            year,
        };
        self.store.put_fix(&fix, &self.write_stamp()?)?;
        Ok(fix)
    }

    /// Replace an item's content (source, problem, duties, measures, owner,
    /// deadline, opening date); its state, notes and year are kept.
    pub fn update_fix(
        &self,
        id: FixId,
        input: &NewFix,
        today: NaiveDate,
    ) -> Result<FixItem, CoreError> {
        let old = self.writable_fix(id)?;
        let draft: FixDraft = input
            .validate(&self.catalogue()?, &self.roster()?, today)
            .map_err(|e| invalid(id, e))?;
        let fix = FixItem {
            source: draft.source,
            problem: draft.problem,
            duties: draft.duties,
            measures: draft.measures,
            owner: draft.owner,
            deadline: draft.deadline,
            opened: draft.opened,
            ..old
        };
        self.store.put_fix(&fix, &self.write_stamp()?)?;
        Ok(fix)
    }

    /// Add a dated progress note.
    pub fn note_fix(&self, id: FixId, text: &str, on: NaiveDate) -> Result<FixItem, CoreError> {
        let mut fix = self.writable_fix(id)?;
        let text = check_note(Field::Notes, text).map_err(|e| invalid(id, e))?;
        fix.notes.push(FixNote {
            date: on,
            text,
            by: self.user.clone(),
        });
        self.store.put_fix(&fix, &self.write_stamp()?)?;
        Ok(fix)
    }

    /// Move an item to `to` (not `Closed`: see `close_fix`), with an
    /// optional note dated `on` (say, why a closure request was rejected).
    pub fn transition_fix(
        &self,
        id: FixId,
        to: FixState,
        on: NaiveDate,
        note: Option<&str>,
    ) -> Result<FixItem, CoreError> {
        let mut fix = self.writable_fix(id)?;
        if to == FixState::Closed && fix.state.can_become(to) {
            return Err(refused(id, FixError::NoEvidence));
        }
        crate::core::fix::check_transition(fix.state, to).map_err(|e| refused(id, e))?;
        if let Some(text) = note.filter(|t| !t.trim().is_empty()) {
            let text = check_note(Field::Notes, text).map_err(|e| invalid(id, e))?;
            fix.notes.push(FixNote {
                date: on,
                text,
                by: self.user.clone(),
            });
        }
        fix.state = to;
        self.store.put_fix(&fix, &self.write_stamp()?)?;
        Ok(fix)
    }

    /// Close (销号) an item whose closure was requested, with evidence: a
    /// record that exists, or a note of what was done. Only the secretary or
    /// the discipline member may close; the closure names them.
    pub fn close_fix(
        &self,
        id: FixId,
        evidence: Evidence,
        on: NaiveDate,
    ) -> Result<FixItem, CoreError> {
        let mut fix = self.writable_fix(id)?;
        crate::core::fix::check_transition(fix.state, FixState::Closed)
            .map_err(|e| refused(id, e))?;
        let person = self.acting_person()?;
        match &person {
            Some(p) if may_close(&p.roles) => {}
            _ => {
                let error = FixError::NotAllowed {
                    user: self.user.clone(),
                    person: person.map(|p| (p.name, p.roles)),
                };
                return Err(refused(id, error));
            }
        }
        let evidence = match evidence {
            Evidence::Record(rid) => {
                // Evidence may be a record of a sealed year, in its archive.
                match self.record(rid) {
                    Err(CoreError::NoRecord(_)) => {
                        return Err(refused(id, FixError::NoSuchRecord(rid)));
                    }
                    Err(e) => return Err(e),
                    Ok(_) => {}
                }
                Evidence::Record(rid)
            }
            Evidence::Note(text) => {
                if text.trim().is_empty() {
                    return Err(refused(id, FixError::NoEvidence));
                }
                Evidence::Note(check_note(Field::Evidence, &text).map_err(|e| invalid(id, e))?)
            }
        };
        fix.state = FixState::Closed;
        fix.closure = Some(Closure {
            date: on,
            by_user: self.user.clone(),
            by_person: person.map(|p| p.id),
            evidence,
        });
        self.store.put_fix(&fix, &self.write_stamp()?)?;
        Ok(fix)
    }

    /// The item, if it may still change: not closed, its year not closed.
    fn writable_fix(&self, id: FixId) -> Result<FixItem, CoreError> {
        let fix = self.fix(id)?;
        self.ensure_open(fix.year, Sealed::Fix(id))?;
        if fix.is_closed() {
            return Err(refused(id, FixError::Closed));
        }
        Ok(fix)
    }
}
