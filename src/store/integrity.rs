//! Write failures said plainly: a full disk or a read-only file system becomes
//! an `Io` error that names the ledger, the cause and the fix. sled has
//! already refused the write, so what was saved before stays as it was.

use std::io::{Error, ErrorKind};
use std::path::Path;

use crate::core::error::StoreError;

/// `source` with a plain message and the fix, for the kinds a user can fix
/// (full disk, quota, read-only file system); other errors pass unchanged.
/// sled wraps OS errors as `Custom { error: "Os { .. }" }`, which reads badly.
pub(crate) fn explain_io(source: Error) -> Error {
    let text = match source.kind() {
        ErrorKind::StorageFull => "No space left on device — free space and try again",
        ErrorKind::QuotaExceeded => {
            "disk quota exceeded — free space or ask for a larger quota, then try again"
        }
        ErrorKind::ReadOnlyFilesystem => {
            "read-only file system — remount it read-write or choose another --db path, then try again"
        }
        _ => return source,
    };
    Error::new(source.kind(), text)
}

/// A failed write to the ledger at `path` (sled's flush, or a write that
/// sled refuses after an earlier failure).
pub(super) fn write_failure(path: &Path, e: sled::Error) -> StoreError {
    match e {
        sled::Error::Io(source) => StoreError::Io {
            context: format!("writing the ledger at {}", path.display()),
            source: explain_io(source),
        },
        other => super::open::sled_error(other),
    }
}

/// Whether `e` is a write refused by the disk: full, over quota or read-only.
pub fn is_disk_refusal(e: &StoreError) -> bool {
    matches!(e, StoreError::Io { source, .. } if matches!(
        source.kind(),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::ReadOnlyFilesystem
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_disk_names_the_ledger_and_the_fix() {
        let e = write_failure(
            Path::new("/srv/ledger"),
            sled::Error::Io(Error::new(ErrorKind::StorageFull, "Os { code: 28 }")),
        );
        assert_eq!(
            e.to_string(),
            "writing the ledger at /srv/ledger: No space left on device — free space and try again"
        );
        assert!(is_disk_refusal(&e));
    }

    #[test]
    fn other_errors_keep_their_text() {
        let e = explain_io(Error::new(ErrorKind::NotFound, "gone"));
        assert_eq!(e.to_string(), "gone");
    }
}
