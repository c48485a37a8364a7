//! Issue 8, "Faults": `backup restore` handles every way the database can
//! fail to open, and never sends the user in a circle. sled's "Unsupported"
//! (its `conf` claims another format) is damage: the ledger says so with the
//! restore command, and restore sets it aside and succeeds. What restore
//! cannot cure (the ledger in use) is said without advising restore.

use std::path::Path;

use taizhang::core::catalogue::Catalogue;
use taizhang::store::SledStore;

use super::{cli, seed, stderr_of, stdout_of};

/// Make sled's `conf` claim another format version, with a valid checksum.
fn claim_another_format(path: &Path) {
    let conf = path.join("conf");
    let bytes = std::fs::read(&conf).unwrap();
    let body = String::from_utf8(bytes[..bytes.len() - 4].to_vec()).unwrap();
    let changed = body.replace("version: 0.34", "version: 0.99");
    assert_ne!(body, changed, "{body}");
    let mut out = changed.into_bytes();
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    std::fs::write(&conf, out).unwrap();
}

#[test]
fn an_unsupported_database_is_damage_that_restore_cures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    seed(&path, 3);
    stdout_of(&mut cli(&path, "en"), &["backup", "now"]);
    claim_another_format(&path);
    let err = stderr_of(&mut cli(&path, "en"), &["status"], 1);
    assert!(err.contains("backup restore"), "{err}");
    let out = stdout_of(&mut cli(&path, "en"), &["backup", "restore"]);
    assert!(out.contains("3 records"), "{out}");
    let listed = stdout_of(&mut cli(&path, "en"), &["records", "list"]);
    assert!(
        listed.contains("支委会 2") && listed.contains("3 records"),
        "{listed}"
    );
}

#[test]
fn what_restore_cannot_cure_is_said_without_sending_the_user_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    seed(&path, 1);
    stdout_of(&mut cli(&path, "en"), &["backup", "now"]);
    let held = SledStore::open(&path, &Catalogue::embedded()).unwrap();
    for lang in ["en", "zh"] {
        let err = stderr_of(&mut cli(&path, lang), &["backup", "restore"], 1);
        assert!(!err.contains("backup restore"), "{err}");
        assert!(err.contains("restore") || err.contains("恢复"), "{err}");
    }
    drop(held);
}
