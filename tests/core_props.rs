//! Property tests of the pure parsers: the date parser and the display
//! sanitiser never panic, and accept what they document.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use taizhang::core::date::parse_date;
use taizhang::core::text::{inert, is_unsafe};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(),
            '-' => '－',
            c => c,
        })
        .collect()
}

proptest! {
    #[test]
    fn date_parser_never_panics(s in "\\PC{0,24}") {
        let _ = parse_date(&s, today());
    }

    #[test]
    fn date_parser_never_panics_on_digit_soup(s in "[-0-9/.年月日号－０-９ ]{0,16}") {
        let _ = parse_date(&s, today());
    }

    #[test]
    fn iso_dates_round_trip(days in 0i64..(365 * 200)) {
        let date = NaiveDate::from_ymd_opt(1930, 1, 1).unwrap() + chrono::Duration::days(days);
        let iso = date.format("%Y-%m-%d").to_string();
        prop_assert_eq!(parse_date(&iso, today()), Ok(date));
        prop_assert_eq!(parse_date(&full_width(&iso), today()), Ok(date));
        let cn = format!("{}年{}月{}日", date.year(), date.month(), date.day());
        prop_assert_eq!(parse_date(&cn, today()), Ok(date));
    }

    #[test]
    fn month_day_is_in_todays_year(m in 1u32..=12, d in 1u32..=31) {
        let got = parse_date(&format!("{m}-{d}"), today());
        match NaiveDate::from_ymd_opt(2026, m, d) {
            Some(want) => prop_assert_eq!(got, Ok(want)),
            None => prop_assert!(got.is_err()),
        }
    }

    #[test]
    fn days_back_never_go_forward(n in 0u32..5000) {
        if let Ok(date) = parse_date(&format!("-{n}"), today()) {
            prop_assert!(date <= today());
            prop_assert_eq!((today() - date).num_days(), i64::from(n));
        }
    }

    #[test]
    fn inert_text_has_no_unsafe_characters(s in "\\PC*|[\\x00-\\x1f\\x7f\u{80}-\u{9f}\u{202a}-\u{202e}a-z]{0,40}") {
        let shown = inert(&s, false);
        prop_assert!(!shown.chars().any(is_unsafe));
        let notes = inert(&s, true);
        prop_assert!(!notes.chars().any(|c| c != '\n' && is_unsafe(c)));
    }
}
