//! `AnyLedger`: the ledger a shell gets, either run in this process on sled
//! (`--direct`, tests, `demo`) or run by the ledger service over its socket.
//! Its `LedgerApi` impl is generated beside the protocol (`protocol.rs`), so
//! the CLI and TUI call the same methods in both modes.

use super::client::RemoteLedger;
use crate::core::Ledger;
use crate::store::SledStore;

pub enum AnyLedger {
    Direct(Ledger<SledStore>),
    Remote(RemoteLedger),
}

impl AnyLedger {
    pub fn is_remote(&self) -> bool {
        matches!(self, AnyLedger::Remote(_))
    }
}
