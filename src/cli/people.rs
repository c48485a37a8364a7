//! `taizhang people add|list|edit|retire`: the roster from the command line.
//! An edit starts from the person as stored, so unspecified flags keep their value;
//! a change holds from `--from` (default: today, by the ledger's clock).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use clap::{Args, Subcommand};

use chrono::{Datelike, NaiveDate};

use crate::core::LedgerApi as _;
use crate::core::catalogue::DutyId;
use crate::core::date::parse_date;
use crate::core::error::Field;
use crate::core::record::RecordId;
use crate::core::roster::{NewPerson, Person, PersonId, Roster};
use crate::i18n::{Lang, cli as t, domain, roster as h};

use super::layout::shown;
use super::{CliError, Context, split_names};

#[derive(Debug, Subcommand)]
pub enum PeopleCmd {
    /// Add a person: people add 张三 --role 书记 --dept 综合办
    Add {
        name: String,
        #[command(flatten)]
        fields: PersonFlags,
    },
    /// Active people (--all: retired ones too)
    List {
        #[arg(long)]
        all: bool,
    },
    /// One person's details and what held from when
    Show {
        /// NAME or #ID
        who: String,
    },
    /// Change a person's details; flags not given keep their value
    Edit {
        /// NAME or #ID
        who: String,
        /// A new name
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        fields: PersonFlags,
    },
    /// Take a person off the roster; their records keep the name
    Retire {
        /// NAME or #ID
        who: String,
        /// The first day off the roster (default: today)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        from: Option<String>,
    },
}

#[derive(Debug, Default, Args)]
pub struct PersonFlags {
    /// 书记, 副书记, 委员, 纪检委员, 班子成员, 部门负责人, 党员, 预备党员 (repeatable)
    #[arg(long = "role", value_name = "ROLE")]
    pub roles: Vec<String>,
    /// Department ("" clears it)
    #[arg(long)]
    pub dept: Option<String>,
    /// Departments this leader oversees (分管), separated by , or 、
    #[arg(long, value_name = "A,B")]
    pub oversees: Vec<String>,
    /// A 联系点 (repeatable)
    #[arg(long = "link", value_name = "SITE")]
    pub links: Vec<String>,
    /// The Unix login this person uses (who may close rectification items; "" clears it)
    #[arg(long, value_name = "NAME")]
    pub unix_user: Option<String>,
    /// The day the change holds from (default: today); with add, the day they join (default: always)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub from: Option<String>,
}

/// `--from` as a date, if given.
fn from_day(ctx: &Context, raw: Option<&str>) -> Result<Option<NaiveDate>, CliError> {
    raw.map(|r| parse_date(r, ctx.today).map_err(|p| CliError::invalid(Field::From, p)))
        .transpose()
}

/// The duties each record dated in `from`'s year or later links (`from`:
/// none means today), to tell how many a roster change relinked.
fn links_since(ctx: &Context, from: Option<NaiveDate>) -> Result<Links, CliError> {
    let first = from.unwrap_or(ctx.today).year();
    let mut out = Links::new();
    for year in ctx
        .ledger
        .record_years()?
        .into_iter()
        .filter(|y| *y >= first)
    {
        for r in ctx.ledger.records_in_year(year)? {
            out.insert(r.id, r.duties);
        }
    }
    Ok(out)
}

type Links = BTreeMap<RecordId, Vec<DutyId>>;

/// `text`, then how many records the change relinked, when any did.
fn with_relinked(lang: Lang, text: String, before: &Links, after: &Links) -> String {
    let n = after
        .iter()
        .filter(|(id, duties)| before.get(id).is_some_and(|b| b != *duties))
        .count();
    if n == 0 {
        text
    } else {
        format!("{text}{}\n", t::records_relinked(lang, n))
    }
}

/// "已保存：…" with the day it holds from, when given.
fn saved(lang: Lang, text: &str, from: Option<NaiveDate>) -> String {
    match from {
        Some(day) => match lang {
            Lang::Zh => format!("{text}（{}）\n", h::from_day(lang, day)),
            Lang::En => format!("{text} ({})\n", h::from_day(lang, day)),
        },
        None => format!("{text}\n"),
    }
}

pub fn run(ctx: &Context, cmd: &PeopleCmd) -> Result<String, CliError> {
    let lang = ctx.lang;
    match cmd {
        PeopleCmd::Add { name, fields } => {
            let input = NewPerson {
                name: name.clone(),
                roles: split_names(&fields.roles),
                dept: fields.dept.clone(),
                oversees: split_names(&fields.oversees),
                links: split_names(&fields.links),
            };
            // Validate before the core hands out an id, so a refusal writes nothing.
            input.validate(PersonId(u32::MAX), &ctx.ledger.roster()?)?;
            let from = from_day(ctx, fields.from.as_deref())?;
            let person = ctx.ledger.add_person_on(
                &input,
                fields.unix_user.as_deref().unwrap_or(""),
                from,
            )?;
            Ok(saved(
                lang,
                &t::person_added(lang, &line(lang, &person)),
                from,
            ))
        }
        PeopleCmd::List { all } => {
            let roster = ctx.ledger.roster()?;
            let shown: Vec<&Person> = roster
                .people
                .iter()
                .filter(|p| *all || !p.retired)
                .collect();
            if shown.is_empty() {
                return Ok(format!("{}\n", t::roster_empty(lang)));
            }
            let mut out = String::new();
            for p in shown {
                let _ = writeln!(out, "{}", line(lang, p));
            }
            Ok(out)
        }
        PeopleCmd::Show { who } => {
            let roster = ctx.ledger.roster()?;
            Ok(show(lang, find(&roster, who)?))
        }
        PeopleCmd::Edit { who, name, fields } => {
            let roster = ctx.ledger.roster()?;
            let from = from_day(ctx, fields.from.as_deref())?;
            let old = find(&roster, who)?;
            let given = |v: &Vec<String>| !v.is_empty();
            let input = NewPerson {
                name: name.clone().unwrap_or_else(|| old.name.clone()),
                roles: if given(&fields.roles) {
                    split_names(&fields.roles)
                } else {
                    old.roles.iter().map(|r| r.zh().to_string()).collect()
                },
                dept: fields.dept.clone().or_else(|| old.dept.clone()),
                oversees: if given(&fields.oversees) {
                    split_names(&fields.oversees)
                } else {
                    old.oversees.clone()
                },
                links: if given(&fields.links) {
                    split_names(&fields.links)
                } else {
                    old.links.clone()
                },
            };
            let before = links_since(ctx, from)?;
            let person =
                ctx.ledger
                    .edit_person_on(old.id, &input, fields.unix_user.as_deref(), from)?;
            let text = saved(lang, &t::person_saved(lang, &line(lang, &person)), from);
            Ok(with_relinked(lang, text, &before, &links_since(ctx, from)?))
        }
        PeopleCmd::Retire { who, from } => {
            let roster = ctx.ledger.roster()?;
            let old = find(&roster, who)?;
            let from = from_day(ctx, from.as_deref())?;
            let before = links_since(ctx, from)?;
            let person = ctx.ledger.retire_person_on(old.id, from)?;
            let text = saved(lang, &t::person_retired(lang, &shown(&person.name)), from);
            Ok(with_relinked(lang, text, &before, &links_since(ctx, from)?))
        }
    }
}

/// The person's line, then each dated change.
fn show(lang: Lang, p: &Person) -> String {
    let mut out = format!(
        "{}\n{}{}\n",
        line(lang, p),
        h::history_title(lang),
        lang.pick("：", ":")
    );
    let lines = h::history_lines(lang, &p.history);
    if lines.is_empty() {
        let _ = writeln!(out, "  {}", h::no_history(lang));
    }
    for l in lines {
        let _ = writeln!(out, "  {}", shown(&l));
    }
    out
}

fn find<'a>(roster: &'a Roster, who: &str) -> Result<&'a Person, CliError> {
    let id = roster
        .resolve(who)
        .map_err(|p| CliError::invalid(Field::Name, p))?;
    roster
        .get(id)
        .ok_or(CliError::Core(crate::core::CoreError::NoPerson(id)))
}

/// `#3 王志强  班子成员、委员  部门：… 分管：… 联系点：…`
pub fn line(lang: Lang, p: &Person) -> String {
    let sep = lang.pick("、", ", ");
    let roles: Vec<&str> = p.roles.iter().map(|r| domain::role(lang, *r)).collect();
    let mut out = format!("#{} {}  {}", p.id, shown(&p.name), roles.join(sep));
    let mut field = |f: Field, value: String| {
        if !value.is_empty() {
            let _ = write!(
                out,
                "  {}{}",
                t::label(lang, domain::field(lang, f)),
                shown(&value)
            );
        }
    };
    field(Field::Dept, p.dept.clone().unwrap_or_default());
    field(Field::Oversees, p.oversees.join(sep));
    field(Field::Links, p.links.join(sep));
    field(Field::UnixUser, p.unix_user.clone().unwrap_or_default());
    if p.retired {
        let _ = write!(out, "  ({})", t::retired_word(lang));
    }
    out
}
