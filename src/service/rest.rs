//! A quiet service rests. sled 0.34 starts seven I/O threads on its first
//! open that live as long as the process and wake once a second each, even
//! with the database closed; so a service idle for `REST_AFTER` closes sled
//! and executes itself afresh. Its ledger lock goes over as stdin and its
//! listening socket as stdout (the two descriptors std hands to a new
//! program without unsafe code), the rest in `RESUME_ENV`: nobody can take
//! the ledger, and no client is refused, meanwhile. The fresh process has no
//! thread but its own, sleeps in `poll`, and opens the ledger at the next
//! request.

use std::fs::File;
use std::os::fd::AsFd;
use std::os::unix::net::UnixListener;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::PoisonError;
use std::sync::atomic::Ordering;
use std::time::Duration;

use chrono::NaiveDate;

use super::listen::{Listening, Origin};
use super::shared::Shared;
use crate::core::error::StoreError;
use crate::store::HeldLock;

/// How long a service waits without a client before it rests.
pub(super) const REST_AFTER: Duration = Duration::from_secs(5);

/// Carries the state a resting service hands to its fresh self.
const RESUME_ENV: &str = "TAIZHANG_SERVE_RESUME";

/// What a fresh process takes over from the service it replaced.
pub(super) struct Resumed {
    pub(super) lock: HeldLock,
    pub(super) listening: Listening,
    pub(super) handover: Handover,
}

/// The state `exec` hands on, besides the two descriptors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Handover {
    pub(super) origin: Origin,
    pub(super) inode: u64,
    pub(super) revision: u64,
    pub(super) backed_up: Option<NaiveDate>,
    pub(super) idle: Duration,
}

impl Handover {
    fn encode(&self) -> String {
        format!(
            "origin={};inode={};revision={};backed_up={};idle_ms={}",
            match self.origin {
                Origin::Bound => "bound",
                Origin::Activated => "activated",
            },
            self.inode,
            self.revision,
            self.backed_up.map_or_else(String::new, |d| d.to_string()),
            self.idle.as_millis()
        )
    }

    fn decode(text: &str) -> Option<Self> {
        let mut origin = None;
        let (mut inode, mut revision, mut idle) = (None, None, None);
        let mut backed_up = None;
        for part in text.split(';') {
            let (key, value) = part.split_once('=')?;
            match key {
                "origin" => {
                    origin = Some(match value {
                        "bound" => Origin::Bound,
                        "activated" => Origin::Activated,
                        _ => return None,
                    });
                }
                "inode" => inode = Some(value.parse().ok()?),
                "revision" => revision = Some(value.parse().ok()?),
                "backed_up" if value.is_empty() => {}
                "backed_up" => backed_up = Some(value.parse().ok()?),
                "idle_ms" => idle = Some(Duration::from_millis(value.parse().ok()?)),
                _ => return None,
            }
        }
        Some(Self {
            origin: origin?,
            inode: inode?,
            revision: revision?,
            backed_up,
            idle: idle?,
        })
    }
}

/// In a fresh process: what the resting service handed on, if it was one;
/// `None` for an ordinary start. (The variable stays set: changing the
/// environment needs unsafe code, and the service starts no program but
/// itself, which gets the variable written afresh.)
pub(super) fn resumed(dir: &Path, socket: &Path) -> Result<Option<Resumed>, StoreError> {
    let Some(text) = std::env::var_os(RESUME_ENV) else {
        return Ok(None);
    };
    let handover = text.to_str().and_then(Handover::decode).ok_or_else(|| {
        StoreError::Db(format!(
            "{RESUME_ENV} is not what a resting service writes; start the service again"
        ))
    })?;
    let fail = |what: &str, e: std::io::Error| StoreError::Io {
        context: format!(
            "cannot take over the {what} of the service of {}",
            dir.display()
        ),
        source: e,
    };
    let lock = std::io::stdin()
        .as_fd()
        .try_clone_to_owned()
        .map_err(|e| fail("ledger lock", e))?;
    let listener = std::io::stdout()
        .as_fd()
        .try_clone_to_owned()
        .map_err(|e| fail("socket", e))?;
    // stdin and stdout back to /dev/null, as a detached service has them.
    if let Ok(null) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
    {
        let _ = nix::unistd::dup2_stdin(&null);
        let _ = nix::unistd::dup2_stdout(&null);
    }
    let lock = HeldLock::adopt(dir, File::from(lock))?;
    let listener = UnixListener::from(listener);
    let at = listener.local_addr().map_err(|e| fail("socket", e))?;
    if at.as_pathname() != Some(socket) {
        return Err(StoreError::Db(format!(
            "the socket handed over is not {}; start the service again",
            socket.display()
        )));
    }
    listener
        .set_nonblocking(true)
        .map_err(|e| fail("socket", e))?;
    Ok(Some(Resumed {
        lock,
        listening: Listening::resumed(listener, handover.origin, handover.inode),
        handover,
    }))
}

/// The accept loop's side of resting.
#[derive(Debug, Default)]
pub(super) struct Rest {
    /// An attempt failed: this process stays as it is.
    failed: bool,
}

impl Rest {
    /// Rest if it is due: no session for `REST_AFTER` (`idle`), today's
    /// backup taken, no thread of ours running (`quiet`), and sled opened in
    /// this process (else there is nothing to shed). Returns only if resting
    /// failed or is not due: then how long until it may be, if ever.
    pub(super) fn due(
        &mut self,
        shared: &Shared,
        listening: &Listening,
        idle: Option<Duration>,
        backed_up: Option<NaiveDate>,
        quiet: bool,
    ) -> Option<Duration> {
        let idle = idle?;
        let today = chrono::Local::now().date_naive();
        if self.failed || backed_up != Some(today) || !shared.store_is_open() {
            return None;
        }
        let left = REST_AFTER.saturating_sub(idle);
        if !left.is_zero() {
            return Some(left);
        }
        if !quiet {
            // Today's backup is still being written: look again in a while.
            return Some(Duration::from_secs(1));
        }
        let handover = Handover {
            origin: listening.origin,
            inode: listening.inode(),
            revision: shared.revision.load(Ordering::SeqCst),
            backed_up,
            idle,
        };
        let why = rest(shared, &listening.listener, &handover);
        shared
            .log
            .line(&format!("cannot rest, staying as it is: {why}"));
        self.failed = true;
        None
    }
}

/// Close sled keeping the lock, and execute afresh. Returns only on failure,
/// with the store closed but the lock kept for the next request.
fn rest(shared: &Shared, listener: &UnixListener, handover: &Handover) -> String {
    let mut guard = shared.store.write().unwrap_or_else(PoisonError::into_inner);
    let Some(store) = guard.take() else {
        return "the ledger is not open".into();
    };
    let Some(file) = store.close_keeping_lock().and_then(HeldLock::into_file) else {
        return "the ledger's lock is gone".into();
    };
    let why = exec(&file, listener, handover);
    match HeldLock::adopt(&shared.dir, file) {
        Ok(held) => *shared.held.lock().unwrap_or_else(PoisonError::into_inner) = Some(held),
        Err(e) => shared
            .log
            .line(&format!("the ledger's lock after a failed rest: {e}")),
    }
    why.to_string()
}

/// Execute this program afresh with the same arguments, handing on `lock`
/// and `listener` (see the module header). Returns only if that failed; the
/// lock file and socket are then still open here, and the caller goes on.
pub(super) fn exec(lock: &File, listener: &UnixListener, handover: &Handover) -> std::io::Error {
    let (lock, listener) = match (lock.try_clone(), listener.try_clone()) {
        (Ok(lock), Ok(listener)) => (lock, listener),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    let mut args = std::env::args_os();
    let argv0 = args.next().unwrap_or_else(|| "taizhang".into());
    Command::new("/proc/self/exe")
        .arg0(argv0)
        .args(args)
        .env(RESUME_ENV, handover.encode())
        .stdin(Stdio::from(lock))
        .stdout(Stdio::from(std::os::fd::OwnedFd::from(listener)))
        .exec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handover_reads_back_as_written() {
        for backed_up in [None, NaiveDate::from_ymd_opt(2026, 12, 2)] {
            let h = Handover {
                origin: Origin::Activated,
                inode: 42,
                revision: 7 << 16,
                backed_up,
                idle: Duration::from_millis(5_250),
            };
            assert_eq!(Handover::decode(&h.encode()), Some(h));
        }
        assert_eq!(Handover::decode("origin=bound;inode=x"), None);
        assert_eq!(Handover::decode(""), None);
    }
}
