//! `SledStore`: the on-disk `Store`. Opening takes the ledger lock, hardens
//! the directory and brings the schema up to date; every write is one sled
//! transaction with its journal entry, then flushed.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

mod cycle;
mod replace;
mod sealed;
mod write;

use super::codec::{date_key, decode, get_u64, key_date, read_u64};
use super::journal::JournalTrees;
use super::lock::{HeldLock, LedgerLock};
use super::open::{OpenOptions, Trees, open_sled, remove_partial_snapshots, sled_error};
use super::permissions::{create_private_dir, restrict_tree};
use super::schema;
use crate::core::archive::YearArchive;
use crate::core::catalogue::Catalogue;
use crate::core::error::StoreError;
use crate::core::fix::{FixId, FixItem};
use crate::core::journal::{Action, Entity, JournalEntry, SealDigest};
use crate::core::port::{Backup, ImportTexts, SCHEMA_VERSION, Stamp, Store};
use crate::core::record::{Record, RecordId};
use crate::core::roster::Person;
use crate::core::year::Correction;

/// A ledger on disk, locked for this process while the value lives.
#[derive(Debug)]
pub struct SledStore {
    path: PathBuf,
    trees: Trees,
    journal: JournalTrees,
    // Declared last: released after sled is dropped and flushed. `None`
    // only inside `close_keeping_lock`.
    lock: Option<LedgerLock>,
}

impl SledStore {
    /// Open (or create, with `catalogue`) the ledger directory at `path`.
    pub fn open(path: &Path, catalogue: &Catalogue) -> Result<Self, StoreError> {
        Self::open_with(path, catalogue, OpenOptions::default())
    }

    /// `open` with explicit options (tests shorten the time limit).
    pub fn open_with(
        path: &Path,
        catalogue: &Catalogue,
        options: OpenOptions,
    ) -> Result<Self, StoreError> {
        create_private_dir(path)?;
        let lock = LedgerLock::acquire(path)?;
        Self::open_locked(path, catalogue, options, lock)
    }

    /// `open_with` under a lock this process already holds (see `HeldLock`).
    pub fn open_held(
        path: &Path,
        catalogue: &Catalogue,
        options: OpenOptions,
        held: HeldLock,
    ) -> Result<Self, StoreError> {
        Self::open_locked(path, catalogue, options, held.0)
    }

    fn open_locked(
        path: &Path,
        catalogue: &Catalogue,
        options: OpenOptions,
        lock: LedgerLock,
    ) -> Result<Self, StoreError> {
        remove_partial_snapshots(path)?;
        let (trees, lock) = open_sled(path, lock, options.timeout)?;
        let journal = JournalTrees::open(&trees.db)?;
        let store = Self {
            path: path.to_path_buf(),
            trees,
            journal,
            lock: Some(lock),
        };
        restrict_tree(path)?;
        schema::prepare(&store.trees, path, catalogue)?;
        // Durability hook: today's automatic backup (best effort).
        if options.daily_backup {
            super::backup::on_open(&store, path);
        }
        Ok(store)
    }

    /// Flush and close sled but keep the ledger locked: the caller opens it
    /// again with `open_held`, or hands the lock on.
    pub fn close_keeping_lock(mut self) -> Option<HeldLock> {
        let lock = self.lock.take();
        drop(self);
        lock.map(HeldLock)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Refuse a write before sled sees it when the disk is (nearly) full.
    fn room(&self) -> Result<(), StoreError> {
        super::space::ensure_room(&self.path, 0)
    }

    fn flush(&self) -> Result<(), StoreError> {
        self.trees.flush()
    }

    fn decode_all(tree: &sled::Tree, what: &str) -> Result<Vec<Record>, StoreError> {
        tree.iter()
            .values()
            .map(|v| decode(&v.map_err(sled_error)?, what))
            .collect()
    }
}

impl Drop for SledStore {
    fn drop(&mut self) {
        // Writes are flushed already; this covers sled's own bookkeeping and
        // any file sled created since the open. Not on a full disk: sled's
        // flush may then wait for good (see `store::space`).
        if super::space::ensure_room(&self.path, 0).is_ok() {
            let _ = self.trees.flush();
        }
        let _ = restrict_tree(&self.path);
    }
}

impl Store for SledStore {
    fn catalogue(&self) -> Result<Catalogue, StoreError> {
        let bytes = self
            .trees
            .meta
            .get("catalogue")
            .map_err(sled_error)?
            .ok_or_else(|| {
                StoreError::Corrupt("the ledger has no catalogue; restore a backup".into())
            })?;
        decode(&bytes, "catalogue")
    }

    fn set_catalogue(&self, catalogue: &Catalogue, stamp: &Stamp) -> Result<(), StoreError> {
        self.room()?;
        self.write_set_catalogue(catalogue, stamp)
    }

    fn people(&self) -> Result<Vec<Person>, StoreError> {
        self.trees
            .people
            .iter()
            .values()
            .map(|v| decode(&v.map_err(sled_error)?, "person"))
            .collect()
    }

    fn put_person(&self, person: &Person, stamp: &Stamp) -> Result<(), StoreError> {
        self.room()?;
        self.write_put_person(person, stamp)
    }

    fn records_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Record>, StoreError> {
        if from > to {
            return Ok(Vec::new());
        }
        let start = date_key(from);
        let range = match to.succ_opt() {
            Some(after) => self.trees.records.range(start..date_key(after)),
            None => self.trees.records.range(start..),
        };
        range
            .values()
            .map(|v| decode(&v.map_err(sled_error)?, "record"))
            .collect()
    }

    fn record(&self, id: RecordId) -> Result<Option<Record>, StoreError> {
        let Some(key) = self
            .trees
            .record_keys
            .get(id.0.to_be_bytes())
            .map_err(sled_error)?
        else {
            return Ok(None);
        };
        self.trees
            .records
            .get(key)
            .map_err(sled_error)?
            .map(|v| decode(&v, "record"))
            .transpose()
    }

    fn put_record(&self, record: &Record, stamp: &Stamp) -> Result<(), StoreError> {
        self.room()?;
        self.write_put_record(record, stamp)
    }

    fn delete_record(&self, id: RecordId, stamp: &Stamp) -> Result<Option<Record>, StoreError> {
        self.room()?;
        self.write_delete_record(id, stamp)
    }

    fn record_years(&self) -> Result<Vec<i32>, StoreError> {
        // Walk year by year with range seeks: cheap even for large ledgers.
        let mut years = Vec::new();
        let mut next = self.trees.records.first().map_err(sled_error)?;
        while let Some((key, _)) = next {
            let year = key_date(&key)?.year();
            years.push(year);
            let Some(following) = NaiveDate::from_ymd_opt(year + 1, 1, 1) else {
                break;
            };
            next = self
                .trees
                .records
                .range(date_key(following)..)
                .next()
                .transpose()
                .map_err(sled_error)?;
        }
        Ok(years)
    }

    fn fixes(&self, year: Option<i32>) -> Result<Vec<FixItem>, StoreError> {
        self.read_fixes(year)
    }

    fn fix(&self, id: FixId) -> Result<Option<FixItem>, StoreError> {
        self.read_fix(id)
    }

    fn put_fix(&self, fix: &FixItem, stamp: &Stamp) -> Result<(), StoreError> {
        self.room()?;
        self.write_put_fix(fix, stamp)
    }

    fn corrections(&self, record: Option<RecordId>) -> Result<Vec<Correction>, StoreError> {
        self.read_corrections(record)
    }

    fn put_correction(&self, correction: &Correction, stamp: &Stamp) -> Result<(), StoreError> {
        self.room()?;
        self.write_put_correction(correction, stamp)
    }

    fn closed_years(&self) -> Result<Vec<i32>, StoreError> {
        self.read_closed_years()
    }

    fn close_year(&self, year: i32, stamp: &Stamp) -> Result<SealDigest, StoreError> {
        self.room()?;
        self.write_close_year(year, stamp)
    }

    fn archive(&self, year: i32) -> Result<Option<YearArchive>, StoreError> {
        self.read_archive(year)
    }

    fn reopen_year(&self, year: i32, stamp: &Stamp) -> Result<(), StoreError> {
        self.room()?;
        self.write_reopen_year(year, stamp)
    }

    fn next_id(&self) -> Result<u64, StoreError> {
        self.room()?;
        let old = self
            .trees
            .meta
            .fetch_and_update("next_id", |v| match v {
                None => Some(2u64.to_be_bytes().to_vec()),
                Some(bytes) => match read_u64(bytes, "next_id") {
                    Ok(n) => Some(n.saturating_add(1).to_be_bytes().to_vec()),
                    // Leave a damaged value alone; it is reported below.
                    Err(_) => Some(bytes.to_vec()),
                },
            })
            .map_err(sled_error)?;
        let id = old
            .map(|b| read_u64(&b, "next_id"))
            .transpose()?
            .unwrap_or(1);
        if id == u64::MAX {
            return Err(StoreError::Corrupt(
                "the ledger has run out of ids (next_id is at its maximum)".into(),
            ));
        }
        self.flush()?;
        Ok(id)
    }

    fn export(&self) -> Result<Backup, StoreError> {
        let next_id = get_u64(&self.trees.meta, "next_id")?.unwrap_or(1);
        let mut records = Self::decode_all(&self.trees.records, "record")?;
        records.sort_by_key(|r| r.id);
        Ok(Backup {
            schema: SCHEMA_VERSION,
            catalogue: self.catalogue()?,
            people: self.people()?,
            records,
            next_id,
            fixes: self.read_fixes(None)?,
            corrections: self.read_corrections(None)?,
            closed_years: self.read_closed_years()?,
            archived: self.read_archived()?,
            journal: Vec::new(),
        })
    }

    fn import(
        &self,
        backup: &Backup,
        texts: &ImportTexts,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let journal = (
            Action::Import,
            Some(texts.before.as_str()),
            texts.after.as_str(),
        );
        self.write_replace(backup, stamp, journal, false)
    }

    fn restore(&self, backup: &Backup, note_json: &str, stamp: &Stamp) -> Result<(), StoreError> {
        self.write_replace(
            backup,
            stamp,
            (Action::RestoreBackup, None, note_json),
            true,
        )
    }

    fn seal(
        &self,
        year: i32,
        digest_json: &str,
        stamp: &Stamp,
    ) -> Result<JournalEntry, StoreError> {
        self.room()?;
        self.write_seal(year, digest_json, stamp)
    }

    fn journal(&self, from_seq: u64) -> Result<Vec<JournalEntry>, StoreError> {
        self.journal.from(from_seq)
    }

    fn history(&self, entity: &Entity) -> Result<Vec<JournalEntry>, StoreError> {
        self.journal.history(entity)
    }

    fn trash(&self) -> Result<Vec<(Record, JournalEntry)>, StoreError> {
        self.journal.trash()
    }

    fn revision(&self) -> Result<u64, StoreError> {
        Ok(super::journal::head(&self.trees.meta)?.map_or(0, |(seq, _)| seq))
    }

    /// Written to `taizhang.toml` beside the database; only the ledger's
    /// owner (or the service running as them) can write it.
    fn set_reviewers(&self, reviewers: &[String]) -> Result<(), StoreError> {
        let mut sharing = super::Sharing::load(&self.path)?;
        sharing.access.reviewers = reviewers.to_vec();
        sharing.save(&self.path)
    }
}
