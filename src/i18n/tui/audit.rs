//! Words of the TUI's audit overlays (a record's history, the trash), of
//! live updates from other sessions, and of the draft an interrupted
//! session left. Journal words shared with the CLI stay in `i18n::audit`.

use crate::core::RecordId;
use crate::i18n::Lang;

/// The notice when another session changed the ledger.
pub fn others_changed(lang: Lang) -> &'static str {
    lang.pick(
        "已更新：他人新增/修改了记录",
        "Updated: someone else added or changed records",
    )
}

/// What a history is about: `记录 12`.
pub fn record_word(lang: Lang, id: RecordId) -> String {
    format!("{} {id}", lang.pick("记录", "record"))
}

pub fn trash_title(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("回收站（共 {n} 条）"),
        Lang::En => format!("Trash ({n})"),
    }
}

/// `字段：` / `field: `.
pub fn label(lang: Lang, field: &str) -> String {
    match lang {
        Lang::Zh => format!("{field}："),
        Lang::En => format!("{field}: "),
    }
}

/// The duty picked in the detail pane has no record that counts yet.
pub fn nothing_picked(lang: Lang) -> &'static str {
    lang.pick(
        "该职责尚无计入的记录",
        "no record counts toward this duty yet",
    )
}

pub fn draft_title(lang: Lang) -> &'static str {
    lang.pick("未保存的草稿", "Unsaved draft")
}

pub fn draft_question(lang: Lang) -> &'static str {
    lang.pick(
        "恢复上次未保存的记录草稿？(y/n)",
        "Restore the unsaved record draft from last time? (y/n)",
    )
}

pub fn person_draft_question(lang: Lang) -> &'static str {
    lang.pick(
        "恢复上次未保存的人员草稿？(y/n)",
        "Restore the unsaved person draft from last time? (y/n)",
    )
}

/// One line about the draft: its topic or name, if any.
pub fn draft_about(lang: Lang, what: &str) -> String {
    if what.is_empty() {
        return String::new();
    }
    match lang {
        Lang::Zh => format!("草稿内容：{what}"),
        Lang::En => format!("Draft: {what}"),
    }
}

pub fn draft_discarded(lang: Lang) -> &'static str {
    lang.pick("已丢弃草稿", "Draft discarded")
}

pub fn draft_unreadable(lang: Lang, path: &str, why: &str) -> String {
    match lang {
        Lang::Zh => format!("草稿文件 {path} 无法读取（{why}），已忽略"),
        Lang::En => format!("the draft file {path} cannot be read ({why}); ignored"),
    }
}
