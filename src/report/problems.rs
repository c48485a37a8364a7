//! 存在的问题 and 下一步打算, drafted from the shortfalls the progress engine
//! computes: each quota duty overdue or behind, with what it still owes
//! (periods short, talks not held, people not done), and the overdue 整改.
//! The secretary edits the wording; the facts come from the ledger.

use crate::core::progress::{Lateness, Missing, Status};
use crate::core::{PersonId, YearView};
use crate::i18n::Lang;
use crate::i18n::domain::{bucket, duty_title, rule, scope};

use super::annex::evidence_only;
use super::model::{Block, Section};
use super::typeset::{date, full_width, join, subsection};
use super::{FixLine, RectificationSummary};

/// At most this many details are spelled out per problem; the annex has all.
const DETAILS: usize = 6;

/// One shortfall: a short title and the facts behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub title: String,
    pub detail: String,
}

/// Every shortfall of the year, in catalogue order, then the overdue 整改.
/// Only the shortfalls of `person` when one is given (a 述责述廉 draft).
pub fn shortfalls(view: &YearView, fixes: &RectificationSummary, lang: Lang) -> Vec<Problem> {
    let mut out = duty_shortfalls(view, None, lang);
    if let Some(p) = overdue_fixes(&fixes.overdue, lang) {
        out.push(p);
    }
    out
}

/// The shortfalls of quota duties; with `person`, only what that person
/// owes (talks they must hold, their own part of a per-person quota).
pub fn duty_shortfalls(view: &YearView, person: Option<PersonId>, lang: Lang) -> Vec<Problem> {
    let mut out = Vec::new();
    for d in &view.catalogue.duties {
        let Some(p) = view.progress_of(&d.id) else {
            continue;
        };
        if let (Some(late), None) = (&p.late, person) {
            out.push(late_problem(lang, d, *late));
            continue;
        }
        if evidence_only(d, p) || !matches!(p.status, Status::Overdue | Status::Behind) {
            continue;
        }
        // A year that is not over owes its future periods by design: only
        // the periods already past count against an overdue duty.
        let overdue = p.status == Status::Overdue;
        let owed: Vec<&Missing> = p
            .missing
            .iter()
            .filter(|m| !matches!(m, Missing::Child { .. }))
            .filter(|m| !(overdue && matches!(m, Missing::Period { past: false, .. })))
            .filter(|m| person.is_none_or(|who| concerns(m, who)))
            .collect();
        let mut details = Vec::new();
        let empty: Vec<String> = owed
            .iter()
            .filter_map(|m| match m {
                Missing::Period {
                    period,
                    index,
                    have: 0,
                    ..
                } => Some(bucket(lang, *period, *index)),
                _ => None,
            })
            .collect();
        if !empty.is_empty() {
            details.push(match lang {
                Lang::Zh => format!("{}未开展", join(lang, &empty)),
                Lang::En => format!("none in {}", join(lang, &empty)),
            });
        }
        details.extend(
            owed.iter()
                .filter(|m| !matches!(m, Missing::Period { have: 0, .. }))
                .filter_map(|m| person_words(view, d, p, m, lang)),
        );
        if details.is_empty() {
            continue;
        }
        let title = duty_title(lang, d);
        let shown = details[..details.len().min(DETAILS)].join(lang.pick("；", "; "));
        let more = if details.len() > DETAILS {
            lang.pick("等", " and more")
        } else {
            ""
        };
        let req = full_width(lang, &rule(lang, &d.rule));
        let (title, detail) = match (lang, p.status) {
            (Lang::Zh, Status::Overdue) => (
                format!("{title}未达到要求"),
                format!("按照“{req}”的要求，{shown}{more}。"),
            ),
            (Lang::Zh, _) => (
                format!("{title}进度滞后"),
                format!("按照“{req}”的要求，{shown}{more}。"),
            ),
            (Lang::En, Status::Overdue) => (
                format!("{title}: requirement not met"),
                format!("The rule is {req}: {shown}{more}."),
            ),
            (Lang::En, _) => (
                format!("{title}: behind the pace"),
                format!("The rule is {req}: {shown}{more}."),
            ),
        };
        out.push(Problem { title, detail });
    }
    if person.is_none()
        && let Some(p) = undocumented(view, lang)
    {
        out.push(p);
    }
    out
}

/// Evidence-only duties of a year that is over with nothing on file: no
/// number was owed, but the work has no record to show an inspector.
fn undocumented(view: &YearView, lang: Lang) -> Option<Problem> {
    let titles: Vec<&str> = view
        .catalogue
        .duties
        .iter()
        .zip(&view.progress)
        .filter(|(_, p)| p.status == Status::NoEvidence)
        .map(|(d, _)| duty_title(lang, d))
        .collect();
    if titles.is_empty() {
        return None;
    }
    let shown = join(lang, &titles[..titles.len().min(DETAILS)]);
    let more = if titles.len() > DETAILS {
        lang.pick("等", " and others")
    } else {
        ""
    };
    let n = titles.len();
    Some(match lang {
        Lang::Zh => Problem {
            title: format!("{n}项职责全年没有台账记录"),
            detail: format!("{shown}{more}全年未形成工作记录，开展情况缺少佐证。"),
        },
        Lang::En => Problem {
            title: format!("{n} duties with no record all year"),
            detail: format!(
                "{shown}{more}: nothing was kept on file, so the work has no evidence."
            ),
        },
    })
}

/// A dated duty done after its due date (逾期完成).
fn late_problem(lang: Lang, d: &crate::core::Duty, late: Lateness) -> Problem {
    let title = duty_title(lang, d);
    let (due, done) = (date(lang, late.due), date(lang, late.done_on));
    match lang {
        Lang::Zh => Problem {
            title: format!("{title}逾期完成"),
            detail: format!("应于{due}前完成，{done}才完成。"),
        },
        Lang::En => Problem {
            title: format!("{title}: done late"),
            detail: format!("It was due by {due} and done on {done}."),
        },
    }
}

/// A person still short on `d`, in words. For a per-person duty with a
/// cadence: the periods they let pass short (`王志强缺二季度`), or nothing
/// when none is past yet and the duty is overdue (their periods are all
/// still open); otherwise the usual words.
fn person_words(
    view: &YearView,
    d: &crate::core::Duty,
    p: &crate::core::Progress,
    m: &Missing,
    lang: Lang,
) -> Option<String> {
    let usual = || missing_words(view, m, lang);
    let (Missing::Person { person }, crate::core::Rule::PerPerson { per, .. }) = (m, &d.rule)
    else {
        return usual();
    };
    let Some(row) = p.persons.iter().find(|r| r.person == *person) else {
        return usual();
    };
    if *per == crate::core::Period::Year {
        return usual();
    }
    let missed = crate::i18n::persons::missed(lang, *per, row);
    if missed.is_empty() {
        return if p.status == Status::Overdue {
            None
        } else {
            usual()
        };
    }
    let name = view.roster.name(*person);
    Some(match lang {
        Lang::Zh => format!("{name}{missed}"),
        Lang::En => format!("{name} {missed}"),
    })
}

/// Whether a missing item is `person`'s to do.
fn concerns(m: &Missing, person: PersonId) -> bool {
    match m {
        Missing::Pair { from, .. } => *from == person,
        Missing::Between { a, b, .. } => *a == person || *b == person,
        Missing::Person { person: p } | Missing::OutOfRange { person: p, .. } => *p == person,
        _ => false,
    }
}

/// One missing item in words, people by name (`张三与李四的谈话尚未开展`);
/// `None` for a sub-duty, which is named on its own.
pub fn missing_words(view: &YearView, m: &Missing, lang: Lang) -> Option<String> {
    let name = |id: PersonId| view.roster.name(id);
    let zh = lang == Lang::Zh;
    Some(match m {
        Missing::Period {
            period,
            index,
            have,
            need,
            ..
        } => {
            let b = bucket(lang, *period, *index);
            if zh && *have == 0 {
                format!("{b}未开展")
            } else if zh {
                format!("{b}开展{have}次，少于{need}次")
            } else {
                format!("{b}: {have} of {need}")
            }
        }
        Missing::Pair { from, to } => {
            if zh {
                format!("{}与{}的谈话尚未开展", name(*from), name(*to))
            } else {
                format!("{}'s talk with {} is still owed", name(*from), name(*to))
            }
        }
        Missing::Between { a, b, .. } => {
            if zh {
                format!("{}与{}的谈心谈话尚未开展", name(*a), name(*b))
            } else {
                format!(
                    "{} and {} have not yet had their heart-to-heart talk",
                    name(*a),
                    name(*b)
                )
            }
        }
        Missing::Person { person } => {
            if zh {
                format!("{}尚未完成", name(*person))
            } else {
                format!("{} has not done it yet", name(*person))
            }
        }
        Missing::OutOfRange {
            person,
            have,
            min,
            max,
        } => {
            if zh {
                format!("{}现有{have}个，应为{min}至{max}个", name(*person))
            } else {
                format!("{} has {have}, needs {min} to {max}", name(*person))
            }
        }
        Missing::Deadline { date: d } => {
            if zh {
                format!("应于{}前完成，台账中尚无记录", date(lang, *d))
            } else {
                format!("due by {} with nothing recorded", date(lang, *d))
            }
        }
        Missing::NoOne { scope: s } => {
            if zh {
                format!("名册中没有{}", scope(lang, *s))
            } else {
                format!("the roster has no {}", scope(lang, *s))
            }
        }
        Missing::Child { .. } => return None,
    })
}

/// The overdue rectification items as one problem, or `None`.
pub fn overdue_fixes(items: &[FixLine], lang: Lang) -> Option<Problem> {
    if items.is_empty() {
        return None;
    }
    let listed: Vec<String> = items
        .iter()
        .take(DETAILS)
        .map(|f| match lang {
            Lang::Zh => format!(
                "“{}”（责任人{}，时限{}）",
                f.problem,
                f.owner,
                date(lang, f.deadline)
            ),
            Lang::En => format!(
                "\"{}\" (owner {}, due {})",
                f.problem,
                f.owner,
                date(lang, f.deadline)
            ),
        })
        .collect();
    let more = if items.len() > DETAILS {
        lang.pick("等", " and more")
    } else {
        ""
    };
    let n = items.len();
    Some(match lang {
        Lang::Zh => Problem {
            title: "整改落实不够及时".into(),
            detail: format!("{n}项整改事项逾期未完成：{}{more}。", join(lang, &listed)),
        },
        Lang::En => Problem {
            title: "Rectification behind schedule".into(),
            detail: format!("{n} items are overdue: {}{more}.", join(lang, &listed)),
        },
    })
}

/// 存在的问题: one part per problem, then room for what the ledger cannot
/// see; `none` says what a clean ledger means for this report.
pub fn problems_section(found: &[Problem], none: &str, lang: Lang) -> Section {
    let mut s = Section::new(lang.pick("存在的问题", "Problems").to_string());
    if found.is_empty() {
        s.para(none);
    }
    for (i, p) in found.iter().enumerate() {
        s.sub(subsection(lang, i + 1, &p.title));
        s.para(p.detail.clone());
    }
    s.placeholder(lang.pick(
        "【请结合检查、巡察和自查发现的问题补充，并分析原因】",
        "[Add the problems found by inspections and self-checks, and their causes]",
    ));
    s
}

/// 下一步打算: one bracketed placeholder per problem, then one for the year.
pub fn next_steps(found: &[Problem], lang: Lang) -> Section {
    let mut s = Section::new(lang.pick("下一步打算", "Next steps").to_string());
    for (i, p) in found.iter().enumerate() {
        let text = match lang {
            Lang::Zh => format!(
                "{}【针对“{}”，请填写整改措施、责任人和完成时限】",
                subsection(lang, i + 1, ""),
                p.title
            ),
            Lang::En => format!(
                "{}[For \"{}\": the measures, who and by when]",
                subsection(lang, i + 1, ""),
                p.title
            ),
        };
        s.blocks.push(Block::Placeholder(text));
    }
    s.placeholder(lang.pick(
        "【请填写下一年度落实全面从严治党主体责任的工作打算】",
        "[Describe next year's plan]",
    ));
    s
}
