//! One year of demo records being planned: the meeting rhythm, talks and
//! everyday entries, dated inside the year and before today.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::rng::Rng;
use super::sample::{ABSENCE_REASONS, topics};
use crate::core::catalogue::Duty;
use crate::core::record::{Absence, Record, RecordId, RecordKind};
use crate::core::roster::{PersonId, Roster};
use crate::core::rule::RoleScope;

/// One year's records being built, before ids are handed out.
pub(super) struct Plan<'a> {
    pub(super) rng: &'a mut Rng,
    pub(super) roster: &'a Roster,
    pub(super) prefill: &'a HashMap<RecordKind, Vec<&'a Duty>>,
    pub(super) year: i32,
    /// The last day that may hold a record (today, in the current year).
    pub(super) end: NaiveDate,
    /// Chance (%) that a scheduled item is skipped this year.
    pub(super) slack: usize,
    pub(super) weak: [RecordKind; 2],
    pub(super) out: Vec<Record>,
    /// The identities of `out` (`core::confirm`), to skip a repeat.
    pub(super) seen: std::collections::HashSet<crate::core::confirm::Identity>,
}

impl Plan<'_> {
    pub(super) fn date(&mut self, first_month: u32, months: u32) -> Option<NaiveDate> {
        let month =
            first_month + u32::try_from(self.rng.below(months.max(1) as usize)).unwrap_or(0);
        let day = 1 + u32::try_from(self.rng.below(28)).unwrap_or(0);
        NaiveDate::from_ymd_opt(self.year, month.min(12), day)
    }

    /// A day between 1 January and `end`.
    pub(super) fn date_so_far(&mut self) -> Option<NaiveDate> {
        let days = usize::try_from(self.end.ordinal()).unwrap_or(1);
        let ordinal = 1 + u32::try_from(self.rng.below(days)).unwrap_or(0);
        NaiveDate::from_yo_opt(self.year, ordinal)
    }

    pub(super) fn ids(&self, scope: RoleScope) -> Vec<PersonId> {
        self.roster.in_scope(scope).map(|p| p.id).collect()
    }

    pub(super) fn skipped(&mut self, kind: RecordKind) -> bool {
        let slack = if self.weak.contains(&kind) {
            self.slack * 8
        } else {
            self.slack
        };
        self.rng.chance(slack)
    }

    /// A meeting of `scope` hosted by `host`, with the odd absentee.
    pub(super) fn meeting(
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

    pub(super) fn talk(
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

    pub(super) fn push(
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
        // As `add` links them: a duty whose actor this host is not
        // (a 书记's talk toward the overseeing leaders') is left out.
        let duties = self.prefill.get(&kind).map_or_else(Vec::new, |ds| {
            ds.iter()
                .filter(|d| crate::core::progress::fits(d, self.roster, host, &partners))
                .map(|d| d.id.clone())
                .collect()
        });
        let record = Record {
            id: RecordId(0),
            kind,
            date,
            topic,
            host,
            attendees,
            absentees,
            partners,
            duties,
            notes: String::new(),
            evidence: Vec::new(),
            covers_year: None,
            entered_by: "demo".to_string(),
            entered_at: date.and_time(time),
        };
        // A sample ledger repeats no meeting (`core::check` would flag it).
        if self.seen.insert(crate::core::confirm::identity_of(&record)) {
            self.out.push(record);
        }
    }

    /// Items on a fixed rhythm: `per_year` evenly spread buckets.
    pub(super) fn rhythm(
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
