//! First-frame time on a large ledger (10 years, 20,000 records). Ignored by
//! default; run with `cargo test --release --test tui_perf -- --ignored`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "tui_support/fixture.rs"]
mod fixture;

use std::time::Instant;

use chrono::{Duration, NaiveDate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use taizhang::core::RecordKind;
use taizhang::i18n::Lang;
use taizhang::tui::{State, Theme, view};

#[test]
#[ignore = "timing; run in release"]
fn first_frame_on_a_large_ledger() {
    let ledger = fixture::ledger();
    let kinds = [
        RecordKind::CentralGroupStudy,
        RecordKind::CommitteeMeeting,
        RecordKind::GeneralMeeting,
        RecordKind::Education,
        RecordKind::PartyLecture,
    ];
    let start = NaiveDate::from_ymd_opt(2017, 1, 1).unwrap();
    for i in 0..20_000u32 {
        let date = start + Duration::days(i64::from(i % 3650));
        let mut r = fixture::record(kinds[(i % 5) as usize], 1, 1, &format!("第{i}次学习"));
        r.date = Some(date);
        ledger.add_record(&r).unwrap();
    }
    let t = Instant::now();
    let view = ledger.year_view(2026, fixture::today()).unwrap();
    let state = State::new(view, Lang::Zh, Theme::default());
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| view::render(&state, f)).unwrap();
    let took = t.elapsed();
    eprintln!("first frame: {took:?}");
    assert!(took.as_millis() <= 30, "first frame took {took:?}");
}
