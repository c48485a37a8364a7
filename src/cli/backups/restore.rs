//! `taizhang backup restore [FILE] [--force]`: choose, read and check the
//! backup before touching the ledger, then replace the ledger with it, or a
//! fresh ledger when the database cannot be opened (its files are moved
//! aside first). The backup's journal must continue the ledger's and reach
//! the seal of every archived year (`core::restore`); the archives beside the
//! database keep their years sealed whatever the backup holds.

use std::path::Path;

use chrono::NaiveDateTime;
use sha2::{Digest, Sha256};

use super::text as t;
use super::{Trouble, context};
use crate::cli::CliError;
use crate::core::archive::{ArchiveFault, ArchiveRef, YearArchive};
use crate::core::journal::{Hash, JournalEntry};
use crate::core::ledger::{check_backup, fixed_clock};
use crate::core::restore::{RestoreNote, check_chain};
use crate::core::{Catalogue, CoreError, Ledger, Store, StoreError};
use crate::i18n::{Lang, seal as s};
use crate::store::SledStore;
use crate::store::archive;
use crate::store::backup::{self, Kind};

pub(super) fn run(
    path: &Path,
    lang: Lang,
    file: Option<&Path>,
    force: bool,
) -> Result<String, CliError> {
    let file = match file {
        Some(f) => f.to_path_buf(),
        None => {
            backup::latest(path)
                .map_err(|e| CliError::Core(e.into()))?
                .ok_or_else(|| Trouble::NoBackup(path.to_path_buf()))?
                .path
        }
    };
    let data = backup::read(&file).map_err(|why| Trouble::BadFile {
        file: file.clone(),
        why,
    })?;
    check_backup(&data).map_err(|e| Trouble::Incoherent {
        file: file.clone(),
        why: match e {
            CoreError::BadBackup(m) => m,
            other => other.to_string(),
        },
    })?;
    let archives = archive::scan(path).map_err(|e| CliError::Core(e.into()))?;
    relied_on(path, &data.archived, &archives)?;
    let user = context::user();
    let (_, now) = context::clock()?;
    // Refuse a chain that cannot fit before anything is touched; the check
    // against the ledger's own journal follows once it is open.
    let seals: Vec<_> = archives.iter().map(|(_, a)| a.seal.clone()).collect();
    let known = known_journal(path, &file);
    if let Err(refusal) = check_chain(&data, &known, &seals)
        && !force
    {
        return Err(CliError::Core(refusal.into()));
    }
    let mut notes = Vec::new();
    let store = open_or_fresh(path, now, lang, &mut notes)?;
    let policy = crate::store::sharing::policy(path).map_err(|e| CliError::Core(e.into()))?;
    let ledger = Ledger::new(store, user)
        .with_policy(policy)
        .with_clock(fixed_clock(now));
    let forced = ledger.check_restore(&data, &known, &archives, force)?;
    let replaced = ledger.verify().ok().filter(|v| v.entries > 0);
    let current = ledger
        .store()
        .export()
        .map_err(|e| CliError::Core(e.into()))?;
    if !current.people.is_empty() || !current.records.is_empty() {
        let mut safety = current;
        safety.journal = ledger.journal(0)?;
        let safety = backup::write(&safety, path, Kind::Safety, now)
            .map_err(|e| CliError::Core(e.into()))?;
        notes.push(t::safety_kept(lang, path, &safety.path));
    }
    let bytes = std::fs::read(&file).map_err(|source| CliError::Read {
        path: file.clone(),
        source,
    })?;
    let note = RestoreNote {
        file: file
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        sha256: Hash(Sha256::digest(&bytes).into()),
        backup_entries: data.journal.len() as u64,
        backup_head: data.journal.last().map_or(Hash::ZERO, |e| e.hash),
        replaced: replaced.map(|v| (v.entries, v.head)),
        forced,
    };
    ledger.restore(&data, &archives, &note)?;
    let mut out = format!(
        "{}\n",
        t::restored(lang, &file, data.people.len(), data.records.len())
    );
    if let Some(why) = &note.forced {
        notes.push(s::forced(lang, why));
    }
    for n in notes {
        out.push_str(&n);
        out.push('\n');
    }
    Ok(out)
}

/// The longest intact journal among the ledger's other backups: what the
/// ledger is known to have held when its own journal cannot be read, so that
/// an edited or foreign backup cannot start the chain anew.
fn known_journal(path: &Path, chosen: &Path) -> Vec<JournalEntry> {
    let mut best = Vec::new();
    for b in backup::list(path).unwrap_or_default() {
        if b.path == chosen {
            continue;
        }
        if let Ok(other) = backup::read(&b.path)
            && other.journal.len() > best.len()
            && crate::core::journal::verify(&other.journal).is_ok()
        {
            best = other.journal;
        }
    }
    best
}

/// Every archived year the backup leaves out must be here, as it sealed it.
fn relied_on(
    path: &Path,
    wanted: &[ArchiveRef],
    found: &[(ArchiveRef, YearArchive)],
) -> Result<(), CliError> {
    for w in wanted {
        let fault = match found.iter().find(|(r, _)| r.year == w.year) {
            Some((r, _)) if r.digest == w.digest => continue,
            Some((r, _)) => ArchiveFault::NotTheSeal {
                expected: w.digest,
                found: r.digest,
            },
            None => ArchiveFault::Missing,
        };
        return Err(CliError::Core(CoreError::Store(StoreError::Archive {
            year: w.year,
            path: archive::path_of(path, w.year).display().to_string(),
            fault,
        })));
    }
    Ok(())
}

/// The ledger, or a fresh one in its place when it cannot be opened or read.
/// Every way the open can fail: damage of any kind is set aside whole and a
/// fresh ledger takes the backup; anything restoring cannot cure (in use, a
/// newer taizhang, no permission, a full disk) is said as it is, in words
/// that never send the user back to `backup restore`.
fn open_or_fresh(
    path: &Path,
    now: NaiveDateTime,
    lang: Lang,
    notes: &mut Vec<String>,
) -> Result<SledStore, CliError> {
    let failed = |cause: StoreError| -> CliError {
        Trouble::RestoreFailed {
            path: path.to_path_buf(),
            cause,
        }
        .into()
    };
    match SledStore::open(path, &Catalogue::embedded()) {
        Ok(store) => match store.export() {
            Ok(_) => Ok(store),
            // It opens but a value cannot be read: set it aside whole.
            Err(e) if is_damage(&e) => {
                drop(store);
                fresh(path, now, true, lang, notes).map_err(failed)
            }
            Err(e) => Err(failed(e)),
        },
        // After a time-out the abandoned open still holds the lock.
        Err(StoreError::OpenTimeout { .. }) => fresh(path, now, false, lang, notes).map_err(failed),
        Err(e) if is_damage(&e) => fresh(path, now, true, lang, notes).map_err(failed),
        Err(e) => Err(failed(e)),
    }
}

/// Move the damaged database aside and open a fresh, empty ledger.
fn fresh(
    path: &Path,
    now: NaiveDateTime,
    take_lock: bool,
    lang: Lang,
    notes: &mut Vec<String>,
) -> Result<SledStore, StoreError> {
    let aside = backup::move_aside(path, now, take_lock)?;
    notes.push(t::moved_aside(lang, &aside));
    SledStore::open(path, &Catalogue::embedded())
}

/// Whether an open or read failure means the database itself is unusable
/// (so restore sets it aside), rather than something restoring cannot cure:
/// another holder, a newer format, permissions, or a disk refusing writes.
fn is_damage(e: &StoreError) -> bool {
    use std::io::ErrorKind::{NotFound, PermissionDenied};
    match e {
        StoreError::Corrupt(_) | StoreError::OpenTimeout { .. } | StoreError::Db(_) => true,
        StoreError::Io { source, .. } => {
            !super::is_disk_refusal_kind(source.kind())
                && !matches!(source.kind(), PermissionDenied | NotFound)
        }
        _ => false,
    }
}
