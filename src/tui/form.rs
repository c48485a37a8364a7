//! The record form: the state of one record being added or edited. It is
//! pure (keys in, `FormOutcome` out; `render` only reads), and it turns what
//! was typed into a `NewRecord` only after the core's own validation passes.

pub mod complete;
mod draft;
mod draw;
mod parts;
pub(crate) use parts::{candidates_popup, field_label};
mod groups;
mod hints;
pub(crate) use hints::table_hints;
mod acting;
mod keys;
mod open;
mod slot;
pub mod text;

use chrono::NaiveDate;

use crate::core::Warning as Caution;
use crate::core::date::parse_date;
use crate::core::{DutyId, NewRecord, RecordId, RecordKind, ValidationError};
use crate::i18n::Lang;

pub use draft::FormDraft;

use complete::Shape;
use slot::Slot;
use text::TextInput;

/// What a key did to the form.
// One outcome per key press: its size does not matter, boxing would only
// add noise at every use.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormOutcome {
    Continue,
    /// The form passed validation; the app saves it (add or update).
    Submit(NewRecord),
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordForm {
    lang: Lang,
    today: NaiveDate,
    editing: Option<RecordId>,
    kind: RecordKind,
    kind_filter: TextInput,
    date: TextInput,
    /// 所属年度; empty is the year of the date.
    covers: TextInput,
    topic: TextInput,
    host: TextInput,
    partners: TextInput,
    attendees: TextInput,
    absentees: TextInput,
    notes: TextInput,
    duties: Vec<DutyId>,
    /// The user toggled a duty: a kind change no longer re-prefills.
    duties_touched: bool,
    /// The duty the form was opened for; it stays ticked when the kind changes.
    pinned: Option<DutyId>,
    duty_cursor: usize,
    /// Kept from the record being edited; the form does not show it.
    evidence: Vec<String>,
    focus: Slot,
    cand_sel: usize,
    /// Esc closed the candidate list; it opens again on the next edit.
    cand_hidden: bool,
    error: Option<ValidationError>,
    confirm_discard: bool,
    /// Why saving waits for a y/n (a future date, a likely duplicate);
    /// empty when not asking.
    caution: Vec<Caution>,
    initial: NewRecord,
    /// Active roster names, for completion.
    names: Vec<String>,
    /// Group tokens (全体支委…) and who they stand for.
    groups: Vec<groups::Group>,
    /// Every duty of the catalogue: id and title.
    all_duties: Vec<(DutyId, String)>,
    /// What an untouched duty list needs to follow who acts: the
    /// catalogue and roster (see `acting`).
    acting: acting::Acting,
}

/// 所属年度 as typed: a year (`2025`, `2025年`); anything else is left to
/// the date's year, so that the core asks again when it must.
fn covered(text: &str) -> Option<i32> {
    text.trim().trim_end_matches(['年', '度']).parse().ok()
}

impl RecordForm {
    pub fn editing(&self) -> Option<RecordId> {
        self.editing
    }

    /// The duty the form was opened for, if any.
    pub fn pinned(&self) -> Option<&DutyId> {
        self.pinned.as_ref()
    }

    /// The error the form shows now, if any.
    pub fn error(&self) -> Option<&ValidationError> {
        self.error.as_ref()
    }

    /// What the "save anyway?" question is asking about, if it shows.
    pub fn cautions(&self) -> &[Caution] {
        &self.caution
    }

    /// Whether the "discard changes?" question is showing.
    pub fn confirming_discard(&self) -> bool {
        self.confirm_discard
    }

    /// What the form holds now, as the core's raw input.
    fn build(&self) -> NewRecord {
        let name = self.host.text().trim();
        NewRecord {
            kind: Some(self.kind),
            date: parse_date(self.date.text(), self.today).ok(),
            topic: self.topic.text().to_string(),
            host: (!name.is_empty()).then(|| name.to_string()),
            attendees: groups::expand(complete::split(self.attendees.text()), &self.groups),
            absentees: complete::split_reasons(self.absentees.text()),
            partners: if self.kind.is_talk() {
                groups::expand(complete::split(self.partners.text()), &self.groups)
            } else {
                Vec::new()
            },
            duties: Some(self.ordered_duties()),
            notes: self.notes.text().to_string(),
            evidence: self.evidence.clone(),
            covers: if self.kind.reports_on_past_year() {
                covered(self.covers.text())
            } else {
                None
            },
            confirmed: crate::core::Confirmations::default(),
        }
    }

    /// The chosen duties in catalogue order; ids the catalogue lacks last.
    fn ordered_duties(&self) -> Vec<String> {
        let ticked = self.ticked();
        let known = self.all_duties.iter().map(|(id, _)| id);
        let unknown = ticked
            .iter()
            .filter(|d| !self.all_duties.iter().any(|(id, _)| id == *d));
        known
            .filter(|id| ticked.contains(id))
            .chain(unknown)
            .map(|d| d.0.clone())
            .collect()
    }

    /// Whether anything differs from how the form opened.
    pub fn changed(&self) -> bool {
        self.build() != self.initial
    }

    /// Show `e` at the field it names (in the form's language) and focus it.
    pub fn set_error(&mut self, e: ValidationError) {
        if let Some(slot) = Slot::of_field(e.field)
            && self.slots().contains(&slot)
        {
            self.focus = slot;
        }
        self.error = Some(e);
    }

    /// Insert pasted text into the focused field. Line breaks survive only
    /// in the notes; a paste never submits or moves focus.
    pub fn paste(&mut self, text: &str) {
        if self.confirm_discard {
            return;
        }
        if let Some(input) = self.input_mut() {
            input.insert_str(text);
            self.edited();
        }
    }

    fn slots(&self) -> Vec<Slot> {
        Slot::visible(self.kind)
    }

    /// The text input of the focused field, if it has one.
    fn input(&self) -> Option<&TextInput> {
        Some(match self.focus {
            Slot::Kind => &self.kind_filter,
            Slot::Date => &self.date,
            Slot::Covers => &self.covers,
            Slot::Topic => &self.topic,
            Slot::Host => &self.host,
            Slot::Partners => &self.partners,
            Slot::Attendees => &self.attendees,
            Slot::Absentees => &self.absentees,
            Slot::Notes => &self.notes,
            Slot::Duties => return None,
        })
    }

    fn input_mut(&mut self) -> Option<&mut TextInput> {
        Some(match self.focus {
            Slot::Kind => &mut self.kind_filter,
            Slot::Date => &mut self.date,
            Slot::Covers => &mut self.covers,
            Slot::Topic => &mut self.topic,
            Slot::Host => &mut self.host,
            Slot::Partners => &mut self.partners,
            Slot::Attendees => &mut self.attendees,
            Slot::Absentees => &mut self.absentees,
            Slot::Notes => &mut self.notes,
            Slot::Duties => return None,
        })
    }

    fn shape(&self) -> Option<Shape> {
        match self.focus {
            Slot::Host => Some(Shape::Single),
            Slot::Partners | Slot::Attendees => Some(Shape::List),
            Slot::Absentees => Some(Shape::WithReason),
            _ => None,
        }
    }

    /// After any edit: the focused field's error is stale and the candidate
    /// list may open again.
    fn edited(&mut self) {
        if self
            .error
            .as_ref()
            .is_some_and(|e| e.field == self.focus.field())
        {
            self.error = None;
        }
        self.cand_hidden = false;
        self.cand_sel = 0;
    }

    /// Kind labels matching the filter, best first.
    fn kind_matches(&self) -> Vec<RecordKind> {
        let labels: Vec<&str> = RecordKind::ALL
            .iter()
            .map(|k| crate::i18n::domain::kind(self.lang, *k))
            .collect();
        crate::tui::fuzzy::rank(self.kind_filter.text(), &labels)
            .into_iter()
            .filter_map(|m| RecordKind::ALL.get(m.index).copied())
            .collect()
    }

    /// The open completion list of the focused field (empty when closed).
    fn candidates(&self) -> Vec<String> {
        if self.cand_hidden || self.confirm_discard {
            return Vec::new();
        }
        if self.focus == Slot::Kind {
            return self
                .kind_matches()
                .into_iter()
                .map(|k| crate::i18n::domain::kind(self.lang, k).to_string())
                .collect();
        }
        match (self.shape(), self.input()) {
            (Some(Shape::List), Some(input)) => {
                let pool: Vec<String> = self
                    .groups
                    .iter()
                    .map(|g| g.label.to_string())
                    .chain(self.names.iter().cloned())
                    .collect();
                complete::candidates(input, Shape::List, &pool)
            }
            (Some(shape), Some(input)) => complete::candidates(input, shape, &self.names),
            _ => Vec::new(),
        }
    }
}
