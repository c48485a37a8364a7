#![allow(clippy::unwrap_used, clippy::expect_used)]
//! A future date and a repeat of an existing record (same kind, date and
//! people) are saved only once confirmed: the ledger answers with
//! `CoreError::Unconfirmed` naming every warning and saves nothing.

use chrono::{NaiveDate, NaiveDateTime};
use rstest::rstest;
use taizhang::core::mem::MemStore;
use taizhang::core::{
    Catalogue, Confirmations, CoreError, Ledger, NewPerson, NewRecord, RecordKind, Warning,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// "Now" for every write: 2026-03-10, 09:30.
fn now() -> NaiveDateTime {
    d(2026, 3, 10).and_hms_opt(9, 30, 0).unwrap()
}

fn ledger() -> Ledger<MemStore> {
    let l = Ledger::new(MemStore::new(Catalogue::embedded()), "alice")
        .with_clock(taizhang::core::ledger::fixed_clock(now()));
    for (name, role) in [("张三", "书记"), ("李四", "委员"), ("王五", "党员")] {
        l.add_person(&NewPerson {
            name: name.into(),
            roles: vec![role.into()],
            ..NewPerson::default()
        })
        .unwrap();
    }
    l
}

fn meeting(date: NaiveDate, topic: &str, attendees: &[&str]) -> NewRecord {
    NewRecord {
        kind: Some(RecordKind::CommitteeMeeting),
        date: Some(date),
        topic: topic.into(),
        host: Some("张三".into()),
        attendees: attendees.iter().map(ToString::to_string).collect(),
        ..NewRecord::default()
    }
}

fn unconfirmed(result: Result<taizhang::core::Record, CoreError>) -> Vec<Warning> {
    match result {
        Err(CoreError::Unconfirmed(ws)) => ws,
        other => panic!("expected a confirmation request, got {other:?}"),
    }
}

#[rstest]
#[case::today(d(2026, 3, 10), false)]
#[case::yesterday(d(2026, 3, 9), false)]
#[case::tomorrow(d(2026, 3, 11), true)]
#[case::next_year(d(2027, 1, 5), true)]
fn a_date_after_today_needs_confirming(#[case] date: NaiveDate, #[case] asks: bool) {
    let l = ledger();
    let input = meeting(date, "研究工作", &["李四"]);
    let result = l.add_record(&input);
    if asks {
        assert_eq!(
            unconfirmed(result),
            vec![Warning::Future {
                date,
                today: d(2026, 3, 10)
            }]
        );
        assert!(l.records_in_year(2026).unwrap().is_empty());
        assert!(l.records_in_year(2027).unwrap().is_empty());
        let confirmed = NewRecord {
            confirmed: Confirmations {
                future: true,
                duplicate: false,
            },
            ..input
        };
        assert_eq!(l.add_record(&confirmed).unwrap().date, date);
    } else {
        assert_eq!(result.unwrap().date, date);
    }
}

#[rstest]
// Same kind, day, people and topic, whatever the order of names.
#[case::identical(RecordKind::CommitteeMeeting, 3, &["李四", "王五"], true)]
#[case::names_in_another_order(RecordKind::CommitteeMeeting, 3, &["王五", "李四"], true)]
#[case::other_day(RecordKind::CommitteeMeeting, 4, &["李四", "王五"], false)]
#[case::other_kind(RecordKind::GeneralMeeting, 3, &["李四", "王五"], false)]
#[case::fewer_people(RecordKind::CommitteeMeeting, 3, &["李四"], false)]
fn a_repeat_needs_confirming(
    #[case] kind: RecordKind,
    #[case] day: u32,
    #[case] people: &[&str],
    #[case] asks: bool,
) {
    let l = ledger();
    let first = l
        .add_record(&meeting(d(2026, 3, 3), "研究工作", &["李四", "王五"]))
        .unwrap();
    let again = NewRecord {
        kind: Some(kind),
        ..meeting(d(2026, 3, day), "研究工作", people)
    };
    let result = l.add_record(&again);
    if asks {
        let ws = unconfirmed(result);
        assert!(
            matches!(&ws[..], [Warning::Duplicate { of }] if of.len() == 1 && of[0].id == first.id)
        );
        assert_eq!(l.records_in_year(2026).unwrap().len(), 1, "nothing saved");
        let yes = NewRecord {
            confirmed: Confirmations::default().accepting(&ws),
            ..again
        };
        l.add_record(&yes).unwrap();
        assert_eq!(l.records_in_year(2026).unwrap().len(), 2);
    } else {
        result.unwrap();
    }
}

#[test]
fn another_agenda_of_the_same_body_on_the_same_day_is_no_repeat() {
    let l = ledger();
    l.add_record(&meeting(d(2026, 3, 3), "研究工作", &["李四"]))
        .unwrap();
    l.add_record(&meeting(d(2026, 3, 3), "专题学习", &["李四"]))
        .unwrap();
}

#[test]
fn a_ledger_without_a_clock_does_not_know_today_and_asks_no_date_question() {
    let l = Ledger::new(MemStore::new(Catalogue::embedded()), "alice");
    l.add_person(&NewPerson {
        name: "张三".into(),
        roles: vec!["书记".into()],
        ..NewPerson::default()
    })
    .unwrap();
    l.add_record(&meeting(d(2030, 1, 1), "远期", &[])).unwrap();
}

#[test]
fn a_second_talk_between_the_same_pair_on_a_day_asks() {
    let l = ledger();
    let talk = NewRecord {
        kind: Some(RecordKind::IntegrityTalk),
        date: Some(d(2026, 3, 2)),
        host: Some("张三".into()),
        partners: vec!["李四".into()],
        ..NewRecord::default()
    };
    l.add_record(&talk).unwrap();
    let ws = unconfirmed(l.add_record(&talk));
    assert!(matches!(&ws[..], [Warning::Duplicate { .. }]));
}

#[test]
fn both_warnings_are_named_at_once_and_both_flags_are_needed() {
    let l = ledger();
    let date = d(2026, 4, 1);
    let input = meeting(date, "研究工作", &["李四"]);
    l.add_record(&NewRecord {
        confirmed: Confirmations::ALL,
        ..input.clone()
    })
    .unwrap();
    let ws = unconfirmed(l.add_record(&input));
    assert_eq!(ws.len(), 2, "{ws:?}");
    let only_future = NewRecord {
        confirmed: Confirmations {
            future: true,
            duplicate: false,
        },
        ..input.clone()
    };
    assert!(matches!(
        &unconfirmed(l.add_record(&only_future))[..],
        [Warning::Duplicate { .. }]
    ));
}

#[test]
fn editing_asks_only_about_what_the_edit_changes() {
    let l = ledger();
    let future = l
        .add_record(&NewRecord {
            confirmed: Confirmations::ALL,
            ..meeting(d(2026, 5, 1), "计划中的会议", &["李四"])
        })
        .unwrap();
    // A new topic on an already confirmed future record: no question.
    l.update_record(future.id, &meeting(d(2026, 5, 1), "改了议题", &["李四"]))
        .unwrap();
    // Moving it to another future day asks again.
    let moved = meeting(d(2026, 5, 2), "改了议题", &["李四"]);
    assert!(matches!(
        &unconfirmed(l.update_record(future.id, &moved))[..],
        [Warning::Future { .. }]
    ));
    // Editing a record so that it equals another one asks; the record
    // itself never counts as its own duplicate.
    let past = l
        .add_record(&meeting(d(2026, 3, 1), "甲", &["王五"]))
        .unwrap();
    l.update_record(past.id, &meeting(d(2026, 3, 1), "乙", &["王五"]))
        .unwrap();
    let other = l
        .add_record(&meeting(d(2026, 3, 2), "乙", &["王五"]))
        .unwrap();
    let onto = meeting(d(2026, 3, 1), "乙", &["王五"]);
    let ws = unconfirmed(l.update_record(other.id, &onto));
    assert!(matches!(&ws[..], [Warning::Duplicate { of }] if of[0].id == past.id));
    assert_eq!(l.record(other.id).unwrap().date, d(2026, 3, 2), "unchanged");
}
