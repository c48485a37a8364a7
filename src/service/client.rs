//! `RemoteLedger`: the ledger as the service runs it, over its socket (its
//! `LedgerApi` impl is derived in `protocol.rs`). Every
//! call has a time limit, so a stuck or dead service is an error, never a
//! hang; after a failure the next call reconnects (starting a service if
//! none runs). A connection sends its greeting and, pipelined behind it, the
//! first request, so that a first screen costs one round trip (`connection`).

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use serde::de::DeserializeOwned;

use super::connection::{Attempt, Connection};
use super::protocol::{Request, Response};
use super::spawn::connect_or_start;
use crate::core::error::{CoreError, StoreError};
use crate::core::ledger::Command;

/// How a client reaches the service.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Start a service when none answers.
    pub spawn: bool,
    /// The taizhang binary to start; `None` = this executable.
    pub program: Option<PathBuf>,
    /// Passed to a started service as `--idle-exit`; `None` = its default.
    pub idle_exit: Option<u64>,
    /// How long to wait for a started service to answer.
    pub start_timeout: Duration,
    /// The time limit of one call.
    pub request_timeout: Duration,
    /// The time limit of a whole-ledger export or import.
    pub bulk_timeout: Duration,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            spawn: true,
            program: None,
            idle_exit: None,
            start_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(10),
            bulk_timeout: Duration::from_secs(120),
        }
    }
}

/// A ledger held by the service for directory `dir`.
#[derive(Debug)]
pub struct RemoteLedger {
    dir: PathBuf,
    options: ClientOptions,
    conn: Mutex<Option<Connection>>,
}

impl RemoteLedger {
    /// Connect to the service of the ledger at `dir`, starting one if
    /// needed, and exchange greetings: a service that cannot serve this
    /// client (another protocol) is an error here.
    pub fn connect(dir: &Path, options: ClientOptions) -> Result<Self, StoreError> {
        Self::open(dir, options, true)
    }

    /// Like `connect`, but the service's greeting is read with the answer to
    /// the first call, so that it costs no round trip of its own (the CLI
    /// and the TUI: one round trip to a first screen).
    pub fn connect_pipelined(dir: &Path, options: ClientOptions) -> Result<Self, StoreError> {
        Self::open(dir, options, false)
    }

    fn open(dir: &Path, options: ClientOptions, greet: bool) -> Result<Self, StoreError> {
        let dir = std::path::absolute(dir).map_err(|source| StoreError::Io {
            context: format!("cannot resolve the ledger path {}", dir.display()),
            source,
        })?;
        let conn = connect_or_start(&dir, &options, greet)?;
        Ok(Self {
            dir,
            options,
            conn: Mutex::new(Some(conn)),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The process id of the service this client talks to, if connected.
    pub fn service_pid(&self) -> Option<u32> {
        let mut guard = self.lock();
        let conn = guard.as_mut()?;
        if conn.greet(self.options.request_timeout).is_err() {
            *guard = None;
            return None;
        }
        Some(conn.welcome.pid)
    }

    /// Have the service run `command` as this connection's Unix user.
    pub(super) fn command<T: DeserializeOwned>(&self, command: Command) -> Result<T, CoreError> {
        let timeout = if command.effect().bulk() {
            self.options.bulk_timeout
        } else {
            self.options.request_timeout
        };
        self.call(&Request::Command(Box::new(command)), timeout)
    }

    fn lock(&self) -> MutexGuard<'_, Option<Connection>> {
        self.conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn call<T: DeserializeOwned>(
        &self,
        request: &Request,
        timeout: Duration,
    ) -> Result<T, CoreError> {
        let mut guard = self.lock();
        let conn = match guard.take() {
            Some(conn) => conn,
            None => connect_or_start(&self.dir, &self.options, false)?,
        };
        let conn = guard.insert(conn);
        let answer = match conn.exchange(request, timeout) {
            // It closed before it greeted: a service closing down, which ran
            // nothing of ours. Once more, with a service that is there.
            Err(Attempt::Absent) => {
                *guard = None;
                let conn = guard.insert(connect_or_start(&self.dir, &self.options, false)?);
                conn.exchange(request, timeout)
            }
            other => other,
        };
        match answer {
            Ok(value) => decode(value),
            Err(e) => {
                // The stream may hold half an answer: never reuse it.
                *guard = None;
                Err(match e {
                    Attempt::Fatal(e) => e.into(),
                    Attempt::Absent => StoreError::ServiceUnavailable {
                        path: self.dir.clone(),
                        reason: "the ledger service closed the connection before it greeted".into(),
                    }
                    .into(),
                })
            }
        }
    }
}

pub(super) fn decode<T: DeserializeOwned>(response: Response) -> Result<T, CoreError> {
    match response {
        Response::Ok(value) => serde_json::from_str(value.get()).map_err(|e| {
            CoreError::Store(StoreError::Remote(format!(
                "the ledger service sent an answer this taizhang cannot read ({e})"
            )))
        }),
        Response::Err(e) => Err(CoreError::Store(e.into())),
        Response::Failed(e) => Err(e),
        Response::Part { .. } => Err(CoreError::Store(StoreError::Remote(
            "the ledger service sent a part of an answer out of place".into(),
        ))),
    }
}
