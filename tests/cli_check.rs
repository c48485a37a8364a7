//! `taizhang check` through the real binary: each check once, in zh and en,
//! as JSON, with exit code 3 on findings and 0 without; the year edge of the
//! talks before a 组织生活会; and the findings in `records show`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "cli_support/env.rs"]
mod env;

use env::Env;
use serde_json::Value;

/// A branch of seven: the committee is 张书记, 李委员, 王委员, 赵纪检; 周预备
/// is a 预备党员 (no vote).
fn branch() -> Env {
    let env = Env::new();
    for (name, role) in [
        ("张书记", "书记"),
        ("李委员", "委员"),
        ("王委员", "委员"),
        ("赵纪检", "纪检委员"),
        ("刘党员", "党员"),
        ("陈党员", "党员"),
        ("周预备", "预备党员"),
    ] {
        env.ok(&["people", "add", name, "--role", role]);
    }
    env
}

fn add(env: &Env, args: &[&str]) {
    env.ok(&[&["add"], args].concat());
}

/// Every check finds one thing, except a 组织生活会 prepared by a talk the
/// year before (within the window) and a quorate 支委会.
fn with_findings() -> Env {
    let env = branch();
    // 支委会: two of four 委员, not more than half.
    add(
        &env,
        &[
            "支委会",
            "--date",
            "2026-03-02",
            "--topic",
            "研究发展党员",
            "--host",
            "张书记",
            "--attendees",
            "李委员",
            "--absent",
            "王委员:出差",
        ],
    );
    // A quorate one: three of four.
    add(
        &env,
        &[
            "支委会",
            "--date",
            "2026-02-02",
            "--topic",
            "研究年度计划",
            "--host",
            "张书记",
            "--attendees",
            "李委员,王委员",
        ],
    );
    // 党员大会 vote: three of six 正式党员 (周预备 has no vote).
    add(
        &env,
        &[
            "党员大会",
            "--date",
            "2026-03-06",
            "--topic",
            "表决接收预备党员",
            "--host",
            "张书记",
            "--attendees",
            "李委员,刘党员,周预备",
        ],
    );
    // A talk on 2025-12-25 prepares the 组织生活会 of 2026-01-20 (26 days).
    add(
        &env,
        &[
            "谈心谈话",
            "--date",
            "2025-12-25",
            "--host",
            "张书记",
            "--with",
            "刘党员",
        ],
    );
    add(
        &env,
        &[
            "组织生活会",
            "--date",
            "2026-01-20",
            // Held in January, so it says which year it covers (所属年度);
            // this one counts in 2026, where its talks are checked.
            "--covers",
            "2026",
            "--topic",
            "上年度组织生活会",
            "--host",
            "张书记",
            "--attendees",
            "李委员,王委员,赵纪检,刘党员,陈党员,周预备",
        ],
    );
    // No talk in the 30 days before this one.
    add(
        &env,
        &[
            "组织生活会",
            "--date",
            "2026-03-10",
            "--topic",
            "专题组织生活会",
            "--host",
            "张书记",
            "--attendees",
            "李委员,王委员,赵纪检,刘党员,陈党员,周预备",
        ],
    );
    // 民主评议 leaving out 周预备.
    add(
        &env,
        &[
            "民主评议",
            "--date",
            "2026-03-12",
            "--topic",
            "民主评议党员",
            "--host",
            "张书记",
            "--attendees",
            "李委员,王委员,赵纪检,刘党员,陈党员",
        ],
    );
    // The same 党课 twice (confirmed at entry).
    for _ in 0..2 {
        add(
            &env,
            &[
                "党课",
                "--date",
                "2026-03-05",
                "--topic",
                "学习党章",
                "--host",
                "张书记",
                "--attendees",
                "刘党员",
                "--duplicate",
            ],
        );
    }
    env
}

/// stdout of a run that must exit with `code`.
fn run(env: &Env, args: &[&str], code: i32) -> String {
    let out = env.cmd_on(&env.db()).args(args).assert().code(code);
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn findings_in_chinese_exit_three() {
    let env = with_findings();
    let out = run(&env, &["check"], 3);
    assert!(
        out.starts_with("2026 年度一致性检查：发现 5 处问题\n"),
        "{out}"
    );
    for want in [
        "2026-03-02 支委会“研究发展党员”",
        "问题：到会委员 2 人，未超过委员 4 人的半数（未到会：王委员、赵纪检）",
        "依据：《中国共产党支部工作条例（试行）》第十二条",
        "处理：补记漏记的到会委员",
        "2026-03-06 支部党员大会“表决接收预备党员”",
        "问题：会议进行表决，到会有表决权的正式党员 3 人，未超过 6 人的半数",
        "依据：《中国共产党支部工作条例（试行）》第十一条",
        "2026-03-10 组织生活会“专题组织生活会”",
        "问题：会前 30 天内没有谈心谈话记录（最近一次在 2025-12-25）",
        "依据：《中国共产党支部工作条例（试行）》第十七条",
        "问题：民主评议未覆盖 1 名党员：周预备",
        "依据：《中国共产党支部工作条例（试行）》第十八条",
        "2026-03-05 党课“学习党章”",
        "依据：本支部惯例",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    // Quorate meetings and the prepared 组织生活会 are not named.
    assert!(!out.contains("研究年度计划"), "{out}");
    assert!(!out.contains("上年度组织生活会"), "{out}");
    // No internal ids in the Chinese text.
    assert!(!out.contains('#'), "{out}");
}

#[test]
fn findings_in_english() {
    let env = with_findings();
    let out = run(&env, &["--lang", "en", "check"], 3);
    assert!(
        out.starts_with("Consistency check 2026: 5 findings\n"),
        "{out}"
    );
    for want in [
        "2026-03-02 Committee meeting \"研究发展党员\"",
        "Problem: 2 of 4 committee members present, not more than half (not present: 王委员, 赵纪检)",
        "Source: Regulations on the Work of Party Branches (Trial), Article 12",
        "Source: branch practice",
        "Fix: ",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
}

#[test]
fn findings_as_json() {
    let env = with_findings();
    let out = run(&env, &["check", "--json"], 3);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["year"], 2026);
    assert_eq!(v["count"], 5);
    let checks: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["check"].as_str().unwrap())
        .collect();
    assert_eq!(
        checks,
        [
            "committee_quorum",
            "duplicate",
            "vote_quorum",
            "no_talk_before",
            "appraisal_gap"
        ]
    );
    let first = &v["findings"][0];
    assert_eq!(first["date"], "2026-03-02");
    assert_eq!(first["kind"], "committee_meeting");
    assert_eq!(first["present"], 2);
    assert_eq!(first["members"], 4);
    assert_eq!(
        first["source"],
        "《中国共产党支部工作条例（试行）》第十二条"
    );
    assert!(first["record"].as_u64().is_some());
    assert_eq!(v["findings"][4]["missing"][0], "周预备");
}

#[test]
fn a_clean_year_exits_zero() {
    let env = with_findings();
    // 2025 holds one talk and nothing wrong.
    let out = run(&env, &["check", "--year", "2025"], 0);
    assert_eq!(out, "2025 年度一致性检查：未发现问题\n");
    let out = run(&env, &["check", "--year", "2025", "--json"], 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["count"], 0);
    let err = env.refused(&["check", "--year", "明年"], 2);
    assert!(err.contains("--year"), "{err}");
}

#[test]
fn records_show_lists_the_records_findings() {
    let env = with_findings();
    let v: Value = serde_json::from_str(&run(&env, &["check", "--json"], 3)).unwrap();
    let id = v["findings"][0]["record"].as_u64().unwrap().to_string();
    let out = env.ok(&["records", "show", &id]);
    assert!(out.contains("一致性检查：\n  问题：到会委员 2 人"), "{out}");
    assert!(
        out.contains("  依据：《中国共产党支部工作条例（试行）》第十二条"),
        "{out}"
    );
    // A record without findings has no such section.
    let list: Value = serde_json::from_str(&env.ok(&["records", "list", "--json"])).unwrap();
    let quorate = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["topic"] == "研究年度计划")
        .unwrap()["id"]
        .to_string();
    let out = env.ok(&["records", "show", &quorate]);
    assert!(!out.contains("一致性检查"), "{out}");
}

#[test]
fn status_points_to_the_check_and_carries_the_findings() {
    let env = with_findings();
    let out = env.ok(&["status"]);
    assert!(
        out.ends_with("! 一致性检查发现 5 处问题，详见 taizhang check --year 2026\n"),
        "{out}"
    );
    let out = env.ok(&["--lang", "en", "status"]);
    assert!(
        out.ends_with("! consistency check: 5 findings; see taizhang check --year 2026\n"),
        "{out}"
    );
    let v: Value = serde_json::from_str(&env.ok(&["status", "--json"])).unwrap();
    assert_eq!(v["findings"].as_array().unwrap().len(), 5);
    assert_eq!(v["findings"][0]["check"], "committee_quorum");
    // A year without findings says nothing of them.
    let out = env.ok(&["status", "--year", "2025"]);
    assert!(!out.contains("一致性检查"), "{out}");
}
