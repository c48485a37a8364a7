//! Running one command for a session: as the peer, on this service's clock,
//! under the ledger's policy (`taizhang.toml`, read afresh so that
//! `taizhang access` takes effect at once). A use case holds the store from
//! its first check to its last write, so both see the same ledger; what needs
//! no ledger happens outside the lock: encoding every answer, and most of an
//! import (cleaning, checking and comparing the file, writing its journal
//! texts), so that a long import or export holds no one up for long.

use std::fmt;
use std::time::{Duration, Instant};

use chrono::Local;
use serde_json::value::RawValue;

use super::identity::Peer;
use super::shared::Shared;
use crate::core::error::CoreError;
use crate::core::ledger::Command;
use crate::core::ledger::staged::StagedImport;
use crate::core::{Backup, Ledger};
use crate::store::SledStore;

/// How long a use case held the ledger: alone (every other request waited)
/// and beside other readers (writes waited).
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Held {
    pub alone: Duration,
    pub reading: Duration,
}

impl fmt::Display for Held {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        write!(
            f,
            "held the ledger alone {:.0} ms, beside readers {:.0} ms",
            ms(self.alone),
            ms(self.reading)
        )
    }
}

/// Run `command` as `peer` and encode its answer (after letting go of the
/// ledger).
pub(super) fn command(
    shared: &Shared,
    peer: &Peer,
    command: Command,
    held: &mut Held,
) -> Result<Box<RawValue>, CoreError> {
    let answer = match command {
        Command::Import { backup } => import(shared, peer, &backup, held)?,
        command => {
            // Reads run side by side; a write runs alone.
            let alone = command.effect().writes();
            if alone {
                // A full disk refuses the write at once, before sled sees it
                // (it could otherwise wait for good) and without closing the
                // ledger.
                crate::store::space::ensure_room(&shared.dir, 0)?;
            }
            shared.with_store(alone, |store| -> Result<_, CoreError> {
                let _timer = Timer::start(held, alone);
                command.answer(&ledger(store, peer)?)
            })?
        }
    };
    answer.encode()
}

/// An import in steps (`core::ledger::staged`): the file cleaned and checked
/// without the ledger; what it replaces read beside other readers; the sealed
/// years compared and the journal texts written without the ledger; then,
/// holding the ledger alone, the one transaction. When anything was written
/// between the read and the write, the import is planned again while the
/// ledger is held, so the plan always matches the ledger it replaces.
fn import(
    shared: &Shared,
    peer: &Peer,
    backup: &Backup,
    held: &mut Held,
) -> Result<crate::core::ledger::Answer, CoreError> {
    let staged = StagedImport::new(backup)?;
    let (basis, seen) = shared.with_store_at(false, |store, seen| -> Result<_, CoreError> {
        let _timer = Timer::start(held, false);
        Ok((ledger(store, peer)?.import_basis(&staged)?, seen))
    })?;
    let plan = staged.plan(&basis)?;
    crate::store::space::ensure_room(&shared.dir, 0)?;
    shared.with_store_at(true, |store, now| -> Result<_, CoreError> {
        let _timer = Timer::start(held, true);
        let ledger = ledger(store, peer)?;
        if now == seen {
            ledger.apply_import(&plan)
        } else {
            ledger.apply_import(&staged.plan(&ledger.import_basis(&staged)?)?)
        }
    })?;
    Ok(crate::core::ledger::Answer::Import(()))
}

/// The ledger as `peer` uses it: their name, this service's clock, the
/// ledger's policy.
fn ledger<'a>(store: &'a SledStore, peer: &Peer) -> Result<Ledger<&'a SledStore>, CoreError> {
    let policy = crate::store::sharing::policy(store.path())?;
    Ok(Ledger::new(store, peer.user.clone())
        .with_clock(std::sync::Arc::new(|| Local::now().naive_local()))
        .with_policy(policy))
}

/// Adds the time since its start to `Held` when dropped, however the use
/// case ends.
struct Timer<'a> {
    since: Instant,
    held: &'a mut Held,
    alone: bool,
}

impl<'a> Timer<'a> {
    fn start(held: &'a mut Held, alone: bool) -> Self {
        Self {
            since: Instant::now(),
            held,
            alone,
        }
    }
}

impl Drop for Timer<'_> {
    fn drop(&mut self) {
        let spent = self.since.elapsed();
        if self.alone {
            self.held.alone += spent;
        } else {
            self.held.reading += spent;
        }
    }
}
