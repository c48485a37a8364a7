//! Issue 8, "Symlinks followed": a link planted in a ledger (for the lock,
//! the sharing settings, the service log, the backups) is refused by name and
//! its target is left untouched, including when root runs `--direct` or
//! `backup now` on someone's ledger.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "multiuser/support.rs"]
mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Output;

fn taizhang(db: &Path, args: &[&str]) -> Output {
    support::taizhang(db, None, args)
}

/// A ledger with a person, and a file outside it that a link will point at.
fn ledger_and_target(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let db = dir.join("ledger");
    let out = taizhang(
        &db,
        &["--direct", "people", "add", "张三", "--role", "书记"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let target = dir.join("precious");
    std::fs::write(&target, "keep me").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
    (db, target)
}

fn assert_untouched(target: &Path) {
    assert_eq!(std::fs::read_to_string(target).unwrap(), "keep me");
    let mode = std::fs::metadata(target).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o644, "chmod-ed through the link");
}

#[test]
fn a_linked_lock_file_is_refused_and_its_target_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (db, target) = ledger_and_target(dir.path());
    std::fs::remove_file(db.join("taizhang.lock")).unwrap();
    std::os::unix::fs::symlink(&target, db.join("taizhang.lock")).unwrap();
    let out = taizhang(&db, &["--direct", "status", "--short"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("symbolic link") && err.contains("taizhang.lock"),
        "{err}"
    );
    assert_untouched(&target);
}

#[test]
fn linked_settings_and_backups_are_refused_and_their_targets_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (db, target) = ledger_and_target(dir.path());
    std::os::unix::fs::symlink(&target, db.join("taizhang.toml")).unwrap();
    let out = taizhang(&db, &["--direct", "status", "--short"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("symbolic link"));
    assert_untouched(&target);
    std::fs::remove_file(db.join("taizhang.toml")).unwrap();

    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o755)).unwrap();
    let backups = db.join("backups");
    let _ = std::fs::remove_dir_all(&backups);
    std::os::unix::fs::symlink(&elsewhere, &backups).unwrap();
    let out = taizhang(&db, &["--direct", "backup", "now"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("symbolic link"));
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
    let mode = std::fs::metadata(&elsewhere).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o755, "chmod-ed through the link");
}
