//! The fixed ledger the report tests share, and helpers to look inside a
//! `Report` and check its Chinese typesetting.

use chrono::NaiveDate;
use taizhang::core::mem::MemStore;
use taizhang::core::{Ledger, NewPerson, NewRecord, PersonId, RecordKind, YearView};
use taizhang::report::{self, Block, FixLine, RectificationSummary, Report};

pub fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

pub fn today() -> NaiveDate {
    d(3, 20)
}

pub fn person(
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

pub fn rec(kind: RecordKind, date: NaiveDate, topic: &str, host: &str, with: &[&str]) -> NewRecord {
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
pub fn ledger() -> Ledger<MemStore> {
    let ledger = Ledger::new(MemStore::default(), "tester").with_clock(
        taizhang::core::ledger::fixed_clock(today().and_hms_opt(9, 0, 0).unwrap()),
    );
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
        ledger.add_record(&r).unwrap();
    }
    ledger
}

pub fn view_of(ledger: &Ledger<MemStore>) -> YearView {
    ledger.year_view(2026, today()).unwrap()
}

pub fn view() -> YearView {
    view_of(&ledger())
}

pub fn fixes() -> RectificationSummary {
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

pub fn id_of(view: &YearView, name: &str) -> PersonId {
    view.roster.resolve(name).unwrap()
}

pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Every Chinese text: full-width punctuation next to CJK, no space between
/// two CJK characters, no ISO dates.
pub fn assert_chinese_typesetting(r: &Report) {
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

/// The blocks of the section or annex whose heading or title contains `part`.
pub fn blocks_of<'a>(r: &'a Report, part: &str) -> Option<&'a [Block]> {
    r.sections
        .iter()
        .find(|s| s.heading.contains(part))
        .map(|s| &s.blocks[..])
        .or_else(|| {
            r.annexes
                .iter()
                .find(|a| a.title.contains(part))
                .map(|a| &a.blocks[..])
        })
}

/// The table that follows the sub-heading containing `sub`, in the section
/// or annex `sec`.
pub fn table_after<'a>(r: &'a Report, sec: &str, sub: &str) -> Option<&'a report::Table> {
    let blocks = blocks_of(r, sec)?;
    let at = blocks
        .iter()
        .position(|b| matches!(b, Block::Subheading(t) if t.contains(sub)))?;
    blocks[at..].iter().find_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    })
}

pub fn row<'a>(t: &'a report::Table, first_cells: &[&str]) -> Option<&'a Vec<String>> {
    t.rows
        .iter()
        .find(|r| first_cells.iter().all(|c| r.iter().any(|cell| cell == c)))
}

pub fn table_after_section<'a>(r: &'a Report, sec: &str) -> Option<&'a report::Table> {
    blocks_of(r, sec)?.iter().find_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    })
}

/// The paragraph after the sub-heading containing `sub` in section `sec`.
pub fn para_after<'a>(r: &'a Report, sec: &str, sub: &str) -> Option<&'a str> {
    let blocks = blocks_of(r, sec)?;
    let at = blocks
        .iter()
        .position(|b| matches!(b, Block::Subheading(t) if t.contains(sub)))?;
    blocks[at..].iter().find_map(|b| match b {
        Block::Paragraph(t) => Some(t.as_str()),
        _ => None,
    })
}
