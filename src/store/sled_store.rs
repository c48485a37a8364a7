//! `SledStore`: the on-disk `Store`.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};

use crate::core::catalogue::Catalogue;
use crate::core::error::StoreError;
use crate::core::port::{Backup, SCHEMA_VERSION, Store};
use crate::core::record::{Record, RecordId};
use crate::core::roster::Person;

pub struct SledStore {
    path: PathBuf,
    db: sled::Db,
    meta: sled::Tree,
    people: sled::Tree,
    records: sled::Tree,
    record_keys: sled::Tree,
}

fn db_err(e: impl std::fmt::Display) -> StoreError {
    StoreError::Db(e.to_string())
}

fn tx_err(e: TransactionError<StoreError>) -> StoreError {
    match e {
        TransactionError::Abort(e) => e,
        TransactionError::Storage(e) => db_err(e),
    }
}

fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8], what: &str) -> Result<T, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

fn encode<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn date_key(date: NaiveDate) -> [u8; 4] {
    // Flip the sign bit so negative day numbers sort before positive ones.
    (date.num_days_from_ce().cast_unsigned() ^ 0x8000_0000).to_be_bytes()
}

fn record_key(record: &Record) -> Vec<u8> {
    let mut key = date_key(record.date).to_vec();
    key.extend_from_slice(&record.id.0.to_be_bytes());
    key
}

impl SledStore {
    /// Open (or create, with `catalogue`) the ledger at `path`.
    pub fn open(path: &Path, catalogue: &Catalogue) -> Result<Self, StoreError> {
        let db = sled::Config::new().path(path).open().map_err(db_err)?;
        let store = Self {
            path: path.to_path_buf(),
            meta: db.open_tree("meta").map_err(db_err)?,
            people: db.open_tree("people").map_err(db_err)?,
            records: db.open_tree("records").map_err(db_err)?,
            record_keys: db.open_tree("record_keys").map_err(db_err)?,
            db,
        };
        match store.meta.get("schema").map_err(db_err)? {
            None => {
                store
                    .meta
                    .insert("catalogue", encode(catalogue)?)
                    .map_err(db_err)?;
                store
                    .meta
                    .insert("schema", &SCHEMA_VERSION.to_be_bytes())
                    .map_err(db_err)?;
                store.flush()?;
            }
            Some(v) => {
                let found = u32::from_be_bytes(
                    v.as_ref()
                        .try_into()
                        .map_err(|_| StoreError::Corrupt("schema key".into()))?,
                );
                if found > SCHEMA_VERSION {
                    return Err(StoreError::TooNew {
                        path: store.path.clone(),
                        found,
                        supported: SCHEMA_VERSION,
                    });
                }
            }
        }
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn flush(&self) -> Result<(), StoreError> {
        self.db.flush().map_err(db_err)?;
        Ok(())
    }
}

impl Store for SledStore {
    fn catalogue(&self) -> Result<Catalogue, StoreError> {
        let bytes = self
            .meta
            .get("catalogue")
            .map_err(db_err)?
            .ok_or_else(|| StoreError::Corrupt("no catalogue".into()))?;
        decode(&bytes, "catalogue")
    }

    fn set_catalogue(&self, catalogue: &Catalogue) -> Result<(), StoreError> {
        self.meta
            .insert("catalogue", encode(catalogue)?)
            .map_err(db_err)?;
        self.flush()
    }

    fn people(&self) -> Result<Vec<Person>, StoreError> {
        self.people
            .iter()
            .values()
            .map(|v| decode(&v.map_err(db_err)?, "person"))
            .collect()
    }

    fn put_person(&self, person: &Person) -> Result<(), StoreError> {
        self.people
            .insert(person.id.0.to_be_bytes(), encode(person)?)
            .map_err(db_err)?;
        self.flush()
    }

    fn records_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Record>, StoreError> {
        let start = date_key(from).to_vec();
        let end = date_key(to.succ_opt().unwrap_or(to)).to_vec();
        let range = if to.succ_opt().is_some() {
            self.records.range(start..end)
        } else {
            self.records.range(start..)
        };
        range
            .values()
            .map(|v| decode(&v.map_err(db_err)?, "record"))
            .collect()
    }

    fn record(&self, id: RecordId) -> Result<Option<Record>, StoreError> {
        let Some(key) = self.record_keys.get(id.0.to_be_bytes()).map_err(db_err)? else {
            return Ok(None);
        };
        self.records
            .get(key)
            .map_err(db_err)?
            .map(|v| decode(&v, "record"))
            .transpose()
    }

    fn put_record(&self, record: &Record) -> Result<(), StoreError> {
        let key = record_key(record);
        let value = encode(record)?;
        let id = record.id.0.to_be_bytes();
        (&self.records, &self.record_keys)
            .transaction(|(records, keys)| {
                if let Some(old) = keys.get(id)? {
                    records.remove(old)?;
                }
                records.insert(key.as_slice(), value.as_slice())?;
                keys.insert(&id, key.as_slice())?;
                Ok::<_, ConflictableTransactionError<StoreError>>(())
            })
            .map_err(tx_err)?;
        self.flush()
    }

    fn delete_record(&self, id: RecordId) -> Result<Option<Record>, StoreError> {
        let idb = id.0.to_be_bytes();
        let old = (&self.records, &self.record_keys)
            .transaction(|(records, keys)| {
                let Some(key) = keys.remove(&idb)? else {
                    return Ok(None);
                };
                Ok::<_, ConflictableTransactionError<StoreError>>(records.remove(key)?)
            })
            .map_err(tx_err)?;
        self.flush()?;
        old.map(|v| decode(&v, "record")).transpose()
    }

    fn record_years(&self) -> Result<Vec<i32>, StoreError> {
        // Walk year by year with range seeks: cheap even for large ledgers.
        let mut years = Vec::new();
        let mut next = self.records.first().map_err(db_err)?;
        while let Some((k, _)) = next {
            let bytes: [u8; 4] = k
                .get(..4)
                .and_then(|b| b.try_into().ok())
                .ok_or_else(|| StoreError::Corrupt("record key".into()))?;
            let days = (u32::from_be_bytes(bytes) ^ 0x8000_0000).cast_signed();
            let date = NaiveDate::from_num_days_from_ce_opt(days)
                .ok_or_else(|| StoreError::Corrupt("record date".into()))?;
            years.push(date.year());
            let Some(following) = NaiveDate::from_ymd_opt(date.year() + 1, 1, 1) else {
                break;
            };
            next = self
                .records
                .range(date_key(following).to_vec()..)
                .next()
                .transpose()
                .map_err(db_err)?;
        }
        Ok(years)
    }

    fn next_id(&self) -> Result<u64, StoreError> {
        let old = self
            .meta
            .fetch_and_update("next_id", |v| {
                let n = v
                    .and_then(|b| b.try_into().ok())
                    .map_or(1, u64::from_be_bytes);
                Some((n + 1).to_be_bytes().to_vec())
            })
            .map_err(db_err)?;
        self.flush()?;
        Ok(old
            .and_then(|b| b.as_ref().try_into().ok())
            .map_or(1, u64::from_be_bytes))
    }

    fn export(&self) -> Result<Backup, StoreError> {
        let next_id = self
            .meta
            .get("next_id")
            .map_err(db_err)?
            .and_then(|b| b.as_ref().try_into().ok())
            .map_or(1, u64::from_be_bytes);
        let mut records: Vec<Record> = self
            .records
            .iter()
            .values()
            .map(|v| decode(&v.map_err(db_err)?, "record"))
            .collect::<Result<_, _>>()?;
        records.sort_by_key(|r| r.id);
        Ok(Backup {
            schema: SCHEMA_VERSION,
            catalogue: self.catalogue()?,
            people: self.people()?,
            records,
            next_id,
        })
    }

    fn import(&self, backup: &Backup) -> Result<(), StoreError> {
        let catalogue = encode(&backup.catalogue)?;
        let people: Vec<(Vec<u8>, Vec<u8>)> = backup
            .people
            .iter()
            .map(|p| Ok((p.id.0.to_be_bytes().to_vec(), encode(p)?)))
            .collect::<Result<_, StoreError>>()?;
        let records: Vec<(Vec<u8>, Vec<u8>, [u8; 8])> = backup
            .records
            .iter()
            .map(|r| Ok((record_key(r), encode(r)?, r.id.0.to_be_bytes())))
            .collect::<Result<_, StoreError>>()?;
        let old_people: Vec<sled::IVec> = self
            .people
            .iter()
            .keys()
            .collect::<Result<_, _>>()
            .map_err(db_err)?;
        let old_records: Vec<sled::IVec> = self
            .records
            .iter()
            .keys()
            .collect::<Result<_, _>>()
            .map_err(db_err)?;
        let old_keys: Vec<sled::IVec> = self
            .record_keys
            .iter()
            .keys()
            .collect::<Result<_, _>>()
            .map_err(db_err)?;
        (&self.meta, &self.people, &self.records, &self.record_keys)
            .transaction(|(meta, tp, tr, tk)| {
                for k in &old_people {
                    tp.remove(k)?;
                }
                for k in &old_records {
                    tr.remove(k)?;
                }
                for k in &old_keys {
                    tk.remove(k)?;
                }
                meta.insert("catalogue", catalogue.as_slice())?;
                meta.insert("next_id", &backup.next_id.to_be_bytes())?;
                for (k, v) in &people {
                    tp.insert(k.as_slice(), v.as_slice())?;
                }
                for (k, v, id) in &records {
                    tr.insert(k.as_slice(), v.as_slice())?;
                    tk.insert(id, k.as_slice())?;
                }
                Ok::<_, ConflictableTransactionError<StoreError>>(())
            })
            .map_err(tx_err)?;
        self.flush()
    }
}
