//! `taizhang access list|add-reviewer|remove-reviewer|secretary-admin`: the
//! `[access]` settings in the ledger's `taizhang.toml`. The policy table
//! (`core::access`) decides who may change them: the ledger's owner, and the
//! 书记 where the owner allows it; anyone who can read the ledger may see them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::core::LedgerApi as _;
use crate::core::access::{Act, Policy};
use crate::i18n::{Lang, access as t};
use crate::service::AnyLedger;
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
    /// Let the 书记 (as mapped on the roster) also change roles, Unix logins,
    /// the reviewers and the catalogue (on), or only the owner (off)
    SecretaryAdmin {
        #[arg(value_parser = ["on", "off"])]
        state: String,
    },
}

/// What `taizhang access` refuses.
#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error("{0:?} is not a Unix user name")]
    BadName(String),
    #[error("{0} is not a reviewer")]
    NotReviewer(String),
    #[error("no ledger at {0:?}")]
    NoLedger(PathBuf),
    /// The policy allows the change, but the settings file is the owner's
    /// (0600 on a shared ledger) and only they can write it.
    #[error("{0:?} can only be written by the ledger's owner")]
    OwnersFile(PathBuf),
}

impl From<AccessError> for CliError {
    fn from(e: AccessError) -> Self {
        CliError::Access(e)
    }
}

pub fn run(
    db: Option<&Path>,
    lang: Lang,
    access: context::Access,
    cmd: &AccessCmd,
) -> Result<String, CliError> {
    let dir = context::db_path(db)?;
    let store_err = |e: crate::core::StoreError| CliError::Core(e.into());
    match cmd {
        AccessCmd::List => {
            let mut out = String::new();
            if !dir.is_dir() {
                let _ = writeln!(out, "{}", t::no_reviewers(lang));
                return Ok(out);
            }
            let (policy, _) = read_policy(&dir, access)?;
            let owner = policy.owner.as_deref().unwrap_or_default();
            let _ = writeln!(
                out,
                "{}",
                t::owner_line(lang, &shown(owner), policy.secretary_admin)
            );
            if policy.reviewers.is_empty() {
                let _ = writeln!(out, "{}", t::no_reviewers(lang));
                return Ok(out);
            }
            let _ = writeln!(out, "{}", t::reviewers_heading(lang));
            for name in &policy.reviewers {
                let _ = writeln!(out, "  {}", shown(name));
            }
            Ok(out)
        }
        AccessCmd::AddReviewer { name } => {
            let name = valid_name(name)?;
            let added = change_list(
                &dir,
                access,
                &name,
                crate::core::LedgerApi::add_reviewer,
                Policy::add_reviewer,
            )?;
            if !added {
                return Ok(format!("{}\n", t::already_reviewer(lang, &name)));
            }
            let mut out = format!("{}\n", t::reviewer_added(lang, &name));
            if !known_user(&name) {
                let _ = writeln!(out, "{}", t::no_such_user(lang, &name));
            }
            Ok(out)
        }
        AccessCmd::RemoveReviewer { name } => {
            let name = valid_name(name)?;
            let removed = change_list(
                &dir,
                access,
                &name,
                crate::core::LedgerApi::remove_reviewer,
                Policy::remove_reviewer,
            )?;
            if !removed {
                return Err(AccessError::NotReviewer(name).into());
            }
            Ok(format!("{}\n", t::reviewer_removed(lang, &name)))
        }
        AccessCmd::SecretaryAdmin { state } => {
            // The owner's say, so never the secretary's own.
            if may_change(&dir, access, false)?.is_some() {
                return Err(AccessError::OwnersFile(Sharing::path(&dir)).into());
            }
            let mut sharing = Sharing::load(&dir).map_err(store_err)?;
            sharing.access.secretary_admin = state == "on";
            sharing.save(&dir).map_err(store_err)?;
            Ok(format!(
                "{}\n",
                t::secretary_admin_set(lang, sharing.access.secretary_admin)
            ))
        }
    }
}

/// A login name (no spaces, no control or bidi characters, at most 64
/// characters), or `uid N` for an account without a name.
fn valid_name(raw: &str) -> Result<String, AccessError> {
    crate::core::access::reviewer_name(raw).ok_or_else(|| AccessError::BadName(raw.to_string()))
}

/// The ledger's policy: read from its settings file where this user can
/// (the owner), else asked of the ledger service, which reads it as the
/// owner (a member of a shared ledger cannot read the 0600 file). The
/// ledger comes back when it was opened for that.
fn read_policy(
    dir: &Path,
    access: context::Access,
) -> Result<(Policy, Option<AnyLedger>), CliError> {
    match crate::store::sharing::policy(dir) {
        Ok(policy) => Ok((policy, None)),
        Err(crate::core::StoreError::Io { source, .. })
            if source.kind() == std::io::ErrorKind::PermissionDenied =>
        {
            let ledger = context::open_ledger(dir, access)?;
            Ok((ledger.access_policy()?, Some(ledger)))
        }
        Err(e) => Err(CliError::Core(e.into())),
    }
}

/// Whether the real user may change `[access]`, by the policy table: the
/// ledger's owner may, and the 书记 (found through the roster) where
/// `secretary_admin` is on and `secretary_too` allows it. A member is told
/// the rule that refuses them, not that a file was unreadable. The ledger
/// comes back when the settings file is not this user's to write: the
/// change then goes through the ledger service.
fn may_change(
    dir: &Path,
    access: context::Access,
    secretary_too: bool,
) -> Result<Option<AnyLedger>, CliError> {
    if !dir.is_dir() {
        return Err(AccessError::NoLedger(dir.to_path_buf()).into());
    }
    let (policy, opened) = read_policy(dir, access)?;
    let user = context::user();
    let acting = if secretary_too && policy.secretary_admin && !policy.is_owner(&user) {
        match &opened {
            Some(ledger) => ledger.acting_person()?,
            None => context::open_ledger(dir, access)?.acting_person()?,
        }
    } else {
        None
    };
    policy
        .check_admin(&user, acting.as_ref(), Act::AccessList)
        .map_err(|r| CliError::Core(r.into()))?;
    Ok(opened)
}

/// Change the reviewers by `change` where the policy allows it: in the
/// settings file when this user can write it (the owner), else through the
/// ledger service (`remote`), which checks the policy again and, running as
/// the owner, writes the file. Whether anything changed.
fn change_list(
    dir: &Path,
    access: context::Access,
    name: &str,
    remote: fn(&AnyLedger, &str) -> Result<bool, crate::core::CoreError>,
    change: fn(&mut Policy, &str) -> bool,
) -> Result<bool, CliError> {
    if let Some(ledger) = may_change(dir, access, true)? {
        return Ok(remote(&ledger, name)?);
    }
    let store_err = |e: crate::core::StoreError| CliError::Core(e.into());
    let mut sharing = Sharing::load(dir).map_err(store_err)?;
    let changed = change(&mut sharing.access, name);
    if changed {
        sharing.save(dir).map_err(store_err)?;
    }
    Ok(changed)
}

fn known_user(name: &str) -> bool {
    name.starts_with("uid ") || matches!(nix::unistd::User::from_name(name), Ok(Some(_)))
}

/// A refused `taizhang access` command.
pub fn error_text(lang: Lang, e: &AccessError) -> String {
    use crate::core::text::inert_line;
    match e {
        AccessError::BadName(raw) => t::bad_name(lang, &inert_line(raw)),
        AccessError::NotReviewer(name) => t::not_reviewer(lang, &inert_line(name)),
        AccessError::NoLedger(dir) => t::no_ledger(lang, dir),
        AccessError::OwnersFile(path) => owners_file(lang, path),
    }
}

/// The policy allows a change the settings file's owner alone can write.
fn owners_file(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Zh => format!(
            "按台账的权限规则你可以作此更改，但设置文件 {} 只有台账所有者能写入；请台账所有者执行这条命令",
            path.display()
        ),
        Lang::En => format!(
            "the ledger's policy allows you this change, but the settings file {} can only be written by the ledger's owner; ask the owner to run this command",
            path.display()
        ),
    }
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
