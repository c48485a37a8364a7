//! A sealed year as one value: its records and rectification items with the
//! roster and catalogue as they stood, under a seal that covers all of them.
//! Closing a year moves it out of the live store into one; `check` recomputes
//! the seal, so a changed archive is refused wherever it is read.

use std::collections::BTreeMap;

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use super::error::{Sealed, StoreError};
use super::fix::FixItem;
use super::journal::{Hash, SealContents, SealDigest};
use super::port::Backup;
use super::record::Record;
use super::roster::{Person, Roster};

/// Version of the archive layout; a newer one is refused, not misread.
pub const ARCHIVE_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearArchive {
    pub format: u32,
    pub year: i32,
    /// The seal over everything below, bound to the journal head at closing.
    pub seal: SealDigest,
    /// The catalogue (quotas) the year is judged by.
    pub catalogue: Catalogue,
    /// The whole roster as it stood when the year was closed.
    pub people: Vec<Person>,
    /// The year's records, by date then id.
    pub records: Vec<Record>,
    /// The year's rectification items (after open ones were carried over), by id.
    pub fixes: Vec<FixItem>,
}

/// Why an archive is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ArchiveFault {
    /// The file is gone.
    #[error("the archive file is missing")]
    Missing,
    /// It cannot be read, decompressed or parsed.
    #[error("it cannot be read ({0})")]
    Unreadable(String),
    /// Written by a newer taizhang.
    #[error("it has format {0}, newer than this taizhang reads")]
    TooNew(u32),
    /// It holds another year.
    #[error("it holds the year {0}")]
    WrongYear(i32),
    /// Its content no longer gives its own seal.
    #[error("its content no longer matches its seal (digest {found}, sealed {expected})")]
    Content { expected: Hash, found: Hash },
    /// Its seal is not the one the ledger journaled when closing the year.
    #[error("its seal {found} is not the one the ledger recorded ({expected})")]
    NotTheSeal { expected: Hash, found: Hash },
    /// The file's bytes are not the ones written (SHA-256 of the file).
    #[error("its bytes changed since it was written (SHA-256 {found}, recorded {expected})")]
    Bytes { expected: Hash, found: Hash },
}

impl YearArchive {
    /// Seal `year` with the given content on the journal head `(seq, hash)`.
    pub fn build(
        year: i32,
        catalogue: Catalogue,
        mut people: Vec<Person>,
        mut records: Vec<Record>,
        mut fixes: Vec<FixItem>,
        head: (u64, Hash),
    ) -> Result<Self, StoreError> {
        people.sort_by_key(|p| p.id);
        records.sort_by_key(|r| (r.date, r.id));
        fixes.sort_by_key(|f| f.id);
        let contents = SealContents::of(&fixes, &people, &catalogue)?;
        let seal = SealDigest::new(year, &records, Some(contents), head.0, head.1)?;
        Ok(YearArchive {
            format: ARCHIVE_FORMAT,
            year,
            seal,
            catalogue,
            people,
            records,
            fixes,
        })
    }

    /// Recompute the seal from the content: `Ok` when it is the archive of
    /// `year` and nothing in it changed since it was sealed.
    pub fn check(&self, year: i32) -> Result<(), ArchiveFault> {
        if self.format > ARCHIVE_FORMAT {
            return Err(ArchiveFault::TooNew(self.format));
        }
        if self.year != year || self.seal.year != year {
            return Err(ArchiveFault::WrongYear(self.year));
        }
        let bad = |e: StoreError| ArchiveFault::Unreadable(e.to_string());
        let contents = SealContents::of(&self.fixes, &self.people, &self.catalogue).map_err(bad)?;
        let again = SealDigest::new(
            year,
            &self.records,
            Some(contents),
            self.seal.head_seq,
            self.seal.head,
        )
        .map_err(bad)?;
        if again != self.seal || self.records.iter().any(|r| r.date.year() != year) {
            return Err(ArchiveFault::Content {
                expected: self.seal.digest,
                found: again.digest,
            });
        }
        Ok(())
    }

    pub fn roster(&self) -> Roster {
        Roster::new(self.people.clone())
    }

    /// The highest id the archive holds (records, items, people).
    pub fn max_id(&self) -> u64 {
        let records = self.records.iter().map(|r| r.id.0);
        let fixes = self.fixes.iter().map(|f| f.id.0);
        let people = self.people.iter().map(|p| u64::from(p.id.0));
        records.chain(fixes).chain(people).max().unwrap_or(0)
    }

    /// The first thing `backup` would change in this sealed year, if any. A
    /// file holding nothing of the year leaves it alone (daily backups leave
    /// sealed years out); one that holds any of it must hold it exactly.
    pub fn changed_by(&self, backup: &Backup) -> Option<Sealed> {
        let year = self.year;
        let records: BTreeMap<_, _> = backup
            .records
            .iter()
            .filter(|r| r.date.year() == year)
            .map(|r| (r.id, r))
            .collect();
        let fixes: BTreeMap<_, _> = backup
            .fixes
            .iter()
            .filter(|f| f.year == year)
            .map(|f| (f.id, f))
            .collect();
        if records.is_empty() && fixes.is_empty() {
            return None;
        }
        let mine: BTreeMap<_, _> = self.records.iter().map(|r| (r.id, r)).collect();
        for id in mine.keys().chain(records.keys()) {
            if mine.get(id) != records.get(id) {
                return Some(Sealed::Record(Some(*id)));
            }
        }
        let mine: BTreeMap<_, _> = self.fixes.iter().map(|f| (f.id, f)).collect();
        for id in mine.keys().chain(fixes.keys()) {
            if mine.get(id) != fixes.get(id) {
                return Some(Sealed::Fix(*id));
            }
        }
        None
    }
}

/// What the live store keeps about an archived year: the seal digest it
/// journaled and the SHA-256 of the archive file's bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveRef {
    pub year: i32,
    pub digest: Hash,
    pub sha256: Hash,
}
