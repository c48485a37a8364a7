//! How the service waits: its listening socket (bound here, or handed over by
//! systemd socket activation) and one `poll` over it, a signal self-pipe, a
//! wake-up pipe that ending sessions write to, and an inotify watch on the
//! ledger directory (to notice the socket file going). Idle, the service
//! sleeps in that poll until something happens or a deadline it set comes.

use std::io::{ErrorKind, Read};
use std::os::fd::AsFd;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sys::inotify::{AddWatchFlags, InitFlags, Inotify};

use crate::core::error::StoreError;

/// Where the listening socket came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    /// Bound by this process; it unlinks the file when it stops.
    Bound,
    /// Handed over by systemd (`LISTEN_FDS`); the file stays systemd's.
    Activated,
}

pub(super) struct Listening {
    pub(super) listener: UnixListener,
    pub(super) origin: Origin,
    inode: u64,
}

impl Listening {
    /// The socket a resting service handed over (see `rest`).
    pub(super) fn resumed(listener: UnixListener, origin: Origin, inode: u64) -> Self {
        Self {
            listener,
            origin,
            inode,
        }
    }

    /// The inode of the socket file when it was bound.
    pub(super) fn inode(&self) -> u64 {
        self.inode
    }

    /// The socket file is still the one we listen on (not removed or replaced).
    pub(super) fn socket_is_ours(&self, socket: &Path) -> bool {
        std::fs::symlink_metadata(socket).is_ok_and(|m| m.ino() == self.inode)
    }
}

/// The socket handed over by systemd, if any, else a fresh one at `socket`.
pub(super) fn listen(socket: &Path, mode: u32) -> Result<Listening, StoreError> {
    let (listener, origin) = match activated(socket)? {
        Some(listener) => (listener, Origin::Activated),
        None => (bind(socket, mode)?, Origin::Bound),
    };
    listener
        .set_nonblocking(true)
        .map_err(|e| io_err(socket, "cannot listen on", e))?;
    let inode = std::fs::symlink_metadata(socket)
        .map(|m| m.ino())
        .map_err(|e| io_err(socket, "cannot inspect", e))?;
    Ok(Listening {
        listener,
        origin,
        inode,
    })
}

/// systemd socket activation: the first passed descriptor, which must be a
/// Unix stream socket listening at this ledger's `socket`.
fn activated(socket: &Path) -> Result<Option<UnixListener>, StoreError> {
    let mut fds = listenfd::ListenFd::from_env();
    if fds.len() == 0 {
        return Ok(None);
    }
    let handed = |e| {
        io_err(
            socket,
            "systemd handed over a socket that is not a listening Unix socket for",
            e,
        )
    };
    let Some(listener) = fds.take_unix_listener(0).map_err(handed)? else {
        return Ok(None);
    };
    let at = listener.local_addr().map_err(|e| {
        io_err(
            socket,
            "cannot read the address of the socket handed over for",
            e,
        )
    })?;
    if at.as_pathname() != Some(socket) {
        return Err(StoreError::ServiceUnavailable {
            path: socket.parent().unwrap_or(socket).to_path_buf(),
            reason: format!(
                "systemd handed over a socket at {}, but this ledger's socket is {}; set ListenStream={} in taizhang.socket (taizhang init-shared --service-user prints it)",
                at.as_pathname()
                    .map_or_else(|| "an unnamed address".into(), |p| p.display().to_string()),
                socket.display(),
                socket.display()
            ),
        });
    }
    Ok(Some(listener))
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
    Ok(listener)
}

/// The descriptors besides the listener that end a wait.
pub(super) struct Wakeups {
    signals: UnixStream,
    sessions: UnixStream,
    /// Written by a session thread when it ends (a clone lives in `Shared`).
    pub(super) notify: UnixStream,
    dir_watch: Option<Inotify>,
    registered: Vec<signal_hook::SigId>,
}

impl Wakeups {
    /// Watch SIGTERM, SIGINT and SIGHUP (setting `stop`) and the directory `dir`.
    pub(super) fn new(dir: &Path, stop: &Arc<AtomicBool>) -> Result<Self, StoreError> {
        let fail = |e: std::io::Error| io_err(dir, "cannot set up the service's wake-ups for", e);
        let (signals, signal_tx) = UnixStream::pair().map_err(fail)?;
        let (sessions, notify) = UnixStream::pair().map_err(fail)?;
        for end in [&signals, &signal_tx, &sessions, &notify] {
            end.set_nonblocking(true).map_err(fail)?;
        }
        let mut registered = Vec::new();
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGHUP,
        ] {
            // The flag first, so that the pipe's byte always finds it set.
            registered.push(signal_hook::flag::register(signal, Arc::clone(stop)).map_err(fail)?);
            let tx = signal_tx.try_clone().map_err(fail)?;
            registered.push(signal_hook::low_level::pipe::register(signal, tx).map_err(fail)?);
        }
        // Without inotify the wait falls back to looking once a second.
        let dir_watch = Inotify::init(InitFlags::IN_NONBLOCK | InitFlags::IN_CLOEXEC)
            .ok()
            .filter(|watch| {
                let events = AddWatchFlags::IN_DELETE
                    | AddWatchFlags::IN_MOVED_FROM
                    | AddWatchFlags::IN_MOVED_TO
                    | AddWatchFlags::IN_CREATE
                    | AddWatchFlags::IN_DELETE_SELF
                    | AddWatchFlags::IN_MOVE_SELF;
                watch.add_watch(dir, events).is_ok()
            });
        Ok(Self {
            signals,
            sessions,
            notify,
            dir_watch,
            registered,
        })
    }

    /// Sleep until a client connects (when `listener` is given), a signal
    /// arrives, a session ends, the directory changes, or `timeout` passes.
    pub(super) fn wait(&self, listener: Option<&UnixListener>, timeout: Option<Duration>) {
        let fallback = Duration::from_secs(1);
        let timeout = match (&self.dir_watch, timeout) {
            (None, Some(t)) => Some(t.min(fallback)),
            (None, None) => Some(fallback),
            (Some(_), t) => t,
        };
        let mut fds = vec![
            PollFd::new(self.signals.as_fd(), PollFlags::POLLIN),
            PollFd::new(self.sessions.as_fd(), PollFlags::POLLIN),
        ];
        if let Some(watch) = &self.dir_watch {
            fds.push(PollFd::new(watch.as_fd(), PollFlags::POLLIN));
        }
        if let Some(listener) = listener {
            fds.push(PollFd::new(listener.as_fd(), PollFlags::POLLIN));
        }
        let timeout = timeout.map_or(PollTimeout::NONE, |t| {
            // Round up, so that a deadline is not missed by a millisecond.
            PollTimeout::try_from(t + Duration::from_micros(999)).unwrap_or(PollTimeout::MAX)
        });
        // An interrupted or failed poll is one more turn of the caller's loop.
        let _ = poll(&mut fds, timeout);
        drop(fds);
        drain(&self.signals);
        drain(&self.sessions);
        if let Some(watch) = &self.dir_watch {
            let _ = watch.read_events();
        }
    }
}

impl Drop for Wakeups {
    fn drop(&mut self) {
        for id in self.registered.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

fn drain(mut pipe: &UnixStream) {
    let mut buf = [0u8; 64];
    while matches!(pipe.read(&mut buf), Ok(n) if n > 0) {}
}

fn io_err(path: &Path, what: &str, source: std::io::Error) -> StoreError {
    StoreError::Io {
        context: format!("{what} {}", path.display()),
        source,
    }
}
