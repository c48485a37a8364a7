//! The record form as a draft: its field values as plain data (serde), so
//! that a session cut off mid-form (SSH drop, SIGHUP) can write them to disk
//! and the next start can reopen the form exactly as it was.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::RecordForm;
use super::text::TextInput;
use crate::core::date::parse_date;
use crate::core::{DutyId, RecordId, RecordKind, YearView};
use crate::i18n::Lang;

/// What the record form held, field by field, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDraft {
    /// The record being edited; `None` for a new record.
    #[serde(default)]
    pub editing: Option<RecordId>,
    pub kind: RecordKind,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub topic: String,
    #[serde(default)]
    pub host: String,
    #[serde(default)]
    pub partners: String,
    #[serde(default)]
    pub attendees: String,
    #[serde(default)]
    pub absentees: String,
    #[serde(default)]
    pub notes: String,
    /// Ticked duty ids.
    #[serde(default)]
    pub duties: Vec<String>,
    /// The duty the form was opened for.
    #[serde(default)]
    pub pinned: Option<String>,
    #[serde(default)]
    pub evidence: Vec<String>,
}

impl RecordForm {
    /// The form's values now.
    pub fn draft(&self) -> FormDraft {
        FormDraft {
            editing: self.editing,
            kind: self.kind,
            // "今天" must not become another day when restored tomorrow.
            date: parse_date(self.date.text(), self.today).map_or_else(
                |_| self.date.text().to_string(),
                |d| d.format("%Y-%m-%d").to_string(),
            ),
            topic: self.topic.text().to_string(),
            host: self.host.text().to_string(),
            partners: self.partners.text().to_string(),
            attendees: self.attendees.text().to_string(),
            absentees: self.absentees.text().to_string(),
            notes: self.notes.text().to_string(),
            duties: self.duties.iter().map(|d| d.0.clone()).collect(),
            pinned: self.pinned.as_ref().map(|d| d.0.clone()),
            evidence: self.evidence.clone(),
        }
    }

    /// Reopen a form from a draft. The form compares against how a fresh
    /// form (or the record being edited) looks, so the restored values count
    /// as unsaved changes until saved or discarded.
    pub fn from_draft(lang: Lang, view: &YearView, d: &FormDraft, today: NaiveDate) -> RecordForm {
        let editing = d.editing.and_then(|id| view.record(id));
        let mut form = RecordForm::new(lang, view, editing, today);
        let line = |s: &str| TextInput::new(s, false);
        form.editing = d.editing;
        form.kind = d.kind;
        form.date = line(&d.date);
        form.topic = line(&d.topic);
        form.host = line(&d.host);
        form.partners = line(&d.partners);
        form.attendees = line(&d.attendees);
        form.absentees = line(&d.absentees);
        form.notes = TextInput::new(&d.notes, true);
        form.duties = d.duties.iter().map(|s| DutyId(s.clone())).collect();
        form.duties_touched = true;
        form.pinned = d.pinned.as_ref().map(|s| DutyId(s.clone()));
        form.evidence.clone_from(&d.evidence);
        form.duty_cursor = form
            .all_duties
            .iter()
            .position(|(id, _)| form.duties.contains(id))
            .unwrap_or(0);
        form
    }
}
