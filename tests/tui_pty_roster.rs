//! The real binary in a pseudo-terminal at 80×24: on the roster screen, the
//! person form moves 李副书记's 分管 to 办公室 from 3-01 (自何日起). The
//! CLI then shows the dated change, and the figures follow it only from
//! that day: a 廉政谈话 with 办公室's head before it is no 分管 talk, one
//! after it is.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(unix)]

#[path = "cli_support/init.rs"]
mod init;
use init::init_once;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use serde_json::Value;

const TODAY: &str = "2026-03-20";

fn cli(db: &Path, args: &[&str]) -> String {
    init_once(db);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_taizhang"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("TAIZHANG_TODAY", TODAY)
        .env("TAIZHANG_LANG", "zh")
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// m2 (分管部门廉政谈话): (done, target).
fn m2(db: &Path) -> (u64, u64) {
    let status: Value = serde_json::from_str(&cli(db, &["status", "--json"])).unwrap();
    let d = status["duties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "m2")
        .unwrap()
        .clone();
    (d["done"].as_u64().unwrap(), d["target"].as_u64().unwrap())
}

/// The screen of a pty running the TUI, and the keys sent to it.
struct Tui {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Tui {
    fn start(db: &Path, state: &Path) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_taizhang"));
        cmd.env("TAIZHANG_DB", db);
        cmd.env("XDG_STATE_HOME", state);
        cmd.env("TAIZHANG_LANG", "zh");
        cmd.env("TERM", "xterm-256color");
        cmd.env("TAIZHANG_TODAY", TODAY);
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
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        Tui {
            child,
            writer,
            screen,
            _master: pair.master,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.contents().contains(text) {
            assert!(
                Instant::now() < deadline,
                "never saw {text:?}; screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn quit(&mut self) {
        self.send("\x1bq");
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.child.try_wait().unwrap().is_none() {
            assert!(Instant::now() < deadline, "the TUI did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

#[test]
fn oversight_moved_from_a_date_in_the_tui_counts_only_from_then() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger");
    cli(&db, &["people", "add", "张书记", "--role", "书记"]);
    cli(
        &db,
        &[
            "people",
            "add",
            "李副书记",
            "--role",
            "班子成员",
            "--oversees",
            "生产部",
        ],
    );
    for (name, dept) in [("王部长", "生产部"), ("钱部长", "办公室")] {
        cli(
            &db,
            &[
                "people",
                "add",
                name,
                "--role",
                "部门负责人",
                "--dept",
                dept,
            ],
        );
    }

    let mut tui = Tui::start(&db, &dir.path().join("state"));
    tui.send("5");
    tui.wait_for("人员名册");
    tui.send("j");
    tui.send("e");
    tui.wait_for("修改人员");
    tui.send("\t\t\t"); // roles, 部门, 分管部门
    tui.send("\x15办公室"); // Ctrl-U clears, then the new department
    tui.wait_for("分管部门  办公室");
    tui.send("\t\t"); // 联系点, 自何日起
    tui.wait_for(">自何日起  今天");
    tui.send("\x153-1");
    tui.wait_for("→ 2026-03-01 周日");
    tui.send("\r");
    tui.wait_for("已保存 李副书记");
    tui.quit();

    let shown = cli(&db, &["people", "show", "李副书记"]);
    assert!(
        shown.contains("自 2026-03-01 起  分管部门：办公室"),
        "{shown}"
    );
    // Owed on today's roster: 李副书记 with 钱部长, head of 办公室.
    assert_eq!(m2(&db), (0, 1));
    let talk = |date: &str| {
        cli(
            &db,
            &[
                "add",
                "廉政谈话",
                "--date",
                date,
                "--host",
                "李副书记",
                "--with",
                "钱部长",
            ],
        );
    };
    talk("2026-02-10");
    assert_eq!(m2(&db), (0, 1), "before 3-01 办公室 was not his to oversee");
    talk("2026-03-10");
    assert_eq!(m2(&db), (1, 1), "from 3-01 it is");
}
