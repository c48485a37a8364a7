//! `taizhang backup now|list|restore`: the rotating backups of `store::backup`.
//! `restore` works even when the database cannot be opened: it moves the
//! damaged files aside, creates a fresh ledger and imports the backup.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::core::LedgerApi as _;
use crate::core::mem::MemStore;
use crate::core::{Catalogue, CoreError, Ledger, Store, StoreError};
use crate::i18n::{Lang, backups as t};
use crate::store::SledStore;
use crate::store::backup::{self, BadFile, Kind};

use super::{CliError, Context, context};

#[derive(Debug, Subcommand)]
pub enum BackupCmd {
    /// Take a backup now (the last 5 such backups are kept)
    Now,
    /// List the backups of this ledger, newest first
    List,
    /// Replace the ledger with a backup (default: the latest), all or nothing
    Restore {
        /// A backup file (default: the latest in LEDGER/backups/)
        file: Option<PathBuf>,
    },
}

/// What can go wrong with backups and damaged ledgers; `i18n::backups`
/// words each one with its fix.
#[derive(Debug, thiserror::Error)]
pub enum Trouble {
    #[error("the ledger at {path:?} is damaged: {cause}")]
    Damaged {
        path: PathBuf,
        cause: StoreError,
        /// The backup `backup restore` would use.
        latest: Option<PathBuf>,
    },
    #[error("the ledger at {0:?} has no backups")]
    NoBackup(PathBuf),
    #[error("backup file {file:?}: {why}")]
    BadFile { file: PathBuf, why: BadFile },
    #[error("backup file {file:?} is not coherent: {why}")]
    Incoherent { file: PathBuf, why: String },
}

impl From<Trouble> for CliError {
    fn from(t: Trouble) -> Self {
        CliError::Durability(Box::new(t))
    }
}

pub fn run(
    db: Option<&Path>,
    lang: Lang,
    access: context::Access,
    cmd: &BackupCmd,
) -> Result<String, CliError> {
    match cmd {
        BackupCmd::Now => now(&Context::open(db, lang, access)?),
        BackupCmd::List => list(&context::db_path(db)?, lang),
        BackupCmd::Restore { file } => restore(&context::db_path(db)?, lang, file.as_deref()),
    }
}

fn now(ctx: &Context) -> Result<String, CliError> {
    let file = backup::write(&ctx.ledger.export()?, &ctx.path, Kind::Manual, ctx.now)
        .map_err(|e| CliError::Core(e.into()))?;
    Ok(format!("{}\n", t::taken(ctx.lang, &file.path)))
}

fn list(path: &Path, lang: Lang) -> Result<String, CliError> {
    let files = backup::list(path).map_err(|e| CliError::Core(e.into()))?;
    if files.is_empty() {
        return Ok(format!("{}\n", t::none_yet(lang, path)));
    }
    let mut out = String::new();
    for f in files.iter().rev() {
        out.push_str(&t::list_line(lang, f));
        out.push('\n');
    }
    Ok(out)
}

/// Choose, read and check the backup before touching the ledger; then import
/// it into the ledger, or into a fresh one if the ledger cannot be opened.
fn restore(path: &Path, lang: Lang, file: Option<&Path>) -> Result<String, CliError> {
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
    // A dry run on a memory store: `Ledger::import` checks coherence.
    Ledger::new(MemStore::new(data.catalogue.clone()), context::user())
        .import(&data)
        .map_err(|e| Trouble::Incoherent {
            file: file.clone(),
            why: match e {
                CoreError::BadBackup(m) => m,
                other => other.to_string(),
            },
        })?;
    let (_, now) = context::clock()?;
    let mut notes = Vec::new();
    let store = match SledStore::open(path, &Catalogue::embedded()) {
        Ok(store) => match store.export() {
            Ok(current) => {
                if !current.people.is_empty() || !current.records.is_empty() {
                    let safety = backup::write(&current, path, Kind::Safety, now)
                        .map_err(|e| CliError::Core(e.into()))?;
                    notes.push(t::safety_kept(lang, path, &safety.path));
                }
                store
            }
            // It opens but a value fails its checksum: set it aside whole.
            Err(StoreError::Corrupt(_)) => {
                drop(store);
                fresh(path, now, true, lang, &mut notes)?
            }
            Err(e) => return Err(CliError::Core(e.into())),
        },
        // After a time-out the abandoned open still holds the lock.
        Err(StoreError::Corrupt(_)) => fresh(path, now, true, lang, &mut notes)?,
        Err(StoreError::OpenTimeout { .. }) => fresh(path, now, false, lang, &mut notes)?,
        Err(e) => return Err(CliError::Core(e.into())),
    };
    Ledger::new(store, context::user()).import(&data)?;
    let mut out = format!(
        "{}\n",
        t::restored(lang, &file, data.people.len(), data.records.len())
    );
    for n in notes {
        out.push_str(&n);
        out.push('\n');
    }
    Ok(out)
}

/// Move the damaged database aside and open a fresh, empty ledger.
fn fresh(
    path: &Path,
    now: chrono::NaiveDateTime,
    take_lock: bool,
    lang: Lang,
    notes: &mut Vec<String>,
) -> Result<SledStore, CliError> {
    let aside = backup::move_aside(path, now, take_lock).map_err(|e| CliError::Core(e.into()))?;
    notes.push(t::moved_aside(lang, &aside));
    SledStore::open(path, &Catalogue::embedded()).map_err(|e| CliError::Core(e.into()))
}

/// A damaged or unopenable ledger becomes `Trouble::Damaged`, naming the
/// latest backup and the restore command; a write refused by the disk (full,
/// read-only) is made to name the ledger; other errors pass unchanged.
pub fn explain(db: Option<&Path>, e: CliError) -> CliError {
    let CliError::Core(CoreError::Store(cause)) = e else {
        return e;
    };
    let Ok(path) = context::db_path(db) else {
        return CliError::Core(CoreError::Store(cause));
    };
    match cause {
        StoreError::Corrupt(_) | StoreError::OpenTimeout { .. } => {
            let latest = backup::latest(&path).ok().flatten().map(|b| b.path);
            Trouble::Damaged {
                path,
                cause,
                latest,
            }
            .into()
        }
        StoreError::Io { context, source }
            if is_disk_refusal_kind(source.kind())
                && !context.contains(&*path.to_string_lossy()) =>
        {
            CliError::Core(CoreError::Store(StoreError::Io {
                context: format!("writing the ledger at {} ({context})", path.display()),
                source,
            }))
        }
        other => CliError::Core(CoreError::Store(other)),
    }
}

fn is_disk_refusal_kind(kind: std::io::ErrorKind) -> bool {
    use std::io::ErrorKind::{QuotaExceeded, ReadOnlyFilesystem, StorageFull};
    matches!(kind, StorageFull | QuotaExceeded | ReadOnlyFilesystem)
}
