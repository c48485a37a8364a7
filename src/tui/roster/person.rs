//! The person form of the roster screen: name, roles (a toggle list),
//! department, overseen departments and 联系点, with completion from the
//! departments and sites already on the roster, and the day the change
//! holds from (自何日起: today unless told, parsed like every form date).

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};

use crate::tui::keymap::{FormCmd, form_cmd};

use crate::core::date::parse_date;
use crate::core::error::Problem;
use crate::core::roster::History;
use crate::core::{Field, NewPerson, Person, PersonId, Role, ValidationError, YearView};
use crate::i18n::Lang;
use crate::tui::form::complete::{self, Shape, joiner};
use crate::tui::form::text::{Applied, TextInput};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PSlot {
    Name,
    Roles,
    Dept,
    Oversees,
    Links,
    From,
}

impl PSlot {
    pub(super) const ALL: [PSlot; 6] = [
        PSlot::Name,
        PSlot::Roles,
        PSlot::Dept,
        PSlot::Oversees,
        PSlot::Links,
        PSlot::From,
    ];

    pub(super) fn field(self) -> Field {
        match self {
            PSlot::Name => Field::Name,
            PSlot::Roles => Field::Roles,
            PSlot::Dept => Field::Dept,
            PSlot::Oversees => Field::Oversees,
            PSlot::Links => Field::Links,
            PSlot::From => Field::From,
        }
    }
}

pub(super) enum PersonOutcome {
    Continue,
    /// The person as typed, and the day it holds from (none: a new person
    /// on the roster since always).
    Submit(NewPerson, Option<NaiveDate>),
    Cancelled,
}

#[derive(Debug, Clone)]
pub(super) struct PersonForm {
    pub(super) lang: Lang,
    pub(super) editing: Option<PersonId>,
    pub(super) name: TextInput,
    pub(super) roles: Vec<Role>,
    pub(super) role_cursor: usize,
    pub(super) dept: TextInput,
    pub(super) oversees: TextInput,
    pub(super) links: TextInput,
    /// 自何日起, as typed.
    pub(super) from: TextInput,
    pub(super) today: NaiveDate,
    /// The dated changes of the person being edited, for the form to show.
    pub(super) history: History,
    pub(super) focus: PSlot,
    pub(super) cand_sel: usize,
    cand_hidden: bool,
    pub(super) error: Option<ValidationError>,
    pub(super) confirm_discard: bool,
    initial: NewPerson,
    initial_from: String,
    depts: Vec<String>,
    sites: Vec<String>,
}

fn sorted_unique(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = items.collect();
    v.sort();
    v.dedup();
    v
}

impl PersonForm {
    pub(super) fn new(lang: Lang, view: &YearView, editing: Option<&Person>) -> Self {
        let people = &view.roster.people;
        let depts = sorted_unique(
            people
                .iter()
                .flat_map(|p| p.dept.iter().chain(&p.oversees))
                .cloned(),
        );
        let sites = sorted_unique(people.iter().flat_map(|p| p.links.iter()).cloned());
        let line = |s: &str| TextInput::new(s, false);
        let mut form = Self {
            lang,
            editing: editing.map(|p| p.id),
            name: line(editing.map_or("", |p| p.name.as_str())),
            roles: editing.map_or_else(|| vec![Role::Member], |p| p.roles.clone()),
            role_cursor: 0,
            dept: line(editing.and_then(|p| p.dept.as_deref()).unwrap_or("")),
            oversees: line(&editing.map_or_else(String::new, |p| p.oversees.join(joiner(lang)))),
            links: line(&editing.map_or_else(String::new, |p| p.links.join(joiner(lang)))),
            // A change holds from today unless told; a new person is on the
            // roster since always unless told, as `people add` without
            // `--from` (a first roster is entered after the fact).
            from: line(if editing.is_some() {
                lang.pick("今天", "today")
            } else {
                ""
            }),
            today: view.today,
            history: editing.map(|p| p.history.clone()).unwrap_or_default(),
            focus: PSlot::Name,
            cand_sel: 0,
            cand_hidden: false,
            error: None,
            confirm_discard: false,
            initial: NewPerson::default(),
            initial_from: String::new(),
            depts,
            sites,
        };
        form.initial = form.build();
        form.initial_from = form.from.text().to_string();
        form
    }

    pub(super) fn build(&self) -> NewPerson {
        let dept = self.dept.text().trim();
        NewPerson {
            name: self.name.text().trim().to_string(),
            roles: Role::ALL
                .iter()
                .filter(|r| self.roles.contains(r))
                .map(|r| r.zh().to_string())
                .collect(),
            dept: (!dept.is_empty()).then(|| dept.to_string()),
            oversees: complete::split(self.oversees.text()),
            links: complete::split(self.links.text()),
        }
    }

    /// Whether anything differs from how the form opened.
    pub(super) fn changed(&self) -> bool {
        self.build() != self.initial || self.from.text() != self.initial_from
    }

    /// The day the change holds from. Empty means since always for a new
    /// person (as `people add` without `--from`), and is missing for an edit.
    pub(super) fn holds_from(&self) -> Result<Option<NaiveDate>, ValidationError> {
        let text = self.from.text().trim();
        if text.is_empty() {
            return if self.editing.is_none() {
                Ok(None)
            } else {
                Err(ValidationError::new(Field::From, Problem::Required))
            };
        }
        parse_date(text, self.today)
            .map(Some)
            .map_err(|p| ValidationError::new(Field::From, p))
    }

    pub(super) fn set_error(&mut self, e: ValidationError) {
        if let Some(s) = PSlot::ALL.into_iter().find(|s| s.field() == e.field) {
            self.focus = s;
        }
        self.error = Some(e);
    }

    pub(super) fn input(&self, slot: PSlot) -> Option<&TextInput> {
        match slot {
            PSlot::Name => Some(&self.name),
            PSlot::Dept => Some(&self.dept),
            PSlot::Oversees => Some(&self.oversees),
            PSlot::Links => Some(&self.links),
            PSlot::From => Some(&self.from),
            PSlot::Roles => None,
        }
    }

    fn input_mut(&mut self) -> Option<&mut TextInput> {
        match self.focus {
            PSlot::Name => Some(&mut self.name),
            PSlot::Dept => Some(&mut self.dept),
            PSlot::Oversees => Some(&mut self.oversees),
            PSlot::Links => Some(&mut self.links),
            PSlot::From => Some(&mut self.from),
            PSlot::Roles => None,
        }
    }

    fn completion(&self) -> Option<(Shape, &[String])> {
        match self.focus {
            PSlot::Dept => Some((Shape::Single, &self.depts)),
            PSlot::Oversees => Some((Shape::List, &self.depts)),
            PSlot::Links => Some((Shape::List, &self.sites)),
            PSlot::Name | PSlot::Roles | PSlot::From => None,
        }
    }

    /// The open completion list (empty when closed).
    pub(super) fn candidates(&self) -> Vec<String> {
        if self.cand_hidden || self.confirm_discard {
            return Vec::new();
        }
        match (self.completion(), self.input(self.focus)) {
            (Some((shape, pool)), Some(input)) => complete::candidates(input, shape, pool),
            _ => Vec::new(),
        }
    }

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

    pub(super) fn paste(&mut self, text: &str) {
        if let Some(input) = self.input_mut() {
            input.insert_str(text);
            self.edited();
        }
    }

    /// Move focus by `step` fields, wrapping. Leaving the date checks it.
    fn move_focus(&mut self, step: isize) {
        if self.focus == PSlot::From {
            match self.holds_from() {
                Err(e) => self.error = Some(e),
                Ok(_) if self.error.as_ref().is_some_and(|e| e.field == Field::From) => {
                    self.error = None;
                }
                Ok(_) => {}
            }
        }
        let here = PSlot::ALL
            .iter()
            .position(|s| *s == self.focus)
            .unwrap_or(0);
        let next = (here.cast_signed() + step).rem_euclid(PSlot::ALL.len().cast_signed());
        self.focus = PSlot::ALL
            .get(next.unsigned_abs())
            .copied()
            .unwrap_or(PSlot::Name);
        self.cand_sel = 0;
        self.cand_hidden = false;
    }

    fn submit(&mut self, view: &YearView) -> PersonOutcome {
        let person = self.build();
        let id = self.editing.unwrap_or(PersonId(u32::MAX));
        let checked = person
            .validate(id, &view.roster)
            .and_then(|_| self.holds_from());
        match checked {
            Ok(from) => PersonOutcome::Submit(person, from),
            Err(e) => {
                self.set_error(e);
                PersonOutcome::Continue
            }
        }
    }

    /// A key: its command from the form key table, or text for the field.
    pub(super) fn handle_key(&mut self, key: KeyEvent, view: &YearView) -> PersonOutcome {
        match form_cmd(&key, self.confirm_discard) {
            Some(cmd) => self.command(cmd, view),
            None if self.confirm_discard => PersonOutcome::Continue,
            None => {
                self.text_key(&key);
                PersonOutcome::Continue
            }
        }
    }

    fn command(&mut self, cmd: FormCmd, view: &YearView) -> PersonOutcome {
        if self.confirm_discard {
            match cmd {
                FormCmd::Yes | FormCmd::Abandon => return PersonOutcome::Cancelled,
                FormCmd::No => self.confirm_discard = false,
                _ => {}
            }
            return PersonOutcome::Continue;
        }
        let cands = self.candidates();
        let open = !cands.is_empty();
        let roles = self.focus == PSlot::Roles;
        let changed = self.changed();
        match cmd {
            FormCmd::Save => return self.submit(view),
            FormCmd::Close if open => self.cand_hidden = true,
            FormCmd::Close | FormCmd::Abandon if changed => self.confirm_discard = true,
            FormCmd::Close | FormCmd::Abandon => return PersonOutcome::Cancelled,
            FormCmd::Next | FormCmd::Enter if open => {
                let choice = &cands[self.cand_sel.min(cands.len() - 1)];
                let lang = self.lang;
                let shape = self.completion().map(|(shape, _)| shape);
                if let (Some(shape), Some(input)) = (shape, self.input_mut()) {
                    complete::accept(input, shape, choice, lang);
                }
                self.edited();
            }
            FormCmd::Enter if self.focus == PSlot::From => return self.submit(view),
            FormCmd::Up if open => self.cand_sel = self.cand_sel.saturating_sub(1),
            FormCmd::Down if open => self.cand_sel = (self.cand_sel + 1).min(cands.len() - 1),
            FormCmd::Up if roles && self.role_cursor > 0 => self.role_cursor -= 1,
            FormCmd::Down if roles && self.role_cursor + 1 < Role::ALL.len() => {
                self.role_cursor += 1;
            }
            FormCmd::Left if roles => self.role_cursor = self.role_cursor.saturating_sub(1),
            FormCmd::Right if roles => {
                self.role_cursor = (self.role_cursor + 1).min(Role::ALL.len() - 1);
            }
            FormCmd::Next | FormCmd::Enter | FormCmd::Down => self.move_focus(1),
            FormCmd::Prev | FormCmd::Up => self.move_focus(-1),
            FormCmd::Space if roles => {
                if let Some(r) = Role::ALL.get(self.role_cursor) {
                    if let Some(at) = self.roles.iter().position(|x| x == r) {
                        self.roles.remove(at);
                    } else {
                        self.roles.push(*r);
                    }
                    self.edited();
                }
            }
            FormCmd::Left => self.text_key(&KeyEvent::from(KeyCode::Left)),
            FormCmd::Right => self.text_key(&KeyEvent::from(KeyCode::Right)),
            FormCmd::Space => self.text_key(&KeyEvent::from(KeyCode::Char(' '))),
            FormCmd::Yes | FormCmd::No => {}
        }
        PersonOutcome::Continue
    }

    /// An editing key for the focused input, if it has one.
    fn text_key(&mut self, key: &KeyEvent) {
        if let Some(input) = self.input_mut()
            && input.apply(key) == Applied::Edited
        {
            self.edited();
        }
    }
}
