//! Errors of the core and of the store port. Each names what is wrong and the
//! fix; the shells translate them (`crate::i18n`) and never panic on them.

mod wire;

use std::path::PathBuf;

use chrono::NaiveDate;

use super::catalogue::CatalogueError;
use super::confirm::Warning;
use super::fix::{FixError, FixId};
use super::journal::Broken;
use super::record::RecordId;
use super::roster::PersonId;

/// An input field, so that an error can point at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Field {
    Kind,
    Date,
    Topic,
    Host,
    Attendees,
    Absentees,
    Partners,
    Duties,
    Notes,
    Evidence,
    Name,
    Roles,
    Dept,
    Oversees,
    Links,
    Year,
    /// A rectification item's source (来源).
    Source,
    /// A rectification item's problem text.
    Issue,
    Measures,
    Owner,
    Deadline,
    /// The Unix login a roster person uses (`--unix-user`).
    UnixUser,
    /// The day a roster change holds from (`--from`).
    From,
    /// The year a record covers (所属年度, `--covers`).
    Covers,
}

impl Field {
    /// The field's name as the CLI spells it (`--topic`).
    pub fn flag(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Date => "date",
            Field::Topic => "topic",
            Field::Host => "host",
            Field::Attendees => "attendees",
            Field::Absentees => "absent",
            Field::Partners => "with",
            Field::Duties => "duty",
            Field::Notes => "notes",
            Field::Evidence => "evidence",
            Field::Name => "name",
            Field::Roles => "role",
            Field::Dept => "dept",
            Field::Oversees => "oversees",
            Field::Links => "link",
            Field::Year => "year",
            Field::Source => "source",
            Field::Issue => "problem",
            Field::Measures => "measures",
            Field::Owner => "owner",
            Field::Deadline => "deadline",
            Field::UnixUser => "unix-user",
            Field::From => "from",
            Field::Covers => "covers",
        }
    }
}

/// What is wrong with a field's value.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Problem {
    Required,
    BadDate(String),
    UnknownPerson(String),
    /// Several active people share this name; the ids tell them apart.
    AmbiguousPerson(String, Vec<PersonId>),
    RetiredPerson(String),
    UnknownDuty(String),
    UnknownKind(String),
    UnknownRole(String),
    Duplicate(String),
    BothPresentAndAbsent(String),
    TalkWithSelf,
    TooLong {
        max: usize,
        got: usize,
    },
    NameTaken(String),
    /// Control characters or other text that cannot be stored as typed.
    BadText,
    /// Not a rectification source (自查自检, 督导检查, …).
    UnknownSource(String),
    DeadlineBeforeOpened {
        deadline: NaiveDate,
        opened: NaiveDate,
    },
    /// Not a Unix login name (letters, digits, `.`, `_`, `-`).
    BadUnixUser(String),
    /// Another active person already uses this Unix login.
    UnixUserTaken(String, PersonId),
    /// A record of a kind that usually reports on the past year, dated in
    /// January or February, must say which year it covers.
    CoversAsked {
        date: NaiveDate,
    },
    /// Not a year (所属年度 as typed).
    NotAYear(String),
    /// A record covers its date's year or the year before, nothing else.
    CoversOutOfRange {
        date: NaiveDate,
        covers: i32,
    },
    /// A roster change dated on or before the end of `year`, which is
    /// closed: its roster is sealed with it.
    RosterSealed {
        year: i32,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[error("{field:?}: {problem:?}")]
pub struct ValidationError {
    pub field: Field,
    pub problem: Problem,
}

impl ValidationError {
    pub fn new(field: Field, problem: Problem) -> Self {
        Self { field, problem }
    }
}

/// Failures of a `Store` implementation.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the ledger at {path} is in use by another taizhang process ({holder}); close it or wait, then try again"
    )]
    Locked { path: PathBuf, holder: String },
    #[error(
        "opening the ledger at {path} did not finish within {secs} s; the database may be damaged (restore a backup or move the directory aside)"
    )]
    OpenTimeout { path: PathBuf, secs: u64 },
    #[error(
        "the ledger at {path} was written by a newer taizhang (schema {found}, this one reads up to {supported}); upgrade taizhang"
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Db(String),
    #[error(
        "no data directory to keep the ledger in: set $XDG_DATA_HOME or $HOME, or choose a path with --db PATH or TAIZHANG_DB"
    )]
    NoDataDir,
    /// No ledger service answers for the ledger at `path` and none could be
    /// started (see `crate::service`).
    #[error("cannot reach the ledger service for {path}: {reason}")]
    ServiceUnavailable { path: PathBuf, reason: String },
    /// The ledger service and this client speak different protocol versions.
    #[error(
        "the running ledger service speaks protocol {service} but this taizhang speaks {client}: it was started by another taizhang version; wait until it exits (after its idle time) or end it (`kill` the pid in taizhang.lock), then try again"
    )]
    ProtocolMismatch { client: u32, service: u32 },
    /// The conversation with the ledger service failed: it stopped, did not
    /// answer in time, or sent something unreadable.
    #[error("ledger service: {0}")]
    Remote(String),
    /// `init-shared --group NAME` (or `serve --group`) named no Unix group.
    #[error("there is no Unix group named {0:?}; create it first (groupadd) or check the spelling")]
    NoGroup(String),
    /// `init-shared --service-user NAME` named no Unix user.
    #[error(
        "there is no Unix user named {0:?}; create it first (for example: sudo useradd --system --no-create-home --shell /usr/sbin/nologin {0}) or check the spelling"
    )]
    NoUser(String),
    /// The user may read the ledger but not change it (`core::access`).
    #[error(transparent)]
    ReadOnly(#[from] super::access::Refusal),
    /// An archived (sealed) year's file is refused.
    #[error(
        "the archive of the sealed year {year} ({path}) is refused: {fault}; put back an intact copy of the file (from the ledger's backups or wherever it was handed)"
    )]
    Archive {
        year: i32,
        path: String,
        fault: super::archive::ArchiveFault,
    },
    /// A write into an archived year reached the store.
    #[error(
        "the year {0} is sealed in its archive and never changes; only the ledger's owner can reopen it (taizhang year reopen {0})"
    )]
    SealedYear(i32),
    /// The process behind the ledger's socket is not the ledger's service:
    /// it runs as another user than the ledger's owner (or service user).
    #[error(
        "the process listening on {socket} runs as {runs_as}, not as the ledger's owner {owner}; taizhang sent it nothing. Someone else may have put that socket there: tell the ledger's owner"
    )]
    ForeignService {
        socket: PathBuf,
        runs_as: String,
        owner: String,
    },
    /// The ledger service turned the connection away (its limits).
    #[error(transparent)]
    TurnedAway(#[from] Turnaway),
}

/// Why the ledger service turned a connection away, in data, so that the
/// client can word it (`crate::i18n::domain::turnaway_zh`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, thiserror::Error)]
pub enum Turnaway {
    #[error(
        "the ledger service already serves its limit of {limit} connections; close a taizhang window or wait, then try again"
    )]
    Full { limit: usize },
    #[error(
        "user {user} already has the limit of {limit} connections to the ledger service; close one of your taizhang windows, then try again"
    )]
    UserFull { user: String, limit: usize },
    #[error(
        "the ledger service cannot tell which Unix user is connecting (no peer credentials), so it refuses the connection"
    )]
    UnknownPeer,
    #[error(
        "a message longer than the ledger service's limit of {limit} bytes; import a large ledger in smaller parts"
    )]
    TooLarge { limit: u64 },
    #[error("a message that did not arrive in full within {secs} s")]
    TooSlow { secs: u64 },
}

pub use wire::WireError;

/// Every failure of a ledger use case. It is plain data (serde), so the
/// ledger service sends it to a client, which words it exactly as in direct mode.
#[derive(Debug, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum CoreError {
    #[error(transparent)]
    Store(
        #[from]
        #[serde(with = "wire")]
        StoreError,
    ),
    #[error("invalid {}: {:?}", .0.field.flag(), .0.problem)]
    Invalid(#[from] ValidationError),
    #[error(transparent)]
    Catalogue(#[from] CatalogueError),
    #[error("record {0} does not exist")]
    NoRecord(RecordId),
    #[error("person #{0} does not exist")]
    NoPerson(PersonId),
    #[error("backup file is not valid: {0}")]
    BadBackup(String),
    /// The change journal's hash chain is broken at an entry.
    #[error(transparent)]
    Journal(#[from] Broken),
    /// The policy table (`core::access`) refused the acting user.
    #[error(transparent)]
    Refused(super::access::Refusal),
    #[error("record {0} is not in the trash; `taizhang trash` lists what can be restored")]
    NotInTrash(RecordId),
    #[error("record {0} cannot be restored: a record with its id exists again")]
    IdInUse(RecordId),
    #[error("rectification item {0} does not exist")]
    NoFix(FixId),
    /// A change to one rectification item was refused.
    #[error("rectification item {id}: {error}")]
    Fix { id: FixId, error: FixError },
    /// A write into a year closed with `year close`.
    #[error("year {year} is closed; {what:?} can no longer change (record an amendment instead)")]
    YearClosed { year: i32, what: Sealed },
    #[error("year {0} is already closed")]
    AlreadyClosed(i32),
    /// The input is valid but needs the user's confirmation first (a date
    /// after today, a repeat of an existing record): see `core::confirm`.
    #[error("needs confirmation: {0:?}")]
    Unconfirmed(Vec<Warning>),
    #[error(
        "year {year} has not begun (today is {today}); only past or current years can be closed"
    )]
    YearNotBegun { year: i32, today: NaiveDate },
    /// An import or restore would change a sealed year.
    #[error("the file changes the sealed year {year} ({what:?}); a sealed year never changes")]
    ChangesSealedYear { year: i32, what: Sealed },
    /// `year reopen` of a year that is not archived.
    #[error("year {0} is not sealed in an archive")]
    NotArchived(i32),
    /// A backup's chain does not continue the ledger's (see `core::restore`).
    #[error(transparent)]
    Chain(#[from] super::restore::ChainRefusal),
    /// `verify --seal YEAR DIGEST` found no seal of the year with that digest,
    /// or the year's content no longer gives it.
    #[error("{0:?}")]
    SealCheck(SealCheck),
}

/// The outcome of checking a year against a digest that does not hold.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SealCheck {
    /// No seal of the year has that digest.
    NoSuchSeal {
        year: i32,
        digest: super::journal::Hash,
    },
    /// The digest was sealed, but the year's content changed since.
    Changed {
        year: i32,
        digest: super::journal::Hash,
    },
}

/// A reviewer's refusal stays the store's read-only error it always was;
/// the table's other rules are `CoreError::Refused`.
impl From<super::access::Refusal> for CoreError {
    fn from(r: super::access::Refusal) -> Self {
        match r {
            r @ super::access::Refusal::Reviewer { .. } => {
                CoreError::Store(StoreError::ReadOnly(r))
            }
            other => CoreError::Refused(other),
        }
    }
}

/// What a closed year refused to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Sealed {
    /// A record (existing, or a new one dated in the year).
    Record(Option<RecordId>),
    Fix(FixId),
}
