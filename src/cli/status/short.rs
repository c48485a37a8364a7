//! `status --short`: the one line a login message shows, what needs doing
//! most and the talks and 整改 still owed.

use crate::core::Rule;
use crate::core::catalogue::Duty;
use crate::core::ledger::YearView;
use crate::core::progress::{Missing, Progress, Status};
use crate::i18n::{Lang, domain};

mod text;

use super::{done_of, pairs, title_of};
use text as t;

/// The duty that most needs attention: worst status first, then the largest
/// shortfall against pace, then catalogue order.
pub(super) fn worst(view: &YearView) -> Option<(&Duty, &Progress)> {
    pairs(view)
        .filter(|(_, p)| matches!(p.status, Status::Overdue | Status::Behind))
        .min_by_key(|(_, p)| {
            (
                p.status,
                std::cmp::Reverse(p.expected.saturating_sub(p.done)),
            )
        })
}

pub(super) fn short(lang: Lang, view: &YearView) -> String {
    let worst = worst(view).map(|(d, p)| (title_of(lang, d), done_of(p), p.status));
    // The talks the overview lists as owed: the talk-coverage duties' pairs.
    let owed: std::collections::BTreeSet<_> = view
        .catalogue
        .duties
        .iter()
        .zip(&view.progress)
        .filter(|(d, _)| matches!(d.rule, Rule::TalkCoverage { .. }))
        .flat_map(|(_, p)| &p.missing)
        .filter_map(|m| match m {
            // Counted as pairs of people: one talk between them can serve a
            // directed duty (书记 → head) and 谈心谈话 (whoever leads) alike.
            Missing::Pair { from: a, to: b } | Missing::Between { a, b, .. } => {
                Some((*a.min(b), *a.max(b)))
            }
            _ => None,
        })
        .collect();
    let facts = t::ShortFacts {
        talks_owed: owed.len(),
        fixes_overdue: view.overdue_fixes().len(),
    };
    let worst = worst.as_ref().map(|(title, done, status)| t::Worst {
        title,
        done,
        status: domain::status(lang, *status),
    });
    t::short_line(lang, view.year, &view.tally, facts, worst, 80)
}
