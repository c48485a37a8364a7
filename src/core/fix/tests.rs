use chrono::NaiveDate;
use rstest::rstest;

use super::*;
use crate::core::catalogue::Catalogue;
use crate::core::error::{Field, Problem};
use crate::core::roster::{Person, Roster};

use FixState::{Closed, ClosureRequested as Requested, InProgress, Open};

#[rstest]
#[case(Open, Open, false)]
#[case(Open, InProgress, true)]
#[case(Open, Requested, true)]
#[case(Open, Closed, false)]
#[case(InProgress, Open, false)]
#[case(InProgress, InProgress, false)]
#[case(InProgress, Requested, true)]
#[case(InProgress, Closed, false)]
#[case(Requested, Open, false)]
#[case(Requested, InProgress, true)]
#[case(Requested, Requested, false)]
#[case(Requested, Closed, true)]
#[case(Closed, Open, false)]
#[case(Closed, InProgress, false)]
#[case(Closed, Requested, false)]
#[case(Closed, Closed, false)]
fn every_transition(#[case] from: FixState, #[case] to: FixState, #[case] allowed: bool) {
    assert_eq!(from.can_become(to), allowed, "{from:?} → {to:?}");
    match check_transition(from, to) {
        Ok(()) => assert!(allowed),
        Err(FixError::Transition { from: f, to: t }) => {
            assert!(!allowed);
            assert_eq!((f, t), (from, to));
        }
        Err(other) => panic!("unexpected {other:?}"),
    }
}

#[test]
fn sources_parse_by_any_name() {
    for s in FixSource::ALL {
        assert_eq!(FixSource::parse(s.zh()), Some(s));
        assert_eq!(FixSource::parse(s.en()), Some(s));
        assert_eq!(FixSource::parse(s.id()), Some(s));
    }
    assert_eq!(FixSource::parse("述责述廉"), Some(FixSource::DutyReport));
    assert_eq!(FixSource::parse("述职评议"), Some(FixSource::DutyReport));
    assert_eq!(FixSource::parse("自查"), Some(FixSource::SelfCheck));
    assert_eq!(FixSource::parse("nonsense"), None);
}

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn item(state: FixState, deadline: NaiveDate, closed_on: Option<NaiveDate>) -> FixItem {
    FixItem {
        id: FixId(1),
        source: FixSource::SelfCheck,
        problem: "p".into(),
        duties: vec![DutyId("b7".into())],
        measures: "m".into(),
        owner: PersonId(1),
        deadline,
        opened: d(1, 10),
        state,
        notes: Vec::new(),
        closure: closed_on.map(|date| Closure {
            date,
            by_user: "u".into(),
            by_person: None,
            evidence: Evidence::Note("done".into()),
        }),
        year: 2026,
    }
}

#[rstest]
#[case(Open, d(6, 30), d(6, 30), false)]
#[case(Open, d(6, 30), d(7, 1), true)]
#[case(InProgress, d(6, 30), d(7, 1), true)]
#[case(Requested, d(6, 30), d(7, 1), true)]
#[case(Closed, d(6, 30), d(7, 1), false)]
fn overdue_is_past_deadline_and_not_closed(
    #[case] state: FixState,
    #[case] deadline: NaiveDate,
    #[case] today: NaiveDate,
    #[case] overdue: bool,
) {
    let closed_on = (state == Closed).then(|| d(6, 1));
    assert_eq!(item(state, deadline, closed_on).is_overdue(today), overdue);
}

#[test]
fn overdue_on_a_past_day_looks_at_the_closing_date() {
    let late = item(Closed, d(3, 31), Some(d(5, 1)));
    assert!(late.overdue_on(d(4, 15)), "still open on 4-15");
    assert!(!late.overdue_on(d(5, 2)), "closed by 5-2");
    assert!(!late.overdue_on(d(1, 5)), "not opened yet on 1-5");
}

fn roster() -> Roster {
    Roster::new(vec![Person {
        id: PersonId(1),
        name: "张三".into(),
        roles: vec![Role::Secretary],
        dept: None,
        oversees: Vec::new(),
        links: Vec::new(),
        retired: false,
        unix_user: None,
        history: crate::core::roster::History::default(),
    }])
}

fn input(edit: impl FnOnce(&mut NewFix)) -> NewFix {
    let mut n = NewFix {
        source: "自查自检".into(),
        problem: "学习记录不全".into(),
        duties: vec!["b7".into()],
        measures: "补齐记录".into(),
        owner: "张三".into(),
        deadline: Some(d(6, 30)),
        opened: None,
    };
    edit(&mut n);
    n
}

#[rstest]
#[case::no_source(input(|n| n.source.clear()), Field::Source, Problem::Required)]
#[case::bad_source(input(|n| n.source = "x".into()), Field::Source, Problem::UnknownSource("x".into()))]
#[case::no_problem(input(|n| n.problem = "  ".into()), Field::Issue, Problem::Required)]
#[case::bad_duty(input(|n| n.duties = vec!["zz".into()]), Field::Duties, Problem::UnknownDuty("zz".into()))]
#[case::twice(input(|n| n.duties = vec!["b7".into(), "b7".into()]), Field::Duties, Problem::Duplicate("b7".into()))]
#[case::no_measures(input(|n| n.measures.clear()), Field::Measures, Problem::Required)]
#[case::no_owner(input(|n| n.owner.clear()), Field::Owner, Problem::Required)]
#[case::unknown_owner(input(|n| n.owner = "李四".into()), Field::Owner, Problem::UnknownPerson("李四".into()))]
#[case::no_deadline(input(|n| n.deadline = None), Field::Deadline, Problem::Required)]
#[case::early(input(|n| n.deadline = Some(d(1, 1))), Field::Deadline, Problem::DeadlineBeforeOpened { deadline: d(1, 1), opened: d(3, 20) })]
fn validation_names_the_field(#[case] n: NewFix, #[case] field: Field, #[case] problem: Problem) {
    let e = n
        .validate(&Catalogue::embedded(), &roster(), d(3, 20))
        .unwrap_err();
    assert_eq!((e.field, e.problem), (field, problem));
}

#[test]
fn valid_input_becomes_a_draft_opened_today() {
    let draft = input(|_| {})
        .validate(&Catalogue::embedded(), &roster(), d(3, 20))
        .unwrap();
    assert_eq!(draft.opened, d(3, 20));
    assert_eq!(draft.owner, PersonId(1));
    assert_eq!(draft.source, FixSource::SelfCheck);
}

#[test]
fn only_secretary_or_discipline_member_may_close() {
    assert!(may_close(&[Role::Secretary]));
    assert!(may_close(&[Role::Member, Role::DisciplineMember]));
    assert!(!may_close(&[Role::DeputySecretary, Role::Leader]));
    assert!(!may_close(&[]));
}
