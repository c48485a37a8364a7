//! Typesetting words shared by the reports: dates as 2026年3月14日, section
//! numbers 一、 and （一）, seed references with full-width brackets and lists
//! joined with 、 in Chinese, so every Chinese text uses full-width punctuation.

use chrono::{Datelike, NaiveDate};

use crate::core::roster::{PersonId, Roster};
use crate::i18n::Lang;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2026年3月14日` / `14 March 2026`.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => {
            let i = usize::try_from(d.month0()).unwrap_or(0);
            format!("{} {} {}", d.day(), MONTHS.get(i).unwrap_or(&"?"), d.year())
        }
    }
}

/// 1 → 一, 12 → 十二, 20 → 二十; beyond 99 the digits.
pub fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        _ => n.to_string(),
    }
}

/// A section heading: `一、总体情况` / `1. Overview` (`n` is 1-based).
pub fn section(lang: Lang, n: usize, text: &str) -> String {
    match lang {
        Lang::Zh => format!("{}、{text}", chinese_number(n)),
        Lang::En => format!("{n}. {text}"),
    }
}

/// A sub-heading: `（一）会议` / `(1) Meetings` (`n` is 1-based).
pub fn subsection(lang: Lang, n: usize, text: &str) -> String {
    match lang {
        Lang::Zh => format!("（{}）{text}", chinese_number(n)),
        Lang::En => format!("({n}) {text}"),
    }
}

/// A seed reference such as `三(二)(3)`, with full-width brackets in Chinese.
pub fn seed_ref(lang: Lang, r: &str) -> String {
    match lang {
        Lang::Zh => r.replace('(', "（").replace(')', "）"),
        Lang::En => r.to_string(),
    }
}

pub fn join<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

/// Names of `ids`, joined; `无` / `none` for nobody.
pub fn names(lang: Lang, roster: &Roster, ids: &[PersonId]) -> String {
    if ids.is_empty() {
        return none(lang).to_string();
    }
    let names: Vec<String> = ids.iter().map(|id| roster.name(*id)).collect();
    join(lang, &names)
}

pub fn none(lang: Lang) -> &'static str {
    lang.pick("无", "none")
}

/// Chinese text with the ASCII punctuation that catalogue wording may carry
/// set full-width: `1-2个` → `1至2个`, `(一)` → `（一）`, `,` → `，`.
pub fn full_width(lang: Lang, s: &str) -> String {
    if lang == Lang::En {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, c) in chars.iter().enumerate() {
        let digit = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(char::is_ascii_digit)
        };
        match c {
            '-' if digit(i.checked_sub(1)) && digit(Some(i + 1)) => out.push('至'),
            '-' => out.push('—'),
            '(' => out.push('（'),
            ')' => out.push('）'),
            ',' | '·' => out.push('，'),
            ':' => out.push('：'),
            ';' => out.push('；'),
            '?' => out.push('？'),
            '!' => out.push('！'),
            c => out.push(*c),
        }
    }
    out
}

/// The day a report's figures stand at: `today`, or 31 December of a year
/// that is over.
pub fn as_of(year: i32, today: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).map_or(today, |end| end.min(today))
}

/// The mark for an empty cell.
pub const DASH: &str = "—";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers_and_dates() {
        let got: Vec<String> = [1, 10, 11, 20, 23, 100]
            .into_iter()
            .map(chinese_number)
            .collect();
        assert_eq!(got, ["一", "十", "十一", "二十", "二十三", "100"]);
        let d = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        assert_eq!(date(Lang::Zh, d), "2026年3月4日");
        assert_eq!(date(Lang::En, d), "4 March 2026");
        assert_eq!(seed_ref(Lang::Zh, "三(二)(3)"), "三（二）（3）");
        assert_eq!(section(Lang::Zh, 2, "情况"), "二、情况");
        assert_eq!(subsection(Lang::Zh, 3, "谈话"), "（三）谈话");
        assert_eq!(full_width(Lang::Zh, "联系1-2个(含)"), "联系1至2个（含）");
        assert_eq!(full_width(Lang::En, "1-2 (a)"), "1-2 (a)");
        let end = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        assert_eq!(
            as_of(2025, NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()),
            end
        );
        assert_eq!(as_of(2026, d), d);
    }
}
