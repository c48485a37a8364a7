#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The command line speaks the chosen language, Chinese by default whatever
//! `LANG` says: help, subcommand help and clap's argument errors with their
//! did-you-mean; completions and the man page come from the same
//! definitions. Also: confirmations for future and repeated records, and a
//! `--db` that names no ledger.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn bare(home: &Path) -> Command {
    let mut c = assert_cmd::cargo::cargo_bin_cmd!("taizhang");
    c.env("TAIZHANG_TODAY", "2026-03-20")
        .env("USER", "tester")
        .env("TAIZHANG_DIRECT", "1")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        // Unicode output: a console TERM or C locale would turn on ASCII.
        .env("TERM", "xterm-256color")
        .env_remove("LC_CTYPE")
        .env_remove("TAIZHANG_ASCII")
        .env_remove("LC_MESSAGES")
        .env_remove("TAIZHANG_DB")
        .env_remove("TAIZHANG_LANG");
    c
}

fn stdout(c: &mut Command) -> String {
    String::from_utf8(c.assert().success().get_output().stdout.clone()).unwrap()
}

fn stderr(c: &mut Command, code: i32) -> String {
    String::from_utf8(c.assert().code(code).get_output().stderr.clone()).unwrap()
}

#[test]
fn help_is_chinese_by_default_even_with_an_english_locale() {
    let home = tempfile::tempdir().unwrap();
    let help = stdout(bare(home.path()).arg("--help"));
    for want in [
        "用法：taizhang [选项] [命令]",
        "命令：",
        "选项：",
        "添加记录",
        "显示帮助",
    ] {
        assert!(help.contains(want), "{want:?} missing in:\n{help}");
    }
    for english in [
        "Usage:",
        "Options:",
        "Commands:",
        "Print help",
        "Add a record",
    ] {
        assert!(!help.contains(english), "{english:?} in:\n{help}");
    }
}

#[test]
fn help_is_english_with_lang_en_or_auto_on_an_english_locale() {
    let home = tempfile::tempdir().unwrap();
    let help = stdout(bare(home.path()).args(["--lang", "en", "--help"]));
    assert!(
        help.contains("Usage:") && help.contains("Add a record"),
        "{help}"
    );
    let auto = stdout(bare(home.path()).env("TAIZHANG_LANG", "auto").arg("--help"));
    assert!(auto.contains("Usage:"), "{auto}");
    let zh_locale = stdout(
        bare(home.path())
            .env("TAIZHANG_LANG", "auto")
            .env("LANG", "zh_CN.UTF-8")
            .arg("--help"),
    );
    assert!(zh_locale.contains("用法："), "{zh_locale}");
}

#[test]
fn subcommand_help_is_chinese_with_arguments_defaults_and_choices() {
    let home = tempfile::tempdir().unwrap();
    let add = stdout(bare(home.path()).args(["add", "--help"]));
    for want in [
        "用法：taizhang add [选项] <KIND>",
        "参数：",
        "--topic",
        "主题",
        "--future",
        "确认日期晚于今天",
    ] {
        assert!(add.contains(want), "{want:?} missing in:\n{add}");
    }
    let export = stdout(bare(home.path()).args(["help", "export"]));
    assert!(
        export.contains("可选：json、csv") && export.contains("默认：json"),
        "{export}"
    );
    assert!(
        !export.contains("[default:") && !export.contains("[possible values"),
        "{export}"
    );
}

#[test]
fn argument_errors_are_chinese_sentences_with_a_did_you_mean() {
    let home = tempfile::tempdir().unwrap();
    let err = stderr(bare(home.path()).arg("statu"), 2);
    assert!(err.contains("没有“statu”这个命令"), "{err}");
    assert!(err.contains("您是不是要用命令“status”"), "{err}");
    assert!(
        !err.contains("unrecognized") && !err.contains("error:"),
        "{err}"
    );
    let err = stderr(bare(home.path()).args(["add", "支委会", "--topci", "x"]), 2);
    assert!(
        err.contains("无法识别选项“--topci”") && err.contains("--topic"),
        "{err}"
    );
    assert!(err.contains("taizhang add --help"), "{err}");
    let err = stderr(bare(home.path()).args(["export", "--format", "xml"]), 2);
    assert!(err.contains("“xml”无效，可选：json、csv"), "{err}");
    let err = stderr(bare(home.path()).args(["--lang", "en", "statu"]), 2);
    assert!(err.contains("unrecognized subcommand"), "{err}");
}

#[test]
fn completions_and_man_page_come_from_the_definitions() {
    let home = tempfile::tempdir().unwrap();
    let bash = stdout(bare(home.path()).args(["completions", "bash"]));
    assert!(
        bash.contains("complete -F") && bash.contains("import-csv"),
        "bash"
    );
    let zsh = stdout(bare(home.path()).args(["completions", "zsh"]));
    assert!(
        zsh.contains("#compdef taizhang") && zsh.contains("添加记录"),
        "zsh"
    );
    let fish = stdout(bare(home.path()).args(["--lang", "en", "completions", "fish"]));
    assert!(
        fish.contains("complete -c taizhang") && fish.contains("Add a record"),
        "fish"
    );
    let man = stdout(bare(home.path()).arg("man"));
    assert!(
        man.contains(".TH taizhang 1") && man.contains("党支部全面从严治党主体责任台账"),
        "{man}"
    );
    assert!(man.contains("\\-\\-future") || man.contains("add"), "{man}");
    let err = stderr(bare(home.path()).args(["completions", "tcsh"]), 2);
    assert!(err.contains("“tcsh”无效"), "{err}");
}

#[test]
fn a_db_without_a_ledger_is_an_error_naming_it_and_init_creates_one() {
    let home = tempfile::tempdir().unwrap();
    let typo = home.path().join("ledgr");
    let err = stderr(bare(home.path()).arg("--db").arg(&typo).arg("status"), 2);
    assert!(
        err.contains(&*typo.to_string_lossy()) && err.contains("没有台账"),
        "{err}"
    );
    assert!(err.contains("taizhang init"), "{err}");
    assert!(!typo.exists(), "nothing is created at a mistyped path");
    let err = stderr(bare(home.path()).env("TAIZHANG_DB", &typo).arg("status"), 2);
    assert!(err.contains("TAIZHANG_DB"), "{err}");

    let made = stdout(bare(home.path()).arg("init").arg(&typo));
    assert!(made.contains("已新建台账"), "{made}");
    stdout(bare(home.path()).arg("--db").arg(&typo).arg("status"));
    let again = stderr(bare(home.path()).arg("init").arg(&typo), 2);
    assert!(again.contains("已经是一个台账"), "{again}");
    std::fs::create_dir(home.path().join("full")).unwrap();
    std::fs::write(home.path().join("full/x.txt"), "x").unwrap();
    let full = stderr(
        bare(home.path()).arg("init").arg(home.path().join("full")),
        2,
    );
    assert!(full.contains("不为空"), "{full}");

    // The default ledger is still created on first use.
    stdout(bare(home.path()).arg("status"));
    assert!(home.path().join("data/taizhang/ledger").exists());
}

fn ledger(home: &Path) -> Command {
    let db = home.join("db");
    if !db.exists() {
        stdout(bare(home).arg("init").arg(&db));
        stdout(
            bare(home)
                .arg("--db")
                .arg(&db)
                .args(["people", "add", "张三", "--role", "书记"]),
        );
        stdout(
            bare(home)
                .arg("--db")
                .arg(&db)
                .args(["people", "add", "李四", "--role", "委员"]),
        );
    }
    let mut c = bare(home);
    c.arg("--db").arg(db);
    c
}

#[test]
fn a_future_date_is_refused_until_confirmed_with_future() {
    let home = tempfile::tempdir().unwrap();
    let add = [
        "add",
        "支委会",
        "--date",
        "2027-01-05",
        "--topic",
        "研究工作",
        "--host",
        "张三",
    ];
    let err = stderr(ledger(home.path()).args(add), 2);
    assert!(err.contains("2027-01-05 晚于今天（2026-03-20）"), "{err}");
    assert!(err.contains("--future"), "{err}");
    let list = stdout(ledger(home.path()).args(["records", "list", "--year", "2027"]));
    assert!(list.contains("2027年没有记录"), "{list}");
    stdout(ledger(home.path()).args(add).arg("--future"));
    // 明天 and +3 are understood, and ask the same.
    for word in ["明天", "+3", "后天"] {
        let err = stderr(
            ledger(home.path()).args(["add", "党课", "--topic", "x", "--date", word]),
            2,
        );
        assert!(err.contains("晚于今天"), "{word}: {err}");
    }
}

#[test]
fn a_repeated_record_is_refused_naming_the_existing_one_until_duplicate() {
    let home = tempfile::tempdir().unwrap();
    let add = [
        "add",
        "支委会",
        "--date",
        "3-14",
        "--topic",
        "研究工作",
        "--host",
        "张三",
        "--attendees",
        "李四",
    ];
    stdout(ledger(home.path()).args(add));
    let err = stderr(ledger(home.path()).args(add), 2);
    assert!(
        err.contains("已有一条相同的记录（同日、同类型、同样人员）"),
        "{err}"
    );
    assert!(err.contains("2026-03-14 支委会“研究工作”"), "{err}");
    assert!(err.contains("--duplicate"), "{err}");
    let en = stderr(ledger(home.path()).args(["--lang", "en"]).args(add), 2);
    assert!(
        en.contains("same day, kind and people") && en.contains("--duplicate"),
        "{en}"
    );
    stdout(ledger(home.path()).args(add).arg("--duplicate"));
    let list = stdout(ledger(home.path()).args(["records", "list"]));
    assert!(list.contains("共 2 条"), "{list}");
}

#[test]
fn help_word_and_subcommand_without_command_show_chinese_help() {
    let home = tempfile::tempdir().unwrap();
    bare(home.path())
        .args(["help", "people", "add"])
        .assert()
        .success()
        .stdout(predicate::str::contains("用法：taizhang people add"));
    bare(home.path())
        .env_remove("TAIZHANG_DIRECT")
        .arg("people")
        .assert()
        .success()
        .stdout(predicate::str::contains("命令：").and(predicate::str::contains("移出")));
    // With a global option set (here by its environment variable) clap
    // reports the missing subcommand as an error instead, also in Chinese.
    let err = stderr(bare(home.path()).arg("people"), 2);
    assert!(err.contains("缺少命令") && err.contains("retire"), "{err}");
}
