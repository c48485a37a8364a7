//! Archives at the store and core: a round trip through close and reopen on
//! sled and in memory, a changed archive refused on load, by `verify` and by
//! the CLI, writes into an archived year refused by the store itself, and
//! reopening kept for the owner.

use std::io::{Read, Write};

use chrono::NaiveDate;
use taizhang::core::access::{Act, Policy, Refusal};
use taizhang::core::archive::{ArchiveFault, YearArchive};
use taizhang::core::ledger::fixed_clock;
use taizhang::core::mem::MemStore;
use taizhang::core::{
    Catalogue, CoreError, Ledger, NewPerson, NewRecord, RecordKind, Stamp, Store, StoreError,
};
use taizhang::store::SledStore;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn meeting(date: NaiveDate, topic: &str) -> NewRecord {
    NewRecord {
        kind: Some(RecordKind::CommitteeMeeting),
        date: Some(date),
        topic: topic.into(),
        host: Some("张三".into()),
        ..NewRecord::default()
    }
}

/// A ledger on `store` with two 2025 meetings and one in 2026, 2025 closed.
fn closed<S: Store>(store: S) -> Ledger<S> {
    let now = d(2026, 1, 10).and_hms_opt(9, 0, 0).unwrap();
    let l = Ledger::new(store, "alice").with_clock(fixed_clock(now));
    let secretary = NewPerson {
        name: "张三".into(),
        roles: vec!["书记".into()],
        ..NewPerson::default()
    };
    l.add_person(&secretary).unwrap();
    for (date, topic) in [
        (d(2025, 3, 1), "一"),
        (d(2025, 9, 1), "二"),
        (d(2026, 1, 5), "三"),
    ] {
        l.add_record(&meeting(date, topic)).unwrap();
    }
    l
}

fn round_trip<S: Store>(l: &Ledger<S>) {
    let before = l.records_in_year(2025).unwrap();
    let view_before = l.year_view(2025, d(2026, 1, 10)).unwrap();
    let closing = l.close_year(2025).unwrap();
    let a = l.archive(2025).unwrap().expect("archived");
    assert_eq!(a.seal, closing.seal);
    assert_eq!(a.records, before);
    assert_eq!(a.people, l.store().people().unwrap());
    assert_eq!(a.catalogue, l.catalogue().unwrap());
    assert!(a.check(2025).is_ok());
    assert_eq!(
        l.store()
            .records_between(d(2025, 1, 1), d(2025, 12, 31))
            .unwrap(),
        Vec::new(),
        "the year left the live store"
    );
    assert_eq!(
        l.records_in_year(2025).unwrap(),
        before,
        "read from the archive"
    );
    let view = l.year_view(2025, d(2026, 1, 10)).unwrap();
    assert_eq!(view.progress, view_before.progress);
    assert!(view.closed);
    assert_eq!(l.record(before[0].id).unwrap(), before[0]);
    assert_eq!(l.record_years().unwrap(), vec![2025, 2026]);
    assert_eq!(
        l.check_seal(2025).unwrap().map(|(_, same)| same),
        Some(true)
    );
    // The store refuses a write into the archived year whoever asks.
    let stamp = Stamp {
        user: "mallory".into(),
        at: d(2026, 1, 10).and_hms_opt(9, 0, 0).unwrap(),
    };
    let mut forged = before[0].clone();
    forged.topic = "伪造".into();
    assert!(matches!(
        l.store().put_record(&forged, &stamp),
        Err(StoreError::SealedYear(2025))
    ));
    let audit = l.audit().unwrap();
    assert_eq!(audit.archives, vec![closing.seal.clone()]);

    l.reopen_year(2025).unwrap();
    assert_eq!(l.archive(2025).unwrap(), None);
    assert_eq!(l.closed_years().unwrap(), Vec::<i32>::new());
    assert_eq!(
        l.records_in_year(2025).unwrap(),
        before,
        "back in the live store"
    );
    assert_eq!(l.audit().unwrap().notices.len(), 1, "the reopen is shown");
    let again = l.close_year(2025).unwrap();
    assert_ne!(
        again.seal.digest, closing.seal.digest,
        "a new seal on a later head"
    );
    l.verify().unwrap();
}

#[test]
fn archive_round_trip_in_memory() {
    round_trip(&closed(MemStore::default()));
}

#[test]
fn archive_round_trip_on_sled_and_after_reopening_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l");
    let seal = {
        let l = closed(SledStore::open(&path, &Catalogue::embedded()).unwrap());
        round_trip(&l);
        l.archive(2025).unwrap().unwrap().seal
    };
    let l = closed_again(&path);
    assert_eq!(l.archive(2025).unwrap().unwrap().seal, seal);
}

fn closed_again(path: &std::path::Path) -> Ledger<SledStore> {
    Ledger::new(
        SledStore::open(path, &Catalogue::embedded()).unwrap(),
        "bob",
    )
}

fn rewrite(path: &std::path::Path, edit: impl FnOnce(&mut YearArchive)) {
    let mut json = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap())
        .read_to_end(&mut json)
        .unwrap();
    let mut archive: YearArchive = serde_json::from_slice(&json).unwrap();
    edit(&mut archive);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&serde_json::to_vec(&archive).unwrap())
        .unwrap();
    std::fs::write(path, gz.finish().unwrap()).unwrap();
}

#[test]
fn a_changed_archive_is_refused_on_load_and_by_verify() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l");
    let file = path.join("archive/year-2025.json.gz");
    {
        let l = closed(SledStore::open(&path, &Catalogue::embedded()).unwrap());
        l.close_year(2025).unwrap();
    }
    let original = std::fs::read(&file).unwrap();
    let refused = |l: &Ledger<SledStore>| match l.records_in_year(2025) {
        Err(CoreError::Store(StoreError::Archive {
            year: 2025, fault, ..
        })) => fault,
        other => panic!("not refused: {other:?}"),
    };

    // A record edited in place: the content no longer gives the seal.
    rewrite(&file, |a| a.records[0].topic = "改过".into());
    let l = closed_again(&path);
    assert!(matches!(refused(&l), ArchiveFault::Content { .. }));
    assert!(matches!(
        l.audit(),
        Err(CoreError::Store(StoreError::Archive { .. }))
    ));
    let states = l.year_states().unwrap();
    let y2025 = states.iter().find(|s| s.year == 2025).unwrap();
    assert_eq!(y2025.seal.as_ref().map(|(_, same)| *same), Some(false));
    drop(l);

    // Edited and resealed with the core's own code: not the recorded seal.
    std::fs::write(&file, &original).unwrap();
    rewrite(&file, |a| {
        let mut records = a.records.clone();
        records[0].topic = "改过".into();
        *a = YearArchive::build(
            a.year,
            a.catalogue.clone(),
            a.people.clone(),
            records,
            a.fixes.clone(),
            (a.seal.head_seq, a.seal.head),
        )
        .unwrap();
    });
    let l = closed_again(&path);
    assert!(matches!(refused(&l), ArchiveFault::NotTheSeal { .. }));
    drop(l);

    // Removed.
    std::fs::remove_file(&file).unwrap();
    let l = closed_again(&path);
    assert_eq!(refused(&l), ArchiveFault::Missing);
    drop(l);

    // Put back: all is well again.
    std::fs::write(&file, &original).unwrap();
    let l = closed_again(&path);
    assert_eq!(l.records_in_year(2025).unwrap().len(), 2);
    l.audit().unwrap();
}

#[test]
fn a_changed_archive_is_refused_by_the_cli() {
    let l = crate::Ledger::new();
    let file = l.db().join("archive/year-2025.json.gz");
    rewrite(&file, |a| a.records[1].topic = "改过".into());
    let err = l.refused(&["status", "--year", "2025"], 1);
    assert!(
        err.contains("2025年度的封存档案") && err.contains("已被改动"),
        "{err}"
    );
    let err = l.refused(&["--lang", "en", "verify"], 1);
    assert!(
        err.contains("its content no longer gives its seal"),
        "{err}"
    );
    let err = l.refused(&["verify", "--archive", file.to_str().unwrap()], 1);
    assert!(err.contains("已被改动"), "{err}");
    let row = l.row_2025();
    assert!(row.contains("不符"), "{row}");
    // The open year still works.
    assert!(l.ok(&["status"]).contains("2026"));
}

#[test]
fn only_the_owner_reopens_a_sealed_year() {
    let l = closed(MemStore::default()).with_policy(Policy::default().with_owner("bob"));
    l.close_year(2025).unwrap();
    match l.reopen_year(2025) {
        Err(CoreError::Refused(Refusal::NotAdmin {
            user,
            act,
            owner,
            secretary_too,
        })) => {
            assert_eq!((user.as_str(), owner.as_deref()), ("alice", Some("bob")));
            assert_eq!((act, secretary_too), (Act::ReopenYear, false));
        }
        other => panic!("not refused: {other:?}"),
    }
    assert!(l.archive(2025).unwrap().is_some());
    let anyone = closed(MemStore::default());
    assert!(matches!(
        anyone.reopen_year(2024),
        Err(CoreError::NotArchived(2024))
    ));
}
