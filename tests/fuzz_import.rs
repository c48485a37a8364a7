//! Property tests for the importers: mutated catalogue files, mutated JSON
//! backups and random spreadsheet rows never panic; a catalogue refusal
//! names a line inside the file; a backup either imports coherently or is
//! refused with the ledger untouched.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::Value;
use taizhang::core::import::{Against, Columns, Row, RowProblem, validate_rows};
use taizhang::core::mem::MemStore;
use taizhang::core::{Backup, Catalogue, Ledger, NewPerson, NewRecord, RecordKind};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Strings an attacker or a clumsy spreadsheet would put in a field.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("\u{1b}]0;pwned\u{7}".to_string()),
        Just("\u{202e}\r\n\u{0}".to_string()),
        Just("张三".to_string()),
        Just("2026-02-30".to_string()),
        Just("-999999".to_string()),
        Just("99999999999999999999".to_string()),
        Just("#1".to_string()),
        Just("k1-2b".to_string()),
        "\\PC{0,12}",
        "[\\x00-\\x1f\u{80}-\u{9f}\u{202a}-\u{202e}a-z张三、,]{0,12}",
    ]
}

// ---- the catalogue ----

/// A small edit of catalogue text, on character boundaries.
#[derive(Debug, Clone)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    DuplicateLine { at: usize },
    DropLine { at: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    let insert = prop_oneof![
        Just("\n".to_string()),
        Just("[[duty]]\n".to_string()),
        Just("\"".to_string()),
        Just(" = ".to_string()),
        Just("min = 1000000\n".to_string()),
        Just("parent = \"nope\"\n".to_string()),
        Just("rule = { kind = \"count\", min = 0 }\n".to_string()),
        nasty(),
    ];
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), insert).prop_map(|(at, text)| Edit::Insert { at, text }),
        any::<usize>().prop_map(|at| Edit::DuplicateLine { at }),
        any::<usize>().prop_map(|at| Edit::DropLine { at }),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    match edit {
        Edit::Delete { at, len } => {
            let at = at % (chars.len() + 1);
            let end = (at + len).min(chars.len());
            chars[..at].iter().chain(&chars[end..]).collect()
        }
        Edit::Insert { at, text: ins } => {
            let at = at % (chars.len() + 1);
            let mut out: String = chars[..at].iter().collect();
            out.push_str(ins);
            out.extend(&chars[at..]);
            out
        }
        Edit::DuplicateLine { at } if !lines.is_empty() => {
            let i = at % lines.len();
            lines.insert(i, lines[i]);
            lines.concat()
        }
        Edit::DropLine { at } if !lines.is_empty() => {
            lines.remove(at % lines.len());
            lines.concat()
        }
        _ => text.to_string(),
    }
}

fn catalogue_text() -> String {
    Catalogue::embedded().to_toml()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_mutated_catalogue_is_read_or_refused_at_a_line(edits in prop::collection::vec(edit(), 1..5)) {
        let mut text = catalogue_text();
        for e in &edits {
            text = apply(&text, e);
        }
        let lines = text.lines().count().max(1);
        match Catalogue::from_toml(&text) {
            Ok(catalogue) => {
                // What is accepted round-trips and can be used.
                let again = Catalogue::from_toml(&catalogue.to_toml());
                prop_assert!(again.is_ok(), "{:?}", again);
                let _ = catalogue.prefill(RecordKind::CommitteeMeeting);
            }
            Err(e) => {
                prop_assert!(e.line >= 1 && e.line <= lines + 1, "line {} of {}: {}", e.line, lines, e.message);
                prop_assert!(!e.message.is_empty());
            }
        }
    }

    #[test]
    fn any_text_as_a_catalogue_never_panics(text in "\\PC{0,200}") {
        if let Err(e) = Catalogue::from_toml(&text) {
            prop_assert!(e.line >= 1 && e.line <= text.lines().count().max(1) + 1, "{e}");
        }
    }
}

// ---- the JSON backup ----

/// A small ledger with every kind of reference a backup holds.
fn base_backup() -> Backup {
    let ledger = Ledger::new(MemStore::new(Catalogue::embedded()), "tester");
    for (name, role) in [("张三", "书记"), ("李四", "纪检委员"), ("王五", "党员")] {
        ledger
            .add_person(&NewPerson {
                name: name.into(),
                roles: vec![role.into()],
                dept: Some("办公室".into()),
                ..NewPerson::default()
            })
            .unwrap();
    }
    let record = |kind, topic: &str, partners: Vec<String>| NewRecord {
        kind: Some(kind),
        date: NaiveDate::from_ymd_opt(2026, 3, 2),
        topic: topic.into(),
        host: Some("张三".into()),
        attendees: if partners.is_empty() {
            vec!["李四".into()]
        } else {
            vec![]
        },
        absentees: if partners.is_empty() {
            vec![("王五".into(), "出差".into())]
        } else {
            vec![]
        },
        partners,
        notes: "纪要".into(),
        evidence: vec!["会议记录.pdf".into()],
        ..NewRecord::default()
    };
    ledger
        .add_record(&record(RecordKind::CommitteeMeeting, "研究工作", vec![]))
        .unwrap();
    ledger
        .add_record(&record(RecordKind::HeartTalk, "", vec!["王五".into()]))
        .unwrap();
    ledger.export().unwrap()
}

#[derive(Debug, Clone)]
enum JsonEdit {
    Replace { at: usize, with: Value },
    Remove { at: usize },
    DuplicateItem { at: usize },
}

fn json_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(Value::from(-1)),
        Just(Value::from(0)),
        Just(Value::from(1)),
        Just(Value::from(u64::MAX)),
        Just(Value::from(1.5)),
        Just(Value::from(true)),
        Just(Value::Array(vec![])),
        Just(serde_json::json!({})),
        Just(Value::from("2026-02-30")),
        Just(Value::from("9999-12-31")),
        Just(Value::from("committee_meeting")),
        nasty().prop_map(Value::from),
    ]
}

fn json_edit() -> impl Strategy<Value = JsonEdit> {
    prop_oneof![
        (any::<usize>(), json_value()).prop_map(|(at, with)| JsonEdit::Replace { at, with }),
        any::<usize>().prop_map(|at| JsonEdit::Remove { at }),
        any::<usize>().prop_map(|at| JsonEdit::DuplicateItem { at }),
    ]
}

/// Every node's path, as object keys and array indices.
fn paths(v: &Value, here: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    out.push(here.clone());
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                here.push(Seg::Key(k.clone()));
                paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                here.push(Seg::Index(i));
                paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone)]
enum Seg {
    Key(String),
    Index(usize),
}

fn node<'a>(v: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, seg| match seg {
        Seg::Key(k) => v.get_mut(k.as_str()),
        Seg::Index(i) => v.get_mut(*i),
    })
}

fn json_apply(v: &mut Value, edit: &JsonEdit) {
    let mut all = Vec::new();
    paths(v, &mut Vec::new(), &mut all);
    let pick = |at: usize| all[at % all.len()].clone();
    match edit {
        JsonEdit::Replace { at, with } => {
            if let Some(n) = node(v, &pick(*at)) {
                *n = with.clone();
            }
        }
        JsonEdit::Remove { at } | JsonEdit::DuplicateItem { at } => {
            let path = pick(*at);
            let Some((last, parent)) = path.split_last() else {
                return;
            };
            let duplicate = matches!(edit, JsonEdit::DuplicateItem { .. });
            match (node(v, parent), last) {
                (Some(Value::Object(map)), Seg::Key(k)) if !duplicate => {
                    map.remove(k);
                }
                (Some(Value::Array(items)), Seg::Index(i)) => {
                    if duplicate {
                        let copy = items[*i].clone();
                        items.insert(*i, copy);
                    } else {
                        items.remove(*i);
                    }
                }
                _ => {}
            }
        }
    }
}

fn check_import(backup: &Backup) -> Result<(), TestCaseError> {
    let ledger = Ledger::new(MemStore::new(Catalogue::embedded()), "tester");
    let before = ledger.export().unwrap();
    match ledger.import(backup) {
        Ok(()) => {
            // Coherent: what went in comes out, and every view works.
            let after = ledger.export().unwrap();
            prop_assert_eq!(after.people.len(), backup.people.len());
            prop_assert_eq!(after.records.len(), backup.records.len());
            let roster = ledger.roster().unwrap();
            let catalogue = ledger.catalogue().unwrap();
            for year in ledger.record_years().unwrap() {
                let view = ledger.year_view(year, today()).unwrap();
                for r in &view.records {
                    let _ = taizhang::cli::records::detail(
                        taizhang::i18n::Lang::Zh,
                        &catalogue,
                        &roster,
                        r,
                    );
                }
            }
        }
        Err(e) => {
            prop_assert_eq!(
                ledger.export().unwrap(),
                before,
                "a refused import wrote: {}",
                e
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_mutated_backup_imports_coherently_or_is_refused(edits in prop::collection::vec(json_edit(), 1..4)) {
        let mut value = serde_json::to_value(base_backup()).unwrap();
        for e in &edits {
            json_apply(&mut value, e);
        }
        if let Ok(backup) = serde_json::from_value::<Backup>(value) {
            check_import(&backup)?;
        }
    }

    #[test]
    fn a_damaged_backup_file_never_panics(cut in any::<usize>(), flip in any::<usize>(), byte in any::<u8>()) {
        let mut bytes = serde_json::to_vec(&base_backup()).unwrap();
        let i = flip % bytes.len();
        bytes[i] = byte;
        bytes.truncate(bytes.len() - cut % (bytes.len() / 4));
        match serde_json::from_slice::<Backup>(&bytes) {
            Ok(backup) => check_import(&backup)?,
            // The CLI shows these with a line and column.
            Err(e) => prop_assert!(e.line() >= 1),
        }
    }
}

// ---- spreadsheet rows ----

const HEADERS: [&str; 12] = [
    "日期",
    "类型",
    "主题",
    "主持人",
    "参加人员",
    "缺席人员",
    "谈话对象",
    "计入职责",
    "备注",
    "佐证材料",
    "date",
    "无关列",
];

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("2026-03-02".to_string()),
        Just("3月5日".to_string()),
        Just("支委会".to_string()),
        Just("谈心谈话".to_string()),
        Just("张三".to_string()),
        Just("李四、王五".to_string()),
        Just("王五（出差）".to_string()),
        Just("无".to_string()),
        Just("=cmd|' /C calc'!A0".to_string()),
        nasty(),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn csv_rows_never_panic(
        header in prop::collection::vec(prop::sample::select(HEADERS.to_vec()), 0..9),
        rows in prop::collection::vec(prop::collection::vec(cell(), 0..11), 0..6),
        allow_duplicates in any::<bool>(),
    ) {
        let header: Vec<String> = header.into_iter().map(str::to_string).collect();
        let Ok(columns) = Columns::from_header(&header) else {
            return Ok(());
        };
        let backup = base_backup();
        let roster = taizhang::core::Roster::new(backup.people.clone());
        let rows: Vec<Row> = rows
            .into_iter()
            .enumerate()
            .map(|(i, cells)| Row { number: i + 2, cells })
            .collect();
        let against = Against {
            catalogue: &backup.catalogue,
            roster: &roster,
            existing: &backup.records,
            today: today(),
            allow_duplicates,
            closed: &[],
        };
        match validate_rows(&columns, &rows, &against) {
            Ok(good) => {
                for input in &good {
                    prop_assert!(input.validate(&backup.catalogue, &roster).is_ok());
                }
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in &errors {
                    prop_assert!(rows.iter().any(|r| r.number == e.row), "row {}", e.row);
                    if let RowProblem::SameAsRow(first) = e.problem {
                        prop_assert!(first < e.row);
                    }
                }
            }
        }
    }
}
