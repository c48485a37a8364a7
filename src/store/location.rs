//! Where the ledger lives: an explicit `--db PATH`, else `TAIZHANG_DB`, else
//! `$XDG_DATA_HOME/taizhang/ledger`. The environment is read in `resolve` only.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::core::error::StoreError;

/// The environment variable that overrides the default ledger path.
pub const ENV_VAR: &str = "TAIZHANG_DB";

/// The ledger path: `explicit` (from `--db`) wins, then `TAIZHANG_DB`, then
/// the platform data directory (`$XDG_DATA_HOME/taizhang/ledger` on Linux).
pub fn resolve(explicit: Option<&Path>) -> Result<PathBuf, StoreError> {
    let data_dir = directories::BaseDirs::new().map(|dirs| dirs.data_dir().to_path_buf());
    resolve_from(explicit, std::env::var_os(ENV_VAR), data_dir)
}

/// `resolve` without the environment: `env_db` is the value of `TAIZHANG_DB`
/// and `data_dir` the platform data directory, if any. An empty value counts
/// as unset.
pub fn resolve_from(
    explicit: Option<&Path>,
    env_db: Option<OsString>,
    data_dir: Option<PathBuf>,
) -> Result<PathBuf, StoreError> {
    if let Some(path) = explicit.filter(|p| !p.as_os_str().is_empty()) {
        return Ok(path.to_path_buf());
    }
    if let Some(path) = env_db.filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    data_dir
        .filter(|d| !d.as_os_str().is_empty())
        .map(|d| d.join("taizhang").join("ledger"))
        .ok_or(StoreError::NoDataDir)
}
