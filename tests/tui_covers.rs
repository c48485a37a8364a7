//! Issue 10 point 5 in the TUI records list: a record that counts toward
//! another year than its date's (所属年度) says so, as a mark before the
//! topic at 80 columns, as a column from 110 on, and in full under the
//! list when selected; a record of its date's year carries no mark.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "tui_support/fixture.rs"]
mod fixture;

use chrono::NaiveDate;
use taizhang::core::mem::MemStore;
use taizhang::core::{Ledger, NewRecord, RecordKind};
use taizhang::i18n::Lang;
use taizhang::tui::action::Action;
use taizhang::tui::{State, Theme, step};

/// The fixture's ledger with 2025's annual report made on 2026-01-20 and a
/// 2025 talk dated in 2025.
fn ledger() -> Ledger<MemStore> {
    let ledger = fixture::ledger();
    ledger
        .add_record(&NewRecord {
            covers: Some(2025),
            ..fixture::record(
                RecordKind::AnnualReport,
                1,
                20,
                "2025年度全面从严治党情况报告",
            )
        })
        .unwrap();
    ledger
        .add_record(&NewRecord {
            date: NaiveDate::from_ymd_opt(2025, 11, 3),
            host: Some("张书记".into()),
            partners: vec!["王部长".into()],
            ..fixture::record(RecordKind::HeartTalk, 1, 1, "年终谈话")
        })
        .unwrap();
    ledger
}

/// The 2025 records list, newest first: the report (dated 2026) selected.
fn records_2025(ledger: &Ledger<MemStore>, lang: Lang) -> State {
    let view = ledger.year_view(2025, fixture::today()).unwrap();
    let mut state = State::new(view, lang, Theme::new(false, false));
    step(&mut state, ledger, Action::ShowRecords, fixture::now());
    state
}

fn row<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle}:\n{screen}"))
}

#[test]
fn a_report_on_the_year_before_is_marked_at_80_columns() {
    let ledger = ledger();
    let state = records_2025(&ledger, Lang::Zh);
    let shown = fixture::render(&state, 80, 24);
    assert!(
        row(&shown, "2026-01-20").contains("〔2025年度〕"),
        "{shown}"
    );
    assert!(!row(&shown, "2025-11-03").contains("年度〕"), "{shown}");
    assert!(
        shown.contains("所属年度：2025年度（记录日期为 2026-01-20）"),
        "the selected record in full: {shown}"
    );
    // Selecting the talk: no 所属年度 line under the list.
    let mut state = state;
    step(&mut state, &ledger, Action::Down, fixture::now());
    assert!(!fixture::render(&state, 80, 24).contains("所属年度："));
}

#[test]
fn wide_screens_give_it_a_column() {
    let ledger = ledger();
    let state = records_2025(&ledger, Lang::En);
    let shown = fixture::render(&state, 120, 40);
    assert!(row(&shown, "Date").contains("Date       Covers"), "{shown}");
    let report = row(&shown, "2026-01-20");
    assert!(report.contains("2026-01-20 2025"), "{report}");
    assert!(!report.contains("[2025]"), "no mark beside the column");
    let talk = row(&shown, "2025-11-03");
    assert!(!talk.contains("2025-11-03 2025"), "{talk}");
    assert!(shown.contains("Year covered: 2025 (dated 2026-01-20)"));
}

#[test]
fn snapshots_at_80x24_and_120x40() {
    let ledger = ledger();
    for lang in [Lang::Zh, Lang::En] {
        let tag = match lang {
            Lang::Zh => "zh",
            Lang::En => "en",
        };
        let state = records_2025(&ledger, lang);
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(
                format!("records_covers_{tag}_{w}x{h}"),
                fixture::render(&state, w, h)
            );
        }
    }
}
