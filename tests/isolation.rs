//! Issue 8's reproducers about files, sockets and users, now failing closed:
//! a member gets no handle on the ledger's files (so cannot flock it and lock
//! everyone out), cannot start the service and is told how it is started, a
//! client sends nothing to a socket another user listens on, and a link
//! planted in a ledger is never followed, not even by root.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "multiuser/support.rs"]
mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

use support::{account, can_run, ok, run_as, taizhang};

/// A ledger shared with `group`, owned by this process's user (root), with
/// one person in it; its parent lets every user through.
fn shared_ledger(dir: &Path, group: &str) -> std::path::PathBuf {
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let db = dir.join("ledger");
    ok(&taizhang(&db, None, &["init-shared", "--group", group]));
    ok(&taizhang(
        &db,
        None,
        &["--direct", "people", "add", "张三", "--role", "书记"],
    ));
    ok(&taizhang(&db, None, &["--direct", "backup", "now"]));
    db
}

#[test]
fn a_member_gets_no_handle_on_the_database_lock_or_backups() {
    if !can_run() {
        return;
    }
    let acc = account("f");
    let dir = tempfile::tempdir().unwrap();
    let db = shared_ledger(dir.path(), &acc.group);
    // The reproducer: open the lock (or the database) read-only and flock it.
    for name in ["taizhang.lock", "db", "conf", "taizhang.toml", "backups"] {
        let path = db.join(name);
        assert!(path.exists(), "{name}");
        let script = format!("exec 3<'{}' && flock -x -n 3", path.display());
        let out = run_as(Some(&acc.user), "sh", &["-c", &script])
            .output()
            .unwrap();
        assert!(!out.status.success(), "a member opened {name}");
    }
    let listing = run_as(Some(&acc.user), "ls", &[db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!listing.status.success(), "a member listed the ledger");
    // The owner is never locked out, and members still work through the service.
    ok(&taizhang(&db, None, &["status", "--short"]));
    let seen = ok(&taizhang(&db, Some(&acc.user), &["people", "list"]));
    assert!(seen.contains("张三"), "{seen}");
}

#[test]
fn a_member_cannot_start_the_service_and_is_told_how_it_starts() {
    if !can_run() {
        return;
    }
    let acc = account("s");
    let dir = tempfile::tempdir().unwrap();
    let db = shared_ledger(dir.path(), &acc.group);
    let out = taizhang(&db, Some(&acc.user), &["status", "--short"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("only the ledger's owner") && err.contains("--service-user"),
        "{err}"
    );
    // The steps to make it start for every member.
    let steps = ok(&taizhang(
        &db,
        None,
        &[
            "init-shared",
            "--group",
            &acc.group,
            "--service-user",
            &acc.user,
        ],
    ));
    assert!(steps.contains("ListenStream="), "{steps}");
    assert!(steps.contains(&format!("User={}", acc.user)), "{steps}");
    assert!(
        steps.contains("systemctl enable --now taizhang.socket"),
        "{steps}"
    );
    // As root, the ledger now belongs to the service user, which may start it.
    let owner = std::os::unix::fs::MetadataExt::uid(&std::fs::metadata(&db).unwrap());
    assert_eq!(
        owner,
        nix::unistd::User::from_name(&acc.user)
            .unwrap()
            .unwrap()
            .uid
            .as_raw()
    );
    let seen = ok(&taizhang(&db, Some(&acc.user), &["people", "list"]));
    assert!(seen.contains("张三"), "{seen}");
}

#[test]
fn a_client_sends_nothing_to_a_socket_another_user_listens_on() {
    if !can_run() {
        return;
    }
    let acc = account("k");
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let db = dir.path().join("ledger");
    let made = run_as(
        None,
        env!("CARGO_BIN_EXE_taizhang"),
        &["init", db.to_str().unwrap()],
    )
    .output()
    .unwrap();
    assert!(made.status.success(), "{made:?}");
    // A directory others may write to, where another user listens first.
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let got = dir.path().join("got");
    let fake = format!(
        "import socket\ns=socket.socket(socket.AF_UNIX)\ns.bind('{sock}')\ns.listen(1)\nopen('{ready}','w').close()\ns.settimeout(30)\nc,_=s.accept()\nc.settimeout(30)\ndata=c.recv(4096)\nopen('{got}','wb').write(data)\n",
        sock = db.join("taizhang.sock").display(),
        ready = dir.path().join("ready").display(),
        got = got.display()
    );
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let mut listener = run_as(Some(&acc.user), "python3", &["-c", &fake])
        .spawn()
        .unwrap();
    for _ in 0..500 {
        if dir.path().join("ready").exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = taizhang(&db, None, &["status", "--short"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains(&acc.user) && err.contains("sent it nothing"),
        "{err}"
    );
    let _ = listener.wait();
    assert_eq!(
        std::fs::read(&got).unwrap(),
        b"",
        "the fake service got data"
    );
}
