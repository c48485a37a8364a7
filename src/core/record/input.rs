//! Raw input for a record (`NewRecord`) and the one step that makes it a
//! `RecordDraft`: names resolved on the roster of the record's date, the
//! 所属年度 settled, each field checked and named when at fault.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::{Absence, Record, RecordId, RecordKind};
use crate::core::catalogue::{Catalogue, DutyId};
use crate::core::confirm::Confirmations;
use crate::core::error::{Field, Problem, ValidationError};
use crate::core::roster::{PersonId, Roster};
use crate::core::text::{check_len, clean_line, clean_text};

/// Raw input for a record, as typed: people by name, duties by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewRecord {
    pub kind: Option<RecordKind>,
    pub date: Option<NaiveDate>,
    pub topic: String,
    pub host: Option<String>,
    pub attendees: Vec<String>,
    /// (name, reason)
    pub absentees: Vec<(String, String)>,
    pub partners: Vec<String>,
    /// `None` prefills from the kind.
    pub duties: Option<Vec<String>>,
    pub notes: String,
    pub evidence: Vec<String>,
    /// 所属年度 as typed; `None` is the year of the date.
    #[serde(default)]
    pub covers: Option<i32>,
    /// The warnings (future date, duplicate) the user has accepted; see
    /// `core::confirm`.
    #[serde(default)]
    pub confirmed: Confirmations,
}

/// Longest accepted topic, in characters.
pub const MAX_TOPIC: usize = 200;
/// Longest accepted notes, in characters.
pub const MAX_NOTES: usize = 20_000;

/// A validated record, not yet given an id or author.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordDraft {
    pub kind: RecordKind,
    pub date: NaiveDate,
    pub topic: String,
    pub host: Option<PersonId>,
    pub attendees: Vec<PersonId>,
    pub absentees: Vec<Absence>,
    pub partners: Vec<PersonId>,
    pub duties: Vec<DutyId>,
    pub notes: String,
    pub evidence: Vec<String>,
    /// 所属年度 when it differs from the date's year.
    pub covers_year: Option<i32>,
}

impl RecordDraft {
    /// The year the record will count toward.
    pub fn year_covered(&self) -> i32 {
        self.covers_year.unwrap_or_else(|| self.date.year())
    }

    pub fn into_record(
        self,
        id: RecordId,
        entered_by: String,
        entered_at: NaiveDateTime,
    ) -> Record {
        Record {
            id,
            kind: self.kind,
            date: self.date,
            topic: self.topic,
            host: self.host,
            attendees: self.attendees,
            absentees: self.absentees,
            partners: self.partners,
            duties: self.duties,
            notes: self.notes,
            evidence: self.evidence,
            entered_by,
            entered_at,
            covers_year: self.covers_year,
        }
    }
}

impl NewRecord {
    /// Check every field and resolve names against the roster and duty ids
    /// against the catalogue. The first problem found is returned.
    pub fn validate(
        &self,
        catalogue: &Catalogue,
        roster: &Roster,
    ) -> Result<RecordDraft, ValidationError> {
        let kind = self
            .kind
            .ok_or(ValidationError::new(Field::Kind, Problem::Required))?;
        let date = self
            .date
            .ok_or(ValidationError::new(Field::Date, Problem::Required))?;
        // People are named as the roster stood on the record's date: someone
        // who left later still took part then; someone who joined later did not.
        let roster = &roster.as_of(date);
        let topic = clean_line(&self.topic);
        if topic.is_empty() && !kind.is_talk() {
            return Err(ValidationError::new(Field::Topic, Problem::Required));
        }
        check_len(Field::Topic, &topic, MAX_TOPIC)?;
        let notes = clean_text(&self.notes);
        check_len(Field::Notes, &notes, MAX_NOTES)?;
        let host = match self
            .host
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(name) => Some(
                roster
                    .resolve(name)
                    .map_err(|p| ValidationError::new(Field::Host, p))?,
            ),
            None if kind.is_talk() => {
                return Err(ValidationError::new(Field::Host, Problem::Required));
            }
            None => None,
        };
        let attendees = resolve_all(roster, Field::Attendees, &self.attendees)?;
        let mut absentees = Vec::new();
        for (name, reason) in self.absentees.iter().filter(|(n, _)| !n.trim().is_empty()) {
            let person = roster
                .resolve(name)
                .map_err(|p| ValidationError::new(Field::Absentees, p))?;
            if attendees.contains(&person) {
                return Err(ValidationError::new(
                    Field::Absentees,
                    Problem::BothPresentAndAbsent(name.trim().to_string()),
                ));
            }
            if absentees.iter().any(|a: &Absence| a.person == person) {
                return Err(ValidationError::new(
                    Field::Absentees,
                    Problem::Duplicate(name.trim().to_string()),
                ));
            }
            absentees.push(Absence {
                person,
                reason: clean_line(reason),
            });
        }
        let partners = resolve_all(roster, Field::Partners, &self.partners)?;
        if kind.is_talk() && partners.is_empty() {
            return Err(ValidationError::new(Field::Partners, Problem::Required));
        }
        if let Some(h) = host
            && partners.contains(&h)
        {
            return Err(ValidationError::new(Field::Partners, Problem::TalkWithSelf));
        }
        let duties = match &self.duties {
            // A kind's duties, less those this host cannot act for: a
            // 书记's talk is not offered to the overseeing leaders' duty.
            None => crate::core::progress::prefill(catalogue, roster, kind, host, &partners),
            Some(ids) => {
                let mut out: Vec<DutyId> = Vec::new();
                for raw in ids {
                    // By id, or by title or 条目 as the status and exports show it.
                    let Some(id) = crate::core::import::resolve_duty(catalogue, raw) else {
                        return Err(ValidationError::new(
                            Field::Duties,
                            Problem::UnknownDuty(raw.trim().to_string()),
                        ));
                    };
                    if out.contains(&id) {
                        return Err(ValidationError::new(
                            Field::Duties,
                            Problem::Duplicate(raw.trim().to_string()),
                        ));
                    }
                    out.push(id);
                }
                out
            }
        };
        let covers_year = covers_year(kind, date, self.covers)?;
        Ok(RecordDraft {
            covers_year,
            kind,
            date,
            topic,
            host,
            attendees,
            absentees,
            partners,
            duties,
            notes,
            evidence: self
                .evidence
                .iter()
                .map(|e| clean_line(e))
                .filter(|e| !e.is_empty())
                .collect(),
        })
    }
}

/// 所属年度: the date's year or the year before. A kind that usually reports
/// on the past year, dated in January or February, must say which.
fn covers_year(
    kind: RecordKind,
    date: NaiveDate,
    covers: Option<i32>,
) -> Result<Option<i32>, ValidationError> {
    let year = date.year();
    match covers {
        None if kind.reports_on_past_year() && date.month() <= 2 => Err(ValidationError::new(
            Field::Covers,
            Problem::CoversAsked { date },
        )),
        None => Ok(None),
        Some(y) if y == year => Ok(None),
        Some(y) if y == year - 1 => Ok(Some(y)),
        Some(y) => Err(ValidationError::new(
            Field::Covers,
            Problem::CoversOutOfRange { date, covers: y },
        )),
    }
}

fn resolve_all(
    roster: &Roster,
    field: Field,
    names: &[String],
) -> Result<Vec<PersonId>, ValidationError> {
    let mut out = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let id = roster
            .resolve(name)
            .map_err(|p| ValidationError::new(field, p))?;
        if out.contains(&id) {
            return Err(ValidationError::new(
                field,
                Problem::Duplicate(name.to_string()),
            ));
        }
        out.push(id);
    }
    Ok(out)
}
