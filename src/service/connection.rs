//! One connection of a client to the ledger service: the greeting (sent at
//! once, its answer read with the first request's), requests sent in parts
//! past `framing::PART`, answers joined from parts, each read within a time
//! limit. Before sending anything it checks that the listener is the
//! ledger's own service (`trust`).

use std::io::{BufReader, ErrorKind};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::Duration;

use super::client::decode;
use super::framing::{MAX_MESSAGE, MAX_REQUEST, pieces, read_line};
use super::protocol::{PROTOCOL_VERSION, Request, Response, Welcome};
use crate::core::error::{CoreError, StoreError};

/// The longest answer a client joins from parts (a whole-ledger export of
/// many years is a few tens of MB).
const MAX_ANSWER: u64 = 1024 * 1024 * 1024;

/// One open connection; its greeting sent, its welcome read (`greeted`) or
/// still on the way.
#[derive(Debug)]
pub(super) struct Connection {
    reader: BufReader<UnixStream>,
    writer: UnixStream,
    pub(super) welcome: Welcome,
    greeted: bool,
}

/// Why a connection attempt failed.
#[derive(Debug)]
pub(super) enum Attempt {
    /// Nothing answers yet (no socket, a stale one, or a service closing
    /// down): starting one may help.
    Absent,
    /// An answer that starting a service would not change.
    Fatal(StoreError),
}

impl Connection {
    /// Connect to `socket` and send the greeting; its answer is read by
    /// `greet`, or by the first `exchange` behind its own request.
    pub(super) fn open(dir: &Path, socket: &Path, timeout: Duration) -> Result<Self, Attempt> {
        let stream = match UnixStream::connect(socket) {
            Ok(stream) => stream,
            Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::ConnectionRefused) => {
                return Err(Attempt::Absent);
            }
            Err(e) => return Err(Attempt::Fatal(unreachable(dir, socket, &e))),
        };
        let fatal = |e: std::io::Error| Attempt::Fatal(unreachable(dir, socket, &e));
        // Before sending anything: is the listener the ledger's own service?
        super::trust::check_peer(dir, socket, &stream).map_err(Attempt::Fatal)?;
        stream.set_write_timeout(Some(timeout)).map_err(fatal)?;
        let writer = stream.try_clone().map_err(fatal)?;
        let mut conn = Connection {
            reader: BufReader::new(stream),
            writer,
            welcome: Welcome {
                version: PROTOCOL_VERSION,
                pid: 0,
                taizhang: String::new(),
            },
            greeted: false,
        };
        let hello = Request::Hello {
            version: PROTOCOL_VERSION,
        };
        // A service that accepted and then closed is shutting down.
        conn.write(&hello).map_err(|_| Attempt::Absent)?;
        Ok(conn)
    }

    /// Read the service's answer to our greeting, if not read yet.
    pub(super) fn greet(&mut self, timeout: Duration) -> Result<(), Attempt> {
        if self.greeted {
            return Ok(());
        }
        let line = match self.read(timeout) {
            // Closed before it greeted: a service shutting down.
            Err(Lost::Closed | Lost::Io(_)) => return Err(Attempt::Absent),
            Err(lost) => return Err(Attempt::Fatal(self.explain(lost))),
            Ok(line) => line,
        };
        let welcome: Welcome =
            decode(parse(&line, &self.who()).map_err(Attempt::Fatal)?).map_err(|e| match e {
                CoreError::Store(e) => Attempt::Fatal(e),
                other => Attempt::Fatal(StoreError::Remote(other.to_string())),
            })?;
        if welcome.version != PROTOCOL_VERSION {
            return Err(Attempt::Fatal(StoreError::ProtocolMismatch {
                client: PROTOCOL_VERSION,
                service: welcome.version,
            }));
        }
        self.welcome = welcome;
        self.greeted = true;
        Ok(())
    }

    /// Send `request` and read its answer within `timeout` (first the
    /// welcome, when the greeting is still on the way). `Attempt::Absent`:
    /// the service closed before it greeted, so it ran nothing of ours. A
    /// request past `framing::PART` goes in parts, each but the last
    /// acknowledged.
    pub(super) fn exchange(
        &mut self,
        request: &Request,
        timeout: Duration,
    ) -> Result<Response, Attempt> {
        let fatal = |conn: &Self, lost| Attempt::Fatal(conn.explain(lost));
        let text = serde_json::to_string(request).map_err(|e| fatal(self, Lost::Io(e.into())))?;
        // The service would refuse it: say so without sending.
        if text.len() as u64 > MAX_REQUEST {
            return Err(fatal(self, Lost::TooLarge));
        }
        let all = pieces(&text);
        if all.len() == 1 {
            if let Err(lost) = self.write_line(text.as_bytes()) {
                return Err(match lost {
                    Lost::Io(_) if !self.greeted => Attempt::Absent,
                    lost => fatal(self, lost),
                });
            }
            self.greet(timeout)?;
            return match self.read(timeout) {
                Ok(line) => parse(&line, &self.who()).map_err(Attempt::Fatal),
                Err(lost) => Err(fatal(self, lost)),
            };
        }
        self.greet(timeout)?;
        let n = all.len();
        for (i, piece) in all.into_iter().enumerate() {
            let last = i + 1 == n;
            let part = Request::Part {
                text: piece.to_string(),
                last,
            };
            let bytes = serde_json::to_vec(&part).map_err(|e| fatal(self, Lost::Io(e.into())))?;
            self.write_line(&bytes).map_err(|lost| fatal(self, lost))?;
            let line = self.read(timeout).map_err(|lost| fatal(self, lost))?;
            // A refusal before the last part ends the request.
            if last || !line.starts_with(b"{\"Ok\":null}") {
                return parse(&line, &self.who()).map_err(Attempt::Fatal);
            }
        }
        Err(fatal(self, Lost::Closed))
    }

    /// Send one (short) request line: the greeting.
    fn write(&mut self, request: &Request) -> Result<(), Lost> {
        let bytes = serde_json::to_vec(request).map_err(|e| Lost::Io(e.into()))?;
        self.write_line(&bytes)
    }

    fn write_line(&mut self, line: &[u8]) -> Result<(), Lost> {
        let mut bytes = Vec::with_capacity(line.len() + 1);
        bytes.extend_from_slice(line);
        bytes.push(b'\n');
        std::io::Write::write_all(&mut self.writer, &bytes).map_err(Lost::Io)
    }

    /// Read one answer within `timeout` a line: a line, or the pieces of a
    /// long one joined.
    fn read(&mut self, timeout: Duration) -> Result<Vec<u8>, Lost> {
        self.reader
            .get_ref()
            .set_read_timeout(Some(timeout))
            .map_err(Lost::Io)?;
        let mut joined = String::new();
        loop {
            let line = match read_line(&mut self.reader, MAX_MESSAGE) {
                Ok(Some(line)) => line,
                Ok(None) => return Err(Lost::Closed),
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    return Err(Lost::Timeout(timeout));
                }
                Err(e) => return Err(Lost::Io(e)),
            };
            if !line.starts_with(b"{\"Part\":") {
                return Ok(line);
            }
            let Ok(Response::Part { text, last }) = serde_json::from_slice(&line) else {
                return Ok(line);
            };
            if (joined.len() + text.len()) as u64 > MAX_ANSWER {
                return Err(Lost::Io(std::io::Error::new(
                    ErrorKind::InvalidData,
                    "an answer longer than this taizhang accepts",
                )));
            }
            joined.push_str(&text);
            if last {
                return Ok(joined.into_bytes());
            }
        }
    }

    fn who(&self) -> String {
        match self.welcome.pid {
            0 => "the ledger service".to_string(),
            pid => format!("the ledger service (pid {pid})"),
        }
    }

    fn explain(&self, lost: Lost) -> StoreError {
        let who = self.who();
        let what = match lost {
            Lost::TooLarge => {
                return StoreError::TurnedAway(crate::core::error::Turnaway::TooLarge {
                    limit: MAX_REQUEST,
                });
            }
            Lost::Closed => format!("{who} stopped before it answered"),
            Lost::Timeout(t) => format!(
                "{who} did not answer within {} s (it may be stuck; ending it with kill is safe)",
                t.as_secs()
            ),
            Lost::Io(e) => format!("lost the connection to {who}: {e}"),
        };
        StoreError::Remote(format!(
            "{what}; if you were saving a change, check whether it is there, then try again"
        ))
    }
}

/// How an exchange failed.
#[derive(Debug)]
enum Lost {
    /// Not sent: longer than the service accepts.
    TooLarge,
    Closed,
    Timeout(Duration),
    Io(std::io::Error),
}

fn parse(line: &[u8], who: &str) -> Result<Response, StoreError> {
    serde_json::from_slice(line).map_err(|e| {
        StoreError::Remote(format!(
            "{who} sent an answer this taizhang cannot read ({e}); is it another taizhang version?"
        ))
    })
}

fn unreachable(dir: &Path, socket: &Path, e: &std::io::Error) -> StoreError {
    let reason = if e.kind() == ErrorKind::PermissionDenied {
        format!(
            "permission denied on {}: the ledger belongs to another user; ask its owner to share it with your group (taizhang init-shared --group NAME)",
            socket.display()
        )
    } else {
        format!("{} ({e})", socket.display())
    };
    StoreError::ServiceUnavailable {
        path: dir.to_path_buf(),
        reason,
    }
}
