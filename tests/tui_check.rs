//! The consistency findings in the TUI: the overview's count line and list
//! (Tab reaches it, Enter shows the record), the record's findings under the
//! records list, and a list that appears only when there is something.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "tui_support/fixture.rs"]
mod fixture;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use taizhang::core::mem::MemStore;
use taizhang::core::{Ledger, NewRecord, RecordKind};
use taizhang::i18n::Lang;
use taizhang::tui::keymap;
use taizhang::tui::state::{OverviewPane, Screen};
use taizhang::tui::{State, step};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(state: &mut State, ledger: &Ledger<MemStore>, ev: KeyEvent) {
    if let Some(action) = keymap::lookup(state.mode(), &ev) {
        step(state, ledger, action, fixture::now());
    }
}

/// The fixture's committee is 张书记 and 李副书记: a 支委会 with only the
/// 书记 of them is one of two, not more than half.
fn with_a_finding() -> Ledger<MemStore> {
    let ledger = fixture::ledger();
    ledger
        .add_record(&NewRecord {
            host: Some("张书记".into()),
            attendees: vec!["赵党员".into()],
            absentees: vec![("李副书记".into(), "出差".into())],
            ..fixture::record(RecordKind::CommitteeMeeting, 3, 10, "研究党费收缴")
        })
        .unwrap();
    ledger
}

#[test]
fn the_overview_counts_the_findings_in_both_languages() {
    let ledger = with_a_finding();
    for (lang, tag, count, row) in [
        (
            Lang::Zh,
            "zh",
            "! 发现 1 处问题",
            "03-10 支委会 到会委员未过半数",
        ),
        (
            Lang::En,
            "en",
            "! 1 finding",
            // Cut to the column with an ellipsis.
            "03-10 Committee meeting no quor…",
        ),
    ] {
        let state = fixture::state(&ledger, lang);
        let screen = fixture::render(&state, 80, 24);
        assert!(screen.contains(count), "{screen}");
        assert!(screen.contains(row), "{screen}");
        insta::assert_snapshot!(format!("overview_findings_{tag}"), screen);
    }
}

#[test]
fn tab_reaches_the_findings_and_enter_shows_the_record() {
    let ledger = with_a_finding();
    let mut state = fixture::state(&ledger, Lang::Zh);
    assert_eq!(state.overview_pane, OverviewPane::Behind);
    press(&mut state, &ledger, key(KeyCode::Tab));
    assert_eq!(state.overview_pane, OverviewPane::Talks);
    press(&mut state, &ledger, key(KeyCode::Tab));
    assert_eq!(state.overview_pane, OverviewPane::Findings);
    let screen = fixture::render(&state, 80, 24);
    assert!(screen.contains("▸ ! 发现 1 处问题"), "{screen}");
    press(&mut state, &ledger, key(KeyCode::Enter));
    assert_eq!(state.screen, Screen::Records);
    let screen = fixture::render(&state, 80, 24);
    // The record is selected, marked, and its finding shown with source
    // and fix; no internal id anywhere.
    assert!(screen.contains("! 研究党费收缴"), "{screen}");
    assert!(
        screen.contains("! 到会委员 1 人，未超过委员 2 人的半数（未到会：李副书记）"),
        "{screen}"
    );
    assert!(
        screen.contains("依据：《中国共产党支部工作条例（试行）》第十二条"),
        "{screen}"
    );
    assert!(screen.contains("处理：补记漏记的到会委员"), "{screen}");
    assert!(!screen.contains('#'), "{screen}");
    let id = state.view.findings[0].record;
    let selected = taizhang::tui::state::select::records(&state.view, "")[state.record].id;
    assert_eq!(selected, id);
    // Another record shows no findings.
    press(&mut state, &ledger, key(KeyCode::Down));
    let screen = fixture::render(&state, 80, 24);
    assert!(!screen.contains("依据："), "{screen}");
    // Back on the overview, Tab wraps round to the duties behind.
    press(
        &mut state,
        &ledger,
        KeyEvent::new(KeyCode::Char('1'), KeyModifiers::NONE),
    );
    press(&mut state, &ledger, key(KeyCode::Tab));
    assert_eq!(state.overview_pane, OverviewPane::Behind);
}

#[test]
fn without_findings_there_is_no_line_and_tab_skips_it() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    assert!(state.view.findings.is_empty());
    let screen = fixture::render(&state, 80, 24);
    assert!(!screen.contains("发现"), "{screen}");
    press(&mut state, &ledger, key(KeyCode::Tab));
    press(&mut state, &ledger, key(KeyCode::Tab));
    assert_eq!(state.overview_pane, OverviewPane::Behind);
}

#[test]
fn fixing_the_record_clears_the_finding_on_reload() {
    let ledger = with_a_finding();
    let mut state = fixture::state(&ledger, Lang::Zh);
    press(&mut state, &ledger, key(KeyCode::Tab));
    press(&mut state, &ledger, key(KeyCode::Tab));
    let id = state.view.findings[0].record;
    let mut fixed = NewRecord {
        host: Some("张书记".into()),
        attendees: vec!["李副书记".into(), "赵党员".into()],
        ..fixture::record(RecordKind::CommitteeMeeting, 3, 10, "研究党费收缴")
    };
    fixed.duties = None;
    ledger.update_record(id, &fixed).unwrap();
    // The poll tick reloads the changed ledger; the pane falls back to the
    // duties.
    taizhang::tui::tick(&mut state, &ledger);
    assert!(state.view.findings.is_empty());
    assert_eq!(state.overview_pane, OverviewPane::Behind);
    let screen = fixture::render(&state, 80, 24);
    assert!(!screen.contains("发现"), "{screen}");
}
