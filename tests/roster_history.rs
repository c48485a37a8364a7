#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Issue 10's end-to-end test through the real binary: a year with a
//! mid-year change of 分管 and of 书记, entered with `people edit --from`,
//! is judged on the roster of each date; once sealed, later roster changes
//! (dated into the next year, or undated) leave its figures alone, changes
//! dated back into the sealed year are refused, and the same changes move
//! an unsealed twin ledger.

#[path = "cli_support/init.rs"]
mod init;

use std::path::{Path, PathBuf};

use serde_json::Value;

const TODAY: &str = "2026-03-20";

fn run(db: &Path, args: &[&str]) -> String {
    init::init_once(db);
    let out = assert_cmd::cargo::cargo_bin_cmd!("taizhang")
        .env("TAIZHANG_TODAY", TODAY)
        .env("USER", "tester")
        .env("TAIZHANG_LANG", "zh")
        .env_remove("TAIZHANG_DB")
        .arg("--db")
        .arg(db)
        .args(args)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// 2025 entered as it happened: 甲 is 书记 and 丙 oversees 财务部 until
/// June; from 2025-07-01 乙 is 书记 and 丙, 丁 swap 财务部 and 人事部.
fn enter_2025(db: &Path) {
    for args in [
        &["people", "add", "甲", "--role", "书记"][..],
        &["people", "add", "乙", "--role", "班子成员"],
        &[
            "people",
            "add",
            "丙",
            "--role",
            "班子成员",
            "--oversees",
            "财务部",
        ],
        &[
            "people",
            "add",
            "丁",
            "--role",
            "班子成员",
            "--oversees",
            "人事部",
        ],
        &[
            "people",
            "add",
            "钱部长",
            "--role",
            "部门负责人",
            "--dept",
            "财务部",
        ],
        &[
            "people",
            "add",
            "孙部长",
            "--role",
            "部门负责人",
            "--dept",
            "人事部",
        ],
        // The 书记 of the day, and the member overseeing 财务部 that day.
        &[
            "add",
            "廉政谈话",
            "--date",
            "2025-03-10",
            "--host",
            "甲",
            "--with",
            "钱部长",
            "--topic",
            "廉政谈话",
        ],
        &[
            "add",
            "廉政谈话",
            "--date",
            "2025-04-10",
            "--host",
            "丙",
            "--with",
            "钱部长",
            "--topic",
            "分管谈话",
        ],
        &[
            "people",
            "edit",
            "乙",
            "--role",
            "书记",
            "--from",
            "2025-07-01",
        ],
        &[
            "people",
            "edit",
            "甲",
            "--role",
            "班子成员",
            "--from",
            "2025-07-01",
        ],
        &[
            "people",
            "edit",
            "丙",
            "--oversees",
            "人事部",
            "--from",
            "2025-07-01",
        ],
        &[
            "people",
            "edit",
            "丁",
            "--oversees",
            "财务部",
            "--from",
            "2025-07-01",
        ],
        &[
            "add",
            "廉政谈话",
            "--date",
            "2025-09-01",
            "--host",
            "乙",
            "--with",
            "孙部长",
            "--topic",
            "廉政谈话",
        ],
    ] {
        run(db, args);
    }
}

/// The roster changes again after 2025: a new 书记 from February 2026, an
/// undated change (from today), and changes dated back into 2025, which a
/// ledger that has closed 2025 refuses (its roster is sealed with it).
fn change_again(db: &Path, sealed: bool) {
    for args in [
        &[
            "people",
            "edit",
            "乙",
            "--role",
            "班子成员",
            "--from",
            "2026-02-01",
        ][..],
        &[
            "people",
            "edit",
            "甲",
            "--role",
            "书记",
            "--from",
            "2026-02-01",
        ],
        &["people", "edit", "丁", "--dept", "综合办"],
    ] {
        run(db, args);
    }
    for args in [
        &[
            "people",
            "edit",
            "丙",
            "--oversees",
            "财务部",
            "--from",
            "2025-01-01",
        ][..],
        &["people", "retire", "孙部长", "--from", "2025-06-01"],
    ] {
        if sealed {
            let err = refused(db, args);
            assert!(
                err.contains("自何日起")
                    && err.contains("2025年度已结账")
                    && err.contains("2026-01-01"),
                "{err}"
            );
        } else {
            run(db, args);
        }
    }
}

/// Run a command that must fail; its stderr.
fn refused(db: &Path, args: &[&str]) -> String {
    init::init_once(db);
    let out = assert_cmd::cargo::cargo_bin_cmd!("taizhang")
        .env("TAIZHANG_TODAY", TODAY)
        .env("USER", "tester")
        .env("TAIZHANG_LANG", "zh")
        .env_remove("TAIZHANG_DB")
        .arg("--db")
        .arg(db)
        .args(args)
        .assert()
        .failure();
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

/// Every duty of `year` as (id, done, target, status, missing).
fn figures(db: &Path, year: &str) -> Vec<Value> {
    let status: Value =
        serde_json::from_str(&run(db, &["status", "--json", "--year", year])).unwrap();
    status["duties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| serde_json::json!([d["id"], d["done"], d["target"], d["status"], d["missing"]]))
        .collect()
}

fn duty(figures: &[Value], id: &str) -> (u64, u64) {
    let d = figures.iter().find(|d| d[0] == id).unwrap();
    (d[1].as_u64().unwrap(), d[2].as_u64().unwrap())
}

fn twin(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    enter_2025(&db);
    db
}

#[test]
fn a_sealed_year_keeps_its_figures_when_the_roster_changes_again() {
    let dir = tempfile::tempdir().unwrap();
    let sealed = twin(dir.path(), "sealed");
    let open = twin(dir.path(), "open");

    let before = figures(&sealed, "2025");
    // s3 is owed by the 书记 of 2025-12-31 (乙) toward 甲, 丙, 丁 and the two
    // heads; 甲's March talk counts for the office, as does 乙's September one.
    assert_eq!(duty(&before, "s3"), (2, 5));
    // m2: (丙, 孙部长) and (丁, 钱部长) are owed; 丙's April talk with 钱部长
    // was the 分管 talk of its day.
    assert_eq!(duty(&before, "m2"), (1, 2));
    assert_eq!(figures(&open, "2025"), before, "twins agree");

    let closed = run(&sealed, &["year", "close", "2025"]);
    assert!(!closed.is_empty());
    assert_eq!(figures(&sealed, "2025"), before, "closing moves nothing");

    change_again(&sealed, true);
    change_again(&open, false);
    assert_eq!(
        figures(&sealed, "2025"),
        before,
        "the sealed year is judged on its archived roster"
    );
    // The same changes do move the unsealed twin: 丙 now oversaw 财务部 all
    // of 2025 and 孙部长 left in June, so both owed 分管 talks are met.
    let moved = figures(&open, "2025");
    assert_ne!(moved, before);
    assert_eq!(duty(&moved, "m2"), (2, 2));

    // 2026 follows the new roster: 甲 is 书记 again on today's date.
    let now: Value =
        serde_json::from_str(&run(&sealed, &["status", "--json", "--year", "2026"])).unwrap();
    let s3 = now["duties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "s3")
        .unwrap();
    let jia = run(&sealed, &["people", "show", "甲"]);
    let jia: u64 = jia[1..jia.find(' ').unwrap()].parse().unwrap();
    let owed_by: Vec<&Value> = s3["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &m["from"])
        .collect();
    assert!(!owed_by.is_empty());
    assert!(
        owed_by.iter().all(|from| from.as_u64() == Some(jia)),
        "{s3}"
    );

    // `people show` lists what held from when.
    let shown = run(&sealed, &["people", "show", "乙"]);
    assert!(shown.contains("自 2025-07-01 起"), "{shown}");
    assert!(shown.contains("自 2026-02-01 起"), "{shown}");
}
