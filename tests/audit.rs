#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The audit trail: every change journaled with user, time, before and after
//! on both stores; history, trash and restore; the hash chain caught when an
//! entry is edited or removed in sled itself; year seals. `audit/cli.rs` runs
//! the commands.

use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::{NaiveDate, NaiveDateTime};
use taizhang::core::journal::{Action, BrokenReason, Entity, JournalEntry, diff};
use taizhang::core::ledger::Clock;
use taizhang::core::mem::MemStore;
use taizhang::core::{
    Catalogue, CoreError, Ledger, NewPerson, NewRecord, PersonId, RecordId, RecordKind, Roster,
    Stamp, Store,
};
use taizhang::store::SledStore;

#[path = "audit/cli.rs"]
mod cli;
#[path = "audit/seal.rs"]
mod seal;

fn t(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, day)
        .unwrap()
        .and_hms_opt(hour, 0, 0)
        .unwrap()
}

/// A clock the test moves by hand.
#[derive(Clone)]
struct Hand(Arc<Mutex<NaiveDateTime>>);

impl Hand {
    fn new() -> Self {
        Hand(Arc::new(Mutex::new(t(1, 9))))
    }
    fn set(&self, at: NaiveDateTime) {
        *self.0.lock().unwrap() = at;
    }
    fn clock(&self) -> Clock {
        let cell = self.0.clone();
        Arc::new(move || *cell.lock().unwrap())
    }
}

fn person(name: &str, roles: &[&str]) -> NewPerson {
    NewPerson {
        name: name.into(),
        roles: roles.iter().map(ToString::to_string).collect(),
        ..NewPerson::default()
    }
}

fn talk(topic: &str, date: NaiveDate) -> NewRecord {
    NewRecord {
        kind: Some(RecordKind::HeartTalk),
        date: Some(date),
        topic: topic.into(),
        host: Some("张三".into()),
        partners: vec!["李四".into()],
        ..NewRecord::default()
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn sled_ledger(path: &Path, user: &str, hand: &Hand) -> Ledger<SledStore> {
    let store = SledStore::open(path, &Catalogue::embedded()).unwrap();
    Ledger::new(store, user).with_clock(hand.clock())
}

/// Sum of `done` over every duty: moves whenever a counted record comes or goes.
fn done_total<S: Store>(l: &Ledger<S>) -> u32 {
    let view = l.year_view(2026, day(2026, 6, 30)).unwrap();
    view.progress.iter().map(|p| p.done).sum()
}

fn changed_fields(e: &JournalEntry) -> Vec<String> {
    diff(e.before.as_deref(), e.after.as_deref())
        .into_iter()
        .map(|c| c.field)
        .collect()
}

/// Every use case that writes, each at its own time; returns what the journal
/// must say about each, in order.
fn every_change<S: Store>(l: &Ledger<S>, hand: &Hand) -> Vec<(Action, Entity, NaiveDateTime)> {
    let mut want = Vec::new();
    let mut at = |h: u32, action, entity| {
        hand.set(t(2, h));
        want.push((action, entity, t(2, h)));
    };
    at(1, Action::Create, Entity::Person(PersonId(1)));
    let zhang = l.add_person(&person("张三", &["书记"])).unwrap().id;
    at(2, Action::Create, Entity::Person(PersonId(2)));
    let li = l.add_person(&person("李四", &["委员"])).unwrap().id;
    at(3, Action::Update, Entity::Person(li));
    l.edit_person(li, &person("李四", &["纪检委员"])).unwrap();
    at(4, Action::Create, Entity::Record(RecordId(3)));
    let r = l.add_record(&talk("谈心", day(2026, 3, 1))).unwrap();
    at(5, Action::Update, Entity::Record(r.id));
    l.update_record(r.id, &talk("谈心谈话", day(2026, 3, 1)))
        .unwrap();
    at(6, Action::Delete, Entity::Record(r.id));
    l.delete_record(r.id).unwrap();
    at(7, Action::Restore, Entity::Record(r.id));
    l.restore_from_trash(r.id).unwrap();
    at(8, Action::Update, Entity::Person(zhang));
    l.retire_person(zhang).unwrap();
    at(9, Action::Catalogue, Entity::Catalogue);
    let mut catalogue = Catalogue::embedded();
    catalogue.duties[0].title_en.push_str(" (edited)");
    l.import_catalogue(&catalogue.to_toml()).unwrap();
    at(10, Action::Import, Entity::Ledger);
    let backup = l.export().unwrap();
    l.import(&backup).unwrap();
    want
}

fn check_every_change<S: Store>(l: &Ledger<S>, hand: &Hand) {
    let want = every_change(l, hand);
    let journal = l.journal(0).unwrap();
    let got: Vec<(Action, Entity, NaiveDateTime)> =
        journal.iter().map(|e| (e.action, e.entity, e.at)).collect();
    assert_eq!(got, want);
    assert!(journal.iter().all(|e| e.user == "alice"));
    assert_eq!(l.revision().unwrap(), want.len() as u64);
    let field = |i: usize| changed_fields(&journal[i]);
    assert_eq!(journal[0].before, None);
    assert!(journal[0].after.as_ref().unwrap().contains("张三"));
    // A role change holds from the day it is made: the history keeps the old roles.
    assert_eq!(field(2), ["history", "roles"]);
    assert_eq!(field(4), ["topic"]);
    assert!(journal[4].before.as_ref().unwrap().contains("\"谈心\""));
    assert!(journal[4].after.as_ref().unwrap().contains("\"谈心谈话\""));
    assert!(journal[5].before.is_some() && journal[5].after.is_none());
    assert_eq!(journal[6].after, journal[5].before, "restored as deleted");
    assert_eq!(field(7), ["history", "retired"]);
    assert!(journal[8].after.as_ref().unwrap().contains("(edited)"));
    let import = &journal[9];
    assert!(import.before.as_ref().unwrap().contains("谈心谈话"));
    assert!(import.after.as_ref().unwrap().contains("\"records\":1"));
    assert_eq!(l.verify().unwrap().entries, want.len() as u64);

    // A write that changes nothing is not a change.
    l.edit_person(PersonId(2), &person("李四", &["纪检委员"]))
        .unwrap();
    assert_eq!(l.revision().unwrap(), want.len() as u64);
}

#[test]
fn every_change_is_journaled_on_sled() {
    let dir = tempfile::tempdir().unwrap();
    let hand = Hand::new();
    let l = sled_ledger(&dir.path().join("l"), "alice", &hand);
    check_every_change(&l, &hand);
}

#[test]
fn every_change_is_journaled_in_memory() {
    let hand = Hand::new();
    let l = Ledger::new(MemStore::default(), "alice").with_clock(hand.clock());
    check_every_change(&l, &hand);
}

#[test]
fn the_store_journals_the_stamp_it_is_given() {
    let s = MemStore::default();
    let stamp = Stamp {
        user: "peer-from-socket".into(),
        at: t(9, 9),
    };
    let p = person("王五", &[]).validate(PersonId(7), &Roster::new(Vec::new()));
    s.put_person(&p.unwrap(), &stamp).unwrap();
    let e = &s.journal(0).unwrap()[0];
    assert_eq!((e.user.as_str(), e.at), ("peer-from-socket", t(9, 9)));
}

fn with_people<S: Store>(l: &Ledger<S>) {
    l.add_person(&person("张三", &["书记"])).unwrap();
    l.add_person(&person("李四", &["委员"])).unwrap();
}

#[test]
fn history_follows_one_record_across_edits_and_users() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l");
    let hand = Hand::new();
    let id = {
        let alice = sled_ledger(&path, "alice", &hand);
        with_people(&alice);
        let r = alice.add_record(&talk("一", day(2026, 3, 1))).unwrap();
        hand.set(t(2, 9));
        alice.add_record(&talk("别的", day(2026, 3, 2))).unwrap();
        hand.set(t(4, 10));
        alice
            .update_record(r.id, &talk("二", day(2026, 3, 1)))
            .unwrap();
        r.id
    };
    let bob = sled_ledger(&path, "bob", &hand);
    hand.set(t(5, 11));
    bob.update_record(id, &talk("二", day(2026, 3, 4))).unwrap();
    let h = bob.history(&Entity::Record(id)).unwrap();
    let who: Vec<(&str, Action)> = h.iter().map(|e| (e.user.as_str(), e.action)).collect();
    assert_eq!(
        who,
        [
            ("alice", Action::Create),
            ("alice", Action::Update),
            ("bob", Action::Update)
        ]
    );
    assert_eq!(changed_fields(&h[1]), ["topic"]);
    assert_eq!(changed_fields(&h[2]), ["date"]);
    assert_eq!(h[2].at, t(5, 11));
    assert!(h.iter().all(|e| e.entity == Entity::Record(id)));
    assert!(
        bob.history(&Entity::Record(RecordId(999)))
            .unwrap()
            .is_empty()
    );
    // Saving a record unchanged is not a change.
    let revision = bob.revision().unwrap();
    bob.update_record(id, &talk("二", day(2026, 3, 4))).unwrap();
    assert_eq!(bob.revision().unwrap(), revision);
}

#[test]
fn trash_and_restore_round_trip_across_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l");
    let hand = Hand::new();
    let (original, counted) = {
        let l = sled_ledger(&path, "alice", &hand);
        with_people(&l);
        let r = l.add_record(&talk("谈心", day(2026, 3, 1))).unwrap();
        let counted = done_total(&l);
        hand.set(t(6, 8));
        assert_eq!(l.delete_record(r.id).unwrap(), r);
        assert!(
            done_total(&l) < counted,
            "a deleted record no longer counts"
        );
        (r, counted)
    };
    let l = sled_ledger(&path, "bob", &hand);
    let trash = l.trash().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].0, original);
    assert_eq!(
        (trash[0].1.user.as_str(), trash[0].1.at),
        ("alice", t(6, 8))
    );
    assert!(matches!(l.record(original.id), Err(CoreError::NoRecord(_))));

    let back = l.restore_from_trash(original.id).unwrap();
    assert_eq!(back, original);
    assert_eq!(l.record(original.id).unwrap(), original, "identical");
    assert_eq!(done_total(&l), counted, "counted again");
    assert!(l.trash().unwrap().is_empty());
    assert!(matches!(
        l.restore_from_trash(original.id),
        Err(CoreError::NotInTrash(_))
    ));
    let last = l.journal(0).unwrap().pop().unwrap();
    assert_eq!((last.action, last.user.as_str()), (Action::Restore, "bob"));
}

/// Open the ledger's sled directly, as someone bypassing taizhang would.
fn with_raw_journal(path: &Path, f: impl FnOnce(&sled::Tree)) {
    // sled releases its file lock a moment after the last handle drops.
    let mut tries = 0;
    let db = loop {
        match sled::open(path) {
            Ok(db) => break db,
            Err(e) if tries < 100 => {
                tries += 1;
                eprintln!("sled busy ({e}); retrying");
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => panic!("cannot open {}: {e}", path.display()),
        }
    };
    f(&db.open_tree("journal").unwrap());
    db.flush().unwrap();
}

fn five_entries(path: &Path) {
    let hand = Hand::new();
    let l = sled_ledger(path, "alice", &hand);
    with_people(&l);
    let r = l.add_record(&talk("一", day(2026, 3, 1))).unwrap();
    l.update_record(r.id, &talk("二", day(2026, 3, 1))).unwrap();
    l.delete_record(r.id).unwrap();
    assert_eq!(l.verify().unwrap().entries, 5);
}

fn verify_error(path: &Path) -> (u64, BrokenReason) {
    let l = sled_ledger(path, "alice", &Hand::new());
    match l.verify() {
        Err(CoreError::Journal(b)) => (b.seq, b.reason),
        other => panic!("expected a broken journal, got {other:?}"),
    }
}

/// Change one character of entry `seq`'s `after` and store it back.
pub fn tamper_after(path: &Path, seq: u64) {
    with_raw_journal(path, |journal| {
        let raw = journal.get(seq.to_be_bytes()).unwrap().unwrap();
        let mut entry: serde_json::Value = serde_json::from_slice(&raw).unwrap();
        let after = entry["after"].as_str().unwrap().replacen('二', "三", 1);
        entry["after"] = after.into();
        journal
            .insert(seq.to_be_bytes(), serde_json::to_vec(&entry).unwrap())
            .unwrap();
    });
}

#[test]
fn verify_names_the_entry_whose_value_was_changed_in_sled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l");
    five_entries(&path);
    tamper_after(&path, 4);
    assert_eq!(verify_error(&path), (4, BrokenReason::BadHash));
}

#[test]
fn verify_names_the_gap_where_an_entry_was_removed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l");
    five_entries(&path);
    with_raw_journal(&path, |j| drop(j.remove(2u64.to_be_bytes()).unwrap()));
    assert_eq!(verify_error(&path), (3, BrokenReason::Gap { expected: 2 }));
}

#[test]
fn verify_notices_the_newest_entry_removed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l");
    five_entries(&path);
    with_raw_journal(&path, |j| drop(j.remove(5u64.to_be_bytes()).unwrap()));
    assert_eq!(
        verify_error(&path),
        (5, BrokenReason::Truncated { head: 5 })
    );
}

#[test]
fn a_restore_refuses_an_id_taken_again() {
    let l = Ledger::new(MemStore::default(), "alice");
    with_people(&l);
    let r = l.add_record(&talk("一", day(2026, 3, 1))).unwrap();
    let backup = l.export().unwrap();
    l.delete_record(r.id).unwrap();
    l.import(&backup).unwrap();
    assert!(matches!(
        l.restore_from_trash(r.id),
        Err(CoreError::IdInUse(_))
    ));
    assert_eq!(l.trash().unwrap().len(), 1, "still in the trash");
}

#[test]
fn an_entry_garbled_past_reading_is_named_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l");
    five_entries(&path);
    with_raw_journal(&path, |j| {
        j.insert(3u64.to_be_bytes(), b"{not json".as_slice())
            .unwrap();
    });
    let l = sled_ledger(&path, "alice", &Hand::new());
    let err = l.verify().unwrap_err().to_string();
    assert!(err.contains("journal entry 3 cannot be read"), "{err}");
}
