#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The per-person table in a per-person duty's detail: 双重组织生活 each
//! quarter and 责任书 each year, at 80×24 and 120×40, in both languages,
//! on a fixed day with a leader who left and one who joined mid-year.

#[path = "tui_support/fixture.rs"]
mod fixture;

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use taizhang::core::mem::MemStore;
use taizhang::core::{Catalogue, Ledger, NewPerson, NewRecord, RecordKind};
use taizhang::i18n::Lang;
use taizhang::tui::action::Action;
use taizhang::tui::{State, Theme, view};

const CATALOGUE: &str = r#"
[[duty]]
id = "m5"
list = "other_members"
ref = "三(三)(5)"
title = "落实双重组织生活"
title_en = "Dual organizational life"
text = "严格党内组织生活，落实双重组织生活制度，深入开展批评和自我批评。"
binds = "each_other_member"
counts = ["group_meeting"]
rule = { kind = "per_person", who = "other_leaders", min = 1, per = "quarter", by = "attends" }
source = "本支部惯例（每季度1次），出自三(三)(5)"

[[duty]]
id = "m8"
list = "other_members"
ref = "三(三)(8)"
title = "向党委述责述廉"
title_en = "Duty and integrity report"
text = "每年向党委述责述廉。"
binds = "each_other_member"
counts = ["duty_report"]
rule = { kind = "per_person", who = "other_leaders", min = 1 }
source = "三(三)(8)"

[[duty]]
id = "k7-1"
list = "integrity"
ref = "二(七)1"
title = "签订责任书"
title_en = "Responsibility letters"
text = "签订落实责任书。"
binds = "branch"
counts = ["responsibility_letter"]
rule = { kind = "per_person", who = "leaders_and_heads", min = 1 }
source = "二(七)1"
"#;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn now() -> NaiveDateTime {
    day(8, 10).and_hms_opt(9, 0, 0).unwrap()
}

fn person(name: &str, roles: &[&str]) -> NewPerson {
    NewPerson {
        name: name.into(),
        roles: roles.iter().map(|r| (*r).to_string()).collect(),
        dept: None,
        oversees: Vec::new(),
        links: Vec::new(),
    }
}

fn meeting(m: u32, d: u32, attendees: &[&str]) -> NewRecord {
    NewRecord {
        kind: Some(RecordKind::GroupMeeting),
        date: Some(day(m, d)),
        topic: format!("党小组学习{m}月"),
        attendees: attendees.iter().map(|a| (*a).to_string()).collect(),
        ..NewRecord::default()
    }
}

/// 张书记; 李明华, 王志强 and 赵丽娟 班子成员 (赵 joined on 2026-05-01);
/// 孙部长 部门负责人. 李 attends every quarter, 王 missed Q2, 赵 came in Q3.
fn ledger() -> Ledger<MemStore> {
    let catalogue = Catalogue::from_toml(CATALOGUE).expect("test catalogue");
    let ledger = Ledger::new(MemStore::new(catalogue), "tester")
        .with_clock(taizhang::core::ledger::fixed_clock(now()));
    for p in [
        person("张书记", &["书记"]),
        person("李明华", &["班子成员"]),
        person("王志强", &["班子成员"]),
        person("孙部长", &["部门负责人"]),
    ] {
        ledger.add_person(&p).unwrap();
    }
    ledger
        .add_person_on(&person("赵丽娟", &["班子成员"]), "", Some(day(5, 1)))
        .unwrap();
    for r in [
        meeting(2, 12, &["李明华", "王志强"]),
        meeting(5, 20, &["李明华"]),
        meeting(7, 8, &["李明华", "赵丽娟"]),
        NewRecord {
            kind: Some(RecordKind::ResponsibilityLetter),
            date: Some(day(2, 3)),
            topic: "签订党风廉政建设责任书".into(),
            host: Some("张书记".into()),
            partners: vec!["李明华".into(), "孙部长".into()],
            ..NewRecord::default()
        },
    ] {
        ledger.add_record(&r).unwrap();
    }
    ledger
}

fn state(lang: Lang, actions: &[Action]) -> State {
    let ledger = ledger();
    let view = ledger.year_view(2026, day(8, 10)).unwrap();
    let mut state = State::new(view, lang, Theme::new(false, false));
    for a in actions {
        taizhang::tui::step(&mut state, &ledger, a.clone(), now());
    }
    state
}

fn screen(lang: Lang, actions: &[Action], w: u16, h: u16) -> Terminal<TestBackend> {
    let state = state(lang, actions);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::render(&state, f)).unwrap();
    term
}

/// The other members' list, its first duty (双重组织生活) in the detail
/// (focused: while the duties are browsed it shows in brief).
fn dual_life() -> Vec<Action> {
    vec![
        Action::ShowChecklist,
        Action::Down,
        Action::Down,
        Action::Open,
        Action::Right,
    ]
}

#[test]
fn the_detail_lists_each_person_behind_first() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        for (w, h) in [(80, 24), (120, 40)] {
            let term = screen(lang, &dual_life(), w, h);
            insta::assert_snapshot!(format!("dual_life_{tag}_{w}x{h}"), term.backend());
        }
    }
}

#[test]
fn the_table_reads_who_is_behind_first() {
    let wide = fixture::render(&state(Lang::Zh, &dual_life()), 120, 40);
    let row = |text: &str, name: &str| {
        text.lines()
            .position(|l| l.contains(&format!(" {name} ")))
            .unwrap_or_else(|| panic!("{name} missing: {text}"))
    };
    // 王志强 has 1 of 4 quarters and missed Q2; 赵丽娟, who joined on 1 May,
    // owes Q2 on and missed it too (1 of 3); 李明华 is on track (3 of 4).
    assert!(row(&wide, "王志强") < row(&wide, "赵丽娟"), "{wide}");
    assert!(row(&wide, "赵丽娟") < row(&wide, "李明华"), "{wide}");
    let line = |text: &str, name: &str| text.lines().nth(row(text, name)).unwrap().to_string();
    assert!(
        line(&wide, "王志强").contains("1/4 逾期 缺二季度"),
        "{wide}"
    );
    assert!(
        line(&wide, "赵丽娟").contains("1/3 逾期 缺二季度"),
        "{wide}"
    );
    assert!(line(&wide, "李明华").contains("3/4 正常"), "{wide}");
    // A narrow pane keeps name, done/needed and state.
    let narrow = fixture::render(&state(Lang::Zh, &dual_life()), 80, 24);
    assert!(line(&narrow, "王志强").contains("1/4 逾期"), "{narrow}");
    assert!(!narrow.contains("缺二季度"), "{narrow}");
}

/// While the duties are browsed, the brief lists the people still short,
/// who is behind first, each with done/needed and state.
#[test]
fn the_brief_lists_who_is_short_behind_first() {
    let browse = &dual_life()[..4];
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let term = screen(lang, browse, 80, 24);
        insta::assert_snapshot!(format!("dual_life_brief_{tag}_80x24"), term.backend());
    }
    let text = fixture::render(&state(Lang::Zh, browse), 80, 24);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s}: {text}"));
    assert!(at("- 王志强 1/4 逾期") < at("- 赵丽娟 1/3 逾期"), "{text}");
    assert!(at("- 赵丽娟 1/3 逾期") < at("- 李明华 3/4 正常"), "{text}");
}
