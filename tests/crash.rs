//! Crash test: `taizhang debug write-loop` adds records and prints `ack ID`
//! after each flushed write; we kill it with SIGKILL after a random (seeded)
//! 5–200 ms (mostly counted from its `ready`, after the open), then reopen the ledger, which must open every time (no panic, no
//! hang) and hold every acknowledged record intact. Repeated on one ledger.
//! `TAIZHANG_CRASH_ITERS` (default 25) and `TAIZHANG_CRASH_SEED` tune it;
//! `.ci/crash-loop` runs the long version.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use taizhang::cli::debug::{loop_notes, loop_topic};
use taizhang::core::catalogue::Catalogue;
use taizhang::core::port::Store;
use taizhang::core::record::RecordId;
use taizhang::store::{OpenOptions, SledStore};

fn env_u64(key: &str, default: u64) -> u64 {
    std::env::var(key)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// xorshift64*: a small seeded generator, so a failing run can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

/// Run the writer, kill it `delay` after it started (or, with `from_ready`,
/// after it said its open is done), and return the ids it acknowledged.
fn run_and_kill(path: &Path, delay: Duration, from_ready: bool) -> Vec<u64> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_taizhang"))
        .env("USER", "crash")
        .env_remove("TAIZHANG_TODAY")
        .args(["--lang", "en", "--db"])
        .arg(path)
        .args(["debug", "write-loop", "--count", "1000000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let acks = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&acks);
    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if line == "ready" {
                let _ = ready_tx.send(());
            } else if let Some(id) = line.strip_prefix("ack ").and_then(|n| n.parse().ok()) {
                seen.lock().unwrap().push(id);
            }
        }
    });
    if from_ready {
        // A slow or loaded machine: the open may take longer than `delay`.
        let _ = ready_rx.recv_timeout(Duration::from_secs(30));
    }
    std::thread::sleep(delay);
    child.kill().unwrap(); // SIGKILL on Unix
    let status = child.wait().unwrap();
    reader.join().unwrap();
    assert!(
        !status.success(),
        "the writer finished before it was killed"
    );
    acks.lock().unwrap().clone()
}

/// Reopen and check every id in `acked`: present, and its content intact.
fn check(path: &Path, acked: &[u64]) -> Result<(), String> {
    let options = OpenOptions {
        timeout: Duration::from_secs(10),
        ..OpenOptions::default()
    };
    let start = Instant::now();
    let store = SledStore::open_with(path, &Catalogue::embedded(), options)
        .map_err(|e| format!("reopen failed after {:?}: {e}", start.elapsed()))?;
    for &id in acked {
        let record = store
            .record(RecordId(id))
            .map_err(|e| format!("record {id}: {e}"))?
            .ok_or_else(|| format!("acknowledged record {id} is missing"))?;
        let seq: u64 = record
            .topic
            .strip_prefix("crash-loop ")
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("record {id} has a strange topic {:?}", record.topic))?;
        if record.topic != loop_topic(seq) || record.notes != loop_notes(seq) {
            return Err(format!("record {id} is not intact"));
        }
    }
    Ok(())
}

#[test]
fn every_acknowledged_write_survives_kill_9() {
    let iterations = env_u64("TAIZHANG_CRASH_ITERS", 25);
    let seed = env_u64("TAIZHANG_CRASH_SEED", 0x7A1_2A46);
    let mut rng = Rng(seed.max(1));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    let mut acked: Vec<u64> = Vec::new();
    let mut failures = Vec::new();
    let mut killed_before_any_ack = 0;
    for i in 0..iterations {
        let delay = Duration::from_millis(rng.between(5, 200));
        // One kill in four is timed from the start, so it may hit the open
        // and sled's recovery; the others land while records are written.
        let from_ready = rng.between(0, 3) != 0;
        let new = run_and_kill(&path, delay, from_ready);
        if new.is_empty() {
            killed_before_any_ack += 1;
        }
        acked.extend(new);
        // Every write acknowledged so far, not only this round's.
        if let Err(e) = check(&path, &acked) {
            failures.push(format!("iteration {i} (kill after {delay:?}): {e}"));
        }
    }
    println!(
        "crash loop: seed {seed:#x}, {iterations} iterations, {} acknowledged writes, \
         {killed_before_any_ack} kills before the first ack, {} failures",
        acked.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(!acked.is_empty(), "no write was ever acknowledged");
}
