//! 组织生活会 and the 谈心谈话 before it. 支部工作条例第十七条: "组织生活会应
//! 当确定主题，会前认真学习，谈心谈话，听取意见". The talks belong to the
//! meeting's preparation, which branches hold over the month before it, so a
//! 谈心谈话 counts when it falls in the 30 days up to and including the
//! meeting's day; an older one is the year's routine talking (第十九条), not
//! this meeting's preparation.

use chrono::{Datelike, Duration, NaiveDate};

use super::Problem;
use crate::core::record::{Record, RecordKind};

/// How many days before a 组织生活会 its 谈心谈话 may be held.
pub const TALK_WINDOW_DAYS: i64 = 30;

/// The problem of the 组织生活会 `r` when no 谈心谈话 among `year` and
/// `earlier` falls in its window.
pub(super) fn check(r: &Record, year: &[&Record], earlier: &[Record]) -> Option<Problem> {
    let from = r.date - Duration::days(TALK_WINDOW_DAYS);
    let talks: Vec<NaiveDate> = year
        .iter()
        .copied()
        .chain(earlier)
        .filter(|t| t.kind == RecordKind::HeartTalk && t.date <= r.date)
        .map(|t| t.date)
        .collect();
    if talks.iter().any(|d| *d >= from) {
        return None;
    }
    Some(Problem::NoTalkBefore {
        window_days: TALK_WINDOW_DAYS,
        last: talks.into_iter().max(),
    })
}

/// Whether the records before the year can change what `check` finds about
/// `records` (a year's): only for a 组织生活会 whose window reaches back
/// over New Year and that has no 谈心谈话 of the year in it. Loading the
/// year before (an archive, perhaps) is skipped otherwise.
pub fn needs_earlier(records: &[Record]) -> bool {
    let reaches_back =
        |r: &Record| u32::try_from(TALK_WINDOW_DAYS).is_ok_and(|days| r.date.ordinal0() < days);
    records
        .iter()
        .filter(|r| r.kind == RecordKind::OrganizationalLife && reaches_back(r))
        .any(|r| {
            let from = r.date - Duration::days(TALK_WINDOW_DAYS);
            !records
                .iter()
                .any(|t| t.kind == RecordKind::HeartTalk && t.date >= from && t.date <= r.date)
        })
}
