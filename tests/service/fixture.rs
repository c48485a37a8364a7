//! A temporary ledger for the service tests, whose services die with it,
//! and the helpers that find, build and kill things.

#[path = "../cli_support/init.rs"]
mod init;
use init::init_once;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use taizhang::core::{NewPerson, NewRecord, RecordKind};
use taizhang::service::{ClientOptions, RemoteLedger, SOCKET_FILE};

pub const BIN: &str = env!("CARGO_BIN_EXE_taizhang");

/// A temporary ledger whose services die with it.
pub struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("ledger")
    }

    pub fn socket(&self) -> PathBuf {
        self.path().join(SOCKET_FILE)
    }

    #[allow(clippy::unused_self)]
    pub fn options(&self) -> ClientOptions {
        ClientOptions {
            program: Some(PathBuf::from(BIN)),
            idle_exit: Some(3),
            ..ClientOptions::default()
        }
    }

    /// A session of the ledger's service, as the user running the tests.
    pub fn ledger(&self) -> RemoteLedger {
        RemoteLedger::connect(&self.path(), self.options()).unwrap()
    }

    /// `taizhang --db <ledger>`, the ledger created first if need be.
    pub fn cmd(&self) -> Command {
        init_once(&self.path());
        self.cmd_without_init()
    }

    /// `taizhang --db <ledger>` on whatever is there (perhaps nothing).
    pub fn cmd_without_init(&self) -> Command {
        let mut c = Command::new(BIN);
        // No TAIZHANG_TODAY: through the service, its clock decides.
        c.env("TAIZHANG_LANG", "en")
            .env_remove("TAIZHANG_TODAY")
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env_remove("TAIZHANG_DIRECT")
            .env_remove("TAIZHANG_DB")
            .arg("--db")
            .arg(self.path());
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Live `serve` processes of this ledger.
    pub fn services(&self) -> Vec<i32> {
        services_of(&self.path())
    }

    pub fn wait_for(&self, what: &str, done: impl Fn(&Self) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !done(self) {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        for pid in self.services() {
            kill9(pid);
        }
    }
}

pub fn kill9(pid: i32) {
    let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
}

pub fn services_of(ledger: &Path) -> Vec<i32> {
    let wanted = ledger.to_string_lossy().into_owned();
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let args: Vec<String> = cmdline
            .split(|b| *b == 0)
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .collect();
        // A killed process whose leader is a zombie may still have threads
        // exiting (and holding its files, the lock among them): it is gone
        // only once every thread is.
        let is_zombie = |stat: &Path| {
            std::fs::read_to_string(stat).is_ok_and(|s| {
                s.rsplit(')')
                    .next()
                    .is_some_and(|r| r.trim_start().starts_with('Z'))
            })
        };
        let zombie = is_zombie(&entry.path().join("stat"))
            && std::fs::read_dir(entry.path().join("task")).is_ok_and(|tasks| {
                tasks
                    .flatten()
                    .all(|t| is_zombie(&t.path().join("stat")) || !t.path().exists())
            });
        if !zombie && args.iter().any(|a| a == "serve") && args.contains(&wanted) {
            found.push(pid);
        }
    }
    found
}

pub fn person(name: &str, role: &str) -> NewPerson {
    NewPerson {
        name: name.into(),
        roles: vec![role.into()],
        ..NewPerson::default()
    }
}

pub fn record(topic: String) -> NewRecord {
    NewRecord {
        kind: Some(RecordKind::ThemeDay),
        date: NaiveDate::from_ymd_opt(2026, 3, 1),
        topic,
        host: Some("张三".into()),
        // Many meetings on one day are the point of these tests.
        confirmed: taizhang::core::Confirmations::ALL,
        ..NewRecord::default()
    }
}

pub fn shell(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd).args(args).output().unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

pub fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}
