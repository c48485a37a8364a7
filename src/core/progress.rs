//! The progress engine: a pure function of (catalogue, roster, records, year,
//! today). Progress is always computed from records, never typed in.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::catalogue::{Catalogue, Duty, DutyId};
use super::record::{Record, RecordId};
use super::roster::{PersonId, Roster};
use super::rule::{PairScope, Period, RoleScope, Rule};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A due date has passed with the quota unmet; ordered worst first.
    Overdue,
    /// Below the pace expected by today.
    Behind,
    OnTrack,
    Done,
    /// No number to meet (evidence only, or nobody on the roster it applies to).
    NoQuota,
}

/// One thing still owed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
}

impl Progress {
    /// Share done, clamped to 0..=1 (safe for gauges).
    pub fn ratio(&self) -> f64 {
        if self.target == 0 {
            return if self.status == Status::Done {
                1.0
            } else {
                0.0
            };
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
/// `records` may hold other years; only `year`'s are counted.
pub fn evaluate(
    catalogue: &Catalogue,
    roster: &Roster,
    records: &[Record],
    year: i32,
    today: NaiveDate,
) -> Vec<Progress> {
    let in_year: Vec<&Record> = records.iter().filter(|r| r.date.year() == year).collect();
    let mut out: Vec<Progress> = catalogue
        .duties
        .iter()
        .map(|d| evaluate_one(d, roster, &in_year, year, today))
        .collect();
    // Roll sub-duties up into their parents, which have no rule of their own.
    for i in 0..catalogue.duties.len() {
        let duty = &catalogue.duties[i];
        if duty.rule.has_quota() {
            continue;
        }
        let kids: Vec<&Progress> = out
            .iter()
            .zip(&catalogue.duties)
            .filter(|(_, d)| d.parent.as_ref() == Some(&duty.id))
            .map(|(p, _)| p)
            .filter(|p| p.status != Status::NoQuota)
            .collect();
        if kids.is_empty() {
            continue;
        }
        let done = count(kids.iter().filter(|p| p.status == Status::Done).count());
        let expected = count(kids.iter().filter(|p| p.expected >= p.target).count());
        let status = kids
            .iter()
            .map(|p| p.status)
            .min()
            .unwrap_or(Status::NoQuota);
        let missing = kids
            .iter()
            .filter(|p| p.status != Status::Done)
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
    out
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Year bounds and how far `today` is through it (0..=1).
struct YearClock {
    start: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
}

impl YearClock {
    fn new(year: i32, today: NaiveDate) -> Option<Self> {
        Some(Self {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
            today,
        })
    }

    /// Share of the year elapsed by the end of `today`.
    fn fraction(&self) -> f64 {
        if self.today < self.start {
            return 0.0;
        }
        if self.today >= self.end {
            return 1.0;
        }
        let total = (self.end - self.start).num_days() + 1;
        let gone = (self.today - self.start).num_days() + 1;
        #[allow(clippy::cast_precision_loss)]
        let f = gone as f64 / total as f64;
        f
    }

    fn over(&self) -> bool {
        self.today > self.end
    }

    /// Pace for a yearly target: what should be done by today, rounded down.
    fn pace(&self, target: u32) -> u32 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let e = (f64::from(target) * self.fraction()).floor() as u32;
        e.min(target)
    }
}

fn evaluate_one(
    duty: &Duty,
    roster: &Roster,
    in_year: &[&Record],
    year: i32,
    today: NaiveDate,
) -> Progress {
    let linked: Vec<&Record> = in_year
        .iter()
        .copied()
        .filter(|r| r.duties.contains(&duty.id))
        .collect();
    let mut p = Progress {
        duty: duty.id.clone(),
        done: 0,
        target: 0,
        expected: 0,
        status: Status::NoQuota,
        missing: Vec::new(),
        records: linked.iter().map(|r| r.id).collect(),
        next_due: None,
    };
    let Some(clock) = YearClock::new(year, today) else {
        return p;
    };
    match duty.rule {
        Rule::Evidence => {
            p.done = count(linked.len());
        }
        Rule::Count { min, per } => count_rule(&mut p, &linked, min, per, year, &clock),
        Rule::PerPerson { who, min } => {
            let people: Vec<PersonId> = roster.in_scope(who).map(|x| x.id).collect();
            if people.is_empty() {
                p.missing.push(Missing::NoOne { scope: who });
                return p;
            }
            p.target = count(people.len());
            for person in people {
                let n = count(linked.iter().filter(|r| r.covers(person)).count());
                if n >= min {
                    p.done += 1;
                } else {
                    p.missing.push(Missing::Person { person });
                }
            }
            yearly_status(&mut p, &clock);
        }
        Rule::TalkCoverage { pairs } => {
            let required = required_pairs(roster, pairs);
            if required.is_empty() {
                let scope = match pairs {
                    PairScope::SecretaryWithLeadersAndHeads => RoleScope::Secretary,
                    PairScope::LeadersWithOverseenHeads => RoleScope::OtherLeaders,
                };
                p.missing.push(Missing::NoOne { scope });
                return p;
            }
            p.target = count(required.len());
            for (from, to) in required {
                if linked
                    .iter()
                    .any(|r| r.host == Some(from) && r.partners.contains(&to))
                {
                    p.done += 1;
                } else {
                    p.missing.push(Missing::Pair { from, to });
                }
            }
            yearly_status(&mut p, &clock);
        }
        Rule::StandingRange { who, min, max } => {
            let people: Vec<_> = roster.in_scope(who).collect();
            if people.is_empty() {
                p.missing.push(Missing::NoOne { scope: who });
                return p;
            }
            p.target = count(people.len());
            for person in people {
                let have = count(person.links.len());
                if (min..=max).contains(&have) {
                    p.done += 1;
                } else {
                    p.missing.push(Missing::OutOfRange {
                        person: person.id,
                        have,
                        min,
                        max,
                    });
                }
            }
            // A standing requirement holds all year: anything out of range is behind now.
            p.expected = p.target;
            p.status = if p.done >= p.target {
                Status::Done
            } else {
                Status::Behind
            };
        }
        Rule::Deadline { .. } => {
            let due = duty.rule.deadline_in(year).unwrap_or(clock.end);
            p.target = 1;
            p.done = u32::from(!linked.is_empty());
            p.expected = u32::from(today >= due);
            p.status = if p.done >= 1 {
                Status::Done
            } else if today > due {
                p.missing.push(Missing::Deadline { date: due });
                Status::Overdue
            } else {
                p.missing.push(Missing::Deadline { date: due });
                p.next_due = Some(due);
                Status::OnTrack
            };
        }
    }
    p
}

/// Status for rules that are due by the end of the year as a whole.
fn yearly_status(p: &mut Progress, clock: &YearClock) {
    p.expected = clock.pace(p.target);
    p.status = if p.done >= p.target {
        Status::Done
    } else if clock.over() {
        Status::Overdue
    } else if p.done < p.expected {
        Status::Behind
    } else {
        Status::OnTrack
    };
    if p.status != Status::Done && !clock.over() {
        p.next_due = Some(clock.end);
    }
}

fn count_rule(
    p: &mut Progress,
    linked: &[&Record],
    min: u32,
    per: Period,
    year: i32,
    clock: &YearClock,
) {
    if per == Period::Year {
        p.target = min;
        p.done = count(linked.len());
        yearly_status(p, clock);
        if p.done < p.target {
            p.missing.push(Missing::Period {
                period: per,
                index: 1,
                have: p.done,
                need: min,
                past: clock.over(),
            });
        }
        return;
    }
    p.target = min * per.buckets();
    let mut any_past_missed = false;
    for index in 1..=per.buckets() {
        let Some((start, end)) = per.bounds(year, index) else {
            continue;
        };
        let have = count(
            linked
                .iter()
                .filter(|r| r.date >= start && r.date <= end)
                .count(),
        );
        p.done += have.min(min);
        let past = clock.today > end;
        if past {
            p.expected += min;
        } else if clock.today >= start {
            // The current bucket: expected pro rata, so it is never behind on its first day.
            let days = (end - start).num_days() + 1;
            let gone = (clock.today - start).num_days() + 1;
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                clippy::cast_precision_loss
            )]
            let share = (f64::from(min) * gone as f64 / days as f64).floor() as u32;
            p.expected += share.min(min);
        }
        if have < min {
            if past {
                any_past_missed = true;
            } else if p.next_due.is_none() {
                p.next_due = Some(end);
            }
            p.missing.push(Missing::Period {
                period: per,
                index,
                have,
                need: min,
                past,
            });
        }
    }
    p.status = if p.done >= p.target {
        Status::Done
    } else if any_past_missed {
        Status::Overdue
    } else if p.done < p.expected {
        Status::Behind
    } else {
        Status::OnTrack
    };
}

/// The (host, partner) pairs a coverage rule demands, from the active roster.
pub fn required_pairs(roster: &Roster, scope: PairScope) -> Vec<(PersonId, PersonId)> {
    let mut out = Vec::new();
    match scope {
        PairScope::SecretaryWithLeadersAndHeads => {
            for sec in roster.in_scope(RoleScope::Secretary) {
                for other in roster.active() {
                    if other.id != sec.id
                        && (other.is_leadership() || other.in_scope(RoleScope::DeptHeads))
                    {
                        out.push((sec.id, other.id));
                    }
                }
            }
        }
        PairScope::LeadersWithOverseenHeads => {
            for leader in roster.in_scope(RoleScope::OtherLeaders) {
                for dept in &leader.oversees {
                    for head in roster.heads_of(dept) {
                        if head.id != leader.id && !out.contains(&(leader.id, head.id)) {
                            out.push((leader.id, head.id));
                        }
                    }
                }
            }
        }
    }
    out
}

/// Counts per status, for the overview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub done: u32,
    pub on_track: u32,
    pub behind: u32,
    pub overdue: u32,
    pub no_quota: u32,
}

pub fn tally(progress: &[Progress]) -> Tally {
    let mut t = Tally::default();
    for p in progress {
        match p.status {
            Status::Done => t.done += 1,
            Status::OnTrack => t.on_track += 1,
            Status::Behind => t.behind += 1,
            Status::Overdue => t.overdue += 1,
            Status::NoQuota => t.no_quota += 1,
        }
    }
    t
}
