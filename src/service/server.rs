//! `taizhang serve`: own the ledger (its exclusive lock, then sled), listen on
//! `DIR/taizhang.sock` (or the socket systemd hands over) and answer clients,
//! one thread each, one request at a time against the store. Exits when idle,
//! on SIGTERM/SIGINT/SIGHUP, or when its socket file disappears; a socket it
//! bound goes before the lock is released. Idle, it sleeps in `poll`.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::SOCKET_FILE;
use super::admit::admit;
use super::listen::{Listening, Origin, Wakeups, listen};
use super::log::Log;
use super::shared::{Shared, open_store};
use crate::core::error::StoreError;
use crate::store::Sharing;

/// How long after starting the service takes today's automatic backup, so
/// that the client which started it is answered first.
const BACKUP_DELAY: Duration = Duration::from_secs(3);

/// After a failed accept, wait this long before the next (doubling to 1 s),
/// so that a persistent failure (out of descriptors) never spins.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(10);

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub dir: PathBuf,
    /// Exit after this long without a connection; `None` = never.
    pub idle_exit: Option<Duration>,
    /// Started by a client: leave its session and log to `service.log`.
    pub detach: bool,
    /// Share the ledger with this Unix group first (as `init-shared`).
    pub group: Option<String>,
}

/// Why a service ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stopped {
    Idle,
    Signal,
    /// The socket file was removed or replaced (say, the directory deleted).
    SocketGone,
}

#[derive(Debug)]
pub enum Served {
    Stopped(Stopped),
    /// Another process holds the ledger (normally a service that won a race).
    AlreadyRunning(StoreError),
}

/// Serve the ledger at `options.dir` until a stop condition.
pub fn serve(options: &ServeOptions) -> Result<Served, StoreError> {
    let dir = std::path::absolute(&options.dir).map_err(|source| StoreError::Io {
        context: format!("cannot resolve the ledger path {}", options.dir.display()),
        source,
    })?;
    if options.detach {
        // Leave the client's session so that its terminal's hangup or ^C
        // does not reach us; fails harmlessly if we already lead a group.
        let _ = nix::unistd::setsid();
    }
    let socket = dir.join(SOCKET_FILE);
    let resumed = super::rest::resumed(&dir, &socket)?;
    if let (Some(group), None) = (&options.group, &resumed) {
        super::share::share_with_group(&dir, group)?;
    }
    owner_only(&dir)?;
    let sharing = Sharing::load(&dir)?;
    nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(sharing.umask()));
    let opening = Instant::now();
    // A rested service: lock and socket handed over, the ledger opened at
    // the next request.
    let (store, held, listening, handover) = if let Some(r) = resumed {
        (None, Some(r.lock), r.listening, Some(r.handover))
    } else {
        let store = match open_store(&dir) {
            Err(e @ StoreError::Locked { .. }) => return Ok(Served::AlreadyRunning(e)),
            other => other?,
        };
        if sharing.is_shared() {
            // The store writes some files 0600 on first open; the group reads them.
            crate::store::sharing::apply(&dir)?;
        }
        // We hold the lock: a socket file left here is stale.
        let listening = listen(&socket, sharing.socket_mode())?;
        (Some(store), None, listening, None)
    };
    let opened_in = opening.elapsed();
    let stop = Arc::new(AtomicBool::new(false));
    let wakeups = Wakeups::new(&dir, &stop)?;
    let notify = wakeups
        .notify
        .try_clone()
        .map_err(|e| io_err(&dir, "cannot set up the service's wake-ups for", e))?;
    let log = if options.detach {
        Log::file(
            &dir,
            sharing.file_mode(),
            crate::store::files::ledger_owner(&dir)?,
        )
    } else {
        Log::stderr()
    };
    let now = Instant::now();
    let last_seen = handover
        .and_then(|h| now.checked_sub(h.idle))
        .unwrap_or(now);
    let revision = handover.map_or_else(revision_seed, |h| h.revision);
    let shared = Arc::new(Shared::new(
        (store, held),
        dir.clone(),
        revision,
        log,
        (notify, last_seen),
    ));
    if handover.is_some() {
        shared
            .log
            .line("resting: sled's threads are gone; the ledger opens at the next request");
    } else {
        shared.log.line(&format!(
            "serving {} (protocol {}, idle exit {}{}; ledger opened in {:.1} ms)",
            dir.display(),
            super::PROTOCOL_VERSION,
            options
                .idle_exit
                .map_or_else(|| "never".to_string(), |d| format!("{} s", d.as_secs())),
            if listening.origin == Origin::Activated {
                ", socket from systemd"
            } else {
                ""
            },
            opened_in.as_secs_f64() * 1000.0
        ));
    }
    if options.detach && handover.is_none() {
        // The client that started us blocks on this; connections wait in
        // the listen queue until the loop below accepts them.
        super::ready::announce();
    }
    let mut threads = Vec::new();
    let reason = accept_loop(
        &listening,
        handover.and_then(|h| h.backed_up),
        &shared,
        &stop,
        &wakeups,
        options.idle_exit,
        &mut threads,
    );
    // Unlink first, so that a new client starts a new service rather than
    // knocking on a closed door; the new one waits for our lock. A socket
    // systemd handed over stays: systemd starts us again on the next client.
    if listening.origin == Origin::Bound && listening.socket_is_ours(&socket) {
        let _ = std::fs::remove_file(&socket);
    }
    drop(listening);
    shared.sessions().shut_all();
    for thread in threads {
        let _ = thread.join();
    }
    shared.log.line(&format!("stopped: {reason:?}"));
    // The last reference: dropping it flushes sled and releases the lock.
    drop(shared);
    Ok(Served::Stopped(reason))
}

fn accept_loop(
    listening: &Listening,
    mut backed_up: Option<chrono::NaiveDate>,
    shared: &Arc<Shared>,
    stop: &AtomicBool,
    wakeups: &Wakeups,
    idle_exit: Option<Duration>,
    threads: &mut Vec<JoinHandle<()>>,
) -> Stopped {
    let socket = shared.dir.join(SOCKET_FILE);
    let mut next_id = 0u64;
    let started = Instant::now();
    let mut rest = super::rest::Rest::default();
    let mut backoff: Option<Duration> = None;
    loop {
        if stop.load(Ordering::SeqCst) {
            return Stopped::Signal;
        }
        // Take every waiting connection; a failure backs off rather than spin.
        loop {
            match listening.listener.accept() {
                Ok((stream, _)) => {
                    backoff = None;
                    next_id += 1;
                    threads.extend(admit(shared, next_id, stream));
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => {
                    shared
                        .log
                        .throttled("accept", &format!("accept failed: {e}"));
                    let next = backoff.map_or(ACCEPT_BACKOFF, |b| b * 2);
                    backoff = Some(next.min(Duration::from_secs(1)));
                    break;
                }
            }
        }
        if !listening.socket_is_ours(&socket) {
            return Stopped::SocketGone;
        }
        let idle = shared.idle_for();
        let idle_out = matches!((idle_exit, idle), (Some(limit), Some(idle)) if idle >= limit);
        // Today's backup: once the first client has been answered, or at the
        // latest before an idle exit.
        let now = chrono::Local::now().naive_local();
        let backup_in = if backed_up == Some(now.date()) {
            super::daily::until_tomorrow(now)
        } else {
            BACKUP_DELAY.saturating_sub(started.elapsed())
        };
        if backed_up != Some(now.date()) && (idle_out || backup_in.is_zero()) {
            backed_up = Some(now.date());
            // Off this thread: connections are accepted and served while it
            // runs, and `serve` waits for it before the ledger is closed.
            threads.extend(super::daily::start(shared, now));
            continue;
        }
        if idle_out {
            return Stopped::Idle;
        }
        threads.retain(|t| !t.is_finished());
        // Quiet for a while, today's backup taken: shed sled's threads.
        let rest_in = rest.due(shared, listening, idle, backed_up, threads.is_empty());
        // Sleep until something happens or the next deadline: the idle exit,
        // the backup, the rest, the end of a back-off. No periodic tick.
        let idle_in = match (idle_exit, idle) {
            (Some(limit), Some(idle)) => Some(limit.saturating_sub(idle)),
            _ => None,
        };
        let deadline = [idle_in, Some(backup_in), rest_in, backoff]
            .into_iter()
            .flatten()
            .min();
        let listener = backoff.is_none().then_some(&listening.listener);
        // After a back-off the loop tries to accept again; a success resets it.
        wakeups.wait(listener, deadline);
    }
}

/// Only the ledger's owner (the service user, under systemd) or root runs its
/// service: members have no handle on its files, by design.
pub(super) fn owner_only(dir: &Path) -> Result<(), StoreError> {
    let owner = match crate::store::files::ledger_owner(dir) {
        Ok(owner) => owner,
        // A new ledger: this user creates it and owns it.
        Err(StoreError::Io { source, .. }) if source.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let me = nix::unistd::geteuid();
    if me.is_root() || me.as_raw() == owner {
        return Ok(());
    }
    Err(StoreError::ServiceUnavailable {
        path: dir.to_path_buf(),
        reason: format!(
            "no ledger service is running, and only the ledger's owner, {}, can start it; ask the owner to run `taizhang --db {} serve --idle-exit 0`, or to set up systemd socket activation (taizhang init-shared --group GROUP --service-user USER) so that it starts for every member",
            crate::store::files::user_name(owner),
            dir.display()
        ),
    })
}

/// A start value no earlier run of the service can have reached, so that a
/// client polling across a restart still sees a change.
fn revision_seed() -> u64 {
    let millis = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| {
        u64::try_from(d.as_millis()).unwrap_or(u64::MAX >> 16)
    });
    millis << 16
}

fn io_err(path: &Path, what: &str, source: std::io::Error) -> StoreError {
    StoreError::Io {
        context: format!("{what} {}", path.display()),
        source,
    }
}
