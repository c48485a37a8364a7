//! `AnyStore`: the ledger store a shell gets, either sled in this process
//! (`--direct`, tests, `demo`) or the ledger service over its socket. Its
//! `Store` impl is generated beside the protocol (`protocol.rs`).

use super::client::RemoteStore;
use crate::core::error::StoreError;
use crate::store::SledStore;

#[derive(Debug)]
pub enum AnyStore {
    Direct(SledStore),
    Remote(RemoteStore),
}

impl AnyStore {
    /// A number that changes whenever another session changes the ledger;
    /// `None` in direct mode, where this process is the only writer.
    pub fn revision(&self) -> Result<Option<u64>, StoreError> {
        match self {
            AnyStore::Direct(_) => Ok(None),
            AnyStore::Remote(remote) => remote.revision().map(Some),
        }
    }

    pub fn is_remote(&self) -> bool {
        matches!(self, AnyStore::Remote(_))
    }
}
