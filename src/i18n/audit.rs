//! Words of the audit commands (history, trash, restore, verify, seal) and of
//! the journal's errors, in Chinese and English.

use serde_json::Value;

use crate::core::error::{CoreError, Field};
use crate::core::journal::{Action, Broken, BrokenReason, Hash, SealDigest};
use crate::core::record::RecordKind;
use crate::core::roster::{PersonId, Role, Roster};
use crate::core::text::inert_line;

use super::{Lang, domain};

pub fn action(lang: Lang, a: Action) -> &'static str {
    match a {
        Action::Create => lang.pick("新增", "created"),
        Action::Update => lang.pick("修改", "changed"),
        Action::Delete => lang.pick("删除", "deleted"),
        Action::Restore => lang.pick("恢复", "restored"),
        Action::Import => lang.pick("导入备份", "backup imported"),
        Action::Catalogue => lang.pick("更换职责清单", "catalogue replaced"),
        Action::Seal => lang.pick("封存", "sealed"),
        Action::Amend => lang.pick("更正", "amended"),
        Action::CloseYear => lang.pick("年度结账", "year closed"),
        Action::ReopenYear => lang.pick("重新开放年度", "year reopened"),
        Action::RestoreBackup => lang.pick("从备份恢复", "backup restored"),
    }
}

pub fn no_history(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Zh => format!("{what} 没有变更记录"),
        Lang::En => format!("no changes recorded for {what}"),
    }
}

pub fn history_heading(lang: Lang, what: &str, n: usize) -> String {
    match lang {
        Lang::Zh => format!("{what} 的变更记录（共 {n} 条）"),
        Lang::En => format!("history of {what} ({n} changes)"),
    }
}

pub fn person_word(lang: Lang) -> &'static str {
    lang.pick("人员", "person")
}

pub fn retired_field(lang: Lang) -> &'static str {
    lang.pick("已退出", "retired")
}

pub fn yes_no(lang: Lang, b: bool) -> &'static str {
    if b {
        lang.pick("是", "yes")
    } else {
        lang.pick("否", "no")
    }
}

/// Shown for a value that did not exist or is empty.
pub fn empty_value() -> &'static str {
    "—"
}

pub fn trash_empty(lang: Lang) -> &'static str {
    lang.pick("回收站为空", "the trash is empty")
}

pub fn deleted_by(lang: Lang, at: &str, user: &str) -> String {
    match lang {
        Lang::Zh => format!("（{at} 由 {user} 删除）"),
        Lang::En => format!("(deleted {at} by {user})"),
    }
}

pub fn trash_footer(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("回收站共 {n} 条；恢复请用 taizhang restore 编号"),
        Lang::En => format!("{n} in the trash; bring one back with `taizhang restore ID`"),
    }
}

pub fn restored(lang: Lang, summary: &str) -> String {
    format!("{}{summary}", lang.pick("已恢复：", "restored: "))
}

pub fn intact(lang: Lang, entries: u64, head: &Hash) -> String {
    match lang {
        Lang::Zh => format!("日志完整：共 {entries} 条，末条哈希 {head}"),
        Lang::En => format!("journal intact: {entries} entries, head {head}"),
    }
}

pub fn sealed(lang: Lang, s: &SealDigest) -> String {
    let (y, n, d, seq) = (s.year, s.records, s.digest, s.head_seq);
    let head = s.head.short();
    match lang {
        Lang::Zh => format!(
            "{y}年度封存摘要（SHA-256）：{d}\n共 {n} 条记录，基于日志第 {seq} 条（哈希 {head}…）；请将摘要写入年度报告"
        ),
        Lang::En => format!(
            "seal of {y} (SHA-256): {d}\n{n} records, on journal entry {seq} (hash {head}…); put the digest in the annual report"
        ),
    }
}

fn broken(lang: Lang, b: &Broken) -> String {
    let seq = b.seq;
    let why = match (&b.reason, lang) {
        (BrokenReason::BadHash, Lang::Zh) => "内容与其哈希不符，已被改动".to_string(),
        (BrokenReason::BadHash, Lang::En) => {
            "its content does not match its hash: it was altered".into()
        }
        (BrokenReason::BadLink, Lang::Zh) => "与前一条的哈希链接断开".into(),
        (BrokenReason::BadLink, Lang::En) => {
            "its link to the previous entry's hash is broken".into()
        }
        (BrokenReason::Gap { expected }, Lang::Zh) => format!("之前缺少第 {expected} 条"),
        (BrokenReason::Gap { expected }, Lang::En) => {
            format!("entry {expected} before it is missing")
        }
        (BrokenReason::Truncated { head }, Lang::Zh) => format!("缺失（日志应写到第 {head} 条）"),
        (BrokenReason::Truncated { head }, Lang::En) => {
            format!("is missing (the journal was written up to entry {head})")
        }
    };
    match lang {
        Lang::Zh => format!(
            "变更日志在第 {seq} 条处断裂：{why}。台账可能被绕过 taizhang 修改；请保留现场，并从备份核对"
        ),
        Lang::En => format!(
            "the change journal breaks at entry {seq}: {why}. The ledger may have been changed outside taizhang; keep it as is and compare with a backup"
        ),
    }
}

/// The journal's `CoreError`s; `None` for the others.
pub fn core_error(lang: Lang, e: &CoreError) -> Option<String> {
    Some(match (e, lang) {
        (CoreError::Journal(b), _) => broken(lang, b),
        (CoreError::NotInTrash(id), Lang::Zh) => {
            format!("记录 {id} 不在回收站中；可用 taizhang trash 查看可恢复的记录")
        }
        (CoreError::NotInTrash(id), Lang::En) => {
            format!("record {id} is not in the trash; `taizhang trash` lists what can be restored")
        }
        (CoreError::IdInUse(id), Lang::Zh) => {
            format!("无法恢复记录 {id}：已有记录使用该编号（可能来自导入的备份）")
        }
        (CoreError::IdInUse(id), Lang::En) => format!(
            "record {id} cannot be restored: another record has its id (perhaps from an imported backup)"
        ),
        _ => return None,
    })
}

/// A journaled field's name in words.
pub fn field_label(lang: Lang, name: &str) -> String {
    let field = match name {
        "kind" => Field::Kind,
        "date" => Field::Date,
        "topic" => Field::Topic,
        "host" => Field::Host,
        "attendees" => Field::Attendees,
        "absentees" => Field::Absentees,
        "partners" => Field::Partners,
        "duties" => Field::Duties,
        "notes" => Field::Notes,
        "evidence" => Field::Evidence,
        "name" => Field::Name,
        "roles" => Field::Roles,
        "dept" => Field::Dept,
        "oversees" => Field::Oversees,
        "links" => Field::Links,
        "retired" => return retired_field(lang).to_string(),
        "history" => return super::roster::history_field(lang).to_string(),
        other => return inert_line(other).into_owned(),
    };
    domain::field(lang, field).to_string()
}

/// A JSON value as the user knows it: names for person ids, words for kinds
/// and roles, plain text (made inert) for strings.
pub fn value_text(lang: Lang, roster: &Roster, field: &str, v: &Value) -> String {
    let person = |v: &Value| {
        serde_json::from_value::<PersonId>(v.clone())
            .map_or_else(|_| v.to_string(), |id| roster.name(id))
    };
    let text = match (field, v) {
        (_, Value::Null) => empty_value().to_string(),
        (_, Value::String(s)) if s.is_empty() => empty_value().to_string(),
        (_, Value::Bool(b)) => yes_no(lang, *b).to_string(),
        ("host", v) => person(v),
        ("history", v) => serde_json::from_value::<crate::core::roster::History>(v.clone())
            .map_or_else(|_| v.to_string(), |h| super::roster::history_text(lang, &h)),
        ("kind", v) => serde_json::from_value::<RecordKind>(v.clone())
            .map_or_else(|_| v.to_string(), |k| domain::kind(lang, k).to_string()),
        ("absentees", Value::Object(m)) => {
            let name = m.get("person").map(person).unwrap_or_default();
            let reason = m.get("reason").and_then(Value::as_str).unwrap_or_default();
            super::cli::absence(lang, &name, reason)
        }
        ("attendees" | "partners", v) if v.is_number() => person(v),
        ("roles", Value::String(_)) => serde_json::from_value::<Role>(v.clone())
            .map_or_else(|_| v.to_string(), |r| domain::role(lang, r).to_string()),
        (_, Value::String(s)) => s.clone(),
        (_, Value::Array(items)) if items.is_empty() => empty_value().to_string(),
        (f, Value::Array(items)) => items
            .iter()
            .map(|i| value_text(lang, roster, f, i))
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", ")),
        (_, other) => other.to_string(),
    };
    inert_line(&text).into_owned()
}
