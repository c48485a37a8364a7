//! Room on the disk before a write. sled 0.34 can wait for good when a write
//! meets a full disk (a later flush waits for a log buffer that is never
//! written, and every other client waits behind it), so a write is refused
//! before sled sees it unless the disk keeps `RESERVE` free beyond what the
//! write needs. A write refused here changed nothing, and the next one
//! succeeds as soon as space is freed.

use std::io::{Error, ErrorKind};
use std::path::Path;

use crate::core::error::StoreError;

/// What a write leaves free at least: room for sled's log segments, its
/// snapshot and the journal entry, with a margin.
pub const RESERVE: u64 = 8 * 1024 * 1024;

/// Bytes free for this user on the file system holding `dir`, if known.
pub fn free_bytes(dir: &Path) -> Option<u64> {
    let stat = nix::sys::statvfs::statvfs(dir).ok()?;
    stat.blocks_available().checked_mul(stat.fragment_size())
}

/// `Ok` when the disk holding `dir` has `need` bytes plus the reserve free
/// (or cannot say); otherwise the full-disk error, naming the ledger.
pub fn ensure_room(dir: &Path, need: u64) -> Result<(), StoreError> {
    let Some(free) = free_bytes(dir) else {
        return Ok(());
    };
    let want = need.saturating_add(RESERVE);
    if free >= want {
        return Ok(());
    }
    Err(StoreError::Io {
        context: format!(
            "writing the ledger at {} ({} KiB free; taizhang keeps {} KiB free so that no write is cut off halfway)",
            dir.display(),
            free / 1024,
            want / 1024
        ),
        source: super::integrity::explain_io(Error::from(ErrorKind::StorageFull)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_past_the_free_space_is_refused_as_a_full_disk() {
        let dir = tempfile::tempdir().unwrap();
        let free = free_bytes(dir.path()).expect("statvfs on a temp dir");
        assert!(ensure_room(dir.path(), 0).is_ok() || free < RESERVE);
        let err = ensure_room(dir.path(), free).unwrap_err();
        assert!(super::super::integrity::is_disk_refusal(&err), "{err:?}");
        let text = err.to_string();
        assert!(text.contains("No space left on device"), "{text}");
        assert!(text.contains(&dir.path().display().to_string()), "{text}");
    }
}
