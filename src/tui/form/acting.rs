//! Who acts, in the form: until the user ticks or unticks a duty, the list
//! follows the core's prefill for the kind, host and partners typed, so a
//! 书记's 廉政谈话 is not ticked toward the overseeing leaders' duty.

use super::{RecordForm, complete, groups};
use crate::core::progress::prefill;
use crate::core::{Catalogue, DutyId, PersonId, Roster, YearView};

/// The catalogue and roster the prefill is judged on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Acting {
    catalogue: Catalogue,
    roster: Roster,
}

impl Acting {
    pub(super) fn of(view: &YearView) -> Acting {
        Acting {
            catalogue: view.catalogue.clone(),
            roster: view.roster.clone(),
        }
    }
}

impl RecordForm {
    /// The duties the form shows ticked and saves: what the user chose once
    /// they touched the list; before that, the kind's prefill for this host
    /// and these partners, plus the duty the form was opened for.
    pub(super) fn ticked(&self) -> Vec<DutyId> {
        if self.duties_touched || self.editing.is_some() {
            return self.duties.clone();
        }
        let a = &self.acting;
        let host = a.roster.resolve(self.host.text().trim()).ok();
        let partners: Vec<PersonId> = if self.kind.is_talk() {
            groups::expand(complete::split(self.partners.text()), &self.groups)
                .iter()
                .filter_map(|n| a.roster.resolve(n).ok())
                .collect()
        } else {
            Vec::new()
        };
        let mut out = prefill(&a.catalogue, &a.roster, self.kind, host, &partners);
        if let Some(id) = &self.pinned
            && !out.contains(id)
        {
            out.push(id.clone());
        }
        out
    }
}
