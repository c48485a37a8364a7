#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The dated history of a person: `as_of` on each side of a change, changes
//! replacing later ones, and an old stored person reading unchanged.

use chrono::NaiveDate;
use rstest::rstest;

use super::{Change, History, Person, PersonId, Role, Roster};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn lisi() -> Person {
    Person {
        id: PersonId(2),
        name: "李四".into(),
        roles: vec![Role::Leader],
        dept: Some("综合办".into()),
        oversees: vec!["人事部".into()],
        links: vec!["一车间".into()],
        retired: false,
        unix_user: None,
        history: History::default(),
    }
}

fn with(mut p: Person, f: impl FnOnce(&mut Person)) -> Person {
    f(&mut p);
    p
}

#[rstest]
#[case::long_before(d(2000, 1, 1), &["人事部"])]
#[case::day_before(d(2026, 6, 30), &["人事部"])]
#[case::first_day(d(2026, 7, 1), &["财务部"])]
#[case::after(d(2027, 3, 1), &["财务部"])]
fn oversees_changes_on_its_day(#[case] day: NaiveDate, #[case] want: &[&str]) {
    let mut p = lisi();
    let new = with(lisi(), |n| n.oversees = vec!["财务部".into()]);
    assert!(p.change_from(d(2026, 7, 1), &new));
    assert_eq!(
        p.oversees,
        vec!["财务部".to_string()],
        "plain field: latest"
    );
    assert_eq!(p.as_of(day).oversees, want);
    // Only 分管 has a history; the rest held since forever.
    assert!(p.history.roles.is_empty() && p.history.dept.is_empty());
}

#[test]
fn a_person_without_history_holds_since_forever() {
    let p = lisi();
    for day in [d(1990, 1, 1), d(2026, 7, 1), d(2100, 12, 31)] {
        assert_eq!(p.as_of(day), p);
    }
}

#[test]
fn an_old_stored_person_reads_unchanged_and_writes_the_same_bytes() {
    let old = r#"{"id":2,"name":"李四","roles":["leader"],"dept":"综合办","oversees":["人事部"],"links":["一车间"],"retired":false}"#;
    let p: Person = serde_json::from_str(old).unwrap();
    assert_eq!(p, lisi());
    assert_eq!(serde_json::to_string(&p).unwrap(), old);
}

#[test]
fn a_person_with_history_round_trips() {
    let mut p = lisi();
    p.change_from(
        d(2026, 7, 1),
        &with(lisi(), |n| n.roles = vec![Role::Secretary]),
    );
    p.set_retired_from(d(2027, 1, 1), true);
    let back: Person = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
    assert_eq!(back, p);
    assert_eq!(back.as_of(d(2026, 6, 30)).roles, vec![Role::Leader]);
    assert_eq!(back.as_of(d(2026, 7, 1)).roles, vec![Role::Secretary]);
    assert!(!back.as_of(d(2026, 12, 31)).retired);
    assert!(back.as_of(d(2027, 1, 1)).retired);
}

#[test]
fn a_change_replaces_later_changes_of_the_same_field_only() {
    let mut p = lisi();
    p.change_from(
        d(2026, 9, 1),
        &with(lisi(), |n| n.oversees = vec!["A".into()]),
    );
    p.change_from(
        d(2026, 9, 1),
        &with(p.clone(), |n| n.links = vec!["二车间".into()]),
    );
    // From July, 分管 B: the September change to A is gone; 联系点 stays.
    p.change_from(
        d(2026, 7, 1),
        &with(p.clone(), |n| n.oversees = vec!["B".into()]),
    );
    assert_eq!(p.as_of(d(2026, 6, 30)).oversees, vec!["人事部".to_string()]);
    assert_eq!(p.as_of(d(2026, 10, 1)).oversees, vec!["B".to_string()]);
    assert_eq!(p.as_of(d(2026, 10, 1)).links, vec!["二车间".to_string()]);
    assert_eq!(p.as_of(d(2026, 8, 1)).links, vec!["一车间".to_string()]);
}

#[test]
fn the_same_roles_in_another_order_are_no_change() {
    let mut p = with(lisi(), |p| {
        p.roles = vec![Role::Leader, Role::CommitteeMember];
    });
    let new = with(lisi(), |n| {
        n.roles = vec![Role::CommitteeMember, Role::Leader];
        n.oversees = vec!["财务部".into()];
    });
    assert!(p.change_from(d(2026, 7, 1), &new));
    assert!(p.history.roles.is_empty(), "{:?}", p.history.roles);
    assert_eq!(p.history.oversees.len(), 2);
    let mut q = with(lisi(), |p| {
        p.roles = vec![Role::Leader, Role::CommitteeMember];
    });
    let same = with(lisi(), |n| {
        n.roles = vec![Role::CommitteeMember, Role::Leader];
    });
    assert!(!q.change_from(d(2026, 7, 1), &same));
}

#[test]
fn changing_back_to_what_held_before_leaves_no_history() {
    let mut p = lisi();
    p.change_from(d(2026, 7, 1), &with(lisi(), |n| n.dept = None));
    assert!(!p.history.is_empty());
    assert!(p.change_from(d(2026, 7, 1), &lisi()));
    assert_eq!(p, lisi());
    // And the same value again is no change at all.
    assert!(!p.change_from(d(2026, 8, 1), &lisi()));
}

#[rstest]
#[case::before_joining(d(2026, 2, 28), true)]
#[case::joining_day(d(2026, 3, 1), false)]
#[case::last_day(d(2026, 10, 31), false)]
#[case::retired(d(2026, 11, 1), true)]
fn joining_and_retiring(#[case] day: NaiveDate, #[case] off: bool) {
    let mut p = lisi();
    p.join_on(d(2026, 3, 1));
    p.set_retired_from(d(2026, 11, 1), true);
    assert!(p.retired);
    assert_eq!(p.joined(), Some(d(2026, 3, 1)));
    assert_eq!(p.as_of(day).retired, off);
    let roster = Roster::new(vec![p]);
    assert_eq!(roster.as_of(day).active().count(), usize::from(!off));
    // Old records keep the name, whatever the day.
    assert_eq!(roster.as_of(day).name(PersonId(2)), "李四");
}

#[test]
fn eras_agree_with_as_of_on_every_day_of_a_year() {
    let mut a = lisi();
    a.change_from(
        d(2026, 7, 1),
        &with(lisi(), |n| n.roles = vec![Role::Secretary]),
    );
    let mut b = with(lisi(), |n| {
        n.id = PersonId(3);
        n.name = "王五".into();
        n.roles = vec![Role::Secretary];
    });
    b.set_retired_from(d(2026, 7, 1), true);
    let mut c = with(lisi(), |n| n.id = PersonId(4));
    c.join_on(d(2026, 3, 15));
    let roster = Roster::new(vec![a, b, c]);
    let eras = roster.eras();
    assert_eq!(eras.all().len(), 3);
    let mut day = d(2025, 12, 1);
    while day < d(2027, 2, 1) {
        assert_eq!(eras.at(day), &roster.as_of(day), "{day}");
        day = day.succ_opt().unwrap();
    }
}

#[rstest]
#[case::year_over(2025, d(2026, 5, 1), d(2025, 12, 31))]
#[case::year_running(2026, d(2026, 5, 1), d(2026, 5, 1))]
#[case::year_ahead(2027, d(2026, 5, 1), d(2027, 1, 1))]
#[case::last_day(2026, d(2026, 12, 31), d(2026, 12, 31))]
fn the_owing_day(#[case] year: i32, #[case] today: NaiveDate, #[case] want: NaiveDate) {
    assert_eq!(Roster::owing_day(year, today), want);
}

#[test]
fn changes_list_the_dated_entries_by_date() {
    let mut p = lisi();
    p.change_from(d(2026, 9, 1), &with(lisi(), |n| n.links = Vec::new()));
    p.change_from(
        d(2026, 7, 1),
        &with(p.clone(), |n| n.roles = vec![Role::Secretary]),
    );
    p.set_retired_from(d(2027, 1, 1), true);
    assert_eq!(
        p.history.changes(),
        vec![
            (d(2026, 7, 1), Change::Roles(vec![Role::Secretary])),
            (d(2026, 9, 1), Change::Links(Vec::new())),
            (d(2027, 1, 1), Change::Retired(true)),
        ]
    );
}
