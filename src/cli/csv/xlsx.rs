//! `taizhang export --format xlsx`: the year's 台账 as the Excel workbook
//! branches keep and inspectors ask for. One sheet per kind of work (会议,
//! 学习, 谈话, 报告, 其他工作), one for 整改 and one for the duties, each with a
//! title row, a frozen header, 序号, real date cells, widths sized to the
//! content and A4 landscape print setup that repeats the header.

mod sheets;

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Lang, cli as t};

use super::super::report::write_private;
use super::super::{CliError, Context};

pub use sheets::{Cell, Sheet};

/// Excel's paper size code for A4.
const A4: u8 = 9;
/// Column widths in Excel's units (one Latin character; a CJK one is two).
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 40;
/// The height of one line of 11 pt text, in points.
const LINE_HEIGHT: f64 = 14.5;

/// Write the workbook of `year` to `out`.
pub fn export(ctx: &Context, year: i32, out: Option<&Path>) -> Result<String, CliError> {
    let path = out.ok_or(super::CsvError::XlsxNeedsOut)?;
    let book = sheets::workbook(ctx, year)?;
    let author = crate::report::BRANCH;
    let bytes = render(&book, author).map_err(|e| fail(&e))?;
    write_private(path, &bytes)?;
    Ok(format!("{}\n", t::written(ctx.lang, path)))
}

fn fail(e: &XlsxError) -> CliError {
    CliError::Write {
        path: std::path::PathBuf::from("-"),
        source: std::io::Error::other(e.to_string()),
    }
}

/// The sheets as .xlsx bytes.
pub fn render(book: &[Sheet], author: &str) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(&DocProperties::new().set_author(author).set_company(author));
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_background_color("#E7E6E6")
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let text = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let date = text.clone().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let number = text.clone().set_align(FormatAlign::Center);
    for sheet in book {
        let ws = wb.add_worksheet();
        ws.set_name(&sheet.name)?;
        let last = u16::try_from(sheet.header.len().saturating_sub(1)).unwrap_or(0);
        ws.merge_range(0, 0, 0, last, &sheet.title, &title)?;
        ws.set_row_height(0, 30)?;
        for (c, h) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(1, col(c), *h, &head)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 2).unwrap_or(u32::MAX);
            for (c, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Text(s) => ws.write_string_with_format(r, col(c), s, &text)?,
                    Cell::Number(n) => ws.write_number_with_format(r, col(c), *n, &number)?,
                    Cell::Date(d) => ws.write_datetime_with_format(r, col(c), excel(*d)?, &date)?,
                    Cell::Empty => ws.write_blank(r, col(c), &text)?,
                };
            }
        }
        let widths = widths(sheet);
        for (r, row) in sheet.rows.iter().enumerate() {
            // Wrapped text needs a taller row; not every reader sizes it.
            let lines = row
                .iter()
                .zip(&widths)
                .map(|(cell, w)| cell.width().div_ceil(w.saturating_sub(2).max(1)))
                .max()
                .unwrap_or(1)
                .max(1);
            if lines > 1 {
                let r = u32::try_from(r + 2).unwrap_or(u32::MAX);
                #[allow(clippy::cast_precision_loss)]
                ws.set_row_height(r, LINE_HEIGHT * lines as f64 + 2.0)?;
            }
        }
        layout(ws, &widths, sheet)?;
    }
    wb.save_to_buffer()
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn excel(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).unwrap_or(1900),
        u8::try_from(d.month()).unwrap_or(1),
        u8::try_from(d.day()).unwrap_or(1),
    )
}

/// Each column's width from its widest cell, within bounds.
fn widths(sheet: &Sheet) -> Vec<usize> {
    (0..sheet.header.len())
        .map(|c| {
            let widest = std::iter::once(sheet.header[c].width() + 2)
                .chain(sheet.rows.iter().filter_map(|r| r.get(c)).map(Cell::width))
                .max()
                .unwrap_or(MIN_WIDTH);
            (widest + 2).clamp(MIN_WIDTH, MAX_WIDTH)
        })
        .collect()
}

/// The widths, the header frozen, and A4 landscape printing one page wide
/// with the title and header on every page.
fn layout(ws: &mut Worksheet, widths: &[usize], sheet: &Sheet) -> Result<(), XlsxError> {
    for (c, w) in widths.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        ws.set_column_width(col(c), *w as f64)?;
    }
    ws.set_freeze_panes(2, 0)?;
    ws.set_paper_size(A4);
    ws.set_landscape();
    ws.set_margins(0.5, 0.5, 0.75, 0.75, 0.3, 0.3);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_repeat_rows(0, 1)?;
    ws.set_footer(sheet.footer);
    Ok(())
}

impl Cell {
    /// The width the cell needs in Excel's units.
    fn width(&self) -> usize {
        match self {
            Cell::Text(s) => s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0),
            Cell::Number(n) => format!("{n}").len(),
            Cell::Date(_) => 16,
            Cell::Empty => 0,
        }
    }
}

/// The footer: `第 N 页，共 M 页` / `Page N of M`.
pub fn footer(lang: Lang) -> &'static str {
    lang.pick("&C第 &P 页，共 &N 页", "&CPage &P of &N")
}
