//! Rotating backups of a ledger (`core::Backup`, the `export` format, gzip
//! compressed) in `LEDGER/backups/` (0700, files 0600): one automatic backup
//! a day (the service takes it off the request path, from a snapshot), plus
//! manual ones; each written atomically. Sealed years are not copied: they
//! stay in their archives, which a restore checks are there.
//!
//! A file is named `KIND-YYYYMMDD-HHMMSS-CRC.json.gz` (`.json` before
//! compression, still read), where CRC is the CRC32 of its bytes, so that a
//! damaged or cut-short file is refused before restoring.

mod aside;
pub(super) mod atomic;
mod format;
mod name;

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::permissions::{create_private_dir, io_err};
use crate::core::error::StoreError;
use crate::core::port::{Backup, Store};

pub use aside::move_aside;

/// The directory inside a ledger that holds its backups.
pub const BACKUP_DIR: &str = "backups";
/// Automatic backups kept (one a day at most).
pub const KEEP_DAILY: usize = 14;
/// Backups taken with `taizhang backup now` kept.
pub const KEEP_MANUAL: usize = 5;
/// Backups of the replaced ledger taken before each restore, kept.
pub const KEEP_SAFETY: usize = 5;

/// Why a backup was taken; each kind rotates on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The automatic backup of the day, taken when the ledger is opened.
    Daily,
    /// `taizhang backup now`.
    Manual,
    /// The ledger as it was just before a restore replaced it.
    Safety,
}

impl Kind {
    pub fn keep(self) -> usize {
        match self {
            Kind::Daily => KEEP_DAILY,
            Kind::Manual => KEEP_MANUAL,
            Kind::Safety => KEEP_SAFETY,
        }
    }
}

/// One backup file found in the backup directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    pub kind: Kind,
    /// Local time the backup was taken (from the file name).
    pub taken: NaiveDateTime,
    /// The CRC32 its name promises for its bytes.
    pub crc: u32,
    pub bytes: u64,
}

/// Why a backup file cannot be restored.
#[derive(Debug, thiserror::Error)]
pub enum BadFile {
    #[error("cannot read it: {0}")]
    Unreadable(#[source] std::io::Error),
    #[error("it is cut short (it ends at line {line}, column {column})")]
    Truncated { line: usize, column: usize },
    #[error("it is not a taizhang backup (line {line}, column {column}: {message})")]
    NotBackup {
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "its bytes changed since it was written (CRC32 {found:08x}, its name says {expected:08x})"
    )]
    Checksum { expected: u32, found: u32 },
    #[error("it is cut short (its compressed data ends early)")]
    CutCompressed,
    #[error("its compressed data is damaged ({0})")]
    BadCompression(String),
}

/// `LEDGER/backups`.
pub fn backup_dir(ledger: &Path) -> PathBuf {
    ledger.join(BACKUP_DIR)
}

/// Every backup of the ledger at `ledger`, oldest first. A missing backup
/// directory is an empty list; files that are not backups are ignored.
pub fn list(ledger: &Path) -> Result<Vec<BackupFile>, StoreError> {
    let dir = backup_dir(ledger);
    match std::fs::symlink_metadata(&dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        // Never a link, and the ledger owner's (links inside are skipped below).
        _ => crate::store::files::check_dir(&dir, crate::store::files::ledger_owner(ledger)?)?,
    }
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(io_err(
                format!("cannot list the backups in {}", dir.display()),
                e,
            ));
        }
    };
    let mut found: Vec<BackupFile> = entries
        .flatten()
        .filter_map(|entry| {
            let parsed = name::parse(&entry.file_name().to_string_lossy())?;
            let bytes = entry
                .metadata()
                .ok()
                .filter(std::fs::Metadata::is_file)?
                .len();
            Some(BackupFile {
                path: entry.path(),
                kind: parsed.kind,
                taken: parsed.taken,
                crc: parsed.crc,
                bytes,
            })
        })
        .collect();
    found.sort_by(|a, b| (a.taken, &a.path).cmp(&(b.taken, &b.path)));
    Ok(found)
}

/// The newest daily or manual backup: what `backup restore` uses by default.
/// Safety backups are left out, so that repeating a restore repeats it.
pub fn latest(ledger: &Path) -> Result<Option<BackupFile>, StoreError> {
    Ok(list(ledger)?
        .into_iter()
        .rev()
        .find(|b| b.kind != Kind::Safety))
}

/// Export `store` into a new backup of `kind` taken at `now`, then drop the
/// oldest of that kind beyond its `keep`.
pub fn take(
    store: &impl Store,
    ledger: &Path,
    kind: Kind,
    now: NaiveDateTime,
) -> Result<BackupFile, StoreError> {
    write(&snapshot(store)?, ledger, kind, now)
}

/// What a backup holds: the open years (sealed ones stay in their archive
/// files beside the database) and the journal, so a restore continues the
/// hash chain.
pub fn snapshot(store: &impl Store) -> Result<Backup, StoreError> {
    crate::core::restore::backup_of(store)
}

/// Write `backup` as a new backup file of `kind`, then rotate that kind.
pub fn write(
    backup: &Backup,
    ledger: &Path,
    kind: Kind,
    now: NaiveDateTime,
) -> Result<BackupFile, StoreError> {
    let dir = backup_dir(ledger);
    create_private_dir(&dir)?;
    crate::store::files::check_dir(&dir, crate::store::files::ledger_owner(ledger)?)?;
    atomic::remove_leftovers(&dir)?;
    let text = format::encode(backup)?;
    let crc = crc32fast::hash(&text);
    let path = dir.join(name::format(kind, now, crc));
    atomic::write(&path, &text)?;
    rotate(ledger, kind)?;
    Ok(BackupFile {
        path,
        kind,
        taken: now,
        crc,
        bytes: text.len() as u64,
    })
}

/// The automatic backup: at most one a day, and none of an empty ledger.
/// Returns the file written, if any.
pub fn daily(
    store: &impl Store,
    ledger: &Path,
    now: NaiveDateTime,
) -> Result<Option<BackupFile>, StoreError> {
    if !daily_due(ledger, now)? {
        return Ok(None);
    }
    write_daily(&snapshot(store)?, ledger, now)
}

/// No automatic backup was taken on `now`'s day yet.
pub fn daily_due(ledger: &Path, now: NaiveDateTime) -> Result<bool, StoreError> {
    let today = now.date();
    Ok(!list(ledger)?
        .iter()
        .any(|b| b.kind == Kind::Daily && b.taken.date() == today))
}

/// Write `backup` (a snapshot taken earlier) as the automatic backup of
/// `now`'s day, unless the ledger was empty.
pub fn write_daily(
    backup: &Backup,
    ledger: &Path,
    now: NaiveDateTime,
) -> Result<Option<BackupFile>, StoreError> {
    if backup.people.is_empty() && backup.records.is_empty() {
        return Ok(None);
    }
    write(backup, ledger, Kind::Daily, now).map(Some)
}

/// The hook `SledStore::open` calls: today's automatic backup, best effort.
/// A failure here must not keep the ledger from opening; a day without a
/// backup shows in `taizhang backup list`.
pub(super) fn on_open(store: &impl Store, ledger: &Path) {
    let _ = daily(store, ledger, chrono::Local::now().naive_local());
}

fn rotate(ledger: &Path, kind: Kind) -> Result<(), StoreError> {
    let mut same: Vec<BackupFile> = list(ledger)?
        .into_iter()
        .filter(|b| b.kind == kind)
        .collect();
    let excess = same.len().saturating_sub(kind.keep());
    for old in same.drain(..excess) {
        std::fs::remove_file(&old.path).map_err(|e| {
            io_err(
                format!("cannot remove the old backup {}", old.path.display()),
                e,
            )
        })?;
    }
    Ok(())
}

/// Read a backup file and check it: the CRC its name promises (if it has
/// one, as files written by `write` do), its compression (if compressed) and
/// its JSON shape. The content's coherence is checked by `Ledger::import`.
pub fn read(path: &Path) -> Result<Backup, BadFile> {
    let bytes = checked_bytes(path)?;
    let text = format::json(&bytes)?;
    serde_json::from_slice(&text).map_err(|e| {
        if e.is_eof() {
            BadFile::Truncated {
                line: e.line(),
                column: e.column(),
            }
        } else {
            BadFile::NotBackup {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            }
        }
    })
}

/// The JSON text of a backup file, decompressed if it is compressed, after
/// the CRC check `read` makes: for tools (and tests) that look inside.
pub fn json_of(path: &Path) -> Result<Vec<u8>, BadFile> {
    let bytes = checked_bytes(path)?;
    Ok(format::json(&bytes)?.into_owned())
}

/// The bytes of a backup file, checked against the CRC its name promises.
fn checked_bytes(path: &Path) -> Result<Vec<u8>, BadFile> {
    let bytes = std::fs::read(path).map_err(BadFile::Unreadable)?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    if let Some(parsed) = file_name.as_deref().and_then(name::parse) {
        let found = crc32fast::hash(&bytes);
        if found != parsed.crc {
            return Err(BadFile::Checksum {
                expected: parsed.crc,
                found,
            });
        }
    }
    Ok(bytes)
}
