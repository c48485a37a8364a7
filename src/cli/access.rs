//! `taizhang access list|add-reviewer|remove-reviewer`: the read-only
//! reviewers in the ledger's `taizhang.toml`. Only the directory's owner may
//! change the list; anyone who can read the ledger may see it.

use std::fmt::Write as _;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::core::text::is_unsafe;
use crate::i18n::{Lang, access as t};
use crate::store::Sharing;

use super::layout::shown;
use super::{CliError, context};

#[derive(Debug, Subcommand)]
pub enum AccessCmd {
    /// Who may only read the ledger
    List,
    /// Make a Unix user a reviewer from the superior committee: may read, not write
    AddReviewer {
        /// The reviewer's Unix login name
        name: String,
    },
    /// Let a reviewer write again (as far as file permissions allow)
    RemoveReviewer {
        /// The reviewer's Unix login name
        name: String,
    },
}

/// What `taizhang access` refuses.
#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error("only the owner of {dir:?} may change the reviewers, not {user}")]
    NotOwner { user: String, dir: PathBuf },
    #[error("{0:?} is not a Unix user name")]
    BadName(String),
    #[error("{0} is not a reviewer")]
    NotReviewer(String),
    #[error("no ledger at {0:?}")]
    NoLedger(PathBuf),
}

impl From<AccessError> for CliError {
    fn from(e: AccessError) -> Self {
        CliError::Access(e)
    }
}

pub fn run(db: Option<&Path>, lang: Lang, cmd: &AccessCmd) -> Result<String, CliError> {
    let dir = context::db_path(db)?;
    let store_err = |e: crate::core::StoreError| CliError::Core(e.into());
    match cmd {
        AccessCmd::List => {
            let sharing = Sharing::load(&dir).map_err(store_err)?;
            if sharing.access.reviewers.is_empty() {
                return Ok(format!("{}\n", t::no_reviewers(lang)));
            }
            let mut out = format!("{}\n", t::reviewers_heading(lang));
            for name in &sharing.access.reviewers {
                let _ = writeln!(out, "  {}", shown(name));
            }
            Ok(out)
        }
        AccessCmd::AddReviewer { name } => {
            let name = valid_name(name)?;
            owner_only(&dir)?;
            let mut sharing = Sharing::load(&dir).map_err(store_err)?;
            if !sharing.access.add_reviewer(&name) {
                return Ok(format!("{}\n", t::already_reviewer(lang, &name)));
            }
            sharing.save(&dir).map_err(store_err)?;
            let mut out = format!("{}\n", t::reviewer_added(lang, &name));
            if !known_user(&name) {
                let _ = writeln!(out, "{}", t::no_such_user(lang, &name));
            }
            Ok(out)
        }
        AccessCmd::RemoveReviewer { name } => {
            let name = valid_name(name)?;
            owner_only(&dir)?;
            let mut sharing = Sharing::load(&dir).map_err(store_err)?;
            if !sharing.access.remove_reviewer(&name) {
                return Err(AccessError::NotReviewer(name).into());
            }
            sharing.save(&dir).map_err(store_err)?;
            Ok(format!("{}\n", t::reviewer_removed(lang, &name)))
        }
    }
}

/// A login name (no spaces, no control or bidi characters, at most 64
/// characters), or `uid N` for an account without a name.
fn valid_name(raw: &str) -> Result<String, AccessError> {
    let name = raw.trim();
    let plain = !name.is_empty()
        && name.chars().count() <= 64
        && !name
            .chars()
            .any(|c| c.is_whitespace() || is_unsafe(c) || matches!(c, ',' | '"' | '\''));
    let numeric = name
        .strip_prefix("uid ")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if plain || numeric {
        Ok(name.to_string())
    } else {
        Err(AccessError::BadName(raw.to_string()))
    }
}

/// The ledger directory must exist and belong to the real user.
fn owner_only(dir: &Path) -> Result<(), AccessError> {
    let meta = std::fs::metadata(dir).map_err(|_| AccessError::NoLedger(dir.to_path_buf()))?;
    if meta.uid() != nix::unistd::getuid().as_raw() {
        return Err(AccessError::NotOwner {
            user: context::user(),
            dir: dir.to_path_buf(),
        });
    }
    Ok(())
}

fn known_user(name: &str) -> bool {
    name.starts_with("uid ") || matches!(nix::unistd::User::from_name(name), Ok(Some(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_login_names() {
        assert_eq!(valid_name(" wangli ").unwrap(), "wangli");
        assert_eq!(valid_name("uid 1001").unwrap(), "uid 1001");
        for bad in [
            "",
            "wang li",
            "a\u{1b}[2J",
            "x\u{202e}",
            "uid x",
            &"a".repeat(65),
        ] {
            assert!(valid_name(bad).is_err(), "{bad:?}");
        }
    }
}
