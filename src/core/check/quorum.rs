//! Quorum (到会人数). 支部工作条例第十二条: a 支委会 "须有半数以上委员到会方可
//! 进行"; 第十一条: a 党员大会's vote "必须有半数以上有表决权的党员到会方可进
//! 行". "半数以上" is read as more than half, the reading that never passes a
//! meeting the stricter one would refuse. A 党员大会 without a vote is held to
//! the same share of all members (本支部惯例, after 第十一条). Present means
//! the host and the attendees; a record with no attendance at all (neither
//! attendees nor absentees) is not judged, since it says nothing of who came.

use std::collections::BTreeSet;

use super::Problem;
use crate::core::record::{Record, RecordKind};
use crate::core::roster::{PersonId, Role, Roster};
use crate::core::rule::RoleScope;

/// Words in a 党员大会's topic or notes that say it voted: elections,
/// admitting or confirming 预备党员, discipline (第十一条's 职权 that are
/// decided by a vote).
const VOTE_WORDS: &[&str] = &[
    "表决",
    "选举",
    "接收预备党员",
    "转正",
    "转为正式党员",
    "延长预备期",
    "取消预备党员资格",
    "处分",
    "vote",
    "election",
];

/// Whether a 党员大会 record says it voted.
pub fn is_vote(r: &Record) -> bool {
    let text = format!("{} {}", r.topic, r.notes).to_lowercase();
    VOTE_WORDS.iter().any(|w| text.contains(w))
}

/// More than half of `of` are present.
fn quorate(present: usize, of: usize) -> bool {
    present * 2 > of
}

fn present(r: &Record) -> BTreeSet<PersonId> {
    r.attendees.iter().copied().chain(r.host).collect()
}

/// The quorum problems of `r`, judged on `on_day` (the roster of its date).
pub(super) fn check(r: &Record, on_day: &Roster) -> Vec<Problem> {
    if r.attendees.is_empty() && r.absentees.is_empty() {
        return Vec::new();
    }
    let here = present(r);
    let mut out = Vec::new();
    match r.kind {
        RecordKind::CommitteeMeeting => {
            let committee: Vec<_> = on_day.in_scope(RoleScope::Committee).collect();
            let came = committee.iter().filter(|p| here.contains(&p.id)).count();
            if !committee.is_empty() && !quorate(came, committee.len()) {
                out.push(Problem::CommitteeQuorum {
                    present: came,
                    members: committee.len(),
                    absent: committee
                        .iter()
                        .filter(|p| !here.contains(&p.id))
                        .map(|p| p.name.clone())
                        .collect(),
                });
            }
        }
        RecordKind::GeneralMeeting => {
            let members: Vec<_> = on_day.active().collect();
            let came = members.iter().filter(|p| here.contains(&p.id)).count();
            if !members.is_empty() && !quorate(came, members.len()) {
                out.push(Problem::GeneralQuorum {
                    present: came,
                    members: members.len(),
                });
            }
            if is_vote(r) {
                let voting: Vec<_> = members
                    .iter()
                    .filter(|p| !p.has(Role::Probationary))
                    .collect();
                let came = voting.iter().filter(|p| here.contains(&p.id)).count();
                if !voting.is_empty() && !quorate(came, voting.len()) {
                    out.push(Problem::VoteQuorum {
                        present: came,
                        voting: voting.len(),
                    });
                }
            }
        }
        _ => {}
    }
    out
}
