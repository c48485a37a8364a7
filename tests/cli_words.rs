#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The branch's own words through the real binary: committee roles, kinds
//! named as the catalogue names them, evidence duties in words with a past
//! year flagged, duties linked by title, `缺：… 等N人`, citations and record
//! paths in `status --json`, and the report's note on 党课 periods vs sessions.

#[path = "cli_support/init.rs"]
mod init;

use std::path::Path;

use assert_cmd::Command;

fn tz(db: &Path, lang: &str) -> Command {
    init::init_once(db);
    let mut c = assert_cmd::cargo::cargo_bin_cmd!("taizhang");
    c.arg("--db")
        .arg(db)
        .env("TAIZHANG_TODAY", "2026-03-20")
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

/// A branch with its committee as the 支部工作条例 sets it up, and a 2025
/// with two 党课 in the first quarter and none in the third.
fn ledger(db: &Path) {
    for (name, role) in [
        ("王建国", "书记"),
        ("李振华", "组织委员"),
        ("赵敏", "宣传委员"),
        ("陈静", "纪检委员"),
        ("周强", "委员"),
    ] {
        ok(tz(db, "zh").args(["people", "add", name, "--role", role]));
    }
    for date in ["2025-01-10", "2025-02-14", "2025-05-09", "2025-11-20"] {
        ok(tz(db, "zh").args([
            "add",
            "党课",
            "--date",
            date,
            "--topic",
            &format!("党课 {date}"),
            "--host",
            "王建国",
        ]));
    }
}

#[test]
fn roles_kinds_and_evidence_read_in_the_branchs_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l");
    ledger(&db);
    let people = ok(tz(&db, "zh").args(["people", "list"]));
    assert!(
        people.contains("组织委员") && people.contains("宣传委员"),
        "{people}"
    );

    // A 专题会议 on safety counts toward nothing; one on strict governance does.
    ok(tz(&db, "zh").args([
        "add",
        "专题会议",
        "--date",
        "2026-03-02",
        "--topic",
        "安全生产",
        "--host",
        "王建国",
    ]));
    ok(tz(&db, "zh").args([
        "add",
        "全面从严治党专题会议",
        "--date",
        "2026-03-03",
        "--topic",
        "研究部署",
        "--host",
        "王建国",
    ]));
    // A duty no kind counts toward is linked by its title.
    ok(tz(&db, "zh").args([
        "add",
        "支委会",
        "--date",
        "2026-03-04",
        "--topic",
        "研究干部推荐",
        "--host",
        "王建国",
        "--duty",
        "领导干部选拔任用",
    ]));
    let status = ok(tz(&db, "zh").args(["status"]));
    let line = |title: &str| {
        status
            .lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{title} in\n{status}"))
            .to_string()
    };
    assert!(line("专题研究全面从严治党").contains("1/2"), "{status}");
    assert!(line("领导干部选拔任用").contains("无量化要求 · 已留痕 1 条"));
    let by_hand = line("支持纪检组织监督");
    assert!(by_hand.contains("无量化要求 · 暂无记录"), "{by_hand}");
    assert!(by_hand.contains("--duty 支持纪检组织监督"), "{by_hand}");
    assert!(!status.contains("无指标"), "{status}");
    // Ten 谈心谈话 pairs are owed among five 支委: the count of all talks
    // owed, not "等另7项".
    let talks = line("谈心谈话");
    assert!(talks.contains("等10次谈话"), "{talks}");
    // Four other leaders owe a 述责述廉 each: the count of people.
    for name in ["孙伟", "钱进", "吴磊", "郑洁"] {
        ok(tz(&db, "zh").args(["people", "add", name, "--role", "班子成员"]));
    }
    let status = ok(tz(&db, "zh").args(["status"]));
    let reports = status
        .lines()
        .find(|l| l.contains("向党委述责述廉"))
        .unwrap()
        .to_string();
    assert!(reports.contains("等4人"), "{reports}");
    assert!(!status.contains("等另"), "{status}");

    // 2025 is over: an evidence duty with nothing on file is flagged and
    // counted among what needs attention.
    let past = ok(tz(&db, "zh").args(["status", "--year", "2025"]));
    let flagged = past
        .lines()
        .find(|l| l.contains("支持纪检组织监督"))
        .unwrap();
    assert!(
        flagged.contains("? ") && flagged.contains("无留痕 · 全年暂无记录"),
        "{flagged}"
    );
    assert!(past.contains("，无留痕 "), "{past}");
    let short = ok(tz(&db, "zh").args(["status", "--year", "2025", "--short"]));
    assert!(short.contains("无留痕"), "{short}");
    let en = ok(tz(&db, "en").args(["status", "--year", "2025"]));
    assert!(
        en.contains("no evidence · nothing on file all year"),
        "{en}"
    );
}

#[test]
fn status_json_carries_citations_record_paths_and_evidence_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l");
    ledger(&db);
    let out = ok(tz(&db, "zh").args(["status", "--year", "2025", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let duty = |id: &str| {
        v["duties"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap()
            .clone()
    };
    assert!(
        duty("k1-2b")["source"]
            .as_str()
            .unwrap()
            .contains("第十二条")
    );
    assert!(
        duty("k1-2d")["source"]
            .as_str()
            .unwrap()
            .contains("本支部惯例")
    );
    assert_eq!(duty("s9")["record_path"]["kind"], "by_hand");
    assert_eq!(duty("s9")["status"], "no_evidence");
    assert_eq!(duty("s9")["evidence_text"], "无留痕 · 全年暂无记录");
    assert_eq!(duty("k1-2")["record_path"]["kind"], "sub_duties");
    assert_eq!(duty("k5-1")["record_path"]["kind"], "roster");
    assert_eq!(duty("b2")["record_path"]["kinds"][0], "special_meeting");
    assert!(duty("b2")["evidence_text"].is_null());
    assert!(v["tally"]["no_evidence"].as_u64().unwrap() > 0);
}

#[test]
fn the_report_explains_periods_met_against_sessions_held() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l");
    ledger(&db);
    let md = dir.path().join("r.md");
    ok(tz(&db, "zh")
        .args(["report", "annual", "--year", "2025", "--out"])
        .arg(&md));
    let text = std::fs::read_to_string(&md).unwrap();
    let note = text
        .lines()
        .find(|l| l.contains("党课按季度考核"))
        .unwrap_or_else(|| panic!("no 党课 note in\n{text}"));
    for want in [
        "全年开展4次",
        "4个季度中3个达到要求",
        "一季度2次",
        "三季度未达到要求",
    ] {
        assert!(note.contains(want), "{want} in {note}");
    }
    let md_en = dir.path().join("r_en.md");
    ok(tz(&db, "en")
        .args(["report", "annual", "--year", "2025", "--out"])
        .arg(&md_en));
    let text = std::fs::read_to_string(&md_en).unwrap();
    assert!(
        text.contains("4 were held in all; 3 of 4 quarters met it (2 in Q1"),
        "{text}"
    );
}
