//! Who may do what to the ledger: ONE policy table, enforced by
//! `core::Ledger` itself, so the ledger service and a direct-mode process run
//! the same checks. Its data: the ledger's owner (found by the shell: the Unix
//! owner of the ledger directory, or a configured principal), the reviewers
//! and the secretary switch from `taizhang.toml`'s `[access]`, and the roster's
//! people with their roles and Unix logins. Every refusal names its rule.

use serde::{Deserialize, Serialize};

use super::roster::{Person, Role};

/// The `[access]` table plus the owner the shell found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Unix user names that may only read: reviewers from the superior
    /// Party committee (上级党委).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviewers: Vec<String>,
    /// The owner lets the roster's 书记 do what only the owner may do.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub secretary_admin: bool,
    /// The owner's Unix user, when `taizhang.toml` names one (a ledger run
    /// by a service user names its human owner here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

/// What a user tries to do that the table governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Act {
    /// Any change at all.
    Write,
    /// Give, change or take away a person's roles.
    Roles,
    /// Map a person to a Unix login, or change or clear the mapping.
    Login,
    /// Replace the catalogue (quotas).
    Catalogue,
    /// Change who is a reviewer.
    AccessList,
    /// Replace the whole ledger from a backup (roster and catalogue included).
    Import,
    /// Close (销号) a rectification item.
    CloseFix,
    /// Put a sealed year back into the live ledger (the owner's alone).
    ReopenYear,
    /// Restore a backup whose journal does not continue the ledger's (the
    /// owner's alone).
    ForceRestore,
}

/// The rules of the table, each a sentence in `crate::i18n::access`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rule {
    /// Reviewers read, never write.
    ReviewersReadOnly,
    /// Roles, logins, the access list, the catalogue and whole-ledger
    /// imports are the owner's (and the 书记's where the owner says so).
    OwnerAdministers,
    /// Nobody changes their own roles or Unix login.
    NotOneself,
    /// Only the 书记 or the 纪检委员, as mapped now, close an item.
    SecretaryOrDisciplineCloses,
    /// Only the owner reopens a sealed year or forces in a backup whose
    /// journal does not continue the ledger's.
    OwnerUnseals,
}

/// Why something was refused, in data; `crate::i18n::access` words it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Refusal {
    /// `user` is a reviewer: read-only.
    #[error(
        "read-only: user {user} is a reviewer from the superior Party committee and may view the ledger but not change it"
    )]
    Reviewer { user: String },
    /// `user` may not do `act`: it is the owner's (and maybe the 书记's).
    #[error(
        "refused by the rule that only the ledger's owner{} may {act:?}; user {user} may not",
        if *.secretary_too { " or the secretary" } else { "" }
    )]
    NotAdmin {
        user: String,
        act: Act,
        owner: Option<String>,
        secretary_too: bool,
    },
    /// `user` tried to change their own roles or login (`act`).
    #[error("refused by the rule that nobody changes their own {act:?}; user {user} is {person}")]
    Oneself {
        user: String,
        person: String,
        act: Act,
    },
}

impl Refusal {
    pub fn rule(&self) -> Rule {
        match self {
            Refusal::Reviewer { .. } => Rule::ReviewersReadOnly,
            Refusal::NotAdmin {
                act: Act::ReopenYear | Act::ForceRestore,
                ..
            } => Rule::OwnerUnseals,
            Refusal::NotAdmin { .. } => Rule::OwnerAdministers,
            Refusal::Oneself { .. } => Rule::NotOneself,
        }
    }
}

/// A reviewer's name as `[access] reviewers` keeps it: a login name (no
/// spaces, no control or bidi characters, no quotes or commas, at most 64
/// characters), or `uid N` for an account without a name.
pub fn reviewer_name(raw: &str) -> Option<String> {
    let name = raw.trim();
    let plain = !name.is_empty()
        && name.chars().count() <= 64
        && !name.chars().any(|c| {
            c.is_whitespace() || super::text::is_unsafe(c) || matches!(c, ',' | '"' | '\'')
        });
    let numeric = name
        .strip_prefix("uid ")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    (plain || numeric).then(|| name.to_string())
}

/// Who may close (销号) a rectification item: the 书记 or the 纪检委员
/// (`Rule::SecretaryOrDisciplineCloses`), by their roles as mapped now.
pub fn may_close(roles: &[Role]) -> bool {
    roles.contains(&Role::Secretary) || roles.contains(&Role::DisciplineMember)
}

impl Policy {
    /// A policy with no `[access]` settings and no known owner: everyone is
    /// treated as the owner. Only for ledgers no shell shares (tests, demos);
    /// shells always set the owner (`with_owner`).
    pub fn is_empty(&self) -> bool {
        self.reviewers.is_empty() && !self.secretary_admin && self.owner.is_none()
    }

    /// The same table with `owner` as the ledger's owner, unless the file
    /// already names one.
    #[must_use]
    pub fn with_owner(mut self, owner: impl Into<String>) -> Self {
        if self.owner.is_none() {
            self.owner = Some(owner.into());
        }
        self
    }

    pub fn is_reviewer(&self, user: &str) -> bool {
        self.reviewers.iter().any(|r| r == user)
    }

    /// Whether `user` is the ledger's owner (anyone, when none is known).
    pub fn is_owner(&self, user: &str) -> bool {
        self.owner.as_deref().is_none_or(|o| o == user)
    }

    /// `Ok` when `user` may change the ledger at all.
    pub fn check_write(&self, user: &str) -> Result<(), Refusal> {
        if self.is_reviewer(user) {
            return Err(Refusal::Reviewer {
                user: user.to_string(),
            });
        }
        Ok(())
    }

    /// `Ok` when `user` is the ledger's owner, for an act that is the
    /// owner's alone, whatever `secretary_admin` says.
    pub fn check_owner(&self, user: &str, act: Act) -> Result<(), Refusal> {
        self.check_write(user)?;
        if self.is_owner(user) {
            return Ok(());
        }
        Err(Refusal::NotAdmin {
            user: user.to_string(),
            act,
            owner: self.owner.clone(),
            secretary_too: false,
        })
    }

    /// `Ok` when `user`, who is `acting` on the roster (if anyone), may do
    /// `act`, an administrative act: the owner may, and the 书记 where
    /// `secretary_admin` says so.
    pub fn check_admin(
        &self,
        user: &str,
        acting: Option<&Person>,
        act: Act,
    ) -> Result<(), Refusal> {
        // The owner keeps the access list even while listed as a reviewer,
        // so that they can always take themselves off it.
        if act == Act::AccessList && self.is_owner(user) {
            return Ok(());
        }
        self.check_write(user)?;
        let secretary = self.secretary_admin && acting.is_some_and(|p| p.has(Role::Secretary));
        if self.is_owner(user) || secretary {
            return Ok(());
        }
        Err(Refusal::NotAdmin {
            user: user.to_string(),
            act,
            owner: self.owner.clone(),
            secretary_too: self.secretary_admin,
        })
    }

    /// `Ok` when `user` may change `target`'s roles or login (`act`): an
    /// administrator may, and never on the person they are themselves.
    pub fn check_person_admin(
        &self,
        user: &str,
        acting: Option<&Person>,
        target: &Person,
        act: Act,
    ) -> Result<(), Refusal> {
        self.check_admin(user, acting, act)?;
        if target.unix_user.as_deref() == Some(user) {
            return Err(Refusal::Oneself {
                user: user.to_string(),
                person: target.name.clone(),
                act,
            });
        }
        Ok(())
    }

    /// Add `user` as a reviewer; false when already listed.
    pub fn add_reviewer(&mut self, user: &str) -> bool {
        if self.is_reviewer(user) {
            return false;
        }
        self.reviewers.push(user.to_string());
        true
    }

    /// Remove `user` from the reviewers; false when not listed.
    pub fn remove_reviewer(&mut self, user: &str) -> bool {
        let before = self.reviewers.len();
        self.reviewers.retain(|r| r != user);
        self.reviewers.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::roster::PersonId;

    fn person(name: &str, role: Role, login: Option<&str>) -> Person {
        Person {
            id: PersonId(1),
            name: name.into(),
            roles: vec![role],
            dept: None,
            oversees: Vec::new(),
            links: Vec::new(),
            retired: false,
            unix_user: login.map(str::to_string),
            history: crate::core::roster::History::default(),
        }
    }

    #[test]
    fn reviewers_may_not_write_and_others_may() {
        let mut policy = Policy::default();
        assert!(policy.check_write("zhang").is_ok());
        assert!(policy.add_reviewer("wang"));
        assert!(!policy.add_reviewer("wang"));
        assert_eq!(
            policy.check_write("wang"),
            Err(Refusal::Reviewer {
                user: "wang".into()
            })
        );
        assert!(policy.check_write("zhang").is_ok());
        assert!(policy.remove_reviewer("wang"));
        assert!(!policy.remove_reviewer("wang"));
        assert!(policy.check_write("wang").is_ok());
        assert!(policy.is_empty());
    }

    #[test]
    fn only_the_owner_administers_unless_the_secretary_may() {
        let policy = Policy::default().with_owner("owner");
        let secretary = person("张三", Role::Secretary, Some("zhang"));
        let member = person("王五", Role::Member, Some("wang"));
        assert!(policy.check_admin("owner", None, Act::Roles).is_ok());
        let refused = policy.check_admin("zhang", Some(&secretary), Act::Catalogue);
        assert_eq!(refused.unwrap_err().rule(), Rule::OwnerAdministers);
        let trusting = Policy {
            secretary_admin: true,
            ..policy
        };
        assert!(
            trusting
                .check_admin("zhang", Some(&secretary), Act::Catalogue)
                .is_ok()
        );
        let refused = trusting.check_admin("wang", Some(&member), Act::Login);
        assert_eq!(refused.unwrap_err().rule(), Rule::OwnerAdministers);
    }

    #[test]
    fn nobody_changes_their_own_roles_or_login() {
        let policy = Policy::default().with_owner("owner");
        let me = person("老板", Role::Secretary, Some("owner"));
        let refused = policy.check_person_admin("owner", Some(&me), &me, Act::Roles);
        assert_eq!(refused.unwrap_err().rule(), Rule::NotOneself);
        let other = person("王五", Role::Member, Some("wang"));
        assert!(
            policy
                .check_person_admin("owner", Some(&me), &other, Act::Roles)
                .is_ok()
        );
    }

    #[test]
    fn a_named_owner_wins_over_the_directory_owner() {
        let policy = Policy {
            owner: Some("zhang".into()),
            ..Policy::default()
        }
        .with_owner("taizhang-svc");
        assert!(policy.is_owner("zhang"));
        assert!(!policy.is_owner("taizhang-svc"));
        assert!(Policy::default().is_owner("anyone"));
    }
}
