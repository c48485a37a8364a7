//! Reading an Excel workbook (.xlsx, .xls) for `import-csv`: every sheet as
//! numbered rows of text, the way a CSV would hold them. A date cell becomes
//! its Excel serial, which the import reads as a date; numbers lose a `.0`.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use crate::core::import::Row;

use super::{CsvError, Unreadable};

/// Each sheet of the workbook `bytes`, labelled `file（工作表“会议”）` for
/// messages, with its rows numbered as Excel numbers them.
pub fn sheets(path: &Path, bytes: &[u8]) -> Result<Vec<(PathBuf, Vec<Row>)>, CsvError> {
    let unreadable = || CsvError::Unreadable {
        path: path.to_path_buf(),
        why: Unreadable::Workbook,
    };
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| unreadable())?;
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|_| unreadable())?;
        let first = range.start().map_or(0, |(row, _)| row as usize);
        let lead = range.start().map_or(0, |(_, col)| col as usize);
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| Row {
                number: first + i + 1,
                cells: std::iter::repeat_n(String::new(), lead)
                    .chain(cells.iter().map(text))
                    .collect(),
            })
            .collect();
        let label = PathBuf::from(format!("{}（工作表“{name}”）", path.display()));
        out.push((label, rows));
    }
    Ok(out)
}

/// A cell as the text a CSV would hold.
fn text(cell: &Data) -> String {
    match cell {
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Bool(b) => b.to_string(),
        // The serial day; the import reads it as a date.
        Data::DateTime(d) => format!("{:.0}", d.as_f64().floor()),
        Data::Error(_) | Data::Empty => String::new(),
    }
}
