//! Whom a client talks to: the process behind the ledger's socket must run as
//! the ledger's owner (the owner of its directory), as the service user the
//! ledger names, or as root (systemd's socket activation listens as root).
//! Checked with `SO_PEERCRED` before the client sends a byte.

use std::os::unix::net::UnixStream;
use std::path::Path;

use super::identity::Peer;
use crate::core::error::StoreError;
use crate::store::Sharing;
use crate::store::files::{ledger_owner, user_name};

/// `Ok` when the peer of `stream` may be trusted with this ledger's requests.
pub(super) fn check_peer(dir: &Path, socket: &Path, stream: &UnixStream) -> Result<(), StoreError> {
    let unavailable = |reason: String| StoreError::ServiceUnavailable {
        path: dir.to_path_buf(),
        reason,
    };
    let peer = Peer::of(stream).map_err(|e| {
        unavailable(format!(
            "cannot tell which user runs the process behind {} ({e}); nothing was sent to it",
            socket.display()
        ))
    })?;
    let owner = ledger_owner(dir)?;
    if peer.uid == owner || peer.uid == 0 {
        return Ok(());
    }
    // A member cannot read `taizhang.toml`; the owner's own client can.
    let service_user = Sharing::load(dir)
        .ok()
        .and_then(|s| s.service_user)
        .and_then(|name| nix::unistd::User::from_name(&name).ok().flatten())
        .map(|u| u.uid.as_raw());
    if service_user == Some(peer.uid) {
        return Ok(());
    }
    Err(StoreError::ForeignService {
        socket: socket.to_path_buf(),
        runs_as: user_name(peer.uid),
        owner: user_name(owner),
    })
}
