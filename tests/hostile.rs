//! Hostile input through the real binary: escape sequences, control
//! characters and bidi overrides stored in a ledger never reach the terminal
//! raw; bad data is refused with a message naming the field, and the ledger
//! stays byte-identical.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "cli_support/init.rs"]
mod init;
use init::init_once;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use taizhang::core::mem::MemStore;
use taizhang::core::{Catalogue, Ledger, NewPerson, NewRecord, RecordKind};

const TODAY: &str = "2026-03-20";
const TITLE: &str = "\u{1b}]0;pwned\u{7}";
const CLEAR: &str = "\u{1b}[2J";
const BIDI: &str = "\u{202e}";
const CR: &str = "\r";

fn evil(tag: &str) -> String {
    format!("{tag}{TITLE}{CLEAR}{BIDI}x{CR}y")
}

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

    /// Direct mode: one process, no service left behind.
    fn cmd(&self) -> Command {
        init_once(&self.db());
        let mut c = assert_cmd::cargo::cargo_bin_cmd!("taizhang");
        c.env("TAIZHANG_TODAY", TODAY)
            .env("TAIZHANG_DIRECT", "1")
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env_remove("TAIZHANG_DB")
            .env_remove("TAIZHANG_LANG")
            .env_remove("LC_ALL")
            .env_remove("LANG")
            .arg("--db")
            .arg(self.db());
        c
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        self.cmd().args(args).output().unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn export(&self) -> Vec<u8> {
        let out = self.run(&["export"]);
        assert!(out.status.success());
        out.stdout
    }
}

/// No byte that a terminal would act on: C0/C1 controls other than line
/// ends, a CR not ending a line, bidi overrides.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let line_end = c == '\n' || (c == '\r' && chars.get(i + 1) == Some(&'\n'));
        assert!(
            line_end || !taizhang::core::text::is_unsafe(c),
            "{what}: raw {c:?} at char {i} in {text:?}"
        );
    }
}

fn date(m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, m, d)
}

/// A JSON backup whose every text field is hostile, built with the library
/// (the roster's own validation refuses control characters in names, so the
/// hostile names arrive the way a doctored file would bring them).
fn hostile_backup(path: &Path) {
    let ledger = Ledger::new(MemStore::new(Catalogue::embedded()), "tester");
    for (name, role) in [("甲", "书记"), ("乙", "党员")] {
        ledger
            .add_person(&NewPerson {
                name: name.into(),
                roles: vec![role.into()],
                dept: Some("办公室".into()),
                links: vec!["一车间".into()],
                ..NewPerson::default()
            })
            .unwrap();
    }
    ledger
        .add_record(&NewRecord {
            kind: Some(RecordKind::CommitteeMeeting),
            date: date(3, 2),
            topic: evil("topic"),
            host: Some("甲".into()),
            attendees: vec!["甲".into()],
            absentees: vec![("乙".into(), evil("reason"))],
            notes: format!("{}\nline two {}", evil("notes"), evil("more")),
            evidence: vec![evil("evidence")],
            ..NewRecord::default()
        })
        .unwrap();
    ledger
        .add_record(&NewRecord {
            kind: Some(RecordKind::HeartTalk),
            date: date(3, 3),
            host: Some("甲".into()),
            partners: vec!["乙".into()],
            notes: evil("talk"),
            ..NewRecord::default()
        })
        .unwrap();
    let mut backup = ledger.export().unwrap();
    for p in &mut backup.people {
        p.name = format!("{}{}", p.name, evil(""));
        p.dept = Some(evil("dept"));
        p.links = vec![evil("link")];
        p.oversees = vec![evil("oversees")];
    }
    for r in &mut backup.records {
        r.entered_by = evil("user");
    }
    std::fs::write(path, serde_json::to_string(&backup).unwrap()).unwrap();
}

#[test]
fn hostile_text_is_shown_inert_by_every_command() {
    let env = Env::new();
    let file = env.path("hostile.json");
    hostile_backup(&file);
    env.ok(&["import", file.to_str().unwrap()]);
    // Typed hostile text arrives through `add` as well.
    let typed = evil("typed");
    let added = env
        .cmd()
        .args(["add", "党课", "--date", "3-10", "--topic", &typed])
        .args(["--notes", &typed, "--evidence", &typed])
        .output()
        .unwrap();
    assert!(added.status.success(), "{added:?}");
    assert_inert("add", &added.stdout);
    let list: serde_json::Value =
        serde_json::from_str(&env.ok(&["records", "list", "--json"])).unwrap();
    let ids: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].to_string())
        .collect();
    assert_eq!(ids.len(), 3);
    // Stored as the core cleans it: what XML forbids (ESC, BEL, other
    // controls) is gone, line breaks are `\n`, the rest is kept.
    assert!(list.to_string().contains("pwned"));
    assert_eq!(
        list[0]["notes"],
        taizhang::core::text::clean_text(&format!("{}\nline two {}", evil("notes"), evil("more")))
    );

    let mut runs: Vec<Vec<String>> = vec![
        vec!["records".into(), "list".into()],
        vec!["records".into(), "list".into(), "--json".into()],
        vec!["people".into(), "list".into(), "--all".into()],
        vec!["status".into()],
        vec!["status".into(), "--short".into()],
        vec!["status".into(), "--json".into()],
        vec!["export".into()],
        vec!["export".into(), "--format".into(), "csv".into()],
        vec!["catalogue".into(), "export".into()],
        vec!["trash".into()],
    ];
    for id in &ids {
        runs.push(vec!["records".into(), "show".into(), id.clone()]);
        runs.push(vec!["history".into(), id.clone()]);
    }
    runs.push(vec![
        "--lang".into(),
        "en".into(),
        "records".into(),
        "show".into(),
        ids[0].clone(),
    ]);
    for args in &runs {
        let out = env.cmd().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert_inert(&format!("{args:?} stdout"), &out.stdout);
        assert_inert(&format!("{args:?} stderr"), &out.stderr);
    }
    // Controls XML forbids were removed on the way in (`core::text`); a bidi
    // override, which XML allows, is kept and shown inert, so the reader
    // sees that something odd is there.
    let show = env.ok(&["records", "show", &ids[0]]);
    assert!(show.contains("]0;pwned[2J"), "{show}");
    assert!(
        !show.contains("\\u{1b}") && !show.contains('\u{1b}'),
        "{show}"
    );
    assert!(show.contains("\\u{202e}"), "{show}");
    let people = env.ok(&["people", "list"]);
    assert!(people.contains("\\u{202e}"), "{people}");
    // The backup still round-trips exactly through stdout.
    let exported = env.export();
    let copy = env.path("copy.json");
    std::fs::write(&copy, &exported).unwrap();
    env.ok(&["import", "--force", copy.to_str().unwrap()]);
    assert_eq!(env.export(), exported);
}

#[test]
fn errors_that_echo_input_are_inert() {
    let env = Env::new();
    env.ok(&["people", "add", "张三", "--role", "书记"]);
    let cases: Vec<Vec<String>> = vec![
        vec!["records".into(), "show".into(), evil("#")],
        vec!["people".into(), "edit".into(), evil("who")],
        vec!["add".into(), evil("kind"), "--topic".into(), "x".into()],
        vec![
            "add".into(),
            "支委会".into(),
            "--topic".into(),
            "x".into(),
            "--host".into(),
            evil("host"),
        ],
        vec![
            "add".into(),
            "支委会".into(),
            "--topic".into(),
            "x".into(),
            "--date".into(),
            evil("d"),
        ],
        vec!["status".into(), "--year".into(), evil("y")],
        vec!["access".into(), "add-reviewer".into(), evil("r")],
        vec![evil("no-such-command")],
        vec!["add".into(), format!("--{}", evil("flag"))],
    ];
    let before = env.export();
    for args in &cases {
        let out = env.cmd().args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?} should be refused");
        assert!(!out.stderr.is_empty(), "{args:?} says why");
        assert_inert(&format!("{args:?} stdout"), &out.stdout);
        assert_inert(&format!("{args:?} stderr"), &out.stderr);
    }
    assert_eq!(env.export(), before);
}

/// One refusal: the arguments, the words the message must hold (English),
/// and the files the case needs.
struct Case {
    name: &'static str,
    args: Vec<String>,
    says: &'static [&'static str],
}

fn arg(s: &str) -> String {
    s.to_string()
}

#[test]
fn bad_data_is_refused_with_a_clear_message_and_writes_nothing() {
    let env = Env::new();
    env.ok(&["people", "add", "张三", "--role", "书记"]);
    env.ok(&["people", "add", "李四", "--role", "党员"]);
    env.ok(&[
        "add",
        "支委会",
        "--date",
        "3-2",
        "--topic",
        "研究工作",
        "--host",
        "张三",
    ]);
    let file = |name: &str, body: &[u8]| {
        let p = env.path(name);
        std::fs::write(&p, body).unwrap();
        p.to_str().unwrap().to_string()
    };
    let huge = file("huge.txt", "长".repeat(1 << 20).as_bytes());
    let mut good: serde_json::Value = serde_json::from_slice(&env.export()).unwrap();
    let malformed_json = file("bad.json", b"{\"schema\": 3, \"people\": [");
    let wrong_shape = file("shape.json", b"{\"schema\": 3, \"people\": 7}");
    good["records"][0]["host"] = serde_json::json!(999);
    let dangling = file("dangling.json", good.to_string().as_bytes());
    let bad_catalogue = file(
        "bad.toml",
        b"[[duty]]\nid = \"A1\"\ntitle = \"x\"\nrule = { kind = \"nonsense\" }\n",
    );
    let not_toml = file("not.toml", b"this is = = not toml\n");
    let bad_csv = file(
        "bad.csv",
        "日期,类型,主题,主持人\r\n2026-02-30,支委会,会议,张三\r\n".as_bytes(),
    );
    let unknown_csv = file(
        "unknown.csv",
        "日期,类型,主题,主持人\r\n2026-03-01,支委会,会议,无名氏\r\n".as_bytes(),
    );
    let headless_csv = file("headless.csv", b"\"unterminated,\r\n");
    let s = |v: &[&str]| v.iter().map(|a| arg(a)).collect::<Vec<_>>();
    let cases = vec![
        Case {
            name: "1 MB note",
            args: s(&[
                "add",
                "支委会",
                "--topic",
                "x",
                "--host",
                "张三",
                "--notes-file",
                &huge,
            ]),
            says: &["notes", "too long", "at most 20000"],
        },
        Case {
            name: "1 MB topic",
            args: vec![
                arg("add"),
                arg("支委会"),
                arg("--topic"),
                "题".repeat(30_000),
            ],
            says: &["topic", "too long"],
        },
        Case {
            name: "invalid date",
            args: s(&["add", "支委会", "--topic", "x", "--date", "2026-02-30"]),
            says: &["date", "2026-02-30", "3-14"],
        },
        Case {
            name: "duplicate name",
            args: s(&["people", "add", "张三"]),
            says: &["name", "张三", "already on the roster"],
        },
        Case {
            name: "unknown host",
            args: s(&["add", "支委会", "--topic", "x", "--host", "无名氏"]),
            says: &["host", "无名氏", "people add"],
        },
        Case {
            name: "same attendee twice",
            args: s(&["add", "支委会", "--topic", "x", "--attendees", "张三,张三"]),
            says: &["张三", "twice"],
        },
        Case {
            name: "unknown person to edit",
            args: s(&["people", "edit", "无名氏", "--dept", "x"]),
            says: &["无名氏"],
        },
        Case {
            name: "malformed JSON backup",
            args: s(&["import", "--force", &malformed_json]),
            says: &["bad.json", "line 1"],
        },
        Case {
            name: "JSON backup of the wrong shape",
            args: s(&["import", "--force", &wrong_shape]),
            says: &["shape.json", "line 1"],
        },
        Case {
            name: "backup naming a missing person",
            args: s(&["import", "--force", &dangling]),
            says: &["#999", "not in the roster"],
        },
        Case {
            name: "malformed catalogue",
            args: s(&["catalogue", "import", &bad_catalogue]),
            says: &["line"],
        },
        Case {
            name: "catalogue that is not TOML",
            args: s(&["catalogue", "import", &not_toml]),
            says: &["line 1"],
        },
        Case {
            name: "CSV with an invalid date",
            args: s(&["import-csv", &bad_csv]),
            says: &["2026-02-30", "row 2"],
        },
        Case {
            name: "CSV naming an unknown person",
            args: s(&["import-csv", &unknown_csv]),
            says: &["无名氏", "row 2"],
        },
        Case {
            name: "CSV that cannot be read",
            args: s(&["import-csv", &headless_csv]),
            says: &["headless.csv"],
        },
    ];
    let before = env.export();
    for case in &cases {
        let out = env
            .cmd()
            .arg("--lang")
            .arg("en")
            .args(&case.args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{}: accepted", case.name);
        for word in case.says {
            assert!(err.contains(word), "{}: {word:?} not in {err}", case.name);
        }
        assert!(
            err.len() < 4000,
            "{}: the message echoes the input: {} bytes",
            case.name,
            err.len()
        );
        assert_eq!(env.export(), before, "{}: the ledger changed", case.name);
    }
}
