//! The annual report on fulfilling the primary responsibility for strict
//! Party governance (全面从严治党主体责任), in the parts a superior committee
//! receives: 主要做法和成效 by the seed's areas with the year's figures in
//! prose, 存在的问题 from the shortfalls the ledger computes, 下一步打算 with
//! one placeholder per problem, and the tables as annexes. Every number is
//! read off the `YearView`.

use std::collections::BTreeSet;

use crate::core::catalogue::ListId;
use crate::core::progress::Status;
use crate::core::record::Record;
use crate::core::{RecordId, YearView};
use crate::i18n::Lang;
use crate::i18n::domain::list;

use super::annex::{duty_table, evidence_only, list_duties, record_lists, talk_matrix};
use super::model::{Block, Report, Section};
use super::problems::{Problem, next_steps, problems_section, shortfalls};
use super::prose::{activity, records_of, study_topics};
use super::typeset::{as_of, date, section, subsection};
use super::{FixLine, RectificationSummary, talks};

/// The branch's name, left for the secretary to fill in.
pub const BRANCH: &str = "中共XX支部";
const BRANCH_EN: &str = "the XX Party branch";

pub fn annual(view: &YearView, fixes: &RectificationSummary, lang: Lang) -> Report {
    let title = match lang {
        Lang::Zh => format!(
            "{BRANCH}关于{}年度落实全面从严治党主体责任情况的报告",
            view.year
        ),
        Lang::En => format!(
            "Report of {BRANCH_EN} on fulfilling its primary responsibility for strict Party governance in {}",
            view.year
        ),
    };
    let found: Vec<Problem> = shortfalls(view, fixes, lang);
    let mut sections = vec![
        work(view, fixes, lang),
        problems_section(
            &found,
            lang.pick(
                "对照责任清单和整改台账，有数量要求的职责没有逾期或进度滞后的，也没有逾期的整改事项。",
                "No duty with a quota is overdue or behind, and no rectification item is overdue.",
            ),
            lang,
        ),
        next_steps(&found, lang),
    ];
    for (i, s) in sections.iter_mut().enumerate() {
        s.heading = section(lang, i + 1, &s.heading);
    }
    let year_fixes: Vec<FixLine> = fixes
        .opened
        .iter()
        .chain(fixes.overdue.iter().filter(|f| !fixes.opened.contains(f)))
        .cloned()
        .collect();
    let all: Vec<&Record> = view.records.iter().collect();
    let annexes = vec![
        duty_table(
            view,
            &ListId::ALL,
            lang.pick("责任清单落实情况表", "Duties of the responsibility lists"),
            lang,
        ),
        talk_matrix(view, lang.pick("谈话全覆盖情况表", "Talk coverage"), lang),
        record_lists(
            view,
            &all,
            &year_fixes,
            lang.pick("工作记录和整改事项清单", "Records and rectification items"),
            lang,
        ),
    ];
    Report {
        title,
        lang,
        date: view.today,
        opening: vec![Block::Plain(
            lang.pick("中共XX委员会：", "To the XX Party committee:")
                .to_string(),
        )],
        sections,
        closing: vec![
            lang.pick(BRANCH, "The XX Party branch").to_string(),
            date(lang, view.today),
        ],
        note: None,
        annexes,
    }
}

/// The opening paragraph, placed before section one.
fn lead(view: &YearView, lang: Lang) -> String {
    let end = date(lang, as_of(view.year, view.today));
    let quota: Vec<Status> = view
        .catalogue
        .duties
        .iter()
        .filter_map(|d| view.progress_of(&d.id).filter(|p| !evidence_only(d, p)))
        .map(|p| p.status)
        .collect();
    let done = quota.iter().filter(|s| s.is_met()).count();
    let late = quota.iter().filter(|s| **s == Status::Late).count();
    let late_zh = if late > 0 {
        format!("（其中逾期完成{late}项）")
    } else {
        String::new()
    };
    let late_en = if late > 0 {
        format!(" ({late} of them late)")
    } else {
        String::new()
    };
    let (n, duties) = (view.records.len(), view.catalogue.duties.len());
    match lang {
        Lang::Zh => format!(
            "{}年，{BRANCH}认真落实全面从严治党主体责任，对照责任清单逐项推进、逐项留痕。截至{end}，本年度台账共登记工作记录{n}条；责任清单共{duties}项职责，其中有数量要求的{}项，已完成{done}项{late_zh}。现将有关情况报告如下。",
            view.year,
            quota.len()
        ),
        Lang::En => format!(
            "In {}, the branch worked through its responsibility lists and kept a record of each step. As of {end}, the ledger holds {n} records for the year; of the {duties} duties, {} have a quota and {done} of those are met{late_en}. The details follow.",
            view.year,
            quota.len()
        ),
    }
}

/// 一、主要做法和成效: one part per list and area of the seed, then 整改.
fn work(view: &YearView, fixes: &RectificationSummary, lang: Lang) -> Section {
    let mut s = Section::new(lang.pick("主要做法和成效", "What was done").to_string());
    s.blocks.push(Block::Paragraph(lead(view, lang)));
    s.placeholder(lang.pick(
        "【请补充主要做法、特色亮点和典型经验】",
        "[Add the main practices, highlights and examples here]",
    ));
    let mut n = 0;
    for l in ListId::ALL {
        if list_duties(view, l).is_empty() {
            continue;
        }
        n += 1;
        let name = list(lang, l);
        let head = match lang {
            Lang::Zh if name.ends_with("清单") => format!("{name}落实情况"),
            _ => name.to_string(),
        };
        s.sub(subsection(lang, n, &head));
        s.para(area(view, l, lang));
    }
    s.sub(subsection(
        lang,
        n + 1,
        lang.pick("问题整改落实情况", "Rectification"),
    ));
    s.para(rectification(view, fixes, lang));
    s
}

/// One area in prose: the work counted toward its duties, its quotas met,
/// its talks held and the duties it keeps evidence for.
fn area(view: &YearView, l: ListId, lang: Lang) -> String {
    let duties = list_duties(view, l);
    let mut ids = BTreeSet::<RecordId>::new();
    let (mut quota, mut met, mut evidence, mut kept) = (0, 0, 0, 0);
    for (d, _) in &duties {
        let Some(p) = view.progress_of(&d.id) else {
            continue;
        };
        ids.extend(p.records.iter().copied());
        if evidence_only(d, p) {
            evidence += 1;
            kept += usize::from(!p.records.is_empty());
        } else {
            quota += 1;
            met += usize::from(p.status.is_met());
        }
    }
    let records = records_of(view, &ids);
    let zh = lang == Lang::Zh;
    let mut out = match (activity(lang, &records), zh) {
        (Some(a), true) => format!("全年{a}{}。", study_topics(lang, &records)),
        (Some(a), false) => format!("In the year: {a}{}.", study_topics(lang, &records)),
        (None, true) => "本年度台账中暂无计入本项的工作记录。".to_string(),
        (None, false) => "The ledger has no record for this area this year.".to_string(),
    };
    for (duty, pairs) in talks::matrix(view) {
        if !duties.iter().any(|(d, _)| d.id == duty.id) {
            continue;
        }
        let held = pairs.iter().filter(|p| p.covered.is_some()).count();
        let title = crate::i18n::domain::duty_title(lang, duty);
        let more = match lang {
            Lang::Zh => format!("{title}应谈{}人次，已谈{held}人次。", pairs.len()),
            Lang::En => format!(" {title}: {held} of {} talks held.", pairs.len()),
        };
        out.push_str(&more);
    }
    if quota > 0 {
        let more = match lang {
            Lang::Zh => format!("本项有数量要求的职责{quota}项，已完成{met}项。"),
            Lang::En => format!(" Of {quota} duties with a quota, {met} are met."),
        };
        out.push_str(&more);
    }
    if evidence > 0 {
        let more = match lang {
            Lang::Zh => format!("以台账佐证的职责{evidence}项，其中{kept}项已留痕。"),
            Lang::En => format!(" {kept} of {evidence} evidence-only duties have records."),
        };
        out.push_str(&more);
    }
    out
}

fn rectification(view: &YearView, fixes: &RectificationSummary, lang: Lang) -> String {
    let (opened, closed, overdue) = (fixes.opened.len(), fixes.closed.len(), fixes.overdue.len());
    let end = date(lang, as_of(view.year, view.today));
    match lang {
        Lang::Zh => format!(
            "本年度新增整改事项{opened}项，完成整改{closed}项；截至{end}，逾期未完成{overdue}项。"
        ),
        Lang::En => format!(
            "{opened} rectification items were opened and {closed} closed this year; {overdue} were overdue as of {end}."
        ),
    }
}
