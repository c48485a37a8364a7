//! Raw roster input as typed, and its one-step validation into a `Person`.

use super::{Person, PersonId, Role, Roster};
use crate::core::error::{Field, Problem, ValidationError};
use crate::core::record::clean_line;

/// Raw input for a new person or an edit, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewPerson {
    pub name: String,
    pub roles: Vec<String>,
    pub dept: Option<String>,
    pub oversees: Vec<String>,
    pub links: Vec<String>,
}

/// Longest accepted name, in characters.
pub const MAX_NAME: usize = 40;

impl NewPerson {
    /// Validate into a person with `id`. `roster` is checked for a clash
    /// with another active person's name.
    pub fn validate(&self, id: PersonId, roster: &Roster) -> Result<Person, ValidationError> {
        let name = clean_line(&self.name);
        if name.is_empty() {
            return Err(ValidationError::new(Field::Name, Problem::Required));
        }
        if name.chars().count() > MAX_NAME {
            return Err(ValidationError::new(
                Field::Name,
                Problem::TooLong {
                    max: MAX_NAME,
                    got: name.chars().count(),
                },
            ));
        }
        if name.starts_with('#') {
            return Err(ValidationError::new(Field::Name, Problem::BadText));
        }
        if roster.active().any(|p| p.name == name && p.id != id) {
            return Err(ValidationError::new(Field::Name, Problem::NameTaken(name)));
        }
        let mut roles = Vec::new();
        for raw in &self.roles {
            let role = Role::parse(raw).ok_or_else(|| {
                ValidationError::new(Field::Roles, Problem::UnknownRole(raw.trim().to_string()))
            })?;
            if !roles.contains(&role) {
                roles.push(role);
            }
        }
        if roles.is_empty() {
            roles.push(Role::Member);
        }
        roles.sort();
        let list = |field: Field, items: &[String]| -> Result<Vec<String>, ValidationError> {
            let mut out: Vec<String> = Vec::new();
            for item in items
                .iter()
                .map(|s| clean_line(s))
                .filter(|s| !s.is_empty())
            {
                if out.contains(&item) {
                    return Err(ValidationError::new(field, Problem::Duplicate(item)));
                }
                out.push(item);
            }
            Ok(out)
        };
        Ok(Person {
            id,
            name,
            roles,
            dept: self
                .dept
                .as_deref()
                .map(clean_line)
                .filter(|d| !d.is_empty()),
            oversees: list(Field::Oversees, &self.oversees)?,
            links: list(Field::Links, &self.links)?,
            retired: false,
            unix_user: None,
            history: super::History::default(),
        })
    }
}

/// Check a Unix login name as typed (`--unix-user`): letters, digits, `.`,
/// `_`, `-`, at most 32, not starting with `-`. Empty means none.
pub fn check_unix_user(raw: &str) -> Result<Option<String>, ValidationError> {
    let name = raw.trim();
    if name.is_empty() {
        return Ok(None);
    }
    let ok = name.len() <= 32
        && !name.starts_with('-')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '$'));
    if ok {
        Ok(Some(name.to_string()))
    } else {
        Err(ValidationError::new(
            Field::UnixUser,
            Problem::BadUnixUser(name.to_string()),
        ))
    }
}
