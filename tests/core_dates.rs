#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Table-driven tests of 所属年度 (the year a record covers) at the year's
//! edges: which dates ask, which years are accepted, and that progress
//! counts a record in the year it covers.

use chrono::NaiveDate;
use rstest::rstest;
use taizhang::core::error::Problem;
use taizhang::core::progress::evaluate;
use taizhang::core::{
    Binds, Catalogue, Duty, DutyId, Field, ListId, NewRecord, Period, RecordId, RecordKind, Roster,
    Rule,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn catalogue() -> Catalogue {
    Catalogue {
        duties: vec![Duty {
            id: DutyId("x".into()),
            list: ListId::Branch,
            seed_ref: "test".into(),
            title: "x".into(),
            title_en: "x".into(),
            text: String::new(),
            binds: Binds::Branch,
            parent: None,
            counts: vec![RecordKind::DemocraticLife, RecordKind::CommitteeMeeting],
            rule: Rule::Count {
                min: 1,
                per: Period::Year,
            },
            source: "test".into(),
            actor: None,
            one_to_one: false,
        }],
    }
}

fn input(kind: RecordKind, date: NaiveDate, covers: Option<i32>) -> NewRecord {
    NewRecord {
        kind: Some(kind),
        date: Some(date),
        topic: "t".into(),
        covers,
        ..NewRecord::default()
    }
}

/// `Ok(year covered)` or the problem with `Field::Covers`.
fn covered(kind: RecordKind, date: NaiveDate, covers: Option<i32>) -> Result<i32, Problem> {
    match input(kind, date, covers).validate(&catalogue(), &Roster::default()) {
        Ok(draft) => Ok(draft.year_covered()),
        Err(e) => {
            assert_eq!(e.field, Field::Covers);
            Err(e.problem)
        }
    }
}

const LIFE: RecordKind = RecordKind::DemocraticLife;

#[rstest]
#[case::dec_31_is_its_own_year(LIFE, d(2025, 12, 31), None, Ok(2025))]
#[case::jan_1_asks(LIFE, d(2026, 1, 1), None, Err(Problem::CoversAsked { date: d(2026, 1, 1) }))]
#[case::jan_1_the_year_before(LIFE, d(2026, 1, 1), Some(2025), Ok(2025))]
#[case::jan_1_this_year(LIFE, d(2026, 1, 1), Some(2026), Ok(2026))]
#[case::feb_28_common_asks(LIFE, d(2026, 2, 28), None, Err(Problem::CoversAsked { date: d(2026, 2, 28) }))]
#[case::feb_29_leap_asks(LIFE, d(2024, 2, 29), None, Err(Problem::CoversAsked { date: d(2024, 2, 29) }))]
#[case::mar_1_leap_does_not_ask(LIFE, d(2024, 3, 1), None, Ok(2024))]
#[case::mar_1_may_still_cover_the_year_before(LIFE, d(2026, 3, 1), Some(2025), Ok(2025))]
#[case::two_years_back_refused(
    LIFE,
    d(2026, 1, 5),
    Some(2024),
    Err(Problem::CoversOutOfRange { date: d(2026, 1, 5), covers: 2024 })
)]
#[case::next_year_refused(
    LIFE,
    d(2025, 12, 31),
    Some(2026),
    Err(Problem::CoversOutOfRange { date: d(2025, 12, 31), covers: 2026 })
)]
#[case::other_kinds_do_not_ask(RecordKind::CommitteeMeeting, d(2026, 1, 1), None, Ok(2026))]
#[case::every_past_year_kind_asks(
    RecordKind::AnnualReport,
    d(2026, 2, 1),
    None,
    Err(Problem::CoversAsked { date: d(2026, 2, 1) })
)]
fn year_covered_at_the_edges(
    #[case] kind: RecordKind,
    #[case] date: NaiveDate,
    #[case] covers: Option<i32>,
    #[case] want: Result<i32, Problem>,
) {
    assert_eq!(covered(kind, date, covers), want);
}

#[test]
fn the_kinds_that_ask_are_the_five_that_report_on_the_past_year() {
    let asking: Vec<RecordKind> = RecordKind::ALL
        .iter()
        .copied()
        .filter(|k| k.reports_on_past_year())
        .collect();
    assert_eq!(
        asking,
        vec![
            RecordKind::DemocraticLife,
            RecordKind::OrganizationalLife,
            RecordKind::DutyReport,
            RecordKind::AnnualReport,
            RecordKind::MemberAppraisal,
        ]
    );
}

#[rstest]
#[case::covering_the_year_before(Some(2025), 1, 0)]
#[case::covering_its_own_year(None, 0, 1)]
fn progress_counts_by_the_year_covered(
    #[case] covers: Option<i32>,
    #[case] in_2025: u32,
    #[case] in_2026: u32,
) {
    let draft = input(LIFE, d(2026, 1, 15), covers.or(Some(2026)))
        .validate(&catalogue(), &Roster::default())
        .unwrap();
    let record = draft.into_record(
        RecordId(1),
        "t".into(),
        d(2026, 1, 15).and_hms_opt(9, 0, 0).unwrap(),
    );
    let records = [record];
    for (year, want) in [(2025, in_2025), (2026, in_2026)] {
        let p = evaluate(
            &catalogue(),
            &Roster::default(),
            &records,
            year,
            d(2026, 3, 1),
        );
        assert_eq!(p[0].done, want, "{year}");
    }
}
