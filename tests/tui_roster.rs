//! The roster screen: moving, adding, editing and retiring people, the
//! person form's completion and errors, and snapshots.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use taizhang::core::error::Problem;
use taizhang::core::{Field, ValidationError};
use taizhang::i18n::Lang;
use taizhang::tui::roster::{RosterOutcome, RosterScreen};
use taizhang::tui::theme::Theme;

#[path = "tui_support/components.rs"]
mod components;
use components::*;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(s: &mut RosterScreen, view: &YearView, code: KeyCode) -> RosterOutcome {
    s.handle_key(key(code), view)
}

fn type_str(s: &mut RosterScreen, view: &YearView, text: &str) {
    for c in text.chars() {
        assert_eq!(press(s, view, KeyCode::Char(c)), RosterOutcome::Continue);
    }
}

fn draw(s: &RosterScreen, view: &YearView, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| s.render(f, f.area(), view, &Theme::new(false, true)))
        .unwrap();
    t
}

fn screen(t: &Terminal<TestBackend>) -> String {
    t.backend().to_string()
}

#[test]
fn adding_a_person_with_roles_and_completed_departments() {
    let view = view();
    let mut s = RosterScreen::new(Lang::Zh);
    press(&mut s, &view, KeyCode::Char('a'));
    type_str(&mut s, &view, "孙八");
    press(&mut s, &view, KeyCode::Tab); // roles: 党员 is on by default
    for _ in 0..6 {
        press(&mut s, &view, KeyCode::Down);
    }
    press(&mut s, &view, KeyCode::Char(' ')); // 班子成员
    press(&mut s, &view, KeyCode::Tab);
    press(&mut s, &view, KeyCode::Tab); // dept left empty
    type_str(&mut s, &view, "scb");
    assert!(screen(&draw(&s, &view, 80, 24)).contains("▸ 生产部"));
    press(&mut s, &view, KeyCode::Enter); // accept 生产部
    type_str(&mut s, &view, "bgs");
    press(&mut s, &view, KeyCode::Tab); // accept 办公室
    let out = s.handle_key(
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
        &view,
    );
    let RosterOutcome::Add(p, from) = out else {
        panic!("{out:?}")
    };
    // 自何日起 is left empty for a new person: on the roster since always, as
    // `people add` without `--from`.
    assert_eq!(from, None);
    assert_eq!(p.name, "孙八");
    assert_eq!(p.roles, vec!["班子成员", "党员"]);
    assert_eq!(p.dept, None);
    assert_eq!(p.oversees, vec!["生产部", "办公室"]);
    let added = ledger().add_person(&p).unwrap();
    assert!(added.is_leadership());
    // Back on the list after a submit.
    assert!(screen(&draw(&s, &view, 80, 24)).contains("人员名册"));
}

#[test]
fn an_error_from_the_ledger_reopens_the_form_with_the_message() {
    let view = view();
    let mut s = RosterScreen::new(Lang::En);
    press(&mut s, &view, KeyCode::Char('a'));
    type_str(&mut s, &view, "x");
    for _ in 0..5 {
        press(&mut s, &view, KeyCode::Tab);
    }
    // Enter on the last field (自何日起) saves.
    assert!(matches!(
        press(&mut s, &view, KeyCode::Enter),
        RosterOutcome::Add(_, None)
    ));
    s.set_error(ValidationError::new(
        Field::Name,
        Problem::NameTaken("x".into()),
    ));
    let mut t = draw(&s, &view, 80, 24);
    let shown = screen(&t);
    assert!(
        shown.contains("name: \"x\" is already on the roster"),
        "{shown}"
    );
    // The cursor is back in the name field, after the "x".
    let pos = t.backend_mut().get_cursor_position().unwrap();
    let row = shown.lines().nth(usize::from(pos.y)).unwrap();
    assert!(row.contains(">name"), "{row}");
}

#[test]
fn a_duplicate_name_is_caught_before_submitting() {
    let view = view();
    let mut s = RosterScreen::new(Lang::Zh);
    press(&mut s, &view, KeyCode::Char('a'));
    type_str(&mut s, &view, "王五");
    let out = s.handle_key(
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
        &view,
    );
    assert_eq!(out, RosterOutcome::Continue);
    assert!(screen(&draw(&s, &view, 80, 24)).contains("名册中已有“王五”"));
}

#[test]
fn editing_retiring_and_closing() {
    let view = view();
    let mut s = RosterScreen::new(Lang::Zh);
    let active: Vec<_> = view.roster.active().collect();
    press(&mut s, &view, KeyCode::Char('j'));
    press(&mut s, &view, KeyCode::Char('j'));
    press(&mut s, &view, KeyCode::Char('k'));
    press(&mut s, &view, KeyCode::Char('e'));
    let out = s.handle_key(
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
        &view,
    );
    let RosterOutcome::Edit(id, p, from) = out else {
        panic!("{out:?}")
    };
    assert_eq!(from, Some(today()));
    assert_eq!(id, active[1].id);
    assert_eq!(p.name, active[1].name);
    assert_eq!(p.oversees, active[1].oversees);

    press(&mut s, &view, KeyCode::Char('r'));
    assert!(
        screen(&draw(&s, &view, 80, 24))
            .contains(&format!("将“{}”移出名册，自何日起：今天", active[1].name))
    );
    assert_eq!(press(&mut s, &view, KeyCode::Esc), RosterOutcome::Continue);
    press(&mut s, &view, KeyCode::Char('r'));
    assert_eq!(
        press(&mut s, &view, KeyCode::Enter),
        RosterOutcome::Retire(active[1].id, today())
    );
    assert_eq!(press(&mut s, &view, KeyCode::Esc), RosterOutcome::Close);
}

#[test]
fn retired_people_show_only_when_asked() {
    let view = view();
    let mut s = RosterScreen::new(Lang::Zh);
    assert!(!screen(&draw(&s, &view, 80, 24)).contains("钱七"));
    press(&mut s, &view, KeyCode::Char('t'));
    assert!(screen(&draw(&s, &view, 80, 24)).contains("钱七（已移出）"));
    press(&mut s, &view, KeyCode::End);
    // A retired person cannot be retired again.
    assert_eq!(
        press(&mut s, &view, KeyCode::Char('r')),
        RosterOutcome::Continue
    );
    assert!(!screen(&draw(&s, &view, 80, 24)).contains("自何日起"));
}

#[test]
fn snapshots_at_80x24() {
    let view = view();
    for lang in [Lang::Zh, Lang::En] {
        let tag = match lang {
            Lang::Zh => "zh",
            Lang::En => "en",
        };
        let mut s = RosterScreen::new(lang);
        press(&mut s, &view, KeyCode::Char('t'));
        insta::assert_snapshot!(format!("roster_{tag}"), draw(&s, &view, 80, 24).backend());
        press(&mut s, &view, KeyCode::Char('e'));
        insta::assert_snapshot!(
            format!("roster_form_{tag}"),
            draw(&s, &view, 80, 24).backend()
        );
        assert!(!s.hints().is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn rendering_never_panics(w in 0u16..=120, h in 0u16..=50, form in any::<bool>()) {
        let view = view();
        let mut s = RosterScreen::new(Lang::Zh);
        if form {
            press(&mut s, &view, KeyCode::Char('e'));
            press(&mut s, &view, KeyCode::Tab);
            press(&mut s, &view, KeyCode::Tab);
            type_str(&mut s, &view, "生");
        }
        draw(&s, &view, w, h);
    }
}
