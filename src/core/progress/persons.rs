//! Per-person duties (双重组织生活, 责任书, 述责述廉, 研究部署 of one's own
//! area): each person in scope owes `min` records in every bucket of the
//! rule's cadence and is judged on their own.
//!
//! A bucket is owed by whoever holds the scope on its *judging day*: the
//! bucket's last day, or the year's owing day if that comes first (today,
//! in a year not over). So a person who joined or left mid-year owes only
//! the buckets that end while they hold the scope, and for a yearly rule
//! the people who owe are the owing roster, as for every other duty.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::clock::{YearClock, pro_rata};
use super::{Missing, Progress, Rosters, Status, count};
use crate::core::record::{Record, RecordId};
use crate::core::roster::{PersonId, Roster};
use crate::core::rule::{Part, Period, RoleScope};

/// One person's part of a per-person duty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonProgress {
    pub person: PersonId,
    /// The records that count for this person, in the buckets they owe.
    pub records: Vec<RecordId>,
    /// Buckets of the cadence this person owes, and how many of them are met.
    pub owed: u32,
    pub met: u32,
    /// Owed buckets (1-based) that are over and were left short.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missed: Vec<u32>,
    /// Owed buckets (1-based) still short that are not over yet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pending: Vec<u32>,
    /// Done (all owed buckets met), Overdue (a past bucket short), or
    /// `OnTrack` (short only in buckets not yet over).
    pub status: Status,
}

impl PersonProgress {
    /// Records held toward the duty.
    pub fn held(&self) -> u32 {
        count(self.records.len())
    }
}

/// Whether `who` takes part in `record` the way `part` asks.
pub fn takes_part(record: &Record, who: PersonId, part: Part) -> bool {
    match part {
        Part::HostOrPartner => record.covers(who),
        Part::Host => record.host == Some(who),
        Part::Attends => record.covers(who) || record.attendees.contains(&who),
    }
}

/// The rule's shape, as the catalogue gives it.
pub(super) struct Shape {
    pub who: RoleScope,
    pub min: u32,
    pub per: Period,
    pub by: Part,
}

/// One bucket of the cadence: its bounds and the roster that owes it.
struct Bucket<'r> {
    index: u32,
    start: NaiveDate,
    end: NaiveDate,
    owing: &'r Roster,
}

fn buckets<'r>(rosters: &'r Rosters, per: Period, clock: &YearClock) -> Vec<Bucket<'r>> {
    let year = chrono::Datelike::year(&clock.start);
    let owing_day = Roster::owing_day(year, clock.today);
    (1..=per.buckets())
        .filter_map(|index| {
            let (start, end) = per.bounds(year, index)?;
            Some(Bucket {
                index,
                start,
                end,
                owing: rosters.at(end.min(owing_day)),
            })
        })
        .collect()
}

pub(super) fn per_person(
    p: &mut Progress,
    rosters: &Rosters,
    linked: &[&Record],
    shape: &Shape,
    clock: &YearClock,
) {
    let buckets = buckets(rosters, shape.per, clock);
    // Everyone who owes any bucket, in roster order.
    let mut people: Vec<PersonId> = buckets
        .iter()
        .flat_map(|b| b.owing.in_scope(shape.who).map(|x| x.id))
        .collect();
    people.sort_unstable();
    people.dedup();
    if people.is_empty() {
        p.missing.push(Missing::NoOne { scope: shape.who });
        return;
    }
    let mut expected = 0u32;
    let mut year_paced = 0u32;
    let mut past_missed = false;
    for person in people {
        let mut row = PersonProgress {
            person,
            records: Vec::new(),
            owed: 0,
            met: 0,
            missed: Vec::new(),
            pending: Vec::new(),
            status: Status::OnTrack,
        };
        for b in buckets.iter().filter(|b| {
            b.owing
                .get(person)
                .is_some_and(|x| !x.retired && x.in_scope(shape.who))
        }) {
            let mine: Vec<RecordId> = linked
                .iter()
                .filter(|r| r.date >= b.start && r.date <= b.end)
                .filter(|r| takes_part(r, person, shape.by))
                .map(|r| r.id)
                .collect();
            row.owed += 1;
            expected += pro_rata(1, b.start, b.end, clock.today);
            if count(mine.len()) >= shape.min {
                row.met += 1;
            } else {
                if clock.today > b.end {
                    row.missed.push(b.index);
                } else {
                    row.pending.push(b.index);
                }
                if clock.today <= b.end && p.next_due.is_none_or(|d| b.end < d) {
                    p.next_due = Some(b.end);
                }
            }
            row.records.extend(mine);
        }
        let overdue = !row.missed.is_empty();
        row.status = if row.met >= row.owed {
            Status::Done
        } else if overdue {
            Status::Overdue
        } else {
            Status::OnTrack
        };
        past_missed |= overdue;
        year_paced += clock.pace(row.owed);
        p.target += row.owed;
        p.done += row.met;
        if !row.status.is_met() {
            p.missing.push(Missing::Person { person });
        }
        p.persons.push(row);
    }
    // Who is behind first, then who has done least, then roster order.
    p.persons.sort_by_key(|r| {
        (
            r.status,
            u64::from(r.met) * 1000 / u64::from(r.owed.max(1)),
            r.person,
        )
    });
    if shape.per == Period::Year {
        // A yearly rule keeps the year's pace, person by person: the duty is
        // behind only when its people are, so the row and its people agree
        // (pacing the pooled total would call 0/4 behind in December while
        // each person's single item is still on track).
        p.expected = year_paced;
        p.status = Status::judge(p.done, p.target, p.expected, clock.over());
        if p.status != Status::Done && !clock.over() {
            p.next_due = Some(clock.end);
        }
    } else {
        p.expected = expected;
        p.status = Status::judge(p.done, p.target, p.expected, past_missed);
    }
}
