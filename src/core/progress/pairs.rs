//! The (host, partner) pairs a talk-coverage rule demands, read off the
//! active roster, and which talks meet them. Each pair appears once; retired
//! people are never in one.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Rosters;
use crate::core::record::Record;
use crate::core::roster::{PersonId, Roster};
use crate::core::rule::{PairScope, RoleScope};

/// A pair a coverage rule owes, with the date of the first talk that met it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwedPair {
    pub from: PersonId,
    pub to: PersonId,
    pub covered: Option<NaiveDate>,
}

/// The pairs `scope` owes on the owing day, each with the first of `linked`
/// (the talks linked to the duty) that met it. A talk meets the pair owed to
/// its partner when (host, partner) was a pair the rule asked for on the
/// talk's own date: the talk counts for the office (the 书记, the member
/// overseeing the partner's department) as held that day.
pub fn owed_pairs(rosters: &Rosters, scope: PairScope, linked: &[&Record]) -> Vec<OwedPair> {
    let per_era: Vec<Vec<(PersonId, PersonId)>> = rosters
        .eras
        .all()
        .iter()
        .map(|r| required_pairs(r, scope))
        .collect();
    let held = |r: &Record, to: PersonId| -> bool {
        r.host.is_some_and(|host| {
            per_era
                .get(rosters.eras.index(r.date))
                .is_some_and(|then| then.contains(&(host, to)))
        })
    };
    required_pairs(&rosters.owing, scope)
        .into_iter()
        .map(|(from, to)| OwedPair {
            from,
            to,
            covered: linked
                .iter()
                .filter(|r| r.partners.contains(&to) && held(r, to))
                .map(|r| r.date)
                .min(),
        })
        .collect()
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
    }
    out
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
    }
}
