//! Every string the terminal UI shows, in Chinese and English. Views never
//! spell words themselves; they ask here. The audit overlays (history,
//! trash) and the draft offer have their words in `text/audit.rs`, what
//! keys do in `text/keys.rs`. Shared vocabulary comes from `crate::i18n`.

pub mod audit;
pub mod fix;
pub mod keys;
pub mod notices;

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::tui::state::Screen;

pub use keys::action;
pub use notices::{
    confirm_delete, deleted, person_retired, person_saved, restored, saved, saved_unmoved,
};

/// A fixed piece of UI text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T {
    AppName,
    FurthestBehind,
    NothingBehind,
    NextDeadlines,
    NoDeadlines,
    TalksOwed,
    NoTalksOwed,
    Lists,
    Duties,
    Detail,
    NoDutyMatches,
    NoDutySelected,
    ListHint,
    Rule,
    Source,
    Progress,
    RecordsThatCount,
    Missing,
    NextDue,
    NoneYet,
    Nothing,
    Date,
    Kind,
    Topic,
    NoRecords,
    Help,
    HelpGlobal,
    ConfirmTitle,
    ConfirmHint,
    NothingToUndo,
    NoRecordSelected,
    YearOutOfRange,
    FormCancelHint,
    FilterPrompt,
    Expected,
    Select,
    RecordForm,
    Scroll,
    Host,
    People,
    Notes,
    NeedsRoster,
    FirstStep,
    FirstRunKey,
    Legend,
}

pub fn text(lang: Lang, t: T) -> &'static str {
    match t {
        T::AppName => lang.pick("台账", "Taizhang"),
        T::FurthestBehind => lang.pick("进度最落后", "Furthest behind"),
        T::NothingBehind => lang.pick("没有落后的职责", "Nothing is behind"),
        T::NextDeadlines => lang.pick("即将到期", "Next deadlines"),
        T::NoDeadlines => lang.pick("暂无到期事项", "No open deadlines"),
        T::TalksOwed => lang.pick("尚欠谈话", "Talks still owed"),
        T::NoTalksOwed => lang.pick("谈话均已完成", "No talks owed"),
        T::Lists => lang.pick("清单", "Lists"),
        T::Duties => lang.pick("职责", "Duties"),
        T::Detail => lang.pick("详情", "Detail"),
        T::NoDutyMatches => lang.pick("没有匹配的职责", "No duty matches"),
        T::NoDutySelected => lang.pick("未选择职责", "No duty selected"),
        T::ListHint => lang.pick(
            "Tab 进入职责，查看进度与详情",
            "Tab: into the duties, for progress and detail",
        ),
        T::Rule => lang.pick("要求", "Rule"),
        T::Source => lang.pick("依据", "Source"),
        T::Progress => lang.pick("进度", "Progress"),
        T::RecordsThatCount => lang.pick("计入的记录", "Records that count"),
        T::Missing => lang.pick("尚缺", "Still missing"),
        T::NextDue => lang.pick("下一截止", "Next due"),
        T::NoneYet => lang.pick("暂无", "None yet"),
        T::Nothing => lang.pick("无", "Nothing"),
        T::Date => lang.pick("日期", "Date"),
        T::Kind => lang.pick("类型", "Kind"),
        T::Topic => lang.pick("主题", "Topic"),
        T::NoRecords => lang.pick(
            "本年度还没有记录，按 a 添加",
            "No records this year; press a to add one",
        ),
        T::Help => lang.pick("帮助", "Help"),
        T::HelpGlobal => lang.pick("任何界面", "Anywhere"),
        T::ConfirmTitle => lang.pick("删除记录", "Delete record"),
        T::ConfirmHint => lang.pick("y 删除    n 取消", "y delete    n keep"),
        T::NothingToUndo => lang.pick("没有可撤销的删除", "Nothing to undo"),
        T::NoRecordSelected => lang.pick("没有选中的记录", "No record selected"),
        T::YearOutOfRange => lang.pick("年份超出范围", "That year is out of range"),
        T::FormCancelHint => lang.pick("取消", "cancel"),
        T::FilterPrompt => lang.pick("筛选", "Filter"),
        T::Expected => lang.pick("应达", "pace"),
        T::Select => lang.pick("选择", "select"),
        T::RecordForm => lang.pick(
            "表单中（记录、人员、整改）",
            "In a form (record, person, item)",
        ),
        T::Scroll => lang.pick("滚动", "scroll"),
        T::Host => lang.pick("主持人", "Host"),
        T::People => lang.pick("参加人员", "With"),
        T::Notes => lang.pick("备注", "Notes"),
        T::NeedsRoster => lang.pick("需先录入名册", "needs roster"),
        T::FirstStep => lang.pick("第一步：录入名册", "First: the roster"),
        T::FirstRunKey => lang.pick("按 p 录入第一位人员", "Press p to add the first person"),
        T::Legend => lang.pick("符号说明", "Symbols"),
    }
}

pub fn screen(lang: Lang, s: Screen) -> &'static str {
    match s {
        Screen::Overview => lang.pick("总览", "Overview"),
        Screen::Checklist => lang.pick("责任清单", "Checklist"),
        Screen::Records => lang.pick("记录", "Records"),
        Screen::Talks => lang.pick("谈话", "Talks"),
        Screen::Roster => lang.pick("名册", "Roster"),
        Screen::Fixes => lang.pick("整改", "Fixes"),
    }
}

/// What records are counted in, after a number (`11 条`).
pub fn record_unit(lang: Lang) -> &'static str {
    lang.pick("条", "rec")
}

pub fn year(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("{year}年度"),
        Lang::En => format!("Year {year}"),
    }
}

pub fn today(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("今天 {date}"),
        Lang::En => format!("today {date}"),
    }
}

pub fn records_count(lang: Lang, year: i32, n: usize) -> String {
    match lang {
        Lang::Zh => format!("{year}年 共{n}条记录"),
        Lang::En => format!("{n} records in {year}"),
    }
}

/// What a symbol of the screens means, for the legend in the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legend {
    Bar,
    Pace,
    Cut,
    Pair,
    Focus,
    Ticked,
}

pub fn legend(lang: Lang, l: Legend) -> &'static str {
    match l {
        Legend::Bar => lang.pick("进度条：已完成／未完成", "progress bar: done / to do"),
        Legend::Pace => lang.pick(
            "按时间此刻应达到的进度",
            "where the pace says it should be now",
        ),
        Legend::Cut => lang.pick(
            "文字已截断，详情中有全文",
            "text cut short; the detail has it all",
        ),
        Legend::Pair => lang.pick("谈话人 → 谈话对象", "who talks → with whom"),
        Legend::Focus => lang.pick("当前操作的列表", "the list the keys move in"),
        Legend::Ticked => lang.pick("已勾选", "ticked"),
    }
}

/// A rectification state in the legend: `整改：进行中`.
pub fn legend_fix(lang: Lang, state: &str) -> String {
    match lang {
        Lang::Zh => format!("整改：{state}"),
        Lang::En => format!("rectification: {state}"),
    }
}

/// The help's bottom border while more follows below.
pub fn help_more(lang: Lang, ascii: bool) -> String {
    let arrow = if ascii { "Down" } else { "↓" };
    match lang {
        Lang::Zh => format!("{arrow} 更多"),
        Lang::En => format!("{arrow} more"),
    }
}

/// `label：value` with the colon Chinese text uses, `label: value` in English.
pub fn labelled(lang: Lang, label: &str, value: &str) -> String {
    match lang {
        Lang::Zh => format!("{label}：{value}"),
        Lang::En => format!("{label}: {value}"),
    }
}

/// Where a duty stands in the branch's document (`二(一)2`), with the
/// full-width brackets of Chinese text.
pub fn seed_ref(lang: Lang, reference: &str) -> String {
    match lang {
        Lang::Zh => format!("实施意见 {}", brackets(lang, reference)),
        Lang::En => format!("Implementing document {reference}"),
    }
}

/// Catalogue text as Chinese text writes it: `三(一)(1)` becomes `三（一）（1）`.
pub fn brackets(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Zh => text.replace('(', "（").replace(')', "）"),
        Lang::En => text.to_string(),
    }
}

/// The overview's lead on a ledger with no roster.
pub fn first_run(lang: Lang, waiting: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "名册还是空的。主持人、参加人员和谈话对象都从名册中选，{waiting} 项职责（谈话全覆盖等）也要按名册计算。"
        ),
        Lang::En => format!(
            "The roster is empty. Hosts, attendees and talk partners are picked from it, and {waiting} duties (talk coverage and others) are counted by it."
        ),
    }
}

/// The records title while a filter is set: `筛选：赵磊`.
pub fn filtered_by(lang: Lang, filter: &str) -> String {
    match lang {
        Lang::Zh => format!("筛选：{filter}"),
        Lang::En => format!("filter: {filter}"),
    }
}

/// An empty result of the records filter, and how to get everything back.
pub fn no_record_matches(lang: Lang, filter: &str) -> String {
    match lang {
        Lang::Zh => format!("没有与“{filter}”匹配的记录。按 Esc 清除筛选，按 / 修改。"),
        Lang::En => format!("No record matches \"{filter}\". Esc clears the filter, / changes it."),
    }
}

pub fn more(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("另有{n}项"),
        Lang::En => format!("and {n} more"),
    }
}

pub fn too_small(lang: Lang, w: u16, h: u16) -> String {
    match lang {
        Lang::Zh => format!("终端太小，至少需要 {w}x{h}"),
        Lang::En => format!("Terminal too small; needs {w}x{h}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [T; 45] = [
        T::AppName,
        T::FurthestBehind,
        T::NothingBehind,
        T::NextDeadlines,
        T::NoDeadlines,
        T::TalksOwed,
        T::NoTalksOwed,
        T::Lists,
        T::Duties,
        T::Detail,
        T::NoDutyMatches,
        T::NoDutySelected,
        T::ListHint,
        T::Rule,
        T::Source,
        T::Progress,
        T::RecordsThatCount,
        T::Missing,
        T::NextDue,
        T::NoneYet,
        T::Nothing,
        T::Date,
        T::Kind,
        T::Topic,
        T::NoRecords,
        T::Help,
        T::HelpGlobal,
        T::ConfirmTitle,
        T::ConfirmHint,
        T::NothingToUndo,
        T::NoRecordSelected,
        T::YearOutOfRange,
        T::FormCancelHint,
        T::FilterPrompt,
        T::Expected,
        T::Select,
        T::RecordForm,
        T::Scroll,
        T::Host,
        T::People,
        T::Notes,
        T::NeedsRoster,
        T::FirstStep,
        T::FirstRunKey,
        T::Legend,
    ];

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| {
            ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
        })
    }

    #[test]
    fn english_has_no_chinese_left_over() {
        for t in ALL {
            let en = text(Lang::En, t);
            assert!(!has_cjk(en), "{t:?}: {en}");
            assert!(!en.is_empty(), "{t:?}");
        }
        for s in [
            Screen::Overview,
            Screen::Checklist,
            Screen::Records,
            Screen::Talks,
            Screen::Roster,
        ] {
            assert!(!has_cjk(screen(Lang::En, s)));
            assert_ne!(screen(Lang::En, s), screen(Lang::Zh, s));
        }
    }

    #[test]
    fn chinese_is_really_translated() {
        for t in ALL {
            assert!(has_cjk(text(Lang::Zh, t)), "{t:?}");
        }
    }
}
