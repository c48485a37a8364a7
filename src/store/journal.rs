//! The journal on disk: trees `journal`, `journal_by_entity` and `trash`, and
//! `append`, which every write calls inside its own sled transaction so that a
//! change and its journal entry are stored together or not at all.

use serde::{Deserialize, Serialize};
use sled::transaction::{ConflictableTransactionError, TransactionalTree};

use super::open::sled_error;
use crate::core::error::StoreError;
use crate::core::journal::{Action, Entity, Hash, JournalEntry, canonical};
use crate::core::port::Stamp;
use crate::core::record::Record;

/// Key in `meta` of the journal head: seq (u64) ++ hash (32 bytes).
pub(super) const HEAD_KEY: &str = "journal_head";

type TxResult<T> = Result<T, ConflictableTransactionError<StoreError>>;

/// The journal's trees (see the layout in `store`).
#[derive(Debug, Clone)]
pub(super) struct JournalTrees {
    /// seq (u64) → JSON `JournalEntry`.
    pub journal: sled::Tree,
    /// entity key ++ seq (u64) → empty.
    pub by_entity: sled::Tree,
    /// record id (u64) → JSON `TrashItem`.
    pub trash: sled::Tree,
}

/// A deleted record and the seq of its `delete` entry.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct TrashItem {
    pub seq: u64,
    pub record: Record,
}

impl JournalTrees {
    pub(super) fn open(db: &sled::Db) -> Result<Self, StoreError> {
        let tree = |name: &str| db.open_tree(name).map_err(sled_error);
        Ok(Self {
            journal: tree("journal")?,
            by_entity: tree("journal_by_entity")?,
            trash: tree("trash")?,
        })
    }

    pub(super) fn entry(&self, seq: u64) -> Result<Option<JournalEntry>, StoreError> {
        self.journal
            .get(seq.to_be_bytes())
            .map_err(sled_error)?
            .map(|v| read_entry(seq, &v))
            .transpose()
    }

    pub(super) fn from(&self, from_seq: u64) -> Result<Vec<JournalEntry>, StoreError> {
        self.journal
            .range(from_seq.to_be_bytes()..)
            .map(|kv| {
                let (k, v) = kv.map_err(sled_error)?;
                read_entry(seq_of(&k)?, &v)
            })
            .collect()
    }

    pub(super) fn history(&self, entity: &Entity) -> Result<Vec<JournalEntry>, StoreError> {
        let prefix = entity_key(entity);
        self.by_entity
            .scan_prefix(&prefix)
            .keys()
            .map(|k| {
                let k = k.map_err(sled_error)?;
                let seq = seq_of(k.get(prefix.len()..).unwrap_or_default())?;
                self.entry(seq)?.ok_or_else(|| {
                    StoreError::Corrupt(format!(
                        "the journal index names entry {seq}, which is missing; run `taizhang verify`"
                    ))
                })
            })
            .collect()
    }

    pub(super) fn trash(&self) -> Result<Vec<(Record, JournalEntry)>, StoreError> {
        self.trash
            .iter()
            .values()
            .map(|v| {
                let item: TrashItem =
                    serde_json::from_slice(&v.map_err(sled_error)?).map_err(|e| {
                        StoreError::Corrupt(format!("a trash item cannot be read ({e})"))
                    })?;
                let entry = self.entry(item.seq)?.ok_or_else(|| {
                    StoreError::Corrupt(format!(
                        "the trash names journal entry {}, which is missing; run `taizhang verify`",
                        item.seq
                    ))
                })?;
                Ok((item.record, entry))
            })
            .collect()
    }
}

/// The last seq and hash, from `meta` (outside a transaction).
pub(super) fn head(meta: &sled::Tree) -> Result<Option<(u64, Hash)>, StoreError> {
    meta.get(HEAD_KEY)
        .map_err(sled_error)?
        .map(|v| read_head(&v))
        .transpose()
}

fn read_head(v: &[u8]) -> Result<(u64, Hash), StoreError> {
    let bad = || StoreError::Corrupt("the journal head is damaged; run `taizhang verify`".into());
    let seq = v.get(..8).and_then(|b| b.try_into().ok()).ok_or_else(bad)?;
    let hash = v
        .get(8..40)
        .and_then(|b| b.try_into().ok())
        .ok_or_else(bad)?;
    Ok((u64::from_be_bytes(seq), Hash(hash)))
}

fn read_entry(seq: u64, v: &[u8]) -> Result<JournalEntry, StoreError> {
    serde_json::from_slice(v).map_err(|e| {
        StoreError::Corrupt(format!(
            "journal entry {seq} cannot be read ({e}); the journal was altered"
        ))
    })
}

fn seq_of(k: &[u8]) -> Result<u64, StoreError> {
    k.try_into()
        .map(u64::from_be_bytes)
        .map_err(|_| StoreError::Corrupt("a journal key is not an 8-byte seq".into()))
}

/// Fixed-width per kind, so one entity's key is never a prefix of another's.
pub(super) fn entity_key(entity: &Entity) -> Vec<u8> {
    match entity {
        Entity::Record(id) => [&[b'r'][..], &id.0.to_be_bytes()].concat(),
        Entity::Person(id) => [&[b'p'][..], &id.0.to_be_bytes()].concat(),
        Entity::Catalogue => vec![b'c'],
        Entity::Ledger => vec![b'l'],
        Entity::Fix(id) => [&[b'f'][..], &id.0.to_be_bytes()].concat(),
        Entity::Year(y) => [
            &[b'y'][..],
            &(y.cast_unsigned() ^ 0x8000_0000).to_be_bytes(),
        ]
        .concat(),
    }
}

/// The transactional views `append` writes through.
pub(super) struct Tx<'a> {
    pub meta: &'a TransactionalTree,
    pub journal: &'a TransactionalTree,
    pub by_entity: &'a TransactionalTree,
}

/// Append one entry after the head, index it and move the head, inside the
/// caller's transaction.
pub(super) fn append(
    tx: &Tx<'_>,
    stamp: &Stamp,
    action: Action,
    entity: Entity,
    before: Option<String>,
    after: Option<String>,
) -> TxResult<JournalEntry> {
    let head = tx
        .meta
        .get(HEAD_KEY)?
        .map(|v| read_head(&v))
        .transpose()
        .map_err(ConflictableTransactionError::Abort)?;
    let entry = JournalEntry::next(head, stamp, action, entity, before, after);
    let value = canonical(&entry).map_err(ConflictableTransactionError::Abort)?;
    let seq = entry.seq.to_be_bytes();
    tx.journal.insert(&seq, value.as_bytes())?;
    let mut index = entity_key(&entity);
    index.extend_from_slice(&seq);
    tx.by_entity.insert(index, &[])?;
    let mut new_head = seq.to_vec();
    new_head.extend_from_slice(&entry.hash.0);
    tx.meta.insert(HEAD_KEY, new_head)?;
    Ok(entry)
}
