//! A year's seal: a SHA-256 digest over the year's records in id order and
//! the journal head at sealing time. Printed in the annual report, it lets a
//! reader later check that neither the year nor the history before it changed.
//! Seals taken since archives exist also cover the year's rectification items,
//! the roster and the catalogue (quotas) the year is judged by.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Hash, canonical};
use crate::core::catalogue::Catalogue;
use crate::core::error::StoreError;
use crate::core::fix::FixItem;
use crate::core::record::Record;
use crate::core::roster::Person;

/// What a `seal` journal entry holds in `after`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealDigest {
    pub year: i32,
    /// How many records the year held.
    pub records: usize,
    /// Digest of the year's records alone.
    pub records_sha256: Hash,
    /// The rest of what the seal covers (absent in seals of older versions,
    /// which covered the records only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contents: Option<SealContents>,
    /// The journal head the seal builds on: its seq and hash.
    pub head_seq: u64,
    pub head: Hash,
    /// The number to print: `seal_digest` (records only) or
    /// `full_seal_digest` (with `contents`).
    pub digest: Hash,
}

/// The digests of a year's items, roster and catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealContents {
    pub fixes: usize,
    pub fixes_sha256: Hash,
    pub people: usize,
    pub roster_sha256: Hash,
    pub catalogue_sha256: Hash,
}

impl SealContents {
    pub fn of(
        fixes: &[FixItem],
        people: &[Person],
        catalogue: &Catalogue,
    ) -> Result<Self, StoreError> {
        let mut f: Vec<&FixItem> = fixes.iter().collect();
        f.sort_by_key(|x| x.id);
        let mut p: Vec<&Person> = people.iter().collect();
        p.sort_by_key(|x| x.id);
        Ok(SealContents {
            fixes: f.len(),
            fixes_sha256: list_digest(b"taizhang fixes v1\0", &f)?,
            people: p.len(),
            roster_sha256: list_digest(b"taizhang roster v1\0", &p)?,
            catalogue_sha256: list_digest(b"taizhang catalogue v1\0", &[catalogue])?,
        })
    }
}

impl SealDigest {
    /// The seal of `year` holding `records` (and `contents`, if given), on
    /// the journal head `(head_seq, head)`.
    pub fn new(
        year: i32,
        records: &[Record],
        contents: Option<SealContents>,
        head_seq: u64,
        head: Hash,
    ) -> Result<Self, StoreError> {
        let records_sha256 = records_digest(records)?;
        let digest = match &contents {
            Some(c) => full_seal_digest(year, &records_sha256, c, &head),
            None => seal_digest(year, &records_sha256, &head),
        };
        Ok(SealDigest {
            year,
            records: records.len(),
            records_sha256,
            contents,
            head_seq,
            head,
            digest,
        })
    }

    /// Whether `records` (and the contents, when this seal covers them)
    /// still give this seal's digest.
    pub fn matches(
        &self,
        records: &[Record],
        contents: Option<&SealContents>,
    ) -> Result<bool, StoreError> {
        let again = SealDigest::new(
            self.year,
            records,
            self.contents.as_ref().and(contents).cloned(),
            self.head_seq,
            self.head,
        )?;
        let contents_same = match (&self.contents, contents) {
            (Some(mine), Some(now)) => mine == now,
            (None, _) => true,
            (Some(_), None) => false,
        };
        Ok(contents_same
            && again.records_sha256 == self.records_sha256
            && again.digest == self.digest)
    }
}

fn list_digest<T: Serialize>(tag: &[u8], items: &[T]) -> Result<Hash, StoreError> {
    let mut h = Sha256::new();
    h.update(tag);
    for item in items {
        let json = canonical(item)?;
        h.update((json.len() as u64).to_be_bytes());
        h.update(json.as_bytes());
    }
    Ok(Hash(h.finalize().into()))
}

/// SHA-256 over each record's canonical JSON, length-prefixed, in id order.
pub fn records_digest(records: &[Record]) -> Result<Hash, StoreError> {
    let mut sorted: Vec<&Record> = records.iter().collect();
    sorted.sort_by_key(|r| r.id);
    list_digest(b"taizhang records v1\0", &sorted)
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

/// The seal digest of `year` over its records, items, roster and catalogue,
/// bound to the journal head.
pub fn full_seal_digest(year: i32, records_sha256: &Hash, c: &SealContents, head: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update(b"taizhang seal v2\0");
    h.update(year.to_be_bytes());
    h.update(records_sha256.0);
    for n in [c.fixes, c.people] {
        h.update((n as u64).to_be_bytes());
    }
    h.update(c.fixes_sha256.0);
    h.update(c.roster_sha256.0);
    h.update(c.catalogue_sha256.0);
    h.update(head.0);
    Hash(h.finalize().into())
}
