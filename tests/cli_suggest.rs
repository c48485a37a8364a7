#![allow(clippy::unwrap_used, clippy::expect_used)]
//! A command line that helps: did-you-mean for names (homophones, pinyin
//! initials) and kinds, errors that name the flag, a `--short` line that fits
//! 80 columns and mentions talks owed and overdue 整改, and ASCII output
//! where the terminal cannot draw Unicode.

#[path = "cli_support/env.rs"]
mod env;

use env::Env;
use unicode_width::UnicodeWidthStr;

fn with_roster() -> Env {
    let env = Env::new();
    env.ok(&["people", "add", "张三", "--role", "书记"]);
    env.ok(&["people", "add", "李明华", "--role", "委员"]);
    env.ok(&["people", "add", "王五", "--role", "党员"]);
    env
}

#[test]
fn an_unknown_name_suggests_homophones_and_pinyin_matches() {
    let env = with_roster();
    let err = env.refused(
        &[
            "add",
            "支委会",
            "--topic",
            "研究",
            "--host",
            "张三",
            "--attendees",
            "李名华",
        ],
        2,
    );
    assert!(err.contains("“李名华”"), "{err}");
    assert!(err.contains("您是不是要找：李明华？"), "{err}");
    let err = env.refused(&["add", "廉政谈话", "--host", "zs", "--with", "李明华"], 2);
    assert!(err.contains("您是不是要找：张三？"), "{err}");
    let err = env.refused(
        &[
            "--lang",
            "en",
            "add",
            "廉政谈话",
            "--host",
            "张三",
            "--with",
            "lmh",
        ],
        2,
    );
    assert!(err.contains("Did you mean: 李明华?"), "{err}");
    // Nothing alike: no suggestion, the roster advice stays.
    let err = env.refused(&["add", "廉政谈话", "--host", "张三", "--with", "欧阳"], 2);
    assert!(!err.contains("是不是"), "{err}");
}

#[test]
fn an_unknown_kind_suggests_the_kinds_it_resembles_not_all_24() {
    let env = with_roster();
    let err = env.refused(&["add", "支部委员会议", "--topic", "x"], 2);
    assert!(
        err.contains("您是不是要找：") && err.contains("支委会"),
        "{err}"
    );
    assert!(!err.contains("个人事项报告"), "lists every kind: {err}");
    let err = env.refused(&["add", "zwh", "--topic", "x"], 2);
    assert!(err.contains("支委会"), "{err}");
    let err = env.refused(&["--lang", "en", "add", "comittee", "--topic", "x"], 2);
    assert!(
        err.contains("Did you mean") && err.contains("支委会"),
        "{err}"
    );
}

#[test]
fn errors_name_the_flag() {
    let env = with_roster();
    let err = env.refused(&["add", "支委会", "--host", "张三"], 2);
    assert!(err.contains("主题（--topic）：必填"), "{err}");
    let err = env.refused(&["add", "廉政谈话", "--host", "张三"], 2);
    assert!(err.contains("（--with）"), "{err}");
    let err = env.refused(&["--lang", "en", "add", "支委会", "--host", "张三"], 2);
    assert!(err.contains("(--topic)"), "{err}");
}

#[test]
fn short_fits_80_columns_and_names_talks_owed_and_overdue_fixes_without_ids() {
    let env = Env::demo();
    for lang in ["zh", "en"] {
        let line = env.ok(&["--lang", lang, "status", "--short"]);
        let line = line.trim_end();
        assert_eq!(line.lines().count(), 1, "{line}");
        assert!(line.width() <= 80, "{} columns: {line}", line.width());
        // Chinese quotes and dots are two columns on CJK terminals.
        assert!(
            line.width_cjk() <= 80,
            "{} CJK columns: {line}",
            line.width_cjk()
        );
    }
    let zh = env.ok(&["status", "--short"]);
    assert!(zh.contains("欠谈话") || zh.contains("整改逾期"), "{zh}");
    assert!(!zh.contains("k1-") && !zh.contains('·'), "{zh}");
}

#[test]
fn ascii_is_the_default_on_the_console_and_replaces_ambiguous_punctuation() {
    let env = Env::demo();
    let unicode = env.ok(&["status"]);
    assert!(
        unicode.contains('“') || unicode.contains('✓'),
        "fixture has symbols"
    );
    for (var, value) in [("TERM", "linux"), ("TERM", "dumb"), ("LANG", "zh_CN.GBK")] {
        let out = env
            .cmd_on(&env.db())
            .env(var, value)
            .arg("status")
            .assert()
            .success();
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        for c in ['“', '”', '·', '✓', '✗', '…'] {
            assert!(!text.contains(c), "{var}={value} still prints {c}");
        }
        assert!(
            text.lines().all(|l| l.width() == l.width_cjk()),
            "{var}={value}"
        );
    }
    let forced_off = env
        .cmd_on(&env.db())
        .env("TERM", "linux")
        .env("TAIZHANG_ASCII", "0")
        .arg("status")
        .assert()
        .success();
    let text = String::from_utf8(forced_off.get_output().stdout.clone()).unwrap();
    assert_eq!(text, unicode, "TAIZHANG_ASCII=0 keeps Unicode");
    let flag = env.ok(&["--ascii", "status"]);
    assert!(!flag.contains('“') && !flag.contains('✓'), "{flag}");
}

#[test]
fn fix_list_overdue_with_nothing_overdue_says_what_is_open() {
    let env = with_roster();
    let empty = env.ok(&["fix", "list", "--overdue"]);
    assert!(
        empty.contains("没有逾期的整改事项，也没有未销号的事项"),
        "{empty}"
    );
    env.ok(&[
        "fix",
        "add",
        "--problem",
        "学习不经常",
        "--source",
        "自查自检",
        "--measures",
        "每月学习",
        "--owner",
        "张三",
        "--deadline",
        "6-30",
    ]);
    let none_overdue = env.ok(&["fix", "list", "--overdue"]);
    assert!(
        none_overdue.contains("没有逾期的整改事项；另有 1 项未销号"),
        "{none_overdue}"
    );
    assert!(!none_overdue.contains("没有整改事项"), "{none_overdue}");
}

#[test]
fn records_and_additions_show_duty_titles_not_ids() {
    let env = with_roster();
    let added = env.ok(&["add", "支委会", "--topic", "研究工作", "--host", "张三"]);
    assert!(added.contains("计入职责"), "{added}");
    let list = env.ok(&["records", "list"]);
    let status = env.ok(&["status"]);
    for text in [&added, &list, &status] {
        assert!(
            !text.contains("k1-2b") && !text.contains(" b3 "),
            "an id in:\n{text}"
        );
    }
}
