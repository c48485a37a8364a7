//! What the workbook holds, sheet by sheet, as plain cells: records by the
//! report's groups (so the workbook and annex 3 agree), 整改 and the duties.
//! People by name, duties by 条目 and title, dates as dates.

use chrono::NaiveDate;

use crate::cli::report::text as w;
use crate::core::LedgerApi as _;
use crate::core::ledger::YearView;
use crate::core::record::{Category, Record};
use crate::i18n::{Lang, domain, fix as f};
use crate::report::{self, GROUPS};

use super::super::super::{CliError, Context};

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Empty,
}

/// One worksheet: its tab name, the title row, the header and the rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub title: String,
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
    pub footer: &'static str,
}

fn text(s: impl Into<String>) -> Cell {
    let s = s.into();
    if s.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

fn number(n: usize) -> Cell {
    // Row numbers and head counts: far below 2^52.
    #[allow(clippy::cast_precision_loss)]
    Cell::Number(n as f64)
}

/// Every sheet of `year`'s workbook.
pub fn workbook(ctx: &Context, year: i32) -> Result<Vec<Sheet>, CliError> {
    let lang = ctx.lang;
    let view = ctx.ledger.year_view(year, ctx.today)?;
    let title = |what: &str| match lang {
        Lang::Zh => format!("{}{year}年度{what}台账", report::BRANCH),
        Lang::En => format!("{year} ledger of the XX Party branch: {what}"),
    };
    let footer = super::footer(lang);
    let mut out = Vec::new();
    for (cats, zh, en) in GROUPS {
        let name = lang.pick(zh, en);
        let recs: Vec<&Record> = view
            .records
            .iter()
            .filter(|r| cats.contains(&r.kind.category()))
            .collect();
        let (header, rows) = records(&view, cats[0], &recs, lang);
        out.push(Sheet {
            name: name.to_string(),
            title: title(name),
            header,
            rows,
            footer,
        });
    }
    let name = lang.pick("整改", "Rectification");
    out.push(Sheet {
        name: name.into(),
        title: title(name),
        header: fixes_header(lang),
        rows: fixes(&view, lang),
        footer,
    });
    let name = lang.pick("职责完成情况", "Duties");
    out.push(Sheet {
        name: name.into(),
        title: title(name),
        header: duties_header(lang),
        rows: duties(&view, lang),
        footer,
    });
    Ok(out)
}

fn names(view: &YearView, ids: &[crate::core::PersonId], lang: Lang) -> String {
    ids.iter()
        .map(|id| view.roster.name(*id))
        .collect::<Vec<_>>()
        .join(w::list_sep(lang))
}

fn duty_refs(view: &YearView, r: &Record, lang: Lang) -> String {
    r.duties
        .iter()
        .map(|id| w::duty_ref(lang, &view.catalogue, id))
        .collect::<Vec<_>>()
        .join(w::list_sep(lang))
}

fn records(
    view: &YearView,
    cat: Category,
    recs: &[&Record],
    lang: Lang,
) -> (Vec<&'static str>, Vec<Vec<Cell>>) {
    let host = |r: &Record| text(r.host.map(|h| view.roster.name(h)).unwrap_or_default());
    let header: &str = match (cat, lang) {
        (Category::Talk, Lang::Zh) => "序号|日期|类型|谈话人|谈话对象|主题|计入职责|备注|所属年度",
        (Category::Talk, Lang::En) => "No.|Date|Kind|Host|Partners|Topic|Duties|Notes|Year covered",
        (Category::Report, Lang::Zh) => {
            "序号|日期|类型|主题|报告人|应到人数|实到人数|参加人员|缺席人员|涉及人员|计入职责|备注|所属年度"
        }
        (Category::Report, Lang::En) => {
            "No.|Date|Kind|Topic|By|Expected|Present|Attendees|Absentees|Covers|Duties|Notes|Year covered"
        }
        (_, Lang::Zh) => {
            "序号|日期|类型|主题|主持人|应到人数|实到人数|参加人员|缺席人员|计入职责|备注|所属年度"
        }
        (_, Lang::En) => {
            "No.|Date|Kind|Topic|Host|Expected|Present|Attendees|Absentees|Duties|Notes|Year covered"
        }
    };
    let rows = recs
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut row = vec![
                number(i + 1),
                Cell::Date(r.date),
                text(domain::kind(lang, r.kind)),
            ];
            if cat == Category::Talk {
                row.extend([
                    host(r),
                    text(names(view, &r.partners, lang)),
                    text(r.topic.clone()),
                ]);
            } else {
                let known = !r.attendees.is_empty() || !r.absentees.is_empty();
                let absent: Vec<String> = r
                    .absentees
                    .iter()
                    .map(|a| {
                        crate::i18n::cli::absence(lang, &view.roster.name(a.person), &a.reason)
                    })
                    .collect();
                row.extend([
                    text(r.topic.clone()),
                    host(r),
                    if known {
                        number(r.attendees.len() + r.absentees.len())
                    } else {
                        Cell::Empty
                    },
                    if known {
                        number(r.attendees.len())
                    } else {
                        Cell::Empty
                    },
                    text(names(view, &r.attendees, lang)),
                    text(absent.join(w::list_sep(lang))),
                ]);
                if cat == Category::Report {
                    row.push(text(names(view, &r.partners, lang)));
                }
            }
            row.extend([
                text(duty_refs(view, r, lang)),
                text(r.notes.clone()),
                text(r.year_covered().to_string()),
            ]);
            row
        })
        .collect();
    (header.split('|').collect(), rows)
}

fn fixes_header(lang: Lang) -> Vec<&'static str> {
    lang.pick(
        "序号|来源|问题|涉及职责|整改措施|责任人|整改时限|状态|立项日期|销号日期",
        "No.|Source|Problem|Duties|Measures|Owner|Deadline|State|Opened|Closed",
    )
    .split('|')
    .collect()
}

fn fixes(view: &YearView, lang: Lang) -> Vec<Vec<Cell>> {
    view.fixes
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let duties: Vec<String> = x
                .duties
                .iter()
                .map(|id| w::duty_ref(lang, &view.catalogue, id))
                .collect();
            vec![
                number(i + 1),
                text(f::source(lang, x.source)),
                text(x.problem.clone()),
                text(duties.join(w::list_sep(lang))),
                text(x.measures.clone()),
                text(view.roster.name(x.owner)),
                Cell::Date(x.deadline),
                text(f::state(lang, x.state)),
                Cell::Date(x.opened),
                x.closure
                    .as_ref()
                    .map_or(Cell::Empty, |c| Cell::Date(c.date)),
            ]
        })
        .collect()
}

fn duties_header(lang: Lang) -> Vec<&'static str> {
    lang.pick(
        "序号|清单|条目|职责|要求|目标|完成|状态|尚缺",
        "No.|List|Ref|Duty|Requirement|Target|Done|Status|Missing",
    )
    .split('|')
    .collect()
}

fn duties(view: &YearView, lang: Lang) -> Vec<Vec<Cell>> {
    view.catalogue
        .duties
        .iter()
        .zip(&view.progress)
        .enumerate()
        .map(|(i, (d, p))| {
            let evidence = report::evidence_only(d, p);
            vec![
                number(i + 1),
                text(domain::list(lang, d.list)),
                text(w::seed_ref(lang, &d.seed_ref)),
                text(domain::duty_title(lang, d)),
                text(report::requirement_cell(lang, d, p)),
                if evidence {
                    text(report::target_cell(d, p))
                } else {
                    number(usize::try_from(p.target).unwrap_or(0))
                },
                if evidence {
                    text(report::done_cell(lang, d, p))
                } else {
                    number(usize::try_from(p.done).unwrap_or(0))
                },
                text(report::status_cell(lang, d, p)),
                text(super::super::duties::missing_cell(view, p, lang)),
            ]
        })
        .collect()
}
