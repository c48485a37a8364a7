#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The ledger's use cases over the in-memory store: records and people are
//! added, edited, retired, deleted and restored; bad input and incoherent
//! backups are refused with nothing changed.

use chrono::{NaiveDate, NaiveDateTime};
use rstest::rstest;
use taizhang::core::error::Problem;
use taizhang::core::mem::MemStore;
use taizhang::core::record::MAX_NOTES;
use taizhang::core::{
    Backup, Binds, Catalogue, CoreError, Duty, DutyId, Field, Ledger, ListId, NewPerson, NewRecord,
    Period, PersonId, RecordId, RecordKind, Roster, Rule, Status, Store,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(y: i32, m: u32, day: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(9, 30, 0).unwrap()
}

fn duty(id: &str, counts: &[RecordKind], rule: Rule) -> Duty {
    Duty {
        id: DutyId(id.into()),
        list: ListId::Branch,
        seed_ref: "test".into(),
        title: id.into(),
        title_en: id.into(),
        text: format!("{id} 的职责全文。"),
        binds: Binds::Branch,
        parent: None,
        counts: counts.to_vec(),
        rule,
        actor: None,
        one_to_one: false,
        source: "test".into(),
    }
}

fn catalogue() -> Catalogue {
    Catalogue {
        duties: vec![
            duty(
                "meet",
                &[RecordKind::GeneralMeeting],
                Rule::Count {
                    min: 1,
                    per: Period::Quarter,
                },
            ),
            duty(
                "talk",
                &[RecordKind::HeartTalk],
                Rule::Count {
                    min: 2,
                    per: Period::Year,
                },
            ),
            duty("plan", &[], Rule::Evidence),
        ],
    }
}

fn s(x: &str) -> String {
    x.to_string()
}

fn named(name: &str, roles: &[&str]) -> NewPerson {
    NewPerson {
        name: s(name),
        roles: roles.iter().map(|r| s(r)).collect(),
        ..NewPerson::default()
    }
}

/// A ledger kept by `user` with 张三 (secretary) and 李四 (leader).
fn ledger(user: &str) -> (Ledger<MemStore>, PersonId, PersonId) {
    let l = Ledger::new(MemStore::new(catalogue()), user)
        .with_clock(taizhang::core::ledger::fixed_clock(at(2026, 3, 1)));
    let a = l.add_person(&named("张三", &["书记"])).unwrap().id;
    let b = l.add_person(&named("李四", &["班子成员"])).unwrap().id;
    (l, a, b)
}

fn talk(f: impl FnOnce(&mut NewRecord)) -> NewRecord {
    let mut r = NewRecord {
        kind: Some(RecordKind::HeartTalk),
        date: Some(d(2026, 3, 1)),
        topic: s("谈心"),
        host: Some(s("张三")),
        partners: vec![s("李四")],
        ..NewRecord::default()
    };
    f(&mut r);
    r
}

fn done(l: &Ledger<MemStore>, duty: &str) -> u32 {
    let view = l.year_view(2026, d(2026, 6, 1)).unwrap();
    view.progress_of(&DutyId(duty.into())).unwrap().done
}

#[test]
fn add_update_delete_restore_a_record() {
    let (l, a, b) = ledger("alice");
    let r = l.add_record(&talk(|_| ())).unwrap();
    assert_eq!((r.host, r.partners.clone()), (Some(a), vec![b]));
    assert_eq!(
        (r.entered_by.as_str(), r.entered_at),
        ("alice", at(2026, 3, 1))
    );
    assert_eq!(
        r.duties,
        vec![DutyId("talk".into())],
        "prefilled from the kind"
    );
    assert_eq!(l.record(r.id).unwrap(), r);
    assert_eq!(done(&l, "talk"), 1);

    let edited = l
        .update_record(r.id, &talk(|x| x.topic = s("廉政谈话")))
        .unwrap();
    assert_eq!((edited.id, edited.topic.as_str()), (r.id, "廉政谈话"));
    assert_eq!(
        (edited.entered_by.as_str(), edited.entered_at),
        ("alice", at(2026, 3, 1))
    );
    assert_eq!(l.record(r.id).unwrap(), edited);

    let gone = l.delete_record(r.id).unwrap();
    assert_eq!(gone, edited);
    assert!(matches!(l.record(r.id), Err(CoreError::NoRecord(id)) if id == r.id));
    assert!(matches!(l.delete_record(r.id), Err(CoreError::NoRecord(_))));
    assert_eq!(done(&l, "talk"), 0);

    l.restore_from_trash(gone.id).unwrap();
    assert_eq!(l.record(r.id).unwrap(), edited);
    assert_eq!(done(&l, "talk"), 1);
}

#[test]
fn update_keeps_the_original_author_under_another_user() {
    let (alice, _, _) = ledger("alice");
    let r = alice.add_record(&talk(|_| ())).unwrap();
    let bob = Ledger::new(MemStore::new(catalogue()), "bob");
    bob.import(&alice.export().unwrap()).unwrap();
    let moved = talk(|x| x.date = Some(d(2026, 5, 2)));
    let edited = bob.update_record(r.id, &moved).unwrap();
    assert_eq!((edited.id, edited.entered_by.as_str()), (r.id, "alice"));
    assert_eq!(edited.entered_at, r.entered_at);
    assert_eq!(bob.records_in_year(2026).unwrap(), vec![edited]);
}

#[test]
fn update_refuses_bad_input_and_unknown_ids() {
    let (l, _, _) = ledger("alice");
    let r = l.add_record(&talk(|_| ())).unwrap();
    let err = l.update_record(r.id, &talk(|x| x.partners = vec![]));
    assert!(matches!(err, Err(CoreError::Invalid(e)) if e.field == Field::Partners));
    assert_eq!(l.record(r.id).unwrap(), r);
    let err = l.update_record(RecordId(999), &talk(|_| ()));
    assert!(matches!(err, Err(CoreError::NoRecord(RecordId(999)))));
}

#[test]
fn add_edit_retire_a_person() {
    let (l, zhang, li) = ledger("alice");
    let rec = l.add_record(&talk(|_| ())).unwrap();
    let mut edit = named("李四", &["副书记"]);
    edit.links = vec![s("一车间")];
    let edited = l.edit_person(li, &edit).unwrap();
    assert_eq!(
        (edited.id, edited.links.clone(), edited.retired),
        (li, vec![s("一车间")], false)
    );

    let retired = l.retire_person(li).unwrap();
    assert!(retired.retired);
    let roster = l.roster().unwrap();
    assert_eq!(
        roster.resolve("李四"),
        Err(Problem::RetiredPerson(s("李四")))
    );
    assert_eq!(roster.resolve(&format!("#{li}")), Ok(li));
    assert_eq!(roster.name(li), "李四", "old records keep the name");
    assert_eq!(l.record(rec.id).unwrap().partners, vec![li]);

    // Editing keeps the retired flag; the name is free for someone new.
    assert!(l.edit_person(li, &named("李四", &[])).unwrap().retired);
    let newcomer = l.add_person(&named("李四", &[])).unwrap().id;
    assert_ne!(newcomer, li);
    assert_eq!(l.roster().unwrap().resolve("李四"), Ok(newcomer));
    assert!(matches!(
        l.edit_person(PersonId(77), &named("x", &[])),
        Err(CoreError::NoPerson(_))
    ));
    assert!(matches!(
        l.retire_person(PersonId(77)),
        Err(CoreError::NoPerson(_))
    ));
    let clash = l.edit_person(zhang, &named("李四", &[]));
    assert!(matches!(clash, Err(CoreError::Invalid(e)) if e.field == Field::Name));
}

#[rstest]
#[case::unknown_person(talk(|r| r.host = Some(s("王五"))), Field::Host, Problem::UnknownPerson(s("王五")))]
#[case::retired_person(talk(|r| r.partners = vec![s("赵六")]), Field::Partners, Problem::RetiredPerson(s("赵六")))]
#[case::ambiguous_name(talk(|r| r.attendees = vec![s("孙八")]), Field::Attendees, Problem::AmbiguousPerson(s("孙八"), vec![PersonId(90), PersonId(91)]))]
#[case::talk_without_partner(talk(|r| r.partners.clear()), Field::Partners, Problem::Required)]
#[case::partner_is_host(talk(|r| r.partners = vec![s("张三")]), Field::Partners, Problem::TalkWithSelf)]
#[case::duplicate_duty(talk(|r| r.duties = Some(vec![s("talk"), s("talk")])), Field::Duties, Problem::Duplicate(s("talk")))]
#[case::unknown_duty(talk(|r| r.duties = Some(vec![s("nope")])), Field::Duties, Problem::UnknownDuty(s("nope")))]
#[case::topic_too_long(talk(|r| r.topic = "字".repeat(201)), Field::Topic, Problem::TooLong { max: 200, got: 201 })]
#[case::notes_too_long(talk(|r| r.notes = "字".repeat(MAX_NOTES + 1)), Field::Notes, Problem::TooLong { max: MAX_NOTES, got: MAX_NOTES + 1 })]
fn add_record_refuses_bad_input(
    #[case] input: NewRecord,
    #[case] field: Field,
    #[case] problem: Problem,
) {
    let (l, _, _) = ledger("alice");
    let zhao = l.add_person(&named("赵六", &[])).unwrap().id;
    l.retire_person(zhao).unwrap();
    for id in [90, 91] {
        let p = named("孙八", &[])
            .validate(PersonId(id), &Roster::default())
            .unwrap();
        l.store().put_person(&p, &l.stamp()).unwrap();
    }
    let before = l.export().unwrap();
    match l.add_record(&input) {
        Err(CoreError::Invalid(e)) => assert_eq!((e.field, e.problem), (field, problem)),
        other => panic!("expected a validation error, got {other:?}"),
    }
    let after = l.export().unwrap();
    assert_eq!(after.records, before.records);
}

#[rstest]
#[case::talk(RecordKind::HeartTalk, None, &["talk"])]
#[case::meeting(RecordKind::GeneralMeeting, None, &["meet"])]
#[case::nothing_prefilled(RecordKind::Other, None, &[])]
#[case::explicit_wins(RecordKind::HeartTalk, Some(vec![s("plan")]), &["plan"])]
fn prefill_from_kind(
    #[case] kind: RecordKind,
    #[case] duties: Option<Vec<String>>,
    #[case] want: &[&str],
) {
    let (l, _, _) = ledger("alice");
    let input = talk(|r| {
        r.kind = Some(kind);
        r.duties = duties;
        if !kind.is_talk() {
            r.partners.clear();
        }
    });
    let rec = l.add_record(&input).unwrap();
    let want: Vec<DutyId> = want.iter().map(|w| DutyId((*w).into())).collect();
    assert_eq!(rec.duties, want);
}

fn populated() -> Backup {
    let (l, _, _) = ledger("alice");
    l.add_record(&talk(|_| ())).unwrap();
    let meeting = talk(|r| {
        r.kind = Some(RecordKind::GeneralMeeting);
        r.partners.clear();
        r.attendees = vec![s("李四")];
    });
    l.add_record(&meeting).unwrap();
    l.export().unwrap()
}

#[rstest]
#[case::unknown_host(|b: &mut Backup| b.records[0].host = Some(PersonId(404)), "not in the roster")]
#[case::unknown_absentee(|b: &mut Backup| b.records[1].absentees.push(taizhang::core::Absence { person: PersonId(404), reason: s("") }), "not in the roster")]
#[case::unknown_duty(|b: &mut Backup| b.records[0].duties.push(DutyId("gone".into())), "not in the catalogue")]
#[case::duty_twice(|b: &mut Backup| b.records[0].duties.push(DutyId("talk".into())), "twice")]
#[case::person_id_twice(|b: &mut Backup| { let p = b.people[0].clone(); b.people.push(p) }, "appears twice")]
#[case::record_id_twice(|b: &mut Backup| b.records[1].id = b.records[0].id, "used twice")]
#[case::record_reuses_person_id(|b: &mut Backup| b.records[1].id = RecordId(u64::from(b.people[0].id.0)), "used twice")]
#[case::next_id_too_low(|b: &mut Backup| b.next_id -= 1, "next_id")]
#[case::newer_schema(|b: &mut Backup| b.schema += 1, "schema")]
#[case::bad_catalogue(|b: &mut Backup| { let x = b.catalogue.duties[0].clone(); b.catalogue.duties.push(x) }, "catalogue")]
fn import_refuses_incoherent_backups(#[case] spoil: fn(&mut Backup), #[case] says: &str) {
    let (l, _, _) = ledger("bob");
    l.add_record(&talk(|_| ())).unwrap();
    let before = l.export().unwrap();
    let mut bad = populated();
    spoil(&mut bad);
    match l.import(&bad) {
        Err(CoreError::BadBackup(msg)) => assert!(msg.contains(says), "{msg}"),
        other => panic!("expected BadBackup, got {other:?}"),
    }
    assert_eq!(
        l.export().unwrap(),
        before,
        "a refused import changes nothing"
    );
}

#[test]
fn export_import_round_trips() {
    let original = populated();
    let json = serde_json::to_string(&original).unwrap();
    let back: Backup = serde_json::from_str(&json).unwrap();
    assert_eq!(back, original);

    let (l, _, _) = ledger("carol");
    l.import(&back).unwrap();
    assert_eq!(l.export().unwrap(), original);
    assert_eq!(done(&l, "talk"), 1);
    assert_eq!(done(&l, "meet"), 1);
    let view = l.year_view(2026, d(2026, 3, 31)).unwrap();
    assert_eq!(
        view.progress_of(&DutyId("meet".into())).unwrap().status,
        Status::OnTrack
    );
    // Ids keep going from the backup's next_id, never reusing one.
    let r = l
        .add_record(&talk(|r| r.date = Some(d(2026, 2, 28))))
        .unwrap();
    assert_eq!(r.id, RecordId(original.next_id));
}
