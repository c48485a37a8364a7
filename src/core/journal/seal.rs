//! A year's seal: a SHA-256 digest over the year's records in id order and
//! the journal head at sealing time. Printed in the annual report, it lets a
//! reader later check that neither the year nor the history before it changed.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Hash, canonical};
use crate::core::error::StoreError;
use crate::core::record::Record;

/// What a `seal` journal entry holds in `after`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealDigest {
    pub year: i32,
    /// How many records the year held.
    pub records: usize,
    /// Digest of the year's records alone.
    pub records_sha256: Hash,
    /// The journal head the seal builds on: its seq and hash.
    pub head_seq: u64,
    pub head: Hash,
    /// `seal_digest(year, records_sha256, head)`: the number to print.
    pub digest: Hash,
}

/// SHA-256 over each record's canonical JSON, length-prefixed, in id order.
pub fn records_digest(records: &[Record]) -> Result<Hash, StoreError> {
    let mut sorted: Vec<&Record> = records.iter().collect();
    sorted.sort_by_key(|r| r.id);
    let mut h = Sha256::new();
    h.update(b"taizhang records v1\0");
    for r in sorted {
        let json = canonical(r)?;
        h.update((json.len() as u64).to_be_bytes());
        h.update(json.as_bytes());
    }
    Ok(Hash(h.finalize().into()))
}

/// The seal digest of `year`: its records' digest bound to the journal head.
pub fn seal_digest(year: i32, records_sha256: &Hash, head: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update(b"taizhang seal v1\0");
    h.update(year.to_be_bytes());
    h.update(records_sha256.0);
    h.update(head.0);
    Hash(h.finalize().into())
}
