//! The ledger's use cases. The CLI and TUI reach data only through `Ledger`,
//! which validates input, stamps every write with (user, clock) for the
//! journal and keeps the store consistent. Audit use cases are in `audit`.

pub mod api;
mod audit;
mod cycle;
mod fix;

use std::sync::Arc;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::access::{Act, Policy};
use super::catalogue::{Catalogue, DutyId};
use super::error::{CoreError, Sealed, StoreError};
use super::fix::FixItem;
use super::port::{Backup, SCHEMA_VERSION, Stamp, Store};
use super::progress::{self, Progress, Tally};
use super::record::{NewRecord, Record, RecordId};
use super::roster::{NewPerson, Person, PersonId, Roster};

/// Everything a screen or report needs for one year, computed once.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
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
}

impl YearView {
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

pub use api::{Command, Effect, LedgerApi};
pub use audit::VerifySummary;

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
            policy: Policy::default(),
        }
    }

    /// Refuse writes by the users `policy` makes read-only.
    #[must_use]
    pub fn with_policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    #[must_use]
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
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

    /// The stamp for an administrative act (`access::Act`), once the policy
    /// table allows it to this user, as mapped on the roster now; `target`
    /// is the person whose roles or login change (never the user themselves).
    pub(crate) fn admin_stamp(
        &self,
        act: Act,
        target: Option<&Person>,
    ) -> Result<Stamp, CoreError> {
        let roster = self.roster()?;
        let acting = roster.by_unix_user(&self.user);
        match target {
            Some(t) => self.policy.check_person_admin(&self.user, acting, t, act)?,
            None => self.policy.check_admin(&self.user, acting, act)?,
        }
        Ok(self.stamp())
    }

    /// The stamp for replacing `old` (none: a new person) with `new`: roles
    /// or a login that change are administrative acts.
    pub(crate) fn person_stamp(
        &self,
        old: Option<&Person>,
        new: &Person,
    ) -> Result<Stamp, CoreError> {
        let roles_changed = match old {
            Some(old) => old.roles != new.roles || (new.retired && !old.retired),
            None => new.roles.iter().any(|r| !r.is_ordinary()),
        };
        let login_changed = old.map_or(new.unix_user.is_some(), |o| o.unix_user != new.unix_user);
        if login_changed {
            self.admin_stamp(Act::Login, old)?;
        }
        if roles_changed {
            return self.admin_stamp(Act::Roles, old);
        }
        self.write_stamp()
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

    pub fn records_in_year(&self, year: i32) -> Result<Vec<Record>, CoreError> {
        let (from, to) = year_bounds(year)?;
        Ok(self.store.records_between(from, to)?)
    }

    pub fn record_years(&self) -> Result<Vec<i32>, CoreError> {
        Ok(self.store.record_years()?)
    }

    /// Load one year and compute its progress.
    pub fn year_view(&self, year: i32, today: NaiveDate) -> Result<YearView, CoreError> {
        let catalogue = self.catalogue()?;
        let roster = self.roster()?;
        let records = self.records_in_year(year)?;
        let progress = progress::evaluate(&catalogue, &roster, &records, year, today);
        let tally = progress::tally(&progress);
        let fixes = self.store.fixes(Some(year))?;
        let closed = self.is_closed(year)?;
        Ok(YearView {
            year,
            today,
            catalogue,
            roster,
            records,
            progress,
            tally,
            fixes,
            closed,
        })
    }

    pub fn record(&self, id: RecordId) -> Result<Record, CoreError> {
        self.store.record(id)?.ok_or(CoreError::NoRecord(id))
    }

    /// Add a record, entered by the acting user now (by the ledger's clock).
    pub fn add_record(&self, input: &NewRecord) -> Result<Record, CoreError> {
        let draft = input.validate(&self.catalogue()?, &self.roster()?)?;
        self.ensure_open(draft.date.year(), Sealed::Record(None))?;
        // Refuse a read-only user before an id is used up.
        let stamp = self.write_stamp()?;
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
        let draft = input.validate(&self.catalogue()?, &self.roster()?)?;
        self.ensure_open(draft.date.year(), Sealed::Record(Some(id)))?;
        let record = draft.into_record(id, old.entered_by.clone(), old.entered_at);
        if record != old {
            self.store.put_record(&record, &self.write_stamp()?)?;
        }
        Ok(record)
    }

    /// Move a record to the trash (see `restore_from_trash`).
    pub fn delete_record(&self, id: RecordId) -> Result<Record, CoreError> {
        let old = self.record(id)?;
        self.ensure_open(old.date.year(), Sealed::Record(Some(id)))?;
        self.store
            .delete_record(id, &self.write_stamp()?)?
            .ok_or(CoreError::NoRecord(id))
    }

    pub fn add_person(&self, input: &NewPerson) -> Result<Person, CoreError> {
        let roster = self.roster()?;
        // Validate before taking an id, so a refused input uses none up.
        // Id 0 is never handed out, so it clashes with nobody.
        let mut person = input.validate(PersonId(0), &roster)?;
        let stamp = self.person_stamp(None, &person)?;
        person.id = PersonId(
            u32::try_from(self.store.next_id()?)
                .map_err(|_| StoreError::Corrupt("id space exhausted".into()))?,
        );
        self.store.put_person(&person, &stamp)?;
        Ok(person)
    }

    /// Replace a person's details; their id, retired flag and Unix login
    /// are kept.
    pub fn edit_person(&self, id: PersonId, input: &NewPerson) -> Result<Person, CoreError> {
        let roster = self.roster()?;
        let old = roster.get(id).ok_or(CoreError::NoPerson(id))?;
        let mut person = input.validate(id, &roster)?;
        person.retired = old.retired;
        person.unix_user.clone_from(&old.unix_user);
        self.store
            .put_person(&person, &self.person_stamp(Some(old), &person)?)?;
        Ok(person)
    }

    pub fn retire_person(&self, id: PersonId) -> Result<Person, CoreError> {
        let roster = self.roster()?;
        let old = roster.get(id).ok_or(CoreError::NoPerson(id))?;
        let mut person = old.clone();
        person.retired = true;
        self.store
            .put_person(&person, &self.person_stamp(Some(old), &person)?)?;
        Ok(person)
    }

    /// Validate a catalogue file and make it this ledger's catalogue.
    pub fn import_catalogue(&self, text: &str) -> Result<Catalogue, CoreError> {
        let stamp = self.admin_stamp(Act::Catalogue, None)?;
        let catalogue = Catalogue::from_toml(text)?;
        self.store.set_catalogue(&catalogue, &stamp)?;
        Ok(catalogue)
    }

    pub fn export(&self) -> Result<Backup, CoreError> {
        Ok(self.store.export()?)
    }

    /// Replace the whole ledger with a backup, after checking it is coherent.
    pub fn import(&self, backup: &Backup) -> Result<(), CoreError> {
        check_backup(backup)?;
        let stamp = self.admin_stamp(Act::Import, None)?;
        Ok(self.store.import(backup, &stamp)?)
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

/// A backup must be of a schema we read, and every reference inside it must
/// resolve, so that an import never leaves a half-valid ledger.
fn check_backup(b: &Backup) -> Result<(), CoreError> {
    let bad = |m: String| Err(CoreError::BadBackup(m));
    if b.schema > SCHEMA_VERSION {
        return bad(format!(
            "schema {} is newer than this taizhang reads ({SCHEMA_VERSION}); upgrade taizhang",
            b.schema
        ));
    }
    Catalogue::from_toml(&b.catalogue.to_toml())
        .map_err(|e| CoreError::BadBackup(format!("catalogue: {}", e.message)))?;
    let mut ids = std::collections::HashSet::new();
    for p in &b.people {
        if !ids.insert(u64::from(p.id.0)) {
            return bad(format!("person id {} appears twice", p.id));
        }
    }
    let person_ok = |id: &PersonId| b.people.iter().any(|p| p.id == *id);
    for r in &b.records {
        if !ids.insert(r.id.0) {
            return bad(format!("record id {} is used twice", r.id));
        }
        let people = r
            .host
            .iter()
            .chain(&r.attendees)
            .chain(&r.partners)
            .chain(r.absentees.iter().map(|a| &a.person));
        for id in people {
            if !person_ok(id) {
                return bad(format!(
                    "record {} names person #{id}, who is not in the roster",
                    r.id
                ));
            }
        }
        for (i, d) in r.duties.iter().enumerate() {
            if r.duties[..i].contains(d) {
                return bad(format!(
                    "record {} lists duty `{d}` twice; a record counts toward a duty once",
                    r.id
                ));
            }
            if b.catalogue.duty(d).is_none() {
                return bad(format!(
                    "record {} counts toward duty `{d}`, which is not in the catalogue",
                    r.id
                ));
            }
        }
    }
    for f in &b.fixes {
        if !ids.insert(f.id.0) {
            return bad(format!("rectification item id {} is used twice", f.id));
        }
        if !person_ok(&f.owner) {
            return bad(format!(
                "rectification item {} names owner #{}, who is not in the roster",
                f.id, f.owner
            ));
        }
    }
    for c in &b.corrections {
        if !ids.insert(c.id) {
            return bad(format!("correction id {} is used twice", c.id));
        }
    }
    if ids.iter().any(|&id| id >= b.next_id) {
        return bad(format!(
            "next_id {} is not above every id in the file",
            b.next_id
        ));
    }
    Ok(())
}
