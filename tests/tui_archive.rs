//! Year switching in the TUI across years sealed in archives: `[` and `]`
//! load a sealed year from its archive, judged by the catalogue and roster
//! it was sealed with, so later changes to either never move its figures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "tui_support/fixture.rs"]
mod fixture;

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use taizhang::core::mem::MemStore;
use taizhang::core::{DutyId, Ledger, RecordKind, Status};
use taizhang::i18n::Lang;
use taizhang::tui::action::Action;
use taizhang::tui::{State, step, view};

fn b7(state: &State) -> (u32, u32, Status) {
    let p = state.view.progress_of(&DutyId("b7".into())).unwrap();
    (p.done, p.target, p.status)
}

fn screen(state: &State) -> String {
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| view::render(state, f)).unwrap();
    let buffer = term.backend().buffer().clone();
    // Wide characters leave a blank cell after them.
    buffer
        .content
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .filter(|s| *s != " ")
        .collect()
}

/// The fixture with a study session in 2024 and in 2025, both years closed,
/// then the catalogue lowered to one session a year and a person renamed.
fn sealed_ledger() -> Ledger<MemStore> {
    let ledger = fixture::ledger();
    for year in [2024, 2025] {
        let mut r = fixture::record(
            RecordKind::CentralGroupStudy,
            5,
            10,
            &format!("{year}年专题学习"),
        );
        r.date = NaiveDate::from_ymd_opt(year, 5, 10);
        ledger.add_record(&r).unwrap();
        ledger.close_year(year).unwrap();
    }
    assert_eq!(ledger.closed_years().unwrap(), vec![2024, 2025]);
    assert!(ledger.archive(2025).unwrap().is_some(), "2025 is archived");
    let lowered = fixture::CATALOGUE.replace("min = 12, per = \"year\"", "min = 1, per = \"year\"");
    assert_ne!(lowered, fixture::CATALOGUE);
    ledger.import_catalogue(&lowered).unwrap();
    let secretary = ledger.roster().unwrap().resolve("张书记").unwrap();
    let input = taizhang::core::NewPerson {
        name: "张书记（已调任）".into(),
        roles: vec!["书记".into()],
        ..taizhang::core::NewPerson::default()
    };
    ledger.edit_person(secretary, &input).unwrap();
    ledger
}

#[test]
fn year_keys_walk_through_sealed_years_as_they_were_sealed() {
    let ledger = sealed_ledger();
    let mut state = fixture::state(&ledger, Lang::Zh);
    assert_eq!(b7(&state), (2, 1, Status::Done), "this year: the new quota");

    step(&mut state, &ledger, Action::PrevYear, fixture::now());
    assert_eq!(state.view.year, 2025);
    assert!(state.view.closed);
    assert_eq!(state.view.records.len(), 1);
    assert_eq!(state.view.records[0].topic, "2025年专题学习");
    assert_eq!(
        b7(&state),
        (1, 12, Status::Overdue),
        "judged by the quota it was sealed with"
    );
    assert!(
        state.view.roster.resolve("张书记").is_ok(),
        "the roster as it stood"
    );

    step(&mut state, &ledger, Action::PrevYear, fixture::now());
    assert_eq!(state.view.year, 2024);
    assert_eq!(state.view.records[0].topic, "2024年专题学习");
    assert_eq!(b7(&state), (1, 12, Status::Overdue));

    step(&mut state, &ledger, Action::ShowRecords, fixture::now());
    let text = screen(&state);
    assert!(text.contains("2024年专题学习"), "{text}");
    assert!(text.contains("2024年度（已结账，只读）"), "{text}");

    step(&mut state, &ledger, Action::NextYear, fixture::now());
    step(&mut state, &ledger, Action::NextYear, fixture::now());
    assert_eq!(state.view.year, 2026);
    assert!(!state.view.closed);
    assert_eq!(state.view.records.len(), 6);
    assert_eq!(b7(&state), (2, 1, Status::Done));
}

#[test]
fn a_sealed_year_refuses_a_record_from_the_tui() {
    let ledger = sealed_ledger();
    let mut state = fixture::state(&ledger, Lang::En);
    step(&mut state, &ledger, Action::PrevYear, fixture::now());
    step(&mut state, &ledger, Action::AddRecord, fixture::now());
    let mut input = fixture::record(RecordKind::CentralGroupStudy, 6, 1, "补录");
    input.date = NaiveDate::from_ymd_opt(2025, 6, 1);
    step(
        &mut state,
        &ledger,
        Action::SubmitRecord(input),
        fixture::now(),
    );
    assert_eq!(
        ledger.records_in_year(2025).unwrap().len(),
        1,
        "nothing added"
    );
    assert_eq!(state.view.records.len(), 1);
}

/// As a user runs it: a demo ledger whose past years `demo` sealed, opened
/// through the ledger service. The year keys walk back through the archives,
/// and each year comes over the compact wire with the records and figures a
/// direct open of the same ledger computes.
#[test]
fn year_keys_walk_a_sealed_demo_through_the_service() {
    use chrono::Datelike;
    use taizhang::core::{Catalogue, Progress, Record};
    use taizhang::service::{ClientOptions, RemoteLedger};
    use taizhang::store::SledStore;
    use taizhang::tui::theme::Theme;

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger");
    let bin = env!("CARGO_BIN_EXE_taizhang");
    // No TAIZHANG_TODAY: the service keeps its own clock, and so does the demo.
    let out = std::process::Command::new(bin)
        .env_remove("TAIZHANG_TODAY")
        .env_remove("TAIZHANG_DB")
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .arg("demo")
        .arg(&db)
        .args(["--years", "3", "--records-per-year", "120"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let now = chrono::Local::now().naive_local();
    let (today, this) = (now.date(), now.year());
    let past = [this - 1, this - 2];
    let direct: Vec<(Vec<Record>, Vec<Progress>)> = {
        let store = SledStore::open(&db, &Catalogue::embedded()).unwrap();
        let ledger = Ledger::new(store, "tester");
        past.iter()
            .map(|y| {
                let v = ledger.year_view(*y, today).unwrap();
                (v.records, v.progress)
            })
            .collect()
    };

    let options = ClientOptions {
        program: Some(bin.into()),
        idle_exit: Some(3),
        ..ClientOptions::default()
    };
    let ledger = RemoteLedger::connect(&db, options).unwrap();
    let view = taizhang::core::LedgerApi::year_view(&ledger, this, today).unwrap();
    let mut state = State::new(view, Lang::Zh, Theme::new(false, false));
    assert!(!state.view.closed);
    for (year, (records, progress)) in past.iter().zip(&direct) {
        step(&mut state, &ledger, Action::PrevYear, now);
        assert_eq!(state.view.year, *year);
        assert!(state.view.closed, "{year} is sealed");
        assert!(records.len() >= 120, "{year}: {}", records.len());
        assert_eq!(&state.view.records, records, "{year}");
        assert_eq!(&state.view.progress, progress, "{year}");
        let text = screen(&state);
        assert!(
            text.contains(&format!("{year}年度（已结账，只读）")),
            "{text}"
        );
    }
    step(&mut state, &ledger, Action::NextYear, now);
    step(&mut state, &ledger, Action::NextYear, now);
    assert_eq!(state.view.year, this);
    assert!(!state.view.closed);
}
