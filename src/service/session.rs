//! One client connection inside the service: greet, then answer requests in
//! order. The peer's Unix user comes from the socket, once, at the start; each
//! command runs through `core::Ledger` as that user, on the service's clock,
//! under the ledger's policy, holding the store for the whole use case.

use std::io::{BufReader, ErrorKind};
use std::os::unix::net::UnixStream;
use std::sync::atomic::Ordering;
use std::time::Duration;

use chrono::Local;

use super::error::WireError;
use super::framing::{read_line, write_line};
use super::identity::Peer;
use super::protocol::{PROTOCOL_VERSION, Request, Response, Welcome};
use super::server::Shared;
use crate::core::Ledger;
use crate::core::error::CoreError;
use crate::core::ledger::Command;

/// A client that does not read its answer within this long is dropped.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

pub(super) fn run(shared: &Shared, stream: UnixStream) {
    let peer = Peer::of(&stream).unwrap_or_else(|e| {
        shared
            .log
            .line(&format!("peer credentials unavailable: {e}"));
        Peer {
            uid: u32::MAX,
            pid: None,
            user: "unknown".into(),
        }
    });
    let Ok(reader) = stream.try_clone() else {
        return;
    };
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let mut reader = BufReader::new(reader);
    let mut writer = stream;
    let mut greeted = false;
    loop {
        let line = match read_line(&mut reader) {
            Ok(Some(line)) => line,
            Err(e) if e.kind() == ErrorKind::InvalidData => {
                let _ = write_line(&mut writer, &refuse(format!("{e}")));
                return;
            }
            Ok(None) | Err(_) => return,
        };
        let (response, close) = match serde_json::from_slice::<Request>(&line) {
            Ok(request) => answer(shared, &peer, &mut greeted, request),
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
        Request::Command(command) => {
            let name = command.name();
            let writes = command.effect().writes();
            match run_command(shared, peer, *command) {
                Ok(value) => {
                    if writes {
                        shared.revision.fetch_add(1, Ordering::SeqCst);
                        shared
                            .log
                            .line(&format!("{name} by {} (uid {})", peer.user, peer.uid));
                    }
                    (Response::Ok(value), false)
                }
                Err(e) => {
                    shared
                        .log
                        .line(&format!("{name} for {} failed: {e}", peer.user));
                    (Response::Failed(e), false)
                }
            }
        }
    }
}

/// Run `command` as the peer, on this service's clock, under the ledger's
/// policy (`taizhang.toml`, read afresh so that `taizhang access` takes
/// effect at once). The store stays held for the whole use case, so its
/// checks and its writes see the same ledger.
fn run_command(
    shared: &Shared,
    peer: &Peer,
    command: Command,
) -> Result<Box<serde_json::value::RawValue>, CoreError> {
    let store = shared.store();
    let policy = crate::store::sharing::policy(store.path())?;
    let ledger = Ledger::new(&*store, peer.user.clone())
        .with_clock(std::sync::Arc::new(|| Local::now().naive_local()))
        .with_policy(policy);
    command.run(&ledger)
}
