#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Table-driven tests of input validation: each bad `NewRecord` or
//! `NewPerson` is refused with the field at fault named, and names resolve
//! against the roster as documented.

use chrono::NaiveDate;
use rstest::rstest;
use taizhang::core::error::Problem;
use taizhang::core::record::{MAX_NOTES, MAX_TOPIC};
use taizhang::core::{
    Binds, Catalogue, Duty, DutyId, Field, ListId, NewPerson, NewRecord, Person, PersonId,
    RecordKind, Role, Roster, Rule,
};

fn duty(id: &str, counts: &[RecordKind]) -> Duty {
    Duty {
        id: DutyId(id.into()),
        list: ListId::Branch,
        seed_ref: "test".into(),
        title: id.into(),
        title_en: id.into(),
        text: String::new(),
        binds: Binds::Branch,
        parent: None,
        counts: counts.to_vec(),
        rule: Rule::Evidence,
        actor: None,
        one_to_one: false,
        source: "test".into(),
    }
}

fn catalogue() -> Catalogue {
    Catalogue {
        duties: vec![
            duty("meet", &[RecordKind::GeneralMeeting]),
            duty("talk", &[RecordKind::HeartTalk]),
            duty("talk2", &[RecordKind::HeartTalk, RecordKind::IntegrityTalk]),
            duty("other", &[]),
        ],
    }
}

fn person(id: u32, name: &str, retired: bool) -> Person {
    Person {
        id: PersonId(id),
        name: name.into(),
        roles: vec![Role::Member],
        dept: None,
        oversees: vec![],
        links: vec![],
        retired,
        unix_user: None,
        history: taizhang::core::roster::History::default(),
    }
}

/// 张三, 李四, two active 王五 (3 and 4) and a retired 赵六 (5).
fn roster() -> Roster {
    Roster::new(vec![
        person(1, "张三", false),
        person(2, "李四", false),
        person(3, "王五", false),
        person(4, "王五", false),
        person(5, "赵六", true),
    ])
}

/// A valid heart-to-heart talk, changed by `f`.
fn talk(f: impl FnOnce(&mut NewRecord)) -> NewRecord {
    let mut r = NewRecord {
        kind: Some(RecordKind::HeartTalk),
        date: NaiveDate::from_ymd_opt(2026, 3, 1),
        host: Some("张三".into()),
        partners: vec!["李四".into()],
        ..NewRecord::default()
    };
    f(&mut r);
    r
}

fn s(x: &str) -> String {
    x.to_string()
}

#[rstest]
#[case::no_kind(talk(|r| r.kind = None), Field::Kind, Problem::Required)]
#[case::no_date(talk(|r| r.date = None), Field::Date, Problem::Required)]
#[case::meeting_without_topic(talk(|r| { r.kind = Some(RecordKind::GeneralMeeting); r.topic = s(" \n ") }), Field::Topic, Problem::Required)]
#[case::topic_too_long(talk(|r| r.topic = "题".repeat(MAX_TOPIC + 1)), Field::Topic, Problem::TooLong { max: MAX_TOPIC, got: MAX_TOPIC + 1 })]
#[case::notes_too_long(talk(|r| r.notes = "x".repeat(MAX_NOTES + 1)), Field::Notes, Problem::TooLong { max: 20_000, got: 20_001 })]
#[case::unknown_host(talk(|r| r.host = Some(s("nobody"))), Field::Host, Problem::UnknownPerson(s("nobody")))]
#[case::ambiguous_host(talk(|r| r.host = Some(s("王五"))), Field::Host, Problem::AmbiguousPerson(s("王五"), vec![PersonId(3), PersonId(4)]))]
#[case::retired_partner(talk(|r| r.partners = vec![s("赵六")]), Field::Partners, Problem::RetiredPerson(s("赵六")))]
#[case::talk_without_host(talk(|r| r.host = Some(s("  "))), Field::Host, Problem::Required)]
#[case::talk_without_partner(talk(|r| r.partners = vec![s(" ")]), Field::Partners, Problem::Required)]
#[case::partner_is_host(talk(|r| r.partners = vec![s("李四"), s("张三")]), Field::Partners, Problem::TalkWithSelf)]
#[case::partner_is_host_by_id(talk(|r| r.partners = vec![s("#1")]), Field::Partners, Problem::TalkWithSelf)]
#[case::partner_twice(talk(|r| r.partners = vec![s("李四"), s("#2")]), Field::Partners, Problem::Duplicate(s("#2")))]
#[case::unknown_attendee(talk(|r| r.attendees = vec![s("#99")]), Field::Attendees, Problem::UnknownPerson(s("#99")))]
#[case::present_and_absent(talk(|r| { r.attendees = vec![s("李四")]; r.absentees = vec![(s("李四"), s("病假"))] }), Field::Absentees, Problem::BothPresentAndAbsent(s("李四")))]
#[case::absent_twice(talk(|r| r.absentees = vec![(s("李四"), s("a")), (s("#2"), s("b"))]), Field::Absentees, Problem::Duplicate(s("#2")))]
#[case::duplicate_duty(talk(|r| r.duties = Some(vec![s("talk"), s(" talk ")])), Field::Duties, Problem::Duplicate(s("talk")))]
#[case::unknown_duty(talk(|r| r.duties = Some(vec![s("talk"), s("nope")])), Field::Duties, Problem::UnknownDuty(s("nope")))]
fn bad_records_name_the_field(
    #[case] input: NewRecord,
    #[case] field: Field,
    #[case] problem: Problem,
) {
    let err = input.validate(&catalogue(), &roster()).unwrap_err();
    assert_eq!((err.field, err.problem), (field, problem));
}

#[rstest]
#[case::prefill_from_kind(talk(|_| ()), &["talk", "talk2"])]
#[case::prefill_other_kind(talk(|r| r.kind = Some(RecordKind::IntegrityTalk)), &["talk2"])]
#[case::explicit_empty(talk(|r| r.duties = Some(vec![])), &[])]
#[case::explicit_trimmed(talk(|r| r.duties = Some(vec![s(" other ")])), &["other"])]
#[case::topic_at_limit(talk(|r| r.topic = "题".repeat(MAX_TOPIC)), &["talk", "talk2"])]
#[case::notes_at_limit(talk(|r| r.notes = "x".repeat(MAX_NOTES)), &["talk", "talk2"])]
fn good_records_get_their_duties(#[case] input: NewRecord, #[case] duties: &[&str]) {
    let draft = input.validate(&catalogue(), &roster()).unwrap();
    let want: Vec<DutyId> = duties.iter().map(|d| DutyId((*d).into())).collect();
    assert_eq!(draft.duties, want);
    assert_eq!(
        (draft.host, draft.partners),
        (Some(PersonId(1)), vec![PersonId(2)])
    );
}

#[test]
fn validation_resolves_and_cleans() {
    let input = talk(|r| {
        r.kind = Some(RecordKind::GeneralMeeting);
        r.topic = s("  学习\n贯彻  ");
        r.partners = vec![s("#5")];
        r.attendees = vec![s(" 李四 "), s("")];
        r.absentees = vec![(s("#3"), s(" 出差\n ")), (s(" "), s("blank row"))];
        r.evidence = vec![s(" a.pdf "), s("  ")];
    });
    let draft = input.validate(&catalogue(), &roster()).unwrap();
    assert_eq!(draft.topic, "学习 贯彻");
    assert_eq!(
        draft.partners,
        vec![PersonId(5)],
        "a retired person resolves by #id"
    );
    assert_eq!(draft.attendees, vec![PersonId(2)]);
    assert_eq!(draft.absentees.len(), 1);
    assert_eq!(
        (
            draft.absentees[0].person,
            draft.absentees[0].reason.as_str()
        ),
        (PersonId(3), "出差")
    );
    assert_eq!(draft.evidence, vec![s("a.pdf")]);
    assert_eq!(draft.duties, vec![DutyId("meet".into())]);
}

#[rstest]
#[case::by_name("张三", Ok(PersonId(1)))]
#[case::trimmed(" 李四 ", Ok(PersonId(2)))]
#[case::by_id("#3", Ok(PersonId(3)))]
#[case::retired_by_id("#5", Ok(PersonId(5)))]
#[case::retired_by_name("赵六", Err(Problem::RetiredPerson(s("赵六"))))]
#[case::ambiguous("王五", Err(Problem::AmbiguousPerson(s("王五"), vec![PersonId(3), PersonId(4)])))]
#[case::unknown_id("#99", Err(Problem::UnknownPerson(s("#99"))))]
#[case::bad_id("#abc", Err(Problem::UnknownPerson(s("#abc"))))]
#[case::unknown("钱七", Err(Problem::UnknownPerson(s("钱七"))))]
fn resolve(#[case] input: &str, #[case] want: Result<PersonId, Problem>) {
    assert_eq!(roster().resolve(input), want);
}

#[test]
fn a_retired_name_can_be_reused_and_then_resolves_to_the_active_one() {
    let mut r = roster();
    r.people.push(person(6, "赵六", false));
    assert_eq!(r.resolve("赵六"), Ok(PersonId(6)));
    assert_eq!(r.name(PersonId(5)), "赵六");
    assert_eq!(r.name(PersonId(42)), "#42");
}

fn new_person(f: impl FnOnce(&mut NewPerson)) -> NewPerson {
    let mut p = NewPerson {
        name: s("钱七"),
        ..NewPerson::default()
    };
    f(&mut p);
    p
}

#[rstest]
#[case::empty_name(new_person(|p| p.name = s(" ")), Field::Name, Problem::Required)]
#[case::long_name(new_person(|p| p.name = "名".repeat(41)), Field::Name, Problem::TooLong { max: 40, got: 41 })]
#[case::hash_name(new_person(|p| p.name = s("#7")), Field::Name, Problem::BadText)]
#[case::taken(new_person(|p| p.name = s("张三")), Field::Name, Problem::NameTaken(s("张三")))]
#[case::unknown_role(new_person(|p| p.roles = vec![s("书记"), s("boss")]), Field::Roles, Problem::UnknownRole(s("boss")))]
#[case::link_twice(new_person(|p| p.links = vec![s("一车间"), s(" 一车间 ")]), Field::Links, Problem::Duplicate(s("一车间")))]
#[case::oversees_twice(new_person(|p| p.oversees = vec![s("办公室"), s("办公室")]), Field::Oversees, Problem::Duplicate(s("办公室")))]
fn bad_people_name_the_field(
    #[case] input: NewPerson,
    #[case] field: Field,
    #[case] problem: Problem,
) {
    let err = input.validate(PersonId(10), &roster()).unwrap_err();
    assert_eq!((err.field, err.problem), (field, problem));
}

#[rstest]
#[case::defaults_to_member(new_person(|_| ()), vec![Role::Member])]
#[case::retired_name_reused(new_person(|p| p.name = s("赵六")), vec![Role::Member])]
#[case::roles_sorted_and_deduplicated(new_person(|p| p.roles = vec![s("head"), s("书记"), s("secretary")]), vec![Role::Secretary, Role::DeptHead])]
fn good_people(#[case] input: NewPerson, #[case] roles: Vec<Role>) {
    let p = input.validate(PersonId(10), &roster()).unwrap();
    assert_eq!((p.id, p.roles, p.retired), (PersonId(10), roles, false));
}

#[test]
fn editing_a_person_may_keep_their_own_name() {
    let p = new_person(|p| p.name = s("张三")).validate(PersonId(1), &roster());
    assert_eq!(p.unwrap().name, "张三");
}
