//! The progress engine: a pure function of (catalogue, roster, records, year,
//! today). Progress is always computed from records, never typed in, and the
//! same inputs always give the same answer.
//!
//! The roster has a history, and two of its days matter:
//! - **Who owes** a year's duties is the roster of its *owing day*
//!   (`Roster::owing_day`): the year's last day, or today if the year is not
//!   over (its first day for a year ahead). Someone who took up a role in
//!   July owes that year's part of the role, and what they did earlier in the
//!   year counts; someone who left it in July owes nothing more for it.
//! - **What a record counts as** is judged on the roster of the record's own
//!   date. A pair talk counts for the office: the 书记's talk with a head
//!   counts if its host was the 书记 *that day*, and a 分管 talk if the host
//!   oversaw the head's department *that day*, so a new 书记 or a new 分管
//!   member inherits what the office did earlier in the year.
//!
//! A sealed year is judged on the roster stored in its archive, so later
//! roster changes (dated or not) never move its figures.

mod acts;
mod clock;
mod pairs;
mod persons;
mod rules;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalogue::{Catalogue, DutyId};
use super::record::{Record, RecordId};
use super::roster::{Eras, PersonId, Roster};
use super::rule::{PairClass, Period, RoleScope};

pub use acts::{NotCounted, Refusal, acts_for, fits, prefill};
pub use pairs::{ClassCover, PairCover, required_pairs};
pub use persons::{PersonProgress, takes_part};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A due date has passed with the quota unmet; ordered worst first.
    Overdue,
    /// Below the pace expected by today.
    Behind,
    /// An evidence-only duty of a year that is over, with nothing on file:
    /// no number was owed, but an inspector finds the duty undocumented.
    NoEvidence,
    OnTrack,
    /// Done, but after the due date (逾期完成): its own state, never `Done`.
    Late,
    Done,
    /// No number to meet (evidence only, or nobody on the roster it applies to).
    NoQuota,
}

impl Status {
    /// Every status, in the order lists and legends show them.
    pub const ALL: [Status; 7] = [
        Status::Done,
        Status::Late,
        Status::OnTrack,
        Status::Behind,
        Status::Overdue,
        Status::NoEvidence,
        Status::NoQuota,
    ];

    /// The quota is met, on time or late.
    pub fn is_met(self) -> bool {
        matches!(self, Status::Done | Status::Late)
    }

    /// The one status rule every quota shares: met is `Done`; unmet past a
    /// due date is `Overdue`; below the pace is `Behind`; else `OnTrack`.
    pub fn judge(done: u32, target: u32, expected: u32, past_due: bool) -> Status {
        if done >= target {
            Status::Done
        } else if past_due {
            Status::Overdue
        } else if done < expected {
            Status::Behind
        } else {
            Status::OnTrack
        }
    }
}

/// One thing still owed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Missing {
    /// A period bucket short of its quota (`index` is 1-based), with how many
    /// it has and needs.
    Period {
        period: Period,
        index: u32,
        have: u32,
        need: u32,
        past: bool,
    },
    /// A required talk between two people.
    Pair { from: PersonId, to: PersonId },
    /// A required talk between two people, whoever leads it (谈心谈话).
    Between {
        a: PersonId,
        b: PersonId,
        class: PairClass,
    },
    /// A person who has not yet done their part.
    Person { person: PersonId },
    /// A person whose standing count is outside the range.
    OutOfRange {
        person: PersonId,
        have: u32,
        min: u32,
        max: u32,
    },
    /// A deadline with nothing recorded.
    Deadline { date: NaiveDate },
    /// The roster has nobody the rule applies to.
    NoOne { scope: RoleScope },
    /// Sub-duties not yet done.
    Child { duty: DutyId },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub duty: DutyId,
    pub done: u32,
    pub target: u32,
    /// What the pace says should be done by today.
    pub expected: u32,
    pub status: Status,
    pub missing: Vec<Missing>,
    /// The records that count toward the duty this year, by date.
    pub records: Vec<RecordId>,
    /// The next date something falls due, if any is still open.
    pub next_due: Option<NaiveDate>,
    /// Records linked to the duty that do not count, and why (wrong host,
    /// group talk), by date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_counted: Vec<NotCounted>,
    /// For a talk-coverage duty: every required pair and the talk that
    /// covered it. The talk matrix and the reports read this.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pairs: Vec<PairCover>,
    /// For 谈心谈话: coverage by class (支委↔支委, 支委↔党员, 党员↔党员).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub classes: Vec<ClassCover>,
    /// For a dated duty met only after its due date (`Status::Late`): when
    /// it was due and when the first record came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late: Option<Lateness>,
    /// For a per-person duty: each person who owes it, who is behind first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub persons: Vec<PersonProgress>,
}

/// A dated duty done after its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lateness {
    pub due: NaiveDate,
    pub done_on: NaiveDate,
}

impl Progress {
    /// Share done, clamped to 0..=1 (safe for gauges: never NaN, never above 1).
    pub fn ratio(&self) -> f64 {
        if self.target == 0 {
            return if self.status.is_met() { 1.0 } else { 0.0 };
        }
        (f64::from(self.done) / f64::from(self.target)).clamp(0.0, 1.0)
    }

    /// Pace marker share, clamped to 0..=1.
    pub fn expected_ratio(&self) -> f64 {
        if self.target == 0 {
            return 0.0;
        }
        (f64::from(self.expected) / f64::from(self.target)).clamp(0.0, 1.0)
    }
}

/// Evaluate every duty of `catalogue` for `year` as seen on `today`.
/// `records` may hold other years; only those covering `year` (所属年度)
/// are counted.
pub fn evaluate(
    catalogue: &Catalogue,
    roster: &Roster,
    records: &[Record],
    year: i32,
    today: NaiveDate,
) -> Vec<Progress> {
    let mut in_year: Vec<&Record> = records
        .iter()
        .filter(|r| r.year_covered() == year)
        .collect();
    in_year.sort_by_key(|r| (r.date, r.id));
    in_year.dedup_by_key(|r| r.id);
    let rosters = Rosters::new(roster, year, today);
    let mut out: Vec<Progress> = catalogue
        .duties
        .iter()
        .map(|d| rules::evaluate_one(d, &rosters, &in_year, year, today))
        .collect();
    roll_up(catalogue, &mut out);
    out
}

/// The rosters one year is judged on (see the module doc).
pub struct Rosters {
    /// The roster of the owing day: who owes the year's duties.
    pub owing: Roster,
    /// The roster over time: what each record counts as, on its date.
    pub eras: Eras,
}

impl Rosters {
    pub fn new(roster: &Roster, year: i32, today: NaiveDate) -> Self {
        let eras = roster.eras();
        let owing = eras.at(Roster::owing_day(year, today)).clone();
        Self { owing, eras }
    }

    /// The roster as it stood on `date`.
    pub fn at(&self, date: NaiveDate) -> &Roster {
        self.eras.at(date)
    }
}

/// Roll sub-duties up into parents that have no quota of their own, deepest
/// first, so that a parent sees its children's rolled-up state.
fn roll_up(catalogue: &Catalogue, out: &mut [Progress]) {
    let duties = &catalogue.duties;
    let depth = |i: usize| -> usize {
        let mut d = 0;
        let mut cur = &duties[i];
        // Bounded walk: a parent cycle in a hand-edited catalogue cannot hang us.
        while let Some(parent) = &cur.parent {
            match duties.iter().find(|x| &x.id == parent) {
                Some(p) if d < duties.len() => {
                    d += 1;
                    cur = p;
                }
                _ => break,
            }
        }
        d
    };
    let mut order: Vec<(usize, usize)> = (0..duties.len()).map(|i| (depth(i), i)).collect();
    order.sort_by(|a, b| b.cmp(a));
    for (_, i) in order {
        let duty = &duties[i];
        if duty.rule.has_quota() {
            continue;
        }
        let kids: Vec<&Progress> = out
            .iter()
            .zip(duties)
            .filter(|(_, d)| d.parent.as_ref() == Some(&duty.id) && d.id != duty.id)
            .map(|(p, _)| p)
            .filter(|p| p.status != Status::NoQuota)
            .collect();
        if kids.is_empty() {
            continue;
        }
        let done = count(kids.iter().filter(|p| p.status.is_met()).count());
        let expected = count(kids.iter().filter(|p| p.expected >= p.target).count());
        let status = kids
            .iter()
            .map(|p| p.status)
            .min()
            .unwrap_or(Status::NoQuota);
        let missing = kids
            .iter()
            .filter(|p| !p.status.is_met())
            .map(|p| Missing::Child {
                duty: p.duty.clone(),
            })
            .collect();
        let next_due = kids.iter().filter_map(|p| p.next_due).min();
        let target = count(kids.len());
        let p = &mut out[i];
        p.done = done;
        p.target = target;
        p.expected = expected;
        p.status = status;
        p.missing = missing;
        p.next_due = next_due;
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Counts per status, for the overview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub done: u32,
    /// Done after the due date.
    #[serde(default)]
    pub late: u32,
    pub on_track: u32,
    pub behind: u32,
    pub overdue: u32,
    /// Evidence-only duties of a past year with nothing on file.
    #[serde(default)]
    pub no_evidence: u32,
    pub no_quota: u32,
}

impl Tally {
    /// Duties that need attention: behind, overdue, or (a past year) with no
    /// evidence on file.
    pub fn behind_total(&self) -> u32 {
        self.behind + self.overdue + self.no_evidence
    }
}

pub fn tally(progress: &[Progress]) -> Tally {
    let mut t = Tally::default();
    for p in progress {
        match p.status {
            Status::Done => t.done += 1,
            Status::Late => t.late += 1,
            Status::OnTrack => t.on_track += 1,
            Status::Behind => t.behind += 1,
            Status::Overdue => t.overdue += 1,
            Status::NoEvidence => t.no_evidence += 1,
            Status::NoQuota => t.no_quota += 1,
        }
    }
    t
}
