//! Importing records from a spreadsheet ledger: header names become columns,
//! each row a `NewRecord`, and every row is validated before any is written
//! (all or nothing). Pure: the table comes in decoded; `today` is a parameter.

mod columns;

use std::collections::HashMap;

use chrono::NaiveDate;

use super::catalogue::{Catalogue, DutyId};
use super::date::parse_date;
use super::error::{Field, Problem, ValidationError};
use super::record::{NewRecord, Record, RecordDraft, RecordId, RecordKind};
use super::roster::{PersonId, Roster};

pub use columns::{Column, Columns, HeaderError, letter};

/// What the rows are checked against.
#[derive(Debug, Clone, Copy)]
pub struct Against<'a> {
    pub catalogue: &'a Catalogue,
    pub roster: &'a Roster,
    /// Records already in the ledger, for the duplicate check.
    pub existing: &'a [Record],
    pub today: NaiveDate,
    /// Accept a row that repeats an existing record or an earlier row.
    pub allow_duplicates: bool,
}

/// One data row as read from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row number a spreadsheet shows (the header is row 1).
    pub number: usize,
    pub cells: Vec<String>,
}

/// Why one row cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    Invalid(ValidationError),
    /// Same date, kind, topic and host as a record already in the ledger.
    SameAsRecord(RecordId),
    /// Same date, kind, topic and host as an earlier row of the file.
    SameAsRow(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub row: usize,
    /// The 0-based column at fault, when one is.
    pub column: Option<usize>,
    pub problem: RowProblem,
}

/// Words that mark a duties cell as "counts toward nothing" (an empty cell
/// means "what the kind counts toward").
pub const NO_DUTIES: [&str; 5] = ["无", "none", "-", "—", "／"];

/// Turn every row into a `NewRecord` that validates; either all of them or
/// one error per bad row. Blank rows are skipped.
pub fn validate_rows(
    columns: &Columns,
    rows: &[Row],
    against: &Against<'_>,
) -> Result<Vec<NewRecord>, Vec<RowError>> {
    let mut seen: HashMap<Key, RecordId> = HashMap::new();
    if !against.allow_duplicates {
        for r in against.existing {
            seen.entry(key_of_record(r)).or_insert(r.id);
        }
    }
    let mut from_file: HashMap<Key, usize> = HashMap::new();
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for row in rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let fail = |column: Option<usize>, problem: RowProblem| RowError {
            row: row.number,
            column,
            problem,
        };
        let input = match new_record(columns, row, against) {
            Ok(input) => input,
            Err(e) => {
                bad.push(fail(columns.index_of(e.field), RowProblem::Invalid(e)));
                continue;
            }
        };
        let draft = match input.validate(against.catalogue, against.roster) {
            Ok(draft) => draft,
            Err(e) => {
                bad.push(fail(columns.index_of(e.field), RowProblem::Invalid(e)));
                continue;
            }
        };
        if !against.allow_duplicates {
            let key = key_of_draft(&draft);
            if let Some(id) = seen.get(&key) {
                bad.push(fail(None, RowProblem::SameAsRecord(*id)));
                continue;
            }
            if let Some(first) = from_file.get(&key) {
                bad.push(fail(None, RowProblem::SameAsRow(*first)));
                continue;
            }
            from_file.insert(key, row.number);
        }
        good.push(input);
    }
    if bad.is_empty() { Ok(good) } else { Err(bad) }
}

/// What makes two records "the same": date, kind, topic and host; for talks,
/// whose topic is often empty, the partners too.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    date: NaiveDate,
    kind: RecordKind,
    topic: String,
    host: Option<PersonId>,
    partners: Vec<PersonId>,
}

fn key_of_record(r: &Record) -> Key {
    key(r.date, r.kind, &r.topic, r.host, &r.partners)
}

fn key_of_draft(d: &RecordDraft) -> Key {
    key(d.date, d.kind, &d.topic, d.host, &d.partners)
}

fn key(
    date: NaiveDate,
    kind: RecordKind,
    topic: &str,
    host: Option<PersonId>,
    partners: &[PersonId],
) -> Key {
    let mut partners = if kind.is_talk() {
        partners.to_vec()
    } else {
        Vec::new()
    };
    partners.sort_unstable();
    Key {
        date,
        kind,
        topic: topic.trim().to_string(),
        host,
        partners,
    }
}

/// One row as raw input. Only the date, the kind and the absence syntax are
/// checked here; everything else by `NewRecord::validate`.
fn new_record(
    columns: &Columns,
    row: &Row,
    against: &Against<'_>,
) -> Result<NewRecord, ValidationError> {
    let today = against.today;
    let cell = |c: Column| -> String {
        columns
            .index(c)
            .and_then(|i| row.cells.get(i))
            .map(|s| plain(s))
            .unwrap_or_default()
    };
    let date_cell = cell(Column::Date);
    let date = parse_date(date_part(&date_cell), today)
        .map_err(|p| ValidationError::new(Field::Date, p))?;
    let kind_cell = cell(Column::Kind);
    let kind = if kind_cell.trim().is_empty() {
        None
    } else {
        Some(RecordKind::parse(&kind_cell).ok_or_else(|| {
            ValidationError::new(Field::Kind, Problem::UnknownKind(kind_cell.trim().into()))
        })?)
    };
    let absentees = split_list(&cell(Column::Absentees))
        .iter()
        .map(|item| absence(item))
        .collect::<Result<Vec<_>, _>>()?;
    let duties_cell = cell(Column::Duties);
    let duties = match duties_cell.trim() {
        "" => None,
        s if NO_DUTIES.iter().any(|w| w.eq_ignore_ascii_case(s)) => Some(Vec::new()),
        s => Some(duty_items(against.catalogue, s)),
    };
    let host = cell(Column::Host);
    Ok(NewRecord {
        kind,
        date: Some(date),
        topic: cell(Column::Topic),
        host: (!host.trim().is_empty()).then(|| host.trim().to_string()),
        attendees: split_list(&cell(Column::Attendees)),
        absentees,
        partners: split_list(&cell(Column::Partners)),
        duties,
        notes: cell(Column::Notes).trim().to_string(),
        evidence: cell(Column::Evidence)
            .split(['、', ';', '；', '\n'])
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_string)
            .collect(),
    })
}

/// The duties a cell names, each as an id when it resolves; an item that
/// does not is split at spaces (ids typed `b7 b8`) and otherwise kept as
/// typed, for validation to name.
fn duty_items(catalogue: &Catalogue, cell: &str) -> Vec<String> {
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

/// A spreadsheet may write a date with a time (`2026/3/14 0:00`); keep the date.
fn date_part(cell: &str) -> &str {
    let cell = cell.trim();
    match cell.split_once(char::is_whitespace) {
        Some((day, time)) if time.contains(':') => day,
        _ => cell,
    }
}

/// Names typed as `A,B` / `A，B` / `A、B` / `A;B`, empty items dropped.
fn split_list(cell: &str) -> Vec<String> {
    cell.split([',', '，', '、', ';', '；', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// `李四（出差）`, `李四(出差)`, `李四:出差` or `李四`.
fn absence(item: &str) -> Result<(String, String), ValidationError> {
    let item = item.trim();
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

/// A duty as a person names it: its id (`b7`), its 条目 and title as the
/// exports write them (`三（一）（2）专题研究全面从严治党`, `三(一)(2) Title`), or
/// its title alone. Brackets may be full-width or ASCII.
pub fn resolve_duty(catalogue: &Catalogue, item: &str) -> Option<DutyId> {
    let item = item.trim();
    if let Some(d) = catalogue.duties.iter().find(|d| d.id.as_str() == item) {
        return Some(d.id.clone());
    }
    let norm: String = item
        .chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect();
    let titled = |d: &&super::catalogue::Duty, rest: &str| {
        let rest = rest.trim();
        rest == d.title || rest.eq_ignore_ascii_case(&d.title_en)
    };
    let by_ref = catalogue.duties.iter().find(|d| {
        norm.strip_prefix(d.seed_ref.as_str())
            .is_some_and(|rest| titled(d, rest))
    });
    let by_title = || catalogue.duties.iter().find(|d| titled(d, &norm));
    let by_ref_alone = || {
        catalogue
            .duties
            .iter()
            .find(|d| d.parent.is_none() && d.seed_ref == norm)
    };
    by_ref
        .or_else(by_title)
        .or_else(by_ref_alone)
        .map(|d| d.id.clone())
}

/// Undo the export's formula guard: a cell written as `'=…` reads as `=…`.
pub fn plain(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// Leading characters a spreadsheet may run as a formula.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell a spreadsheet will show as typed, never run: formula-like text gets
/// a leading `'`.
pub fn guard(cell: &str) -> String {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests;
