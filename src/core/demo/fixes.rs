//! The demo's rectification items (整改): each year a handful of problems from
//! varied checks and reviews. Past years are mostly closed, a few carried
//! over; the current year holds a mix of states, one or two of them overdue.

use chrono::{Datelike, Duration, NaiveDate};

use super::problems::{FINDINGS, Finding, LATE, REQUESTED, STARTED, UNDER_WAY};
use super::rng::Rng;
use crate::core::catalogue::{Catalogue, DutyId};
use crate::core::fix::{Closure, Evidence, FixId, FixItem, FixNote, FixSource, FixState};
use crate::core::record::Record;
use crate::core::roster::{PersonId, Role, Roster};
use crate::core::rule::RoleScope;
use crate::core::year::carried_note;

/// Who writes the demo's notes and closures (the demo knows no Unix users).
const DEMO_USER: &str = "demo";

/// What happens to an item, decided before its dates are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    /// Closed (销号) in the year it was opened, or the next.
    Closed,
    /// Still open at the end of its year, carried into the next and closed there.
    CarriedThenClosed,
    /// Carried into the current year and not closed yet.
    CarriedOpen(FixState),
    /// Current year, not closed, past its deadline.
    Overdue(FixState),
    /// Current year, not closed, deadline still ahead.
    Pending(FixState),
}

/// The people and records the items refer to.
pub(super) struct Ctx<'a> {
    pub catalogue: &'a Catalogue,
    pub roster: &'a Roster,
    /// The records items may cite, sorted by date, ids assigned.
    pub records: &'a [Record],
    pub today: NaiveDate,
}

/// The items of one year after another, from one seeded generator, so the
/// demo can stream its years and still be the same for the same seed.
pub(super) struct Fixes(Rng);

impl Fixes {
    pub(super) fn new(seed: u64) -> Self {
        Self(Rng::new(seed ^ 0x00F1_C5ED))
    }

    /// `year`'s items by opening date, ids not yet assigned. `ctx.records`
    /// must hold the records of `year` and of the next year (where a
    /// carried item finds its evidence).
    pub(super) fn year(&mut self, ctx: &Ctx, year: i32) -> Vec<FixItem> {
        let rng = &mut self.0;
        let mut items: Vec<FixItem> = fates(rng, ctx, year)
            .into_iter()
            .map(|(problem, fate)| item(rng, ctx, year, problem, fate))
            .collect();
        items.sort_by_key(|f| f.opened);
        items
    }
}

/// 6 to 12 distinct problems for `year`, each with its fate.
fn fates(rng: &mut Rng, ctx: &Ctx, year: i32) -> Vec<(&'static Finding, Fate)> {
    let n = 6 + rng.below(7);
    let mut order: Vec<usize> = (0..FINDINGS.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let problems = order.into_iter().take(n).filter_map(|i| FINDINGS.get(i));
    let this_year = ctx.today.year();
    let plan: Vec<Fate> = if year == this_year {
        use FixState as St;
        let mut v = vec![Fate::Overdue(St::InProgress)];
        if rng.chance(50) {
            v.push(Fate::Overdue(St::Open));
        }
        v.extend([
            Fate::Pending(St::Open),
            Fate::Pending(St::InProgress),
            Fate::Pending(St::ClosureRequested),
            Fate::Closed,
        ]);
        while v.len() < n {
            let extra = [Fate::Closed, Fate::Closed, Fate::Pending(St::InProgress)];
            v.push(rng.pick(&extra).unwrap_or(Fate::Closed));
        }
        v
    } else if year + 1 == this_year {
        let carried = 1 + rng.below(2);
        (0..n)
            .map(|i| match i {
                0 => Fate::CarriedOpen(FixState::InProgress),
                1 if carried > 1 => Fate::CarriedOpen(FixState::Open),
                _ => Fate::Closed,
            })
            .collect()
    } else {
        (0..n)
            .map(|_| {
                if rng.chance(10) {
                    Fate::CarriedThenClosed
                } else {
                    Fate::Closed
                }
            })
            .collect()
    };
    problems.zip(plan).collect()
}

fn item(rng: &mut Rng, ctx: &Ctx, year: i32, p: &'static Finding, fate: Fate) -> FixItem {
    let today = ctx.today;
    let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
    let dec31 = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today);
    let next_jan = dec31 + Duration::days(1);
    let (from, months) = window(p.source);
    let start = NaiveDate::from_ymd_opt(year, from, 1).unwrap_or(jan1);
    let mut opened = day_between(rng, start, start + Duration::days(i64::from(months) * 30));
    // Overdue items need a day between opening and today for their deadline.
    // Items closed this year were opened a while ago.
    let latest = match fate {
        Fate::Overdue(_) => today - Duration::days(2),
        Fate::Closed if year == today.year() => today - Duration::days(20),
        _ => dec31.min(today),
    };
    if opened > latest {
        opened = day_between(rng, jan1, latest.max(jan1));
    }
    let mut deadline = opened + Duration::days(30 + days(rng, 120));
    let fate = match fate {
        Fate::Overdue(state) if opened >= today => Fate::Pending(state),
        other => other,
    };
    let (state, done_by, carried_on) = match fate {
        Fate::Closed => {
            let late = rng.chance(10);
            let end = if late {
                deadline + Duration::days(5 + days(rng, 25))
            } else {
                deadline
            };
            let start = (opened + Duration::days(15)).min(end);
            (FixState::Closed, Some(day_between(rng, start, end)), None)
        }
        Fate::CarriedThenClosed => {
            let carried = next_jan + Duration::days(days(rng, 10));
            let closed = day_between(rng, carried, carried + Duration::days(120));
            (FixState::Closed, Some(closed), Some(carried))
        }
        Fate::CarriedOpen(state) => {
            deadline = deadline.min(dec31);
            let carried = (next_jan + Duration::days(days(rng, 10))).min(today);
            (state, None, Some(carried))
        }
        Fate::Overdue(state) => {
            deadline = deadline.min(today - Duration::days(1));
            (state, None, None)
        }
        Fate::Pending(state) => {
            if deadline < today {
                deadline = today + Duration::days(10 + days(rng, 60));
            }
            (state, None, None)
        }
    };
    let closed_on = done_by.map(|d| d.max(opened).min(today));
    let until = closed_on.unwrap_or(today);
    let mut notes = progress(rng, opened, until, state);
    if state != FixState::Closed && deadline < today && state != FixState::Open {
        let late = day_between(rng, deadline + Duration::days(1), today);
        notes.push(note(late.max(opened), LATE));
    }
    if let Some(on) = carried_on {
        notes.push(note(on.max(opened).min(today), &carried_note(year)));
    }
    notes.sort_by_key(|n| n.date);
    let closure = closed_on.map(|on| Closure {
        date: on,
        by_user: DEMO_USER.to_string(),
        by_person: Some(closer(rng, ctx.roster)),
        evidence: evidence(ctx.records, p, opened, on),
    });
    FixItem {
        id: FixId(0),
        source: p.source,
        problem: p.problem.to_string(),
        duties: p
            .duties
            .iter()
            .map(|d| DutyId((*d).to_string()))
            .filter(|d| ctx.catalogue.duty(d).is_some())
            .collect(),
        measures: p.measures.to_string(),
        owner: owner(rng, ctx.roster, p),
        deadline,
        opened,
        state,
        notes,
        closure,
        year: if carried_on.is_some() { year + 1 } else { year },
    }
}

/// When in the year a source tends to find problems: (first month, months).
fn window(source: FixSource) -> (u32, u32) {
    match source {
        FixSource::DemocraticLife | FixSource::OrganizationalLife => (1, 3),
        FixSource::DutyReport => (1, 2),
        FixSource::CircuitInspection => (4, 6),
        FixSource::Inspection => (3, 9),
        FixSource::SelfCheck | FixSource::Other => (1, 12),
    }
}

/// Dated notes from `opened` up to `until` that fit the state.
fn progress(rng: &mut Rng, opened: NaiveDate, until: NaiveDate, state: FixState) -> Vec<FixNote> {
    if state == FixState::Open {
        return Vec::new();
    }
    let mut notes = Vec::new();
    let first = day_between(rng, opened, (opened + Duration::days(10)).min(until));
    notes.push(note(first, rng.pick(&STARTED).unwrap_or_default()));
    for _ in 0..rng.below(3) {
        let on = day_between(rng, first, until);
        notes.push(note(on, rng.pick(&UNDER_WAY).unwrap_or_default()));
    }
    if matches!(state, FixState::ClosureRequested | FixState::Closed) {
        let asked = day_between(rng, (until - Duration::days(7)).max(first), until);
        notes.push(note(asked, REQUESTED));
    }
    notes.sort_by_key(|n| n.date);
    notes
}

fn note(date: NaiveDate, text: &str) -> FixNote {
    FixNote {
        date,
        text: text.to_string(),
        by: DEMO_USER.to_string(),
    }
}

/// The latest record of the problem's evidence kind held while it was
/// worked on, else a note of what was done.
fn evidence(records: &[Record], p: &Finding, opened: NaiveDate, closed: NaiveDate) -> Evidence {
    let end = records.partition_point(|r| r.date <= closed);
    records
        .get(..end)
        .unwrap_or_default()
        .iter()
        .rev()
        .take_while(|r| r.date >= opened)
        .find(|r| r.kind == p.evidence)
        .map_or_else(
            || Evidence::Note(p.done.to_string()),
            |r| Evidence::Record(r.id),
        )
}

/// Leadership duties (s…) fall to the secretary, members' duties (m…) to
/// another leader, the rest to a leader or a department head.
fn owner(rng: &mut Rng, roster: &Roster, p: &Finding) -> PersonId {
    let secretary = first_in(roster, RoleScope::Secretary);
    let pool: Vec<PersonId> = match p.duties.first().map(|d| d.as_bytes().first()) {
        Some(Some(b's')) => return secretary,
        Some(Some(b'm')) => ids(roster, RoleScope::OtherLeaders),
        _ => {
            let mut v = ids(roster, RoleScope::Leadership);
            v.extend(ids(roster, RoleScope::DeptHeads));
            v
        }
    };
    rng.pick(&pool).unwrap_or(secretary)
}

/// The secretary or the discipline member, who may close items.
fn closer(rng: &mut Rng, roster: &Roster) -> PersonId {
    let secretary = first_in(roster, RoleScope::Secretary);
    let discipline = roster
        .active()
        .find(|p| p.has(Role::DisciplineMember))
        .map_or(secretary, |p| p.id);
    if rng.chance(50) {
        secretary
    } else {
        discipline
    }
}

fn ids(roster: &Roster, scope: RoleScope) -> Vec<PersonId> {
    roster.in_scope(scope).map(|p| p.id).collect()
}

fn first_in(roster: &Roster, scope: RoleScope) -> PersonId {
    roster.in_scope(scope).next().map_or(PersonId(1), |p| p.id)
}

fn days(rng: &mut Rng, below: usize) -> i64 {
    i64::try_from(rng.below(below)).unwrap_or(0)
}

/// A day in `from..=to` (`from` when the range is empty).
fn day_between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = usize::try_from((to - from).num_days() + 1).unwrap_or(1);
    from + Duration::days(days(rng, span))
}
