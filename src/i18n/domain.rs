//! Words for the domain's typed values: statuses, lists, kinds, roles,
//! periods, what is missing, and validation errors.

use crate::core::catalogue::{Duty, ListId};
use crate::core::error::Field;
use crate::core::progress::{Lateness, Missing, Status};
use crate::core::record::RecordKind;
use crate::core::roster::{Role, Roster};
use crate::core::rule::{PairScope, Period, RoleScope, Rule};

use super::Lang;

mod error;

pub use error::{error, store_error, store_error_zh, turnaway_zh, validation};

pub fn status(lang: Lang, s: Status) -> &'static str {
    match s {
        Status::Done => lang.pick("已完成", "done"),
        Status::Late => lang.pick("逾期完成", "done late"),
        Status::OnTrack => lang.pick("正常", "on track"),
        Status::Behind => lang.pick("落后", "behind"),
        Status::Overdue => lang.pick("逾期", "overdue"),
        Status::NoEvidence => lang.pick("无留痕", "no evidence"),
        Status::NoQuota => lang.pick("无量化要求", "no set number"),
    }
}

/// When a late duty was due and done: "应于2025-03-31前，2025-07-01完成".
pub fn lateness(lang: Lang, l: &Lateness) -> String {
    match lang {
        Lang::Zh => format!("应于{}前，{}完成", l.due, l.done_on),
        Lang::En => format!("due {}, done {}", l.due, l.done_on),
    }
}

/// 所属年度 shown beside a record whose year differs from its date's.
pub fn covers(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("（所属{year}年度）"),
        Lang::En => format!("(covers {year})"),
    }
}

/// A one-character marker that reads without colour.
pub fn status_marker(s: Status) -> char {
    match s {
        Status::Done => '✓',
        Status::Late => '◔',
        Status::OnTrack => '·',
        Status::Behind => '!',
        Status::Overdue => '✗',
        Status::NoEvidence => '?',
        Status::NoQuota => '-',
    }
}

/// ASCII-only marker, for terminals that draw symbols double-width.
pub fn status_marker_ascii(s: Status) -> char {
    match s {
        Status::Done => '+',
        Status::Late => '~',
        Status::OnTrack => '.',
        Status::Behind => '!',
        Status::Overdue => 'x',
        Status::NoEvidence => '?',
        Status::NoQuota => '-',
    }
}

pub fn list(lang: Lang, l: ListId) -> &'static str {
    match l {
        ListId::Branch => lang.pick("党支部班子责任清单", "Branch committee duties"),
        ListId::Secretary => lang.pick("党支部书记责任清单", "Secretary's duties"),
        ListId::OtherMembers => lang.pick("领导班子其他成员责任清单", "Other leaders' duties"),
        ListId::Political => lang.pick("从严抓政治建设", "Political building"),
        ListId::Ideological => lang.pick("从严抓思想建设", "Ideological building"),
        ListId::Discipline => lang.pick("从严抓纪律建设", "Discipline"),
        ListId::Cadres => lang.pick("从严抓干部队伍建设", "Cadres and members"),
        ListId::Grassroots => lang.pick("从严抓基层基础", "Grassroots foundations"),
        ListId::Conduct => lang.pick("从严抓作风建设", "Conduct"),
        ListId::Integrity => lang.pick("从严抓党风廉政建设", "Integrity"),
        ListId::Safeguards => lang.pick("保障机制", "Safeguard mechanisms"),
    }
}

/// Short list name for narrow panes.
pub fn list_short(lang: Lang, l: ListId) -> &'static str {
    match l {
        ListId::Branch => lang.pick("班子", "Branch"),
        ListId::Secretary => lang.pick("书记", "Secretary"),
        ListId::OtherMembers => lang.pick("其他成员", "Other leaders"),
        ListId::Political => lang.pick("政治建设", "Political"),
        ListId::Ideological => lang.pick("思想建设", "Ideological"),
        ListId::Discipline => lang.pick("纪律建设", "Discipline"),
        ListId::Cadres => lang.pick("队伍建设", "Cadres"),
        ListId::Grassroots => lang.pick("基层基础", "Grassroots"),
        ListId::Conduct => lang.pick("作风建设", "Conduct"),
        ListId::Integrity => lang.pick("党风廉政", "Integrity"),
        ListId::Safeguards => lang.pick("保障机制", "Safeguards"),
    }
}

pub fn duty_title(lang: Lang, d: &Duty) -> &str {
    lang.pick(&d.title, &d.title_en)
}

pub fn kind(lang: Lang, k: RecordKind) -> &'static str {
    lang.pick(k.zh(), k.en())
}

pub fn role(lang: Lang, r: Role) -> &'static str {
    lang.pick(r.zh(), r.en())
}

pub fn scope(lang: Lang, s: RoleScope) -> &'static str {
    match s {
        RoleScope::Secretary => lang.pick("书记", "the secretary"),
        RoleScope::OtherLeaders => lang.pick("其他班子成员", "other leadership members"),
        RoleScope::Leadership => lang.pick("班子成员", "leadership members"),
        RoleScope::Committee => lang.pick("支委", "committee members"),
        RoleScope::DeptHeads => lang.pick("部门负责人", "department heads"),
        RoleScope::LeadersAndHeads => lang.pick(
            "班子成员和部门负责人",
            "leadership members and department heads",
        ),
        RoleScope::Members => lang.pick("党员", "members"),
    }
}

pub fn period_word(lang: Lang, p: Period) -> &'static str {
    match p {
        Period::Year => lang.pick("每年", "a year"),
        Period::HalfYear => lang.pick("每半年", "a half-year"),
        Period::Quarter => lang.pick("每季度", "a quarter"),
        Period::Month => lang.pick("每月", "a month"),
    }
}

/// A bucket's label: 3月 / Mar, 二季度 / Q2, 上半年 / H1, 全年 / year.
pub fn bucket(lang: Lang, p: Period, index: u32) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const CN: [&str; 4] = ["一", "二", "三", "四"];
    let i = usize::try_from(index.saturating_sub(1)).unwrap_or(0);
    match (p, lang) {
        (Period::Year, _) => lang.pick("全年", "the year").to_string(),
        (Period::HalfYear, Lang::Zh) => if index == 1 { "上半年" } else { "下半年" }.to_string(),
        (Period::HalfYear, Lang::En) => format!("H{index}"),
        (Period::Quarter, Lang::Zh) => format!("{}季度", CN.get(i).unwrap_or(&"?")),
        (Period::Quarter, Lang::En) => format!("Q{index}"),
        (Period::Month, Lang::Zh) => format!("{index}月"),
        (Period::Month, Lang::En) => MONTHS.get(i).unwrap_or(&"?").to_string(),
    }
}

/// The rule in words: "≥12 次/每年", "each other leadership member ≥1 a year"…
pub fn rule(lang: Lang, r: &Rule) -> String {
    match *r {
        Rule::Count { min, per } => match lang {
            Lang::Zh => format!("{}不少于{min}次", period_word(lang, per)),
            Lang::En => format!("at least {min} {}", period_word(lang, per)),
        },
        Rule::PerPerson { who, min, per, by } => super::persons::rule(lang, who, min, per, by),
        Rule::TalkCoverage { pairs } => match (pairs, lang) {
            (PairScope::SecretaryWithLeadersAndHeads, Lang::Zh) => {
                "书记每年与每名班子成员、部门负责人各谈话一次".into()
            }
            (PairScope::SecretaryWithLeadersAndHeads, Lang::En) => {
                "the secretary talks once a year with each leadership member and department head"
                    .into()
            }
            (PairScope::LeadersWithOverseenHeads, Lang::Zh) => {
                "每名班子成员每年与分管部门负责人各谈话一次".into()
            }
            (PairScope::LeadersWithOverseenHeads, Lang::En) => {
                "each leadership member talks once a year with the heads they oversee".into()
            }
            (PairScope::MembersWithEachOther, Lang::Zh) => {
                "支委之间、支委和党员之间、党员和党员之间每年谈心谈话不少于1次".into()
            }
            (PairScope::MembersWithEachOther, Lang::En) => {
                "every two members talk heart to heart at least once a year \
                 (committee with committee, committee with members, member with member)"
                    .into()
            }
        },
        Rule::StandingRange { who, min, max } => match lang {
            Lang::Zh => format!("每名{}联系{min}-{max}个联系点", scope(lang, who)),
            Lang::En => format!(
                "each of the {} keeps {min}-{max} linked sites",
                scope(lang, who)
            ),
        },
        Rule::Deadline { month, day } => match lang {
            Lang::Zh => format!("每年{month}月{day}日前完成"),
            Lang::En => format!("by {month}/{day} each year"),
        },
        Rule::Evidence => lang
            .pick("无数量要求，以台账佐证", "no number; evidence only")
            .into(),
    }
}

pub fn missing(lang: Lang, m: &Missing, roster: &Roster) -> String {
    match m {
        Missing::Period {
            period,
            index,
            have,
            need,
            ..
        } => format!("{} {have}/{need}", bucket(lang, *period, *index)),
        Missing::Pair { from, to } => format!("{} → {}", roster.name(*from), roster.name(*to)),
        Missing::Between { a, b, .. } => match lang {
            Lang::Zh => format!("{}与{}", roster.name(*a), roster.name(*b)),
            Lang::En => format!("{} with {}", roster.name(*a), roster.name(*b)),
        },
        Missing::Person { person } => roster.name(*person),
        Missing::OutOfRange {
            person,
            have,
            min,
            max,
        } => match lang {
            Lang::Zh => format!("{}（{have}个，应{min}-{max}个）", roster.name(*person)),
            Lang::En => format!("{} ({have}, needs {min}-{max})", roster.name(*person)),
        },
        Missing::Deadline { date } => match lang {
            Lang::Zh => format!("截止 {date}"),
            Lang::En => format!("due {date}"),
        },
        Missing::NoOne { scope: s } => match lang {
            Lang::Zh => format!("名册中没有{}", scope(lang, *s)),
            Lang::En => format!("the roster has no {}", scope(lang, *s)),
        },
        Missing::Child { duty } => duty.to_string(),
    }
}

pub fn field(lang: Lang, f: Field) -> &'static str {
    match f {
        Field::Kind => lang.pick("类型", "kind"),
        Field::Date => lang.pick("日期", "date"),
        Field::Topic => lang.pick("主题", "topic"),
        Field::Host => lang.pick("主持人", "host"),
        Field::Attendees => lang.pick("参加人员", "attendees"),
        Field::Absentees => lang.pick("缺席人员", "absentees"),
        Field::Partners => lang.pick("谈话对象", "talk partner"),
        Field::Duties => lang.pick("计入职责", "duties"),
        Field::Notes => lang.pick("备注", "notes"),
        Field::Evidence => lang.pick("佐证材料", "evidence"),
        Field::Name => lang.pick("姓名", "name"),
        Field::Roles => lang.pick("角色", "role"),
        Field::Dept => lang.pick("部门", "department"),
        Field::Oversees => lang.pick("分管部门", "oversees"),
        Field::Links => lang.pick("联系点", "linked sites"),
        Field::Year => lang.pick("年度", "year"),
        Field::Source => lang.pick("来源", "source"),
        Field::Issue => lang.pick("问题", "problem"),
        Field::Measures => lang.pick("整改措施", "measures"),
        Field::Owner => lang.pick("责任人", "owner"),
        Field::Deadline => lang.pick("整改时限", "deadline"),
        Field::UnixUser => lang.pick("Unix 用户名", "Unix login"),
        Field::From => lang.pick("自何日起", "from"),
        Field::Covers => lang.pick("所属年度", "year covered"),
    }
}
