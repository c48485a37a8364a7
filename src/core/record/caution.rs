//! What deserves a second look before a record is saved, though it is
//! valid: a date after today, or the same kind on the same day with the
//! same people as a record already in the ledger. Pure: the caller gives
//! today and the records to compare with, and asks the user.

use chrono::NaiveDate;

use super::{Record, RecordDraft, RecordId};
use crate::core::roster::PersonId;

/// One reason to ask before saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caution {
    /// The record's date is after today.
    Future(NaiveDate),
    /// An existing record has the same kind, date and people.
    Duplicate(RecordId),
}

/// Everyone a record names: host, partners and attendees, sorted, once each.
fn people(host: Option<PersonId>, partners: &[PersonId], attendees: &[PersonId]) -> Vec<PersonId> {
    let mut all: Vec<PersonId> = host
        .into_iter()
        .chain(partners.iter().copied())
        .chain(attendees.iter().copied())
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// The cautions for saving `draft` on `today` beside `existing` (the record
/// being edited, `editing`, is not compared with itself).
pub fn cautions<'a>(
    draft: &RecordDraft,
    today: NaiveDate,
    existing: impl IntoIterator<Item = &'a Record>,
    editing: Option<RecordId>,
) -> Vec<Caution> {
    let mut out = Vec::new();
    if draft.date > today {
        out.push(Caution::Future(draft.date));
    }
    let mine = people(draft.host, &draft.partners, &draft.attendees);
    if let Some(twin) = existing.into_iter().find(|r| {
        Some(r.id) != editing
            && r.kind == draft.kind
            && r.date == draft.date
            && people(r.host, &r.partners, &r.attendees) == mine
    }) {
        out.push(Caution::Duplicate(twin.id));
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDateTime;

    use super::*;
    use crate::core::record::RecordKind;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap_or_default()
    }

    fn draft(date: NaiveDate, host: u32, with: &[u32]) -> RecordDraft {
        RecordDraft {
            kind: RecordKind::CommitteeMeeting,
            date,
            topic: "议题".into(),
            host: Some(PersonId(host)),
            attendees: with.iter().map(|p| PersonId(*p)).collect(),
            absentees: Vec::new(),
            partners: Vec::new(),
            duties: Vec::new(),
            notes: String::new(),
            evidence: Vec::new(),
        }
    }

    fn saved(id: u64, d: RecordDraft) -> Record {
        d.into_record(RecordId(id), "t".into(), NaiveDateTime::default())
    }

    #[test]
    fn a_date_after_today_is_a_caution() {
        assert_eq!(
            cautions(&draft(day(21), 1, &[]), day(20), [], None),
            vec![Caution::Future(day(21))]
        );
        assert!(cautions(&draft(day(20), 1, &[]), day(20), [], None).is_empty());
    }

    #[test]
    fn the_same_kind_day_and_people_is_a_caution() {
        let old = saved(7, draft(day(10), 1, &[2, 3]));
        let same = draft(day(10), 1, &[3, 2]);
        assert_eq!(
            cautions(&same, day(20), [&old], None),
            vec![Caution::Duplicate(RecordId(7))]
        );
        // Editing the record itself is no duplicate; other people or days are not either.
        assert!(cautions(&same, day(20), [&old], Some(RecordId(7))).is_empty());
        assert!(cautions(&draft(day(10), 1, &[2]), day(20), [&old], None).is_empty());
        assert!(cautions(&draft(day(11), 1, &[2, 3]), day(20), [&old], None).is_empty());
    }
}
