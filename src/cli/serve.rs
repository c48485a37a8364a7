//! `taizhang serve` (the ledger service; clients start it on demand) and
//! `taizhang init-shared --group NAME` (give a ledger to a Unix group).

pub mod text;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use crate::core::StoreError;
use crate::i18n::Lang;
use crate::service::{self, DEFAULT_IDLE_EXIT_SECS, EXIT_LOCKED, ServeOptions, Served, WireError};
use text as t;

use super::{CliError, context};

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Exit after this many seconds without a client (0 = never)
    #[arg(long, value_name = "SECS", default_value_t = DEFAULT_IDLE_EXIT_SECS)]
    pub idle_exit: u64,
    /// Share the ledger with this Unix group first (as init-shared does)
    #[arg(long, value_name = "NAME")]
    pub group: Option<String>,
    /// Started by a client: leave its session, log to DIR/service.log and
    /// report a failed start as one JSON line on stderr
    #[arg(long, hide = true)]
    pub detach: bool,
}

#[derive(Debug, Args)]
pub struct InitSharedArgs {
    /// The Unix group whose members may use the ledger
    #[arg(long, value_name = "NAME")]
    pub group: String,
    /// A dedicated Unix user to run the service as, started by systemd for
    /// any member; prints the unit files and the steps
    #[arg(long, value_name = "USER")]
    pub service_user: Option<String>,
}

fn options(dir: &Path, args: &ServeArgs) -> ServeOptions {
    ServeOptions {
        dir: dir.to_path_buf(),
        idle_exit: (args.idle_exit > 0).then(|| Duration::from_secs(args.idle_exit)),
        detach: args.detach,
        group: args.group.clone(),
    }
}

/// `taizhang serve` in the foreground: logs to stderr, ends on ^C or idle.
pub fn run(db: Option<&Path>, lang: Lang, args: &ServeArgs) -> Result<String, CliError> {
    let dir = context::db_path(db)?;
    match service::serve(&options(&dir, args)).map_err(|e| CliError::Core(e.into()))? {
        Served::Stopped(why) => Ok(format!("{}\n", t::stopped(lang, &dir, why))),
        Served::AlreadyRunning(StoreError::Locked { path, holder }) => {
            Err(CliError::Core(StoreError::Locked { path, holder }.into()))
        }
        Served::AlreadyRunning(other) => Err(CliError::Core(other.into())),
    }
}

/// `taizhang serve --detach`, as a client starts it: no words, an exit code
/// (`EXIT_LOCKED` when another service won) and a failure as JSON on stderr
/// for the client to show.
pub fn detached(db: Option<&Path>, args: &ServeArgs) -> ExitCode {
    let Ok(dir) = context::db_path(db) else {
        return report(&StoreError::NoDataDir, 1);
    };
    match service::serve(&options(&dir, args)) {
        Ok(Served::Stopped(_)) => ExitCode::SUCCESS,
        Ok(Served::AlreadyRunning(e)) => report(&e, EXIT_LOCKED),
        Err(e) => report(&e, 1),
    }
}

fn report(e: &StoreError, code: u8) -> ExitCode {
    if let Ok(line) = serde_json::to_string(&WireError::from(e)) {
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
    ExitCode::from(code)
}

/// `taizhang init-shared --group NAME`.
pub fn init_shared(
    db: Option<&Path>,
    lang: Lang,
    args: &InitSharedArgs,
) -> Result<String, CliError> {
    let dir = context::db_path(db)?;
    // Sharing a new path creates its ledger first (as `init` would), so that
    // its files are given to the group too.
    let group_exists = matches!(nix::unistd::Group::from_name(&args.group), Ok(Some(_)));
    if group_exists && !super::init::is_ledger(&dir) {
        drop(context::open_ledger(&dir, context::Access::Direct)?);
    }
    let dir = std::path::absolute(&dir).unwrap_or(dir);
    let sharing = service::share::share(&dir, &args.group, args.service_user.as_deref())
        .map_err(|e| CliError::Core(e.into()))?;
    let mut out = format!("{}\n", t::shared(lang, &dir, &sharing));
    if let Some(user) = &args.service_user {
        let program = std::env::current_exe().unwrap_or_else(|_| "taizhang".into());
        let units = service::units::units(&dir, &program, user, &args.group);
        let done = nix::unistd::geteuid().is_root();
        out.push_str(&t::activation_steps(lang, &dir, user, &args.group, done));
        out.push('\n');
        out.push_str(&units.socket);
        out.push('\n');
        out.push_str(&units.service);
    }
    Ok(out)
}
