//! The same meeting entered twice, by `core::confirm`'s rule (same kind,
//! date, host and people, and for meetings the topic): a duplicate entered
//! on purpose was confirmed once, but it still counts twice toward quotas,
//! so every later copy is named with the first one (本支部惯例: one meeting,
//! one entry).

use super::{Finding, Problem};
use crate::core::confirm::same_entry;
use crate::core::record::Record;

/// `year` is sorted by (date, id): the first of equal records is the one
/// the others repeat.
pub(super) fn check(year: &[&Record]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, r) in year.iter().enumerate() {
        let first = year[..i]
            .iter()
            .rev()
            .take_while(|e| e.date == r.date)
            .filter(|e| same_entry(e, r))
            .min_by_key(|e| e.id);
        if let Some(first) = first {
            out.push(Finding::about(
                r,
                Problem::Duplicate {
                    of: first.id,
                    entered_at: first.entered_at,
                },
            ));
        }
    }
    out
}
