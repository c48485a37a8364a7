//! Real Unix users for the multi-user tests: a throwaway user and group
//! (removed on drop), the binary run as one of them, and a skip that fails
//! under CI. Needs root with useradd, groupadd and runuser.
// Each test binary that includes this module uses a part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

pub struct Account {
    pub user: String,
    pub group: String,
}

impl Drop for Account {
    fn drop(&mut self) {
        let _ = Command::new("userdel").arg(&self.user).output();
        let _ = Command::new("groupdel").arg(&self.group).output();
    }
}

/// Root with the tools, or a skip (a failure under CI) naming what is missing.
pub fn can_run() -> bool {
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
    if !(root && tools) {
        skip("needs root with useradd, groupadd and runuser");
    }
    root && tools
}

/// Say why a test cannot run here; under CI (env `CI` set) that is a failure.
pub fn skip(why: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "cannot run under CI: {why}"
    );
    eprintln!("skipped: {why}");
}

/// A new user in a new group; `tag` and a counter keep parallel tests apart.
pub fn account(tag: &str) -> Account {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let id = format!("{}x{n}", std::process::id());
    let acc = Account {
        user: format!("tz{tag}{id}"),
        group: format!("tg{tag}{id}"),
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

/// `program args` as `as_user` (or as this process's user).
pub fn run_as(as_user: Option<&str>, program: &str, args: &[&str]) -> Command {
    let mut cmd = match as_user {
        Some(user) => {
            let mut c = Command::new("runuser");
            c.args(["-u", user, "--", program]);
            c
        }
        None => Command::new(program),
    };
    cmd.args(args);
    cmd
}

pub fn taizhang(db: &Path, as_user: Option<&str>, args: &[&str]) -> Output {
    taizhang_env(db, as_user, args, &[])
}

/// `taizhang` with extra environment variables.
pub fn taizhang_env(
    db: &Path,
    as_user: Option<&str>,
    args: &[&str],
    env: &[(&str, &str)],
) -> Output {
    let exe = env!("CARGO_BIN_EXE_taizhang");
    // A `--db` must hold a ledger: the owner makes a fresh path with `init`
    // (`init-shared` makes its own).
    if as_user.is_none() && !db.exists() && args.first() != Some(&"init-shared") {
        let made = Command::new(exe).arg("init").arg(db).output().unwrap();
        assert!(made.status.success(), "taizhang init: {made:?}");
    }
    let mut cmd = run_as(as_user, exe, &[]);
    // No TAIZHANG_TODAY: a service refuses it (its own clock dates changes).
    cmd.env_remove("TAIZHANG_TODAY")
        .env("TAIZHANG_LANG", "en")
        // A name the client claims: the journal must ignore it.
        .env("USER", "somebody-else")
        .env_remove("TAIZHANG_DIRECT")
        .envs(env.iter().copied())
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

pub fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
