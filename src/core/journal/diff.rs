//! Which fields a journal entry changed: the `before`/`after` JSON compared
//! field by field, so that a history shows "topic: A → B", not two dumps.

use serde_json::Value;

/// One field that differs; `None` on a side where the value did not exist.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    /// The JSON field name (`topic`, `attendees`); empty for a whole value.
    pub field: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// The changed fields between two canonical JSON values, in field-name
/// order. Text that is not JSON is compared as one string.
pub fn diff(before: Option<&str>, after: Option<&str>) -> Vec<FieldChange> {
    let parse = |s: &str| serde_json::from_str(s).unwrap_or_else(|_| Value::String(s.into()));
    let before = before.map(parse);
    let after = after.map(parse);
    let fields = |v: &Option<Value>| match v {
        Some(Value::Object(map)) => Some(map.clone()),
        None => Some(serde_json::Map::new()),
        Some(_) => None,
    };
    match (fields(&before), fields(&after)) {
        (Some(b), Some(a)) => {
            let mut names: Vec<&String> = b.keys().chain(a.keys()).collect();
            names.sort();
            names.dedup();
            names
                .into_iter()
                .filter(|k| b.get(*k) != a.get(*k))
                .map(|k| FieldChange {
                    field: k.clone(),
                    before: b.get(k).cloned(),
                    after: a.get(k).cloned(),
                })
                .collect()
        }
        _ if before == after => Vec::new(),
        _ => vec![FieldChange {
            field: String::new(),
            before,
            after,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changed_fields_are_listed() {
        let got = diff(
            Some(r#"{"topic":"A","notes":"n","id":1}"#),
            Some(r#"{"topic":"B","notes":"n","id":1,"host":3}"#),
        );
        let names: Vec<&str> = got.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(names, ["host", "topic"]);
        assert_eq!(got[1].before, Some(Value::String("A".into())));
        assert_eq!(got[0].before, None);
    }

    #[test]
    fn a_creation_lists_every_field_and_scalars_compare_whole() {
        assert_eq!(diff(None, Some(r#"{"a":1,"b":2}"#)).len(), 2);
        assert_eq!(diff(Some(r#"{"a":1}"#), None)[0].after, None);
        assert_eq!(diff(Some("\"x\""), Some("\"y\"")).len(), 1);
        assert!(diff(Some("\"x\""), Some("\"x\"")).is_empty());
    }
}
