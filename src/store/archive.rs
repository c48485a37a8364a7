//! Archive files of sealed years: `LEDGER/archive/year-YYYY.json.gz`, the
//! JSON of a `core::archive::YearArchive`, gzip-compressed (so `zcat` reads
//! it), written once, atomically, with the ledger's file mode, and never
//! rewritten. A load checks the file's SHA-256 against what the ledger
//! recorded, then the seal against the content; a reopened year's file is
//! kept aside as `year-YYYY.reopened-SEQ.json.gz`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use sha2::{Digest, Sha256};

use super::permissions::{create_private_dir, io_err, set_mode};
use super::sharing::Sharing;
use crate::core::archive::{ArchiveFault, ArchiveRef, YearArchive};
use crate::core::error::StoreError;
use crate::core::journal::Hash;

/// The directory inside a ledger that holds the archives.
pub const ARCHIVE_DIR: &str = "archive";

/// An archive is decompressed up to this size at most (a year of a large
/// branch is a few MB), so a crafted file cannot exhaust memory.
const MAX_BYTES: u64 = 1 << 30;
/// The most room made ahead for an archive's content (real ones hold
/// well under a megabyte a year).
const PRESIZE: u64 = 64 << 20;

/// `LEDGER/archive/year-YYYY.json.gz`.
pub fn path_of(ledger: &Path, year: i32) -> PathBuf {
    ledger
        .join(ARCHIVE_DIR)
        .join(format!("year-{year}.json.gz"))
}

fn sha256(bytes: &[u8]) -> Hash {
    Hash(Sha256::digest(bytes).into())
}

fn refused(ledger: &Path, year: i32, fault: ArchiveFault) -> StoreError {
    StoreError::Archive {
        year,
        path: path_of(ledger, year).display().to_string(),
        fault,
    }
}

/// Write the archive of `archive.year` and return what the ledger keeps
/// about it. An existing file of that year is replaced only when it is
/// not an intact archive (a crash may have left one for a close that did
/// not finish).
pub fn write(ledger: &Path, archive: &YearArchive) -> Result<ArchiveRef, StoreError> {
    let dir = ledger.join(ARCHIVE_DIR);
    create_private_dir(&dir)?;
    let json = serde_json::to_vec(archive)
        .map_err(|e| StoreError::Db(format!("cannot encode the archive: {e}")))?;
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    let bytes = gz
        .write_all(&json)
        .and_then(|()| gz.finish())
        .map_err(|e| io_err("compressing the archive".into(), e))?;
    let path = path_of(ledger, archive.year);
    super::backup::atomic::write(&path, &bytes)?;
    set_mode(&path, Sharing::load(ledger)?.file_mode())?;
    Ok(ArchiveRef {
        year: archive.year,
        digest: archive.seal.digest,
        sha256: sha256(&bytes),
    })
}

fn inflate(bytes: &[u8]) -> Result<Vec<u8>, ArchiveFault> {
    // The gzip trailer ends with the size of the content (mod 2^32): room
    // for it at once (up to `PRESIZE`), rather than growing and copying
    // the buffer step by step. A wrong size costs only speed.
    let said = bytes
        .last_chunk::<4>()
        .map_or(0, |size| u64::from(u32::from_le_bytes(*size)));
    let mut json = Vec::with_capacity(usize::try_from(said.min(PRESIZE)).unwrap_or(0));
    GzDecoder::new(bytes)
        .take(MAX_BYTES)
        .read_to_end(&mut json)
        .map_err(|e| ArchiveFault::Unreadable(e.to_string()))?;
    Ok(json)
}

/// Decode archive bytes and check the seal against the content.
pub fn decode(bytes: &[u8], year: i32) -> Result<YearArchive, ArchiveFault> {
    let json = inflate(bytes)?;
    let archive: YearArchive =
        serde_json::from_slice(&json).map_err(|e| ArchiveFault::Unreadable(e.to_string()))?;
    archive.check(year)?;
    Ok(archive)
}

/// Load the archive the ledger recorded as `reference`, refusing a file
/// whose bytes or seal are not the recorded ones.
pub fn load(ledger: &Path, reference: &ArchiveRef) -> Result<YearArchive, StoreError> {
    let year = reference.year;
    let bytes = match std::fs::read(path_of(ledger, year)) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(refused(ledger, year, ArchiveFault::Missing));
        }
        Err(e) => return Err(io_err(format!("cannot read the archive of {year}"), e)),
    };
    let found = sha256(&bytes);
    let archive = decode(&bytes, year).map_err(|f| refused(ledger, year, f))?;
    if archive.seal.digest != reference.digest {
        return Err(refused(
            ledger,
            year,
            ArchiveFault::NotTheSeal {
                expected: reference.digest,
                found: archive.seal.digest,
            },
        ));
    }
    if found != reference.sha256 {
        return Err(refused(
            ledger,
            year,
            ArchiveFault::Bytes {
                expected: reference.sha256,
                found,
            },
        ));
    }
    Ok(archive)
}

/// Read one archive file on its own (an inspector's copy): its year from
/// the content, checked against its own seal, and the file's SHA-256.
pub fn read_file(path: &Path) -> Result<(YearArchive, Hash), StoreError> {
    let refuse = |year: i32, fault: ArchiveFault| StoreError::Archive {
        year,
        path: path.display().to_string(),
        fault,
    };
    let bytes =
        std::fs::read(path).map_err(|e| refuse(0, ArchiveFault::Unreadable(e.to_string())))?;
    let year = peek_year(&bytes).map_err(|f| refuse(0, f))?;
    let archive = decode(&bytes, year).map_err(|f| refuse(year, f))?;
    Ok((archive, sha256(&bytes)))
}

fn peek_year(bytes: &[u8]) -> Result<i32, ArchiveFault> {
    #[derive(serde::Deserialize)]
    struct Year {
        year: i32,
    }
    serde_json::from_slice::<Year>(&inflate(bytes)?)
        .map(|y| y.year)
        .map_err(|e| ArchiveFault::Unreadable(e.to_string()))
}

/// Every archive file in the ledger's archive directory, each checked
/// against its own seal, by year: what a restore must keep sealed even when
/// the database is lost.
pub fn scan(ledger: &Path) -> Result<Vec<(ArchiveRef, YearArchive)>, StoreError> {
    let dir = ledger.join(ARCHIVE_DIR);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_err(format!("cannot list {}", dir.display()), e)),
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(year) = name
            .strip_prefix("year-")
            .and_then(|n| n.strip_suffix(".json.gz"))
            .and_then(|y| y.parse::<i32>().ok())
        else {
            continue;
        };
        let bytes = std::fs::read(entry.path())
            .map_err(|e| io_err(format!("cannot read {}", entry.path().display()), e))?;
        let archive = decode(&bytes, year).map_err(|f| refused(ledger, year, f))?;
        let reference = ArchiveRef {
            year,
            digest: archive.seal.digest,
            sha256: sha256(&bytes),
        };
        out.push((reference, archive));
    }
    out.sort_by_key(|(r, _)| r.year);
    Ok(out)
}

/// Move a reopened year's archive aside (it is never deleted).
pub fn set_aside(ledger: &Path, year: i32, seq: u64) -> Result<(), StoreError> {
    let from = path_of(ledger, year);
    let to = ledger
        .join(ARCHIVE_DIR)
        .join(format!("year-{year}.reopened-{seq}.json.gz"));
    std::fs::rename(&from, &to)
        .map_err(|e| io_err(format!("cannot move {} aside", from.display()), e))
}
