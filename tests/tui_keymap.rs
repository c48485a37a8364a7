//! Key → action for every mode, and the tables' own consistency: no key is
//! bound twice in a mode, no Alt chords, every action has words in both
//! languages, and names round-trip through serde.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use rstest::rstest;
use taizhang::i18n::Lang;
use taizhang::tui::action::Action;
use taizhang::tui::keymap::{self, FormCmd, Mode};
use taizhang::tui::text as msg;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

#[rstest]
#[case(Mode::Overview, ch('q'), Some(Action::Quit))]
#[case(
    Mode::Overview,
    KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    Some(Action::Quit)
)]
#[case(Mode::Overview, ch('?'), Some(Action::Help))]
#[case(Mode::Overview, ch('1'), Some(Action::ShowOverview))]
#[case(Mode::Overview, ch('2'), Some(Action::ShowChecklist))]
#[case(Mode::Overview, ch('3'), Some(Action::ShowRecords))]
#[case(Mode::Overview, ch('4'), Some(Action::ShowTalks))]
#[case(Mode::Overview, ch('5'), Some(Action::ShowRoster))]
#[case(Mode::Overview, key(KeyCode::Enter), Some(Action::Open))]
#[case(Mode::Overview, ch('['), Some(Action::PrevYear))]
#[case(Mode::Overview, ch(']'), Some(Action::NextYear))]
#[case(Mode::Overview, ch('a'), Some(Action::AddRecord))]
#[case(Mode::Overview, ch('u'), Some(Action::Undo))]
#[case(Mode::Overview, ch('x'), None)]
#[case(Mode::Checklist, key(KeyCode::Tab), Some(Action::NextPane))]
#[case(
    Mode::Checklist,
    KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
    Some(Action::PrevPane)
)]
#[case(
    Mode::Checklist,
    KeyEvent::new(KeyCode::Tab, KeyModifiers::SHIFT),
    Some(Action::PrevPane)
)]
#[case(Mode::Checklist, ch('j'), Some(Action::Down))]
#[case(Mode::Checklist, key(KeyCode::Down), Some(Action::Down))]
#[case(Mode::Checklist, ch('k'), Some(Action::Up))]
#[case(Mode::Checklist, ch('h'), Some(Action::Left))]
#[case(Mode::Checklist, ch('l'), Some(Action::Right))]
#[case(Mode::Checklist, ch('g'), Some(Action::Top))]
#[case(
    Mode::Checklist,
    KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT),
    Some(Action::Bottom)
)]
#[case(Mode::Checklist, key(KeyCode::PageDown), Some(Action::PageDown))]
#[case(Mode::Checklist, key(KeyCode::PageUp), Some(Action::PageUp))]
#[case(Mode::Checklist, ch('/'), Some(Action::Filter))]
#[case(Mode::Checklist, key(KeyCode::Esc), Some(Action::Back))]
#[case(Mode::Checklist, ch('a'), Some(Action::AddRecord))]
#[case(Mode::Records, ch('e'), Some(Action::EditRecord))]
#[case(Mode::Records, key(KeyCode::Enter), Some(Action::EditRecord))]
#[case(Mode::Records, ch('d'), Some(Action::DeleteRecord))]
#[case(Mode::Records, ch('j'), Some(Action::Down))]
#[case(Mode::Records, ch('/'), Some(Action::Filter))]
#[case(Mode::Records, ch('h'), Some(Action::ShowHistory))]
#[case(Mode::Records, ch('T'), Some(Action::ShowTrash))]
#[case(Mode::Checklist, ch('H'), Some(Action::ShowHistory))]
#[case(Mode::Checklist, ch('n'), Some(Action::PickNext))]
#[case(Mode::Checklist, ch('p'), Some(Action::PickPrev))]
#[case(Mode::History, key(KeyCode::Esc), Some(Action::Back))]
#[case(Mode::History, ch('h'), Some(Action::Back))]
#[case(Mode::History, ch('j'), Some(Action::Down))]
#[case(Mode::History, key(KeyCode::PageDown), Some(Action::PageDown))]
#[case(Mode::History, ch('a'), None)]
#[case(Mode::Trash, ch('r'), Some(Action::RestoreFromTrash))]
#[case(Mode::Trash, ch('h'), Some(Action::ShowHistory))]
#[case(Mode::Trash, key(KeyCode::Esc), Some(Action::Back))]
#[case(Mode::Trash, ch('k'), Some(Action::Up))]
#[case(Mode::Trash, ch('d'), None)]
#[case(Mode::OfferDraft, ch('y'), Some(Action::RestoreDraft))]
#[case(Mode::OfferDraft, key(KeyCode::Enter), Some(Action::RestoreDraft))]
#[case(Mode::OfferDraft, ch('n'), Some(Action::DiscardDraft))]
#[case(Mode::OfferDraft, ch('d'), Some(Action::DiscardDraft))]
#[case(Mode::OfferDraft, ch('j'), Some(Action::Down))]
#[case(Mode::OfferDraft, key(KeyCode::Esc), Some(Action::Back))]
#[case(Mode::OfferDraft, ch('q'), None)]
#[case(Mode::Overview, key(KeyCode::Tab), Some(Action::NextPane))]
#[case(Mode::Overview, ch('p'), Some(Action::AddPerson))]
#[case(Mode::Records, key(KeyCode::Tab), Some(Action::NextScreen))]
#[case(Mode::Talks, key(KeyCode::BackTab), Some(Action::PrevScreen))]
#[case(Mode::Talks, ch('j'), Some(Action::Down))]
#[case(Mode::Talks, key(KeyCode::Esc), Some(Action::Back))]
#[case(Mode::Roster, ch('1'), Some(Action::ShowOverview))]
#[case(Mode::Roster, ch('a'), Some(Action::AddPerson))]
#[case(Mode::Roster, ch('e'), Some(Action::EditPerson))]
#[case(Mode::Roster, key(KeyCode::Enter), Some(Action::EditPerson))]
#[case(Mode::Roster, ch('r'), Some(Action::RetirePerson))]
#[case(Mode::Roster, ch('t'), Some(Action::ToggleRetired))]
#[case(Mode::Roster, ch('j'), Some(Action::Down))]
#[case(Mode::Roster, ch('q'), Some(Action::Quit))]
#[case(Mode::Roster, key(KeyCode::Esc), Some(Action::Back))]
#[case(Mode::Roster, ch('u'), Some(Action::Undo))]
#[case(Mode::RosterForm, ch('q'), Some(Action::RosterKey(ch('q'))))]
#[case(Mode::RosterForm, ch('1'), Some(Action::RosterKey(ch('1'))))]
#[case(
    Mode::RosterForm,
    KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    Some(Action::RosterKey(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)))
)]
#[case(Mode::Overview, ch('j'), Some(Action::Down))]
#[case(Mode::Overview, ch('k'), Some(Action::Up))]
#[case(Mode::Talks, ch('G'), Some(Action::Bottom))]
#[case(Mode::Talks, key(KeyCode::PageDown), Some(Action::PageDown))]
#[case(Mode::Records, ch('u'), Some(Action::Undo))]
#[case(Mode::Filter, ch('q'), Some(Action::FilterChar('q')))]
#[case(Mode::Filter, ch('谈'), Some(Action::FilterChar('谈')))]
#[case(Mode::Filter, key(KeyCode::Enter), Some(Action::FilterAccept))]
#[case(Mode::Filter, key(KeyCode::Esc), Some(Action::FilterCancel))]
#[case(Mode::Filter, key(KeyCode::Backspace), Some(Action::FilterBackspace))]
#[case(Mode::Help, ch('?'), Some(Action::Back))]
#[case(Mode::Help, key(KeyCode::Esc), Some(Action::Back))]
#[case(Mode::Help, ch('j'), Some(Action::Down))]
#[case(Mode::Help, ch('1'), None)]
#[case(Mode::ConfirmDelete, ch('y'), Some(Action::Confirm))]
#[case(Mode::ConfirmDelete, ch('n'), Some(Action::Cancel))]
#[case(Mode::ConfirmDelete, key(KeyCode::Esc), Some(Action::Cancel))]
#[case(Mode::ConfirmDelete, ch('d'), None)]
#[case(Mode::Form, ch('q'), Some(Action::FormKey(ch('q'))))]
#[case(Mode::Form, ch('1'), Some(Action::FormKey(ch('1'))))]
#[case(
    Mode::Form,
    KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    Some(Action::FormKey(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)))
)]
#[case(
    Mode::Form,
    KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    Some(Action::FormKey(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)))
)]
#[case(
    Mode::Form,
    key(KeyCode::Esc),
    Some(Action::FormKey(key(KeyCode::Esc)))
)]
fn key_to_action(#[case] mode: Mode, #[case] ev: KeyEvent, #[case] want: Option<Action>) {
    assert_eq!(keymap::lookup(mode, &ev), want);
}

#[test]
fn alt_chords_and_releases_do_nothing() {
    for mode in Mode::ALL
        .into_iter()
        .filter(|m| !matches!(m, Mode::Form | Mode::RosterForm | Mode::FixForm))
    {
        let alt = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT);
        assert_eq!(keymap::lookup(mode, &alt), None, "{mode:?}");
        let mut release = ch('q');
        release.kind = KeyEventKind::Release;
        assert_eq!(keymap::lookup(mode, &release), None, "{mode:?}");
    }
}

#[test]
fn no_key_is_bound_twice_in_a_mode() {
    for mode in Mode::ALL {
        let mut seen = Vec::new();
        for b in keymap::bindings(mode) {
            for k in b.keys {
                assert!(!seen.contains(k), "{mode:?}: {k:?} bound twice");
                seen.push(*k);
            }
        }
    }
}

#[test]
fn every_bound_action_has_words_and_a_snake_case_name() {
    for mode in Mode::ALL {
        for b in keymap::bindings(mode) {
            let zh = msg::action(Lang::Zh, &b.action);
            let en = msg::action(Lang::En, &b.action);
            assert_ne!(zh, en, "{:?}", b.action);
            assert!(en.is_ascii(), "{:?}: {en}", b.action);
            let name = serde_json::to_string(&b.action).unwrap();
            assert!(
                name.trim_matches('"')
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_'),
                "{name}"
            );
            let back: Action = serde_json::from_str(&name).unwrap();
            assert_eq!(back, b.action);
        }
    }
}

#[test]
fn hints_follow_the_table() {
    let hints = keymap::hints(Mode::Checklist, false);
    let first = keymap::bindings(Mode::Checklist).next().unwrap();
    assert_eq!(hints[0].1, &first.action);
    assert_eq!(hints.len(), keymap::bindings(Mode::Checklist).count());
    assert!(
        keymap::hints(Mode::Checklist, true)
            .iter()
            .all(|(k, _)| k.is_ascii())
    );
}

#[test]
fn the_footer_puts_the_main_action_first_and_shows_help() {
    let footer = keymap::footer(Mode::Checklist, false);
    assert_eq!(footer[0].1, &Action::AddRecord);
    assert!(footer.iter().any(|(_, a)| **a == Action::Help));
    assert!(
        footer.iter().all(|(_, a)| **a != Action::Down),
        "moves are one hint"
    );
    let roster = keymap::footer(Mode::Roster, false);
    assert_eq!(roster[0].1, &Action::AddPerson);
    assert!(
        roster.iter().all(|(_, a)| **a != Action::AddRecord),
        "a is rebound"
    );
    assert!(
        keymap::footer(Mode::Records, false)
            .iter()
            .any(|(_, a)| **a == Action::Undo)
    );
}

#[test]
fn a_release_does_nothing_even_in_the_forms() {
    for mode in [Mode::Form, Mode::RosterForm] {
        let mut release = ch('x');
        release.kind = KeyEventKind::Release;
        assert_eq!(keymap::lookup(mode, &release), None, "{mode:?}");
    }
}

#[test]
fn an_alt_chord_is_esc_then_the_key() {
    let merged = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT);
    assert_eq!(keymap::unmerge(merged), vec![key(KeyCode::Esc), ch('q')]);
    assert_eq!(keymap::unmerge(ch('q')), vec![ch('q')]);
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Every key of the forms' table (record, person and 整改 forms), while
/// filling in and while the form asks a question; text keys name nothing.
#[rstest]
#[case(ctrl('s'), false, Some(FormCmd::Save))]
#[case(key(KeyCode::Enter), false, Some(FormCmd::Enter))]
#[case(key(KeyCode::Tab), false, Some(FormCmd::Next))]
#[case(
    KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
    false,
    Some(FormCmd::Prev)
)]
#[case(
    KeyEvent::new(KeyCode::Tab, KeyModifiers::SHIFT),
    false,
    Some(FormCmd::Prev)
)]
#[case(key(KeyCode::Up), false, Some(FormCmd::Up))]
#[case(key(KeyCode::Down), false, Some(FormCmd::Down))]
#[case(key(KeyCode::Left), false, Some(FormCmd::Left))]
#[case(key(KeyCode::Right), false, Some(FormCmd::Right))]
#[case(ch(' '), false, Some(FormCmd::Space))]
#[case(key(KeyCode::Esc), false, Some(FormCmd::Close))]
#[case(ctrl('c'), false, Some(FormCmd::Abandon))]
#[case(ch('q'), false, None)]
#[case(ch('y'), false, None)]
#[case(ch('张'), false, None)]
#[case(key(KeyCode::Backspace), false, None)]
#[case(ctrl('u'), false, None)]
#[case(ch('y'), true, Some(FormCmd::Yes))]
#[case(ch('Y'), true, Some(FormCmd::Yes))]
#[case(ch('n'), true, Some(FormCmd::No))]
#[case(key(KeyCode::Esc), true, Some(FormCmd::No))]
#[case(ctrl('c'), true, Some(FormCmd::Abandon))]
#[case(key(KeyCode::Enter), true, None)]
#[case(ctrl('s'), true, None)]
fn form_key_to_command(#[case] ev: KeyEvent, #[case] asking: bool, #[case] want: Option<FormCmd>) {
    assert_eq!(keymap::form_cmd(&ev, asking), want);
}

#[test]
fn the_form_table_binds_no_key_twice_and_gives_the_footer() {
    for asking in [false, true] {
        let mut seen = Vec::new();
        for b in keymap::form_table(asking) {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} bound twice");
                seen.push(*k);
            }
            let zh = taizhang::tui::text::keys::form_cmd(Lang::Zh, b.cmd);
            let en = taizhang::tui::text::keys::form_cmd(Lang::En, b.cmd);
            assert!(en.is_ascii() && zh != en, "{:?}", b.cmd);
        }
        let hints = keymap::form_hints(asking, false);
        assert_eq!(hints.len(), keymap::form_table(asking).len());
    }
}
