//! Architecture rules that can fail, checked on the parsed code (`syn`), not
//! on lines of text: arrows point down (`core` ← `store` ← `service` ←
//! `cli`/`tui`/`report`; the core uses no layer above it, `i18n` included,
//! and `i18n`, the vocabulary the shells word their messages with, no shell),
//! the core never reads the clock or the environment and imports no UI, CLI
//! or database crate, and the shells never touch sled. Each rule has a
//! self-test that feeds it an offending snippet, so the checker can fail.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "architecture/resolve.rs"]
mod resolve;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use resolve::{Use, module_of, uses};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every path every source file of the crate uses, resolved (parsed once).
fn crate_uses() -> &'static [(PathBuf, Use)] {
    static ALL: std::sync::OnceLock<Vec<(PathBuf, Use)>> = std::sync::OnceLock::new();
    ALL.get_or_init(parse_crate)
}

fn parse_crate() -> Vec<(PathBuf, Use)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: HashSet<Vec<String>> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut all = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        let module = module_of(&src, &file);
        let found = uses(&module, &text, &modules)
            .unwrap_or_else(|e| panic!("{} does not parse: {e}", file.display()));
        all.extend(found.into_iter().map(|u| (file.clone(), u)));
    }
    all
}

/// Which layers each layer may use: arrows point down. `i18n` is the shared
/// vocabulary: it words the core's and the store's types, and each shell
/// words its own messages with it (STYLE.md), so `i18n` uses no shell.
const MAY_USE: &[(&str, &[&str])] = &[
    ("core", &[]),
    ("store", &["core"]),
    ("service", &["core", "store"]),
    ("report", &["core", "i18n"]),
    ("tui", &["core", "i18n"]),
    ("i18n", &["core", "store"]),
    (
        "cli",
        &["core", "store", "service", "i18n", "report", "tui"],
    ),
];

/// Crates the core never imports: terminals, argument parsing, the database
/// engine and the operating system are the shells' and the store's.
const NOT_IN_CORE: &[&str] = &[
    "ratatui",
    "crossterm",
    "tui_input",
    "clap",
    "sled",
    "fs2",
    "nix",
    "signal_hook",
    "directories",
    "libc",
];

fn place(file: &Path, u: &Use) -> String {
    format!("{}:{}: {}", file.display(), u.line, u.text())
}

/// Uses of a layer above (or beside) the user's own.
fn upward(all: &[(PathBuf, Use)]) -> Vec<String> {
    all.iter()
        .filter(|(_, u)| {
            let (Some(from), Some(to)) = (u.layer(), u.target_layer()) else {
                return false;
            };
            from != to
                && MAY_USE
                    .iter()
                    .find(|(layer, _)| *layer == from)
                    .is_some_and(|(_, may)| !may.contains(&to))
        })
        .map(|(f, u)| place(f, u))
        .collect()
}

/// Forbidden crates in the core, and sled in the shells.
fn forbidden_crates(all: &[(PathBuf, Use)]) -> Vec<String> {
    all.iter()
        .filter(|(_, u)| {
            let Some(first) = u.path.first() else {
                return false;
            };
            match u.layer() {
                Some("core") => NOT_IN_CORE.contains(&first.as_str()),
                Some("cli" | "tui" | "report") => first == "sled",
                _ => false,
            }
        })
        .map(|(f, u)| place(f, u))
        .collect()
}

/// Clock and environment reads (and file, process and network access) in
/// the core: today and now are inputs.
fn clock_or_env_in_core(all: &[(PathBuf, Use)]) -> Vec<String> {
    all.iter()
        .filter(|(_, u)| u.layer() == Some("core"))
        .filter(|(_, u)| {
            let p: Vec<&str> = u.path.iter().map(String::as_str).collect();
            let clock = matches!(
                p.as_slice(),
                [.., "Local" | "Utc" | "SystemTime" | "Instant", "now"]
            ) || (p.first() == Some(&"chrono")
                && p.iter().any(|s| matches!(*s, "Local" | "Utc")));
            let os = matches!(p.as_slice(), ["std", "env" | "fs" | "process" | "net", ..]);
            clock || os
        })
        .map(|(f, u)| place(f, u))
        .collect()
}

fn assert_none(what: &str, hits: &[String]) {
    assert!(hits.is_empty(), "{what}:\n{}", hits.join("\n"));
}

#[test]
fn arrows_point_down() {
    assert_none("a layer uses one above it", &upward(crate_uses()));
}

#[test]
fn core_imports_no_ui_cli_database_or_os_crate_and_shells_no_sled() {
    assert_none("forbidden crates", &forbidden_crates(crate_uses()));
}

#[test]
fn core_never_reads_the_clock_or_the_environment() {
    assert_none(
        "time and environment are inputs to the core",
        &clock_or_env_in_core(crate_uses()),
    );
}

/// `snippet` as if it were the file of `module`, in a crate with the
/// usual layers and `core::ledger`.
fn snippet(module: &[&str], snippet: &str) -> Vec<(PathBuf, Use)> {
    let module: Vec<String> = module.iter().map(ToString::to_string).collect();
    let mut modules: HashSet<Vec<String>> =
        ["core", "store", "service", "i18n", "report", "cli", "tui"]
            .iter()
            .map(|l| vec![(*l).to_string()])
            .collect();
    modules.insert(vec!["core".into(), "ledger".into()]);
    modules.insert(vec!["core".into(), "ledger".into(), "fix".into()]);
    uses(&module, snippet, &modules)
        .unwrap()
        .into_iter()
        .map(|u| (PathBuf::from("snippet.rs"), u))
        .collect()
}

#[test]
fn the_layer_rule_catches_every_spelling() {
    let caught = |module: &[&str], code: &str| !upward(&snippet(module, code)).is_empty();
    // Grouped and nested imports.
    assert!(caught(&["core"], "use crate::{core::Ledger, tui::State};"));
    assert!(caught(
        &["core", "ledger"],
        "use crate::{self as root, i18n::{Lang}};"
    ));
    // `super::` climbing out of the core.
    assert!(caught(
        &["core", "ledger", "fix"],
        "use super::super::super::service::AnyLedger;"
    ));
    assert!(caught(
        &["core", "ledger"],
        "fn f() -> super::super::report::Report { todo!() }"
    ));
    // Fully qualified paths in expressions, types and macro arguments.
    assert!(caught(&["core"], "fn f() { let _ = crate::cli::run(); }"));
    assert!(caught(
        &["core"],
        "fn f() { println!(\"{}\", crate::store::LOCK_FILE); }"
    ));
    assert!(caught(
        &["core", "ledger"],
        "struct S { s: crate::store::SledStore }"
    ));
    // Through a renamed or re-exported module.
    assert!(caught(
        &["core"],
        "use crate::service as s; fn f() { s::serve(); }"
    ));
    // A test module inside the core is the core too.
    assert!(caught(
        &["core"],
        "#[cfg(test)] mod tests { use crate::i18n::Lang; }"
    ));
    // The TUI reaches data only through the core's ledger API.
    assert!(caught(&["tui"], "use crate::store::SledStore;"));
    // The vocabulary uses no shell: a message that needs a shell's type
    // lives in that shell.
    for shell in ["cli", "tui", "service", "report"] {
        assert!(caught(
            &["i18n", "tui"],
            &format!("use crate::{shell}::Thing;")
        ));
        assert!(caught(
            &["i18n"],
            &format!("fn f(_: &crate::{shell}::Thing) {{}}")
        ));
    }
    assert!(!caught(
        &["i18n", "domain"],
        "use crate::core::StoreError; use crate::store::RESTORE_HINT; use super::Lang;"
    ));
    // What is allowed stays allowed; words in comments and strings are not code.
    assert!(!caught(
        &["core", "ledger"],
        "use super::{Ledger, fix};\n// crate::tui\nconst S: &str = \"crate::cli\";"
    ));
    assert!(!caught(
        &["cli"],
        "use crate::{core::Ledger, tui::run, service::AnyLedger};"
    ));
    assert!(!caught(&["store"], "use crate::core::{Store, StoreError};"));
}

#[test]
fn the_crate_and_clock_rules_catch_their_offenders() {
    let crates = |module: &[&str], code: &str| forbidden_crates(&snippet(module, code)).len();
    assert_eq!(
        crates(&["core"], "use ratatui::{Frame, widgets::Block};"),
        2
    );
    assert_eq!(
        crates(
            &["core", "ledger"],
            "fn f() { let _ = ::sled::open(\"x\"); }"
        ),
        1
    );
    assert_eq!(crates(&["tui"], "type Db = sled::Db;"), 1);
    assert_eq!(crates(&["store"], "type Db = sled::Db;"), 0);

    let clock = |code: &str| clock_or_env_in_core(&snippet(&["core", "ledger"], code)).len();
    assert_eq!(
        clock("use chrono::Local; fn f() { let _ = Local::now(); }"),
        2
    );
    assert_eq!(clock("fn f() { let _ = chrono::Utc::now(); }"), 1);
    assert_eq!(
        clock("use std::time::{Instant, SystemTime as T}; fn f() { T::now(); Instant::now(); }"),
        2
    );
    assert_eq!(
        clock("fn f() { let _ = std::env::var(\"TAIZHANG_TODAY\"); }"),
        1
    );
    assert_eq!(
        clock("use std::env; fn f() { let _ = env::var_os(\"HOME\"); }"),
        2
    );
    assert_eq!(
        clock("fn f() { assert!(std::fs::read(\"x\").is_ok()); }"),
        1
    );
    assert_eq!(
        clock("fn f(now: chrono::NaiveDateTime) -> chrono::NaiveDate { now.date() }"),
        0
    );
    assert_eq!(clock("const V: &str = env!(\"CARGO_PKG_VERSION\");"), 0);
}
