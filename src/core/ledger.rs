//! The ledger's use cases. The CLI and TUI reach data only through `Ledger`,
//! which validates input, stamps every write with (user, clock) for the
//! journal and keeps the store consistent. Audit use cases are in `audit`.

pub mod api;
mod audit;
mod cycle;
mod fix;
mod owed;
mod people;
pub mod relink;
mod restore;
mod sealed;
pub mod staged;
mod year_wire;

use std::sync::Arc;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::access::{Act, Policy};
use super::catalogue::{Catalogue, DutyId};
use super::check::Finding;
use super::confirm;
use super::error::{CoreError, Field, Problem, Sealed, ValidationError};
use super::fix::FixItem;
use super::port::{Stamp, Store};
use super::progress::{Progress, Rosters, Tally};
use super::record::{NewRecord, Record, RecordDraft, RecordId};
use super::roster::Roster;

/// Everything a screen or report needs for one year, computed once. On the
/// wire it travels without its derived part (`year_wire`).
#[derive(Debug, Clone)]
pub struct YearView {
    pub year: i32,
    pub today: NaiveDate,
    pub catalogue: Catalogue,
    pub roster: Roster,
    /// The year's records, by date.
    pub records: Vec<Record>,
    /// One entry per catalogue duty, in catalogue order.
    pub progress: Vec<Progress>,
    pub tally: Tally,
    /// The year's rectification items (those whose `year` is this one), by id.
    pub fixes: Vec<FixItem>,
    /// Closed with `year close`: its records and items are read-only.
    pub closed: bool,
    /// What the consistency checks find in the year's records, by date.
    pub findings: Vec<Finding>,
}

impl YearView {
    /// The rosters the year is judged on: who owes it, and who held what on
    /// each date (`core::progress` module doc).
    pub fn rosters(&self) -> Rosters {
        Rosters::new(&self.roster, self.year, self.today)
    }

    /// The roster that owes the year's duties (as of its owing day).
    pub fn owing_roster(&self) -> Roster {
        self.roster.for_year(self.year, self.today)
    }

    /// The view of one year's data, its progress and tally computed here
    /// (no findings: they need earlier years, so whoever reads the ledger
    /// adds them).
    pub fn new(
        year: i32,
        today: NaiveDate,
        catalogue: Catalogue,
        roster: Roster,
        records: Vec<Record>,
        fixes: Vec<FixItem>,
        closed: bool,
    ) -> Self {
        let progress = super::progress::evaluate(&catalogue, &roster, &records, year, today);
        let tally = super::progress::tally(&progress);
        Self {
            year,
            today,
            catalogue,
            roster,
            records,
            progress,
            tally,
            fixes,
            closed,
            findings: Vec::new(),
        }
    }

    pub fn progress_of(&self, id: &DutyId) -> Option<&Progress> {
        self.progress.iter().find(|p| &p.duty == id)
    }

    pub fn record(&self, id: RecordId) -> Option<&Record> {
        self.records.iter().find(|r| r.id == id)
    }

    /// The items linked to `duty` that are not closed yet.
    pub fn fixes_for<'a>(&'a self, duty: &'a DutyId) -> impl Iterator<Item = &'a FixItem> + 'a {
        self.fixes
            .iter()
            .filter(move |f| !f.is_closed() && f.concerns(duty))
    }

    /// The items linked to `duty` that are past their deadline, not closed.
    pub fn overdue_fixes_for<'a>(
        &'a self,
        duty: &'a DutyId,
    ) -> impl Iterator<Item = &'a FixItem> + 'a {
        self.fixes_for(duty).filter(|f| f.is_overdue(self.today))
    }

    /// Every overdue item of the year, by deadline.
    pub fn overdue_fixes(&self) -> Vec<&FixItem> {
        let mut out: Vec<&FixItem> = self
            .fixes
            .iter()
            .filter(|f| f.is_overdue(self.today))
            .collect();
        out.sort_by_key(|f| (f.deadline, f.id));
        out
    }
}

pub use api::{Answer, Command, Effect, LedgerApi};
pub use audit::{Audit, VerifySummary};
pub use owed::OwedTalk;
pub use restore::check_backup;

/// The time source the shells inject; the core never reads the clock.
pub type Clock = Arc<dyn Fn() -> NaiveDateTime + Send + Sync>;

/// A clock that always says `at` (tests, snapshots).
pub fn fixed_clock(at: NaiveDateTime) -> Clock {
    Arc::new(move || at)
}

pub struct Ledger<S: Store> {
    store: S,
    /// Who is making changes (the Unix user), stamped on every record.
    user: String,
    clock: Clock,
    /// Whether a shell gave a real clock (`with_clock`): only then does the
    /// ledger know "today" and ask about dates after it.
    dated: bool,
    /// Who may write; checked against `user` before every write (direct
    /// mode; the ledger service checks its peers itself).
    policy: Policy,
}

impl<S: Store> Ledger<S> {
    /// A ledger whose clock stays at the Unix epoch; shells add a real one
    /// with `with_clock`.
    pub fn new(store: S, user: impl Into<String>) -> Self {
        Self {
            store,
            user: user.into(),
            clock: fixed_clock(NaiveDateTime::default()),
            dated: false,
            policy: Policy::default(),
        }
    }

    /// Refuse writes by the users `policy` makes read-only.
    #[must_use]
    pub fn with_policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// The access policy this ledger enforces, so that a member, who cannot
    /// read the ledger's settings file, learns the rule from the service.
    pub fn access_policy(&self) -> Result<Policy, CoreError> {
        Ok(self.policy.clone())
    }

    /// Make `user` a reviewer (read-only), where the policy table lets the
    /// acting user change the access list (`Act::AccessList`: the owner, or
    /// the 书记 where `secretary_admin` is on); false when already listed.
    /// The service runs it as the owner, so a 书记 who cannot write the
    /// owner's settings file still can change the list through it.
    pub fn add_reviewer(&self, user: &str) -> Result<bool, CoreError> {
        self.change_reviewers(user, Policy::add_reviewer)
    }

    /// Let reviewer `user` write again; false when not listed.
    pub fn remove_reviewer(&self, user: &str) -> Result<bool, CoreError> {
        self.change_reviewers(user, Policy::remove_reviewer)
    }

    fn change_reviewers(
        &self,
        user: &str,
        change: fn(&mut Policy, &str) -> bool,
    ) -> Result<bool, CoreError> {
        let name = crate::core::access::reviewer_name(user).ok_or_else(|| {
            ValidationError::new(Field::UnixUser, Problem::BadUnixUser(user.to_string()))
        })?;
        self.admin_stamp(Act::AccessList, None)?;
        let mut policy = self.policy.clone();
        if !change(&mut policy, &name) {
            return Ok(false);
        }
        self.store.set_reviewers(&policy.reviewers)?;
        Ok(true)
    }

    #[must_use]
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self.dated = true;
        self
    }

    pub fn user(&self) -> &str {
        &self.user
    }

    /// The Unix user this ledger acts for (the socket peer in the service).
    pub fn whoami(&self) -> Result<String, CoreError> {
        Ok(self.user.clone())
    }

    /// The time by the injected clock.
    pub fn now(&self) -> NaiveDateTime {
        (self.clock)()
    }

    /// Who and when, for the journal entry of the write about to happen.
    pub fn stamp(&self) -> Stamp {
        Stamp {
            user: self.user.clone(),
            at: self.now(),
        }
    }

    /// The stamp for a write, once the policy allows this user to write.
    /// Every write use case takes its stamp here or in `admin_stamp`.
    pub fn write_stamp(&self) -> Result<Stamp, CoreError> {
        self.policy.check_write(&self.user)?;
        Ok(self.stamp())
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn catalogue(&self) -> Result<Catalogue, CoreError> {
        Ok(self.store.catalogue()?)
    }

    pub fn roster(&self) -> Result<Roster, CoreError> {
        Ok(Roster::new(self.store.people()?))
    }

    /// Add a record, entered by the acting user now (by the ledger's clock).
    pub fn add_record(&self, input: &NewRecord) -> Result<Record, CoreError> {
        let draft = input.validate(&self.catalogue()?, &self.roster()?)?;
        self.ensure_open(draft.date.year(), Sealed::Record(None))?;
        self.ensure_open(draft.year_covered(), Sealed::Record(None))?;
        // Refuse a read-only user before an id is used up, and before asking
        // for confirmations they could not act on.
        let stamp = self.write_stamp()?;
        self.confirm(&draft, None, input, &stamp)?;
        let id = RecordId(self.store.next_id()?);
        let record = draft.into_record(id, self.user.clone(), stamp.at);
        self.store.put_record(&record, &stamp)?;
        Ok(record)
    }

    /// Replace a record's content; its id and original author are kept. The
    /// journal keeps the record before and after.
    pub fn update_record(&self, id: RecordId, input: &NewRecord) -> Result<Record, CoreError> {
        let old = self.record(id)?;
        self.ensure_open(old.date.year(), Sealed::Record(Some(id)))?;
        self.ensure_open(old.year_covered(), Sealed::Record(Some(id)))?;
        let draft = input.validate(&self.catalogue()?, &self.roster()?)?;
        self.ensure_open(draft.date.year(), Sealed::Record(Some(id)))?;
        self.ensure_open(draft.year_covered(), Sealed::Record(Some(id)))?;
        let record = draft
            .clone()
            .into_record(id, old.entered_by.clone(), old.entered_at);
        if record != old {
            let stamp = self.write_stamp()?;
            self.confirm(&draft, Some(&old), input, &stamp)?;
            self.store.put_record(&record, &stamp)?;
        }
        Ok(record)
    }

    /// Refuse with `CoreError::Unconfirmed` while `input` raises warnings
    /// the user has not accepted (`core::confirm`). Today is the date of
    /// the write's stamp, when the ledger has a real clock.
    fn confirm(
        &self,
        draft: &RecordDraft,
        old: Option<&Record>,
        input: &NewRecord,
        stamp: &Stamp,
    ) -> Result<(), CoreError> {
        let today = self.dated.then(|| stamp.at.date());
        let same_day = self.store.records_between(draft.date, draft.date)?;
        let warnings = confirm::warnings(draft, &same_day, today, old, input.confirmed);
        if warnings.is_empty() {
            Ok(())
        } else {
            Err(CoreError::Unconfirmed(warnings))
        }
    }

    /// Move a record to the trash (see `restore_from_trash`).
    pub fn delete_record(&self, id: RecordId) -> Result<Record, CoreError> {
        let old = self.record(id)?;
        self.ensure_open(old.date.year(), Sealed::Record(Some(id)))?;
        self.ensure_open(old.year_covered(), Sealed::Record(Some(id)))?;
        self.store
            .delete_record(id, &self.write_stamp()?)?
            .ok_or(CoreError::NoRecord(id))
    }

    /// Validate a catalogue file and make it this ledger's catalogue. A
    /// sealed year keeps the catalogue in its archive, so its figures stay.
    pub fn import_catalogue(&self, text: &str) -> Result<Catalogue, CoreError> {
        let stamp = self.admin_stamp(Act::Catalogue, None)?;
        let catalogue = Catalogue::from_toml(text)?;
        self.store.set_catalogue(&catalogue, &stamp)?;
        Ok(catalogue)
    }
}

fn year_bounds(year: i32) -> Result<(NaiveDate, NaiveDate), CoreError> {
    let bad = || {
        CoreError::Invalid(super::error::ValidationError::new(
            super::error::Field::Year,
            super::error::Problem::BadDate(year.to_string()),
        ))
    };
    Ok((
        NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(bad)?,
        NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(bad)?,
    ))
}
