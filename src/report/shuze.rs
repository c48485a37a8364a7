//! The 述责述廉 draft for one leadership member, in the same 公文 form as the
//! annual report. It counts only that person's own acts: talks they held,
//! meetings they chaired or attended, visits to their 联系点 and the 整改
//! they own; a talk someone else held with them is not theirs. Figures are
//! in prose; the record list is an annex.

mod own;

use std::collections::BTreeSet;

use crate::core::catalogue::ListId;
use crate::core::fix::FixItem;
use crate::core::record::{Category, Record};
use crate::core::roster::Role;
use crate::core::{PersonId, YearView};
use crate::i18n::Lang;
use crate::i18n::domain::{kind, role};

use super::annex::duty_table;
use super::model::{Annex, Block, Report, Section, Table};
use super::problems::{Problem, duty_shortfalls, next_steps, problems_section};
use super::prose::{activity, attended as attended_words};
use super::talks;
use super::typeset::{DASH, as_of, date, join, names, none, section, subsection};

/// Whether `r` is `person`'s own act: a talk they held, or other work they
/// chaired, attended or (for reports) made.
pub fn own_act(r: &Record, person: PersonId) -> bool {
    if r.kind.category() == Category::Talk {
        return r.host == Some(person);
    }
    r.host == Some(person) || r.attendees.contains(&person) || r.partners.contains(&person)
}

pub fn shuze(view: &YearView, person: PersonId, lang: Lang) -> Report {
    let name = view.roster.name(person);
    let title = match lang {
        Lang::Zh => format!("{name}同志{}年度述责述廉报告", view.year),
        Lang::En => format!("Duty and integrity report of {name}, {}", view.year),
    };
    let mine: Vec<&Record> = view.records.iter().filter(|r| own_act(r, person)).collect();
    let fixes: Vec<&FixItem> = view.fixes.iter().filter(|f| f.owner == person).collect();
    let mut found: Vec<Problem> = duty_shortfalls(view, Some(person), lang);
    let end = as_of(view.year, view.today);
    let late = fixes.iter().filter(|f| f.overdue_on(end)).count();
    if late > 0 {
        found.push(Problem {
            title: lang
                .pick("本人牵头的整改不够及时", "My rectification items are late")
                .into(),
            detail: match lang {
                Lang::Zh => format!("本人负责的整改事项中有{late}项逾期未完成。"),
                Lang::En => format!("{late} of the items I own are overdue."),
            },
        });
    }
    let mut sections = vec![
        duties(view, person, &mine, &fixes, lang),
        integrity(lang),
        problems_section(
            &found,
            lang.pick(
                "对照责任清单，本人没有逾期未开展的谈话和逾期未完成的整改事项。",
                "I have no overdue talk and no overdue rectification item.",
            ),
            lang,
        ),
        next_steps(&found, lang),
    ];
    for (i, s) in sections.iter_mut().enumerate() {
        s.heading = section(lang, i + 1, &s.heading);
    }
    let list = if is_secretary(view, person) {
        ListId::Secretary
    } else {
        ListId::OtherMembers
    };
    let annexes = vec![
        own_records(view, person, &mine, lang),
        duty_table(
            view,
            &[list],
            lang.pick("本人责任清单落实情况表", "My duties"),
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
        closing: vec![name, date(lang, view.today)],
        note: None,
        annexes,
    }
}

fn is_secretary(view: &YearView, person: PersonId) -> bool {
    view.roster
        .get(person)
        .is_some_and(|p| p.has(Role::Secretary))
}

/// Who the person is: roles, department, what they oversee, their 联系点.
fn about(view: &YearView, person: PersonId, lang: Lang) -> String {
    let p = view.roster.get(person);
    let or_none = |items: &[String]| {
        if items.is_empty() {
            none(lang).to_string()
        } else {
            join(lang, items)
        }
    };
    let roles: Vec<String> = p.map_or(Vec::new(), |p| {
        p.roles.iter().map(|r| role(lang, *r).to_string()).collect()
    });
    let roles = or_none(&roles);
    let oversees = or_none(p.map_or(&[][..], |p| &p.oversees));
    let links = or_none(p.map_or(&[][..], |p| &p.links));
    match lang {
        Lang::Zh => format!(
            "本人现任{roles}，分管{oversees}，联系点为{links}。{}年，本人认真履行全面从严治党责任，现将履责和廉洁自律情况报告如下。",
            view.year
        ),
        Lang::En => format!(
            "I serve as {roles}, oversee {oversees} and keep the linked sites {links}. This is how I carried out my duties in {}.",
            view.year
        ),
    }
}

/// 一、履行全面从严治党责任情况: meetings, talks, 联系点 and 整改, in prose.
fn duties(
    view: &YearView,
    person: PersonId,
    mine: &[&Record],
    fixes: &[&FixItem],
    lang: Lang,
) -> Section {
    let mut s = Section::new(
        lang.pick("履行全面从严治党责任情况", "How I carried out my duties")
            .to_string(),
    );
    s.blocks.push(Block::Paragraph(about(view, person, lang)));
    let zh = lang == Lang::Zh;
    let chaired: Vec<&Record> = mine
        .iter()
        .copied()
        .filter(|r| r.kind.category() != Category::Talk && r.host == Some(person))
        .collect();
    let attended: Vec<&Record> = mine
        .iter()
        .copied()
        .filter(|r| r.kind.category() != Category::Talk && r.host != Some(person))
        .collect();
    s.sub(subsection(
        lang,
        1,
        lang.pick("组织和参加会议学习", "Meetings and study"),
    ));
    s.para(
        match (
            activity(lang, &chaired),
            attended_words(lang, &attended),
            zh,
        ) {
            (Some(c), Some(a), true) => format!("全年主持{c}；参加{a}。"),
            (Some(c), None, true) => format!("全年主持{c}。"),
            (None, Some(a), true) => format!("全年参加{a}。"),
            (None, None, true) => "本年度台账中暂无本人主持或参加的会议和学习记录。".into(),
            (c, a, false) => format!(
                "Chaired: {}. Attended: {}.",
                c.unwrap_or_else(|| none(lang).into()),
                a.unwrap_or_else(|| none(lang).into())
            ),
        },
    );
    s.sub(subsection(lang, 2, lang.pick("开展谈心谈话", "Talks")));
    s.para(talks_prose(view, person, mine, lang));
    s.sub(subsection(lang, 3, lang.pick("联系点工作", "Linked sites")));
    s.para(links_prose(view, person, mine, lang));
    let mut n = 4;
    if let Some(text) = own::prose(view, person, lang) {
        s.sub(subsection(
            lang,
            n,
            lang.pick("按人计的职责", "Duties owed in person"),
        ));
        s.para(text);
        n += 1;
    }
    s.sub(subsection(
        lang,
        n,
        lang.pick("牵头整改", "Rectification I own"),
    ));
    let end = as_of(view.year, view.today);
    let closed = fixes.iter().filter(|f| f.is_closed()).count();
    let late = fixes.iter().filter(|f| f.overdue_on(end)).count();
    s.para(match lang {
        Lang::Zh if fixes.is_empty() => "本年度没有由本人负责的整改事项。".to_string(),
        Lang::Zh => format!(
            "本人负责整改事项{}项，已完成{closed}项，逾期未完成{late}项。",
            fixes.len()
        ),
        Lang::En => format!(
            "I own {} rectification items: {closed} closed, {late} overdue.",
            fixes.len()
        ),
    });
    s.placeholder(lang.pick(
        "【请补充履行“一岗双责”、抓分管领域党风廉政建设的具体做法】",
        "[Add how you carried out your duties in the areas you oversee]",
    ));
    s
}

/// The talks the person held, by kind, and the required talks they still owe.
fn talks_prose(view: &YearView, person: PersonId, mine: &[&Record], lang: Lang) -> String {
    let held: Vec<&Record> = mine
        .iter()
        .copied()
        .filter(|r| r.kind.category() == Category::Talk)
        .collect();
    let partners: BTreeSet<PersonId> = held.iter().flat_map(|r| r.partners.clone()).collect();
    let mut owed = Vec::new();
    let (mut due, mut done) = (0, 0);
    for (_, pairs) in talks::matrix(view) {
        // The talks the duties put on this person; 谈心谈话 pairs are the
        // branch's shared duty, counted in the annual report.
        for p in pairs.iter().filter(|p| p.host == person && !p.between) {
            due += 1;
            if p.covered.is_some() {
                done += 1;
            } else {
                owed.push(view.roster.name(p.partner));
            }
        }
    }
    let mut out = match (activity(lang, &held), lang) {
        (Some(a), Lang::Zh) => format!("全年{a}，谈话对象{}人。", partners.len()),
        (Some(a), Lang::En) => format!("I held {a} with {} people.", partners.len()),
        (None, Lang::Zh) => "本年度台账中暂无本人开展的谈话记录。".into(),
        (None, Lang::En) => "The ledger has no talk I held this year.".into(),
    };
    if due > 0 {
        let more = match lang {
            Lang::Zh => format!("按照责任清单，本人应谈{due}人次，已谈{done}人次。"),
            Lang::En => format!(" Of {due} required talks I have held {done}."),
        };
        out.push_str(&more);
    }
    if !owed.is_empty() {
        let more = match lang {
            Lang::Zh => format!("与{}的谈话尚未开展。", join(lang, &owed)),
            Lang::En => format!(" Still owed: {}.", join(lang, &owed)),
        };
        out.push_str(&more);
    }
    out
}

/// Visits to the person's 联系点: their records that name one of them.
fn links_prose(view: &YearView, person: PersonId, mine: &[&Record], lang: Lang) -> String {
    let links = view.roster.get(person).map_or(&[][..], |p| &p.links[..]);
    if links.is_empty() {
        return lang
            .pick("本人未确定联系点。", "I have no linked site.")
            .into();
    }
    let visits = mine
        .iter()
        .filter(|r| {
            links
                .iter()
                .any(|l| r.topic.contains(l.as_str()) || r.notes.contains(l.as_str()))
        })
        .count();
    match lang {
        Lang::Zh => format!(
            "本人联系{}，全年到联系点开展工作{visits}次。",
            join(lang, links)
        ),
        Lang::En => format!(
            "My linked sites are {}; I worked there {visits} times.",
            join(lang, links)
        ),
    }
}

fn integrity(lang: Lang) -> Section {
    let mut s = Section::new(lang.pick("廉洁自律情况", "Integrity").to_string());
    s.placeholder(lang.pick(
        "【请填写遵守政治纪律和政治规矩、落实中央八项规定精神、廉洁自律和个人有关事项报告情况】",
        "[Describe how you kept Party discipline, the eight-point rules and integrity]",
    ));
    s
}

/// 附件: the person's own records, numbered, with their part in each.
fn own_records(view: &YearView, person: PersonId, mine: &[&Record], lang: Lang) -> Annex {
    let mut a = Annex::new(lang.pick("本人工作记录清单", "My records"));
    let header = lang.pick(
        "序号|日期|类型|主题|本人身份",
        "No.|Date|Kind|Topic|My part",
    );
    let mut table = Table::new(&header.split('|').collect::<Vec<_>>());
    for (i, r) in mine.iter().enumerate() {
        let part = if r.kind.category() == Category::Talk {
            match lang {
                Lang::Zh => format!("与{}谈话", names_of(view, &r.partners, lang)),
                Lang::En => format!("talk with {}", names_of(view, &r.partners, lang)),
            }
        } else if r.host == Some(person) {
            lang.pick("主持", "chair").into()
        } else if r.attendees.contains(&person) {
            lang.pick("参加", "attendee").into()
        } else {
            lang.pick("报告人", "reporter").into()
        };
        let topic = if r.topic.trim().is_empty() {
            DASH.to_string()
        } else {
            r.topic.clone()
        };
        table.push(vec![
            (i + 1).to_string(),
            date(lang, r.date),
            kind(lang, r.kind).into(),
            topic,
            part,
        ]);
    }
    a.table_or_none(table, lang);
    a
}

fn names_of(view: &YearView, ids: &[PersonId], lang: Lang) -> String {
    names(lang, &view.roster, ids)
}
