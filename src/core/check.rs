//! Consistency checks (一致性检查): what a record says that cannot be right by
//! the branch's own norms (a 支委会 without a quorum, a 民主评议 that skips a
//! member, a person not on the roster that day, the same meeting twice).
//! Each finding names its record, what is wrong and the source of the rule;
//! each rule judges a record against the roster as it stood on its date.

mod appraisal;
mod duplicate;
mod org_life;
mod people;
mod quorum;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::record::{Record, RecordId, RecordKind};
use super::roster::Roster;

pub use org_life::{TALK_WINDOW_DAYS, needs_earlier};
pub use quorum::is_vote;

/// Where a rule comes from, for the inspector to look it up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// 《中国共产党支部工作条例（试行）》 and the article (第N条).
    BranchRegulation { article: u8 },
    /// No national text sets the rule: the branch's own practice (本支部惯例),
    /// reading this article of the regulation by analogy.
    PracticeAfter { article: u8 },
    /// The ledger's own bookkeeping, as the branch keeps it (本支部惯例).
    Practice,
}

/// What is wrong with a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "check", rename_all = "snake_case")]
pub enum Problem {
    /// A 支委会 with no more than half of the 委员 present.
    CommitteeQuorum {
        present: usize,
        members: usize,
        /// The 委员 not recorded as present.
        absent: Vec<String>,
    },
    /// A 党员大会 with no more than half of the members present.
    GeneralQuorum { present: usize, members: usize },
    /// A 党员大会 that voted with no more than half of the members with a
    /// vote (正式党员) present.
    VoteQuorum { present: usize, voting: usize },
    /// A 组织生活会 with no 谈心谈话 in the `window_days` before it; `last` is
    /// the latest talk before it, if any.
    NoTalkBefore {
        window_days: i64,
        last: Option<NaiveDate>,
    },
    /// The year's 民主评议党员 records leave these members out.
    AppraisalGap { missing: Vec<String> },
    /// People the record names who were not on the roster on its date.
    OffRoster { names: Vec<String> },
    /// The same meeting entered again (`core::confirm`'s rule): `of` is the
    /// first entry, made at `entered_at`.
    Duplicate {
        of: RecordId,
        entered_at: chrono::NaiveDateTime,
    },
}

impl Problem {
    pub fn source(&self) -> Source {
        match self {
            Problem::CommitteeQuorum { .. } => Source::BranchRegulation { article: 12 },
            Problem::GeneralQuorum { .. } => Source::PracticeAfter { article: 11 },
            Problem::VoteQuorum { .. } => Source::BranchRegulation { article: 11 },
            Problem::NoTalkBefore { .. } => Source::BranchRegulation { article: 17 },
            Problem::AppraisalGap { .. } => Source::BranchRegulation { article: 18 },
            Problem::OffRoster { .. } | Problem::Duplicate { .. } => Source::Practice,
        }
    }

    /// A short stable name (`--json`, tests).
    pub fn code(&self) -> &'static str {
        match self {
            Problem::CommitteeQuorum { .. } => "committee_quorum",
            Problem::GeneralQuorum { .. } => "general_quorum",
            Problem::VoteQuorum { .. } => "vote_quorum",
            Problem::NoTalkBefore { .. } => "no_talk_before",
            Problem::AppraisalGap { .. } => "appraisal_gap",
            Problem::OffRoster { .. } => "off_roster",
            Problem::Duplicate { .. } => "duplicate",
        }
    }
}

/// One finding about one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub record: RecordId,
    pub date: NaiveDate,
    pub kind: RecordKind,
    pub topic: String,
    pub problem: Problem,
}

impl Finding {
    fn about(r: &Record, problem: Problem) -> Finding {
        Finding {
            record: r.id,
            date: r.date,
            kind: r.kind,
            topic: r.topic.clone(),
            problem,
        }
    }
}

/// The roster as it stood on `date`: who was a member then, in the roles
/// they held then.
pub(crate) fn roster_on(roster: &Roster, date: NaiveDate) -> Roster {
    roster.as_of(date)
}

/// Every finding about `records` (the year's records), by date. `earlier`
/// holds records before them that a look-back rule may need (the talks of
/// the weeks before a 组织生活会 early in January). `roster` is the roster
/// with its history.
pub fn findings(roster: &Roster, records: &[Record], earlier: &[Record]) -> Vec<Finding> {
    let mut sorted: Vec<&Record> = records.iter().collect();
    sorted.sort_by_key(|r| (r.date, r.id));
    sorted.dedup_by_key(|r| r.id);
    let mut out = Vec::new();
    // One snapshot per span between roster changes, not one per record.
    let eras = roster.eras();
    for r in &sorted {
        let on_day = eras.at(r.date);
        out.extend(
            quorum::check(r, on_day)
                .into_iter()
                .map(|p| Finding::about(r, p)),
        );
        out.extend(people::check(r, on_day, roster).map(|p| Finding::about(r, p)));
        if r.kind == RecordKind::OrganizationalLife {
            out.extend(org_life::check(r, &sorted, earlier).map(|p| Finding::about(r, p)));
        }
    }
    out.extend(appraisal::check(roster, &sorted));
    out.extend(duplicate::check(&sorted));
    out.sort_by(|a, b| {
        (a.date, a.record, a.problem.code()).cmp(&(b.date, b.record, b.problem.code()))
    });
    out
}

/// The findings about one record.
pub fn of_record(findings: &[Finding], id: RecordId) -> impl Iterator<Item = &Finding> {
    findings.iter().filter(move |f| f.record == id)
}
