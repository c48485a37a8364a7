//! Words for the access policy: the read-only refusal and `taizhang access`.

use std::path::Path;

use super::Lang;
use crate::core::access::Refusal;

/// Why a write was refused, and what to do about it.
pub fn refusal(lang: Lang, r: &Refusal) -> String {
    match (r, lang) {
        (Refusal::Reviewer { user }, Lang::Zh) => format!(
            "只读：用户 {user} 是上级党委审阅人，只能查看，不能修改台账；如需修改，请台账所有者运行 taizhang access remove-reviewer {user}"
        ),
        (Refusal::Reviewer { user }, Lang::En) => format!(
            "read-only: user {user} is a reviewer from the superior Party committee and may view the ledger but not change it; to allow changes, the ledger's owner runs taizhang access remove-reviewer {user}"
        ),
    }
}

pub fn reviewer_added(lang: Lang, user: &str) -> String {
    match lang {
        Lang::Zh => format!("已将 {user} 设为上级党委审阅人：只能查看，不能修改"),
        Lang::En => format!("{user} is now a reviewer: may view, may not change"),
    }
}

pub fn already_reviewer(lang: Lang, user: &str) -> String {
    match lang {
        Lang::Zh => format!("{user} 已是审阅人，未作改动"),
        Lang::En => format!("{user} is already a reviewer; nothing changed"),
    }
}

pub fn reviewer_removed(lang: Lang, user: &str) -> String {
    match lang {
        Lang::Zh => format!("{user} 不再是审阅人，可按台账权限修改"),
        Lang::En => format!("{user} is no longer a reviewer and may change the ledger"),
    }
}

/// Refused: removing someone who is not listed.
pub fn not_reviewer(lang: Lang, user: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("{user} 不是审阅人；请用 taizhang access list 查看审阅人名单")
        }
        Lang::En => format!("{user} is not a reviewer; taizhang access list shows who is"),
    }
}

/// A note after adding a name the password database does not know.
pub fn no_such_user(lang: Lang, user: &str) -> String {
    match lang {
        Lang::Zh => format!("注意：本机没有名为 {user} 的 Unix 用户（请检查拼写）"),
        Lang::En => {
            format!("note: there is no Unix user named {user} on this host (check the spelling)")
        }
    }
}

pub fn no_reviewers(lang: Lang) -> &'static str {
    lang.pick(
        "没有审阅人：能访问台账的用户都可以修改",
        "no reviewers: everyone who can reach the ledger may change it",
    )
}

pub fn reviewers_heading(lang: Lang) -> &'static str {
    lang.pick(
        "上级党委审阅人（只能查看，不能修改）：",
        "Reviewers from the superior Party committee (may view, may not change):",
    )
}

/// Refused: `taizhang access` changes by someone other than the owner.
pub fn not_owner(lang: Lang, user: &str, dir: &Path) -> String {
    match lang {
        Lang::Zh => format!(
            "只有台账所有者才能修改审阅人名单；{} 不属于用户 {user}",
            dir.display()
        ),
        Lang::En => format!(
            "only the ledger's owner may change the reviewers; {} does not belong to user {user}",
            dir.display()
        ),
    }
}

/// Refused: a reviewer name that cannot be a Unix user name.
pub fn bad_name(lang: Lang, raw: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "审阅人“{raw}”不是有效的 Unix 用户名：请写登录名（如 wangli），不含空白或控制字符，最长 64 个字符"
        ),
        Lang::En => format!(
            "reviewer \"{raw}\" is not a valid Unix user name: give the login name (e.g. wangli), without spaces or control characters, at most 64 characters"
        ),
    }
}

/// Refused: no ledger directory yet.
pub fn no_ledger(lang: Lang, dir: &Path) -> String {
    match lang {
        Lang::Zh => format!(
            "{} 还没有台账；请先用 taizhang 建立台账（如 taizhang people add …）",
            dir.display()
        ),
        Lang::En => format!(
            "there is no ledger at {} yet; create it first (e.g. taizhang people add …)",
            dir.display()
        ),
    }
}

/// A refused `taizhang access` command.
pub fn error(lang: Lang, e: &crate::cli::access::AccessError) -> String {
    use crate::cli::access::AccessError;
    use crate::core::text::inert_line;
    match e {
        AccessError::NotOwner { user, dir } => not_owner(lang, &inert_line(user), dir),
        AccessError::BadName(raw) => bad_name(lang, &inert_line(raw)),
        AccessError::NotReviewer(name) => not_reviewer(lang, &inert_line(name)),
        AccessError::NoLedger(dir) => no_ledger(lang, dir),
    }
}
