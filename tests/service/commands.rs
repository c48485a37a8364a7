//! What crosses the socket: the ledger's use cases, never store primitives,
//! and nothing the service can know itself. A client that claims an author
//! or a time, or asks for a raw store write, changes nothing of the kind.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::time::Duration;

use taizhang::core::LedgerApi;
use taizhang::service::{PROTOCOL_VERSION, Response};

use super::fixture::{Fixture, person, record, shell};

/// A greeted raw connection to the ledger's service.
fn raw(f: &Fixture) -> (UnixStream, BufReader<UnixStream>) {
    drop(f.ledger());
    let stream = UnixStream::connect(f.socket()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    let hello = serde_json::json!({"Hello": {"version": PROTOCOL_VERSION}});
    exchange(&mut writer, &mut reader, &hello);
    (writer, reader)
}

fn exchange(
    writer: &mut UnixStream,
    reader: &mut BufReader<UnixStream>,
    request: &serde_json::Value,
) -> String {
    writer.write_all(format!("{request}\n").as_bytes()).unwrap();
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    line
}

#[test]
fn a_store_primitive_is_not_a_request() {
    let f = Fixture::new();
    let ledger = f.ledger();
    ledger.add_person(&person("张三", "书记")).unwrap();
    let before = ledger.export().unwrap();
    let (mut writer, mut reader) = raw(&f);
    let mut forged = serde_json::to_value(&before.people[0]).unwrap();
    forged["roles"] = serde_json::json!(["DisciplineMember"]);
    for request in [
        serde_json::json!({"Store": {"PutPerson": {"person": forged, "stamp": {"user": "root", "at": "2020-01-01T12:00:00"}}}}),
        serde_json::json!({"Store": {"NextId": {}}}),
        serde_json::json!({"Command": {"PutPerson": {"person": forged}}}),
    ] {
        let line = exchange(&mut writer, &mut reader, &request);
        let response: Response = serde_json::from_str(&line).unwrap();
        assert!(
            matches!(response, Response::Err(_)),
            "{request} was answered: {line}"
        );
        assert!(line.contains("unreadable request"), "{line}");
    }
    assert_eq!(ledger.export().unwrap(), before);
}

#[test]
fn a_claimed_author_or_time_is_ignored() {
    let f = Fixture::new();
    let ledger = f.ledger();
    ledger.add_person(&person("张三", "书记")).unwrap();
    let (mut writer, mut reader) = raw(&f);
    let input = serde_json::to_value(record("冒名".into())).unwrap();
    let request = serde_json::json!({"Command": {"AddRecord": {
        "input": input,
        "entered_by": "somebody-else",
        "now": "2020-01-01T12:00:00",
        "stamp": {"user": "somebody-else", "at": "2020-01-01T12:00:00"},
    }}});
    let line = exchange(&mut writer, &mut reader, &request);
    assert!(line.starts_with("{\"Ok\""), "{line}");
    let me = shell("id", &["-un"]);
    let today = chrono::Local::now().date_naive();
    let added = ledger
        .records_in_year(2026)
        .unwrap()
        .into_iter()
        .find(|r| r.topic == "冒名")
        .unwrap();
    assert_eq!(added.entered_by, me);
    assert_eq!(added.entered_at.date(), today);
    let history = ledger
        .history(&taizhang::core::journal::Entity::Record(added.id))
        .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].user, me);
    assert_eq!(history[0].at.date(), today);
}
