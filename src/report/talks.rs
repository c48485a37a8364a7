//! The talk matrix as the reports read it: every required (host, partner)
//! pair of each talk-coverage duty, with the date of the first linked talk
//! that covered it, or none if the talk is still owed.

use chrono::NaiveDate;

use crate::core::progress::required_pairs;
use crate::core::{Duty, PersonId, Rule, YearView};

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
            let Rule::TalkCoverage { pairs } = d.rule else {
                return None;
            };
            let list = required_pairs(&view.roster, pairs)
                .into_iter()
                .map(|(host, partner)| Pair {
                    host,
                    partner,
                    covered: view
                        .records
                        .iter()
                        .filter(|r| r.duties.contains(&d.id))
                        .filter(|r| r.host == Some(host) && r.partners.contains(&partner))
                        .map(|r| r.date)
                        .min(),
                })
                .collect();
            Some((d, list))
        })
        .collect()
}
