//! Starting the ledger service on demand: connect; if nothing answers, start
//! `taizhang --db DIR serve --detach` with a pipe as its stdout and block on
//! that pipe until the service says it listens (`ready`). Racing clients may
//! each start one; the store's lock lets exactly one of them serve, and the
//! others' exit with `EXIT_LOCKED` sends their clients to the winner.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::client::ClientOptions;
use super::connection::{Attempt, Connection};
use super::error::WireError;
use super::ready::{self, Ready};
use super::{EXIT_LOCKED, LOG_FILE, SOCKET_FILE};
use crate::core::error::StoreError;

/// While another process holds the ledger (a racing client's service that is
/// still opening it, or one closing down), look again this often. Only that
/// race waits like this; a service we start tells us when it is ready.
const HELD_RECHECK: Duration = Duration::from_millis(5);

/// Connect to the service of `dir`, starting one if none answers. With
/// `greet`, the service's greeting is read here; otherwise by the first call.
pub(super) fn connect_or_start(
    dir: &Path,
    options: &ClientOptions,
    greet: bool,
) -> Result<Connection, StoreError> {
    let socket = dir.join(SOCKET_FILE);
    let deadline = Instant::now() + options.start_timeout;
    let mut locked: Option<StoreError> = None;
    loop {
        let opened =
            Connection::open(dir, &socket, options.request_timeout).and_then(|mut conn| {
                if greet {
                    conn.greet(options.request_timeout)?;
                }
                Ok(conn)
            });
        match opened {
            Ok(conn) => return Ok(conn),
            Err(Attempt::Fatal(e)) => return Err(e),
            Err(Attempt::Absent) => {}
        }
        if !options.spawn {
            return Err(StoreError::ServiceUnavailable {
                path: dir.to_path_buf(),
                reason: "no ledger service is running".into(),
            });
        }
        if Instant::now() >= deadline {
            return Err(locked.unwrap_or_else(|| not_started(dir, options)));
        }
        check_owner(dir)?;
        let (mut child, mut pipe) = start(dir, options)?;
        match ready::wait(&mut pipe, deadline) {
            Ready::Listening => reap(child),
            Ready::TimedOut => {
                reap(child);
                return Err(not_started(dir, options));
            }
            Ready::Exited => {
                // It closed the pipe without a word: it has exited.
                let status = child.wait().map_err(|source| StoreError::Io {
                    context: "cannot learn how the ledger service ended".into(),
                    source,
                })?;
                let error = child_error(&mut child);
                if status.code() != Some(i32::from(EXIT_LOCKED)) {
                    return Err(error.unwrap_or_else(|| StoreError::ServiceUnavailable {
                        path: dir.to_path_buf(),
                        reason: format!("the ledger service failed to start ({status})"),
                    }));
                }
                // Another process holds the ledger: normally a service that
                // won a race and answers soon, or one closing down (then the
                // next start succeeds).
                locked = error;
                std::thread::sleep(
                    HELD_RECHECK.min(deadline.saturating_duration_since(Instant::now())),
                );
            }
        }
    }
}

fn not_started(dir: &Path, options: &ClientOptions) -> StoreError {
    StoreError::ServiceUnavailable {
        path: dir.to_path_buf(),
        reason: format!(
            "the ledger service did not start within {} s; see {}",
            options.start_timeout.as_secs(),
            dir.join(LOG_FILE).display()
        ),
    }
}

/// Start `taizhang --db DIR serve --detach`: its stdout is the ready pipe
/// (returned), its stderr piped to us, where a service that cannot start
/// writes its error as one JSON line.
fn start(dir: &Path, options: &ClientOptions) -> Result<(Child, std::io::PipeReader), StoreError> {
    let program = match &options.program {
        Some(program) => program.clone(),
        None => std::env::current_exe().map_err(|source| StoreError::Io {
            context: "cannot find the taizhang program to start the ledger service".into(),
            source,
        })?,
    };
    let failed = |source| StoreError::Io {
        context: format!(
            "cannot start the ledger service ({} serve)",
            program.display()
        ),
        source,
    };
    let (reader, writer) = std::io::pipe().map_err(failed)?;
    let mut command = Command::new(&program);
    command
        .arg("--db")
        .arg(dir)
        .arg("serve")
        .arg("--detach")
        .current_dir("/")
        .env_remove("TAIZHANG_DIRECT")
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped());
    if let Some(secs) = options.idle_exit {
        command.arg("--idle-exit").arg(secs.to_string());
    }
    let child = command.spawn().map_err(failed)?;
    // Our copy of the pipe's write end goes with `command`, so that the
    // child's exit ends the wait.
    drop(command);
    Ok((child, reader))
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
