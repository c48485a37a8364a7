//! The ledger service with the real binary: many sessions on one ledger, the
//! service started on demand and gone when idle, one service however many
//! clients race, and the modes of private and group ledgers. Faults (stale,
//! stuck, dead or foreign services) are in `service/faults.rs`. Every test
//! kills the services of its ledger when it ends.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "service/activation.rs"]
mod activation;
#[path = "service/bulk.rs"]
mod bulk;
#[path = "service/commands.rs"]
mod commands;
#[path = "service/exhaust.rs"]
mod exhaust;
#[path = "service/faults.rs"]
mod faults;
#[path = "service/fixture.rs"]
mod fixture;
#[path = "service/ready.rs"]
mod ready;
#[path = "service/rest.rs"]
mod rest;

use std::os::unix::net::UnixListener;
use std::time::Duration;

use fixture::{Fixture, mode, person, record, shell};
use taizhang::core::LedgerApi;
use taizhang::service::RemoteLedger;

#[test]
fn two_sessions_adding_at_once_lose_nothing() {
    let f = Fixture::new();
    f.ledger().add_person(&person("张三", "书记")).unwrap();
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let ledger = f.ledger();
            std::thread::spawn(move || {
                for i in 0..50 {
                    ledger.add_record(&record(format!("w{w} #{i}"))).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let records = f.ledger().export().unwrap().records;
    assert_eq!(records.len(), 100);
    for w in 0..2 {
        for i in 0..50 {
            let topic = format!("w{w} #{i}");
            assert!(records.iter().any(|r| r.topic == topic), "{topic} lost");
        }
    }
    assert_eq!(f.services().len(), 1);
}

#[test]
fn cli_commands_work_while_a_session_holds_the_ledger() {
    let f = Fixture::new();
    let held = f.ledger();
    held.add_person(&person("张三", "书记")).unwrap();
    let before = held.revision().unwrap();
    let adds: Vec<_> = (0..2)
        .map(|i| {
            f.cmd()
                .args([
                    "add",
                    "主题党日",
                    "--date",
                    "3-14",
                    "--host",
                    "张三",
                    "--topic",
                ])
                .arg(format!("parallel {i}"))
                .spawn()
                .unwrap()
        })
        .collect();
    for mut add in adds {
        assert!(add.wait().unwrap().success());
    }
    // The held session sees both, and its revision moved.
    let topics: Vec<String> = held
        .records_in_year(2026)
        .unwrap()
        .into_iter()
        .map(|r| r.topic)
        .collect();
    assert!(topics.contains(&"parallel 0".to_string()), "{topics:?}");
    assert!(topics.contains(&"parallel 1".to_string()), "{topics:?}");
    assert!(held.revision().unwrap() >= before + 2);
    assert_eq!(f.services().len(), 1);
}

#[test]
fn started_on_demand_and_gone_when_idle() {
    let f = Fixture::new();
    assert!(f.services().is_empty());
    let mut options = f.options();
    options.idle_exit = Some(1);
    let store = RemoteLedger::connect(&f.path(), options).unwrap();
    let pid = i32::try_from(store.service_pid().unwrap()).unwrap();
    assert_eq!(f.services(), vec![pid]);
    assert!(f.socket().exists());
    // A held connection keeps it alive past the idle time.
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(store.roster().unwrap().people.len(), 0);
    drop(store);
    f.wait_for("the idle service to exit", |f| f.services().is_empty());
    assert!(!f.socket().exists(), "the socket outlived the service");
    // The lock is free again: a direct open works.
    f.ok(&["--direct", "status", "--short"]);
}

#[test]
fn the_cli_starts_a_service_and_direct_mode_does_not() {
    let f = Fixture::new();
    f.ok(&["--direct", "people", "add", "张三", "--role", "书记"]);
    assert!(!f.socket().exists());
    assert!(f.services().is_empty());
    let listed = f.ok(&["people", "list"]);
    assert!(listed.contains("张三"), "{listed}");
    assert!(f.socket().exists());
    assert_eq!(f.services().len(), 1);
    // While the service holds the ledger, a direct open is refused clearly.
    let out = f.run(&["--direct", "status"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("in use by another taizhang process"), "{err}");
}

#[test]
fn a_stale_socket_is_replaced() {
    let f = Fixture::new();
    f.ok(&["--direct", "status", "--short"]);
    drop(UnixListener::bind(f.socket()).unwrap());
    assert!(f.socket().exists(), "the stale socket file should remain");
    let store = f.ledger();
    assert!(store.roster().unwrap().people.is_empty());
    assert_eq!(f.services().len(), 1);
}

#[test]
fn racing_clients_start_exactly_one_service() {
    let f = Fixture::new();
    let path = f.path();
    let racers: Vec<_> = (0..4)
        .map(|_| {
            let (path, options) = (path.clone(), f.options());
            std::thread::spawn(move || {
                let store = RemoteLedger::connect(&path, options).unwrap();
                store.roster().unwrap();
                store.service_pid().unwrap()
            })
        })
        .collect();
    let pids: Vec<u32> = racers.into_iter().map(|r| r.join().unwrap()).collect();
    assert!(pids.windows(2).all(|w| w[0] == w[1]), "{pids:?}");
    f.wait_for("the losing services to exit", |f| f.services().len() == 1);
    assert_eq!(f.services(), vec![i32::try_from(pids[0]).unwrap()]);
}

#[test]
fn the_service_names_the_peer_user() {
    let f = Fixture::new();
    let me = shell("id", &["-un"]);
    assert!(!me.is_empty());
    assert_eq!(f.ledger().whoami().unwrap(), me);
}

#[test]
fn a_private_ledger_is_0700_0600_with_its_socket() {
    let f = Fixture::new();
    f.ok(&["status", "--short"]);
    assert_eq!(mode(&f.path()), 0o700);
    assert_eq!(mode(&f.socket()), 0o600);
    assert_eq!(mode(&f.path().join("taizhang.lock")), 0o600);
}

#[test]
fn a_group_ledger_is_2710_0600_with_a_0660_socket() {
    let f = Fixture::new();
    let group = shell("id", &["-gn"]);
    let out = f.ok(&["init-shared", "--group", &group]);
    assert!(out.contains(&group), "{out}");
    let config = std::fs::read_to_string(f.path().join("taizhang.toml")).unwrap();
    assert!(config.contains(&format!("group = \"{group}\"")), "{config}");
    f.ok(&["people", "add", "张三", "--role", "书记"]);
    // Members pass through to the socket; they get no handle on a file.
    assert_eq!(mode(&f.path()), 0o2710);
    assert_eq!(mode(&f.socket()), 0o660);
    for name in ["taizhang.toml", "taizhang.lock", "taizhang.ledger", "db"] {
        assert_eq!(mode(&f.path().join(name)), 0o600, "{name}");
    }
    let gid = nix::unistd::getgid().as_raw();
    assert_eq!(
        std::os::unix::fs::MetadataExt::gid(&std::fs::metadata(f.path()).unwrap()),
        gid
    );
}

#[test]
fn an_unknown_group_is_refused_by_name() {
    let f = Fixture::new();
    let out = f.run(&["init-shared", "--group", "no-such-group-zq"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no-such-group-zq"), "{err}");
    assert!(!f.path().join("taizhang.toml").exists());
}

#[test]
fn the_daily_backup_waits_until_the_first_client_is_served() {
    let f = Fixture::new();
    let daily = |f: &Fixture| {
        taizhang::store::backup::list(&f.path())
            .unwrap()
            .into_iter()
            .filter(|b| b.kind == taizhang::store::backup::Kind::Daily)
            .collect::<Vec<_>>()
    };
    let first = f.ledger();
    first.add_person(&person("张三", "书记")).unwrap();
    f.wait_for("today's automatic backup", |f| !daily(f).is_empty());
    drop(first);
    // A new service on a ledger with data and no backup today...
    for pid in f.services() {
        fixture::kill9(pid);
    }
    f.wait_for("the old service to go", |f| f.services().is_empty());
    for b in daily(&f) {
        std::fs::remove_file(b.path).unwrap();
    }
    let ledger = f.ledger();
    assert_eq!(ledger.roster().unwrap().people.len(), 1);
    // ...answered its first client without first writing a backup,
    assert!(daily(&f).is_empty(), "no backup on the first client's path");
    // and takes it soon after, while the session is still open.
    f.wait_for("today's automatic backup", |f| !daily(f).is_empty());
    drop(ledger);
}
