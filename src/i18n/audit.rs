//! Words of the audit commands (history, trash, restore, verify, seal) and of
//! the journal's errors, in Chinese and English.

use crate::core::error::CoreError;
use crate::core::journal::{Action, Broken, BrokenReason, Hash, SealDigest};

use super::Lang;

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
