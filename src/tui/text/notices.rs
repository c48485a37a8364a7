//! The TUI's notices after a change (saved, deleted, restored) and its
//! confirmation before deleting, in Chinese and English.

use chrono::NaiveDate;

use crate::core::RecordId;
use crate::i18n::Lang;

/// After a save: `已保存记录 #12，计入理论中心组专题学习 5/12（另计入 2 项职责）`.
/// `main` is the duty named (id, title, progress); `others` how many more
/// the record counts toward.
pub fn saved(lang: Lang, id: RecordId, updated: bool, main: Option<&str>, others: usize) -> String {
    let head = match (lang, updated) {
        (Lang::Zh, false) => format!("已保存记录 {id}"),
        (Lang::Zh, true) => format!("已更新记录 {id}"),
        (Lang::En, false) => format!("Saved record {id}"),
        (Lang::En, true) => format!("Updated record {id}"),
    };
    let Some(main) = main else {
        return head;
    };
    match (lang, others) {
        (Lang::Zh, 0) => format!("{head}，计入{main}"),
        (Lang::Zh, n) => format!("{head}，计入{main}（另计入 {n} 项职责）"),
        (Lang::En, 0) => format!("{head}; counts toward {main}"),
        (Lang::En, 1) => format!("{head}; counts toward {main} (and 1 more duty)"),
        (Lang::En, n) => format!("{head}; counts toward {main} (and {n} more duties)"),
    }
}

/// A save that did not move its duty: the period it falls in was already
/// covered. `what` is the duty title and its count, e.g. `支委会 8/12`.
pub fn saved_unmoved(lang: Lang, id: RecordId, what: &str) -> String {
    match lang {
        Lang::Zh => format!("已保存记录 {id}；{what} 未变：该期已有记录，补记往期请改日期"),
        Lang::En => {
            format!("Saved record {id}; {what} unchanged: period already covered, change the date")
        }
    }
}

pub fn deleted(lang: Lang, id: RecordId) -> String {
    match lang {
        Lang::Zh => format!("已删除记录 {id}，按 u 撤销"),
        Lang::En => format!("Deleted record {id}; press u to undo"),
    }
}

pub fn restored(lang: Lang, id: RecordId) -> String {
    match lang {
        Lang::Zh => format!("已恢复记录 {id}"),
        Lang::En => format!("Restored record {id}"),
    }
}

pub fn person_saved(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("已保存 {name}"),
        Lang::En => format!("Saved {name}"),
    }
}

pub fn person_retired(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("{name} 已移出名册"),
        Lang::En => format!("{name} has left the roster"),
    }
}

pub fn confirm_delete(lang: Lang, id: RecordId, date: NaiveDate, topic: &str) -> String {
    match lang {
        Lang::Zh => format!("确定删除 {id}（{date} {topic}）吗？"),
        Lang::En => format!("Delete {id} ({date} {topic})?"),
    }
}
