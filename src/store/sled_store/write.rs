//! The journaled writes of `SledStore`: each is one sled transaction that
//! changes the ledger, appends its journal entry and moves the journal head,
//! then a flush. A write that changes nothing writes nothing.

use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};

use super::SledStore;
use crate::core::catalogue::Catalogue;
use crate::core::error::StoreError;
use crate::core::journal::{Action, Entity, JournalEntry, canonical};
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

impl SledStore {
    pub(super) fn write_set_catalogue(
        &self,
        catalogue: &Catalogue,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let value = encode(catalogue)?;
        let after = canonical(catalogue)?;
        let j = &self.journal;
        (&self.trees.meta, &j.journal, &j.by_entity)
            .transaction(|(meta, journal, by_entity)| {
                let before = match meta.get("catalogue")? {
                    Some(old) => Some(tx_canonical(&tx_decode::<Catalogue>(&old, "catalogue")?)?),
                    None => None,
                };
                if before.as_ref() == Some(&after) {
                    return Ok(());
                }
                meta.insert("catalogue", value.as_slice())?;
                let tx = Tx {
                    meta,
                    journal,
                    by_entity,
                };
                append(
                    &tx,
                    stamp,
                    Action::Catalogue,
                    Entity::Catalogue,
                    before,
                    Some(after.clone()),
                )?;
                Ok(())
            })
            .map_err(tx_err)?;
        self.flush()
    }

    pub(super) fn write_put_person(
        &self,
        person: &Person,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let value = encode(person)?;
        let after = canonical(person)?;
        let id = person.id.0.to_be_bytes();
        let j = &self.journal;
        (
            &self.trees.meta,
            &self.trees.people,
            &j.journal,
            &j.by_entity,
        )
            .transaction(|(meta, people, journal, by_entity)| {
                let before = match people.get(id)? {
                    Some(old) => Some(tx_canonical(&tx_decode::<Person>(&old, "person")?)?),
                    None => None,
                };
                if before.as_ref() == Some(&after) {
                    return Ok(());
                }
                let action = if before.is_some() {
                    Action::Update
                } else {
                    Action::Create
                };
                people.insert(&id, value.as_slice())?;
                let tx = Tx {
                    meta,
                    journal,
                    by_entity,
                };
                append(
                    &tx,
                    stamp,
                    action,
                    Entity::Person(person.id),
                    before,
                    Some(after.clone()),
                )?;
                Ok(())
            })
            .map_err(tx_err)?;
        self.flush()
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
                if before.as_ref() == Some(&after) {
                    return Ok(());
                }
                let action = if before.is_some() {
                    Action::Update
                } else if trash.remove(&id)?.is_some() {
                    Action::Restore
                } else {
                    Action::Create
                };
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
