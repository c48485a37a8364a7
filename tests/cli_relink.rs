#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Issue 10 point 1 through the real binary: a 分管 entered after the talk
//! but dated back links the talk to m2 (and says so); dated back away
//! again, it unlinks it.

#[path = "cli_support/init.rs"]
mod init;

use std::path::Path;

use serde_json::Value;

fn run(db: &Path, lang: &str, args: &[&str]) -> String {
    init::init_once(db);
    let out = assert_cmd::cargo::cargo_bin_cmd!("taizhang")
        .env("TAIZHANG_TODAY", "2026-03-20")
        .env("USER", "tester")
        .env("TAIZHANG_LANG", lang)
        .env_remove("TAIZHANG_DB")
        .arg("--db")
        .arg(db)
        .args(args)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// m2's (done, target) in 2026.
fn m2(db: &Path) -> (u64, u64) {
    let status: Value =
        serde_json::from_str(&run(db, "zh", &["status", "--json", "--year", "2026"])).unwrap();
    let duty = status["duties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "m2")
        .unwrap()
        .clone();
    (
        duty["done"].as_u64().unwrap(),
        duty["target"].as_u64().unwrap(),
    )
}

#[test]
fn a_backdated_分管_relinks_the_talk_it_concerns() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger");
    run(&db, "zh", &["people", "add", "张三", "--role", "书记"]);
    run(&db, "zh", &["people", "add", "李四", "--role", "班子成员"]);
    run(
        &db,
        "zh",
        &[
            "people",
            "add",
            "王五",
            "--role",
            "部门负责人",
            "--dept",
            "生产部",
        ],
    );
    run(
        &db,
        "zh",
        &[
            "add",
            "廉政谈话",
            "--date",
            "2026-02-10",
            "--host",
            "李四",
            "--with",
            "王五",
            "--topic",
            "廉政谈话",
        ],
    );
    assert_eq!(
        m2(&db).0,
        0,
        "nobody oversaw 生产部 when the talk was saved"
    );
    let out = run(
        &db,
        "zh",
        &[
            "people",
            "edit",
            "李四",
            "--oversees",
            "生产部",
            "--from",
            "2026-02-01",
        ],
    );
    assert!(out.contains("已按新名册调整 1 条记录的计入职责"), "{out}");
    assert_eq!(m2(&db), (1, 1));
    // A change after the talk concerns no record and says nothing of it.
    let out = run(
        &db,
        "en",
        &[
            "people",
            "edit",
            "李四",
            "--oversees",
            "生产部,办公室",
            "--from",
            "2026-03-01",
        ],
    );
    assert!(!out.contains("relinked"), "{out}");
    // 分管 taken away from before the talk: unlinked again.
    let out = run(
        &db,
        "en",
        &[
            "people",
            "edit",
            "李四",
            "--oversees",
            "办公室",
            "--from",
            "2026-01-15",
        ],
    );
    assert!(out.contains("relinked the duties of 1 record(s)"), "{out}");
    assert_eq!(m2(&db).0, 0);
}
