//! The roster screen: a table of people with add, edit and retire, each
//! holding from a day (自何日起), and the person form. Pure state: keys in,
//! `RosterOutcome` out; the app applies the change through the ledger and
//! reports errors back.

mod draft;
mod draw;
mod person;
mod retire;
mod words;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use crate::core::{NewPerson, Person, PersonId, ValidationError, YearView};
use crate::i18n::Lang;
use crate::i18n::form::{Text, text as t};
use crate::tui::form::table_hints;
use crate::tui::keymap::FormCmd;

pub use draft::PersonDraft;
use person::{PersonForm, PersonOutcome};
use retire::{RetireOutcome, RetirePrompt};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterOutcome {
    Continue,
    /// A new person, on the roster from the day given (none: since always).
    Add(NewPerson, Option<NaiveDate>),
    /// A person's new details, holding from the day given.
    Edit(PersonId, NewPerson, Option<NaiveDate>),
    /// Off the roster from the day given.
    Retire(PersonId, NaiveDate),
    Close,
}

/// Where a list move goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    Top,
    Bottom,
}

#[derive(Debug, Clone)]
enum Mode {
    List,
    Retire(Box<RetirePrompt>),
    Form(Box<PersonForm>),
}

#[derive(Debug, Clone)]
pub struct RosterScreen {
    lang: Lang,
    /// Index into the people shown.
    sel: usize,
    show_retired: bool,
    mode: Mode,
    /// The form or prompt just submitted, reopened if the app reports an
    /// error.
    pending: Option<Mode>,
    notice: Option<ValidationError>,
    /// Asked to change the roster of this closed year: it shows the roster
    /// as sealed, and an edit from it would write those old values as new.
    sealed: Option<i32>,
}

impl RosterScreen {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            sel: 0,
            show_retired: false,
            mode: Mode::List,
            pending: None,
            notice: None,
            sealed: None,
        }
    }

    fn shown<'a>(&self, view: &'a YearView) -> Vec<&'a Person> {
        view.roster
            .people
            .iter()
            .filter(|p| self.show_retired || !p.retired)
            .collect()
    }

    /// Show an error from the ledger: in the form just submitted, reopened,
    /// or on the list's status line.
    pub fn set_error(&mut self, e: ValidationError) {
        if let Some(mode) = self.pending.take() {
            self.mode = mode;
        }
        match &mut self.mode {
            Mode::Form(form) => form.set_error(e),
            Mode::Retire(prompt) => prompt.error = Some(e),
            Mode::List => self.notice = Some(e),
        }
    }

    /// Pasted text goes into the person form's focused field.
    pub fn paste(&mut self, text: &str) {
        match &mut self.mode {
            Mode::Form(form) => form.paste(text),
            Mode::Retire(prompt) => prompt.paste(text),
            Mode::List => {}
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &YearView) -> RosterOutcome {
        if key.kind == KeyEventKind::Release {
            return RosterOutcome::Continue;
        }
        self.pending = None;
        match std::mem::replace(&mut self.mode, Mode::List) {
            Mode::List => self.list_key(key, view),
            Mode::Retire(mut prompt) => match prompt.handle_key(&key) {
                RetireOutcome::Continue => {
                    self.mode = Mode::Retire(prompt);
                    RosterOutcome::Continue
                }
                RetireOutcome::Cancelled => RosterOutcome::Continue,
                RetireOutcome::Retire(id, day) => {
                    self.pending = Some(Mode::Retire(prompt));
                    RosterOutcome::Retire(id, day)
                }
            },
            Mode::Form(mut form) => match form.handle_key(key, view) {
                PersonOutcome::Continue => {
                    self.mode = Mode::Form(form);
                    RosterOutcome::Continue
                }
                PersonOutcome::Cancelled => RosterOutcome::Continue,
                PersonOutcome::Submit(person, from) => {
                    let out = match form.editing {
                        Some(id) => RosterOutcome::Edit(id, person, from),
                        None => RosterOutcome::Add(person, from),
                    };
                    self.pending = Some(Mode::Form(form));
                    out
                }
            },
        }
    }

    fn list_key(&mut self, key: KeyEvent, view: &YearView) -> RosterOutcome {
        match key.code {
            KeyCode::Char('j') | KeyCode::Down => self.select(view, Move::Down),
            KeyCode::Char('k') | KeyCode::Up => self.select(view, Move::Up),
            KeyCode::Char('g') | KeyCode::Home => self.select(view, Move::Top),
            KeyCode::Char('G') | KeyCode::End => self.select(view, Move::Bottom),
            KeyCode::Char('a') => self.add(view),
            KeyCode::Char('e') | KeyCode::Enter => self.edit(view),
            KeyCode::Char('r') => self.retire(view),
            KeyCode::Char('t') => self.toggle_retired(),
            KeyCode::Esc | KeyCode::Char('q') => return RosterOutcome::Close,
            _ => {}
        }
        RosterOutcome::Continue
    }

    /// Whether the person form or the retire question is open: then every
    /// key belongs to `handle_key`.
    pub fn captures_keys(&self) -> bool {
        !matches!(self.mode, Mode::List)
    }

    /// Move the selection in the list.
    pub fn select(&mut self, view: &YearView, to: Move) {
        let last = self.shown(view).len().saturating_sub(1);
        self.notice = None;
        self.sealed = None;
        self.sel = match to {
            Move::Up => self.sel.saturating_sub(1),
            Move::Down => self.sel.saturating_add(1),
            Move::Top => 0,
            Move::Bottom => last,
        }
        .min(last);
    }

    /// In a closed year's view, say the roster is read-only here.
    fn refused_as_sealed(&mut self, view: &YearView) -> bool {
        self.notice = None;
        self.sealed = view.closed.then_some(view.year);
        view.closed
    }

    /// Open the person form for a new person.
    pub fn add(&mut self, view: &YearView) {
        if self.refused_as_sealed(view) {
            return;
        }
        self.mode = Mode::Form(Box::new(PersonForm::new(self.lang, view, None)));
    }

    /// Open the person form on the selected person.
    pub fn edit(&mut self, view: &YearView) {
        if self.refused_as_sealed(view) {
            return;
        }
        let shown = self.shown(view);
        if let Some(p) = shown.get(self.sel.min(shown.len().saturating_sub(1))) {
            self.mode = Mode::Form(Box::new(PersonForm::new(self.lang, view, Some(p))));
        }
    }

    /// Ask whether to retire the selected person.
    pub fn retire(&mut self, view: &YearView) {
        if self.refused_as_sealed(view) {
            return;
        }
        let shown = self.shown(view);
        if let Some(p) = shown
            .get(self.sel.min(shown.len().saturating_sub(1)))
            .filter(|p| !p.retired)
        {
            self.mode = Mode::Retire(Box::new(RetirePrompt::new(
                self.lang, p.id, &p.name, view.today,
            )));
        }
    }

    pub fn toggle_retired(&mut self) {
        self.notice = None;
        self.sealed = None;
        self.show_retired = !self.show_retired;
    }

    /// The footer hints of the open person form or retire question, from
    /// the form key table.
    pub fn hints(&self) -> Vec<(String, String)> {
        let lang = self.lang;
        let w = |x: Text| Some(t(lang, x));
        match &self.mode {
            Mode::List => Vec::new(),
            Mode::Retire(..) => table_hints(false, false, |c| match c {
                FormCmd::Save | FormCmd::Enter => w(Text::Retire),
                FormCmd::Close => w(Text::Cancel),
                _ => None,
            }),
            Mode::Form(f) if f.confirm_discard => table_hints(true, false, |c| match c {
                FormCmd::Yes => w(Text::Discard),
                FormCmd::No => w(Text::KeepEditing),
                _ => None,
            }),
            Mode::Form(f) => {
                let open = !f.candidates().is_empty();
                let roles = f.focus == person::PSlot::Roles;
                let last = f.focus == person::PSlot::From;
                table_hints(false, false, |c| match c {
                    FormCmd::Save => w(Text::Save),
                    FormCmd::Enter | FormCmd::Next if open => w(Text::Accept),
                    FormCmd::Enter if last => w(Text::Save),
                    FormCmd::Next => w(Text::NextField),
                    FormCmd::Prev => w(Text::PrevField),
                    FormCmd::Up | FormCmd::Down if open => w(Text::Candidates),
                    FormCmd::Space if roles => w(Text::Toggle),
                    FormCmd::Close if open => w(Text::CloseList),
                    FormCmd::Close => w(Text::Cancel),
                    _ => None,
                })
            }
        }
    }
}
