#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Table-driven tests of the quota rules and the progress engine: every rule
//! kind, pace, leap years, year edges, over-achievement and empty rosters.
//! Catalogues are built here, so the embedded data cannot move the results.

use chrono::NaiveDate;
use rstest::rstest;
use taizhang::core::progress::{Progress, evaluate, required_pairs};
use taizhang::core::{
    Binds, Catalogue, Duty, DutyId, ListId, Missing, PairScope, Part, Period, Person, PersonId,
    Record, RecordId, RecordKind, Role, RoleScope, Roster, Rule, Status,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn duty(id: &str, parent: Option<&str>, rule: Rule) -> Duty {
    Duty {
        id: DutyId(id.into()),
        list: ListId::Branch,
        seed_ref: "test".into(),
        title: id.into(),
        title_en: id.into(),
        text: String::new(),
        binds: Binds::Branch,
        parent: parent.map(|p| DutyId(p.into())),
        counts: Vec::new(),
        rule,
        actor: None,
        one_to_one: false,
        source: "test".into(),
    }
}

fn rec(id: u64, date: NaiveDate, duties: &[&str]) -> Record {
    talk(id, date, None, &[], duties)
}

fn talk(id: u64, date: NaiveDate, host: Option<u32>, with: &[u32], duties: &[&str]) -> Record {
    Record {
        id: RecordId(id),
        kind: if with.is_empty() {
            RecordKind::Other
        } else {
            RecordKind::HeartTalk
        },
        date,
        topic: format!("r{id}"),
        host: host.map(PersonId),
        attendees: Vec::new(),
        absentees: Vec::new(),
        partners: with.iter().copied().map(PersonId).collect(),
        duties: duties.iter().map(|s| DutyId((*s).into())).collect(),
        notes: String::new(),
        evidence: Vec::new(),
        entered_by: "test".into(),
        entered_at: d(2026, 1, 1).and_hms_opt(0, 0, 0).unwrap(),
        covers_year: None,
    }
}

/// Records linked to duty `x`, one per date.
fn dated(dates: &[NaiveDate]) -> Vec<Record> {
    (0u64..)
        .zip(dates)
        .map(|(i, &day)| rec(i + 1, day, &["x"]))
        .collect()
}

fn person(id: u32, roles: &[Role], dept: Option<&str>, oversees: &[&str], links: usize) -> Person {
    Person {
        id: PersonId(id),
        name: format!("p{id}"),
        roles: roles.to_vec(),
        dept: dept.map(Into::into),
        oversees: oversees.iter().map(|s| (*s).into()).collect(),
        links: (0..links).map(|i| format!("link{i}")).collect(),
        retired: false,
        unix_user: None,
        history: taizhang::core::roster::History::default(),
    }
}

/// 1 secretary; 2 leader overseeing 办公室 and 财务; 3 deputy who also heads
/// 财务 and oversees 生产; 4 head of 办公室; 5 head of 生产; 6 member;
/// 7 retired leader; 8 retired head of 办公室.
fn branch() -> Roster {
    let mut retired_leader = person(7, &[Role::Leader], None, &["办公室"], 1);
    retired_leader.retired = true;
    let mut retired_head = person(8, &[Role::DeptHead], Some("办公室"), &[], 0);
    retired_head.retired = true;
    Roster::new(vec![
        person(1, &[Role::Secretary], None, &[], 1),
        person(2, &[Role::Leader], None, &["办公室", "财务"], 0),
        person(
            3,
            &[Role::DeputySecretary, Role::DeptHead],
            Some("财务"),
            &["生产"],
            3,
        ),
        person(4, &[Role::DeptHead], Some("办公室"), &[], 0),
        person(5, &[Role::DeptHead], Some("生产"), &[], 0),
        person(6, &[Role::Member], None, &[], 0),
        retired_leader,
        retired_head,
    ])
}

fn one(rule: Rule, roster: &Roster, records: &[Record], year: i32, today: NaiveDate) -> Progress {
    let cat = Catalogue {
        duties: vec![duty("x", None, rule)],
    };
    evaluate(&cat, roster, records, year, today).remove(0)
}

fn count(min: u32, per: Period) -> Rule {
    Rule::Count { min, per }
}

#[rstest]
#[case::over_achievement_shows(12, 14, d(2026, 6, 1), 14, 4, Status::Done)]
#[case::behind_pace(12, 3, d(2026, 7, 2), 3, 6, Status::Behind)]
#[case::on_pace(12, 6, d(2026, 7, 2), 6, 6, Status::OnTrack)]
#[case::last_day_unmet_is_behind(1, 0, d(2026, 12, 31), 0, 1, Status::Behind)]
#[case::year_over_unmet_is_overdue(12, 11, d(2027, 1, 5), 11, 12, Status::Overdue)]
#[case::before_the_year_expects_nothing(2, 0, d(2025, 12, 1), 0, 0, Status::OnTrack)]
fn yearly_count(
    #[case] min: u32,
    #[case] n: u32,
    #[case] today: NaiveDate,
    #[case] done: u32,
    #[case] expected: u32,
    #[case] status: Status,
) {
    let dates: Vec<_> = (0..n).map(|i| d(2026, 1, 1 + i % 28)).collect();
    let p = one(
        count(min, Period::Year),
        &Roster::default(),
        &dated(&dates),
        2026,
        today,
    );
    assert_eq!(
        (p.done, p.target, p.expected, p.status),
        (done, min, expected, status)
    );
    assert!(p.ratio() <= 1.0 && p.ratio() >= 0.0);
    assert_eq!(p.missing.is_empty(), status == Status::Done);
}

#[rstest]
#[case::march_missed_not_made_up_by_april(
    count(1, Period::Month), &[d(2026, 1, 5), d(2026, 2, 5), d(2026, 4, 1), d(2026, 4, 2)],
    d(2026, 4, 30), 3, 12, 4, Status::Overdue)]
#[case::quarter_pro_rata_rounds_down(
    count(2, Period::Quarter), &[d(2026, 1, 5), d(2026, 3, 31), d(2026, 4, 1)],
    d(2026, 5, 15), 3, 8, 2, Status::OnTrack)]
#[case::q1_surplus_does_not_cover_q2(
    count(2, Period::Quarter), &[d(2026, 1, 1), d(2026, 1, 2), d(2026, 2, 1), d(2026, 3, 1)],
    d(2026, 6, 30), 2, 8, 4, Status::Behind)]
#[case::q2_over_and_missed(
    count(2, Period::Quarter), &[d(2026, 1, 1), d(2026, 1, 2), d(2026, 2, 1), d(2026, 3, 1)],
    d(2026, 7, 1), 2, 8, 4, Status::Overdue)]
#[case::half_years_met(
    count(1, Period::HalfYear), &[d(2026, 2, 1), d(2026, 8, 1)], d(2026, 9, 1), 2, 2, 1, Status::Done)]
#[case::half_year_edge_june_30(
    count(1, Period::HalfYear), &[d(2026, 6, 30)], d(2026, 6, 30), 1, 2, 1, Status::OnTrack)]
#[case::monthly_pace_in_leap_february(
    count(2, Period::Month), &[d(2024, 1, 1), d(2024, 1, 2), d(2024, 2, 1)],
    d(2024, 2, 15), 3, 24, 3, Status::OnTrack)]
fn bucket_count(
    #[case] rule: Rule,
    #[case] dates: &[NaiveDate],
    #[case] today: NaiveDate,
    #[case] done: u32,
    #[case] target: u32,
    #[case] expected: u32,
    #[case] status: Status,
) {
    let year = chrono::Datelike::year(&today);
    let p = one(rule, &Roster::default(), &dated(dates), year, today);
    assert_eq!(
        (p.done, p.target, p.expected, p.status),
        (done, target, expected, status)
    );
}

#[test]
fn bucket_missing_lists_short_buckets_with_past_flags() {
    let recs = dated(&[d(2026, 1, 5), d(2026, 2, 5), d(2026, 4, 1), d(2026, 4, 2)]);
    let p = one(
        count(1, Period::Month),
        &Roster::default(),
        &recs,
        2026,
        d(2026, 5, 10),
    );
    let short: Vec<(u32, u32, bool)> = p
        .missing
        .iter()
        .map(|m| match m {
            Missing::Period {
                period: Period::Month,
                index,
                have,
                need: 1,
                past,
            } => (*index, *have, *past),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    let want: Vec<(u32, u32, bool)> = std::iter::once((3, 0, true))
        .chain((5..=12).map(|m| (m, 0, false)))
        .collect();
    assert_eq!(short, want);
    assert_eq!(p.next_due, Some(d(2026, 5, 31)));
}

#[rstest]
#[case::leap_mid_year(2024, d(2024, 7, 1), 12, 6)]
#[case::common_mid_year(2025, d(2025, 7, 1), 12, 5)]
#[case::leap_day(2024, d(2024, 2, 29), 366, 60)]
#[case::common_march_first(2025, d(2025, 3, 1), 365, 60)]
#[case::first_day(2026, d(2026, 1, 1), 365, 1)]
#[case::first_day_small_quota(2026, d(2026, 1, 1), 12, 0)]
#[case::last_day(2026, d(2026, 12, 31), 7, 7)]
#[case::thirds_are_exact(2026, d(2026, 12, 31), 3, 3)]
#[case::before(2026, d(2025, 12, 31), 12, 0)]
#[case::after(2026, d(2027, 3, 1), 12, 12)]
fn yearly_pace(
    #[case] year: i32,
    #[case] today: NaiveDate,
    #[case] min: u32,
    #[case] expected: u32,
) {
    let p = one(
        count(min, Period::Year),
        &Roster::default(),
        &[],
        year,
        today,
    );
    assert_eq!(p.expected, expected);
}

#[rstest]
#[case::last_day_of_old_year_is_not_counted(d(2025, 12, 31), 0)]
#[case::first_day_counts(d(2026, 1, 1), 1)]
#[case::last_day_counts(d(2026, 12, 31), 1)]
#[case::next_year_is_not_counted(d(2027, 1, 1), 0)]
fn year_edges(
    #[case] date: NaiveDate,
    #[case] done: u32,
    #[values(Period::Year, Period::Month)] per: Period,
) {
    let p = one(
        count(1, per),
        &Roster::default(),
        &dated(&[date]),
        2026,
        d(2026, 6, 1),
    );
    assert_eq!(p.done, done);
    assert_eq!(p.records.len(), usize::try_from(done).unwrap());
}

#[test]
fn a_record_counts_only_for_listed_duties_and_once() {
    let recs = vec![
        rec(1, d(2026, 3, 1), &["x", "x"]),
        rec(2, d(2026, 3, 2), &["y"]),
        rec(3, d(2026, 3, 3), &[]),
        rec(4, d(2026, 3, 4), &["y", "x"]),
    ];
    let mut twice = recs.clone();
    twice.push(recs[0].clone());
    let p = one(
        count(5, Period::Year),
        &Roster::default(),
        &twice,
        2026,
        d(2026, 4, 1),
    );
    assert_eq!(p.done, 2);
    assert_eq!(p.records, vec![RecordId(1), RecordId(4)]);
}

fn roster_rules() -> [Rule; 5] {
    [
        Rule::PerPerson {
            who: RoleScope::Leadership,
            min: 1,
            per: Period::Year,
            by: Part::HostOrPartner,
        },
        Rule::TalkCoverage {
            pairs: PairScope::SecretaryWithLeadersAndHeads,
        },
        Rule::TalkCoverage {
            pairs: PairScope::LeadersWithOverseenHeads,
        },
        Rule::StandingRange {
            who: RoleScope::Leadership,
            min: 1,
            max: 2,
        },
        Rule::Deadline { month: 3, day: 31 },
    ]
}

#[rstest]
fn unmet_rules_expect_nothing_before_the_year_and_are_overdue_after(
    #[values(0, 1, 2, 3, 4)] which: usize,
    #[values(count(1, Period::Year), count(1, Period::Quarter))] extra: Rule,
) {
    for rule in [roster_rules()[which].clone(), extra] {
        let before = one(rule.clone(), &branch(), &[], 2026, d(2025, 12, 31));
        assert_eq!(before.expected, 0, "{rule:?}");
        assert_eq!(before.status, Status::OnTrack, "{rule:?}");
        let after = one(rule.clone(), &branch(), &[], 2026, d(2027, 1, 1));
        assert_eq!(after.status, Status::Overdue, "{rule:?}");
        assert_eq!(after.expected, after.target, "{rule:?}");
    }
}

#[rstest]
#[case::per_person(Rule::PerPerson { who: RoleScope::Leadership, min: 1, per: Period::Year, by: Part::HostOrPartner }, RoleScope::Leadership)]
#[case::heads(Rule::PerPerson { who: RoleScope::DeptHeads, min: 1, per: Period::Year, by: Part::HostOrPartner }, RoleScope::DeptHeads)]
#[case::secretary_talks(Rule::TalkCoverage { pairs: PairScope::SecretaryWithLeadersAndHeads }, RoleScope::Secretary)]
#[case::leader_talks(Rule::TalkCoverage { pairs: PairScope::LeadersWithOverseenHeads }, RoleScope::OtherLeaders)]
#[case::standing(Rule::StandingRange { who: RoleScope::OtherLeaders, min: 1, max: 3 }, RoleScope::OtherLeaders)]
fn empty_roster_has_no_quota(
    #[case] rule: Rule,
    #[case] scope: RoleScope,
    #[values(false, true)] only_retired: bool,
) {
    let roster = if only_retired {
        let mut r = branch();
        r.people.iter_mut().for_each(|p| p.retired = true);
        r
    } else {
        Roster::default()
    };
    let p = one(
        rule,
        &roster,
        &[talk(1, d(2026, 2, 1), Some(1), &[2], &["x"])],
        2026,
        d(2026, 6, 1),
    );
    assert_eq!(p.status, Status::NoQuota);
    assert_eq!(p.missing, vec![Missing::NoOne { scope }]);
    assert_eq!((p.target, p.ratio()), (0, 0.0));
}

#[rstest]
#[case::leadership_one_each(RoleScope::Leadership, 1, &[(1, vec![6]), (6, vec![2])], 2, vec![3])]
#[case::two_each(RoleScope::Leadership, 2, &[(1, vec![2, 3]), (2, vec![1])], 2, vec![3])]
#[case::heads(RoleScope::DeptHeads, 1, &[(1, vec![3, 4])], 2, vec![5])]
#[case::retired_not_counted(RoleScope::OtherLeaders, 1, &[(7, vec![2])], 1, vec![3])]
fn per_person(
    #[case] who: RoleScope,
    #[case] min: u32,
    #[case] talks: &[(u32, Vec<u32>)],
    #[case] done: u32,
    #[case] missing: Vec<u32>,
) {
    let recs: Vec<_> = (1u64..)
        .zip(talks)
        .map(|(i, (h, w))| talk(i, d(2026, 2, 1), Some(*h), w, &["x"]))
        .collect();
    let p = one(
        Rule::PerPerson {
            who,
            min,
            per: Period::Year,
            by: Part::HostOrPartner,
        },
        &branch(),
        &recs,
        2026,
        d(2026, 3, 1),
    );
    assert_eq!(p.done, done);
    let people: Vec<_> = missing
        .into_iter()
        .map(|id| Missing::Person {
            person: PersonId(id),
        })
        .collect();
    assert_eq!(p.missing, people);
    assert_eq!(p.target, done + u32::try_from(p.missing.len()).unwrap());
}

#[rstest]
#[case::secretary(PairScope::SecretaryWithLeadersAndHeads, vec![(1, 2), (1, 3), (1, 4), (1, 5)])]
#[case::leaders(PairScope::LeadersWithOverseenHeads, vec![(2, 4), (2, 3), (3, 5)])]
fn required_pairs_from_the_roster(#[case] scope: PairScope, #[case] want: Vec<(u32, u32)>) {
    let mut roster = branch();
    // The same department twice must still give one pair.
    roster.people[1].oversees.push("办公室".into());
    let got: Vec<(u32, u32)> = required_pairs(&roster, scope)
        .into_iter()
        .map(|(a, b)| (a.0, b.0))
        .collect();
    assert_eq!(got, want);
}

#[rstest]
#[case::group_talk_covers_each(PairScope::SecretaryWithLeadersAndHeads, 1, vec![2, 4], 2)]
#[case::wrong_direction_does_not(PairScope::SecretaryWithLeadersAndHeads, 2, vec![1], 0)]
#[case::retired_partner_is_not_required(PairScope::SecretaryWithLeadersAndHeads, 1, vec![7, 8], 0)]
#[case::leader_with_head(PairScope::LeadersWithOverseenHeads, 2, vec![3, 4, 5], 2)]
fn talk_coverage(
    #[case] scope: PairScope,
    #[case] host: u32,
    #[case] with: Vec<u32>,
    #[case] done: u32,
) {
    let recs = [
        talk(1, d(2026, 2, 1), Some(host), &with, &["x"]),
        talk(2, d(2026, 2, 1), Some(host), &with, &["y"]),
    ];
    let p = one(
        Rule::TalkCoverage { pairs: scope },
        &branch(),
        &recs,
        2026,
        d(2026, 3, 1),
    );
    let total = u32::try_from(required_pairs(&branch(), scope).len()).unwrap();
    assert_eq!((p.done, p.target), (done, total));
    assert_eq!(p.missing.len(), usize::try_from(total - done).unwrap());
}

#[rstest]
#[case::leadership(RoleScope::Leadership, 1, 2, 1, vec![(2, 0), (3, 3)], Status::Behind)]
#[case::wide_range(RoleScope::Leadership, 0, 3, 3, vec![], Status::Done)]
#[case::secretary(RoleScope::Secretary, 1, 1, 1, vec![], Status::Done)]
fn standing_range(
    #[case] who: RoleScope,
    #[case] min: u32,
    #[case] max: u32,
    #[case] done: u32,
    #[case] out: Vec<(u32, u32)>,
    #[case] status: Status,
) {
    let p = one(
        Rule::StandingRange { who, min, max },
        &branch(),
        &[],
        2026,
        d(2026, 3, 1),
    );
    assert_eq!((p.done, p.status), (done, status));
    let want: Vec<_> = out
        .into_iter()
        .map(|(id, have)| Missing::OutOfRange {
            person: PersonId(id),
            have,
            min,
            max,
        })
        .collect();
    assert_eq!(p.missing, want);
}

#[rstest]
#[case::done_early(3, 31, Some(d(2026, 3, 10)), d(2026, 3, 20), 0, Status::Done, None)]
#[case::open(3, 31, None, d(2026, 3, 20), 0, Status::OnTrack, Some(d(2026, 3, 31)))]
#[case::due_today(3, 31, None, d(2026, 3, 31), 1, Status::Behind, Some(d(2026, 3, 31)))]
#[case::passed(3, 31, None, d(2026, 4, 1), 1, Status::Overdue, None)]
#[case::late_is_its_own_state(3, 31, Some(d(2026, 4, 5)), d(2026, 4, 10), 1, Status::Late, None)]
#[case::on_the_day_is_done(3, 31, Some(d(2026, 3, 31)), d(2026, 4, 10), 1, Status::Done, None)]
#[case::leap_day_itself_is_done(2, 29, Some(d(2024, 2, 29)), d(2024, 3, 1), 1, Status::Done, None)]
#[case::day_after_leap_fallback_is_late(
    2,
    29,
    Some(d(2025, 3, 1)),
    d(2025, 3, 2),
    1,
    Status::Late,
    None
)]
#[case::leap_day_in_common_year(2, 29, None, d(2025, 3, 1), 1, Status::Overdue, None)]
#[case::leap_day_common_due_on_28th(
    2,
    29,
    None,
    d(2025, 2, 28),
    1,
    Status::Behind,
    Some(d(2025, 2, 28))
)]
#[case::leap_day_in_leap_year(
    2,
    29,
    None,
    d(2024, 2, 28),
    0,
    Status::OnTrack,
    Some(d(2024, 2, 29))
)]
#[case::april_31_is_april_30(4, 31, None, d(2026, 5, 1), 1, Status::Overdue, None)]
fn deadline(
    #[case] month: u32,
    #[case] day: u32,
    #[case] done_on: Option<NaiveDate>,
    #[case] today: NaiveDate,
    #[case] expected: u32,
    #[case] status: Status,
    #[case] next_due: Option<NaiveDate>,
) {
    let year = chrono::Datelike::year(&today);
    let rule = Rule::Deadline { month, day };
    let due = rule.deadline_in(year).unwrap();
    assert!(due.format("%m-%d").to_string() <= format!("{month:02}-{day:02}"));
    let recs = dated(&done_on.into_iter().collect::<Vec<_>>());
    let p = one(rule, &Roster::default(), &recs, year, today);
    assert_eq!(
        (p.target, p.expected, p.status, p.next_due),
        (1, expected, status, next_due)
    );
    let want = if status.is_met() {
        vec![]
    } else {
        vec![Missing::Deadline { date: due }]
    };
    assert_eq!(p.missing, want);
    let late = p.late.map(|l| (l.due, l.done_on));
    let want_late = (status == Status::Late).then(|| (due, done_on.unwrap()));
    assert_eq!(late, want_late);
}

#[test]
fn parents_roll_up_children_deepest_first() {
    // Catalogue order puts parents before children, so a one-pass roll-up
    // would see "mid" still without a quota.
    let cat = Catalogue {
        duties: vec![
            duty("top", None, Rule::Evidence),
            duty("mid", Some("top"), Rule::Evidence),
            duty("a", Some("mid"), count(1, Period::Year)),
            duty("b", Some("mid"), Rule::Deadline { month: 3, day: 1 }),
            duty("c", Some("mid"), Rule::Evidence),
            duty("solo", Some("top"), count(1, Period::Year)),
        ],
    };
    let recs = vec![rec(1, d(2026, 1, 5), &["a", "solo"])];
    let all = evaluate(&cat, &Roster::default(), &recs, 2026, d(2026, 4, 1));
    let get = |id: &str| all.iter().find(|p| p.duty.0 == id).unwrap();
    let mid = get("mid");
    assert_eq!((mid.done, mid.target, mid.status), (1, 2, Status::Overdue));
    assert_eq!(
        mid.missing,
        vec![Missing::Child {
            duty: DutyId("b".into())
        }]
    );
    let top = get("top");
    assert_eq!((top.done, top.target, top.status), (1, 2, Status::Overdue));
    assert_eq!(get("c").status, Status::NoQuota);
}

#[test]
fn parent_cycle_does_not_hang() {
    let cat = Catalogue {
        duties: vec![
            duty("p", Some("q"), Rule::Evidence),
            duty("q", Some("p"), Rule::Evidence),
        ],
    };
    let all = evaluate(&cat, &Roster::default(), &[], 2026, d(2026, 4, 1));
    assert!(all.iter().all(|p| p.status == Status::NoQuota));
}

#[rstest]
#[case::year_first(Period::Year, 2024, 1, d(2024, 1, 1), d(2024, 12, 31))]
#[case::h1(Period::HalfYear, 2026, 1, d(2026, 1, 1), d(2026, 6, 30))]
#[case::h2(Period::HalfYear, 2026, 2, d(2026, 7, 1), d(2026, 12, 31))]
#[case::q1_leap(Period::Quarter, 2024, 1, d(2024, 1, 1), d(2024, 3, 31))]
#[case::q4(Period::Quarter, 2025, 4, d(2025, 10, 1), d(2025, 12, 31))]
#[case::feb_leap(Period::Month, 2024, 2, d(2024, 2, 1), d(2024, 2, 29))]
#[case::feb_common(Period::Month, 2025, 2, d(2025, 2, 1), d(2025, 2, 28))]
#[case::dec(Period::Month, 2025, 12, d(2025, 12, 1), d(2025, 12, 31))]
fn period_bounds(
    #[case] per: Period,
    #[case] year: i32,
    #[case] index: u32,
    #[case] start: NaiveDate,
    #[case] end: NaiveDate,
) {
    assert_eq!(per.bounds(year, index), Some((start, end)));
    assert_eq!((per.bucket_of(start), per.bucket_of(end)), (index, index));
    assert!(per.bounds(year, 0).is_none() && per.bounds(year, per.buckets() + 1).is_none());
    if let Some(before) = start
        .pred_opt()
        .filter(|b| chrono::Datelike::year(b) == year)
    {
        assert_eq!(per.bucket_of(before), index - 1);
    }
}

#[rstest]
#[case::half(3, 12, Status::Behind, 0.25)]
#[case::over(14, 12, Status::Done, 1.0)]
#[case::huge(u32::MAX, 1, Status::Done, 1.0)]
#[case::zero_target_done(0, 0, Status::Done, 1.0)]
#[case::zero_target_open(0, 0, Status::NoQuota, 0.0)]
#[case::evidence_with_records(5, 0, Status::NoQuota, 0.0)]
fn ratio_is_clamped(
    #[case] done: u32,
    #[case] target: u32,
    #[case] status: Status,
    #[case] want: f64,
) {
    let p = Progress {
        duty: DutyId("x".into()),
        done,
        target,
        expected: done.saturating_mul(2),
        status,
        missing: vec![],
        records: vec![],
        next_due: None,
        not_counted: vec![],
        pairs: vec![],
        classes: vec![],
        late: None,
        persons: vec![],
    };
    assert!((p.ratio() - want).abs() < f64::EPSILON);
    for r in [p.ratio(), p.expected_ratio()] {
        assert!(!r.is_nan() && (0.0..=1.0).contains(&r));
    }
}

#[rstest]
#[case::met(2, 2, 5, true, Status::Done)]
#[case::past_due(1, 2, 0, true, Status::Overdue)]
#[case::behind(1, 4, 2, false, Status::Behind)]
#[case::on_track(2, 4, 2, false, Status::OnTrack)]
fn judge(
    #[case] done: u32,
    #[case] target: u32,
    #[case] expected: u32,
    #[case] past: bool,
    #[case] want: Status,
) {
    assert_eq!(Status::judge(done, target, expected, past), want);
}
