//! Reading across the live store and the archives of sealed years. A sealed
//! year is read from its archive, checked against its seal on every load,
//! with the roster and catalogue as they stood when it was closed, so later
//! roster or catalogue changes never move its figures.

use chrono::NaiveDate;

use super::{Ledger, YearView, year_bounds};
use crate::core::archive::YearArchive;
use crate::core::check;
use crate::core::error::CoreError;
use crate::core::fix::{FixId, FixItem};
use crate::core::port::{Backup, Store};
use crate::core::record::{Record, RecordId};

impl<S: Store> Ledger<S> {
    /// The archive of `year` when it is sealed in one, checked.
    pub fn archive(&self, year: i32) -> Result<Option<YearArchive>, CoreError> {
        if !self.store.closed_years()?.contains(&year) {
            return Ok(None);
        }
        Ok(self.store.archive(year)?)
    }

    /// Every archive, oldest year first.
    pub fn archives(&self) -> Result<Vec<YearArchive>, CoreError> {
        let mut out = Vec::new();
        for year in self.store.closed_years()? {
            out.extend(self.store.archive(year)?);
        }
        Ok(out)
    }

    pub fn records_in_year(&self, year: i32) -> Result<Vec<Record>, CoreError> {
        if let Some(a) = self.archive(year)? {
            return Ok(a.records);
        }
        let (from, to) = year_bounds(year)?;
        Ok(self.store.records_between(from, to)?)
    }

    /// The records that count toward `year` (所属年度): those dated in it
    /// that cover it, and those dated in the next year that cover it (a
    /// January report on the year before).
    pub fn records_covering(&self, year: i32) -> Result<Vec<Record>, CoreError> {
        self.covering(year, self.records_in_year(year)?)
    }

    /// `dated_in_year` (the records dated in `year`) narrowed to those that
    /// cover it, with the next year's records that cover it.
    fn covering(&self, year: i32, dated_in_year: Vec<Record>) -> Result<Vec<Record>, CoreError> {
        let mut out: Vec<Record> = dated_in_year
            .into_iter()
            .filter(|r| r.year_covered() == year)
            .collect();
        if let Some(next) = year.checked_add(1)
            && year_bounds(next).is_ok()
        {
            out.extend(
                self.records_in_year(next)?
                    .into_iter()
                    .filter(|r| r.year_covered() == year),
            );
        }
        Ok(out)
    }

    /// Years with records, live or archived, and closed years, ascending.
    pub fn record_years(&self) -> Result<Vec<i32>, CoreError> {
        let mut years = self.store.record_years()?;
        years.extend(self.store.closed_years()?);
        years.sort_unstable();
        years.dedup();
        Ok(years)
    }

    /// Load one year and compute its progress; a sealed year from its
    /// archive, judged by the catalogue and roster it was sealed with.
    pub fn year_view(&self, year: i32, today: NaiveDate) -> Result<YearView, CoreError> {
        let (catalogue, roster, dated, fixes) = if let Some(a) = self.archive(year)? {
            (a.catalogue.clone(), a.roster(), a.records, a.fixes)
        } else {
            let (from, to) = year_bounds(year)?;
            (
                self.catalogue()?,
                self.roster()?,
                self.store.records_between(from, to)?,
                self.store.fixes(Some(year))?,
            )
        };
        let records = self.covering(year, dated)?;
        let closed = self.is_closed(year)?;
        let earlier = self.look_back(year, &records);
        let findings = check::findings(&roster, &records, &earlier);
        let mut view = YearView::new(year, today, catalogue, roster, records, fixes, closed);
        view.findings = findings;
        Ok(view)
    }

    /// The records the checks need from before `year` (`core::check`): the
    /// weeks before a 组织生活会 held early in the year. Loaded only when
    /// such a meeting has no 谈心谈话 of the year in its window (else the
    /// year before cannot change the finding); a year before whose archive is damaged is
    /// refused when that year is read (and by `verify`), not here, so it
    /// cannot stop this year from opening: the check then sees none of its
    /// talks.
    fn look_back(&self, year: i32, records: &[Record]) -> Vec<Record> {
        if !check::needs_earlier(records) {
            return Vec::new();
        }
        self.records_before(year, check::TALK_WINDOW_DAYS)
            .unwrap_or_default()
    }

    /// The records of the `days` before `year` began.
    fn records_before(&self, year: i32, days: i64) -> Result<Vec<Record>, CoreError> {
        let (start, _) = year_bounds(year)?;
        let from = start - chrono::Duration::days(days);
        let last = start - chrono::Duration::days(1);
        let mut out = match self.archive(year - 1)? {
            Some(a) => a.records,
            None => self.store.records_between(from, last)?,
        };
        out.retain(|r| r.date >= from && r.date <= last);
        Ok(out)
    }

    /// A record, live or in a sealed year's archive.
    pub fn record(&self, id: RecordId) -> Result<Record, CoreError> {
        if let Some(r) = self.store.record(id)? {
            return Ok(r);
        }
        for a in self.archives()?.into_iter().rev() {
            if let Some(r) = a.records.into_iter().find(|r| r.id == id) {
                return Ok(r);
            }
        }
        Err(CoreError::NoRecord(id))
    }

    /// Rectification items of `year` (every year: `None`), by id, archived
    /// years included.
    pub(super) fn fixes_across(&self, year: Option<i32>) -> Result<Vec<FixItem>, CoreError> {
        if let Some(y) = year
            && let Some(a) = self.archive(y)?
        {
            return Ok(a.fixes);
        }
        let mut out = self.store.fixes(year)?;
        if year.is_none() {
            out.extend(self.archives()?.into_iter().flat_map(|a| a.fixes));
            out.sort_by_key(|f| f.id);
        }
        Ok(out)
    }

    pub(super) fn fix_across(&self, id: FixId) -> Result<FixItem, CoreError> {
        if let Some(f) = self.store.fix(id)? {
            return Ok(f);
        }
        self.archives()?
            .into_iter()
            .flat_map(|a| a.fixes)
            .find(|f| f.id == id)
            .ok_or(CoreError::NoFix(id))
    }

    /// The whole ledger as a JSON backup, sealed years' records and items
    /// included (an import checks them against the archives).
    pub fn export(&self) -> Result<Backup, CoreError> {
        let mut backup = self.store.export()?;
        for a in self.archives()? {
            backup.records.extend(a.records);
            backup.fixes.extend(a.fixes);
        }
        backup.records.sort_by_key(|r| r.id);
        backup.fixes.sort_by_key(|f| f.id);
        Ok(backup)
    }
}
