//! Issue 8, "Exhausting the service": a client can make the service neither
//! buffer without end (message caps before and after the greeting), nor hold
//! a half-sent message open, nor take every connection. Each is refused with
//! a reason the client words, and the service keeps serving others.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::time::Duration;

use taizhang::core::error::Turnaway;
use taizhang::core::{CoreError, LedgerApi, StoreError};
use taizhang::service::{
    MAX_GREETING, MAX_MESSAGE, MAX_PER_USER, MAX_REQUEST, PROTOCOL_VERSION, Response, WireError,
};

use super::fixture::Fixture;

fn raw(f: &Fixture) -> UnixStream {
    let s = UnixStream::connect(f.socket()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    s
}

fn greet(s: &mut UnixStream) {
    writeln!(s, "{{\"Hello\":{{\"version\":{PROTOCOL_VERSION}}}}}").unwrap();
    let mut line = String::new();
    BufReader::new(&*s).read_line(&mut line).unwrap();
    assert!(line.starts_with("{\"Ok\""), "{line}");
}

/// The refusal the service sends before it closes the connection.
fn turned_away(s: &UnixStream) -> Turnaway {
    let mut line = String::new();
    BufReader::new(s).read_line(&mut line).unwrap();
    match serde_json::from_str::<Response>(&line).unwrap() {
        Response::Err(WireError::TurnedAway(why)) => why,
        other => panic!("not turned away: {other:?}"),
    }
}

/// Write `bytes` bytes without a newline, ignoring the error when the
/// service hangs up part way (it stops reading at its limit).
fn flood(s: &mut UnixStream, bytes: u64) {
    let chunk = vec![b'x'; 1 << 20];
    let mut sent = 0;
    while sent < bytes {
        if s.write_all(&chunk).is_err() {
            return;
        }
        sent += chunk.len() as u64;
    }
}

#[test]
fn a_long_message_is_refused_at_the_cap_before_and_after_the_greeting() {
    let f = Fixture::new();
    let store = f.ledger();
    let mut early = raw(&f);
    flood(&mut early, 4 * MAX_GREETING);
    assert_eq!(
        turned_away(&early),
        Turnaway::TooLarge {
            limit: MAX_GREETING
        }
    );
    let mut late = raw(&f);
    greet(&mut late);
    flood(&mut late, MAX_MESSAGE + (2 << 20));
    assert_eq!(
        turned_away(&late),
        Turnaway::TooLarge { limit: MAX_MESSAGE }
    );
    // Others are still served.
    assert!(store.roster().unwrap().people.is_empty());
}

#[test]
fn a_half_sent_message_is_dropped_after_the_time_limit() {
    let f = Fixture::new();
    let store = f.ledger();
    let mut slow = raw(&f);
    greet(&mut slow);
    slow.write_all(b"{\"WhoAmI").unwrap();
    assert!(matches!(turned_away(&slow), Turnaway::TooSlow { .. }));
    assert!(store.whoami().is_ok());
}

#[test]
fn one_user_cannot_take_every_connection() {
    let f = Fixture::new();
    let first = f.ledger();
    let mut held: Vec<UnixStream> = (1..MAX_PER_USER)
        .map(|_| {
            let mut s = raw(&f);
            greet(&mut s);
            s
        })
        .collect();
    let err = taizhang::service::RemoteLedger::connect(&f.path(), f.options()).unwrap_err();
    assert!(
        matches!(&err, StoreError::TurnedAway(Turnaway::UserFull { limit, .. }) if *limit == MAX_PER_USER),
        "{err}"
    );
    let words = taizhang::i18n::domain::error(taizhang::i18n::Lang::Zh, &CoreError::Store(err));
    assert!(words.contains("上限") && words.contains("16"), "{words}");
    // Closing one frees a place (the service notices the close).
    drop(held.pop());
    let mut again = None;
    for _ in 0..100 {
        match taizhang::service::RemoteLedger::connect(&f.path(), f.options()) {
            Ok(s) => {
                again = Some(s);
                break;
            }
            Err(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    assert!(again.is_some(), "no place freed");
    drop(first);
}

#[test]
fn a_100_mb_note_is_refused_and_an_oversized_one_names_field_and_limit() {
    let f = Fixture::new();
    let ledger = f.ledger();
    ledger
        .add_person(&super::fixture::person("张三", "书记"))
        .unwrap();
    // Past the request cap (even in parts): refused before it is sent, by
    // the same constant the service applies.
    let mut huge = super::fixture::record("笔记".into());
    huge.notes = "记".repeat(100 * 1024 * 1024 / 3);
    let err = ledger.add_record(&huge).unwrap_err();
    assert!(
        matches!(err, CoreError::Store(StoreError::TurnedAway(Turnaway::TooLarge { limit })) if limit == MAX_REQUEST),
        "{err}"
    );
    // Within the cap but past the field's limit: the core, in the service,
    // names the field and its limit.
    let mut long = super::fixture::record("笔记".into());
    long.notes = "记".repeat(30_000);
    let err = ledger.add_record(&long).unwrap_err();
    let words = taizhang::i18n::domain::error(taizhang::i18n::Lang::En, &err);
    assert!(
        words.contains("notes") && words.contains("20000"),
        "{words}"
    );
    assert!(ledger.records_in_year(2026).unwrap().is_empty());
}
