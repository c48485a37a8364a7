//! The roster's use cases: add, edit and retire people and map them to Unix
//! logins. Roles and logins are administrative acts of the policy table
//! (`core::access`): each change takes its stamp from `admin_stamp`, so the
//! same rules hold in the ledger service and in direct mode. A change to
//! roles, department, 分管, 联系点 or membership holds from a date (`from`,
//! the ledger's today when none is given) and keeps what held before; the
//! records it concerns are relinked to their duties (`relink`).

use chrono::{Datelike, NaiveDate};

use super::Ledger;
use crate::core::access::Act;
use crate::core::error::{CoreError, Field, Problem, StoreError, ValidationError};
use crate::core::port::{Stamp, Store};
use crate::core::roster::{NewPerson, Person, PersonId, Roster, check_unix_user};

impl<S: Store> Ledger<S> {
    /// The roster as it stands today, by the ledger's clock.
    pub(crate) fn roster_today(&self) -> Result<Roster, CoreError> {
        Ok(self.roster()?.as_of(self.now().date()))
    }

    /// The stamp for an administrative act (`access::Act`), once the policy
    /// table allows it to this user, as mapped on the roster today; `target`
    /// is the person whose roles or login change (never the user themselves).
    pub(crate) fn admin_stamp(
        &self,
        act: Act,
        target: Option<&Person>,
    ) -> Result<Stamp, CoreError> {
        let roster = self.roster_today()?;
        let acting = roster.by_unix_user(&self.user);
        match target {
            Some(t) => self.policy.check_person_admin(&self.user, acting, t, act)?,
            None => self.policy.check_admin(&self.user, acting, act)?,
        }
        Ok(self.stamp())
    }

    /// Refuse a roster change holding from `from` when a closed year ends on
    /// or after it: the roster of a closed year is sealed with the year.
    pub(crate) fn ensure_roster_open(&self, from: NaiveDate) -> Result<(), CoreError> {
        let closed = self.store.closed_years()?;
        match closed.into_iter().filter(|y| *y >= from.year()).max() {
            Some(year) => {
                Err(ValidationError::new(Field::From, Problem::RosterSealed { year }).into())
            }
            None => Ok(()),
        }
    }

    /// The stamp for replacing `old` (none: a new person) with `new`: roles
    /// or a login that change are administrative acts.
    pub(crate) fn person_stamp(
        &self,
        old: Option<&Person>,
        new: &Person,
    ) -> Result<Stamp, CoreError> {
        let roles_changed = match old {
            Some(old) => {
                old.roles != new.roles
                    || old.history.roles != new.history.roles
                    || old.retired != new.retired
                    || old.history.retired != new.history.retired
            }
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

    /// Add a person on the roster since forever.
    pub fn add_person(&self, input: &NewPerson) -> Result<Person, CoreError> {
        self.add_person_on(input, "", None)
    }

    /// Replace a person's details from today on; their id, membership and
    /// Unix login are kept.
    pub fn edit_person(&self, id: PersonId, input: &NewPerson) -> Result<Person, CoreError> {
        self.edit_person_on(id, input, None, None)
    }

    /// Take a person off the roster from today on.
    pub fn retire_person(&self, id: PersonId) -> Result<Person, CoreError> {
        self.retire_person_on(id, None)
    }

    /// Add a person who logs in as `unix_user` (empty: none).
    pub fn add_person_with_login(
        &self,
        input: &NewPerson,
        unix_user: &str,
    ) -> Result<Person, CoreError> {
        self.add_person_on(input, unix_user, None)
    }

    /// `edit_person`, also setting the Unix login (`Some("")` clears it,
    /// `None` keeps it), in one journaled change.
    pub fn edit_person_with_login(
        &self,
        id: PersonId,
        input: &NewPerson,
        unix_user: Option<&str>,
    ) -> Result<Person, CoreError> {
        self.edit_person_on(id, input, unix_user, None)
    }

    /// Add a person who logs in as `unix_user` (empty: none) and is on the
    /// roster from `from` on (none: since forever, so that the records of a
    /// year entered after setting up the roster find everyone).
    pub fn add_person_on(
        &self,
        input: &NewPerson,
        unix_user: &str,
        from: Option<NaiveDate>,
    ) -> Result<Person, CoreError> {
        let roster = self.roster()?;
        // Validate before taking an id, so a refused input uses none up.
        // Id 0 is never handed out, so it clashes with nobody.
        let mut person = input.validate(PersonId(0), &roster)?;
        person.unix_user = self.free_login(None, unix_user)?;
        if let Some(day) = from {
            self.ensure_roster_open(day)?;
            person.join_on(day);
        }
        let stamp = self.person_stamp(None, &person)?;
        person.id = PersonId(
            u32::try_from(self.store.next_id()?)
                .map_err(|_| StoreError::Corrupt("id space exhausted".into()))?,
        );
        self.store.put_person(&person, &stamp)?;
        Ok(person)
    }

    /// Change a person's name now, and their roles, department, 分管 and
    /// 联系点 from `from` on (none: the ledger's today); what held before
    /// stays in their history. `unix_user`: as in `edit_person_with_login`.
    pub fn edit_person_on(
        &self,
        id: PersonId,
        input: &NewPerson,
        unix_user: Option<&str>,
        from: Option<NaiveDate>,
    ) -> Result<Person, CoreError> {
        let roster = self.roster()?;
        let old = roster.get(id).ok_or(CoreError::NoPerson(id))?;
        let login = match unix_user {
            Some(raw) => self.free_login(Some(old), raw)?,
            None => old.unix_user.clone(),
        };
        let new = input.validate(id, &roster)?;
        let mut person = old.clone();
        person.name.clone_from(&new.name);
        person.unix_user = login;
        let from = from.unwrap_or_else(|| self.now().date());
        if person.change_from(from, &new) {
            self.ensure_roster_open(from)?;
        }
        let stamp = self.person_stamp(Some(old), &person)?;
        self.put_person_relinking(&roster, &person, from, &stamp)?;
        Ok(person)
    }

    /// Take a person off the roster from `from` on (none: the ledger's
    /// today); before it they stay on it.
    pub fn retire_person_on(
        &self,
        id: PersonId,
        from: Option<NaiveDate>,
    ) -> Result<Person, CoreError> {
        let roster = self.roster()?;
        let old = roster.get(id).ok_or(CoreError::NoPerson(id))?;
        let mut person = old.clone();
        let from = from.unwrap_or_else(|| self.now().date());
        if person.set_retired_from(from, true) {
            self.ensure_roster_open(from)?;
        }
        let stamp = self.person_stamp(Some(old), &person)?;
        self.put_person_relinking(&roster, &person, from, &stamp)?;
        Ok(person)
    }

    /// Set or clear (empty) the Unix login a person uses.
    pub fn set_unix_user(&self, id: PersonId, unix_user: &str) -> Result<Person, CoreError> {
        let roster = self.roster()?;
        let old = roster.get(id).ok_or(CoreError::NoPerson(id))?;
        let mut person = old.clone();
        person.unix_user = self.free_login(Some(old), unix_user)?;
        self.store
            .put_person(&person, &self.person_stamp(Some(old), &person)?)?;
        Ok(person)
    }

    /// A valid login not used by another active person, for `old` (none: a
    /// new person). A change of login is checked against the policy table
    /// first, so a refused user learns nothing about who holds a login.
    fn free_login(&self, old: Option<&Person>, raw: &str) -> Result<Option<String>, CoreError> {
        let login = check_unix_user(raw)?;
        if login.as_deref() != old.and_then(|o| o.unix_user.as_deref()) {
            self.admin_stamp(Act::Login, old)?;
        }
        let Some(login) = login else {
            return Ok(None);
        };
        if let Some(other) = self.roster()?.by_unix_user(&login)
            && Some(other.id) != old.map(|o| o.id)
        {
            return Err(ValidationError::new(
                Field::UnixUser,
                Problem::UnixUserTaken(login, other.id),
            )
            .into());
        }
        Ok(Some(login))
    }
}
