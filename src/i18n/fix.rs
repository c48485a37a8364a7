//! Words of rectification items (整改) and of the yearly cycle (year close,
//! amendments), and their errors, in Chinese and English.

use crate::core::error::{CoreError, Problem, Sealed};
use crate::core::fix::{FixError, FixId, FixSource, FixState};
use crate::core::roster::Role;

use super::{Lang, domain};

pub fn source(lang: Lang, s: FixSource) -> &'static str {
    lang.pick(s.zh(), s.en())
}

pub fn state(lang: Lang, s: FixState) -> &'static str {
    lang.pick(s.zh(), s.en())
}

fn sources_list(lang: Lang) -> String {
    FixSource::ALL
        .iter()
        .map(|s| source(lang, *s))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

fn states_list(lang: Lang, states: &[FixState]) -> String {
    states
        .iter()
        .map(|s| state(lang, *s))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

/// The fix-specific validation problems, for `domain::validation`.
pub fn problem(lang: Lang, f: &str, p: &Problem) -> String {
    match (p, lang) {
        (Problem::UnknownSource(s), Lang::Zh) => {
            format!("{f}：无法识别来源“{s}”，可选：{}", sources_list(lang))
        }
        (Problem::UnknownSource(s), Lang::En) => format!(
            "{f}: unknown source \"{s}\"; choose one of: {}",
            sources_list(lang)
        ),
        (Problem::DeadlineBeforeOpened { deadline, opened }, Lang::Zh) => {
            format!("{f}：{deadline} 早于立项日期 {opened}，请填写之后的日期")
        }
        (Problem::DeadlineBeforeOpened { deadline, opened }, Lang::En) => {
            format!("{f}: {deadline} is before the item was opened ({opened}); give a later date")
        }
        (Problem::BadUnixUser(s), Lang::Zh) => {
            format!("{f}：“{s}”不是有效的 Unix 用户名（只能含字母、数字和 . _ -，最长32位）")
        }
        (Problem::BadUnixUser(s), Lang::En) => {
            format!("{f}: \"{s}\" is not a Unix login (letters, digits, . _ -, at most 32)")
        }
        (Problem::UnixUserTaken(s, id), Lang::Zh) => {
            format!("{f}：“{s}”已关联到人员 #{id}，请先解除（people edit #{id} --unix-user \"\"）")
        }
        (Problem::UnixUserTaken(s, id), Lang::En) => format!(
            "{f}: \"{s}\" is already linked to person #{id}; unlink it first (people edit #{id} --unix-user \"\")"
        ),
        (other, _) => format!("{f}: {other:?}"),
    }
}

fn item(lang: Lang, id: FixId) -> String {
    match lang {
        Lang::Zh => format!("整改事项 {id}"),
        Lang::En => format!("rectification item {id}"),
    }
}

fn roles(lang: Lang, roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| domain::role(lang, *r))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

/// One refused change to an item, with the fix.
pub fn fix_error(lang: Lang, id: FixId, e: &FixError) -> String {
    let what = item(lang, id);
    let zh = lang == Lang::Zh;
    match e {
        FixError::Invalid(v) => format!(
            "{what}{}{}",
            lang.pick("：", ": "),
            domain::validation(lang, v)
        ),
        FixError::Transition { from, to } if from.next().is_empty() => {
            if zh {
                format!(
                    "{what}已{}，不能再改为“{}”",
                    state(lang, *from),
                    state(lang, *to)
                )
            } else {
                format!(
                    "{what} is {} and cannot become {}",
                    state(lang, *from),
                    state(lang, *to)
                )
            }
        }
        FixError::Transition { from, to } => {
            let next = states_list(lang, from.next());
            if zh {
                format!(
                    "{what}：不能从“{}”改为“{}”；当前只能改为：{next}",
                    state(lang, *from),
                    state(lang, *to)
                )
            } else {
                format!(
                    "{what}: cannot go from {} to {}; from {} it can go to: {next}",
                    state(lang, *from),
                    state(lang, *to),
                    state(lang, *from)
                )
            }
        }
        FixError::NoEvidence if zh => format!(
            "{what}：销号需要佐证，请用 --record 记录编号 关联一条记录，或用 --note 写明整改情况"
        ),
        FixError::NoEvidence => format!(
            "{what}: closing needs evidence; link a record with --record ID or describe what was done with --note TEXT"
        ),
        FixError::NoSuchRecord(rid) if zh => {
            format!("{what}：佐证记录 {rid} 不存在，请用 records list 查看编号")
        }
        FixError::NoSuchRecord(rid) => {
            format!(
                "{what}: the evidence record {rid} does not exist; see the ids with `records list`"
            )
        }
        FixError::NotAllowed { user, person } => {
            let rule =
                super::access::rule(lang, crate::core::access::Rule::SecretaryOrDisciplineCloses);
            match (person, zh) {
                (Some((name, r)), true) => format!(
                    "按规则“{rule}”，当前用户 {user} 在名册中是 {name}（{}），不能销号",
                    roles(lang, r)
                ),
                (None, true) => format!(
                    "按规则“{rule}”，当前用户 {user} 未关联名册中的人员，不能销号（由台账所有者用 people edit 姓名 --unix-user {user} 关联）"
                ),
                (Some((name, r)), false) => format!(
                    "refused by the rule \"{rule}\": the current user {user} is {name} ({}) on the roster",
                    roles(lang, r)
                ),
                (None, false) => format!(
                    "refused by the rule \"{rule}\": the current user {user} is linked to nobody on the roster (the ledger's owner links them with people edit NAME --unix-user {user})"
                ),
            }
        }
        FixError::Closed if zh => format!("{what}已销号，不能再修改"),
        FixError::Closed => format!("{what} is closed and can no longer change"),
    }
}

fn sealed(lang: Lang, year: i32, what: Sealed) -> String {
    match (what, lang) {
        (Sealed::Record(Some(id)), Lang::Zh) => format!(
            "{year}年度已结账，记录不可修改；如需更正请用 taizhang amend {} --note \"更正内容\"",
            id.0
        ),
        (Sealed::Record(None), Lang::Zh) => format!(
            "{year}年度已结账，不能再新增该年度的记录；如需更正请用 taizhang amend 记录编号 --note \"更正内容\""
        ),
        (Sealed::Fix(FixId(0)), Lang::Zh) => {
            format!("{year}年度已结账，不能再新增该年度的整改事项；请以本年度日期立项")
        }
        (Sealed::Fix(id), Lang::Zh) => format!(
            "{year}年度已结账，整改事项 {id} 不可修改（结账时未完成的事项已结转到{}年度）",
            year + 1
        ),
        (Sealed::Record(Some(id)), Lang::En) => format!(
            "the year {year} is closed and its records are read-only; to correct one, use taizhang amend {} --note \"…\"",
            id.0
        ),
        (Sealed::Record(None), Lang::En) => format!(
            "the year {year} is closed; no records can be added to it; to correct one, use taizhang amend RECORD_ID --note \"…\""
        ),
        (Sealed::Fix(FixId(0)), Lang::En) => format!(
            "the year {year} is closed; no items can be opened in it; open the item with a date in the current year"
        ),
        (Sealed::Fix(id), Lang::En) => format!(
            "the year {year} is closed and its item {id} is read-only (open items were carried into {})",
            year + 1
        ),
    }
}

/// The fix and year errors of the core, worded; `None` for other errors.
pub fn core_error(lang: Lang, e: &CoreError) -> Option<String> {
    Some(match (e, lang) {
        (CoreError::NoFix(id), Lang::Zh) => format!("整改事项 {id} 不存在，请用 fix list 查看编号"),
        (CoreError::NoFix(id), Lang::En) => {
            format!("rectification item {id} does not exist; see the ids with `fix list`")
        }
        (CoreError::Fix { id, error }, _) => fix_error(lang, *id, error),
        (CoreError::YearClosed { year, what }, _) => sealed(lang, *year, *what),
        (CoreError::AlreadyClosed(y), Lang::Zh) => {
            format!("{y}年度已经结账；可用 taizhang year list 查看")
        }
        (CoreError::AlreadyClosed(y), Lang::En) => {
            format!("the year {y} is already closed; see taizhang year list")
        }
        (CoreError::YearNotBegun { year, today }, Lang::Zh) => {
            format!("{year}年度尚未开始（今天是 {today}），只能结账已开始的年度")
        }
        (CoreError::YearNotBegun { year, today }, Lang::En) => format!(
            "the year {year} has not begun (today is {today}); only a past or the current year can be closed"
        ),
        _ => return None,
    })
}
