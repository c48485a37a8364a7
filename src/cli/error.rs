//! Everything a command can refuse, typed. `text::error` words it
//! in the chosen language; `exit_code` says 2 for bad input, 1 for the store.

pub mod text;

use std::path::PathBuf;

use crate::core::CoreError;
use crate::core::error::{Field, Problem, ValidationError};

/// Where a language setting came from, so the message can point at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LangSource {
    Flag,
    Env,
    Config(PathBuf),
}

/// Where an explicit ledger path came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbSource {
    Flag,
    Env,
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error("unknown language {value:?} ({from:?})")]
    BadLang { from: LangSource, value: String },
    #[error("TAIZHANG_TODAY={0:?} is not YYYY-MM-DD")]
    BadToday(String),
    /// `TAIZHANG_TODAY` was set for a ledger the service runs: its clock,
    /// not the client's, dates every change.
    #[error("TAIZHANG_TODAY={0} cannot be used with a shared ledger or a running ledger service")]
    TodayWithService(String),
    #[error("config file {path:?}: {message}")]
    Config { path: PathBuf, message: String },
    #[error("no home directory to keep the ledger in")]
    NoDataDir,
    #[error("cannot read {path:?}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path:?}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path:?} line {line} column {column}: {message}")]
    BadJson {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the ledger at {0:?} is not empty")]
    ImportOverData(PathBuf),
    #[error("{0:?} exists and is not empty")]
    DemoDirNotEmpty(PathBuf),
    /// `--db` or `TAIZHANG_DB` names a path that holds no ledger.
    #[error("there is no ledger at {path:?} (from {from:?})")]
    NoLedger { path: PathBuf, from: DbSource },
    /// A refused name or kind, with what the user may have meant.
    #[error("{error}; did you mean {suggestions:?}")]
    DidYouMean {
        error: ValidationError,
        suggestions: Vec<String>,
    },
    #[error("{0:?} is already a ledger")]
    AlreadyLedger(PathBuf),
    #[error("{0:?} exists and is not empty, so no new ledger is made there")]
    InitNotEmpty(PathBuf),
    #[error("catalogue drops duty {duty} used by record #{record}")]
    CatalogueDropsDuty { duty: String, record: u64 },
    #[error("bad year {0:?}")]
    BadYear(String),
    #[error("bad record id {0:?}")]
    BadRecordId(String),
    /// `verify --seal YEAR DIGEST` with a digest that is not 64 hex digits.
    #[error("bad seal digest {0:?}")]
    BadDigest(String),
    #[error("terminal: {0}")]
    Terminal(String),
    #[error("bad absence {0:?}")]
    BadAbsence(String),
    #[error(transparent)]
    Report(crate::cli::report::ReportCliError),
    #[error(transparent)]
    Csv(crate::cli::csv::CsvError),
    /// `taizhang access` (`cli::access`).
    #[error(transparent)]
    Access(crate::cli::access::AccessError),
    /// `taizhang check` found problems: the report itself, printed on
    /// stdout with exit code 3 (`cli::check`).
    #[error("{0}")]
    Findings(String),
    /// Backups and damaged ledgers (`cli::backups`).
    #[error(transparent)]
    Durability(Box<crate::cli::backups::Trouble>),
}

impl CliError {
    /// 1 when the store failed, the journal is broken or a file could not be
    /// read or written; 2 when the input was wrong and the user can fix the
    /// command; 3 when `check` found problems.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Core(
                CoreError::Store(_) | CoreError::Journal(_) | CoreError::SealCheck(_),
            )
            | CliError::NoDataDir
            | CliError::Read { .. }
            | CliError::Write { .. }
            | CliError::Terminal(_)
            | CliError::Durability(_) => 1,
            CliError::Findings(_) => 3,
            _ => 2,
        }
    }

    pub fn invalid(field: Field, problem: Problem) -> CliError {
        CliError::Core(CoreError::Invalid(ValidationError::new(field, problem)))
    }
}

impl From<ValidationError> for CliError {
    fn from(e: ValidationError) -> Self {
        CliError::Core(CoreError::Invalid(e))
    }
}
