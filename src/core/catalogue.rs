//! The responsibility catalogue (责任清单): every duty of the seed document with
//! its quota rule. It ships embedded (`catalogue.toml`) and each branch may
//! export, edit and import its own; an import is validated whole or refused.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::record::RecordKind;
use super::rule::Rule;

const EMBEDDED: &str = include_str!("catalogue.toml");

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DutyId(pub String);

impl DutyId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DutyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The lists and areas of the seed that duties belong to, in seed order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListId {
    /// 三(一) 党支部班子责任清单
    Branch,
    /// 三(二) 党支部书记责任清单
    Secretary,
    /// 三(三) 领导班子其他成员责任清单
    OtherMembers,
    /// 二(一) 从严抓政治建设
    Political,
    /// 二(二) 从严抓思想建设
    Ideological,
    /// 二(三) 从严抓纪律建设
    Discipline,
    /// 二(四) 从严抓干部队伍建设
    Cadres,
    /// 二(五) 从严抓基层基础
    Grassroots,
    /// 二(六) 从严抓作风建设
    Conduct,
    /// 二(七) 从严抓党风廉政建设
    Integrity,
    /// 四 保障机制
    Safeguards,
}

impl ListId {
    pub const ALL: [ListId; 11] = [
        ListId::Branch,
        ListId::Secretary,
        ListId::OtherMembers,
        ListId::Political,
        ListId::Ideological,
        ListId::Discipline,
        ListId::Cadres,
        ListId::Grassroots,
        ListId::Conduct,
        ListId::Integrity,
        ListId::Safeguards,
    ];

    /// The seed section this list comes from, e.g. `三(二)`.
    pub fn seed_ref(self) -> &'static str {
        match self {
            ListId::Branch => "三(一)",
            ListId::Secretary => "三(二)",
            ListId::OtherMembers => "三(三)",
            ListId::Political => "二(一)",
            ListId::Ideological => "二(二)",
            ListId::Discipline => "二(三)",
            ListId::Cadres => "二(四)",
            ListId::Grassroots => "二(五)",
            ListId::Conduct => "二(六)",
            ListId::Integrity => "二(七)",
            ListId::Safeguards => "四",
        }
    }
}

/// Whom a duty binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Binds {
    Branch,
    Secretary,
    /// Each leadership member other than the secretary.
    EachOtherMember,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duty {
    pub id: DutyId,
    pub list: ListId,
    /// Seed reference, e.g. `三(二)(3)` or `二(一)3`.
    #[serde(rename = "ref")]
    pub seed_ref: String,
    /// Short Chinese title.
    pub title: String,
    pub title_en: String,
    /// The full seed text.
    pub text: String,
    pub binds: Binds,
    /// A sub-duty (e.g. 支委会 under 二(一)2) names its parent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<DutyId>,
    /// Record kinds that count toward this duty by default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<RecordKind>,
    pub rule: Rule,
    /// Where the rule comes from: a seed clause or a national regulation.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    #[serde(rename = "duty")]
    pub duties: Vec<Duty>,
}

/// A refused catalogue file: the 1-based line and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("catalogue line {line}: {message}")]
pub struct CatalogueError {
    pub line: usize,
    pub message: String,
}

impl Catalogue {
    /// The catalogue built from the seed document, shipped in the binary.
    pub fn embedded() -> Catalogue {
        match Catalogue::from_toml(EMBEDDED) {
            Ok(c) => c,
            // The embedded file is checked by a unit test; an empty catalogue
            // is a safe fallback that never panics at run time.
            Err(_) => Catalogue { duties: Vec::new() },
        }
    }

    /// Parse and validate a catalogue file.
    pub fn from_toml(text: &str) -> Result<Catalogue, CatalogueError> {
        let cat: Catalogue = toml::from_str(text).map_err(|e| CatalogueError {
            line: e.span().map_or(1, |s| line_of(text, s.start)),
            message: e.message().to_string(),
        })?;
        cat.validate(text)?;
        Ok(cat)
    }

    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_default()
    }

    fn validate(&self, text: &str) -> Result<(), CatalogueError> {
        let mut seen = HashSet::new();
        let err = |id: &DutyId, message: String| CatalogueError {
            line: text
                .find(&format!("id = \"{id}\""))
                .map_or(1, |at| line_of(text, at)),
            message,
        };
        for d in &self.duties {
            if d.id.0.trim().is_empty() {
                return Err(err(
                    &d.id,
                    "duty id is empty; give every duty a unique id".into(),
                ));
            }
            if !seen.insert(&d.id) {
                return Err(err(
                    &d.id,
                    format!("duty id `{}` is used twice; ids must be unique", d.id),
                ));
            }
        }
        for d in &self.duties {
            if let Some(p) = &d.parent
                && !seen.contains(p)
            {
                return Err(err(
                    &d.id,
                    format!("parent `{p}` is not a duty in this catalogue"),
                ));
            }
            if let Some(problem) = rule_problem(&d.rule) {
                return Err(err(&d.id, problem));
            }
        }
        Ok(())
    }

    pub fn duty(&self, id: &DutyId) -> Option<&Duty> {
        self.duties.iter().find(|d| &d.id == id)
    }

    pub fn in_list(&self, list: ListId) -> impl Iterator<Item = &Duty> {
        self.duties.iter().filter(move |d| d.list == list)
    }

    pub fn children<'a>(&'a self, id: &'a DutyId) -> impl Iterator<Item = &'a Duty> + 'a {
        self.duties
            .iter()
            .filter(move |d| d.parent.as_ref() == Some(id))
    }

    /// The duties a record of `kind` counts toward unless the user says otherwise.
    pub fn prefill(&self, kind: RecordKind) -> Vec<DutyId> {
        self.duties
            .iter()
            .filter(|d| d.counts.contains(&kind))
            .map(|d| d.id.clone())
            .collect()
    }
}

fn rule_problem(rule: &Rule) -> Option<String> {
    match *rule {
        Rule::Count { min: 0, .. } | Rule::PerPerson { min: 0, .. } => {
            Some("rule.min is 0; a quota needs at least 1 (or use kind = \"evidence\")".into())
        }
        Rule::StandingRange { min, max, .. } if min > max => Some(format!(
            "rule.min ({min}) is above rule.max ({max}); swap them"
        )),
        Rule::Deadline { month, day } if !(1..=12).contains(&month) || !(1..=31).contains(&day) => {
            Some(format!(
                "rule deadline {month}-{day} is not a day of the year; use month 1-12 and day 1-31"
            ))
        }
        _ => None,
    }
}

fn line_of(text: &str, byte: usize) -> usize {
    text.get(..byte.min(text.len()))
        .map_or(1, |s| s.matches('\n').count() + 1)
}
