//! The sled side of rectification items, corrections and closed years:
//! reads, and journaled writes that are each one transaction with their
//! journal entry (like `write`), then a flush. Closing a year is `sealed`.

use sled::Transactional;

use super::SledStore;
use super::write::{tx_canonical, tx_decode, tx_err};
use crate::core::error::StoreError;
use crate::core::fix::{FixId, FixItem};
use crate::core::journal::{Action, Entity, canonical};
use crate::core::port::Stamp;
use crate::core::record::RecordId;
use crate::core::year::Correction;
use crate::store::codec::{decode, encode};
use crate::store::journal::{Tx, append};
use crate::store::open::sled_error;

/// Key in `meta` of the closed years: enveloped JSON `Vec<i32>`, ascending.
pub(super) const CLOSED_YEARS: &str = "closed_years";

pub(super) fn correction_key(c: &Correction) -> Vec<u8> {
    [c.record.0.to_be_bytes(), c.id.to_be_bytes()].concat()
}

impl SledStore {
    pub(super) fn read_fixes(&self, year: Option<i32>) -> Result<Vec<FixItem>, StoreError> {
        let mut out = Vec::new();
        for v in self.trees.fixes.iter().values() {
            let fix: FixItem = decode(&v.map_err(sled_error)?, "fix")?;
            if year.is_none_or(|y| fix.year == y) {
                out.push(fix);
            }
        }
        Ok(out)
    }

    pub(super) fn read_fix(&self, id: FixId) -> Result<Option<FixItem>, StoreError> {
        self.trees
            .fixes
            .get(id.0.to_be_bytes())
            .map_err(sled_error)?
            .map(|v| decode(&v, "fix"))
            .transpose()
    }

    pub(super) fn read_corrections(
        &self,
        record: Option<RecordId>,
    ) -> Result<Vec<Correction>, StoreError> {
        let iter = match record {
            Some(id) => self.trees.corrections.scan_prefix(id.0.to_be_bytes()),
            None => self.trees.corrections.iter(),
        };
        iter.values()
            .map(|v| decode(&v.map_err(sled_error)?, "correction"))
            .collect()
    }

    pub(super) fn read_closed_years(&self) -> Result<Vec<i32>, StoreError> {
        self.trees
            .meta
            .get(CLOSED_YEARS)
            .map_err(sled_error)?
            .map_or_else(|| Ok(Vec::new()), |v| decode(&v, "closed years"))
    }

    pub(super) fn write_put_fix(&self, fix: &FixItem, stamp: &Stamp) -> Result<(), StoreError> {
        self.ensure_live([fix.year])?;
        let value = encode(fix)?;
        let after = canonical(fix)?;
        let id = fix.id.0.to_be_bytes();
        let j = &self.journal;
        (
            &self.trees.meta,
            &self.trees.fixes,
            &j.journal,
            &j.by_entity,
        )
            .transaction(|(meta, fixes, journal, by_entity)| {
                let before = match fixes.get(id)? {
                    Some(old) => Some(tx_canonical(&tx_decode::<FixItem>(&old, "fix")?)?),
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
                fixes.insert(&id, value.as_slice())?;
                let tx = Tx {
                    meta,
                    journal,
                    by_entity,
                };
                let entity = Entity::Fix(fix.id);
                append(&tx, stamp, action, entity, before, Some(after.clone()))?;
                Ok(())
            })
            .map_err(tx_err)?;
        self.flush()
    }

    pub(super) fn write_put_correction(
        &self,
        c: &Correction,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let value = encode(c)?;
        let after = canonical(c)?;
        let key = correction_key(c);
        let j = &self.journal;
        (
            &self.trees.meta,
            &self.trees.corrections,
            &j.journal,
            &j.by_entity,
        )
            .transaction(|(meta, corrections, journal, by_entity)| {
                let before = match corrections.get(key.as_slice())? {
                    Some(old) => Some(tx_canonical(&tx_decode::<Correction>(&old, "correction")?)?),
                    None => None,
                };
                if before.as_ref() == Some(&after) {
                    return Ok(());
                }
                corrections.insert(key.as_slice(), value.as_slice())?;
                let tx = Tx {
                    meta,
                    journal,
                    by_entity,
                };
                let entity = Entity::Record(c.record);
                append(
                    &tx,
                    stamp,
                    Action::Amend,
                    entity,
                    before,
                    Some(after.clone()),
                )?;
                Ok(())
            })
            .map_err(tx_err)?;
        self.flush()
    }
}
