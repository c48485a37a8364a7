//! The memory store's guarded state and the bookkeeping every write shares:
//! the journal entry, the put, the whole-ledger backup and replace, and the
//! refusal to write into a sealed year.

use std::collections::BTreeMap;

use chrono::Datelike;

use sha2::{Digest, Sha256};

use crate::core::archive::{ArchiveRef, YearArchive};
use crate::core::catalogue::Catalogue;
use crate::core::error::StoreError;
use crate::core::fix::{FixId, FixItem};
use crate::core::journal::{Action, Entity, Hash, JournalEntry, PutKind, canonical, put_action};
use crate::core::port::{Backup, SCHEMA_VERSION, Stamp};
use crate::core::record::{Record, RecordId};
use crate::core::roster::{Person, PersonId};
use crate::core::year::Correction;

#[derive(Debug)]
pub(super) struct Inner {
    pub(super) catalogue: Catalogue,
    pub(super) people: BTreeMap<PersonId, Person>,
    pub(super) records: BTreeMap<RecordId, Record>,
    pub(super) next_id: u64,
    pub(super) journal: Vec<JournalEntry>,
    /// Deleted records and the seq of their `delete` entry.
    pub(super) trash: BTreeMap<RecordId, (Record, u64)>,
    pub(super) fixes: BTreeMap<FixId, FixItem>,
    /// By (record, correction id).
    pub(super) corrections: BTreeMap<(RecordId, u64), Correction>,
    pub(super) closed_years: std::collections::BTreeSet<i32>,
    /// Sealed years, out of `records` and `fixes`.
    pub(super) archives: BTreeMap<i32, YearArchive>,
}

/// The reference the memory store keeps for an archive: its seal digest and
/// the SHA-256 of its canonical JSON (it has no file).
pub(super) fn archive_ref(a: &YearArchive) -> Result<ArchiveRef, StoreError> {
    Ok(ArchiveRef {
        year: a.year,
        digest: a.seal.digest,
        sha256: Hash(Sha256::digest(canonical(a)?.as_bytes()).into()),
    })
}

impl Inner {
    pub(super) fn log(
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
    pub(super) fn put<K: Ord, T: Clone + serde::Serialize>(
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

    pub(super) fn backup(&self) -> Result<Backup, StoreError> {
        Ok(Backup {
            schema: SCHEMA_VERSION,
            catalogue: self.catalogue.clone(),
            people: self.people.values().cloned().collect(),
            records: self.records.values().cloned().collect(),
            next_id: self.next_id,
            fixes: self.fixes.values().cloned().collect(),
            corrections: self.corrections.values().cloned().collect(),
            closed_years: self.closed_years.iter().copied().collect(),
            archived: self
                .archives
                .values()
                .map(archive_ref)
                .collect::<Result<_, _>>()?,
            journal: Vec::new(),
        })
    }

    /// Refuse a write dated in an archived year.
    pub(super) fn ensure_live(&self, year: i32) -> Result<(), StoreError> {
        if self.archives.contains_key(&year) {
            return Err(StoreError::SealedYear(year));
        }
        Ok(())
    }

    /// Replace the open years with `backup` (see `Store::import`); `before`
    /// is the ledger being replaced when the caller made it already.
    pub(super) fn replace(
        &mut self,
        backup: &Backup,
        stamp: &Stamp,
        action: Action,
        before: Option<String>,
        after: String,
    ) -> Result<(), StoreError> {
        for year in backup
            .records
            .iter()
            .map(|r| r.date.year())
            .chain(backup.fixes.iter().map(|f| f.year))
        {
            self.ensure_live(year)?;
        }
        let before = match before {
            Some(text) => text,
            None => canonical(&self.backup()?)?,
        };
        self.catalogue = backup.catalogue.clone();
        self.people = backup.people.iter().map(|p| (p.id, p.clone())).collect();
        self.records = backup.records.iter().map(|r| (r.id, r.clone())).collect();
        self.next_id = self.next_id.max(backup.next_id);
        self.fixes = backup.fixes.iter().map(|f| (f.id, f.clone())).collect();
        self.corrections = backup
            .corrections
            .iter()
            .map(|c| ((c.record, c.id), c.clone()))
            .collect();
        self.closed_years = backup.closed_years.iter().copied().collect();
        self.closed_years.extend(self.archives.keys());
        self.log(stamp, action, Entity::Ledger, Some(before), Some(after));
        Ok(())
    }
}
