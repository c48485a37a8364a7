//! Nothing lost: our own checksum catches bytes changed on disk, backups
//! rotate and stay private, restore round-trips and refuses a damaged file,
//! restore works when the database is damaged, and a full or read-only disk
//! is a clear error that leaves saved data intact (`durability/*`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "durability/backups.rs"]
mod backups;
#[path = "durability/disk.rs"]
mod disk;
#[path = "durability/disk_service.rs"]
mod disk_service;
#[path = "durability/fault.rs"]
mod fault;
#[path = "durability/restore_faults.rs"]
mod restore_faults;

#[path = "cli_support/init.rs"]
mod init;
use init::init_once;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{NaiveDate, NaiveDateTime};
use taizhang::core::catalogue::Catalogue;
use taizhang::core::port::Store;
use taizhang::core::record::{Record, RecordId, RecordKind};
use taizhang::core::roster::{Person, PersonId, Role};
use taizhang::core::{Backup, StoreError};
use taizhang::store::SledStore;

pub fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

pub fn person(id: u32, name: &str) -> Person {
    Person {
        id: PersonId(id),
        name: name.to_owned(),
        roles: vec![Role::Secretary],
        dept: None,
        oversees: Vec::new(),
        links: Vec::new(),
        retired: false,
        unix_user: None,
        history: taizhang::core::roster::History::default(),
    }
}

pub fn rec(id: u64, topic: &str) -> Record {
    Record {
        id: RecordId(id),
        kind: RecordKind::CommitteeMeeting,
        date: NaiveDate::from_ymd_opt(2026, 3, 14).unwrap(),
        topic: topic.to_owned(),
        host: Some(PersonId(1)),
        attendees: vec![PersonId(1)],
        absentees: Vec::new(),
        partners: Vec::new(),
        duties: Vec::new(),
        notes: "会议记录：学习传达上级精神".to_owned(),
        evidence: Vec::new(),
        entered_by: "tester".to_owned(),
        entered_at: at(2026, 3, 14, 9),
        covers_year: None,
    }
}

/// The stamp test writes are journaled under.
pub fn stamp() -> taizhang::core::port::Stamp {
    taizhang::core::port::Stamp {
        user: "tester".to_owned(),
        at: at(2026, 3, 14, 9),
    }
}

/// A ledger at `path` with one person and `records` records (ids 10..).
pub fn seed(path: &Path, records: u64) -> Backup {
    let s = SledStore::open(path, &Catalogue::embedded()).unwrap();
    s.put_person(&person(1, "张三"), &stamp()).unwrap();
    for i in 0..records {
        s.put_record(&rec(10 + i, &format!("支委会 {i}")), &stamp())
            .unwrap();
    }
    // Keep ids unique: next_id above every id in use.
    while s.next_id().unwrap() < 10 + records {}
    s.export().unwrap()
}

pub fn export(path: &Path) -> Backup {
    SledStore::open(path, &Catalogue::embedded())
        .unwrap()
        .export()
        .unwrap()
}

/// `taizhang --db PATH --lang LANG` with a clean environment.
pub fn cli(path: &Path, lang: &str) -> Command {
    init_once(path);
    let mut c = assert_cmd::cargo::cargo_bin_cmd!("taizhang");
    let home = path.parent().unwrap();
    c.env("USER", "tester")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("TAIZHANG_DB")
        .env_remove("TAIZHANG_LANG")
        .env_remove("TAIZHANG_TODAY")
        // These tests also open the ledger in-process: no service may hold it.
        .env("TAIZHANG_DIRECT", "1")
        .args(["--lang", lang, "--db"])
        .arg(path);
    c
}

pub fn stderr_of(c: &mut Command, args: &[&str], code: i32) -> String {
    let out = c.args(args).assert().failure().code(code);
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

pub fn stdout_of(c: &mut Command, args: &[&str]) -> String {
    let out = c.args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// Flip one byte in the middle of record `id`'s stored value, through sled.
fn flip_byte_of_record(path: &Path, id: u64) {
    let db = sled::open(path).unwrap();
    let keys = db.open_tree("record_keys").unwrap();
    let key = keys.get(id.to_be_bytes()).unwrap().unwrap();
    let records = db.open_tree("records").unwrap();
    let mut value = records.get(&key).unwrap().unwrap().to_vec();
    let mid = value.len() / 2;
    value[mid] ^= 0x20;
    records.insert(key, value).unwrap();
    db.flush().unwrap();
}

#[test]
fn a_changed_byte_is_caught_by_our_checksum_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    seed(&path, 3);
    drop(SledStore::open(&path, &Catalogue::embedded()).unwrap()); // daily backup
    flip_byte_of_record(&path, 11);
    {
        let s = SledStore::open(&path, &Catalogue::embedded()).unwrap();
        assert!(
            s.record(RecordId(10)).unwrap().is_some(),
            "others still read"
        );
        let err = s.record(RecordId(11)).unwrap_err();
        let StoreError::Corrupt(msg) = &err else {
            panic!("expected Corrupt, got {err:?}");
        };
        for part in [
            "record #11",
            "`records`",
            "checksum",
            "taizhang backup restore",
        ] {
            assert!(msg.contains(part), "{part:?} missing from {msg}");
        }
    }
    // The CLI names the latest backup (taken when the ledger was opened) and
    // the exact restore command, in both languages.
    let latest = taizhang::store::backup::latest(&path).unwrap().unwrap();
    for (lang, word) in [("zh", "已损坏"), ("en", "checksum")] {
        let err = stderr_of(
            &mut cli(&path, lang),
            &["records", "list", "--year", "2026"],
            1,
        );
        assert!(err.contains(word), "{err}");
        assert!(err.contains(&latest.path.display().to_string()), "{err}");
        assert!(
            err.contains(&format!("taizhang --db {} backup restore", path.display())),
            "{err}"
        );
    }
}

#[test]
fn values_of_a_v1_ledger_are_rewritten_with_a_checksum() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    seed(&path, 2);
    // Make it a v1 ledger again: bare JSON values, schema 1.
    {
        let db = sled::open(&path).unwrap();
        let records = db.open_tree("records").unwrap();
        for entry in &records {
            let (k, v) = entry.unwrap();
            records.insert(k, v[8..].to_vec()).unwrap();
        }
        db.open_tree("meta")
            .unwrap()
            .insert("schema", &1u32.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let before = export(&path);
    assert_eq!(before.records.len(), 2, "bare values still read");
    let db = sled::open(&path).unwrap();
    for entry in &db.open_tree("records").unwrap() {
        let (_, v) = entry.unwrap();
        assert_eq!(&v[..4], b"\0TZ\x02", "enveloped by the v1→v2 step");
    }
}

pub fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

pub fn damaged_dirs(path: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(path)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("damaged-")
        })
        .collect()
}
