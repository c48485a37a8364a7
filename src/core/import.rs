//! Importing records from a spreadsheet ledger: header names become columns,
//! each row a `NewRecord`, and every row is validated before any is written
//! (all or nothing). Pure: the table comes in decoded; `today` is a parameter.

mod cells;
mod columns;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::catalogue::{Catalogue, DutyId};
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
    /// Years closed with `year close`: a row dated in one is refused here,
    /// so that `--dry-run` and the import agree.
    pub closed: &'a [i32],
}

/// The rows that passed, and what the person importing should be told.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checked {
    /// Each good row's number and its record.
    pub inputs: Vec<(usize, NewRecord)>,
    /// Rows dated after today (accepted, but worth a second look).
    pub future: Vec<usize>,
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
    /// Dated in a year closed with `year close`.
    YearClosed(i32),
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

/// Head-count columns of a sheet, redundant beside a list of attendees.
const HEAD_COUNTS: [&str; 4] = ["应到人数", "实到人数", "应到", "实到"];

/// How far down a sheet the header row may sit (below title rows).
pub const HEADER_SEARCH: usize = 10;

/// The header row of a sheet whose first rows may be titles
/// (`XX党支部2024年会议台账`): the first of the leading rows that names the
/// required columns, with its position in `rows`. When none does, the error
/// is that of the first non-blank row.
pub fn find_header(rows: &[Row]) -> Result<(usize, Columns), HeaderError> {
    let mut first_error = None;
    for (i, row) in rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.cells.iter().any(|c| !c.trim().is_empty()))
        .take(HEADER_SEARCH)
    {
        match Columns::from_header(&row.cells) {
            Ok(columns) => return Ok((i, columns)),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or(HeaderError::Missing(Column::REQUIRED.to_vec())))
}

/// Turn every row into a `NewRecord` that validates; either all of them or
/// one error per bad row. Blank rows are skipped.
pub fn validate_rows(
    columns: &Columns,
    rows: &[Row],
    against: &Against<'_>,
) -> Result<Vec<NewRecord>, Vec<RowError>> {
    check_rows(columns, rows, against).map(|c| c.inputs.into_iter().map(|(_, r)| r).collect())
}

/// `validate_rows`, keeping each row's number and noting future dates.
pub fn check_rows(
    columns: &Columns,
    rows: &[Row],
    against: &Against<'_>,
) -> Result<Checked, Vec<RowError>> {
    let mut seen: HashMap<Key, RecordId> = HashMap::new();
    if !against.allow_duplicates {
        for r in against.existing {
            seen.entry(key_of_record(r)).or_insert(r.id);
        }
    }
    let mut from_file: HashMap<Key, usize> = HashMap::new();
    let mut good = Vec::new();
    let mut bad = Vec::new();
    let mut future = Vec::new();
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
        let year = draft.date.year();
        if against.closed.contains(&year) {
            bad.push(fail(
                columns.index(Column::Date),
                RowProblem::YearClosed(year),
            ));
            continue;
        }
        if draft.date > against.today {
            future.push(row.number);
        }
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
        good.push((row.number, input));
    }
    if bad.is_empty() {
        Ok(Checked {
            inputs: good,
            future,
        })
    } else {
        Err(bad)
    }
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
    let date = cells::date(&cell(Column::Date), today)?;
    let kind_cell = cell(Column::Kind);
    let kind = if kind_cell.trim().is_empty() {
        None
    } else {
        Some(RecordKind::parse(&kind_cell).ok_or_else(|| {
            ValidationError::new(Field::Kind, Problem::UnknownKind(kind_cell.trim().into()))
        })?)
    };
    let absentees = cells::absences(&cell(Column::Absentees))?;
    let duties_cell = cell(Column::Duties);
    let duties = match duties_cell.trim() {
        "" => None,
        s if NO_DUTIES.iter().any(|w| w.eq_ignore_ascii_case(s)) => Some(Vec::new()),
        s => Some(cells::duty_items(against.catalogue, s)),
    };
    let host = cell(Column::Host);
    // Group words (全体党员 …) mean the people on the roster of the record's
    // date, not today's.
    let roster_then = against.roster.as_of(date);
    let attendees = cells::names(&cell(Column::Attendees), &roster_then);
    // 应到/实到 only say something the attendee list does not when it is empty.
    let extras: Vec<(&str, &str)> = columns
        .extra
        .iter()
        .filter_map(|i| {
            Some((
                columns.header.get(*i)?.as_str(),
                row.cells.get(*i)?.as_str(),
            ))
        })
        .filter(|(h, _)| attendees.is_empty() || !HEAD_COUNTS.contains(&h.trim()))
        .collect();
    Ok(NewRecord {
        kind,
        date: Some(date),
        topic: cell(Column::Topic),
        host: (!host.trim().is_empty()).then(|| host.trim().to_string()),
        attendees,
        absentees,
        partners: cells::names(&cell(Column::Partners), &roster_then),
        duties,
        notes: cells::notes(&cell(Column::Notes), &extras),
        evidence: cell(Column::Evidence)
            .split(['、', ';', '；', '\n'])
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_string)
            .collect(),
        covers: cells::year(&cell(Column::Covers))?,
        // `validate_rows` checks repeats itself (`--allow-duplicates`), and
        // a spreadsheet's dates are the ones it was kept with.
        confirmed: crate::core::Confirmations::ALL,
    })
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
