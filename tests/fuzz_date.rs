//! The date parser at the edges of the calendar: any input with any `today`
//! chrono can hold (year -262143 to 262142) never panics, and what it
//! accepts is an explicit year in 1900..=9999, a month-day in `today`'s
//! year, or a day at most ten years back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use taizhang::core::date::parse_date;

fn any_day() -> impl Strategy<Value = NaiveDate> {
    let min = NaiveDate::MIN.num_days_from_ce();
    let max = NaiveDate::MAX.num_days_from_ce();
    prop_oneof![
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
        (min..=max).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap()),
    ]
}

fn input() -> impl Strategy<Value = String> {
    prop_oneof![
        "-?[0-9]{1,12}",
        "[0-9]{1,6}-[0-9]{1,3}(-[0-9]{1,3})?",
        "[0-9]{1,6}年[0-9]{1,3}月([0-9]{1,3}日)?",
        Just("今天".to_string()),
        Just("昨天".to_string()),
        Just("前天".to_string()),
        Just("明天".to_string()),
        "\\PC{0,16}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_parser_never_panics_at_the_calendar_edges(s in input(), today in any_day()) {
        if let Ok(date) = parse_date(&s, today) {
            let back = (today - date).num_days();
            prop_assert!(
                (1900..=9999).contains(&date.year())
                    || date.year() == today.year()
                    || (0..=3660).contains(&back),
                "{s:?} on {today} gave {date}"
            );
        }
    }
}
