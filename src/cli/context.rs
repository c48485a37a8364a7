//! What every command needs from the environment, resolved in one place: the
//! ledger path, the language, today's date and the entering user. Only this
//! module reads the clock and environment variables.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{Local, NaiveDate, NaiveDateTime, NaiveTime};

use crate::core::ledger::Clock;
use crate::core::{Catalogue, Ledger};
use crate::i18n::Lang;
use crate::service::{AnyLedger, ClientOptions, RemoteLedger};
use crate::store::SledStore;

use super::error::{CliError, DbSource, LangSource};

/// An open ledger plus the settings a command runs with.
pub struct Context {
    pub ledger: AnyLedger,
    pub lang: Lang,
    /// The user's local calendar date (or `TAIZHANG_TODAY`).
    pub today: NaiveDate,
    pub now: NaiveDateTime,
    pub path: PathBuf,
}

impl Context {
    /// Resolve the path and clock, then open (or create) the ledger.
    pub fn open(
        explicit_db: Option<&Path>,
        lang: Lang,
        access: Access,
    ) -> Result<Context, CliError> {
        let path = db_path(explicit_db)?;
        require_ledger(explicit_db, &path)?;
        Context::at(path, lang, access)
    }

    /// Like `open`, but a `--db` path without a ledger gets a new one
    /// (`import` of a backup into a new place).
    pub fn create(
        explicit_db: Option<&Path>,
        lang: Lang,
        access: Access,
    ) -> Result<Context, CliError> {
        Context::at(db_path(explicit_db)?, lang, access)
    }

    fn at(path: PathBuf, lang: Lang, access: Access) -> Result<Context, CliError> {
        let (today, now) = clock()?;
        let ledger = open_ledger(&path, access)?;
        Ok(Context {
            ledger,
            lang,
            today,
            now,
            path,
        })
    }
}

/// How a command reaches the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Through the ledger service, started on demand (several sessions at once).
    Service,
    /// sled in this process (`--direct`, `TAIZHANG_DIRECT=1`, `demo`): the
    /// ledger is locked for everyone else while the command runs.
    Direct,
}

impl Access {
    pub fn from_flag(direct: bool) -> Access {
        if direct {
            Access::Direct
        } else {
            Access::Service
        }
    }
}

/// Open the ledger at `path`. Through the service, the service decides the
/// time and the user of every change; direct, this process runs the ledger
/// as its real uid's user on the local clock, under the same policy.
///
/// `TAIZHANG_TODAY` (a fixed clock for tests and demos) applies only to a
/// private ledger run directly: with it set, a private ledger opens direct,
/// and a shared ledger, or one a running service holds, is refused.
pub fn open_ledger(path: &Path, access: Access) -> Result<AnyLedger, CliError> {
    let core = |e: crate::core::StoreError| CliError::Core(e.into());
    let fixed = env_nonempty("TAIZHANG_TODAY");
    match (access, fixed) {
        (Access::Service, None) => {
            let remote =
                RemoteLedger::connect_pipelined(path, ClientOptions::default()).map_err(core)?;
            Ok(AnyLedger::Remote(remote))
        }
        (Access::Service, Some(fixed)) => {
            // A member cannot read a shared ledger's settings (0600): shared.
            let shared = match crate::store::Sharing::load(path) {
                Ok(sharing) => sharing.is_shared(),
                Err(crate::core::StoreError::Io { source, .. })
                    if source.kind() == std::io::ErrorKind::PermissionDenied =>
                {
                    true
                }
                Err(e) => return Err(core(e)),
            };
            if shared {
                return Err(CliError::TodayWithService(fixed));
            }
            match open_direct(path) {
                Err(CliError::Core(crate::core::CoreError::Store(
                    crate::core::StoreError::Locked { .. },
                ))) => Err(CliError::TodayWithService(fixed)),
                other => other,
            }
        }
        (Access::Direct, Some(fixed))
            if crate::store::Sharing::load(path).map_err(core)?.is_shared() =>
        {
            Err(CliError::TodayWithService(fixed))
        }
        (Access::Direct, _) => open_direct(path),
    }
}

fn open_direct(path: &Path) -> Result<AnyLedger, CliError> {
    let core = |e: crate::core::StoreError| CliError::Core(e.into());
    let store = SledStore::open(path, &Catalogue::embedded()).map_err(core)?;
    let policy = crate::store::sharing::policy(path).map_err(core)?;
    Ok(AnyLedger::Direct(
        Ledger::new(store, user())
            .with_clock(local_clock())
            .with_policy(policy),
    ))
}

/// The local clock, or `TAIZHANG_TODAY` at noon, for a ledger run directly.
pub fn local_clock() -> Clock {
    Arc::new(|| clock().map_or_else(|_| Local::now().naive_local(), |(_, now)| now))
}

/// The ledger directory: `--db`, else `TAIZHANG_DB`, else the XDG data dir
/// (see `store::location`).
pub fn db_path(explicit: Option<&Path>) -> Result<PathBuf, CliError> {
    crate::store::location::resolve(explicit).map_err(|e| match e {
        crate::core::StoreError::NoDataDir => CliError::NoDataDir,
        other => CliError::Core(other.into()),
    })
}

/// A ledger chosen by `--db` or `TAIZHANG_DB` must exist: a mistyped path
/// is an error naming it, not a new empty ledger. Only the default ledger is
/// created on first use (and any with `taizhang init PATH`).
fn require_ledger(explicit: Option<&Path>, path: &Path) -> Result<(), CliError> {
    let from = if explicit.is_some_and(|p| !p.as_os_str().is_empty()) {
        DbSource::Flag
    } else if std::env::var_os(crate::store::location::ENV_VAR).is_some_and(|v| !v.is_empty()) {
        DbSource::Env
    } else {
        return Ok(());
    };
    if super::init::is_ledger(path) {
        Ok(())
    } else {
        Err(CliError::NoLedger {
            path: path.to_path_buf(),
            from,
        })
    }
}

/// The language: `--lang`, else `TAIZHANG_LANG`, else `lang` in
/// `$XDG_CONFIG_HOME/taizhang/config.toml`, else Chinese. Only the setting
/// `auto` (in any of those places) follows the locale (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`): a server's `LANG=en_US.UTF-8` does not turn a
/// Chinese application English by itself.
pub fn lang(explicit: Option<&str>) -> Result<Lang, CliError> {
    if let Some(tag) = explicit {
        return parse_lang(tag, LangSource::Flag);
    }
    if let Some(tag) = env_nonempty("TAIZHANG_LANG") {
        return parse_lang(&tag, LangSource::Env);
    }
    Ok(lang_from_config()?.unwrap_or_default())
}

/// `auto`: the locale's language when it is Chinese or English, else Chinese.
fn locale_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(env_nonempty)
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_default()
}

/// Best effort for messages printed before the arguments parse: a valid
/// `--lang` among the raw arguments, else the usual resolution, else Chinese.
pub fn lang_from_args(args: impl IntoIterator<Item = OsString>) -> Lang {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    for (i, a) in args.iter().enumerate() {
        let value = match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::parse) {
            return lang;
        }
    }
    lang(None).unwrap_or_default()
}

fn parse_lang(tag: &str, source: LangSource) -> Result<Lang, CliError> {
    if tag.trim().eq_ignore_ascii_case("auto") {
        return Ok(locale_lang());
    }
    Lang::parse(tag).ok_or_else(|| CliError::BadLang {
        from: source,
        value: tag.to_string(),
    })
}

fn lang_from_config() -> Result<Option<Lang>, CliError> {
    let Some(dirs) = directories::ProjectDirs::from("", "", "taizhang") else {
        return Ok(None);
    };
    let path = dirs.config_dir().join("config.toml");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(None);
    };
    let bad = |message: String| CliError::Config {
        path: path.clone(),
        message,
    };
    let table: toml::Table = toml::from_str(&text).map_err(|e| bad(e.message().to_string()))?;
    match table.get("lang") {
        None => Ok(None),
        Some(toml::Value::String(tag)) => {
            parse_lang(tag, LangSource::Config(path.clone())).map(Some)
        }
        Some(_) => Err(bad(
            "lang must be a string: \"zh\", \"en\" or \"auto\"".into()
        )),
    }
}

/// Whether output should be ASCII-safe: `--ascii`, else `TAIZHANG_ASCII`
/// (`1`/`true` on, `0`/`false` off), else on where the terminal cannot
/// draw Unicode: `TERM=linux` (the console) or `dumb`, or a locale that is
/// set and not UTF-8 (`LANG=C`, `zh_CN.GBK`).
pub fn ascii(flag: bool) -> bool {
    if flag {
        return true;
    }
    match env_nonempty("TAIZHANG_ASCII").as_deref().map(str::trim) {
        Some("1" | "true" | "yes") => return true,
        Some("0" | "false" | "no") => return false,
        _ => {}
    }
    let term = env_nonempty("TERM");
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .find_map(env_nonempty);
    unicode_unlikely(term.as_deref(), locale.as_deref())
}

/// The rule behind `ascii`, without the environment.
pub fn unicode_unlikely(term: Option<&str>, locale: Option<&str>) -> bool {
    let console = matches!(
        term.map(str::trim),
        Some("linux" | "dumb" | "vt100" | "vt220")
    );
    let narrow_locale = locale.is_some_and(|l| {
        let l = l.to_ascii_lowercase();
        !(l.contains("utf-8") || l.contains("utf8"))
    });
    console || narrow_locale
}

/// Today and now. `TAIZHANG_TODAY=YYYY-MM-DD` fixes both (now = noon).
pub fn clock() -> Result<(NaiveDate, NaiveDateTime), CliError> {
    if let Some(fixed) = env_nonempty("TAIZHANG_TODAY") {
        let today = NaiveDate::parse_from_str(fixed.trim(), "%Y-%m-%d")
            .map_err(|_| CliError::BadToday(fixed.clone()))?;
        let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default();
        return Ok((today, today.and_time(noon)));
    }
    let now = Local::now().naive_local();
    Ok((now.date(), now))
}

/// The entering user: the name of the process's real uid in the password
/// database, so that the journal names the Unix user, not a name set in the
/// environment. Only a uid without a passwd entry (some containers) falls
/// back to `$USER`, then to `uid N`.
pub fn user() -> String {
    let uid = nix::unistd::getuid();
    match nix::unistd::User::from_uid(uid) {
        Ok(Some(u)) if !u.name.is_empty() => u.name,
        _ => env_nonempty("USER").unwrap_or_else(|| format!("uid {uid}")),
    }
}

fn env_nonempty(key: &str) -> Option<String> {
    std::env::var(key).ok().filter(|v| !v.trim().is_empty())
}
