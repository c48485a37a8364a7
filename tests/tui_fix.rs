//! The rectification screen (整改): its keys, a whole item's life through
//! the form and the prompts against an in-memory ledger (add, start, ask to
//! close, close as the secretary; refused for anyone else), and snapshots.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "tui_support/fixture.rs"]
mod fixture;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rstest::rstest;
use taizhang::core::mem::MemStore;
use taizhang::core::{Evidence, FixState, Ledger, NewFix};
use taizhang::i18n::Lang;
use taizhang::tui::action::Action;
use taizhang::tui::keymap::{self, Mode};
use taizhang::tui::state::{Notice, Screen};
use taizhang::tui::{State, step, view};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

#[rstest]
#[case(Mode::Overview, ch('6'), Some(Action::ShowFixes))]
#[case(Mode::Fixes, ch('a'), Some(Action::AddFix))]
#[case(Mode::Fixes, ch('e'), Some(Action::EditFix))]
#[case(Mode::Fixes, key(KeyCode::Enter), Some(Action::EditFix))]
#[case(Mode::Fixes, ch('n'), Some(Action::NoteFix))]
#[case(Mode::Fixes, ch('s'), Some(Action::StartFix))]
#[case(Mode::Fixes, ch('r'), Some(Action::RequestClosure))]
#[case(Mode::Fixes, ch('c'), Some(Action::CloseFix))]
#[case(Mode::Fixes, ch('f'), Some(Action::CycleFixFilter))]
#[case(Mode::Fixes, ch('j'), Some(Action::Down))]
#[case(Mode::Fixes, ch('2'), Some(Action::ShowChecklist))]
#[case(Mode::Fixes, ch('q'), Some(Action::Quit))]
#[case(Mode::FixForm, ch('q'), Some(Action::FixKey(ch('q'))))]
#[case(
    Mode::FixForm,
    key(KeyCode::Esc),
    Some(Action::FixKey(key(KeyCode::Esc)))
)]
fn key_to_action(#[case] mode: Mode, #[case] ev: KeyEvent, #[case] want: Option<Action>) {
    assert_eq!(keymap::lookup(mode, &ev), want);
}

fn press(state: &mut State, ledger: &Ledger<MemStore>, ev: KeyEvent) {
    if let Some(action) = keymap::lookup(state.mode(), &ev) {
        step(state, ledger, action, fixture::now());
    }
}

fn typed(state: &mut State, ledger: &Ledger<MemStore>, text: &str) {
    for c in text.chars() {
        press(state, ledger, ch(c));
    }
}

fn notice(state: &State) -> String {
    match &state.notice {
        Some(Notice::Info(s) | Notice::Error(s)) => s.clone(),
        None => String::new(),
    }
}

/// Add an item through the form's keys: source 自查自检 (the first),
/// problem, measures, owner by completion, deadline, one duty ticked.
fn add_through_the_form(state: &mut State, ledger: &Ledger<MemStore>) {
    press(state, ledger, ch('6'));
    assert_eq!(state.screen, Screen::Fixes);
    press(state, ledger, ch('a'));
    assert_eq!(state.mode(), Mode::FixForm);
    press(state, ledger, key(KeyCode::Tab));
    typed(state, ledger, "学习记录不全");
    press(state, ledger, key(KeyCode::Tab));
    typed(state, ledger, "补齐记录");
    press(state, ledger, key(KeyCode::Tab));
    typed(state, ledger, "张书");
    // The completion offers 张书记; Tab takes it.
    press(state, ledger, key(KeyCode::Tab));
    press(state, ledger, key(KeyCode::Tab));
    typed(state, ledger, "2026-04-30");
    press(state, ledger, key(KeyCode::Tab));
    press(state, ledger, ch(' '));
    press(state, ledger, key(KeyCode::Enter));
}

#[test]
fn an_item_goes_from_open_to_closed_by_the_secretary() {
    let ledger = fixture::ledger();
    let secretary = ledger
        .roster()
        .unwrap()
        .people
        .iter()
        .find(|p| p.name == "张书记")
        .unwrap()
        .id;
    // The tests' Unix user is "tester": map it to the secretary.
    ledger.set_unix_user(secretary, "tester").unwrap();
    let mut state = fixture::state(&ledger, Lang::Zh);
    add_through_the_form(&mut state, &ledger);
    assert_eq!(state.mode(), Mode::Fixes, "{:?}", state.notice);
    assert_eq!(state.view.fixes.len(), 1);
    let item = state.view.fixes[0].clone();
    assert_eq!(item.problem, "学习记录不全");
    assert_eq!(item.owner, secretary);
    assert_eq!(item.deadline, NaiveDate::from_ymd_opt(2026, 4, 30).unwrap());
    assert_eq!(item.duties.len(), 1);
    assert_eq!(item.state, FixState::Open);

    press(&mut state, &ledger, ch('s'));
    assert_eq!(state.view.fixes[0].state, FixState::InProgress);
    // Starting again is an illegal transition: refused on the status line.
    press(&mut state, &ledger, ch('s'));
    assert!(matches!(state.notice, Some(Notice::Error(_))));
    assert_eq!(state.view.fixes[0].state, FixState::InProgress);

    press(&mut state, &ledger, ch('n'));
    typed(&mut state, &ledger, "已补一半");
    press(&mut state, &ledger, key(KeyCode::Enter));
    assert_eq!(state.view.fixes[0].notes.len(), 1);

    press(&mut state, &ledger, ch('r'));
    assert_eq!(state.view.fixes[0].state, FixState::ClosureRequested);
    press(&mut state, &ledger, ch('c'));
    assert_eq!(state.mode(), Mode::FixForm);
    typed(&mut state, &ledger, "记录已补齐");
    press(&mut state, &ledger, key(KeyCode::Enter));
    let closed = ledger.fix(item.id).unwrap();
    assert_eq!(closed.state, FixState::Closed, "{}", notice(&state));
    let closure = closed.closure.unwrap();
    assert_eq!(closure.evidence, Evidence::Note("记录已补齐".into()));
    assert_eq!(closure.by_person, Some(secretary));
    // Closed items leave the default (open) list; `f` twice shows all.
    assert!(state.fixes.current(&state.view).is_none());
    press(&mut state, &ledger, ch('f'));
    press(&mut state, &ledger, ch('f'));
    assert_eq!(state.fixes.current(&state.view).unwrap().id, item.id);
}

#[test]
fn closing_as_someone_else_is_refused_on_the_status_line() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::En);
    add_through_the_form(&mut state, &ledger);
    press(&mut state, &ledger, ch('r'));
    press(&mut state, &ledger, ch('c'));
    typed(&mut state, &ledger, "done");
    press(&mut state, &ledger, key(KeyCode::Enter));
    assert!(
        matches!(state.notice, Some(Notice::Error(_))),
        "{:?}",
        state.notice
    );
    assert_eq!(state.view.fixes[0].state, FixState::ClosureRequested);
    assert_eq!(state.mode(), Mode::Fixes);
}

#[test]
fn the_form_keeps_what_the_core_refuses() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    press(&mut state, &ledger, ch('6'));
    press(&mut state, &ledger, ch('a'));
    // Nothing typed: Ctrl-S shows the first missing field in the form.
    press(&mut state, &ledger, ctrl('s'));
    assert_eq!(state.mode(), Mode::FixForm);
    let form = state.fixes.form.as_ref().unwrap();
    assert!(form.error().is_some());
    assert!(state.view.fixes.is_empty());
    press(&mut state, &ledger, key(KeyCode::Esc));
    assert_eq!(state.mode(), Mode::Fixes);
}

/// The fixture with one overdue item on b7 (deadline before today) and
/// one still in time.
fn with_items() -> Ledger<MemStore> {
    let ledger = fixture::ledger();
    for (problem, deadline, duty) in [
        ("中心组学习次数不足", (3, 10), "b7"),
        ("谈话记录不规范", (6, 30), "s1"),
    ] {
        let input = NewFix {
            source: "自查自检".into(),
            problem: problem.into(),
            duties: vec![duty.into()],
            measures: "按计划补齐并规范".into(),
            owner: "李副书记".into(),
            deadline: NaiveDate::from_ymd_opt(2026, deadline.0, deadline.1),
            opened: NaiveDate::from_ymd_opt(2026, 2, 1),
        };
        ledger.add_fix(&input, fixture::today()).unwrap();
    }
    ledger
}

fn render(state: &State) -> String {
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| view::render(state, f)).unwrap();
    format!("{}", term.backend())
}

#[test]
fn snapshots() {
    let ledger = with_items();
    for lang in [Lang::Zh, Lang::En] {
        let tag = if lang == Lang::Zh { "zh" } else { "en" };
        let mut state = fixture::state(&ledger, lang);
        let overview = render(&state);
        assert!(overview.contains(if lang == Lang::Zh {
            "整改逾期 1 项"
        } else {
            "Overdue rectification items: 1"
        }));
        insta::assert_snapshot!(format!("overview_overdue_{tag}"), overview);
        press(&mut state, &ledger, ch('6'));
        insta::assert_snapshot!(format!("fixes_{tag}"), render(&state));
        press(&mut state, &ledger, ch('a'));
        typed(&mut state, &ledger, "");
        press(&mut state, &ledger, key(KeyCode::Tab));
        typed(&mut state, &ledger, "会议记录");
        insta::assert_snapshot!(format!("fix_form_{tag}"), render(&state));
    }
}

#[test]
fn the_checklist_flags_a_duty_with_an_overdue_item() {
    let ledger = with_items();
    let mut state = fixture::state(&ledger, Lang::Zh);
    state.update(Action::ShowChecklist);
    state.update(Action::Open);
    let screen = render(&state);
    assert!(screen.contains("! 理论中心组"), "{screen}");
    // Its detail lists the item with state and deadline, flagged overdue.
    state.update(Action::Open);
    let screen = render(&state);
    assert!(screen.contains("相关整改"), "{screen}");
    assert!(screen.contains("2026-03-10 逾期"), "{screen}");
}
