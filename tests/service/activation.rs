//! Issue 8, "Members cannot start it": systemd socket activation. A stand-in
//! for systemd (python) binds the socket, passes it as fd 3 with
//! `LISTEN_FDS`/`LISTEN_PID` and execs `taizhang serve`: the service answers
//! on that socket, leaves the file in place when it stops (it is systemd's),
//! and refuses a socket bound at another path, naming `ListenStream`.

use std::path::Path;
use std::process::{Command, Output};

use taizhang::core::LedgerApi;

use super::fixture::{BIN, Fixture};

const ACTIVATE: &str = r"
import os, socket, sys
path, program = sys.argv[1], sys.argv[2]
s = socket.socket(socket.AF_UNIX)
s.bind(path)
s.listen(16)
print('listening', flush=True)
os.dup2(s.fileno(), 3)
os.set_inheritable(3, True)
os.environ['LISTEN_FDS'] = '1'
os.environ['LISTEN_PID'] = str(os.getpid())
os.execv(program, [program] + sys.argv[3:])
";

/// Start the service as systemd would, with its socket bound at `socket`.
fn activated(db: &Path, socket: &Path, idle_exit: &str) -> std::process::Child {
    Command::new("python3")
        .args(["-c", ACTIVATE])
        .arg(socket)
        .arg(BIN)
        .arg("--db")
        .arg(db)
        .args(["--lang", "en", "serve", "--idle-exit", idle_exit])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// Wait until the stand-in listens: the socket file appears at `bind`, a
/// moment before connections are taken.
fn wait_listening(service: &mut std::process::Child) {
    use std::io::BufRead;
    let mut reader = std::io::BufReader::new(service.stdout.take().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert_eq!(line.trim(), "listening");
    service.stdout = Some(reader.into_inner());
}

#[test]
fn a_socket_handed_over_by_systemd_is_served_and_left_in_place() {
    let f = Fixture::new();
    f.ok(&["--direct", "people", "add", "张三", "--role", "书记"]);
    let mut service = activated(&f.path(), &f.socket(), "1");
    wait_listening(&mut service);
    let store = taizhang::service::RemoteLedger::connect(
        &f.path(),
        taizhang::service::ClientOptions {
            spawn: false,
            ..f.options()
        },
    )
    .unwrap();
    assert_eq!(store.roster().unwrap().people.len(), 1);
    drop(store);
    let out: Output = service.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(log.contains("socket from systemd"), "{log}");
    assert!(f.socket().exists(), "the service removed systemd's socket");
}

#[test]
fn a_socket_at_another_path_is_refused_naming_listen_stream() {
    let f = Fixture::new();
    f.ok(&["--direct", "people", "add", "张三", "--role", "书记"]);
    let elsewhere = f.path().with_file_name("other.sock");
    let out = activated(&f.path(), &elsewhere, "1")
        .wait_with_output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ListenStream="), "{err}");
}
