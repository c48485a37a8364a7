//! One duty's progress under its rule. Each rule kind fills in done, target,
//! expected and what is missing; `Status::judge` then decides the status.

use chrono::NaiveDate;

use super::acts::{NotCounted, refusal};
use super::clock::{YearClock, pro_rata};
use super::pairs::{classes, cover, empty_scope};
use super::persons::{Shape, per_person};
use super::{Lateness, Missing, Progress, Rosters, Status, count};
use crate::core::catalogue::Duty;
use crate::core::record::Record;
use crate::core::roster::Roster;
use crate::core::rule::{PairScope, Period, RoleScope, Rule};

/// Evaluate `duty` over `in_year`, the records of `year` only.
pub(super) fn evaluate_one(
    duty: &Duty,
    rosters: &Rosters,
    in_year: &[&Record],
    year: i32,
    today: NaiveDate,
) -> Progress {
    // `contains`, not a count: a record lists a duty at most once in effect.
    // A linked record counts only if the right person acted (`acts`).
    let mut not_counted = Vec::new();
    let mut linked: Vec<&Record> = Vec::new();
    for r in in_year
        .iter()
        .copied()
        .filter(|r| r.duties.contains(&duty.id))
    {
        match refusal(duty, &rosters.eras, r) {
            Some(why) => not_counted.push(NotCounted { record: r.id, why }),
            None => linked.push(r),
        }
    }
    let mut p = Progress {
        duty: duty.id.clone(),
        done: 0,
        target: 0,
        expected: 0,
        status: Status::NoQuota,
        missing: Vec::new(),
        records: linked.iter().map(|r| r.id).collect(),
        next_due: None,
        not_counted,
        pairs: Vec::new(),
        classes: Vec::new(),
        late: None,
        persons: Vec::new(),
    };
    let Some(clock) = YearClock::new(year, today) else {
        return p;
    };
    let roster = &rosters.owing;
    match duty.rule {
        Rule::Evidence => {
            p.done = count(linked.len());
            // No number is owed, but a closed-out year with nothing on file
            // leaves the duty undocumented; a parent with quota'd sub-duties
            // is judged by them afterwards (`roll_up`).
            if clock.over() && linked.is_empty() {
                p.status = Status::NoEvidence;
            }
        }
        Rule::Count { min, per } => count_rule(&mut p, &linked, min, per, year, &clock),
        Rule::PerPerson { who, min, per, by } => {
            let shape = Shape { who, min, per, by };
            per_person(&mut p, rosters, &linked, &shape, &clock);
        }
        Rule::TalkCoverage { pairs } => {
            p.pairs = cover(rosters, pairs, duty.actor, &linked);
            p.classes = classes(&p.pairs);
            talk_coverage(&mut p, &rosters.owing, pairs, &clock);
        }
        Rule::StandingRange { who, min, max } => {
            standing_range(&mut p, roster, who, min, max, &clock);
        }
        Rule::Deadline { .. } => {
            let due = duty.rule.deadline_in(year).unwrap_or(clock.end);
            deadline(&mut p, &linked, due, today);
        }
    }
    p
}

/// A dated duty: one record by `due` is `Done`; the first record after it
/// makes the duty `Late` (逾期完成), never `Done`.
fn deadline(p: &mut Progress, linked: &[&Record], due: NaiveDate, today: NaiveDate) {
    p.target = 1;
    p.done = u32::from(!linked.is_empty());
    p.expected = u32::from(today >= due);
    p.status = Status::judge(p.done, p.target, p.expected, today > due);
    if p.status == Status::Done && !linked.iter().any(|r| r.date <= due) {
        p.status = Status::Late;
        p.late = linked
            .iter()
            .map(|r| r.date)
            .min()
            .map(|done_on| Lateness { due, done_on });
    }
    if !p.status.is_met() {
        p.missing.push(Missing::Deadline { date: due });
        if today <= due {
            p.next_due = Some(due);
        }
    }
}

/// Status for quotas due by the end of the year as a whole.
fn yearly_status(p: &mut Progress, clock: &YearClock) {
    p.expected = clock.pace(p.target);
    p.status = Status::judge(p.done, p.target, p.expected, clock.over());
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
        // Over-achievement shows (14/12); `Progress::ratio` clamps it.
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
    // Each bucket stands alone: a surplus in one never covers another.
    p.target = min.saturating_mul(per.buckets());
    let mut past_missed = false;
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
        // Full quota for past buckets, pro rata for the current one, 0 ahead.
        p.expected += pro_rata(min, start, end, clock.today);
        let past = clock.today > end;
        if have < min {
            if past {
                past_missed = true;
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
    p.status = Status::judge(p.done, p.target, p.expected, past_missed);
}

fn talk_coverage(p: &mut Progress, roster: &Roster, pairs: PairScope, clock: &YearClock) {
    if p.pairs.is_empty() {
        p.missing.push(Missing::NoOne {
            scope: empty_scope(roster, pairs),
        });
        return;
    }
    p.target = count(p.pairs.len());
    p.done = count(p.pairs.iter().filter(|c| c.covered.is_some()).count());
    p.missing = p
        .pairs
        .iter()
        .filter(|c| c.covered.is_none())
        .map(|c| match c.class {
            Some(class) => Missing::Between {
                a: c.from,
                b: c.to,
                class,
            },
            None => Missing::Pair {
                from: c.from,
                to: c.to,
            },
        })
        .collect();
    yearly_status(p, clock);
}

fn standing_range(
    p: &mut Progress,
    roster: &Roster,
    who: RoleScope,
    min: u32,
    max: u32,
    clock: &YearClock,
) {
    let people: Vec<_> = roster.in_scope(who).collect();
    if people.is_empty() {
        p.missing.push(Missing::NoOne { scope: who });
        return;
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
    // A standing requirement holds all year long, from its first day.
    p.expected = if clock.started() { p.target } else { 0 };
    p.status = Status::judge(p.done, p.target, p.expected, clock.over());
}
