//! Words of `report`, `export --format csv` and `import-csv`: CSV headers,
//! confirmations, and refusals that name the file, row or column and the fix.

use std::fmt::Write as _;

use chrono::Datelike;
use std::path::Path;

use crate::cli::csv::{CsvError, Unreadable};
use crate::cli::report::ReportCliError;
use crate::core::catalogue::{Catalogue, DutyId};
use crate::core::import::{Column, HeaderError, RowError, RowProblem, letter};
use crate::core::record::Record;

use super::{Lang, domain};

pub fn records_header(lang: Lang) -> [&'static str; 13] {
    match lang {
        Lang::Zh => [
            "日期",
            "类型",
            "主题",
            "主持人",
            "参加人员",
            "缺席人员",
            "谈话对象",
            "计入职责",
            "备注",
            "佐证材料",
            "录入人",
            "录入时间",
            "序号",
        ],
        Lang::En => [
            "date",
            "kind",
            "topic",
            "host",
            "attendees",
            "absentees",
            "partners",
            "duties",
            "notes",
            "evidence",
            "entered by",
            "entered at",
            "no.",
        ],
    }
}

pub fn duties_header(lang: Lang) -> [&'static str; 10] {
    match lang {
        Lang::Zh => [
            "清单",
            "条目",
            "职责",
            "要求",
            "依据",
            "目标",
            "已完成",
            "按进度应完成",
            "状态",
            "尚缺",
        ],
        Lang::En => [
            "list",
            "ref",
            "title",
            "rule",
            "source",
            "target",
            "done",
            "expected by now",
            "status",
            "missing",
        ],
    }
}

pub fn fixes_header(lang: Lang) -> [&'static str; 13] {
    match lang {
        Lang::Zh => [
            "序号",
            "来源",
            "问题",
            "涉及职责",
            "整改措施",
            "责任人",
            "整改时限",
            "状态",
            "立项日期",
            "销号日期",
            "销号人",
            "销号佐证",
            "进展记录数",
        ],
        Lang::En => [
            "no.",
            "source",
            "problem",
            "duties",
            "measures",
            "owner",
            "deadline",
            "state",
            "opened",
            "closed on",
            "closed by",
            "evidence",
            "notes",
        ],
    }
}

/// A seed reference with full-width brackets in Chinese: `三（一）（2）`.
pub fn seed_ref(lang: Lang, r: &str) -> String {
    match lang {
        Lang::Zh => r.replace('(', "（").replace(')', "）"),
        Lang::En => r.to_string(),
    }
}

/// A duty as the exports name it (and `import-csv` reads it back): its 条目
/// and title, `三（一）（2）专题研究全面从严治党` / `三(一)(2) Title`.
pub fn duty_ref(lang: Lang, catalogue: &Catalogue, id: &DutyId) -> String {
    match (catalogue.duty(id), lang) {
        (Some(d), Lang::Zh) => format!("{}{}", seed_ref(lang, &d.seed_ref), d.title),
        (Some(d), Lang::En) => format!("{} {}", d.seed_ref, d.title_en),
        (None, _) => id.to_string(),
    }
}

/// A record as a reader finds it in the ledger: `2026年3月14日支委会“主题”`.
pub fn record_ref(lang: Lang, r: &Record) -> String {
    let kind = domain::kind(lang, r.kind);
    match lang {
        Lang::Zh => {
            let d = r.date;
            let day = format!("{}年{}月{}日", d.year(), d.month(), d.day());
            if r.topic.trim().is_empty() {
                format!("{day}{kind}")
            } else {
                format!("{day}{kind}“{}”", r.topic.trim())
            }
        }
        Lang::En => format!("{} {kind} \"{}\"", r.date, r.topic.trim()),
    }
}

/// Separator between items of a list inside one cell.
pub fn list_sep(lang: Lang) -> &'static str {
    lang.pick("、", "; ")
}

/// The duties cell of a record that counts toward nothing.
pub fn no_duties(lang: Lang) -> &'static str {
    lang.pick("无", "none")
}

pub fn fixes_pending(lang: Lang) -> &'static str {
    lang.pick(
        "提示：该年度没有整改事项，只输出了表头",
        "note: the year has no rectification items; only the header was written",
    )
}

pub fn dry_run_ok(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("检查通过：{n} 条记录可以导入（--dry-run，未写入）"),
        Lang::En => {
            format!("check passed: {n} records can be imported (--dry-run, nothing written)")
        }
    }
}

pub fn csv_imported(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("已导入 {n} 条记录"),
        Lang::En => format!("imported {n} records"),
    }
}

pub fn report_error(lang: Lang, e: &ReportCliError) -> String {
    match (e, lang) {
        (ReportCliError::DocxNeedsOut, Lang::Zh) => {
            "DOCX 是二进制文件，不能输出到终端；请用 --out 文件名.docx 指定输出文件".into()
        }
        (ReportCliError::DocxNeedsOut, Lang::En) => {
            "DOCX is a binary file and cannot go to the terminal; give --out FILE.docx".into()
        }
        (ReportCliError::UnknownExtension(p), Lang::Zh) => format!(
            "无法从文件名 {} 判断格式；请加 --format md|html|docx，或使用 .md、.html、.docx 扩展名",
            p.display()
        ),
        (ReportCliError::UnknownExtension(p), Lang::En) => format!(
            "cannot tell the format from {}; add --format md|html|docx or use a .md, .html or .docx name",
            p.display()
        ),
        (ReportCliError::NotLeadership { name }, Lang::Zh) => format!(
            "{name} 不是班子成员，述责述廉报告只为书记、副书记和班子成员生成；如角色有误，请用 people edit {name} --role 修改其角色（如 班子成员）"
        ),
        (ReportCliError::NotLeadership { name }, Lang::En) => format!(
            "{name} is not a leadership member; the duty report is for the secretary, deputy secretary and leadership members. if the role is wrong, correct it with `people edit {name} --role …` (e.g. leader)"
        ),
        (ReportCliError::Render(r), Lang::Zh) => {
            format!("生成报告失败：{r}；请检查可用内存后重试")
        }
        (ReportCliError::Render(r), Lang::En) => r.to_string(),
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
                    "{p} 缺少必需的列：{}；请在第一行写上列名，至少要有 日期 和 类型",
                    names.join("、")
                ),
                Lang::En => format!(
                    "{p} lacks required columns: {}; the first line must name the columns, with at least date and kind",
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
