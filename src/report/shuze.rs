//! The 述责述廉 draft for one leadership member: their list of duties (三(二)
//! for the secretary, 三(三) for the others), the records they hosted or took
//! part in, the talks they held and owe, their 联系点, and places to write.

use crate::core::catalogue::ListId;
use crate::core::progress::Missing;
use crate::core::record::{Category, Record};
use crate::core::roster::Role;
use crate::core::{PersonId, YearView};
use crate::i18n::Lang;
use crate::i18n::domain::{bucket, duty_title, kind, role, rule, scope, status};

use super::annual::{duty_cell, generated, list_duties, list_heading};
use super::model::{Report, Section, Table};
use super::talks;
use super::typeset::{DASH, date, in_all, join, names, none, section, seed_ref, subsection};

pub fn shuze(view: &YearView, person: PersonId, lang: Lang) -> Report {
    let name = view.roster.name(person);
    let title = match lang {
        Lang::Zh => format!("{name}同志{}年度述责述廉报告（草稿）", view.year),
        Lang::En => format!("Duty and integrity report of {name}, {} (draft)", view.year),
    };
    let mut sections = vec![
        profile(view, person, lang),
        duties(view, person, lang),
        records(view, person, lang),
        talks_held(view, person, lang),
        links(view, person, lang),
        integrity(lang),
        next_steps(view, lang),
    ];
    for (i, s) in sections.iter_mut().enumerate() {
        s.heading = section(lang, i + 1, &s.heading);
    }
    let signed = match lang {
        Lang::Zh => format!("述职人：{name}"),
        Lang::En => format!("Reported by {name}"),
    };
    Report {
        title,
        lang,
        date: view.today,
        opening: Vec::new(),
        sections,
        closing: vec![signed, date(lang, view.today)],
    }
}

fn is_secretary(view: &YearView, person: PersonId) -> bool {
    view.roster
        .get(person)
        .is_some_and(|p| p.has(Role::Secretary))
}

fn profile(view: &YearView, person: PersonId, lang: Lang) -> Section {
    let mut s = Section::new(lang.pick("基本情况", "About me").to_string());
    let name = view.roster.name(person);
    let p = view.roster.get(person);
    let list_or_none = |items: &[String]| {
        if items.is_empty() {
            none(lang).to_string()
        } else {
            join(lang, items)
        }
    };
    let roles: Vec<&str> = p.map_or(Vec::new(), |p| {
        p.roles.iter().map(|r| role(lang, *r)).collect()
    });
    let roles = list_or_none(&roles.iter().map(ToString::to_string).collect::<Vec<_>>());
    let dept = p
        .and_then(|p| p.dept.clone())
        .unwrap_or_else(|| none(lang).into());
    let oversees = list_or_none(p.map_or(&[][..], |p| &p.oversees));
    s.para(match lang {
        Lang::Zh => format!("{name}，职务：{roles}；所在部门：{dept}；分管：{oversees}。"),
        Lang::En => format!("{name}. Roles: {roles}; department: {dept}; oversees: {oversees}."),
    });
    s.placeholder(lang.pick(
        "【请在此填写本人履职总体情况】",
        "[Describe how you carried out your duties this year]",
    ));
    s
}

/// What `m` still owes, as far as it concerns `person`; `None` when it is
/// about someone else.
fn owed(view: &YearView, person: PersonId, m: &Missing, lang: Lang) -> Option<String> {
    let zh = lang == Lang::Zh;
    Some(match m {
        Missing::Period {
            period,
            index,
            have,
            need,
            ..
        } => {
            let short = need.saturating_sub(*have);
            let b = bucket(lang, *period, *index);
            if zh {
                format!("{b}尚缺{short}次")
            } else {
                format!("{b}: {short} short")
            }
        }
        Missing::Pair { from, to } if *from == person => {
            let to = view.roster.name(*to);
            if zh {
                format!("与{to}的谈话")
            } else {
                format!("talk with {to}")
            }
        }
        Missing::Person { person: p } if *p == person => {
            lang.pick("本人尚未完成", "not yet done").to_string()
        }
        Missing::OutOfRange {
            person: p,
            have,
            min,
            max,
        } if *p == person => {
            if zh {
                format!("现有{have}个，应为{min}至{max}个")
            } else {
                format!("{have}, needs {min}-{max}")
            }
        }
        Missing::Deadline { date: d } => {
            if zh {
                format!("应于{}前完成", date(lang, *d))
            } else {
                format!("due by {}", date(lang, *d))
            }
        }
        Missing::NoOne { scope: sc } => {
            if zh {
                format!("名册中没有{}", scope(lang, *sc))
            } else {
                format!("the roster has no {}", scope(lang, *sc))
            }
        }
        Missing::Child { duty } => {
            let t = view
                .catalogue
                .duty(duty)
                .map_or(duty.to_string(), |d| duty_title(lang, d).to_string());
            if zh {
                format!("{t}未完成")
            } else {
                format!("{t} not done")
            }
        }
        _ => return None,
    })
}

fn involved(r: &Record, person: PersonId) -> bool {
    r.host == Some(person) || r.attendees.contains(&person) || r.partners.contains(&person)
}

fn duties(view: &YearView, person: PersonId, lang: Lang) -> Section {
    let mut s = Section::new(lang.pick("履行责任清单情况", "My duties").to_string());
    let l = if is_secretary(view, person) {
        ListId::Secretary
    } else {
        ListId::OtherMembers
    };
    s.sub(subsection(lang, 1, &list_heading(lang, l)));
    let header = lang.pick(
        "条目|职责|要求|本人记录|状态|尚缺",
        "Ref|Duty|Requirement|My records|Status|Owed",
    );
    let mut table = Table::new(&header.split('|').collect::<Vec<_>>());
    for (d, child) in list_duties(view, l) {
        let Some(p) = view.progress_of(&d.id) else {
            continue;
        };
        let mine = p
            .records
            .iter()
            .filter_map(|id| view.record(*id))
            .filter(|r| involved(r, person))
            .count();
        let owed: Vec<String> = p
            .missing
            .iter()
            .filter_map(|m| owed(view, person, m, lang))
            .collect();
        table.push(vec![
            seed_ref(lang, &d.seed_ref),
            duty_cell(lang, d, child),
            rule(lang, &d.rule),
            mine.to_string(),
            status(lang, p.status).to_string(),
            if owed.is_empty() {
                DASH.to_string()
            } else {
                join(lang, &owed)
            },
        ]);
    }
    s.table_or_none(table, lang);
    s.sub(subsection(
        lang,
        2,
        lang.pick("履职情况", "How I carried them out"),
    ));
    s.placeholder(lang.pick(
        "【请对照责任清单逐项填写履职情况】",
        "[Go through the list and describe how you carried out each duty]",
    ));
    s
}

fn records(view: &YearView, person: PersonId, lang: Lang) -> Section {
    let mut s = Section::new(
        lang.pick("参加会议和学习等工作情况", "Meetings, study and other work")
            .to_string(),
    );
    let mine: Vec<&Record> = view
        .records
        .iter()
        .filter(|r| r.kind.category() != Category::Talk && involved(r, person))
        .collect();
    s.para(in_all(lang, mine.len()));
    let header = lang.pick("日期|类型|主题|本人身份", "Date|Kind|Topic|My part");
    let mut table = Table::new(&header.split('|').collect::<Vec<_>>());
    for r in mine {
        let part = if r.host == Some(person) {
            lang.pick("主持", "host")
        } else if r.attendees.contains(&person) {
            lang.pick("参加", "attendee")
        } else {
            lang.pick("涉及", "covered")
        };
        table.push(vec![
            date(lang, r.date),
            kind(lang, r.kind).into(),
            r.topic.clone(),
            part.into(),
        ]);
    }
    s.table_or_none(table, lang);
    s.placeholder(lang.pick(
        "【请在此填写参加组织生活、学习和工作的体会】",
        "[Describe what you took from these meetings and sessions]",
    ));
    s
}

fn talks_held(view: &YearView, person: PersonId, lang: Lang) -> Section {
    let mut s = Section::new(lang.pick("谈话情况", "Talks").to_string());
    s.sub(subsection(
        lang,
        1,
        lang.pick("本人开展的谈话", "Talks I held"),
    ));
    let held: Vec<&Record> = view
        .records
        .iter()
        .filter(|r| r.kind.category() == Category::Talk && r.host == Some(person))
        .collect();
    s.para(in_all(lang, held.len()));
    let header = lang.pick("日期|类型|谈话对象|主题", "Date|Kind|Partners|Topic");
    let mut table = Table::new(&header.split('|').collect::<Vec<_>>());
    for r in held {
        let topic = if r.topic.is_empty() {
            DASH.to_string()
        } else {
            r.topic.clone()
        };
        table.push(vec![
            date(lang, r.date),
            kind(lang, r.kind).into(),
            names(lang, &view.roster, &r.partners),
            topic,
        ]);
    }
    s.table_or_none(table, lang);
    s.sub(subsection(
        lang,
        2,
        lang.pick("尚未开展的应谈谈话", "Required talks still owed"),
    ));
    let header = lang.pick("职责|谈话对象", "Duty|Partner");
    let mut table = Table::new(&header.split('|').collect::<Vec<_>>());
    for (duty, pairs) in talks::matrix(view) {
        for p in pairs
            .iter()
            .filter(|p| p.host == person && p.covered.is_none())
        {
            table.push(vec![
                duty_title(lang, duty).to_string(),
                view.roster.name(p.partner),
            ]);
        }
    }
    s.table_or_none(table, lang);
    s
}

fn links(view: &YearView, person: PersonId, lang: Lang) -> Section {
    let mut s = Section::new(lang.pick("联系点工作情况", "Linked sites").to_string());
    let links = view.roster.get(person).map_or(&[][..], |p| &p.links[..]);
    let list = if links.is_empty() {
        none(lang).to_string()
    } else {
        join(lang, links)
    };
    s.para(match lang {
        Lang::Zh => format!("本人联系点：{list}。"),
        Lang::En => format!("My linked sites: {list}."),
    });
    s.placeholder(lang.pick(
        "【请在此填写联系点工作开展情况】",
        "[Describe the work at your linked sites]",
    ));
    s
}

fn integrity(lang: Lang) -> Section {
    let mut s = Section::new(lang.pick("廉洁自律情况", "Integrity").to_string());
    s.placeholder(lang.pick(
        "【请在此填写遵守政治纪律、落实中央八项规定精神和廉洁自律情况】",
        "[Describe how you kept Party discipline, the eight-point rules and integrity]",
    ));
    s
}

fn next_steps(view: &YearView, lang: Lang) -> Section {
    let mut s = Section::new(
        lang.pick("存在的问题和下一步打算", "Problems and next steps")
            .to_string(),
    );
    s.placeholder(lang.pick(
        "【请在此填写存在的问题、原因分析和整改措施】",
        "[Describe the problems, their causes and what you will do]",
    ));
    s.para(generated(view, lang));
    s
}
