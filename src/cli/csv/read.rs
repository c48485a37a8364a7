//! Reading a spreadsheet saved as CSV: the encoding is detected (UTF-8 with or
//! without a BOM, else GB18030/GBK as Chinese Excel writes it) and the table
//! split into a header and numbered rows.

use std::path::Path;

use encoding_rs::GB18030;

use crate::core::import::Row;

use super::CsvError;

/// Why a file is not text we can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// An Excel workbook (.xlsx or .xls), not a CSV.
    Workbook,
    /// UTF-16 ("Unicode text"), which Excel writes with tabs.
    Utf16,
    /// Neither UTF-8 nor GB18030, or binary.
    Encoding,
}

/// The text encodings `decode` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Gb18030,
}

/// Strict UTF-8 first (a BOM dropped), else GB18030, else a refusal.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), Unreadable> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Unreadable::Workbook);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Unreadable::Utf16);
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, encoding) = match std::str::from_utf8(body) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => (
            GB18030
                .decode_without_bom_handling_and_without_replacement(body)
                .ok_or(Unreadable::Encoding)?
                .into_owned(),
            Encoding::Gb18030,
        ),
    };
    if text.contains('\0') {
        return Err(Unreadable::Encoding);
    }
    Ok((text, encoding))
}

/// The header and the data rows, numbered as a spreadsheet numbers them.
#[cfg(test)]
fn table(path: &Path, text: &str) -> Result<(Vec<String>, Vec<Row>), CsvError> {
    let mut rows = rows(path, text)?.into_iter();
    let header = rows.next().ok_or_else(|| CsvError::NoHeader {
        path: path.to_path_buf(),
    })?;
    Ok((header.cells, rows.collect()))
}

/// Every row, numbered as a spreadsheet numbers them (from 1).
/// Comma-separated, or tab-separated when the first line has tabs and no comma.
pub fn rows(path: &Path, text: &str) -> Result<Vec<Row>, CsvError> {
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.contains('\t') && !first.contains(',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| CsvError::Syntax {
            path: path.to_path_buf(),
            line: e.position().map_or(0, ::csv::Position::line),
            message: e.to_string(),
        })?;
        rows.push(Row {
            number: i + 1,
            cells: record.iter().map(str::to_string).collect(),
        });
    }
    if rows.is_empty() {
        return Err(CsvError::NoHeader {
            path: path.to_path_buf(),
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_encoding() {
        let text = "日期,类型\r\n3-14,支委会\r\n";
        let (gbk, _, bad) = encoding_rs::GBK.encode(text);
        assert!(!bad);
        assert_eq!(decode(&gbk).unwrap(), (text.to_string(), Encoding::Gb18030));
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode(&bom).unwrap(), (text.to_string(), Encoding::Utf8));
        assert_eq!(decode(b"PK\x03\x04rest"), Err(Unreadable::Workbook));
        assert_eq!(decode(&[0xFF, 0xFE, b'a', 0]), Err(Unreadable::Utf16));
        assert_eq!(decode(&[0x81, 0x20, 0xFF]), Err(Unreadable::Encoding));
    }

    #[test]
    fn rows_are_numbered_like_a_spreadsheet() {
        let (header, rows) =
            table(Path::new("x.csv"), "a,b\r\n1,\"two\nlines\"\r\n3,4\r\n").unwrap();
        assert_eq!(header, ["a", "b"]);
        assert_eq!(rows[1].number, 3);
        assert_eq!(rows[0].cells[1], "two\nlines");
        let (header, _) = table(Path::new("x.csv"), "日期\t类型\n").unwrap();
        assert_eq!(header, ["日期", "类型"]);
    }
}
