//! Two real Unix users on one group-shared ledger: each sees the other's
//! record, and every change is traced to the Unix user who made it, as the
//! kernel reports them, not as the client claims. Needs root (to create a
//! throwaway user and group); elsewhere it says it skipped.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

struct Account {
    user: String,
    group: String,
}

impl Drop for Account {
    fn drop(&mut self) {
        let _ = Command::new("userdel").arg(&self.user).output();
        let _ = Command::new("groupdel").arg(&self.group).output();
    }
}

fn can_run() -> bool {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout == b"0\n");
    let tools = ["useradd", "groupadd", "runuser"].iter().all(|t| {
        Command::new("sh")
            .args(["-c", &format!("command -v {t}")])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    root && tools
}

/// Say why a test cannot run here; under CI (env `CI` set) that is a failure.
fn skip(why: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "cannot run under CI: {why}"
    );
    eprintln!("skipped: {why}");
}

fn account() -> Account {
    let tag = std::process::id();
    let acc = Account {
        user: format!("tzu{tag}"),
        group: format!("tzg{tag}"),
    };
    assert!(
        Command::new("groupadd")
            .arg(&acc.group)
            .status()
            .unwrap()
            .success()
    );
    assert!(
        Command::new("useradd")
            .args(["-M", "-N", "-g", &acc.group, &acc.user])
            .status()
            .unwrap()
            .success()
    );
    acc
}

fn taizhang(db: &Path, as_user: Option<&str>, args: &[&str]) -> Output {
    let exe = env!("CARGO_BIN_EXE_taizhang");
    let mut cmd = match as_user {
        Some(user) => {
            let mut c = Command::new("runuser");
            c.args(["-u", user, "--", exe]);
            c
        }
        None => Command::new(exe),
    };
    cmd.env("TAIZHANG_TODAY", "2026-03-20")
        .env("TAIZHANG_LANG", "en")
        // A name the client claims: the journal must ignore it.
        .env("USER", "somebody-else")
        .env_remove("TAIZHANG_DIRECT")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

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
        skip("needs root with useradd, groupadd and runuser");
        return;
    }
    let acc = account();
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
    assert_eq!(mode, 0o2750, "{mode:o}");
}
