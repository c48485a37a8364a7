//! `taizhang init-shared --group NAME [--service-user USER]`: give a ledger to
//! a Unix group. The directory and its files change group (and, as root, owner
//! to the service user), the directory gets the setgid bit and becomes 2710
//! (members pass through to the 0660 socket), files stay 0600.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use nix::unistd::{Gid, Group};

use super::SOCKET_FILE;
use crate::core::error::StoreError;
use crate::store::Sharing;

/// Share the ledger at `dir` (created if missing) with `group`.
pub fn share_with_group(dir: &Path, group: &str) -> Result<Sharing, StoreError> {
    share(dir, group, None)
}

/// Share the ledger at `dir` with `group`, served by `service_user` when
/// given. Run as root, the ledger is given to that user at once; otherwise
/// the steps `init-shared` prints do it.
pub fn share(dir: &Path, group: &str, service_user: Option<&str>) -> Result<Sharing, StoreError> {
    let gid = match Group::from_name(group) {
        Ok(Some(found)) => found.gid,
        _ => return Err(StoreError::NoGroup(group.to_string())),
    };
    let service_uid = match service_user {
        None => None,
        Some(name) => match nix::unistd::User::from_name(name) {
            Ok(Some(found)) => Some(found.uid),
            _ => return Err(StoreError::NoUser(name.to_string())),
        },
    };
    std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
        context: format!("cannot create the ledger directory {}", dir.display()),
        source,
    })?;
    // Keep the rest of the settings (the access policy) as they are.
    let mut sharing = Sharing::load(dir)?;
    sharing.group = Some(group.to_string());
    if let Some(user) = service_user {
        sharing.service_user = Some(user.to_string());
    }
    sharing.save(dir)?;
    let owner = service_uid.filter(|_| nix::unistd::geteuid().is_root());
    give_to(dir, owner, gid, group)?;
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

/// `chgrp -R` (`chown -R` too when `owner` is given): `path` and everything
/// below it, symlinks left alone.
fn give_to(
    path: &Path,
    owner: Option<nix::unistd::Uid>,
    gid: Gid,
    group: &str,
) -> Result<(), StoreError> {
    let meta = std::fs::symlink_metadata(path).map_err(|source| StoreError::Io {
        context: format!("cannot inspect {}", path.display()),
        source,
    })?;
    if meta.file_type().is_symlink() {
        return Ok(());
    }
    nix::unistd::chown(path, owner, Some(gid)).map_err(|e| StoreError::Io {
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
            give_to(&entry.path(), owner, gid, group)?;
        }
    }
    Ok(())
}
