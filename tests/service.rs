//! The ledger service with the real binary: many sessions on one ledger, the
//! service started on demand and gone when idle, and clear errors when the
//! service is stale, stuck, dead or another version. Every test kills the
//! services of its ledger when it ends.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use taizhang::core::{Ledger, NewPerson, NewRecord, RecordKind, Store, StoreError};
use taizhang::service::{
    ClientOptions, PROTOCOL_VERSION, RemoteStore, Response, SOCKET_FILE, WireError,
};

const BIN: &str = env!("CARGO_BIN_EXE_taizhang");

/// A temporary ledger whose services die with it.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("ledger")
    }

    fn socket(&self) -> PathBuf {
        self.path().join(SOCKET_FILE)
    }

    #[allow(clippy::unused_self)]
    fn options(&self) -> ClientOptions {
        ClientOptions {
            program: Some(PathBuf::from(BIN)),
            idle_exit: Some(3),
            ..ClientOptions::default()
        }
    }

    fn connect(&self) -> RemoteStore {
        RemoteStore::connect(&self.path(), self.options()).unwrap()
    }

    fn ledger(&self) -> Ledger<RemoteStore> {
        Ledger::new(self.connect(), "tester")
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new(BIN);
        c.env("TAIZHANG_TODAY", "2026-03-20")
            .env("TAIZHANG_LANG", "en")
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env_remove("TAIZHANG_DIRECT")
            .env_remove("TAIZHANG_DB")
            .arg("--db")
            .arg(self.path());
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Live `serve` processes of this ledger.
    fn services(&self) -> Vec<i32> {
        services_of(&self.path())
    }

    fn wait_for(&self, what: &str, done: impl Fn(&Self) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !done(self) {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        for pid in self.services() {
            kill9(pid);
        }
    }
}

fn kill9(pid: i32) {
    let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
}

fn services_of(ledger: &Path) -> Vec<i32> {
    let wanted = ledger.to_string_lossy().into_owned();
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let args: Vec<String> = cmdline
            .split(|b| *b == 0)
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .collect();
        let zombie = std::fs::read_to_string(entry.path().join("stat")).is_ok_and(|s| {
            s.rsplit(')')
                .next()
                .is_some_and(|r| r.trim_start().starts_with('Z'))
        });
        if !zombie && args.iter().any(|a| a == "serve") && args.contains(&wanted) {
            found.push(pid);
        }
    }
    found
}

fn person(name: &str, role: &str) -> NewPerson {
    NewPerson {
        name: name.into(),
        roles: vec![role.into()],
        ..NewPerson::default()
    }
}

fn record(topic: String) -> NewRecord {
    NewRecord {
        kind: Some(RecordKind::ThemeDay),
        date: NaiveDate::from_ymd_opt(2026, 3, 1),
        topic,
        host: Some("张三".into()),
        ..NewRecord::default()
    }
}

fn now() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 20)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
}

fn shell(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd).args(args).output().unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn two_sessions_adding_at_once_lose_nothing() {
    let f = Fixture::new();
    f.ledger().add_person(&person("张三", "书记")).unwrap();
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let ledger = f.ledger();
            std::thread::spawn(move || {
                for i in 0..50 {
                    ledger
                        .add_record(&record(format!("w{w} #{i}")), now())
                        .unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let records = f.connect().export().unwrap().records;
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
    let before = held.store().revision().unwrap();
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
    assert!(held.store().revision().unwrap() >= before + 2);
    assert_eq!(f.services().len(), 1);
}

#[test]
fn started_on_demand_and_gone_when_idle() {
    let f = Fixture::new();
    assert!(f.services().is_empty());
    let mut options = f.options();
    options.idle_exit = Some(1);
    let store = RemoteStore::connect(&f.path(), options).unwrap();
    let pid = i32::try_from(store.service_pid().unwrap()).unwrap();
    assert_eq!(f.services(), vec![pid]);
    assert!(f.socket().exists());
    // A held connection keeps it alive past the idle time.
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(store.people().unwrap().len(), 0);
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
    let store = f.connect();
    assert!(store.people().unwrap().is_empty());
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
                let store = RemoteStore::connect(&path, options).unwrap();
                store.people().unwrap();
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
    assert_eq!(f.connect().whoami().unwrap(), me);
}

#[test]
fn another_protocol_version_gets_a_clear_refusal() {
    let f = Fixture::new();
    drop(f.connect());
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
        let reply = serde_json::to_string(&Response::Ok(welcome)).unwrap();
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
    let err = RemoteStore::connect(&f.path(), fake_options(&f)).unwrap_err();
    assert!(
        matches!(err, StoreError::ProtocolMismatch { service, .. } if service == PROTOCOL_VERSION + 1),
        "{err}"
    );
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
    let store = RemoteStore::connect(&f.path(), fake_options(&f)).unwrap();
    let started = Instant::now();
    let err = store.people().unwrap_err().to_string();
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
    let store = RemoteStore::connect(&f.path(), fake_options(&f)).unwrap();
    let err = store.people().unwrap_err().to_string();
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
    let pid = i32::try_from(ledger.store().service_pid().unwrap()).unwrap();
    kill9(pid);
    f.wait_for("the killed service to go", |f| f.services().is_empty());
    let started = Instant::now();
    let err = ledger.roster().unwrap_err().to_string();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(err.contains("ledger service"), "{err}");
    // The next call starts a new service over the stale socket; the
    // acknowledged write survived the kill.
    assert_eq!(ledger.roster().unwrap().active().count(), 1);
    assert_ne!(
        ledger.store().service_pid(),
        Some(u32::try_from(pid).unwrap())
    );
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
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
fn a_group_ledger_is_2750_0640_with_a_0660_socket() {
    let f = Fixture::new();
    let group = shell("id", &["-gn"]);
    let out = f.ok(&["init-shared", "--group", &group]);
    assert!(out.contains(&group), "{out}");
    let config = std::fs::read_to_string(f.path().join("taizhang.toml")).unwrap();
    assert!(config.contains(&format!("group = \"{group}\"")), "{config}");
    f.ok(&["people", "add", "张三", "--role", "书记"]);
    assert_eq!(mode(&f.path()), 0o2750);
    assert_eq!(mode(&f.socket()), 0o660);
    for name in ["taizhang.toml", "taizhang.lock", "taizhang.ledger", "db"] {
        assert_eq!(mode(&f.path().join(name)), 0o640, "{name}");
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
fn sigterm_stops_the_service_cleanly() {
    let f = Fixture::new();
    let store = f.connect();
    store.people().unwrap();
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
    let err = store.people().unwrap_err().to_string();
    assert!(err.contains("ledger service"), "{err}");
    assert!(store.people().unwrap().is_empty());
}
