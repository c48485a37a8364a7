//! Who may change the ledger. A pure `Policy` read from the ledger's
//! `taizhang.toml` (`[access]`); the shells ask it before every write, with
//! the Unix user they can vouch for (the socket peer, or the process's uid).

use serde::{Deserialize, Serialize};

/// The `[access]` table: reviewers from the superior committee (上级党委)
/// may read the ledger but never change it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Unix user names that may only read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviewers: Vec<String>,
}

/// Why a write was refused, in data; `crate::i18n::access` words it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Refusal {
    /// `user` is a reviewer: read-only.
    #[error(
        "read-only: user {user} is a reviewer from the superior Party committee and may view the ledger but not change it"
    )]
    Reviewer { user: String },
}

impl Policy {
    /// Nothing configured: everyone who can reach the ledger may write.
    pub fn is_empty(&self) -> bool {
        self.reviewers.is_empty()
    }

    pub fn is_reviewer(&self, user: &str) -> bool {
        self.reviewers.iter().any(|r| r == user)
    }

    /// `Ok` when `user` may change the ledger.
    pub fn check_write(&self, user: &str) -> Result<(), Refusal> {
        if self.is_reviewer(user) {
            return Err(Refusal::Reviewer {
                user: user.to_string(),
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
}
