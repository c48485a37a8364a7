//! The yearly cycle: closing a year (seal, carry open items into the next
//! year, mark it closed), the read-only rule for closed years, and dated
//! corrections to records. (Mapping people to Unix logins is in `people`.)

use chrono::{Datelike, NaiveDate};

use super::Ledger;
use crate::core::access::Act;
use crate::core::error::{CoreError, Sealed, StoreError};
use crate::core::fix::{FixItem, FixNote};
use crate::core::journal::{Action, Entity};
use crate::core::port::Store;
use crate::core::record::RecordId;
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

    /// Close `year`: carry its open items into `year + 1` (each with a note
    /// dated today by the ledger's clock), then seal the year (records,
    /// items, roster, catalogue) and move it into its archive. Each step is
    /// journaled; after a crash, closing again finishes the job.
    pub fn close_year(&self, year: i32) -> Result<YearClosing, CoreError> {
        let today = self.now().date();
        if year > today.year() {
            return Err(CoreError::YearNotBegun { year, today });
        }
        if self.archive(year)?.is_some() {
            return Err(CoreError::AlreadyClosed(year));
        }
        // Refused on a broken journal: a seal must build on an intact chain.
        self.verify()?;
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
        let seal = self.store.close_year(year, &self.write_stamp()?)?;
        Ok(YearClosing {
            year,
            seal,
            carried,
        })
    }

    /// Put a sealed year back into the live store, open for changes again.
    /// Only the ledger's owner may; the journal and `year list` show it.
    pub fn reopen_year(&self, year: i32) -> Result<(), CoreError> {
        self.ensure_owner(Act::ReopenYear)?;
        if self.archive(year)?.is_none() {
            return Err(CoreError::NotArchived(year));
        }
        Ok(self.store.reopen_year(year, &self.write_stamp()?)?)
    }

    /// Every year that has records, items or a closing, with its state.
    pub fn year_states(&self) -> Result<Vec<YearState>, CoreError> {
        let closed = self.closed_years()?;
        // Each archive is loaded (and checked) once; a refused one still
        // lists its year, its seal marked broken.
        let mut archives = std::collections::BTreeMap::new();
        for &year in &closed {
            match self.store.archive(year) {
                Ok(Some(a)) => {
                    archives.insert(year, Some(a));
                }
                Ok(None) => {}
                Err(StoreError::Archive { .. }) => {
                    archives.insert(year, None);
                }
                Err(e) => return Err(e.into()),
            }
        }
        let mut fixes = self.store.fixes(None)?;
        fixes.extend(archives.values().flatten().flat_map(|a| a.fixes.clone()));
        let mut years = self.record_years()?;
        years.extend(fixes.iter().map(|f| f.year));
        years.sort_unstable();
        years.dedup();
        years
            .into_iter()
            .map(|year| {
                let history = self.store.history(&Entity::Year(year))?;
                let reopened = history
                    .iter()
                    .rev()
                    .find(|e| matches!(e.action, Action::CloseYear | Action::ReopenYear))
                    .filter(|e| e.action == Action::ReopenYear)
                    .cloned();
                let (archived, records, seal) = match archives.get(&year) {
                    Some(Some(a)) => (
                        true,
                        a.records.len(),
                        self.seal_state(year, Ok(Some(a.clone())))?,
                    ),
                    Some(None) => (true, 0, self.check_seal(year)?),
                    None => (
                        false,
                        self.records_in_year(year)?.len(),
                        self.seal_state(year, Ok(None))?,
                    ),
                };
                Ok(YearState {
                    year,
                    closed: closed.contains(&year),
                    archived,
                    reopened,
                    seal,
                    records,
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
}
