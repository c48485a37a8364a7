//! Quota rules: what a duty demands in a year. A rule is data (it lives in the
//! catalogue and can be edited per branch); `progress` gives it meaning.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The bucket a counting rule is checked in. Each bucket stands alone: a
/// missed March is not made up in April.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Year,
    HalfYear,
    Quarter,
    Month,
}

impl Period {
    // serde's `skip_serializing_if` hands the field by reference.
    #[allow(clippy::trivially_copy_pass_by_ref)]
    fn is_year(&self) -> bool {
        *self == Period::Year
    }

    fn year() -> Period {
        Period::Year
    }

    pub const ALL: [Period; 4] = [
        Period::Year,
        Period::HalfYear,
        Period::Quarter,
        Period::Month,
    ];

    /// How many buckets of this period a year has.
    pub fn buckets(self) -> u32 {
        match self {
            Period::Year => 1,
            Period::HalfYear => 2,
            Period::Quarter => 4,
            Period::Month => 12,
        }
    }

    /// The 1-based bucket a date falls in.
    pub fn bucket_of(self, date: NaiveDate) -> u32 {
        let m = date.month();
        match self {
            Period::Year => 1,
            Period::HalfYear => (m - 1) / 6 + 1,
            Period::Quarter => (m - 1) / 3 + 1,
            Period::Month => m,
        }
    }

    /// How many of `dates` fall in each bucket (index 0 is bucket 1): the
    /// sessions held, which a count rule caps at its minimum per bucket.
    pub fn sessions(self, dates: impl IntoIterator<Item = NaiveDate>) -> Vec<u32> {
        let mut out = vec![0u32; self.buckets() as usize];
        for d in dates {
            if let Some(n) = out.get_mut((self.bucket_of(d) - 1) as usize) {
                *n = n.saturating_add(1);
            }
        }
        out
    }

    /// First and last day (inclusive) of bucket `index` (1-based) in `year`.
    /// Returns `None` for an index out of range or a year chrono cannot hold.
    pub fn bounds(self, year: i32, index: u32) -> Option<(NaiveDate, NaiveDate)> {
        if index == 0 || index > self.buckets() {
            return None;
        }
        let months = 12 / self.buckets();
        let first_month = (index - 1) * months + 1;
        let start = NaiveDate::from_ymd_opt(year, first_month, 1)?;
        let end = if first_month + months > 12 {
            NaiveDate::from_ymd_opt(year, 12, 31)?
        } else {
            NaiveDate::from_ymd_opt(year, first_month + months, 1)?.pred_opt()?
        };
        Some((start, end))
    }
}

/// Who a per-person or range rule applies to, resolved against the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleScope {
    /// 书记.
    Secretary,
    /// 班子成员 other than the secretary (副书记 and 班子成员 roles).
    OtherLeaders,
    /// Every leadership member, the secretary included.
    Leadership,
    /// 支委: 书记, 副书记, 委员, 组织委员, 宣传委员 and 纪检委员.
    Committee,
    /// 部门负责人.
    DeptHeads,
    /// Every leadership member and every department head (层层签订: one
    /// responsibility letter each).
    LeadersAndHeads,
    /// Every active member (党员 and 预备党员 included).
    Members,
}

/// How a person takes part in a record for a per-person rule to count it
/// as theirs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Host (主持人, 谈话人, 述职人) or partner (谈话对象) of the record.
    #[default]
    HostOrPartner,
    /// Host only: the person must have led it (研究部署 of one's own area).
    Host,
    /// Host, partner or attendee: present at it (双重组织生活, where a
    /// leader takes part as an ordinary member).
    Attends,
}

impl Part {
    // serde's `skip_serializing_if` hands the field by reference.
    #[allow(clippy::trivially_copy_pass_by_ref)]
    fn is_default(&self) -> bool {
        *self == Part::default()
    }
}

/// The pairs a talk-coverage rule demands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PairScope {
    /// The secretary with each other leadership member and each department head.
    SecretaryWithLeadersAndHeads,
    /// Each other leadership member with the heads of the departments they oversee.
    LeadersWithOverseenHeads,
    /// 谈心谈话 by 支部工作条例（试行）第十九条: every two members talk once a year,
    /// whoever starts it (支委↔支委, 支委↔党员, 党员↔党员).
    MembersWithEachOther,
}

impl PairScope {
    /// Whether a talk covers its pair whoever of the two leads it.
    pub fn undirected(self) -> bool {
        matches!(self, PairScope::MembersWithEachOther)
    }
}

/// The class of a 谈心谈话 pair, by whether each side sits on the 支委.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PairClass {
    /// 支委↔支委.
    CommitteeCommittee,
    /// 支委↔党员.
    CommitteeMember,
    /// 党员↔党员.
    MemberMember,
}

impl PairClass {
    pub const ALL: [PairClass; 3] = [
        PairClass::CommitteeCommittee,
        PairClass::CommitteeMember,
        PairClass::MemberMember,
    ];

    /// The class of a pair whose sides are (or are not) on the committee.
    pub fn of(a_committee: bool, b_committee: bool) -> PairClass {
        match (a_committee, b_committee) {
            (true, true) => PairClass::CommitteeCommittee,
            (false, false) => PairClass::MemberMember,
            _ => PairClass::CommitteeMember,
        }
    }
}

/// Who must act in a record for it to count toward a duty: the host (主持人)
/// of a meeting, the talker (谈话人) of a talk, the reporter of a report.
/// Judged against the roster as it stood on the record's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    Secretary,
    OtherLeaders,
    Leadership,
    Committee,
    DeptHeads,
    Members,
    /// The leadership member who oversees (分管) the department of the
    /// person talked with: the particular person, not any leader.
    Overseer,
}

impl Actor {
    /// The role scope the actor must be in; `None` for `Overseer`, which is
    /// a relation to the partner rather than a role.
    pub fn scope(self) -> Option<RoleScope> {
        match self {
            Actor::Secretary => Some(RoleScope::Secretary),
            Actor::OtherLeaders => Some(RoleScope::OtherLeaders),
            Actor::Leadership => Some(RoleScope::Leadership),
            Actor::Committee => Some(RoleScope::Committee),
            Actor::DeptHeads => Some(RoleScope::DeptHeads),
            Actor::Members => Some(RoleScope::Members),
            Actor::Overseer => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rule {
    /// At least `min` linked records in each `per` bucket.
    Count { min: u32, per: Period },
    /// Each person in `who` takes part (`by`) in at least `min` linked
    /// records in each `per` bucket they owe (see `progress::persons`).
    PerPerson {
        who: RoleScope,
        min: u32,
        #[serde(default = "Period::year", skip_serializing_if = "Period::is_year")]
        per: Period,
        #[serde(default, skip_serializing_if = "Part::is_default")]
        by: Part,
    },
    /// Every required (host, partner) pair has a linked talk this year.
    TalkCoverage { pairs: PairScope },
    /// Each person in `who` keeps between `min` and `max` 联系点 on the roster.
    StandingRange { who: RoleScope, min: u32, max: u32 },
    /// At least one linked record, due by this day of the year.
    Deadline { month: u32, day: u32 },
    /// No number: the status is the evidence linked to the duty.
    Evidence,
}

impl Rule {
    /// The deadline date in `year`, for a `Deadline` rule. A day past the
    /// end of its month falls on the month's last day: 29 February is 28
    /// February in common years, and 31 April is 30 April.
    pub fn deadline_in(&self, year: i32) -> Option<NaiveDate> {
        match *self {
            Rule::Deadline { month, day } => (day.saturating_sub(3).max(1)..=day)
                .rev()
                .find_map(|d| NaiveDate::from_ymd_opt(year, month, d)),
            _ => None,
        }
    }

    pub fn has_quota(&self) -> bool {
        !matches!(self, Rule::Evidence)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn bucket_bounds_cover_the_year() {
        for p in Period::ALL {
            let mut next = d(2024, 1, 1);
            for i in 1..=p.buckets() {
                let (s, e) = p.bounds(2024, i).unwrap();
                assert_eq!(s, next);
                assert_eq!(p.bucket_of(s), i);
                assert_eq!(p.bucket_of(e), i);
                next = e.succ_opt().unwrap();
            }
            assert_eq!(next, d(2025, 1, 1));
            assert!(p.bounds(2024, 0).is_none());
            assert!(p.bounds(2024, p.buckets() + 1).is_none());
        }
    }

    #[test]
    fn sessions_count_every_date_in_its_bucket() {
        let dates = [
            d(2025, 1, 9),
            d(2025, 5, 6),
            d(2025, 6, 30),
            d(2025, 12, 31),
        ];
        assert_eq!(Period::Quarter.sessions(dates), vec![1, 2, 0, 1]);
        assert_eq!(Period::HalfYear.sessions(dates), vec![3, 1]);
        assert_eq!(Period::Year.sessions(dates), vec![4]);
        assert_eq!(Period::Month.sessions([]), vec![0; 12]);
    }

    #[test]
    fn leap_day_deadline_falls_back_in_common_years() {
        let r = Rule::Deadline { month: 2, day: 29 };
        assert_eq!(r.deadline_in(2024), Some(d(2024, 2, 29)));
        assert_eq!(r.deadline_in(2025), Some(d(2025, 2, 28)));
    }
}
