//! Escaping in every format, and the DOCX package read back by a zip
//! reader and by python-docx.

use std::io::Read;

use taizhang::core::RecordKind;
use taizhang::i18n::Lang;
use taizhang::report::{self, Report, to_docx, to_html, to_markdown};

use super::fixture::{d, fixes, ledger, rec, view, view_of};
use super::python;

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
    // The core drops the controls XML forbids on the way in (`core::text`);
    // the markup and the table and heading marks stay for the writers.
    assert!(
        v.records
            .iter()
            .any(|r| r.topic.contains("<script>") && !r.topic.contains('\u{1b}')),
        "the topic is stored cleaned"
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
    // The controls were removed on input; the rest is escaped.
    assert!(html.contains("[2J]0;pwned|# &amp;amp;"), "{html}");
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
        .find(|l| l.starts_with("| 序号 | 日期 | 类型 | 主题"))
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
fn docx_is_a_deflated_package_in_gbt_9704_layout() {
    let r = report::annual(&view(), &fixes(), Lang::Zh);
    let bytes = to_docx(&r).unwrap();
    assert_eq!(&bytes[..2], b"PK");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    for i in 0..zip.len() {
        let part = zip.by_index(i).unwrap();
        if part.is_file() {
            assert_eq!(
                part.compression(),
                zip::CompressionMethod::Deflated,
                "{}",
                part.name()
            );
        }
    }
    let doc = document_xml(&bytes, "word/document.xml");
    assert!(doc.contains(&r.title), "{doc}");
    assert!(doc.contains("专题研究全面从严治党"));
    assert!(
        doc.contains("w:w=\"11906\"") && doc.contains("w:h=\"16838\""),
        "A4"
    );
    assert!(
        doc.contains("w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\""),
        "margins 37/35/28/26 mm"
    );
    assert!(doc.contains("<w:docGrid w:type=\"lines\" w:linePitch=\"579\""));
    assert!(
        doc.contains("w:firstLineChars=\"200\""),
        "a real two-character indent"
    );
    assert!(doc.contains("<w:tblHeader />"), "header rows repeat");
    assert!(
        doc.contains("<w:tblLayout w:type=\"fixed\""),
        "fixed column widths"
    );
    assert!(
        doc.contains("<w:cantSplit"),
        "rows do not split across pages"
    );
    let styles = document_xml(&bytes, "word/styles.xml");
    for font in ["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"] {
        assert!(styles.contains(&format!("w:eastAsia=\"{font}\"")), "{font}");
    }
    assert!(
        styles.contains("<w:spacing w:val=\"-5\" />"),
        "28 characters a line"
    );
    let fonts = document_xml(&bytes, "word/fontTable.xml");
    assert!(fonts.contains("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\" />"));
    assert!(fonts.contains("<w:font w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\" />"));
    let core = document_xml(&bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:creator>中共XX支部</dc:creator>"),
        "{core}"
    );
    let footer = document_xml(&bytes, "word/footer1.xml");
    assert!(footer.contains("PAGE") && footer.contains("— "), "{footer}");
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
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
body = d.element.body
# Which tables come after the first annex label ("附件1" on its own).
seen_annex, tables_in_body = False, 0
for el in body.iterchildren():
    if el.tag == qn("w:p"):
        text = "".join(t.text or "" for t in el.iter(qn("w:t")))
        if text == "附件1":
            seen_annex = True
    elif el.tag == qn("w:tbl") and not seen_annex:
        tables_in_body += 1
def east_asia(style):
    rpr = style.element.rPr
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None
defaults = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
s = d.sections[0]
footer = s.footer._element.xml
indents = [p.paragraph_format.first_line_indent for p in d.paragraphs if p.text.startswith("对照")]
body_para = next(p for p in d.paragraphs if p.text.startswith("2026年，"))
ind = body_para._p.pPr.find(qn("w:ind"))
print(json.dumps({
    "paragraphs": [p.text for p in d.paragraphs],
    "styles": [p.style.name if p.style is not None else None for p in d.paragraphs],
    "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
    "page": [s.page_width, s.page_height],
    "margins": [s.top_margin.mm, s.bottom_margin.mm, s.left_margin.mm, s.right_margin.mm],
    "title_font": [east_asia(d.styles["Title"]), d.styles["Title"].font.size.pt],
    "h1_font": [east_asia(d.styles["heading 1"]), d.styles["heading 1"].font.size.pt],
    "h2_font": [east_asia(d.styles["heading 2"]), d.styles["heading 2"].font.size.pt],
    "body_font": [defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")), int(defaults.find(qn("w:sz")).get(qn("w:val"))) / 2],
    "indent": [ind.get(qn("w:firstLineChars")), body_para.paragraph_format.first_line_indent.pt],
    "page_field": "PAGE" in footer and "fldChar" in footer or "PAGE" in footer,
    "tables_in_body": tables_in_body,
    "core_author": d.core_properties.author,
}, ensure_ascii=False))
"#;

#[test]
fn python_docx_reads_the_report_back() {
    if !python::has("docx", "python-docx") {
        return;
    }
    let v = view();
    let r = report::annual(&v, &fixes(), Lang::Zh);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annual.docx");
    std::fs::write(&path, to_docx(&r).unwrap()).unwrap();
    let got = python::read_back(READ_BACK, &path);
    let paragraphs: Vec<&str> = got["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(paragraphs[0], r.title);
    assert_eq!(got["styles"][0], "Title");
    assert!(paragraphs.contains(&"【请补充主要做法、特色亮点和典型经验】"));
    assert!(paragraphs.contains(&"一、主要做法和成效"));
    assert!(paragraphs.contains(&"附件：1．责任清单落实情况表"));
    // A4 in EMU, GB/T 9704 margins, fonts and sizes.
    assert_eq!(got["page"][0], 7_560_310);
    assert_eq!(got["page"][1], 10_692_130);
    let margins: Vec<f64> = got["margins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_f64().unwrap())
        .collect();
    for (m, want) in margins.iter().zip([37.0, 35.0, 28.0, 26.0]) {
        assert!((m - want).abs() < 0.1, "{margins:?}");
    }
    assert_eq!(
        got["title_font"],
        serde_json::json!(["方正小标宋简体", 22.0])
    );
    assert_eq!(got["h1_font"], serde_json::json!(["黑体", 16.0]));
    assert_eq!(got["h2_font"], serde_json::json!(["楷体_GB2312", 16.0]));
    assert_eq!(got["body_font"], serde_json::json!(["仿宋_GB2312", 16.0]));
    assert_eq!(got["indent"], serde_json::json!(["200", 32.0]));
    assert_eq!(got["page_field"], true);
    assert_eq!(
        got["tables_in_body"], 0,
        "record tables sit only in the annexes"
    );
    assert_eq!(got["core_author"], "中共XX支部");
    // Every duty of the catalogue is a row of annex 1, with the engine's figures.
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
        assert!(
            rows.iter()
                .any(|r| r.len() == 6 && r[1].ends_with(duty.title.as_str())),
            "no row for {}",
            duty.title
        );
    }
}
