//! The real binary, each test on its own temporary ledger with a fixed today.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "cli_support/init.rs"]
mod init;
use init::init_once;

use std::collections::HashSet;
use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;
use taizhang::core::{Catalogue, RecordKind};

const TODAY: &str = "2026-03-20";

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("db")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `taizhang --db <temp>` with a clean, fixed environment.
    fn cmd(&self) -> Command {
        self.cmd_on(&self.db())
    }

    fn cmd_on(&self, db: &std::path::Path) -> Command {
        init_once(db);
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
            .env_remove("LANG")
            .arg("--db")
            .arg(db);
        c
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    }

    /// Run and expect a refusal; returns stderr.
    fn refused(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd().args(args).assert().failure().code(code);
        String::from_utf8(out.get_output().stderr.clone()).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    fn export(&self) -> String {
        self.ok(&["export", "--format", "json"])
    }

    fn roster(&self) {
        for args in [
            &["people", "add", "张三", "--role", "书记"][..],
            &[
                "people",
                "add",
                "李四",
                "--role",
                "委员",
                "--dept",
                "生产部",
            ],
            &[
                "people",
                "add",
                "王五",
                "--role",
                "部门负责人",
                "--dept",
                "生产部",
            ],
        ] {
            self.ok(args);
        }
    }
}

/// A non-talk kind that counts toward at least one duty by default.
fn counting_kind(cat: &Catalogue) -> RecordKind {
    RecordKind::ALL
        .iter()
        .copied()
        .find(|k| !k.is_talk() && !cat.prefill(*k).is_empty())
        .expect("the catalogue has a kind that counts")
}

fn duties_by_id(status: &Value) -> Vec<(String, Value)> {
    status["duties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap().to_string(), d.clone()))
        .collect()
}

#[test]
fn status_on_a_fresh_ledger_lists_every_duty() {
    let env = Env::new();
    let cat = Catalogue::embedded();
    assert!(!cat.duties.is_empty());
    let status = env.json(&["status", "--json"]);
    assert_eq!(status["duties"].as_array().unwrap().len(), cat.duties.len());
    assert_eq!(status["today"], TODAY);
    assert_eq!(status["year"], 2026);
    let text = env.ok(&["status"]);
    // One row per duty, by title (ids are input, not shown).
    let rows = text
        .lines()
        .filter(|l| {
            let mut c = l.chars();
            l.starts_with("  ") && matches!(c.nth(2), Some('✓' | '·' | '!' | '✗' | '-'))
        })
        .count();
    assert_eq!(rows, cat.duties.len(), "{text}");
    for d in cat.duties.iter().filter(|d| d.parent.is_none()) {
        let head: String = d.title.chars().take(4).collect();
        assert!(text.contains(&head), "duty {} missing from:\n{text}", d.id);
    }
    // No command at all prints the same status.
    assert_eq!(env.ok(&[]), text);
}

#[test]
fn add_moves_exactly_the_counts_it_should() {
    let env = Env::new();
    env.roster();
    let cat = Catalogue::embedded();
    let kind = counting_kind(&cat);
    let targets = cat.prefill(kind);
    let mut affected: HashSet<String> = targets.iter().map(ToString::to_string).collect();
    for id in &targets {
        if let Some(p) = cat.duty(id).and_then(|d| d.parent.clone()) {
            affected.insert(p.to_string());
        }
    }
    let before = duties_by_id(&env.json(&["status", "--json"]));
    let out = env.ok(&[
        "add",
        kind.zh(),
        "--date",
        "3-14",
        "--topic",
        "学习",
        "--host",
        "张三",
        "--attendees",
        "李四、王五",
    ]);
    let first = cat.duty(&targets[0]).unwrap();
    assert!(out.contains(&first.title), "{out}");
    let after = duties_by_id(&env.json(&["status", "--json"]));
    let records = env.json(&["records", "list", "--json"]);
    let new_id = records[0]["id"].as_u64().unwrap();
    assert_eq!(before.len(), after.len());
    for ((id, b), (_, a)) in before.iter().zip(&after) {
        if targets.iter().any(|t| t.as_str() == id) {
            assert_eq!(a["records"], serde_json::json!([new_id]), "{id}");
            let rule = &cat.duty(&taizhang::core::DutyId(id.clone())).unwrap().rule;
            if matches!(
                rule,
                taizhang::core::Rule::Count { .. } | taizhang::core::Rule::Evidence
            ) {
                assert_eq!(
                    a["done"].as_u64().unwrap(),
                    b["done"].as_u64().unwrap() + 1,
                    "{id}"
                );
            }
        } else if !affected.contains(id) {
            assert_eq!(
                a, b,
                "duty {id} changed but the record does not count toward it"
            );
        }
    }
}

#[test]
fn bad_input_is_refused_naming_the_field_and_nothing_is_written() {
    let env = Env::new();
    env.roster();
    let before = env.export();
    let err = env.refused(&["add", "支委会", "--date", "2-30", "--topic", "x"], 2);
    assert!(err.contains("日期") && err.contains("2-30"), "{err}");
    let err = env.refused(&["add", "支委会", "--topic", "x", "--host", "赵六"], 2);
    assert!(err.contains("主持人") && err.contains("赵六"), "{err}");
    let err = env.refused(
        &[
            "--lang",
            "en",
            "add",
            "支委会",
            "--topic",
            "x",
            "--attendees",
            "张三,赵六",
        ],
        2,
    );
    assert!(err.contains("attendees") && err.contains("赵六"), "{err}");
    let err = env.refused(&["add", "不存在的类型", "--topic", "x"], 2);
    assert!(err.contains("类型"), "{err}");
    let err = env.refused(&["people", "add", "张三"], 2);
    assert!(err.contains("姓名"), "{err}");
    let err = env.refused(&["people", "add", "赵六", "--role", "国王"], 2);
    assert!(err.contains("角色") && err.contains("国王"), "{err}");
    let err = env.refused(&["status", "--year", "abc"], 2);
    assert!(err.contains("--year"), "{err}");
    let err = env.refused(&["records", "show", "xyz"], 2);
    assert!(err.contains("xyz"), "{err}");
    env.refused(&["records", "delete", "999"], 2);
    env.refused(&["frobnicate"], 2);
    assert_eq!(env.export(), before, "a refused command changed the ledger");
}

#[test]
fn bad_environment_is_refused() {
    let env = Env::new();
    let err = String::from_utf8(
        env.cmd()
            .env("TAIZHANG_TODAY", "tomorrow")
            .arg("status")
            .assert()
            .failure()
            .code(2)
            .get_output()
            .stderr
            .clone(),
    )
    .unwrap();
    assert!(err.contains("TAIZHANG_TODAY"), "{err}");
    env.refused(&["--lang", "fr", "status"], 2);
    // A ledger path that is a file holds no ledger: refused, naming it.
    let file = env.path("plain-file");
    std::fs::write(&file, "not a ledger").unwrap();
    let out = env.cmd_on(&file).arg("status").assert().failure().code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("plain-file") && err.contains("没有台账"),
        "{err}"
    );
}

#[test]
fn people_add_list_edit_retire() {
    let env = Env::new();
    env.ok(&[
        "people",
        "add",
        "张三",
        "--role",
        "书记",
        "--dept",
        "综合办",
        "--link",
        "一车间",
    ]);
    env.ok(&[
        "people",
        "add",
        "李四",
        "--role",
        "班子成员",
        "--oversees",
        "生产部，技术部",
    ]);
    let list = env.ok(&["people", "list"]);
    assert!(list.contains("张三") && list.contains("李四"), "{list}");
    assert!(list.contains("生产部、技术部"), "{list}");
    // Edit by name: only the role changes; dept and links are kept.
    let out = env.ok(&["people", "edit", "张三", "--role", "副书记"]);
    assert!(
        out.contains("副书记") && out.contains("综合办") && out.contains("一车间"),
        "{out}"
    );
    // Edit by id, renaming.
    env.ok(&["people", "edit", "#2", "--name", "李四海"]);
    let list = env.ok(&["people", "list"]);
    assert!(list.contains("李四海") && list.contains("生产部"), "{list}");
    env.ok(&["people", "retire", "李四海"]);
    let list = env.ok(&["people", "list"]);
    assert!(!list.contains("李四海"), "{list}");
    let all = env.ok(&["people", "list", "--all"]);
    assert!(all.contains("李四海") && all.contains("已退出"), "{all}");
    let err = env.refused(&["people", "edit", "#99", "--dept", "x"], 2);
    assert!(err.contains("#99"), "{err}");
}

#[test]
fn records_list_filters_by_year_and_duty() {
    let env = Env::new();
    env.roster();
    let cat = Catalogue::embedded();
    let kind = counting_kind(&cat);
    let duty = cat.prefill(kind)[0].to_string();
    env.ok(&[
        "add",
        kind.zh(),
        "--date",
        "3-1",
        "--topic",
        "甲",
        "--host",
        "张三",
    ]);
    env.ok(&[
        "add",
        kind.zh(),
        "--date",
        "2025-06-01",
        "--topic",
        "乙",
        "--host",
        "张三",
    ]);
    env.ok(&[
        "add", "其他", "--date", "3-2", "--topic", "丙", "--duty", &duty,
    ]);
    env.ok(&[
        "add",
        "谈心谈话",
        "--date",
        "3-3",
        "--host",
        "张三",
        "--with",
        "李四",
    ]);
    let topics = |v: Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r["topic"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        topics(env.json(&["records", "list", "--json", "--duty", &duty])),
        ["甲", "丙"]
    );
    assert_eq!(topics(env.json(&["records", "list", "--json"])).len(), 3);
    assert_eq!(
        topics(env.json(&["records", "list", "--json", "--year", "2025"])),
        ["乙"]
    );
    let err = env.refused(&["records", "list", "--duty", "no-such-duty"], 2);
    assert!(err.contains("no-such-duty"), "{err}");
    let text = env.ok(&["records", "list", "--duty", &duty]);
    assert_eq!(
        text.lines().filter(|l| l.starts_with('#')).count(),
        2,
        "{text}"
    );
}

#[test]
fn records_show_and_delete() {
    let env = Env::new();
    env.roster();
    env.ok(&[
        "add",
        "支委会",
        "--date",
        "3-1",
        "--topic",
        "研究工作",
        "--host",
        "张三",
        "--attendees",
        "李四",
        "--absent",
        "王五:出差",
    ]);
    let id = env.json(&["records", "list", "--json"])[0]["id"]
        .as_u64()
        .unwrap();
    let show = env.ok(&["records", "show", &format!("#{id}")]);
    assert!(
        show.contains("研究工作") && show.contains("王五（出差）"),
        "{show}"
    );
    assert!(show.contains(&taizhang::cli::context::user()), "{show}");
    env.ok(&["records", "delete", &id.to_string()]);
    assert_eq!(
        env.json(&["records", "list", "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn catalogue_export_import_round_trip_and_bad_file_refused_with_its_line() {
    let env = Env::new();
    let exported = env.ok(&["catalogue", "export"]);
    let file = env.path("cat.toml");
    env.ok(&["catalogue", "export", "--out", file.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), exported);
    env.ok(&["catalogue", "import", file.to_str().unwrap()]);
    assert_eq!(env.ok(&["catalogue", "export"]), exported);

    // Break one rule: the error names its line.
    let mut lines: Vec<String> = exported.lines().map(str::to_string).collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("id = "))
        .expect("an id line");
    // An id with no value is a syntax error on that very line.
    lines[at] = "id = ".to_string();
    let bad_line = at + 1;
    let bad = env.path("bad.toml");
    std::fs::write(&bad, lines.join("\n")).unwrap();
    let before = env.export();
    let err = env.refused(&["catalogue", "import", bad.to_str().unwrap()], 2);
    assert!(err.contains(&format!("第{bad_line}行")), "{err}");
    assert_eq!(env.export(), before);
}

#[test]
fn json_export_import_export_is_byte_identical() {
    let env = Env::new();
    env.roster();
    env.ok(&[
        "add",
        "支委会",
        "--date",
        "3-1",
        "--topic",
        "研究, \"工作\"",
        "--host",
        "张三",
    ]);
    env.ok(&[
        "add",
        "廉政谈话",
        "--date",
        "-2",
        "--host",
        "张三",
        "--with",
        "王五",
    ]);
    env.ok(&["people", "retire", "李四"]);
    let first = env.export();
    let file = env.path("backup.json");
    std::fs::write(&file, &first).unwrap();

    let fresh = Env::new();
    fresh.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(fresh.export(), first);

    // Importing over data needs --force.
    let err = env.refused(&["import", file.to_str().unwrap()], 2);
    assert!(err.contains("--force"), "{err}");
    env.ok(&["import", "--force", file.to_str().unwrap()]);

    // A broken file is refused with its line, and changes nothing.
    let broken = env.path("broken.json");
    std::fs::write(
        &broken,
        first.replacen("\"next_id\"", "\"next_id\" oops", 1),
    )
    .unwrap();
    let err = fresh.refused(&["import", "--force", broken.to_str().unwrap()], 2);
    assert!(err.contains("行"), "{err}");
    assert_eq!(fresh.export(), first);

    let csv = env.ok(&["export", "--format", "csv"]);
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.contains("\"研究, \"\"工作\"\"\""), "{csv}");
    assert!(csv.contains("王五"), "{csv}");
}

#[test]
fn short_status_is_one_line() {
    let env = Env::new();
    let out = env.ok(&["status", "--short"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("2026"), "{out}");
}

/// The login line counts the 谈心谈话 pairs still owed (members with each
/// other), as the overview lists them, not only directed talks.
#[test]
fn short_status_counts_heart_talk_pairs_owed() {
    let env = Env::new();
    for name in ["甲", "乙", "丙"] {
        env.ok(&["people", "add", name, "--role", "党员"]);
    }
    let out = env.ok(&["status", "--short"]);
    assert!(out.contains("欠谈话3次"), "{out}");
    env.ok(&[
        "add",
        "谈心谈话",
        "--date",
        "3-01",
        "--host",
        "甲",
        "--with",
        "乙",
    ]);
    let out = env.ok(&["status", "--short"]);
    assert!(out.contains("欠谈话2次"), "{out}");
}

#[test]
fn lang_en_gives_english() {
    let env = Env::new();
    let zh = env.ok(&["status"]);
    let en = env.ok(&["--lang", "en", "status"]);
    assert!(zh.contains("合计"), "{zh}");
    assert!(en.contains("total") && !en.contains("合计"), "{en}");
    let via_env = env
        .cmd()
        .env("TAIZHANG_LANG", "en")
        .arg("status")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(via_env.stdout).unwrap(), en);
    // The config file is read when neither flag nor variable is given.
    std::fs::create_dir_all(env.path("config/taizhang")).unwrap();
    std::fs::write(env.path("config/taizhang/config.toml"), "lang = \"en\"\n").unwrap();
    assert_eq!(env.ok(&["status"]), en);
    let err = env.refused(&["add", "支委会", "--date", "2-30", "--topic", "x"], 2);
    assert!(err.contains("date"), "{err}");
}

#[test]
fn demo_builds_and_status_works_on_it() {
    let env = Env::new();
    let dir = env.path("demo");
    let out = env.ok(&[
        "demo",
        dir.to_str().unwrap(),
        "--years",
        "2",
        "--records-per-year",
        "200",
    ]);
    assert!(out.contains("15"), "{out}");
    let on_demo = |args: &[&str]| {
        let mut c = env.cmd_on(&dir);
        c.args(args);
        String::from_utf8(c.assert().success().get_output().stdout.clone()).unwrap()
    };
    let status: Value = serde_json::from_str(&on_demo(&["status", "--json"])).unwrap();
    let with_records = status["duties"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| !d["records"].as_array().unwrap().is_empty())
        .count();
    assert!(with_records > 0, "{status}");
    let last_year: Value =
        serde_json::from_str(&on_demo(&["records", "list", "--json", "--year", "2025"])).unwrap();
    assert!(last_year.as_array().unwrap().len() >= 200);
    let this_year: Value = serde_json::from_str(&on_demo(&["records", "list", "--json"])).unwrap();
    assert!(
        this_year
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["date"].as_str().unwrap() <= TODAY)
    );
    assert_eq!(on_demo(&["status", "--short"]).lines().count(), 1);
    // A second demo into the same directory is refused.
    env.refused(&["demo", dir.to_str().unwrap()], 2);
}
