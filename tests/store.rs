//! The store: one behavioural suite run on `MemStore` and `SledStore`, plus
//! reopening, location and load time; `store/robustness.rs` covers the lock,
//! permissions, migration and damaged files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use taizhang::core::catalogue::Catalogue;
use taizhang::core::error::StoreError;
use taizhang::core::mem::MemStore;
use taizhang::core::port::{Backup, ImportTexts, SCHEMA_VERSION, Stamp, Store};
use taizhang::core::record::{Record, RecordId, RecordKind};
use taizhang::core::roster::{Person, PersonId, Role};
use taizhang::store::SledStore;
use taizhang::store::location::resolve_from;

#[path = "store/robustness.rs"]
mod robustness;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at() -> NaiveDateTime {
    day(2024, 1, 2).and_hms_opt(9, 30, 0).unwrap()
}

pub fn stamp() -> Stamp {
    Stamp {
        user: "tester".into(),
        at: at(),
    }
}

pub fn rec(id: u64, date: NaiveDate, topic: &str) -> Record {
    Record {
        id: RecordId(id),
        kind: RecordKind::CommitteeMeeting,
        date,
        topic: topic.to_owned(),
        host: Some(PersonId(1)),
        attendees: vec![PersonId(1), PersonId(2)],
        absentees: Vec::new(),
        partners: Vec::new(),
        duties: Vec::new(),
        notes: "备注".to_owned(),
        evidence: Vec::new(),
        entered_by: "tester".to_owned(),
        entered_at: at(),
        covers_year: None,
    }
}

pub fn person(id: u32, name: &str) -> Person {
    Person {
        id: PersonId(id),
        name: name.to_owned(),
        roles: vec![Role::ALL[0]],
        dept: None,
        oversees: Vec::new(),
        links: Vec::new(),
        retired: false,
        unix_user: None,
        history: taizhang::core::roster::History::default(),
    }
}

fn ids(records: &[Record]) -> Vec<u64> {
    records.iter().map(|r| r.id.0).collect()
}

pub fn year(s: &impl Store, y: i32) -> Vec<u64> {
    ids(&s.records_between(day(y, 1, 1), day(y, 12, 31)).unwrap())
}

/// The behaviour every `Store` must have; `s` starts empty. Records are
/// named a..g, and their topics say which is which.
#[allow(clippy::many_single_char_names)]
fn suite<S: Store>(s: &S) {
    assert!(s.people().unwrap().is_empty());
    assert!(s.record_years().unwrap().is_empty());
    assert!(
        s.records_between(NaiveDate::MIN, NaiveDate::MAX)
            .unwrap()
            .is_empty()
    );

    // Ids: unique and increasing.
    let got: Vec<u64> = (0..6).map(|_| s.next_id().unwrap()).collect();
    assert!(got.windows(2).all(|w| w[0] < w[1]), "{got:?}");
    let [a, b, c, d, e, f] = got[..] else {
        unreachable!()
    };

    // Records across year edges; two on one day, inserted out of id order.
    s.put_record(&rec(c, day(2024, 6, 15), "c"), &stamp())
        .unwrap();
    s.put_record(&rec(b, day(2024, 6, 15), "b"), &stamp())
        .unwrap();
    s.put_record(&rec(a, day(2023, 12, 31), "a"), &stamp())
        .unwrap();
    s.put_record(&rec(d, day(2024, 1, 1), "d"), &stamp())
        .unwrap();
    s.put_record(&rec(e, day(2024, 12, 31), "e"), &stamp())
        .unwrap();
    s.put_record(&rec(f, day(2025, 1, 1), "f"), &stamp())
        .unwrap();

    assert_eq!(
        year(s, 2024),
        vec![d, b, c, e],
        "date then id, edges included"
    );
    assert_eq!(year(s, 2023), vec![a]);
    assert_eq!(year(s, 2025), vec![f]);
    let one_day = s
        .records_between(day(2024, 6, 15), day(2024, 6, 15))
        .unwrap();
    assert_eq!(ids(&one_day), vec![b, c]);
    assert!(
        s.records_between(day(2024, 6, 16), day(2024, 6, 1))
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        ids(&s.records_between(day(2025, 1, 1), NaiveDate::MAX).unwrap()),
        vec![f]
    );
    assert_eq!(
        ids(&s
            .records_between(NaiveDate::MIN, day(2023, 12, 31))
            .unwrap()),
        vec![a]
    );
    assert_eq!(s.record_years().unwrap(), vec![2023, 2024, 2025]);

    assert_eq!(
        s.record(RecordId(b)).unwrap(),
        Some(rec(b, day(2024, 6, 15), "b"))
    );
    assert_eq!(s.record(RecordId(f + 100)).unwrap(), None);

    // Moving a record to another year moves it everywhere, without a copy.
    let moved = rec(c, day(2025, 3, 1), "c moved");
    s.put_record(&moved, &stamp()).unwrap();
    assert_eq!(year(s, 2024), vec![d, b, e]);
    assert_eq!(year(s, 2025), vec![f, c]);
    assert_eq!(s.record(RecordId(c)).unwrap(), Some(moved));
    assert_eq!(s.export().unwrap().records.len(), 6);

    // Deleting.
    assert_eq!(
        s.delete_record(RecordId(a), &stamp())
            .unwrap()
            .map(|r| r.id.0),
        Some(a)
    );
    assert_eq!(s.delete_record(RecordId(a), &stamp()).unwrap(), None);
    assert_eq!(s.record(RecordId(a)).unwrap(), None);
    assert_eq!(s.record_years().unwrap(), vec![2024, 2025]);

    // People: insert or replace by id, listed by id.
    s.put_person(&person(7, "张三"), &stamp()).unwrap();
    s.put_person(&person(3, "李四"), &stamp()).unwrap();
    s.put_person(&person(7, "张三丰"), &stamp()).unwrap();
    let names: Vec<String> = s.people().unwrap().into_iter().map(|p| p.name).collect();
    assert_eq!(names, vec!["李四", "张三丰"]);

    // Catalogue.
    let mut smaller = s.catalogue().unwrap();
    assert!(!smaller.duties.is_empty());
    smaller.duties.pop();
    s.set_catalogue(&smaller, &stamp()).unwrap();
    assert_eq!(s.catalogue().unwrap(), smaller);

    // Export, change things, import: the old state comes back exactly.
    let saved = s.export().unwrap();
    assert_eq!(saved.schema, SCHEMA_VERSION);
    assert_eq!(ids(&saved.records), {
        let mut v = vec![b, c, d, e, f];
        v.sort_unstable();
        v
    });
    let g = s.next_id().unwrap();
    assert!(g > f);
    s.put_record(&rec(g, day(2026, 2, 2), "g"), &stamp())
        .unwrap();
    s.put_person(&person(9, "王五"), &stamp()).unwrap();
    s.set_catalogue(&Catalogue::embedded(), &stamp()).unwrap();
    s.import(&saved, &ImportTexts::now(&s, &saved).unwrap(), &stamp())
        .unwrap();
    // Everything comes back but the id counter: `g` is never handed out again.
    let back = s.export().unwrap();
    assert_eq!(back.next_id, g + 1);
    assert_eq!(
        Backup {
            next_id: saved.next_id,
            ..back
        },
        saved
    );
    assert_eq!(s.record(RecordId(g)).unwrap(), None);
    assert_eq!(s.record_years().unwrap(), vec![2024, 2025]);

    // Import replaces everything, and next_id continues from the backup.
    let fresh = Backup {
        schema: SCHEMA_VERSION,
        catalogue: Catalogue::embedded(),
        people: vec![person(1, "赵六")],
        records: vec![rec(500, day(2030, 5, 5), "only")],
        next_id: 1000,
        fixes: Vec::new(),
        corrections: Vec::new(),
        closed_years: Vec::new(),
        archived: Vec::new(),
        journal: Vec::new(),
    };
    s.import(&fresh, &ImportTexts::now(&s, &fresh).unwrap(), &stamp())
        .unwrap();
    assert_eq!(s.export().unwrap(), fresh);
    assert_eq!(s.record_years().unwrap(), vec![2030]);
    assert_eq!(s.record(RecordId(b)).unwrap(), None);
    assert_eq!(s.record(RecordId(500)).unwrap().unwrap().topic, "only");
    assert_eq!(s.next_id().unwrap(), 1000);
    assert_eq!(s.next_id().unwrap(), 1001);
}

#[test]
fn mem_store_passes_the_suite() {
    suite(&MemStore::default());
}

#[test]
fn sled_store_passes_the_suite() {
    let dir = tempfile::tempdir().unwrap();
    let store = SledStore::open(&dir.path().join("ledger"), &Catalogue::embedded()).unwrap();
    suite(&store);
}

pub fn open(path: &Path) -> Result<SledStore, StoreError> {
    SledStore::open(path, &Catalogue::embedded())
}

#[test]
fn reopen_keeps_data_and_ids() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    let (saved, last) = {
        let s = open(&path).unwrap();
        let who = u32::try_from(s.next_id().unwrap()).unwrap();
        s.put_person(&person(who, "钱七"), &stamp()).unwrap();
        let id = s.next_id().unwrap();
        s.put_record(&rec(id, day(2024, 3, 3), "kept"), &stamp())
            .unwrap();
        (s.export().unwrap(), id)
    };
    let s = open(&path).unwrap();
    assert_eq!(s.export().unwrap(), saved);
    assert!(s.next_id().unwrap() > last);
}

#[test]
fn resolve_prefers_explicit_then_env_then_xdg() {
    let xdg = Some(PathBuf::from("/home/u/.local/share"));
    let env = Some("/srv/ledger".into());
    let explicit = Path::new("/tmp/mine");
    assert_eq!(
        resolve_from(Some(explicit), env.clone(), xdg.clone()).unwrap(),
        explicit
    );
    assert_eq!(
        resolve_from(None, env, xdg.clone()).unwrap(),
        Path::new("/srv/ledger")
    );
    assert_eq!(
        resolve_from(None, None, xdg.clone()).unwrap(),
        Path::new("/home/u/.local/share/taizhang/ledger")
    );
    assert_eq!(
        resolve_from(None, Some("".into()), xdg).unwrap(),
        Path::new("/home/u/.local/share/taizhang/ledger"),
        "an empty TAIZHANG_DB counts as unset"
    );
    assert!(matches!(
        resolve_from(None, None, None),
        Err(StoreError::NoDataDir)
    ));
    // The real function: an explicit path wins whatever the environment says.
    assert_eq!(
        taizhang::store::location::resolve(Some(explicit)).unwrap(),
        explicit
    );
}

#[test]
fn a_year_of_records_reads_back_whole_and_in_order() {
    // Speed is measured by `cargo bench`, never asserted here.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    {
        let s = open(&path).unwrap();
        let mut backup = s.export().unwrap();
        backup.records = (0..2000u64)
            .map(|i| {
                let date = day(2024, 1, 1) + chrono::Days::new(i % 366);
                rec(i + 1, date, &"专题学习会议纪要".repeat(4))
            })
            .chain((0..500u64).map(|i| rec(10_000 + i, day(2023, 7, 1), "last year")))
            .collect();
        backup.next_id = 20_000;
        s.import(&backup, &ImportTexts::now(&s, &backup).unwrap(), &stamp())
            .unwrap();
    }
    let s = open(&path).unwrap();
    let got = s
        .records_between(day(2024, 1, 1), day(2024, 12, 31))
        .unwrap();
    assert_eq!(got.len(), 2000);
    assert!(
        got.windows(2)
            .all(|w| (w[0].date, w[0].id) < (w[1].date, w[1].id))
    );
}
