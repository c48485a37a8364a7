//! The reports a branch hands in: the annual report and the 述责述廉 draft,
//! as Markdown, HTML and DOCX, built from a small fixed ledger.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;
use std::process::Command;

use chrono::NaiveDate;
use taizhang::core::mem::MemStore;
use taizhang::core::{Ledger, NewPerson, NewRecord, PersonId, RecordKind, YearView};
use taizhang::i18n::Lang;
use taizhang::report::{
    self, Block, FixLine, RectificationSummary, Report, to_docx, to_html, to_markdown,
};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(3, 20)
}

fn person(
    name: &str,
    roles: &[&str],
    dept: Option<&str>,
    oversees: &[&str],
    links: &[&str],
) -> NewPerson {
    let v = |xs: &[&str]| xs.iter().map(|x| (*x).to_string()).collect();
    NewPerson {
        name: name.into(),
        roles: v(roles),
        dept: dept.map(Into::into),
        oversees: v(oversees),
        links: v(links),
    }
}

fn rec(kind: RecordKind, date: NaiveDate, topic: &str, host: &str, with: &[&str]) -> NewRecord {
    let names = with.iter().map(|x| (*x).to_string()).collect();
    let talk = kind.is_talk();
    NewRecord {
        kind: Some(kind),
        date: Some(date),
        topic: topic.into(),
        host: Some(host.into()),
        attendees: if talk { Vec::new() } else { names },
        partners: if talk {
            with.iter().map(|x| (*x).to_string()).collect()
        } else {
            Vec::new()
        },
        ..NewRecord::default()
    }
}

/// The embedded catalogue, five people and a quarter's worth of records.
fn ledger() -> Ledger<MemStore> {
    let ledger = Ledger::new(MemStore::default(), "tester");
    for p in [
        person("张三", &["书记"], Some("党办"), &["党办"], &["一车间"]),
        person(
            "李四",
            &["班子成员"],
            None,
            &["生产部"],
            &["二车间", "三车间"],
        ),
        person("王五", &["部门负责人"], Some("生产部"), &[], &[]),
        person("赵六", &["部门负责人"], Some("办公室"), &[], &[]),
        person("孙七", &["党员"], Some("生产部"), &[], &[]),
    ] {
        ledger.add_person(&p).unwrap();
    }
    let now = today().and_hms_opt(9, 0, 0).unwrap();
    let mut absent = rec(
        RecordKind::GeneralMeeting,
        d(3, 12),
        "学习全国两会精神",
        "张三",
        &["李四", "王五", "孙七"],
    );
    absent.absentees = vec![("赵六".into(), "出差".into())];
    for r in [
        rec(
            RecordKind::SpecialMeeting,
            d(1, 15),
            "研究部署2026年全面从严治党工作",
            "张三",
            &["李四", "王五", "赵六"],
        ),
        rec(
            RecordKind::CommitteeMeeting,
            d(2, 3),
            "审议预算|采购 #1 项目",
            "张三",
            &["李四"],
        ),
        rec(
            RecordKind::CentralGroupStudy,
            d(2, 20),
            "学习《中国共产党纪律处分条例》& 心得",
            "张三",
            &["李四"],
        ),
        rec(RecordKind::IntegrityTalk, d(3, 2), "", "张三", &["李四"]),
        rec(
            RecordKind::IntegrityTalk,
            d(3, 3),
            "年度廉政谈话",
            "张三",
            &["王五"],
        ),
        rec(
            RecordKind::HeartTalk,
            d(3, 5),
            "年度谈心谈话",
            "李四",
            &["孙七"],
        ),
        rec(
            RecordKind::WorkPlan,
            d(3, 10),
            "2026年党建工作要点",
            "张三",
            &["李四"],
        ),
        absent,
        rec(
            RecordKind::ThemeDay,
            d(3, 14),
            "参观廉政教育基地",
            "李四",
            &["王五", "孙七"],
        ),
    ] {
        ledger.add_record(&r, now).unwrap();
    }
    ledger
}

fn view_of(ledger: &Ledger<MemStore>) -> YearView {
    ledger.year_view(2026, today()).unwrap()
}

fn view() -> YearView {
    view_of(&ledger())
}

fn fixes() -> RectificationSummary {
    RectificationSummary {
        opened: vec![FixLine {
            problem: "组织生活会批评意见不够具体".into(),
            owner: "张三".into(),
            deadline: d(6, 30),
            state: "整改中".into(),
        }],
        closed: vec![FixLine {
            problem: "台账资料归档不及时".into(),
            owner: "李四".into(),
            deadline: d(2, 28),
            state: "已完成".into(),
        }],
        overdue: Vec::new(),
    }
}

fn id_of(view: &YearView, name: &str) -> PersonId {
    view.roster.resolve(name).unwrap()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Every Chinese text: full-width punctuation next to CJK, no space between
/// two CJK characters, no ISO dates.
fn assert_chinese_typesetting(r: &Report) {
    for text in r.texts() {
        let cs: Vec<char> = text.chars().collect();
        for w in cs.windows(2) {
            let (a, b) = (w[0], w[1]);
            let ascii_punct = |c: char| matches!(c, ',' | '.' | ':' | ';' | '(' | ')' | '?' | '!');
            assert!(
                !((is_cjk(a) && ascii_punct(b)) || (ascii_punct(a) && is_cjk(b))),
                "half-width punctuation beside Chinese in {text:?}"
            );
        }
        for w in cs.windows(3) {
            assert!(
                !(is_cjk(w[0]) && w[1] == ' ' && is_cjk(w[2])),
                "a space between Chinese characters in {text:?}"
            );
        }
        assert!(!text.contains("2026-0"), "ISO date in {text:?}");
    }
}

#[test]
fn annual_zh_markdown_and_html() {
    let r = report::annual(&view(), &fixes(), Lang::Zh);
    assert_chinese_typesetting(&r);
    insta::assert_snapshot!("annual_zh_md", to_markdown(&r));
    insta::assert_snapshot!("annual_zh_html", to_html(&r));
}

#[test]
fn annual_en_markdown_and_html() {
    let r = report::annual(&view(), &fixes(), Lang::En);
    insta::assert_snapshot!("annual_en_md", to_markdown(&r));
    insta::assert_snapshot!("annual_en_html", to_html(&r));
}

#[test]
fn shuze_zh_markdown_and_html() {
    let v = view();
    let r = report::shuze(&v, id_of(&v, "李四"), Lang::Zh);
    assert_chinese_typesetting(&r);
    insta::assert_snapshot!("shuze_zh_md", to_markdown(&r));
    insta::assert_snapshot!("shuze_zh_html", to_html(&r));
}

/// The table that follows the sub-heading containing `sub`, in section `sec`.
fn table_after<'a>(r: &'a Report, sec: &str, sub: &str) -> Option<&'a report::Table> {
    let s = r.sections.iter().find(|s| s.heading.contains(sec))?;
    let at = s
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Subheading(t) if t.contains(sub)))?;
    s.blocks[at..].iter().find_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    })
}

fn row<'a>(t: &'a report::Table, first_cells: &[&str]) -> Option<&'a Vec<String>> {
    t.rows
        .iter()
        .find(|r| first_cells.iter().all(|c| r.iter().any(|cell| cell == c)))
}

#[test]
fn every_number_comes_from_the_ledger() {
    let ledger = ledger();
    let v = view_of(&ledger);
    let md = to_markdown(&report::annual(&v, &fixes(), Lang::Zh));
    assert!(
        md.contains(&format!("共登记工作记录{}条", v.records.len())),
        "{md}"
    );
    assert!(md.contains(&format!("已完成{}项", v.tally.done)));
    assert!(md.contains(&format!("逾期{}项", v.tally.overdue)));
    // One more record moves the numbers.
    ledger
        .add_record(
            &rec(
                RecordKind::SpecialMeeting,
                d(3, 18),
                "第二次专题会议",
                "张三",
                &["李四"],
            ),
            today().and_hms_opt(10, 0, 0).unwrap(),
        )
        .unwrap();
    let v2 = view_of(&ledger);
    assert_eq!(v2.records.len(), v.records.len() + 1);
    let r = report::annual(&v2, &fixes(), Lang::Zh);
    let md = to_markdown(&r);
    assert!(md.contains(&format!("共登记工作记录{}条", v2.records.len())));
    // The duty row shows the engine's target, done and status.
    let cat = &v2.catalogue;
    let b2 = cat
        .duties
        .iter()
        .find(|d| d.title == "专题研究全面从严治党")
        .unwrap();
    let p = v2.progress_of(&b2.id).unwrap();
    let t = table_after(&r, "责任清单", "党支部班子责任清单").unwrap();
    let line = row(t, &["专题研究全面从严治党"]).unwrap();
    assert_eq!(line[3], p.target.to_string());
    assert_eq!(line[4], p.done.to_string());
    assert_eq!(line[5], taizhang::i18n::domain::status(Lang::Zh, p.status));
    // Each dated list counts its own records.
    let meetings = v2
        .records
        .iter()
        .filter(|r| r.kind.category() == taizhang::core::record::Category::Meeting)
        .count();
    let work = r
        .sections
        .iter()
        .find(|s| s.heading.contains("主要工作"))
        .unwrap();
    let at = work
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Subheading(t) if t == "（一）会议"))
        .unwrap();
    assert_eq!(
        work.blocks[at + 1],
        Block::Paragraph(format!("共{meetings}次。"))
    );
    let t = table_after(&r, "主要工作", "会议").unwrap();
    assert_eq!(t.rows.len(), meetings);
    let line = row(t, &["学习全国两会精神"]).unwrap();
    assert_eq!(line[0], "2026年3月12日");
    assert_eq!(line[3], "张三");
    assert_eq!(line[4], "3");
}

#[test]
fn sub_duties_follow_their_parent() {
    let r = report::annual(&view(), &fixes(), Lang::Zh);
    let t = table_after(&r, "责任清单", "从严抓政治建设").unwrap();
    let titles: Vec<&str> = t.rows.iter().map(|r| r[1].as_str()).collect();
    let parent = titles
        .iter()
        .position(|t| *t == "严肃执行党内政治生活")
        .unwrap();
    assert_eq!(titles[parent + 1], "└ 支部党员大会");
    assert_eq!(titles[parent + 2], "└ 支委会");
    assert!(
        !titles.contains(&"支委会"),
        "a sub-duty is listed once, under its parent"
    );
}

#[test]
fn the_talk_matrix_shows_held_and_owed_pairs() {
    let v = view();
    let r = report::annual(&v, &fixes(), Lang::Zh);
    let t = table_after(&r, "谈话全覆盖", "廉政谈话全覆盖").unwrap();
    let pairs = taizhang::core::progress::required_pairs(
        &v.roster,
        taizhang::core::PairScope::SecretaryWithLeadersAndHeads,
    );
    assert_eq!(t.rows.len(), pairs.len());
    assert_eq!(
        row(t, &["张三", "李四"]).unwrap()[2..],
        ["已谈", "2026年3月2日"]
    );
    assert_eq!(row(t, &["张三", "赵六"]).unwrap()[2..], ["未谈", "—"]);
    let md = to_markdown(&r);
    assert!(
        md.contains(&format!(
            "应谈{}人次，已谈2人次，未谈{}人次",
            pairs.len(),
            pairs.len() - 2
        )),
        "{md}"
    );
}

#[test]
fn empty_rectification_groups_say_none() {
    let v = view();
    for (lang, none) in [(Lang::Zh, "无"), (Lang::En, "none")] {
        let r = report::annual(&v, &RectificationSummary::default(), lang);
        let s = r
            .sections
            .iter()
            .find(|s| s.heading.contains(lang.pick("整改", "Rectification")))
            .unwrap();
        let paras: Vec<&Block> = s
            .blocks
            .iter()
            .filter(|b| !matches!(b, Block::Subheading(_)))
            .collect();
        assert_eq!(paras, vec![&Block::Paragraph(none.into()); 3]);
    }
    let r = report::annual(&v, &fixes(), Lang::Zh);
    let t = table_after(&r, "整改", "已完成").unwrap();
    assert_eq!(
        t.rows,
        [["台账资料归档不及时", "李四", "2026年2月28日", "已完成"]]
    );
}

#[test]
fn the_closing_line_carries_todays_date_not_the_clock() {
    let ledger = ledger();
    let r = report::annual(
        &ledger.year_view(2026, d(11, 2)).unwrap(),
        &fixes(),
        Lang::Zh,
    );
    assert_eq!(r.closing.last().unwrap(), "2026年11月2日");
    assert!(to_markdown(&r).contains("统计截至2026年11月2日"));
    let r = report::annual(
        &ledger.year_view(2026, d(11, 2)).unwrap(),
        &fixes(),
        Lang::En,
    );
    assert_eq!(r.closing.last().unwrap(), "2 November 2026");
}

#[test]
fn the_secretary_reports_on_the_secretary_list_and_a_leader_on_the_other() {
    let v = view();
    let sec = to_markdown(&report::shuze(&v, id_of(&v, "张三"), Lang::Zh));
    assert!(
        sec.contains("党支部书记责任清单") && sec.contains("廉政谈话全覆盖"),
        "{sec}"
    );
    assert!(!sec.contains("分管部门廉政谈话"));
    assert!(sec.contains("本人联系点：一车间。"));
    let lead = report::shuze(&v, id_of(&v, "李四"), Lang::Zh);
    let md = to_markdown(&lead);
    assert!(md.contains("其他班子成员责任清单") && md.contains("分管部门廉政谈话"));
    assert!(!md.contains("廉政谈话全覆盖"));
    assert!(md.contains("本人联系点：二车间、三车间。"));
    // The talks 李四 owes: each head of the department they oversee not yet talked to.
    let owed = table_after(&lead, "谈话情况", "尚未开展").unwrap();
    assert_eq!(owed.rows, [["分管部门廉政谈话", "王五"]]);
    // Records taken part in, and the part played.
    let took = table_after_section(&lead, "参加会议").unwrap();
    assert_eq!(row(took, &["参观廉政教育基地"]).unwrap()[3], "主持");
    assert_eq!(row(took, &["学习全国两会精神"]).unwrap()[3], "参加");
    assert!(
        row(took, &["年度谈心谈话"]).is_none(),
        "talks have their own section"
    );
}

fn table_after_section<'a>(r: &'a Report, sec: &str) -> Option<&'a report::Table> {
    r.sections
        .iter()
        .find(|s| s.heading.contains(sec))?
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
}

const HOSTILE: &str = "<script>alert(\"x\")</script>\u{1b}[2J\u{1b}]0;pwned\u{7}|# &amp;";

fn hostile_report() -> Report {
    let ledger = ledger();
    ledger
        .add_record(
            &rec(
                RecordKind::CommitteeMeeting,
                d(3, 19),
                HOSTILE,
                "张三",
                &["李四"],
            ),
            today().and_hms_opt(10, 0, 0).unwrap(),
        )
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
