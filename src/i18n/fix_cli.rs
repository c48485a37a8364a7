//! Words of the `fix`, `year` and `amend` commands, in Chinese and English.

use crate::core::journal::Hash;

use super::Lang;

/// What a `fix` command did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Added,
    Saved,
    Noted,
    Moved,
    Closed,
}

pub fn done(lang: Lang, what: Done, line: &str) -> String {
    let head = match what {
        Done::Added => lang.pick("已立项：", "opened: "),
        Done::Saved => lang.pick("已保存：", "saved: "),
        Done::Noted => lang.pick("已记录进展：", "note added: "),
        Done::Moved => lang.pick("状态已更新：", "state changed: "),
        Done::Closed => lang.pick("已销号：", "closed: "),
    };
    format!("{head}{line}")
}

pub fn overdue_suffix(lang: Lang) -> &'static str {
    lang.pick("·逾期", ", overdue")
}

/// Which filter a `fix list` ran with, and what it left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// `--overdue`; the year's items not closed yet.
    Overdue { open_items: usize },
    /// `--open`; all of the year's items.
    Open { items: usize },
}

/// An empty `fix list`: nothing at all, or nothing that passes the filter.
pub fn no_fixes(lang: Lang, year: i32, filter: Option<Filter>) -> String {
    match (filter, lang) {
        (Some(Filter::Overdue { open_items: 0 }), Lang::Zh) => {
            format!("{year}年度没有逾期的整改事项，也没有未销号的事项")
        }
        (Some(Filter::Overdue { open_items: 0 }), Lang::En) => {
            format!("no overdue rectification items in {year}, and none open")
        }
        (Some(Filter::Overdue { open_items }), Lang::Zh) => format!(
            "{year}年度没有逾期的整改事项；另有 {open_items} 项未销号，均在期限内（fix list --open 查看）"
        ),
        (Some(Filter::Overdue { open_items }), Lang::En) => format!(
            "no overdue rectification items in {year}; {open_items} open, all within their deadline (see fix list --open)"
        ),
        (Some(Filter::Open { items }), Lang::Zh) if items > 0 => {
            format!("{year}年度的 {items} 项整改事项均已销号")
        }
        (Some(Filter::Open { items }), Lang::En) if items > 0 => {
            format!("all {items} rectification items of {year} are closed")
        }
        (_, Lang::Zh) => format!("{year}年度没有整改事项"),
        (_, Lang::En) => format!("no rectification items in {year}"),
    }
}

pub fn count(lang: Lang, n: usize, overdue: usize) -> String {
    match lang {
        Lang::Zh => format!("共 {n} 项，其中逾期 {overdue} 项"),
        Lang::En => format!("{n} items, {overdue} overdue"),
    }
}

pub fn item_word(lang: Lang) -> &'static str {
    lang.pick("整改事项", "item")
}
pub fn source_word(lang: Lang) -> &'static str {
    lang.pick("来源", "source")
}
pub fn problem_word(lang: Lang) -> &'static str {
    lang.pick("问题", "problem")
}
pub fn measures_word(lang: Lang) -> &'static str {
    lang.pick("整改措施", "measures")
}
pub fn owner_word(lang: Lang) -> &'static str {
    lang.pick("责任人", "owner")
}
pub fn deadline_word(lang: Lang) -> &'static str {
    lang.pick("整改时限", "deadline")
}
pub fn opened_word(lang: Lang) -> &'static str {
    lang.pick("立项日期", "opened")
}
pub fn year_word(lang: Lang) -> &'static str {
    lang.pick("所属年度", "year")
}
pub fn state_word(lang: Lang) -> &'static str {
    lang.pick("状态", "state")
}
pub fn closed_word(lang: Lang) -> &'static str {
    lang.pick("销号", "closed")
}
pub fn evidence_word(lang: Lang) -> &'static str {
    lang.pick("销号佐证", "evidence")
}
pub fn notes_word(lang: Lang) -> &'static str {
    lang.pick("整改进展", "progress notes")
}

/// After a duty in `status`: `整改逾期 1`.
pub fn duty_overdue(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("整改逾期 {n}"),
        Lang::En => format!("{n} fix overdue"),
    }
}

pub fn overdue_heading(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("逾期整改事项（{n} 项）"),
        Lang::En => format!("Overdue rectification items ({n})"),
    }
}

/// `year close` done: the seal and what was carried over.
pub fn year_closed(lang: Lang, year: i32, digest: &Hash, carried: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "{year}年度已结账：记录、整改事项及当时的人员名单和职责清单已封存归档（摘要 {digest}），从此只读；{carried} 项未完成的整改事项已结转到{}年度",
            year + 1
        ),
        Lang::En => format!(
            "closed {year}: its records and items, with the roster and catalogue as they stood, are sealed in its archive (digest {digest}) and read-only from now on; {carried} open items were carried into {}",
            year + 1
        ),
    }
}

pub fn year_list_heading(lang: Lang) -> &'static str {
    lang.pick(
        "年度  状态    记录  整改  封存摘要",
        "year  state    records  items  seal digest",
    )
}

/// After a seal digest the records no longer match.
pub fn seal_broken(lang: Lang) -> &'static str {
    lang.pick("（记录已与封存不符！）", " (records no longer match!)")
}

pub fn no_years(lang: Lang) -> &'static str {
    lang.pick("台账中还没有任何年度的数据", "the ledger holds no year yet")
}

pub fn amended(lang: Lang, record: &str, date: &str) -> String {
    match lang {
        Lang::Zh => format!("已为记录 {record} 添加更正（{date}）"),
        Lang::En => format!("correction dated {date} added to record {record}"),
    }
}

pub fn corrections_heading(lang: Lang) -> &'static str {
    lang.pick("更正", "corrections")
}
