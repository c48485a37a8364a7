//! A temporary ledger driven through the real binary with a fixed today,
//! shared by the report and CSV tests.
#![allow(dead_code)] // each test binary uses a different part

#[path = "init.rs"]
mod init;
use init::init_once;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub const TODAY: &str = "2026-03-20";

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A demo ledger: a full roster and this year's records up to today.
    pub fn demo() -> Self {
        let env = Env::new();
        let dir = env.db();
        env.cmd_bare()
            .args(["demo", "--years", "1", "--records-per-year", "300"])
            .arg(&dir)
            .assert()
            .success();
        env
    }

    pub fn db(&self) -> PathBuf {
        self.path("db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn cmd_bare(&self) -> Command {
        let mut c = assert_cmd::cargo::cargo_bin_cmd!("taizhang");
        c.env("TAIZHANG_TODAY", TODAY)
            .env("USER", "tester")
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env_remove("TAIZHANG_DB")
            .env_remove("TAIZHANG_LANG")
            .env_remove("LC_ALL")
            // Unicode output: a console TERM or C locale would turn on ASCII.
            .env("TERM", "xterm-256color")
            .env_remove("LC_CTYPE")
            .env_remove("TAIZHANG_ASCII")
            .env_remove("LANG");
        c
    }

    /// `taizhang --db <db>` with a clean, fixed environment.
    pub fn cmd_on(&self, db: &Path) -> Command {
        init_once(db);
        let mut c = self.cmd_bare();
        c.arg("--db").arg(db);
        c
    }

    pub fn ok_on(&self, db: &Path, args: &[&str]) -> String {
        let out = self.cmd_on(db).args(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    }

    pub fn ok(&self, args: &[&str]) -> String {
        self.ok_on(&self.db(), args)
    }

    /// Run and expect a refusal with `code`; returns stderr.
    pub fn refused_on(&self, db: &Path, args: &[&str], code: i32) -> String {
        let out = self.cmd_on(db).args(args).assert().failure().code(code);
        String::from_utf8(out.get_output().stderr.clone()).unwrap()
    }

    pub fn refused(&self, args: &[&str], code: i32) -> String {
        self.refused_on(&self.db(), args, code)
    }

    /// A second, empty ledger in the same temp dir holding the same roster
    /// (and catalogue) as the first, but no records.
    pub fn same_roster_elsewhere(&self, name: &str) -> PathBuf {
        let mut backup: serde_json::Value = serde_json::from_str(&self.ok(&["export"])).unwrap();
        backup["records"] = serde_json::Value::Array(Vec::new());
        let file = self.path(&format!("{name}.json"));
        std::fs::write(&file, backup.to_string()).unwrap();
        let db = self.path(name);
        self.ok_on(&db, &["import", file.to_str().unwrap()]);
        db
    }
}
