#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Per-person duties with a cadence (双重组织生活 each quarter, 研究部署 each
//! half-year, 责任书 each year): each person owes the periods that end while
//! they hold the role (`core::progress::persons`), judged across mid-year
//! joins, departures and role changes, and across year edges.

use chrono::NaiveDate;
use rstest::rstest;
use taizhang::core::progress::evaluate;
use taizhang::core::roster::History;
use taizhang::core::{
    Binds, Catalogue, Duty, DutyId, ListId, Missing, Part, Period, Person, PersonId, Progress,
    Record, RecordId, RecordKind, Role, RoleScope, Roster, Rule, Status,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A 党小组会 on `date` hosted by `host` with `attendees`, linked to the duty.
fn meeting(id: u64, date: NaiveDate, host: Option<u32>, attendees: &[u32]) -> Record {
    Record {
        id: RecordId(id),
        kind: RecordKind::GroupMeeting,
        date,
        topic: format!("r{id}"),
        host: host.map(PersonId),
        attendees: attendees.iter().copied().map(PersonId).collect(),
        absentees: Vec::new(),
        partners: Vec::new(),
        duties: vec![DutyId("x".into())],
        notes: String::new(),
        evidence: Vec::new(),
        entered_by: "test".into(),
        entered_at: d(2026, 1, 1).and_hms_opt(0, 0, 0).unwrap(),
        covers_year: None,
    }
}

/// A 责任书 signed by `host` with `partners`.
fn letter(id: u64, date: NaiveDate, host: u32, partners: &[u32]) -> Record {
    Record {
        kind: RecordKind::ResponsibilityLetter,
        partners: partners.iter().copied().map(PersonId).collect(),
        ..meeting(id, date, Some(host), &[])
    }
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
        history: History::default(),
    }
}

/// 1 甲 书记; 2 乙 班子成员 all year; 3 丙 班子成员 who leaves on 2026-08-15;
/// 4 丁 who joins as 班子成员 on 2026-05-10; 5 戊 部门负责人; 6 己 党员 who
/// becomes a 班子成员 on 2026-10-01. With `changes` false nobody moves.
fn branch(changes: bool) -> Roster {
    let mut bing = person(3, "丙", &[Role::Leader]);
    let mut ding = person(4, "丁", &[Role::Leader]);
    let mut ji = person(6, "己", &[Role::Member]);
    if changes {
        bing.set_retired_from(d(2026, 8, 15), true);
        ding.join_on(d(2026, 5, 10));
        let leader = Person {
            roles: vec![Role::Leader],
            ..ji.clone()
        };
        ji.change_from(d(2026, 10, 1), &leader);
    }
    Roster::new(vec![
        person(1, "甲", &[Role::Secretary]),
        person(2, "乙", &[Role::Leader]),
        bing,
        ding,
        person(5, "戊", &[Role::DeptHead]),
        ji,
    ])
}

fn one(rule: Rule, roster: &Roster, records: &[Record], year: i32, today: NaiveDate) -> Progress {
    let cat = Catalogue {
        duties: vec![Duty {
            id: DutyId("x".into()),
            list: ListId::OtherMembers,
            seed_ref: "三(三)(5)".into(),
            title: "x".into(),
            title_en: "x".into(),
            text: String::new(),
            binds: Binds::EachOtherMember,
            parent: None,
            counts: Vec::new(),
            rule,
            source: "test".into(),
            actor: None,
            one_to_one: false,
        }],
    };
    evaluate(&cat, roster, records, year, today).remove(0)
}

fn quarterly(by: Part) -> Rule {
    Rule::PerPerson {
        who: RoleScope::OtherLeaders,
        min: 1,
        per: Period::Quarter,
        by,
    }
}

/// (person, met, owed, missed buckets, status), in the order shown.
type Row = (u32, u32, u32, Vec<u32>, Status);

fn rows(p: &Progress) -> Vec<Row> {
    p.persons
        .iter()
        .map(|r| (r.person.0, r.met, r.owed, r.missed.clone(), r.status))
        .collect()
}

fn records() -> Vec<Record> {
    vec![
        // The last day of 2025 belongs to 2025 only.
        meeting(1, d(2025, 12, 31), None, &[2, 3, 4]),
        meeting(2, d(2026, 1, 1), None, &[2, 3]),
        // 丁 hosts before he joins: May counts for Q2, which he owes.
        meeting(3, d(2026, 5, 9), Some(4), &[2]),
        meeting(4, d(2026, 7, 5), None, &[3]),
        meeting(5, d(2026, 12, 31), Some(6), &[]),
    ]
}

#[rstest]
// Mid-Q3: who owes the year is today's roster (丙 not yet gone, 己 not yet
// a leader); Q1 and Q2 by the roster of their last day (丁 owes Q2, not Q1).
#[case::mid_year(d(2026, 8, 1), vec![
    (3, 2, 4, vec![2], Status::Overdue),
    (4, 1, 3, vec![], Status::OnTrack),
    (2, 2, 4, vec![], Status::OnTrack),
], 11, Status::Overdue)]
// The year over: 丙 left in Q3 and owes Q1 and Q2 only; 己 owes Q4 only,
// and met it on its last day.
#[case::year_over(d(2027, 1, 10), vec![
    (4, 1, 3, vec![3, 4], Status::Overdue),
    (2, 2, 4, vec![3, 4], Status::Overdue),
    (3, 1, 2, vec![2], Status::Overdue),
    (6, 1, 1, vec![], Status::Done),
], 10, Status::Overdue)]
// Before the year starts, its first day's roster owes it (丁 not yet there)
// and nobody has missed anything (records dated ahead still count).
#[case::before_the_year(d(2025, 12, 31), vec![
    (2, 2, 4, vec![], Status::OnTrack),
    (3, 2, 4, vec![], Status::OnTrack),
], 8, Status::OnTrack)]
fn quarters_owed_follow_the_roster(
    #[case] today: NaiveDate,
    #[case] want: Vec<Row>,
    #[case] target: u32,
    #[case] status: Status,
) {
    let p = one(
        quarterly(Part::Attends),
        &branch(true),
        &records(),
        2026,
        today,
    );
    assert_eq!(rows(&p), want);
    assert_eq!(p.target, target);
    assert_eq!(p.done, want.iter().map(|r| r.1).sum::<u32>());
    assert_eq!(p.status, status);
    let missing: Vec<u32> = p
        .missing
        .iter()
        .filter_map(|m| match m {
            Missing::Person { person } => Some(person.0),
            _ => None,
        })
        .collect();
    let mut behind: Vec<u32> = want.iter().filter(|r| !r.4.is_met()).map(|r| r.0).collect();
    behind.sort_unstable();
    assert_eq!(missing, behind);
}

/// How a person takes part decides whether a record is theirs.
#[rstest]
#[case::attends(Part::Attends, vec![(2, 1), (3, 1)])]
#[case::host_only(Part::Host, vec![(2, 0), (3, 1)])]
#[case::host_or_partner(Part::HostOrPartner, vec![(2, 0), (3, 1)])]
fn the_part_a_person_plays(#[case] by: Part, #[case] want: Vec<(u32, u32)>) {
    let recs = [meeting(1, d(2026, 2, 1), Some(3), &[2])];
    let p = one(quarterly(by), &branch(false), &recs, 2026, d(2026, 3, 31));
    let mut got: Vec<(u32, u32)> = p
        .persons
        .iter()
        .filter(|r| r.person.0 <= 3)
        .map(|r| (r.person.0, r.met))
        .collect();
    got.sort_unstable();
    assert_eq!(got, want);
}

/// 责任书: one a year for each leader and each head; one signing with
/// several people covers each of them.
#[rstest]
#[case::none(vec![], vec![1, 2, 3, 4, 5], Status::OnTrack)]
#[case::one_signing(vec![letter(1, d(2026, 1, 20), 1, &[2, 3, 5])], vec![4], Status::OnTrack)]
#[case::everyone(vec![letter(1, d(2026, 1, 20), 1, &[2, 3, 4, 5])], vec![], Status::Done)]
fn letters_for_each_leader_and_head(
    #[case] recs: Vec<Record>,
    #[case] owed: Vec<u32>,
    #[case] status: Status,
) {
    let rule = Rule::PerPerson {
        who: RoleScope::LeadersAndHeads,
        min: 1,
        per: Period::Year,
        by: Part::HostOrPartner,
    };
    let p = one(rule, &branch(false), &recs, 2026, d(2026, 2, 1));
    let missing: Vec<u32> = p
        .missing
        .iter()
        .filter_map(|m| match m {
            Missing::Person { person } => Some(person.0),
            _ => None,
        })
        .collect();
    assert_eq!(missing, owed);
    assert_eq!(p.target, 5);
    assert_eq!(p.status, status);
    // Who is behind comes first.
    let first_done = p.persons.iter().position(|r| r.status == Status::Done);
    if let Some(i) = first_done {
        assert!(p.persons[i..].iter().all(|r| r.status == Status::Done));
    }
}

/// 2025 keeps its figures when 2026 changes the roster again: 乙 leaves
/// and 甲 steps down to 班子成员.
fn more_changes(mut r: Roster) -> Roster {
    for p in &mut r.people {
        match p.id.0 {
            2 => {
                p.set_retired_from(d(2026, 2, 1), true);
            }
            1 => {
                let leader = Person {
                    roles: vec![Role::Leader],
                    ..p.clone()
                };
                p.change_from(d(2026, 3, 1), &leader);
            }
            _ => {}
        }
    }
    r
}

#[rstest]
#[case::quarterly(quarterly(Part::Attends), 1)]
#[case::half_yearly(Rule::PerPerson { who: RoleScope::OtherLeaders, min: 1, per: Period::HalfYear, by: Part::Host }, 0)]
fn a_later_change_leaves_an_earlier_year_alone(#[case] rule: Rule, #[case] met: u32) {
    let today = d(2027, 1, 20);
    let before = one(rule.clone(), &branch(true), &records(), 2025, today);
    let after = one(rule, &more_changes(branch(true)), &records(), 2025, today);
    assert_eq!(before, after);
    // 乙 and 丙 owe 2025; 丁 joined in 2026. The 2025-12-31 meeting is Q4.
    let who: Vec<(u32, u32)> = before.persons.iter().map(|r| (r.person.0, r.met)).collect();
    assert_eq!(who, vec![(2, met), (3, met)]);
}

/// A half-yearly rule at the edge of its buckets: June 30 is H1, July 1 H2.
#[rstest]
#[case::june_30(d(2026, 6, 30), vec![2])]
#[case::july_1(d(2026, 7, 1), vec![1])]
fn half_year_edges(#[case] date: NaiveDate, #[case] missed: Vec<u32>) {
    let rule = Rule::PerPerson {
        who: RoleScope::OtherLeaders,
        min: 1,
        per: Period::HalfYear,
        by: Part::Host,
    };
    let recs = [meeting(1, date, Some(2), &[])];
    let p = one(rule, &branch(false), &recs, 2026, d(2027, 1, 5));
    let yi = p.persons.iter().find(|r| r.person.0 == 2).unwrap();
    assert_eq!((yi.met, yi.owed), (1, 2));
    assert_eq!(yi.missed, missed);
    assert_eq!(yi.status, Status::Overdue);
}

/// A yearly per-person duty (述责述廉, 责任书) reads the same on its row as on
/// its people: in December with nothing done each person's single item is
/// still on track, so the row is not 落后 either; once the year is over both
/// are 逾期. (Pacing the pooled total once called 0/4 behind in December
/// beside four people on track.)
#[rstest]
#[case::december(d(2026, 12, 2), Status::OnTrack)]
#[case::year_over(d(2027, 1, 5), Status::Overdue)]
fn a_yearly_row_agrees_with_its_people(#[case] today: NaiveDate, #[case] status: Status) {
    let rule = Rule::PerPerson {
        who: RoleScope::LeadersAndHeads,
        min: 1,
        per: Period::Year,
        by: Part::HostOrPartner,
    };
    let p = one(rule, &branch(false), &[], 2026, today);
    assert_eq!((p.done, p.target), (0, 5));
    assert_eq!(p.status, status);
    assert!(
        p.persons.iter().all(|r| r.status == status),
        "{:?}",
        rows(&p)
    );
}
