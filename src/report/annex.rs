//! The annexes the reports share: the duty table, the talk matrix and the
//! dated record lists. Tables live only here, never in a report's body, and
//! show duties by 条目 and title and people by name, never by id.

use crate::core::catalogue::ListId;
use crate::core::progress::{Progress, Status};
use crate::core::record::{Category, Record};
use crate::core::{Duty, Rule, YearView};
use crate::i18n::Lang;
use crate::i18n::domain::{duty_title, kind, list, rule, status};

use super::FixLine;
use super::model::{Annex, Table};
use super::periods;
use super::talks;
use super::typeset::{DASH, date, full_width, names, seed_ref, subsection};

/// A list's name with its seed section: `党支部班子责任清单〔三（一）〕`.
pub fn list_heading(lang: Lang, l: ListId) -> String {
    match lang {
        Lang::Zh => format!("{}〔{}〕", list(lang, l), seed_ref(lang, l.seed_ref())),
        Lang::En => format!("{} [{}]", list(lang, l), l.seed_ref()),
    }
}

/// The duties of `l`, each parent followed by its sub-duties.
pub fn list_duties(view: &YearView, l: ListId) -> Vec<(&Duty, bool)> {
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

/// A duty's title in a table, sub-duties marked under their parent.
pub fn duty_cell(lang: Lang, d: &Duty, child: bool) -> String {
    if child {
        format!("└ {}", duty_title(lang, d))
    } else {
        duty_title(lang, d).to_string()
    }
}

/// Whether a duty asks for evidence only, with no number to meet (a parent
/// whose sub-duties have quotas is judged by them, not by evidence).
pub fn evidence_only(d: &Duty, p: &Progress) -> bool {
    p.status == Status::NoQuota || (matches!(d.rule, Rule::Evidence) && p.target == 0)
}

/// The requirement column: the rule in words, or for a parent judged by
/// its sub-duties, that they must all be met.
pub fn requirement_cell(lang: Lang, d: &Duty, p: &Progress) -> String {
    if matches!(d.rule, Rule::Evidence) && !evidence_only(d, p) {
        return match lang {
            Lang::Zh => format!("下列{}项子项均须完成", p.target),
            Lang::En => format!("all {} sub-duties met", p.target),
        };
    }
    full_width(lang, &rule(lang, &d.rule))
}

/// What the 完成 column says: the count for a quota, `已留痕3条` or `暂无记录`
/// for an evidence duty (never a bare 0 that reads as a failure).
pub fn done_cell(lang: Lang, d: &Duty, p: &Progress) -> String {
    if !evidence_only(d, p) {
        return p.done.to_string();
    }
    let n = p.records.len();
    match (lang, n) {
        (Lang::Zh, 0) => "暂无记录".into(),
        (Lang::Zh, n) => format!("已留痕{n}条"),
        (Lang::En, 0) => "no record yet".into(),
        (Lang::En, n) => format!("{n} on file"),
    }
}

/// The target column: the number, or a dash for an evidence duty.
pub fn target_cell(d: &Duty, p: &Progress) -> String {
    if evidence_only(d, p) || p.target == 0 {
        DASH.to_string()
    } else {
        p.target.to_string()
    }
}

/// The status column: an evidence duty has no status to judge.
pub fn status_cell(lang: Lang, d: &Duty, p: &Progress) -> String {
    if p.status == Status::NoEvidence {
        // A past year with nothing on file: flagged, not a neutral dash.
        status(lang, p.status).to_string()
    } else if evidence_only(d, p) {
        lang.pick("以台账佐证", "evidence").to_string()
    } else {
        status(lang, p.status).to_string()
    }
}

/// 附件: every duty of `lists` with its requirement, target, done and status.
pub fn duty_table(view: &YearView, lists: &[ListId], title: &str, lang: Lang) -> Annex {
    let mut a = Annex::new(title);
    let header = lang.pick(
        "条目|职责|要求|目标|完成|状态",
        "Ref|Duty|Requirement|Target|Done|Status",
    );
    let mut n = 0;
    for l in lists {
        let rows = list_duties(view, *l);
        if rows.is_empty() {
            continue;
        }
        n += 1;
        a.sub(subsection(lang, n, &list_heading(lang, *l)));
        let mut table = Table::new(&header.split('|').collect::<Vec<_>>());
        for (d, child) in &rows {
            let Some(p) = view.progress_of(&d.id) else {
                continue;
            };
            table.push(vec![
                seed_ref(lang, &d.seed_ref),
                duty_cell(lang, d, *child),
                requirement_cell(lang, d, p),
                target_cell(d, p),
                done_cell(lang, d, p),
                status_cell(lang, d, p),
            ]);
        }
        a.table_or_none(table, lang);
        // 党课 3 while the record list holds 4: say why, under the table.
        if let Some(note) = periods::note(view, rows.iter().map(|(d, _)| *d), lang) {
            a.para(note);
        }
    }
    a
}

/// 附件: each talk-coverage duty with every required pair, held or owed.
pub fn talk_matrix(view: &YearView, title: &str, lang: Lang) -> Annex {
    let mut a = Annex::new(title);
    let matrix = talks::matrix(view);
    if matrix.is_empty() {
        a.para(lang.pick(
            "职责清单中没有谈话全覆盖类职责。",
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
        a.sub(subsection(lang, i + 1, &head));
        let header = lang.pick(
            "序号|谈话人|谈话对象|情况|日期",
            "No.|Host|Partner|State|Date",
        );
        let mut table = Table::new(&header.split('|').collect::<Vec<_>>());
        for (n, p) in pairs.iter().enumerate() {
            let (state, when) = match p.covered {
                Some(d) => (lang.pick("已谈", "held"), date(lang, d)),
                None => (lang.pick("未谈", "owed"), DASH.to_string()),
            };
            table.push(vec![
                (n + 1).to_string(),
                view.roster.name(p.host),
                view.roster.name(p.partner),
                state.to_string(),
                when,
            ]);
        }
        a.table_or_none(table, lang);
    }
    a
}

/// The dated lists: meetings, study, talks, reports and everything else.
pub const GROUPS: [(&[Category], &str, &str); 5] = [
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

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        DASH.to_string()
    } else {
        s.to_string()
    }
}

/// 附件: `records` by group, numbered, then the rectification items.
pub fn record_lists(
    view: &YearView,
    records: &[&Record],
    fixes: &[FixLine],
    title: &str,
    lang: Lang,
) -> Annex {
    let mut a = Annex::new(title);
    let mut n = 0;
    for (cats, zh, en) in GROUPS {
        let recs: Vec<&&Record> = records
            .iter()
            .filter(|r| cats.contains(&r.kind.category()))
            .collect();
        n += 1;
        a.sub(subsection(lang, n, lang.pick(zh, en)));
        let talk = cats.contains(&Category::Talk);
        let header = match (talk, lang) {
            (true, Lang::Zh) => "序号|日期|类型|谈话人|谈话对象|主题",
            (true, Lang::En) => "No.|Date|Kind|Host|Partners|Topic",
            (false, Lang::Zh) => "序号|日期|类型|主题|主持人|参加人数",
            (false, Lang::En) => "No.|Date|Kind|Topic|Host|Attendees",
        };
        let mut table = Table::new(&header.split('|').collect::<Vec<_>>());
        for (i, r) in recs.iter().enumerate() {
            let host = r.host.map_or(DASH.to_string(), |h| view.roster.name(h));
            let (third, fourth, fifth) = if talk {
                (
                    host,
                    names(lang, &view.roster, &r.partners),
                    or_dash(&r.topic),
                )
            } else {
                (or_dash(&r.topic), host, r.attendees.len().to_string())
            };
            table.push(vec![
                (i + 1).to_string(),
                date(lang, r.date),
                kind(lang, r.kind).into(),
                third,
                fourth,
                fifth,
            ]);
        }
        a.table_or_none(table, lang);
    }
    a.sub(subsection(
        lang,
        n + 1,
        lang.pick("整改事项", "Rectification items"),
    ));
    let header = lang.pick(
        "序号|问题|责任人|完成时限|状态",
        "No.|Problem|Owner|Deadline|State",
    );
    let mut table = Table::new(&header.split('|').collect::<Vec<_>>());
    for (i, f) in fixes.iter().enumerate() {
        table.push(vec![
            (i + 1).to_string(),
            f.problem.clone(),
            f.owner.clone(),
            date(lang, f.deadline),
            full_width(lang, &f.state),
        ]);
    }
    a.table_or_none(table, lang);
    a
}
