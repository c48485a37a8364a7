//! The store port: what the core needs from persistence. `store::SledStore`
//! implements it on disk and `mem::MemStore` in memory; nothing outside
//! `store` sees sled. Every write carries a `Stamp` and is journaled by the
//! store in the same atomic step as the change.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use super::error::StoreError;
use super::journal::{Entity, JournalEntry};
use super::record::{Record, RecordId};
use super::roster::Person;

/// Version of the stored layout and of the JSON backup format. v2 added the
/// change journal and the trash, v3 checksummed values; older taizhang must not write unjournaled.
pub const SCHEMA_VERSION: u32 = 3;

/// Who makes a change and when. The store journals the stamp it is given and
/// never looks at the environment (a service puts the peer's user here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub user: String,
    pub at: NaiveDateTime,
}

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
/// (flushed) and journaled with its `stamp` in the same transaction; a write
/// that changes nothing is neither. Methods take `&self`: implementations
/// synchronise inside.
pub trait Store {
    fn catalogue(&self) -> Result<Catalogue, StoreError>;
    /// Journaled as `catalogue` with the old and new catalogue.
    fn set_catalogue(&self, catalogue: &Catalogue, stamp: &Stamp) -> Result<(), StoreError>;

    fn people(&self) -> Result<Vec<Person>, StoreError>;
    /// Insert or replace by id; journaled as `create` or `update`.
    fn put_person(&self, person: &Person, stamp: &Stamp) -> Result<(), StoreError>;

    /// Records dated `from..=to`, ordered by date then id.
    fn records_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Record>, StoreError>;
    fn record(&self, id: RecordId) -> Result<Option<Record>, StoreError>;
    /// Insert or replace by id (the date may have changed), atomically.
    /// Journaled as `create`, `update`, or `restore` when the id is in the
    /// trash (which it then leaves).
    fn put_record(&self, record: &Record, stamp: &Stamp) -> Result<(), StoreError>;
    /// Move a record to the trash; journaled as `delete`.
    fn delete_record(&self, id: RecordId, stamp: &Stamp) -> Result<Option<Record>, StoreError>;
    /// Years that hold at least one record, ascending.
    fn record_years(&self) -> Result<Vec<i32>, StoreError>;

    /// A fresh id, unique among people and records, never reused.
    fn next_id(&self) -> Result<u64, StoreError>;

    fn export(&self) -> Result<Backup, StoreError>;
    /// Replace everything with `backup`, all or nothing; journaled as
    /// `import` with the whole previous ledger as `before`. The journal and
    /// the trash are kept.
    fn import(&self, backup: &Backup, stamp: &Stamp) -> Result<(), StoreError>;

    /// Append a `seal` entry for `year` whose `after` is `digest_json`.
    fn seal(&self, year: i32, digest_json: &str, stamp: &Stamp)
    -> Result<JournalEntry, StoreError>;

    /// Journal entries with `seq >= from_seq`, in order.
    fn journal(&self, from_seq: u64) -> Result<Vec<JournalEntry>, StoreError>;
    /// The entries about `entity`, in order (read through an index).
    fn history(&self, entity: &Entity) -> Result<Vec<JournalEntry>, StoreError>;
    /// Deleted records, each with its `delete` entry, by record id.
    fn trash(&self) -> Result<Vec<(Record, JournalEntry)>, StoreError>;
    /// The last journal seq (0: none). Cheap, so a UI may poll it to notice
    /// changes made by others.
    fn revision(&self) -> Result<u64, StoreError>;
}
