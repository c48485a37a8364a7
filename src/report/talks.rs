//! The talk matrix as the reports read it: every required (host, partner)
//! pair of each talk-coverage duty, with the date of the first counted talk
//! that covered it, or none if the talk is still owed. The pairs come from
//! the core's progress (`YearView::talk_duties`); nothing is walked again here.

use chrono::NaiveDate;

use crate::core::{Duty, PersonId, YearView};

pub struct Pair {
    pub host: PersonId,
    pub partner: PersonId,
    pub covered: Option<NaiveDate>,
    /// A 谈心谈话 pair, which either side may lead: `host` is only the one
    /// first on the roster.
    pub between: bool,
}

/// Each talk-coverage duty of the catalogue, in order, with its pairs.
pub fn matrix(view: &YearView) -> Vec<(&Duty, Vec<Pair>)> {
    view.talk_duties()
        .map(|(d, p)| {
            let list = p
                .pairs
                .iter()
                .map(|c| Pair {
                    host: c.from,
                    partner: c.to,
                    covered: c.covered.map(|(date, _)| date),
                    between: c.class.is_some(),
                })
                .collect();
            (d, list)
        })
        .collect()
}
