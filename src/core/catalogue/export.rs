//! Writing a catalogue as an editable TOML file: a header that explains the
//! format, one `[[duty]]` table per duty in a fixed readable field order, and
//! the rule as a one-line inline table. `load::parse` reads it back equal.

use std::fmt::Write as _;

use toml::{Table, Value};

use super::{Catalogue, Duty, ListId};
use crate::core::record::RecordKind;

/// Field order of a written duty; fields not listed follow in name order.
const FIELD_ORDER: [&str; 13] = [
    "id",
    "list",
    "ref",
    "title",
    "title_en",
    "binds",
    "parent",
    "counts",
    "rule",
    "actor",
    "one_to_one",
    "source",
    "text",
];

/// Key order inside a written rule.
const RULE_ORDER: [&str; 9] = [
    "kind", "who", "pairs", "min", "max", "per", "by", "month", "day",
];

const HEADER: &str = "\
# taizhang 责任清单 / responsibility catalogue
# 编辑后导入即可生效；文件有任何错误都会整份拒绝，并给出行号和改法。
# Edit this file and import it back. A file with any error is refused whole,
# with the line to fix and how.
#
# Each [[duty]] table is one duty:
#   id        unique id, e.g. \"s3\"
#   list      branch | secretary | other_members | political | ideological | discipline |
#             cadres | grassroots | conduct | integrity | safeguards
#   ref       the seed clause, e.g. \"三(二)(3)\" or \"二(一)3\"
#   title     short Chinese title; title_en: short English title
#   binds     branch | secretary | each_other_member
#   parent    only on a sub-duty: the id of its parent (one level; same list;
#             the parent's rule is then { kind = \"evidence\" })
#   counts    record kinds that count toward the duty by default (see below)
#   rule      one of
#               { kind = \"count\", min = 2, per = \"year\" }   per: year | half_year | quarter | month
#               { kind = \"per_person\", who = \"other_leaders\", min = 1, per = \"quarter\", by = \"attends\" }
#                 each person in `who` on their own; per (default year) is the
#                 cadence: a person owes each period that ends while they hold
#                 the role; by (default host_or_partner): host | attends (host,
#                 attendee or partner) | host_or_partner
#               { kind = \"talk_coverage\", pairs = \"secretary_with_leaders_and_heads\" }
#                                                 or \"leaders_with_overseen_heads\"
#                                                 or \"members_with_each_other\" (谈心谈话)
#               { kind = \"standing_range\", who = \"leadership\", min = 1, max = 2 }
#               { kind = \"deadline\", month = 3, day = 31 }
#               { kind = \"evidence\" }   no number: the linked records are the evidence
#             who: secretary | other_leaders | leadership | committee | dept_heads |
#                  leaders_and_heads | members
#   actor     optional: who must host the meeting or lead the talk for a record
#             to count: one of the `who` names, or overseer (the leader who
#             oversees the department of the person talked with)
#   one_to_one optional: true when a talk with several people (集体谈话) does
#             not count, because the duty asks for one talk with each (“分别”)
#   source    where the rule comes from: the seed clause (e.g. \"三(二)(6)\"), a
#             national regulation with its article (e.g. \"中国共产党支部工作条例
#             （试行）第十二条\"), or \"本支部惯例\" (local practice) with the seed
#             section it rests on. A regulation named without an article is
#             refused by the catalogue tests.
#   text      the full text of the duty
";

pub(super) fn write(catalogue: &Catalogue) -> String {
    let mut out = String::from(HEADER);
    out.push_str(&kinds_comment());
    let mut list: Option<ListId> = None;
    for duty in &catalogue.duties {
        out.push('\n');
        if list != Some(duty.list) {
            list = Some(duty.list);
            let _ = writeln!(out, "# ── {} {} ──", duty.list.seed_ref(), duty.list.key());
        }
        match duty_block(duty) {
            Some(block) => out.push_str(&block),
            // Serializing a duty cannot fail for the types we have; if it ever
            // does, plain serde output still reads back equal.
            None => return toml::to_string_pretty(catalogue).unwrap_or_default(),
        }
    }
    out
}

fn kinds_comment() -> String {
    let mut out = String::from("#   record kinds:");
    let mut width = out.len();
    for kind in RecordKind::ALL {
        let Ok(Value::String(name)) = Value::try_from(kind) else {
            continue;
        };
        if width + name.len() + 1 > 96 {
            out.push_str("\n#            ");
            width = 13;
        }
        out.push(' ');
        out.push_str(&name);
        width += name.len() + 1;
    }
    out.push('\n');
    out
}

fn duty_block(duty: &Duty) -> Option<String> {
    let Value::Table(table) = Value::try_from(duty).ok()? else {
        return None;
    };
    let mut out = String::from("[[duty]]\n");
    for (key, value) in ordered(&table, &FIELD_ORDER) {
        let _ = writeln!(out, "{} = {}", render_key(key), render(value));
    }
    Some(out)
}

/// The table's entries: first those named in `order`, then the rest by name.
fn ordered<'a>(table: &'a Table, order: &[&str]) -> Vec<(&'a String, &'a Value)> {
    let mut known: Vec<(&String, &Value)> = order
        .iter()
        .filter_map(|name| table.get_key_value(*name))
        .collect();
    known.extend(table.iter().filter(|(k, _)| !order.contains(&k.as_str())));
    known
}

fn render(value: &Value) -> String {
    match value {
        Value::String(s) => quote(s),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(render).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Table(t) => {
            let parts: Vec<String> = ordered(t, &RULE_ORDER)
                .into_iter()
                .map(|(k, v)| format!("{} = {}", render_key(k), render(v)))
                .collect();
            format!("{{ {} }}", parts.join(", "))
        }
        other => other.to_string(),
    }
}

fn render_key(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if bare { key.to_string() } else { quote(key) }
}

/// A TOML basic string; non-ASCII text stays readable.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
