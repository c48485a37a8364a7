//! A realistic sample ledger for trying the app and for benchmarks: a pure,
//! seeded function of (catalogue, today, spec). Meetings keep their rhythm
//! with a few gaps, so some duties end up done and some behind.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveTime};

mod sample;

use super::catalogue::{Catalogue, DutyId};
use super::port::{Backup, SCHEMA_VERSION};
use super::progress::required_pairs;
use super::record::{Absence, Record, RecordId, RecordKind};
use super::roster::{PersonId, Roster};
use super::rule::{PairScope, RoleScope};
use sample::{ABSENCE_REASONS, roster, topics};

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

/// xorshift64: deterministic and good enough for sample data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        items.get(self.below(items.len())).copied()
    }
}

/// One year's records being built, before ids are handed out.
struct Plan<'a> {
    rng: &'a mut Rng,
    roster: &'a Roster,
    prefill: &'a HashMap<RecordKind, Vec<DutyId>>,
    year: i32,
    /// The last day that may hold a record (today, in the current year).
    end: NaiveDate,
    /// Chance (%) that a scheduled item is skipped this year.
    slack: usize,
    weak: [RecordKind; 2],
    out: Vec<Record>,
}

impl Plan<'_> {
    fn date(&mut self, first_month: u32, months: u32) -> Option<NaiveDate> {
        let month =
            first_month + u32::try_from(self.rng.below(months.max(1) as usize)).unwrap_or(0);
        let day = 1 + u32::try_from(self.rng.below(28)).unwrap_or(0);
        NaiveDate::from_ymd_opt(self.year, month.min(12), day)
    }

    /// A day between 1 January and `end`.
    fn date_so_far(&mut self) -> Option<NaiveDate> {
        let days = usize::try_from(self.end.ordinal()).unwrap_or(1);
        let ordinal = 1 + u32::try_from(self.rng.below(days)).unwrap_or(0);
        NaiveDate::from_yo_opt(self.year, ordinal)
    }

    fn ids(&self, scope: RoleScope) -> Vec<PersonId> {
        self.roster.in_scope(scope).map(|p| p.id).collect()
    }

    fn skipped(&mut self, kind: RecordKind) -> bool {
        let slack = if self.weak.contains(&kind) {
            self.slack * 8
        } else {
            self.slack
        };
        self.rng.chance(slack)
    }

    /// A meeting of `scope` hosted by `host`, with the odd absentee.
    fn meeting(
        &mut self,
        kind: RecordKind,
        date: Option<NaiveDate>,
        host: Option<PersonId>,
        scope: RoleScope,
    ) {
        let mut attendees = self.ids(scope);
        let mut absentees = Vec::new();
        if attendees.len() > 3 && self.rng.chance(30) {
            let who = attendees.remove(self.rng.below(attendees.len()));
            let reason = self.rng.pick(&ABSENCE_REASONS).unwrap_or("出差");
            absentees.push(Absence {
                person: who,
                reason: reason.to_string(),
            });
        }
        self.push(kind, date, host, attendees, absentees, Vec::new());
    }

    fn talk(
        &mut self,
        kind: RecordKind,
        date: Option<NaiveDate>,
        host: PersonId,
        partner: PersonId,
    ) {
        if host != partner {
            self.push(
                kind,
                date,
                Some(host),
                Vec::new(),
                Vec::new(),
                vec![partner],
            );
        }
    }

    fn push(
        &mut self,
        kind: RecordKind,
        date: Option<NaiveDate>,
        host: Option<PersonId>,
        attendees: Vec<PersonId>,
        absentees: Vec<Absence>,
        partners: Vec<PersonId>,
    ) {
        let Some(date) = date.filter(|d| *d <= self.end) else {
            return;
        };
        let topic = self.rng.pick(topics(kind)).unwrap_or("").to_string();
        let minute = u32::try_from(self.rng.below(60)).unwrap_or(0);
        let time = NaiveTime::from_hms_opt(17, minute, 0).unwrap_or_default();
        self.out.push(Record {
            id: RecordId(0),
            kind,
            date,
            topic,
            host,
            attendees,
            absentees,
            partners,
            duties: self.prefill.get(&kind).cloned().unwrap_or_default(),
            notes: String::new(),
            evidence: Vec::new(),
            entered_by: "demo".to_string(),
            entered_at: date.and_time(time),
        });
    }

    /// Items on a fixed rhythm: `per_year` evenly spread buckets.
    fn rhythm(
        &mut self,
        kind: RecordKind,
        per_year: u32,
        host: Option<PersonId>,
        scope: RoleScope,
    ) {
        let months = 12 / per_year.max(1);
        for i in 0..per_year {
            if !self.skipped(kind) {
                let date = self.date(1 + i * months, months);
                self.meeting(kind, date, host, scope);
            }
        }
    }
}

/// Build the sample ledger. Records end at `today`; ids follow dates.
pub fn generate(catalogue: &Catalogue, today: NaiveDate, spec: &DemoSpec) -> Backup {
    use RecordKind as K;
    let people = roster();
    let roster = Roster::new(people.clone());
    let prefill: HashMap<RecordKind, Vec<DutyId>> =
        K::ALL.iter().map(|k| (*k, catalogue.prefill(*k))).collect();
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
    let next_id = first_id + records.len() as u64;
    Backup {
        schema: SCHEMA_VERSION,
        catalogue: catalogue.clone(),
        people,
        records,
        next_id,
        fixes: Vec::new(),
        corrections: Vec::new(),
        closed_years: Vec::new(),
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
