//! Opening the record form: empty, on a record to edit, for a duty, a kind
//! or a talk still owed; each opening leaves the form "unchanged" so that
//! leaving it asks nothing.

use chrono::NaiveDate;

use super::complete::joiner;
use super::slot::Slot;
use super::text::TextInput;
use super::{RecordForm, acting, groups};
use crate::core::{Duty, NewRecord, PersonId, Record, RecordKind, Roster, YearView};
use crate::i18n::Lang;

/// How a record names a person in the form: the name when it resolves back
/// to them, `#id` otherwise (a retired or namesake person).
fn person_ref(roster: &Roster, id: PersonId) -> String {
    let name = roster.name(id);
    if roster.resolve(&name) == Ok(id) {
        name
    } else {
        format!("#{id}")
    }
}

pub(super) fn active_names(view: &YearView) -> Vec<String> {
    view.roster.active().map(|p| p.name.clone()).collect()
}

impl RecordForm {
    pub fn new(
        lang: Lang,
        view: &YearView,
        editing: Option<&Record>,
        today: NaiveDate,
    ) -> RecordForm {
        let roster = &view.roster;
        let line = |s: &str| TextInput::new(s, false);
        let list = |ids: &[PersonId]| {
            ids.iter()
                .map(|id| person_ref(roster, *id))
                .collect::<Vec<_>>()
                .join(joiner(lang))
        };
        let kind = editing.map_or(RecordKind::ALL[0], |r| r.kind);
        let prefill = view.catalogue.prefill(kind);
        let mut form = RecordForm {
            lang,
            today,
            editing: editing.map(|r| r.id),
            kind,
            kind_filter: line(""),
            date: line(&editing.map_or_else(
                || lang.pick("今天", "today").to_string(),
                |r| r.date.format("%Y-%m-%d").to_string(),
            )),
            covers: line(
                &editing
                    .and_then(|r| r.covers_year)
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
            ),
            topic: line(editing.map_or("", |r| r.topic.as_str())),
            host: line(
                &editing
                    .and_then(|r| r.host)
                    .map(|h| person_ref(roster, h))
                    .unwrap_or_default(),
            ),
            partners: line(&editing.map(|r| list(&r.partners)).unwrap_or_default()),
            attendees: line(&editing.map(|r| list(&r.attendees)).unwrap_or_default()),
            absentees: line(
                &editing
                    .map(|r| {
                        r.absentees
                            .iter()
                            .map(|a| {
                                let who = person_ref(roster, a.person);
                                if a.reason.is_empty() {
                                    who
                                } else {
                                    format!("{who}:{}", a.reason)
                                }
                            })
                            .collect::<Vec<_>>()
                            .join(joiner(lang))
                    })
                    .unwrap_or_default(),
            ),
            notes: TextInput::new(editing.map_or("", |r| r.notes.as_str()), true),
            duties_touched: editing.is_some_and(|r| r.duties != prefill),
            duties: editing.map_or(prefill, |r| r.duties.clone()),
            pinned: None,
            duty_cursor: 0,
            evidence: editing.map(|r| r.evidence.clone()).unwrap_or_default(),
            focus: Slot::Kind,
            cand_sel: 0,
            cand_hidden: false,
            error: None,
            confirm_discard: false,
            caution: Vec::new(),
            initial: NewRecord::default(),
            names: active_names(view),
            groups: groups::of(lang, view, Some(today)),
            all_duties: view
                .catalogue
                .duties
                .iter()
                .map(|d| {
                    let title = crate::i18n::domain::duty_title(lang, d);
                    (d.id.clone(), title.to_string())
                })
                .collect(),
            acting: acting::Acting::of(view),
        };
        // Show the ticked duties, not the top of the catalogue.
        form.show_ticked();
        form.initial = form.build();
        form
    }

    /// A new record for `duty`: the first kind that counts toward it (with
    /// that kind's prefill), and the duty itself ticked even if the kind
    /// alone would not tick it. The form still counts as unchanged.
    #[must_use]
    pub fn for_duty(mut self, duty: &Duty, view: &YearView) -> RecordForm {
        if let Some(kind) = duty.counts.first() {
            self.kind = *kind;
            self.duties = view.catalogue.prefill(*kind);
        }
        self.pinned = Some(duty.id.clone());
        self.pin();
        if let Some(at) = self.all_duties.iter().position(|(id, _)| *id == duty.id) {
            self.duty_cursor = at;
        }
        self.focus = Slot::Topic;
        self.initial = self.build();
        self
    }

    /// A new record of `kind` (the last kind used): its prefill ticked,
    /// the cursor in the topic. The form still counts as unchanged.
    #[must_use]
    pub fn with_kind(mut self, kind: RecordKind, view: &YearView) -> RecordForm {
        self.kind = kind;
        self.duties = view.catalogue.prefill(kind);
        self.show_ticked();
        self.focus = Slot::Topic;
        self.initial = self.build();
        self
    }

    /// The host filled in (the person at the keyboard), if still empty.
    #[must_use]
    pub fn with_host(mut self, name: &str) -> RecordForm {
        if self.host.is_empty() {
            self.host = TextInput::new(name, false);
            self.initial = self.build();
        }
        self
    }

    /// A talk still owed: `host` with `partner`, for the coverage `duty`.
    #[must_use]
    pub fn for_talk(self, duty: &Duty, view: &YearView, host: &str, partner: &str) -> RecordForm {
        let mut form = self.for_duty(duty, view);
        form.host = TextInput::new(host, false);
        form.partners = TextInput::new(partner, false);
        form.initial = form.build();
        form
    }

    /// Scroll the duty list to the first ticked duty.
    fn show_ticked(&mut self) {
        self.duty_cursor = self
            .all_duties
            .iter()
            .position(|(id, _)| self.duties.contains(id))
            .unwrap_or(0);
    }

    /// Keep the pinned duty ticked.
    pub(super) fn pin(&mut self) {
        if let Some(id) = &self.pinned
            && !self.duties.contains(id)
        {
            self.duties.push(id.clone());
        }
    }
}
