//! Check-ins a member finishes without thinking (issue 11), driven by real
//! key events through the keymap and the state on the fixture ledger: the
//! records search, the first run, the form filled in from where the cursor
//! is, group tokens, owed talks, the y/n before a doubtful save, and text
//! without catalogue ids or half-width colons.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "tui_support/fixture.rs"]
mod fixture;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use taizhang::core::mem::MemStore;
use taizhang::core::{Catalogue, Ledger, PersonId, RecordKind};
use taizhang::i18n::Lang;
use taizhang::tui::keymap;
use taizhang::tui::state::{Overlay, Screen, select};
use taizhang::tui::{State, step};

fn press(state: &mut State, ledger: &Ledger<MemStore>, ev: KeyEvent) {
    for ev in keymap::unmerge(ev) {
        if let Some(action) = keymap::lookup(state.mode(), &ev) {
            step(state, ledger, action, fixture::now());
        }
    }
}

fn key(state: &mut State, ledger: &Ledger<MemStore>, code: KeyCode) {
    press(state, ledger, KeyEvent::new(code, KeyModifiers::NONE));
}

fn typed(state: &mut State, ledger: &Ledger<MemStore>, text: &str) {
    for c in text.chars() {
        key(state, ledger, KeyCode::Char(c));
    }
}

fn save(state: &mut State, ledger: &Ledger<MemStore>) {
    press(
        state,
        ledger,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    );
}

/// From the records screen: a new record of the kind `pinyin` picks, the
/// cursor on the topic.
fn new_record(state: &mut State, ledger: &Ledger<MemStore>, pinyin: &str) {
    key(state, ledger, KeyCode::Char('3'));
    key(state, ledger, KeyCode::Char('a'));
    typed(state, ledger, pinyin);
    key(state, ledger, KeyCode::Enter);
    key(state, ledger, KeyCode::Tab);
}

fn screen(state: &State) -> String {
    fixture::render(state, 80, 24)
}

/// The fixture ledger with 张书记 logging in as the ledger's user.
fn logged_in() -> (Ledger<MemStore>, State) {
    let ledger = fixture::ledger();
    ledger.set_unix_user(PersonId(1), "tester").unwrap();
    let mut state = fixture::state(&ledger, Lang::Zh);
    state.user = Some("tester".into());
    (ledger, state)
}

#[test]
fn the_records_filter_finds_people_by_name_and_pinyin_and_says_when_nothing_matches() {
    let (ledger, mut state) = logged_in();
    let view = &state.view;
    // 张书记 hosted the talk with 李副书记; both are found, by name and pinyin.
    for q in ["李副书记", "lfsj", "zsj 谈心", "3-1", "3月1日", "警示"] {
        assert!(!select::records(view, q).is_empty(), "{q} finds a record");
    }
    assert_eq!(select::records(view, "lfsj").len(), 1);
    assert!(select::records(view, "赵党员").is_empty());
    key(&mut state, &ledger, KeyCode::Char('3'));
    key(&mut state, &ledger, KeyCode::Char('/'));
    typed(&mut state, &ledger, "lfsj");
    key(&mut state, &ledger, KeyCode::Enter);
    let shown = screen(&state);
    assert!(shown.contains("筛选：lfsj"), "{shown}");
    assert!(
        shown.contains("张书记") && shown.contains("李副书记"),
        "{shown}"
    );
    key(&mut state, &ledger, KeyCode::Char('/'));
    typed(&mut state, &ledger, "xyz");
    key(&mut state, &ledger, KeyCode::Enter);
    let shown = screen(&state);
    assert!(shown.contains("没有与“lfsjxyz”匹配的记录"), "{shown}");
    assert!(shown.contains("Esc 清除筛选"), "{shown}");
    // The filter belongs to the records screen: the checklist has none.
    key(&mut state, &ledger, KeyCode::Char('2'));
    assert!(state.screen_filter().is_empty());
    key(&mut state, &ledger, KeyCode::Char('3'));
    assert_eq!(state.screen_filter(), "lfsjxyz");
    // Esc clears it first, then leaves.
    key(&mut state, &ledger, KeyCode::Esc);
    assert!(state.record_filter.is_empty());
    assert_eq!(state.screen, Screen::Records);
    key(&mut state, &ledger, KeyCode::Esc);
    assert_eq!(state.screen, Screen::Overview);
}

#[test]
fn a_first_run_leads_to_the_roster_form() {
    let catalogue = Catalogue::from_toml(fixture::CATALOGUE).unwrap();
    let ledger = Ledger::new(MemStore::new(catalogue), "tester");
    let mut state = fixture::state(&ledger, Lang::Zh);
    let shown = screen(&state);
    assert!(shown.contains("第一步：录入名册"), "{shown}");
    assert!(shown.contains("按 p 录入第一位人员"), "{shown}");
    assert!(shown.contains("需先录入名册"), "{shown}");
    key(&mut state, &ledger, KeyCode::Char('2'));
    key(&mut state, &ledger, KeyCode::Char('j'));
    key(&mut state, &ledger, KeyCode::Tab);
    let shown = screen(&state);
    assert!(shown.contains("需先录入名册"), "{shown}");
    key(&mut state, &ledger, KeyCode::Char('1'));
    key(&mut state, &ledger, KeyCode::Char('p'));
    assert_eq!(state.screen, Screen::Roster);
    assert!(state.roster.captures_keys(), "the person form is open");
}

#[test]
fn unknown_names_get_advice_for_the_tui() {
    let (ledger, mut state) = logged_in();
    new_record(&mut state, &ledger, "zwh");
    typed(&mut state, &ledger, "议题");
    key(&mut state, &ledger, KeyCode::Tab);
    key(&mut state, &ledger, KeyCode::Tab);
    typed(&mut state, &ledger, "李名华");
    save(&mut state, &ledger);
    let shown = screen(&state);
    assert!(shown.contains("名册中没有“李名华”"), "{shown}");
    assert!(shown.contains("名册界面"), "{shown}");
    assert!(!shown.contains("people add"), "{shown}");
}

#[test]
fn a_new_record_starts_from_the_duty_under_the_cursor_the_last_kind_and_the_user() {
    let (ledger, mut state) = logged_in();
    // `a` on the overview's selected behind duty opens the form for it.
    let behind = select::furthest_behind(&state.view);
    let duty = behind[0].duty.clone();
    key(&mut state, &ledger, KeyCode::Char('a'));
    let Overlay::Form(form) = &state.overlay else {
        panic!("a opens the form");
    };
    assert_eq!(form.pinned(), Some(&duty));
    let draft = form.draft();
    assert_eq!(
        draft.host, "张书记",
        "the host is the person at the keyboard"
    );
    key(&mut state, &ledger, KeyCode::Esc);
    // From the records screen the kind is chosen by pinyin, then remembered.
    new_record(&mut state, &ledger, "jyhd");
    typed(&mut state, &ledger, "警示教育");
    save(&mut state, &ledger);
    assert_eq!(state.overlay, Overlay::None, "saved");
    assert_eq!(state.last_kind, Some(RecordKind::Education));
    key(&mut state, &ledger, KeyCode::Char('a'));
    let Overlay::Form(form) = &state.overlay else {
        panic!("a opens the form");
    };
    assert_eq!(form.draft().kind, RecordKind::Education);
}

#[test]
fn a_group_token_brings_in_the_whole_group() {
    let (ledger, mut state) = logged_in();
    new_record(&mut state, &ledger, "zwh");
    typed(&mut state, &ledger, "支委会议题");
    key(&mut state, &ledger, KeyCode::Tab);
    key(&mut state, &ledger, KeyCode::Tab);
    typed(&mut state, &ledger, "qtdy");
    let shown = screen(&state);
    assert!(shown.contains("全体党员"), "offered: {shown}");
    key(&mut state, &ledger, KeyCode::Enter);
    let Overlay::Form(form) = &state.overlay else {
        panic!("the form stays open");
    };
    assert_eq!(form.draft().attendees, "张书记、李副书记、王部长、赵党员、");
    save(&mut state, &ledger);
    let saved = ledger.records_in_year(2026).unwrap();
    let r = saved.iter().find(|r| r.topic == "支委会议题").unwrap();
    assert_eq!(r.kind, RecordKind::CommitteeMeeting);
    assert_eq!(r.attendees.len(), 4);
}

#[test]
fn enter_on_a_talk_still_owed_starts_it() {
    let (ledger, mut state) = logged_in();
    let owed = state.view.owed_talks();
    assert!(!owed.is_empty());
    key(&mut state, &ledger, KeyCode::Tab);
    key(&mut state, &ledger, KeyCode::Enter);
    let Overlay::Form(form) = &state.overlay else {
        panic!("Enter starts the talk");
    };
    let d = form.draft();
    let roster = &state.view.roster;
    assert_eq!(d.host, roster.name(owed[0].host));
    assert_eq!(d.partners, roster.name(owed[0].partner));
    save(&mut state, &ledger);
    assert_eq!(state.overlay, Overlay::None);
    assert_eq!(state.view.owed_talks().len(), owed.len() - 1);
    // The talk screen: ↓ picks, Enter starts.
    let left = state.view.owed_talks();
    if left.len() > 1 {
        key(&mut state, &ledger, KeyCode::Char('4'));
        key(&mut state, &ledger, KeyCode::Down);
        key(&mut state, &ledger, KeyCode::Enter);
        let Overlay::Form(form) = &state.overlay else {
            panic!("Enter starts the talk");
        };
        assert_eq!(form.draft().partners, roster_name(&state, left[1].partner));
    }
}

fn roster_name(state: &State, id: PersonId) -> String {
    state.view.roster.name(id)
}

#[test]
fn a_future_date_and_a_likely_duplicate_ask_first() {
    let (ledger, mut state) = logged_in();
    let before = ledger.records_in_year(2026).unwrap().len();
    key(&mut state, &ledger, KeyCode::Char('3'));
    key(&mut state, &ledger, KeyCode::Char('a'));
    typed(&mut state, &ledger, "jyhd");
    key(&mut state, &ledger, KeyCode::Enter);
    // The date: a week ahead.
    key(&mut state, &ledger, KeyCode::Char('u')); // typed, not undo: the form owns keys
    press(
        &mut state,
        &ledger,
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
    );
    typed(&mut state, &ledger, "3-27");
    key(&mut state, &ledger, KeyCode::Tab);
    typed(&mut state, &ledger, "下周的教育");
    save(&mut state, &ledger);
    assert!(screen(&state).contains("在今天之后"), "{}", screen(&state));
    // n goes back to the date; nothing was saved.
    key(&mut state, &ledger, KeyCode::Char('n'));
    assert_eq!(ledger.records_in_year(2026).unwrap().len(), before);
    save(&mut state, &ledger);
    key(&mut state, &ledger, KeyCode::Char('y'));
    assert_eq!(state.overlay, Overlay::None, "y saves");
    assert_eq!(ledger.records_in_year(2026).unwrap().len(), before + 1);
    // The same education on the same day with the same host again.
    key(&mut state, &ledger, KeyCode::Char('a'));
    press(
        &mut state,
        &ledger,
        KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
    );
    press(
        &mut state,
        &ledger,
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
    );
    typed(&mut state, &ledger, "2026-03-27");
    key(&mut state, &ledger, KeyCode::Tab);
    // The same meeting: the ledger's rule (`core::confirm`) also compares
    // the topic of a meeting, since one body may meet twice a day.
    typed(&mut state, &ledger, "下周的教育");
    save(&mut state, &ledger);
    let shown = screen(&state);
    assert!(
        shown.contains("同一天已有类型、人员和主题都相同的记录"),
        "{shown}"
    );
    assert!(shown.contains("在今天之后"), "{shown}");
    key(&mut state, &ledger, KeyCode::Esc);
    assert_eq!(ledger.records_in_year(2026).unwrap().len(), before + 1);
}

#[test]
fn chinese_text_has_full_width_colons_and_no_catalogue_ids() {
    let (ledger, mut state) = logged_in();
    key(&mut state, &ledger, KeyCode::Char('2'));
    key(&mut state, &ledger, KeyCode::Tab);
    // The duty in brief while the duties are browsed, in full once the
    // detail has focus.
    key(&mut state, &ledger, KeyCode::Tab);
    let shown = screen(&state);
    assert!(shown.contains("要求："), "{shown}");
    for half in ["要求:", "依据:", "下一截止:"] {
        assert!(!shown.contains(half), "{half}: {shown}");
    }
    assert!(!shown.contains("b7 ·"), "{shown}");
    assert!(shown.contains("实施意见 三（一）（7）"), "{shown}");
}
