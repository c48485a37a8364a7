//! The service failing in every way a client can see: another protocol
//! version, a stuck or dying service, a killed one, a signal. Each is a clear
//! error within the time limit, never a hang.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::process::Command;
use std::time::{Duration, Instant};

use taizhang::core::{LedgerApi, StoreError};
use taizhang::service::{ClientOptions, PROTOCOL_VERSION, RemoteLedger, Response, WireError};

use super::fixture::{Fixture, kill9, person};

#[test]
fn another_protocol_version_gets_a_clear_refusal() {
    let f = Fixture::new();
    drop(f.ledger());
    let mut raw = UnixStream::connect(f.socket()).unwrap();
    raw.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    raw.write_all(b"{\"Hello\":{\"version\":999}}\n").unwrap();
    let mut line = String::new();
    BufReader::new(&raw).read_line(&mut line).unwrap();
    let response: Response = serde_json::from_str(&line).unwrap();
    let Response::Err(wire) = response else {
        panic!("accepted: {line}");
    };
    assert_eq!(
        wire,
        WireError::ProtocolMismatch {
            client: 999,
            service: PROTOCOL_VERSION
        }
    );
    let text = StoreError::from(wire).to_string();
    assert!(text.contains("protocol") && text.contains("999"), "{text}");
}

/// A fake service at the ledger's socket, answering the greeting with
/// `welcome` and then running `then` on the connection.
fn fake_service(
    f: &Fixture,
    welcome: serde_json::Value,
    then: impl FnOnce(BufReader<UnixStream>) + Send + 'static,
) -> std::thread::JoinHandle<()> {
    std::fs::create_dir_all(f.path()).unwrap();
    let listener = UnixListener::bind(f.socket()).unwrap();
    std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream);
        let mut hello = String::new();
        reader.read_line(&mut hello).unwrap();
        assert!(hello.contains("Hello"), "{hello}");
        let reply = serde_json::to_string(&Response::Ok(
            serde_json::value::to_raw_value(&welcome).unwrap(),
        ))
        .unwrap();
        reader
            .get_mut()
            .write_all(format!("{reply}\n").as_bytes())
            .unwrap();
        then(reader);
    })
}

fn fake_options(f: &Fixture) -> ClientOptions {
    ClientOptions {
        spawn: false,
        request_timeout: Duration::from_secs(1),
        ..f.options()
    }
}

#[test]
fn an_older_service_is_refused_by_the_client() {
    let f = Fixture::new();
    let welcome =
        serde_json::json!({"version": PROTOCOL_VERSION + 1, "pid": 1, "taizhang": "9.9.9"});
    let fake = fake_service(&f, welcome, drop);
    let err = RemoteLedger::connect(&f.path(), fake_options(&f)).unwrap_err();
    assert!(
        matches!(err, StoreError::ProtocolMismatch { service, .. } if service == PROTOCOL_VERSION + 1),
        "{err}"
    );
    fake.join().unwrap();
}

#[test]
fn a_pipelined_client_learns_of_another_protocol_at_its_first_call() {
    let f = Fixture::new();
    let welcome =
        serde_json::json!({"version": PROTOCOL_VERSION + 1, "pid": 1, "taizhang": "9.9.9"});
    // The greeting and the first request arrive together, as one round trip.
    let fake = fake_service(&f, welcome, |mut reader| {
        let mut request = String::new();
        reader.read_line(&mut request).unwrap();
        assert!(request.contains("Roster"), "{request}");
    });
    let ledger = RemoteLedger::connect_pipelined(&f.path(), fake_options(&f)).unwrap();
    let err = ledger.roster().unwrap_err().to_string();
    assert!(err.contains("protocol"), "{err}");
    fake.join().unwrap();
}

fn welcome() -> serde_json::Value {
    serde_json::json!({"version": PROTOCOL_VERSION, "pid": 4242, "taizhang": "test"})
}

#[test]
fn a_stuck_service_is_an_error_not_a_hang() {
    let f = Fixture::new();
    let (release, wait) = std::sync::mpsc::channel::<()>();
    let fake = fake_service(&f, welcome(), move |mut reader| {
        let mut request = String::new();
        reader.read_line(&mut request).unwrap();
        let _ = wait.recv(); // never answer
    });
    let store = RemoteLedger::connect(&f.path(), fake_options(&f)).unwrap();
    let started = Instant::now();
    let err = store.roster().unwrap_err().to_string();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(err.contains("did not answer within 1 s"), "{err}");
    release.send(()).unwrap();
    fake.join().unwrap();
}

#[test]
fn a_service_dying_mid_request_is_a_clear_error() {
    let f = Fixture::new();
    let fake = fake_service(&f, welcome(), |mut reader| {
        let mut request = String::new();
        reader.read_line(&mut request).unwrap();
        // Dies: the connection closes with no answer.
    });
    let store = RemoteLedger::connect(&f.path(), fake_options(&f)).unwrap();
    let err = store.roster().unwrap_err().to_string();
    assert!(
        err.contains("(pid 4242) stopped before it answered"),
        "{err}"
    );
    fake.join().unwrap();
}

#[test]
fn a_killed_service_is_reported_then_replaced() {
    let f = Fixture::new();
    let ledger = f.ledger();
    ledger.add_person(&person("张三", "书记")).unwrap();
    let pid = i32::try_from(ledger.service_pid().unwrap()).unwrap();
    kill9(pid);
    f.wait_for("the killed service to go", |f| f.services().is_empty());
    let started = Instant::now();
    let err = ledger.roster().unwrap_err().to_string();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(err.contains("ledger service"), "{err}");
    // The next call starts a new service over the stale socket; the
    // acknowledged write survived the kill.
    assert_eq!(ledger.roster().unwrap().active().count(), 1);
    assert_ne!(ledger.service_pid(), Some(u32::try_from(pid).unwrap()));
}

#[test]
fn sigterm_stops_the_service_cleanly() {
    let f = Fixture::new();
    let store = f.ledger();
    store.roster().unwrap();
    let pid = store.service_pid().unwrap().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    f.wait_for("the service to stop", |f| f.services().is_empty());
    assert!(!f.socket().exists(), "the socket outlived the service");
    let log = std::fs::read_to_string(f.path().join("service.log")).unwrap();
    assert!(log.contains("stopped: Signal"), "{log}");
    // The lock is free: the service flushed and let go.
    f.ok(&["--direct", "status", "--short"]);
    // Our connection was closed, not left hanging; the next call starts anew.
    let err = store.roster().unwrap_err().to_string();
    assert!(err.contains("ledger service"), "{err}");
    assert!(store.roster().unwrap().people.is_empty());
}
