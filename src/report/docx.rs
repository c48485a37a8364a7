//! DOCX rendering through docx-rs: A4 pages, 宋体 body and 黑体 headings set
//! as East Asian fonts (so Word and WPS pick them), bordered tables whose rows
//! never split across pages, and headings kept with what follows.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, PageMargin, Paragraph, Run, RunFonts, Style, StyleType, Table as DTable,
    TableCell, TableRow, WidthType,
};

use crate::core::text::inert_line;
use crate::i18n::Lang;

use super::ReportError;
use super::model::{Block, Report, Table};

/// A4 in twentieths of a point.
const A4: (u32, u32) = (11_906, 16_838);
/// Left and right margins (3.17 cm), top and bottom (2.54 cm).
const SIDE: i32 = 1_800;
const TOP: i32 = 1_440;
const BODY_FONT: &str = "宋体";
const HEAD_FONT: &str = "黑体";
const LATIN_FONT: &str = "Times New Roman";
/// Sizes in half-points: 小二, 四号, 小四, 五号.
const TITLE_SIZE: usize = 36;
const H1_SIZE: usize = 28;
const BODY_SIZE: usize = 24;
const TABLE_SIZE: usize = 21;

/// Writes runs in the report's language. In Chinese the `eastAsia` hint makes
/// Word and WPS set “” and other shared punctuation in the Chinese font.
#[derive(Clone, Copy)]
struct Pen {
    zh: bool,
}

impl Pen {
    fn fonts(self, east_asia: &str) -> RunFonts {
        let f = RunFonts::new()
            .east_asia(east_asia)
            .ascii(LATIN_FONT)
            .hi_ansi(LATIN_FONT)
            .cs(LATIN_FONT);
        if self.zh { f.hint("eastAsia") } else { f }
    }

    fn run(self, text: &str) -> Run {
        Run::new()
            .add_text(inert_line(text))
            .fonts(self.fonts(BODY_FONT))
    }

    fn head_run(self, text: &str) -> Run {
        Run::new()
            .add_text(inert_line(text))
            .fonts(self.fonts(HEAD_FONT))
    }

    /// A body paragraph; Chinese body text is indented two characters.
    fn body(self, run: Run) -> Paragraph {
        let p = Paragraph::new().add_run(run);
        if self.zh { p.first_line_chars(200) } else { p }
    }

    fn heading(self, style: &str, text: &str) -> Paragraph {
        Paragraph::new()
            .style(style)
            .keep_next(true)
            .keep_lines(true)
            .add_run(self.head_run(text))
    }

    fn styles(self, docx: Docx) -> Docx {
        let heading = |id: &str, name: &str, size: usize, level: usize| {
            Style::new(id, StyleType::Paragraph)
                .name(name)
                .based_on("Normal")
                .next("Normal")
                .fonts(self.fonts(HEAD_FONT))
                .size(size)
                .outline_lvl(level)
                .q_format(true)
        };
        docx.add_style(heading("Title", "Title", TITLE_SIZE, 0).align(AlignmentType::Center))
            .add_style(heading("Heading1", "heading 1", H1_SIZE, 0))
            .add_style(heading("Heading2", "heading 2", BODY_SIZE, 1))
    }

    fn table(self, t: &Table) -> DTable {
        let widths = grid(t);
        let cell = |text: &str, width: usize, head: bool| {
            let r = if head {
                self.head_run(text)
            } else {
                self.run(text)
            };
            TableCell::new()
                .width(width, WidthType::Dxa)
                .add_paragraph(Paragraph::new().add_run(r.size(TABLE_SIZE)))
        };
        let row = |cells: &[String], head: bool| {
            TableRow::new(
                cells
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| cell(c, *w, head))
                    .collect(),
            )
            .cant_split()
        };
        let mut rows = vec![row(&t.header, true)];
        rows.extend(t.rows.iter().map(|r| row(r, false)));
        DTable::new(rows)
            .set_grid(widths.clone())
            .width(widths.iter().sum(), WidthType::Dxa)
    }

    fn block(self, docx: Docx, b: &Block) -> Docx {
        match b {
            Block::Subheading(t) => docx.add_paragraph(self.heading("Heading2", t)),
            Block::Paragraph(t) => docx.add_paragraph(self.body(self.run(t))),
            Block::Plain(t) => docx.add_paragraph(Paragraph::new().add_run(self.run(t))),
            Block::Placeholder(t) => docx.add_paragraph(self.body(self.run(t).highlight("yellow"))),
            Block::Table(t) => docx.add_table(self.table(t)),
        }
    }
}

/// Column widths in twips, shared out by the longest text in each column.
fn grid(t: &Table) -> Vec<usize> {
    let text_width = usize::try_from(A4.0).unwrap_or(0) - 2 * usize::try_from(SIDE).unwrap_or(0);
    let weights: Vec<usize> = (0..t.header.len())
        .map(|i| {
            std::iter::once(&t.header)
                .chain(&t.rows)
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(1)
                .clamp(3, 24)
        })
        .collect();
    let total: usize = weights.iter().sum::<usize>().max(1);
    weights.iter().map(|w| text_width * w / total).collect()
}

pub fn to_docx(r: &Report) -> Result<Vec<u8>, ReportError> {
    let pen = Pen {
        zh: r.lang == Lang::Zh,
    };
    let stamp = format!("{}T00:00:00Z", r.date.format("%Y-%m-%d"));
    let mut docx = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin {
            top: TOP,
            bottom: TOP,
            left: SIDE,
            right: SIDE,
            header: 851,
            footer: 992,
            gutter: 0,
        })
        .default_fonts(pen.fonts(BODY_FONT))
        .default_size(BODY_SIZE)
        .created_at(&stamp)
        .updated_at(&stamp);
    docx = pen
        .styles(docx)
        .add_paragraph(pen.heading("Title", &r.title));
    for b in &r.opening {
        docx = pen.block(docx, b);
    }
    for s in &r.sections {
        docx = docx.add_paragraph(pen.heading("Heading1", &s.heading));
        for b in &s.blocks {
            docx = pen.block(docx, b);
        }
    }
    for c in &r.closing {
        docx = docx.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Right)
                .add_run(pen.run(c)),
        );
    }
    let mut buf = Cursor::new(Vec::new());
    docx.pack(&mut buf)
        .map_err(|e| ReportError::Docx(e.to_string()))?;
    Ok(buf.into_inner())
}
