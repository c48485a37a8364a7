//! Words of `import-csv` and of the CSV and workbook exports' refusals:
//! confirmations, notices about what was read, and refusals that name the
//! file, row or column and the fix.

use std::fmt::Write as _;
use std::path::Path;

use crate::cli::csv::{CsvError, Unreadable};
use crate::core::import::{Column, HeaderError, RowError, RowProblem, letter};

use crate::i18n::{Lang, domain};

pub fn dry_run_ok(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("检查通过：{n} 条记录可以导入（--dry-run，未写入）"),
        Lang::En => {
            format!("check passed: {n} records can be imported (--dry-run, nothing written)")
        }
    }
}

/// Title rows above the header, skipped: the count and the first one.
pub fn title_rows_skipped(lang: Lang, n: usize, first_row: usize, text: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "已跳过列名上方的 {n} 行标题（第 {first_row} 行：“{text}”）；从其下的列名行开始读取"
        ),
        Lang::En => format!(
            "skipped {n} title rows above the header (row {first_row}: \"{text}\"); reading from the header row below them"
        ),
    }
}

/// A workbook sheet without 日期 and 类型 columns (整改, 职责完成情况 …).
pub fn sheet_skipped(lang: Lang, sheet: &Path) -> String {
    match lang {
        Lang::Zh => format!("{} 没有日期和类型列，不是记录表，已跳过", sheet.display()),
        Lang::En => format!(
            "{} has no date and kind columns and is not a record sheet; skipped",
            sheet.display()
        ),
    }
}

/// Columns that name no field, kept in each record's notes.
pub fn extras_kept(lang: Lang, headers: &[String]) -> String {
    match lang {
        Lang::Zh => format!(
            "以下列不是台账字段，其内容已写入每条记录的备注：{}",
            headers.join("、")
        ),
        Lang::En => format!(
            "these columns are not ledger fields; their cells go into each record's notes: {}",
            headers.join(", ")
        ),
    }
}

/// Rows dated after today: imported, but worth a look.
pub fn future_rows(lang: Lang, rows: &[usize]) -> String {
    let list: Vec<String> = rows.iter().map(ToString::to_string).collect();
    match lang {
        Lang::Zh => format!(
            "注意：第 {} 行的日期在今天之后，请确认不是笔误",
            list.join("、")
        ),
        Lang::En => format!(
            "note: rows {} are dated after today; check they are not typos",
            list.join(", ")
        ),
    }
}

pub fn csv_imported(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("已导入 {n} 条记录"),
        Lang::En => format!("imported {n} records"),
    }
}

pub fn csv_error(lang: Lang, e: &CsvError) -> String {
    let zh = lang == Lang::Zh;
    match e {
        CsvError::OnlyForCsv(flag) if zh => {
            format!("--{flag} 只适用于 --format csv；JSON 备份总是包含整个台账")
        }
        CsvError::OnlyForCsv(flag) => {
            format!(
                "--{flag} only applies to --format csv; a JSON backup always holds the whole ledger"
            )
        }
        CsvError::XlsxNeedsOut => lang
            .pick(
                "Excel 工作簿是二进制文件，需要用 --out 文件名.xlsx 指定保存位置",
                "an .xlsx workbook is binary: give --out FILE.xlsx",
            )
            .to_string(),
        CsvError::Unreadable { path, why } => unreadable(lang, path, *why),
        CsvError::Syntax {
            path,
            line,
            message,
        } if zh => format!(
            "{} 第 {line} 行不是有效的 CSV（{message}）；请检查引号是否成对，或在 Excel/WPS 中重新另存为 CSV",
            path.display()
        ),
        CsvError::Syntax {
            path,
            line,
            message,
        } => format!(
            "{} line {line} is not valid CSV ({message}); check that quotes are paired, or save it as CSV again from Excel/WPS",
            path.display()
        ),
        CsvError::NoHeader { path } if zh => {
            format!(
                "{} 是空文件；第一行应是列名，如 日期,类型,主题",
                path.display()
            )
        }
        CsvError::NoHeader { path } => format!(
            "{} is empty; the first line must name the columns, e.g. date,kind,topic",
            path.display()
        ),
        CsvError::Header { path, error } => header_error(lang, path, error),
        CsvError::Rows {
            path,
            header,
            errors,
        } => {
            let mut out = match lang {
                Lang::Zh => format!(
                    "{} 中有 {} 行有误，未导入任何记录：",
                    path.display(),
                    errors.len()
                ),
                Lang::En => format!(
                    "{}: {} rows are wrong; nothing was imported:",
                    path.display(),
                    errors.len()
                ),
            };
            for e in errors {
                let _ = write!(out, "\n{}", row_error(lang, header, e));
            }
            out.push('\n');
            out.push_str(lang.pick(
                "请修改这些行后重新导入（可先加 --dry-run 检查）",
                "fix these rows and import again (--dry-run checks without writing)",
            ));
            out
        }
    }
}

/// One line of the import's error report: the row, the column, what to fix.
pub fn row_error(lang: Lang, header: &[String], e: &RowError) -> String {
    let at = match (e.column, lang) {
        (Some(c), Lang::Zh) => format!(
            "第 {} 行（列 {}“{}”）",
            e.row,
            letter(c),
            header.get(c).map_or("", |h| h.trim())
        ),
        (Some(c), Lang::En) => format!(
            "row {} (column {} \"{}\")",
            e.row,
            letter(c),
            header.get(c).map_or("", |h| h.trim())
        ),
        (None, Lang::Zh) => format!("第 {} 行", e.row),
        (None, Lang::En) => format!("row {}", e.row),
    };
    let what = match (&e.problem, lang) {
        (RowProblem::Invalid(v), _) => domain::validation(lang, v),
        (RowProblem::SameAsRecord(id), Lang::Zh) => format!(
            "与已有记录 {id} 重复（日期、类型、主题、主持人相同）；请删除该行，确需重复导入请加 --allow-duplicates"
        ),
        (RowProblem::SameAsRecord(id), Lang::En) => format!(
            "repeats record {id} (same date, kind, topic and host); delete the row, or add --allow-duplicates to import it anyway"
        ),
        (RowProblem::SameAsRow(n), Lang::Zh) => format!(
            "与第 {n} 行重复（日期、类型、主题、主持人相同）；请删除其中一行，确需重复导入请加 --allow-duplicates"
        ),
        (RowProblem::SameAsRow(n), Lang::En) => format!(
            "repeats row {n} (same date, kind, topic and host); delete one, or add --allow-duplicates to import both"
        ),
        (RowProblem::YearClosed(y), Lang::Zh) => format!(
            "{y} 年度已关账，不能再添加记录；请删除该行，或用 taizhang amend 对已有记录作更正说明"
        ),
        (RowProblem::YearClosed(y), Lang::En) => format!(
            "{y} is closed and takes no new records; delete the row, or use taizhang amend to correct an existing record"
        ),
    };
    format!("{at}{}{what}", lang.pick("：", ": "))
}

fn column_name(lang: Lang, c: Column) -> String {
    let zh = domain::field(Lang::Zh, c.field());
    let en = domain::field(Lang::En, c.field());
    match lang {
        Lang::Zh => format!("{zh}（{en}）"),
        Lang::En => format!("{en} ({zh})"),
    }
}

fn header_error(lang: Lang, path: &Path, e: &HeaderError) -> String {
    let p = path.display();
    match (e, lang) {
        (HeaderError::Missing(cols), _) => {
            let names: Vec<String> = cols.iter().map(|c| column_name(lang, *c)).collect();
            match lang {
                Lang::Zh => format!(
                    "{p} 缺少必需的列：{}；列名行（标题行可在其上方，会自动跳过）至少要有 日期 和 类型，如“会议日期”“会议类型”",
                    names.join("、")
                ),
                Lang::En => format!(
                    "{p} lacks required columns: {}; the header row (title rows above it are skipped) needs at least date and kind",
                    names.join(", ")
                ),
            }
        }
        (
            HeaderError::Twice {
                column,
                first,
                second,
            },
            Lang::Zh,
        ) => format!(
            "{p} 中“{}”列出现了两次（列 {} 和列 {}）；请删除或改名其中一列",
            column_name(lang, *column),
            letter(*first),
            letter(*second)
        ),
        (
            HeaderError::Twice {
                column,
                first,
                second,
            },
            Lang::En,
        ) => format!(
            "{p}: the column \"{}\" appears twice (columns {} and {}); delete or rename one",
            column_name(lang, *column),
            letter(*first),
            letter(*second)
        ),
    }
}

fn unreadable(lang: Lang, path: &Path, why: Unreadable) -> String {
    let p = path.display();
    match (why, lang) {
        (Unreadable::Workbook, Lang::Zh) => format!(
            "{p} 是 Excel 工作簿而不是 CSV；请在 Excel 或 WPS 中“另存为”CSV（逗号分隔）后再导入"
        ),
        (Unreadable::Workbook, Lang::En) => format!(
            "{p} is an Excel workbook, not a CSV; in Excel or WPS use Save As, CSV (comma delimited), then import that"
        ),
        (Unreadable::Utf16, Lang::Zh) => format!(
            "{p} 是 UTF-16（“Unicode 文本”）格式；请另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”"
        ),
        (Unreadable::Utf16, Lang::En) => format!(
            "{p} is UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8 (comma delimited)\" or \"CSV (comma delimited)\""
        ),
        (Unreadable::Encoding, Lang::Zh) => format!(
            "{p} 既不是 UTF-8 也不是 GBK/GB18030 编码的文本；请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”后再导入"
        ),
        (Unreadable::Encoding, Lang::En) => format!(
            "{p} is neither UTF-8 nor GBK/GB18030 text; save it as \"CSV UTF-8 (comma delimited)\" from Excel or WPS and import that"
        ),
    }
}
