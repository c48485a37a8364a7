//! Rectification items (整改): a problem found by a check or review, with its
//! measures, owner and deadline, followed through a fixed state machine until
//! it is closed (销号) with evidence. Pure: every date comes in as a parameter.

pub(crate) mod input;

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalogue::DutyId;
use super::error::ValidationError;
use super::record::RecordId;
use super::roster::{PersonId, Role};

pub use input::{FixDraft, MAX_MEASURES, MAX_NOTE, MAX_PROBLEM, NewFix, clean_note};

/// Drawn from the ledger's id space (`Store::next_id`), like records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FixId(pub u64);

impl fmt::Display for FixId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// Where a problem was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FixSource {
    SelfCheck,
    Inspection,
    DemocraticLife,
    OrganizationalLife,
    DutyReport,
    CircuitInspection,
    Other,
}

impl FixSource {
    pub const ALL: [FixSource; 7] = [
        FixSource::SelfCheck,
        FixSource::Inspection,
        FixSource::DemocraticLife,
        FixSource::OrganizationalLife,
        FixSource::DutyReport,
        FixSource::CircuitInspection,
        FixSource::Other,
    ];

    pub fn zh(self) -> &'static str {
        match self {
            FixSource::SelfCheck => "自查自检",
            FixSource::Inspection => "督导检查",
            FixSource::DemocraticLife => "民主生活会",
            FixSource::OrganizationalLife => "组织生活会",
            FixSource::DutyReport => "述责述廉/述职评议",
            FixSource::CircuitInspection => "巡察",
            FixSource::Other => "其他",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            FixSource::SelfCheck => "self check",
            FixSource::Inspection => "inspection",
            FixSource::DemocraticLife => "democratic life meeting",
            FixSource::OrganizationalLife => "organizational life meeting",
            FixSource::DutyReport => "duty report",
            FixSource::CircuitInspection => "circuit inspection",
            FixSource::Other => "other",
        }
    }

    /// The `snake_case` id, as stored.
    pub fn id(self) -> &'static str {
        match self {
            FixSource::SelfCheck => "self_check",
            FixSource::Inspection => "inspection",
            FixSource::DemocraticLife => "democratic_life",
            FixSource::OrganizationalLife => "organizational_life",
            FixSource::DutyReport => "duty_report",
            FixSource::CircuitInspection => "circuit_inspection",
            FixSource::Other => "other",
        }
    }

    /// Chinese or English name, id, or a common short form (自查, 述责述廉).
    pub fn parse(input: &str) -> Option<FixSource> {
        let s = input.trim();
        let snake = s.replace([' ', '-'], "_");
        let alias = |f: FixSource| -> &'static [&'static str] {
            match f {
                FixSource::SelfCheck => &["自查", "自检"],
                FixSource::Inspection => &["督导", "检查"],
                FixSource::DutyReport => &["述责述廉", "述职评议", "述职述廉"],
                FixSource::Other => &["其它"],
                _ => &[],
            }
        };
        FixSource::ALL.into_iter().find(|f| {
            f.zh() == s
                || f.en().eq_ignore_ascii_case(s)
                || f.id().eq_ignore_ascii_case(&snake)
                || alias(*f).contains(&s)
        })
    }
}

/// Open → `InProgress` → `ClosureRequested` → Closed; also Open →
/// `ClosureRequested`, and `ClosureRequested` → `InProgress` (a rejected
/// request). Closed is final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FixState {
    Open,
    InProgress,
    ClosureRequested,
    Closed,
}

impl FixState {
    pub const ALL: [FixState; 4] = [
        FixState::Open,
        FixState::InProgress,
        FixState::ClosureRequested,
        FixState::Closed,
    ];

    /// The states this one may move to.
    pub fn next(self) -> &'static [FixState] {
        match self {
            FixState::Open => &[FixState::InProgress, FixState::ClosureRequested],
            FixState::InProgress => &[FixState::ClosureRequested],
            FixState::ClosureRequested => &[FixState::InProgress, FixState::Closed],
            FixState::Closed => &[],
        }
    }

    pub fn can_become(self, to: FixState) -> bool {
        self.next().contains(&to)
    }

    pub fn zh(self) -> &'static str {
        match self {
            FixState::Open => "待整改",
            FixState::InProgress => "整改中",
            FixState::ClosureRequested => "申请销号",
            FixState::Closed => "已销号",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            FixState::Open => "open",
            FixState::InProgress => "in progress",
            FixState::ClosureRequested => "closure requested",
            FixState::Closed => "closed",
        }
    }
}

/// A dated progress note and the Unix user who wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixNote {
    pub date: NaiveDate,
    pub text: String,
    pub by: String,
}

/// What shows the problem is fixed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// A record in the ledger (the meeting, talk or check that fixed it).
    Record(RecordId),
    /// A note of what was done.
    Note(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    pub date: NaiveDate,
    pub by_user: String,
    /// The roster person the closing Unix user maps to.
    pub by_person: Option<PersonId>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixItem {
    pub id: FixId,
    pub source: FixSource,
    pub problem: String,
    #[serde(default)]
    pub duties: Vec<DutyId>,
    pub measures: String,
    pub owner: PersonId,
    pub deadline: NaiveDate,
    pub opened: NaiveDate,
    pub state: FixState,
    #[serde(default)]
    pub notes: Vec<FixNote>,
    #[serde(default)]
    pub closure: Option<Closure>,
    /// The year the item belongs to: its opening year, or the year it was
    /// carried into when its year was closed (`opened` stays).
    pub year: i32,
}

impl FixItem {
    pub fn is_closed(&self) -> bool {
        self.state == FixState::Closed
    }

    /// Not closed and past its deadline.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.is_closed() && self.deadline < today
    }

    /// Whether the item stood overdue on `day`: opened by then, not closed
    /// by then, and past its deadline (for reports on a past year).
    pub fn overdue_on(&self, day: NaiveDate) -> bool {
        let closed_by_then = self.closure.as_ref().is_some_and(|c| c.date <= day);
        self.opened <= day && !closed_by_then && self.deadline < day
    }

    pub fn concerns(&self, duty: &DutyId) -> bool {
        self.duties.contains(duty)
    }
}

/// Why a change to a rectification item was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum FixError {
    #[error("invalid {}: {:?}", .0.field.flag(), .0.problem)]
    Invalid(ValidationError),
    #[error("cannot go from {} to {}; allowed next: {:?}", .from.en(), .to.en(), .from.next())]
    Transition { from: FixState, to: FixState },
    /// Closing needs a linked record or a note of what was done.
    #[error("closing needs evidence: --record ID or --note TEXT")]
    NoEvidence,
    #[error("the evidence record {0} does not exist")]
    NoSuchRecord(RecordId),
    /// Only the secretary or the discipline member may close; `person` is
    /// the roster entry the acting Unix user maps to, with its roles.
    #[error("only the secretary or the discipline member may close an item; {user} is {person:?}")]
    NotAllowed {
        user: String,
        person: Option<(String, Vec<Role>)>,
    },
    /// A closed item is final.
    #[error("the item is closed and can no longer change")]
    Closed,
}

/// Check one state change against the machine.
pub fn check_transition(from: FixState, to: FixState) -> Result<(), FixError> {
    if from.can_become(to) {
        Ok(())
    } else {
        Err(FixError::Transition { from, to })
    }
}

/// Whether a person with these roles may close items: the policy table's rule.
pub use super::access::may_close;

#[cfg(test)]
mod tests;
