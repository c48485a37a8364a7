//! Entries the ledger saves only once the user has confirmed them: a date
//! after today, or a record that repeats an existing one (same kind, date,
//! people and, except for talks, topic). The ledger answers such an input with `CoreError::Unconfirmed`,
//! naming every warning; the shells ask (CLI flags, a y/n in the TUI) and
//! send the input again with the answers in `NewRecord::confirmed`.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::record::{Record, RecordDraft, RecordKind};
use super::roster::PersonId;

/// The warnings the user has already accepted for one input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmations {
    /// Save even though the date is after today.
    pub future: bool,
    /// Save even though an equal record exists.
    pub duplicate: bool,
}

impl Confirmations {
    /// Everything confirmed (imports and tools that decide for themselves).
    pub const ALL: Confirmations = Confirmations {
        future: true,
        duplicate: true,
    };

    /// Whether `warning` has been accepted.
    pub fn covers(self, warning: &Warning) -> bool {
        match warning {
            Warning::Future { .. } => self.future,
            Warning::Duplicate { .. } => self.duplicate,
        }
    }

    /// These confirmations plus the ones `warnings` ask for (the answer
    /// "yes" to all of them).
    #[must_use]
    pub fn accepting(mut self, warnings: &[Warning]) -> Confirmations {
        for w in warnings {
            match w {
                Warning::Future { .. } => self.future = true,
                Warning::Duplicate { .. } => self.duplicate = true,
            }
        }
        self
    }
}

/// Why an input needs the user's confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Warning {
    /// The record is dated after today.
    Future { date: NaiveDate, today: NaiveDate },
    /// Records with the same kind, date and people exist (earliest first).
    Duplicate { of: Vec<Record> },
}

/// The warnings `draft` raises that `confirmed` does not cover. `same_day`
/// holds the stored records of the draft's date; `today` is unknown to a
/// ledger without a clock (no future check then); `old` is the record being
/// edited, which neither counts as a duplicate of itself nor warns again
/// about what the edit leaves as it was.
pub fn warnings(
    draft: &RecordDraft,
    same_day: &[Record],
    today: Option<NaiveDate>,
    old: Option<&Record>,
    confirmed: Confirmations,
) -> Vec<Warning> {
    let mut out = Vec::new();
    let date_changed = old.is_none_or(|o| o.date != draft.date);
    if let Some(today) = today
        && draft.date > today
        && date_changed
    {
        out.push(Warning::Future {
            date: draft.date,
            today,
        });
    }
    let key = identity(
        draft.kind,
        draft.date,
        draft.host,
        people_of_draft(draft),
        &draft.topic,
    );
    let unchanged = old.is_some_and(|o| identity_of(o) == key);
    if !unchanged {
        let mut of: Vec<Record> = same_day
            .iter()
            .filter(|r| old.is_none_or(|o| o.id != r.id) && identity_of(r) == key)
            .cloned()
            .collect();
        of.sort_by_key(|r| r.id);
        if !of.is_empty() {
            out.push(Warning::Duplicate { of });
        }
    }
    out.retain(|w| !confirmed.covers(w));
    out
}

/// What makes two records "the same": kind, date, host and everyone else
/// taking part (attendees and partners, in any order); for meetings and
/// other kinds with a subject also the topic, since two meetings of one body
/// on one day with different agendas happen. Talks repeat whatever the topic.
pub type Identity = (
    RecordKind,
    NaiveDate,
    Option<PersonId>,
    BTreeSet<PersonId>,
    String,
);

fn identity(
    kind: RecordKind,
    date: NaiveDate,
    host: Option<PersonId>,
    people: BTreeSet<PersonId>,
    topic: &str,
) -> Identity {
    let topic = if kind.is_talk() {
        String::new()
    } else {
        topic.trim().to_string()
    };
    (kind, date, host, people, topic)
}

fn people_of_draft(d: &RecordDraft) -> BTreeSet<PersonId> {
    d.attendees.iter().chain(&d.partners).copied().collect()
}

/// Whether two stored records are "the same" by the rule above (the
/// consistency check `core::check` flags such pairs already entered).
pub fn same_entry(a: &Record, b: &Record) -> bool {
    identity_of(a) == identity_of(b)
}

/// The identity of a stored record (see `Identity`).
pub fn identity_of(r: &Record) -> Identity {
    identity(
        r.kind,
        r.date,
        r.host,
        r.attendees.iter().chain(&r.partners).copied().collect(),
        &r.topic,
    )
}
