//! 民主评议党员 covers every member. 支部工作条例第十八条: the branch "召开党员
//! 大会，按照个人自评、党员互评、民主测评的程序，组织党员进行评议". A member
//! counts as appraised when one of the year's 民主评议 records names them (as
//! host, attendee or rated partner); the members owed are those on the roster
//! on the date of the year's last 民主评议, and the finding is on that record.

use std::collections::BTreeSet;

use super::{Finding, Problem, roster_on};
use crate::core::record::{Record, RecordKind};
use crate::core::roster::{PersonId, Roster};

pub(super) fn check(roster: &Roster, year: &[&Record]) -> Option<Finding> {
    let appraisals: Vec<&Record> = year
        .iter()
        .copied()
        .filter(|r| r.kind == RecordKind::MemberAppraisal)
        .collect();
    let last = appraisals.iter().max_by_key(|r| (r.date, r.id))?;
    let covered: BTreeSet<PersonId> = appraisals
        .iter()
        .flat_map(|r| r.host.iter().chain(&r.attendees).chain(&r.partners))
        .copied()
        .collect();
    let missing: Vec<String> = roster_on(roster, last.date)
        .active()
        .filter(|p| !covered.contains(&p.id))
        .map(|p| p.name.clone())
        .collect();
    (!missing.is_empty()).then(|| Finding::about(last, Problem::AppraisalGap { missing }))
}
