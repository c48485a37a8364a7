//! Benchmarks of sealed years (issue 9) on ledgers made by `taizhang demo`,
//! which seals each past year into an archive: the demo's peak memory,
//! `status --direct` on the 50-year demo against the 10-year one, a past
//! year loaded from its archive against the open year, and what a year
//! switch moves over the service's socket (today's compact form against the
//! objects-with-progress form of protocol 8). Prints medians and ratios;
//! nothing is asserted about speed. Run with `cargo bench --bench archive`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use taizhang::core::{Catalogue, Ledger, YearView};
use taizhang::store::SledStore;

const TODAY: &str = "2026-11-26";

fn median(name: &str, runs: usize, mut f: impl FnMut()) -> f64 {
    f(); // warm-up
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let m = ms(times[times.len() / 2]);
    println!(
        "{name:<48} median {m:>8.3} ms   min {:>8.3}   max {:>8.3}   n={runs}",
        ms(times[0]),
        ms(times[times.len() - 1]),
    );
    m
}

fn taizhang(exe: &Path) -> Command {
    let mut c = Command::new(exe);
    c.env("TAIZHANG_TODAY", TODAY)
        .env("USER", "bench")
        .env_remove("TAIZHANG_DB")
        .env("TAIZHANG_LANG", "en");
    c
}

/// The largest resident set of any child waited for so far, in MB.
fn children_peak_mb() -> f64 {
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN)
        .expect("getrusage");
    usage.max_rss() as f64 / 1024.0
}

/// Build a demo ledger; prints its time and the peak memory of the process.
fn demo(exe: &Path, dir: &Path, years: u32, per_year: u32) {
    let t = Instant::now();
    let out = taizhang(exe)
        .arg("demo")
        .arg(dir)
        .args(["--years", &years.to_string()])
        .args(["--records-per-year", &per_year.to_string()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    println!(
        "demo --years {years} --records-per-year {per_year}: {:.1} s, peak RSS {:.1} MB (target ≤ 150 MB at 50×4000), {}",
        t.elapsed().as_secs_f64(),
        children_peak_mb(),
        String::from_utf8_lossy(&out.stdout).trim()
    );
}

/// `status --direct` on each ledger, runs interleaved (so that a busy
/// machine slows all alike); returns the medians in ms.
fn status_direct(exe: &Path, dbs: &[(&Path, &str)], runs: usize) -> Vec<f64> {
    let mut times = vec![Vec::new(); dbs.len()];
    for round in 0..=runs {
        for (i, (db, _)) in dbs.iter().enumerate() {
            let t = Instant::now();
            let out = taizhang(exe)
                .arg("--db")
                .arg(db)
                .args(["--direct", "status"])
                .output()
                .unwrap();
            assert!(out.status.success());
            if round > 0 {
                times[i].push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
    }
    times
        .iter_mut()
        .zip(dbs)
        .map(|(t, (_, label))| {
            t.sort_by(f64::total_cmp);
            let m = t[t.len() / 2];
            println!(
                "status --direct, {label:<40} median {m:>8.3} ms   min {:>8.3}   max {:>8.3}   n={runs}",
                t[0],
                t[t.len() - 1]
            );
            m
        })
        .collect()
}

/// The year view as protocol 8 sent it: every field, records as objects.
fn old_wire(v: &YearView) -> String {
    serde_json::json!({
        "year": v.year,
        "today": v.today,
        "catalogue": v.catalogue,
        "roster": v.roster,
        "records": v.records,
        "progress": v.progress,
        "tally": v.tally,
        "fixes": v.fixes,
        "closed": v.closed,
        "findings": v.findings,
    })
    .to_string()
}

fn main() {
    let exe = Path::new(env!("CARGO_BIN_EXE_taizhang"));
    let dir = tempfile::tempdir().unwrap();
    let (d10, d50, d50x4) = (
        dir.path().join("demo10"),
        dir.path().join("demo50"),
        dir.path().join("demo50x4000"),
    );
    // Smallest first: the peak printed after each run is the largest so far.
    demo(exe, &d10, 10, 2000);
    demo(exe, &d50, 50, 2000);
    demo(exe, &d50x4, 50, 4000);

    let t = status_direct(
        exe,
        &[
            (&d10, "10 years × 2,000 (past years sealed)"),
            (&d50, "50 years × 2,000 (past years sealed)"),
            (&d50x4, "50 years × 4,000 (past years sealed)"),
        ],
        40,
    );
    println!(
        "status --direct 50-year / 10-year: {:.2}× at 2,000 a year, {:.2}× at 4,000 a year (this year's records doubled too) (target ≤ 1.2×)",
        t[1] / t[0],
        t[2] / t[0]
    );

    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    let this = today.year();
    let past = this - 5;
    let ledger = Ledger::new(
        SledStore::open(&d10, &Catalogue::embedded()).unwrap(),
        "bench",
    );
    let open = median(
        &format!("year view of {this} (open, live store)"),
        30,
        || {
            std::hint::black_box(ledger.year_view(this, today).unwrap());
        },
    );
    let sealed = median(
        &format!("year view of {past} (sealed, from its archive)"),
        30,
        || {
            std::hint::black_box(ledger.year_view(past, today).unwrap());
        },
    );
    println!("archived year / open year: {:.2}×", sealed / open);

    for year in [this, past] {
        let view = ledger.year_view(year, today).unwrap();
        let (old, new) = (old_wire(&view), serde_json::to_string(&view).unwrap());
        println!(
            "year switch to {year} ({} records): {} bytes on the wire, protocol 8 sent {} ({:.0}% less)",
            view.records.len(),
            new.len(),
            old.len(),
            100.0 - 100.0 * new.len() as f64 / old.len() as f64
        );
        median(&format!("  encode + decode {year}, compact"), 30, || {
            let line = serde_json::to_string(&view).unwrap();
            std::hint::black_box(serde_json::from_str::<YearView>(&line).unwrap());
        });
    }
}
