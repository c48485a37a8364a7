//! Sealed years through the real binary: every reproducer of issue 8 under
//! "Rewriting a sealed year", "Changing a sealed year's results", "Resetting
//! the chain" and "Ids reused" is refused or has no effect; archives are
//! checked on load and by `verify`; `verify --seal` checks a copy.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod seal {
    pub mod archive;
    pub mod restore;
}

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A ledger driven in direct mode on 2026-03-20, with 2025 closed: two
/// committee meetings in 2025 (ids 2 and 3) and one in 2026 (id 4).
pub struct Ledger {
    pub dir: tempfile::TempDir,
}

impl Default for Ledger {
    fn default() -> Self {
        Self::new()
    }
}

impl Ledger {
    pub fn new() -> Self {
        let l = Ledger {
            dir: tempfile::tempdir().unwrap(),
        };
        l.ok(&["people", "add", "张三", "--role", "书记"]);
        for (date, topic) in [
            ("2025-03-14", "研究一季度工作"),
            ("2025-04-14", "研究二季度工作"),
            ("2026-01-05", "研究年度计划"),
        ] {
            l.add_meeting(date, topic);
        }
        l.ok(&["year", "close", "2025"]);
        l
    }

    /// Add a committee meeting hosted by 张三; returns its id.
    pub fn add_meeting(&self, date: &str, topic: &str) -> String {
        let out = self.ok(&[
            "add",
            "支委会",
            "--date",
            date,
            "--topic",
            topic,
            "--host",
            "张三",
        ]);
        let rest = out.split('#').nth(1).unwrap();
        rest.chars().take_while(char::is_ascii_digit).collect()
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn cmd_on(&self, db: &Path) -> Command {
        // A `--db` must hold a ledger: a fresh path is made with `init`.
        if !db.exists() {
            let made = std::process::Command::new(env!("CARGO_BIN_EXE_taizhang"))
                .arg("init")
                .arg(db)
                .output()
                .unwrap();
            assert!(made.status.success(), "taizhang init: {made:?}");
        }
        let mut c = assert_cmd::cargo::cargo_bin_cmd!("taizhang");
        c.env("TAIZHANG_TODAY", "2026-03-20")
            .env("TAIZHANG_DIRECT", "1")
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env_remove("TAIZHANG_DB")
            .env_remove("TAIZHANG_LANG")
            .env_remove("LC_ALL")
            .env_remove("LANG")
            .arg("--db")
            .arg(db);
        c
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd_on(&self.db()).args(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    }

    /// Run and expect a refusal with `code`; returns stderr.
    pub fn refused(&self, args: &[&str], code: i32) -> String {
        let out = self
            .cmd_on(&self.db())
            .args(args)
            .assert()
            .failure()
            .code(code);
        String::from_utf8(out.get_output().stderr.clone()).unwrap()
    }

    /// The 2025 row of `year list`: state and digest.
    pub fn row_2025(&self) -> String {
        let list = self.ok(&["year", "list"]);
        list.lines()
            .find(|l| l.starts_with("2025"))
            .unwrap()
            .to_string()
    }

    pub fn digest_2025(&self) -> String {
        self.row_2025()
            .split_whitespace()
            .last()
            .unwrap()
            .to_string()
    }

    /// The 支委会 (k1-2b) line of `status --year YEAR` (ids are not shown).
    pub fn committee_line(&self, year: &str) -> String {
        let status = self.ok(&["status", "--year", year]);
        status
            .lines()
            .find(|l| l.split_whitespace().nth(1) == Some("支委会"))
            .unwrap()
            .to_string()
    }

    pub fn export(&self) -> serde_json::Value {
        let file = self.path("export.json");
        self.ok(&["export", "--out", file.to_str().unwrap()]);
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
    }

    pub fn write_json(&self, name: &str, v: &serde_json::Value) -> String {
        let file = self.path(name);
        std::fs::write(&file, serde_json::to_string_pretty(v).unwrap()).unwrap();
        file.to_str().unwrap().to_string()
    }
}

#[test]
fn closing_moves_the_year_into_a_compressed_archive() {
    let l = Ledger::new();
    let file = l.db().join("archive").join("year-2025.json.gz");
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(&bytes[..2], &[0x1f, 0x8b], "gzip");
    assert!(l.row_2025().contains("已封存"), "{}", l.row_2025());
    let list = l.ok(&["records", "list", "--year", "2025"]);
    assert!(
        list.contains("研究二季度工作") && list.contains("共 2 条"),
        "{list}"
    );
    let verify = l.ok(&["verify"]);
    assert!(
        verify.contains("2025年度封存档案完好：2 条记录"),
        "{verify}"
    );
    assert!(verify.contains(&l.digest_2025()), "{verify}");
    // The record of a sealed year is still shown, and amended beside it.
    l.ok(&[
        "amend",
        "2",
        "--note",
        "实际到会7人",
        "--date",
        "2026-03-01",
    ]);
    let show = l.ok(&["records", "show", "2"]);
    assert!(
        show.contains("研究一季度工作") && show.contains("实际到会7人"),
        "{show}"
    );
    let err = l.refused(&["records", "delete", "2"], 2);
    assert!(err.contains("2025年度已结账"), "{err}");
}

/// Issue 8, "Rewriting a sealed year": export, edit a 2025 record and clear
/// `closed_years`, `import --force`, seal again, import again.
#[test]
fn rewriting_a_sealed_year_by_import_is_refused() {
    let l = Ledger::new();
    let (row, history) = (l.row_2025(), l.ok(&["history", "2"]));
    let mut v = l.export();
    assert_eq!(v["records"].as_array().unwrap().len(), 3, "a full export");
    for r in v["records"].as_array_mut().unwrap() {
        if r["id"] == 2 {
            r["topic"] = "改写后的议题".into();
        }
    }
    v["closed_years"] = serde_json::json!([]);
    let edited = l.write_json("edited.json", &v);
    let err = l.refused(&["import", "--force", &edited], 2);
    assert!(
        err.contains("已封存的2025年度（记录 #2）") && err.contains("规则：封存年度不可变"),
        "{err}"
    );
    let err = l.refused(&["--lang", "en", "import", "--force", &edited], 2);
    assert!(err.contains("rule: a sealed year never changes"), "{err}");
    // Dropping the year from the file does not unseal it either.
    let mut dropped = l.export();
    dropped["records"]
        .as_array_mut()
        .unwrap()
        .retain(|r| !r["date"].as_str().unwrap().starts_with("2025"));
    dropped["closed_years"] = serde_json::json!([]);
    let dropped = l.write_json("dropped.json", &dropped);
    l.ok(&["import", "--force", &dropped]);
    assert!(
        l.ok(&["seal", "2025"]).contains(&l.digest_2025()),
        "not sealed anew"
    );
    assert_eq!(l.row_2025(), row, "still sealed, same digest");
    assert_eq!(l.ok(&["history", "2"]), history, "only the original");
    let show = l.ok(&["records", "show", "2"]);
    assert!(show.contains("研究一季度工作"), "{show}");
    // An unchanged full export round-trips.
    let same = l.export();
    let same = l.write_json("same.json", &same);
    l.ok(&["import", "--force", &same]);
    assert_eq!(l.row_2025(), row);
    l.ok(&["verify"]);
}

/// Issue 8, "Changing a sealed year's results": a catalogue with another
/// quota, and a changed roster, leave the sealed year's figures alone.
#[test]
fn a_new_catalogue_leaves_a_sealed_years_results() {
    let l = Ledger::new();
    let sealed = l.committee_line("2025");
    assert!(
        sealed.contains("2/12") && sealed.contains("逾期"),
        "{sealed}"
    );
    let file = l.path("catalogue.toml");
    l.ok(&["catalogue", "export", "--out", file.to_str().unwrap()]);
    let text = std::fs::read_to_string(&file).unwrap();
    let start = text.find("id = \"k1-2b\"").unwrap();
    let rule = start + text[start..].find("per = \"month\"").unwrap();
    let lowered = format!("{}per = \"year\"{}", &text[..rule], &text[rule + 13..]);
    std::fs::write(&file, lowered).unwrap();
    l.ok(&["catalogue", "import", file.to_str().unwrap()]);
    l.ok(&[
        "people",
        "edit",
        "张三",
        "--name",
        "张三丰",
        "--role",
        "书记",
    ]);
    assert_eq!(l.committee_line("2025"), sealed, "judged as sealed");
    let now = l.committee_line("2026");
    assert!(now.contains("1/1") && now.contains("已完成"), "{now}");
    let report = l.ok(&["report", "annual", "--year", "2025"]);
    assert!(
        report.contains("张三") && !report.contains("张三丰"),
        "the roster as sealed"
    );
    assert!(l.ok(&["verify"]).contains("2025年度封存档案完好"));
}

#[test]
fn verify_seal_checks_a_copy_against_its_digest() {
    let l = Ledger::new();
    let digest = l.digest_2025();
    let out = l.ok(&["verify", "--seal", "2025", &digest]);
    assert!(
        out.contains("相符：2025年度与摘要") && out.contains("2 条记录"),
        "{out}"
    );
    let mut wrong = digest.clone();
    wrong.replace_range(..1, if digest.starts_with('0') { "1" } else { "0" });
    let err = l.refused(&["verify", "--seal", "2025", &wrong], 1);
    assert!(err.contains("不相符"), "{err}");
    let err = l.refused(&["verify", "--seal", "2025", "xyz"], 2);
    assert!(err.contains("64 位十六进制"), "{err}");
    // An inspector's copy of the archive file, on its own.
    let copy = l.path("copy.json.gz");
    std::fs::copy(l.db().join("archive/year-2025.json.gz"), &copy).unwrap();
    let out = l.ok(&[
        "--lang",
        "en",
        "verify",
        "--archive",
        copy.to_str().unwrap(),
        "--seal",
        "2025",
        &digest,
    ]);
    assert!(out.contains("matches: 2025 agrees"), "{out}");
    let err = l.refused(
        &[
            "verify",
            "--archive",
            copy.to_str().unwrap(),
            "--seal",
            "2025",
            &wrong,
        ],
        1,
    );
    assert!(err.contains("不相符"), "{err}");
}

#[test]
fn reopening_is_an_explicit_journaled_step() {
    let l = Ledger::new();
    let out = l.ok(&["year", "reopen", "2025"]);
    assert!(out.contains("2025年度已重新开放"), "{out}");
    let row = l.row_2025();
    assert!(row.contains("未结账") && row.contains("重新开放"), "{row}");
    let verify = l.ok(&["verify"]);
    assert!(verify.contains("重新开放了2025"), "{verify}");
    let aside = std::fs::read_dir(l.db().join("archive"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect::<Vec<_>>();
    assert!(
        aside.iter().any(|n| n.starts_with("year-2025.reopened-")),
        "the archive is kept aside: {aside:?}"
    );
    l.ok(&["records", "delete", "3"]);
    l.ok(&["year", "close", "2025"]);
    assert!(l.row_2025().contains("已封存"));
    let err = l.refused(&["year", "reopen", "2024"], 2);
    assert!(err.contains("没有封存归档"), "{err}");
}
