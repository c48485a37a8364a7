//! Opening sled safely: clear the leftovers of a crashed open, run sled's own
//! open on a worker thread under a time limit (a damaged file can hang it), and
//! turn sled's failures into `StoreError`s that say what to do.

use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::lock::LedgerLock;
use super::permissions::io_err;
use crate::core::error::StoreError;

/// How to open a ledger; `Default` is what the app uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenOptions {
    /// Give up on a sled open that takes longer than this.
    pub timeout: Duration,
    /// Take today's automatic backup while opening. The ledger service
    /// turns this off and takes it once it has answered its first client.
    pub daily_backup: bool,
}

impl Default for OpenOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            daily_backup: true,
        }
    }
}

/// The sled database and its trees (see the layout in `store`).
#[derive(Debug, Clone)]
pub(super) struct Trees {
    pub path: std::path::PathBuf,
    pub db: sled::Db,
    pub meta: sled::Tree,
    pub people: sled::Tree,
    pub records: sled::Tree,
    pub record_keys: sled::Tree,
    /// fix id (u64) → enveloped JSON `FixItem` (since v4).
    pub fixes: sled::Tree,
    /// record id (u64) ++ correction id (u64) → enveloped JSON `Correction` (since v4).
    pub corrections: sled::Tree,
}

impl Trees {
    /// Open the trees of the sled database at `dir`. Used by `open_sled` and
    /// by tests of the migration steps.
    pub(super) fn open(dir: &Path) -> Result<Self, StoreError> {
        // No periodic flusher: every write is flushed before it returns
        // (`Store`), and an idle ledger service must not wake to flush.
        let db = sled::Config::new()
            .path(dir)
            .flush_every_ms(None)
            .open()
            .map_err(|e| open_error(dir, e))?;
        let tree = |name: &str| db.open_tree(name).map_err(|e| open_error(dir, e));
        Ok(Self {
            meta: tree("meta")?,
            people: tree("people")?,
            records: tree("records")?,
            record_keys: tree("record_keys")?,
            fixes: tree("fixes")?,
            corrections: tree("corrections")?,
            path: dir.to_path_buf(),
            db,
        })
    }

    pub(super) fn flush(&self) -> Result<(), StoreError> {
        self.db
            .flush()
            .map_err(|e| super::integrity::write_failure(&self.path, e))?;
        Ok(())
    }
}

/// Remove `snap.*.generating` files: a crash while sled writes a snapshot
/// leaves one behind and sled 0.34 then fails to open (sled #1527, #1533).
/// Call only while holding the ledger lock.
pub(super) fn remove_partial_snapshots(dir: &Path) -> Result<(), StoreError> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        io_err(
            format!("cannot list the ledger directory {}", dir.display()),
            e,
        )
    })?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            let path = entry.path();
            std::fs::remove_file(&path).map_err(|e| {
                io_err(
                    format!("cannot remove the unfinished snapshot {}", path.display()),
                    e,
                )
            })?;
        }
    }
    Ok(())
}

/// Open sled on a worker thread and wait at most `timeout`. The worker owns
/// `lock` until sled is open, so a hung open keeps the ledger locked.
pub(super) fn open_sled(
    dir: &Path,
    lock: LedgerLock,
    timeout: Duration,
) -> Result<(Trees, LedgerLock), StoreError> {
    let (tx, rx) = mpsc::channel();
    let worker_dir = dir.to_path_buf();
    // Give up on sled's own lock well before the time limit, so that a
    // foreign holder is reported as `Locked`, not as a hang.
    let deadline = Instant::now() + (timeout / 2).min(Duration::from_secs(2));
    let handle = std::thread::Builder::new()
        .name("taizhang-open".into())
        .spawn(move || {
            let opened = open_retrying(&worker_dir, deadline).map(|trees| (trees, lock));
            // The receiver is gone only after a timeout; dropping is right then.
            let _ = tx.send(opened);
        })
        .map_err(|e| io_err("cannot start the thread that opens the ledger".into(), e))?;
    match rx.recv_timeout(timeout) {
        Ok(opened) => opened,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(StoreError::OpenTimeout {
            path: dir.to_path_buf(),
            secs: timeout.as_secs(),
        }),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            // The worker ended without an answer: sled panicked.
            let why = match handle.join() {
                Err(payload) => panic_text(payload.as_ref()),
                Ok(()) => String::from("no answer"),
            };
            Err(corrupt(dir, &format!("the database engine failed: {why}")))
        }
    }
}

/// A previous `SledStore` of this process may still be closing (sled releases
/// its file lock when its last thread ends); we hold the ledger lock, so
/// retrying sled's own lock until the deadline is safe.
fn open_retrying(dir: &Path, deadline: Instant) -> Result<Trees, StoreError> {
    loop {
        match Trees::open(dir) {
            Err(StoreError::Locked { .. }) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an unknown panic".into())
}

fn corrupt(dir: &Path, what: &str) -> StoreError {
    StoreError::Corrupt(format!(
        "the ledger database at {} is damaged ({what}); {}",
        dir.display(),
        super::codec::RESTORE_HINT
    ))
}

/// A sled failure while opening the ledger at `dir`.
fn open_error(dir: &Path, e: sled::Error) -> StoreError {
    match e {
        sled::Error::Io(io) if io.to_string().contains("could not acquire lock") => {
            StoreError::Locked {
                path: dir.to_path_buf(),
                holder: "another program has the sled database open".into(),
            }
        }
        sled::Error::Io(io) => io_err(
            format!("cannot open the ledger database at {}", dir.display()),
            io,
        ),
        sled::Error::Corruption { at, .. } => corrupt(
            dir,
            &at.map_or_else(|| "bad data".into(), |at| format!("bad data at {at:?}")),
        ),
        // `Unsupported`: sled's own files claim a format it does not read (a
        // changed or damaged `conf`): unreadable as it stands, so damaged.
        sled::Error::ReportableBug(msg) | sled::Error::Unsupported(msg) => corrupt(dir, &msg),
        other @ sled::Error::CollectionNotFound(_) => StoreError::Db(format!(
            "cannot open the ledger database at {}: {other}",
            dir.display()
        )),
    }
}

/// A sled failure after the ledger is open.
pub(super) fn sled_error(e: sled::Error) -> StoreError {
    match e {
        sled::Error::Corruption { at, .. } => StoreError::Corrupt(format!(
            "the ledger database is damaged ({}); {}",
            at.map_or_else(|| "bad data".into(), |at| format!("bad data at {at:?}")),
            super::codec::RESTORE_HINT
        )),
        sled::Error::Io(source) => StoreError::Io {
            context: "cannot read or write the ledger database".into(),
            source: super::integrity::explain_io(source),
        },
        other => StoreError::Db(other.to_string()),
    }
}
