//! The rectification form: source (picked from the list with ←/→), problem,
//! measures, owner (with name completion), deadline (the record form's date
//! parser) and duties (a toggle list). Built on the record form's text
//! input and completion; submits only what the core's validation accepts.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};

use crate::tui::keymap::{FormCmd, form_cmd};

use crate::core::date::parse_date;
use crate::core::{DutyId, Field, FixId, FixItem, FixSource, NewFix, ValidationError, YearView};
use crate::i18n::Lang;
use crate::tui::form::complete::{self, Shape};
use crate::tui::form::text::{Applied, TextInput};

use super::FixOutcome;

/// The form's fields in focus order; duties last, so Enter there saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FSlot {
    Source,
    Problem,
    Measures,
    Owner,
    Deadline,
    Duties,
}

impl FSlot {
    pub const ALL: [FSlot; 6] = [
        FSlot::Source,
        FSlot::Problem,
        FSlot::Measures,
        FSlot::Owner,
        FSlot::Deadline,
        FSlot::Duties,
    ];

    pub fn field(self) -> Field {
        match self {
            FSlot::Source => Field::Source,
            FSlot::Problem => Field::Issue,
            FSlot::Measures => Field::Measures,
            FSlot::Owner => Field::Owner,
            FSlot::Deadline => Field::Deadline,
            FSlot::Duties => Field::Duties,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixForm {
    pub(super) lang: Lang,
    pub(super) today: NaiveDate,
    pub(super) editing: Option<FixId>,
    /// Index into `FixSource::ALL`.
    pub(super) source: usize,
    pub(super) problem: TextInput,
    pub(super) measures: TextInput,
    pub(super) owner: TextInput,
    pub(super) deadline: TextInput,
    pub(super) duties: Vec<DutyId>,
    pub(super) duty_cursor: usize,
    /// Kept from the item being edited; the form does not show it.
    opened: Option<NaiveDate>,
    pub(super) focus: FSlot,
    pub(super) cand_sel: usize,
    cand_hidden: bool,
    pub(super) error: Option<ValidationError>,
    pub(super) confirm_discard: bool,
    initial: NewFix,
    names: Vec<String>,
    /// Every duty of the catalogue: id and title.
    pub(super) all_duties: Vec<(DutyId, String)>,
}

impl FixForm {
    pub fn new(lang: Lang, view: &YearView, editing: Option<&FixItem>) -> FixForm {
        let line = |s: &str| TextInput::new(s, false);
        let mut form = FixForm {
            lang,
            today: view.today,
            editing: editing.map(|f| f.id),
            source: editing
                .and_then(|f| FixSource::ALL.iter().position(|s| *s == f.source))
                .unwrap_or(0),
            problem: line(editing.map_or("", |f| f.problem.as_str())),
            measures: line(editing.map_or("", |f| f.measures.as_str())),
            owner: line(&editing.map_or_else(String::new, |f| view.roster.name(f.owner))),
            deadline: line(&editing.map_or_else(String::new, |f| f.deadline.to_string())),
            duties: editing.map(|f| f.duties.clone()).unwrap_or_default(),
            duty_cursor: 0,
            opened: editing.map(|f| f.opened),
            focus: FSlot::Source,
            cand_sel: 0,
            cand_hidden: false,
            error: None,
            confirm_discard: false,
            initial: NewFix::default(),
            names: view.roster.active().map(|p| p.name.clone()).collect(),
            all_duties: view
                .catalogue
                .duties
                .iter()
                .map(|d| {
                    let title = crate::i18n::domain::duty_title(lang, d).to_string();
                    (d.id.clone(), title)
                })
                .collect(),
        };
        form.initial = form.build();
        form
    }

    pub fn editing(&self) -> Option<FixId> {
        self.editing
    }

    pub fn error(&self) -> Option<&ValidationError> {
        self.error.as_ref()
    }

    pub fn source(&self) -> FixSource {
        FixSource::ALL
            .get(self.source)
            .copied()
            .unwrap_or(FixSource::Other)
    }

    /// What the form holds now, as the core's raw input.
    pub fn build(&self) -> NewFix {
        let ids = self.all_duties.iter().map(|(id, _)| id);
        NewFix {
            source: self.source().id().to_string(),
            problem: self.problem.text().trim().to_string(),
            duties: ids
                .filter(|id| self.duties.contains(id))
                .map(|d| d.0.clone())
                .collect(),
            measures: self.measures.text().trim().to_string(),
            owner: self.owner.text().trim().to_string(),
            deadline: parse_date(self.deadline.text(), self.today).ok(),
            opened: self.opened,
        }
    }

    pub fn changed(&self) -> bool {
        self.build() != self.initial
    }

    pub fn set_error(&mut self, e: ValidationError) {
        if let Some(s) = FSlot::ALL.into_iter().find(|s| s.field() == e.field) {
            self.focus = s;
        }
        self.error = Some(e);
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(input) = self.input_mut() {
            input.insert_str(text);
            self.edited();
        }
    }

    pub(super) fn input(&self, slot: FSlot) -> Option<&TextInput> {
        match slot {
            FSlot::Problem => Some(&self.problem),
            FSlot::Measures => Some(&self.measures),
            FSlot::Owner => Some(&self.owner),
            FSlot::Deadline => Some(&self.deadline),
            FSlot::Source | FSlot::Duties => None,
        }
    }

    fn input_mut(&mut self) -> Option<&mut TextInput> {
        match self.focus {
            FSlot::Problem => Some(&mut self.problem),
            FSlot::Measures => Some(&mut self.measures),
            FSlot::Owner => Some(&mut self.owner),
            FSlot::Deadline => Some(&mut self.deadline),
            FSlot::Source | FSlot::Duties => None,
        }
    }

    /// The owner's completion list (empty when closed).
    pub(super) fn candidates(&self) -> Vec<String> {
        if self.cand_hidden || self.confirm_discard || self.focus != FSlot::Owner {
            return Vec::new();
        }
        complete::candidates(&self.owner, Shape::Single, &self.names)
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

    fn move_focus(&mut self, step: isize) {
        let here = FSlot::ALL
            .iter()
            .position(|s| *s == self.focus)
            .unwrap_or(0);
        let n = FSlot::ALL.len().cast_signed();
        let next = (here.cast_signed() + step).rem_euclid(n);
        self.focus = FSlot::ALL
            .get(next.unsigned_abs())
            .copied()
            .unwrap_or(FSlot::Source);
        self.cand_sel = 0;
        self.cand_hidden = false;
    }

    fn cycle_source(&mut self, step: isize) {
        let n = FixSource::ALL.len().cast_signed();
        self.source = (self.source.cast_signed() + step)
            .rem_euclid(n)
            .unsigned_abs();
        self.edited();
    }

    fn toggle_duty(&mut self) {
        let Some((id, _)) = self.all_duties.get(self.duty_cursor) else {
            return;
        };
        if let Some(at) = self.duties.iter().position(|d| d == id) {
            self.duties.remove(at);
        } else {
            self.duties.push(id.clone());
        }
        self.edited();
    }

    /// Validate with the core; on success hand the item to the screen.
    fn submit(&mut self, view: &YearView) -> FixOutcome {
        if let Err(p) = parse_date(self.deadline.text(), self.today) {
            self.set_error(ValidationError::new(Field::Deadline, p));
            return FixOutcome::Continue;
        }
        let input = self.build();
        match input.validate(&view.catalogue, &view.roster, self.today) {
            Ok(_) => {
                self.error = None;
                match self.editing {
                    Some(id) => FixOutcome::Edit(id, input),
                    None => FixOutcome::Add(input),
                }
            }
            Err(e) => {
                self.set_error(e);
                FixOutcome::Continue
            }
        }
    }

    /// The footer hints for the focused field, from the form key table.
    pub fn hints(&self) -> Vec<(String, String)> {
        use crate::i18n::form::{Text, text as t};
        let lang = self.lang;
        let w = |x: Text| Some(t(lang, x));
        let open = !self.candidates().is_empty();
        let (duties, source) = (self.focus == FSlot::Duties, self.focus == FSlot::Source);
        crate::tui::form::table_hints(false, false, |c| match c {
            FormCmd::Save => w(Text::Save),
            FormCmd::Enter | FormCmd::Next if open => w(Text::Accept),
            FormCmd::Next => w(Text::NextField),
            FormCmd::Left | FormCmd::Right if source => w(Text::ChooseSource),
            FormCmd::Space if duties => w(Text::Toggle),
            FormCmd::Close if open => w(Text::CloseList),
            FormCmd::Close => w(Text::Cancel),
            _ => None,
        })
    }

    /// A key: its command from the form key table, or text for the field.
    pub fn handle_key(&mut self, key: KeyEvent, view: &YearView) -> FixOutcome {
        match form_cmd(&key, self.confirm_discard) {
            Some(cmd) => self.command(cmd, view),
            None if self.confirm_discard => FixOutcome::Continue,
            None => {
                self.text_key(&key);
                FixOutcome::Continue
            }
        }
    }

    fn command(&mut self, cmd: FormCmd, view: &YearView) -> FixOutcome {
        if self.confirm_discard {
            match cmd {
                FormCmd::Yes | FormCmd::Abandon => return FixOutcome::Closed,
                FormCmd::No => self.confirm_discard = false,
                _ => {}
            }
            return FixOutcome::Continue;
        }
        let cands = self.candidates();
        let open = !cands.is_empty();
        let duties = self.focus == FSlot::Duties;
        match cmd {
            FormCmd::Save => return self.submit(view),
            FormCmd::Close if open => self.cand_hidden = true,
            FormCmd::Close | FormCmd::Abandon if self.changed() => self.confirm_discard = true,
            FormCmd::Close | FormCmd::Abandon => return FixOutcome::Closed,
            FormCmd::Next | FormCmd::Enter if open => {
                let choice = &cands[self.cand_sel.min(cands.len() - 1)];
                let lang = self.lang;
                complete::accept(&mut self.owner, Shape::Single, choice, lang);
                self.edited();
            }
            FormCmd::Enter if duties => return self.submit(view),
            FormCmd::Up if open => self.cand_sel = self.cand_sel.saturating_sub(1),
            FormCmd::Down if open => self.cand_sel = (self.cand_sel + 1).min(cands.len() - 1),
            FormCmd::Up if duties && self.duty_cursor > 0 => self.duty_cursor -= 1,
            FormCmd::Down if duties && self.duty_cursor + 1 < self.all_duties.len() => {
                self.duty_cursor += 1;
            }
            FormCmd::Down if duties => {}
            FormCmd::Next | FormCmd::Enter | FormCmd::Down => self.move_focus(1),
            FormCmd::Prev | FormCmd::Up => self.move_focus(-1),
            FormCmd::Left if self.focus == FSlot::Source => self.cycle_source(-1),
            FormCmd::Right if self.focus == FSlot::Source => self.cycle_source(1),
            FormCmd::Space if duties => self.toggle_duty(),
            FormCmd::Left => self.text_key(&KeyEvent::from(KeyCode::Left)),
            FormCmd::Right => self.text_key(&KeyEvent::from(KeyCode::Right)),
            FormCmd::Space => self.text_key(&KeyEvent::from(KeyCode::Char(' '))),
            FormCmd::Yes | FormCmd::No => {}
        }
        FixOutcome::Continue
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
