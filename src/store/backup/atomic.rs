//! Writing a backup so that a crash leaves either the whole file or none:
//! a private temporary file, fsync, rename into place, fsync the directory.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

use crate::core::error::StoreError;
use crate::store::permissions::io_err;

const TMP_SUFFIX: &str = ".tmp";

/// Write `bytes` to `path` (mode 0600) atomically.
pub(in crate::store) fn write(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}{TMP_SUFFIX}"));
    let result = write_synced(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .and_then(|()| File::open(dir)?.sync_all());
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io_err(format!("writing the backup {}", path.display()), e)
    })
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // A fresh file, never a link someone left at the temporary name.
    let _ = std::fs::remove_file(path);
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(nix::libc::O_NOFOLLOW);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Remove temporary files a crash left in the backup directory `dir`.
pub(super) fn remove_leftovers(dir: &Path) -> Result<(), StoreError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| io_err(format!("cannot list the backups in {}", dir.display()), e))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') && name.ends_with(TMP_SUFFIX) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    Ok(())
}
