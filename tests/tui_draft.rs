//! Drafts: an unsaved form becomes a draft (serde JSON, a 0600 file), a new
//! session offers it back, `y` reopens the form with the same values, `n`
//! or saving/cancelling the form forgets it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "tui_support/fixture.rs"]
mod fixture;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use taizhang::i18n::Lang;
use taizhang::tui::action::Action;
use taizhang::tui::draft::{Draft, DraftFile, Keeper};
use taizhang::tui::form::FormDraft;
use taizhang::tui::state::{Overlay, Screen};
use taizhang::tui::step;

fn typed(text: &str) -> Vec<Action> {
    text.chars()
        .map(|c| Action::FormKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
        .collect()
}

fn key(code: KeyCode) -> Action {
    Action::FormKey(KeyEvent::new(code, KeyModifiers::NONE))
}

fn form_draft(state: &taizhang::tui::State) -> FormDraft {
    match state.draft() {
        Some(Draft::Record(d)) => d,
        other => panic!("expected a record draft, got {other:?}"),
    }
}

#[test]
fn a_record_draft_survives_a_file_round_trip_and_reopens_the_form() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    step(&mut state, &ledger, Action::AddRecord, fixture::now());
    assert_eq!(state.draft(), None, "an untouched form is no draft");
    // `a` on the overview's first behind duty opens the form at the topic.
    for a in typed("草稿里的主题") {
        step(&mut state, &ledger, a, fixture::now());
    }
    let draft = form_draft(&state);
    assert_eq!(draft.topic, "草稿里的主题");
    assert_eq!(
        draft.date, "2026-03-20",
        "\"today\" is kept as the day it meant"
    );

    let dir = tempfile::tempdir().unwrap();
    let file = DraftFile::new(dir.path().join("state/taizhang/draft-x.json"));
    file.save(&Draft::Record(draft.clone())).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(file.path()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let loaded = file.load().unwrap();
    assert_eq!(loaded, vec![Draft::Record(draft.clone())]);

    // A new session: the offer, then Enter.
    let mut next = fixture::state(&ledger, Lang::Zh);
    next.offer_drafts(loaded);
    assert!(matches!(next.overlay, Overlay::OfferDrafts(0)));
    assert_eq!(
        next.drafts,
        vec![Draft::Record(draft.clone())],
        "kept while asking"
    );
    step(&mut next, &ledger, Action::RestoreDraft, fixture::now());
    assert!(next.drafts.is_empty(), "restored, no longer waiting");
    assert!(matches!(next.overlay, Overlay::Form(_)));
    assert_eq!(form_draft(&next), draft, "the same values, field by field");

    // Saving the restored form leaves no draft.
    let before = ledger.records_in_year(2026).unwrap().len();
    step(
        &mut next,
        &ledger,
        Action::FormKey(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
        fixture::now(),
    );
    assert_eq!(next.overlay, Overlay::None);
    assert_eq!(ledger.records_in_year(2026).unwrap().len(), before + 1);
    assert_eq!(next.draft(), None);
}

#[test]
fn declining_the_offer_discards_the_file() {
    let ledger = fixture::ledger();
    let dir = tempfile::tempdir().unwrap();
    let file = DraftFile::new(dir.path().join("draft.json"));
    let draft = Draft::Record(FormDraft {
        topic: "旧草稿".into(),
        ..fixture_draft()
    });
    file.save(&draft).unwrap();
    let mut state = fixture::state(&ledger, Lang::En);
    let on_disk = file.load().unwrap();
    state.offer_drafts(on_disk.clone());
    let mut keeper = Keeper::new(Some(file.clone()), on_disk);
    keeper.track(state.draft(), &state.drafts);
    assert!(file.path().exists(), "kept while the question is open");
    step(&mut state, &ledger, Action::DiscardDraft, fixture::now());
    keeper.track(state.draft(), &state.drafts);
    assert_eq!(state.overlay, Overlay::None);
    assert!(!file.path().exists(), "d discards the draft");
}

#[test]
fn the_keeper_writes_only_what_is_unsaved() {
    let ledger = fixture::ledger();
    let dir = tempfile::tempdir().unwrap();
    let file = DraftFile::new(dir.path().join("d/draft.json"));
    let mut keeper = Keeper::new(Some(file.clone()), Vec::new());
    let mut state = fixture::state(&ledger, Lang::Zh);
    step(&mut state, &ledger, Action::AddRecord, fixture::now());
    keeper.track(state.draft(), &state.drafts);
    keeper.save();
    assert!(!file.path().exists(), "nothing typed, nothing kept");
    for a in [key(KeyCode::Tab), key(KeyCode::Tab)]
        .into_iter()
        .chain(typed("x"))
    {
        step(&mut state, &ledger, a, fixture::now());
    }
    keeper.track(state.draft(), &state.drafts);
    keeper.save();
    assert!(file.path().exists());
}

#[test]
fn a_person_draft_round_trips() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    step(&mut state, &ledger, Action::ShowRoster, fixture::now());
    step(&mut state, &ledger, Action::AddPerson, fixture::now());
    for c in "新同志".chars() {
        let k = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        step(&mut state, &ledger, Action::RosterKey(k), fixture::now());
    }
    let Some(Draft::Person(d)) = state.draft() else {
        panic!("the person form's values are a draft");
    };
    assert_eq!(d.name, "新同志");
    let json = serde_json::to_string(&Draft::Person(d.clone())).unwrap();
    let back: Draft = serde_json::from_str(&json).unwrap();
    let mut next = fixture::state(&ledger, Lang::Zh);
    next.offer_draft(back);
    step(&mut next, &ledger, Action::RestoreDraft, fixture::now());
    assert_eq!(next.screen, Screen::Roster);
    assert_eq!(next.draft(), Some(Draft::Person(d)));
}

#[test]
fn drafts_of_two_forms_wait_side_by_side_and_leave_one_by_one() {
    let ledger = fixture::ledger();
    let dir = tempfile::tempdir().unwrap();
    let file = DraftFile::new(dir.path().join("d/draft.json"));
    // A first session drops with a record form open.
    let mut first = fixture::state(&ledger, Lang::Zh);
    let mut keeper = Keeper::new(Some(file.clone()), Vec::new());
    step(&mut first, &ledger, Action::AddRecord, fixture::now());
    for a in typed("第一次的主题") {
        step(&mut first, &ledger, a, fixture::now());
    }
    keeper.track(first.draft(), &first.drafts);
    keeper.save();
    // A second session leaves the offer for later, opens the person form
    // and drops too: the first draft is not overwritten.
    let mut second = fixture::state(&ledger, Lang::Zh);
    let on_disk = file.load().unwrap();
    assert_eq!(on_disk.len(), 1);
    second.offer_drafts(on_disk.clone());
    let mut keeper = Keeper::new(Some(file.clone()), on_disk);
    step(&mut second, &ledger, Action::Back, fixture::now());
    assert_eq!(second.overlay, Overlay::None);
    step(&mut second, &ledger, Action::ShowRoster, fixture::now());
    step(&mut second, &ledger, Action::AddPerson, fixture::now());
    for c in "新同志".chars() {
        let k = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        step(&mut second, &ledger, Action::RosterKey(k), fixture::now());
    }
    keeper.track(second.draft(), &second.drafts);
    keeper.save();
    let waiting = file.load().unwrap();
    assert_eq!(waiting.len(), 2, "one draft per form, both kept");
    // The third session offers both, each with what it holds.
    let mut third = fixture::state(&ledger, Lang::Zh);
    third.offer_drafts(waiting.clone());
    let mut keeper = Keeper::new(Some(file.clone()), waiting);
    let screen = fixture::render(&third, 80, 24);
    assert!(screen.contains("2 份未保存的草稿"), "{screen}");
    assert!(screen.contains("“第一次的主题”"), "{screen}");
    assert!(screen.contains("新增人员：新同志"), "{screen}");
    // Discard the record draft: the person draft stays on disk.
    step(&mut third, &ledger, Action::DiscardDraft, fixture::now());
    keeper.track(third.draft(), &third.drafts);
    assert_eq!(third.overlay, Overlay::OfferDrafts(0));
    let left = file.load().unwrap();
    assert!(matches!(left.as_slice(), [Draft::Person(p)] if p.name == "新同志"));
}

#[test]
fn a_draft_without_a_topic_says_so() {
    let ledger = fixture::ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    state.offer_draft(Draft::Record(fixture_draft()));
    let screen = fixture::render(&state, 80, 24);
    assert!(screen.contains("（未填主题）"), "{screen}");
    assert!(!screen.contains("草稿内容："), "{screen}");
}

fn fixture_draft() -> FormDraft {
    let json = r#"{"kind":"central_group_study","date":"2026-03-18"}"#;
    serde_json::from_str(json).unwrap()
}

#[test]
fn the_last_kind_added_is_kept_for_the_next_session() {
    let dir = tempfile::tempdir().unwrap();
    let file = DraftFile::new(dir.path().join("d/draft-x.json"));
    assert_eq!(file.last_kind(), None);
    let mut keeper = Keeper::new(Some(file.clone()), Vec::new());
    keeper.remember_kind(None);
    assert_eq!(file.last_kind(), None, "nothing added, nothing kept");
    keeper.remember_kind(Some(taizhang::core::RecordKind::CommitteeMeeting));
    let next = DraftFile::new(dir.path().join("d/draft-x.json"));
    assert_eq!(
        next.last_kind(),
        Some(taizhang::core::RecordKind::CommitteeMeeting)
    );
    assert!(!file.path().exists(), "no draft file for a kind alone");
}
