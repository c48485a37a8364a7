//! The state's side of the audit overlays (a record's history, the trash),
//! of drafts offered back at start, and of keeping every selection on the
//! same item when the data is reloaded under it (by id, never by row).

use super::{Overlay, PAGE, Screen, State, select};
use crate::core::journal::JournalEntry;
use crate::core::{DutyId, PersonId, Record, RecordId};
use crate::tui::action::Action;
use crate::tui::draft::Draft;
use crate::tui::effect::Effect;
use crate::tui::form::RecordForm;
use crate::tui::text::{self as msg, T, audit as words};

/// A record's change history, as the overlay shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    pub record: RecordId,
    /// Journal entries about the record, oldest first.
    pub entries: Vec<JournalEntry>,
    pub scroll: u16,
    /// The trash this history was opened from; Esc goes back to it.
    pub back: Option<Box<Trash>>,
}

/// The deleted records, each with the entry that deleted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trash {
    pub items: Vec<(Record, JournalEntry)>,
    pub sel: usize,
}

impl Trash {
    pub fn selected(&self) -> Option<RecordId> {
        self.items.get(self.sel).map(|(r, _)| r.id)
    }

    fn reselect(&mut self, id: Option<RecordId>) {
        if let Some(at) = id.and_then(|id| self.items.iter().position(|(r, _)| r.id == id)) {
            self.sel = at;
        }
        self.sel = self.sel.min(self.items.len().saturating_sub(1));
    }
}

/// What each list had selected, by identity, before a reload.
pub(super) struct Anchors {
    record: Option<RecordId>,
    behind: Option<DutyId>,
    duty: Option<DutyId>,
    picked: Option<RecordId>,
    person: Option<PersonId>,
}

impl State {
    pub(super) fn anchors(&self) -> Anchors {
        let view = &self.view;
        let duty = self.checklist_duty();
        Anchors {
            record: select::records(view, &self.record_filter)
                .get(self.record)
                .map(|r| r.id),
            behind: select::furthest_behind(view)
                .get(self.overview)
                .map(|p| p.duty.clone()),
            duty: duty
                .and_then(|i| view.catalogue.duties.get(i))
                .map(|d| d.id.clone()),
            picked: self.picked_record(),
            person: self.roster.selected(view),
        }
    }

    /// Put each selection back on the item it was on, where it still is.
    pub(super) fn reanchor(&mut self, a: &Anchors) {
        let view = &self.view;
        if let Some(i) = a.record.and_then(|id| {
            select::records(view, &self.record_filter)
                .iter()
                .position(|r| r.id == id)
        }) {
            self.record = i;
        }
        if let Some(i) = a.behind.as_ref().and_then(|d| {
            select::furthest_behind(view)
                .iter()
                .position(|p| &p.duty == d)
        }) {
            self.overview = i;
        }
        let rows = select::duties(view, self.checklist.list, &self.filter);
        if let Some(i) = a.duty.as_ref().and_then(|d| {
            rows.iter().position(|r| {
                view.catalogue
                    .duties
                    .get(r.index)
                    .is_some_and(|x| &x.id == d)
            })
        }) {
            self.checklist.duty = i;
        }
        if let Some(i) = a.picked.and_then(|id| {
            self.duty_records()
                .and_then(|ids| ids.iter().position(|r| *r == id))
        }) {
            self.checklist.pick = i;
        }
        if let Some(id) = a.person {
            self.roster.reselect(&self.view, id);
        }
    }

    /// The catalogue index of the duty the checklist shows in detail.
    fn checklist_duty(&self) -> Option<usize> {
        select::duties(&self.view, self.checklist.list, &self.filter)
            .get(self.checklist.duty)
            .map(|r| r.index)
    }

    /// The records counting toward the checklist's duty.
    fn duty_records(&self) -> Option<&[RecordId]> {
        let i = self.checklist_duty()?;
        self.view.progress.get(i).map(|p| p.records.as_slice())
    }

    /// The record picked in the checklist's detail pane.
    pub fn picked_record(&self) -> Option<RecordId> {
        self.duty_records()?.get(self.checklist.pick).copied()
    }

    pub(super) fn pick(&mut self, delta: isize) {
        if self.screen != Screen::Checklist {
            return;
        }
        let len = self.duty_records().map_or(0, <[RecordId]>::len);
        if len == 0 {
            self.info(words::nothing_picked(self.lang));
            return;
        }
        self.checklist.pick = self
            .checklist
            .pick
            .saturating_add_signed(delta)
            .min(len - 1);
    }

    pub(super) fn show_history(&mut self) -> Vec<Effect> {
        let id = match &self.overlay {
            Overlay::Trash(t) => t.selected(),
            _ if self.screen == Screen::Checklist => self.picked_record(),
            _ => self.selected_record(),
        };
        if let Some(id) = id {
            return vec![Effect::LoadHistory(id)];
        }
        if self.screen == Screen::Checklist {
            self.info(words::nothing_picked(self.lang));
        } else {
            self.info(msg::text(self.lang, T::NoRecordSelected));
        }
        Vec::new()
    }

    pub(super) fn restore_selected(&mut self) -> Vec<Effect> {
        match &self.overlay {
            Overlay::Trash(t) => t
                .selected()
                .map(|id| vec![Effect::RestoreFromTrash(id), Effect::LoadTrash])
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    pub(super) fn history_loaded(&mut self, id: RecordId, entries: Vec<JournalEntry>) {
        match std::mem::replace(&mut self.overlay, Overlay::None) {
            Overlay::History(mut h) if h.record == id => {
                h.entries = entries;
                self.overlay = Overlay::History(h);
                self.clamp_history();
            }
            Overlay::Trash(t) => {
                self.overlay = Overlay::History(Box::new(History {
                    record: id,
                    entries,
                    scroll: 0,
                    back: Some(t),
                }));
            }
            _ => {
                self.overlay = Overlay::History(Box::new(History {
                    record: id,
                    entries,
                    scroll: 0,
                    back: None,
                }));
            }
        }
    }

    pub(super) fn trash_loaded(&mut self, items: Vec<(Record, JournalEntry)>) {
        match &mut self.overlay {
            Overlay::Trash(t) => {
                let keep = t.selected();
                t.items = items;
                t.reselect(keep);
            }
            Overlay::History(h) if h.back.is_some() => {
                if let Some(t) = &mut h.back {
                    let keep = t.selected();
                    t.items = items;
                    t.reselect(keep);
                }
            }
            _ => self.overlay = Overlay::Trash(Box::new(Trash { items, sel: 0 })),
        }
    }

    /// Keys of the history and trash overlays.
    pub(super) fn audit_nav(&mut self, action: &Action) {
        let max = crate::tui::view::history_max_scroll(self);
        match &mut self.overlay {
            Overlay::History(h) => {
                let page = u16::try_from(PAGE).unwrap_or(10);
                h.scroll = match action {
                    Action::Back => {
                        self.overlay = h.back.take().map_or(Overlay::None, Overlay::Trash);
                        return;
                    }
                    Action::Up => h.scroll.saturating_sub(1),
                    Action::Down => h.scroll.saturating_add(1),
                    Action::PageUp => h.scroll.saturating_sub(page),
                    Action::PageDown => h.scroll.saturating_add(page),
                    Action::Top => 0,
                    Action::Bottom => max,
                    _ => h.scroll,
                }
                .min(max);
            }
            Overlay::Trash(t) => {
                let last = t.items.len().saturating_sub(1);
                t.sel = match action {
                    Action::Back => {
                        self.overlay = Overlay::None;
                        return;
                    }
                    Action::Up => t.sel.saturating_sub(1),
                    Action::Down => t.sel.saturating_add(1),
                    Action::Top => 0,
                    Action::Bottom => last,
                    _ => t.sel,
                }
                .min(last);
            }
            _ => {}
        }
    }

    fn clamp_history(&mut self) {
        let max = crate::tui::view::history_max_scroll(self);
        if let Overlay::History(h) = &mut self.overlay {
            h.scroll = h.scroll.min(max);
        }
    }

    /// Someone else changed the ledger: what open overlays must re-read.
    pub fn refresh_effects(&self) -> Vec<Effect> {
        match &self.overlay {
            Overlay::History(h) => vec![Effect::LoadHistory(h.record)],
            Overlay::Trash(_) => vec![Effect::LoadTrash],
            _ => Vec::new(),
        }
    }

    /// Offer a draft an interrupted session left (answered with y/n).
    pub fn offer_draft(&mut self, draft: Draft) {
        self.offer_drafts(vec![draft]);
    }

    /// Offer back the drafts interrupted sessions left, if any.
    pub fn offer_drafts(&mut self, drafts: Vec<Draft>) {
        self.drafts = drafts;
        if !self.drafts.is_empty() {
            self.overlay = Overlay::OfferDrafts(0);
        }
    }

    /// What would be lost if the session ended now: the open form's values
    /// when they differ from how it opened (the waiting drafts of earlier
    /// sessions are `drafts`).
    pub fn draft(&self) -> Option<Draft> {
        match &self.overlay {
            Overlay::Form(form) if form.changed() => Some(Draft::Record(form.draft())),
            Overlay::None if self.screen == Screen::Roster => {
                self.roster.draft().map(Draft::Person)
            }
            _ => None,
        }
    }

    /// Throw the selected waiting draft away; the offer closes with the last.
    pub(super) fn discard_draft(&mut self) {
        let Overlay::OfferDrafts(sel) = self.overlay else {
            return;
        };
        if sel < self.drafts.len() {
            self.drafts.remove(sel);
        }
        self.info(msg::audit::draft_discarded(self.lang));
        self.overlay = if self.drafts.is_empty() {
            Overlay::None
        } else {
            Overlay::OfferDrafts(sel.min(self.drafts.len() - 1))
        };
    }

    /// Reopen the selected waiting draft's form; the others keep waiting
    /// for the next start.
    pub(super) fn accept_draft(&mut self) {
        let Overlay::OfferDrafts(sel) = self.overlay else {
            return;
        };
        self.overlay = Overlay::None;
        if sel >= self.drafts.len() {
            return;
        }
        let draft = self.drafts.remove(sel);
        match draft {
            Draft::Record(d) => {
                let form = RecordForm::from_draft(self.lang, &self.view, &d, self.today);
                self.overlay = Overlay::Form(Box::new(form));
            }
            Draft::Person(d) => {
                self.screen = Screen::Roster;
                self.roster.restore_draft(&self.view, &d);
            }
        }
    }
}
