#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The branch's own words in the core, table-driven: the committee roles the
//! 支部工作条例 sets up, the kinds a branch names its work by (a 专题会议 on
//! another subject counts toward nothing), evidence duties that flag a past
//! year with nothing on file, and how records reach every duty.

use chrono::NaiveDate;
use rstest::rstest;
use taizhang::core::progress::{evaluate, tally};
use taizhang::core::record::NewRecord;
use taizhang::core::{
    Binds, Catalogue, Duty, DutyId, ListId, Person, PersonId, Record, RecordId, RecordKind,
    RecordPath, Role, RoleScope, Roster, Rule, Status,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn evidence_duty(id: &str) -> Duty {
    Duty {
        id: DutyId(id.into()),
        list: ListId::Branch,
        seed_ref: "三(一)(6)".into(),
        title: id.into(),
        title_en: id.into(),
        text: String::new(),
        binds: Binds::Branch,
        parent: None,
        counts: Vec::new(),
        rule: Rule::Evidence,
        actor: None,
        one_to_one: false,
        source: "三(一)(6)".into(),
    }
}

fn rec(id: u64, date: NaiveDate, duty: &str) -> Record {
    Record {
        id: RecordId(id),
        kind: RecordKind::Other,
        date,
        topic: format!("r{id}"),
        host: None,
        attendees: Vec::new(),
        absentees: Vec::new(),
        partners: Vec::new(),
        duties: vec![DutyId(duty.into())],
        notes: String::new(),
        evidence: Vec::new(),
        entered_by: "test".into(),
        entered_at: d(2026, 1, 1).and_hms_opt(0, 0, 0).unwrap(),
        covers_year: None,
    }
}

#[rstest]
#[case::organization("组织委员", Role::OrganizationMember)]
#[case::propaganda("宣传委员", Role::PropagandaMember)]
#[case::organization_en("organization member", Role::OrganizationMember)]
#[case::organization_snake("organization_member", Role::OrganizationMember)]
#[case::propaganda_snake("Propaganda_Member", Role::PropagandaMember)]
#[case::organizer("organizer", Role::OrganizationMember)]
#[case::committee("委员", Role::CommitteeMember)]
#[case::discipline("纪检委员", Role::DisciplineMember)]
fn committee_roles_parse(#[case] input: &str, #[case] want: Role) {
    assert_eq!(Role::parse(input), Some(want));
    // Each role reads back from its own words in both languages.
    assert_eq!(Role::parse(want.zh()), Some(want));
    assert_eq!(Role::parse(want.en()), Some(want));
}

#[rstest]
#[case::organization(Role::OrganizationMember, true)]
#[case::propaganda(Role::PropagandaMember, true)]
#[case::discipline(Role::DisciplineMember, true)]
#[case::committee(Role::CommitteeMember, true)]
#[case::member(Role::Member, false)]
#[case::head(Role::DeptHead, false)]
fn committee_scope_holds_the_committee_roles(#[case] role: Role, #[case] in_committee: bool) {
    let p = Person {
        id: PersonId(1),
        name: "甲".into(),
        roles: vec![role],
        dept: None,
        oversees: Vec::new(),
        links: Vec::new(),
        retired: false,
        unix_user: None,
        history: taizhang::core::roster::History::default(),
    };
    assert_eq!(p.in_scope(RoleScope::Committee), in_committee);
    // A committee role is not a leadership role (班子成员).
    if role != Role::Member && role != Role::DeptHead {
        assert!(!p.is_leadership());
    }
    assert!(Role::ALL.contains(&role));
}

#[rstest]
#[case::on_strict_governance("全面从严治党专题会议", RecordKind::SpecialMeeting)]
#[case::short_name("全面从严治党专题会", RecordKind::SpecialMeeting)]
#[case::integrity("党风廉政建设专题会议", RecordKind::SpecialMeeting)]
#[case::any_subject("专题会议", RecordKind::TopicMeeting)]
#[case::other_subject("其他专题会议", RecordKind::TopicMeeting)]
#[case::report("向上级党委报告", RecordKind::AnnualReport)]
#[case::report_short("向上级报告", RecordKind::AnnualReport)]
fn the_branch_names_for_kinds_parse(#[case] input: &str, #[case] want: RecordKind) {
    assert_eq!(RecordKind::parse(input), Some(want));
}

#[rstest]
#[case::special(RecordKind::SpecialMeeting, &["b2", "s2", "m2r", "k1-3b"])]
#[case::topic(RecordKind::TopicMeeting, &[])]
#[case::report(RecordKind::AnnualReport, &["s1", "s10", "g1"])]
fn only_a_meeting_on_strict_governance_counts_toward_its_duties(
    #[case] kind: RecordKind,
    #[case] want: &[&str],
) {
    let c = Catalogue::embedded();
    let got: Vec<String> = c.prefill(kind).iter().map(|id| id.0.clone()).collect();
    assert_eq!(got, want);
}

#[test]
fn a_safety_meeting_does_not_count_toward_strict_governance() {
    let c = Catalogue::embedded();
    let draft = NewRecord {
        kind: RecordKind::parse("专题会议"),
        date: Some(d(2025, 3, 3)),
        topic: "安全生产专题会议".into(),
        ..NewRecord::default()
    }
    .validate(&c, &Roster::default())
    .unwrap();
    assert!(draft.duties.is_empty(), "{:?}", draft.duties);
}

/// (year judged, today, records on file, status, counted as no evidence)
#[rstest]
#[case::past_year_nothing(2025, d(2026, 3, 1), 0, Status::NoEvidence, 1)]
#[case::past_year_on_file(2025, d(2026, 3, 1), 2, Status::NoQuota, 0)]
#[case::last_day_of_year(2025, d(2025, 12, 31), 0, Status::NoQuota, 0)]
#[case::first_day_after(2025, d(2026, 1, 1), 0, Status::NoEvidence, 1)]
#[case::this_year_nothing(2026, d(2026, 3, 1), 0, Status::NoQuota, 0)]
#[case::future_year(2027, d(2026, 3, 1), 0, Status::NoQuota, 0)]
fn a_past_year_with_no_evidence_is_flagged(
    #[case] year: i32,
    #[case] today: NaiveDate,
    #[case] n: u64,
    #[case] want: Status,
    #[case] flagged: u32,
) {
    let cat = Catalogue {
        duties: vec![evidence_duty("e")],
    };
    let recs: Vec<Record> = (1..=n).map(|i| rec(i, d(year, 5, 1), "e")).collect();
    let all = evaluate(&cat, &Roster::default(), &recs, year, today);
    assert_eq!(all[0].status, want);
    assert_eq!(all[0].records.len(), usize::try_from(n).unwrap());
    let t = tally(&all);
    assert_eq!(t.no_evidence, flagged);
    assert_eq!(t.behind_total(), flagged, "counted in what is behind");
}

#[test]
fn a_parent_is_judged_by_its_sub_duties_not_flagged_for_evidence() {
    let mut kid = evidence_duty("k");
    kid.parent = Some(DutyId("p".into()));
    kid.rule = Rule::Count {
        min: 1,
        per: taizhang::core::Period::Year,
    };
    let cat = Catalogue {
        duties: vec![evidence_duty("p"), kid],
    };
    let recs = vec![rec(1, d(2025, 5, 1), "k")];
    let all = evaluate(&cat, &Roster::default(), &recs, 2025, d(2026, 2, 1));
    assert_eq!(all[0].status, Status::Done);
}

/// The 13 duties the embedded catalogue gave no default record kind: each
/// now has a kind, is judged by its sub-duties or the roster, or is linked
/// by hand with `--duty` and its title, which the record form resolves.
#[rstest]
#[case::b6("b6", "by_hand")]
#[case::s1("s1", "kinds")]
#[case::s7("s7", "by_hand")]
#[case::s9("s9", "by_hand")]
#[case::m1("m1", "kinds")]
#[case::m3("m3", "kinds")]
#[case::m7("m7", "by_hand")]
#[case::k1_2("k1-2", "sub_duties")]
#[case::k1_3("k1-3", "sub_duties")]
#[case::k3_2("k3-2", "kinds")]
#[case::k4_3("k4-3", "by_hand")]
#[case::k5_1("k5-1", "roster")]
#[case::g3("g3", "by_hand")]
fn every_duty_has_a_record_path(#[case] id: &str, #[case] want: &str) {
    let c = Catalogue::embedded();
    let duty = c.duty(&DutyId(id.into())).unwrap();
    let path = c.record_path(duty);
    let got = match &path {
        RecordPath::Kinds { kinds } => {
            assert!(!kinds.is_empty());
            "kinds"
        }
        RecordPath::SubDuties => "sub_duties",
        RecordPath::Roster => "roster",
        RecordPath::ByHand => "by_hand",
    };
    assert_eq!(got, want, "{id}");
    if path == RecordPath::ByHand {
        // The hint names the duty by title; a record linked that way counts.
        for name in [&duty.title, &duty.title_en, &duty.id.0] {
            let draft = NewRecord {
                kind: Some(RecordKind::Other),
                date: Some(d(2025, 6, 1)),
                topic: "研究干部选拔任用".into(),
                duties: Some(vec![name.clone()]),
                ..NewRecord::default()
            }
            .validate(&c, &Roster::default())
            .unwrap();
            assert_eq!(draft.duties, vec![duty.id.clone()], "{id} by {name}");
        }
    }
}

#[test]
fn no_duty_is_left_without_a_record_path() {
    let c = Catalogue::embedded();
    for d in &c.duties {
        match c.record_path(d) {
            RecordPath::Kinds { kinds } => assert_eq!(kinds, d.counts),
            RecordPath::SubDuties => assert!(c.children(&d.id).next().is_some()),
            RecordPath::Roster => assert!(matches!(d.rule, Rule::StandingRange { .. })),
            RecordPath::ByHand => assert!(
                matches!(d.rule, Rule::Evidence) && d.counts.is_empty(),
                "{}: a duty with a number to meet needs a kind that counts toward it",
                d.id
            ),
        }
    }
    let by_hand = c
        .duties
        .iter()
        .filter(|d| c.record_path(d) == RecordPath::ByHand)
        .count();
    assert_eq!(by_hand, 6, "duties linked only by hand");
}
