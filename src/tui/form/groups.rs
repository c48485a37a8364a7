//! Group tokens for the people fields: 全体支委, 全体党员 and 全体班子成员
//! stand for everyone on the roster in that group, so a meeting of the
//! whole committee is one accepted completion, not one name at a time.

use chrono::NaiveDate;

use crate::core::{RoleScope, YearView};
use crate::i18n::Lang;

/// One token and the active people it stands for, in roster order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub label: &'static str,
    /// The same token in the other language, also accepted when typed.
    pub alias: &'static str,
    pub names: Vec<String>,
}

const TOKENS: [(RoleScope, &str, &str); 3] = [
    (RoleScope::Committee, "全体支委", "all committee"),
    (RoleScope::Members, "全体党员", "all members"),
    (RoleScope::Leadership, "全体班子成员", "all leaders"),
];

/// The tokens of the roster in `view` as it stood on `date` (the form's
/// date: a meeting's 全体党员 are the members of that day); a group with
/// nobody in it is left out.
pub fn of(lang: Lang, view: &YearView, date: Option<NaiveDate>) -> Vec<Group> {
    let roster = match date {
        Some(day) => view.roster.as_of(day),
        None => view.roster.clone(),
    };
    TOKENS
        .iter()
        .map(|(scope, zh, en)| Group {
            label: lang.pick(zh, en),
            alias: lang.pick(en, zh),
            names: roster
                .active()
                .filter(|p| p.in_scope(*scope))
                .map(|p| p.name.clone())
                .collect(),
        })
        .filter(|g| !g.names.is_empty())
        .collect()
}

/// The group an item names, if it is a token.
pub fn find<'a>(groups: &'a [Group], item: &str) -> Option<&'a Group> {
    let item = item.trim();
    groups
        .iter()
        .find(|g| g.label == item || g.alias.eq_ignore_ascii_case(item))
}

/// `items` with every token replaced by its people; a name given twice
/// (by hand and by a group) is kept once, where it first came.
pub fn expand(items: Vec<String>, groups: &[Group]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let names = match find(groups, &item) {
            Some(g) => g.names.clone(),
            None => vec![item],
        };
        for n in names {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups() -> Vec<Group> {
        vec![Group {
            label: "全体支委",
            alias: "all committee",
            names: vec!["张三".into(), "李四".into()],
        }]
    }

    #[test]
    fn tokens_expand_once_each_name() {
        let items = vec!["李四".into(), "全体支委".into(), "王五".into()];
        assert_eq!(expand(items, &groups()), vec!["李四", "张三", "王五"]);
        let en = vec!["All Committee".into()];
        assert_eq!(expand(en, &groups()), vec!["张三", "李四"]);
        assert_eq!(expand(vec!["全体".into()], &groups()), vec!["全体"]);
    }
}
