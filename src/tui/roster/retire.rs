//! Taking a person off the roster: a one-line prompt for the day they leave
//! (自何日起, today unless told), answered with the form key table: Enter or
//! Ctrl-S takes them off from that day, Esc keeps them.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;

use crate::core::date::parse_date;
use crate::core::error::Problem;
use crate::core::{Field, PersonId, ValidationError};
use crate::i18n::Lang;
use crate::tui::form::text::{Applied, TextInput};
use crate::tui::keymap::{FormCmd, form_cmd};

#[derive(Debug, Clone)]
pub(super) struct RetirePrompt {
    pub(super) id: PersonId,
    pub(super) name: String,
    pub(super) from: TextInput,
    pub(super) today: NaiveDate,
    pub(super) error: Option<ValidationError>,
}

pub(super) enum RetireOutcome {
    Continue,
    Retire(PersonId, NaiveDate),
    Cancelled,
}

impl RetirePrompt {
    pub(super) fn new(lang: Lang, id: PersonId, name: &str, today: NaiveDate) -> Self {
        Self {
            id,
            name: name.to_string(),
            from: TextInput::new(lang.pick("今天", "today"), false),
            today,
            error: None,
        }
    }

    /// The day typed, or why it is not one.
    pub(super) fn day(&self) -> Result<NaiveDate, ValidationError> {
        let text = self.from.text().trim();
        if text.is_empty() {
            return Err(ValidationError::new(Field::From, Problem::Required));
        }
        parse_date(text, self.today).map_err(|p| ValidationError::new(Field::From, p))
    }

    pub(super) fn paste(&mut self, text: &str) {
        self.from.insert_str(text);
        self.error = None;
    }

    pub(super) fn handle_key(&mut self, key: &KeyEvent) -> RetireOutcome {
        match form_cmd(key, false) {
            Some(FormCmd::Save | FormCmd::Enter) => match self.day() {
                Ok(day) => RetireOutcome::Retire(self.id, day),
                Err(e) => {
                    self.error = Some(e);
                    RetireOutcome::Continue
                }
            },
            Some(FormCmd::Close | FormCmd::Abandon) => RetireOutcome::Cancelled,
            Some(FormCmd::Left) => self.edit(&KeyEvent::from(crossterm::event::KeyCode::Left)),
            Some(FormCmd::Right) => self.edit(&KeyEvent::from(crossterm::event::KeyCode::Right)),
            Some(FormCmd::Space) => {
                self.edit(&KeyEvent::from(crossterm::event::KeyCode::Char(' ')))
            }
            Some(_) => RetireOutcome::Continue,
            None => self.edit(key),
        }
    }

    fn edit(&mut self, key: &KeyEvent) -> RetireOutcome {
        if self.from.apply(key) == Applied::Edited {
            self.error = None;
        }
        RetireOutcome::Continue
    }
}
