//! The branch roster: people, their roles, departments, the departments a
//! leader oversees (分管) and their 联系点, each with a dated history
//! (`history`). People are retired, never deleted, so old records keep their
//! names. A `Roster` is either the stored one (plain fields: the latest
//! values) or a snapshot from `Roster::as_of` (plain fields: that day's).

mod history;
mod input;
mod role;
#[cfg(test)]
mod tests;

use std::fmt;

use serde::{Deserialize, Serialize};

use super::error::Problem;
use super::rule::RoleScope;

pub use history::{Change, Eras, Held, History};
pub use input::{MAX_NAME, NewPerson, check_unix_user};
pub use role::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonId(pub u32);

impl fmt::Display for PersonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    pub roles: Vec<Role>,
    #[serde(default)]
    pub dept: Option<String>,
    /// Departments this leader oversees (分管).
    #[serde(default)]
    pub oversees: Vec<String>,
    /// 联系点: workshops or offices this leader is linked to.
    #[serde(default)]
    pub links: Vec<String>,
    #[serde(default)]
    pub retired: bool,
    /// The Unix login this person uses, so that the ledger knows who is at
    /// the keyboard (who may close rectification items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unix_user: Option<String>,
    /// From when each of the fields above held (empty: since forever).
    #[serde(default, skip_serializing_if = "History::is_empty")]
    pub history: History,
}

impl Person {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn is_leadership(&self) -> bool {
        self.has(Role::Secretary) || self.has(Role::DeputySecretary) || self.has(Role::Leader)
    }

    pub fn in_scope(&self, scope: RoleScope) -> bool {
        match scope {
            RoleScope::Secretary => self.has(Role::Secretary),
            RoleScope::OtherLeaders => self.is_leadership() && !self.has(Role::Secretary),
            RoleScope::Leadership => self.is_leadership(),
            RoleScope::Committee => {
                self.has(Role::Secretary)
                    || self.has(Role::DeputySecretary)
                    || self.has(Role::CommitteeMember)
                    || self.has(Role::OrganizationMember)
                    || self.has(Role::PropagandaMember)
                    || self.has(Role::DisciplineMember)
            }
            RoleScope::DeptHeads => self.has(Role::DeptHead),
            RoleScope::LeadersAndHeads => self.is_leadership() || self.has(Role::DeptHead),
            RoleScope::Members => true,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    pub people: Vec<Person>,
}

impl Roster {
    pub fn new(mut people: Vec<Person>) -> Self {
        people.sort_by_key(|p| p.id);
        Self { people }
    }

    pub fn get(&self, id: PersonId) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// A person's name, or `#id` for one the roster no longer holds.
    pub fn name(&self, id: PersonId) -> String {
        self.get(id)
            .map_or_else(|| format!("#{id}"), |p| p.name.clone())
    }

    /// The active person who logs in as `user`.
    pub fn by_unix_user(&self, user: &str) -> Option<&Person> {
        self.active().find(|p| p.unix_user.as_deref() == Some(user))
    }

    pub fn active(&self) -> impl Iterator<Item = &Person> {
        self.people.iter().filter(|p| !p.retired)
    }

    pub fn in_scope(&self, scope: RoleScope) -> impl Iterator<Item = &Person> {
        self.active().filter(move |p| p.in_scope(scope))
    }

    /// Active heads of `dept`.
    pub fn heads_of<'a>(&'a self, dept: &'a str) -> impl Iterator<Item = &'a Person> + 'a {
        self.active()
            .filter(move |p| p.has(Role::DeptHead) && p.dept.as_deref() == Some(dept))
    }

    /// Find an active person by name, or by `#id` for any person. A name two
    /// active people share is ambiguous and must be given as `#id`.
    pub fn resolve(&self, input: &str) -> Result<PersonId, Problem> {
        let name = input.trim();
        if let Some(num) = name.strip_prefix('#') {
            return num
                .parse()
                .ok()
                .map(PersonId)
                .filter(|id| self.get(*id).is_some())
                .ok_or_else(|| Problem::UnknownPerson(name.to_string()));
        }
        let hits: Vec<&Person> = self.people.iter().filter(|p| p.name == name).collect();
        let active: Vec<PersonId> = hits.iter().filter(|p| !p.retired).map(|p| p.id).collect();
        match (active.as_slice(), hits.as_slice()) {
            ([one], _) => Ok(*one),
            ([], []) => Err(Problem::UnknownPerson(name.to_string())),
            ([], _) => Err(Problem::RetiredPerson(name.to_string())),
            (many, _) => Err(Problem::AmbiguousPerson(name.to_string(), many.to_vec())),
        }
    }
}
