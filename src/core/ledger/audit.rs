//! Audit use cases: what happened to a record or person, the trash and its
//! restore, checking the journal's hash chain, and sealing a year.

use super::Ledger;
use crate::core::archive::YearArchive;
use crate::core::error::{CoreError, SealCheck, StoreError};
use crate::core::journal::{
    self, Action, Entity, Hash, JournalEntry, SealContents, SealDigest, Summary, canonical,
};
use crate::core::port::Store;
use crate::core::record::{Record, RecordId};
use crate::core::restore::RestoreNote;

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
    /// records, items, roster and catalogue bound to the current journal
    /// head. Refused on a broken journal. A year sealed in an archive is not
    /// sealed again: its seal is returned.
    pub fn seal_year(&self, year: i32) -> Result<SealDigest, CoreError> {
        if let Some(a) = self.archive(year)? {
            return Ok(a.seal);
        }
        let records = self.records_in_year(year)?;
        let summary = self.verify()?;
        let contents = self.live_contents(year)?;
        let digest = SealDigest::new(
            year,
            &records,
            Some(contents),
            summary.entries,
            summary.head,
        )?;
        self.store
            .seal(year, &canonical(&digest)?, &self.write_stamp()?)?;
        Ok(digest)
    }

    /// What a seal of the open `year` covers besides its records.
    fn live_contents(&self, year: i32) -> Result<SealContents, CoreError> {
        let fixes = self.store.fixes(Some(year))?;
        Ok(SealContents::of(
            &fixes,
            &self.store.people()?,
            &self.catalogue()?,
        )?)
    }

    /// Every seal journaled for `year`, oldest first.
    fn seals_of(&self, year: i32) -> Result<Vec<SealDigest>, CoreError> {
        Ok(self
            .store
            .history(&Entity::Year(year))?
            .into_iter()
            .filter(|e| e.action == Action::Seal)
            .filter_map(|e| {
                e.after
                    .and_then(|a| serde_json::from_str::<SealDigest>(&a).ok())
            })
            .collect())
    }

    /// Whether the year's content (its archive, or the live year) still
    /// gives `seal`. An archive that fails its checks does not.
    fn still_holds(&self, seal: &SealDigest) -> Result<bool, CoreError> {
        self.holds_with(seal, self.archive(seal.year))
    }

    /// `still_holds`, given the year's archive as loaded.
    pub(super) fn holds_with(
        &self,
        seal: &SealDigest,
        archive: Result<Option<YearArchive>, CoreError>,
    ) -> Result<bool, CoreError> {
        let year = seal.year;
        match archive {
            Ok(Some(a)) => Ok(a.seal == *seal),
            Err(CoreError::Store(StoreError::Archive { .. })) => Ok(false),
            Err(e) => Err(e),
            Ok(None) => {
                let records = self.records_in_year(year)?;
                let contents = self.live_contents(year)?;
                Ok(seal.matches(&records, Some(&contents))?)
            }
        }
    }

    /// The latest seal of `year`, and whether the year still matches it
    /// (`None`: never sealed).
    pub fn check_seal(&self, year: i32) -> Result<Option<(SealDigest, bool)>, CoreError> {
        self.seal_state(year, self.archive(year))
    }

    /// `check_seal`, given the year's archive as loaded.
    pub(super) fn seal_state(
        &self,
        year: i32,
        archive: Result<Option<YearArchive>, CoreError>,
    ) -> Result<Option<(SealDigest, bool)>, CoreError> {
        let Some(seal) = self.seals_of(year)?.pop() else {
            return Ok(None);
        };
        let same = self.holds_with(&seal, archive)?;
        Ok(Some((seal, same)))
    }

    /// `verify --seal YEAR DIGEST`: the seal of `year` with that digest, when
    /// the ledger journaled one and the year's content still gives it.
    pub fn check_digest(&self, year: i32, digest: &Hash) -> Result<SealDigest, CoreError> {
        let found = self
            .seals_of(year)?
            .into_iter()
            .rev()
            .find(|s| s.digest == *digest);
        let Some(seal) = found else {
            return Err(CoreError::SealCheck(SealCheck::NoSuchSeal {
                year,
                digest: *digest,
            }));
        };
        if !self.still_holds(&seal)? {
            // Name the archive's own fault when it has one.
            self.archive(year)?;
            return Err(CoreError::SealCheck(SealCheck::Changed {
                year,
                digest: *digest,
            }));
        }
        Ok(seal)
    }

    /// `verify`: the hash chain, every archive against its seal and the
    /// digest the ledger recorded, and the entries an inspector must see
    /// (forced restores, reopened years).
    pub fn audit(&self) -> Result<Audit, CoreError> {
        let summary = self.verify()?;
        let archives: Vec<SealDigest> = self.archives()?.into_iter().map(|a| a.seal).collect();
        // Each archive must hold the seal the hash-chained journal recorded,
        // not only the digest the database keeps beside it.
        for seal in &archives {
            if self.seals_of(seal.year)?.last() != Some(seal) {
                return Err(CoreError::SealCheck(SealCheck::Changed {
                    year: seal.year,
                    digest: seal.digest,
                }));
            }
        }
        let notices = self
            .store
            .journal(0)?
            .into_iter()
            .filter(|e| match e.action {
                Action::ReopenYear => true,
                Action::RestoreBackup => e
                    .after
                    .as_deref()
                    .and_then(|a| serde_json::from_str::<RestoreNote>(a).ok())
                    .is_some_and(|n| n.forced.is_some()),
                _ => false,
            })
            .collect();
        Ok(Audit {
            summary,
            archives,
            notices,
        })
    }
}

/// What `verify` found: an intact chain, the archives that hold, and the
/// entries an inspector must see.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Audit {
    pub summary: Summary,
    pub archives: Vec<SealDigest>,
    /// Forced restores and reopened years, oldest first.
    pub notices: Vec<JournalEntry>,
}
