//! A person's dated roster history in words: "2026-07-01 起 分管部门：财务部",
//! shared by `people show`, the TUI person view and the audit trail.

use chrono::NaiveDate;

use super::{Lang, domain};
use crate::core::error::Field;
use crate::core::roster::{Change, History, Person};

/// The heading of a person's history.
pub fn history_title(lang: Lang) -> &'static str {
    lang.pick("任职变动", "Dated changes")
}

/// The journal's name for the history field.
pub fn history_field(lang: Lang) -> &'static str {
    lang.pick("任职变动", "dated changes")
}

/// No dated change: everything has held since the person was entered.
pub fn no_history(lang: Lang) -> &'static str {
    lang.pick(
        "无（现任信息自始有效）",
        "none (the details above have always held)",
    )
}

/// "自 2026-07-01 起" / "from 2026-07-01".
pub fn from_day(lang: Lang, day: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("自 {day} 起"),
        Lang::En => format!("from {day}"),
    }
}

/// One change as "分管部门：财务部" / "oversees: 财务部".
pub fn change(lang: Lang, c: &Change) -> String {
    let sep = lang.pick("、", ", ");
    let none = lang.pick("无", "none");
    let list = |items: &[String]| {
        if items.is_empty() {
            none.to_string()
        } else {
            items.join(sep)
        }
    };
    let (field, value) = match c {
        Change::Roles(roles) => (
            domain::field(lang, Field::Roles),
            roles
                .iter()
                .map(|r| domain::role(lang, *r))
                .collect::<Vec<_>>()
                .join(sep),
        ),
        Change::Dept(d) => (
            domain::field(lang, Field::Dept),
            d.clone().unwrap_or_else(|| none.to_string()),
        ),
        Change::Oversees(o) => (domain::field(lang, Field::Oversees), list(o)),
        Change::Links(l) => (domain::field(lang, Field::Links), list(l)),
        Change::Retired(true) => return lang.pick("移出名册", "left the roster").to_string(),
        Change::Retired(false) => return lang.pick("列入名册", "joined the roster").to_string(),
    };
    match lang {
        Lang::Zh => format!("{field}：{value}"),
        Lang::En => format!("{field}: {value}"),
    }
}

/// Each dated change as one line, oldest first.
pub fn history_lines(lang: Lang, history: &History) -> Vec<String> {
    history
        .changes()
        .iter()
        .map(|(day, c)| format!("{}  {}", from_day(lang, *day), change(lang, c)))
        .collect()
}

/// The whole history of `p`, for the audit trail: its lines joined, or
/// "none".
pub fn history_text(lang: Lang, p: &History) -> String {
    let lines = history_lines(lang, p);
    if lines.is_empty() {
        no_history(lang).to_string()
    } else {
        lines.join(lang.pick("；", "; "))
    }
}

/// The day a person joined, when it is dated.
pub fn joined(lang: Lang, p: &Person) -> Option<String> {
    p.joined().map(|d| match lang {
        Lang::Zh => format!("{d} 列入名册"),
        Lang::En => format!("on the roster from {d}"),
    })
}
