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

/// The mark for an empty cell.
pub const DASH: &str = "—";

/// "N in all" for a dated list: `共3次。` / `3 in all.`
pub fn in_all(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("共{n}次。"),
        Lang::En => format!("{n} in all."),
    }
}

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
    }
}
