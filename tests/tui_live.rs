//! Two sessions on one ledger: the poll tick notices the other's writes by
//! the ledger's revision, reloads the year with every selection kept on the
//! same item, refreshes an open trash, and does nothing when nothing changed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "tui_support/fixture.rs"]
mod fixture;
#[path = "tui_support/shared.rs"]
mod shared;

use std::sync::Arc;

use shared::Shared;
use taizhang::core::mem::MemStore;
use taizhang::core::{Catalogue, Ledger, NewPerson, RecordKind};
use taizhang::i18n::Lang;
use taizhang::tui::action::Action;
use taizhang::tui::state::{Notice, Overlay, Screen, select};
use taizhang::tui::text::audit;
use taizhang::tui::{State, Theme, step, tick};

/// Two ledgers (two users) over one store, with a few records.
fn pair() -> (Ledger<Shared>, Ledger<Shared>) {
    let store = Arc::new(MemStore::new(
        Catalogue::from_toml(fixture::CATALOGUE).unwrap(),
    ));
    let a = Ledger::new(Shared(Arc::clone(&store)), "alice");
    let b = Ledger::new(Shared(store), "bob");
    a.add_person(&NewPerson {
        name: "张书记".into(),
        roles: vec!["书记".into()],
        ..NewPerson::default()
    })
    .unwrap();
    for (m, d, t) in [
        (1, 10, "一月学习"),
        (2, 10, "二月学习"),
        (3, 10, "三月学习"),
    ] {
        a.add_record(&fixture::record(RecordKind::CentralGroupStudy, m, d, t))
            .unwrap();
    }
    (a, b)
}

fn open(ledger: &Ledger<Shared>) -> State {
    let mut state = State::new(
        ledger.year_view(2026, fixture::today()).unwrap(),
        Lang::Zh,
        Theme::new(false, false),
    );
    state.revision = Some(ledger.revision().unwrap());
    state
}

fn selected_topic(state: &State) -> String {
    select::records(&state.view, &state.record_filter)[state.record]
        .topic
        .clone()
}

#[test]
fn a_record_added_elsewhere_shows_after_a_tick_and_the_selection_stays() {
    let (a, b) = pair();
    let mut state = open(&a);
    step(&mut state, &a, Action::ShowRecords, fixture::now());
    step(&mut state, &a, Action::Down, fixture::now());
    assert_eq!(selected_topic(&state), "二月学习");
    assert!(!tick(&mut state, &a), "nothing changed: no redraw");

    // Bob adds the newest record: it sorts first and shifts every row.
    b.add_record(&fixture::record(
        RecordKind::CentralGroupStudy,
        3,
        19,
        "鲍勃的学习",
    ))
    .unwrap();
    assert_eq!(state.view.records.len(), 3, "not before the tick");
    assert!(tick(&mut state, &a));
    assert_eq!(state.view.records.len(), 4);
    assert_eq!(selected_topic(&state), "二月学习", "kept by id, not by row");
    assert_eq!(
        state.notice,
        Some(Notice::Info(audit::others_changed(Lang::Zh).into()))
    );
    assert!(!tick(&mut state, &a), "seen once, then quiet again");
}

#[test]
fn own_writes_do_not_read_as_someone_elses() {
    let (a, _b) = pair();
    let mut state = open(&a);
    step(&mut state, &a, Action::ShowRecords, fixture::now());
    step(&mut state, &a, Action::DeleteRecord, fixture::now());
    step(&mut state, &a, Action::Confirm, fixture::now());
    assert_eq!(state.view.records.len(), 2);
    assert!(!tick(&mut state, &a), "the reload after the write saw it");
}

#[test]
fn navigation_never_reloads() {
    let (a, b) = pair();
    let mut state = open(&a);
    b.add_record(&fixture::record(
        RecordKind::CentralGroupStudy,
        3,
        19,
        "鲍勃的学习",
    ))
    .unwrap();
    for action in [
        Action::ShowRecords,
        Action::Down,
        Action::Up,
        Action::Bottom,
    ] {
        step(&mut state, &a, action, fixture::now());
    }
    assert_eq!(state.view.records.len(), 3, "keys alone do not reload");
    assert!(tick(&mut state, &a));
    assert_eq!(state.view.records.len(), 4);
}

#[test]
fn an_open_trash_follows_deletions_elsewhere() {
    let (a, b) = pair();
    let mut state = open(&a);
    step(&mut state, &a, Action::ShowRecords, fixture::now());
    step(&mut state, &a, Action::ShowTrash, fixture::now());
    let Overlay::Trash(t) = &state.overlay else {
        panic!("T opens the trash");
    };
    assert!(t.items.is_empty());
    let victim = b.records_in_year(2026).unwrap()[0].id;
    b.delete_record(victim).unwrap();
    assert!(tick(&mut state, &a));
    let Overlay::Trash(t) = &state.overlay else {
        panic!("the trash stays open");
    };
    assert_eq!(t.selected(), Some(victim));
    assert_eq!(state.screen, Screen::Records);
    assert_eq!(state.view.records.len(), 2);
}

#[test]
fn the_first_tick_of_a_fresh_state_reloads_quietly() {
    let (a, _b) = pair();
    let mut state = open(&a);
    state.revision = None;
    assert!(tick(&mut state, &a));
    assert_eq!(state.notice, None, "nobody else changed anything");
    assert_eq!(state.revision, Some(a.revision().unwrap()));
}
