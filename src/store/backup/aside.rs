//! Moving a damaged database out of the way before a restore: everything in
//! the ledger directory but its backups and archives goes to `damaged-YYYYMMDD-HHMMSS/`,
//! so nothing is deleted and a fresh ledger can be created in its place.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::BACKUP_DIR;
use crate::core::error::StoreError;
use crate::store::lock::{LOCK_FILE, LedgerLock};
use crate::store::permissions::{create_private_dir, io_err};

/// The prefix of the directories damaged databases are moved into.
pub const DAMAGED_PREFIX: &str = "damaged-";

/// Move the database files of the ledger at `ledger` into a new
/// `damaged-…` directory inside it and return that directory.
///
/// With `take_lock`, the ledger lock is held while moving (its file stays),
/// so a ledger in use by another process is refused as `Locked`. Without it (after an open
/// that timed out, whose abandoned attempt still holds the lock) the lock
/// file is moved too, and the next open starts a new one.
pub fn move_aside(
    ledger: &Path,
    now: NaiveDateTime,
    take_lock: bool,
) -> Result<PathBuf, StoreError> {
    let lock = if take_lock {
        Some(LedgerLock::acquire(ledger)?)
    } else {
        None
    };
    let stamp = now.format("%Y%m%d-%H%M%S");
    let mut target = ledger.join(format!("{DAMAGED_PREFIX}{stamp}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = ledger.join(format!("{DAMAGED_PREFIX}{stamp}-{n}"));
    }
    create_private_dir(&target)?;
    let entries = std::fs::read_dir(ledger).map_err(|e| {
        io_err(
            format!("cannot list the ledger directory {}", ledger.display()),
            e,
        )
    })?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let text = name.to_string_lossy();
        let held = take_lock && text == LOCK_FILE;
        // Archives stay: a sealed year outlives a damaged database.
        let archive = text == crate::store::archive::ARCHIVE_DIR;
        if held || archive || text == BACKUP_DIR || text.starts_with(DAMAGED_PREFIX) {
            continue;
        }
        let to = target.join(&name);
        std::fs::rename(entry.path(), &to).map_err(|e| {
            io_err(
                format!(
                    "cannot move {} aside to {}",
                    entry.path().display(),
                    to.display()
                ),
                e,
            )
        })?;
    }
    drop(lock);
    Ok(target)
}
