//! Action sequences applied to an in-memory ledger: the state asks for
//! effects, the loop's `step` applies them, and the year's view follows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "tui_support/fixture.rs"]
mod fixture;

use taizhang::core::{DutyId, Field, RecordKind, Status};
use taizhang::i18n::Lang;
use taizhang::tui::action::Action;
use taizhang::tui::effect::Effect;
use taizhang::tui::state::{Notice, Overlay, Screen};
use taizhang::tui::step;

fn done(state: &taizhang::tui::State, id: &str) -> u32 {
    state.view.progress_of(&DutyId(id.into())).unwrap().done
}

#[test]
fn adding_a_record_moves_the_duty() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    assert_eq!(done(&state, "b7"), 2);
    step(&mut state, &ledger, Action::AddRecord, fixture::now());
    assert!(matches!(state.overlay, Overlay::Form(_)));
    let input = fixture::record(RecordKind::CentralGroupStudy, 3, 18, "学习新修订条例");
    step(
        &mut state,
        &ledger,
        Action::SubmitRecord(input),
        fixture::now(),
    );
    assert_eq!(done(&state, "b7"), 3);
    assert_eq!(state.overlay, Overlay::None, "the form closes on success");
    assert!(matches!(state.notice, Some(Notice::Info(_))));
    assert_eq!(ledger.records_in_year(2026).unwrap().len(), 7);
}

#[test]
fn an_invalid_submission_keeps_the_form_and_reports() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::En);
    step(&mut state, &ledger, Action::AddRecord, fixture::now());
    let mut input = fixture::record(RecordKind::HeartTalk, 3, 18, "");
    input.host = Some("Nobody".into());
    input.partners = vec!["王部长".into()];
    step(
        &mut state,
        &ledger,
        Action::SubmitRecord(input),
        fixture::now(),
    );
    let Overlay::Form(form) = &state.overlay else {
        panic!("the form stays open");
    };
    let err = form.error().expect("the error goes back to the form");
    assert_eq!(err.field, Field::Host);
    assert_eq!(done(&state, "s1"), 1);
}

#[test]
fn editing_a_record_updates_it_in_place() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    step(&mut state, &ledger, Action::ShowRecords, fixture::now());
    // Newest first: the talk of 3-01 is selected; edit it to the other head.
    step(&mut state, &ledger, Action::EditRecord, fixture::now());
    let Overlay::Form(form) = &state.overlay else {
        panic!("form not open");
    };
    let id = form.editing().expect("editing a record");
    let mut input = fixture::record(RecordKind::HeartTalk, 3, 1, "");
    input.host = Some("张书记".into());
    input.partners = vec!["王部长".into()];
    let effects = state.update(Action::SubmitRecord(input.clone()));
    assert_eq!(effects, vec![Effect::UpdateRecord(id, input.clone())]);
    step(
        &mut state,
        &ledger,
        Action::SubmitRecord(input),
        fixture::now(),
    );
    assert_eq!(state.view.records.len(), 6);
    let s1 = state.view.progress_of(&DutyId("s1".into())).unwrap();
    assert_eq!(s1.done, 1);
    assert!(s1.records.contains(&id));
}

#[test]
fn delete_asks_first_and_undo_brings_it_back() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    step(&mut state, &ledger, Action::ShowRecords, fixture::now());
    step(&mut state, &ledger, Action::DeleteRecord, fixture::now());
    assert!(matches!(state.overlay, Overlay::ConfirmDelete(_)));
    step(&mut state, &ledger, Action::Cancel, fixture::now());
    assert_eq!(state.view.records.len(), 6);
    step(&mut state, &ledger, Action::DeleteRecord, fixture::now());
    step(&mut state, &ledger, Action::Confirm, fixture::now());
    assert_eq!(state.view.records.len(), 5);
    assert_eq!(done(&state, "s1"), 0);
    step(&mut state, &ledger, Action::Undo, fixture::now());
    assert_eq!(state.view.records.len(), 6);
    assert_eq!(done(&state, "s1"), 1);
    step(&mut state, &ledger, Action::Undo, fixture::now());
    assert!(
        matches!(state.notice, Some(Notice::Info(_))),
        "nothing left to undo"
    );
}

#[test]
fn year_keys_load_another_year_and_back() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    step(&mut state, &ledger, Action::PrevYear, fixture::now());
    assert_eq!(state.view.year, 2025);
    assert!(state.view.records.is_empty());
    assert_eq!(
        state.view.progress_of(&DutyId("b7".into())).unwrap().status,
        Status::Overdue
    );
    step(&mut state, &ledger, Action::NextYear, fixture::now());
    assert_eq!(state.view.year, 2026);
    assert_eq!(state.view.records.len(), 6);
}

#[test]
fn navigation_needs_no_effects() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    for a in [
        Action::ShowChecklist,
        Action::Down,
        Action::NextPane,
        Action::Down,
        Action::Bottom,
        Action::Top,
        Action::PageDown,
        Action::Right,
        Action::Down,
        Action::Left,
        Action::Back,
        Action::Help,
        Action::Back,
        Action::Filter,
        Action::FilterChar('谈'),
        Action::FilterAccept,
    ] {
        assert!(state.update(a.clone()).is_empty(), "{a:?}");
    }
    assert_eq!(state.screen, Screen::Checklist);
    assert_eq!(state.filter, "谈");
}

#[test]
fn quit_is_an_effect() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    assert_eq!(state.update(Action::Quit), vec![Effect::Quit]);
    assert!(state.quit);
}

#[test]
fn detail_scrolling_stops_at_the_end() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    state.resize(80, 24);
    // Branch list, third row: the monthly committee meeting, with many months owed.
    for a in [
        Action::ShowChecklist,
        Action::Open,
        Action::Down,
        Action::Down,
        Action::Open,
    ] {
        state.update(a);
    }
    let max = taizhang::tui::view::detail_max_scroll(&state);
    assert!(max > 0, "the fixture's detail must overflow 80x24");
    for _ in 0..50 {
        state.update(Action::Down);
    }
    assert_eq!(state.checklist.detail_scroll, max);
    state.update(Action::Up);
    assert_eq!(state.checklist.detail_scroll, max - 1);
    state.update(Action::Bottom);
    assert_eq!(state.checklist.detail_scroll, max);
    // A taller terminal needs less scrolling; the offset follows.
    state.resize(80, 60);
    assert_eq!(state.checklist.detail_scroll, 0);
}

#[test]
fn a_letter_after_its_deadline_shows_as_done_late_not_done() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    let input = fixture::record(RecordKind::ResponsibilityLetter, 3, 10, "签订责任书");
    step(
        &mut state,
        &ledger,
        Action::SubmitRecord(input),
        fixture::now(),
    );
    let p = state.view.progress_of(&DutyId("g1".into())).unwrap();
    assert_eq!(p.status, Status::Late);
    assert_eq!(state.view.tally.late, 1);
    let screen = fixture::render(&state, 80, 24);
    assert!(screen.contains("◔ 逾期完成 1"), "{screen}");
    let en = fixture::state(&ledger, Lang::En);
    let screen = fixture::render(&en, 80, 24);
    assert!(screen.contains("◔ done late 1"), "{screen}");
}
