//! `taizhang backup now|list|restore`: the rotating backups of `store::backup`.
//! `restore` (in `restore`) works even when the database cannot be opened.

use std::path::{Path, PathBuf};

use clap::Subcommand;

mod restore;
pub mod text;

use crate::core::LedgerApi as _;
use crate::core::{CoreError, StoreError};
use crate::i18n::Lang;
use crate::store::backup::{self, BadFile, Kind};
use text as t;

use super::{CliError, Context, context};

#[derive(Debug, Subcommand)]
pub enum BackupCmd {
    /// Take a backup now (the last 5 such backups are kept)
    Now,
    /// List the backups of this ledger, newest first
    List,
    /// Replace the ledger with a backup (default: the latest), all or nothing; sealed years stay as archived
    Restore {
        /// A backup file (default: the latest in LEDGER/backups/)
        file: Option<PathBuf>,
        /// The owner only: accept a backup whose journal does not continue the ledger's (journaled, shown by verify)
        #[arg(long)]
        force: bool,
    },
}

/// What can go wrong with backups and damaged ledgers; `text`
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
    /// `backup restore` itself could not open or replace the ledger; its
    /// words never send the user back to `backup restore`.
    #[error("cannot restore the ledger at {path:?}: {cause}")]
    RestoreFailed { path: PathBuf, cause: StoreError },
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
        BackupCmd::Restore { file, force } => {
            restore::run(&context::db_path(db)?, lang, file.as_deref(), *force)
        }
    }
}

fn now(ctx: &Context) -> Result<String, CliError> {
    let file = backup::write(
        &ctx.ledger.backup_snapshot()?,
        &ctx.path,
        Kind::Manual,
        ctx.now,
    )
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
