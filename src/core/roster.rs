//! The branch roster: people, their roles, departments, the departments a
//! leader oversees (分管) and their 联系点. People are retired, never deleted,
//! so old records keep their names.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::error::{Field, Problem, ValidationError};
use super::record::clean_line;
use super::rule::RoleScope;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonId(pub u32);

impl fmt::Display for PersonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Secretary,
    DeputySecretary,
    CommitteeMember,
    /// 组织委员 (支部工作条例 sets the committee up as 书记, 组织委员,
    /// 宣传委员 and 纪检委员).
    OrganizationMember,
    /// 宣传委员.
    PropagandaMember,
    DisciplineMember,
    Leader,
    DeptHead,
    Member,
    Probationary,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::Secretary,
        Role::DeputySecretary,
        Role::CommitteeMember,
        Role::OrganizationMember,
        Role::PropagandaMember,
        Role::DisciplineMember,
        Role::Leader,
        Role::DeptHead,
        Role::Member,
        Role::Probationary,
    ];

    pub fn zh(self) -> &'static str {
        match self {
            Role::Secretary => "书记",
            Role::DeputySecretary => "副书记",
            Role::CommitteeMember => "委员",
            Role::OrganizationMember => "组织委员",
            Role::PropagandaMember => "宣传委员",
            Role::DisciplineMember => "纪检委员",
            Role::Leader => "班子成员",
            Role::DeptHead => "部门负责人",
            Role::Member => "党员",
            Role::Probationary => "预备党员",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Role::Secretary => "secretary",
            Role::DeputySecretary => "deputy secretary",
            Role::CommitteeMember => "committee member",
            Role::OrganizationMember => "organization member",
            Role::PropagandaMember => "propaganda member",
            Role::DisciplineMember => "discipline member",
            Role::Leader => "leadership member",
            Role::DeptHead => "department head",
            Role::Member => "member",
            Role::Probationary => "probationary member",
        }
    }

    /// Plain membership (党员, 预备党员): giving it to a new person is no
    /// administrative act; every other role is (`access::Act::Roles`).
    pub fn is_ordinary(self) -> bool {
        matches!(self, Role::Member | Role::Probationary)
    }

    pub fn parse(input: &str) -> Option<Role> {
        let s = input.trim();
        let snake = s.replace([' ', '-'], "_");
        Role::ALL.into_iter().find(|r| {
            r.zh() == s
                || r.en().eq_ignore_ascii_case(s)
                || r.en().replace(' ', "_").eq_ignore_ascii_case(&snake)
                || (*r == Role::Leader && (s == "班子" || s.eq_ignore_ascii_case("leader")))
                || (*r == Role::DeptHead && s.eq_ignore_ascii_case("head"))
                || (*r == Role::OrganizationMember && s.eq_ignore_ascii_case("organizer"))
                || (*r == Role::PropagandaMember && s.eq_ignore_ascii_case("propaganda"))
        })
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
