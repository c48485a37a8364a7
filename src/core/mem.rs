//! An in-memory `Store`: the test double the store suite also runs against,
//! and the backing of snapshot tests.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::{Datelike, NaiveDate};

use super::catalogue::Catalogue;
use super::error::StoreError;
use super::port::{Backup, SCHEMA_VERSION, Store};
use super::record::{Record, RecordId};
use super::roster::{Person, PersonId};

#[derive(Debug)]
struct Inner {
    catalogue: Catalogue,
    people: BTreeMap<PersonId, Person>,
    records: BTreeMap<RecordId, Record>,
    next_id: u64,
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

    fn set_catalogue(&self, catalogue: &Catalogue) -> Result<(), StoreError> {
        self.lock().catalogue = catalogue.clone();
        Ok(())
    }

    fn people(&self) -> Result<Vec<Person>, StoreError> {
        Ok(self.lock().people.values().cloned().collect())
    }

    fn put_person(&self, person: &Person) -> Result<(), StoreError> {
        self.lock().people.insert(person.id, person.clone());
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

    fn put_record(&self, record: &Record) -> Result<(), StoreError> {
        self.lock().records.insert(record.id, record.clone());
        Ok(())
    }

    fn delete_record(&self, id: RecordId) -> Result<Option<Record>, StoreError> {
        Ok(self.lock().records.remove(&id))
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

    fn next_id(&self) -> Result<u64, StoreError> {
        let mut inner = self.lock();
        let id = inner.next_id;
        inner.next_id += 1;
        Ok(id)
    }

    fn export(&self) -> Result<Backup, StoreError> {
        let inner = self.lock();
        Ok(Backup {
            schema: SCHEMA_VERSION,
            catalogue: inner.catalogue.clone(),
            people: inner.people.values().cloned().collect(),
            records: inner.records.values().cloned().collect(),
            next_id: inner.next_id,
        })
    }

    fn import(&self, backup: &Backup) -> Result<(), StoreError> {
        let mut inner = self.lock();
        inner.catalogue = backup.catalogue.clone();
        inner.people = backup.people.iter().map(|p| (p.id, p.clone())).collect();
        inner.records = backup.records.iter().map(|r| (r.id, r.clone())).collect();
        inner.next_id = backup.next_id;
        Ok(())
    }
}
