//! Keeps a ledger private to its owner: every file in it 0600 and every inner
//! directory 0700 (on Unix; elsewhere the platform's defaults stand); the
//! ledger directory itself 0700, or 2710 when `taizhang.toml` shares it with
//! a group (`sharing`). Links are never followed or changed.

use std::fs;
use std::path::Path;

use super::sharing::Sharing;
use crate::core::error::StoreError;

pub(super) fn io_err(context: String, source: std::io::Error) -> StoreError {
    StoreError::Io {
        context,
        source: super::integrity::explain_io(source),
    }
}

/// Create `dir` (and its parents) if needed, then make it 0700 (or 2750 when
/// shared with a group).
pub(super) fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| {
            io_err(
                format!("cannot create the directory {}", parent.display()),
                e,
            )
        })?;
    }
    let sharing = Sharing::load(dir)?;
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(dir) {
        Ok(()) => {}
        // An existing directory, but never a link to one.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            super::files::ledger_owner(dir)?;
        }
        Err(e) => {
            return Err(io_err(
                format!(
                    "cannot create the ledger directory {} (choose another path with --db PATH)",
                    dir.display()
                ),
                e,
            ));
        }
    }
    set_mode(dir, sharing.dir_mode())
}

/// Make `dir` 0700 and everything below it 0700 (directories) or 0600 (files);
/// 2750 and 0640 when the ledger is shared with a group.
pub(super) fn restrict_tree(dir: &Path) -> Result<(), StoreError> {
    let sharing = Sharing::load(dir)?;
    set_mode(dir, sharing.dir_mode())?;
    restrict_below(dir, sharing.inner_dir_mode(), sharing.file_mode())
}

fn restrict_below(dir: &Path, dir_mode: u32, file_mode: u32) -> Result<(), StoreError> {
    let entries = fs::read_dir(dir)
        .map_err(|e| io_err(format!("cannot list the directory {}", dir.display()), e))?;
    for entry in entries {
        let entry =
            entry.map_err(|e| io_err(format!("cannot list the directory {}", dir.display()), e))?;
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|e| io_err(format!("cannot inspect {}", path.display()), e))?;
        if kind.is_dir() {
            set_mode(&path, dir_mode)?;
            restrict_below(&path, dir_mode, file_mode)?;
        } else if kind.is_file() {
            set_mode(&path, file_mode)?;
        }
    }
    Ok(())
}

#[cfg(unix)]
pub(super) fn set_mode(path: &Path, mode: u32) -> Result<(), StoreError> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).map_err(|e| {
        io_err(
            format!(
                "cannot set the permissions of {} to {mode:o}",
                path.display()
            ),
            e,
        )
    })
}

#[cfg(not(unix))]
#[allow(clippy::unnecessary_wraps)]
pub(super) fn set_mode(_path: &Path, _mode: u32) -> Result<(), StoreError> {
    Ok(())
}
