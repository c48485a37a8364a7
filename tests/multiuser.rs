//! Two real Unix users on one group-shared ledger: each sees the other's
//! record, and every change is traced to the Unix user who made it, as the
//! kernel reports them, not as the client claims. Needs root (to create a
//! throwaway user and group); elsewhere it says it skipped (fails under CI).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "multiuser/support.rs"]
mod support;

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use support::{account, can_run, ok, taizhang};

fn record_id(added: &str) -> String {
    added
        .split_whitespace()
        .find_map(|w| w.strip_prefix('#'))
        .unwrap()
        .trim_end_matches(':')
        .to_string()
}

#[test]
fn two_unix_users_share_a_ledger_and_each_change_names_its_user() {
    if !can_run() {
        return;
    }
    let acc = account("u");
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let db = dir.path().join("ledger");
    let owner = Command::new("id").arg("-un").output().unwrap();
    let owner = String::from_utf8_lossy(&owner.stdout).trim().to_string();

    ok(&taizhang(
        &db,
        None,
        &["init-shared", "--group", &acc.group],
    ));
    ok(&taizhang(
        &db,
        None,
        &["people", "add", "张三", "--role", "书记"],
    ));
    ok(&taizhang(
        &db,
        None,
        &["people", "add", "李四", "--role", "班子成员"],
    ));

    // The other user adds a record through the service the owner runs...
    let theirs = record_id(&ok(&taizhang(
        &db,
        Some(&acc.user),
        &[
            "add",
            "廉政谈话",
            "--date",
            "3-2",
            "--host",
            "张三",
            "--with",
            "李四",
        ],
    )));
    // ...and the owner adds one too.
    let mine = record_id(&ok(&taizhang(
        &db,
        None,
        &["add", "支委会", "--date", "3-3", "--topic", "月度例会"],
    )));

    // Each sees the other's record.
    let seen_by_owner = ok(&taizhang(&db, None, &["records", "list"]));
    assert!(
        seen_by_owner.contains(&format!("#{theirs}")),
        "{seen_by_owner}"
    );
    let seen_by_them = ok(&taizhang(&db, Some(&acc.user), &["records", "list"]));
    assert!(seen_by_them.contains(&format!("#{mine}")), "{seen_by_them}");

    // Every change names the Unix user the kernel reported, not $USER.
    let history = ok(&taizhang(&db, None, &["history", &theirs]));
    assert!(history.contains(&acc.user), "{history}");
    assert!(!history.contains("somebody-else"), "{history}");
    let history = ok(&taizhang(&db, Some(&acc.user), &["history", &mine]));
    assert!(history.contains(&owner), "{history}");

    // The files are the group's and not readable by others.
    let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o2710, "{mode:o}");
}
