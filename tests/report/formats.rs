//! Escaping in every format, and the DOCX package read back by a zip
//! reader and by python-docx.

use std::io::Read;
use std::process::Command;

use taizhang::core::RecordKind;
use taizhang::i18n::Lang;
use taizhang::report::{self, Report, to_docx, to_html, to_markdown};

use super::fixture::{d, fixes, ledger, rec, view, view_of};

const HOSTILE: &str = "<script>alert(\"x\")</script>\u{1b}[2J\u{1b}]0;pwned\u{7}|# &amp;";

fn hostile_report() -> Report {
    let ledger = ledger();
    ledger
        .add_record(&rec(
            RecordKind::CommitteeMeeting,
            d(3, 19),
            HOSTILE,
            "张三",
            &["李四"],
        ))
        .unwrap();
    let v = view_of(&ledger);
    assert!(
        v.records.iter().any(|r| r.topic.contains('\u{1b}')),
        "the topic is stored as typed"
    );
    report::annual(&v, &fixes(), Lang::Zh)
}

#[test]
fn html_escapes_a_hostile_topic_into_inert_text() {
    let html = to_html(&hostile_report());
    assert_eq!(html.matches("<script").count(), 0, "no script element");
    assert!(
        html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains("\\u{1b}[2J\\u{1b}]0;pwned\\u{7}|# &amp;amp;"));
    assert!(
        !html.chars().any(|c| c.is_control() && c != '\n'),
        "no control character survives"
    );
}

#[test]
fn markdown_escapes_a_hostile_topic() {
    let md = to_markdown(&hostile_report());
    assert!(!md.replace("\\<", "").contains('<'), "every < is escaped");
    assert!(!md.chars().any(|c| c.is_control() && c != '\n'));
    let line = md.lines().find(|l| l.contains("script")).unwrap();
    assert!(
        line.contains("\\<script\\>") && line.contains("\\|# \\&amp;"),
        "{line}"
    );
    // The pipe in the topic does not add a column.
    let cols = |l: &str| l.replace("\\|", "").matches('|').count();
    let header = md
        .lines()
        .find(|l| l.starts_with("| 日期 | 类型 | 主题"))
        .unwrap();
    assert_eq!(cols(line), cols(header));
}

fn document_xml(docx: &[u8], part: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    zip.by_name(part).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

#[test]
fn docx_is_a_zip_with_the_title_duties_fonts_and_a4() {
    let r = report::annual(&view(), &fixes(), Lang::Zh);
    let bytes = to_docx(&r).unwrap();
    assert_eq!(&bytes[..2], b"PK");
    let doc = document_xml(&bytes, "word/document.xml");
    assert!(doc.contains(&r.title), "{doc}");
    assert!(doc.contains("专题研究全面从严治党"));
    assert!(
        doc.contains("w:w=\"11906\"") && doc.contains("w:h=\"16838\""),
        "A4 page"
    );
    assert!(
        doc.contains("<w:cantSplit"),
        "rows do not split across pages"
    );
    assert!(
        doc.contains("<w:keepNext"),
        "headings keep with what follows"
    );
    let styles = document_xml(&bytes, "word/styles.xml");
    assert!(
        styles.contains("w:eastAsia=\"宋体\"") && styles.contains("w:eastAsia=\"黑体\""),
        "{styles}"
    );
}

#[test]
fn docx_keeps_control_characters_out_of_the_xml() {
    let bytes = to_docx(&hostile_report()).unwrap();
    let doc = document_xml(&bytes, "word/document.xml");
    assert!(
        !doc.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    );
    assert!(doc.contains("&lt;script&gt;"));
}

const READ_BACK: &str = r#"
import docx, json, sys
d = docx.Document(sys.argv[1])
print(json.dumps({
    "paragraphs": [p.text for p in d.paragraphs],
    "styles": [p.style.name if p.style is not None else None for p in d.paragraphs],
    "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
    "page": [d.sections[0].page_width, d.sections[0].page_height],
}, ensure_ascii=False))
"#;

#[test]
fn python_docx_reads_the_report_back() {
    let ok = Command::new("python3")
        .args(["-c", "import docx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!(
            "NOTICE: python-docx is not installed (pip install python-docx); skipping the read-back test"
        );
        return;
    }
    let v = view();
    let r = report::annual(&v, &fixes(), Lang::Zh);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annual.docx");
    std::fs::write(&path, to_docx(&r).unwrap()).unwrap();
    let out = Command::new("python3")
        .args(["-c", READ_BACK])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paragraphs: Vec<&str> = got["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(paragraphs[0], r.title);
    assert_eq!(got["styles"][0], "Title");
    assert!(paragraphs.contains(&"【请在此填写总体情况】"));
    assert!(paragraphs.contains(&"一、总体情况"));
    // Every duty of the catalogue is a row, with the engine's status.
    let rows: Vec<Vec<String>> = got["tables"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t.as_array().unwrap().iter())
        .map(|r| {
            r.as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    for duty in &v.catalogue.duties {
        let p = v.progress_of(&duty.id).unwrap();
        let status = taizhang::i18n::domain::status(Lang::Zh, p.status);
        assert!(
            rows.iter().any(|r| r.len() == 6
                && r[1].ends_with(duty.title.as_str())
                && r[4] == p.done.to_string()
                && r[5] == status),
            "no row for {} {}",
            duty.id,
            duty.title
        );
    }
    // A4 in EMU.
    assert_eq!(got["page"][0], 7_560_310);
    assert_eq!(got["page"][1], 10_692_130);
}
