//! The yearly cycle: a closed year's records and rectification items are
//! read-only, and a mistake found later goes in as a dated correction
//! (更正) kept beside the record, so the year's seal stays valid.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::error::{Field, ValidationError};
use super::fix::FixId;
use super::fix::input::check_note;
use super::journal::SealDigest;
use super::record::RecordId;

/// A dated correction to a record; the record itself is left as it was.
/// Its id comes from the ledger's id space.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub id: u64,
    pub record: RecordId,
    /// The date the correction is about or was made (`amend --date`).
    pub date: NaiveDate,
    pub note: String,
    /// The Unix user who entered it, and when.
    pub by: String,
    pub at: NaiveDateTime,
}

/// Validate the text of a correction.
pub fn correction_note(text: &str) -> Result<String, ValidationError> {
    check_note(Field::Notes, text)
}

/// What `year close` did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct YearClosing {
    pub year: i32,
    pub seal: SealDigest,
    /// Open items moved into the next year.
    pub carried: Vec<FixId>,
}

/// One year as `year list` shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct YearState {
    pub year: i32,
    pub closed: bool,
    /// Sealed in an archive file (not in the live store).
    pub archived: bool,
    /// The last `reopen_year` entry, when the year was reopened after a close.
    pub reopened: Option<super::journal::JournalEntry>,
    /// The latest seal and whether the year's records still match it.
    pub seal: Option<(SealDigest, bool)>,
    pub records: usize,
    pub fixes: usize,
}

/// The note added to an item carried out of `year`.
pub fn carried_note(year: i32) -> String {
    format!("由{year}年度结转")
}

#[derive(Serialize)]
struct ClosedMarker<'a> {
    year: i32,
    closed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    digest: Option<&'a super::journal::Hash>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archive_sha256: Option<&'a super::journal::Hash>,
}

/// The `after` of a `close_year` journal entry (with the archive the year
/// went into), or of a `reopen_year` one (`closed: false`).
pub fn closed_marker(
    year: i32,
    closed: bool,
    archive: Option<&super::archive::ArchiveRef>,
) -> Result<String, super::error::StoreError> {
    super::journal::canonical(&ClosedMarker {
        year,
        closed,
        digest: archive.map(|a| &a.digest),
        archive_sha256: archive.map(|a| &a.sha256),
    })
}
