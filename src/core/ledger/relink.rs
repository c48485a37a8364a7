//! A dated roster change entered after the records it concerns: a record's
//! prefilled duties (`progress::prefill`) were chosen by who could act for
//! them on its date, so a change holding from an earlier date relinks the
//! records of open years dated on or after it. Only the kind's prefill
//! duties move; a link the user chose outside that set is never touched.

use chrono::{Datelike, NaiveDate};

use super::Ledger;
use crate::core::catalogue::{Catalogue, DutyId};
use crate::core::error::CoreError;
use crate::core::port::{Stamp, Store};
use crate::core::progress::prefill;
use crate::core::record::Record;
use crate::core::roster::{Person, Roster};

/// `record` with its prefill duties moved from what fit on the roster
/// `before` to what fits on the roster `after` (each the whole roster, read
/// as of the record's date); `None` when nothing moves.
pub fn relinked(
    catalogue: &Catalogue,
    before: &Roster,
    after: &Roster,
    record: &Record,
) -> Option<Record> {
    let fit = |roster: &Roster| -> Vec<DutyId> {
        prefill(
            catalogue,
            &roster.as_of(record.date),
            record.kind,
            record.host,
            &record.partners,
        )
    };
    let (was, now) = (fit(before), fit(after));
    let mut out = record.clone();
    for id in catalogue.prefill(record.kind) {
        let linked = out.duties.contains(&id);
        if !was.contains(&id) && now.contains(&id) && !linked {
            out.duties.push(id);
        } else if was.contains(&id) && !now.contains(&id) && linked {
            out.duties.retain(|d| d != &id);
        }
    }
    (out.duties != record.duties).then_some(out)
}

impl<S: Store> Ledger<S> {
    /// Save `person` (replacing their entry in `before`, the whole roster
    /// before the change) with `stamp`, then relink the records of open
    /// years dated on or after `from` (`relinked`), each a journaled record
    /// edit under the same stamp. Returns how many records changed.
    pub(crate) fn put_person_relinking(
        &self,
        before: &Roster,
        person: &Person,
        from: NaiveDate,
        stamp: &Stamp,
    ) -> Result<u32, CoreError> {
        let mut people = before.people.clone();
        people.retain(|p| p.id != person.id);
        people.push(person.clone());
        let after = Roster::new(people);
        let catalogue = self.catalogue()?;
        let closed = self.store.closed_years()?;
        let mut changed = Vec::new();
        for record in self.store.records_between(from, NaiveDate::MAX)? {
            if closed.contains(&record.date.year()) || closed.contains(&record.year_covered()) {
                continue;
            }
            if let Some(new) = relinked(&catalogue, before, &after, &record) {
                changed.push(new);
            }
        }
        self.store.put_person(person, stamp)?;
        for record in &changed {
            self.store.put_record(record, stamp)?;
        }
        Ok(u32::try_from(changed.len()).unwrap_or(u32::MAX))
    }
}
