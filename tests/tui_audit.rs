//! The audit overlays: a record's history (snapshots at 80×24 in both
//! languages, scrolling, Esc), the trash with restore, the checklist's
//! picked record; and hostile ledger text, which must reach no cell raw.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "tui_support/fixture.rs"]
mod fixture;
#[path = "tui_support/shared.rs"]
mod shared;

use std::sync::Arc;

use chrono::NaiveDateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use shared::Shared;
use taizhang::core::ledger::fixed_clock;
use taizhang::core::mem::MemStore;
use taizhang::core::text::is_unsafe;
use taizhang::core::{Catalogue, Ledger, NewPerson, NewRecord, RecordId, RecordKind};
use taizhang::i18n::Lang;
use taizhang::tui::action::Action;
use taizhang::tui::state::{Overlay, Screen, select};
use taizhang::tui::{State, Theme, step, view};

fn at(d: u32, h: u32) -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 3, d)
        .unwrap()
        .and_hms_opt(h, 5, 0)
        .unwrap()
}

fn user(store: &Arc<MemStore>, name: &str, when: NaiveDateTime) -> Ledger<Shared> {
    Ledger::new(Shared(Arc::clone(store)), name).with_clock(fixed_clock(when))
}

/// Record "学习条例" entered by alice on 3-10, changed by bob on 3-12
/// (topic, notes, host), deleted and restored by carol on 3-15.
fn ledger_with_history() -> (Ledger<Shared>, RecordId) {
    let store = Arc::new(MemStore::new(
        Catalogue::from_toml(fixture::CATALOGUE).unwrap(),
    ));
    let alice = user(&store, "alice", at(10, 9));
    for name in ["张书记", "李副书记"] {
        alice
            .add_person(&NewPerson {
                name: name.into(),
                roles: vec!["党员".into()],
                ..NewPerson::default()
            })
            .unwrap();
    }
    let first = fixture::record(RecordKind::CentralGroupStudy, 3, 9, "学习条例");
    let r = alice.add_record(&first).unwrap();
    alice
        .add_record(&fixture::record(RecordKind::Education, 2, 1, "警示教育"))
        .unwrap();
    let changed = NewRecord {
        topic: "学习新修订的纪律处分条例".into(),
        notes: "第二次集中学习".into(),
        host: Some("张书记".into()),
        ..first
    };
    user(&store, "bob", at(12, 14))
        .update_record(r.id, &changed)
        .unwrap();
    let carol = user(&store, "carol", at(15, 16));
    carol.delete_record(r.id).unwrap();
    carol.restore_from_trash(r.id).unwrap();
    (carol, r.id)
}

fn open(ledger: &Ledger<Shared>, lang: Lang) -> State {
    let view = ledger.year_view(2026, fixture::today()).unwrap();
    State::new(view, lang, Theme::new(false, false))
}

fn draw(state: &State, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::render(state, f)).unwrap();
    term
}

fn run(state: &mut State, ledger: &Ledger<Shared>, actions: &[Action]) {
    for a in actions {
        step(state, ledger, a.clone(), fixture::now());
    }
}

/// Records screen with `id` selected.
fn select_record(state: &mut State, ledger: &Ledger<Shared>, id: RecordId) {
    run(state, ledger, &[Action::ShowRecords]);
    let row = select::records(&state.view, "")
        .iter()
        .position(|r| r.id == id)
        .unwrap();
    for _ in 0..row {
        run(state, ledger, &[Action::Down]);
    }
}

#[test]
fn history_overlay_at_80x24_in_both_languages() {
    for (lang, name) in [(Lang::Zh, "history_zh"), (Lang::En, "history_en")] {
        let (ledger, id) = ledger_with_history();
        let mut state = open(&ledger, lang);
        select_record(&mut state, &ledger, id);
        run(&mut state, &ledger, &[Action::ShowHistory]);
        let Overlay::History(h) = &state.overlay else {
            panic!("h opens the history");
        };
        assert_eq!(h.entries.len(), 4, "create, update, delete, restore");
        insta::assert_snapshot!(name, draw(&state, 80, 24).backend());
    }
}

#[test]
fn history_scrolls_and_esc_closes_it() {
    let (ledger, id) = ledger_with_history();
    let mut state = open(&ledger, Lang::En);
    state.resize(80, 14);
    select_record(&mut state, &ledger, id);
    run(&mut state, &ledger, &[Action::ShowHistory]);
    let top = format!("{:?}", draw(&state, 80, 14).backend());
    run(&mut state, &ledger, &[Action::Bottom]);
    let Overlay::History(h) = &state.overlay else {
        panic!("still open");
    };
    let bottom = h.scroll;
    assert!(bottom > 0, "a long history scrolls at 80×14");
    assert_ne!(top, format!("{:?}", draw(&state, 80, 14).backend()));
    run(&mut state, &ledger, &[Action::PageDown, Action::Down]);
    let Overlay::History(h2) = &state.overlay else {
        panic!("still open");
    };
    assert_eq!(h2.scroll, bottom, "no scrolling past the end");
    run(&mut state, &ledger, &[Action::Back]);
    assert_eq!(state.overlay, Overlay::None);
    assert_eq!(state.screen, Screen::Records);
}

#[test]
fn the_trash_restores_a_deleted_record() {
    let (ledger, id) = ledger_with_history();
    let mut state = open(&ledger, Lang::Zh);
    select_record(&mut state, &ledger, id);
    run(
        &mut state,
        &ledger,
        &[Action::DeleteRecord, Action::Confirm],
    );
    assert!(state.view.record(id).is_none());
    run(&mut state, &ledger, &[Action::ShowTrash]);
    let Overlay::Trash(t) = &state.overlay else {
        panic!("T opens the trash");
    };
    assert_eq!(t.selected(), Some(id));
    let screen = format!("{:?}", draw(&state, 80, 24).backend());
    assert!(screen.contains("回收站"), "{screen}");
    assert!(screen.contains("carol"), "who deleted it: {screen}");
    // The history of a trashed record, and back to the trash.
    run(&mut state, &ledger, &[Action::ShowHistory]);
    assert!(matches!(state.overlay, Overlay::History(_)));
    run(&mut state, &ledger, &[Action::Back]);
    assert!(matches!(state.overlay, Overlay::Trash(_)));
    run(&mut state, &ledger, &[Action::RestoreFromTrash]);
    assert!(state.view.record(id).is_some(), "back in the year's view");
    let Overlay::Trash(t) = &state.overlay else {
        panic!("the trash stays open, refreshed");
    };
    assert!(t.items.is_empty());
    assert_eq!(
        ledger
            .history(&taizhang::core::journal::Entity::Record(id))
            .unwrap()
            .len(),
        6
    );
}

#[test]
fn history_of_the_record_picked_in_the_checklist_detail() {
    let (ledger, id) = ledger_with_history();
    let mut state = open(&ledger, Lang::En);
    // Checklist → b7 (the first duty) → detail pane.
    run(
        &mut state,
        &ledger,
        &[Action::ShowChecklist, Action::Right, Action::Right],
    );
    run(&mut state, &ledger, &[Action::PickNext, Action::PickPrev]);
    assert_eq!(state.picked_record(), Some(id));
    run(&mut state, &ledger, &[Action::ShowHistory]);
    let Overlay::History(h) = &state.overlay else {
        panic!("H opens the picked record's history");
    };
    assert_eq!(h.record, id);
}

const EVIL: &str = "\u{1b}]0;pwned\u{7}会议\u{1b}[2J\u{202e}txt.exe";

/// Every cell's symbol, for checking that nothing unsafe reached one.
fn unsafe_cells(term: &Terminal<TestBackend>) -> Vec<String> {
    term.backend()
        .buffer()
        .content
        .iter()
        .map(|c| c.symbol().to_string())
        .filter(|s| s.chars().any(is_unsafe))
        .collect()
}

#[test]
fn hostile_text_reaches_no_cell_raw() {
    let ledger = fixture::ledger();
    ledger
        .add_person(&NewPerson {
            name: format!("坏人{EVIL}"),
            roles: vec!["党员".into()],
            ..NewPerson::default()
        })
        .unwrap();
    let evil = NewRecord {
        notes: format!("第一行{EVIL}\n第二行{EVIL}"),
        ..fixture::record(RecordKind::CentralGroupStudy, 3, 19, &format!("主题{EVIL}"))
    };
    let r = ledger.add_record(&evil).unwrap();
    // The core drops the controls XML forbids (`core::text`) and keeps the
    // bidi override, which the TUI must show inert.
    assert!(
        r.topic.contains('\u{202e}') && !r.topic.contains('\u{1b}'),
        "the core stores the cleaned text"
    );
    for lang in [Lang::Zh, Lang::En] {
        let mut state = fixture::state(&ledger, lang);
        let scenes: Vec<Vec<Action>> = vec![
            vec![Action::ShowRecords],
            vec![Action::ShowRecords, Action::DeleteRecord],
            vec![Action::ShowRecords, Action::EditRecord],
            vec![Action::ShowRecords, Action::ShowHistory],
            vec![Action::ShowChecklist, Action::Right, Action::Right],
            vec![Action::ShowRoster],
            vec![Action::ShowTalks],
        ];
        for actions in scenes {
            state = fixture::state(&ledger, lang);
            for a in &actions {
                step(&mut state, &ledger, a.clone(), fixture::now());
            }
            for (w, h) in [(80, 24), (120, 40), (50, 14)] {
                state.resize(w, h);
                let term = draw(&state, w, h);
                let bad = unsafe_cells(&term);
                assert!(bad.is_empty(), "{actions:?} at {w}×{h}: {bad:?}");
                if actions == [Action::ShowRecords] && w == 80 {
                    let text = format!("{:?}", term.backend());
                    // The bidi override survives the core and is shown inert.
                    assert!(text.contains("\\u{202e}"), "shown inert: {text}");
                }
            }
        }
        assert!(state.view.records.iter().any(|x| x.id == r.id));
    }
    ledger.delete_record(r.id).unwrap();
    let mut state = fixture::state(&ledger, Lang::Zh);
    for a in [Action::ShowRecords, Action::ShowTrash] {
        step(&mut state, &ledger, a, fixture::now());
    }
    assert!(matches!(state.overlay, Overlay::Trash(_)));
    assert!(unsafe_cells(&draw(&state, 80, 24)).is_empty());
}

#[test]
fn the_audit_overlays_draw_at_any_size() {
    let (ledger, id) = ledger_with_history();
    let mut state = open(&ledger, Lang::Zh);
    select_record(&mut state, &ledger, id);
    let mut scenes = Vec::new();
    run(&mut state, &ledger, &[Action::ShowHistory, Action::Bottom]);
    scenes.push(state);
    let mut state = open(&ledger, Lang::En);
    run(
        &mut state,
        &ledger,
        &[Action::ShowRecords, Action::ShowTrash],
    );
    scenes.push(state);
    let mut state = open(&ledger, Lang::Zh);
    state.offer_draft(taizhang::tui::draft::Draft::Record(
        serde_json::from_str(r#"{"kind":"education","topic":"草稿"}"#).unwrap(),
    ));
    scenes.push(state);
    for mut state in scenes {
        for w in (0..=130).step_by(7) {
            for h in (0..=45).step_by(3) {
                state.resize(w, h);
                let _ = taizhang::tui::view::history_max_scroll(&state);
                draw(&state, w, h);
            }
        }
    }
}
