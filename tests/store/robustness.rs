//! What only the disk store does: its lock, private permissions, repair of a
//! crashed snapshot, schema migration, and errors (not panics or hangs) on damage.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use taizhang::core::catalogue::Catalogue;
use taizhang::core::error::StoreError;
use taizhang::core::port::{SCHEMA_VERSION, Store};
use taizhang::core::record::{Record, RecordId};
use taizhang::core::roster::Person;
use taizhang::store::{LOCK_FILE, OpenOptions, SledStore};

use super::{day, open, person, rec, stamp, year};

#[test]
fn leftover_generating_snapshot_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    {
        let s = open(&path).unwrap();
        s.put_person(&person(1, "孙八"), &stamp()).unwrap();
    }
    let leftover = path.join("snap.FFFFFFFFFFFFFFFF.generating");
    std::fs::write(&leftover, b"half a snapshot").unwrap();
    let s = open(&path).unwrap();
    assert!(!leftover.exists());
    assert_eq!(s.people().unwrap()[0].name, "孙八");
}

#[test]
fn second_open_is_refused_naming_the_holder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    let first = open(&path).unwrap();
    match open(&path) {
        Err(StoreError::Locked { path: p, holder }) => {
            assert_eq!(p, path);
            assert!(
                holder.contains(&format!("pid {}", std::process::id())),
                "{holder}"
            );
        }
        other => panic!("expected Locked, got {other:?}"),
    }
    drop(first);
    let again = open(&path).unwrap();
    assert!(again.people().unwrap().is_empty());
}

#[cfg(unix)]
fn modes(dir: &Path, out: &mut Vec<(PathBuf, u32, bool)>) {
    use std::os::unix::fs::PermissionsExt;
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let meta = entry.metadata().unwrap();
        out.push((
            entry.path(),
            meta.permissions().mode() & 0o777,
            meta.is_dir(),
        ));
        if meta.is_dir() {
            modes(&entry.path(), out);
        }
    }
}

#[cfg(unix)]
#[test]
fn ledger_is_private_to_its_owner() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data").join("ledger");
    let check = |when: &str| {
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "ledger directory {when}");
        let mut all = Vec::new();
        modes(&path, &mut all);
        assert!(all.iter().any(|(p, _, _)| p.ends_with(LOCK_FILE)));
        assert!(all.iter().any(|(p, _, _)| p.ends_with("db")));
        for (p, mode, is_dir) in all {
            let want = if is_dir { 0o700 } else { 0o600 };
            assert_eq!(mode, want, "{} {when}", p.display());
        }
    };
    {
        let s = open(&path).unwrap();
        s.put_person(&person(1, "周九"), &stamp()).unwrap();
        check("while open");
    }
    check("after close");
}

/// `sled::open`, waiting (bounded) for the file lock: sled's I/O threads may
/// hold it a moment after the last handle of an earlier open is dropped
/// (seen under load, in this file's tests that open the same path twice).
fn raw_sled(path: &Path) -> sled::Db {
    let mut tries = 0;
    loop {
        match sled::open(path) {
            Ok(db) => return db,
            Err(_) if tries < 100 => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(e) => panic!("sled kept its lock for 5 s after the last close: {e}"),
        }
    }
}

/// Our store's open, with the same bounded wait for a lock sled's threads
/// still hold from a raw open just dropped.
fn open_after_raw(path: &Path) -> SledStore {
    let mut tries = 0;
    loop {
        match open(path) {
            Ok(s) => return s,
            Err(_) if tries < 100 => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(e) => panic!("the ledger stayed locked for 5 s after a raw sled open: {e}"),
        }
    }
}

/// Write a ledger as taizhang did before schema keys: records and people,
/// no `schema`, no `record_keys` index, no catalogue, no `next_id`.
fn write_v0(path: &Path, records: &[Record], people: &[Person]) {
    let db = raw_sled(path);
    let tree = db.open_tree("records").unwrap();
    for r in records {
        let days = i32::try_from(r.date.signed_duration_since(NaiveDate::MIN).num_days()).unwrap()
            + chrono::Datelike::num_days_from_ce(&NaiveDate::MIN);
        let mut key = (days.cast_unsigned() ^ 0x8000_0000).to_be_bytes().to_vec();
        key.extend_from_slice(&r.id.0.to_be_bytes());
        tree.insert(key, serde_json::to_vec(r).unwrap()).unwrap();
    }
    let tree = db.open_tree("people").unwrap();
    for p in people {
        tree.insert(p.id.0.to_be_bytes(), serde_json::to_vec(p).unwrap())
            .unwrap();
    }
    db.flush().unwrap();
}

fn raw_schema(path: &Path) -> Option<u32> {
    let db = raw_sled(path);
    let meta = db.open_tree("meta").unwrap();
    meta.get("schema")
        .unwrap()
        .map(|v| u32::from_be_bytes(v.as_ref().try_into().unwrap()))
}

#[test]
fn v0_ledger_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    let old = [
        rec(40, day(2022, 4, 4), "old"),
        rec(12, day(2023, 1, 9), "older id"),
    ];
    write_v0(&path, &old, &[person(55, "吴十")]);
    assert_eq!(raw_schema(&path), None);
    {
        let s = open_after_raw(&path);
        assert_eq!(
            s.record(RecordId(40)).unwrap(),
            Some(old[0].clone()),
            "index rebuilt"
        );
        assert_eq!(year(&s, 2023), vec![12]);
        assert_eq!(s.record_years().unwrap(), vec![2022, 2023]);
        assert_eq!(s.people().unwrap()[0].name, "吴十");
        assert_eq!(s.catalogue().unwrap(), Catalogue::embedded());
        assert_eq!(s.next_id().unwrap(), 56, "above every id in use");
        assert_eq!(
            s.delete_record(RecordId(12), &stamp())
                .unwrap()
                .unwrap()
                .id
                .0,
            12
        );
    }
    assert_eq!(raw_schema(&path), Some(SCHEMA_VERSION));
}

#[test]
fn newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    drop(open(&path).unwrap());
    {
        let db = raw_sled(&path);
        let meta = db.open_tree("meta").unwrap();
        meta.insert("schema", &(SCHEMA_VERSION + 1).to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    for _ in 0..2 {
        // Refused twice: the first refusal released the lock.
        match open(&path) {
            Err(StoreError::TooNew {
                found, supported, ..
            }) => {
                assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
            }
            other => panic!("expected TooNew, got {other:?}"),
        }
    }
    assert_eq!(
        raw_schema(&path),
        Some(SCHEMA_VERSION + 1),
        "left untouched"
    );
}

#[test]
fn slow_open_times_out_and_then_releases_the_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    drop(open(&path).unwrap());
    let quick = OpenOptions {
        timeout: Duration::ZERO,
        ..OpenOptions::default()
    };
    match SledStore::open_with(&path, &Catalogue::embedded(), quick) {
        Err(StoreError::OpenTimeout { path: p, .. }) => assert_eq!(p, path),
        other => panic!("expected OpenTimeout, got {other:?}"),
    }
    // The abandoned open finishes in the background and lets go.
    let start = Instant::now();
    loop {
        match open(&path) {
            Ok(_) => break,
            Err(StoreError::Locked { .. }) if start.elapsed() < Duration::from_secs(10) => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => panic!("{e}"),
        }
    }
}

#[test]
fn damaged_database_is_an_error_not_a_panic_or_hang() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    {
        let s = open(&path).unwrap();
        for i in 0..50 {
            s.put_record(&rec(i, day(2024, 1, 1), "x"), &stamp())
                .unwrap();
        }
    }
    let db = path.join("db");
    let len = std::fs::metadata(&db).unwrap().len();
    std::fs::write(&db, vec![0xA5; usize::try_from(len).unwrap()]).unwrap();
    let options = OpenOptions {
        timeout: Duration::from_secs(5),
        ..OpenOptions::default()
    };
    let start = Instant::now();
    let got = SledStore::open_with(&path, &Catalogue::embedded(), options);
    assert!(start.elapsed() < Duration::from_secs(8));
    match got {
        Err(StoreError::Corrupt(msg)) => assert!(msg.contains("damaged"), "{msg}"),
        // sled may also hang on a damaged file; the time limit catches that.
        Err(StoreError::OpenTimeout { .. }) => {}
        Ok(s) => panic!(
            "opened a damaged ledger: {:?}",
            s.export().map(|b| b.records.len())
        ),
        Err(e) => panic!("unexpected error {e}"),
    }
}

#[test]
fn damaged_record_is_reported_as_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    drop(open(&path).unwrap());
    {
        let db = raw_sled(&path);
        let mut key = 0x8000_0000u32.to_be_bytes().to_vec();
        key.extend_from_slice(&1u64.to_be_bytes());
        db.open_tree("records")
            .unwrap()
            .insert(key, b"{not json".as_slice())
            .unwrap();
        db.flush().unwrap();
    }
    let s = open(&path).unwrap();
    let err = s
        .records_between(NaiveDate::MIN, NaiveDate::MAX)
        .unwrap_err();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err}");
}

#[test]
fn a_foreign_sled_holder_is_reported_as_locked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    drop(open(&path).unwrap());
    let foreign = raw_sled(&path);
    let options = OpenOptions {
        timeout: Duration::from_secs(1),
        ..OpenOptions::default()
    };
    match SledStore::open_with(&path, &Catalogue::embedded(), options) {
        Err(StoreError::Locked { holder, .. }) => assert!(holder.contains("another program")),
        other => panic!("expected Locked, got {other:?}"),
    }
    drop(foreign);
    // Our lock was released with the refusal.
    assert!(open(&path).is_ok());
}
