//! One client connection inside the service: greet, then answer requests in
//! order. The peer's Unix user comes from the socket, once, when the service
//! accepts it (a connection without one is never served); each
//! command runs through `core::Ledger` as that user (`service::run`).

use std::io::BufReader;
use std::os::unix::net::UnixStream;
use std::sync::atomic::Ordering;
use std::time::Duration;

use super::error::WireError;
use super::framing::{
    GREETING_TIMEOUT, MAX_GREETING, MAX_MESSAGE, MAX_REQUEST, MESSAGE_TIMEOUT, ReadError,
    read_message, write_in_parts, write_line,
};
use super::identity::Peer;
use super::protocol::{PROTOCOL_VERSION, Request, Response, Welcome};
use super::run::Held;
use super::shared::Shared;
use crate::core::error::Turnaway;

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
    let mut staged: Option<Staged> = None;
    loop {
        // Before the greeting: a short wait and a small message; after it, a
        // client may stay idle (an open TUI) but not hold half a message,
        // nor half a request sent in parts.
        let (limit, wait) = match (greeted, &staged) {
            (false, _) => (MAX_GREETING, Some(GREETING_TIMEOUT)),
            (true, Some(_)) => (MAX_MESSAGE, Some(MESSAGE_TIMEOUT)),
            (true, None) => (MAX_MESSAGE, None),
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
        let request = match serde_json::from_slice::<Request>(&line) {
            Ok(Request::Part { text, last }) if greeted => {
                let part = staged.get_or_insert_with(|| Staged::new(shared));
                if !part.push(&text) {
                    let limit = MAX_REQUEST;
                    turn_away(shared, peer, &mut writer, Turnaway::TooLarge { limit });
                    return;
                }
                if !last {
                    let ack = Response::Ok(serde_json::value::RawValue::NULL.to_owned());
                    if write_line(&mut writer, &ack).is_err() {
                        return;
                    }
                    continue;
                }
                let whole = staged.take().map(Staged::into_text).unwrap_or_default();
                serde_json::from_str::<Request>(&whole)
            }
            other => other,
        };
        let (response, close) = match request {
            Ok(request) => answer(shared, peer, &mut greeted, request),
            Err(e) => (
                refuse(format!(
                    "unreadable request ({e}); this service speaks protocol {PROTOCOL_VERSION}"
                )),
                !greeted,
            ),
        };
        let part = |text: &str, last| Response::Part {
            text: text.to_string(),
            last,
        };
        if write_in_parts(&mut writer, &response, part).is_err() || close {
            return;
        }
    }
}

/// A request arriving in parts, counted against what all sessions may hold
/// (`MAX_STAGED`), so that many clients cannot make the service buffer
/// without end.
struct Staged<'a> {
    text: String,
    shared: &'a Shared,
}

/// What all sessions together may hold of requests in parts.
const MAX_STAGED: u64 = 2 * MAX_REQUEST;

impl<'a> Staged<'a> {
    fn new(shared: &'a Shared) -> Self {
        Self {
            text: String::new(),
            shared,
        }
    }

    /// Add a piece; `false` when the request or all staged requests would
    /// pass their limits.
    fn push(&mut self, piece: &str) -> bool {
        let n = piece.len() as u64;
        if self.text.len() as u64 + n > MAX_REQUEST {
            return false;
        }
        let before = self.shared.staged.fetch_add(n, Ordering::SeqCst);
        if before + n > MAX_STAGED {
            self.shared.staged.fetch_sub(n, Ordering::SeqCst);
            return false;
        }
        self.text.push_str(piece);
        true
    }

    fn into_text(mut self) -> String {
        let text = std::mem::take(&mut self.text);
        self.shared
            .staged
            .fetch_sub(text.len() as u64, Ordering::SeqCst);
        text
    }
}

impl Drop for Staged<'_> {
    fn drop(&mut self) {
        self.shared
            .staged
            .fetch_sub(self.text.len() as u64, Ordering::SeqCst);
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
        Request::Part { .. } => (refuse("a part out of place".into()), true),
        Request::Command(command) => {
            let name = command.name();
            let writes = command.effect().writes();
            let bulk = command.effect().bulk();
            let mut held = Held::default();
            match super::run::command(shared, peer, *command, &mut held) {
                Ok(value) => {
                    if writes || bulk {
                        // How long the use case held the ledger: what
                        // others may have waited (`serve` logs it).
                        shared.log.line(&format!(
                            "{name} by {} (uid {}), {held}",
                            peer.user, peer.uid
                        ));
                    }
                    if writes {
                        shared.revision.fetch_add(1, Ordering::SeqCst);
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
