#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Per-person duties through the real binary: `status` prints a block under
//! 双重组织生活, 责任书, 研究部署 and 述责述廉 with each person's done/needed
//! and state, who is behind first; `status --json` carries the same with
//! ids; a leader who joined mid-year owes only the quarters from then on.

#[path = "cli_support/init.rs"]
mod init;

use std::path::Path;

use assert_cmd::Command;

fn tz(db: &Path, lang: &str) -> Command {
    init::init_once(db);
    let mut c = assert_cmd::cargo::cargo_bin_cmd!("taizhang");
    c.arg("--db")
        .arg(db)
        .env("TAIZHANG_TODAY", "2026-08-10")
        .env("TAIZHANG_LANG", lang)
        .env("TAIZHANG_DIRECT", "1")
        .env("USER", "tester")
        .env("TERM", "xterm-256color")
        .env_remove("TAIZHANG_ASCII")
        .env_remove("TAIZHANG_DB");
    c
}

fn ok(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// 王建国 书记; 李明华 and 王志强 班子成员 all year; 赵丽娟 班子成员 from
/// 2026-05-01; 孙伟 部门负责人. 李 attends a 党小组会 each quarter so far, 王
/// only in Q1, 赵 in Q3. 李 hosts a 全面从严治党专题会议 in H1.
fn ledger(db: &Path) {
    ok(tz(db, "zh").args(["people", "add", "王建国", "--role", "书记"]));
    for name in ["李明华", "王志强"] {
        ok(tz(db, "zh").args(["people", "add", name, "--role", "班子成员"]));
    }
    ok(tz(db, "zh").args([
        "people",
        "add",
        "赵丽娟",
        "--role",
        "班子成员",
        "--from",
        "2026-05-01",
    ]));
    ok(tz(db, "zh").args(["people", "add", "孙伟", "--role", "部门负责人"]));
    for (date, who) in [
        ("2026-02-12", "李明华,王志强"),
        ("2026-05-20", "李明华"),
        ("2026-07-08", "李明华,赵丽娟"),
    ] {
        ok(tz(db, "zh").args([
            "add",
            "党小组会",
            "--date",
            date,
            "--topic",
            &format!("党小组学习 {date}"),
            "--attendees",
            who,
        ]));
    }
    ok(tz(db, "zh").args([
        "add",
        "全面从严治党专题会议",
        "--date",
        "2026-04-15",
        "--topic",
        "研究部署分管范围管党治党工作",
        "--host",
        "李明华",
        "--attendees",
        "王志强",
    ]));
    ok(tz(db, "zh").args([
        "add",
        "签订责任书",
        "--date",
        "2026-02-03",
        "--topic",
        "签订党风廉政建设责任书",
        "--host",
        "王建国",
        "--with",
        "李明华,孙伟",
    ]));
}

/// The block under the duty titled `title`: its row and the indented rows
/// after it.
fn block(text: &str, title: &str) -> Vec<String> {
    let mut lines = text.lines().skip_while(|l| !l.contains(title));
    let head = lines.next().unwrap_or_else(|| panic!("{title}: {text}"));
    std::iter::once(head)
        .chain(lines.take_while(|l| l.starts_with("      ")))
        .map(str::to_string)
        .collect()
}

#[test]
fn status_prints_each_person_behind_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l");
    ledger(&db);
    let out = ok(tz(&db, "zh").arg("status"));
    let dual = block(&out, "落实双重组织生活");
    // 3 people: 李 4 quarters, 王 4, 赵 3 (from Q2, she joined on 1 May).
    assert!(dual[0].contains("5/11"), "{dual:?}");
    assert!(
        dual[1].contains("按人统计（完成/应完成，季度）"),
        "{dual:?}"
    );
    let rows: Vec<&str> = dual[2..].iter().map(|l| l.trim()).collect();
    assert_eq!(rows.len(), 3, "{dual:?}");
    assert!(rows[0].starts_with("✗ 王志强 1/4 逾期") && rows[0].ends_with("缺二季度"));
    assert!(rows[1].starts_with("✗ 赵丽娟 1/3 逾期") && rows[1].ends_with("缺二季度"));
    assert!(rows[2].starts_with("· 李明华 3/4 正常"), "{rows:?}");

    // 研究部署: each half-year, as host; H2 is still open for everyone.
    let review = block(&out, "分管范围定期研究部署");
    assert!(review[1].contains("半年"), "{review:?}");
    assert!(
        review.iter().any(|l| l.contains("李明华 1/2 正常")),
        "{review:?}"
    );
    assert!(
        review
            .iter()
            .any(|l| l.contains("王志强 0/2 逾期 缺上半年")),
        "{review:?}"
    );

    // 责任书: one a year for each leader and each head, the secretary too.
    let letters = block(&out, "压实“两个责任”");
    assert!(letters[0].contains("3/5"), "{letters:?}");
    let signed: Vec<&String> = letters
        .iter()
        .filter(|l| l.contains("1/1 已完成"))
        .collect();
    assert_eq!(signed.len(), 3, "{letters:?}");
    assert!(letters[2].contains("0/1 正常"), "behind first: {letters:?}");

    // English words for the same block.
    let en = ok(tz(&db, "en").arg("status"));
    let dual = block(&en, "Dual organizational life");
    assert!(
        dual[1].contains("By person (done/needed, quarters):"),
        "{dual:?}"
    );
    // The state column is padded to the widest state ("on track").
    assert!(
        dual[2].contains("王志强 1/4 overdue  missed Q2"),
        "{dual:?}"
    );
}

#[test]
fn status_json_carries_each_person_with_ids() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l");
    ledger(&db);
    let json: serde_json::Value =
        serde_json::from_str(&ok(tz(&db, "zh").args(["status", "--json"]))).unwrap();
    let duty = |id: &str| {
        json["duties"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
            .clone()
    };
    let m5 = duty("m5");
    assert!(m5["source"].as_str().unwrap().starts_with("本支部惯例"));
    let persons = m5["persons"].as_array().unwrap();
    let names: Vec<&str> = persons
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["王志强", "赵丽娟", "李明华"]);
    let wang = &persons[0];
    assert!(wang["person"].is_u64(), "ids kept: {wang}");
    assert_eq!(wang["owed"], 4);
    assert_eq!(wang["met"], 1);
    assert_eq!(wang["missed"], serde_json::json!([2]));
    assert_eq!(wang["pending"], serde_json::json!([3, 4]));
    assert_eq!(wang["status"], "overdue");
    assert_eq!(wang["text"], "王志强 1/4 逾期 缺二季度");
    assert_eq!(
        persons[1]["owed"], 3,
        "赵丽娟 joined on 1 May: {}",
        persons[1]
    );
    // A yearly duty counts records against its minimum.
    let letters = duty("k7-1");
    let done: Vec<(&str, u64, u64)> = letters["persons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap(),
                p["done"].as_u64().unwrap(),
                p["needed"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(done.len(), 5, "{done:?}");
    assert!(done.contains(&("孙伟", 1, 1)) && done.contains(&("赵丽娟", 0, 1)));
    // A duty that binds nobody in person has no rows.
    assert_eq!(duty("b7")["persons"], serde_json::json!([]));
}

/// The annual report names the periods each person let pass short, and not
/// someone whose periods are all still open.
#[test]
fn the_annual_report_names_the_periods_missed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l");
    ledger(&db);
    let out = dir.path().join("report.md");
    ok(tz(&db, "zh")
        .args(["report", "annual", "--year", "2026", "--out"])
        .arg(&out));
    let md = std::fs::read_to_string(&out).unwrap();
    let para = md
        .lines()
        .find(|l| l.contains("每季度至少参加1次”的要求"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(para.contains("王志强缺二季度；赵丽娟缺二季度"), "{para}");
    assert!(!para.contains("李明华"), "{para}");
}
