//! The TUI's state and its one transition, `update(Action) -> Vec<Effect>`.
//! Nothing here does IO: effects are data the loop applies, and what came of
//! them returns through `settle`. Selections are kept within their lists.

mod audit;
mod filter;
mod fixes;
mod forms;
mod nav;
mod screen;
pub mod select;
mod settle;

use chrono::NaiveDate;
use serde::Serialize;

pub use audit::{History, Trash};
pub use screen::Screen;

use super::action::Action;
use super::draft::Draft;
use super::effect::Effect;
use super::fix::FixScreen;
use super::form::RecordForm;
use super::keymap::Mode;
use super::roster::RosterScreen;
use super::theme::Theme;
use crate::core::{Record, RecordId, RecordKind, YearView};
use crate::i18n::Lang;
use crate::tui::text::{self as msg, T};

/// Rows moved by PgUp/PgDn.
pub const PAGE: usize = 10;

/// The checklist's three panes, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pane {
    Lists,
    Duties,
    Detail,
}

/// The overview's two lists that take a selection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OverviewPane {
    /// The duties furthest behind: Enter opens one in the checklist.
    #[default]
    Behind,
    /// The talks still owed: Enter starts the record of one.
    Talks,
    /// The consistency findings (`core::check`): Enter shows the record.
    Findings,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checklist {
    pub focus: Option<Pane>,
    /// Index into `ListId::ALL`.
    pub list: usize,
    /// Index into the visible duties (see `select::duties`).
    pub duty: usize,
    pub detail_scroll: u16,
    /// Index into the selected duty's counted records: the one `H` shows
    /// the history of.
    pub pick: usize,
}

impl Checklist {
    pub fn focus(&self) -> Pane {
        self.focus.unwrap_or(Pane::Lists)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    ConfirmDelete(RecordId),
    Form(Box<RecordForm>),
    /// A record's change history.
    History(Box<History>),
    /// Deleted records, to restore one.
    Trash(Box<Trash>),
    /// At start: the drafts interrupted sessions left (`State::drafts`),
    /// offered back; the index is the one selected.
    OfferDrafts(usize),
}

/// A record just written, for the notice after the reload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub id: RecordId,
    pub updated: bool,
    /// The duty the notice names: the one the form was opened for, else
    /// the first with a quota.
    pub duty: Option<crate::core::DutyId>,
    /// How many other duties the record counts toward.
    pub others: usize,
    /// That duty's count before the save, to tell when it did not move.
    pub before: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

pub struct State {
    pub lang: Lang,
    pub theme: Theme,
    pub today: NaiveDate,
    pub view: YearView,
    pub screen: Screen,
    pub overlay: Overlay,
    pub checklist: Checklist,
    /// The checklist's text filter over duties.
    pub filter: String,
    /// The records screen's own filter (date, kind, topic, people, notes).
    pub record_filter: String,
    /// Typing into the filter.
    pub filtering: bool,
    /// Index into the visible records (see `select::records`).
    pub record: usize,
    /// Index into the overview's duties furthest behind.
    pub overview: usize,
    /// Which overview list has the selection.
    pub overview_pane: OverviewPane,
    /// Index into the overview's talks still owed.
    pub owed: usize,
    /// Index into the year's consistency findings (`YearView::findings`).
    pub finding: usize,
    /// The Unix user at the keyboard, as the ledger knows it; the roster
    /// maps it to a person, who hosts new records by default.
    pub user: Option<String>,
    /// The kind of the last record added, which the next new one starts as.
    pub last_kind: Option<RecordKind>,
    pub roster: RosterScreen,
    /// The rectification screen: filter, selection, form and prompt.
    pub fixes: FixScreen,
    /// A record just saved: once the year is reloaded the status line says
    /// where it counted.
    pub saved: Option<Saved>,
    pub talks_scroll: u16,
    /// Index into the talks still owed (`YearView::owed_talks`): the one
    /// Enter on the talk screen starts.
    pub talks_sel: usize,
    pub help_scroll: u16,
    pub notice: Option<Notice>,
    /// Deleted records, newest last, for undo.
    pub undo: Vec<Record>,
    /// Drafts of earlier, interrupted sessions still waiting (oldest first).
    pub drafts: Vec<Draft>,
    pub quit: bool,
    /// The terminal's size (columns, rows), so scrolling stops at the end.
    pub size: (u16, u16),
    /// The ledger's revision the view was loaded at; a different one means
    /// someone changed the ledger since.
    pub revision: Option<u64>,
}

impl State {
    pub fn new(view: YearView, lang: Lang, theme: Theme) -> State {
        State {
            lang,
            theme,
            today: view.today,
            view,
            screen: Screen::Overview,
            overlay: Overlay::None,
            checklist: Checklist::default(),
            filter: String::new(),
            record_filter: String::new(),
            filtering: false,
            record: 0,
            overview: 0,
            overview_pane: OverviewPane::Behind,
            owed: 0,
            finding: 0,
            user: None,
            last_kind: None,
            roster: RosterScreen::new(lang),
            fixes: FixScreen::default(),
            saved: None,
            talks_scroll: 0,
            talks_sel: 0,
            help_scroll: 0,
            notice: None,
            undo: Vec::new(),
            drafts: Vec::new(),
            quit: false,
            size: (80, 24),
            revision: None,
        }
    }

    /// Which key table applies now.
    pub fn mode(&self) -> Mode {
        match self.overlay {
            Overlay::Form(_) => Mode::Form,
            Overlay::Help => Mode::Help,
            Overlay::ConfirmDelete(_) => Mode::ConfirmDelete,
            Overlay::History(_) => Mode::History,
            Overlay::Trash(_) => Mode::Trash,
            Overlay::OfferDrafts(_) => Mode::OfferDraft,
            Overlay::None if self.filtering => Mode::Filter,
            Overlay::None if self.screen == Screen::Roster && self.roster.captures_keys() => {
                Mode::RosterForm
            }
            Overlay::None if self.screen == Screen::Fixes && self.fixes.captures_keys() => {
                Mode::FixForm
            }
            Overlay::None => self.screen.mode(),
        }
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if !matches!(
            action,
            Action::FormKey(_) | Action::RosterKey(_) | Action::FixKey(_) | Action::Paste(_)
        ) {
            self.notice = None;
        }
        match action {
            Action::Quit => {
                self.quit = true;
                return vec![Effect::Quit];
            }
            Action::Help => {
                self.overlay = Overlay::Help;
                self.help_scroll = 0;
            }
            Action::ShowOverview => self.show(Screen::Overview),
            Action::ShowChecklist => self.show(Screen::Checklist),
            Action::ShowRecords => self.show(Screen::Records),
            Action::ShowTalks => self.show(Screen::Talks),
            Action::ShowRoster => self.show(Screen::Roster),
            Action::ShowFixes => self.show(Screen::Fixes),
            Action::FixKey(key) => return self.fix_key(key),
            Action::AddFix
            | Action::EditFix
            | Action::NoteFix
            | Action::StartFix
            | Action::RequestClosure
            | Action::CloseFix
            | Action::CycleFixFilter => return self.fix_action(&action),
            Action::PrevYear => return self.change_year(-1),
            Action::NextYear => return self.change_year(1),
            Action::AddRecord => self.open_form(None),
            Action::EditRecord => match self.selected_record() {
                Some(id) => self.open_form(Some(id)),
                None => self.info(msg::text(self.lang, T::NoRecordSelected)),
            },
            Action::DeleteRecord => match self.selected_record() {
                Some(id) => self.overlay = Overlay::ConfirmDelete(id),
                None => self.info(msg::text(self.lang, T::NoRecordSelected)),
            },
            Action::Confirm => match &self.overlay {
                Overlay::ConfirmDelete(id) => {
                    let id = *id;
                    self.overlay = Overlay::None;
                    return vec![Effect::DeleteRecord(id)];
                }
                Overlay::OfferDrafts(_) => self.accept_draft(),
                _ => {}
            },
            Action::Cancel => self.overlay = Overlay::None,
            Action::RestoreDraft => self.accept_draft(),
            Action::StartTalk => {
                if let Some(owed) = self.view.owed_talks().get(self.talks_sel) {
                    self.start_talk(&owed.clone());
                }
            }
            Action::DiscardDraft => self.discard_draft(),
            Action::ShowHistory => return self.show_history(),
            Action::ShowTrash => return vec![Effect::LoadTrash],
            Action::RestoreFromTrash => return self.restore_selected(),
            Action::PickNext => self.pick(1),
            Action::PickPrev => self.pick(-1),
            Action::Undo => match self.undo.pop() {
                Some(record) => return vec![Effect::RestoreRecord(record)],
                None => self.info(msg::text(self.lang, T::NothingToUndo)),
            },
            Action::Filter => {
                self.filtering = true;
                self.start_filter();
            }
            Action::FilterChar(c) => {
                self.filter_mut().push(c);
                self.start_filter();
            }
            Action::FilterBackspace => {
                self.filter_mut().pop();
                self.start_filter();
            }
            Action::FilterAccept => self.filtering = false,
            Action::FilterCancel => {
                self.filtering = false;
                self.filter_mut().clear();
                self.start_filter();
            }
            Action::Paste(text) => self.paste(&text),
            Action::FormKey(key) => return self.form_key(key),
            Action::RosterKey(key) => return self.roster_key(key),
            // From the overview (first run): straight into the roster's form.
            Action::AddPerson if self.screen != Screen::Roster => {
                self.screen = Screen::Roster;
                self.roster.add(&self.view);
            }
            Action::AddPerson
            | Action::EditPerson
            | Action::RetirePerson
            | Action::ToggleRetired => self.roster_action(&action),
            Action::SubmitRecord(input) => {
                let editing = match &self.overlay {
                    Overlay::Form(form) => form.editing(),
                    _ => None,
                };
                return match editing {
                    Some(id) => vec![Effect::UpdateRecord(id, input)],
                    None => vec![Effect::SaveRecord(input)],
                };
            }
            Action::Back
            | Action::Open
            | Action::NextPane
            | Action::PrevPane
            | Action::NextScreen
            | Action::PrevScreen
            | Action::Up
            | Action::Down
            | Action::Left
            | Action::Right
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown => self.navigate(&action),
        }
        Vec::new()
    }

    fn show(&mut self, screen: Screen) {
        self.overlay = Overlay::None;
        self.screen = screen;
    }

    fn change_year(&mut self, delta: i32) -> Vec<Effect> {
        let year = self.view.year.saturating_add(delta);
        if super::effect::year_ok(year) {
            vec![Effect::LoadYear(year)]
        } else {
            self.info(msg::text(self.lang, T::YearOutOfRange));
            Vec::new()
        }
    }

    pub(crate) fn selected_record(&self) -> Option<RecordId> {
        if self.screen != Screen::Records {
            return None;
        }
        select::records(&self.view, &self.record_filter)
            .get(self.record)
            .map(|r| r.id)
    }
}
