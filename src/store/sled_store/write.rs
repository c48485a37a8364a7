//! The journaled writes of `SledStore`: each is one sled transaction that
//! changes the ledger, appends its journal entry and moves the journal head,
//! then a flush. A write that changes nothing writes nothing.

use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError, TransactionalTree};

use super::SledStore;
use crate::core::catalogue::Catalogue;
use crate::core::error::StoreError;
use crate::core::journal::{Action, Entity, JournalEntry, PutKind, canonical, put_action};
use crate::core::port::Stamp;
use crate::core::record::{Record, RecordId};
use crate::core::roster::Person;
use crate::store::codec::{decode, encode, record_key};
use crate::store::journal::{TrashItem, Tx, append};
use crate::store::open::sled_error;

pub(super) fn tx_err(e: TransactionError<StoreError>) -> StoreError {
    match e {
        TransactionError::Abort(e) => e,
        TransactionError::Storage(e) => sled_error(e),
    }
}

pub(super) type TxResult<T> = Result<T, ConflictableTransactionError<StoreError>>;

/// Decode inside a transaction, aborting it on damage.
pub(super) fn tx_decode<T: serde::de::DeserializeOwned>(bytes: &[u8], what: &str) -> TxResult<T> {
    decode(bytes, what).map_err(ConflictableTransactionError::Abort)
}

pub(super) fn tx_canonical<T: serde::Serialize>(value: &T) -> TxResult<String> {
    canonical(value).map_err(ConflictableTransactionError::Abort)
}

/// The journaled insert-or-update, written once for every keyed value:
/// inside the caller's transaction, read the old value at `key` of `target`,
/// and unless `core::journal::put_action` says nothing changed, store
/// `value` and append the entry (`after` is the new canonical text).
pub(super) struct Put<'a> {
    pub key: &'a [u8],
    pub value: &'a [u8],
    pub after: &'a str,
    /// What the stored value is, for damage reports.
    pub what: &'static str,
    pub entity: Entity,
    pub kind: PutKind,
}

impl Put<'_> {
    /// Run inside a transaction over `target` and the journal (`tx`).
    /// Returns the action journaled, if anything changed.
    pub(super) fn apply<T: serde::de::DeserializeOwned + serde::Serialize>(
        &self,
        target: &TransactionalTree,
        tx: &Tx<'_>,
        stamp: &Stamp,
    ) -> TxResult<Option<Action>> {
        let before = match target.get(self.key)? {
            Some(old) => Some(tx_canonical(&tx_decode::<T>(&old, self.what)?)?),
            None => None,
        };
        let Some(action) = put_action(before.as_deref(), self.after, self.kind) else {
            return Ok(None);
        };
        target.insert(self.key, self.value)?;
        let after = Some(self.after.to_string());
        append(tx, stamp, action, self.entity, before, after)?;
        Ok(Some(action))
    }
}

impl SledStore {
    /// A journaled put of `value` at `key` of `tree` (not `meta`), in one
    /// transaction, journaled about `entity` as `kind` says, then flushed.
    pub(super) fn put_one<T: serde::de::DeserializeOwned + serde::Serialize>(
        &self,
        (tree, key): (&sled::Tree, &[u8]),
        value: &T,
        what: &'static str,
        (entity, kind): (Entity, PutKind),
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let (bytes, after) = (encode(value)?, canonical(value)?);
        let put = Put {
            key,
            value: &bytes,
            after: &after,
            what,
            entity,
            kind,
        };
        let j = &self.journal;
        (&self.trees.meta, tree, &j.journal, &j.by_entity)
            .transaction(|(meta, target, journal, by_entity)| {
                let tx = Tx {
                    meta,
                    journal,
                    by_entity,
                };
                put.apply::<T>(target, &tx, stamp)
            })
            .map_err(tx_err)?;
        self.flush()
    }

    pub(super) fn write_set_catalogue(
        &self,
        catalogue: &Catalogue,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let (bytes, after) = (encode(catalogue)?, canonical(catalogue)?);
        let put = Put {
            key: b"catalogue",
            value: &bytes,
            after: &after,
            what: "catalogue",
            entity: Entity::Catalogue,
            kind: PutKind::Fixed(Action::Catalogue),
        };
        let j = &self.journal;
        (&self.trees.meta, &j.journal, &j.by_entity)
            .transaction(|(meta, journal, by_entity)| {
                let tx = Tx {
                    meta,
                    journal,
                    by_entity,
                };
                put.apply::<Catalogue>(meta, &tx, stamp)
            })
            .map_err(tx_err)?;
        self.flush()
    }

    pub(super) fn write_put_person(
        &self,
        person: &Person,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let id = person.id.0.to_be_bytes();
        let how = (Entity::Person(person.id), PutKind::Entity);
        self.put_one((&self.trees.people, &id), person, "person", how, stamp)
    }

    pub(super) fn write_put_record(
        &self,
        record: &Record,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        self.ensure_live([chrono::Datelike::year(&record.date)])?;
        let key = record_key(record);
        let value = encode(record)?;
        let after = canonical(record)?;
        let id = record.id.0.to_be_bytes();
        let (t, j) = (&self.trees, &self.journal);
        (
            &t.meta,
            &t.records,
            &t.record_keys,
            &j.trash,
            &j.journal,
            &j.by_entity,
        )
            .transaction(|(meta, records, keys, trash, journal, by_entity)| {
                let old_key = keys.get(id)?;
                let old = match &old_key {
                    Some(k) => records.get(k)?,
                    None => None,
                };
                let before = match old {
                    Some(old) => Some(tx_canonical(&tx_decode::<Record>(&old, "record")?)?),
                    None => None,
                };
                let kind = PutKind::Restorable {
                    in_trash: trash.get(id)?.is_some(),
                };
                // The record's key moves with its date, so this put keeps its
                // own keys; the rule of what it journals is the common one.
                let Some(action) = put_action(before.as_deref(), &after, kind) else {
                    return Ok(());
                };
                if action == Action::Restore {
                    trash.remove(&id)?;
                }
                if let Some(old) = old_key {
                    records.remove(old)?;
                }
                records.insert(key.as_slice(), value.as_slice())?;
                keys.insert(&id, key.as_slice())?;
                let tx = Tx {
                    meta,
                    journal,
                    by_entity,
                };
                append(
                    &tx,
                    stamp,
                    action,
                    Entity::Record(record.id),
                    before,
                    Some(after.clone()),
                )?;
                Ok(())
            })
            .map_err(tx_err)?;
        self.flush()
    }

    pub(super) fn write_delete_record(
        &self,
        id: RecordId,
        stamp: &Stamp,
    ) -> Result<Option<Record>, StoreError> {
        let idb = id.0.to_be_bytes();
        let (t, j) = (&self.trees, &self.journal);
        let old = (
            &t.meta,
            &t.records,
            &t.record_keys,
            &j.trash,
            &j.journal,
            &j.by_entity,
        )
            .transaction(|(meta, records, keys, trash, journal, by_entity)| {
                let Some(key) = keys.remove(&idb)? else {
                    return Ok(None);
                };
                let Some(old) = records.remove(key)? else {
                    return Ok(None);
                };
                let record: Record = tx_decode(&old, "record")?;
                let before = tx_canonical(&record)?;
                let tx = Tx {
                    meta,
                    journal,
                    by_entity,
                };
                let entry = append(
                    &tx,
                    stamp,
                    Action::Delete,
                    Entity::Record(id),
                    Some(before),
                    None,
                )?;
                let item = TrashItem {
                    seq: entry.seq,
                    record,
                };
                trash.insert(&idb, tx_canonical(&item)?.as_bytes())?;
                Ok(Some(item.record))
            })
            .map_err(tx_err)?;
        self.flush()?;
        Ok(old)
    }

    pub(super) fn write_seal(
        &self,
        year: i32,
        digest_json: &str,
        stamp: &Stamp,
    ) -> Result<JournalEntry, StoreError> {
        let j = &self.journal;
        let entry = (&self.trees.meta, &j.journal, &j.by_entity)
            .transaction(|(meta, journal, by_entity)| {
                let tx = Tx {
                    meta,
                    journal,
                    by_entity,
                };
                let after = Some(digest_json.to_string());
                append(&tx, stamp, Action::Seal, Entity::Year(year), None, after)
            })
            .map_err(tx_err)?;
        self.flush()?;
        Ok(entry)
    }
}
