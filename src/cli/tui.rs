//! `taizhang` with no command, or `taizhang tui`: the terminal UI on the
//! ledger. When stdout is not a terminal (a pipe, a cron job) the bare
//! command prints the status instead, so scripts keep working.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDateTime};

use super::{CliError, Context, context, status};

pub fn run(ctx: Context, ascii: bool, explicit: bool) -> Result<String, CliError> {
    if !explicit && !std::io::stdout().is_terminal() {
        return status::run(&ctx, &status::StatusArgs::default());
    }
    let mut opts = crate::tui::Options::from_env(ctx.lang, ctx.today, now);
    opts.ascii |= ascii;
    opts.draft = draft_path(&ctx.path);
    crate::tui::run(ctx.ledger, opts).map_err(|e| CliError::Terminal(e.to_string()))?;
    Ok(String::new())
}

/// The time stamped on records: `TAIZHANG_TODAY` at noon if set, else local now.
fn now() -> NaiveDateTime {
    context::clock().map_or_else(|_| Local::now().naive_local(), |(_, now)| now)
}

/// Where the TUI keeps an unsaved form of the ledger at `ledger` if the
/// session is cut off: `$XDG_STATE_HOME/taizhang/draft-<hash>.json`, else
/// under `~/.local/state`; one file per ledger (and per Unix user).
pub fn draft_path(ledger: &Path) -> Option<PathBuf> {
    use sha2::{Digest, Sha256};
    let nonempty = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let base = nonempty("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| nonempty("HOME").map(|h| PathBuf::from(h).join(".local/state")))?;
    let full = std::path::absolute(ledger).unwrap_or_else(|_| ledger.to_path_buf());
    let digest = Sha256::digest(full.as_os_str().as_encoded_bytes());
    let hash = digest.iter().take(8).fold(String::new(), |mut out, b| {
        use std::fmt::Write as _;
        let _ = write!(out, "{b:02x}");
        out
    });
    Some(base.join("taizhang").join(format!("draft-{hash}.json")))
}
