//! A small fixed ledger for the TUI tests: its own catalogue (so snapshots do
//! not move when the embedded catalogue changes), four people, a few records,
//! seen on a fixed day.

#![allow(dead_code)] // each test crate uses a different part

use chrono::{NaiveDate, NaiveDateTime};
use taizhang::core::mem::MemStore;
use taizhang::core::{Catalogue, Ledger, NewPerson, NewRecord, RecordKind};
use taizhang::i18n::Lang;
use taizhang::tui::{State, Theme};

pub const CATALOGUE: &str = r#"
[[duty]]
id = "b7"
list = "branch"
ref = "三(一)(7)"
title = "理论中心组专题学习"
title_en = "Central group study sessions"
text = "严格落实理论中心组学习制度，每年至少安排12次专题学习。"
binds = "branch"
counts = ["central_group_study"]
source = "三(一)(7)"
rule = { kind = "count", min = 12, per = "year" }

[[duty]]
id = "b3"
list = "branch"
ref = "三(一)(3)"
title = "三会一课"
title_en = "Three meetings and one lecture"
text = "严格落实“三会一课”制度。"
binds = "branch"
source = "三(一)(3)"
rule = { kind = "evidence" }

[[duty]]
id = "b3a"
list = "branch"
ref = "三(一)(3)"
title = "支委会每月一次"
title_en = "Committee meeting monthly"
text = "支委会一般每月召开1次。"
binds = "branch"
parent = "b3"
counts = ["committee_meeting"]
source = "《中国共产党支部工作条例（试行）》"
rule = { kind = "count", min = 1, per = "month" }

[[duty]]
id = "b3b"
list = "branch"
ref = "三(一)(3)"
title = "党员大会每季度一次"
title_en = "General meeting quarterly"
text = "支部党员大会一般每季度召开1次。"
binds = "branch"
parent = "b3"
counts = ["general_meeting"]
source = "《中国共产党支部工作条例（试行）》"
rule = { kind = "count", min = 1, per = "quarter" }

[[duty]]
id = "s1"
list = "secretary"
ref = "三(二)(4)"
title = "书记谈心谈话全覆盖"
title_en = "Secretary talks with every leader and head"
text = "书记每年与班子成员、部门负责人各开展谈心谈话至少1次。"
binds = "secretary"
counts = ["heart_talk"]
source = "三(二)(4)"
rule = { kind = "talk_coverage", pairs = "secretary_with_leaders_and_heads" }

[[duty]]
id = "s2"
list = "secretary"
ref = "三(二)(8)"
title = "向上级报告履责情况"
title_en = "Report to the superior committee"
text = "每年3月底前向上级党组织报告履行全面从严治党责任情况。"
binds = "secretary"
counts = ["annual_report"]
source = "三(二)(8)"
rule = { kind = "deadline", month = 3, day = 31 }

[[duty]]
id = "o1"
list = "other_members"
ref = "三(三)(2)"
title = "分管范围谈话"
title_en = "Talks with the heads they oversee"
text = "班子成员每年与分管部门负责人开展谈话。"
binds = "each_other_member"
counts = ["integrity_talk"]
source = "三(三)(2)"
rule = { kind = "talk_coverage", pairs = "leaders_with_overseen_heads" }

[[duty]]
id = "d1"
list = "discipline"
ref = "二(三)2"
title = "警示教育"
title_en = "Warning education"
text = "每半年至少开展1次警示教育。"
binds = "branch"
counts = ["education"]
source = "二(三)2"
rule = { kind = "count", min = 1, per = "half_year" }

[[duty]]
id = "g1"
list = "safeguards"
ref = "四(1)"
title = "签订责任书"
title_en = "Sign responsibility letters"
text = "每年1月15日前逐级签订全面从严治党责任书。"
binds = "branch"
counts = ["responsibility_letter"]
source = "四(1)"
rule = { kind = "deadline", month = 1, day = 15 }
"#;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()
}

pub fn now() -> NaiveDateTime {
    today().and_hms_opt(9, 30, 0).unwrap()
}

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

pub fn record(kind: RecordKind, m: u32, d: u32, topic: &str) -> NewRecord {
    NewRecord {
        kind: Some(kind),
        date: Some(date(m, d)),
        topic: topic.into(),
        ..NewRecord::default()
    }
}

fn person(name: &str, roles: &[&str], dept: Option<&str>, oversees: &[&str]) -> NewPerson {
    NewPerson {
        name: name.into(),
        roles: roles.iter().map(|r| (*r).to_string()).collect(),
        dept: dept.map(str::to_string),
        oversees: oversees.iter().map(|o| (*o).to_string()).collect(),
        links: Vec::new(),
    }
}

pub fn ledger() -> Ledger<MemStore> {
    let catalogue = Catalogue::from_toml(CATALOGUE).expect("test catalogue");
    let ledger = Ledger::new(MemStore::new(catalogue), "tester")
        .with_clock(taizhang::core::ledger::fixed_clock(now()));
    for p in [
        person("张书记", &["书记"], None, &[]),
        person("李副书记", &["副书记"], None, &["生产部"]),
        person("王部长", &["部门负责人"], Some("生产部"), &[]),
        person("赵党员", &["党员"], None, &[]),
    ] {
        ledger.add_person(&p).unwrap();
    }
    for r in [
        record(
            RecordKind::CentralGroupStudy,
            1,
            15,
            "学习二十届三中全会精神",
        ),
        record(RecordKind::CentralGroupStudy, 2, 20, "学习党纪处分条例"),
        record(RecordKind::GeneralMeeting, 1, 10, "年度工作部署"),
        record(RecordKind::CommitteeMeeting, 1, 8, "研究年度计划"),
        record(RecordKind::Education, 2, 1, "警示教育片观看"),
        NewRecord {
            host: Some("张书记".into()),
            partners: vec!["李副书记".into()],
            ..record(RecordKind::HeartTalk, 3, 1, "")
        },
    ] {
        ledger.add_record(&r).unwrap();
    }
    ledger
}

pub fn state(ledger: &Ledger<MemStore>, lang: Lang) -> State {
    let view = ledger.year_view(2026, today()).unwrap();
    State::new(view, lang, Theme::new(false, false))
}

/// The screen `state` draws at `w`×`h`, as text, one line per row (wide
/// characters once, their trailing cell skipped).
pub fn render(state: &State, w: u16, h: u16) -> String {
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    term.draw(|f| taizhang::tui::view::render(state, f))
        .unwrap();
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut skip = 0;
        for x in 0..w {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let s = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(s).saturating_sub(1);
            out.push_str(s);
        }
        out.push('\n');
    }
    out
}
