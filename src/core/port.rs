//! The store port: what the core needs from persistence. `store::SledStore`
//! implements it on disk and `mem::MemStore` in memory; nothing outside
//! `store` sees sled.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use super::error::StoreError;
use super::record::{Record, RecordId};
use super::roster::Person;

/// Version of the stored layout and of the JSON backup format.
pub const SCHEMA_VERSION: u32 = 2;

/// Everything a ledger holds; the JSON backup format. Round-trips exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    pub schema: u32,
    pub catalogue: Catalogue,
    pub people: Vec<Person>,
    pub records: Vec<Record>,
    /// The next id to hand out; keeps ids unique across export and import.
    pub next_id: u64,
}

/// Persistence for one ledger. Every write that returns `Ok` is durable
/// (flushed). Methods take `&self`: implementations synchronise inside.
pub trait Store {
    fn catalogue(&self) -> Result<Catalogue, StoreError>;
    fn set_catalogue(&self, catalogue: &Catalogue) -> Result<(), StoreError>;

    fn people(&self) -> Result<Vec<Person>, StoreError>;
    /// Insert or replace by id.
    fn put_person(&self, person: &Person) -> Result<(), StoreError>;

    /// Records dated `from..=to`, ordered by date then id.
    fn records_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Record>, StoreError>;
    fn record(&self, id: RecordId) -> Result<Option<Record>, StoreError>;
    /// Insert or replace by id (the date may have changed), atomically.
    fn put_record(&self, record: &Record) -> Result<(), StoreError>;
    fn delete_record(&self, id: RecordId) -> Result<Option<Record>, StoreError>;
    /// Years that hold at least one record, ascending.
    fn record_years(&self) -> Result<Vec<i32>, StoreError>;

    /// A fresh id, unique among people and records, never reused.
    fn next_id(&self) -> Result<u64, StoreError>;

    fn export(&self) -> Result<Backup, StoreError>;
    /// Replace everything with `backup`, all or nothing.
    fn import(&self, backup: &Backup) -> Result<(), StoreError>;
}
