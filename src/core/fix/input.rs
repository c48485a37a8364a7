//! Raw input for a rectification item, as typed, and its validation into a
//! draft: the source parsed, the owner resolved on the roster, duties checked
//! against the catalogue. Errors name the field at fault.

use chrono::NaiveDate;

use crate::core::catalogue::{Catalogue, DutyId};
use crate::core::error::{Field, Problem, ValidationError};
use crate::core::roster::{PersonId, Roster};
use crate::core::text::{check_len, clean_line, clean_text};

use super::FixSource;

/// Longest accepted problem text, in characters.
pub const MAX_PROBLEM: usize = 500;
/// Longest accepted measures, in characters.
pub const MAX_MEASURES: usize = 2_000;
/// Longest accepted progress note or closing note, in characters.
pub const MAX_NOTE: usize = 2_000;

/// A rectification item as typed: the source by name, the owner by name or
/// `#id`, duties by id. `opened: None` means today.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewFix {
    pub source: String,
    pub problem: String,
    pub duties: Vec<String>,
    pub measures: String,
    pub owner: String,
    pub deadline: Option<NaiveDate>,
    pub opened: Option<NaiveDate>,
}

/// A validated item, not yet given an id, state or year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixDraft {
    pub source: FixSource,
    pub problem: String,
    pub duties: Vec<DutyId>,
    pub measures: String,
    pub owner: PersonId,
    pub deadline: NaiveDate,
    pub opened: NaiveDate,
}

impl NewFix {
    /// Check every field; the first problem found is returned.
    pub fn validate(
        &self,
        catalogue: &Catalogue,
        roster: &Roster,
        today: NaiveDate,
    ) -> Result<FixDraft, ValidationError> {
        let bad = ValidationError::new;
        let raw_source = self.source.trim();
        if raw_source.is_empty() {
            return Err(bad(Field::Source, Problem::Required));
        }
        let source = FixSource::parse(raw_source).ok_or_else(|| {
            bad(
                Field::Source,
                Problem::UnknownSource(raw_source.to_string()),
            )
        })?;
        let problem = clean_line(&self.problem);
        required(Field::Issue, &problem, MAX_PROBLEM)?;
        let mut duties: Vec<DutyId> = Vec::new();
        for raw in self
            .duties
            .iter()
            .map(|d| d.trim())
            .filter(|d| !d.is_empty())
        {
            let id = DutyId(raw.to_string());
            if catalogue.duty(&id).is_none() {
                return Err(bad(Field::Duties, Problem::UnknownDuty(raw.to_string())));
            }
            if duties.contains(&id) {
                return Err(bad(Field::Duties, Problem::Duplicate(raw.to_string())));
            }
            duties.push(id);
        }
        let measures = clean_note(&self.measures);
        required(Field::Measures, &measures, MAX_MEASURES)?;
        let owner_name = self.owner.trim();
        if owner_name.is_empty() {
            return Err(bad(Field::Owner, Problem::Required));
        }
        let owner = roster
            .resolve(owner_name)
            .map_err(|p| bad(Field::Owner, p))?;
        let deadline = self
            .deadline
            .ok_or_else(|| bad(Field::Deadline, Problem::Required))?;
        let opened = self.opened.unwrap_or(today);
        if deadline < opened {
            return Err(bad(
                Field::Deadline,
                Problem::DeadlineBeforeOpened { deadline, opened },
            ));
        }
        Ok(FixDraft {
            source,
            problem,
            duties,
            measures,
            owner,
            deadline,
            opened,
        })
    }
}

fn required(field: Field, text: &str, max: usize) -> Result<(), ValidationError> {
    if text.is_empty() {
        return Err(ValidationError::new(field, Problem::Required));
    }
    check_len(field, text, max)
}

/// Multi-line text as stored: blank edges trimmed, forbidden characters
/// dropped (`text::clean_text`).
pub fn clean_note(text: &str) -> String {
    clean_text(text.trim_start())
}

/// Check a progress or closing note: not empty, not too long.
pub(crate) fn check_note(field: Field, text: &str) -> Result<String, ValidationError> {
    let text = clean_note(text);
    required(field, &text, MAX_NOTE)?;
    Ok(text)
}
