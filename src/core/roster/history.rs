//! A person's dated history: each of roles, department, 分管, 联系点 and
//! being on the roster holds from a date. A person's plain fields are the
//! latest values; `Person::as_of` gives the person as they stood on a day.
//! An empty timeline means the plain field has held since forever, so a
//! person stored before histories existed reads unchanged.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Person, Role, Roster};

/// A value that holds from a day on (until the next change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Held<T> {
    /// The first day it holds; none: since forever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    pub value: T,
}

/// The timelines of a person's dated attributes. Each is empty (the plain
/// field holds since forever) or starts with an undated entry and runs by
/// date, with no two neighbours equal; its last value is the plain field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Held<Vec<Role>>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dept: Vec<Held<Option<String>>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub oversees: Vec<Held<Vec<String>>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Held<Vec<String>>>,
    /// Off the roster (`true`: not yet joined, or retired).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<Held<bool>>,
}

/// One dated change, for showing a person's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Roles(Vec<Role>),
    Dept(Option<String>),
    Oversees(Vec<String>),
    Links(Vec<String>),
    /// Joined (`false`) or left (`true`) the roster.
    Retired(bool),
}

impl History {
    pub fn is_empty(&self) -> bool {
        self.roles.is_empty()
            && self.dept.is_empty()
            && self.oversees.is_empty()
            && self.links.is_empty()
            && self.retired.is_empty()
    }

    /// Every day on which something changes, ascending, without repeats.
    pub fn change_dates(&self) -> Vec<NaiveDate> {
        let mut out: Vec<NaiveDate> = self
            .roles
            .iter()
            .filter_map(|h| h.from)
            .chain(self.dept.iter().filter_map(|h| h.from))
            .chain(self.oversees.iter().filter_map(|h| h.from))
            .chain(self.links.iter().filter_map(|h| h.from))
            .chain(self.retired.iter().filter_map(|h| h.from))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The dated changes (the undated starting values left out), by date,
    /// in the order roles, department, 分管, 联系点, roster within a day.
    pub fn changes(&self) -> Vec<(NaiveDate, Change)> {
        fn dated<T: Clone>(
            line: &[Held<T>],
            wrap: fn(T) -> Change,
        ) -> impl Iterator<Item = (NaiveDate, Change)> + '_ {
            line.iter()
                .filter_map(move |h| h.from.map(|d| (d, wrap(h.value.clone()))))
        }
        let mut out: Vec<(NaiveDate, Change)> = dated(&self.roles, Change::Roles)
            .chain(dated(&self.dept, Change::Dept))
            .chain(dated(&self.oversees, Change::Oversees))
            .chain(dated(&self.links, Change::Links))
            .chain(dated(&self.retired, Change::Retired))
            .collect();
        out.sort_by_key(|(d, _)| *d);
        out
    }
}

/// The value of `line` on `date`; none when the line is empty.
fn value_at<T>(line: &[Held<T>], date: NaiveDate) -> Option<&T> {
    line.iter()
        .rev()
        .find(|h| h.from.is_none_or(|f| f <= date))
        .or_else(|| line.first())
        .map(|h| &h.value)
}

/// Make `value` hold from `from` on, replacing later changes of the same
/// attribute; `latest` is the plain field. Returns whether anything changed.
fn set_from<T: Clone + PartialEq>(
    line: &mut Vec<Held<T>>,
    latest: &mut T,
    from: NaiveDate,
    value: T,
) -> bool {
    if line.is_empty() {
        if *latest == value {
            return false;
        }
        line.push(Held {
            from: None,
            value: latest.clone(),
        });
    }
    let before = line.clone();
    line.retain(|h| h.from.is_none_or(|f| f < from));
    line.push(Held {
        from: Some(from),
        value,
    });
    // A change to the value that already held is no change.
    line.dedup_by(|later, earlier| later.value == earlier.value);
    let changed = *line != before;
    if let Some(last) = line.last() {
        latest.clone_from(&last.value);
    }
    if line.len() == 1 && line[0].from.is_none() {
        line.clear();
    }
    changed
}

impl Person {
    /// The person as they stood on `date`: roles, department, 分管, 联系点
    /// and `retired` (off the roster: not yet joined, or left) of that day.
    #[must_use]
    pub fn as_of(&self, date: NaiveDate) -> Person {
        let mut p = self.clone();
        let h = &self.history;
        if let Some(v) = value_at(&h.roles, date) {
            p.roles.clone_from(v);
        }
        if let Some(v) = value_at(&h.dept, date) {
            p.dept.clone_from(v);
        }
        if let Some(v) = value_at(&h.oversees, date) {
            p.oversees.clone_from(v);
        }
        if let Some(v) = value_at(&h.links, date) {
            p.links.clone_from(v);
        }
        if let Some(v) = value_at(&h.retired, date) {
            p.retired = *v;
        }
        p
    }

    /// Take `new`'s roles, department, 分管 and 联系点 from `from` on. Only
    /// what differs from the latest values changes; a change replaces later
    /// changes of the same attribute. Returns whether anything changed.
    pub fn change_from(&mut self, from: NaiveDate, new: &Person) -> bool {
        let h = &mut self.history;
        let mut changed = false;
        // Roles are a set: the same roles in another order are no change
        // (a person stored unsorted, edited through a form that sorts).
        let sorted = |roles: &[Role]| {
            let mut v = roles.to_vec();
            v.sort();
            v
        };
        if sorted(&new.roles) != sorted(&self.roles) {
            changed |= set_from(&mut h.roles, &mut self.roles, from, new.roles.clone());
        }
        if new.dept != self.dept {
            changed |= set_from(&mut h.dept, &mut self.dept, from, new.dept.clone());
        }
        if new.oversees != self.oversees {
            changed |= set_from(
                &mut h.oversees,
                &mut self.oversees,
                from,
                new.oversees.clone(),
            );
        }
        if new.links != self.links {
            changed |= set_from(&mut h.links, &mut self.links, from, new.links.clone());
        }
        changed
    }

    /// Leave the roster (`true`) or join it (`false`) from `from` on.
    pub fn set_retired_from(&mut self, from: NaiveDate, retired: bool) -> bool {
        set_from(&mut self.history.retired, &mut self.retired, from, retired)
    }

    /// A new person who joins the roster on `from` (before it, off it).
    pub fn join_on(&mut self, from: NaiveDate) {
        self.retired = false;
        self.history.retired = vec![
            Held {
                from: None,
                value: true,
            },
            Held {
                from: Some(from),
                value: false,
            },
        ];
    }

    /// The day this person joined the roster, if it is dated.
    pub fn joined(&self) -> Option<NaiveDate> {
        match self.history.retired.as_slice() {
            [first, second, ..] if first.value && !second.value => second.from,
            _ => None,
        }
    }
}

/// A roster's states over time: one snapshot per span between changes, so
/// that judging many records costs one `as_of` per change, not per record.
#[derive(Debug, Clone)]
pub struct Eras {
    /// The days a new era starts, ascending.
    starts: Vec<NaiveDate>,
    /// `snapshots[0]` holds before the first start; `snapshots[i + 1]` from
    /// `starts[i]` on.
    snapshots: Vec<Roster>,
}

impl Eras {
    pub fn new(roster: &Roster) -> Self {
        let mut starts: Vec<NaiveDate> = roster
            .people
            .iter()
            .flat_map(|p| p.history.change_dates())
            .collect();
        starts.sort_unstable();
        starts.dedup();
        let mut snapshots = Vec::with_capacity(starts.len() + 1);
        snapshots.push(roster.as_of(NaiveDate::MIN));
        snapshots.extend(starts.iter().map(|d| roster.as_of(*d)));
        Self { starts, snapshots }
    }

    /// Which era `date` falls in (an index into `all`).
    pub fn index(&self, date: NaiveDate) -> usize {
        self.starts.partition_point(|d| *d <= date)
    }

    /// The roster as it stood on `date`.
    pub fn at(&self, date: NaiveDate) -> &Roster {
        // `index` is at most `starts.len()`, and there is one more snapshot.
        &self.snapshots[self.index(date).min(self.snapshots.len() - 1)]
    }

    /// Every era's roster, oldest first.
    pub fn all(&self) -> &[Roster] {
        &self.snapshots
    }
}

impl Roster {
    /// The roster as it stood on `date`: everyone stays listed (old records
    /// keep their names), with that day's roles, department, 分管, 联系点,
    /// and `retired` set for those not on the roster that day.
    #[must_use]
    pub fn as_of(&self, date: NaiveDate) -> Roster {
        Roster {
            people: self.people.iter().map(|p| p.as_of(date)).collect(),
        }
    }

    /// The roster's states over time, for judging many dates.
    pub fn eras(&self) -> Eras {
        Eras::new(self)
    }

    /// The day whose roster owes `year`'s duties: the year's last day, or
    /// `today` if earlier, or the year's first day for a year ahead.
    pub fn owing_day(year: i32, today: NaiveDate) -> NaiveDate {
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
        let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today);
        today.min(last).max(first)
    }

    /// The roster that owes `year`'s duties (see `owing_day`).
    #[must_use]
    pub fn for_year(&self, year: i32, today: NaiveDate) -> Roster {
        self.as_of(Self::owing_day(year, today))
    }
}
