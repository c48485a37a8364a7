//! clap's argument errors as Chinese sentences. clap has no translations,
//! so each `ErrorKind` and its context (the bad argument, the suggestion,
//! the valid values, the usage) are worded here; English keeps clap's own.

use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::Lang;

/// The whole error text for the terminal: what is wrong, a did-you-mean
/// when clap found one, the usage and where the help is.
pub fn clap_error(lang: Lang, e: &clap::Error) -> String {
    if lang == Lang::En {
        return e.render().to_string().trim_end().to_string();
    }
    let usage = string(e, ContextKind::Usage);
    let usage = usage
        .trim()
        .strip_prefix("Usage:")
        .or_else(|| usage.trim().strip_prefix("用法："))
        .unwrap_or(usage.trim())
        .trim()
        .to_string();
    let usage = chinese_placeholders(&usage);
    let mut out = format!("错误：{}", sentence(e));
    if let Some(hint) = suggestion(e) {
        let _ = write!(out, "\n\n  提示：{hint}");
    }
    if !usage.is_empty() {
        let _ = write!(out, "\n\n用法：{usage}");
    }
    let _ = write!(out, "\n\n详细说明请运行：{} --help", command_of(&usage));
    out
}

/// clap's English placeholders in a rendered usage or help, in Chinese.
pub fn chinese_placeholders(text: &str) -> String {
    text.replace("[OPTIONS]", "[选项]")
        .replace("[COMMAND]", "[命令]")
        .replace("<COMMAND>", "<命令>")
}

/// The command part of a usage line (`taizhang people add`), without the
/// `[选项]` and `<参数>` that follow it.
fn command_of(usage: &str) -> String {
    let words: Vec<&str> = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    if words.is_empty() {
        "taizhang".into()
    } else {
        words.join(" ")
    }
}

fn sentence(e: &clap::Error) -> String {
    let arg = string(e, ContextKind::InvalidArg);
    let value = string(e, ContextKind::InvalidValue);
    match e.kind() {
        ErrorKind::InvalidSubcommand => {
            format!(
                "没有“{}”这个命令",
                string(e, ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::UnknownArgument => format!("无法识别选项“{arg}”"),
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} 需要填写一个值"),
        ErrorKind::InvalidValue => {
            let valid = strings(e, ContextKind::ValidValue);
            if valid.is_empty() {
                format!("{arg} 的值“{value}”无效")
            } else {
                format!("{arg} 的值“{value}”无效，可选：{}", valid.join("、"))
            }
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map(ToString::to_string);
            match why {
                Some(why) => format!("{arg} 的值“{value}”无效（{}）", value_problem(&why)),
                None => format!("{arg} 的值“{value}”无效"),
            }
        }
        ErrorKind::NoEquals => format!("{arg} 的值须用 = 连接，如 {arg}=值"),
        ErrorKind::TooManyValues => format!("{arg} 的值太多：多出了“{value}”"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let want = number(e, ContextKind::ExpectedNumValues)
                .or_else(|| number(e, ContextKind::MinValues));
            let got = number(e, ContextKind::ActualNumValues);
            match (want, got) {
                (Some(w), Some(g)) => format!("{arg} 需要 {w} 个值，实际给了 {g} 个"),
                _ => format!("{arg} 的值个数不对"),
            }
        }
        ErrorKind::ArgumentConflict => {
            let prior = strings(e, ContextKind::PriorArg);
            if prior.is_empty() {
                format!("{arg} 不能与其他选项同时使用")
            } else {
                format!("{arg} 不能与 {} 同时使用", prior.join("、"))
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(e, ContextKind::InvalidArg);
            format!("缺少必填参数：{}", missing.join("、"))
        }
        ErrorKind::MissingSubcommand => {
            let valid = strings(e, ContextKind::ValidSubcommand);
            if valid.is_empty() {
                "缺少命令".into()
            } else {
                format!("缺少命令，可选：{}", valid.join("、"))
            }
        }
        ErrorKind::InvalidUtf8 => "参数中含有无效的 UTF-8 字符".into(),
        _ => e.kind().to_string(),
    }
}

/// A value parser's English complaint, for the common cases.
fn value_problem(why: &str) -> String {
    if why.contains("invalid digit") || why.contains("cannot parse") {
        "请填写数字".into()
    } else if let Some(range) = why.split(" is not in ").nth(1) {
        format!("须在 {} 之间", range.replace("..=", " 到 "))
    } else {
        why.to_string()
    }
}

/// clap's did-you-mean, worded as a question.
fn suggestion(e: &clap::Error) -> Option<String> {
    let pick = |kind| {
        let s = strings(e, kind);
        (!s.is_empty()).then(|| s.join("、"))
    };
    if let Some(s) = pick(ContextKind::SuggestedSubcommand) {
        return Some(format!("您是不是要用命令“{s}”？"));
    }
    if let Some(s) = pick(ContextKind::SuggestedArg) {
        return Some(format!("您是不是要用选项“{s}”？"));
    }
    if let Some(s) = pick(ContextKind::SuggestedValue) {
        return Some(format!("您是不是要填“{s}”？"));
    }
    if let Some(s) = pick(ContextKind::TrailingArg) {
        return Some(format!("如果“{s}”是一个值而不是选项，请在它前面加 --"));
    }
    match e.kind() {
        ErrorKind::InvalidSubcommand => Some("可用命令见 taizhang --help".into()),
        _ => None,
    }
}

fn string(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("、"),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("、"),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

fn number(e: &clap::Error, kind: ContextKind) -> Option<isize> {
    match e.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    }
}
