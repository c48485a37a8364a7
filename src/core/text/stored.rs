//! An imported backup obeys the same text rules as typed input: every string
//! loses the characters no stored text keeps, and the fields with a limit are
//! checked against it, so no path stores what the forms would refuse.

use serde_json::Value;

use super::{check_len, is_forbidden};
use crate::core::error::{CoreError, Field, Problem, ValidationError};
use crate::core::fix::{MAX_MEASURES, MAX_NOTE, MAX_PROBLEM};
use crate::core::port::Backup;
use crate::core::record::{MAX_NOTES, MAX_TOPIC};
use crate::core::roster::MAX_NAME;

/// `backup` with forbidden characters removed from every string, or the first
/// field past its limit (naming the item, the field and the limit).
pub fn checked_backup(backup: &Backup) -> Result<Backup, CoreError> {
    let mut value = serde_json::to_value(backup)
        .map_err(|e| CoreError::BadBackup(format!("cannot read the backup's text ({e})")))?;
    let mut changed = false;
    clean_strings(&mut value, &mut changed);
    let cleaned = if changed {
        serde_json::from_value(value)
            .map_err(|e| CoreError::BadBackup(format!("cannot read the backup's text ({e})")))?
    } else {
        backup.clone()
    };
    check_limits(&cleaned)?;
    Ok(cleaned)
}

fn clean_strings(value: &mut Value, changed: &mut bool) {
    match value {
        Value::String(s) if s.chars().any(is_forbidden) => {
            // Line breaks as `\n`, as typed text gets them (`clean_text`).
            *s = s.replace("\r\n", "\n").replace('\r', "\n");
            s.retain(|c| !is_forbidden(c));
            *changed = true;
        }
        Value::Array(items) => items.iter_mut().for_each(|v| clean_strings(v, changed)),
        Value::Object(map) => map.values_mut().for_each(|v| clean_strings(v, changed)),
        _ => {}
    }
}

fn check_limits(b: &Backup) -> Result<(), CoreError> {
    let at = |item: String| {
        move |e: ValidationError| {
            let Problem::TooLong { max, got } = e.problem else {
                return CoreError::Invalid(e);
            };
            CoreError::BadBackup(format!(
                "{item}: `{}` has {got} characters, more than the limit of {max}; shorten it in the file",
                e.field.flag()
            ))
        }
    };
    for p in &b.people {
        check_len(Field::Name, &p.name, MAX_NAME).map_err(at(format!("person {}", p.id)))?;
    }
    for r in &b.records {
        let here = || at(format!("record {}", r.id));
        check_len(Field::Topic, &r.topic, MAX_TOPIC).map_err(here())?;
        check_len(Field::Notes, &r.notes, MAX_NOTES).map_err(here())?;
        for e in &r.evidence {
            check_len(Field::Evidence, e, MAX_TOPIC).map_err(here())?;
        }
    }
    for f in &b.fixes {
        let here = || at(format!("rectification item {}", f.id));
        check_len(Field::Issue, &f.problem, MAX_PROBLEM).map_err(here())?;
        check_len(Field::Measures, &f.measures, MAX_MEASURES).map_err(here())?;
        for n in &f.notes {
            check_len(Field::Notes, &n.text, MAX_NOTE).map_err(here())?;
        }
    }
    for c in &b.corrections {
        check_len(Field::Notes, &c.note, MAX_NOTE).map_err(at(format!("correction {}", c.id)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::Catalogue;
    use crate::core::record::{Record, RecordId, RecordKind};

    fn backup_with_notes(notes: &str) -> Backup {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        Backup {
            schema: crate::core::port::SCHEMA_VERSION,
            catalogue: Catalogue::embedded(),
            people: Vec::new(),
            records: vec![Record {
                id: RecordId(7),
                kind: RecordKind::CommitteeMeeting,
                date: at,
                topic: "支委会".into(),
                host: None,
                attendees: Vec::new(),
                absentees: Vec::new(),
                partners: Vec::new(),
                duties: Vec::new(),
                notes: notes.into(),
                evidence: Vec::new(),
                entered_by: "zhang".into(),
                entered_at: at.and_hms_opt(9, 0, 0).unwrap(),
                covers_year: None,
            }],
            next_id: 8,
            fixes: Vec::new(),
            corrections: Vec::new(),
            closed_years: Vec::new(),
            archived: Vec::new(),
            journal: Vec::new(),
        }
    }

    #[test]
    fn forbidden_characters_are_removed_from_an_import() {
        let b = checked_backup(&backup_with_notes("a\u{FFFE}b\u{1}c\nd")).unwrap();
        assert_eq!(b.records[0].notes, "abc\nd");
        let clean = backup_with_notes("plain");
        assert_eq!(checked_backup(&clean).unwrap(), clean);
    }

    #[test]
    fn an_oversized_field_is_refused_naming_record_field_and_limit() {
        let e = checked_backup(&backup_with_notes(&"x".repeat(MAX_NOTES + 1)))
            .unwrap_err()
            .to_string();
        assert!(e.contains("record #7"), "{e}");
        assert!(e.contains(&MAX_NOTES.to_string()), "{e}");
    }
}
