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

/// Above the list of waiting drafts.
pub fn drafts_question(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("上次中断的会话留下 {n} 份未保存的草稿："),
        Lang::En if n == 1 => "An interrupted session left an unsaved draft:".to_string(),
        Lang::En => format!("Interrupted sessions left {n} unsaved drafts:"),
    }
}

/// The keys under the list of waiting drafts.
pub fn drafts_keys(lang: Lang) -> &'static str {
    lang.pick(
        "Enter 恢复所选  d 丢弃所选  Esc 下次再说",
        "Enter restore  d discard  Esc decide later",
    )
}

/// What a record draft holds.
pub struct RecordSummary<'a> {
    pub editing: bool,
    pub kind: &'a str,
    pub date: &'a str,
    pub topic: &'a str,
    pub host: &'a str,
    /// Attendees and talk partners named.
    pub people: usize,
}

/// One line about a record draft: `新增记录：支委会 · 2026-03-14 · “主题” · 主持人 张三 · 4 人`;
/// an empty topic is said to be empty, never shown as a blank.
pub fn record_draft(lang: Lang, s: &RecordSummary<'_>) -> String {
    let mut parts = vec![s.kind.to_string()];
    if !s.date.is_empty() {
        parts.push(s.date.to_string());
    }
    parts.push(match (lang, s.topic.is_empty()) {
        (Lang::Zh, true) => "（未填主题）".to_string(),
        (Lang::Zh, false) => format!("“{}”", s.topic),
        (Lang::En, true) => "(no topic yet)".to_string(),
        (Lang::En, false) => format!("\"{}\"", s.topic),
    });
    if !s.host.is_empty() {
        parts.push(match lang {
            Lang::Zh => format!("主持人 {}", s.host),
            Lang::En => format!("host {}", s.host),
        });
    }
    if s.people > 0 {
        parts.push(match lang {
            Lang::Zh => format!("{} 人", s.people),
            Lang::En => format!("{} people", s.people),
        });
    }
    let head = match (lang, s.editing) {
        (Lang::Zh, false) => "新增记录：",
        (Lang::Zh, true) => "修改记录：",
        (Lang::En, false) => "New record: ",
        (Lang::En, true) => "Edited record: ",
    };
    format!("{head}{}", parts.join(lang.pick(" · ", " · ")))
}

/// One line about a person draft: `新增人员：张三 · 书记`.
pub fn person_draft(lang: Lang, editing: bool, name: &str, roles: &[&str]) -> String {
    let name = match (lang, name.is_empty()) {
        (Lang::Zh, true) => "（未填姓名）",
        (Lang::En, true) => "(no name yet)",
        (_, false) => name,
    };
    let head = match (lang, editing) {
        (Lang::Zh, false) => "新增人员：",
        (Lang::Zh, true) => "修改人员：",
        (Lang::En, false) => "New person: ",
        (Lang::En, true) => "Edited person: ",
    };
    let mut out = format!("{head}{name}");
    if !roles.is_empty() {
        out.push_str(" · ");
        out.push_str(&roles.join(lang.pick("、", ", ")));
    }
    out
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
