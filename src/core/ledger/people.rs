//! The roster's use cases: add, edit and retire people and map them to Unix
//! logins. Roles and logins are administrative acts of the policy table
//! (`core::access`): each change takes its stamp from `admin_stamp`, so the
//! same rules hold in the ledger service and in direct mode.

use super::Ledger;
use crate::core::access::Act;
use crate::core::error::{CoreError, Field, Problem, StoreError, ValidationError};
use crate::core::port::{Stamp, Store};
use crate::core::roster::{NewPerson, Person, PersonId, check_unix_user};

impl<S: Store> Ledger<S> {
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

    /// Add a person who logs in as `unix_user` (empty: none).
    pub fn add_person_with_login(
        &self,
        input: &NewPerson,
        unix_user: &str,
    ) -> Result<Person, CoreError> {
        let login = self.free_login(None, unix_user)?;
        if login.is_none() {
            return self.add_person(input);
        }
        let roster = self.roster()?;
        let mut person = input.validate(PersonId(0), &roster)?;
        person.unix_user = login;
        let stamp = self.person_stamp(None, &person)?;
        person.id = PersonId(
            u32::try_from(self.store.next_id()?)
                .map_err(|_| crate::core::StoreError::Corrupt("id space exhausted".into()))?,
        );
        self.store.put_person(&person, &stamp)?;
        Ok(person)
    }

    /// `edit_person`, also setting the Unix login (`Some("")` clears it,
    /// `None` keeps it), in one journaled change.
    pub fn edit_person_with_login(
        &self,
        id: PersonId,
        input: &NewPerson,
        unix_user: Option<&str>,
    ) -> Result<Person, CoreError> {
        let Some(raw) = unix_user else {
            return self.edit_person(id, input);
        };
        let roster = self.roster()?;
        let old = roster.get(id).ok_or(CoreError::NoPerson(id))?;
        let login = self.free_login(Some(old), raw)?;
        let mut person = input.validate(id, &roster)?;
        person.retired = old.retired;
        person.unix_user = login;
        self.store
            .put_person(&person, &self.person_stamp(Some(old), &person)?)?;
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
