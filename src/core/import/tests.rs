//! Row validation: blank rows, duties cells, duplicates, and errors that
//! name the row and column.

use super::*;
use crate::core::roster::{Person, Role};

#[test]
fn guard_and_plain_round_trip() {
    for s in ["=SUM(A1)", "+1", "-3 号文件", "@x", "plain", "'quoted", ""] {
        assert_eq!(plain(&guard(s)), s, "{s}");
    }
    assert_eq!(guard("=1+1"), "'=1+1");
    assert_eq!(guard("a=1"), "a=1");
}

#[test]
fn absences_take_every_spelling() {
    for (raw, want) in [
        ("李四（出差）", ("李四", "出差")),
        ("李四(出差)", ("李四", "出差")),
        ("李四:出差", ("李四", "出差")),
        ("Li (travel)", ("Li", "travel")),
        ("李四", ("李四", "")),
    ] {
        let got = cells::absences(raw).unwrap();
        let (n, r) = &got[0];
        assert_eq!((n.as_str(), r.as_str()), want, "{raw}");
    }
    assert!(cells::absences("（病假）").is_err());
}

fn roster() -> Roster {
    let person = |id: u32, name: &str, roles: Vec<Role>| Person {
        id: PersonId(id),
        name: name.into(),
        roles,
        dept: None,
        oversees: Vec::new(),
        links: Vec::new(),
        retired: false,
        unix_user: None,
        history: crate::core::roster::History::default(),
    };
    Roster::new(vec![
        person(1, "张三", vec![Role::Secretary]),
        person(2, "李四", vec![Role::Leader]),
        person(3, "王五", vec![Role::Member]),
    ])
}

fn rows(lines: &[&str]) -> Vec<Row> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| Row {
            number: i + 2,
            cells: l.split('|').map(str::to_string).collect(),
        })
        .collect()
}

fn run(lines: &[&str], existing: &[Record], allow: bool) -> Result<Vec<NewRecord>, Vec<RowError>> {
    let header: Vec<String> = ["日期", "类型", "主题", "主持人", "谈话对象", "计入职责"]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
    let columns = Columns::from_header(&header).unwrap();
    let catalogue = Catalogue::embedded();
    let roster = roster();
    let against = Against {
        catalogue: &catalogue,
        roster: &roster,
        existing,
        today: NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
        allow_duplicates: allow,
        closed: &[2025],
    };
    validate_rows(&columns, &rows(lines), &against)
}

#[test]
fn blank_rows_are_skipped_and_duties_cells_read_three_ways() {
    let got = run(
        &[
            "3-2|支委会|一|张三||",
            "|||||",
            "3-3|支委会|二|张三||无",
            "3-4|支委会|三|张三||b2、b3",
        ],
        &[],
        false,
    )
    .unwrap();
    assert_eq!(got.len(), 3);
    assert_eq!(got[0].duties, None);
    assert_eq!(got[1].duties, Some(Vec::new()));
    assert_eq!(
        got[2].duties,
        Some(vec!["b2".to_string(), "b3".to_string()])
    );
}

#[test]
fn duplicates_are_refused_unless_allowed() {
    let lines = ["3-2|支委会|一|张三||", "3-2|支委会|一|张三||"];
    let errs = run(&lines, &[], false).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(
        (errs[0].row, &errs[0].problem),
        (3, &RowProblem::SameAsRow(2))
    );
    assert_eq!(run(&lines, &[], true).unwrap().len(), 2);
    // Talks on one day by one host with different partners are not repeats.
    let talks = ["3-2|谈心谈话||张三|李四|", "3-2|谈心谈话||张三|王五|"];
    assert_eq!(run(&talks, &[], false).unwrap().len(), 2);
    let draft = run(&lines[..1], &[], false).unwrap()[0]
        .validate(&Catalogue::embedded(), &roster())
        .unwrap();
    let noon = NaiveDate::from_ymd_opt(2026, 3, 2)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    let old = draft.into_record(RecordId(9), "x".into(), noon);
    let errs = run(&lines[..1], &[old], false).unwrap_err();
    assert_eq!(errs[0].problem, RowProblem::SameAsRecord(RecordId(9)));
}

#[test]
fn every_bad_row_is_reported_with_its_column() {
    let errs = run(
        &[
            "3-2|支委会|一|赵六||",
            "3-2|支委会|一|张三||",
            "2-30|党课|二|张三||",
            "3-3|会餐|三|张三||",
        ],
        &[],
        false,
    )
    .unwrap_err();
    let got: Vec<(usize, Option<usize>)> = errs.iter().map(|e| (e.row, e.column)).collect();
    assert_eq!(got, [(2, Some(3)), (4, Some(0)), (5, Some(1))]);
}

#[test]
fn a_time_after_the_date_is_dropped() {
    let today = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
    assert_eq!(cells::date("2026/3/14 0:00", today).unwrap(), day);
    assert_eq!(cells::date(" 2026-03-14 ", today).unwrap(), day);
    assert_eq!(cells::date("3月 14日", today).unwrap(), day);
}

#[test]
fn a_closed_year_is_refused_at_the_date_and_a_future_date_noted() {
    let errs = run(&["2025-12-30|支委会|年末|张三||"], &[], false).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!((errs[0].row, errs[0].column), (2, Some(0)));
    assert_eq!(errs[0].problem, RowProblem::YearClosed(2025));
}
