//! Key to outcome in the person form's 自何日起 field: the keys are the
//! form table's (Tab, S-Tab, Enter, Ctrl-S, ←/→, Ctrl-U) and the text is
//! read like every form date, against the view's today (2026-03-20).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "tui_support/fixture.rs"]
mod fixture;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rstest::rstest;
use taizhang::core::YearView;
use taizhang::i18n::Lang;
use taizhang::tui::roster::{RosterOutcome, RosterScreen};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn k(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The form open on 张书记, focus on 自何日起, its text cleared.
fn at_from(view: &YearView) -> RosterScreen {
    let mut s = RosterScreen::new(Lang::Zh);
    s.edit(view);
    for _ in 0..5 {
        s.handle_key(k(KeyCode::Tab), view);
    }
    s.handle_key(
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
        view,
    );
    s
}

fn typed(s: &mut RosterScreen, view: &YearView, text: &str) {
    for c in text.chars() {
        assert_eq!(
            s.handle_key(k(KeyCode::Char(c)), view),
            RosterOutcome::Continue
        );
    }
}

fn saved_from(out: RosterOutcome) -> Option<NaiveDate> {
    match out {
        RosterOutcome::Edit(_, _, from) => from,
        other => panic!("not saved: {other:?}"),
    }
}

#[rstest]
#[case("今天", KeyCode::Enter, day(2026, 3, 20))]
#[case("明天", KeyCode::Enter, day(2026, 3, 21))]
#[case("昨天", KeyCode::Enter, day(2026, 3, 19))]
#[case("+3", KeyCode::Enter, day(2026, 3, 23))]
#[case("-3", KeyCode::Enter, day(2026, 3, 17))]
#[case("7-1", KeyCode::Enter, day(2026, 7, 1))]
#[case("2025-12-31", KeyCode::Enter, day(2025, 12, 31))]
fn enter_on_the_date_saves_from_the_day_typed(
    #[case] text: &str,
    #[case] key: KeyCode,
    #[case] want: NaiveDate,
) {
    let view = fixture::state(&fixture::ledger(), Lang::Zh).view;
    let mut s = at_from(&view);
    typed(&mut s, &view, text);
    assert_eq!(saved_from(s.handle_key(k(key), &view)), Some(want));
}

#[test]
fn ctrl_s_saves_from_any_field_with_the_date() {
    let view = fixture::state(&fixture::ledger(), Lang::Zh).view;
    let mut s = at_from(&view);
    typed(&mut s, &view, "3-1");
    s.handle_key(k(KeyCode::BackTab), &view); // 联系点
    let out = s.handle_key(
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
        &view,
    );
    assert_eq!(saved_from(out), Some(day(2026, 3, 1)));
}

#[test]
fn left_and_right_move_in_the_date() {
    let view = fixture::state(&fixture::ledger(), Lang::Zh).view;
    let mut s = at_from(&view);
    typed(&mut s, &view, "3-1");
    s.handle_key(k(KeyCode::Left), &view);
    typed(&mut s, &view, "0");
    s.handle_key(k(KeyCode::Right), &view);
    typed(&mut s, &view, "5");
    // "3-015": without the Right it would be "3-051", no date.
    assert_eq!(
        saved_from(s.handle_key(k(KeyCode::Enter), &view)),
        Some(day(2026, 3, 15))
    );
}

#[test]
fn a_bad_or_empty_date_is_named_and_keeps_the_form() {
    let view = fixture::state(&fixture::ledger(), Lang::Zh).view;
    let mut s = at_from(&view);
    // Empty is no day for an edit.
    assert_eq!(
        s.handle_key(k(KeyCode::Enter), &view),
        RosterOutcome::Continue
    );
    typed(&mut s, &view, "13-45");
    // Leaving the field checks it; focus moves on (wrapping to the name).
    s.handle_key(k(KeyCode::Tab), &view);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    t.draw(|f| s.render(f, f.area(), &view, &taizhang::tui::Theme::new(false, true)))
        .unwrap();
    let shown = t.backend().to_string();
    assert!(shown.contains("! 自何日起：无法识别“13-45”"), "{shown}");
    assert!(shown.contains(">姓名"), "{shown}");
    let out = s.handle_key(
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
        &view,
    );
    assert_eq!(out, RosterOutcome::Continue);
}

#[test]
fn the_footer_says_enter_saves_on_the_date() {
    let view = fixture::state(&fixture::ledger(), Lang::Zh).view;
    let mut s = at_from(&view);
    assert!(
        s.hints()
            .contains(&("Ctrl-S/Enter".to_string(), "保存".to_string())),
        "{:?}",
        s.hints()
    );
    s.handle_key(k(KeyCode::BackTab), &view);
    assert!(
        !s.hints()
            .iter()
            .any(|(k, _)| k.contains("Enter") && k.contains("Ctrl-S"))
    );
}

#[test]
fn a_draft_keeps_the_date_typed() {
    let view = fixture::state(&fixture::ledger(), Lang::Zh).view;
    let mut s = at_from(&view);
    typed(&mut s, &view, "7-1");
    let draft = s.draft().expect("changed, so a draft");
    assert_eq!(draft.from.as_deref(), Some("7-1"));
    let json = serde_json::to_string(&draft).unwrap();
    let mut back = RosterScreen::new(Lang::Zh);
    back.restore_draft(&view, &serde_json::from_str(&json).unwrap());
    let out = back.handle_key(
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
        &view,
    );
    assert_eq!(saved_from(out), Some(day(2026, 7, 1)));
    // A draft kept before the field existed opens with today.
    let old: taizhang::tui::roster::PersonDraft =
        serde_json::from_str(r#"{"editing":1,"name":"张书记","roles":["secretary"]}"#).unwrap();
    let mut back = RosterScreen::new(Lang::Zh);
    back.restore_draft(&view, &old);
    let out = back.handle_key(
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
        &view,
    );
    assert_eq!(saved_from(out), Some(day(2026, 3, 20)));
}
