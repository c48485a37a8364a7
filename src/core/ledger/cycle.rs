//! The yearly cycle: closing a year (seal, carry open items into the next
//! year, mark it closed), the read-only rule for closed years, dated
//! corrections to records, and mapping roster people to Unix logins.

use chrono::{Datelike, NaiveDate};

use super::Ledger;
use crate::core::access::Act;
use crate::core::error::{CoreError, Field, Problem, Sealed, ValidationError};
use crate::core::fix::{FixItem, FixNote};
use crate::core::port::Store;
use crate::core::record::RecordId;
use crate::core::roster::{NewPerson, Person, PersonId, check_unix_user};
use crate::core::year::{Correction, YearClosing, YearState, carried_note, correction_note};

impl<S: Store> Ledger<S> {
    /// Years closed with `close_year`, ascending.
    pub fn closed_years(&self) -> Result<Vec<i32>, CoreError> {
        Ok(self.store.closed_years()?)
    }

    pub fn is_closed(&self, year: i32) -> Result<bool, CoreError> {
        Ok(self.store.closed_years()?.contains(&year))
    }

    /// Refuse a change to `what` when `year` is closed.
    pub(crate) fn ensure_open(&self, year: i32, what: Sealed) -> Result<(), CoreError> {
        if self.is_closed(year)? {
            return Err(CoreError::YearClosed { year, what });
        }
        Ok(())
    }

    /// Close `year`: seal its records, carry its open items into `year + 1`
    /// (each with a note dated today by the ledger's clock), then mark it
    /// closed. Each step is journaled; after a crash, closing again finishes
    /// the job.
    pub fn close_year(&self, year: i32) -> Result<YearClosing, CoreError> {
        let today = self.now().date();
        if year > today.year() {
            return Err(CoreError::YearNotBegun { year, today });
        }
        if self.is_closed(year)? {
            return Err(CoreError::AlreadyClosed(year));
        }
        let seal = self.seal_year(year)?;
        let mut carried = Vec::new();
        for fix in self.store.fixes(Some(year))? {
            if fix.is_closed() {
                continue;
            }
            let mut moved: FixItem = fix;
            moved.year = year + 1;
            moved.notes.push(FixNote {
                date: today,
                text: carried_note(year),
                by: self.user.clone(),
            });
            self.store.put_fix(&moved, &self.write_stamp()?)?;
            carried.push(moved.id);
        }
        self.store.close_year(year, &self.write_stamp()?)?;
        Ok(YearClosing {
            year,
            seal,
            carried,
        })
    }

    /// Every year that has records, items or a closing, with its state.
    pub fn year_states(&self) -> Result<Vec<YearState>, CoreError> {
        let closed = self.closed_years()?;
        let fixes = self.store.fixes(None)?;
        let mut years = self.record_years()?;
        years.extend(&closed);
        years.extend(fixes.iter().map(|f| f.year));
        years.sort_unstable();
        years.dedup();
        years
            .into_iter()
            .map(|year| {
                Ok(YearState {
                    year,
                    closed: closed.contains(&year),
                    seal: self.check_seal(year)?,
                    records: self.records_in_year(year)?.len(),
                    fixes: fixes.iter().filter(|f| f.year == year).count(),
                })
            })
            .collect()
    }

    /// Add a dated correction to a record (of any year; the way to change
    /// one in a closed year). The record itself stays as it was.
    pub fn amend_record(
        &self,
        id: RecordId,
        note: &str,
        date: NaiveDate,
    ) -> Result<Correction, CoreError> {
        self.record(id)?;
        let note = correction_note(note)?;
        let correction = Correction {
            id: self.store.next_id()?,
            record: id,
            date,
            note,
            by: self.user.clone(),
            at: self.now(),
        };
        self.store
            .put_correction(&correction, &self.write_stamp()?)?;
        Ok(correction)
    }

    /// A record's corrections, oldest first.
    pub fn corrections(&self, id: RecordId) -> Result<Vec<Correction>, CoreError> {
        Ok(self.store.corrections(Some(id))?)
    }

    /// Add a person who logs in as `unix_user` (empty: none).
    pub fn add_person_with_login(
        &self,
        input: &NewPerson,
        unix_user: &str,
    ) -> Result<Person, CoreError> {
        let login = self.free_login(None, unix_user)?;
        if login.is_none() {
            return self.add_person(input);
        }
        let roster = self.roster()?;
        let mut person = input.validate(PersonId(0), &roster)?;
        person.unix_user = login;
        let stamp = self.person_stamp(None, &person)?;
        person.id = PersonId(
            u32::try_from(self.store.next_id()?)
                .map_err(|_| crate::core::StoreError::Corrupt("id space exhausted".into()))?,
        );
        self.store.put_person(&person, &stamp)?;
        Ok(person)
    }

    /// `edit_person`, also setting the Unix login (`Some("")` clears it,
    /// `None` keeps it), in one journaled change.
    pub fn edit_person_with_login(
        &self,
        id: PersonId,
        input: &NewPerson,
        unix_user: Option<&str>,
    ) -> Result<Person, CoreError> {
        let Some(raw) = unix_user else {
            return self.edit_person(id, input);
        };
        let roster = self.roster()?;
        let old = roster.get(id).ok_or(CoreError::NoPerson(id))?;
        let login = self.free_login(Some(old), raw)?;
        let mut person = input.validate(id, &roster)?;
        person.retired = old.retired;
        person.unix_user = login;
        self.store
            .put_person(&person, &self.person_stamp(Some(old), &person)?)?;
        Ok(person)
    }

    /// Set or clear (empty) the Unix login a person uses.
    pub fn set_unix_user(&self, id: PersonId, unix_user: &str) -> Result<Person, CoreError> {
        let roster = self.roster()?;
        let old = roster.get(id).ok_or(CoreError::NoPerson(id))?;
        let mut person = old.clone();
        person.unix_user = self.free_login(Some(old), unix_user)?;
        self.store
            .put_person(&person, &self.person_stamp(Some(old), &person)?)?;
        Ok(person)
    }

    /// A valid login not used by another active person, for `old` (none: a
    /// new person). A change of login is checked against the policy table
    /// first, so a refused user learns nothing about who holds a login.
    fn free_login(&self, old: Option<&Person>, raw: &str) -> Result<Option<String>, CoreError> {
        let login = check_unix_user(raw)?;
        if login.as_deref() != old.and_then(|o| o.unix_user.as_deref()) {
            self.admin_stamp(Act::Login, old)?;
        }
        let Some(login) = login else {
            return Ok(None);
        };
        if let Some(other) = self.roster()?.by_unix_user(&login)
            && Some(other.id) != old.map(|o| o.id)
        {
            return Err(ValidationError::new(
                Field::UnixUser,
                Problem::UnixUserTaken(login, other.id),
            )
            .into());
        }
        Ok(Some(login))
    }
}
