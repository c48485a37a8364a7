//! DOCX rendering in GB/T 9704 layout through docx-rs: A4 with margins
//! 37/35/28/26 mm and a 22 × 28 line grid, the title in 小标宋 二号, body in
//! 仿宋 三号 with a two-character first-line indent, 黑体 and 楷体 headings,
//! 落款 右空四字, page numbers "— N —" in the footer, and annexes on their
//! own pages with fixed-width tables whose header row repeats. What docx-rs
//! cannot write is added by `package` when the file is packed.

mod package;

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, DocGrid, DocGridType, Docx, Footer, LineSpacing, LineSpacingType,
    PageMargin, Paragraph, Run, RunFonts, SpecialIndentType, Style, StyleType, Table as DTable,
    TableCell, TableLayoutType, TableRow, VAlignType, WidthType,
};

use crate::core::text::inert_line;
use crate::i18n::Lang;

use super::ReportError;
use super::layout::{
    A4_MM, BODY_FONT, BODY_PT, H1_FONT, H2_FONT, LATIN_FONT, MARGIN_MM, PAGE_NO_PT, TABLE_PT,
    TITLE_FONT, TITLE_PT, char_spacing, column_ems, line_pitch, text_width_mm, twips,
};
use super::model::{Block, Report, Table};

/// Half-points, as `w:sz` counts them.
fn half_points(pt: f64) -> usize {
    // Font sizes: small positive numbers.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let hp = (pt * 2.0).round() as usize;
    hp
}

/// One body character in twips (三号 = 16 pt = 320 twips).
fn body_char() -> i32 {
    twips(BODY_PT * 25.4 / 72.0)
}

/// Writes runs and paragraphs in the report's language. In Chinese the
/// `eastAsia` hint makes Word and WPS set “” and other shared punctuation in
/// the Chinese font.
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
            .fonts(self.fonts(BODY_FONT[0]))
    }

    /// Two characters of first-line indent (`w:firstLineChars="200"` is
    /// added when packing; `firstLine` is the same in twips for old readers).
    fn indented(self, p: Paragraph) -> Paragraph {
        if self.zh {
            p.indent(
                None,
                Some(SpecialIndentType::FirstLine(2 * body_char())),
                None,
                None,
            )
        } else {
            p
        }
    }

    fn styles(self, docx: Docx) -> Docx {
        let style = |id: &str, name: &str, font: &str, size: f64| {
            Style::new(id, StyleType::Paragraph)
                .name(name)
                .based_on("Normal")
                .next("Normal")
                .fonts(self.fonts(font))
                .size(half_points(size))
                .q_format(true)
        };
        let exact = LineSpacing::new()
            .line(line_pitch())
            .line_rule(LineSpacingType::Exact);
        docx.add_style(
            style("Title", "Title", TITLE_FONT[0], TITLE_PT)
                .align(AlignmentType::Center)
                .snap_to_grid(false)
                .line_spacing(
                    LineSpacing::new()
                        .line(twips(TITLE_PT * 1.5 * 25.4 / 72.0))
                        .line_rule(LineSpacingType::Exact),
                ),
        )
        .add_style(
            style("Heading1", "heading 1", H1_FONT[0], BODY_PT)
                .outline_lvl(0)
                .line_spacing(exact.clone()),
        )
        .add_style(
            style("Heading2", "heading 2", H2_FONT[0], BODY_PT)
                .outline_lvl(1)
                .line_spacing(exact),
        )
        .add_style(style("AnnexLabel", "annex label", H1_FONT[0], BODY_PT))
    }

    fn body(self, text: &str) -> Paragraph {
        self.indented(
            Paragraph::new()
                .align(AlignmentType::Both)
                .add_run(self.run(text)),
        )
    }

    fn heading(self, style: &str, text: &str) -> Paragraph {
        self.indented(styled(style, text).keep_next(true).keep_lines(true))
    }

    fn table(self, t: &Table) -> DTable {
        let total_twips = twips(text_width_mm());
        let em = twips(TABLE_PT * 25.4 / 72.0);
        let total_ems = f64::from(total_twips) / f64::from(em);
        let widths: Vec<usize> = column_ems(t, total_ems)
            .iter()
            .map(|w| {
                // Column widths: a few thousand twips.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let tw = (w * f64::from(em)).floor() as usize;
                tw
            })
            .collect();
        let spacing = LineSpacing::new()
            .line(twips(TABLE_PT * 1.5 * 25.4 / 72.0))
            .line_rule(LineSpacingType::Exact);
        let cell = |text: &str, width: usize, head: bool| {
            let font = if head { H1_FONT[0] } else { BODY_FONT[0] };
            let run = Run::new()
                .add_text(inert_line(text))
                .fonts(self.fonts(font))
                .size(half_points(TABLE_PT));
            TableCell::new()
                .width(width, WidthType::Dxa)
                .vertical_align(VAlignType::Center)
                .add_paragraph(
                    Paragraph::new()
                        .snap_to_grid(false)
                        .line_spacing(spacing.clone())
                        .add_run(run),
                )
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
            .layout(TableLayoutType::Fixed)
            .set_grid(widths.clone())
            .width(widths.iter().sum(), WidthType::Dxa)
    }

    fn block(self, docx: Docx, b: &Block) -> Docx {
        match b {
            Block::Subheading(t) => docx.add_paragraph(self.heading("Heading2", t)),
            Block::Paragraph(t) => docx.add_paragraph(self.body(t)),
            Block::Plain(t) => docx.add_paragraph(Paragraph::new().add_run(self.run(t))),
            Block::Placeholder(t) => docx.add_paragraph(self.indented(
                Paragraph::new().add_run(self.run(t).highlight("yellow").underline("single")),
            )),
            Block::Table(t) => docx.add_table(self.table(t)),
        }
    }

    /// `— N —` in 四号 宋体: right on odd pages, left on even ones, one
    /// character in from the edge (GB/T 9704 7.5).
    fn page_number(self, align: AlignmentType) -> Footer {
        let size = half_points(PAGE_NO_PT);
        let dash = |t: &str| Run::new().add_text(t).size(size).fonts(self.fonts("宋体"));
        let indent = body_char();
        let p = Paragraph::new()
            .align(align)
            .indent(Some(indent), None, Some(indent), None)
            .add_run(dash("— "))
            .add_page_num(docx_rs::PageNum::new())
            .size(size)
            .add_run(dash(" —"));
        Footer::new().add_paragraph(p)
    }
}

/// A paragraph in `style`, its run taking the style's font and size.
fn styled(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(inert_line(text)))
}

fn blank() -> Paragraph {
    Paragraph::new()
}

pub fn to_docx(r: &Report) -> Result<Vec<u8>, ReportError> {
    let pen = Pen {
        zh: r.lang == Lang::Zh,
    };
    let stamp = format!("{}T00:00:00Z", r.date.format("%Y-%m-%d"));
    let [top, bottom, left, right] = MARGIN_MM.map(twips);
    let pitch = line_pitch();
    let mut docx = Docx::new()
        .page_size(
            u32::try_from(twips(A4_MM.0)).unwrap_or(11_906),
            u32::try_from(twips(A4_MM.1)).unwrap_or(16_838),
        )
        .page_margin(PageMargin {
            top,
            bottom,
            left,
            right,
            header: twips(15.0),
            footer: twips(21.0),
            gutter: 0,
        })
        .default_fonts(pen.fonts(BODY_FONT[0]))
        .default_size(half_points(BODY_PT))
        .default_spacing(char_spacing())
        .default_line_spacing(
            LineSpacing::new()
                .line(pitch)
                .line_rule(LineSpacingType::Exact),
        )
        .footer(pen.page_number(AlignmentType::Right))
        .even_footer(pen.page_number(AlignmentType::Left))
        .created_at(&stamp)
        .updated_at(&stamp);
    // A line grid of 22 lines; the 28 characters come from the spacing
    // above, which Word, WPS and LibreOffice all honour alike (LibreOffice
    // misreads a `linesAndChars` grid's character pitch).
    docx.document = docx.document.doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::Lines)
            .line_pitch(usize::try_from(pitch).unwrap_or(579)),
    );
    docx = pen.styles(docx);
    docx = docx
        .add_paragraph(styled("Title", &r.title))
        .add_paragraph(blank());
    for b in &r.opening {
        docx = pen.block(docx, b);
    }
    for s in &r.sections {
        docx = docx.add_paragraph(pen.heading("Heading1", &s.heading));
        for b in &s.blocks {
            docx = pen.block(docx, b);
        }
    }
    let notes = r.annex_note();
    if !notes.is_empty() {
        docx = docx.add_paragraph(blank());
    }
    for line in notes {
        docx = docx.add_paragraph(pen.indented(Paragraph::new().add_run(pen.run(&line))));
    }
    docx = docx
        .add_paragraph(blank())
        .add_paragraph(blank().keep_next(true));
    // 落款: 右空四字, the signature kept on the page of its date.
    let last = r.closing.len().saturating_sub(1);
    for (i, c) in r.closing.iter().enumerate() {
        docx = docx.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Right)
                .indent(None, None, Some(4 * body_char()), None)
                .keep_next(i < last)
                .add_run(pen.run(c)),
        );
    }
    if let Some(note) = r.note_line() {
        docx = docx.add_paragraph(pen.body(&note));
    }
    for (i, a) in r.annexes.iter().enumerate() {
        docx = docx
            .add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_break(BreakType::Page))
                    .style("AnnexLabel")
                    .add_run(Run::new().add_text(r.annex_label(i + 1))),
            )
            .add_paragraph(styled("Title", &a.title))
            .add_paragraph(blank());
        for b in &a.blocks {
            docx = pen.block(docx, b);
        }
    }
    let mut buf = Cursor::new(Vec::new());
    docx.pack(&mut buf)
        .map_err(|e| ReportError::Docx(e.to_string()))?;
    package::finish(&buf.into_inner(), &author(r))
}

/// The document's author: the branch that signs it (the first 落款 line).
fn author(r: &Report) -> String {
    r.closing.first().cloned().unwrap_or_default()
}
