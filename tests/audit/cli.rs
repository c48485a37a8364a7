//! The audit commands run as the real binary: history, trash, restore,
//! verify and seal, in both languages, with their exit codes.

use std::path::PathBuf;

use assert_cmd::Command;
use taizhang::core::{Catalogue, Ledger, NewRecord, RecordId, RecordKind, Store};
use taizhang::store::SledStore;

use super::{day, t, tamper_after};

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        let env = Env {
            dir: tempfile::tempdir().unwrap(),
        };
        env.ok(&["people", "add", "张三", "--role", "书记"]);
        env.ok(&["people", "add", "李四", "--role", "委员"]);
        env
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("db")
    }

    /// A clean environment that claims to be `mallory`: the journal must
    /// name the real Unix user anyway.
    fn cmd(&self) -> Command {
        let mut c = assert_cmd::cargo::cargo_bin_cmd!("taizhang");
        c.env("TAIZHANG_TODAY", "2026-03-20")
            .env("USER", "mallory")
            .env("LOGNAME", "mallory")
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env_remove("TAIZHANG_DB")
            .env_remove("TAIZHANG_LANG")
            .env_remove("LC_ALL")
            .env_remove("LANG")
            // The test also opens the ledger in-process, so no service may hold it.
            .env("TAIZHANG_DIRECT", "1")
            .arg("--db")
            .arg(self.db());
        c
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    }

    /// Run expecting exit `code`; returns stderr.
    fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd().args(args).assert().code(code);
        String::from_utf8(out.get_output().stderr.clone()).unwrap()
    }

    fn add_talk(&self, topic: &str) -> u64 {
        let out = self.ok(&[
            "add",
            "谈心谈话",
            "--date",
            "3-10",
            "--topic",
            topic,
            "--host",
            "张三",
            "--with",
            "李四",
        ]);
        let id = out
            .split_whitespace()
            .find_map(|w| w.split('#').nth(1))
            .unwrap();
        id.parse().unwrap()
    }

    /// Change a record's topic through the library (the CLI has no edit).
    fn edit_topic(&self, id: u64, topic: &str) {
        let store = SledStore::open(&self.db(), &Catalogue::embedded()).unwrap();
        let l =
            Ledger::new(store, "editor").with_clock(taizhang::core::ledger::fixed_clock(t(15, 8)));
        let input = NewRecord {
            kind: Some(RecordKind::HeartTalk),
            date: Some(day(2026, 3, 10)),
            topic: topic.into(),
            host: Some("张三".into()),
            partners: vec!["李四".into()],
            ..NewRecord::default()
        };
        l.update_record(RecordId(id), &input).unwrap();
    }
}

fn me() -> String {
    taizhang::cli::context::user()
}

#[test]
fn history_shows_who_when_and_the_changed_fields() {
    let env = Env::new();
    let id = env.add_talk("初谈");
    env.edit_topic(id, "再谈");
    let out = env.ok(&["history", &format!("#{id}"), "--lang", "en"]);
    assert!(
        out.contains(&format!("history of record #{id} (2 changes)")),
        "{out}"
    );
    assert!(
        out.contains(&format!("2026-03-20 12:00  {}  created", me())),
        "{out}"
    );
    assert!(out.contains("2026-03-15 08:00  editor  changed"), "{out}");
    assert!(out.contains("topic: 初谈 → 再谈"), "{out}");
    assert!(
        !out.contains("mallory"),
        "the environment cannot name the user: {out}"
    );
    assert!(!out.contains("\"topic\""), "no raw JSON: {out}");

    let zh = env.ok(&["history", &id.to_string()]);
    assert!(zh.contains("主题：初谈 → 再谈"), "{zh}");
    assert!(zh.contains("新增") && zh.contains("修改"), "{zh}");

    env.ok(&["people", "edit", "李四", "--dept", "综合办"]);
    let person = env.ok(&["history", "--person", "李四", "--lang", "en"]);
    assert!(person.contains("department: — → 综合办"), "{person}");
}

#[test]
fn trash_and_restore_from_the_command_line() {
    let env = Env::new();
    let id = env.add_talk("将被删除");
    env.ok(&["records", "delete", &id.to_string()]);
    let trash = env.ok(&["trash", "--lang", "en"]);
    assert!(trash.contains("将被删除"), "{trash}");
    assert!(
        trash.contains(&format!("deleted 2026-03-20 12:00 by {}", me())),
        "{trash}"
    );
    assert!(!env.ok(&["records", "list"]).contains("将被删除"));

    let restored = env.ok(&["restore", &format!("#{id}")]);
    assert!(restored.starts_with("已恢复："), "{restored}");
    assert!(env.ok(&["records", "list"]).contains("将被删除"));
    assert!(env.ok(&["trash"]).contains("回收站为空"));
    let again = env.fails(&["restore", &id.to_string(), "--lang", "en"], 2);
    assert!(again.contains("not in the trash"), "{again}");
    let history = env.ok(&["history", &id.to_string(), "--lang", "en"]);
    assert!(
        history.contains("deleted") && history.contains("restored"),
        "{history}"
    );
}

#[test]
fn verify_passes_then_names_the_altered_entry() {
    let env = Env::new();
    let id = env.add_talk("一");
    env.edit_topic(id, "二");
    let ok = env.ok(&["verify", "--lang", "en"]);
    assert!(ok.starts_with("journal intact: 4 entries, head "), "{ok}");
    assert_eq!(ok.trim().rsplit(' ').next().unwrap().len(), 64, "{ok}");
    assert!(env.ok(&["verify"]).starts_with("日志完整：共 4 条"));

    tamper_after(&env.db(), 4);
    let err = env.fails(&["verify", "--lang", "en"], 1);
    assert!(err.contains("breaks at entry 4"), "{err}");
    let zh = env.fails(&["verify"], 1);
    assert!(zh.contains("第 4 条"), "{zh}");
}

#[test]
fn seal_prints_a_digest_and_journals_it() {
    let env = Env::new();
    env.add_talk("年度");
    let out = env.ok(&["seal", "2026", "--lang", "en"]);
    let digest = out
        .strip_prefix("seal of 2026 (SHA-256): ")
        .and_then(|s| s.lines().next())
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(digest.len(), 64);
    assert!(digest.chars().all(|c| c.is_ascii_hexdigit()));
    assert!(out.contains("1 records, on journal entry 3"), "{out}");
    assert!(
        env.ok(&["seal", "2026"])
            .starts_with("2026年度封存摘要（SHA-256）：")
    );
    assert!(env.ok(&["verify", "--lang", "en"]).contains("5 entries"));
}

#[test]
fn bad_ids_and_years_are_refused_with_exit_2() {
    let env = Env::new();
    for (args, says) in [
        (&["history", "abc"][..], "\"abc\""),
        (&["history", "#999"][..], "#999"),
        (&["restore", "x1"][..], "\"x1\""),
        (&["restore", "999"][..], "not in the trash"),
        (&["seal", "twenty"][..], "\"twenty\""),
        (&["history", "--person", "无名氏"][..], "无名氏"),
    ] {
        let mut all = args.to_vec();
        all.extend(["--lang", "en"]);
        let err = env.fails(&all, 2);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    env.fails(&["history"], 2);
}

#[test]
fn stored_escape_sequences_are_shown_inert() {
    let env = Env::new();
    let id = env.add_talk("正常");
    {
        let store = SledStore::open(&env.db(), &Catalogue::embedded()).unwrap();
        let mut r = store.record(RecordId(id)).unwrap().unwrap();
        r.topic = "坏\u{1b}[2J\u{1b}]0;pwned\u{7}".into();
        let stamp = taizhang::core::Stamp {
            user: "evil\u{1b}[31m".into(),
            at: t(16, 9),
        };
        store.put_record(&r, &stamp).unwrap();
        store.delete_record(RecordId(id), &stamp).unwrap();
    }
    for args in [&["history", &id.to_string()][..], &["trash"][..]] {
        let out = env.ok(args);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        assert!(out.contains("\\u{1b}"), "{out}");
    }
}
