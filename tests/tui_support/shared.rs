//! One in-memory store seen by two ledgers, as two sessions see one ledger
//! through the service: what one writes, the other reads.

#![allow(dead_code)]

use std::sync::Arc;

use chrono::NaiveDate;
use taizhang::core::archive::YearArchive;
use taizhang::core::journal::{Entity, JournalEntry, SealDigest};
use taizhang::core::mem::MemStore;
use taizhang::core::port::ImportTexts;
use taizhang::core::year::Correction;
use taizhang::core::{Backup, Catalogue, Person, Record, RecordId, Stamp, Store, StoreError};
use taizhang::core::{FixId, FixItem};

#[derive(Debug, Clone)]
pub struct Shared(pub Arc<MemStore>);

impl Store for Shared {
    fn catalogue(&self) -> Result<Catalogue, StoreError> {
        self.0.catalogue()
    }
    fn set_catalogue(&self, c: &Catalogue, s: &Stamp) -> Result<(), StoreError> {
        self.0.set_catalogue(c, s)
    }
    fn people(&self) -> Result<Vec<Person>, StoreError> {
        self.0.people()
    }
    fn put_person(&self, p: &Person, s: &Stamp) -> Result<(), StoreError> {
        self.0.put_person(p, s)
    }
    fn records_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Record>, StoreError> {
        self.0.records_between(from, to)
    }
    fn record(&self, id: RecordId) -> Result<Option<Record>, StoreError> {
        self.0.record(id)
    }
    fn put_record(&self, r: &Record, s: &Stamp) -> Result<(), StoreError> {
        self.0.put_record(r, s)
    }
    fn delete_record(&self, id: RecordId, s: &Stamp) -> Result<Option<Record>, StoreError> {
        self.0.delete_record(id, s)
    }
    fn record_years(&self) -> Result<Vec<i32>, StoreError> {
        self.0.record_years()
    }
    fn next_id(&self) -> Result<u64, StoreError> {
        self.0.next_id()
    }
    fn export(&self) -> Result<Backup, StoreError> {
        self.0.export()
    }
    fn import(&self, b: &Backup, t: &ImportTexts, s: &Stamp) -> Result<(), StoreError> {
        self.0.import(b, t, s)
    }
    fn seal(&self, year: i32, d: &str, s: &Stamp) -> Result<JournalEntry, StoreError> {
        self.0.seal(year, d, s)
    }
    fn journal(&self, from: u64) -> Result<Vec<JournalEntry>, StoreError> {
        self.0.journal(from)
    }
    fn history(&self, e: &Entity) -> Result<Vec<JournalEntry>, StoreError> {
        self.0.history(e)
    }
    fn trash(&self) -> Result<Vec<(Record, JournalEntry)>, StoreError> {
        self.0.trash()
    }
    fn revision(&self) -> Result<u64, StoreError> {
        self.0.revision()
    }
    fn set_reviewers(&self, r: &[String]) -> Result<(), StoreError> {
        self.0.set_reviewers(r)
    }
    fn fixes(&self, year: Option<i32>) -> Result<Vec<FixItem>, StoreError> {
        self.0.fixes(year)
    }
    fn fix(&self, id: FixId) -> Result<Option<FixItem>, StoreError> {
        self.0.fix(id)
    }
    fn put_fix(&self, f: &FixItem, s: &Stamp) -> Result<(), StoreError> {
        self.0.put_fix(f, s)
    }
    fn corrections(&self, r: Option<RecordId>) -> Result<Vec<Correction>, StoreError> {
        self.0.corrections(r)
    }
    fn put_correction(&self, c: &Correction, s: &Stamp) -> Result<(), StoreError> {
        self.0.put_correction(c, s)
    }
    fn closed_years(&self) -> Result<Vec<i32>, StoreError> {
        self.0.closed_years()
    }
    fn close_year(&self, year: i32, s: &Stamp) -> Result<SealDigest, StoreError> {
        self.0.close_year(year, s)
    }
    fn archive(&self, year: i32) -> Result<Option<YearArchive>, StoreError> {
        self.0.archive(year)
    }
    fn reopen_year(&self, year: i32, s: &Stamp) -> Result<(), StoreError> {
        self.0.reopen_year(year, s)
    }
    fn restore(&self, b: &Backup, note: &str, s: &Stamp) -> Result<(), StoreError> {
        self.0.restore(b, note, s)
    }
}
