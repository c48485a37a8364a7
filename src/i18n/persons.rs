//! Words for per-person duties: the rule with its cadence and how a person
//! takes part, and each person's row (done/needed, state, periods missed)
//! that `status`, `status --json` and the TUI detail show.

use crate::core::progress::PersonProgress;
use crate::core::roster::Roster;
use crate::core::rule::{Part, Period, RoleScope};

use super::{Lang, domain};

/// "每名其他班子成员每季度至少参加1次" / "each of the other leadership
/// members at least 1 a quarter, attending".
pub fn rule(lang: Lang, who: RoleScope, min: u32, per: Period, by: Part) -> String {
    let scope = domain::scope(lang, who);
    let period = domain::period_word(lang, per);
    match lang {
        Lang::Zh => {
            let verb = match by {
                Part::HostOrPartner => "",
                Part::Host => "主持",
                Part::Attends => "参加",
            };
            format!("每名{scope}{period}至少{verb}{min}次")
        }
        Lang::En => {
            let how = match by {
                Part::HostOrPartner => "",
                Part::Host => ", as host",
                Part::Attends => ", attending",
            };
            format!("each of the {scope} at least {min} {period}{how}")
        }
    }
}

/// The heading of the per-person block, naming the unit of done/needed.
pub fn heading(lang: Lang, per: Period) -> String {
    match lang {
        Lang::Zh => format!("按人统计（完成/应完成，{}）", unit(lang, per)),
        Lang::En => format!("By person (done/needed, {})", unit(lang, per)),
    }
}

/// What done/needed counts: records for a yearly rule, periods otherwise.
fn unit(lang: Lang, per: Period) -> &'static str {
    match per {
        Period::Year => lang.pick("次", "records"),
        Period::HalfYear => lang.pick("半年", "half-years"),
        Period::Quarter => lang.pick("季度", "quarters"),
        Period::Month => lang.pick("月", "months"),
    }
}

/// Done/needed for one person: records against `min` for a yearly rule
/// (`1/1`, `0/2`), periods met against periods owed otherwise (`2/4`).
pub fn done_needed(per: Period, min: u32, row: &PersonProgress) -> String {
    if per == Period::Year {
        format!("{}/{min}", row.held())
    } else {
        format!("{}/{}", row.met, row.owed)
    }
}

/// The periods a person let pass short: "缺一季度、二季度" / "missed Q1, Q2";
/// empty when none (or for a yearly rule, where the state says it).
pub fn missed(lang: Lang, per: Period, row: &PersonProgress) -> String {
    if per == Period::Year || row.missed.is_empty() {
        return String::new();
    }
    let names: Vec<String> = row
        .missed
        .iter()
        .map(|i| domain::bucket(lang, per, *i))
        .collect();
    match lang {
        Lang::Zh => format!("缺{}", names.join("、")),
        Lang::En => format!("missed {}", names.join(", ")),
    }
}

/// One person's row in words, for `status --json`:
/// "李四 1/4 逾期 缺一季度" / "Li Si 1/4 overdue missed Q1".
pub fn row_text(
    lang: Lang,
    per: Period,
    min: u32,
    row: &PersonProgress,
    roster: &Roster,
) -> String {
    let mut s = format!(
        "{} {} {}",
        roster.name(row.person),
        done_needed(per, min, row),
        domain::status(lang, row.status)
    );
    let missed = missed(lang, per, row);
    if !missed.is_empty() {
        s.push(' ');
        s.push_str(&missed);
    }
    s
}

/// One person's part in their own report: "落实双重组织生活应完成4个季度，
/// 已完成3个季度，缺二季度。" / "Dual organizational life: 3 of 4 quarters
/// done; missed Q2."
pub fn own_sentence(
    lang: Lang,
    title: &str,
    per: Period,
    min: u32,
    row: &PersonProgress,
) -> String {
    let (done, needed) = if per == Period::Year {
        (row.held(), min)
    } else {
        (row.met, row.owed)
    };
    let missed = missed(lang, per, row);
    match lang {
        Lang::Zh => {
            let unit = match per {
                Period::Year => "次",
                Period::HalfYear => "个半年",
                Period::Quarter => "个季度",
                Period::Month => "个月",
            };
            let tail = if missed.is_empty() {
                String::new()
            } else {
                format!("，{missed}")
            };
            format!("{title}应完成{needed}{unit}，已完成{done}{unit}{tail}。")
        }
        Lang::En => {
            let tail = if missed.is_empty() {
                String::new()
            } else {
                format!("; {missed}")
            };
            format!("{title}: {done} of {needed} {}{tail}.", unit(lang, per))
        }
    }
}
