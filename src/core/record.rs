//! Records (台账条目): what was done, when, by and with whom, and which duties
//! it counts toward. Raw input (`NewRecord`) becomes a `Record` only through
//! `NewRecord::validate`, which resolves names and names the field at fault.

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::catalogue::DutyId;
use super::roster::PersonId;
pub use super::text::clean_line;

mod input;

pub use input::{MAX_NOTES, MAX_TOPIC, NewRecord, RecordDraft};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RecordId(pub u64);

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// The broad category of a record kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Meeting,
    Study,
    Talk,
    Report,
    Inspection,
    Activity,
    Other,
}

macro_rules! kinds {
    ($( $variant:ident => $cat:ident, $zh:literal, $en:literal, [$($alias:literal),*]; )*) => {
        /// What a record is. Each kind prefills the duties it counts toward.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum RecordKind { $($variant),* }

        impl RecordKind {
            pub const ALL: &'static [RecordKind] = &[$(RecordKind::$variant),*];

            pub fn zh(self) -> &'static str {
                match self { $(RecordKind::$variant => $zh),* }
            }

            pub fn en(self) -> &'static str {
                match self { $(RecordKind::$variant => $en),* }
            }

            pub fn category(self) -> Category {
                match self { $(RecordKind::$variant => Category::$cat),* }
            }

            /// Other names accepted for the kind (`parse`).
            pub fn aliases(self) -> &'static [&'static str] {
                match self { $(RecordKind::$variant => &[$($alias),*]),* }
            }
        }
    };
}

kinds! {
    GeneralMeeting => Meeting, "支部党员大会", "General meeting", ["党员大会", "general_meeting"];
    CommitteeMeeting => Meeting, "支委会", "Committee meeting", ["支部委员会", "committee_meeting"];
    GroupMeeting => Meeting, "党小组会", "Group meeting", ["group_meeting"];
    PartyLecture => Meeting, "党课", "Party lecture", ["party_lecture", "lecture"];
    ThemeDay => Activity, "主题党日", "Theme day", ["主题党日活动", "theme_day"];
    SpecialMeeting => Meeting, "全面从严治党专题会议", "Special meeting on strict governance", ["全面从严治党专题会", "党风廉政建设专题会议", "党风廉政专题会", "special_meeting"];
    TopicMeeting => Meeting, "其他专题会议", "Special meeting on another subject", ["专题会议", "专题会", "topic_meeting"];
    IdeologyMeeting => Meeting, "意识形态专题会", "Ideology meeting", ["意识形态", "ideology_meeting"];
    DemocraticLife => Meeting, "民主生活会", "Leadership self-criticism meeting", ["democratic_life"];
    OrganizationalLife => Meeting, "组织生活会", "Branch self-criticism meeting", ["organizational_life"];
    CentralGroupStudy => Study, "中心组学习", "Central group study", ["理论中心组学习", "专题学习", "study", "central_group_study"];
    IntegrityTalk => Talk, "廉政谈话", "Integrity talk", ["integrity_talk"];
    HeartTalk => Talk, "谈心谈话", "Heart-to-heart talk", ["谈心", "heart_talk"];
    AdmonitionTalk => Talk, "约谈", "Admonition talk", ["提醒谈话", "admonition_talk"];
    DutyReport => Report, "述责述廉", "Duty and integrity report", ["述职述廉", "duty_report"];
    AnnualReport => Report, "向上级党委报告", "Report to the superior committee", ["向上级报告", "年度报告", "annual_report"];
    PersonalMatters => Report, "个人事项报告", "Personal matters report", ["个人有关事项报告", "personal_matters"];
    Inspection => Inspection, "督导检查", "Inspection", ["检查", "inspection"];
    ConductCheck => Inspection, "四风检查", "Conduct spot check", ["八项规定检查", "conduct_check"];
    MemberAppraisal => Activity, "民主评议党员", "Member appraisal", ["民主评议", "member_appraisal"];
    ResponsibilityLetter => Activity, "签订责任书", "Responsibility letter", ["责任书", "responsibility_letter"];
    WorkPlan => Report, "工作要点", "Yearly work plan", ["工作要点和推进措施", "work_plan"];
    Education => Activity, "教育活动", "Education activity", ["警示教育", "红色教育", "廉洁教育", "education"];
    MemberDevelopment => Activity, "发展党员", "Member recruitment", ["member_development"];
    Other => Other, "其他", "Other", ["other"];
}

impl RecordKind {
    /// Parse a kind from its Chinese or English name, `snake_case` id or alias.
    pub fn parse(input: &str) -> Option<RecordKind> {
        let s = input.trim();
        RecordKind::ALL.iter().copied().find(|k| {
            k.zh() == s
                || k.en().eq_ignore_ascii_case(s)
                || k.aliases().iter().any(|a| a.eq_ignore_ascii_case(s))
        })
    }

    /// Kinds that usually report on the year before when held early in the
    /// year: 向上级报告, 民主生活会, 组织生活会, 述责述廉, 民主评议.
    pub fn reports_on_past_year(self) -> bool {
        matches!(
            self,
            RecordKind::AnnualReport
                | RecordKind::DemocraticLife
                | RecordKind::OrganizationalLife
                | RecordKind::DutyReport
                | RecordKind::MemberAppraisal
        )
    }

    /// Talks need a partner; other kinds must not name one.
    pub fn is_talk(self) -> bool {
        self.category() == Category::Talk
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Absence {
    pub person: PersonId,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub id: RecordId,
    pub kind: RecordKind,
    /// The calendar date the user means, in local time.
    pub date: NaiveDate,
    pub topic: String,
    pub host: Option<PersonId>,
    #[serde(default)]
    pub attendees: Vec<PersonId>,
    #[serde(default)]
    pub absentees: Vec<Absence>,
    /// Talk partners (for talks) or the people a report covers.
    #[serde(default)]
    pub partners: Vec<PersonId>,
    /// Each duty at most once.
    #[serde(default)]
    pub duties: Vec<DutyId>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub evidence: Vec<String>,
    pub entered_by: String,
    pub entered_at: NaiveDateTime,
    /// 所属年度 when it is not the year of `date` (a January report on the
    /// year before); absent in records written before it existed.
    #[serde(default, rename = "covers", skip_serializing_if = "Option::is_none")]
    pub covers_year: Option<i32>,
}

impl Record {
    /// The year the record counts toward (所属年度).
    pub fn year_covered(&self) -> i32 {
        self.covers_year.unwrap_or_else(|| self.date.year())
    }

    /// Everyone the record names as host or partner: the people it "covers"
    /// for per-person and pair rules.
    pub fn covers(&self, who: PersonId) -> bool {
        self.host == Some(who) || self.partners.contains(&who)
    }
}
