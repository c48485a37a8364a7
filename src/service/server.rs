//! `taizhang serve`: own the ledger (its exclusive lock, then sled), bind
//! `DIR/taizhang.sock` and answer clients, one thread each, one request at a
//! time against the store. Exits when idle, on SIGTERM/SIGINT/SIGHUP, or when
//! its socket file disappears; the socket goes before the lock is released.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::net::Shutdown;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::SOCKET_FILE;
use super::log::Log;
use super::session;
use crate::core::catalogue::Catalogue;
use crate::core::error::StoreError;
use crate::store::{OpenOptions, Sharing, SledStore};

/// How long after starting the service takes today's automatic backup, so
/// that the client which started it is answered first.
const BACKUP_DELAY: Duration = Duration::from_secs(3);

/// How often the accept loop looks at its stop conditions.
const TICK: Duration = Duration::from_millis(50);

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

/// What every session thread shares.
pub(super) struct Shared {
    store: Mutex<SledStore>,
    pub(super) revision: AtomicU64,
    pub(super) log: Log,
    sessions: Mutex<HashMap<u64, UnixStream>>,
    active: AtomicUsize,
    last_seen: Mutex<Instant>,
}

impl Shared {
    pub(super) fn store(&self) -> MutexGuard<'_, SledStore> {
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn ended(&self, id: u64) {
        self.sessions
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&id);
        *self
            .last_seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Instant::now();
        self.active.fetch_sub(1, Ordering::SeqCst);
    }

    fn idle_for(&self) -> Option<Duration> {
        (self.active.load(Ordering::SeqCst) == 0).then(|| {
            self.last_seen
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .elapsed()
        })
    }
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
    if let Some(group) = &options.group {
        super::share::share_with_group(&dir, group)?;
    }
    let sharing = Sharing::load(&dir)?;
    nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(sharing.umask()));
    // Today's backup is taken after the first client is served, not while
    // it waits for the ledger to open (see `accept_loop`).
    let no_backup = OpenOptions {
        daily_backup: false,
        ..OpenOptions::default()
    };
    let store = match SledStore::open_with(&dir, &Catalogue::embedded(), no_backup) {
        Err(e @ StoreError::Locked { .. }) => return Ok(Served::AlreadyRunning(e)),
        other => other?,
    };
    if sharing.is_shared() {
        // The store writes some files 0600 on first open; the group reads them.
        crate::store::sharing::apply(&dir)?;
    }
    // We hold the lock: a socket file left here is stale.
    let socket = dir.join(SOCKET_FILE);
    let listener = bind(&socket, sharing.socket_mode())?;
    let inode = std::fs::symlink_metadata(&socket)
        .map(|m| m.ino())
        .map_err(|e| io_err(&socket, "cannot inspect", e))?;
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .map_err(|e| io_err(&socket, "cannot watch signals for", e))?;
    }
    let log = if options.detach {
        Log::file(&dir, sharing.file_mode())
    } else {
        Log::stderr()
    };
    let shared = Arc::new(Shared {
        store: Mutex::new(store),
        revision: AtomicU64::new(revision_seed()),
        log,
        sessions: Mutex::new(HashMap::new()),
        active: AtomicUsize::new(0),
        last_seen: Mutex::new(Instant::now()),
    });
    shared.log.line(&format!(
        "serving {} (protocol {}, idle exit {})",
        dir.display(),
        super::PROTOCOL_VERSION,
        options
            .idle_exit
            .map_or_else(|| "never".to_string(), |d| format!("{} s", d.as_secs()))
    ));
    let mut threads = Vec::new();
    let reason = accept_loop(
        &listener,
        &dir,
        &shared,
        &stop,
        options.idle_exit,
        &mut threads,
        || std::fs::symlink_metadata(&socket).is_ok_and(|m| m.ino() == inode),
    );
    // Unlink first, so that a new client starts a new service rather than
    // knocking on a closed door; the new one waits for our lock.
    if std::fs::symlink_metadata(&socket).is_ok_and(|m| m.ino() == inode) {
        let _ = std::fs::remove_file(&socket);
    }
    drop(listener);
    for stream in shared
        .sessions
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .values()
    {
        let _ = stream.shutdown(Shutdown::Both);
    }
    for thread in threads {
        let _ = thread.join();
    }
    shared.log.line(&format!("stopped: {reason:?}"));
    // The last reference: dropping it flushes sled and releases the lock.
    drop(shared);
    Ok(Served::Stopped(reason))
}

fn accept_loop(
    listener: &UnixListener,
    dir: &Path,
    shared: &Arc<Shared>,
    stop: &AtomicBool,
    idle_exit: Option<Duration>,
    threads: &mut Vec<JoinHandle<()>>,
    socket_is_ours: impl Fn() -> bool,
) -> Stopped {
    let mut next_id = 0u64;
    let started = Instant::now();
    let mut backed_up: Option<chrono::NaiveDate> = None;
    loop {
        if stop.load(Ordering::SeqCst) {
            return Stopped::Signal;
        }
        match listener.accept() {
            Ok((stream, _)) => {
                next_id += 1;
                match start_session(shared, next_id, stream) {
                    Ok(handle) => threads.push(handle),
                    Err(e) => shared.log.line(&format!("cannot start a session: {e}")),
                }
                continue;
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {}
            Err(e) => shared.log.line(&format!("accept failed: {e}")),
        }
        if !socket_is_ours() {
            return Stopped::SocketGone;
        }
        let idle_out = matches!(
            (idle_exit, shared.idle_for()),
            (Some(limit), Some(idle)) if idle >= limit
        );
        // Today's backup: once the first client has been answered, or at the
        // latest before an idle exit.
        let now = chrono::Local::now().naive_local();
        if backed_up != Some(now.date()) && (idle_out || started.elapsed() >= BACKUP_DELAY) {
            backed_up = Some(now.date());
            if let Err(e) = crate::store::backup::daily(&*shared.store(), dir, now) {
                shared
                    .log
                    .line(&format!("today's automatic backup failed: {e}"));
            }
        }
        if idle_out {
            return Stopped::Idle;
        }
        threads.retain(|t| !t.is_finished());
        wait_for_connection(listener, TICK);
    }
}

/// Sleep until a client connects or `tick` passes, whichever is first, so a
/// connection is answered at once rather than at the next tick.
fn wait_for_connection(listener: &UnixListener, tick: Duration) {
    use nix::poll::{PollFd, PollFlags, poll};
    use std::os::fd::AsFd;
    let mut fds = [PollFd::new(listener.as_fd(), PollFlags::POLLIN)];
    let ms = u16::try_from(tick.as_millis()).unwrap_or(u16::MAX);
    // An interrupted or failed poll just means one more turn of the loop.
    let _ = poll(&mut fds, ms);
}

fn start_session(
    shared: &Arc<Shared>,
    id: u64,
    stream: UnixStream,
) -> std::io::Result<JoinHandle<()>> {
    stream.set_nonblocking(false)?;
    let registered = stream.try_clone()?;
    shared
        .sessions
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(id, registered);
    shared.active.fetch_add(1, Ordering::SeqCst);
    let worker = Arc::clone(shared);
    let spawned = std::thread::Builder::new()
        .name(format!("taizhang-session-{id}"))
        .spawn(move || {
            session::run(&worker, stream);
            worker.ended(id);
        });
    if spawned.is_err() {
        shared.ended(id);
    }
    spawned
}

/// Bind `socket` afresh (removing a stale file) and give it `mode`.
fn bind(socket: &Path, mode: u32) -> Result<UnixListener, StoreError> {
    match std::fs::remove_file(socket) {
        Ok(()) => {}
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(io_err(socket, "cannot remove the stale socket", e)),
    }
    let listener = UnixListener::bind(socket).map_err(|e| io_err(socket, "cannot listen on", e))?;
    std::fs::set_permissions(socket, std::fs::Permissions::from_mode(mode))
        .map_err(|e| io_err(socket, "cannot set the permissions of", e))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| io_err(socket, "cannot listen on", e))?;
    Ok(listener)
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
