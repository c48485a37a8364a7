//! The user's journey driven by real key events through the keymap and the
//! state, on an in-memory ledger: from a behind duty to a saved record that
//! moves its bar, the roster, the talk matrix and the records screen.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "tui_support/fixture.rs"]
mod fixture;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use taizhang::core::mem::MemStore;
use taizhang::core::{DutyId, Ledger, RecordKind};
use taizhang::i18n::Lang;
use taizhang::tui::action::Action;
use taizhang::tui::keymap;
use taizhang::tui::state::{Notice, Overlay, Screen};
use taizhang::tui::step;

fn done(state: &taizhang::tui::State, id: &str) -> u32 {
    state.view.progress_of(&DutyId(id.into())).unwrap().done
}

/// One key as the loop handles it: looked up in the mode the state is in,
/// then stepped with its effects applied.
fn press(state: &mut taizhang::tui::State, ledger: &Ledger<MemStore>, ev: KeyEvent) {
    for ev in keymap::unmerge(ev) {
        if let Some(action) = keymap::lookup(state.mode(), &ev) {
            step(state, ledger, action, fixture::now());
        }
    }
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn typed(state: &mut taizhang::tui::State, ledger: &Ledger<MemStore>, text: &str) {
    for c in text.chars() {
        press(state, ledger, key(KeyCode::Char(c)));
    }
}

#[test]
fn the_journey_by_keys_from_a_behind_duty_to_a_saved_record() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    // The overview lists the duties furthest behind; pick the central group
    // study (b7) there and jump to it in the checklist.
    let behind = taizhang::tui::state::select::furthest_behind(&state.view);
    let at = behind
        .iter()
        .position(|p| p.duty.as_str() == "b7")
        .expect("b7 is behind in the fixture");
    for _ in 0..at {
        press(&mut state, &ledger, key(KeyCode::Char('j')));
    }
    press(&mut state, &ledger, key(KeyCode::Enter));
    assert_eq!(state.screen, Screen::Checklist);
    assert_eq!(state.duty_in_view().map(|d| d.id.as_str()), Some("b7"));
    // `a` opens the form filled in for b7: its kind, the duty ticked.
    press(&mut state, &ledger, key(KeyCode::Char('a')));
    let Overlay::Form(_) = &state.overlay else {
        panic!("a opens the form");
    };
    typed(&mut state, &ledger, "学习新修订的条例");
    // Next field: the host; "zsj" finds 张书记 by pinyin initials.
    press(&mut state, &ledger, key(KeyCode::Tab));
    typed(&mut state, &ledger, "zsj");
    press(&mut state, &ledger, key(KeyCode::Tab));
    // q is text while the form is open, not quit.
    assert!(!state.quit);
    press(&mut state, &ledger, ctrl('s'));
    assert_eq!(state.overlay, Overlay::None, "the form closes on save");
    assert_eq!(done(&state, "b7"), 3, "the bar moves");
    let saved = ledger
        .records_in_year(2026)
        .unwrap()
        .into_iter()
        .find(|r| r.topic == "学习新修订的条例")
        .expect("the record was saved");
    assert_eq!(saved.kind, RecordKind::CentralGroupStudy);
    assert!(saved.duties.contains(&DutyId("b7".into())));
    assert_eq!(
        saved.host.map(|h| state.view.roster.name(h)),
        Some("张书记".to_string())
    );
    match &state.notice {
        Some(Notice::Info(t)) => {
            assert!(t.contains("理论中心组专题学习 3/12"), "{t}");
            assert!(!t.contains("b7"), "no catalogue id in the notice: {t}");
        }
        other => panic!("expected a notice, got {other:?}"),
    }
}

#[test]
fn ctrl_c_in_the_form_asks_before_throwing_work_away_and_never_quits() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::En);
    press(&mut state, &ledger, key(KeyCode::Char('a')));
    press(&mut state, &ledger, ctrl('c'));
    assert_eq!(
        state.overlay,
        Overlay::None,
        "an untouched form just closes"
    );
    press(&mut state, &ledger, key(KeyCode::Char('a')));
    press(&mut state, &ledger, key(KeyCode::Tab));
    press(&mut state, &ledger, key(KeyCode::Tab));
    typed(&mut state, &ledger, "draft");
    press(&mut state, &ledger, ctrl('c'));
    let Overlay::Form(form) = &state.overlay else {
        panic!("a changed form asks first");
    };
    assert!(form.confirming_discard());
    press(&mut state, &ledger, key(KeyCode::Char('n')));
    assert!(matches!(state.overlay, Overlay::Form(_)), "n keeps editing");
    press(&mut state, &ledger, ctrl('c'));
    press(&mut state, &ledger, ctrl('c'));
    assert_eq!(state.overlay, Overlay::None);
    assert!(!state.quit, "Ctrl-C in the form never quits the app");
    assert_eq!(ledger.records_in_year(2026).unwrap().len(), 6);
}

#[test]
fn a_pasted_topic_lands_in_the_form() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    // `a` on the overview's behind duty opens the form at the topic.
    press(&mut state, &ledger, key(KeyCode::Char('a')));
    step(
        &mut state,
        &ledger,
        Action::Paste("粘贴的主题".into()),
        fixture::now(),
    );
    press(&mut state, &ledger, ctrl('s'));
    assert!(
        ledger
            .records_in_year(2026)
            .unwrap()
            .iter()
            .any(|r| r.topic == "粘贴的主题")
    );
}

#[test]
fn the_roster_adds_a_person_and_reports_a_bad_one_in_its_form() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    press(&mut state, &ledger, key(KeyCode::Char('5')));
    assert_eq!(state.mode(), keymap::Mode::Roster);
    press(&mut state, &ledger, key(KeyCode::Char('a')));
    assert_eq!(
        state.mode(),
        keymap::Mode::RosterForm,
        "the person form owns the keys"
    );
    typed(&mut state, &ledger, "钱委员");
    press(&mut state, &ledger, ctrl('s'));
    assert_eq!(state.mode(), keymap::Mode::Roster);
    assert!(state.view.roster.active().any(|p| p.name == "钱委员"));
    assert!(matches!(state.notice, Some(Notice::Info(_))));
    // The same name again: the ledger refuses, the form comes back.
    press(&mut state, &ledger, key(KeyCode::Char('a')));
    typed(&mut state, &ledger, "钱委员");
    press(&mut state, &ledger, ctrl('s'));
    assert_eq!(
        state.mode(),
        keymap::Mode::RosterForm,
        "the error goes back to the form"
    );
    press(&mut state, &ledger, key(KeyCode::Esc));
    press(&mut state, &ledger, key(KeyCode::Char('y')));
    press(&mut state, &ledger, key(KeyCode::Esc));
    assert_eq!(state.screen, Screen::Overview);
}

#[test]
fn the_talk_matrix_scrolls_within_its_lines() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    state.resize(80, 12);
    press(&mut state, &ledger, key(KeyCode::Char('4')));
    press(&mut state, &ledger, key(KeyCode::Char('G')));
    let max = taizhang::tui::view::talks_max_scroll(&state);
    assert!(max > 0, "the fixture's matrix must overflow 80x12");
    assert_eq!(state.talks_scroll, max);
    for _ in 0..20 {
        press(&mut state, &ledger, key(KeyCode::Char('j')));
    }
    assert_eq!(state.talks_scroll, max);
    press(&mut state, &ledger, key(KeyCode::Char('g')));
    assert_eq!(state.talks_scroll, 0);
}

#[test]
fn records_edit_delete_and_undo_by_keys() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    press(&mut state, &ledger, key(KeyCode::Char('3')));
    press(&mut state, &ledger, key(KeyCode::Char('j')));
    press(&mut state, &ledger, key(KeyCode::Char('e')));
    let Overlay::Form(form) = &state.overlay else {
        panic!("e edits");
    };
    assert!(form.editing().is_some());
    press(&mut state, &ledger, key(KeyCode::Esc));
    assert_eq!(
        state.overlay,
        Overlay::None,
        "an unchanged edit closes on Esc"
    );
    press(&mut state, &ledger, key(KeyCode::Char('d')));
    press(&mut state, &ledger, key(KeyCode::Char('y')));
    assert_eq!(state.view.records.len(), 5);
    press(&mut state, &ledger, key(KeyCode::Char('u')));
    assert_eq!(state.view.records.len(), 6);
}

#[test]
fn a_save_that_does_not_move_the_count_says_why() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    // b3a counts months; January already has a committee meeting.
    for a in [
        Action::ShowChecklist,
        Action::Open,
        Action::Down,
        Action::Down,
    ] {
        step(&mut state, &ledger, a, fixture::now());
    }
    assert_eq!(state.duty_in_view().map(|d| d.id.as_str()), Some("b3a"));
    let before = done(&state, "b3a");
    press(&mut state, &ledger, key(KeyCode::Char('a')));
    typed(&mut state, &ledger, "一月再议");
    press(&mut state, &ledger, key(KeyCode::BackTab));
    press(&mut state, &ledger, ctrl('u'));
    typed(&mut state, &ledger, "1-20");
    press(&mut state, &ledger, ctrl('s'));
    assert_eq!(state.overlay, Overlay::None);
    assert_eq!(done(&state, "b3a"), before);
    match &state.notice {
        Some(Notice::Info(t)) => assert!(t.contains("未变"), "{t}"),
        other => panic!("expected a notice, got {other:?}"),
    }
    // March is still open: a meeting then moves the count.
    press(&mut state, &ledger, key(KeyCode::Char('a')));
    typed(&mut state, &ledger, "三月支委会");
    press(&mut state, &ledger, ctrl('s'));
    assert_eq!(done(&state, "b3a"), before + 1);
    match &state.notice {
        Some(Notice::Info(t)) => {
            assert!(t.contains("支委会每月一次") && !t.contains("未变"), "{t}");
        }
        other => panic!("expected a notice, got {other:?}"),
    }
}
