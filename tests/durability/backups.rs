//! Rotation, permissions, and `backup restore` (round trip, refusal of a
//! damaged file, and restoring over a damaged database).

use taizhang::core::Backup;
use taizhang::core::catalogue::Catalogue;
use taizhang::core::port::Store;
use taizhang::store::SledStore;
use taizhang::store::backup::{self, KEEP_DAILY, KEEP_MANUAL, Kind};

use super::{at, cli, damaged_dirs, export, mode, rec, seed, stderr_of, stdout_of};

#[test]
fn backups_rotate_per_kind_and_are_private() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    seed(&path, 2);
    let s = SledStore::open(&path, &Catalogue::embedded()).unwrap();
    let start = backup::list(&path).unwrap().len();
    assert!(start <= 1, "at most one automatic backup today");
    // Twenty days of automatic backups in 2020, twice a day each.
    for day in 1..=20 {
        assert!(
            backup::daily(&s, &path, at(2020, 1, day, 8))
                .unwrap()
                .is_some()
        );
        assert!(
            backup::daily(&s, &path, at(2020, 1, day, 17))
                .unwrap()
                .is_none()
        );
    }
    for hour in 0..7 {
        backup::take(&s, &path, Kind::Manual, at(2020, 2, 1, hour)).unwrap();
    }
    let all = backup::list(&path).unwrap();
    let daily: Vec<_> = all.iter().filter(|b| b.kind == Kind::Daily).collect();
    let manual: Vec<_> = all.iter().filter(|b| b.kind == Kind::Manual).collect();
    assert_eq!(daily.len(), KEEP_DAILY);
    assert_eq!(manual.len(), KEEP_MANUAL);
    // The oldest went first: today's stays (it is newest), then Jan 20 back.
    let oldest_kept = daily.iter().map(|b| b.taken).min().unwrap();
    let expect_oldest = if start == 1 { 8 } else { 7 };
    assert_eq!(oldest_kept, at(2020, 1, expect_oldest, 8));
    assert_eq!(manual[0].taken, at(2020, 2, 1, 2));
    assert_eq!(mode(&backup::backup_dir(&path)), 0o700);
    for b in &all {
        assert_eq!(mode(&b.path), 0o600, "{}", b.path.display());
        // A backup carries the journal, so a restore continues the chain.
        assert_eq!(
            backup::read(&b.path).unwrap(),
            backup::snapshot(&s).unwrap()
        );
    }
    // An empty ledger is not backed up.
    let empty = dir.path().join("empty");
    let e = SledStore::open(&empty, &Catalogue::embedded()).unwrap();
    assert!(
        backup::daily(&e, &empty, at(2020, 1, 1, 8))
            .unwrap()
            .is_none()
    );
    // A crash mid-write leaves a temporary file; the next backup removes it.
    let tmp = backup::backup_dir(&path).join(".daily-x.json.tmp");
    std::fs::write(&tmp, b"{").unwrap();
    backup::take(&s, &path, Kind::Manual, at(2020, 3, 1, 8)).unwrap();
    assert!(!tmp.exists());
}

#[test]
fn restore_from_the_latest_backup_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    seed(&path, 3);
    let out = stdout_of(&mut cli(&path, "en"), &["backup", "now"]);
    assert!(out.contains("backup written to"), "{out}");
    let saved = export(&path);
    {
        let s = SledStore::open(&path, &Catalogue::embedded()).unwrap();
        s.put_record(&rec(99, "after the backup"), &super::stamp())
            .unwrap();
        s.delete_record(taizhang::core::RecordId(10), &super::stamp())
            .unwrap();
    }
    assert_ne!(export(&path), saved);
    let out = stdout_of(&mut cli(&path, "zh"), &["backup", "restore"]);
    assert!(out.contains("1 人，3 条记录"), "{out}");
    assert!(out.contains("如需撤销"), "{out}");
    // Everything comes back but the id counter, which never goes back: the
    // ids used after the backup (99) are not handed out again.
    let back = export(&path);
    assert!(back.next_id > 99, "{}", back.next_id);
    assert_eq!(
        Backup {
            next_id: saved.next_id,
            ..back
        },
        saved
    );
    // The replaced ledger was kept: restoring it undoes the restore.
    let safety = backup::list(&path)
        .unwrap()
        .into_iter()
        .find(|b| b.kind == Kind::Safety)
        .unwrap();
    let undo = backup::read(&safety.path).unwrap();
    assert_eq!(undo.records.len(), 3);
    assert!(undo.records.iter().any(|r| r.topic == "after the backup"));
    let list = stdout_of(&mut cli(&path, "en"), &["backup", "list"]);
    assert!(
        list.contains("before restore") && list.contains("manual"),
        "{list}"
    );
}

#[test]
fn restore_refuses_a_truncated_or_changed_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    seed(&path, 3);
    stdout_of(&mut cli(&path, "en"), &["backup", "now"]);
    let before = export(&path);
    let latest = backup::latest(&path).unwrap().unwrap().path;
    let bytes = std::fs::read(&latest).unwrap();
    let good = dir.path().join("good.json.gz");
    std::fs::write(&good, &bytes).unwrap();
    // Cut short, under its own name (checksum) and under a plain name (JSON).
    std::fs::write(&latest, &bytes[..bytes.len() / 2]).unwrap();
    let err = stderr_of(&mut cli(&path, "en"), &["backup", "restore"], 1);
    assert!(err.contains("changed since it was written"), "{err}");
    assert!(err.contains("The ledger was not changed"), "{err}");
    let plain = dir.path().join("plain.json");
    std::fs::write(&plain, &bytes[..bytes.len() / 2]).unwrap();
    let err = stderr_of(
        &mut cli(&path, "zh"),
        &["backup", "restore", plain.to_str().unwrap()],
        1,
    );
    assert!(err.contains("截断"), "{err}");
    // Incoherent content: a record naming a person who is not there.
    let mut bad: taizhang::core::Backup =
        serde_json::from_slice(&backup::json_of(&good).unwrap()).unwrap();
    bad.people.clear();
    std::fs::write(&plain, serde_json::to_vec(&bad).unwrap()).unwrap();
    let err = stderr_of(
        &mut cli(&path, "en"),
        &["backup", "restore", plain.to_str().unwrap()],
        1,
    );
    assert!(err.contains("not in the roster"), "{err}");
    assert_eq!(export(&path), before, "nothing written");
}

#[test]
fn restore_works_when_the_database_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    seed(&path, 40);
    stdout_of(&mut cli(&path, "en"), &["backup", "now"]);
    let saved = export(&path);
    let latest = backup::latest(&path).unwrap().unwrap().path;
    let db = path.join("db");
    let len = std::fs::metadata(&db).unwrap().len();
    std::fs::write(&db, vec![0xA5; usize::try_from(len).unwrap()]).unwrap();
    let err = stderr_of(&mut cli(&path, "zh"), &["status"], 1);
    assert!(err.contains(&latest.display().to_string()), "{err}");
    assert!(
        err.contains(&format!("taizhang --db {} backup restore", path.display())),
        "{err}"
    );
    let out = stdout_of(&mut cli(&path, "en"), &["backup", "restore"]);
    assert!(out.contains("moved to"), "{out}");
    assert_eq!(export(&path), saved);
    let aside = damaged_dirs(&path);
    assert_eq!(aside.len(), 1);
    assert!(aside[0].join("db").exists(), "the damaged file is kept");
    stdout_of(&mut cli(&path, "en"), &["status"]);
}

#[test]
fn restore_with_no_backup_says_how_to_use_an_export() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    let err = stderr_of(&mut cli(&path, "en"), &["backup", "restore"], 1);
    assert!(
        err.contains("no backups") && err.contains("backup restore FILE"),
        "{err}"
    );
}

#[test]
fn backups_are_compressed_and_an_uncompressed_one_from_before_still_restores() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    seed(&path, 30);
    stdout_of(&mut cli(&path, "en"), &["backup", "now"]);
    let saved = export(&path);
    let latest = backup::latest(&path).unwrap().unwrap();
    let name = latest
        .path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(name.ends_with(".json.gz"), "{name}");
    let json = backup::json_of(&latest.path).unwrap();
    assert!(
        latest.bytes * 3 < json.len() as u64,
        "{} vs {}",
        latest.bytes,
        json.len()
    );
    // The same backup as an older taizhang wrote it: plain JSON, CRC-named.
    std::fs::remove_file(&latest.path).unwrap();
    let crc = crc32fast::hash(&json);
    let old = backup::backup_dir(&path).join(format!("manual-20200101-080000-{crc:08x}.json"));
    std::fs::write(&old, &json).unwrap();
    {
        let s = SledStore::open(&path, &Catalogue::embedded()).unwrap();
        s.put_record(&rec(99, "after the backup"), &super::stamp())
            .unwrap();
    }
    let out = stdout_of(
        &mut cli(&path, "en"),
        &["backup", "restore", old.to_str().unwrap()],
    );
    assert!(out.contains("30 records"), "{out}");
    let back = export(&path);
    assert_eq!(
        Backup {
            next_id: saved.next_id,
            ..back
        },
        saved
    );
}
