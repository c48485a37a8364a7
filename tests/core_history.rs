#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The progress engine over a roster with history: who owes is read on the
//! year's owing day, and each record counts by the roster of its own date
//! (`core::progress` module doc). Dates sit on both sides of mid-year
//! changes and of year edges.

use chrono::NaiveDate;
use rstest::rstest;
use taizhang::core::progress::evaluate;
use taizhang::core::roster::History;
use taizhang::core::{
    Binds, Catalogue, Duty, DutyId, ListId, Missing, PairScope, Part, Period, Person, PersonId,
    Progress, Record, RecordId, RecordKind, Role, RoleScope, Roster, Rule, Status,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn talk(id: u64, date: NaiveDate, host: u32, with: &[u32]) -> Record {
    Record {
        id: RecordId(id),
        kind: RecordKind::HeartTalk,
        date,
        topic: format!("r{id}"),
        host: Some(PersonId(host)),
        attendees: Vec::new(),
        absentees: Vec::new(),
        partners: with.iter().copied().map(PersonId).collect(),
        duties: vec![DutyId("x".into())],
        notes: String::new(),
        evidence: Vec::new(),
        entered_by: "test".into(),
        entered_at: d(2026, 1, 1).and_hms_opt(0, 0, 0).unwrap(),
        covers_year: None,
    }
}

fn person(id: u32, name: &str, roles: &[Role], dept: Option<&str>, oversees: &[&str]) -> Person {
    Person {
        id: PersonId(id),
        name: name.into(),
        roles: roles.to_vec(),
        dept: dept.map(Into::into),
        oversees: oversees.iter().map(|s| (*s).into()).collect(),
        links: vec!["一车间".into()],
        retired: false,
        unix_user: None,
        history: History::default(),
    }
}

const JULY: (i32, u32, u32) = (2026, 7, 1);

/// Until 2026-06-30: 1 甲 书记; 2 乙 班子成员; 3 丙 分管财务部; 4 丁 分管人事部;
/// 5 head of 财务部; 6 head of 人事部. From 2026-07-01: 乙 is 书记 and 甲 a
/// 班子成员; 丙 and 丁 swap what they oversee; 7 戊 joins as a 班子成员.
fn branch(with_changes: bool) -> Roster {
    let mut jia = person(1, "甲", &[Role::Secretary], None, &[]);
    let mut yi = person(2, "乙", &[Role::Leader], None, &[]);
    let mut bing = person(3, "丙", &[Role::Leader], None, &["财务部"]);
    let mut ding = person(4, "丁", &[Role::Leader], None, &["人事部"]);
    let mut wu = person(7, "戊", &[Role::Leader], None, &[]);
    if with_changes {
        let july = d(JULY.0, JULY.1, JULY.2);
        let leader = |p: &Person, roles: &[Role], oversees: &[&str]| Person {
            roles: roles.to_vec(),
            oversees: oversees.iter().map(|s| (*s).into()).collect(),
            ..p.clone()
        };
        jia.change_from(july, &leader(&jia, &[Role::Leader], &[]));
        yi.change_from(july, &leader(&yi, &[Role::Secretary], &[]));
        bing.change_from(july, &leader(&bing, &[Role::Leader], &["人事部"]));
        ding.change_from(july, &leader(&ding, &[Role::Leader], &["财务部"]));
        wu.join_on(july);
    } else {
        wu.retired = true;
    }
    Roster::new(vec![
        jia,
        yi,
        bing,
        ding,
        person(5, "财务部长", &[Role::DeptHead], Some("财务部"), &[]),
        person(6, "人事部长", &[Role::DeptHead], Some("人事部"), &[]),
        wu,
    ])
}

fn one(rule: Rule, roster: &Roster, records: &[Record], year: i32, today: NaiveDate) -> Progress {
    let cat = Catalogue {
        duties: vec![Duty {
            id: DutyId("x".into()),
            list: ListId::Branch,
            seed_ref: "test".into(),
            title: "x".into(),
            title_en: "x".into(),
            text: String::new(),
            binds: Binds::Branch,
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

fn pairs(p: &Progress) -> Vec<(u32, u32)> {
    p.missing
        .iter()
        .filter_map(|m| match m {
            Missing::Pair { from, to } => Some((from.0, to.0)),
            _ => None,
        })
        .collect()
}

const SECRETARY: Rule = Rule::TalkCoverage {
    pairs: PairScope::SecretaryWithLeadersAndHeads,
};
const OVERSEEN: Rule = Rule::TalkCoverage {
    pairs: PairScope::LeadersWithOverseenHeads,
};

/// Talks by the 书记 with the head of 财务部 (5): they count when their host
/// was the 书记 on the talk's date, toward the pair owed by the 书记 of the
/// owing day.
#[rstest]
#[case::old_secretary_before_the_change(d(2026, 3, 2), 1, 1)]
#[case::old_secretary_on_the_eve(d(2026, 6, 30), 1, 1)]
#[case::old_secretary_after_the_change(d(2026, 7, 1), 1, 0)]
#[case::new_secretary_before_the_change(d(2026, 6, 30), 2, 0)]
#[case::new_secretary_on_the_day(d(2026, 7, 1), 2, 1)]
#[case::new_secretary_last_day(d(2026, 12, 31), 2, 1)]
fn secretary_talks_count_for_the_office(
    #[case] day: NaiveDate,
    #[case] host: u32,
    #[case] done: u32,
) {
    let roster = branch(true);
    let p = one(
        SECRETARY,
        &roster,
        &[talk(1, day, host, &[5])],
        2026,
        d(2027, 1, 20),
    );
    // Owed on 2026-12-31: 乙 with 甲, 丙, 丁, 5, 6 and 戊.
    assert_eq!(p.target, 6);
    assert_eq!(p.done, done);
    assert!(pairs(&p).iter().all(|(from, _)| *from == 2), "{p:?}");
}

/// 分管 talks with the head of 财务部 (5): 丙 oversaw 财务部 until June, 丁
/// from July. The pair owed on the owing day is (丁, 5).
#[rstest]
#[case::bing_while_overseeing(d(2026, 5, 1), 3, 1)]
#[case::bing_after_handing_over(d(2026, 8, 1), 3, 0)]
#[case::ding_before_taking_over(d(2026, 5, 1), 4, 0)]
#[case::ding_after_taking_over(d(2026, 8, 1), 4, 1)]
fn overseen_talks_count_for_whoever_oversaw_then(
    #[case] day: NaiveDate,
    #[case] host: u32,
    #[case] done: u32,
) {
    let roster = branch(true);
    let p = one(
        OVERSEEN,
        &roster,
        &[talk(1, day, host, &[5])],
        2026,
        d(2027, 1, 20),
    );
    assert_eq!(p.target, 2, "(丙, 人事部长) and (丁, 财务部长)");
    assert_eq!(p.done, done);
    let want: Vec<(u32, u32)> = [(3, 6), (4, 5)]
        .into_iter()
        .filter(|pair| done == 0 || *pair != (4, 5))
        .collect();
    assert_eq!(pairs(&p), want);
}

/// A year is owed by the roster of its owing day: mid-2026 (today in May)
/// still sees the old roster; 2025 never sees the 2026 changes.
#[rstest]
#[case::year_before_the_changes(2025, d(2027, 1, 20), vec![(3, 5), (4, 6)])]
#[case::year_running_before_the_changes(2026, d(2026, 5, 20), vec![(3, 5), (4, 6)])]
#[case::year_running_after_the_changes(2026, d(2026, 9, 1), vec![(3, 6), (4, 5)])]
#[case::year_ahead(2027, d(2026, 9, 1), vec![(3, 6), (4, 5)])]
fn the_owing_roster_by_year(
    #[case] year: i32,
    #[case] today: NaiveDate,
    #[case] owed: Vec<(u32, u32)>,
) {
    let p = one(OVERSEEN, &branch(true), &[], year, today);
    assert_eq!(pairs(&p), owed);
}

/// Changes from July 2026 leave every figure of 2025 as it was without them.
#[rstest]
#[case::secretary(SECRETARY)]
#[case::overseen(OVERSEEN)]
#[case::per_leader(Rule::PerPerson { who: RoleScope::Leadership, min: 1, per: Period::Year, by: Part::HostOrPartner })]
#[case::links(Rule::StandingRange { who: RoleScope::OtherLeaders, min: 1, max: 2 })]
fn a_later_change_leaves_an_earlier_year_alone(#[case] rule: Rule) {
    let records = [
        talk(1, d(2025, 3, 1), 1, &[5, 2]),
        talk(2, d(2025, 9, 1), 3, &[5]),
        talk(3, d(2025, 10, 1), 4, &[5]),
    ];
    let today = d(2027, 1, 20);
    let before = one(rule.clone(), &branch(false), &records, 2025, today);
    let after = one(rule, &branch(true), &records, 2025, today);
    assert_eq!(before, after);
}

/// Per-person duties: owed by who holds the scope on the owing day; a
/// record they made earlier in the year counts.
#[rstest]
#[case::new_secretary_owes(2026, d(2027, 1, 20), vec![], vec![2])]
#[case::new_secretary_did_it_in_march(2026, d(2027, 1, 20), vec![talk(1, d(2026, 3, 1), 2, &[6])], vec![])]
#[case::old_secretary_owes_nothing_more(2026, d(2027, 1, 20), vec![talk(1, d(2026, 3, 1), 1, &[6])], vec![2])]
#[case::old_secretary_owed_while_in_office(2026, d(2026, 6, 30), vec![], vec![1])]
fn per_person_duties_by_the_owing_roster(
    #[case] year: i32,
    #[case] today: NaiveDate,
    #[case] records: Vec<Record>,
    #[case] owed: Vec<u32>,
) {
    let rule = Rule::PerPerson {
        who: RoleScope::Secretary,
        min: 1,
        per: Period::Year,
        by: Part::HostOrPartner,
    };
    let p = one(rule, &branch(true), &records, year, today);
    let missing: Vec<u32> = p
        .missing
        .iter()
        .filter_map(|m| match m {
            Missing::Person { person } => Some(person.0),
            _ => None,
        })
        .collect();
    assert_eq!(missing, owed);
    assert_eq!(p.status == Status::Done, owed.is_empty());
}

/// Someone who joined in July is owed by the year; someone not yet joined
/// on the owing day is not.
#[rstest]
#[case::before_joining(d(2026, 6, 30), 4)]
#[case::after_joining(d(2026, 7, 1), 5)]
fn a_joiner_counts_from_joining(#[case] today: NaiveDate, #[case] leaders: u32) {
    let rule = Rule::PerPerson {
        who: RoleScope::Leadership,
        min: 1,
        per: Period::Year,
        by: Part::HostOrPartner,
    };
    let p = one(rule, &branch(true), &[], 2026, today);
    assert_eq!(p.target, leaders);
}
