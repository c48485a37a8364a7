//! A realistic sample ledger for trying the app and for benchmarks: a pure,
//! seeded function of (catalogue, today, spec). Meetings keep their rhythm
//! with a few gaps, so some duties end up done and some behind; each year
//! also holds rectification items (整改), a few of them overdue.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

mod fixes;
mod plan;
mod problems;
mod rng;
mod sample;

use super::catalogue::{Catalogue, Duty};
use super::port::{Backup, SCHEMA_VERSION};
use super::progress::required_pairs;
use super::record::{RecordId, RecordKind};
use super::roster::{PersonId, Roster};
use super::rule::{PairScope, RoleScope};
use plan::Plan;
use rng::Rng;
use sample::roster;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSpec {
    /// How many years, ending with `today`'s year.
    pub years: u32,
    /// Records per full year: the meeting rhythm first, then everyday entries
    /// (talks, group meetings, education) up to this number.
    pub records_per_year: u32,
    pub seed: u64,
}

impl Default for DemoSpec {
    fn default() -> Self {
        Self {
            years: 10,
            records_per_year: 2000,
            seed: 2026,
        }
    }
}

/// Build the sample ledger. Records end at `today`; ids follow dates, records
/// first, then rectification items.
pub fn generate(catalogue: &Catalogue, today: NaiveDate, spec: &DemoSpec) -> Backup {
    use RecordKind as K;
    let people = roster();
    let roster = Roster::new(people.clone());
    let prefill: HashMap<RecordKind, Vec<&Duty>> = K::ALL
        .iter()
        .map(|k| {
            let ds = catalogue
                .prefill(*k)
                .iter()
                .filter_map(|id| catalogue.duty(id))
                .collect();
            (*k, ds)
        })
        .collect();
    let mut rng = Rng::new(spec.seed);
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
    let first = today.year() - i32::try_from(spec.years.clamp(1, 200)).unwrap_or(1) + 1;
    let mut records = Vec::new();
    for year in first..=today.year() {
        let end = NaiveDate::from_ymd_opt(year, 12, 31).map_or(today, |d| d.min(today));
        let slack = 1 + rng.below(5);
        let weak = [
            rng.pick(&rhythm_kinds).unwrap_or(K::ThemeDay),
            rng.pick(&rhythm_kinds).unwrap_or(K::PartyLecture),
        ];
        let mut y = Plan {
            rng: &mut rng,
            roster: &roster,
            prefill: &prefill,
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
        for (kind, from, months) in [
            (K::WorkPlan, 1, 2),
            (K::ResponsibilityLetter, 2, 2),
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
        // Talks: most required pairs, a few missed.
        for scope in [
            PairScope::SecretaryWithLeadersAndHeads,
            PairScope::LeadersWithOverseenHeads,
        ] {
            for (host, partner) in required_pairs(&roster, scope) {
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
        records.extend(y.out);
    }
    records.sort_by_key(|r| r.date);
    let first_id = u64::try_from(people.len()).unwrap_or(0) + 1;
    for (r, id) in records.iter_mut().zip(first_id..) {
        r.id = RecordId(id);
    }
    let fixes_from = first_id + records.len() as u64;
    let ctx = fixes::Ctx {
        catalogue,
        roster: &roster,
        records: &records,
        today,
    };
    let fixes = fixes::generate(&ctx, first, fixes_from, spec.seed);
    let next_id = fixes_from + fixes.len() as u64;
    Backup {
        schema: SCHEMA_VERSION,
        catalogue: catalogue.clone(),
        people,
        records,
        next_id,
        fixes,
        corrections: Vec::new(),
        closed_years: Vec::new(),
        archived: Vec::new(),
        journal: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ledger::Ledger;
    use crate::core::mem::MemStore;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()
    }

    fn spec() -> DemoSpec {
        DemoSpec {
            years: 3,
            records_per_year: 300,
            seed: 7,
        }
    }

    #[test]
    fn same_seed_same_ledger_other_seed_other_ledger() {
        let cat = Catalogue::embedded();
        assert_eq!(
            generate(&cat, today(), &spec()),
            generate(&cat, today(), &spec())
        );
        let other = DemoSpec { seed: 8, ..spec() };
        assert_ne!(
            generate(&cat, today(), &spec()),
            generate(&cat, today(), &other)
        );
    }

    #[test]
    fn records_fill_the_years_up_to_today_and_import_cleanly() {
        let cat = Catalogue::embedded();
        let b = generate(&cat, today(), &spec());
        assert_eq!(b.people.len(), sample::PEOPLE.len());
        assert!(b.records.iter().all(|r| r.date <= today()));
        for year in 2024..=2025 {
            let n = b.records.iter().filter(|r| r.date.year() == year).count();
            assert!(n >= 300, "{year}: {n}");
        }
        assert!(b.records.iter().all(|r| r.date.year() >= 2024));
        assert!(
            b.records
                .windows(2)
                .all(|w| w[0].date <= w[1].date && w[0].id < w[1].id)
        );
        for r in &b.records {
            if r.kind.is_talk() {
                assert!(r.host.is_some() && !r.partners.is_empty());
                assert!(!r.partners.contains(&r.host.unwrap()));
            } else {
                assert!(!r.topic.is_empty());
            }
            assert!(r.absentees.iter().all(|a| !r.attendees.contains(&a.person)));
        }
        let ledger = Ledger::new(MemStore::new(cat), "t");
        ledger.import(&b).unwrap();
        assert_eq!(ledger.export().unwrap(), b);
    }

    #[test]
    fn most_required_talks_happen_in_a_past_year() {
        let cat = Catalogue::embedded();
        let b = generate(&cat, today(), &spec());
        let roster = Roster::new(b.people.clone());
        let pairs = required_pairs(&roster, PairScope::SecretaryWithLeadersAndHeads);
        let held = pairs
            .iter()
            .filter(|(h, p)| {
                b.records.iter().any(|r| {
                    r.date.year() == 2025
                        && r.kind == RecordKind::IntegrityTalk
                        && r.host == Some(*h)
                        && r.partners.contains(p)
                })
            })
            .count();
        assert!(held * 10 >= pairs.len() * 6, "{held}/{}", pairs.len());
    }
}
