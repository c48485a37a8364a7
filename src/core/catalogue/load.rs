//! Reading a catalogue file: TOML is parsed with spans, each `[[duty]]` table is
//! deserialized on its own, and every refusal names the 1-based line of the
//! offending duty (or field) and says how to fix it.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::{Catalogue, CatalogueError, Duty, DutyId};
use crate::core::record::RecordKind;
use crate::core::rule::Rule;

/// Largest number a count or per-person rule accepts; more is surely a typo.
const MAX_MIN: u32 = 999;

/// Byte offsets of line starts, to turn spans into 1-based line numbers.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines(starts)
    }

    fn of(&self, byte: usize) -> usize {
        self.0.partition_point(|&start| start <= byte).max(1)
    }
}

/// One parsed `[[duty]]` table with what is needed to point back into the file.
struct Entry<'t, 'i> {
    duty: Duty,
    table: &'t DeTable<'i>,
    /// 1-based position in the file, for messages.
    number: usize,
    header_line: usize,
}

impl Entry<'_, '_> {
    /// The line of `field` in this duty, or of its `[[duty]]` header.
    fn line(&self, lines: &Lines, field: &str) -> usize {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref() == field)
            .map_or(self.header_line, |(k, _)| lines.of(k.span().start))
    }

    fn refuse(&self, lines: &Lines, field: &str, problem: &str) -> CatalogueError {
        CatalogueError {
            line: self.line(lines, field),
            message: format!("duty #{} `{}`: {problem}", self.number, self.duty.id),
        }
    }
}

pub(super) fn parse(text: &str) -> Result<Catalogue, CatalogueError> {
    let lines = Lines::new(text);
    let root = DeTable::parse(text).map_err(|e| {
        let message = e.message().trim();
        let fix = if message.contains("duplicate key") {
            "a key appears twice in one duty; keep one (each duty starts with its own \
             [[duty]] line)"
        } else {
            "fix the syntax here (text values need double quotes, each duty starts with \
             a [[duty]] line)"
        };
        CatalogueError {
            line: e.span().map_or(1, |s| lines.of(s.start)),
            message: format!("not valid TOML: {message}; {fix}"),
        }
    })?;
    let mut duties = None;
    for (key, value) in root.get_ref() {
        if key.get_ref() == "duty" {
            duties = Some(value);
        } else {
            return Err(CatalogueError {
                line: lines.of(key.span().start),
                message: format!(
                    "unknown top-level key `{}`; a catalogue holds only [[duty]] tables, \
                     so move it into a duty or delete it",
                    key.get_ref()
                ),
            });
        }
    }
    let Some(duties) = duties else {
        return Err(CatalogueError {
            line: 1,
            message: "the file has no [[duty]] tables; add at least one duty \
                      (export the current catalogue to get a template)"
                .into(),
        });
    };
    let Some(items) = duties.get_ref().as_array() else {
        return Err(CatalogueError {
            line: lines.of(duties.span().start),
            message: "`duty` must be a list of [[duty]] tables; write each duty under its \
                      own [[duty]] line"
                .into(),
        });
    };
    let mut entries = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        entries.push(read_duty(&lines, i + 1, item)?);
    }
    if entries.is_empty() {
        return Err(CatalogueError {
            line: lines.of(duties.span().start),
            message: "the catalogue has no duties; add at least one [[duty]] table".into(),
        });
    }
    for entry in &entries {
        check_duty(&lines, entry)?;
    }
    check_ids(&lines, &entries)?;
    check_parents(&lines, &entries)?;
    Ok(Catalogue {
        duties: entries.into_iter().map(|e| e.duty).collect(),
    })
}

fn read_duty<'t, 'i>(
    lines: &Lines,
    number: usize,
    item: &'t Spanned<DeValue<'i>>,
) -> Result<Entry<'t, 'i>, CatalogueError> {
    let header_line = lines.of(item.span().start);
    let Some(table) = item.get_ref().as_table() else {
        return Err(CatalogueError {
            line: header_line,
            message: format!(
                "duty #{number} is not a table; write each duty under a [[duty]] line"
            ),
        });
    };
    let label = table
        .iter()
        .find(|(k, _)| k.get_ref() == "id")
        .and_then(|(_, v)| v.get_ref().as_str())
        .map_or_else(
            || format!("duty #{number}"),
            |id| format!("duty #{number} `{id}`"),
        );
    let duty =
        Duty::deserialize(ValueDeserializer::from(item.clone())).map_err(|e| CatalogueError {
            line: e.span().map_or(header_line, |s| lines.of(s.start)),
            message: format!(
                "{label}: {}{}; {}",
                e.span()
                    .and_then(|s| field_at(table, &s, e.message()))
                    .map_or_else(String::new, |f| format!("{f}: ")),
                e.message().trim(),
                hint(e.message())
            ),
        })?;
    let entry = Entry {
        duty,
        table,
        number,
        header_line,
    };
    check_rule_keys(lines, &entry)?;
    Ok(entry)
}

/// The field whose value a serde error points at: "`list`", or for a key
/// inside the rule, "rule field `per`", so that the message names it. The
/// rule is read whole (its `kind` picks the fields), so inside it the key is
/// the one holding the unknown name the message quotes.
fn field_at(table: &DeTable<'_>, at: &std::ops::Range<usize>, message: &str) -> Option<String> {
    let inside = |span: std::ops::Range<usize>| span.start <= at.start && at.end <= span.end;
    let (key, value) = table.iter().find(|(_, v)| inside(v.span()))?;
    let quoted = message
        .strip_prefix("unknown variant `")
        .and_then(|rest| rest.split('`').next());
    if let Some(inner) = value.get_ref().as_table()
        && let Some((k, _)) = inner.iter().find(|(k, v)| {
            inside(v.span()) && v.span() != value.span()
                || (k.get_ref() != "kind" && quoted.is_some() && v.get_ref().as_str() == quoted)
        })
    {
        return Some(format!("{} field `{}`", key.get_ref(), k.get_ref()));
    }
    Some(format!("`{}`", key.get_ref()))
}

/// A fix for a serde message, which names the problem but not the remedy.
fn hint(message: &str) -> &'static str {
    if message.starts_with("unknown field") {
        "delete that field or correct its spelling"
    } else if message.starts_with("missing field") {
        "add it (the file header lists every field)"
    } else if message.starts_with("unknown variant") {
        "use one of the names listed"
    } else if message.contains("expected u32") {
        "use a whole number from 1 to 999"
    } else if message.starts_with("invalid") {
        "write the value in the form the file header shows"
    } else {
        "compare this duty with an exported catalogue"
    }
}

/// Serde ignores extra keys inside the internally tagged `rule`; refuse them here.
fn check_rule_keys(lines: &Lines, entry: &Entry<'_, '_>) -> Result<(), CatalogueError> {
    let allowed: &[&str] = match entry.duty.rule {
        Rule::Count { .. } => &["kind", "min", "per"],
        Rule::PerPerson { .. } => &["kind", "who", "min", "per", "by"],
        Rule::TalkCoverage { .. } => &["kind", "pairs"],
        Rule::StandingRange { .. } => &["kind", "who", "min", "max"],
        Rule::Deadline { .. } => &["kind", "month", "day"],
        Rule::Evidence => &["kind"],
    };
    let Some(rule) = entry
        .table
        .iter()
        .find(|(k, _)| k.get_ref() == "rule")
        .and_then(|(_, v)| v.get_ref().as_table())
    else {
        return Ok(());
    };
    for (key, _) in rule {
        if !allowed.contains(&key.get_ref().as_ref()) {
            return Err(CatalogueError {
                line: lines.of(key.span().start),
                message: format!(
                    "duty #{} `{}`: rule field `{}` does not belong to this rule kind; \
                     delete it (this kind takes: {})",
                    entry.number,
                    entry.duty.id,
                    key.get_ref(),
                    allowed.join(", ")
                ),
            });
        }
    }
    Ok(())
}

fn check_duty(lines: &Lines, e: &Entry<'_, '_>) -> Result<(), CatalogueError> {
    let d = &e.duty;
    if d.id.0.trim().is_empty() {
        return Err(e.refuse(
            lines,
            "id",
            "`id` is empty; give the duty a short unique id such as \"b10\"",
        ));
    }
    if d.id.0.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(e.refuse(
            lines,
            "id",
            "`id` contains spaces; use letters, digits and `-` only",
        ));
    }
    let texts = [
        ("ref", &d.seed_ref, "the seed clause, e.g. \"三(二)(3)\""),
        ("title", &d.title, "a short Chinese title"),
        ("title_en", &d.title_en, "a short English title"),
        ("text", &d.text, "the duty's full text"),
        (
            "source",
            &d.source,
            "where the rule comes from, e.g. the seed clause",
        ),
    ];
    for (field, value, what) in texts {
        if value.trim().is_empty() {
            return Err(e.refuse(lines, field, &format!("`{field}` is empty; write {what}")));
        }
    }
    for (i, kind) in d.counts.iter().enumerate() {
        if d.counts[..i].contains(kind) {
            return Err(e.refuse(
                lines,
                "counts",
                &format!("`counts` lists `{}` twice; keep it once", kind_name(*kind)),
            ));
        }
    }
    if let Some(problem) = rule_problem(&d.rule) {
        return Err(e.refuse(lines, "rule", &problem));
    }
    Ok(())
}

/// A record kind as catalogue files spell it.
fn kind_name(kind: RecordKind) -> String {
    match toml::Value::try_from(kind) {
        Ok(toml::Value::String(name)) => name,
        _ => kind.en().to_string(),
    }
}

fn rule_problem(rule: &Rule) -> Option<String> {
    match *rule {
        Rule::Count { min: 0, .. } | Rule::PerPerson { min: 0, .. } => Some(
            "rule min is 0; a quota needs at least 1 (for no number use { kind = \"evidence\" })"
                .into(),
        ),
        Rule::Count { min, .. } | Rule::PerPerson { min, .. } if min > MAX_MIN => Some(format!(
            "rule min is {min}, which is surely a typo; use at most {MAX_MIN}"
        )),
        Rule::StandingRange { max: 0, .. } => {
            Some("rule max is 0; allow at least 1 (e.g. min = 1, max = 2)".into())
        }
        Rule::StandingRange { min, max, .. } if min > max => Some(format!(
            "rule min ({min}) is above rule max ({max}); swap them"
        )),
        Rule::StandingRange { max, .. } if max > MAX_MIN => Some(format!(
            "rule max is {max}, which is surely a typo; use at most {MAX_MIN}"
        )),
        // 2024 is a leap year, so 29 February is accepted.
        Rule::Deadline { month, day } if NaiveDate::from_ymd_opt(2024, month, day).is_none() => {
            Some(format!(
                "rule deadline month = {month}, day = {day} is not a day of the year; \
                 use month 1-12 and a day that month has"
            ))
        }
        _ => None,
    }
}

fn check_ids(lines: &Lines, entries: &[Entry<'_, '_>]) -> Result<(), CatalogueError> {
    let mut seen: HashMap<&DutyId, &Entry<'_, '_>> = HashMap::new();
    for e in entries {
        if let Some(first) = seen.get(&e.duty.id) {
            return Err(e.refuse(
                lines,
                "id",
                &format!(
                    "id `{}` is already used by the duty on line {}; give each duty its own id",
                    e.duty.id, first.header_line
                ),
            ));
        }
        seen.insert(&e.duty.id, e);
    }
    Ok(())
}

fn check_parents(lines: &Lines, entries: &[Entry<'_, '_>]) -> Result<(), CatalogueError> {
    let by_id: HashMap<&DutyId, &Entry<'_, '_>> = entries.iter().map(|e| (&e.duty.id, e)).collect();
    for e in entries {
        let Some(pid) = &e.duty.parent else { continue };
        if pid == &e.duty.id {
            return Err(e.refuse(
                lines,
                "parent",
                "a duty cannot be its own parent; delete `parent`",
            ));
        }
        let Some(parent) = by_id.get(pid) else {
            return Err(e.refuse(
                lines,
                "parent",
                &format!("parent `{pid}` is not a duty in this catalogue; use an existing id or delete `parent`"),
            ));
        };
        if let Some(grand) = &parent.duty.parent {
            return Err(e.refuse(
                lines,
                "parent",
                &format!(
                    "parent `{pid}` is itself a sub-duty of `{grand}`; sub-duties nest one level \
                     only, so set parent = \"{grand}\""
                ),
            ));
        }
        if parent.duty.list != e.duty.list {
            return Err(e.refuse(
                lines,
                "list",
                &format!(
                    "a sub-duty must be in its parent's list; set list = \"{}\"",
                    parent.duty.list.key()
                ),
            ));
        }
        if parent.duty.rule.has_quota() {
            return Err(parent.refuse(
                lines,
                "rule",
                &format!(
                    "this duty has sub-duties (e.g. `{}`), so its own rule must be \
                     {{ kind = \"evidence\" }}; move the quota to a sub-duty",
                    e.duty.id
                ),
            ));
        }
    }
    Ok(())
}
