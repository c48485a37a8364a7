//! The talk matrix: every required pair of each talk-coverage duty, covered
//! or owed, the summary, ASCII mode, scrolling and snapshots.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use taizhang::core::Rule;
use taizhang::core::progress::required_pairs;
use taizhang::i18n::Lang;
use taizhang::tui::matrix;
use taizhang::tui::theme::Theme;

// ---- fixture: a small fixed ledger (duplicated in tests/tui_*.rs) ----
use chrono::NaiveDate;
use taizhang::core::mem::MemStore;
use taizhang::core::{Ledger, NewPerson, NewRecord, RecordKind, YearView};

const CATALOGUE: &str = r#"
[[duty]]
id = "m1"
list = "branch"
ref = "二(一)2"
title = "支部党员大会"
title_en = "General meetings"
text = "每季度召开一次支部党员大会。"
binds = "branch"
counts = ["general_meeting"]
source = "二(一)2"
rule = { kind = "count", min = 1, per = "quarter" }

[[duty]]
id = "s1"
list = "branch"
ref = "三(一)(7)"
title = "理论中心组专题学习"
title_en = "Central group study sessions"
text = "每年至少安排12次专题学习。"
binds = "branch"
counts = ["central_group_study", "general_meeting"]
source = "三(一)(7)"
rule = { kind = "count", min = 12, per = "year" }

[[duty]]
id = "t1"
list = "secretary"
ref = "三(二)(5)"
title = "书记谈心谈话"
title_en = "Secretary's talks"
text = "书记每年与班子成员、部门负责人谈话一次。"
binds = "secretary"
counts = ["heart_talk", "integrity_talk"]
source = "三(二)(5)"
rule = { kind = "talk_coverage", pairs = "secretary_with_leaders_and_heads" }

[[duty]]
id = "t2"
list = "other_members"
ref = "三(三)(4)"
title = "分管领域谈话"
title_en = "Talks with overseen heads"
text = "班子成员每年与分管部门负责人谈话一次。"
binds = "each_other_member"
counts = ["heart_talk"]
source = "三(三)(4)"
rule = { kind = "talk_coverage", pairs = "leaders_with_overseen_heads" }
"#;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(3, 20)
}

fn person(name: &str, roles: &[&str], dept: Option<&str>, oversees: &[&str]) -> NewPerson {
    NewPerson {
        name: name.into(),
        roles: roles.iter().map(|r| (*r).to_string()).collect(),
        dept: dept.map(Into::into),
        oversees: oversees.iter().map(|r| (*r).to_string()).collect(),
        links: Vec::new(),
    }
}

fn ledger() -> Ledger<MemStore> {
    let ledger = Ledger::new(MemStore::default(), "tester");
    ledger.import_catalogue(CATALOGUE).unwrap();
    for p in [
        person("张三", &["书记"], Some("党办"), &["党办"]),
        person("李四", &["班子成员"], None, &["生产部"]),
        person("王五", &["部门负责人"], Some("生产部"), &[]),
        person("赵六", &["部门负责人"], Some("办公室"), &[]),
        person("李四光", &["党员"], Some("生产部"), &[]),
    ] {
        ledger.add_person(&p).unwrap();
    }
    let gone = ledger
        .add_person(&person("钱七", &["部门负责人"], Some("生产部"), &[]))
        .unwrap();
    ledger.retire_person(gone.id).unwrap();
    let now = today().and_hms_opt(9, 0, 0).unwrap();
    let talk = |host: &str, with: &str, date| NewRecord {
        kind: Some(RecordKind::HeartTalk),
        date: Some(date),
        topic: "年度谈心谈话".into(),
        host: Some(host.into()),
        partners: vec![with.into()],
        ..NewRecord::default()
    };
    ledger
        .add_record(&talk("张三", "李四", d(2, 10)), now)
        .unwrap();
    ledger
        .add_record(&talk("李四", "王五", d(3, 5)), now)
        .unwrap();
    ledger
        .add_record(
            &NewRecord {
                kind: Some(RecordKind::GeneralMeeting),
                date: Some(d(3, 1)),
                topic: "学习全会精神".into(),
                host: Some("张三".into()),
                attendees: vec!["李四".into(), "王五".into()],
                absentees: vec![("赵六".into(), "出差".into())],
                notes: "第一行\n第二行".into(),
                ..NewRecord::default()
            },
            now,
        )
        .unwrap();
    ledger
}

fn view() -> YearView {
    ledger().year_view(2026, today()).unwrap()
}
// ---- end of fixture ----

fn draw(view: &YearView, lang: Lang, theme: &Theme, w: u16, h: u16, scroll: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| matrix::render(f, f.area(), view, lang, theme, scroll))
        .unwrap();
    if w == 0 {
        // TestBackend cannot print a zero-width buffer.
        return String::new();
    }
    t.backend().to_string()
}

/// (covered, required) over every talk-coverage duty, computed here from
/// the records rather than taken from the matrix.
fn expected_counts(view: &YearView) -> (usize, usize) {
    let (mut done, mut required) = (0, 0);
    for duty in &view.catalogue.duties {
        let Rule::TalkCoverage { pairs } = duty.rule else {
            continue;
        };
        for (host, partner) in required_pairs(&view.roster, pairs) {
            required += 1;
            if view.records.iter().any(|r| {
                r.duties.contains(&duty.id) && r.host == Some(host) && r.partners.contains(&partner)
            }) {
                done += 1;
            }
        }
    }
    (done, required)
}

#[test]
fn the_summary_counts_covered_and_required_pairs() {
    let view = view();
    let (done, required) = expected_counts(&view);
    assert!(done > 0 && required > done);
    let shown = draw(&view, Lang::Zh, &Theme::new(false, true), 80, 24, 0);
    assert!(
        shown.contains(&format!("已谈 {done} / 应谈 {required}")),
        "{shown}"
    );
    let shown = draw(&view, Lang::En, &Theme::new(false, true), 80, 24, 0);
    assert!(shown.contains(&format!("Talked {done} / required {required}")));
}

#[test]
fn covered_pairs_show_the_talk_date_and_owed_ones_a_cross() {
    let view = view();
    let shown = draw(&view, Lang::Zh, &Theme::new(false, true), 80, 40, 0);
    let line = shown.lines().find(|l| l.contains("2026-02-10")).unwrap();
    assert!(line.contains('✓') && line.contains("李四"), "{line}");
    let owed = shown.lines().find(|l| l.contains("赵六")).unwrap();
    assert!(owed.contains('✗') && owed.contains("未谈"), "{owed}");
    // Retired people are not owed a talk.
    assert!(!shown.contains("钱七"));
    let ascii = draw(&view, Lang::Zh, &Theme::new(true, true), 80, 40, 0);
    assert!(!ascii.contains('✓') && !ascii.contains('✗'));
    assert!(ascii.lines().any(|l| l.contains("+ 李四")));
    assert!(ascii.lines().any(|l| l.contains("x 赵六")));
}

#[test]
fn rows_bound_the_scroll() {
    let view = view();
    let rows = matrix::rows(&view, Lang::Zh, 80);
    assert!(rows > expected_counts(&view).1);
    let theme = Theme::new(false, true);
    let top = draw(&view, Lang::Zh, &theme, 80, 24, 0);
    let scrolled = draw(&view, Lang::Zh, &theme, 80, 24, 2);
    assert_ne!(top, scrolled);
    // The summary stays put while the pairs scroll.
    assert_eq!(top.lines().nth(1), scrolled.lines().nth(1));
    let past = draw(&view, Lang::Zh, &theme, 80, 24, u16::MAX);
    assert!(
        past.lines()
            .nth(2)
            .unwrap()
            .chars()
            .any(|c| !"│ \"".contains(c))
    );
}

#[test]
fn snapshots_at_80x24() {
    let view = view();
    let theme = Theme::new(false, true);
    insta::assert_snapshot!("matrix_zh", draw(&view, Lang::Zh, &theme, 80, 24, 0));
    insta::assert_snapshot!("matrix_en", draw(&view, Lang::En, &theme, 80, 24, 0));
    insta::assert_snapshot!(
        "matrix_ascii",
        draw(&view, Lang::Zh, &Theme::new(true, true), 80, 24, 0)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn rendering_never_panics(w in 0u16..=120, h in 0u16..=50, scroll in any::<u16>()) {
        let view = view();
        draw(&view, Lang::En, &Theme::new(false, false), w, h, scroll);
    }
}
