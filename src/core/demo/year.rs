//! One year of demo records: the meeting rhythm, talks, early-year items and
//! everyday entries up to the yearly number, drawn from the demo's generator.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::DemoSpec;
use super::plan::Plan;
use super::rng::Rng;
use crate::core::catalogue::Duty;
use crate::core::progress::required_pairs;
use crate::core::record::{Record, RecordKind};
use crate::core::roster::{PersonId, Roster};
use crate::core::rule::{PairScope, RoleScope};

/// `year`'s records, by date, ids not yet assigned; none after `today`.
pub(super) fn records(
    rng: &mut Rng,
    roster: &Roster,
    prefill: &HashMap<RecordKind, Vec<&Duty>>,
    spec: &DemoSpec,
    today: NaiveDate,
    year: i32,
) -> Vec<Record> {
    use RecordKind as K;
    let secretary = PersonId(1);
    let deputy = PersonId(2);
    let discipline = PersonId(6);
    let rhythm_kinds = [
        K::CommitteeMeeting,
        K::ThemeDay,
        K::CentralGroupStudy,
        K::GeneralMeeting,
        K::PartyLecture,
        K::ConductCheck,
        K::SpecialMeeting,
        K::IdeologyMeeting,
    ];
    let end = NaiveDate::from_ymd_opt(year, 12, 31).map_or(today, |d| d.min(today));
    let slack = 1 + rng.below(5);
    let weak = [
        rng.pick(&rhythm_kinds).unwrap_or(K::ThemeDay),
        rng.pick(&rhythm_kinds).unwrap_or(K::PartyLecture),
    ];
    let mut y = Plan {
        rng,
        roster,
        prefill,
        year,
        end,
        slack,
        weak,
        out: Vec::new(),
        seen: std::collections::HashSet::new(),
    };
    y.rhythm(
        K::CommitteeMeeting,
        12,
        Some(secretary),
        RoleScope::Committee,
    );
    y.rhythm(K::ThemeDay, 12, Some(deputy), RoleScope::Members);
    y.rhythm(
        K::CentralGroupStudy,
        12,
        Some(secretary),
        RoleScope::Leadership,
    );
    y.rhythm(K::GeneralMeeting, 4, Some(secretary), RoleScope::Members);
    y.rhythm(K::ConductCheck, 4, Some(discipline), RoleScope::Committee);
    y.rhythm(K::SpecialMeeting, 2, Some(secretary), RoleScope::Committee);
    y.rhythm(K::IdeologyMeeting, 2, Some(secretary), RoleScope::Committee);
    y.rhythm(K::Inspection, 2, Some(discipline), RoleScope::Committee);
    y.rhythm(K::Education, 3, Some(deputy), RoleScope::Members);
    // Party lectures: the secretary and each leader give one a year.
    for leader in y.ids(RoleScope::Leadership) {
        if !y.skipped(K::PartyLecture) {
            let date = y.date(1, 12);
            y.meeting(K::PartyLecture, date, Some(leader), RoleScope::Members);
        }
    }
    // Early-year items.
    // 责任书, 层层签订: the secretary signs with each leader and head.
    if !y.skipped(K::ResponsibilityLetter) {
        let date = y.date(2, 2);
        let mut signers = y.ids(RoleScope::LeadersAndHeads);
        signers.retain(|p| *p != secretary);
        y.push(
            K::ResponsibilityLetter,
            date,
            Some(secretary),
            Vec::new(),
            Vec::new(),
            signers,
        );
    }
    for (kind, from, months) in [
        (K::WorkPlan, 1, 2),
        (K::AnnualReport, 1, 1),
        (K::DemocraticLife, 1, 2),
        (K::OrganizationalLife, 1, 2),
        (K::MemberAppraisal, 1, 3),
    ] {
        if !y.skipped(kind) {
            let date = y.date(from, months);
            y.meeting(kind, date, Some(secretary), RoleScope::Members);
        }
    }
    for leader in y.ids(RoleScope::Leadership) {
        for (kind, from, months) in [(K::DutyReport, 12, 1), (K::PersonalMatters, 1, 3)] {
            if !y.skipped(kind) {
                let date = y.date(from, months);
                y.push(kind, date, Some(leader), Vec::new(), Vec::new(), Vec::new());
            }
        }
    }
    // Each other leader reviews the area they oversee once a half-year.
    for leader in y.ids(RoleScope::OtherLeaders) {
        for from in [1, 7] {
            if !y.skipped(K::SpecialMeeting) {
                let date = y.date(from, 6);
                y.meeting(K::SpecialMeeting, date, Some(leader), RoleScope::Leadership);
            }
        }
    }
    // Talks: most required pairs, a few missed.
    for scope in [
        PairScope::SecretaryWithLeadersAndHeads,
        PairScope::LeadersWithOverseenHeads,
    ] {
        for (host, partner) in required_pairs(roster, scope) {
            if !y.rng.chance(y.slack * 2 + 4) {
                let date = y.date(1, 12);
                y.talk(K::IntegrityTalk, date, host, partner);
            }
        }
    }
    if y.rng.chance(40) {
        let partner = y.rng.pick(&y.ids(RoleScope::DeptHeads)).unwrap_or(deputy);
        let date = y.date(1, 12);
        y.talk(K::AdmonitionTalk, date, discipline, partner);
    }
    if y.rng.chance(60) {
        let date = y.date(4, 6);
        y.meeting(
            K::MemberDevelopment,
            date,
            Some(secretary),
            RoleScope::Committee,
        );
    }
    // Everyday entries up to the yearly number, pro rata in the current year.
    let days_in_year = NaiveDate::from_ymd_opt(year, 12, 31).map_or(365, |d| d.ordinal());
    let target =
        u64::from(spec.records_per_year) * u64::from(end.ordinal()) / u64::from(days_in_year);
    let everyone = y.ids(RoleScope::Members);
    let hosts = y.ids(RoleScope::Committee);
    let mut tries = 0;
    while (y.out.len() as u64) < target && tries < target * 4 + 100 {
        tries += 1;
        let date = y.date_so_far();
        match y.rng.below(4) {
            0 | 1 => {
                let host = y.rng.pick(&hosts).unwrap_or(secretary);
                let partner = y.rng.pick(&everyone).unwrap_or(deputy);
                let other = if host == secretary { deputy } else { secretary };
                let partner = if partner == host { other } else { partner };
                y.talk(K::HeartTalk, date, host, partner);
            }
            2 => {
                let host = y.rng.pick(&everyone);
                y.meeting(K::GroupMeeting, date, host, RoleScope::Members);
            }
            _ => {
                let kind = if y.rng.chance(50) {
                    K::Education
                } else {
                    K::Other
                };
                y.meeting(kind, date, Some(deputy), RoleScope::Members);
            }
        }
    }
    let mut out = y.out;
    out.sort_by_key(|r| r.date);
    out
}
