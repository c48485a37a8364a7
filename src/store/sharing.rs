//! How a ledger directory is shared, read from `DIR/taizhang.toml`: private to
//! its owner (0700, the default) or shared with one Unix group (setgid
//! directory 2710: members may pass through to the service's 0660 socket but
//! not list it). Files are 0600 and inner directories 0700 either way, so a
//! member never gets a handle on the database, the lock or the backups.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::access::Policy;
use crate::core::error::StoreError;

/// The sharing settings' file name inside the ledger directory.
pub const CONFIG_FILE: &str = "taizhang.toml";

/// The contents of `taizhang.toml`; a missing file means private.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sharing {
    /// The Unix group whose members may use the ledger (through its service).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The dedicated Unix user the service runs as under systemd (see
    /// `taizhang init-shared --service-user`); clients accept it as the
    /// process behind the socket, besides the ledger directory's owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_user: Option<String>,
    /// Who may only read (`[access] reviewers = ["unixname", …]`).
    #[serde(default, skip_serializing_if = "Policy::is_empty")]
    pub access: Policy,
}

impl Sharing {
    pub fn path(dir: &Path) -> PathBuf {
        dir.join(CONFIG_FILE)
    }

    /// Read `dir/taizhang.toml`; no file (or no directory yet) is private.
    pub fn load(dir: &Path) -> Result<Self, StoreError> {
        let path = Self::path(dir);
        let owner = match super::files::ledger_owner(dir) {
            Ok(owner) => owner,
            Err(StoreError::Io { source, .. })
                if matches!(
                    source.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                ) =>
            {
                return Ok(Self::default());
            }
            Err(e) => return Err(e),
        };
        let Some(bytes) = super::files::read(&path, owner)? else {
            return Ok(Self::default());
        };
        let text = String::from_utf8_lossy(&bytes);
        toml::from_str(&text).map_err(|e| {
            StoreError::Corrupt(format!(
                "the sharing settings {} cannot be read ({}); write `group = \"NAME\"` and `[access] reviewers = [\"unixname\"]`, or remove the file",
                path.display(),
                e.message()
            ))
        })
    }

    /// Write `dir/taizhang.toml` with the file mode this sharing asks for.
    pub fn save(&self, dir: &Path) -> Result<(), StoreError> {
        let path = Self::path(dir);
        let text = toml::to_string(self).map_err(|e| StoreError::Db(e.to_string()))?;
        let owner = super::files::ledger_owner(dir)?;
        super::files::replace(&path, text.as_bytes(), self.file_mode(), owner)
    }

    pub fn is_shared(&self) -> bool {
        self.group.is_some()
    }

    /// The ledger directory: 0700, or 2710 (setgid, so new files keep the
    /// group; search only, so members reach the socket by name).
    pub fn dir_mode(&self) -> u32 {
        if self.is_shared() { 0o2710 } else { 0o700 }
    }

    /// Directories inside the ledger (backups, sled's blobs): owner only.
    #[allow(clippy::unused_self)]
    pub fn inner_dir_mode(&self) -> u32 {
        0o700
    }

    /// Every file: owner only, shared or not (members use the socket).
    #[allow(clippy::unused_self)]
    pub fn file_mode(&self) -> u32 {
        0o600
    }

    /// The service's socket: group members must be able to connect.
    pub fn socket_mode(&self) -> u32 {
        if self.is_shared() { 0o660 } else { 0o600 }
    }

    /// The process umask that gives new files at most `file_mode`.
    #[allow(clippy::unused_self)]
    pub fn umask(&self) -> u32 {
        0o077
    }
}

/// The access policy of the ledger at `dir`: its `[access]` settings, with
/// the Unix owner of the directory as the ledger's owner unless `[access]
/// owner` names one (a ledger run by a service user names its human owner).
pub fn policy(dir: &Path) -> Result<Policy, StoreError> {
    use std::os::unix::fs::MetadataExt;
    let access = Sharing::load(dir)?.access;
    let uid = std::fs::metadata(dir)
        .map_err(|source| StoreError::Io {
            context: format!("cannot read the owner of {}", dir.display()),
            source,
        })?
        .uid();
    Ok(access.with_owner(user_name(uid)))
}

/// The login name of `uid`, or `uid N` for an account without one (the
/// same spelling the journal uses).
pub fn user_name(uid: u32) -> String {
    match nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)) {
        Ok(Some(u)) if !u.name.is_empty() => u.name,
        _ => format!("uid {uid}"),
    }
}

/// Give `dir` and everything in it the modes its sharing settings ask for.
pub fn apply(dir: &Path) -> Result<(), StoreError> {
    super::permissions::restrict_tree(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_is_private_and_a_group_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Sharing::load(dir.path()).unwrap(), Sharing::default());
        let shared = Sharing {
            group: Some("branch".into()),
            service_user: Some("taizhang".into()),
            access: Policy {
                reviewers: vec!["wang".into()],
                secretary_admin: true,
                owner: Some("zhang".into()),
            },
        };
        shared.save(dir.path()).unwrap();
        assert_eq!(Sharing::load(dir.path()).unwrap(), shared);
        assert_eq!(shared.file_mode(), 0o600);
        assert_eq!(shared.dir_mode(), 0o2710);
    }

    #[test]
    fn a_bad_file_names_itself() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), "grop = 1").unwrap();
        let e = Sharing::load(dir.path()).unwrap_err().to_string();
        assert!(e.contains(CONFIG_FILE), "{e}");
    }
}
