//! Whether a backup may replace the ledger, decided before anything is
//! written: its journal must be an intact hash chain that continues the
//! ledger's own journal and reaches the head of every sealed year, so a
//! restore can neither reset the chain nor fork it. Only the owner may force
//! a refused backup in, and that is journaled (`RestoreNote::forced`).

use serde::{Deserialize, Serialize};

use std::collections::HashMap;

use chrono::Datelike;

use super::archive::YearArchive;
use super::error::StoreError;
use super::fix::FixItem;
use super::journal::{self, Action, Broken, Entity, Hash, JournalEntry, SealDigest, canonical};
use super::port::{Backup, Store};
use super::record::Record;
use super::year::Correction;

/// Why a backup's chain is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ChainRefusal {
    /// The backup's own journal is broken at `seq`.
    #[error("the backup's journal is broken at entry {seq}")]
    Broken { seq: u64 },
    /// The backup carries no journal, but the ledger has one.
    #[error(
        "the backup carries no journal, so it cannot continue the ledger's ({entries} entries)"
    )]
    NoJournal { entries: u64 },
    /// The backup's journal differs from the ledger's at `seq`.
    #[error("the backup's journal forks from the ledger's at entry {seq}")]
    Forks { seq: u64 },
    /// The backup's journal does not reach the head `year` was sealed on.
    #[error("the backup's journal does not reach the seal of {year} (entry {head_seq})")]
    MissesSeal { year: i32, head_seq: u64 },
    /// The backup's content is not what its own journal says it is.
    #[error("the backup's {entity} is not what its journal last recorded")]
    Content { entity: Entity },
}

impl From<Broken> for ChainRefusal {
    fn from(b: Broken) -> Self {
        ChainRefusal::Broken { seq: b.seq }
    }
}

/// The `after` of a `restore_backup` journal entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestoreNote {
    /// The backup file's name and the SHA-256 of its bytes.
    pub file: String,
    pub sha256: Hash,
    /// The backup's journal: how many entries, and its head.
    pub backup_entries: u64,
    pub backup_head: Hash,
    /// The ledger's journal head before the restore (`None`: it was empty or
    /// could not be read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced: Option<(u64, Hash)>,
    /// Set when the owner forced a backup whose chain was refused: why it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forced: Option<ChainRefusal>,
}

/// Check `backup`'s journal against its own content, the ledger's journal
/// (`current`; empty when it could not be read) and the seals of the
/// archived years.
pub fn check_chain(
    whole: &Backup,
    current: &[JournalEntry],
    seals: &[SealDigest],
) -> Result<(), ChainRefusal> {
    let backup = &whole.journal[..];
    journal::verify(backup)?;
    check_content(whole)?;
    if backup.is_empty() && !current.is_empty() {
        return Err(ChainRefusal::NoJournal {
            entries: current.len() as u64,
        });
    }
    // Either may be the longer (an older backup, or an older ledger copy);
    // where both have an entry it must be the same one.
    if let Some(e) = backup
        .iter()
        .zip(current)
        .find(|(b, c)| b.hash != c.hash)
        .map(|(b, _)| b)
    {
        return Err(ChainRefusal::Forks { seq: e.seq });
    }
    for seal in seals {
        let reached = seal.head_seq == 0
            || usize::try_from(seal.head_seq - 1)
                .ok()
                .and_then(|i| backup.get(i))
                .is_some_and(|e| e.hash == seal.head);
        if !reached {
            return Err(ChainRefusal::MissesSeal {
                year: seal.year,
                head_seq: seal.head_seq,
            });
        }
    }
    Ok(())
}

/// Each record, person and item the journal changed since its last import or
/// restore must be in the backup exactly as the journal last recorded it (or
/// absent when deleted, or in a sealed year kept in its archive).
fn check_content(backup: &Backup) -> Result<(), ChainRefusal> {
    let journal = &backup.journal;
    let start = journal
        .iter()
        .rposition(|e| matches!(e.action, Action::Import | Action::RestoreBackup))
        .map_or(0, |i| i + 1);
    let mut last: HashMap<Entity, Option<&str>> = HashMap::new();
    for e in &journal[start..] {
        if matches!(
            e.entity,
            Entity::Record(_) | Entity::Person(_) | Entity::Fix(_)
        ) && e.action != Action::Amend
        {
            last.insert(e.entity, e.after.as_deref());
        }
    }
    let mut sealed: Vec<i32> = backup.closed_years.clone();
    sealed.extend(backup.archived.iter().map(|a| a.year));
    let found = |entity: Entity| -> Option<String> {
        let json = match entity {
            Entity::Record(id) => backup.records.iter().find(|r| r.id == id).map(canonical),
            Entity::Person(id) => backup.people.iter().find(|p| p.id == id).map(canonical),
            Entity::Fix(id) => backup.fixes.iter().find(|f| f.id == id).map(canonical),
            _ => None,
        };
        json.and_then(Result::ok)
    };
    for (entity, after) in last {
        let now = found(entity);
        if now.as_deref() == after {
            continue;
        }
        // A record or item of a closed year may be kept in its archive.
        let year = after.and_then(|a| match entity {
            Entity::Record(_) => serde_json::from_str::<Record>(a)
                .ok()
                .map(|r| r.date.year()),
            Entity::Fix(_) => serde_json::from_str::<FixItem>(a).ok().map(|f| f.year),
            _ => None,
        });
        if now.is_none() && year.is_some_and(|y| sealed.contains(&y)) {
            continue;
        }
        return Err(ChainRefusal::Content { entity });
    }
    Ok(())
}

/// What a backup holds: the open years (sealed ones stay in their archive
/// files beside the database) and the journal, so a restore continues the
/// hash chain.
pub fn backup_of<S: Store + ?Sized>(store: &S) -> Result<Backup, StoreError> {
    let mut backup = store.export()?;
    backup.journal = store.journal(0)?;
    Ok(backup)
}

/// The lowest id a restored ledger may hand out: above every id in the
/// backup, its journal (records, people and items ever created, deleted ones
/// included) and the archives.
pub fn id_floor(backup: &Backup, archives: &[YearArchive]) -> u64 {
    let mut top = 0u64;
    let mut see = |id: u64| top = top.max(id);
    let records = backup.records.iter().map(|r| r.id.0);
    let people = backup.people.iter().map(|p| u64::from(p.id.0));
    let fixes = backup.fixes.iter().map(|f| f.id.0);
    let corrections = backup.corrections.iter().map(|c| c.id);
    let archived = archives.iter().map(YearArchive::max_id);
    for id in records
        .chain(people)
        .chain(fixes)
        .chain(corrections)
        .chain(archived)
    {
        see(id);
    }
    for e in &backup.journal {
        match e.entity {
            Entity::Record(id) => see(id.0),
            Entity::Person(id) => see(u64::from(id.0)),
            Entity::Fix(id) => see(id.0),
            Entity::Catalogue | Entity::Ledger | Entity::Year(_) => {}
        }
        if e.action == Action::Amend
            && let Some(c) = e
                .after
                .as_deref()
                .and_then(|j| serde_json::from_str::<Correction>(j).ok())
        {
            see(c.id);
        }
    }
    backup.next_id.max(top.saturating_add(1))
}

/// The trash a journal implies: each record whose last entry deleted it, as
/// it was deleted, with the seq of that `delete` entry, by record id.
pub fn trash_of(journal: &[JournalEntry]) -> Vec<(super::record::Record, u64)> {
    let mut trash = std::collections::BTreeMap::new();
    for e in journal {
        let Entity::Record(id) = e.entity else {
            continue;
        };
        match e.action {
            Action::Delete => {
                if let Some(r) = e
                    .before
                    .as_deref()
                    .and_then(|j| serde_json::from_str::<super::record::Record>(j).ok())
                {
                    trash.insert(id, (r, e.seq));
                }
            }
            Action::Create | Action::Restore | Action::Update => {
                trash.remove(&id);
            }
            _ => {}
        }
    }
    trash.into_values().collect()
}
