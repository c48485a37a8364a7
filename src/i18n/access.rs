//! Words for the access policy: the read-only refusal and `taizhang access`.

use std::path::Path;

use super::Lang;
use crate::core::access::{Act, Refusal, Rule};

/// What the policy table governs, as the end of "only … may …".
pub fn act(lang: Lang, act: Act) -> &'static str {
    match act {
        Act::Write => lang.pick("修改台账", "change the ledger"),
        Act::Roles => lang.pick("更改人员的职务", "change people's roles"),
        Act::Login => lang.pick("更改人员对应的 Unix 账号", "map people to Unix logins"),
        Act::Catalogue => lang.pick("更改职责清单（指标）", "change the catalogue (quotas)"),
        Act::AccessList => lang.pick("更改审阅人名单", "change the reviewers"),
        Act::Import => lang.pick(
            "用备份整体替换台账",
            "replace the whole ledger from a backup",
        ),
        Act::CloseFix => lang.pick("销号整改事项", "close a rectification item"),
        Act::ReopenYear => lang.pick("重新开放已封存的年度", "reopen a sealed year"),
        Act::ForceRestore => lang.pick(
            "强制恢复日志链不能接续的备份",
            "force in a backup whose journal does not continue the ledger's",
        ),
    }
}

/// A rule of the policy table, as quoted in a refusal.
pub fn rule(lang: Lang, rule: Rule) -> &'static str {
    match rule {
        Rule::ReviewersReadOnly => lang.pick(
            "上级党委审阅人只能查看",
            "reviewers from the superior Party committee only read",
        ),
        Rule::OwnerAdministers => lang.pick(
            "职务、账号对应、审阅人名单、职责清单和整体导入由台账所有者管理",
            "roles, login mappings, the reviewers, the catalogue and whole-ledger imports are the owner's to change",
        ),
        Rule::NotOneself => lang.pick(
            "任何人不得更改自己的职务或账号对应",
            "nobody changes their own roles or login mapping",
        ),
        Rule::SecretaryOrDisciplineCloses => lang.pick(
            "整改事项只能由书记或纪检委员销号",
            "only the secretary or the discipline member closes a rectification item",
        ),
        Rule::OwnerUnseals => lang.pick(
            "重新开放封存年度、强制恢复备份只能由台账所有者进行",
            "only the ledger's owner reopens a sealed year or forces in a backup",
        ),
    }
}

/// Why a write was refused, and what to do about it.
pub fn refusal(lang: Lang, r: &Refusal) -> String {
    let quoted = rule(lang, r.rule());
    match (r, lang) {
        (
            Refusal::NotAdmin {
                user,
                act: what,
                owner,
                secretary_too,
            },
            Lang::Zh,
        ) => {
            let owner = owner
                .as_deref()
                .map_or_else(String::new, |o| format!("（{o}）"));
            let also = if *secretary_too { "或书记" } else { "" };
            format!(
                "按规则“{quoted}”，只有台账所有者{owner}{also}才能{}；用户 {user} 不能。请台账所有者办理",
                act(lang, *what)
            )
        }
        (
            Refusal::NotAdmin {
                user,
                act: what,
                owner,
                secretary_too,
            },
            Lang::En,
        ) => {
            let owner = owner
                .as_deref()
                .map_or_else(String::new, |o| format!(" ({o})"));
            let also = if *secretary_too {
                " or the secretary"
            } else {
                ""
            };
            format!(
                "refused by the rule \"{quoted}\": only the ledger's owner{owner}{also} may {}; user {user} may not. Ask the owner",
                act(lang, *what)
            )
        }
        (
            Refusal::Oneself {
                user,
                person,
                act: what,
            },
            Lang::Zh,
        ) => format!(
            "按规则“{quoted}”，{person} 是用户 {user} 本人在名册上的条目，本人不能为自己{}；请台账所有者或其他有权限的人办理",
            act(lang, *what)
        ),
        (
            Refusal::Oneself {
                user,
                person,
                act: what,
            },
            Lang::En,
        ) => format!(
            "refused by the rule \"{quoted}\": {person} is user {user}'s own entry on the roster, and nobody may {} for themselves; ask the owner or another administrator",
            act(lang, *what)
        ),
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
    lang.pick("没有审阅人", "no reviewers")
}

pub fn reviewers_heading(lang: Lang) -> &'static str {
    lang.pick(
        "上级党委审阅人（只能查看，不能修改）：",
        "Reviewers from the superior Party committee (may view, may not change):",
    )
}

/// The first line of `taizhang access list`: who owns the ledger and
/// whether the 书记 may administer it too.
pub fn owner_line(lang: Lang, owner: &str, secretary_admin: bool) -> String {
    match (lang, secretary_admin) {
        (Lang::Zh, false) => {
            format!("台账所有者：{owner}（职务、账号对应、审阅人名单和职责清单只由所有者更改）")
        }
        (Lang::Zh, true) => {
            format!("台账所有者：{owner}（书记也可更改职务、账号对应、审阅人名单和职责清单）")
        }
        (Lang::En, false) => format!(
            "Ledger owner: {owner} (only the owner changes roles, login mappings, the reviewers and the catalogue)"
        ),
        (Lang::En, true) => format!(
            "Ledger owner: {owner} (the secretary may also change roles, login mappings, the reviewers and the catalogue)"
        ),
    }
}

/// `taizhang access secretary-admin on|off` done.
pub fn secretary_admin_set(lang: Lang, on: bool) -> &'static str {
    if on {
        lang.pick(
            "已允许书记更改职务、账号对应、审阅人名单和职责清单（不含书记本人的职务和账号）",
            "the secretary may now change roles, login mappings, the reviewers and the catalogue (never their own role or login)",
        )
    } else {
        lang.pick(
            "职务、账号对应、审阅人名单和职责清单今后只由台账所有者更改",
            "only the ledger's owner changes roles, login mappings, the reviewers and the catalogue from now on",
        )
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
