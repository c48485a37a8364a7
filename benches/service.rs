//! Benchmarks of the ledger service on the 10-year demo ledger with its past
//! years sealed: `taizhang status` cold (no service running: the client
//! starts one) and warm, and `status` while the daily backup runs against
//! the median. Also the sizes of the daily backups against one JSON export.
//! Prints medians and ratios; run with `cargo bench --bench service`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation
)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use taizhang::service::{ClientOptions, RemoteLedger};
use taizhang::store::backup::{self, KEEP_DAILY, Kind};

const EXE: &str = env!("CARGO_BIN_EXE_taizhang");

fn taizhang(db: &Path) -> Command {
    let mut c = Command::new(EXE);
    c.env_remove("TAIZHANG_TODAY")
        .env_remove("TAIZHANG_DIRECT")
        .env("TAIZHANG_LANG", "en")
        .arg("--db")
        .arg(db);
    c
}

fn ok(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{c:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// One whole `taizhang status` process.
fn status(db: &Path) -> Duration {
    let t = Instant::now();
    ok(taizhang(db).arg("status"));
    t.elapsed()
}

/// The pid of the running service, if one answers.
fn service_pid(db: &Path) -> Option<u32> {
    let options = ClientOptions {
        spawn: false,
        ..ClientOptions::default()
    };
    RemoteLedger::connect(db, options).ok()?.service_pid()
}

/// Stop the service (SIGTERM) and wait until its process is gone.
fn stop_service(db: &Path) {
    let Some(pid) = service_pid(db) else {
        return;
    };
    let _ = Command::new("kill").arg(pid.to_string()).status();
    let proc = PathBuf::from(format!("/proc/{pid}"));
    let deadline = Instant::now() + Duration::from_secs(10);
    while proc.exists() && Instant::now() < deadline {
        // Not a zombie of ours: the service is started detached by clients.
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// The 10-year demo, its past years sealed (`year close`), as a branch would.
fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("demo");
    let out = ok(Command::new(EXE)
        .env("TAIZHANG_LANG", "en")
        .args(["demo"])
        .arg(&db));
    println!("{}", out.trim());
    let this_year = chrono::Local::now().date_naive().format("%Y").to_string();
    let this_year: i32 = this_year.parse().unwrap();
    let list = ok(taizhang(&db).args(["--direct", "year", "list"]));
    for year in this_year - 9..this_year {
        // A demo that already closes its past years needs nothing here.
        let line = list.lines().find(|l| l.contains(&year.to_string()));
        if line.is_some_and(|l| {
            ["closed", "sealed", "archived"]
                .iter()
                .any(|w| l.contains(w))
        }) {
            continue;
        }
        ok(taizhang(&db)
            .args(["--direct", "year", "close"])
            .arg(year.to_string()));
    }
    println!(
        "{}",
        ok(taizhang(&db).args(["--direct", "year", "list"])).trim()
    );
    db
}

fn report(name: &str, times: &mut [Duration], target: &str) -> f64 {
    let m = ms(median(times));
    println!(
        "{name:<44} median {m:>8.2} ms   min {:>8.2}   max {:>8.2}   n={}   {target}",
        ms(times[0]),
        ms(times[times.len() - 1]),
        times.len()
    );
    m
}

fn daily_backups(db: &Path) -> Vec<backup::BackupFile> {
    backup::list(db)
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == Kind::Daily)
        .collect()
}

/// Start a service with no backup taken today, then call `status` back to
/// back until its daily backup is written: the calls that ran alongside it.
fn during_backup(db: &Path) -> (Vec<Duration>, Duration) {
    stop_service(db);
    for b in daily_backups(db) {
        std::fs::remove_file(b.path).unwrap();
    }
    let started = Instant::now();
    status(db);
    let mut during = Vec::new();
    let mut all = Vec::new();
    let deadline = started + Duration::from_secs(20);
    while daily_backups(db).is_empty() && Instant::now() < deadline {
        let t = status(db);
        all.push(t);
        // The service takes it 3 s after it starts: count the calls from
        // just before then until the file is there.
        if started.elapsed() > Duration::from_millis(2800) {
            during.push(t);
        }
    }
    assert!(!daily_backups(db).is_empty(), "no daily backup was taken");
    (during, median(&mut all))
}

fn file_len(p: &Path) -> u64 {
    std::fs::metadata(p).unwrap().len()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());

    // Cold: no service running, the client starts one.
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    stop_service(&db);
    status(&db); // warm the page cache and take today's backup out of the way
    for _ in 0..25 {
        stop_service(&db);
        cold.push(status(&db));
        // Warm: the service the cold call started, in the same run.
        warm.push(status(&db));
        warm.push(status(&db));
    }
    let c = report(
        "`status`, cold (no service running)",
        &mut cold,
        "target ≤ 20 ms",
    );
    let w = report("`status`, warm (service running)", &mut warm, "");
    println!("cold / warm: {:.2}× (target ≤ 1.5×)", c / w);
    if let Ok(log) = std::fs::read_to_string(db.join("service.log")) {
        let mut opens: Vec<f64> = log
            .lines()
            .filter_map(|l| l.split("ledger opened in ").nth(1))
            .filter_map(|r| r.split(' ').next()?.parse().ok())
            .collect();
        if !opens.is_empty() {
            opens.sort_by(f64::total_cmp);
            println!(
                "sled open inside the service: median {:.2} ms (n={})",
                opens[opens.len() / 2],
                opens.len()
            );
        }
    }

    // A request that arrives during the daily backup.
    let mut slowest = Vec::new();
    let mut medians = Vec::new();
    for _ in 0..3 {
        let (mut during, m) = during_backup(&db);
        during.sort();
        slowest.push(*during.last().unwrap_or(&Duration::ZERO));
        medians.push(m);
    }
    let worst = ms(*slowest.iter().max().unwrap());
    let m = ms(median(&mut medians));
    println!(
        "`status` while the daily backup runs: slowest {worst:.2} ms, median {m:.2} ms: {:.2}× (target ≤ 2×)",
        worst / m
    );

    // Disk: all daily backups kept against one JSON export.
    let export = dir.path().join("export.json");
    ok(taizhang(&db).arg("export").arg("--out").arg(&export));
    let one = daily_backups(&db).pop().unwrap();
    let kept = one.bytes * KEEP_DAILY as u64;
    println!(
        "daily backup {} bytes; {KEEP_DAILY} kept = {kept} bytes; JSON export {} bytes: {:.2}× (target ≤ 1×)",
        one.bytes,
        file_len(&export),
        kept as f64 / file_len(&export) as f64
    );
    idle_wakeups(&db);
    stop_service(&db);
}

/// Context switches of every thread of `pid` (each is a wakeup of a
/// sleeping thread, or a preemption).
fn switches(pid: u32) -> u64 {
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

fn threads(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task")).map_or(0, Iterator::count)
}

/// An idle service's wakeups a second, from `/proc/PID/task/*/status`:
/// just after a request (sled open, its I/O threads running) and once it
/// rests (sled closed, the process executed afresh).
fn idle_wakeups(db: &Path) {
    stop_service(db);
    status(db);
    let pid = service_pid(db).unwrap();
    let sample = |secs: u64| {
        let before = switches(pid);
        std::thread::sleep(Duration::from_secs(secs));
        (switches(pid) - before) as f64 / secs as f64
    };
    let awake = (threads(pid), sample(3));
    let deadline = Instant::now() + Duration::from_secs(20);
    while threads(pid) > 1 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let resting = (threads(pid), sample(10));
    println!(
        "idle service wakeups: {:.1}/s with sled open ({} threads), {:.1}/s resting ({} thread) (target ≤ 1/s)",
        awake.1, awake.0, resting.1, resting.0
    );
    // The first request after a rest opens sled again.
    let mut rested = Vec::new();
    let mut warm = Vec::new();
    for _ in 0..5 {
        let deadline = Instant::now() + Duration::from_secs(20);
        while threads(pid) > 1 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        rested.push(status(db));
        warm.push(status(db));
    }
    let r = report("`status`, first after a rest", &mut rested, "");
    let w = report("`status`, warm (same run)", &mut warm, "");
    println!("after a rest / warm: {:.2}×", r / w);
}
