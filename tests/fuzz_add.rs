//! Property test of the one-line `add` grammar: random argument vectors are
//! parsed by clap and run on a temporary ledger (direct mode). Nothing
//! panics; each run succeeds with inert output or fails with a worded error.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "cli_support/init.rs"]
mod init;
use init::init_once;

use std::sync::OnceLock;

use clap::Parser as _;
use proptest::prelude::*;
use taizhang::cli::{Cli, run};
use taizhang::core::text::is_unsafe;
use taizhang::i18n::Lang;

struct Ledger {
    dir: tempfile::TempDir,
}

/// One ledger for every case, with a small roster.
fn ledger() -> &'static Ledger {
    static LEDGER: OnceLock<Ledger> = OnceLock::new();
    LEDGER.get_or_init(|| {
        let l = Ledger {
            dir: tempfile::tempdir().unwrap(),
        };
        init_once(&l.dir.path().join("db"));
        std::fs::write(l.dir.path().join("short.txt"), "会议纪要\n第二行\u{1b}[2J").unwrap();
        std::fs::write(l.dir.path().join("long.txt"), "长".repeat(30_000)).unwrap();
        std::fs::write(l.dir.path().join("binary.bin"), [0xff, 0xfe, 0x00, 0x1b]).unwrap();
        for (name, role) in [("张三", "书记"), ("李四", "纪检委员"), ("王五", "党员")]
        {
            run_add(&l, &["people", "add", name, "--role", role]).unwrap();
        }
        l
    })
}

fn run_add(l: &Ledger, args: &[&str]) -> Result<String, taizhang::cli::CliError> {
    let db = l.dir.path().join("db");
    let mut argv = vec!["taizhang", "--direct", "--db", db.to_str().unwrap()];
    argv.extend_from_slice(args);
    let cli = Cli::try_parse_from(argv).unwrap();
    run(cli, Lang::Zh, false)
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_string()).collect()
}

fn kind() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(strings(&[
            "支委会", "党课", "廉政谈话", "谈心谈话", "committee_meeting", "主题党日", "党员大会",
        ])),
        1 => prop::sample::select(strings(&["不存在的类型", "", "--topic", "\u{1b}[2J"])),
        1 => "\\PC{0,6}",
    ]
}

fn value() -> impl Strategy<Value = String> {
    let dir = ledger().dir.path().to_owned();
    let files: Vec<String> = ["short.txt", "long.txt", "binary.bin", "missing.txt"]
        .iter()
        .map(|f| dir.join(f).to_string_lossy().into_owned())
        .collect();
    prop_oneof![
        6 => prop::sample::select(strings(&[
            "今天", "昨天", "-3", "3-14", "2026-03-14", "2026-02-30", "0-0", "-99999999999", "13月",
            "张三", "李四", "王五", "张三,张三", "张三、李四", "王五:出差", "：", "无名氏", "#1",
            "#999", "k1-2b", "b3", "nope", "", " ", "\u{1b}]0;pwned\u{7}", "\u{202e}", "a\rb",
            "x\ny",
        ])),
        1 => prop::sample::select(files),
        2 => "\\PC{0,10}",
        1 => "[\\x00-\\x1f\u{202a}-\u{202e}a-z]{0,6}",
    ]
}

fn good(items: &[&str]) -> BoxedStrategy<String> {
    prop_oneof![4 => prop::sample::select(strings(items)), 1 => value()].boxed()
}

/// A kind, then each flag at most once with a mostly plausible value, now
/// and then a stray token.
fn add_line() -> impl Strategy<Value = Vec<String>> {
    let name = || good(&["张三", "李四", "王五"]);
    let flags = (
        prop::option::weighted(0.5, good(&["今天", "3-14", "-3", "2026-03-01"])),
        prop::option::weighted(0.85, good(&["研究工作", "学习", "x"])),
        prop::option::weighted(0.7, name()),
        prop::option::weighted(0.3, good(&["李四,王五", "王五、李四"])),
        prop::option::weighted(0.2, good(&["王五:出差", "李四：病假"])),
        prop::option::weighted(0.4, name()),
        prop::option::weighted(0.2, good(&["k1-2b", "b3", "无"])),
        prop::option::weighted(0.3, value()),
        prop::option::weighted(0.1, value()),
        prop::option::weighted(0.3, value()),
    );
    (
        kind(),
        flags,
        any::<bool>(),
        prop::option::weighted(0.1, value()),
    )
        .prop_map(|(kind, f, joined, stray)| {
            let named = [
                ("date", f.0),
                ("topic", f.1),
                ("host", f.2),
                ("attendees", f.3),
                ("absent", f.4),
                ("with", f.5),
                ("duty", f.6),
                ("notes", f.7),
                ("notes-file", f.8),
                ("evidence", f.9),
            ];
            let mut args = vec![kind];
            for (flag, v) in named {
                let Some(v) = v else { continue };
                if joined {
                    args.push(format!("--{flag}={v}"));
                } else {
                    args.push(format!("--{flag}"));
                    args.push(v);
                }
            }
            args.extend(stray);
            args
        })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_add_line_succeeds_inertly_or_is_refused(args in add_line()) {
        let l = ledger();
        let db = l.dir.path().join("db");
        let mut argv = vec!["taizhang".to_string(), "--direct".into(), "--db".into(), db.to_string_lossy().into_owned(), "add".into()];
        argv.extend(args);
        let Ok(cli) = Cli::try_parse_from(&argv) else {
            // clap's refusal is rendered, not panicked on.
            let e = Cli::try_parse_from(&argv).unwrap_err();
            prop_assert!(!e.render().to_string().is_empty());
            return Ok(());
        };
        match run(cli, Lang::Zh, false) {
            Ok(out) => {
                prop_assert!(out.starts_with("已保存"), "{out}");
                prop_assert!(
                    !out.chars().any(|c| is_unsafe(c) && c != '\n'),
                    "raw control character in {out:?}"
                );
            }
            Err(e) => {
                let text = taizhang::cli::error::text::error(Lang::En, &e);
                prop_assert!(!text.trim().is_empty());
                prop_assert!(matches!(e.exit_code(), 1 | 2));
                prop_assert!(text.len() < 2000, "the message is a sentence, not an echo: {text}");
            }
        }
    }
}
