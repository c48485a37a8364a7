//! Keeps a ledger private to its owner: the directory is 0700 and every file
//! in it 0600 (on Unix; elsewhere the platform's defaults stand), or, when
//! `taizhang.toml` shares it with a group (`sharing`), 2750 and 0640.

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
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => {}
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
    restrict_tree_to(dir, sharing.dir_mode(), sharing.file_mode())
}

fn restrict_tree_to(dir: &Path, dir_mode: u32, file_mode: u32) -> Result<(), StoreError> {
    set_mode(dir, dir_mode)?;
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
            restrict_tree_to(&path, dir_mode, file_mode)?;
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
