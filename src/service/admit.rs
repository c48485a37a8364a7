//! Who gets a session: a connection whose Unix user the kernel names, within
//! the limits on connections overall and per user. Anyone else is told why
//! (a `Turnaway` the client words) and let go; nothing is served unknown.

use std::collections::HashMap;
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use super::identity::Peer;
use super::session;
use super::shared::Shared;
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
    let peer = Peer::of(&stream);
    admit_as(shared, id, stream, peer)
}

/// `admit`, with the peer credentials as read (or not) from the kernel.
fn admit_as(
    shared: &Arc<Shared>,
    id: u64,
    mut stream: UnixStream,
    peer: std::io::Result<Peer>,
) -> Option<JoinHandle<()>> {
    if stream.set_nonblocking(false).is_err() {
        return None;
    }
    let _ = stream.set_write_timeout(Some(REFUSAL_TIMEOUT));
    let peer = match peer {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::WireError;
    use crate::service::protocol::Response;
    use std::io::BufRead;

    #[test]
    fn without_peer_credentials_a_connection_is_refused_not_served_as_unknown() {
        let dir = tempfile::tempdir().unwrap();
        let shared = Shared::for_tests(&dir.path().join("ledger"));
        let (client, server) = UnixStream::pair().unwrap();
        let unreadable = Err(std::io::Error::from(std::io::ErrorKind::Unsupported));
        assert!(admit_as(&shared, 1, server, unreadable).is_none());
        assert!(shared.sessions().is_empty());
        let mut line = String::new();
        std::io::BufReader::new(&client)
            .read_line(&mut line)
            .unwrap();
        let response: Response = serde_json::from_str(&line).unwrap();
        assert!(
            matches!(
                response,
                Response::Err(WireError::TurnedAway(Turnaway::UnknownPeer))
            ),
            "{line}"
        );
    }

    #[test]
    fn the_per_user_cap_counts_only_that_users_sessions() {
        let mut sessions = Sessions::default();
        let peer = |uid| Peer {
            uid,
            pid: None,
            user: format!("u{uid}"),
        };
        for id in 0..MAX_PER_USER as u64 {
            let (a, _b) = UnixStream::pair().unwrap();
            sessions.open.insert(id, (7, a));
        }
        assert!(matches!(
            sessions.refusal(&peer(7)),
            Some(Turnaway::UserFull {
                limit: MAX_PER_USER,
                ..
            })
        ));
        assert_eq!(sessions.refusal(&peer(8)), None);
    }
}
