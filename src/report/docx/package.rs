//! Packing the DOCX: docx-rs stores its parts uncompressed and cannot write
//! a few things GB/T 9704 needs, so the package is rewritten here, every
//! part deflated, with those things added to the XML: the first-line indent
//! in characters (`w:firstLineChars`), the repeated table header row
//! (`w:tblHeader`), the author, and each font's fallback (`w:altName`).

use std::fmt::Write as _;
use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::super::ReportError;
use super::super::layout::{BODY_FONT, H1_FONT, H2_FONT, TITLE_FONT};
use super::body_char;

fn fail(e: &dyn std::fmt::Display) -> ReportError {
    ReportError::Docx(e.to_string())
}

/// The package `stored` rewritten deflated, with the additions above.
pub fn finish(stored: &[u8], author: &str) -> Result<Vec<u8>, ReportError> {
    let mut zip = ZipArchive::new(Cursor::new(stored)).map_err(|e| fail(&e))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| fail(&e))?;
        let name = part.name().to_string();
        if part.is_dir() {
            out.add_directory(name, options).map_err(|e| fail(&e))?;
            continue;
        }
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).map_err(|e| fail(&e))?;
        let patched = match name.as_str() {
            "word/document.xml" => Some(document(&text(&bytes)?)),
            "docProps/core.xml" => Some(core(&text(&bytes)?, author)),
            "word/fontTable.xml" => Some(font_table(&text(&bytes)?)),
            _ => None,
        };
        out.start_file(name, options).map_err(|e| fail(&e))?;
        out.write_all(patched.as_ref().map_or(&bytes[..], |p| p.as_bytes()))
            .map_err(|e| fail(&e))?;
    }
    Ok(out.finish().map_err(|e| fail(&e))?.into_inner())
}

fn text(bytes: &[u8]) -> Result<String, ReportError> {
    String::from_utf8(bytes.to_vec()).map_err(|e| fail(&e))
}

/// Body indents also in characters, and the first row of every table a
/// header row that repeats on each page. Text content cannot match these
/// patterns: its `"` and `<` are escaped.
fn document(xml: &str) -> String {
    let first = format!("w:firstLine=\"{}\"", 2 * body_char());
    let xml = xml.replace(&first, &format!("w:firstLineChars=\"200\" {first}"));
    let mut out = String::with_capacity(xml.len() + 1024);
    let mut rest = xml.as_str();
    while let Some(at) = rest.find("<w:tbl>") {
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        if let Some(tr) = tail.find("<w:trPr>") {
            let (upto, after) = tail.split_at(tr + "<w:trPr>".len());
            out.push_str(upto);
            out.push_str("<w:tblHeader />");
            rest = after;
        } else {
            out.push_str(tail);
            rest = "";
        }
    }
    out.push_str(rest);
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn core(xml: &str, author: &str) -> String {
    let who = escape(author);
    xml.replace(
        "<dc:creator>unknown</dc:creator>",
        &format!("<dc:creator>{who}</dc:creator>"),
    )
    .replace(
        "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
        &format!("<cp:lastModifiedBy>{who}</cp:lastModifiedBy>"),
    )
}

/// Declare each Chinese font with its fallback, so a machine without
/// 方正小标宋简体 or `仿宋_GB2312` sets 宋体 or 仿宋 instead of a Latin face.
fn font_table(xml: &str) -> String {
    let fonts: String = [TITLE_FONT, BODY_FONT, H1_FONT, H2_FONT]
        .iter()
        .fold(String::new(), |mut out, [name, alt]| {
            let _ = write!(
                out,
                "<w:font w:name=\"{name}\"><w:altName w:val=\"{alt}\" /><w:charset w:val=\"86\" /><w:family w:val=\"modern\" /><w:pitch w:val=\"fixed\" /></w:font>"
            );
            out
        });
    match xml.rfind("</w:fonts>") {
        Some(end) => format!("{}{fonts}{}", &xml[..end], &xml[end..]),
        None => xml.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_row_of_each_table_repeats() {
        let xml = "<w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr></w:trPr></w:tr></w:tbl><w:tbl><w:tr><w:trPr></w:trPr></w:tr></w:tbl>";
        let got = document(xml);
        assert_eq!(got.matches("<w:tblHeader />").count(), 2, "{got}");
        assert!(got.starts_with("<w:tbl><w:tr><w:trPr><w:tblHeader /><w:cantSplit />"));
    }

    #[test]
    fn indents_gain_characters() {
        let got = document("<w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"640\" />");
        assert!(
            got.contains("w:firstLineChars=\"200\" w:firstLine=\"640\""),
            "{got}"
        );
    }
}
