//! Starting the ledger service on demand: connect; if nothing answers, start
//! `taizhang --db DIR serve --detach` and retry with backoff. Racing clients
//! may each start one; the store's lock lets exactly one of them serve.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::client::{Attempt, ClientOptions, Connection};
use super::error::WireError;
use super::{EXIT_LOCKED, LOG_FILE, SOCKET_FILE};
use crate::core::error::StoreError;

/// Connect to the service of `dir`, starting one if none answers.
pub(super) fn connect_or_start(
    dir: &Path,
    options: &ClientOptions,
) -> Result<Connection, StoreError> {
    let socket = dir.join(SOCKET_FILE);
    let deadline = Instant::now() + options.start_timeout;
    let mut child: Option<Child> = None;
    let mut last_spawn: Option<Instant> = None;
    let mut locked: Option<StoreError> = None;
    let mut delay = Duration::from_millis(10);
    loop {
        match Connection::open(dir, &socket, options.request_timeout) {
            Ok(conn) => {
                if let Some(child) = child {
                    reap(child);
                }
                return Ok(conn);
            }
            Err(Attempt::Fatal(e)) => return Err(e),
            Err(Attempt::Absent) => {}
        }
        if !options.spawn {
            return Err(StoreError::ServiceUnavailable {
                path: dir.to_path_buf(),
                reason: "no ledger service is running".into(),
            });
        }
        if let Some(running) = child.as_mut()
            && let Ok(Some(status)) = running.try_wait()
        {
            let error = child_error(running);
            child = None;
            if status.code() == Some(i32::from(EXIT_LOCKED)) {
                // Another service holds the ledger and should answer soon
                // (or it is closing down: then the next start succeeds).
                locked = error;
            } else if !status.success() {
                return Err(error.unwrap_or_else(|| StoreError::ServiceUnavailable {
                    path: dir.to_path_buf(),
                    reason: format!("the ledger service failed to start ({status})"),
                }));
            }
        }
        let now = Instant::now();
        if now >= deadline {
            if let Some(child) = child {
                reap(child);
            }
            return Err(locked.unwrap_or_else(|| StoreError::ServiceUnavailable {
                path: dir.to_path_buf(),
                reason: format!(
                    "the ledger service did not start within {} s; see {}",
                    options.start_timeout.as_secs(),
                    dir.join(LOG_FILE).display()
                ),
            }));
        }
        if child.is_none() && last_spawn.is_none_or(|t| t.elapsed() >= Duration::from_millis(200)) {
            check_owner(dir)?;
            child = Some(start(dir, options)?);
            last_spawn = Some(now);
        }
        std::thread::sleep(delay.min(deadline.saturating_duration_since(now)));
        delay = (delay * 2).min(Duration::from_millis(200));
    }
}

/// Start `taizhang --db DIR serve --detach`, its stderr piped to us: a
/// service that cannot start writes its error there as one JSON line.
fn start(dir: &Path, options: &ClientOptions) -> Result<Child, StoreError> {
    let program = match &options.program {
        Some(program) => program.clone(),
        None => std::env::current_exe().map_err(|source| StoreError::Io {
            context: "cannot find the taizhang program to start the ledger service".into(),
            source,
        })?,
    };
    let mut command = Command::new(&program);
    command
        .arg("--db")
        .arg(dir)
        .arg("serve")
        .arg("--detach")
        .current_dir("/")
        .env_remove("TAIZHANG_DIRECT")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(secs) = options.idle_exit {
        command.arg("--idle-exit").arg(secs.to_string());
    }
    command.spawn().map_err(|source| StoreError::Io {
        context: format!(
            "cannot start the ledger service ({} serve)",
            program.display()
        ),
        source,
    })
}

/// The error an exited service reported on its stderr, if any.
fn child_error(child: &mut Child) -> Option<StoreError> {
    let mut text = String::new();
    child.stderr.take()?.read_to_string(&mut text).ok()?;
    let line = text.lines().rev().find(|l| !l.trim().is_empty())?;
    Some(match serde_json::from_str::<WireError>(line) {
        Ok(wire) => wire.into(),
        Err(_) => StoreError::Remote(line.trim().to_string()),
    })
}

/// Let a started service run on, but collect its exit status so that a
/// long-lived client (the TUI) leaves no zombie behind.
fn reap(mut child: Child) {
    // Close our end of its stderr: the service must never block on it.
    drop(child.stderr.take());
    let _ = std::thread::Builder::new()
        .name("taizhang-reap".into())
        .spawn(move || {
            let _ = child.wait();
        });
}

/// A service runs as the user who starts it, and only the owner of the
/// ledger's files can open them: anyone else must wait for the owner's.
fn check_owner(dir: &Path) -> Result<(), StoreError> {
    super::server::owner_only(dir)
}
