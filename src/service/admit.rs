//! Who gets a session: a connection whose Unix user the kernel names, within
//! the limits on connections overall and per user. Anyone else is told why
//! (a `Turnaway` the client words) and let go; nothing is served unknown.

use std::collections::HashMap;
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use super::identity::Peer;
use super::server::Shared;
use super::session;
use crate::core::error::Turnaway;

/// Sessions the service serves at once, from all users.
pub const MAX_CONNECTIONS: usize = 128;
/// Sessions one Unix user may hold at once (TUIs, commands, scripts).
pub const MAX_PER_USER: usize = 16;

/// A refusal is one short line to an empty socket buffer; never wait long.
const REFUSAL_TIMEOUT: Duration = Duration::from_secs(1);

/// Open sessions: their user and a handle to end them at shutdown.
#[derive(Default)]
pub(super) struct Sessions {
    open: HashMap<u64, (u32, UnixStream)>,
}

impl Sessions {
    /// Why a new connection of `uid` may not have a session, if it may not.
    fn refusal(&self, peer: &Peer) -> Option<Turnaway> {
        if self.open.len() >= MAX_CONNECTIONS {
            return Some(Turnaway::Full {
                limit: MAX_CONNECTIONS,
            });
        }
        let theirs = self
            .open
            .values()
            .filter(|(uid, _)| *uid == peer.uid)
            .count();
        (theirs >= MAX_PER_USER).then(|| Turnaway::UserFull {
            user: peer.user.clone(),
            limit: MAX_PER_USER,
        })
    }

    pub(super) fn remove(&mut self, id: u64) {
        self.open.remove(&id);
    }

    pub(super) fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    pub(super) fn shut_all(&self) {
        for (_, stream) in self.open.values() {
            let _ = stream.shutdown(std::net::Shutdown::Both);
        }
    }
}

/// Start a session for `stream`, or turn it away.
pub(super) fn admit(shared: &Arc<Shared>, id: u64, stream: UnixStream) -> Option<JoinHandle<()>> {
    let mut stream = stream;
    if stream.set_nonblocking(false).is_err() {
        return None;
    }
    let _ = stream.set_write_timeout(Some(REFUSAL_TIMEOUT));
    let peer = match Peer::of(&stream) {
        Ok(peer) => peer,
        Err(e) => {
            // Fail closed: a session with no known user is never served.
            let nobody = Peer {
                uid: u32::MAX,
                pid: None,
                user: format!("an unknown user ({e})"),
            };
            session::turn_away(shared, &nobody, &mut stream, Turnaway::UnknownPeer);
            return None;
        }
    };
    let registered = {
        let mut sessions = shared.sessions();
        if let Some(why) = sessions.refusal(&peer) {
            drop(sessions);
            session::turn_away(shared, &peer, &mut stream, why);
            return None;
        }
        let Ok(registered) = stream.try_clone() else {
            return None;
        };
        sessions.open.insert(id, (peer.uid, registered));
        id
    };
    let worker = Arc::clone(shared);
    let spawned = std::thread::Builder::new()
        .name(format!("taizhang-session-{id}"))
        .spawn(move || {
            session::run(&worker, stream, &peer);
            worker.ended(registered);
        });
    match spawned {
        Ok(handle) => Some(handle),
        Err(e) => {
            shared.ended(registered);
            shared.log.line(&format!("cannot start a session: {e}"));
            None
        }
    }
}
