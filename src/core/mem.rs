//! An in-memory `Store`: the test double the store suite also runs against,
//! and the backing of snapshot tests. It journals exactly like `SledStore`.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::{Datelike, NaiveDate};

use super::archive::YearArchive;
use super::catalogue::Catalogue;
use super::error::StoreError;
use super::fix::{FixId, FixItem};
use super::journal::{
    Action, Entity, Hash, JournalEntry, PutKind, SealDigest, canonical, put_action,
};
use super::port::{Backup, ImportTexts, Stamp, Store};
use super::record::{Record, RecordId};
use super::roster::Person;
use super::year::Correction;

mod inner;

use inner::{Inner, archive_ref};

#[derive(Debug)]
pub struct MemStore {
    inner: Mutex<Inner>,
    /// The reviewers last set (`Store::set_reviewers`); a `SledStore`
    /// keeps them in the ledger's settings file.
    reviewers: Mutex<Vec<String>>,
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
                archives: BTreeMap::new(),
            }),
            reviewers: Mutex::new(Vec::new()),
        }
    }

    /// The reviewers last set through `Store::set_reviewers`.
    pub fn reviewers(&self) -> Vec<String> {
        self.reviewers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
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
        inner.ensure_live(record.date.year())?;
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
        let mut inner = self.lock();
        inner.ensure_live(fix.year)?;
        inner.put(|i| &mut i.fixes, fix.id, fix, how, stamp)?;
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

    fn close_year(&self, year: i32, stamp: &Stamp) -> Result<SealDigest, StoreError> {
        let mut inner = self.lock();
        if let Some(a) = inner.archives.get(&year) {
            return Ok(a.seal.clone());
        }
        let records = inner
            .records
            .values()
            .filter(|r| r.date.year() == year)
            .cloned()
            .collect::<Vec<_>>();
        let fixes = inner
            .fixes
            .values()
            .filter(|f| f.year == year)
            .cloned()
            .collect::<Vec<_>>();
        let head = inner
            .journal
            .last()
            .map_or((0, Hash::ZERO), |e| (e.seq, e.hash));
        let people = inner.people.values().cloned().collect();
        let archive =
            YearArchive::build(year, inner.catalogue.clone(), people, records, fixes, head)?;
        let reference = archive_ref(&archive)?;
        let seal = archive.seal.clone();
        let entity = Entity::Year(year);
        inner.log(stamp, Action::Seal, entity, None, Some(canonical(&seal)?));
        inner.records.retain(|_, r| r.date.year() != year);
        inner.fixes.retain(|_, f| f.year != year);
        inner.closed_years.insert(year);
        let after = super::year::closed_marker(year, true, Some(&reference))?;
        inner.log(stamp, Action::CloseYear, entity, None, Some(after));
        inner.archives.insert(year, archive);
        Ok(seal)
    }

    fn archive(&self, year: i32) -> Result<Option<YearArchive>, StoreError> {
        Ok(self.lock().archives.get(&year).cloned())
    }

    fn reopen_year(&self, year: i32, stamp: &Stamp) -> Result<(), StoreError> {
        let mut inner = self.lock();
        let Some(archive) = inner.archives.get(&year).cloned() else {
            return Ok(());
        };
        let reference = archive_ref(&archive)?;
        for r in &archive.records {
            if inner.records.contains_key(&r.id) {
                return Err(StoreError::Corrupt(format!(
                    "record {} of the archive of {year} is also in the live ledger",
                    r.id
                )));
            }
        }
        inner.archives.remove(&year);
        for r in archive.records {
            inner.records.insert(r.id, r);
        }
        for f in archive.fixes {
            inner.fixes.insert(f.id, f);
        }
        inner.closed_years.remove(&year);
        let before = super::year::closed_marker(year, true, Some(&reference))?;
        let after = super::year::closed_marker(year, false, None)?;
        let entity = Entity::Year(year);
        inner.log(stamp, Action::ReopenYear, entity, Some(before), Some(after));
        Ok(())
    }

    fn next_id(&self) -> Result<u64, StoreError> {
        let mut inner = self.lock();
        let id = inner.next_id;
        inner.next_id += 1;
        Ok(id)
    }

    fn export(&self) -> Result<Backup, StoreError> {
        self.lock().backup()
    }

    fn import(
        &self,
        backup: &Backup,
        texts: &ImportTexts,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let before = Some(texts.before.clone());
        let after = texts.after.clone();
        self.lock()
            .replace(backup, stamp, Action::Import, before, after)
    }

    fn restore(&self, backup: &Backup, note_json: &str, stamp: &Stamp) -> Result<(), StoreError> {
        let mut inner = self.lock();
        if inner.journal.is_empty() && !backup.journal.is_empty() {
            super::journal::verify(&backup.journal)
                .map_err(|b| StoreError::Corrupt(format!("the backup's {b}")))?;
            inner.journal.clone_from(&backup.journal);
            inner.trash = super::restore::trash_of(&backup.journal)
                .into_iter()
                .map(|(r, seq)| (r.id, (r, seq)))
                .collect();
        }
        let after = note_json.to_string();
        inner.replace(backup, stamp, Action::RestoreBackup, None, after)
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

    fn set_reviewers(&self, reviewers: &[String]) -> Result<(), StoreError> {
        *self
            .reviewers
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = reviewers.to_vec();
        Ok(())
    }
}
