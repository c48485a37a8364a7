//! Reading the cells of a real sheet: dates as typed or as Excel serials,
//! names separated by commas, 、 or spaces with 全体党员/全体支委/全体班子成员
//! expanded from the roster, absences with their reasons, duties by id or by
//! 条目 and title, and the cells of extra columns kept as notes.

use chrono::{Days, NaiveDate};

use super::super::catalogue::Catalogue;
use super::super::date::parse_date;
use super::super::error::{Field, Problem, ValidationError};
use super::super::roster::{Person, Roster};
use super::super::rule::RoleScope;
use super::resolve_duty;

/// Day 0 of Excel's 1900 date system (its serials count from here, the
/// fictitious 29 February 1900 included).
fn excel_epoch() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1899, 12, 30)
}

/// Serials between these are dates from 1954 to 2119; a bare number outside
/// them is not taken for a date.
const SERIALS: std::ops::RangeInclusive<u64> = 20_000..=80_000;

/// A date cell: an Excel serial (`45405`, `45405.0`), a date with a time
/// (`2026/3/14 0:00`), or anything `parse_date` reads.
pub fn date(cell: &str, today: NaiveDate) -> Result<NaiveDate, ValidationError> {
    let cell = cell.trim();
    let whole = cell.strip_suffix(".0").unwrap_or(cell);
    if let Ok(n) = whole.parse::<u64>()
        && SERIALS.contains(&n)
        && let Some(d) = excel_epoch().and_then(|e| e.checked_add_days(Days::new(n)))
    {
        return Ok(d);
    }
    parse_date(date_part(cell), today).map_err(|p| ValidationError::new(Field::Date, p))
}

/// A spreadsheet may write a date with a time (`2026/3/14 0:00`); keep the date.
fn date_part(cell: &str) -> &str {
    match cell.split_once(char::is_whitespace) {
        Some((day, time)) if time.contains(':') => day,
        _ => cell,
    }
}

/// The group words a sheet uses for "everyone in …", and who they are.
const GROUPS: [(&str, RoleScope); 7] = [
    ("全体党员", RoleScope::Members),
    ("全体人员", RoleScope::Members),
    ("全体支委", RoleScope::Committee),
    ("全体支委会成员", RoleScope::Committee),
    ("全体委员", RoleScope::Committee),
    ("全体班子成员", RoleScope::Leadership),
    ("全体领导班子成员", RoleScope::Leadership),
];

/// 所属年度: empty is the year of the date; else a year, with or without 年.
pub fn year(cell: &str) -> Result<Option<i32>, ValidationError> {
    let s = cell.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.trim_end_matches(['年', '度'])
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1000..=9999).contains(y))
        .map(Some)
        .ok_or_else(|| ValidationError::new(Field::Covers, Problem::NotAYear(s.to_string())))
}

/// Names typed as `A,B` / `A，B` / `A、B` / `A B` / `A;B`, empty items
/// dropped, a group word replaced by the active people it means, each name
/// once.
pub fn names(cell: &str, roster: &Roster) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in cell
        .split([',', '，', '、', ';', '；', '\n', ' ', '　', '\t'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let group = GROUPS
            .iter()
            .find(|(word, _)| *word == item)
            .map(|(_, scope)| *scope);
        let found: Vec<String> = match group {
            Some(scope) => roster
                .active()
                .filter(|p| p.in_scope(scope))
                .map(|p: &Person| p.name.clone())
                .collect(),
            None => vec![item.to_string()],
        };
        for name in found {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// Absences typed as `李四（出差）、王五：病假`, one item each.
pub fn absences(cell: &str) -> Result<Vec<(String, String)>, ValidationError> {
    cell.split([',', '，', '、', ';', '；', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(absence)
        .collect()
}

/// `李四（出差）`, `李四(出差)`, `李四:出差` or `李四`.
fn absence(item: &str) -> Result<(String, String), ValidationError> {
    let (name, reason) = if let Some((name, rest)) = item.split_once(['（', '(']) {
        (name, rest.trim_end_matches([')', '）']))
    } else if let Some((name, reason)) = item.split_once([':', '：']) {
        (name, reason)
    } else {
        (item, "")
    };
    if name.trim().is_empty() {
        return Err(ValidationError::new(
            Field::Absentees,
            Problem::UnknownPerson(item.to_string()),
        ));
    }
    Ok((name.trim().to_string(), reason.trim().to_string()))
}

/// The duties a cell names, each as an id when it resolves; an item that
/// does not is split at spaces (ids typed `b7 b8`) and otherwise kept as
/// typed, for validation to name.
pub fn duty_items(catalogue: &Catalogue, cell: &str) -> Vec<String> {
    let mut out = Vec::new();
    for item in cell
        .split([',', '，', '、', ';', '；', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if let Some(id) = resolve_duty(catalogue, item) {
            out.push(id.0);
            continue;
        }
        for word in item.split_whitespace() {
            out.push(resolve_duty(catalogue, word).map_or_else(|| word.to_string(), |id| id.0));
        }
    }
    out
}

/// The notes cell with the extra columns' cells after it: `备注；应到人数：12；
/// 记录人：张三`.
pub fn notes(notes: &str, extras: &[(&str, &str)]) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !notes.trim().is_empty() {
        parts.push(notes.trim().to_string());
    }
    for (header, value) in extras {
        if !value.trim().is_empty() {
            parts.push(format!("{}：{}", header.trim(), value.trim()));
        }
    }
    parts.join("；")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::roster::{NewPerson, Role};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn excel_serials_and_times_are_dates() {
        let today = day(2026, 3, 20);
        assert_eq!(date("45405", today).unwrap(), day(2024, 4, 23));
        assert_eq!(date("45405.0", today).unwrap(), day(2024, 4, 23));
        assert_eq!(date("2026/3/14 0:00", today).unwrap(), day(2026, 3, 14));
        assert_eq!(date("3-14", today).unwrap(), day(2026, 3, 14));
        assert!(date("12345", today).is_err(), "not a plausible serial");
    }

    #[test]
    fn names_split_on_spaces_and_groups_expand() {
        let mut roster = Roster::default();
        for (i, (name, role)) in [
            ("张三", Role::Secretary),
            ("李四", Role::Leader),
            ("王五", Role::Member),
        ]
        .into_iter()
        .enumerate()
        {
            let p = NewPerson {
                name: name.into(),
                roles: vec![role.zh().into()],
                ..NewPerson::default()
            };
            let id = crate::core::PersonId(u32::try_from(i).unwrap() + 1);
            let person = p.validate(id, &roster).unwrap();
            roster = Roster::new([roster.people, vec![person]].concat());
        }
        assert_eq!(names("张三 李四，王五", &roster), ["张三", "李四", "王五"]);
        assert_eq!(names("全体党员", &roster), ["张三", "李四", "王五"]);
        assert_eq!(
            names("全体班子成员、王五", &roster),
            ["张三", "李四", "王五"]
        );
        assert_eq!(
            names("王五　全体班子成员", &roster),
            ["王五", "张三", "李四"]
        );
    }

    #[test]
    fn extras_follow_the_notes() {
        assert_eq!(
            notes("补学", &[("应到人数", "12"), ("记录人", " ")]),
            "补学；应到人数：12"
        );
        assert_eq!(notes("", &[("记录人", "张三")]), "记录人：张三");
    }
}
