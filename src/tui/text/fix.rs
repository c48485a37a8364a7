//! Words of the TUI's rectification screen (整改): its list, detail, form,
//! prompts and notices, and the overdue flags shown beside duties. Item
//! states, sources and refusals are shared with the CLI in `i18n::fix`.

use crate::core::{FixId, FixItem, FixState};
use crate::i18n::Lang;

/// The three list filters (`f` cycles).
pub fn filter(lang: Lang, f: crate::tui::fix::FixFilter) -> &'static str {
    use crate::tui::fix::FixFilter;
    match f {
        FixFilter::Open => lang.pick("未销号", "open"),
        FixFilter::Overdue => lang.pick("逾期", "overdue"),
        FixFilter::All => lang.pick("全部", "all"),
    }
}

/// `整改（未销号 3 项）` / `Rectification (open: 3)`.
pub fn list_title(lang: Lang, f: crate::tui::fix::FixFilter, n: usize) -> String {
    match lang {
        Lang::Zh => format!("整改（{} {n} 项）", filter(lang, f)),
        Lang::En => format!("Rectification ({}: {n})", filter(lang, f)),
    }
}

/// The marker of overdue items.
pub fn overdue(lang: Lang) -> &'static str {
    lang.pick("逾期", "overdue")
}

/// A text marker per state, so the list reads without colour.
pub fn state_marker(s: FixState) -> &'static str {
    match s {
        FixState::Open => "○",
        FixState::InProgress => "◐",
        FixState::ClosureRequested => "◑",
        FixState::Closed => "●",
    }
}

pub fn state_marker_ascii(s: FixState) -> &'static str {
    match s {
        FixState::Open => "o",
        FixState::InProgress => "~",
        FixState::ClosureRequested => "?",
        FixState::Closed => "x",
    }
}

/// `整改逾期 2 项` / `2 rectification items overdue`.
pub fn overdue_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("整改逾期 {n} 项"),
        Lang::En => format!("Overdue rectification items: {n}"),
    }
}

pub fn none(lang: Lang, f: crate::tui::fix::FixFilter) -> &'static str {
    use crate::tui::fix::FixFilter;
    match f {
        FixFilter::Overdue => lang.pick("没有逾期的整改事项", "No overdue items"),
        _ => lang.pick("没有整改事项（a 新增）", "No items (a to add)"),
    }
}

pub fn detail(lang: Lang) -> &'static str {
    lang.pick("详情", "Detail")
}

pub fn no_selection(lang: Lang) -> &'static str {
    lang.pick("未选中整改事项", "No item selected")
}

/// Labels of the detail pane.
pub fn label(lang: Lang, what: Label) -> &'static str {
    match what {
        Label::Source => lang.pick("来源", "Source"),
        Label::Problem => lang.pick("问题", "Problem"),
        Label::Duties => lang.pick("职责", "Duties"),
        Label::Measures => lang.pick("措施", "Measures"),
        Label::Owner => lang.pick("责任人", "Owner"),
        Label::Deadline => lang.pick("期限", "Deadline"),
        Label::Opened => lang.pick("提出", "Opened"),
        Label::Notes => lang.pick("进展", "Progress notes"),
        Label::Closure => lang.pick("销号", "Closure"),
        Label::Linked => lang.pick("相关整改", "Rectification items"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Source,
    Problem,
    Duties,
    Measures,
    Owner,
    Deadline,
    Opened,
    Notes,
    Closure,
    Linked,
}

/// `2026-04-01 张书记 销号，依据记录 #12` / `closed 2026-04-01 by 张书记, record #12`.
pub fn closure(lang: Lang, f: &FixItem, by: &str) -> Option<String> {
    let c = f.closure.as_ref()?;
    let evidence = match &c.evidence {
        crate::core::Evidence::Record(id) => match lang {
            Lang::Zh => format!("依据记录 {id}"),
            Lang::En => format!("record {id}"),
        },
        crate::core::Evidence::Note(text) => text.clone(),
    };
    Some(match lang {
        Lang::Zh => format!("{} {by} 销号：{evidence}", c.date),
        Lang::En => format!("closed {} by {by}: {evidence}", c.date),
    })
}

pub fn form_title(lang: Lang, editing: Option<FixId>) -> String {
    match (editing, lang) {
        (None, Lang::Zh) => "新增整改事项".into(),
        (None, Lang::En) => "New rectification item".into(),
        (Some(id), Lang::Zh) => format!("编辑整改事项 {id}"),
        (Some(id), Lang::En) => format!("Edit rectification item {id}"),
    }
}

pub fn note_prompt(lang: Lang, id: FixId) -> String {
    match lang {
        Lang::Zh => format!("{id} 进展说明（Enter 保存，Esc 取消）"),
        Lang::En => format!("{id} progress note (Enter saves, Esc cancels)"),
    }
}

pub fn evidence_prompt(lang: Lang, id: FixId) -> String {
    match lang {
        Lang::Zh => format!("{id} 销号依据：记录编号（如 #12）或整改情况说明"),
        Lang::En => format!("{id} close with: a record id (#12) or a note of what was done"),
    }
}

pub fn discard(lang: Lang) -> &'static str {
    lang.pick("放弃修改？y 放弃 / n 继续", "Discard changes? y / n")
}

/// The notice after a write.
pub fn saved(lang: Lang, f: &FixItem, what: Saved) -> String {
    let state = crate::i18n::fix::state(lang, f.state);
    match (what, lang) {
        (Saved::Added, Lang::Zh) => format!("已新增整改事项 {}", f.id),
        (Saved::Added, Lang::En) => format!("Added rectification item {}", f.id),
        (Saved::Edited, Lang::Zh) => format!("已修改整改事项 {}", f.id),
        (Saved::Edited, Lang::En) => format!("Updated rectification item {}", f.id),
        (Saved::Noted, Lang::Zh) => format!("已记录 {} 的进展", f.id),
        (Saved::Noted, Lang::En) => format!("Note added to {}", f.id),
        (Saved::Moved, Lang::Zh) => format!("{} 现为：{state}", f.id),
        (Saved::Moved, Lang::En) => format!("{} is now {state}", f.id),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Added,
    Edited,
    Noted,
    Moved,
}

pub fn no_item(lang: Lang) -> &'static str {
    lang.pick("未选中整改事项", "No rectification item selected")
}
