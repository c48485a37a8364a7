//! Issue 8.5, bounded imports and exports: a ten-year ledger, larger than
//! one message may be, goes to the service in parts and comes back in
//! parts; while an import arrives another client is served; an import whose
//! last part never comes changes nothing (all or nothing).

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::time::Duration;

use taizhang::core::catalogue::Catalogue;
use taizhang::core::demo::{DemoSpec, generate};
use taizhang::core::ledger::Command;
use taizhang::core::{Backup, LedgerApi};
use taizhang::service::{MAX_MESSAGE, PART, PROTOCOL_VERSION, Request};

use super::fixture::{Fixture, person};

fn ten_years() -> Backup {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
    generate(&Catalogue::embedded(), today, &DemoSpec::default())
}

/// `text` in pieces of at most `PART` bytes, cut between characters.
fn pieces(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut piece = String::new();
    for c in text.chars() {
        if piece.len() + c.len_utf8() > PART {
            out.push(std::mem::take(&mut piece));
        }
        piece.push(c);
    }
    out.push(piece);
    out
}

/// A raw, greeted connection and its reader.
fn greeted(f: &Fixture) -> (UnixStream, BufReader<UnixStream>) {
    let s = UnixStream::connect(f.socket()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    let mut reader = BufReader::new(s.try_clone().unwrap());
    let mut w = s;
    writeln!(w, "{{\"Hello\":{{\"version\":{PROTOCOL_VERSION}}}}}").unwrap();
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.starts_with("{\"Ok\""), "{line}");
    (w, reader)
}

fn send_part(w: &mut UnixStream, text: &str, last: bool) {
    let part = Request::Part {
        text: text.to_string(),
        last,
    };
    let mut line = serde_json::to_vec(&part).unwrap();
    assert!(line.len() as u64 <= MAX_MESSAGE);
    line.push(b'\n');
    w.write_all(&line).unwrap();
}

fn import_pieces(backup: &Backup) -> Vec<String> {
    let request = Request::Command(Box::new(Command::Import {
        backup: backup.clone(),
    }));
    pieces(&serde_json::to_string(&request).unwrap())
}

#[test]
fn a_ten_year_ledger_goes_in_and_comes_back_in_parts() {
    let f = Fixture::new();
    let ledger = f.ledger();
    let backup = ten_years();
    let size = serde_json::to_vec(&backup).unwrap().len() as u64;
    assert!(size > MAX_MESSAGE, "{size} bytes fit one message");
    ledger.import(&backup).unwrap();
    let back = ledger.export().unwrap();
    assert_eq!(back.people, backup.people);
    assert_eq!(back.records.len(), backup.records.len());
    let mut want = backup.records.clone();
    want.sort_by_key(|r| r.id);
    assert_eq!(back.records, want);
}

#[test]
fn another_client_is_served_while_an_import_arrives_and_a_cut_import_changes_nothing() {
    let f = Fixture::new();
    let other = f.ledger();
    other.add_person(&person("张三", "书记")).unwrap();
    let backup = ten_years();
    let parts = import_pieces(&backup);
    assert!(parts.len() > 2, "{} parts", parts.len());

    // An import that stops after its first part: acknowledged, not applied.
    {
        let (mut w, mut r) = greeted(&f);
        send_part(&mut w, &parts[0], false);
        let mut ack = String::new();
        r.read_line(&mut ack).unwrap();
        assert_eq!(ack.trim_end(), "{\"Ok\":null}");
        // Meanwhile the other client reads and writes.
        other.add_person(&person("李四", "委员")).unwrap();
        assert_eq!(other.roster().unwrap().people.len(), 2);
        // The importer goes away without its last part.
    }
    let roster = other.roster().unwrap();
    assert_eq!(roster.people.len(), 2, "a cut import changed the ledger");
    assert!(other.records_in_year(2025).unwrap().is_empty());

    // The whole import: between its parts the other client is served, and
    // at its last part the ledger is replaced in one step.
    let (mut w, mut r) = greeted(&f);
    let n = parts.len();
    for (i, text) in parts.iter().enumerate() {
        send_part(&mut w, text, i + 1 == n);
        let mut answer = String::new();
        r.read_line(&mut answer).unwrap();
        if i + 1 < n {
            assert_eq!(answer.trim_end(), "{\"Ok\":null}");
            assert!(other.records_in_year(2025).unwrap().is_empty());
            assert_eq!(other.roster().unwrap().people.len(), 2);
        } else {
            assert!(answer.starts_with("{\"Ok\""), "{answer}");
        }
    }
    let imported = other.records_in_year(2025).unwrap();
    let want = backup
        .records
        .iter()
        .filter(|r| chrono::Datelike::year(&r.date) == 2025)
        .count();
    assert_eq!(imported.len(), want);
    assert_eq!(other.roster().unwrap().people.len(), backup.people.len());
}
