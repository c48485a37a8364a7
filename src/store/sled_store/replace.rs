//! Replacing the open years of a sled ledger with a backup (writing only the
//! keys that differ), in one transaction with its journal entry: `import`,
//! and `restore`, which on a ledger with an empty journal first takes the backup's journal (and the
//! trash it implies), so the hash chain continues. Archived years, the
//! journal and the trash are kept, and `next_id` never goes down.

use sled::Transactional;

use super::SledStore;
use super::cycle::CLOSED_YEARS;
use super::sealed::{ARCHIVED, years_of};
use super::write::tx_err;
use crate::core::error::StoreError;
use crate::core::journal::{Action, Entity, canonical};
use crate::core::port::{Backup, Stamp, Store};
use crate::core::restore::trash_of;
use crate::store::codec::{encode, get_u64, record_key};
use crate::store::journal::{HEAD_KEY, TrashItem, Tx, append, entity_key};
use crate::store::open::sled_error;

type Pairs = Vec<(Vec<u8>, Vec<u8>)>;

impl SledStore {
    /// `import` (`adopt`: false) or `restore` (`adopt`: take the backup's
    /// journal when ours is empty), journaled as `action` with `before` (the
    /// ledger being replaced, made here when the caller has not) and `after`.
    pub(super) fn write_replace(
        &self,
        backup: &Backup,
        stamp: &Stamp,
        (action, before, after): (Action, Option<&str>, &str),
        adopt: bool,
    ) -> Result<(), StoreError> {
        self.ensure_live(years_of(backup))?;
        // The ledger being replaced, kept whole in the journal.
        let before = match before {
            Some(text) => text.to_string(),
            None => canonical(&self.export()?)?,
        };
        let catalogue = encode(&backup.catalogue)?;
        let people: Pairs = backup
            .people
            .iter()
            .map(|p| Ok((p.id.0.to_be_bytes().to_vec(), encode(p)?)))
            .collect::<Result<_, StoreError>>()?;
        let records: Vec<(Vec<u8>, Vec<u8>, [u8; 8])> = backup
            .records
            .iter()
            .map(|r| Ok((record_key(r), encode(r)?, r.id.0.to_be_bytes())))
            .collect::<Result<_, StoreError>>()?;
        let fixes: Pairs = backup
            .fixes
            .iter()
            .map(|f| Ok((f.id.0.to_be_bytes().to_vec(), encode(f)?)))
            .collect::<Result<_, StoreError>>()?;
        let corrections: Pairs = backup
            .corrections
            .iter()
            .map(|c| Ok((super::cycle::correction_key(c), encode(c)?)))
            .collect::<Result<_, StoreError>>()?;
        // Archived years stay archived and closed, whatever the file says.
        let mut archived = self.read_archived()?;
        for r in &backup.archived {
            if !archived.iter().any(|a| a.year == r.year) {
                archived.push(r.clone());
            }
        }
        archived.sort_by_key(|a| a.year);
        let mut closed = backup.closed_years.clone();
        closed.extend(archived.iter().map(|a| a.year));
        closed.sort_unstable();
        closed.dedup();
        let (closed, archived) = (encode(&closed)?, encode(&archived)?);
        let next_id = get_u64(&self.trees.meta, "next_id")?
            .unwrap_or(1)
            .max(backup.next_id);
        let journal = if adopt && self.revision()? == 0 {
            adopted(backup)?
        } else {
            Adopted::default()
        };
        // The new ledger, and the old one again in the journal entry.
        let size = |pairs: &Pairs| pairs.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>();
        let need = before.len()
            + catalogue.len()
            + size(&people)
            + size(&fixes)
            + size(&corrections)
            + records
                .iter()
                .map(|(k, v, _)| 2 * k.len() + v.len() + 8)
                .sum::<usize>()
            + journal
                .entries
                .iter()
                .map(|(_, v, i)| v.len() + i.len() + 8)
                .sum::<usize>();
        // sled writes each value to its log and again in a snapshot.
        crate::store::space::ensure_room(&self.path, 2 * need as u64)?;
        // Only what differs is written: an import of what the ledger
        // holds already (export, edit a little, import) is a small
        // transaction, and holds the ledger for little.
        let t = &self.trees;
        let (record_pairs, key_pairs): (Pairs, Pairs) = records
            .into_iter()
            .map(|(k, v, id)| ((k.clone(), v), (id.to_vec(), k)))
            .unzip();
        let changes: Vec<Change> = [
            (&t.people, people),
            (&t.records, record_pairs),
            (&t.record_keys, key_pairs),
            (&t.fixes, fixes),
            (&t.corrections, corrections),
        ]
        .into_iter()
        .map(|(tree, pairs)| Change::between(tree, pairs))
        .collect::<Result<_, _>>()?;
        let j = &self.journal;
        (
            &t.meta,
            &t.people,
            &t.records,
            &t.record_keys,
            &t.fixes,
            &t.corrections,
            &j.trash,
            &j.journal,
            &j.by_entity,
        )
            .transaction(|(meta, tp, tr, tk, tf, tc, trash, tj, by_entity)| {
                for (tree, change) in [tp, tr, tk, tf, tc].into_iter().zip(&changes) {
                    for k in &change.remove {
                        tree.remove(k)?;
                    }
                    for (k, v) in &change.put {
                        tree.insert(k.as_slice(), v.as_slice())?;
                    }
                }
                meta.insert(CLOSED_YEARS, closed.as_slice())?;
                meta.insert(ARCHIVED, archived.as_slice())?;
                meta.insert("catalogue", catalogue.as_slice())?;
                meta.insert("next_id", &next_id.to_be_bytes())?;
                for (seq, value, index) in &journal.entries {
                    tj.insert(seq, value.as_slice())?;
                    by_entity.insert(index.as_slice(), &[])?;
                }
                for (k, v) in &journal.trash {
                    trash.insert(k.as_slice(), v.as_slice())?;
                }
                if let Some(head) = &journal.head {
                    meta.insert(HEAD_KEY, head.as_slice())?;
                }
                let tx = Tx {
                    meta,
                    journal: tj,
                    by_entity,
                };
                let (b, a) = (Some(before.clone()), Some(after.to_string()));
                append(&tx, stamp, action, Entity::Ledger, b, a)?;
                Ok(())
            })
            .map_err(tx_err)?;
        self.flush()
    }
}

/// How one tree goes from what it holds to `pairs`: the keys to remove and
/// the pairs that are new or changed.
struct Change {
    remove: Vec<sled::IVec>,
    put: Pairs,
}

impl Change {
    fn between(tree: &sled::Tree, pairs: Pairs) -> Result<Self, StoreError> {
        let mut wanted: std::collections::HashMap<Vec<u8>, Vec<u8>> = pairs.into_iter().collect();
        let mut remove = Vec::new();
        for pair in tree {
            let (key, value) = pair.map_err(sled_error)?;
            match wanted.get(key.as_ref()) {
                Some(new) if new.as_slice() == value.as_ref() => {
                    wanted.remove(key.as_ref());
                }
                Some(_) => {}
                None => remove.push(key),
            }
        }
        Ok(Self {
            remove,
            put: wanted.into_iter().collect(),
        })
    }
}

/// A backup's journal as the trees hold it.
#[derive(Default)]
struct Adopted {
    /// seq → entry JSON, with its `journal_by_entity` key.
    entries: Vec<([u8; 8], Vec<u8>, Vec<u8>)>,
    trash: Pairs,
    /// The new `meta/journal_head`.
    head: Option<Vec<u8>>,
}

fn adopted(backup: &Backup) -> Result<Adopted, StoreError> {
    crate::core::journal::verify(&backup.journal)
        .map_err(|b| StoreError::Corrupt(format!("the backup's {b}")))?;
    let mut out = Adopted::default();
    for e in &backup.journal {
        let seq = e.seq.to_be_bytes();
        let mut index = entity_key(&e.entity);
        index.extend_from_slice(&seq);
        out.entries.push((seq, canonical(e)?.into_bytes(), index));
        out.head = Some([seq.as_slice(), &e.hash.0].concat());
    }
    for (record, seq) in trash_of(&backup.journal) {
        let id = record.id.0.to_be_bytes().to_vec();
        out.trash
            .push((id, canonical(&TrashItem { seq, record })?.into_bytes()));
    }
    Ok(out)
}
