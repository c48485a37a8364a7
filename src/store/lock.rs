//! Our own ledger lock, so that one taizhang process at a time writes a ledger:
//! an exclusive, non-blocking flock on `PATH/taizhang.lock`, taken before sled
//! opens. The file names its holder, so that a refused open can say who it is.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use fs2::FileExt;

use super::permissions::io_err;
use crate::core::error::StoreError;

/// The lock file's name inside the ledger directory.
pub const LOCK_FILE: &str = "taizhang.lock";

/// Held while a `SledStore` is open; dropping it releases the ledger.
#[derive(Debug)]
pub(super) struct LedgerLock {
    /// `None` once handed on as a plain file (`HeldLock::into_file`).
    file: Option<File>,
}

/// The ledger lock with no store open: the ledger service keeps it while it
/// closes sled and re-executes itself, so that nobody takes the ledger in
/// between. Dropping it releases the ledger.
#[derive(Debug)]
pub struct HeldLock(pub(super) LedgerLock);

impl HeldLock {
    /// The lock file, still locked: the flock lives as long as this open
    /// file description does (in this process or one it executes).
    pub fn into_file(mut self) -> Option<File> {
        self.0.file.take()
    }

    /// Take over `file`, handed on by `into_file`, as the lock of the ledger
    /// at `dir`: it must be that ledger's lock file, and locking it again
    /// must succeed (it does at once when this description holds the lock).
    pub fn adopt(dir: &Path, file: File) -> Result<Self, StoreError> {
        use std::os::unix::fs::MetadataExt;
        let path = dir.join(LOCK_FILE);
        let inherited = file.metadata().map_err(|e| {
            io_err(
                format!("cannot inspect the handed-over lock of {}", dir.display()),
                e,
            )
        })?;
        let on_disk = std::fs::symlink_metadata(&path)
            .map_err(|e| io_err(format!("cannot inspect {}", path.display()), e))?;
        if (inherited.dev(), inherited.ino()) != (on_disk.dev(), on_disk.ino()) {
            return Err(StoreError::Db(format!(
                "the lock handed over is not {}; start the service again",
                path.display()
            )));
        }
        if let Err(e) = file.try_lock_exclusive() {
            if is_contended(&e) {
                return Err(StoreError::Locked {
                    path: dir.to_path_buf(),
                    holder: "another process took the ledger while the service restarted".into(),
                });
            }
            return Err(io_err(format!("cannot lock {}", path.display()), e));
        }
        Ok(Self(LedgerLock { file: Some(file) }))
    }
}

impl LedgerLock {
    /// Take the lock of the ledger directory `dir`, or say who holds it.
    pub(super) fn acquire(dir: &Path) -> Result<Self, StoreError> {
        let path = dir.join(LOCK_FILE);
        // Never through a link, only the owner's file, and owner-only: a
        // member with a handle on it could flock it and lock everyone out.
        let owner = super::files::ledger_owner(dir)?;
        let mut file = super::files::open_or_create(&path, 0o600, false, owner)?;
        file.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .map_err(|e| {
                io_err(
                    format!("cannot set the permissions of {}", path.display()),
                    e,
                )
            })?;
        if let Err(e) = file.try_lock_exclusive() {
            if is_contended(&e) {
                let mut text = String::new();
                // A holder that is still writing its name leaves the file empty.
                let _ = file.read_to_string(&mut text);
                return Err(StoreError::Locked {
                    path: dir.to_path_buf(),
                    holder: describe(&text),
                });
            }
            return Err(io_err(format!("cannot lock {}", path.display()), e));
        }
        let write = |file: &mut File| -> std::io::Result<()> {
            file.set_len(0)?;
            file.seek(SeekFrom::Start(0))?;
            // Not synced: the holder's name is advice, and the lock itself
            // lives in the kernel, not in the file.
            file.write_all(holder_record().as_bytes())
        };
        write(&mut file)
            .map_err(|e| io_err(format!("cannot write the lock file {}", path.display()), e))?;
        Ok(Self { file: Some(file) })
    }
}

impl Drop for LedgerLock {
    fn drop(&mut self) {
        // Clear the holder's name so that nobody reads stale information,
        // then release; closing the file would release it too.
        if let Some(file) = &self.file {
            let _ = file.set_len(0);
            let _ = FileExt::unlock(file);
        }
    }
}

fn is_contended(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::WouldBlock
        || e.raw_os_error() == fs2::lock_contended_error().raw_os_error()
}

/// `key=value` lines naming this process.
fn holder_record() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_default();
    let started = chrono::Local::now().format("%Y-%m-%d %H:%M:%S %:z");
    format!(
        "pid={}\nuser={user}\nhost={}\nstarted={started}\n",
        std::process::id(),
        host_name()
    )
}

fn host_name() -> String {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|p| {
            std::fs::read_to_string(p)
                .ok()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
        })
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_default()
}

/// A one-line description of the holder recorded in the lock file.
fn describe(text: &str) -> String {
    let field = |key: &str| {
        text.lines()
            .filter_map(|l| l.split_once('='))
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    };
    let Some(pid) = field("pid") else {
        return "holder unknown".to_owned();
    };
    let who = match (field("user"), field("host")) {
        (Some(user), Some(host)) => format!(", {user}@{host}"),
        (Some(user), None) => format!(", user {user}"),
        (None, Some(host)) => format!(", host {host}"),
        (None, None) => String::new(),
    };
    let since = field("started").map_or_else(String::new, |s| format!(", since {s}"));
    format!("pid {pid}{who}{since}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_reads_what_holder_record_writes() {
        let text = describe(&holder_record());
        assert!(
            text.starts_with(&format!("pid {}", std::process::id())),
            "{text}"
        );
        assert!(text.contains("since "), "{text}");
    }

    #[test]
    fn describe_copes_with_an_empty_or_partial_file() {
        assert_eq!(describe(""), "holder unknown");
        assert_eq!(describe("pid=7\nuser=ann\n"), "pid 7, user ann");
    }
}
