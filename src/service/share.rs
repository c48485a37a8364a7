//! `taizhang init-shared --group NAME`: give a ledger to a Unix group. The
//! directory and its files change group, the directory gets the setgid bit
//! (new files keep the group) and the modes become 2750/0640, socket 0660.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use nix::unistd::{Gid, Group};

use super::SOCKET_FILE;
use crate::core::error::StoreError;
use crate::store::Sharing;

/// Share the ledger at `dir` (created if missing) with `group`.
pub fn share_with_group(dir: &Path, group: &str) -> Result<Sharing, StoreError> {
    let gid = match Group::from_name(group) {
        Ok(Some(found)) => found.gid,
        _ => return Err(StoreError::NoGroup(group.to_string())),
    };
    std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
        context: format!("cannot create the ledger directory {}", dir.display()),
        source,
    })?;
    // Keep the rest of the settings (the access policy) as they are.
    let mut sharing = Sharing::load(dir)?;
    sharing.group = Some(group.to_string());
    sharing.save(dir)?;
    give_to(dir, gid, group)?;
    crate::store::sharing::apply(dir)?;
    let socket = dir.join(SOCKET_FILE);
    if socket.exists() {
        std::fs::set_permissions(
            &socket,
            std::fs::Permissions::from_mode(sharing.socket_mode()),
        )
        .map_err(|source| StoreError::Io {
            context: format!("cannot set the permissions of {}", socket.display()),
            source,
        })?;
    }
    Ok(sharing)
}

/// `chgrp -R`: `path` and everything below it, symlinks left alone.
fn give_to(path: &Path, gid: Gid, group: &str) -> Result<(), StoreError> {
    let meta = std::fs::symlink_metadata(path).map_err(|source| StoreError::Io {
        context: format!("cannot inspect {}", path.display()),
        source,
    })?;
    if meta.file_type().is_symlink() {
        return Ok(());
    }
    nix::unistd::chown(path, None, Some(gid)).map_err(|e| StoreError::Io {
        context: format!(
            "cannot give {} to the group {group} (you must own it and belong to the group)",
            path.display()
        ),
        source: std::io::Error::from(e),
    })?;
    if meta.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|source| StoreError::Io {
            context: format!("cannot list {}", path.display()),
            source,
        })?;
        for entry in entries.flatten() {
            give_to(&entry.path(), gid, group)?;
        }
    }
    Ok(())
}
