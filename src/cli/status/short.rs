//! `status --short`: the one line a login message shows, what needs doing
//! most and the talks and 整改 still owed.

use crate::core::catalogue::Duty;
use crate::core::ledger::YearView;
use crate::core::progress::{Progress, Status};
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
    let facts = t::ShortFacts {
        talks_owed: view.owed_talks().len(),
        fixes_overdue: view.overdue_fixes().len(),
    };
    let worst = worst.as_ref().map(|(title, done, status)| t::Worst {
        title,
        done,
        status: domain::status(lang, *status),
    });
    t::short_line(lang, view.year, &view.tally, facts, worst, 80)
}
