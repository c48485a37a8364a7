//! A quiet service rests: after a few seconds without a client it sheds
//! sled's I/O threads (they wake every second for the life of a process) by
//! executing itself afresh, keeping its pid, its lock, its socket and its
//! revision, and it answers the next client from the same ledger.

use std::path::Path;
use std::time::{Duration, Instant};

use taizhang::core::{Catalogue, LedgerApi, StoreError};
use taizhang::service::{ClientOptions, RemoteLedger};
use taizhang::store::SledStore;

use super::fixture::{BIN, Fixture, person, record};

fn threads(pid: i32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task")).map_or(0, Iterator::count)
}

/// Voluntary and involuntary context switches of every thread of `pid`.
fn switches(pid: i32) -> u64 {
    let mut n = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap()
        .flatten()
    {
        let status = std::fs::read_to_string(task.path().join("status")).unwrap_or_default();
        n += status
            .lines()
            .filter(|l| l.contains("ctxt_switches"))
            .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            .sum::<u64>();
    }
    n
}

fn options() -> ClientOptions {
    ClientOptions {
        program: Some(BIN.into()),
        idle_exit: Some(120),
        ..ClientOptions::default()
    }
}

fn wait_until(what: &str, limit: Duration, done: impl Fn() -> bool) {
    let deadline = Instant::now() + limit;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn locked(dir: &Path) -> bool {
    matches!(
        SledStore::open(dir, &Catalogue::embedded()),
        Err(StoreError::Locked { .. })
    )
}

#[test]
fn a_quiet_service_sheds_its_threads_and_answers_the_next_client() {
    let f = Fixture::new();
    let dir = f.path();
    let ledger = RemoteLedger::connect(&dir, options()).unwrap();
    ledger.add_person(&person("张三", "书记")).unwrap();
    ledger
        .add_record(&record("before the rest".into()))
        .unwrap();
    let revision = ledger.revision().unwrap();
    let pid = f.services()[0];
    assert!(
        threads(pid) > 1,
        "sled's I/O threads run while the ledger is open"
    );
    drop(ledger);

    // Rested: one thread, the same process, still holding the ledger. The
    // fresh image says so in the log once it is set up again; right after
    // the exec it is one thread before it has written that line.
    let log = || std::fs::read_to_string(dir.join("service.log")).unwrap_or_default();
    wait_until("the service to rest", Duration::from_secs(60), || {
        threads(pid) == 1 && log().contains("resting")
    });
    assert_eq!(f.services(), vec![pid]);
    assert!(
        locked(&dir),
        "nobody may take the ledger from a resting service"
    );

    // Asleep: with no client, nothing wakes it (a second of slack for the
    // exec itself settling).
    std::thread::sleep(Duration::from_secs(1));
    let before = switches(pid);
    std::thread::sleep(Duration::from_secs(3));
    let woke = switches(pid) - before;
    assert!(woke <= 3, "a resting service woke {woke} times in 3 s");

    // The next client: same service, same data, the revision not gone back.
    let no_spawn = ClientOptions {
        spawn: false,
        ..options()
    };
    let ledger = RemoteLedger::connect(&dir, no_spawn).unwrap();
    assert_eq!(ledger.service_pid(), u32::try_from(pid).ok());
    assert_eq!(ledger.revision().unwrap(), revision);
    let records = ledger.records_in_year(2026).unwrap();
    assert!(records.iter().any(|r| r.topic == "before the rest"));
    ledger.add_record(&record("after the rest".into())).unwrap();
    assert!(ledger.revision().unwrap() > revision);
}
