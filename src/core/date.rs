//! Parsing the dates people type: 今天/昨天/前天/大前天, 明天/后天/大后天,
//! today/yesterday/tomorrow, -3, +3, 3-14,
//! 3月14日, 2026-03-14, 2026/3/14, in full-width digits too. Relative forms are
//! resolved against `today`, the user's local calendar date.

use chrono::{Datelike, Duration, NaiveDate};

use super::error::Problem;

/// Parse `input` as a calendar date relative to `today`. A month-day without
/// a year is in `today`'s year.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, Problem> {
    let bad = || Problem::BadDate(input.trim().to_string());
    // Words first: `normalize` drops 日, which 今日 and 明日 need.
    match input.trim().to_lowercase().as_str() {
        "今天" | "今日" | "today" | "t" | "0" => return shift(today, 0).ok_or_else(bad),
        "昨天" | "昨日" | "yesterday" | "y" => return shift(today, -1).ok_or_else(bad),
        "前天" => return shift(today, -2).ok_or_else(bad),
        "大前天" => return shift(today, -3).ok_or_else(bad),
        "明天" | "明日" | "tomorrow" => return shift(today, 1).ok_or_else(bad),
        "后天" => return shift(today, 2).ok_or_else(bad),
        "大后天" => return shift(today, 3).ok_or_else(bad),
        _ => {}
    }
    let s = normalize(input);
    if s.is_empty() {
        return Err(Problem::Required);
    }
    if let Some((sign, n)) = s
        .strip_prefix('-')
        .map(|n| (-1, n))
        .or_else(|| s.strip_prefix('+').map(|n| (1, n)))
    {
        if n.is_empty() || n.len() > 5 || !n.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let days: i64 = n.parse().map_err(|_| bad())?;
        if days > 3660 {
            return Err(bad());
        }
        return shift(today, sign * days).ok_or_else(bad);
    }
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    let num = |p: &str| -> Result<u32, Problem> {
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        p.parse().map_err(|_| bad())
    };
    let (y, m, d) = match parts.as_slice() {
        [m, d] => (today.year(), num(m)?, num(d)?),
        [y, m, d] if y.len() == 4 => (i32::try_from(num(y)?).map_err(|_| bad())?, num(m)?, num(d)?),
        [ymd] if ymd.len() == 8 && ymd.bytes().all(|b| b.is_ascii_digit()) => {
            let all = num(&ymd[..4])?;
            (
                i32::try_from(all).map_err(|_| bad())?,
                num(&ymd[4..6])?,
                num(&ymd[6..])?,
            )
        }
        _ => return Err(bad()),
    };
    if !(1900..=9999).contains(&y) {
        return Err(bad());
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(bad)
}

fn shift(today: NaiveDate, days: i64) -> Option<NaiveDate> {
    today.checked_add_signed(Duration::days(days))
}

/// Full-width digits and punctuation to ASCII; 年/月 to '-', 日/号 dropped.
fn normalize(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.trim().chars() {
        let c = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '－' | '—' | '–' | '年' | '月' => '-',
            '＋' => '+',
            '／' => '/',
            '．' | '。' => '.',
            '日' | '号' => continue,
            c if c.is_whitespace() => continue,
            c => c.to_ascii_lowercase(),
        };
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn accepts_every_documented_form() {
        let today = d(2026, 3, 20);
        for (input, want) in [
            ("今天", d(2026, 3, 20)),
            ("today", d(2026, 3, 20)),
            ("昨天", d(2026, 3, 19)),
            ("Yesterday", d(2026, 3, 19)),
            ("前天", d(2026, 3, 18)),
            ("今日", d(2026, 3, 20)),
            ("昨日", d(2026, 3, 19)),
            ("-3", d(2026, 3, 17)),
            ("大前天", d(2026, 3, 17)),
            ("明天", d(2026, 3, 21)),
            ("明日", d(2026, 3, 21)),
            ("Tomorrow", d(2026, 3, 21)),
            ("后天", d(2026, 3, 22)),
            ("大后天", d(2026, 3, 23)),
            ("+3", d(2026, 3, 23)),
            ("＋３", d(2026, 3, 23)),
            ("+12", d(2026, 4, 1)),
            ("3-14", d(2026, 3, 14)),
            ("3/14", d(2026, 3, 14)),
            ("3月14日", d(2026, 3, 14)),
            ("2026-03-14", d(2026, 3, 14)),
            ("2025/12/31", d(2025, 12, 31)),
            ("2026年3月14日", d(2026, 3, 14)),
            ("２０２６－０３－１４", d(2026, 3, 14)),
            ("３－１４", d(2026, 3, 14)),
            ("20240229", d(2024, 2, 29)),
            (" 3-14 ", d(2026, 3, 14)),
        ] {
            assert_eq!(parse_date(input, today), Ok(want), "{input}");
        }
    }

    #[test]
    fn year_edge_relative_dates_cross_into_the_old_year() {
        assert_eq!(parse_date("昨天", d(2027, 1, 1)), Ok(d(2026, 12, 31)));
        assert_eq!(parse_date("-1", d(2027, 1, 1)), Ok(d(2026, 12, 31)));
        assert_eq!(parse_date("明天", d(2026, 12, 31)), Ok(d(2027, 1, 1)));
        assert_eq!(parse_date("+1", d(2026, 12, 31)), Ok(d(2027, 1, 1)));
    }

    #[test]
    fn refuses_nonsense_with_the_input_named() {
        let today = d(2026, 3, 20);
        for bad in [
            "2-30",
            "2025-02-29",
            "13-1",
            "abc",
            "3-14-",
            "--3",
            "++3",
            "+",
            "+-3",
            "+99999",
            "-",
            "1-2-3",
            "99999-1-1",
            "123é567",
            "-999999",
        ] {
            assert!(
                matches!(parse_date(bad, today), Err(Problem::BadDate(_))),
                "{bad}"
            );
        }
        assert_eq!(parse_date("  ", today), Err(Problem::Required));
    }
}
