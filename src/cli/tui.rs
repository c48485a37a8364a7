//! `taizhang` with no command, or `taizhang tui`: the terminal UI on the
//! ledger. When stdout is not a terminal (a pipe, a cron job) the bare
//! command prints the status instead, so scripts keep working.

use std::io::IsTerminal;

use chrono::{Local, NaiveDateTime};

use super::{CliError, Context, context, status};

pub fn run(ctx: Context, ascii: bool, explicit: bool) -> Result<String, CliError> {
    if !explicit && !std::io::stdout().is_terminal() {
        return status::run(&ctx, &status::StatusArgs::default());
    }
    let mut opts = crate::tui::Options::from_env(ctx.lang, ctx.today, now);
    opts.ascii |= ascii;
    crate::tui::run(ctx.ledger, opts).map_err(|e| CliError::Terminal(e.to_string()))?;
    Ok(String::new())
}

/// The time stamped on records: `TAIZHANG_TODAY` at noon if set, else local now.
fn now() -> NaiveDateTime {
    context::clock().map_or_else(|_| Local::now().naive_local(), |(_, now)| now)
}
