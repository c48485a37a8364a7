//! The (host, partner) pairs a talk-coverage rule demands, read off the
//! active roster. Each pair appears once; retired people are never in one.

use crate::core::roster::{PersonId, Roster};
use crate::core::rule::{PairScope, RoleScope};

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
