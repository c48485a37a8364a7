//! The roster screen's own words in zh and en: the retire prompt, the hint
//! under 自何日起, the history's "earlier changes" line, and why a closed
//! year's roster does not change.

use crate::i18n::Lang;

/// The retire prompt before its date: "将“张三”移出名册，自何日起：".
pub(super) fn retire_prompt(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("将“{name}”移出名册，自何日起："),
        Lang::En => format!("Take {name} off the roster from: "),
    }
}

/// The footer hint while 自何日起 has the focus; a new person may leave it
/// empty to be on the roster since always.
pub(super) fn from_hint(lang: Lang, adding: bool) -> &'static str {
    match (lang, adding) {
        (Lang::Zh, false) => "自此日起生效：今天/昨天/+3/-3/3-14/2026-03-14",
        (Lang::Zh, true) => "自此日起在册：今天/昨天/-3/3-14；留空＝自始在册",
        (Lang::En, false) => "holds from this day: today/yesterday/+3/-3/3-14/2026-03-14",
        (Lang::En, true) => "on the roster from: today/yesterday/-3/3-14; empty = always",
    }
}

/// In place of the oldest changes that do not fit: "…另有较早的 3 条".
pub(super) fn earlier(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("…另有较早的 {n} 条"),
        Lang::En => format!("… {n} earlier"),
    }
}

/// Add, edit or retire asked in a closed year's view.
pub(super) fn sealed(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => {
            format!("{year}年度已结账，这是封存时的名册，不能修改；请切换到未结账的年度再修改")
        }
        Lang::En => format!(
            "{year} is closed: this is the roster as sealed, read-only; switch to an open year to change it"
        ),
    }
}
