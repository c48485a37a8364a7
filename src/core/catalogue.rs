//! The responsibility catalogue (责任清单): every duty of the seed document with
//! its quota rule. It ships embedded (`catalogue.toml`) and each branch may
//! export, edit and import its own; an import is validated whole or refused.

mod export;
mod load;

use std::fmt;

use serde::{Deserialize, Serialize};

use super::record::RecordKind;
use super::rule::{Actor, Rule};

/// The catalogue built from the seed document, as shipped.
pub const EMBEDDED: &str = include_str!("catalogue.toml");

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

    /// The `snake_case` name used in catalogue files.
    pub fn key(self) -> &'static str {
        match self {
            ListId::Branch => "branch",
            ListId::Secretary => "secretary",
            ListId::OtherMembers => "other_members",
            ListId::Political => "political",
            ListId::Ideological => "ideological",
            ListId::Discipline => "discipline",
            ListId::Cadres => "cadres",
            ListId::Grassroots => "grassroots",
            ListId::Conduct => "conduct",
            ListId::Integrity => "integrity",
            ListId::Safeguards => "safeguards",
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

/// One duty. Field order here is the order a catalogue file is written in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// Who must host (主持) or talk (谈话) for a linked record to count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<Actor>,
    /// A record with several partners (集体谈话) does not count: the duty
    /// asks for one talk with each person (“分别”).
    #[serde(default, skip_serializing_if = "is_false")]
    pub one_to_one: bool,
    /// Where the rule comes from: a seed clause or a national regulation.
    pub source: String,
}

// serde's `skip_serializing_if` hands the field by reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    #[serde(rename = "duty")]
    pub duties: Vec<Duty>,
}

/// How records come to count toward a duty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RecordPath {
    /// Records of these kinds count toward it by default.
    Kinds { kinds: Vec<RecordKind> },
    /// It is judged by its sub-duties; records go to them.
    SubDuties,
    /// It is read from the roster (联系点), not from records.
    Roster,
    /// No kind counts by default: a record is linked to it when entered
    /// (`--duty` with the duty's title, or its box in the form's duty list).
    ByHand,
}

/// A refused catalogue file: the 1-based line and what is wrong there,
/// worded so that the reader knows the fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[error("catalogue line {line}: {message}")]
pub struct CatalogueError {
    pub line: usize,
    pub message: String,
}

impl Catalogue {
    /// The catalogue built from the seed document, shipped in the binary.
    pub fn embedded() -> Catalogue {
        // The embedded file is checked by tests; an empty catalogue is a safe
        // fallback that never panics at run time.
        Catalogue::from_toml(EMBEDDED).unwrap_or(Catalogue { duties: Vec::new() })
    }

    /// Parse and validate a catalogue file. Any problem refuses the whole file.
    pub fn from_toml(text: &str) -> Result<Catalogue, CatalogueError> {
        load::parse(text)
    }

    /// The catalogue as an editable file that `from_toml` reads back equal.
    pub fn to_toml(&self) -> String {
        export::write(self)
    }

    pub fn duty(&self, id: &DutyId) -> Option<&Duty> {
        self.duties.iter().find(|d| &d.id == id)
    }

    pub fn in_list(&self, list: ListId) -> impl Iterator<Item = &Duty> {
        self.duties.iter().filter(move |d| d.list == list)
    }

    /// Duties without a parent, in catalogue order.
    pub fn top_level(&self) -> impl Iterator<Item = &Duty> {
        self.duties.iter().filter(|d| d.parent.is_none())
    }

    pub fn children<'a>(&'a self, id: &'a DutyId) -> impl Iterator<Item = &'a Duty> + 'a {
        self.duties
            .iter()
            .filter(move |d| d.parent.as_ref() == Some(id))
    }

    /// How records reach `duty`: the one answer the status, the TUI and the
    /// report give a user who asks "what do I enter for this?".
    pub fn record_path(&self, duty: &Duty) -> RecordPath {
        if !duty.counts.is_empty() {
            RecordPath::Kinds {
                kinds: duty.counts.clone(),
            }
        } else if self.children(&duty.id).any(|c| c.id != duty.id) {
            RecordPath::SubDuties
        } else if matches!(duty.rule, Rule::StandingRange { .. }) {
            RecordPath::Roster
        } else {
            RecordPath::ByHand
        }
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
