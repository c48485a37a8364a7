//! Words of the command line: headings, confirmations and the CLI's own
//! errors, in Chinese and English. Domain words come from `domain`.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;

use crate::cli::CliError;
use crate::cli::error::{DbSource, LangSource};
use crate::core::confirm::Warning;
use crate::core::error::{CoreError, Field};
use crate::core::progress::{Progress, Tally};

use super::{Lang, domain};

/// Any CLI error as one sentence naming what is wrong and the fix.
pub fn error(lang: Lang, e: &CliError) -> String {
    let zh = lang == Lang::Zh;
    match e {
        CliError::Core(CoreError::Unconfirmed(ws)) => unconfirmed(lang, ws),
        CliError::Core(CoreError::Invalid(v)) => with_flag(lang, v),
        CliError::Core(c) => domain::error(lang, c),
        CliError::DidYouMean { error, suggestions } => {
            let base = match &error.problem {
                // The suggestions replace the list of all 24 kinds.
                crate::core::error::Problem::UnknownKind(s) => {
                    let f = domain::field(lang, Field::Kind);
                    match lang {
                        Lang::Zh => format!("{f}：无法识别类型“{s}”"),
                        Lang::En => format!("{f}: unknown kind \"{s}\""),
                    }
                }
                _ => with_flag(lang, error),
            };
            match lang {
                Lang::Zh => format!("{base}。您是不是要找：{}？", suggestions.join("、")),
                Lang::En => format!("{base}. Did you mean: {}?", suggestions.join(", ")),
            }
        }
        CliError::Durability(t) => super::backups::trouble(lang, t),
        CliError::Access(a) => super::access::error(lang, a),
        CliError::BadLang { from, value } => {
            let at = match (from, zh) {
                (LangSource::Flag, _) => "--lang".to_string(),
                (LangSource::Env, _) => "TAIZHANG_LANG".to_string(),
                (LangSource::Config(p), true) => format!("配置文件 {}", p.display()),
                (LangSource::Config(p), false) => format!("config file {}", p.display()),
            };
            if zh {
                format!("语言（{at}）：无法识别“{value}”，请用 zh、en 或 auto（跟随系统区域设置）")
            } else {
                format!(
                    "language ({at}): cannot read \"{value}\"; use zh, en or auto (follow the locale)"
                )
            }
        }
        CliError::BadToday(v) if zh => {
            format!(
                "TAIZHANG_TODAY：无法识别“{v}”，请写成 YYYY-MM-DD（如 2026-03-14），或删除该变量"
            )
        }
        CliError::BadToday(v) => format!(
            "TAIZHANG_TODAY: cannot read \"{v}\"; write YYYY-MM-DD (e.g. 2026-03-14) or unset it"
        ),
        CliError::Config { path, message } if zh => format!(
            "配置文件 {} 有误：{message}；请修改或删除该文件",
            path.display()
        ),
        CliError::Config { path, message } => format!(
            "config file {}: {message}; fix or remove the file",
            path.display()
        ),
        CliError::NoDataDir if zh => {
            "找不到存放台账的目录（没有 HOME）；请用 --db PATH 或环境变量 TAIZHANG_DB 指定".into()
        }
        CliError::NoDataDir => {
            "no directory to keep the ledger in (no HOME); give one with --db PATH or TAIZHANG_DB"
                .into()
        }
        CliError::Read { path, source } if zh => {
            format!(
                "无法读取文件 {}：{source}；请检查路径和权限",
                path.display()
            )
        }
        CliError::Read { path, source } => format!(
            "cannot read {}: {source}; check the path and permissions",
            path.display()
        ),
        CliError::Write { path, source } if zh => format!(
            "无法写入 {}：{source}；请检查目录是否存在以及权限",
            path.display()
        ),
        CliError::Write { path, source } => format!(
            "cannot write {}: {source}; check that the directory exists and is writable",
            path.display()
        ),
        CliError::BadJson {
            path,
            line,
            column,
            message,
        } if zh => format!(
            "备份文件 {} 第{line}行第{column}列有误：{message}；请使用 taizhang export --format json 生成的文件",
            path.display()
        ),
        CliError::BadJson {
            path,
            line,
            column,
            message,
        } => format!(
            "backup file {} line {line} column {column}: {message}; use a file written by `taizhang export --format json`",
            path.display()
        ),
        CliError::ImportOverData(path) if zh => format!(
            "台账 {} 中已有人员或记录，导入会整体替换它们；确认替换请加 --force，或用 --db 指定新位置",
            path.display()
        ),
        CliError::ImportOverData(path) => format!(
            "the ledger at {} already holds people or records and an import replaces them all; add --force to replace, or choose another --db",
            path.display()
        ),
        CliError::DemoDirNotEmpty(path) if zh => format!(
            "目录 {} 已存在且不为空；请指定一个新的或空的目录",
            path.display()
        ),
        CliError::DemoDirNotEmpty(path) => format!(
            "{} exists and is not empty; give a new or empty directory",
            path.display()
        ),
        CliError::NoLedger { path, from } => {
            let from = match from {
                DbSource::Flag => "--db",
                DbSource::Env => "TAIZHANG_DB",
            };
            let p = path.display();
            if zh {
                format!(
                    "{from} 指向的 {p} 没有台账；请检查路径，或用 taizhang init {p} 新建一个台账"
                )
            } else {
                format!(
                    "{from} points to {p}, which holds no ledger; check the path, or create one with `taizhang init {p}`"
                )
            }
        }
        CliError::AlreadyLedger(path) if zh => {
            format!("{} 已经是一个台账，无需新建", path.display())
        }
        CliError::AlreadyLedger(path) => {
            format!(
                "{} already holds a ledger; nothing to create",
                path.display()
            )
        }
        CliError::InitNotEmpty(path) if zh => format!(
            "{} 已存在且不为空，不能在此新建台账；请指定一个新的或空的目录",
            path.display()
        ),
        CliError::InitNotEmpty(path) => format!(
            "{} exists and is not empty, so no ledger is created there; give a new or empty directory",
            path.display()
        ),
        CliError::CatalogueDropsDuty { duty, record } if zh => format!(
            "职责清单中没有职责“{duty}”，但记录 #{record} 计入了它；请在清单中保留该职责，或先修改该记录"
        ),
        CliError::CatalogueDropsDuty { duty, record } => format!(
            "the catalogue has no duty \"{duty}\" but record #{record} counts toward it; keep the duty or change the record first"
        ),
        CliError::BadYear(v) => {
            let f = domain::field(lang, Field::Year);
            if zh {
                format!("{f}（--year）：无法识别“{v}”，请填写四位年份，如 2026")
            } else {
                format!("{f} (--year): cannot read \"{v}\"; give a four-digit year such as 2026")
            }
        }
        CliError::BadRecordId(v) if zh => {
            format!(
                "记录编号：无法识别“{v}”，请填写数字编号，如 23 或 #23（可用 records list 查看）"
            )
        }
        CliError::BadRecordId(v) => format!(
            "record id: cannot read \"{v}\"; give a number such as 23 or #23 (see `records list`)"
        ),
        CliError::Terminal(m) if zh => {
            format!("终端：{m}；请在交互式终端中运行，或改用 taizhang status")
        }
        CliError::Terminal(m) => {
            format!(
                "terminal: {m}; run taizhang in an interactive terminal, or use `taizhang status`"
            )
        }
        CliError::Report(e) => super::report_cli::report_error(lang, e),
        CliError::Csv(e) => super::report_cli::csv_error(lang, e),
        CliError::BadAbsence(v) => {
            let f = domain::field(lang, Field::Absentees);
            if zh {
                format!("{f}（--absent）：“{v}”缺少姓名，请写成 姓名:原因，如 李四:出差")
            } else {
                format!(
                    "{f} (--absent): \"{v}\" has no name; write NAME:reason, e.g. Li:travelling"
                )
            }
        }
    }
}

/// A validation error with the flag that sets the field: "主题（--topic）：必填".
fn with_flag(lang: Lang, v: &crate::core::ValidationError) -> String {
    let text = domain::validation(lang, v);
    let label = domain::field(lang, v.field);
    // The kind and a person's name are positional arguments, not flags.
    if matches!(v.field, Field::Kind | Field::Name) {
        return text;
    }
    let flag = v.field.flag();
    let sep = lang.pick("：", ": ");
    match text.strip_prefix(&format!("{label}{sep}")) {
        Some(rest) => match lang {
            Lang::Zh => format!("{label}（--{flag}）：{rest}"),
            Lang::En => format!("{label} (--{flag}): {rest}"),
        },
        None => text,
    }
}

/// The warnings and the flags that confirm them (`add --future`,
/// `--duplicate`).
fn unconfirmed(lang: Lang, ws: &[Warning]) -> String {
    let flags: Vec<&str> = ws
        .iter()
        .map(|w| match w {
            Warning::Future { .. } => "--future",
            Warning::Duplicate { .. } => "--duplicate",
        })
        .collect();
    let flags = flags.join(" ");
    let what = super::confirm::warnings(lang, ws);
    match lang {
        Lang::Zh => format!("{what}；未保存。如确需录入，请加 {flags} 再运行"),
        Lang::En => format!("{what}; not saved. To save it anyway, run again with {flags}"),
    }
}

pub fn usage_header(lang: Lang) -> &'static str {
    lang.pick(
        "命令行参数有误（用法见 taizhang --help）：",
        "invalid command line (see taizhang --help):",
    )
}

pub fn status_heading(lang: Lang, year: i32, today: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("{year}年度 全面从严治党主体责任台账（截至 {today}）"),
        Lang::En => format!("{year}: duties of strict Party self-governance (as of {today})"),
    }
}

pub fn pace(lang: Lang, expected: u32) -> String {
    match lang {
        Lang::Zh => format!("应完成 {expected}"),
        Lang::En => format!("expected {expected}"),
    }
}

/// `shown` items then how many more were left out.
pub fn missing_summary(lang: Lang, shown: &[String], more: usize) -> String {
    let (head, sep) = (lang.pick("缺：", "missing: "), lang.pick("、", ", "));
    let mut out = format!("{head}{}", shown.join(sep));
    if more > 0 {
        let _ = match lang {
            Lang::Zh => write!(out, " 等另{more}项"),
            Lang::En => write!(out, " (+{more} more)"),
        };
    }
    out
}

fn tally_parts(lang: Lang, t: &Tally) -> String {
    match lang {
        Lang::Zh => format!(
            "已完成 {}，正常 {}，落后 {}，逾期 {}",
            t.done, t.on_track, t.behind, t.overdue
        ),
        Lang::En => format!(
            "{} done · {} on track · {} behind · {} overdue",
            t.done, t.on_track, t.behind, t.overdue
        ),
    }
}

pub fn tally(lang: Lang, t: &Tally) -> String {
    match lang {
        Lang::Zh => format!("合计：{}，无指标 {}", tally_parts(lang, t), t.no_quota),
        Lang::En => format!(
            "total: {} · {} without quota",
            tally_parts(lang, t),
            t.no_quota
        ),
    }
}

/// What the `--short` line says besides the tally.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ShortFacts {
    /// Required talk pairs not yet held.
    pub talks_owed: usize,
    /// 整改 items past their deadline and not closed.
    pub fixes_overdue: usize,
}

/// The most urgent duty, as the `--short` line names it (no internal id).
#[derive(Debug, Clone, Copy)]
pub struct Worst<'a> {
    pub title: &'a str,
    /// `1/10`
    pub done: &'a str,
    pub status: &'a str,
}

/// The `--short` line for a login message, at most `cols` columns wide
/// (display width, not characters): the most urgent duty's title is
/// shortened, or the duty left out, to fit. It names what needs doing
/// (behind, overdue, talks owed, overdue 整改); zero counts are left out.
pub fn short_line(
    lang: Lang,
    year: i32,
    t: &Tally,
    facts: ShortFacts,
    worst: Option<Worst<'_>>,
    cols: usize,
) -> String {
    use crate::cli::layout::{cut, width};
    // A login line says what needs doing; the full tally is in `status`.
    let counts = [(t.behind, "落后", "behind"), (t.overdue, "逾期", "overdue")];
    let parts: Vec<String> = counts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, zh, en)| match lang {
            Lang::Zh => format!("{zh}{n}项"),
            Lang::En => format!("{n} {en}"),
        })
        .collect();
    let mut head = match (lang, parts.is_empty()) {
        (Lang::Zh, false) => format!("台账{year}：{}", parts.join("，")),
        (Lang::Zh, true) => format!("台账{year}：{}项均按进度", t.done + t.on_track),
        (Lang::En, false) => format!("{year}: {}", parts.join(", ")),
        (Lang::En, true) => format!("{year}: all {} on pace", t.done + t.on_track),
    };
    if facts.talks_owed > 0 {
        let _ = match lang {
            Lang::Zh => write!(head, "，欠谈话{}次", facts.talks_owed),
            Lang::En => write!(head, "; {} talks owed", facts.talks_owed),
        };
    }
    if facts.fixes_overdue > 0 {
        let _ = match lang {
            Lang::Zh => write!(head, "，整改逾期{}项", facts.fixes_overdue),
            Lang::En => write!(head, "; {} overdue fixes", facts.fixes_overdue),
        };
    }
    let Some(worst) = worst else {
        return cut(&head, cols.saturating_sub(1));
    };
    let label = lang.pick("；最需关注：", "; most urgent: ");
    let rest = format!(" {} {}", worst.done, worst.status);
    // One column spare: a CJK terminal draws the `…` of a cut title wide.
    let room = cols.saturating_sub(width(&head) + width(label) + width(&rest) + 1);
    if room < 6 {
        return cut(&head, cols.saturating_sub(1));
    }
    format!("{head}{label}{}{rest}", cut(worst.title, room))
}

pub fn progress_brief(lang: Lang, p: &Progress) -> String {
    let status = domain::status(lang, p.status);
    if p.target > 0 {
        format!("{}/{} {status}", p.done, p.target)
    } else {
        format!("{} {status}", p.done)
    }
}

pub fn saved(lang: Lang, summary: &str) -> String {
    format!("{}{summary}", lang.pick("已保存：", "saved: "))
}

pub fn counted_nowhere(lang: Lang) -> &'static str {
    lang.pick(
        "未计入任何职责（可用 --duty 指定）",
        "counts toward no duty (name one with --duty)",
    )
}

pub fn counted_toward(lang: Lang) -> &'static str {
    lang.pick("计入职责：", "counts toward:")
}

pub fn no_records(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("{year}年没有记录"),
        Lang::En => format!("no records in {year}"),
    }
}

pub fn record_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("共 {n} 条"),
        Lang::En => format!("{n} records"),
    }
}

pub fn deleted(lang: Lang, summary: &str) -> String {
    format!("{}{summary}", lang.pick("已删除：", "deleted: "))
}

pub fn quoted(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Zh => format!("「{s}」"),
        Lang::En => format!("\"{s}\""),
    }
}

/// A field label before its value: `主持人：` / `host: `.
pub fn label(lang: Lang, name: &str) -> String {
    format!("{name}{}", lang.pick("：", ": "))
}

pub fn record_word(lang: Lang) -> &'static str {
    lang.pick("记录", "record")
}

pub fn entered_word(lang: Lang) -> &'static str {
    lang.pick("录入", "entered")
}

pub fn absence(lang: Lang, name: &str, reason: &str) -> String {
    match (reason.is_empty(), lang) {
        (true, _) => name.to_string(),
        (false, Lang::Zh) => format!("{name}（{reason}）"),
        (false, Lang::En) => format!("{name} ({reason})"),
    }
}

pub fn person_added(lang: Lang, line: &str) -> String {
    format!("{}{line}", lang.pick("已添加：", "added: "))
}

pub fn person_saved(lang: Lang, line: &str) -> String {
    format!("{}{line}", lang.pick("已保存：", "saved: "))
}

pub fn person_retired(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("已将 {name} 移出名册（历史记录中保留其姓名）"),
        Lang::En => format!("{name} retired from the roster (old records keep the name)"),
    }
}

pub fn roster_empty(lang: Lang) -> &'static str {
    lang.pick(
        "名册为空，可用 people add 添加人员",
        "the roster is empty; add people with `people add`",
    )
}

pub fn retired_word(lang: Lang) -> &'static str {
    lang.pick("已退出", "retired")
}

pub fn catalogue_imported(lang: Lang, duties: usize) -> String {
    match lang {
        Lang::Zh => format!("已导入职责清单，共 {duties} 项职责"),
        Lang::En => format!("catalogue imported: {duties} duties"),
    }
}

pub fn written(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Zh => format!("已写入 {}", path.display()),
        Lang::En => format!("written to {}", path.display()),
    }
}

pub fn imported(lang: Lang, people: usize, records: usize) -> String {
    match lang {
        Lang::Zh => format!("已导入：{people} 人，{records} 条记录"),
        Lang::En => format!("imported: {people} people, {records} records"),
    }
}

pub fn ledger_created(lang: Lang, dir: &Path) -> String {
    let d = dir.display();
    match lang {
        Lang::Zh => {
            format!("已新建台账 {d}。使用：taizhang --db {d} …，或设置环境变量 TAIZHANG_DB={d}")
        }
        Lang::En => format!(
            "new ledger created in {d}. Use it with: taizhang --db {d} …, or set TAIZHANG_DB={d}"
        ),
    }
}

pub fn demo_built(lang: Lang, dir: &Path, people: usize, records: usize) -> String {
    let d = dir.display();
    match lang {
        Lang::Zh => format!(
            "已在 {d} 生成示例台账：{people} 人，{records} 条记录。查看：taizhang --db {d} status"
        ),
        Lang::En => format!(
            "sample ledger written to {d}: {people} people, {records} records. See it with: taizhang --db {d} status"
        ),
    }
}
