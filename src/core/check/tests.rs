#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Table-driven tests of each consistency check, with year edges.

use chrono::{Datelike, NaiveDate};
use rstest::rstest;

use super::*;
use crate::core::record::Absence;
use crate::core::roster::{Person, PersonId, Role};

mod look_back;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn person(id: u32, name: &str, roles: &[Role]) -> Person {
    Person {
        id: PersonId(id),
        name: name.into(),
        roles: roles.to_vec(),
        dept: None,
        oversees: Vec::new(),
        links: Vec::new(),
        retired: false,
        unix_user: None,
        history: crate::core::roster::History::default(),
    }
}

/// A branch of 7: 书记 1, 委员 2–3, 纪检委员 4 (a committee of four); 5 and
/// 6 正式党员, 7 预备党员.
fn branch() -> Roster {
    Roster::new(vec![
        person(1, "张书记", &[Role::Secretary]),
        person(2, "李委员", &[Role::CommitteeMember]),
        person(3, "王委员", &[Role::CommitteeMember]),
        person(4, "赵纪检", &[Role::DisciplineMember]),
        person(5, "刘党员", &[Role::Member]),
        person(6, "陈党员", &[Role::Member]),
        person(7, "周预备", &[Role::Probationary]),
    ])
}

fn ids(list: &[u32]) -> Vec<PersonId> {
    list.iter().copied().map(PersonId).collect()
}

fn rec(id: u64, kind: RecordKind, date: NaiveDate, host: Option<u32>, came: &[u32]) -> Record {
    Record {
        id: RecordId(id),
        kind,
        date,
        topic: format!("议题{id}"),
        host: host.map(PersonId),
        attendees: ids(came),
        absentees: Vec::new(),
        partners: Vec::new(),
        duties: Vec::new(),
        notes: String::new(),
        evidence: Vec::new(),
        entered_by: "test".into(),
        entered_at: d(2026, 1, 1).and_hms_opt(9, 0, 0).unwrap(),
        covers_year: None,
    }
}

fn talk(id: u64, date: NaiveDate, host: u32, with: u32) -> Record {
    Record {
        partners: ids(&[with]),
        topic: String::new(),
        ..rec(id, RecordKind::HeartTalk, date, Some(host), &[])
    }
}

fn codes(found: &[Finding]) -> Vec<(u64, &'static str)> {
    found
        .iter()
        .map(|f| (f.record.0, f.problem.code()))
        .collect()
}

// 支委会: the committee is 1–4; more than half is three of four.
#[rstest]
#[case::all(Some(1), &[2, 3, 4], None)]
#[case::three_with_host(Some(1), &[2, 3], None)]
#[case::half_is_not_enough(Some(1), &[2], Some((2, vec!["王委员", "赵纪检"])))]
#[case::ordinary_members_do_not_count(Some(1), &[5, 6, 7], Some((1, vec!["李委员", "王委员", "赵纪检"])))]
#[case::host_counts_once(Some(1), &[1, 2], Some((2, vec!["王委员", "赵纪检"])))]
#[case::no_host(None, &[2, 3, 4], None)]
fn committee_quorum(
    #[case] host: Option<u32>,
    #[case] came: &[u32],
    #[case] want: Option<(usize, Vec<&str>)>,
) {
    let r = rec(1, RecordKind::CommitteeMeeting, d(2026, 3, 2), host, came);
    let found = findings(&branch(), &[r], &[]);
    let got = found.iter().find_map(|f| match &f.problem {
        Problem::CommitteeQuorum {
            present,
            members,
            absent,
        } => {
            assert_eq!(*members, 4);
            Some((
                *present,
                absent.iter().map(String::as_str).collect::<Vec<_>>(),
            ))
        }
        _ => None,
    });
    assert_eq!(got, want);
    if let Some(f) = found.first() {
        assert_eq!(f.problem.source(), Source::BranchRegulation { article: 12 });
    }
}

#[test]
fn a_meeting_with_no_attendance_recorded_is_not_judged() {
    let r = rec(1, RecordKind::CommitteeMeeting, d(2026, 3, 2), Some(1), &[]);
    assert!(findings(&branch(), &[r], &[]).is_empty());
}

#[test]
fn absentees_alone_are_attendance() {
    let mut r = rec(1, RecordKind::CommitteeMeeting, d(2026, 3, 2), Some(1), &[]);
    r.absentees = vec![Absence {
        person: PersonId(2),
        reason: "出差".into(),
    }];
    assert_eq!(
        codes(&findings(&branch(), &[r], &[])),
        [(1, "committee_quorum")]
    );
}

// 党员大会 of seven (six 正式, one 预备): more than half of all is four; for
// a vote, more than half of the six with a vote is four 正式党员.
#[rstest]
#[case::four_no_vote("学习传达", &[1, 2, 5, 7], &[])]
#[case::three_no_vote("学习传达", &[1, 2, 7], &["general_quorum"])]
#[case::vote_with_four_full("表决接收预备党员", &[1, 2, 5, 6], &[])]
#[case::vote_probationary_does_not_count("表决接收预备党员", &[1, 2, 5, 7], &["vote_quorum"])]
#[case::vote_three_full("选举支部委员", &[1, 2, 3], &["general_quorum", "vote_quorum"])]
#[case::vote_in_english("vote on the budget", &[1, 2, 5, 7], &["vote_quorum"])]
fn general_meeting_quorum(#[case] topic: &str, #[case] came: &[u32], #[case] want: &[&str]) {
    let mut r = rec(1, RecordKind::GeneralMeeting, d(2026, 6, 30), None, came);
    r.topic = topic.into();
    let found = findings(&branch(), &[r], &[]);
    let mut got: Vec<&str> = found.iter().map(|f| f.problem.code()).collect();
    got.sort_unstable();
    assert_eq!(got, want);
    for f in &found {
        let want = if f.problem.code() == "vote_quorum" {
            Source::BranchRegulation { article: 11 }
        } else {
            Source::PracticeAfter { article: 11 }
        };
        assert_eq!(f.problem.source(), want);
    }
}

#[test]
fn a_vote_can_be_in_the_notes() {
    let mut r = rec(1, RecordKind::GeneralMeeting, d(2026, 6, 30), None, &[1]);
    r.notes = "会议讨论并表决了预备党员转正".into();
    assert!(is_vote(&r));
    r.notes.clear();
    assert!(!is_vote(&r));
}

// 组织生活会: a 谈心谈话 within the 30 days up to the meeting's day.
#[rstest]
#[case::same_day(d(2026, 1, 20), false, None)]
#[case::thirty_days_before(d(2025, 12, 21), false, None)]
#[case::last_year_within_window(d(2025, 12, 31), false, None)]
#[case::thirty_one_days_before(d(2025, 12, 20), true, Some(d(2025, 12, 20)))]
#[case::after_the_meeting(d(2026, 1, 21), true, None)]
fn org_life_needs_talks_before(
    #[case] talk_on: NaiveDate,
    #[case] flagged: bool,
    #[case] last_talk: Option<NaiveDate>,
) {
    let meeting = rec(
        1,
        RecordKind::OrganizationalLife,
        d(2026, 1, 20),
        Some(1),
        &[1, 2, 3, 4, 5, 6, 7],
    );
    let t = talk(2, talk_on, 1, 5);
    // The talk is in the year's records, or in the year before's.
    let (year, earlier) = if talk_on.year() == 2026 {
        (vec![meeting, t], vec![])
    } else {
        (vec![meeting], vec![t])
    };
    let got = findings(&branch(), &year, &earlier)
        .into_iter()
        .find_map(|f| match f.problem {
            Problem::NoTalkBefore { window_days, last } => {
                assert_eq!(window_days, TALK_WINDOW_DAYS);
                assert_eq!(f.record, RecordId(1));
                Some(last)
            }
            _ => None,
        });
    assert_eq!(got.is_some(), flagged);
    assert_eq!(got.flatten(), last_talk);
}

#[test]
fn other_talks_do_not_prepare_an_org_life_meeting() {
    let meeting = rec(
        1,
        RecordKind::OrganizationalLife,
        d(2026, 11, 20),
        Some(1),
        &[1, 2, 3, 4, 5, 6, 7],
    );
    let t = Record {
        kind: RecordKind::IntegrityTalk,
        ..talk(2, d(2026, 11, 10), 1, 5)
    };
    assert_eq!(
        codes(&findings(&branch(), &[meeting, t], &[])),
        [(1, "no_talk_before")]
    );
}

// 民主评议: every member on the roster on the last appraisal's date.
#[rstest]
#[case::everyone_attends(vec![vec![1, 2, 3, 4, 5, 6, 7]], &[], None)]
#[case::rated_as_partners(vec![vec![1, 2, 3, 4]], &[5, 6, 7], None)]
#[case::split_over_two_groups(vec![vec![1, 2, 3], vec![4, 5, 6, 7]], &[], None)]
#[case::one_left_out(vec![vec![1, 2, 3, 4, 5, 6]], &[], Some(vec!["周预备"]))]
#[case::two_left_out(vec![vec![1, 2, 3, 4, 5]], &[], Some(vec!["陈党员", "周预备"]))]
fn appraisal_covers_everyone(
    #[case] groups: Vec<Vec<u32>>,
    #[case] partners: &[u32],
    #[case] want: Option<Vec<&str>>,
) {
    let mut records: Vec<Record> = groups
        .iter()
        .enumerate()
        .map(|(i, came)| {
            let id = u64::try_from(i).unwrap() + 1;
            rec(
                id,
                RecordKind::MemberAppraisal,
                d(2026, 12, 10 + u32::try_from(i).unwrap()),
                None,
                came,
            )
        })
        .collect();
    records[0].partners = ids(partners);
    let found = findings(&branch(), &records, &[]);
    let got = found.iter().find_map(|f| match &f.problem {
        Problem::AppraisalGap { missing } => {
            // On the year's last appraisal.
            assert_eq!(f.record.0, u64::try_from(groups.len()).unwrap());
            Some(missing.iter().map(String::as_str).collect::<Vec<_>>())
        }
        _ => None,
    });
    assert_eq!(got, want);
}

#[test]
fn no_appraisal_no_gap() {
    let r = rec(
        1,
        RecordKind::GeneralMeeting,
        d(2026, 3, 1),
        Some(1),
        &[1, 2, 3, 4, 5, 6, 7],
    );
    assert!(findings(&branch(), &[r], &[]).is_empty());
}

// The same meeting twice: confirm's rule, the later copies named.
#[rstest]
#[case::same(RecordKind::CommitteeMeeting, "议题1", d(2026, 3, 2), &[1, 2, 3], true)]
#[case::other_topic(RecordKind::CommitteeMeeting, "另一议题", d(2026, 3, 2), &[1, 2, 3], false)]
#[case::other_day(RecordKind::CommitteeMeeting, "议题1", d(2026, 3, 3), &[1, 2, 3], false)]
#[case::other_people(RecordKind::CommitteeMeeting, "议题1", d(2026, 3, 2), &[1, 2, 4], false)]
#[case::people_in_other_order(RecordKind::CommitteeMeeting, "议题1", d(2026, 3, 2), &[3, 2, 1], true)]
#[case::other_kind(RecordKind::GroupMeeting, "议题1", d(2026, 3, 2), &[1, 2, 3], false)]
fn same_meeting_twice(
    #[case] kind: RecordKind,
    #[case] topic: &str,
    #[case] date: NaiveDate,
    #[case] came: &[u32],
    #[case] duplicate: bool,
) {
    let first = rec(
        1,
        RecordKind::CommitteeMeeting,
        d(2026, 3, 2),
        Some(1),
        &[1, 2, 3],
    );
    let mut second = rec(2, kind, date, Some(1), came);
    second.topic = topic.into();
    let found = findings(&branch(), &[second, first.clone()], &[]);
    let dups: Vec<_> = found
        .iter()
        .filter_map(|f| match f.problem {
            Problem::Duplicate { of, entered_at } => Some((f.record, of, entered_at)),
            _ => None,
        })
        .collect();
    if duplicate {
        assert_eq!(dups, [(RecordId(2), RecordId(1), first.entered_at)]);
    } else {
        assert!(dups.is_empty(), "{dups:?}");
    }
}

#[test]
fn three_copies_each_name_the_first() {
    let r = rec(1, RecordKind::PartyLecture, d(2026, 5, 1), Some(1), &[1, 5]);
    let records = [
        r.clone(),
        Record {
            id: RecordId(3),
            ..r.clone()
        },
        Record {
            id: RecordId(2),
            ..r
        },
    ];
    let found = findings(&branch(), &records, &[]);
    let of: Vec<_> = found
        .iter()
        .filter_map(|f| match f.problem {
            Problem::Duplicate { of, .. } => Some((f.record.0, of.0)),
            _ => None,
        })
        .collect();
    assert_eq!(of, [(2, 1), (3, 1)]);
}

#[test]
fn retired_people_are_off_the_roster() {
    let mut roster = branch();
    roster.people[4].retired = true;
    let r = rec(
        1,
        RecordKind::PartyLecture,
        d(2026, 5, 1),
        Some(1),
        &[1, 5, 6],
    );
    let found = findings(&roster, &[r], &[]);
    assert_eq!(
        found.iter().map(|f| &f.problem).collect::<Vec<_>>(),
        [&Problem::OffRoster {
            names: vec!["刘党员".into()]
        }]
    );
}

#[test]
fn findings_come_by_date_and_of_record_picks_one() {
    let late = rec(
        1,
        RecordKind::CommitteeMeeting,
        d(2026, 9, 1),
        Some(1),
        &[5],
    );
    let early = rec(
        2,
        RecordKind::CommitteeMeeting,
        d(2026, 2, 1),
        Some(1),
        &[6],
    );
    let found = findings(&branch(), &[late, early], &[]);
    assert_eq!(
        codes(&found),
        [(2, "committee_quorum"), (1, "committee_quorum")]
    );
    assert_eq!(of_record(&found, RecordId(1)).count(), 1);
    assert_eq!(of_record(&found, RecordId(9)).count(), 0);
}
