//! Where `today` stands in the evaluated year, and the pace that follows.
//! Integer arithmetic only, so a pace never lands a hair below a whole number.

use chrono::NaiveDate;

/// The evaluated year's bounds and `today`, which may lie outside it.
pub(super) struct YearClock {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub today: NaiveDate,
}

impl YearClock {
    pub fn new(year: i32, today: NaiveDate) -> Option<Self> {
        Some(Self {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
            today,
        })
    }

    /// The whole year has passed.
    pub fn over(&self) -> bool {
        self.today > self.end
    }

    /// The year has begun (today is in it or after it).
    pub fn started(&self) -> bool {
        self.today >= self.start
    }

    /// Pace for a yearly target: target × share of the year elapsed by the
    /// end of today, rounded down.
    pub fn pace(&self, target: u32) -> u32 {
        pro_rata(target, self.start, self.end, self.today)
    }
}

/// `quota` × the share of `start..=end` elapsed by the end of `today`,
/// rounded down: 0 before `start`, the full quota from `end` on.
pub(super) fn pro_rata(quota: u32, start: NaiveDate, end: NaiveDate, today: NaiveDate) -> u32 {
    if today < start {
        return 0;
    }
    if today >= end {
        return quota;
    }
    let total = u64::try_from((end - start).num_days() + 1)
        .unwrap_or(1)
        .max(1);
    let gone = u64::try_from((today - start).num_days() + 1).unwrap_or(0);
    let share = u64::from(quota) * gone / total;
    u32::try_from(share).unwrap_or(quota).min(quota)
}
