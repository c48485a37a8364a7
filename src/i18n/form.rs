//! Words of the record form, the roster screen and the talk matrix. Field
//! names and validation messages come from `domain`; this file holds the rest.

use chrono::{Datelike, NaiveDate, Weekday};

use super::Lang;

/// A fixed piece of UI text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    NewRecord,
    DateHint,
    CoversHint,
    NamesHint,
    AbsentHint,
    KindHint,
    NoDuty,
    MoreDuties,
    ConfirmDiscard,
    Save,
    NextField,
    PrevField,
    Cancel,
    ChooseKind,
    ChooseSource,
    Toggle,
    Accept,
    Candidates,
    CloseList,
    Newline,
    Discard,
    KeepEditing,
    Roster,
    AddPerson,
    EditPerson,
    Retired,
    EmptyRoster,
    Retire,
    ListHint,
    TalkMatrix,
    Owed,
    NoPairs,
    NoTalkDuty,
}

pub fn text(lang: Lang, t: Text) -> &'static str {
    match t {
        Text::NewRecord => lang.pick("新增台账记录", "New record"),
        Text::DateHint => lang.pick("今天/昨天/-3/3-14", "today/yesterday/-3/3-14"),
        Text::CoversHint => lang.pick(
            "空＝日期所在年度；1–2月总结上一年度的填上一年，如 2025",
            "empty = the date's year; in Jan–Feb, the year before if it reports on it, e.g. 2025",
        ),
        Text::NamesHint => lang.pick(
            "姓名或拼音首字母，用、分隔",
            "name or pinyin initials, comma-separated",
        ),
        Text::AbsentHint => lang.pick("姓名:原因", "name:reason"),
        Text::KindHint => lang.pick("←/→ 选择，或输入筛选", "←/→ to choose, or type to filter"),
        Text::NoDuty => lang.pick("（未计入任何职责）", "(counts toward no duty)"),
        Text::MoreDuties => lang.pick(
            "（移到此处可勾选其他职责）",
            "(move here to tick other duties)",
        ),
        Text::ConfirmDiscard => lang.pick(
            "放弃未保存的修改？（y/n）",
            "Discard unsaved changes? (y/n)",
        ),
        Text::Save => lang.pick("保存", "save"),
        Text::NextField => lang.pick("下一项", "next field"),
        Text::PrevField => lang.pick("上一项", "previous field"),
        Text::Cancel => lang.pick("取消", "cancel"),
        Text::ChooseKind => lang.pick("选择类型", "choose kind"),
        Text::ChooseSource => lang.pick("选择来源", "choose source"),
        Text::Toggle => lang.pick("勾选", "toggle"),
        Text::Accept => lang.pick("选用", "accept"),
        Text::Candidates => lang.pick("候选", "candidates"),
        Text::CloseList => lang.pick("关闭候选", "close list"),
        Text::Newline => lang.pick("换行", "new line"),
        Text::Discard => lang.pick("放弃", "discard"),
        Text::KeepEditing => lang.pick("继续编辑", "keep editing"),
        Text::Roster => lang.pick("人员名册", "Roster"),
        Text::AddPerson => lang.pick("新增人员", "Add person"),
        Text::EditPerson => lang.pick("修改人员", "Edit person"),
        Text::Retired => lang.pick("（已移出）", " (retired)"),
        Text::EmptyRoster => lang.pick(
            "名册为空，按 a 添加人员",
            "The roster is empty; press a to add someone",
        ),
        Text::Retire => lang.pick("移出名册", "retire"),
        Text::ListHint => lang.pick("多项用、分隔", "comma-separated"),
        Text::TalkMatrix => lang.pick("谈话矩阵", "Talk matrix"),
        Text::Owed => lang.pick("未谈", "owed"),
        Text::NoPairs => lang.pick("（无应谈对象）", "(nobody to talk with)"),
        Text::NoTalkDuty => lang.pick(
            "职责清单中没有谈话覆盖类职责",
            "The catalogue has no talk-coverage duty",
        ),
    }
}

/// A validation error as a form in the TUI words it: the advice names
/// the screen and key, not a command (`people add`) the user is not typing.
pub fn validation(lang: Lang, e: &crate::core::ValidationError) -> String {
    use crate::core::error::Problem;
    let f = super::domain::field(lang, e.field);
    match (&e.problem, lang) {
        (Problem::UnknownPerson(s), Lang::Zh) => {
            format!(
                "{f}：名册中没有“{s}”。请检查姓名（可输入拼音首字母选取），或按 5 到名册界面添加此人"
            )
        }
        (Problem::UnknownPerson(s), Lang::En) => format!(
            "{f}: \"{s}\" is not on the roster. Check the name (pinyin initials pick it), or add them on the roster screen (5)"
        ),
        _ => super::domain::validation(lang, e),
    }
}

/// The question before saving a record that deserves a second look.
pub fn caution_question(lang: Lang, cautions: &[crate::core::Warning]) -> String {
    use crate::core::Warning as Caution;
    let reasons: Vec<String> = cautions
        .iter()
        .map(|c| match (c, lang) {
            (Caution::Future { date: d, .. }, Lang::Zh) => format!("日期 {d} 在今天之后"),
            (Caution::Future { date: d, .. }, Lang::En) => format!("{d} is after today"),
            (Caution::Duplicate { .. }, Lang::Zh) => {
                "同一天已有类型、人员和主题都相同的记录".to_string()
            }
            (Caution::Duplicate { .. }, Lang::En) => {
                "a record of this kind with the same people and topic is already on that day"
                    .to_string()
            }
        })
        .collect();
    match lang {
        Lang::Zh => format!("{}。仍要保存吗？（y 保存，n 返回修改）", reasons.join("；")),
        Lang::En => format!("{}. Save anyway? (y save, n go back)", reasons.join("; ")),
    }
}

pub fn edit_record(lang: Lang, id: impl std::fmt::Display) -> String {
    match lang {
        Lang::Zh => format!("修改记录 {id}"),
        Lang::En => format!("Edit record {id}"),
    }
}

/// A resolved date with its weekday: `2026-03-14 周六` / `2026-03-14 Sat`.
pub fn date_with_weekday(lang: Lang, d: NaiveDate) -> String {
    let wd = match d.weekday() {
        Weekday::Mon => lang.pick("周一", "Mon"),
        Weekday::Tue => lang.pick("周二", "Tue"),
        Weekday::Wed => lang.pick("周三", "Wed"),
        Weekday::Thu => lang.pick("周四", "Thu"),
        Weekday::Fri => lang.pick("周五", "Fri"),
        Weekday::Sat => lang.pick("周六", "Sat"),
        Weekday::Sun => lang.pick("周日", "Sun"),
    };
    format!("{} {wd}", d.format("%Y-%m-%d"))
}

/// The matrix summary: `已谈 3 / 应谈 5`.
pub fn talked(lang: Lang, done: usize, required: usize) -> String {
    match lang {
        Lang::Zh => format!("已谈 {done} / 应谈 {required}"),
        Lang::En => format!("Talked {done} / required {required}"),
    }
}
