//! Replacing the ledger's open years with a backup: `import` (a JSON file)
//! and `restore` (a backup, whose journal must continue the ledger's chain).
//! Neither ever changes a sealed year: a file that holds a sealed year must
//! hold it exactly as archived, and then leaves it where it is.

use chrono::Datelike;

use super::Ledger;
use crate::core::access::Act;
use crate::core::archive::{ArchiveRef, YearArchive};
use crate::core::catalogue::Catalogue;
use crate::core::error::CoreError;
use crate::core::journal::{JournalEntry, canonical};
use crate::core::port::{Backup, SCHEMA_VERSION, Store};
use crate::core::restore::{ChainRefusal, RestoreNote, check_chain, id_floor};
use crate::core::roster::PersonId;

use super::staged::StagedImport;

impl<S: Store> Ledger<S> {
    /// Replace the open years with a backup, after checking it is coherent
    /// and leaves every sealed year as it is (`staged`: the same in steps).
    pub fn import(&self, backup: &Backup) -> Result<(), CoreError> {
        let staged = StagedImport::new(backup)?;
        let plan = staged.plan(&self.import_basis(&staged)?)?;
        self.apply_import(&plan)
    }

    /// Refuse, unless the owner forces it, a backup whose journal does not
    /// match its content, continue this ledger's journal (or `known`, the
    /// longest journal the ledger's other backups hold, when its own is
    /// empty because it could not be read) or reach the seal of every
    /// archived year. Returns the refusal the owner overrode, if any.
    pub fn check_restore(
        &self,
        backup: &Backup,
        known: &[JournalEntry],
        archives: &[(ArchiveRef, YearArchive)],
        force: bool,
    ) -> Result<Option<ChainRefusal>, CoreError> {
        let mut current = self.store.journal(0)?;
        if current.is_empty() {
            current = known.to_vec();
        }
        let seals: Vec<_> = archives.iter().map(|(_, a)| a.seal.clone()).collect();
        match check_chain(backup, &current, &seals) {
            Ok(()) => Ok(None),
            Err(refusal) if force => {
                self.ensure_owner(Act::ForceRestore)?;
                Ok(Some(refusal))
            }
            Err(refusal) => Err(refusal.into()),
        }
    }

    /// Replace the ledger with `backup` (checked with `check_restore`), the
    /// archived years in `archives` (the files beside the database) staying
    /// sealed; journaled as `restore_backup` with `note`. Ids then continue
    /// above every id the backup, its journal and the archives ever used.
    pub fn restore(
        &self,
        backup: &Backup,
        archives: &[(ArchiveRef, YearArchive)],
        note: &RestoreNote,
    ) -> Result<(), CoreError> {
        check_backup(backup)?;
        let years: Vec<YearArchive> = archives.iter().map(|(_, a)| a.clone()).collect();
        let mut live = without_sealed(backup, &years)?;
        live.next_id = id_floor(backup, &years);
        live.archived = archives.iter().map(|(r, _)| r.clone()).collect();
        if matches!(note.forced, Some(ChainRefusal::Broken { .. })) {
            // A broken chain is never adopted, even when forced.
            live.journal.clear();
        }
        let stamp = self.admin_stamp(Act::Import, None)?;
        Ok(self.store.restore(&live, &canonical(note)?, &stamp)?)
    }

    /// What `backup now` writes: the open years and the journal.
    pub fn backup_snapshot(&self) -> Result<Backup, CoreError> {
        Ok(crate::core::restore::backup_of(&self.store)?)
    }

    /// Only the ledger's owner may do `act` (`access::Policy::check_owner`).
    pub(crate) fn ensure_owner(&self, act: Act) -> Result<(), CoreError> {
        Ok(self.policy.check_owner(&self.user, act)?)
    }
}

/// `backup` without the sealed years in `archives`, once it is shown to hold
/// them exactly as sealed (or not at all); they stay closed.
pub(super) fn without_sealed(
    backup: &Backup,
    archives: &[YearArchive],
) -> Result<Backup, CoreError> {
    let mut live = backup.clone();
    for a in archives {
        if let Some(what) = a.changed_by(backup) {
            return Err(CoreError::ChangesSealedYear { year: a.year, what });
        }
        live.records.retain(|r| r.date.year() != a.year);
        live.fixes.retain(|f| f.year != a.year);
        live.closed_years.push(a.year);
    }
    live.closed_years.sort_unstable();
    live.closed_years.dedup();
    Ok(live)
}

/// A backup must be of a schema we read, and every reference inside it must
/// resolve, so that an import never leaves a half-valid ledger.
pub fn check_backup(b: &Backup) -> Result<(), CoreError> {
    let bad = |m: String| Err(CoreError::BadBackup(m));
    if b.schema > SCHEMA_VERSION {
        return bad(format!(
            "schema {} is newer than this taizhang reads ({SCHEMA_VERSION}); upgrade taizhang",
            b.schema
        ));
    }
    Catalogue::from_toml(&b.catalogue.to_toml())
        .map_err(|e| CoreError::BadBackup(format!("catalogue: {}", e.message)))?;
    let mut ids = std::collections::HashSet::new();
    for p in &b.people {
        if !ids.insert(u64::from(p.id.0)) {
            return bad(format!("person id {} appears twice", p.id));
        }
    }
    let person_ok = |id: &PersonId| b.people.iter().any(|p| p.id == *id);
    for r in &b.records {
        if !ids.insert(r.id.0) {
            return bad(format!("record id {} is used twice", r.id));
        }
        let people = r
            .host
            .iter()
            .chain(&r.attendees)
            .chain(&r.partners)
            .chain(r.absentees.iter().map(|a| &a.person));
        for id in people {
            if !person_ok(id) {
                return bad(format!(
                    "record {} names person #{id}, who is not in the roster",
                    r.id
                ));
            }
        }
        for (i, d) in r.duties.iter().enumerate() {
            if r.duties[..i].contains(d) {
                return bad(format!(
                    "record {} lists duty `{d}` twice; a record counts toward a duty once",
                    r.id
                ));
            }
            if b.catalogue.duty(d).is_none() {
                return bad(format!(
                    "record {} counts toward duty `{d}`, which is not in the catalogue",
                    r.id
                ));
            }
        }
    }
    for f in &b.fixes {
        if !ids.insert(f.id.0) {
            return bad(format!("rectification item id {} is used twice", f.id));
        }
        if !person_ok(&f.owner) {
            return bad(format!(
                "rectification item {} names owner #{}, who is not in the roster",
                f.id, f.owner
            ));
        }
    }
    for c in &b.corrections {
        if !ids.insert(c.id) {
            return bad(format!("correction id {} is used twice", c.id));
        }
    }
    if ids.iter().any(|&id| id >= b.next_id) {
        return bad(format!(
            "next_id {} is not above every id in the file",
            b.next_id
        ));
    }
    Ok(())
}
