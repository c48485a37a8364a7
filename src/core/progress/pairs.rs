//! The (host, partner) pairs a talk-coverage rule demands, read off the
//! active roster, and which of them the year's talks cover. This is the one
//! place the pair rule is walked: status, the talk matrix and the reports
//! read `Progress::pairs`. Each pair appears once; retired people are never
//! in one.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Rosters;
use super::acts::acts_for;
use crate::core::record::{Record, RecordId};
use crate::core::roster::{PersonId, Roster};
use crate::core::rule::{Actor, PairClass, PairScope, RoleScope};

/// One required pair and the first counted talk that covered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairCover {
    /// Who talks (for an undirected pair, the one first on the roster).
    pub from: PersonId,
    pub to: PersonId,
    /// The 谈心谈话 class, for `members_with_each_other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<PairClass>,
    /// The date and record of the first talk that covered the pair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covered: Option<(NaiveDate, RecordId)>,
}

/// Covered and required pairs of one 谈心谈话 class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassCover {
    pub class: PairClass,
    pub done: u32,
    pub target: u32,
}

/// The (host, partner) pairs a coverage rule demands, from the active roster,
/// in roster order. A person who is both a leader and a department head is
/// one pair, not two.
pub fn required_pairs(roster: &Roster, scope: PairScope) -> Vec<(PersonId, PersonId)> {
    let mut out: Vec<(PersonId, PersonId)> = Vec::new();
    let mut push = |from: PersonId, to: PersonId| {
        if from != to && !out.contains(&(from, to)) {
            out.push((from, to));
        }
    };
    match scope {
        PairScope::SecretaryWithLeadersAndHeads => {
            for sec in roster.in_scope(RoleScope::Secretary) {
                for other in roster.active() {
                    if other.is_leadership() || other.in_scope(RoleScope::DeptHeads) {
                        push(sec.id, other.id);
                    }
                }
            }
        }
        PairScope::LeadersWithOverseenHeads => {
            for leader in roster.in_scope(RoleScope::OtherLeaders) {
                for dept in &leader.oversees {
                    for head in roster.heads_of(dept) {
                        push(leader.id, head.id);
                    }
                }
            }
        }
        PairScope::MembersWithEachOther => {
            // Every two active members, once: n(n-1)/2 pairs. Built
            // directly, since `push`'s check would make this quadratic twice.
            let people: Vec<PersonId> = roster.active().map(|p| p.id).collect();
            for (i, a) in people.iter().enumerate() {
                for b in &people[i + 1..] {
                    out.push((*a, *b));
                }
            }
        }
    }
    out
}

/// The class of a required pair, for the scopes that have classes.
fn class_of(roster: &Roster, scope: PairScope, a: PersonId, b: PersonId) -> Option<PairClass> {
    if scope != PairScope::MembersWithEachOther {
        return None;
    }
    let on = |id| {
        roster
            .get(id)
            .is_some_and(|p| p.in_scope(RoleScope::Committee))
    };
    Some(PairClass::of(on(a), on(b)))
}

/// Every pair `scope` owes on the owing day, with the first of `counted`
/// that covers it. A talk names a (host, partner) pair for each partner: the
/// caller has already set aside group talks a one-to-one duty refuses, and
/// an actor duty checks the host on the talk's date.
///
/// A directed pair (书记 or 分管 member → head) counts for the office as
/// held on the talk's date (`core::progress` module doc): the owed pair
/// (from, to) is covered by a talk (host, to) if (host, to) was a pair the
/// rule asked for on that date, and host is `from` or `from` did not yet (or
/// no longer) hold that office toward `to` then. So a 书记 who took over in
/// July inherits the talks of the 书记 before; two members overseeing one
/// department each still owe their own talk. An undirected pair (谈心谈话
/// among members) is between two people, whatever their roles.
pub(super) fn cover(
    rosters: &Rosters,
    scope: PairScope,
    actor: Option<Actor>,
    counted: &[&Record],
) -> Vec<PairCover> {
    let owing = &rosters.owing;
    // Each counting (host, partner) talk, with its era, in date order.
    let mut talks: Vec<(PersonId, PersonId, usize, NaiveDate, RecordId)> = Vec::new();
    for r in counted {
        let Some(host) = r.host else { continue };
        let on_date = actor
            .filter(|a| a.scope().is_none())
            .map(|_| rosters.at(r.date));
        for &partner in &r.partners {
            if let (Some(a), Some(t)) = (actor, on_date)
                && !acts_for(a, t, host, Some(partner))
            {
                continue;
            }
            talks.push((host, partner, rosters.eras.index(r.date), r.date, r.id));
        }
    }
    let required = required_pairs(owing, scope);
    if scope.undirected() {
        let mut first: HashMap<(PersonId, PersonId), (NaiveDate, RecordId)> = HashMap::new();
        for &(host, partner, _, date, id) in &talks {
            let key = if partner < host {
                (partner, host)
            } else {
                (host, partner)
            };
            // `counted` is in date order: the first insert is the earliest.
            first.entry(key).or_insert((date, id));
        }
        return required
            .into_iter()
            .map(|(from, to)| PairCover {
                from,
                to,
                class: class_of(owing, scope, from, to),
                covered: first.get(&(from.min(to), from.max(to))).copied(),
            })
            .collect();
    }
    let per_era: Vec<HashSet<(PersonId, PersonId)>> = rosters
        .eras
        .all()
        .iter()
        .map(|r| required_pairs(r, scope).into_iter().collect())
        .collect();
    let mut by_partner: HashMap<PersonId, Vec<(PersonId, usize, NaiveDate, RecordId)>> =
        HashMap::new();
    for &(host, partner, era, date, id) in &talks {
        by_partner
            .entry(partner)
            .or_default()
            .push((host, era, date, id));
    }
    required
        .into_iter()
        .map(|(from, to)| {
            let covered = by_partner.get(&to).and_then(|list| {
                list.iter()
                    .find(|(host, era, ..)| {
                        per_era.get(*era).is_some_and(|asked| {
                            asked.contains(&(*host, to))
                                && (*host == from || !asked.contains(&(from, to)))
                        })
                    })
                    .map(|&(_, _, date, id)| (date, id))
            });
            PairCover {
                from,
                to,
                class: None,
                covered,
            }
        })
        .collect()
}

/// Covered and required pairs by class, in class order; empty for scopes
/// without classes.
pub(super) fn classes(pairs: &[PairCover]) -> Vec<ClassCover> {
    PairClass::ALL
        .into_iter()
        .filter_map(|class| {
            let mine: Vec<&PairCover> = pairs.iter().filter(|p| p.class == Some(class)).collect();
            if mine.is_empty() && pairs.iter().all(|p| p.class.is_none()) {
                return None;
            }
            Some(ClassCover {
                class,
                done: super::count(mine.iter().filter(|p| p.covered.is_some()).count()),
                target: super::count(mine.len()),
            })
        })
        .collect()
}

/// The scope to name when a coverage rule demands no pair at all: whoever is
/// missing first from the roster.
pub(super) fn empty_scope(roster: &Roster, scope: PairScope) -> RoleScope {
    match scope {
        PairScope::SecretaryWithLeadersAndHeads => {
            if roster.in_scope(RoleScope::Secretary).next().is_none() {
                RoleScope::Secretary
            } else {
                RoleScope::OtherLeaders
            }
        }
        PairScope::LeadersWithOverseenHeads => {
            if roster.in_scope(RoleScope::OtherLeaders).next().is_none() {
                RoleScope::OtherLeaders
            } else {
                RoleScope::DeptHeads
            }
        }
        PairScope::MembersWithEachOther => RoleScope::Members,
    }
}
