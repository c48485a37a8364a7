//! The talk matrix as the reports read it: every required (host, partner)
//! pair of each talk-coverage duty, with the date of the first linked talk
//! that covered it, or none if the talk is still owed.

use chrono::NaiveDate;

use crate::core::{Duty, PersonId, YearView};

pub struct Pair {
    pub host: PersonId,
    pub partner: PersonId,
    pub covered: Option<NaiveDate>,
}

/// Each talk-coverage duty of the catalogue, in order, with its pairs.
pub fn matrix(view: &YearView) -> Vec<(&Duty, Vec<Pair>)> {
    view.catalogue
        .duties
        .iter()
        .filter_map(|d| {
            let list = view
                .owed_pairs(d)?
                .into_iter()
                .map(|p| Pair {
                    host: p.from,
                    partner: p.to,
                    covered: p.covered,
                })
                .collect();
            Some((d, list))
        })
        .collect()
}
