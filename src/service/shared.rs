//! What every session thread of the service shares: the store behind a
//! readers-writer lock (reopened from disk after an I/O failure), the count
//! of writes that lets a use case prepared beside other readers tell whether
//! the ledger changed before it took it alone, and the sessions.

use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError, RwLock};
use std::time::{Duration, Instant};

use super::admit::Sessions;
use super::log::Log;
use crate::core::catalogue::Catalogue;
use crate::core::error::StoreError;
use crate::store::{HeldLock, OpenOptions, SledStore};

/// How many times the ledger was held alone (for a write, or to reopen it):
/// equal counts seen under the lock mean the same ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Generation(u64);

pub(super) struct Shared {
    /// `None` after an I/O failure or while resting, until the next request
    /// opens it again.
    pub(super) store: RwLock<Option<SledStore>>,
    /// The ledger lock while the store is closed and the service rests.
    pub(super) held: Mutex<Option<HeldLock>>,
    /// A reader met an I/O failure: reopen before the next request.
    broken: AtomicBool,
    /// Bumped, under the write lock, every time the store is held alone.
    generation: AtomicU64,
    pub(super) dir: PathBuf,
    pub(super) revision: AtomicU64,
    /// Bytes of requests held in parts by all sessions (`session::Staged`).
    pub(super) staged: AtomicU64,
    pub(super) log: Log,
    sessions: Mutex<Sessions>,
    last_seen: Mutex<Instant>,
    /// Written to when a session ends, to wake the accept loop.
    notify: UnixStream,
}

impl Shared {
    /// `store`: the open ledger, or none and the lock a resting service
    /// kept; `notify` wakes the accept loop, `last_seen` is the last client.
    pub(super) fn new(
        (store, held): (Option<SledStore>, Option<HeldLock>),
        dir: PathBuf,
        revision: u64,
        log: Log,
        (notify, last_seen): (UnixStream, Instant),
    ) -> Self {
        Self {
            store: RwLock::new(store),
            held: Mutex::new(held),
            broken: AtomicBool::new(false),
            generation: AtomicU64::new(0),
            dir,
            revision: AtomicU64::new(revision),
            staged: AtomicU64::new(0),
            log,
            sessions: Mutex::new(Sessions::default()),
            last_seen: Mutex::new(last_seen),
            notify,
        }
    }

    /// A service's shared state over a fresh ledger at `dir`, for unit tests.
    #[cfg(test)]
    pub(super) fn for_tests(dir: &Path) -> std::sync::Arc<Self> {
        let store = SledStore::open(dir, &Catalogue::embedded()).unwrap();
        let (notify, _) = UnixStream::pair().unwrap();
        std::sync::Arc::new(Self::new(
            (Some(store), None),
            dir.to_path_buf(),
            0,
            Log::stderr(),
            (notify, Instant::now()),
        ))
    }

    /// Run `f` on the ledger: alongside other readers, or alone when it
    /// `writes`. After an I/O failure (a full or read-only disk) sled keeps
    /// refusing for good and may still show, from memory, the write it
    /// reported as failed; so the store is dropped and opened again from
    /// disk before the next request, which then sees exactly what is on
    /// disk and succeeds once space is freed.
    pub(super) fn with_store<T, E: From<StoreError> + IoFailure>(
        &self,
        writes: bool,
        f: impl FnOnce(&SledStore) -> Result<T, E>,
    ) -> Result<T, E> {
        self.with_store_at(writes, |store, _| f(store))
    }

    /// `with_store`, telling `f` the generation of the ledger it sees: a
    /// reader's equals the next writer's when nothing was written between.
    pub(super) fn with_store_at<T, E: From<StoreError> + IoFailure>(
        &self,
        writes: bool,
        f: impl FnOnce(&SledStore, Generation) -> Result<T, E>,
    ) -> Result<T, E> {
        let failed = |r: &Result<T, E>| r.as_ref().err().is_some_and(IoFailure::io_failure);
        if !writes && !self.broken.load(Ordering::SeqCst) {
            let guard = self.store.read().unwrap_or_else(PoisonError::into_inner);
            if let Some(store) = guard.as_ref() {
                let result = f(store, self.generation());
                if failed(&result) {
                    self.broken.store(true, Ordering::SeqCst);
                }
                return result;
            }
        }
        let mut guard = self.store.write().unwrap_or_else(PoisonError::into_inner);
        let seen = self.generation();
        // Whatever happens below, readers before this point saw another ledger.
        self.generation.fetch_add(1, Ordering::SeqCst);
        if self.broken.swap(false, Ordering::SeqCst) {
            // Drop sled first: it holds its files until it is gone.
            *guard = None;
        }
        if guard.is_none() {
            let held = self
                .held
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take();
            // A resting service opens the ledger it kept locked.
            *guard = Some(if let Some(held) = held {
                open_held(&self.dir, held)?
            } else {
                let store = open_store(&self.dir)?;
                self.log.line("reopened the ledger after an I/O failure");
                store
            });
        }
        let Some(store) = guard.as_ref() else {
            return Err(StoreError::Db("the ledger is not open".into()).into());
        };
        let result = f(store, seen);
        if failed(&result) {
            *guard = None;
        }
        result
    }

    /// Whether sled is open in this process (a resting service has it closed).
    pub(super) fn store_is_open(&self) -> bool {
        self.store
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }

    fn generation(&self) -> Generation {
        Generation(self.generation.load(Ordering::SeqCst))
    }

    pub(super) fn sessions(&self) -> MutexGuard<'_, Sessions> {
        self.sessions.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(super) fn ended(&self, id: u64) {
        self.sessions().remove(id);
        *self
            .last_seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Instant::now();
        let _ = std::io::Write::write(&mut &self.notify, &[1]);
    }

    pub(super) fn idle_for(&self) -> Option<Duration> {
        self.sessions().is_empty().then(|| {
            self.last_seen
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .elapsed()
        })
    }
}

/// Errors that may mean sled met an I/O failure and must be opened again.
pub(super) trait IoFailure {
    fn io_failure(&self) -> bool;
}

impl IoFailure for StoreError {
    fn io_failure(&self) -> bool {
        matches!(self, StoreError::Io { .. } | StoreError::Db(_))
    }
}

impl IoFailure for crate::core::error::CoreError {
    fn io_failure(&self) -> bool {
        matches!(self, crate::core::error::CoreError::Store(e) if e.io_failure())
    }
}

/// Open the ledger for the service. Today's backup is taken after the first
/// client is served, not while it waits for the ledger to open (see
/// `server::accept_loop`).
pub(super) fn open_store(dir: &Path) -> Result<SledStore, StoreError> {
    SledStore::open_with(dir, &Catalogue::embedded(), no_backup())
}

/// `open_store` under the lock a resting service kept.
fn open_held(dir: &Path, held: HeldLock) -> Result<SledStore, StoreError> {
    SledStore::open_held(dir, &Catalogue::embedded(), no_backup(), held)
}

fn no_backup() -> OpenOptions {
    OpenOptions {
        daily_backup: false,
        ..OpenOptions::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::CoreError;

    fn seen(shared: &Shared, writes: bool) -> Generation {
        shared
            .with_store_at(writes, |_, g| Ok::<_, CoreError>(g))
            .unwrap()
    }

    #[test]
    fn a_writer_sees_what_a_reader_saw_only_when_nothing_was_written_between() {
        let dir = tempfile::tempdir().unwrap();
        let shared = Shared::for_tests(&dir.path().join("ledger"));
        let read = seen(&shared, false);
        assert_eq!(seen(&shared, false), read, "reads change nothing");
        assert_eq!(seen(&shared, true), read, "the first writer after the read");
        // That writer held the ledger alone: a plan read before it is stale.
        assert_ne!(seen(&shared, true), read);
        let read = seen(&shared, false);
        shared
            .with_store(true, |_| Err::<(), _>(StoreError::Corrupt("x".into())))
            .unwrap_err();
        assert_ne!(seen(&shared, true), read, "even a failed write counts");
    }
}
