//! The sled side of rectification items, corrections and closed years:
//! reads, and journaled writes that are each one transaction with their
//! journal entry (like `write`), then a flush. Closing a year is `sealed`.

use super::SledStore;
use crate::core::error::StoreError;
use crate::core::fix::{FixId, FixItem};
use crate::core::journal::{Action, Entity, PutKind};
use crate::core::port::Stamp;
use crate::core::record::RecordId;
use crate::core::year::Correction;
use crate::store::codec::decode;
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
        let id = fix.id.0.to_be_bytes();
        let how = (Entity::Fix(fix.id), PutKind::Entity);
        self.put_one((&self.trees.fixes, &id), fix, "fix", how, stamp)
    }

    pub(super) fn write_put_correction(
        &self,
        c: &Correction,
        stamp: &Stamp,
    ) -> Result<(), StoreError> {
        let key = correction_key(c);
        let how = (Entity::Record(c.record), PutKind::Fixed(Action::Amend));
        self.put_one((&self.trees.corrections, &key), c, "correction", how, stamp)
    }
}
