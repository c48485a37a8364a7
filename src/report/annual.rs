//! The annual report on fulfilling the primary responsibility for strict
//! Party governance (全面从严治党主体责任), to the superior committee. Every
//! number in it is read off the `YearView`; narrative is left as placeholders.

use crate::core::catalogue::ListId;
use crate::core::record::{Category, Record};
use crate::core::{Duty, YearView};
use crate::i18n::Lang;
use crate::i18n::domain::{duty_title, kind, list, rule, status};

use super::model::{Block, Report, Section, Table};
use super::typeset::{DASH, date, in_all, names, none, section, seed_ref, subsection};
use super::{FixLine, RectificationSummary, talks};

/// The branch's name, left for the reviewer to fill in.
pub const BRANCH: &str = "XX党支部";
const BRANCH_EN: &str = "the XX Party branch";

pub fn annual(view: &YearView, fixes: &RectificationSummary, lang: Lang) -> Report {
    let title = match lang {
        Lang::Zh => format!("{BRANCH}{}年度落实全面从严治党主体责任情况报告", view.year),
        Lang::En => format!(
            "Report of {BRANCH_EN} on fulfilling its primary responsibility for strict Party governance in {}",
            view.year
        ),
    };
    let mut sections = vec![
        overview(view, lang),
        duties(view, lang),
        work(view, lang),
        talk_matrix(view, lang),
        rectification(fixes, lang),
        next_steps(view, lang),
    ];
    for (i, s) in sections.iter_mut().enumerate() {
        s.heading = section(lang, i + 1, &s.heading);
    }
    Report {
        title,
        lang,
        date: view.today,
        opening: vec![Block::Plain(
            lang.pick("XX党委：", "To the XX Party committee:")
                .to_string(),
        )],
        sections,
        closing: vec![
            lang.pick(BRANCH, "The XX Party branch").to_string(),
            date(lang, view.today),
        ],
    }
}

fn overview(view: &YearView, lang: Lang) -> Section {
    let mut s = Section::new(lang.pick("总体情况", "Overview").to_string());
    s.placeholder(lang.pick(
        "【请在此填写总体情况】",
        "[Describe the overall situation here]",
    ));
    let t = &view.tally;
    let (n, duties) = (view.records.len(), view.catalogue.duties.len());
    s.para(match lang {
        Lang::Zh => format!(
            "截至{}，本年度台账共登记工作记录{n}条。责任清单共{duties}项职责，其中已完成{}项，正常推进{}项，落后{}项，逾期{}项，无量化指标{}项。",
            date(lang, view.today),
            t.done,
            t.on_track,
            t.behind,
            t.overdue,
            t.no_quota
        ),
        Lang::En => format!(
            "As of {}, the ledger holds {n} records for {}. Of the {duties} duties in the catalogue, {} are done, {} on track, {} behind, {} overdue and {} have no quota.",
            date(lang, view.today),
            view.year,
            t.done,
            t.on_track,
            t.behind,
            t.overdue,
            t.no_quota
        ),
    });
    s
}

/// A list's name with its seed section: `党支部班子责任清单〔三（一）〕`.
pub(super) fn list_heading(lang: Lang, l: ListId) -> String {
    match lang {
        Lang::Zh => format!("{}〔{}〕", list(lang, l), seed_ref(lang, l.seed_ref())),
        Lang::En => format!("{} [{}]", list(lang, l), l.seed_ref()),
    }
}

/// The duties of `l`, each parent followed by its sub-duties.
pub(super) fn list_duties(view: &YearView, l: ListId) -> Vec<(&Duty, bool)> {
    let cat = &view.catalogue;
    let in_list: Vec<&Duty> = cat.in_list(l).collect();
    let mut out = Vec::new();
    for d in &in_list {
        let has_parent = d
            .parent
            .as_ref()
            .is_some_and(|p| in_list.iter().any(|x| &x.id == p && x.id != d.id));
        if has_parent {
            continue;
        }
        out.push((*d, false));
        out.extend(
            cat.children(&d.id)
                .filter(|c| c.id != d.id)
                .map(|c| (c, true)),
        );
    }
    out
}

/// A duty's title in the table, sub-duties marked under their parent.
pub(super) fn duty_cell(lang: Lang, d: &Duty, child: bool) -> String {
    if child {
        format!("└ {}", duty_title(lang, d))
    } else {
        duty_title(lang, d).to_string()
    }
}

fn duties(view: &YearView, lang: Lang) -> Section {
    let mut s = Section::new(
        lang.pick("责任清单落实情况", "Duties of the responsibility lists")
            .to_string(),
    );
    let header = lang.pick(
        "条目|职责|要求|目标|完成|状态",
        "Ref|Duty|Requirement|Target|Done|Status",
    );
    let mut n = 0;
    for l in ListId::ALL {
        let rows = list_duties(view, l);
        if rows.is_empty() {
            continue;
        }
        n += 1;
        s.sub(subsection(lang, n, &list_heading(lang, l)));
        let mut table = Table::new(&header.split('|').collect::<Vec<_>>());
        for (d, child) in rows {
            let Some(p) = view.progress_of(&d.id) else {
                continue;
            };
            let target = if p.target == 0 {
                DASH.to_string()
            } else {
                p.target.to_string()
            };
            table.push(vec![
                seed_ref(lang, &d.seed_ref),
                duty_cell(lang, d, child),
                rule(lang, &d.rule),
                target,
                p.done.to_string(),
                status(lang, p.status).to_string(),
            ]);
        }
        s.table_or_none(table, lang);
    }
    if n == 0 {
        s.para(none(lang));
    }
    s
}

/// The dated lists: meetings, study, talks, reports and everything else.
const GROUPS: [(&[Category], &str, &str); 5] = [
    (&[Category::Meeting], "会议", "Meetings"),
    (&[Category::Study], "学习", "Study sessions"),
    (&[Category::Talk], "谈话", "Talks"),
    (&[Category::Report], "报告", "Reports"),
    (
        &[Category::Inspection, Category::Activity, Category::Other],
        "其他工作",
        "Other work",
    ),
];

fn work(view: &YearView, lang: Lang) -> Section {
    let mut s = Section::new(lang.pick("主要工作开展情况", "Work done").to_string());
    for (i, (cats, zh, en)) in GROUPS.iter().enumerate() {
        s.sub(subsection(lang, i + 1, lang.pick(zh, en)));
        let recs: Vec<&Record> = view
            .records
            .iter()
            .filter(|r| cats.contains(&r.kind.category()))
            .collect();
        s.para(in_all(lang, recs.len()));
        let talk = cats.contains(&Category::Talk);
        let header = match (talk, lang) {
            (true, Lang::Zh) => "日期|类型|谈话人|谈话对象|主题",
            (true, Lang::En) => "Date|Kind|Host|Partners|Topic",
            (false, Lang::Zh) => "日期|类型|主题|主持人|参加人数",
            (false, Lang::En) => "Date|Kind|Topic|Host|Attendees",
        };
        let mut table = Table::new(&header.split('|').collect::<Vec<_>>());
        for r in recs {
            let host = r.host.map_or(DASH.to_string(), |h| view.roster.name(h));
            let topic = if r.topic.is_empty() {
                DASH.to_string()
            } else {
                r.topic.clone()
            };
            let (a, b, c) = if talk {
                (host, names(lang, &view.roster, &r.partners), topic)
            } else {
                (topic, host, r.attendees.len().to_string())
            };
            table.push(vec![date(lang, r.date), kind(lang, r.kind).into(), a, b, c]);
        }
        s.table_or_none(table, lang);
    }
    s
}

fn talk_matrix(view: &YearView, lang: Lang) -> Section {
    let mut s = Section::new(lang.pick("谈话全覆盖情况", "Talk coverage").to_string());
    let matrix = talks::matrix(view);
    if matrix.is_empty() {
        s.para(lang.pick(
            "职责清单中没有谈话覆盖类职责。",
            "The catalogue has no talk-coverage duty.",
        ));
    }
    for (i, (duty, pairs)) in matrix.iter().enumerate() {
        let head = match lang {
            Lang::Zh => format!(
                "{}{}",
                seed_ref(lang, &duty.seed_ref),
                duty_title(lang, duty)
            ),
            Lang::En => format!("{} {}", duty.seed_ref, duty_title(lang, duty)),
        };
        s.sub(subsection(lang, i + 1, &head));
        let done = pairs.iter().filter(|p| p.covered.is_some()).count();
        let owed = pairs.len() - done;
        s.para(match lang {
            Lang::Zh => format!(
                "要求：{}。应谈{}人次，已谈{done}人次，未谈{owed}人次。",
                rule(lang, &duty.rule),
                pairs.len()
            ),
            Lang::En => format!(
                "Requirement: {}. Required {}, held {done}, owed {owed}.",
                rule(lang, &duty.rule),
                pairs.len()
            ),
        });
        let header = lang.pick("谈话人|谈话对象|情况|日期", "Host|Partner|State|Date");
        let mut table = Table::new(&header.split('|').collect::<Vec<_>>());
        for p in pairs {
            let (state, when) = match p.covered {
                Some(d) => (lang.pick("已谈", "held"), date(lang, d)),
                None => (lang.pick("未谈", "owed"), DASH.to_string()),
            };
            table.push(vec![
                view.roster.name(p.host),
                view.roster.name(p.partner),
                state.to_string(),
                when,
            ]);
        }
        s.table_or_none(table, lang);
    }
    s
}

fn rectification(fixes: &RectificationSummary, lang: Lang) -> Section {
    let mut s = Section::new(lang.pick("整改落实情况", "Rectification").to_string());
    let groups: [(&[FixLine], &str, &str); 3] = [
        (&fixes.opened, "本年新增整改事项", "Items opened this year"),
        (&fixes.closed, "已完成整改事项", "Items closed"),
        (&fixes.overdue, "逾期未完成整改事项", "Items overdue"),
    ];
    let header = lang.pick("问题|责任人|完成时限|状态", "Problem|Owner|Deadline|State");
    for (i, (items, zh, en)) in groups.into_iter().enumerate() {
        s.sub(subsection(lang, i + 1, lang.pick(zh, en)));
        let mut table = Table::new(&header.split('|').collect::<Vec<_>>());
        for f in items {
            table.push(vec![
                f.problem.clone(),
                f.owner.clone(),
                date(lang, f.deadline),
                f.state.clone(),
            ]);
        }
        s.table_or_none(table, lang);
    }
    s
}

fn next_steps(view: &YearView, lang: Lang) -> Section {
    let mut s = Section::new(
        lang.pick("存在的问题和下一步工作打算", "Problems and next steps")
            .to_string(),
    );
    s.placeholder(lang.pick(
        "【请在此填写存在的问题和下一步工作打算】",
        "[Describe the problems found and the next steps here]",
    ));
    s.para(generated(view, lang));
    s
}

/// The closing note: where the numbers come from and as of when.
pub(super) fn generated(view: &YearView, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("本文数据由台账生成，统计截至{}。", date(lang, view.today)),
        Lang::En => format!(
            "The figures above are generated from the ledger as of {}.",
            date(lang, view.today)
        ),
    }
}
