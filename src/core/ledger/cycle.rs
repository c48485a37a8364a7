//! The yearly cycle: closing a year (seal, carry open items into the next
//! year, mark it closed), the read-only rule for closed years, and dated
//! corrections to records. (Mapping people to Unix logins is in `people`.)

use chrono::{Datelike, NaiveDate};

use super::Ledger;
use crate::core::error::{CoreError, Sealed};
use crate::core::fix::{FixItem, FixNote};
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
}
