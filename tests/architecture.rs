//! Architecture rules that can fail: the core knows nothing of terminals,
//! argument parsing, the database engine or the clock; shells never touch sled.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

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

/// Lines of code in `files` (comments skipped) that contain any of `needles`.
fn offenders(files: &[PathBuf], needles: &[&str]) -> Vec<String> {
    let mut hits = Vec::new();
    for file in files {
        let text = fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for needle in needles {
                if code.contains(needle) {
                    hits.push(format!("{}:{}: {}", file.display(), n + 1, code));
                }
            }
        }
    }
    hits
}

fn tree(rel: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let dir = root.join(rel);
    if dir.is_dir() {
        rust_files(&dir, &mut files);
    }
    let file = root.join(format!("{rel}.rs"));
    if file.is_file() {
        files.push(file);
    }
    assert!(!files.is_empty(), "no sources under src/{rel}");
    files
}

#[test]
fn core_imports_no_ui_cli_or_database_crate() {
    let hits = offenders(
        &tree("core"),
        &[
            "ratatui",
            "crossterm",
            "clap",
            "sled",
            "crate::store",
            "crate::tui",
            "crate::cli",
        ],
    );
    assert!(
        hits.is_empty(),
        "the core must not import these:\n{}",
        hits.join("\n")
    );
}

#[test]
fn core_never_reads_the_clock() {
    let hits = offenders(
        &tree("core"),
        &[
            "Local::now",
            "Utc::now",
            "SystemTime::now",
            "Instant::now",
            "std::env::var",
        ],
    );
    assert!(
        hits.is_empty(),
        "time and environment are inputs to the core:\n{}",
        hits.join("\n")
    );
}

#[test]
fn shells_never_touch_sled() {
    let mut files = tree("tui");
    files.extend(tree("cli"));
    let hits = offenders(&files, &["sled::", "use sled"]);
    assert!(
        hits.is_empty(),
        "the TUI and CLI reach data through core::Ledger only:\n{}",
        hits.join("\n")
    );
}

#[test]
fn the_rule_itself_catches_an_offender() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.rs");
    fs::write(
        &bad,
        "// use ratatui in a comment is fine\nuse ratatui::Frame;\n",
    )
    .unwrap();
    let hits = offenders(&[bad], &["ratatui"]);
    assert_eq!(hits.len(), 1, "{hits:?}");
}
