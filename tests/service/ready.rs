//! The ready pipe: a client that starts a service blocks on the pipe it gave
//! the service as stdout. A child that dies before it is ready, or never gets
//! ready, is a clear error within the start time limit, never a hang.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::time::Duration;

use taizhang::service::{ClientOptions, RemoteLedger};

use super::fixture::Fixture;

/// A stand-in for the taizhang program: a shell script running `body`.
fn program(f: &Fixture, name: &str, body: &str) -> PathBuf {
    let dir = f.path().parent().unwrap().join("bin");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn connect(f: &Fixture, program: PathBuf, start_timeout: Duration) -> String {
    let options = ClientOptions {
        program: Some(program),
        start_timeout,
        ..ClientOptions::default()
    };
    RemoteLedger::connect(&f.path(), options)
        .expect_err("no service can have started")
        .to_string()
}

#[test]
fn a_child_that_dies_before_it_is_ready_is_a_clear_error() {
    let f = Fixture::new();
    // Its own words on stderr are what the user sees.
    let says = program(&f, "says", "echo 'the disk is on fire' >&2; exit 1");
    let err = connect(&f, says, Duration::from_secs(30));
    assert!(err.contains("the disk is on fire"), "{err}");
    // Silent, it is named by its exit status.
    let silent = program(&f, "silent", "exit 7");
    let err = connect(&f, silent, Duration::from_secs(30));
    assert!(
        err.contains("failed to start") && err.contains('7'),
        "{err}"
    );
}

#[test]
fn a_child_that_never_gets_ready_is_a_clear_error_at_the_time_limit() {
    let f = Fixture::new();
    // Alive and silent: it keeps the pipe open but never writes the byte.
    let stuck = program(&f, "stuck", "exec sleep 4");
    let err = connect(&f, stuck, Duration::from_secs(1));
    assert!(err.contains("did not start within 1 s"), "{err}");
    assert!(err.contains("service.log"), "{err}");
}

#[test]
fn a_started_service_answers_at_once_and_nothing_reaches_its_stdout_later() {
    let f = Fixture::new();
    let ledger = f.ledger();
    assert!(ledger.service_pid().is_some());
    let pid = f.services()[0];
    // The service's stdout no longer points at the client's pipe.
    let out = std::fs::read_link(format!("/proc/{pid}/fd/1")).unwrap();
    assert_eq!(out, PathBuf::from("/dev/null"));
}
