//! The store port: what the core needs from persistence. `store::SledStore`
//! implements it on disk and `mem::MemStore` in memory; nothing outside
//! `store` sees sled. Every write carries a `Stamp` and is journaled by the
//! store in the same atomic step as the change.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::archive::{ArchiveRef, YearArchive};
use super::catalogue::Catalogue;
use super::error::StoreError;
use super::fix::{FixId, FixItem};
use super::journal::{Entity, JournalEntry, SealDigest};
use super::record::{Record, RecordId};
use super::roster::Person;
use super::year::Correction;

/// Version of the stored layout and of the JSON backup format. v2 added the
/// change journal and the trash, v3 checksummed values, v4 rectification
/// items, corrections and closed years, v5 archived years (`meta/archived`);
/// older taizhang must not write unjournaled.
pub const SCHEMA_VERSION: u32 = 5;

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
    /// Rectification items (since v4; absent in older files).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<FixItem>,
    /// Corrections to records of closed years (since v4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// Years closed with `year close`, ascending (since v4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closed_years: Vec<i32>,
    /// The sealed years kept in archive files beside the database, with the
    /// digests the ledger recorded for them. Their records and items are in
    /// the archives, not in `records`/`fixes`, unless a full export put them there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub archived: Vec<ArchiveRef>,
    /// The change journal (backups carry it, so that a restore continues the
    /// hash chain instead of starting a new one; exports leave it out).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub journal: Vec<JournalEntry>,
}

/// The journal texts of an import, made by the core before the store is
/// asked to write (a service makes them without holding the ledger):
/// `before`, the ledger being replaced (canonical `Store::export`, as it
/// stands at the write), and `after`, the file's `journal::ImportSummary`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportTexts {
    pub before: String,
    pub after: String,
}

impl ImportTexts {
    /// The texts of importing `backup` (as given, sealed years and all) into
    /// `store` as it stands now, for a caller that writes a store directly.
    pub fn now<S: Store + ?Sized>(store: &S, backup: &Backup) -> Result<Self, StoreError> {
        Ok(Self {
            before: super::journal::canonical(&store.export()?)?,
            after: super::journal::canonical(&super::journal::ImportSummary::of(backup)?)?,
        })
    }
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

    /// Rectification items of `year` (every year: `None`), by id.
    fn fixes(&self, year: Option<i32>) -> Result<Vec<FixItem>, StoreError>;
    fn fix(&self, id: FixId) -> Result<Option<FixItem>, StoreError>;
    /// Insert or replace by id; journaled as `create` or `update` of `fix:ID`.
    fn put_fix(&self, fix: &FixItem, stamp: &Stamp) -> Result<(), StoreError>;

    /// Corrections of one record (every record: `None`), by record then id.
    fn corrections(&self, record: Option<RecordId>) -> Result<Vec<Correction>, StoreError>;
    /// Add a correction; journaled as `amend` of its record.
    fn put_correction(&self, correction: &Correction, stamp: &Stamp) -> Result<(), StoreError>;

    /// Years closed with `close_year`, ascending.
    fn closed_years(&self) -> Result<Vec<i32>, StoreError>;
    /// Seal `year` and move it out of the live store into its archive: its
    /// records, its items (`fix.year == year`), the roster and the catalogue,
    /// under a seal on the current journal head. Journaled as `seal` and
    /// `close_year` of `year:Y`, in one step. Closing an archived year changes
    /// nothing and returns its seal.
    fn close_year(&self, year: i32, stamp: &Stamp) -> Result<SealDigest, StoreError>;
    /// The archive of a sealed year, checked against its seal and the digest
    /// the ledger recorded (`None`: the year is not archived).
    fn archive(&self, year: i32) -> Result<Option<YearArchive>, StoreError>;
    /// Put an archived year back into the live store and mark it open;
    /// journaled as `reopen_year` of `year:Y`. The archive file is kept aside.
    fn reopen_year(&self, year: i32, stamp: &Stamp) -> Result<(), StoreError>;

    /// A fresh id, unique among people, records, items and corrections, never reused.
    fn next_id(&self) -> Result<u64, StoreError>;

    fn export(&self) -> Result<Backup, StoreError>;
    /// Replace the open years with `backup`, all or nothing; journaled as
    /// `import` with `texts` (the whole previous ledger as `before`). The
    /// journal, the trash and the archived years are kept; `next_id` never
    /// goes down. Records or items dated in an archived year are refused.
    fn import(&self, backup: &Backup, texts: &ImportTexts, stamp: &Stamp)
    -> Result<(), StoreError>;
    /// `import` for `backup restore`, journaled as `restore_backup` with
    /// `note_json` as `after`. A store whose journal is empty first takes the
    /// backup's journal (and the trash it implies), so the chain continues.
    fn restore(&self, backup: &Backup, note_json: &str, stamp: &Stamp) -> Result<(), StoreError>;

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
    /// Replace the reviewers (`[access] reviewers`) in the ledger's access
    /// settings, which live beside the ledger, not in it: not journaled.
    fn set_reviewers(&self, reviewers: &[String]) -> Result<(), StoreError>;
}

/// A borrowed store is a store: the ledger service runs each request's use
/// case on a `Ledger<&SledStore>` built for that request's peer.
impl<S: Store + ?Sized> Store for &S {
    fn catalogue(&self) -> Result<Catalogue, StoreError> {
        (**self).catalogue()
    }
    fn set_catalogue(&self, catalogue: &Catalogue, stamp: &Stamp) -> Result<(), StoreError> {
        (**self).set_catalogue(catalogue, stamp)
    }
    fn people(&self) -> Result<Vec<Person>, StoreError> {
        (**self).people()
    }
    fn put_person(&self, person: &Person, stamp: &Stamp) -> Result<(), StoreError> {
        (**self).put_person(person, stamp)
    }
    fn records_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Record>, StoreError> {
        (**self).records_between(from, to)
    }
    fn record(&self, id: RecordId) -> Result<Option<Record>, StoreError> {
        (**self).record(id)
    }
    fn put_record(&self, record: &Record, stamp: &Stamp) -> Result<(), StoreError> {
        (**self).put_record(record, stamp)
    }
    fn delete_record(&self, id: RecordId, stamp: &Stamp) -> Result<Option<Record>, StoreError> {
        (**self).delete_record(id, stamp)
    }
    fn record_years(&self) -> Result<Vec<i32>, StoreError> {
        (**self).record_years()
    }
    fn fixes(&self, year: Option<i32>) -> Result<Vec<FixItem>, StoreError> {
        (**self).fixes(year)
    }
    fn fix(&self, id: FixId) -> Result<Option<FixItem>, StoreError> {
        (**self).fix(id)
    }
    fn put_fix(&self, fix: &FixItem, stamp: &Stamp) -> Result<(), StoreError> {
        (**self).put_fix(fix, stamp)
    }
    fn corrections(&self, record: Option<RecordId>) -> Result<Vec<Correction>, StoreError> {
        (**self).corrections(record)
    }
    fn put_correction(&self, correction: &Correction, stamp: &Stamp) -> Result<(), StoreError> {
        (**self).put_correction(correction, stamp)
    }
    fn closed_years(&self) -> Result<Vec<i32>, StoreError> {
        (**self).closed_years()
    }
    fn close_year(&self, year: i32, stamp: &Stamp) -> Result<SealDigest, StoreError> {
        (**self).close_year(year, stamp)
    }
    fn archive(&self, year: i32) -> Result<Option<YearArchive>, StoreError> {
        (**self).archive(year)
    }
    fn reopen_year(&self, year: i32, stamp: &Stamp) -> Result<(), StoreError> {
        (**self).reopen_year(year, stamp)
    }
    fn next_id(&self) -> Result<u64, StoreError> {
        (**self).next_id()
    }
    fn export(&self) -> Result<Backup, StoreError> {
        (**self).export()
    }
    fn import(
        &self,
        backup: &Backup,
        texts: &ImportTexts,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        (**self).import(backup, texts, stamp)
    }
    fn restore(&self, backup: &Backup, note_json: &str, stamp: &Stamp) -> Result<(), StoreError> {
        (**self).restore(backup, note_json, stamp)
    }
    fn seal(
        &self,
        year: i32,
        digest_json: &str,
        stamp: &Stamp,
    ) -> Result<JournalEntry, StoreError> {
        (**self).seal(year, digest_json, stamp)
    }
    fn journal(&self, from_seq: u64) -> Result<Vec<JournalEntry>, StoreError> {
        (**self).journal(from_seq)
    }
    fn history(&self, entity: &Entity) -> Result<Vec<JournalEntry>, StoreError> {
        (**self).history(entity)
    }
    fn trash(&self) -> Result<Vec<(Record, JournalEntry)>, StoreError> {
        (**self).trash()
    }
    fn revision(&self) -> Result<u64, StoreError> {
        (**self).revision()
    }
    fn set_reviewers(&self, reviewers: &[String]) -> Result<(), StoreError> {
        (**self).set_reviewers(reviewers)
    }
}
