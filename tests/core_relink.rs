#![allow(clippy::unwrap_used, clippy::expect_used)]
//! A dated roster change entered after the records it concerns relinks
//! their prefilled duties (issue 10 point 1): the rule judges a record's
//! date against the roster as it stood then, whenever that roster was typed.

use chrono::NaiveDate;
use rstest::rstest;
use taizhang::core::ledger::relink::relinked;
use taizhang::core::mem::MemStore;
use taizhang::core::{
    Catalogue, CoreError, DutyId, Ledger, NewPerson, NewRecord, Person, PersonId, Record, RecordId,
    RecordKind, Role, Roster,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn person(id: u32, roles: &[Role], dept: Option<&str>, oversees: &[&str]) -> Person {
    Person {
        id: PersonId(id),
        name: format!("p{id}"),
        roles: roles.to_vec(),
        dept: dept.map(Into::into),
        oversees: oversees.iter().map(|s| (*s).into()).collect(),
        links: Vec::new(),
        retired: false,
        unix_user: None,
        history: taizhang::core::roster::History::default(),
    }
}

/// 1 secretary; 2 leader overseeing `oversees`; 5 head of 生产部.
fn branch(oversees: &[&str]) -> Roster {
    Roster::new(vec![
        person(1, &[Role::Secretary], None, &[]),
        person(2, &[Role::Leader], None, oversees),
        person(5, &[Role::Member], Some("生产部"), &[]),
    ])
}

fn talk(host: u32, duties: &[&str]) -> Record {
    Record {
        id: RecordId(9),
        kind: RecordKind::IntegrityTalk,
        date: d(2026, 2, 10),
        topic: String::new(),
        host: Some(PersonId(host)),
        attendees: Vec::new(),
        absentees: Vec::new(),
        partners: vec![PersonId(5)],
        duties: duties.iter().map(|s| DutyId((*s).into())).collect(),
        notes: String::new(),
        evidence: Vec::new(),
        entered_by: "test".into(),
        entered_at: d(2026, 2, 10).and_hms_opt(9, 0, 0).unwrap(),
        covers_year: None,
    }
}

/// (分管 before, 分管 after, host, linked duties, duties after or None: untouched)
#[rstest]
#[case::gains_the_overseer_duty(&[], &["生产部"], 2, &[], Some(&["m2"][..]))]
#[case::loses_the_overseer_duty(&["生产部"], &[], 2, &["m2"], Some(&[][..]))]
#[case::explicit_link_outside_prefill_kept(&["生产部"], &[], 2, &["m2", "b2"], Some(&["b2"][..]))]
#[case::explicit_link_kept_when_gaining(&[], &["生产部"], 2, &["b2"], Some(&["b2", "m2"][..]))]
#[case::already_linked_stays(&[], &["生产部"], 2, &["m2"], None)]
#[case::user_unlinked_a_duty_that_still_fits(&["生产部"], &["生产部", "办公室"], 2, &[], None)]
#[case::another_host_untouched(&[], &["生产部"], 1, &["s3"], None)]
fn a_dated_change_moves_only_prefill_duties(
    #[case] before: &[&str],
    #[case] after: &[&str],
    #[case] host: u32,
    #[case] linked: &[&str],
    #[case] want: Option<&[&str]>,
) {
    let cat = Catalogue::embedded();
    let got = relinked(&cat, &branch(before), &branch(after), &talk(host, linked));
    let got: Option<Vec<&str>> = got
        .as_ref()
        .map(|r| r.duties.iter().map(DutyId::as_str).collect());
    assert_eq!(got.as_deref(), want);
}

fn new_person(name: &str, roles: &[&str], dept: Option<&str>, oversees: &[&str]) -> NewPerson {
    NewPerson {
        name: name.into(),
        roles: roles.iter().map(|r| (*r).into()).collect(),
        dept: dept.map(Into::into),
        oversees: oversees.iter().map(|s| (*s).into()).collect(),
        links: Vec::new(),
    }
}

/// 张三 书记, 李四 班子成员 (分管 `oversees`), 王五 head of 生产部, and
/// 李四's 廉政谈话 with 王五 on `on`.
fn ledger(oversees: &[&str], on: NaiveDate) -> (Ledger<MemStore>, PersonId, RecordId) {
    let l = Ledger::new(MemStore::new(Catalogue::embedded()), "test").with_clock(
        taizhang::core::ledger::fixed_clock(d(2026, 3, 1).and_hms_opt(9, 0, 0).unwrap()),
    );
    l.add_person(&new_person("张三", &["书记"], None, &[]))
        .unwrap();
    let li = l
        .add_person(&new_person("李四", &["班子成员"], None, oversees))
        .unwrap()
        .id;
    l.add_person(&new_person("王五", &["党员"], Some("生产部"), &[]))
        .unwrap();
    let mut input = NewRecord {
        kind: Some(RecordKind::IntegrityTalk),
        date: Some(on),
        host: Some("李四".into()),
        partners: vec!["王五".into()],
        ..NewRecord::default()
    };
    input.confirmed.future = true;
    let rec = l.add_record(&input).unwrap().id;
    (l, li, rec)
}

fn duties(l: &Ledger<MemStore>, id: RecordId) -> Vec<String> {
    l.record(id)
        .unwrap()
        .duties
        .iter()
        .map(|d| d.as_str().to_string())
        .collect()
}

#[test]
fn a_backdated_分管_links_the_talk_and_a_later_removal_unlinks_it() {
    let (l, li, rec) = ledger(&[], d(2026, 2, 10));
    assert_eq!(duties(&l, rec), Vec::<String>::new());
    let on = new_person("李四", &["班子成员"], None, &["生产部"]);
    l.edit_person_on(li, &on, None, Some(d(2026, 2, 1)))
        .unwrap();
    assert_eq!(duties(&l, rec), ["m2"]);
    // A change from after the talk leaves it alone.
    let off = new_person("李四", &["班子成员"], None, &[]);
    l.edit_person_on(li, &off, None, Some(d(2026, 2, 11)))
        .unwrap();
    assert_eq!(duties(&l, rec), ["m2"]);
    // Each relink is a journaled edit of the record.
    let record_writes = l
        .history(&taizhang::core::journal::Entity::Record(rec))
        .unwrap()
        .len();
    assert_eq!(record_writes, 2, "added, linked");
}

#[test]
fn dropping_the_分管_from_before_the_talk_unlinks_it() {
    let (l, li, rec) = ledger(&["生产部"], d(2026, 2, 10));
    assert_eq!(duties(&l, rec), ["m2"]);
    let off = new_person("李四", &["班子成员"], None, &[]);
    l.edit_person_on(li, &off, None, Some(d(2026, 2, 5)))
        .unwrap();
    assert_eq!(duties(&l, rec), Vec::<String>::new());
}

#[test]
fn a_closed_year_is_never_relinked() {
    let (l, li, rec) = ledger(&[], d(2025, 6, 10));
    l.close_year(2025).unwrap();
    let on = new_person("李四", &["班子成员"], None, &["生产部"]);
    let err = l
        .edit_person_on(li, &on, None, Some(d(2025, 6, 1)))
        .unwrap_err();
    assert!(matches!(err, CoreError::Invalid(_)), "{err:?}");
    let sealed = l.archive(2025).unwrap().unwrap();
    let kept = sealed.records.iter().find(|r| r.id == rec).unwrap();
    assert!(kept.duties.is_empty(), "{:?}", kept.duties);
}
