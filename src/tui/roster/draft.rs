//! The person form as a draft, so that a session cut off mid-form keeps
//! what was typed; and keeping the roster's selection on the same person
//! when the data is reloaded.

use serde::{Deserialize, Serialize};

use super::person::PersonForm;
use super::{Mode, RosterScreen};
use crate::core::{PersonId, Role, YearView};
use crate::tui::form::text::TextInput;

/// What the person form held, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonDraft {
    #[serde(default)]
    pub editing: Option<PersonId>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub dept: String,
    #[serde(default)]
    pub oversees: String,
    #[serde(default)]
    pub links: String,
    /// 自何日起 as typed; none in drafts kept before the field existed.
    #[serde(default)]
    pub from: Option<String>,
}

impl RosterScreen {
    /// The open person form's values, when they differ from how it opened.
    pub fn draft(&self) -> Option<PersonDraft> {
        let Mode::Form(f) = &self.mode else {
            return None;
        };
        f.changed().then(|| PersonDraft {
            editing: f.editing,
            name: f.name.text().to_string(),
            roles: f.roles.clone(),
            dept: f.dept.text().to_string(),
            oversees: f.oversees.text().to_string(),
            links: f.links.text().to_string(),
            from: Some(f.from.text().to_string()),
        })
    }

    /// Reopen the person form with a draft's values.
    pub fn restore_draft(&mut self, view: &YearView, d: &PersonDraft) {
        let editing = d.editing.and_then(|id| view.roster.get(id));
        let mut f = PersonForm::new(self.lang, view, editing);
        let line = |s: &str| TextInput::new(s, false);
        f.editing = d.editing;
        f.name = line(&d.name);
        f.roles.clone_from(&d.roles);
        f.dept = line(&d.dept);
        f.oversees = line(&d.oversees);
        f.links = line(&d.links);
        if let Some(from) = &d.from {
            f.from = line(from);
        }
        self.notice = None;
        self.mode = Mode::Form(Box::new(f));
    }

    /// The person the list has selected.
    pub fn selected(&self, view: &YearView) -> Option<PersonId> {
        let shown = self.shown(view);
        shown
            .get(self.sel.min(shown.len().saturating_sub(1)))
            .map(|p| p.id)
    }

    /// Select person `id` again after a reload, if still shown.
    pub fn reselect(&mut self, view: &YearView, id: PersonId) {
        if let Some(at) = self.shown(view).iter().position(|p| p.id == id) {
            self.sel = at;
        }
    }
}
