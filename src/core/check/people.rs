//! Everyone a record names was on the roster on its date: not yet joined or
//! already gone means a wrong date or a wrong name (本支部惯例: the ledger and
//! the 党员名册 agree).

use super::Problem;
use crate::core::record::Record;
use crate::core::roster::{PersonId, Roster};

/// `on_day` is the roster of the record's date; `roster` the whole roster,
/// which names the people `on_day` no longer (or not yet) holds.
pub(super) fn check(r: &Record, on_day: &Roster, roster: &Roster) -> Option<Problem> {
    let mut named: Vec<PersonId> = Vec::new();
    let all = r
        .host
        .iter()
        .chain(&r.attendees)
        .chain(r.absentees.iter().map(|a| &a.person))
        .chain(&r.partners);
    for id in all {
        if !named.contains(id) {
            named.push(*id);
        }
    }
    let names: Vec<String> = named
        .into_iter()
        .filter(|id| on_day.get(*id).is_none_or(|p| p.retired))
        .map(|id| roster.name(id))
        .collect();
    (!names.is_empty()).then_some(Problem::OffRoster { names })
}
