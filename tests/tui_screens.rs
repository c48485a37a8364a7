//! Every screen at 80×24 in both languages on a fixed day, as insta
//! snapshots; plus `NO_COLOR`, ASCII, and a sweep of terminal sizes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "tui_support/fixture.rs"]
mod fixture;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use taizhang::i18n::Lang;
use taizhang::tui::action::Action;
use taizhang::tui::{State, Theme, view};

fn draw(state: &State, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::render(state, f)).unwrap();
    term
}

/// The actions that lead to each screen worth a snapshot.
fn scenes() -> Vec<(&'static str, Vec<Action>)> {
    vec![
        ("overview", vec![]),
        ("checklist", vec![Action::ShowChecklist]),
        (
            "checklist_detail",
            vec![
                Action::ShowChecklist,
                Action::Open,
                Action::Down,
                Action::Down,
                Action::Right,
            ],
        ),
        (
            "checklist_secretary",
            vec![
                Action::ShowChecklist,
                Action::Down,
                Action::Open,
                Action::Right,
            ],
        ),
        // While the duties are browsed: the selected one in brief.
        (
            "checklist_brief",
            vec![
                Action::ShowChecklist,
                Action::Open,
                Action::Down,
                Action::Down,
            ],
        ),
        (
            "checklist_filter",
            vec![
                Action::ShowChecklist,
                Action::Filter,
                Action::FilterChar('会'),
            ],
        ),
        ("records", vec![Action::ShowRecords]),
        (
            "records_confirm",
            vec![Action::ShowRecords, Action::Down, Action::DeleteRecord],
        ),
        ("talks", vec![Action::ShowTalks]),
        ("roster", vec![Action::ShowRoster]),
        ("help", vec![Action::ShowChecklist, Action::Help]),
        // The rest of the help, scrolled inside its frame: long
        // descriptions wrap under themselves, nothing is cut silently.
        (
            "help_bottom",
            vec![Action::ShowChecklist, Action::Help, Action::Bottom],
        ),
        ("help_records", vec![Action::ShowRecords, Action::Help]),
        ("form", vec![Action::AddRecord]),
        (
            "form_for_duty",
            vec![Action::ShowChecklist, Action::Open, Action::AddRecord],
        ),
        ("roster_form", vec![Action::ShowRoster, Action::AddPerson]),
        ("overview_selected", vec![Action::Down, Action::Down]),
        ("talks_scrolled", vec![Action::ShowTalks, Action::Down]),
        (
            "records_filtered",
            vec![
                Action::ShowRecords,
                Action::Filter,
                Action::FilterChar('z'),
                Action::FilterChar('s'),
                Action::FilterChar('j'),
                Action::FilterAccept,
            ],
        ),
        ("overview_talks", vec![Action::NextPane]),
        ("talk_form", vec![Action::NextPane, Action::Open]),
    ]
}

/// The scenes also drawn at 120×40, where the extra room shows more.
const LARGE: [&str; 7] = [
    "overview",
    "checklist_detail",
    "records",
    "talks",
    "help",
    "form",
    "roster",
];

fn scene_state(lang: Lang, actions: &[Action], theme: Theme) -> State {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, lang);
    state.theme = theme;
    for a in actions {
        taizhang::tui::step(&mut state, &ledger, a.clone(), fixture::now());
    }
    state
}

#[test]
fn every_screen_at_80x24_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        for (name, actions) in scenes() {
            let state = scene_state(lang, &actions, Theme::default());
            let term = draw(&state, 80, 24);
            let tag = match lang {
                Lang::Zh => "zh",
                Lang::En => "en",
            };
            insta::assert_snapshot!(format!("{name}_{tag}"), term.backend());
        }
    }
}

#[test]
fn the_larger_screens_at_120x40_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        for (name, actions) in scenes().into_iter().filter(|(n, _)| LARGE.contains(n)) {
            let state = scene_state(lang, &actions, Theme::default());
            let term = draw(&state, 120, 40);
            let tag = match lang {
                Lang::Zh => "zh",
                Lang::En => "en",
            };
            insta::assert_snapshot!(format!("{name}_{tag}_120x40"), term.backend());
        }
    }
}

#[test]
fn too_small_says_so_on_one_line() {
    let ledger = fixture::ledger();
    let state = fixture::state(&ledger, Lang::En);
    let term = draw(&state, 39, 5);
    insta::assert_snapshot!("too_small_en", term.backend());
}

#[test]
fn no_color_draws_no_colour_but_keeps_markers() {
    for (name, actions) in scenes() {
        let state = scene_state(Lang::Zh, &actions, Theme::new(false, true));
        let term = draw(&state, 80, 24);
        let buf = term.backend().buffer();
        for cell in buf.content() {
            assert!(
                matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset),
                "{name}: coloured cell {cell:?}"
            );
        }
        if name == "overview" {
            let text: String = buf
                .content()
                .iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect();
            assert!(text.contains('✓') && text.contains('✗'), "markers remain");
        }
    }
}

#[test]
fn ascii_mode_draws_only_ascii_chrome() {
    for (name, actions) in scenes() {
        let state = scene_state(Lang::En, &actions, Theme::new(true, false));
        let term = draw(&state, 80, 24);
        // Data (names, seed text) may be anything; the chrome must be ASCII:
        // no box drawing, blocks, arrows, check marks, middle dots or ellipses.
        let chrome = |c: char| matches!(c, '\u{2500}'..='\u{259f}' | '\u{2190}'..='\u{21ff}' | '\u{2700}'..='\u{27bf}' | '·' | '…' | '×');
        for cell in term.backend().buffer().content() {
            let s = cell.symbol();
            assert!(!s.chars().any(chrome), "{name}: non-ASCII glyph {s:?}");
            // Nothing of ambiguous width, data included (“” in the seed text).
            for c in s.chars() {
                use unicode_width::UnicodeWidthChar;
                assert_eq!(c.width(), c.width_cjk(), "{name}: ambiguous {c:?}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn no_size_panics(w in 0u16..=300, h in 0u16..=100, scene in 0usize..18, zh in any::<bool>()) {
        let lang = if zh { Lang::Zh } else { Lang::En };
        let scenes = scenes();
        let (_, actions) = &scenes[scene % scenes.len()];
        let state = scene_state(lang, actions, Theme::new(zh, false));
        let _ = draw(&state, w, h);
    }
}

#[test]
fn every_small_size_renders() {
    let states: Vec<State> = scenes()
        .iter()
        .map(|(_, a)| scene_state(Lang::Zh, a, Theme::default()))
        .collect();
    // Every width, at the heights where layouts change.
    for w in 0..=90u16 {
        for h in [0u16, 1, 2, 3, 4, 5, 8, 11, 12, 13, 16, 20, 24, 30] {
            for s in &states {
                let _ = draw(s, w, h);
            }
        }
    }
}
