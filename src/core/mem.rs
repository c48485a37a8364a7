//! An in-memory `Store`: the test double the store suite also runs against,
//! and the backing of snapshot tests. It journals exactly like `SledStore`.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::{Datelike, NaiveDate};

use super::catalogue::Catalogue;
use super::error::StoreError;
use super::fix::{FixId, FixItem};
use super::journal::{Action, Entity, JournalEntry, PutKind, canonical, put_action};
use super::port::{Backup, SCHEMA_VERSION, Stamp, Store};
use super::record::{Record, RecordId};
use super::roster::{Person, PersonId};
use super::year::Correction;

#[derive(Debug)]
struct Inner {
    catalogue: Catalogue,
    people: BTreeMap<PersonId, Person>,
    records: BTreeMap<RecordId, Record>,
    next_id: u64,
    journal: Vec<JournalEntry>,
    /// Deleted records and the seq of their `delete` entry.
    trash: BTreeMap<RecordId, (Record, u64)>,
    fixes: BTreeMap<FixId, FixItem>,
    /// By (record, correction id).
    corrections: BTreeMap<(RecordId, u64), Correction>,
    closed_years: std::collections::BTreeSet<i32>,
}

impl Inner {
    fn log(
        &mut self,
        stamp: &Stamp,
        action: Action,
        entity: Entity,
        before: Option<String>,
        after: Option<String>,
    ) -> JournalEntry {
        let head = self.journal.last().map(|e| (e.seq, e.hash));
        let entry = JournalEntry::next(head, stamp, action, entity, before, after);
        self.journal.push(entry.clone());
        entry
    }

    /// The journaled insert-or-update, by the one rule every store follows
    /// (`journal::put_action`): store `value` at `key` of the map `pick`
    /// selects and journal it, unless nothing changed.
    fn put<K: Ord, T: Clone + serde::Serialize>(
        &mut self,
        pick: fn(&mut Inner) -> &mut BTreeMap<K, T>,
        key: K,
        value: &T,
        (entity, kind): (Entity, PutKind),
        stamp: &Stamp,
    ) -> Result<Option<Action>, StoreError> {
        let before = pick(self).get(&key).map(canonical).transpose()?;
        let after = canonical(value)?;
        let Some(action) = put_action(before.as_deref(), &after, kind) else {
            return Ok(None);
        };
        pick(self).insert(key, value.clone());
        self.log(stamp, action, entity, before, Some(after));
        Ok(Some(action))
    }

    fn backup(&self) -> Backup {
        Backup {
            schema: SCHEMA_VERSION,
            catalogue: self.catalogue.clone(),
            people: self.people.values().cloned().collect(),
            records: self.records.values().cloned().collect(),
            next_id: self.next_id,
            fixes: self.fixes.values().cloned().collect(),
            corrections: self.corrections.values().cloned().collect(),
            closed_years: self.closed_years.iter().copied().collect(),
        }
    }
}

#[derive(Debug)]
pub struct MemStore {
    inner: Mutex<Inner>,
}

impl MemStore {
    pub fn new(catalogue: Catalogue) -> Self {
        Self {
            inner: Mutex::new(Inner {
                catalogue,
                people: BTreeMap::new(),
                records: BTreeMap::new(),
                next_id: 1,
                journal: Vec::new(),
                trash: BTreeMap::new(),
                fixes: BTreeMap::new(),
                corrections: BTreeMap::new(),
                closed_years: std::collections::BTreeSet::new(),
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Default for MemStore {
    fn default() -> Self {
        Self::new(Catalogue::embedded())
    }
}

impl Store for MemStore {
    fn catalogue(&self) -> Result<Catalogue, StoreError> {
        Ok(self.lock().catalogue.clone())
    }

    fn set_catalogue(&self, catalogue: &Catalogue, stamp: &Stamp) -> Result<(), StoreError> {
        let mut inner = self.lock();
        let before = canonical(&inner.catalogue)?;
        let after = canonical(catalogue)?;
        let kind = PutKind::Fixed(Action::Catalogue);
        if let Some(action) = put_action(Some(&before), &after, kind) {
            inner.catalogue = catalogue.clone();
            inner.log(stamp, action, Entity::Catalogue, Some(before), Some(after));
        }
        Ok(())
    }

    fn people(&self) -> Result<Vec<Person>, StoreError> {
        Ok(self.lock().people.values().cloned().collect())
    }

    fn put_person(&self, person: &Person, stamp: &Stamp) -> Result<(), StoreError> {
        let how = (Entity::Person(person.id), PutKind::Entity);
        self.lock()
            .put(|i| &mut i.people, person.id, person, how, stamp)?;
        Ok(())
    }

    fn records_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Record>, StoreError> {
        let mut out: Vec<Record> = self
            .lock()
            .records
            .values()
            .filter(|r| r.date >= from && r.date <= to)
            .cloned()
            .collect();
        out.sort_by_key(|r| (r.date, r.id));
        Ok(out)
    }

    fn record(&self, id: RecordId) -> Result<Option<Record>, StoreError> {
        Ok(self.lock().records.get(&id).cloned())
    }

    fn put_record(&self, record: &Record, stamp: &Stamp) -> Result<(), StoreError> {
        let mut inner = self.lock();
        let in_trash = inner.trash.contains_key(&record.id);
        let how = (Entity::Record(record.id), PutKind::Restorable { in_trash });
        let done = inner.put(|i| &mut i.records, record.id, record, how, stamp)?;
        if done == Some(Action::Restore) {
            inner.trash.remove(&record.id);
        }
        Ok(())
    }

    fn delete_record(&self, id: RecordId, stamp: &Stamp) -> Result<Option<Record>, StoreError> {
        let mut inner = self.lock();
        let Some(old) = inner.records.remove(&id) else {
            return Ok(None);
        };
        let before = canonical(&old)?;
        let entry = inner.log(
            stamp,
            Action::Delete,
            Entity::Record(id),
            Some(before),
            None,
        );
        inner.trash.insert(id, (old.clone(), entry.seq));
        Ok(Some(old))
    }

    fn record_years(&self) -> Result<Vec<i32>, StoreError> {
        let mut years: Vec<i32> = self
            .lock()
            .records
            .values()
            .map(|r| r.date.year())
            .collect();
        years.sort_unstable();
        years.dedup();
        Ok(years)
    }

    fn fixes(&self, year: Option<i32>) -> Result<Vec<FixItem>, StoreError> {
        Ok(self
            .lock()
            .fixes
            .values()
            .filter(|f| year.is_none_or(|y| f.year == y))
            .cloned()
            .collect())
    }

    fn fix(&self, id: FixId) -> Result<Option<FixItem>, StoreError> {
        Ok(self.lock().fixes.get(&id).cloned())
    }

    fn put_fix(&self, fix: &FixItem, stamp: &Stamp) -> Result<(), StoreError> {
        let how = (Entity::Fix(fix.id), PutKind::Entity);
        self.lock().put(|i| &mut i.fixes, fix.id, fix, how, stamp)?;
        Ok(())
    }

    fn corrections(&self, record: Option<RecordId>) -> Result<Vec<Correction>, StoreError> {
        Ok(self
            .lock()
            .corrections
            .values()
            .filter(|c| record.is_none_or(|r| c.record == r))
            .cloned()
            .collect())
    }

    fn put_correction(&self, correction: &Correction, stamp: &Stamp) -> Result<(), StoreError> {
        let key = (correction.record, correction.id);
        let how = (
            Entity::Record(correction.record),
            PutKind::Fixed(Action::Amend),
        );
        self.lock()
            .put(|i| &mut i.corrections, key, correction, how, stamp)?;
        Ok(())
    }

    fn closed_years(&self) -> Result<Vec<i32>, StoreError> {
        Ok(self.lock().closed_years.iter().copied().collect())
    }

    fn close_year(&self, year: i32, stamp: &Stamp) -> Result<(), StoreError> {
        let mut inner = self.lock();
        if !inner.closed_years.insert(year) {
            return Ok(());
        }
        let after = super::year::closed_marker(year)?;
        inner.log(
            stamp,
            Action::CloseYear,
            Entity::Year(year),
            None,
            Some(after),
        );
        Ok(())
    }

    fn next_id(&self) -> Result<u64, StoreError> {
        let mut inner = self.lock();
        let id = inner.next_id;
        inner.next_id += 1;
        Ok(id)
    }

    fn export(&self) -> Result<Backup, StoreError> {
        Ok(self.lock().backup())
    }

    fn import(&self, backup: &Backup, stamp: &Stamp) -> Result<(), StoreError> {
        let mut inner = self.lock();
        let before = canonical(&inner.backup())?;
        let after = canonical(&super::journal::ImportSummary::of(backup)?)?;
        inner.catalogue = backup.catalogue.clone();
        inner.people = backup.people.iter().map(|p| (p.id, p.clone())).collect();
        inner.records = backup.records.iter().map(|r| (r.id, r.clone())).collect();
        inner.next_id = backup.next_id;
        inner.fixes = backup.fixes.iter().map(|f| (f.id, f.clone())).collect();
        inner.corrections = backup
            .corrections
            .iter()
            .map(|c| ((c.record, c.id), c.clone()))
            .collect();
        inner.closed_years = backup.closed_years.iter().copied().collect();
        inner.log(
            stamp,
            Action::Import,
            Entity::Ledger,
            Some(before),
            Some(after),
        );
        Ok(())
    }

    fn seal(
        &self,
        year: i32,
        digest_json: &str,
        stamp: &Stamp,
    ) -> Result<JournalEntry, StoreError> {
        Ok(self.lock().log(
            stamp,
            Action::Seal,
            Entity::Year(year),
            None,
            Some(digest_json.to_string()),
        ))
    }

    fn journal(&self, from_seq: u64) -> Result<Vec<JournalEntry>, StoreError> {
        Ok(self
            .lock()
            .journal
            .iter()
            .filter(|e| e.seq >= from_seq)
            .cloned()
            .collect())
    }

    fn history(&self, entity: &Entity) -> Result<Vec<JournalEntry>, StoreError> {
        Ok(self
            .lock()
            .journal
            .iter()
            .filter(|e| e.entity == *entity)
            .cloned()
            .collect())
    }

    fn trash(&self) -> Result<Vec<(Record, JournalEntry)>, StoreError> {
        let inner = self.lock();
        inner
            .trash
            .values()
            .map(|(record, seq)| {
                let entry = usize::try_from(*seq - 1)
                    .ok()
                    .and_then(|i| inner.journal.get(i))
                    .cloned()
                    .ok_or_else(|| {
                        StoreError::Corrupt(format!(
                            "the trash names journal entry {seq}, which is missing"
                        ))
                    })?;
                Ok((record.clone(), entry))
            })
            .collect()
    }

    fn revision(&self) -> Result<u64, StoreError> {
        Ok(self.lock().journal.last().map_or(0, |e| e.seq))
    }
}
