//! The rectification screen (整改): which items show (filter), which is
//! selected (by id, so a reload keeps it), and the form or one-line prompt
//! (progress note, closing evidence) that owns the keys while open. Pure.

mod draw;
pub mod form;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::core::{Evidence, FixId, FixItem, NewFix, RecordId, YearView};
use crate::i18n::Lang;

use super::form::text::TextInput;
pub use form::FixForm;

/// Which items the list shows; `f` cycles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FixFilter {
    /// Not closed.
    #[default]
    Open,
    Overdue,
    All,
}

impl FixFilter {
    #[must_use]
    pub fn next(self) -> FixFilter {
        match self {
            FixFilter::Open => FixFilter::Overdue,
            FixFilter::Overdue => FixFilter::All,
            FixFilter::All => FixFilter::Open,
        }
    }

    pub fn keeps(self, f: &FixItem, today: NaiveDate) -> bool {
        match self {
            FixFilter::Open => !f.is_closed(),
            FixFilter::Overdue => f.is_overdue(today),
            FixFilter::All => true,
        }
    }
}

/// A one-line question about the selected item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    Note(FixId, TextInput),
    Evidence(FixId, TextInput),
}

/// What a key did to the form or prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FixOutcome {
    Continue,
    Closed,
    Add(NewFix),
    Edit(FixId, NewFix),
    Note(FixId, String),
    Close(FixId, Evidence),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FixScreen {
    pub filter: FixFilter,
    pub selected: Option<FixId>,
    pub form: Option<Box<FixForm>>,
    pub prompt: Option<Prompt>,
}

/// The items the filter keeps, overdue first, then by deadline.
pub fn visible(view: &YearView, filter: FixFilter) -> Vec<&FixItem> {
    let mut items: Vec<&FixItem> = view
        .fixes
        .iter()
        .filter(|f| filter.keeps(f, view.today))
        .collect();
    items.sort_by_key(|f| (!f.is_overdue(view.today), f.is_closed(), f.deadline, f.id));
    items
}

/// Evidence as typed: `#12` or `12` names a record, anything else is a note.
pub fn parse_evidence(text: &str) -> Evidence {
    let t = text.trim();
    match t.trim_start_matches('#').parse::<u64>() {
        Ok(n) if !t.is_empty() => Evidence::Record(RecordId(n)),
        _ => Evidence::Note(t.to_string()),
    }
}

impl FixScreen {
    /// Whether the form or a prompt is open and takes every key.
    pub fn captures_keys(&self) -> bool {
        self.form.is_some() || self.prompt.is_some()
    }

    /// The selected row in `visible`, falling back to the first.
    pub fn index(&self, view: &YearView) -> usize {
        let rows = visible(view, self.filter);
        self.selected
            .and_then(|id| rows.iter().position(|f| f.id == id))
            .unwrap_or(0)
    }

    pub fn current<'a>(&self, view: &'a YearView) -> Option<&'a FixItem> {
        visible(view, self.filter).get(self.index(view)).copied()
    }

    /// Select row `i` (clamped).
    pub fn select(&mut self, view: &YearView, i: usize) {
        let rows = visible(view, self.filter);
        let i = i.min(rows.len().saturating_sub(1));
        self.selected = rows.get(i).map(|f| f.id);
    }

    pub fn cycle_filter(&mut self, view: &YearView) {
        self.filter = self.filter.next();
        let keep = self.selected;
        if !visible(view, self.filter)
            .iter()
            .any(|f| Some(f.id) == keep)
        {
            self.select(view, 0);
        }
    }

    pub fn add(&mut self, lang: Lang, view: &YearView) {
        self.form = Some(Box::new(FixForm::new(lang, view, None)));
    }

    /// Open the form on the selected item; `false` when there is none.
    pub fn edit(&mut self, lang: Lang, view: &YearView) -> bool {
        let Some(f) = self.current(view) else {
            return false;
        };
        self.form = Some(Box::new(FixForm::new(lang, view, Some(f))));
        true
    }

    pub fn ask(&mut self, view: &YearView, evidence: bool) -> bool {
        let Some(id) = self.current(view).map(|f| f.id) else {
            return false;
        };
        let input = TextInput::new("", false);
        self.prompt = Some(if evidence {
            Prompt::Evidence(id, input)
        } else {
            Prompt::Note(id, input)
        });
        true
    }

    pub fn paste(&mut self, text: &str) {
        match (&mut self.form, &mut self.prompt) {
            (Some(form), _) => form.paste(text),
            (None, Some(Prompt::Note(_, i) | Prompt::Evidence(_, i))) => i.insert_str(text),
            _ => {}
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent, view: &YearView) -> FixOutcome {
        if key.kind == KeyEventKind::Release {
            return FixOutcome::Continue;
        }
        if let Some(form) = &mut self.form {
            let out = form.handle_key(key, view);
            if out == FixOutcome::Closed {
                self.form = None;
            }
            return out;
        }
        let Some(prompt) = &mut self.prompt else {
            return FixOutcome::Continue;
        };
        let (Prompt::Note(id, input) | Prompt::Evidence(id, input)) = prompt;
        let id = *id;
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => {
                self.prompt = None;
                return FixOutcome::Closed;
            }
            KeyCode::Char('c') if ctrl => {
                self.prompt = None;
                return FixOutcome::Closed;
            }
            KeyCode::Enter if input.text().trim().is_empty() => {}
            KeyCode::Enter => {
                let text = input.text().trim().to_string();
                let out = match prompt {
                    Prompt::Note(..) => FixOutcome::Note(id, text),
                    Prompt::Evidence(..) => FixOutcome::Close(id, parse_evidence(&text)),
                };
                self.prompt = None;
                return out;
            }
            KeyCode::Char('u') if ctrl => input.clear(),
            KeyCode::Char(c) if !ctrl => input.insert_char(c),
            KeyCode::Backspace => input.backspace(),
            KeyCode::Delete => input.delete(),
            KeyCode::Left => input.left(),
            KeyCode::Right => input.right(),
            KeyCode::Home => input.home(),
            KeyCode::End => input.end(),
            _ => {}
        }
        FixOutcome::Continue
    }

    /// The ledger refused what the form submitted: show it in the form.
    pub fn set_error(&mut self, e: crate::core::ValidationError) -> bool {
        match &mut self.form {
            Some(form) => {
                form.set_error(e);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_a_record_id_or_a_note() {
        assert_eq!(parse_evidence("#12"), Evidence::Record(RecordId(12)));
        assert_eq!(parse_evidence(" 7 "), Evidence::Record(RecordId(7)));
        assert_eq!(
            parse_evidence("已整改完毕"),
            Evidence::Note("已整改完毕".into())
        );
    }

    #[test]
    fn filter_cycles_through_three() {
        let f = FixFilter::Open;
        assert_eq!(f.next().next().next(), f);
    }
}
