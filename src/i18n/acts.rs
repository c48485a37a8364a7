//! Words for who must act: the host's label by record kind (主持人, 谈话人,
//! 述职人), the actor a duty needs, why a linked record does not count, and
//! the 谈心谈话 pair classes.

use crate::core::progress::{ClassCover, Refusal};
use crate::core::record::{Category, RecordKind};
use crate::core::roster::Roster;
use crate::core::rule::{Actor, PairClass};

use super::{Lang, domain};

/// What the record's `host` is called for a kind: 谈话人 for talks, 述职人
/// for 述责述廉, 主持人 otherwise.
pub fn host_label(lang: Lang, kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::DutyReport => lang.pick("述职人", "reporter"),
        k if k.category() == Category::Talk => lang.pick("谈话人", "talker"),
        _ => lang.pick("主持人", "host"),
    }
}

/// What the record's partners are called for a kind.
pub fn partners_label(lang: Lang, kind: RecordKind) -> &'static str {
    if kind.category() == Category::Talk {
        lang.pick("谈话对象", "talked with")
    } else {
        lang.pick("涉及人员", "people covered")
    }
}

/// The person a duty needs as host or talker.
pub fn actor(lang: Lang, a: Actor) -> &'static str {
    match a {
        Actor::Overseer => lang.pick(
            "分管该部门的班子成员",
            "the leadership member who oversees that department",
        ),
        other => match other.scope() {
            Some(scope) => domain::scope(lang, scope),
            None => "",
        },
    }
}

/// The requirement in words, for a duty's detail: "主持人须为书记".
pub fn requirement(lang: Lang, a: Actor, kind: RecordKind) -> String {
    match lang {
        Lang::Zh => format!("{}须为{}", host_label(lang, kind), actor(lang, a)),
        Lang::En => format!("the {} must be {}", host_label(lang, kind), actor(lang, a)),
    }
}

/// Why a linked record does not count, for a record of `kind`.
pub fn refusal(lang: Lang, why: &Refusal, kind: RecordKind, roster: &Roster) -> String {
    match why {
        Refusal::Actor { need, host: None } => match lang {
            Lang::Zh => format!(
                "未填{}；{}",
                host_label(lang, kind),
                requirement(lang, *need, kind)
            ),
            Lang::En => format!(
                "no {} given; {}",
                host_label(lang, kind),
                requirement(lang, *need, kind)
            ),
        },
        Refusal::Actor {
            need,
            host: Some(host),
        } => match lang {
            Lang::Zh => format!(
                "{}（{}不是）",
                requirement(lang, *need, kind),
                roster.name(*host)
            ),
            Lang::En => format!(
                "{} ({} is not)",
                requirement(lang, *need, kind),
                roster.name(*host)
            ),
        },
        Refusal::GroupTalk { partners } => match lang {
            Lang::Zh => format!("集体谈话（{partners}人）不计入，须分别谈话"),
            Lang::En => format!(
                "a group talk ({partners} people) does not count; talk with each person separately"
            ),
        },
    }
}

/// A 谈心谈话 pair class: 支委之间, 支委与党员, 党员之间.
pub fn class(lang: Lang, c: PairClass) -> &'static str {
    match c {
        PairClass::CommitteeCommittee => lang.pick("支委之间", "committee with committee"),
        PairClass::CommitteeMember => lang.pick("支委与党员", "committee with members"),
        PairClass::MemberMember => lang.pick("党员之间", "member with member"),
    }
}

/// Coverage by class on one line: "支委之间 3/6，支委与党员 5/24，党员之间 10/55".
pub fn classes(lang: Lang, classes: &[ClassCover]) -> String {
    classes
        .iter()
        .map(|c| format!("{} {}/{}", class(lang, c.class), c.done, c.target))
        .collect::<Vec<_>>()
        .join(lang.pick("，", ", "))
}

/// The heading before the records that do not count.
pub fn not_counted_heading(lang: Lang) -> &'static str {
    lang.pick("未计入", "Not counted")
}

/// The heading before the class coverage line.
pub fn classes_heading(lang: Lang) -> &'static str {
    lang.pick("谈心谈话覆盖", "Heart-to-heart coverage")
}

/// The heading of a duty's actor requirement in its detail.
pub fn who_acts_heading(lang: Lang) -> &'static str {
    lang.pick("谁来做", "Who acts")
}

/// A one-to-one duty in words, for its detail.
pub fn one_to_one(lang: Lang) -> &'static str {
    lang.pick(
        "须分别谈话，集体谈话不计入",
        "one talk with each person; group talks do not count",
    )
}

/// After the records that do not count shown in `status`: how many more,
/// and where they all are.
pub fn more_not_counted(lang: Lang, more: usize) -> String {
    match lang {
        Lang::Zh => format!("另有{more}条未计入（status --json 或终端界面的职责详情中可见全部）"),
        Lang::En => format!(
            "{more} more not counted (all of them in status --json and in the TUI's duty detail)"
        ),
    }
}
