//! The change journal: one hash-chained entry per change (who, when, what,
//! the value before and after). Each entry's hash covers every other field,
//! including the previous entry's hash, so editing or removing one breaks the chain.

mod diff;
mod seal;

use std::fmt;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::error::StoreError;
use super::fix::FixId;
use super::port::{Backup, Stamp};
use super::record::RecordId;
use super::roster::PersonId;

pub use diff::{FieldChange, diff};
pub use seal::{SealContents, SealDigest, full_seal_digest, records_digest, seal_digest};

/// A SHA-256 hash, shown and stored as 64 lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Hash(pub [u8; 32]);

impl Hash {
    /// The `prev` of the first entry.
    pub const ZERO: Hash = Hash([0; 32]);

    pub fn hex(&self) -> String {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = String::with_capacity(64);
        for b in self.0 {
            out.push(char::from(DIGITS[usize::from(b >> 4)]));
            out.push(char::from(DIGITS[usize::from(b & 0xf)]));
        }
        out
    }

    pub fn from_hex(s: &str) -> Option<Hash> {
        if s.len() != 64 || !s.is_ascii() {
            return None;
        }
        let mut out = [0u8; 32];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(Hash(out))
    }

    /// The first 12 hex digits, enough to tell entries apart on screen.
    pub fn short(&self) -> String {
        self.hex()[..12].to_string()
    }
}

impl fmt::Debug for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash({})", self.short())
    }
}

impl fmt::Display for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.hex())
    }
}

impl Serialize for Hash {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.hex())
    }
}

impl<'de> Deserialize<'de> for Hash {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Hash::from_hex(&s).ok_or_else(|| serde::de::Error::custom("not a 64-digit hex hash"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Create,
    Update,
    Delete,
    Restore,
    Import,
    Catalogue,
    Seal,
    /// A dated correction added to a record (`after`: the correction).
    Amend,
    /// A year closed with `year close` (`after`: `{"year":Y,"closed":true}`,
    /// with the seal digest and the archive's SHA-256 since archives exist).
    CloseYear,
    /// An archived year put back into the live store by its owner
    /// (`before`: what `close_year` recorded).
    ReopenYear,
    /// The ledger replaced by a backup (`after`: `RestoreNote`).
    RestoreBackup,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Restore => "restore",
            Action::Import => "import",
            Action::Catalogue => "catalogue",
            Action::Seal => "seal",
            Action::Amend => "amend",
            Action::CloseYear => "close_year",
            Action::ReopenYear => "reopen_year",
            Action::RestoreBackup => "restore_backup",
        }
    }
}

/// What an entry is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Record(RecordId),
    Person(PersonId),
    Catalogue,
    /// The whole ledger (a backup import).
    Ledger,
    Year(i32),
    /// A rectification item.
    Fix(FixId),
}

impl fmt::Display for Entity {
    /// The canonical spelling, also hashed: `record:12`, `year:2026`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Entity::Record(id) => write!(f, "record:{}", id.0),
            Entity::Person(id) => write!(f, "person:{}", id.0),
            Entity::Catalogue => f.write_str("catalogue"),
            Entity::Ledger => f.write_str("ledger"),
            Entity::Year(y) => write!(f, "year:{y}"),
            Entity::Fix(id) => write!(f, "fix:{}", id.0),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// 1, 2, 3, … without gaps.
    pub seq: u64,
    pub at: NaiveDateTime,
    /// The Unix user who made the change.
    pub user: String,
    pub action: Action,
    pub entity: Entity,
    /// Canonical JSON of the value before the change (`None`: did not exist).
    pub before: Option<String>,
    /// Canonical JSON of the value after the change (`None`: gone).
    pub after: Option<String>,
    /// The previous entry's hash; `Hash::ZERO` for the first entry.
    pub prev: Hash,
    pub hash: Hash,
}

impl JournalEntry {
    /// A new entry following `prev` (the head's seq and hash, if any), hashed.
    pub fn next(
        prev: Option<(u64, Hash)>,
        stamp: &Stamp,
        action: Action,
        entity: Entity,
        before: Option<String>,
        after: Option<String>,
    ) -> JournalEntry {
        let (seq, prev) = prev.map_or((1, Hash::ZERO), |(seq, h)| (seq + 1, h));
        let mut entry = JournalEntry {
            seq,
            at: stamp.at,
            user: stamp.user.clone(),
            action,
            entity,
            before,
            after,
            prev,
            hash: Hash::ZERO,
        };
        entry.hash = entry.compute_hash();
        entry
    }

    /// SHA-256 over a length-prefixed framing of every field but `hash`, so
    /// no two different entries share an input.
    pub fn compute_hash(&self) -> Hash {
        fn field(h: &mut Sha256, bytes: &[u8]) {
            h.update((bytes.len() as u64).to_be_bytes());
            h.update(bytes);
        }
        fn optional(h: &mut Sha256, value: Option<&String>) {
            match value {
                None => h.update([0u8]),
                Some(v) => {
                    h.update([1u8]);
                    field(h, v.as_bytes());
                }
            }
        }
        let mut h = Sha256::new();
        h.update(b"taizhang journal v1\0");
        h.update(self.seq.to_be_bytes());
        field(
            &mut h,
            self.at
                .format("%Y-%m-%dT%H:%M:%S%.9f")
                .to_string()
                .as_bytes(),
        );
        field(&mut h, self.user.as_bytes());
        field(&mut h, self.action.as_str().as_bytes());
        field(&mut h, self.entity.to_string().as_bytes());
        optional(&mut h, self.before.as_ref());
        optional(&mut h, self.after.as_ref());
        h.update(self.prev.0);
        Hash(h.finalize().into())
    }
}

/// An intact journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    pub entries: u64,
    /// The last entry's hash (`Hash::ZERO` for an empty journal).
    pub head: Hash,
}

/// Why the chain breaks at an entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BrokenReason {
    /// The stored hash is not the hash of the entry's content: it was edited.
    BadHash,
    /// `prev` is not the previous entry's hash.
    BadLink,
    /// An entry is missing before this one (`expected` was the seq due).
    Gap { expected: u64 },
    /// The journal ends early: entries up to `head` were written.
    Truncated { head: u64 },
}

/// The first entry at which the chain is broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[error("journal entry {seq} is broken: {reason:?}")]
pub struct Broken {
    pub seq: u64,
    pub reason: BrokenReason,
}

/// Check a whole journal, in order from seq 1. Names the first broken entry.
pub fn verify(entries: &[JournalEntry]) -> Result<Summary, Broken> {
    let mut head = Hash::ZERO;
    for (expected, e) in (1u64..).zip(entries) {
        let broken = |reason| Err(Broken { seq: e.seq, reason });
        if e.seq != expected {
            return broken(BrokenReason::Gap { expected });
        }
        if e.prev != head {
            return broken(BrokenReason::BadLink);
        }
        if e.compute_hash() != e.hash {
            return broken(BrokenReason::BadHash);
        }
        head = e.hash;
    }
    Ok(Summary {
        entries: entries.len() as u64,
        head,
    })
}

/// `verify`, and the journal must reach `revision`, the last seq the store
/// says it wrote (so removing the newest entries is caught too).
pub fn verify_to(entries: &[JournalEntry], revision: u64) -> Result<Summary, Broken> {
    let summary = verify(entries)?;
    if summary.entries < revision {
        return Err(Broken {
            seq: summary.entries + 1,
            reason: BrokenReason::Truncated { head: revision },
        });
    }
    Ok(summary)
}

/// What an `import` entry keeps as `after`: the backup's size and digest
/// (the file itself is the user's; `before` keeps the replaced ledger whole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub people: usize,
    pub records: usize,
    pub next_id: u64,
    pub sha256: Hash,
}

impl ImportSummary {
    pub fn of(backup: &Backup) -> Result<ImportSummary, StoreError> {
        Ok(ImportSummary {
            people: backup.people.len(),
            records: backup.records.len(),
            next_id: backup.next_id,
            sha256: Hash(Sha256::digest(canonical(backup)?.as_bytes()).into()),
        })
    }
}

/// How a journaled insert-or-update names its change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutKind {
    /// `Create` for a new value, `Update` for a changed one.
    Entity,
    /// As `Entity`, but a new value whose id is in the trash is a `Restore`.
    Restorable { in_trash: bool },
    /// Always this action (`Catalogue`, `Amend`).
    Fixed(Action),
}

/// The rule of every journaled insert-or-update, in one place for every
/// store: a value whose canonical text is unchanged writes nothing (`None`);
/// otherwise the action its entry is journaled under.
pub fn put_action(before: Option<&str>, after: &str, kind: PutKind) -> Option<Action> {
    if before == Some(after) {
        return None;
    }
    Some(match (kind, before.is_some()) {
        (PutKind::Fixed(action), _) => action,
        (_, true) => Action::Update,
        (PutKind::Restorable { in_trash: true }, false) => Action::Restore,
        _ => Action::Create,
    })
}

/// The canonical JSON kept in `before`/`after`: serde's field order, compact.
pub fn canonical<T: Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value)
        .map_err(|e| StoreError::Db(format!("cannot encode a journal value: {e}")))
}

#[cfg(test)]
mod tests;
