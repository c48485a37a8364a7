//! Sealed years on sled: closing moves a year's records and items into its
//! archive file (`store::archive`) and out of the trees in one journaled
//! transaction; reading one loads and checks its file; reopening puts it back.

use chrono::Datelike;
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionalTree};

use super::SledStore;
use super::cycle::CLOSED_YEARS;
use super::write::{TxResult, tx_decode, tx_err};
use crate::core::archive::{ArchiveRef, YearArchive};
use crate::core::error::StoreError;
use crate::core::journal::{Action, Entity, Hash, SealDigest, canonical};
use crate::core::port::{Stamp, Store};
use crate::core::year::closed_marker;
use crate::store::archive;
use crate::store::codec::{decode, encode, record_key};
use crate::store::journal::{HEAD_KEY, Tx, append, head};
use crate::store::open::sled_error;

/// Key in `meta` of the archived years: enveloped JSON `Vec<ArchiveRef>`.
pub(super) const ARCHIVED: &str = "archived";

fn abort<T>(e: StoreError) -> TxResult<T> {
    Err(ConflictableTransactionError::Abort(e))
}

/// Inside a transaction: add `year` to the closed years (`closed`) or take
/// it out, and store the new list of archived years.
fn mark(meta: &TransactionalTree, year: i32, closed: bool, archived: &[u8]) -> TxResult<()> {
    let mut years: Vec<i32> = match meta.get(CLOSED_YEARS)? {
        Some(v) => tx_decode(&v, "closed years")?,
        None => Vec::new(),
    };
    years.retain(|y| *y != year);
    if closed {
        years.push(year);
        years.sort_unstable();
    }
    let years = encode(&years).map_err(ConflictableTransactionError::Abort)?;
    meta.insert(CLOSED_YEARS, years)?;
    meta.insert(ARCHIVED, archived)?;
    Ok(())
}

impl SledStore {
    pub(super) fn read_archived(&self) -> Result<Vec<ArchiveRef>, StoreError> {
        self.trees
            .meta
            .get(ARCHIVED)
            .map_err(sled_error)?
            .map_or_else(|| Ok(Vec::new()), |v| decode(&v, "archived years"))
    }

    /// Refuse a write dated in an archived year.
    pub(super) fn ensure_live(
        &self,
        years: impl IntoIterator<Item = i32>,
    ) -> Result<(), StoreError> {
        let archived = self.read_archived()?;
        for year in years {
            if archived.iter().any(|a| a.year == year) {
                return Err(StoreError::SealedYear(year));
            }
        }
        Ok(())
    }

    pub(super) fn read_archive(&self, year: i32) -> Result<Option<YearArchive>, StoreError> {
        self.read_archived()?
            .iter()
            .find(|a| a.year == year)
            .map(|r| archive::load(&self.path, r))
            .transpose()
    }

    pub(super) fn write_close_year(
        &self,
        year: i32,
        stamp: &Stamp,
    ) -> Result<SealDigest, StoreError> {
        if let Some(a) = self.read_archive(year)? {
            return Ok(a.seal);
        }
        let (from, to) = (
            chrono::NaiveDate::from_ymd_opt(year, 1, 1),
            chrono::NaiveDate::from_ymd_opt(year, 12, 31),
        );
        let (Some(from), Some(to)) = (from, to) else {
            return Err(StoreError::Db(format!(
                "{year} is not a year taizhang can close"
            )));
        };
        let records = self.records_between(from, to)?;
        let fixes = self.read_fixes(Some(year))?;
        let at = head(&self.trees.meta)?.unwrap_or((0, Hash::ZERO));
        let sealed =
            YearArchive::build(year, self.catalogue()?, self.people()?, records, fixes, at)?;
        let reference = archive::write(&self.path, &sealed)?;
        let seal = sealed.seal.clone();
        let seal_json = canonical(&seal)?;
        let marker = closed_marker(year, true, Some(&reference))?;
        let mut archived = self.read_archived()?;
        archived.push(reference);
        archived.sort_by_key(|a| a.year);
        let archived = encode(&archived)?;
        let record_keys: Vec<(Vec<u8>, [u8; 8])> = sealed
            .records
            .iter()
            .map(|r| (record_key(r), r.id.0.to_be_bytes()))
            .collect();
        let expected: Option<Vec<u8>> =
            (at.0 != 0).then(|| [at.0.to_be_bytes().as_slice(), &at.1.0].concat());
        let (t, j) = (&self.trees, &self.journal);
        (
            &t.meta,
            &t.records,
            &t.record_keys,
            &t.fixes,
            &j.journal,
            &j.by_entity,
        )
            .transaction(|(meta, records, keys, fixes, journal, by_entity)| {
                if meta.get(HEAD_KEY)?.as_deref() != expected.as_deref() {
                    return abort(StoreError::Db(
                        "the ledger changed while the year was being closed; close it again".into(),
                    ));
                }
                for (key, id) in &record_keys {
                    records.remove(key.as_slice())?;
                    keys.remove(id)?;
                }
                for f in &sealed.fixes {
                    fixes.remove(&f.id.0.to_be_bytes())?;
                }
                mark(meta, year, true, &archived)?;
                let tx = Tx {
                    meta,
                    journal,
                    by_entity,
                };
                let entity = Entity::Year(year);
                append(
                    &tx,
                    stamp,
                    Action::Seal,
                    entity,
                    None,
                    Some(seal_json.clone()),
                )?;
                append(
                    &tx,
                    stamp,
                    Action::CloseYear,
                    entity,
                    None,
                    Some(marker.clone()),
                )?;
                Ok(())
            })
            .map_err(tx_err)?;
        self.flush()?;
        Ok(seal)
    }

    pub(super) fn write_reopen_year(&self, year: i32, stamp: &Stamp) -> Result<(), StoreError> {
        let mut archived = self.read_archived()?;
        let Some(reference) = archived.iter().find(|a| a.year == year).cloned() else {
            return Ok(());
        };
        let sealed = archive::load(&self.path, &reference)?;
        archived.retain(|a| a.year != year);
        let archived = encode(&archived)?;
        let before = closed_marker(year, true, Some(&reference))?;
        let after = closed_marker(year, false, None)?;
        let records: Vec<(Vec<u8>, Vec<u8>, [u8; 8])> = sealed
            .records
            .iter()
            .map(|r| Ok((record_key(r), encode(r)?, r.id.0.to_be_bytes())))
            .collect::<Result<_, StoreError>>()?;
        let fixes: Vec<([u8; 8], Vec<u8>)> = sealed
            .fixes
            .iter()
            .map(|f| Ok((f.id.0.to_be_bytes(), encode(f)?)))
            .collect::<Result<_, StoreError>>()?;
        let (t, j) = (&self.trees, &self.journal);
        let entry = (
            &t.meta,
            &t.records,
            &t.record_keys,
            &t.fixes,
            &j.journal,
            &j.by_entity,
        )
            .transaction(|(meta, tr, tk, tf, journal, by_entity)| {
                for (key, value, id) in &records {
                    if tk.get(id)?.is_some() {
                        return abort(StoreError::Corrupt(format!(
                            "record {} of the archive of {year} is also in the live ledger",
                            u64::from_be_bytes(*id)
                        )));
                    }
                    tr.insert(key.as_slice(), value.as_slice())?;
                    tk.insert(id, key.as_slice())?;
                }
                for (id, value) in &fixes {
                    tf.insert(id, value.as_slice())?;
                }
                mark(meta, year, false, &archived)?;
                let tx = Tx {
                    meta,
                    journal,
                    by_entity,
                };
                let (b, a) = (Some(before.clone()), Some(after.clone()));
                append(&tx, stamp, Action::ReopenYear, Entity::Year(year), b, a)
            })
            .map_err(tx_err)?;
        self.flush()?;
        archive::set_aside(&self.path, year, entry.seq)
    }
}

/// The years of a backup's records and items.
pub(super) fn years_of(backup: &crate::core::port::Backup) -> Vec<i32> {
    let mut years: Vec<i32> = backup
        .records
        .iter()
        .map(|r| r.date.year())
        .chain(backup.fixes.iter().map(|f| f.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}
