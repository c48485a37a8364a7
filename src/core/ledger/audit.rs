//! Audit use cases: what happened to a record or person, the trash and its
//! restore, checking the journal's hash chain, and sealing a year.

use super::Ledger;
use crate::core::error::CoreError;
use crate::core::journal::{
    self, Entity, JournalEntry, SealDigest, Summary, canonical, records_digest, seal_digest,
};
use crate::core::port::Store;
use crate::core::record::{Record, RecordId};

/// An intact journal: how many entries and the head hash.
pub type VerifySummary = Summary;

impl<S: Store> Ledger<S> {
    /// Every journal entry about `entity`, oldest first.
    pub fn history(&self, entity: &Entity) -> Result<Vec<JournalEntry>, CoreError> {
        Ok(self.store.history(entity)?)
    }

    /// Journal entries from `from_seq` on.
    pub fn journal(&self, from_seq: u64) -> Result<Vec<JournalEntry>, CoreError> {
        Ok(self.store.journal(from_seq)?)
    }

    /// The last journal seq; it grows with every change, by anyone.
    pub fn revision(&self) -> Result<u64, CoreError> {
        Ok(self.store.revision()?)
    }

    /// Deleted records with who deleted them and when, by id.
    pub fn trash(&self) -> Result<Vec<(Record, JournalEntry)>, CoreError> {
        Ok(self.store.trash()?)
    }

    /// Put a deleted record back exactly as it was; journaled as `restore`.
    pub fn restore_from_trash(&self, id: RecordId) -> Result<Record, CoreError> {
        let (record, _) = self
            .store
            .trash()?
            .into_iter()
            .find(|(r, _)| r.id == id)
            .ok_or(CoreError::NotInTrash(id))?;
        if self.store.record(id)?.is_some() {
            return Err(CoreError::IdInUse(id));
        }
        self.ensure_open(
            chrono::Datelike::year(&record.date),
            crate::core::error::Sealed::Record(Some(id)),
        )?;
        self.store.put_record(&record, &self.write_stamp()?)?;
        Ok(record)
    }

    /// Check the whole hash chain; `CoreError::Journal` names the first
    /// broken entry.
    pub fn verify(&self) -> Result<VerifySummary, CoreError> {
        let revision = self.store.revision()?;
        let entries = self.store.journal(0)?;
        Ok(journal::verify_to(&entries, revision)?)
    }

    /// Seal `year`: journal a `seal` entry holding the digest of the year's
    /// records bound to the current journal head. Refused on a broken journal.
    /// (A sealed year is not read-only yet; the seal only records the state.)
    pub fn seal_year(&self, year: i32) -> Result<SealDigest, CoreError> {
        let records = self.records_in_year(year)?;
        let summary = self.verify()?;
        let records_sha256 = records_digest(&records)?;
        let digest = SealDigest {
            year,
            records: records.len(),
            records_sha256,
            head_seq: summary.entries,
            head: summary.head,
            digest: seal_digest(year, &records_sha256, &summary.head),
        };
        self.store
            .seal(year, &canonical(&digest)?, &self.write_stamp()?)?;
        Ok(digest)
    }

    /// The latest seal of `year`, and whether the year's records still match
    /// it (`None`: never sealed).
    pub fn check_seal(&self, year: i32) -> Result<Option<(SealDigest, bool)>, CoreError> {
        let last = self
            .store
            .history(&Entity::Year(year))?
            .into_iter()
            .rev()
            .find_map(|e| {
                e.after
                    .and_then(|a| serde_json::from_str::<SealDigest>(&a).ok())
            });
        let Some(seal) = last else {
            return Ok(None);
        };
        let now = records_digest(&self.records_in_year(year)?)?;
        let same = now == seal.records_sha256 && seal_digest(year, &now, &seal.head) == seal.digest;
        Ok(Some((seal, same)))
    }
}
