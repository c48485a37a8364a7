//! Words of the command line: headings, confirmations and the CLI's own
//! errors, in Chinese and English. Domain words come from `domain`.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;

use crate::cli::CliError;
use crate::cli::error::LangSource;
use crate::core::error::Field;
use crate::core::progress::{Progress, Tally};

use super::{Lang, domain};

/// Any CLI error as one sentence naming what is wrong and the fix.
pub fn error(lang: Lang, e: &CliError) -> String {
    let zh = lang == Lang::Zh;
    match e {
        CliError::Core(c) => domain::error(lang, c),
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
                format!("语言（{at}）：无法识别“{value}”，请用 zh 或 en")
            } else {
                format!("language ({at}): cannot read \"{value}\"; use zh or en")
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
        CliError::TodayWithService(v) if zh => format!(
            "TAIZHANG_TODAY={v}：固定日期只能用于直接打开的个人台账；共享台账或台账服务运行时，日期和时间由台账服务决定。请删除该变量后重试"
        ),
        CliError::TodayWithService(v) => format!(
            "TAIZHANG_TODAY={v}: a fixed date applies only to a private ledger opened directly; on a shared ledger, or while the ledger service runs, the service decides the date and time. Unset the variable and try again"
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
            "已完成 {} · 正常 {} · 落后 {} · 逾期 {}",
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
        Lang::Zh => format!("合计：{} · 无指标 {}", tally_parts(lang, t), t.no_quota),
        Lang::En => format!(
            "total: {} · {} without quota",
            tally_parts(lang, t),
            t.no_quota
        ),
    }
}

pub fn worst(lang: Lang, id: &str, title: &str, done: &str, status: &str) -> String {
    let _ = lang;
    format!("{id} {title} {done} {status}")
}

/// The `--short` line for a login message.
pub fn short_line(lang: Lang, year: i32, t: &Tally, worst: Option<&str>) -> String {
    let tail = match (worst, lang) {
        (Some(w), Lang::Zh) => format!("；最需关注：{w}"),
        (Some(w), Lang::En) => format!("; most urgent: {w}"),
        (None, Lang::Zh) => "；全部按进度推进".into(),
        (None, Lang::En) => "; all on pace".into(),
    };
    match lang {
        Lang::Zh => format!("台账 {year}年：{}{tail}", tally_parts(lang, t)),
        Lang::En => format!("taizhang {year}: {}{tail}", tally_parts(lang, t)),
    }
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
