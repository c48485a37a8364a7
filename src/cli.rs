//! The command line: clap arguments and one file per command. Every command
//! returns its output as text, so `run` alone writes to stdout and decides the
//! exit code; nothing is written to the ledger once an error is found.

pub mod access;
pub mod add;
pub mod audit;
pub mod backup;
pub mod backups;
pub mod catalogue;
pub mod check;
pub mod context;
pub mod csv;
pub mod debug;
pub mod demo;
pub mod error;
pub mod fix;
pub mod help;
pub mod init;
pub mod layout;
pub mod people;
pub mod records;
pub mod report;
pub mod serve;
pub mod status;
pub mod suggest;
pub mod tui;
pub mod year;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{FromArgMatches, Parser, Subcommand};

use crate::i18n::Lang;

pub use context::Context;
pub use error::CliError;

#[derive(Debug, Parser)]
#[command(
    name = "taizhang",
    version,
    about = "台账：党支部全面从严治党主体责任台账 (the ledger of a Party branch's duties)",
    long_about = None
)]
pub struct Cli {
    #[arg(
        long,
        global = true,
        display_order = 900,
        value_name = "PATH",
        help = "Ledger directory (env TAIZHANG_DB; default: $XDG_DATA_HOME/taizhang/ledger)"
    )]
    pub db: Option<PathBuf>,
    #[arg(
        long,
        global = true,
        display_order = 900,
        value_name = "zh|en|auto",
        help = "Interface language: zh, en or auto (follow LANG/LC_*); env TAIZHANG_LANG, then config.toml; default zh"
    )]
    pub lang: Option<String>,
    #[arg(
        long,
        global = true,
        display_order = 900,
        help = "ASCII borders, bars and punctuation, for terminals that draw them double-width (env TAIZHANG_ASCII=1/0; default: on for TERM=linux or dumb and non-UTF-8 locales)"
    )]
    pub ascii: bool,
    #[arg(
        long,
        global = true,
        display_order = 900,
        env = "TAIZHANG_DIRECT",
        value_parser = clap::builder::BoolishValueParser::new(),
        help = "Open the ledger in this process instead of through the ledger service (single user only; env TAIZHANG_DIRECT=1)"
    )]
    pub direct: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the terminal UI (the default when run in a terminal)
    Tui,
    /// Progress of every duty this year (what a bare `taizhang` prints when not on a terminal)
    Status(status::StatusArgs),
    /// Consistency checks of a year's records: quorum, talks before 组织生活会, appraisal coverage, roster, duplicates (exit 3 when something is found)
    Check(check::CheckArgs),
    /// Add a record: taizhang add 支委会 --date 3-14 --topic … --host 张三
    Add(add::AddArgs),
    /// The roster: add, list, edit, retire people
    #[command(subcommand)]
    People(people::PeopleCmd),
    /// List, show or delete records
    #[command(subcommand)]
    Records(records::RecordsCmd),
    /// Rectification items (整改): add, list, show, edit, note, start, request-close, close
    #[command(subcommand)]
    Fix(fix::FixCmd),
    /// The yearly cycle: close a year (read-only from then on), list years
    #[command(subcommand)]
    Year(year::YearCmd),
    /// Add a dated correction to a record (the way to correct a closed year)
    Amend(year::AmendArgs),
    /// Export or import the responsibility catalogue (TOML)
    #[command(subcommand)]
    Catalogue(catalogue::CatalogueCmd),
    /// Export the whole ledger as JSON (a backup), or records, duties or fixes as CSV
    Export(backup::ExportArgs),
    /// Replace the ledger with a JSON backup, all or nothing
    Import(backup::ImportArgs),
    /// Add the records of a spreadsheet ledger saved as CSV, all or nothing
    ImportCsv(csv::ImportCsvArgs),
    /// Write the annual report or a leader's 述责述廉 draft (md, html, docx)
    #[command(subcommand)]
    Report(report::ReportCmd),
    /// Build a realistic sample ledger in DIR
    Demo(demo::DemoArgs),
    /// Run the ledger service (clients start it on demand; see the README)
    Serve(serve::ServeArgs),
    /// Share the ledger with a Unix group: group ownership, modes 2750/0640
    InitShared(serve::InitSharedArgs),
    /// Who changed a record (or --person) and when, field by field
    History(audit::HistoryArgs),
    /// Deleted records, which `restore` brings back
    Trash,
    /// Bring a deleted record back from the trash: taizhang restore 23
    Restore {
        /// The record id (23 or #23)
        id: String,
    },
    /// Check the journal's hash chain and the sealed years' archives; --seal checks a year against a digest
    Verify(audit::VerifyArgs),
    /// Seal a year: journal and print its digest for the annual report
    Seal {
        /// The year, e.g. 2026
        year: String,
    },
    /// Who may do what: read-only reviewers (list, add-reviewer, remove-reviewer), secretary-admin
    #[command(subcommand)]
    Access(access::AccessCmd),
    /// Automatic and manual backups: now, list, restore
    #[command(subcommand)]
    Backup(backups::BackupCmd),
    /// Create a new, empty ledger in PATH (the default ledger is created on first use)
    Init(init::InitArgs),
    /// Print a shell completion script for bash, zsh, fish, elvish or powershell
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. into taizhang.1
    Man,
    /// Commands for tests (hidden)
    #[command(subcommand, hide = true)]
    Debug(debug::DebugCmd),
}

/// Parse the process arguments, run, print, and return the exit code.
pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // The language of help and argument errors, before the arguments parse.
    let early = context::lang_from_args(args.iter().cloned());
    let args = help::expand_help_command(early, args);
    let cli = match help::command(early)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return clap_failure(early, &e),
    };
    if let Some(Command::Serve(args)) = &cli.command
        && args.detach
    {
        return serve::detached(cli.db.as_deref(), args);
    }
    let lang = match context::lang(cli.lang.as_deref()) {
        Ok(lang) => lang,
        Err(e) => return failure(Lang::Zh, &e, false),
    };
    let ascii = context::ascii(cli.ascii);
    match run(cli, lang, ascii) {
        Ok(text) => {
            emit(&if ascii {
                layout::ascii_safe(&text).into_owned()
            } else {
                text
            });
            ExitCode::SUCCESS
        }
        // Findings are the output, on stdout, with their own exit code.
        Err(CliError::Findings(text)) => {
            emit(&if ascii {
                layout::ascii_safe(&text).into_owned()
            } else {
                text
            });
            ExitCode::from(3)
        }
        Err(e) => failure(lang, &e, ascii),
    }
}

/// Run one parsed command line and return what it prints. A damaged ledger's
/// error names the latest backup and the restore command.
pub fn run(cli: Cli, lang: Lang, ascii: bool) -> Result<String, CliError> {
    let db = cli.db.clone();
    dispatch(cli, lang, ascii).map_err(|e| backups::explain(db.as_deref(), e))
}

fn dispatch(cli: Cli, lang: Lang, ascii: bool) -> Result<String, CliError> {
    let db = cli.db.as_deref();
    let access = context::Access::from_flag(cli.direct);
    let open = || Context::open(db, lang, access);
    let create = || Context::create(db, lang, access);
    match cli.command {
        // With no command taizhang opens the TUI (the status when not on a terminal).
        None => tui::run(open()?, ascii, false),
        Some(Command::Tui) => tui::run(open()?, ascii, true),
        Some(Command::Status(args)) => status::run(&open()?, &args),
        Some(Command::Check(args)) => check::run(&open()?, &args),
        Some(Command::Add(args)) => add::run(&open()?, &args),
        Some(Command::People(cmd)) => people::run(&open()?, &cmd),
        Some(Command::Records(cmd)) => records::run(&open()?, &cmd),
        Some(Command::Fix(cmd)) => fix::run(&open()?, &cmd),
        Some(Command::Year(cmd)) => year::run(&open()?, &cmd),
        Some(Command::Amend(args)) => year::amend(&open()?, &args),
        Some(Command::Catalogue(cmd)) => catalogue::run(&open()?, &cmd),
        Some(Command::Export(args)) => backup::export(&open()?, &args),
        Some(Command::Import(args)) => backup::import(&create()?, &args),
        Some(Command::ImportCsv(args)) => csv::import(&open()?, &args),
        Some(Command::Report(cmd)) => report::run(&open()?, &cmd),
        Some(Command::Demo(args)) => demo::run(lang, &args),
        Some(Command::Serve(args)) => serve::run(db, lang, &args),
        Some(Command::InitShared(args)) => serve::init_shared(db, lang, &args),
        Some(Command::History(args)) => audit::history(&open()?, &args),
        Some(Command::Trash) => audit::trash(&open()?),
        Some(Command::Restore { id }) => audit::restore(&open()?, &id),
        Some(Command::Verify(args)) => match &args.archive {
            Some(file) => audit::verify_file(lang, file, &args),
            None => audit::verify(&open()?, &args),
        },
        Some(Command::Seal { year }) => audit::seal(&open()?, &year),
        Some(Command::Access(cmd)) => self::access::run(db, lang, access, &cmd),
        Some(Command::Backup(cmd)) => backups::run(db, lang, access, &cmd),
        Some(Command::Init(args)) => init::run(lang, &args),
        Some(Command::Completions { shell }) => help::completions(lang, shell),
        Some(Command::Man) => help::man(lang),
        Some(Command::Debug(cmd)) => debug::run(db, &cmd),
    }
}

/// Write to stdout, made inert (`layout::terminal_safe`); a closed pipe
/// (`taizhang status | head`) is not an error.
fn emit(text: &str) {
    let text = layout::terminal_safe(text);
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

fn failure(lang: Lang, e: &CliError, ascii: bool) -> ExitCode {
    let mut err = std::io::stderr().lock();
    let text = error::text::error(lang, e);
    let text = if ascii {
        layout::ascii_safe(&text).into_owned()
    } else {
        text
    };
    let _ = writeln!(err, "{}", layout::terminal_safe(&text));
    ExitCode::from(e.exit_code())
}

/// Help and version go to stdout with success; real usage errors are worded
/// in the chosen language (`i18n::cli_usage`), with clap's did-you-mean.
fn clap_failure(lang: Lang, e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let text = e.render().to_string();
        emit(&match lang {
            Lang::Zh => crate::i18n::cli_usage::chinese_placeholders(&text),
            Lang::En => text,
        });
        return ExitCode::SUCCESS;
    }
    let text = crate::i18n::cli_usage::clap_error(lang, e);
    let mut err = std::io::stderr().lock();
    let _ = match lang {
        Lang::Zh => writeln!(err, "{}", layout::terminal_safe(&text)),
        Lang::En => writeln!(
            err,
            "{}\n{}",
            crate::i18n::cli::usage_header(lang),
            layout::terminal_safe(&text)
        ),
    };
    ExitCode::from(2)
}

/// Pretty JSON with a final newline, inert on a terminal (`layout::json_safe`).
fn to_json<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    serde_json::to_string_pretty(value)
        .map(|s| layout::json_safe(s) + "\n")
        .map_err(|e| CliError::Core(crate::core::StoreError::Corrupt(e.to_string()).into()))
}

/// Split a list typed as `A,B` / `A，B` / `A、B`, dropping empty items.
fn split_names(raw: &[String]) -> Vec<String> {
    raw.iter()
        .flat_map(|s| s.split([',', '，', '、']))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Read a whole UTF-8 input file (a leading BOM is dropped).
fn read_text(path: &std::path::Path) -> Result<String, CliError> {
    let text = std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// `text` to `out` (then a short note on stdout), or to stdout as is. A
/// file holds the ledger's data: it is written whole and readable by its
/// owner only (0600), as every export is.
fn write_out(lang: Lang, out: Option<&std::path::Path>, text: &str) -> Result<String, CliError> {
    let Some(path) = out else {
        return Ok(text.to_string());
    };
    report::write_private(path, text.as_bytes())?;
    Ok(format!("{}\n", crate::i18n::cli::written(lang, path)))
}
