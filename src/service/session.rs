//! One client connection inside the service: greet, then answer requests in
//! order. The peer's Unix user comes from the socket, once, when the service
//! accepts it (a connection without one is never served).

use std::io::BufReader;
use std::os::unix::net::UnixStream;
use std::sync::atomic::Ordering;
use std::time::Duration;

use super::error::WireError;
use super::framing::{
    GREETING_TIMEOUT, MAX_GREETING, MAX_MESSAGE, ReadError, read_message, write_line,
};
use super::identity::{Peer, authoritative};
use super::protocol::{PROTOCOL_VERSION, Request, Response, StoreCall, Welcome, dispatch};
use super::server::Shared;
use crate::core::error::{StoreError, Turnaway};

/// A client that does not read its answer within this long is dropped.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

pub(super) fn run(shared: &Shared, stream: UnixStream, peer: &Peer) {
    let Ok(reader) = stream.try_clone() else {
        return;
    };
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let mut reader = BufReader::new(reader);
    let mut writer = stream;
    let mut greeted = false;
    loop {
        // Before the greeting: a short wait and a small message; after it, a
        // client may stay idle (an open TUI) but not hold half a message.
        let (limit, wait) = if greeted {
            (MAX_MESSAGE, None)
        } else {
            (MAX_GREETING, Some(GREETING_TIMEOUT))
        };
        let line = match read_message(&mut reader, limit, wait) {
            Ok(Some(line)) => line,
            Ok(None) | Err(ReadError::Cut | ReadError::Io) => return,
            Err(ReadError::TooLarge(limit)) => {
                turn_away(shared, peer, &mut writer, Turnaway::TooLarge { limit });
                return;
            }
            Err(ReadError::TooSlow(t)) => {
                let secs = t.as_secs();
                turn_away(shared, peer, &mut writer, Turnaway::TooSlow { secs });
                return;
            }
        };
        let (response, close) = match serde_json::from_slice::<Request>(&line) {
            Ok(request) => answer(shared, peer, &mut greeted, request),
            Err(e) => (
                refuse(format!(
                    "unreadable request ({e}); this service speaks protocol {PROTOCOL_VERSION}"
                )),
                !greeted,
            ),
        };
        if write_line(&mut writer, &response).is_err() || close {
            return;
        }
    }
}

/// Tell the client why its connection ends, log it once, and let it go.
pub(super) fn turn_away(shared: &Shared, peer: &Peer, writer: &mut UnixStream, why: Turnaway) {
    // Throttled: a client opening connection after connection past the
    // cap must not flood the log.
    shared.log.throttled(
        "turned away",
        &format!(
            "connection of {} (uid {}) ended: {why}",
            peer.user, peer.uid
        ),
    );
    let _ = write_line(writer, &Response::Err(WireError::TurnedAway(why)));
    let _ = writer.shutdown(std::net::Shutdown::Both);
}

/// A reply carrying `value`, encoded once, straight to JSON text.
fn reply<T: serde::Serialize + ?Sized>(value: &T) -> (Response, bool) {
    match serde_json::value::to_raw_value(value) {
        Ok(raw) => (Response::Ok(raw), false),
        Err(e) => (refuse(format!("cannot encode the answer: {e}")), false),
    }
}

fn refuse(message: String) -> Response {
    Response::Err(WireError::Remote(message))
}

/// The response to one request, and whether to close the connection after it.
fn answer(shared: &Shared, peer: &Peer, greeted: &mut bool, request: Request) -> (Response, bool) {
    let ok = |value: Box<serde_json::value::RawValue>| (Response::Ok(value), false);
    match request {
        Request::Hello { version } if version != PROTOCOL_VERSION => (
            Response::Err(WireError::ProtocolMismatch {
                client: version,
                service: PROTOCOL_VERSION,
            }),
            true,
        ),
        Request::Hello { .. } => {
            *greeted = true;
            reply(&Welcome::current())
        }
        _ if !*greeted => (refuse("say Hello first".into()), true),
        Request::WhoAmI => reply(&peer.user),
        Request::Revision => reply(&shared.revision.load(Ordering::SeqCst)),
        Request::Store(mut call) => {
            let name = call.name();
            let writes = call.effect().writes();
            // A reviewer (read-only) is refused before anything is touched;
            // handing out an id counts, as it changes what an export shows.
            if (writes || matches!(*call, StoreCall::NextId {}))
                && let Err(refusal) = write_allowed(shared, peer)
            {
                log_failure(shared, peer, name, &refusal);
                return (Response::Err(WireError::from(&refusal)), false);
            }
            // The journal records the user the kernel vouches for, never the
            // name the client claims.
            let mut claimed = String::new();
            if let Some(stamp) = call.stamp_mut() {
                claimed = std::mem::take(&mut stamp.user);
                *stamp = authoritative(stamp, peer);
            }
            // Reads run side by side (an export holds no one up); a write,
            // or handing out an id, runs alone.
            let alone = writes || matches!(*call, StoreCall::NextId {});
            let result = shared.with_store(alone, |store| dispatch(store, *call));
            if writes && result.is_ok() {
                shared.revision.fetch_add(1, Ordering::SeqCst);
                log_write(shared, peer, name, &claimed);
            }
            match result {
                Ok(value) => ok(value),
                Err(e) => {
                    log_failure(shared, peer, name, &e);
                    (Response::Err(WireError::from(&e)), false)
                }
            }
        }
    }
}

/// The ledger's access policy (`taizhang.toml`, read afresh so that
/// `taizhang access` takes effect at once) applied to the peer's user.
fn write_allowed(shared: &Shared, peer: &Peer) -> Result<(), StoreError> {
    let sharing = crate::store::Sharing::load(&shared.dir)?;
    sharing.access.check_write(&peer.user)?;
    Ok(())
}

/// Log a write with the user it was journaled under.
fn log_write(shared: &Shared, peer: &Peer, name: &str, claimed: &str) {
    let note = if claimed.is_empty() || claimed == peer.user {
        String::new()
    } else {
        format!(" (the client claimed {claimed:?})")
    };
    shared
        .log
        .line(&format!("{name} by {} (uid {}){note}", peer.user, peer.uid));
}

fn log_failure(shared: &Shared, peer: &Peer, name: &str, e: &StoreError) {
    shared
        .log
        .line(&format!("{name} for {} failed: {e}", peer.user));
}
