//! Words for evidence-only duties and for how records reach a duty: what
//! the status, the TUI and `status --json` say instead of a bare count, so
//! that "no number to meet" never reads as "no requirement".

use crate::core::catalogue::{Duty, RecordPath};
use crate::core::progress::{Progress, Status};
use crate::core::rule::Rule;

use super::{Lang, domain};

/// Whether `p` is judged by its evidence alone: no number to meet, and no
/// sub-duties with numbers that it is judged by instead.
pub fn evidence_only(d: &Duty, p: &Progress) -> bool {
    matches!(d.rule, Rule::Evidence) && p.target == 0
}

/// `无量化要求 · 已留痕 10 条`, `无量化要求 · 暂无记录`, or for a year that is
/// over with nothing on file, `无留痕 · 全年暂无记录`.
pub fn phrase(lang: Lang, p: &Progress) -> String {
    let n = p.records.len();
    match (lang, p.status == Status::NoEvidence, n) {
        (Lang::Zh, true, _) => format!("{} · 全年暂无记录", domain::status(lang, p.status)),
        (Lang::En, true, _) => format!(
            "{} · nothing on file all year",
            domain::status(lang, p.status)
        ),
        (Lang::Zh, false, 0) => "无量化要求 · 暂无记录".to_string(),
        (Lang::En, false, 0) => "no set number · nothing on file yet".to_string(),
        (Lang::Zh, false, n) => format!("无量化要求 · 已留痕 {n} 条"),
        (Lang::En, false, 1) => "no set number · 1 record on file".to_string(),
        (Lang::En, false, n) => format!("no set number · {n} records on file"),
    }
}

/// How to give a duty its records, in one line: the kinds that count, the
/// sub-duties, the roster, or (no default kind) how to link a record by hand.
pub fn record_path(lang: Lang, d: &Duty, path: &RecordPath) -> String {
    match (path, lang) {
        (RecordPath::Kinds { kinds }, _) => {
            let names: Vec<&str> = kinds.iter().map(|k| domain::kind(lang, *k)).collect();
            match lang {
                Lang::Zh => format!("计入方式：录入“{}”记录即自动计入", names.join("”“")),
                Lang::En => format!(
                    "counts: records of kind {} count by default",
                    names.join(", ")
                ),
            }
        }
        (RecordPath::SubDuties, Lang::Zh) => "计入方式：按下列子项判定，记录计入子项".to_string(),
        (RecordPath::SubDuties, Lang::En) => {
            "counts: judged by its sub-duties; records go to them".to_string()
        }
        (RecordPath::Roster, Lang::Zh) => {
            "计入方式：按名册中班子成员的联系点判定（people edit 姓名 --links …）".to_string()
        }
        (RecordPath::Roster, Lang::En) => {
            "counts: read from each leader's 联系点 on the roster (people edit NAME --links …)"
                .to_string()
        }
        (RecordPath::ByHand, _) => by_hand(lang, d),
    }
}

/// The hint for a duty no record kind counts toward by default.
pub fn by_hand(lang: Lang, d: &Duty) -> String {
    match lang {
        Lang::Zh => format!(
            "计入方式：无默认记录类型，录入记录时指定计入本项（命令行 --duty {}；界面中在“计入职责”勾选）",
            d.title
        ),
        Lang::En => format!(
            "counts: no default record kind; link a record when entering it (--duty \"{}\", or tick it under Duties in the form)",
            d.title_en
        ),
    }
}

/// The short form of `by_hand` for a status line: `录入时加 --duty 标题`.
pub fn by_hand_short(lang: Lang, d: &Duty) -> String {
    match lang {
        Lang::Zh => format!("（录入时加 --duty {}）", d.title),
        Lang::En => format!("(link with --duty \"{}\")", d.title_en),
    }
}

/// The short form for a narrow column: `已留痕 10 条`, `暂无记录`, `无留痕`.
pub fn short_phrase(lang: Lang, p: &Progress) -> String {
    let n = p.records.len();
    match (lang, p.status == Status::NoEvidence, n) {
        (_, true, _) => domain::status(lang, p.status).to_string(),
        (Lang::Zh, false, 0) => "暂无记录".to_string(),
        (Lang::En, false, 0) => "nothing yet".to_string(),
        (Lang::Zh, false, n) => format!("已留痕 {n} 条"),
        (Lang::En, false, n) => format!("{n} on file"),
    }
}
