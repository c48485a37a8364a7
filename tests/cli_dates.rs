//! Dates and years through the real binary: a dated duty done after its
//! deadline is 逾期完成 (not 已完成), and the year a record covers (所属年度).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "cli_support/init.rs"]
mod init;
use init::init_once;

use assert_cmd::Command;
use serde_json::Value;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        let env = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        init_once(&env.dir.path().join("db"));
        env
    }

    fn cmd(&self, today: &str, lang: &str) -> Command {
        let mut c = assert_cmd::cargo::cargo_bin_cmd!("taizhang");
        c.env("TAIZHANG_TODAY", today)
            .env("USER", "tester")
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env_remove("TAIZHANG_DB")
            .env("TAIZHANG_LANG", lang)
            .env("TERM", "xterm-256color")
            .env_remove("TAIZHANG_ASCII")
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .env_remove("LANG")
            .arg("--db")
            .arg(self.dir.path().join("db"));
        c
    }

    fn ok_in(&self, today: &str, lang: &str, args: &[&str]) -> String {
        let out = self.cmd(today, lang).args(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        self.ok_in("2026-03-20", "zh", args)
    }

    fn duty(&self, year: &str, id: &str) -> Value {
        let v: Value =
            serde_json::from_str(&self.ok(&["status", "--json", "--year", year])).unwrap();
        v["duties"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap()
            .clone()
    }
}

#[test]
fn a_work_plan_after_the_start_of_year_deadline_is_late_not_done() {
    let env = Env::new();
    env.ok(&[
        "add",
        "工作要点",
        "--date",
        "2025-07-01",
        "--topic",
        "2025年工作要点",
    ]);
    let k = env.duty("2025", "k1-3a");
    assert_eq!(k["status"], "late");
    assert_eq!(k["status_text"], "逾期完成");
    assert_eq!(k["late"]["due"], "2025-03-31");
    assert_eq!(k["late"]["done_on"], "2025-07-01");
    let v: Value = serde_json::from_str(&env.ok(&["status", "--json", "--year", "2025"])).unwrap();
    assert_eq!(v["tally"]["late"], 1);
    let zh = env.ok(&["status", "--year", "2025"]);
    let line = zh.lines().find(|l| l.contains("年初制定工作要点")).unwrap();
    assert!(line.contains("逾期完成"), "{line}");
    assert!(line.contains("应于2025-03-31前，2025-07-01完成"), "{line}");
    assert!(zh.contains("逾期完成 1"), "{zh}");
    let en = env.ok_in("2026-03-20", "en", &["status", "--year", "2025"]);
    assert!(en.contains("done late"), "{en}");

    // Before the deadline it is done.
    env.ok(&[
        "add",
        "工作要点",
        "--date",
        "2026-03-20",
        "--topic",
        "2026年工作要点",
    ]);
    assert_eq!(env.duty("2026", "k1-3a")["status"], "done");
}
