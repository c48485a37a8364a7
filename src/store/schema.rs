//! The ledger's schema version (`meta/schema`) and the steps that bring an
//! older ledger up to `SCHEMA_VERSION`. Each step is applied together with its
//! version bump in one sled transaction, so a crash leaves a consistent ledger.

use std::path::Path;

use sled::Transactional;
use sled::transaction::ConflictableTransactionError;

use super::codec::{encode, envelope, get_u64, is_enveloped, key_id, read_u32, read_u64};
use super::open::{Trees, sled_error};
use super::permissions::{io_err, set_mode};
use crate::core::catalogue::Catalogue;
use crate::core::error::StoreError;
use crate::core::port::SCHEMA_VERSION;

/// One migration step: reads the ledger and says what to write. `STEPS[n]`
/// takes a ledger from version `n` to `n + 1`.
pub(super) type Step = fn(&Trees, &Catalogue) -> Result<Plan, StoreError>;

pub(super) const STEPS: &[Step] = &[v0_to_v1, v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5];

/// Which tree a planned write goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TreeId {
    Meta,
    People,
    Records,
    RecordKeys,
}

/// Writes a step wants: `(tree, key, Some(value))` inserts, `None` removes.
#[derive(Debug, Default)]
pub(super) struct Plan {
    pub ops: Vec<(TreeId, Vec<u8>, Option<Vec<u8>>)>,
}

impl Plan {
    pub(super) fn put(&mut self, tree: TreeId, key: impl Into<Vec<u8>>, value: Vec<u8>) {
        self.ops.push((tree, key.into(), Some(value)));
    }
}

/// Written beside sled once a ledger exists. sled recovers a damaged log by
/// dropping what it cannot read, so an empty database next to this file is a
/// lost ledger, not a new one.
pub const MARKER_FILE: &str = "taizhang.ledger";

/// Bring a freshly opened ledger to `SCHEMA_VERSION`: initialise an empty one
/// with `catalogue`, migrate an older one, refuse a newer one.
pub(super) fn prepare(trees: &Trees, dir: &Path, catalogue: &Catalogue) -> Result<(), StoreError> {
    let found = match trees.meta.get("schema").map_err(sled_error)? {
        Some(v) => read_u32(&v, "schema")?,
        None if is_empty(trees) => {
            if dir.join(MARKER_FILE).exists() {
                return Err(StoreError::Corrupt(format!(
                    "the ledger at {} existed but its database now reads as empty, so its files are damaged; {}",
                    dir.display(),
                    super::codec::RESTORE_HINT
                )));
            }
            let mut plan = Plan::default();
            plan.put(TreeId::Meta, "catalogue", encode(catalogue)?);
            apply(trees, &plan, SCHEMA_VERSION)?;
            trees.flush()?;
            return write_marker(dir);
        }
        // Data but no schema key: written before versions were kept.
        None => 0,
    };
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: dir.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    migrate(trees, catalogue, found, STEPS)?;
    raise_next_id(trees)?;
    write_marker(dir)
}

fn write_marker(dir: &Path) -> Result<(), StoreError> {
    let path = dir.join(MARKER_FILE);
    if !path.exists() {
        std::fs::write(&path, format!("taizhang ledger, schema {SCHEMA_VERSION}\n"))
            .map_err(|e| io_err(format!("cannot write {}", path.display()), e))?;
    }
    set_mode(&path, 0o600)
}

/// Keep ids unique even if sled dropped the latest `next_id` update while
/// recovering a damaged log: `next_id` must be above every id in use.
fn raise_next_id(trees: &Trees) -> Result<(), StoreError> {
    let last_record = match trees.record_keys.last().map_err(sled_error)? {
        Some((key, _)) => read_u64(&key, "record id")?,
        None => 0,
    };
    let last_person = match trees.people.last().map_err(sled_error)? {
        Some((key, _)) => u64::from(read_u32(&key, "person id")?),
        None => 0,
    };
    let last_fix = match trees.fixes.last().map_err(sled_error)? {
        Some((key, _)) => read_u64(&key, "fix id")?,
        None => 0,
    };
    // Correction keys start with the record id; their own id is the max
    // over all keys, so scan (corrections are few).
    let mut last_correction = 0;
    for key in trees.corrections.iter().keys() {
        let key = key.map_err(sled_error)?;
        if let Some(id) = key.get(8..16) {
            last_correction = last_correction.max(read_u64(id, "correction id")?);
        }
    }
    let in_use = last_record
        .max(last_person)
        .max(last_fix)
        .max(last_correction);
    if get_u64(&trees.meta, "next_id")?.unwrap_or(1) <= in_use {
        trees
            .meta
            .insert("next_id", &in_use.saturating_add(1).to_be_bytes())
            .map_err(sled_error)?;
        trees.flush()?;
    }
    Ok(())
}

/// Run `steps[from..]` in order, each with its version bump, then flush if
/// anything ran.
pub(super) fn migrate(
    trees: &Trees,
    catalogue: &Catalogue,
    from: u32,
    steps: &[Step],
) -> Result<(), StoreError> {
    let mut version = from;
    for step in steps
        .iter()
        .skip(usize::try_from(from).unwrap_or(usize::MAX))
    {
        let plan = step(trees, catalogue)?;
        version += 1;
        apply(trees, &plan, version)?;
    }
    if version == from {
        return Ok(());
    }
    trees.flush()
}

fn is_empty(trees: &Trees) -> bool {
    trees.meta.is_empty()
        && trees.people.is_empty()
        && trees.records.is_empty()
        && trees.record_keys.is_empty()
}

/// Apply `plan` and set the schema to `version`, all or nothing.
fn apply(trees: &Trees, plan: &Plan, version: u32) -> Result<(), StoreError> {
    (
        &trees.meta,
        &trees.people,
        &trees.records,
        &trees.record_keys,
    )
        .transaction(|(meta, people, records, record_keys)| {
            for (tree, key, value) in &plan.ops {
                let tree = match tree {
                    TreeId::Meta => meta,
                    TreeId::People => people,
                    TreeId::Records => records,
                    TreeId::RecordKeys => record_keys,
                };
                match value {
                    Some(value) => tree.insert(key.as_slice(), value.as_slice())?,
                    None => tree.remove(key.as_slice())?,
                };
            }
            meta.insert("schema", &version.to_be_bytes())?;
            Ok::<_, ConflictableTransactionError<StoreError>>(())
        })
        .map_err(|e| match e {
            sled::transaction::TransactionError::Abort(e) => e,
            sled::transaction::TransactionError::Storage(e) => sled_error(e),
        })
}

/// v0 (before schema keys) had no `record_keys` index and could lack the
/// catalogue and `next_id`. Rebuild the index, keep or add the catalogue, and
/// set `next_id` above every id in use so that ids are never reused.
fn v0_to_v1(trees: &Trees, catalogue: &Catalogue) -> Result<Plan, StoreError> {
    let mut plan = Plan::default();
    let mut max_id = 0u64;
    for key in trees.records.iter().keys() {
        let key = key.map_err(sled_error)?;
        let id = key_id(&key)?;
        max_id = max_id.max(u64::from_be_bytes(id));
        plan.put(TreeId::RecordKeys, id, key.to_vec());
    }
    for key in trees.people.iter().keys() {
        let key = key.map_err(sled_error)?;
        max_id = max_id.max(u64::from(read_u32(&key, "person id")?));
    }
    if trees.meta.get("catalogue").map_err(sled_error)?.is_none() {
        plan.put(TreeId::Meta, "catalogue", encode(catalogue)?);
    }
    let next = get_u64(&trees.meta, "next_id")?.unwrap_or(1);
    if next <= max_id {
        plan.put(TreeId::Meta, "next_id", (max_id + 1).to_be_bytes().to_vec());
    }
    Ok(plan)
}

/// v2 adds the journal, its index and the trash: new trees that start empty,
/// so the step only bumps the version. A ledger's journal thus begins at the
/// upgrade, and an older taizhang can no longer write to it unjournaled.
#[allow(clippy::unnecessary_wraps)]
fn v1_to_v2(_: &Trees, _: &Catalogue) -> Result<Plan, StoreError> {
    Ok(Plan::default())
}

/// v3 wraps every JSON value (catalogue, people, records) in the checksummed
/// envelope of `codec`; values already wrapped are left alone.
fn v2_to_v3(trees: &Trees, _: &Catalogue) -> Result<Plan, StoreError> {
    let mut plan = Plan::default();
    if let Some(value) = trees.meta.get("catalogue").map_err(sled_error)?
        && !is_enveloped(&value)
    {
        plan.put(TreeId::Meta, "catalogue", envelope(&value));
    }
    for (id, tree) in [
        (TreeId::People, &trees.people),
        (TreeId::Records, &trees.records),
    ] {
        for entry in tree {
            let (key, value) = entry.map_err(sled_error)?;
            if !is_enveloped(&value) {
                plan.put(id, key.to_vec(), envelope(&value));
            }
        }
    }
    Ok(plan)
}

/// v4 adds rectification items (`fixes`), corrections (`corrections`) and
/// `meta/closed_years`: new trees and a key that start empty, so the step only
/// bumps the version (an older taizhang would not carry them in its backups).
#[allow(clippy::unnecessary_wraps)]
fn v3_to_v4(_: &Trees, _: &Catalogue) -> Result<Plan, StoreError> {
    Ok(Plan::default())
}

/// v5 moves sealed years into archive files (`meta/archived`, which starts
/// empty): the step only bumps the version, so that an older taizhang, which
/// would read an archived year as empty and writable, refuses the ledger.
#[allow(clippy::unnecessary_wraps)]
fn v4_to_v5(_: &Trees, _: &Catalogue) -> Result<Plan, StoreError> {
    Ok(Plan::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(clippy::unnecessary_wraps)]
    fn fake_v2_to_v3(_: &Trees, _: &Catalogue) -> Result<Plan, StoreError> {
        let mut plan = Plan::default();
        plan.put(TreeId::Meta, "fake", b"v3".to_vec());
        Ok(plan)
    }

    fn failing_v3_to_v4(_: &Trees, _: &Catalogue) -> Result<Plan, StoreError> {
        Err(StoreError::Db("step refused".into()))
    }

    fn schema(trees: &Trees) -> u32 {
        read_u32(&trees.meta.get("schema").unwrap().unwrap(), "schema").unwrap()
    }

    #[test]
    fn steps_run_from_the_stored_version_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let trees = Trees::open(dir.path()).unwrap();
        let catalogue = Catalogue::embedded();
        prepare(&trees, dir.path(), &catalogue).unwrap();
        assert_eq!(schema(&trees), SCHEMA_VERSION);

        let steps: &[Step] = &[v0_to_v1, v1_to_v2, fake_v2_to_v3];
        migrate(&trees, &catalogue, 2, steps).unwrap();
        assert_eq!(schema(&trees), 3);
        assert_eq!(trees.meta.get("fake").unwrap().unwrap().as_ref(), b"v3");

        // Already at 3: nothing runs, so a failing step 3→4 is the only one tried.
        let steps: &[Step] = &[v0_to_v1, v1_to_v2, fake_v2_to_v3, failing_v3_to_v4];
        trees.meta.remove("fake").unwrap();
        let err = migrate(&trees, &catalogue, 3, steps).unwrap_err();
        assert!(matches!(err, StoreError::Db(_)), "{err}");
        assert_eq!(schema(&trees), 3, "a failed step leaves the version alone");
        assert!(
            trees.meta.get("fake").unwrap().is_none(),
            "step 2→3 not rerun"
        );
    }

    #[test]
    fn v0_step_indexes_records_and_raises_next_id() {
        let dir = tempfile::tempdir().unwrap();
        let trees = Trees::open(dir.path()).unwrap();
        let mut key = 0x8000_0000u32.to_be_bytes().to_vec();
        key.extend_from_slice(&41u64.to_be_bytes());
        trees
            .records
            .insert(key.as_slice(), b"{}".as_slice())
            .unwrap();
        trees.meta.insert("next_id", &5u64.to_be_bytes()).unwrap();
        migrate(&trees, &Catalogue::embedded(), 0, &STEPS[..1]).unwrap();
        assert_eq!(schema(&trees), 1);
        assert_eq!(
            trees
                .record_keys
                .get(41u64.to_be_bytes())
                .unwrap()
                .unwrap()
                .as_ref(),
            key.as_slice()
        );
        assert_eq!(get_u64(&trees.meta, "next_id").unwrap(), Some(42));
        trees.meta.insert("next_id", &3u64.to_be_bytes()).unwrap();
        raise_next_id(&trees).unwrap();
        assert_eq!(get_u64(&trees.meta, "next_id").unwrap(), Some(42));
        assert!(trees.meta.get("catalogue").unwrap().is_some());
    }

    #[test]
    fn v3_step_wraps_bare_values_and_keeps_wrapped_ones() {
        let dir = tempfile::tempdir().unwrap();
        let trees = Trees::open(dir.path()).unwrap();
        let bare = br#"{"id":7}"#.to_vec();
        let wrapped = envelope(br#"{"id":8}"#);
        trees
            .people
            .insert(7u32.to_be_bytes(), bare.as_slice())
            .unwrap();
        trees
            .people
            .insert(8u32.to_be_bytes(), wrapped.as_slice())
            .unwrap();
        trees.meta.insert("catalogue", bare.as_slice()).unwrap();
        migrate(&trees, &Catalogue::embedded(), 1, STEPS).unwrap();
        assert_eq!(schema(&trees), SCHEMA_VERSION);
        let got = |tree: &sled::Tree, key: &[u8]| tree.get(key).unwrap().unwrap().to_vec();
        assert_eq!(got(&trees.people, &7u32.to_be_bytes()), envelope(&bare));
        assert_eq!(got(&trees.people, &8u32.to_be_bytes()), wrapped);
        assert_eq!(got(&trees.meta, b"catalogue"), envelope(&bare));
    }
}
