//! `taizhang init PATH`: create another, empty ledger. The default ledger is
//! created on first use; a `--db` or `TAIZHANG_DB` path must already hold one
//! (see `Context::open`), so a mistyped path is an error, not a new ledger.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::i18n::{Lang, cli as t};

use super::CliError;
use super::context::{Access, open_ledger};

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Directory of the new ledger (must not exist or be empty)
    pub path: PathBuf,
}

pub fn run(lang: Lang, args: &InitArgs) -> Result<String, CliError> {
    let path = &args.path;
    if is_ledger(path) {
        return Err(CliError::AlreadyLedger(path.clone()));
    }
    let occupied = std::fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_some());
    if occupied || path.is_file() {
        return Err(CliError::InitNotEmpty(path.clone()));
    }
    // Opening creates the database, its schema and the marker file.
    drop(open_ledger(path, Access::Direct)?);
    Ok(format!("{}\n", t::ledger_created(lang, path)))
}

/// Whether `dir` holds a ledger: its marker file, or the sled database of a
/// ledger written before markers were kept.
pub fn is_ledger(dir: &Path) -> bool {
    dir.join(crate::store::MARKER_FILE).is_file()
        || dir.join("conf").is_file() && dir.join("db").is_file()
}
