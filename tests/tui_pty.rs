//! The real binary in a pseudo-terminal: it opens on the overview, switches
//! screens, adds a record that moves a duty's bar, quits cleanly, and leaves
//! on SIGTERM or when the terminal hangs up, giving the screen back each time.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(unix)]

#[path = "cli_support/init.rs"]
mod init;
use init::init_once;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    stop: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
    /// Every byte the program wrote.
    raw: Arc<Mutex<Vec<u8>>>,
    dir: Option<tempfile::TempDir>,
}

fn start(lang: &str) -> Session {
    start_with(lang, |_| {})
}

/// Start the binary on a fresh ledger in a temp dir, after `setup` has
/// prepared that ledger (e.g. through the CLI).
fn start_with(lang: &str, setup: impl FnOnce(&std::path::Path)) -> Session {
    let dir = tempfile::tempdir().unwrap();
    init_once(&dir.path().join("ledger"));
    setup(&dir.path().join("ledger"));
    let mut s = start_in(lang, dir.path());
    s.dir = Some(dir);
    s
}

/// Start the binary on the ledger `dir/ledger`, keeping drafts under
/// `dir/state` (`XDG_STATE_HOME`), so a second start finds the first's.
fn start_in(lang: &str, dir: &std::path::Path) -> Session {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    init_once(&dir.join("ledger"));
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_taizhang"));
    cmd.env("TAIZHANG_DB", dir.join("ledger"));
    cmd.env("XDG_STATE_HOME", dir.join("state"));
    cmd.env("LANG", lang);
    cmd.env("TAIZHANG_LANG", "auto");
    cmd.env("TERM", "xterm-256color");
    cmd.env("TAIZHANG_TODAY", "2026-03-20");
    let child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let writer = pair.master.take_writer().unwrap();
    let screen = Arc::new(Mutex::new(vt100::Parser::new(
        NonZeroU16::new(24).unwrap(),
        NonZeroU16::new(80).unwrap(),
        0,
    )));
    let sink = Arc::clone(&screen);
    let raw = Arc::new(Mutex::new(Vec::new()));
    let raw_sink = Arc::clone(&raw);
    let stop = Arc::new(AtomicBool::new(false));
    let stopping = Arc::clone(&stop);
    let reader = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || stopping.load(Ordering::SeqCst) {
                break;
            }
            sink.lock().unwrap().process(&buf[..n]);
            raw_sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    Session {
        child,
        writer,
        screen,
        master: Some(pair.master),
        stop,
        reader: Some(reader),
        raw,
        dir: None,
    }
}

impl Session {
    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let contents = self.screen.lock().unwrap().screen().contents();
            if contents.contains(text) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "never saw {text:?}; screen:\n{contents}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn exit_code(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(Instant::now() < deadline, "the process did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Close every handle on the terminal's master side, as sshd does when
    /// the connection drops. The reader lets go after the next output.
    fn hang_up(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        self.send("2");
        if let Some(r) = self.reader.take() {
            r.join().unwrap();
        }
        self.master.take();
        self.writer = Box::new(std::io::sink());
    }

    fn alternate_screen(&self) -> bool {
        self.screen.lock().unwrap().screen().alternate_screen()
    }
}

#[test]
fn opens_switches_screens_and_quits_cleanly() {
    let mut s = start("en_US.UTF-8");
    s.wait_for("Furthest behind");
    assert!(s.alternate_screen());
    s.send("2");
    s.wait_for("Lists");
    s.send("?");
    s.wait_for("Anywhere");
    // Esc and q arriving together read as Alt-q; the TUI splits them again.
    s.send("\x1bq");
    assert_eq!(s.exit_code(), 0);
    std::thread::sleep(Duration::from_millis(100));
    assert!(!s.alternate_screen(), "the screen was given back");
}

#[test]
fn sigterm_restores_the_terminal_and_exits() {
    let mut s = start("zh_CN.UTF-8");
    s.wait_for("进度最落后");
    let pid = s.child.process_id().unwrap();
    let ok = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    assert_eq!(s.exit_code(), 128 + 15);
    std::thread::sleep(Duration::from_millis(100));
    assert!(!s.alternate_screen(), "the screen was given back");
}

#[test]
fn sighup_exits() {
    let mut s = start("en_US.UTF-8");
    s.wait_for("Furthest behind");
    let pid = s.child.process_id().unwrap();
    let ok = std::process::Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    assert_eq!(s.exit_code(), 128 + 1);
}

#[test]
fn a_hangup_ends_the_process() {
    let mut s = start("zh_CN.UTF-8");
    s.wait_for("进度最落后");
    s.hang_up();
    let code = s.exit_code();
    assert!(code == 0 || code == 128 + 1, "exit code {code}");
}

#[test]
fn adding_a_record_from_the_checklist_moves_the_bar() {
    let mut s = start_with("zh_CN.UTF-8", |db| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_taizhang"))
            .arg("--db")
            .arg(db)
            .args(["people", "add", "张三", "--role", "书记"])
            .env("TAIZHANG_TODAY", "2026-03-20")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
    });
    s.wait_for("进度最落后");
    s.send("2");
    s.wait_for("清单");
    // Find the duty by typing part of its name; the filter selects it.
    s.send("/理论中心组\r");
    s.wait_for("0/12");
    s.send("a");
    s.wait_for("新增台账记录");
    s.send("学习新条例");
    s.wait_for("学习新条例");
    s.send("\x13"); // Ctrl-S
    s.wait_for("已保存记录");
    s.wait_for("1/12");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    std::thread::sleep(Duration::from_millis(100));
    assert!(!s.alternate_screen(), "the screen was given back");
}

fn hup(s: &mut Session) {
    let pid = s.child.process_id().unwrap();
    let ok = std::process::Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
}

/// The one draft file under `dir/state/taizhang`, if any.
fn draft_file(dir: &std::path::Path) -> Option<std::path::PathBuf> {
    let d = dir.join("state/taizhang");
    std::fs::read_dir(d).ok()?.find_map(|e| {
        let p = e.ok()?.path();
        let name = p.file_name()?.to_str()?.to_string();
        (name.starts_with("draft-") && p.extension().is_some_and(|e| e == "json")).then_some(p)
    })
}

#[test]
fn sighup_mid_form_keeps_the_draft_and_the_next_start_offers_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mut s = start_in("zh_CN.UTF-8", dir.path());
    s.wait_for("进度最落后");
    s.send("a");
    s.wait_for("新增台账记录");
    // `a` on the overview's first behind duty opens the form at the topic.
    s.send("断线前的草稿");
    s.wait_for("断线前的草稿");
    hup(&mut s);
    assert_eq!(s.exit_code(), 128 + 1);
    let file = draft_file(dir.path()).expect("the draft was written");
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("断线前的草稿")
    );
    drop(s);

    let mut s = start_in("zh_CN.UTF-8", dir.path());
    s.wait_for("1 份未保存的草稿");
    s.wait_for("“断线前的草稿”");
    s.send("\r");
    s.wait_for("断线前的草稿");
    s.wait_for("新增台账记录");
    s.send("\x13"); // Ctrl-S
    s.wait_for("已保存记录");
    assert!(draft_file(dir.path()).is_none(), "saved: the draft is gone");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn a_dropped_terminal_mid_form_keeps_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = start_in("en_US.UTF-8", dir.path());
    s.wait_for("Furthest behind");
    s.send("a");
    s.send("cut off");
    s.wait_for("cut off");
    s.hang_up();
    let code = s.exit_code();
    assert!(code == 0 || code == 128 + 1, "exit code {code}");
    let file = draft_file(dir.path()).expect("the draft was written");
    assert!(std::fs::read_to_string(file).unwrap().contains("cut off"));
}

#[test]
fn an_escape_sequence_in_a_topic_stays_inert_on_the_terminal() {
    let mut s = start_with("en_US.UTF-8", |db| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_taizhang"))
            .arg("--db")
            .arg(db)
            .args(["add", "党课", "--date", "2026-03-18", "--topic"])
            .arg("x\u{1b}]0;pwned\u{7}y\u{1b}[2J\u{202e}z")
            .args(["--notes", "\u{1b}]2;pwned2\u{7}"])
            .env("TAIZHANG_TODAY", "2026-03-20")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
    });
    s.wait_for("Furthest behind");
    s.send("3");
    s.wait_for("]0;pwned");
    s.send("h");
    s.wait_for("history of record");
    s.send("\x1b");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let raw = s.raw.lock().unwrap().clone();
    let has = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(!has(b"\x1b]0;pwned"), "the title was not set");
    assert!(!has(b"\x1b]2;pwned2"), "the title was not set");
    assert!(
        !has("\u{202e}".as_bytes()),
        "no bidi override reached the terminal"
    );
    assert!(has(b"pwned"), "the text itself is shown");
}

/// The Unix user running the tests, as the ledger will see it.
fn me() -> String {
    let out = std::process::Command::new("id")
        .arg("-un")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// Run the CLI on the ledger `db`, opened directly on the tests' fixed
/// date (so not while a TUI holds it).
fn cli(db: &std::path::Path, args: &[&str]) -> String {
    init_once(db);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_taizhang"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("TAIZHANG_TODAY", "2026-03-20")
        .env("TAIZHANG_LANG", "zh")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// A branch whose secretary logs in as the user running the tests.
fn branch(db: &std::path::Path) {
    let me = me();
    cli(
        db,
        &[
            "people",
            "add",
            "张书记",
            "--role",
            "书记",
            "--unix-user",
            &me,
        ],
    );
    cli(db, &["people", "add", "李副书记", "--role", "副书记"]);
    cli(db, &["people", "add", "王委员", "--role", "委员"]);
    cli(db, &["people", "add", "陈纪委", "--role", "纪检委员"]);
    cli(
        db,
        &[
            "people",
            "add",
            "孙部长",
            "--role",
            "部门负责人",
            "--dept",
            "生产部",
        ],
    );
    cli(db, &["people", "add", "马党员", "--role", "党员"]);
}

/// Send `keys` one keystroke at a time (a `str` is one keystroke), each
/// after the screen answered the last; returns how many were sent.
fn keystrokes(s: &mut Session, keys: &[&str]) -> usize {
    for k in keys {
        let before = s.raw.lock().unwrap().len();
        s.send(k);
        let deadline = Instant::now() + Duration::from_secs(10);
        while s.raw.lock().unwrap().len() == before {
            assert!(Instant::now() < deadline, "no answer to {k:?}");
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_millis(30));
    }
    keys.len()
}

#[test]
fn a_committee_meeting_with_its_members_takes_at_most_15_keys_besides_the_topic() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger");
    branch(&db);
    let mut s = start_in("zh_CN.UTF-8", dir.path());
    s.wait_for("进度最落后");
    let bytes = s.raw.lock().unwrap().len();
    // Records screen, new record, kind by pinyin (zw: 支委会), on to the topic.
    let mut keys = keystrokes(&mut s, &["3", "a", "z", "w", "\r", "\t"]);
    s.wait_for("支委会");
    s.send("研究部署党风廉政建设");
    s.wait_for("研究部署党风廉政建设");
    // The host is the secretary at the keyboard; the attendees are the
    // whole committee by one group token (qtzw: 全体支委).
    keys += keystrokes(&mut s, &["\t", "\t", "q", "t", "z", "w", "\r", "\x13"]);
    s.wait_for("已保存记录");
    let bytes = s.raw.lock().unwrap().len() - bytes;
    assert!(keys <= 15, "{keys} keys");
    eprintln!("meeting: {keys} keys besides the topic, {bytes} bytes");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let list = cli(&db, &["records", "list", "--year", "2026"]);
    let line = list
        .lines()
        .find(|l| l.contains("研究部署党风廉政建设"))
        .unwrap_or_else(|| panic!("{list}"));
    assert!(
        line.contains("支委会") && line.contains("主持人：张书记"),
        "{line}"
    );
    let id = line
        .split_whitespace()
        .next()
        .unwrap()
        .trim_start_matches('#');
    let shown = cli(&db, &["records", "show", id]);
    for who in ["李副书记", "王委员", "陈纪委"] {
        assert!(shown.contains(who), "{who} attended: {shown}");
    }
    assert!(!shown.contains("马党员"), "not on the committee: {shown}");
}

#[test]
fn a_talk_still_owed_takes_at_most_12_keys() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger");
    branch(&db);
    let mut s = start_in("zh_CN.UTF-8", dir.path());
    s.wait_for("尚欠谈话");
    s.wait_for("张书记 → 李副书记");
    let bytes = s.raw.lock().unwrap().len();
    // Into the talks owed, Enter on the first, save.
    let keys = keystrokes(&mut s, &["\t", "\r"]);
    s.wait_for("谈话对象");
    let keys = keys + keystrokes(&mut s, &["\x13"]);
    s.wait_for("已保存记录");
    let bytes = s.raw.lock().unwrap().len() - bytes;
    assert!(keys <= 12, "{keys} keys");
    eprintln!("talk: {keys} keys, {bytes} bytes");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let list = cli(&db, &["records", "list", "--year", "2026"]);
    assert!(
        list.lines()
            .any(|l| l.contains("张书记") && l.contains("李副书记")),
        "{list}"
    );
}
