//! Words for the warnings a record needs confirmed (`core::confirm`): what
//! is unusual about the input, for any shell to put its own question after.

use crate::core::confirm::Warning;
use crate::core::record::Record;

use super::{Lang, domain};

/// One warning as a sentence without the question: the CLI adds the flag
/// that confirms it, the TUI a y/n.
pub fn warning(lang: Lang, w: &Warning) -> String {
    match (w, lang) {
        (Warning::Future { date, today }, Lang::Zh) => {
            format!("日期 {date} 晚于今天（{today}）")
        }
        (Warning::Future { date, today }, Lang::En) => {
            format!("the date {date} is after today ({today})")
        }
        (Warning::Duplicate { of }, _) => {
            let first = of.first().map(|r| existing(lang, r)).unwrap_or_default();
            match (lang, of.len()) {
                (Lang::Zh, 1) => format!("已有一条相同的记录（同日、同类型、同样人员）：{first}"),
                (Lang::Zh, n) => {
                    format!("已有{n}条相同的记录（同日、同类型、同样人员），如：{first}")
                }
                (Lang::En, 1) => {
                    format!("the same record exists (same day, kind and people): {first}")
                }
                (Lang::En, n) => {
                    format!("{n} such records exist (same day, kind and people), e.g. {first}")
                }
            }
        }
    }
}

/// Every warning, joined into one sentence.
pub fn warnings(lang: Lang, ws: &[Warning]) -> String {
    ws.iter()
        .map(|w| warning(lang, w))
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "))
}

/// An existing record as a person recognises it: date, kind and topic.
fn existing(lang: Lang, r: &Record) -> String {
    let kind = domain::kind(lang, r.kind);
    match (r.topic.is_empty(), lang) {
        (true, _) => format!("{} {kind}", r.date),
        (false, Lang::Zh) => format!("{} {kind}“{}”", r.date, r.topic),
        (false, Lang::En) => format!("{} {kind} \"{}\"", r.date, r.topic),
    }
}

/// The refusal as a statement, for shells that do not ask (yet).
pub fn refusal(lang: Lang, ws: &[Warning]) -> String {
    match lang {
        Lang::Zh => format!("{}；未保存，需先确认", warnings(lang, ws)),
        Lang::En => format!("{}; not saved until confirmed", warnings(lang, ws)),
    }
}
