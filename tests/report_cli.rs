//! `taizhang report annual|shuze` through the real binary: each format lands
//! in a private file, DOCX needs a file, and only leaders get a 述责述廉 draft.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "cli_support/env.rs"]
mod env;

use std::io::Read;

use env::Env;

const ANNUAL_TITLE: &str = "中共XX支部关于2026年度落实全面从严治党主体责任情况的报告";

#[cfg(unix)]
fn assert_private(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{}", path.display());
}

#[cfg(not(unix))]
fn assert_private(_: &std::path::Path) {}

fn zip_part(bytes: &[u8], part: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name(part).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

#[test]
fn annual_report_in_every_format_goes_to_a_private_file() {
    let env = Env::demo();
    for (name, format, kind) in [
        ("a.md", None, "md"),
        ("a.html", None, "html"),
        ("a.docx", None, "docx"),
        ("b.txt", Some("html"), "html"),
    ] {
        let out = env.path(name);
        let mut args = vec![
            "report",
            "annual",
            "--year",
            "2026",
            "--out",
            out.to_str().unwrap(),
        ];
        if let Some(f) = format {
            args.extend(["--format", f]);
        }
        let said = env.ok(&args);
        assert!(said.contains("已写入"), "{said}");
        assert_private(&out);
        let bytes = std::fs::read(&out).unwrap();
        if kind == "docx" {
            assert_eq!(&bytes[..2], b"PK");
            assert!(zip_part(&bytes, "word/document.xml").contains(ANNUAL_TITLE));
        } else {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.contains(ANNUAL_TITLE), "{name}");
            assert_eq!(text.contains("<html"), kind == "html", "{name}");
        }
    }
    // Written whole: no temporary file is left beside the reports.
    let stray: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn annual_report_defaults_to_markdown_on_stdout_for_this_year() {
    let env = Env::demo();
    let md = env.ok(&["report", "annual"]);
    assert!(md.starts_with(&format!("# {ANNUAL_TITLE}")), "{md}");
    let en = env.ok(&["--lang", "en", "report", "annual"]);
    assert!(en.contains("Report of the XX Party branch"), "{en}");
    // Numbers come from the ledger: the record count matches records list.
    let records: serde_json::Value =
        serde_json::from_str(&env.ok(&["records", "list", "--json"])).unwrap();
    let n = records.as_array().unwrap().len();
    assert!(md.contains(&format!("共登记工作记录{n}条")), "{md}");
}

#[test]
fn refusals_name_the_fix() {
    let env = Env::demo();
    let err = env.refused(&["report", "annual", "--format", "docx"], 2);
    assert!(err.contains("--out"), "{err}");
    let out = env.path("a.pdf");
    let err = env.refused(&["report", "annual", "--out", out.to_str().unwrap()], 2);
    assert!(err.contains("--format"), "{err}");
    assert!(!out.exists());
    let err = env.refused(&["report", "annual", "--year", "20x6"], 2);
    assert!(err.contains("20x6"), "{err}");
}

#[test]
fn shuze_for_a_leader_and_not_for_a_plain_member() {
    let env = Env::demo();
    let people = env.ok(&["people", "list"]);
    let leader = people
        .lines()
        .find(|l| l.contains("书记"))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap()
        .to_string();
    let member = people
        .lines()
        .find(|l| l.contains("部门负责人") && !l.contains("班子成员") && !l.contains("书记"))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap()
        .to_string();
    let md = env.ok(&["report", "shuze", "--person", &leader, "--year", "2026"]);
    assert!(
        md.contains(&format!("{leader}同志2026年度述责述廉报告")),
        "{md}"
    );
    let out = env.path("s.docx");
    env.ok(&[
        "report",
        "shuze",
        "--person",
        "#1",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(zip_part(&std::fs::read(&out).unwrap(), "word/document.xml").contains("述责述廉"));
    assert_private(&out);

    let err = env.refused(&["report", "shuze", "--person", &member], 2);
    assert!(
        err.contains(&member) && err.contains("不是班子成员"),
        "{err}"
    );
    let err = env.refused(&["--lang", "en", "report", "shuze", "--person", &member], 2);
    assert!(err.contains("not a leadership member"), "{err}");
    let err = env.refused(&["report", "shuze", "--person", "查无此人"], 2);
    assert!(err.contains("查无此人"), "{err}");
}

#[test]
fn a_sealed_year_prints_its_seal_digest_for_inspectors() {
    let env = Env::demo();
    let md = env.ok(&["report", "annual", "--year", "2026"]);
    assert!(!md.contains("封存摘要"), "an unsealed year has no digest");
    let sealed = env.ok(&["seal", "2026"]);
    let digest = sealed
        .split(|c: char| !c.is_ascii_hexdigit())
        .find(|w| w.len() == 64)
        .unwrap_or_else(|| panic!("no digest in {sealed}"))
        .to_string();
    let md = env.ok(&["report", "annual", "--year", "2026"]);
    assert!(md.contains(&format!("封存摘要：{digest}")), "{md}");
    let en = env.ok(&["--lang", "en", "report", "annual", "--year", "2026"]);
    assert!(en.contains(&format!("seal digest {digest}")), "{en}");
}
