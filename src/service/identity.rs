//! Who is on the other end of a connection: the Unix user from the socket's
//! peer credentials (`SO_PEERCRED`), which a client cannot forge. Writes are
//! attributed to that user, whatever name the client put in the data.

use std::os::unix::net::UnixStream;

/// The peer of one connection, as the kernel reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peer {
    pub uid: u32,
    pub pid: Option<i32>,
    /// The user name, or `uid N` when the account has no name.
    pub user: String,
}

impl Peer {
    pub fn of(stream: &UnixStream) -> std::io::Result<Peer> {
        peer_credentials(stream)
    }
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn peer_credentials(stream: &UnixStream) -> std::io::Result<Peer> {
    use nix::sys::socket::{getsockopt, sockopt::PeerCredentials};
    let creds = getsockopt(stream, PeerCredentials).map_err(std::io::Error::from)?;
    Ok(Peer {
        uid: creds.uid(),
        pid: Some(creds.pid()),
        user: user_name(creds.uid()),
    })
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn peer_credentials(_stream: &UnixStream) -> std::io::Result<Peer> {
    Err(std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        "peer credentials are only read on Linux",
    ))
}

/// The name of user `uid`, or `uid N` when it has none.
pub fn user_name(uid: u32) -> String {
    match nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)) {
        Ok(Some(user)) => user.name,
        _ => format!("uid {uid}"),
    }
}

pub use crate::core::port::Stamp;

/// The stamp the service records for a write: the client's time, but the
/// user the kernel vouches for, never the name the client claims.
pub fn authoritative(stamp: &Stamp, peer: &Peer) -> Stamp {
    Stamp {
        user: peer.user.clone(),
        at: stamp.at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_peer_replaces_a_claimed_user() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let claimed = Stamp {
            user: "secretary".into(),
            at,
        };
        let peer = Peer {
            uid: 1001,
            pid: None,
            user: "zhang".into(),
        };
        assert_eq!(
            authoritative(&claimed, &peer),
            Stamp {
                user: "zhang".into(),
                at
            }
        );
    }

    #[test]
    fn a_socket_pair_reports_this_process() {
        let (a, _b) = UnixStream::pair().unwrap();
        let peer = Peer::of(&a).unwrap();
        assert_eq!(peer.uid, nix::unistd::geteuid().as_raw());
        assert_eq!(peer.pid, Some(i32::try_from(std::process::id()).unwrap()));
    }
}
