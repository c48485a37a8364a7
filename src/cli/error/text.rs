//! The command line's errors in words: one sentence naming what is wrong and
//! the fix, with the flag that sets a field and a did-you-mean where one
//! helps.

use crate::cli::CliError;
use crate::cli::error::{DbSource, LangSource};
use crate::core::confirm::Warning;
use crate::core::error::{CoreError, Field};

use crate::i18n::{Lang, confirm, domain};

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
        CliError::Durability(t) => crate::cli::backups::text::trouble(lang, t),
        CliError::Access(a) => crate::cli::access::error_text(lang, a),
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
        CliError::BadDigest(v) if zh => format!(
            "封存摘要（--seal）：无法识别“{v}”，请填写 64 位十六进制摘要（见年度报告或 taizhang year list）"
        ),
        CliError::BadDigest(v) => format!(
            "seal digest (--seal): cannot read \"{v}\"; give the 64 hex digits printed in the annual report or by taizhang year list"
        ),
        CliError::Findings(text) => text.trim_end().to_string(),
        CliError::Report(e) => crate::cli::report::text::report_error(lang, e),
        CliError::Csv(e) => crate::cli::csv::text::csv_error(lang, e),
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
    let what = confirm::warnings(lang, ws);
    match lang {
        Lang::Zh => format!("{what}；未保存。如确需录入，请加 {flags} 再运行"),
        Lang::En => format!("{what}; not saved. To save it anyway, run again with {flags}"),
    }
}
