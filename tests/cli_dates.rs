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

    fn refused(&self, args: &[&str]) -> String {
        let out = self.cmd("2026-03-20", "zh").args(args).assert().failure();
        String::from_utf8(out.get_output().stderr.clone()).unwrap()
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

#[test]
fn a_january_report_asks_which_year_it_covers_and_counts_there() {
    let env = Env::new();
    env.ok(&["people", "add", "张三", "--role", "书记"]);
    let err = env.refused(&[
        "add",
        "民主生活会",
        "--date",
        "2026-01-20",
        "--topic",
        "2025年度民主生活会",
    ]);
    assert!(err.contains("--covers"), "{err}");
    assert!(err.contains("所属年度"), "{err}");
    assert!(err.contains("2025"), "{err}");
    // A year neither the date's nor the one before is refused, naming the flag.
    let err = env.refused(&[
        "add",
        "民主生活会",
        "--date",
        "2026-01-20",
        "--topic",
        "x",
        "--covers",
        "2023",
    ]);
    assert!(err.contains("--covers") && err.contains("2023"), "{err}");
    let err = env.refused(&[
        "add",
        "民主生活会",
        "--date",
        "2026-01-20",
        "--topic",
        "x",
        "--covers",
        "去年",
    ]);
    assert!(err.contains("去年"), "{err}");
    env.ok(&[
        "add",
        "民主生活会",
        "--date",
        "2026-01-20",
        "--topic",
        "2025年度民主生活会",
        "--covers",
        "2025",
    ]);
    // It counts toward 2025, not 2026.
    assert_eq!(env.duty("2025", "s6")["done"], 1);
    assert_eq!(env.duty("2026", "s6")["done"], 0);
    let list = env.ok(&["records", "list", "--year", "2026"]);
    assert!(list.contains("（所属2025年度）"), "{list}");
    // Other kinds and other months need no --covers.
    env.ok(&[
        "add",
        "支委会",
        "--date",
        "2026-01-20",
        "--topic",
        "研究部署",
    ]);
    env.ok(&[
        "add",
        "民主生活会",
        "--date",
        "2026-03-02",
        "--topic",
        "专题民主生活会",
    ]);
    assert_eq!(env.duty("2026", "s6")["done"], 1);
    // --covers naming the date's own year is the same as none.
    env.ok(&[
        "add",
        "组织生活会",
        "--date",
        "2026-02-10",
        "--topic",
        "y",
        "--covers",
        "2026",
    ]);
    assert_eq!(env.duty("2026", "k1-2f")["done"], 1);
}

#[test]
fn a_sealed_year_takes_no_record_that_covers_it() {
    let env = Env::new();
    env.ok(&["people", "add", "张三", "--role", "书记"]);
    env.ok(&[
        "add",
        "支委会",
        "--date",
        "2025-05-06",
        "--topic",
        "研究部署",
    ]);
    env.ok(&["year", "close", "2025"]);
    let err = env.refused(&[
        "add",
        "向上级报告",
        "--date",
        "2026-01-10",
        "--topic",
        "2025年度报告",
        "--covers",
        "2025",
    ]);
    assert!(err.contains("2025"), "{err}");
    env.ok(&[
        "add",
        "向上级报告",
        "--date",
        "2026-01-10",
        "--topic",
        "2026年度计划",
        "--covers",
        "2026",
    ]);
}

#[test]
fn the_csv_export_carries_the_year_covered_and_reads_it_back() {
    let env = Env::new();
    env.ok(&["people", "add", "张三", "--role", "书记"]);
    env.ok(&[
        "add",
        "向上级报告",
        "--date",
        "2026-01-10",
        "--topic",
        "2025年度报告",
        "--covers",
        "2025",
    ]);
    env.ok(&[
        "add",
        "支委会",
        "--date",
        "2026-01-12",
        "--topic",
        "研究部署",
    ]);
    let csv_path = env.dir.path().join("records.csv");
    env.ok(&[
        "export",
        "--format",
        "csv",
        "--what",
        "records",
        "--out",
        csv_path.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&csv_path).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines
        .next()
        .unwrap()
        .trim_start_matches('\u{feff}')
        .split(',')
        .collect();
    let col = header.iter().position(|h| *h == "所属年度").unwrap();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let report = rows.iter().find(|r| r.contains(&"2025年度报告")).unwrap();
    assert_eq!(report[col], "2025");
    let meeting = rows.iter().find(|r| r.contains(&"研究部署")).unwrap();
    assert_eq!(meeting[col], "2026");

    // Into a fresh ledger: the report still covers 2025.
    let other = Env::new();
    other.ok(&["people", "add", "张三", "--role", "书记"]);
    other.ok(&["import-csv", csv_path.to_str().unwrap()]);
    assert_eq!(other.duty("2025", "s10")["done"], 1);
    assert_eq!(other.duty("2026", "s10")["done"], 0);
    // Without the column, a January report is refused, naming 所属年度.
    let bare = env.dir.path().join("bare.csv");
    std::fs::write(&bare, "日期,类型,主题\n2026-01-10,向上级报告,年度报告\n").unwrap();
    let fresh = Env::new();
    let err = fresh.refused(&["import-csv", bare.to_str().unwrap()]);
    assert!(err.contains("所属年度"), "{err}");
}
