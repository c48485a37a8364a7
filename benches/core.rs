//! Benchmarks on the 10-year demo ledger (2,000 records a year): the progress
//! overview of one year, opening the store and loading a year, and
//! `taizhang status` as a whole process. Prints medians; run with `cargo bench`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use taizhang::core::catalogue::Catalogue;
use taizhang::core::demo::{DemoSpec, generate};
use taizhang::core::port::ImportTexts;
use taizhang::core::progress::evaluate;
use taizhang::core::{Ledger, Roster, Store};
use taizhang::store::SledStore;

fn measure(name: &str, runs: usize, target_ms: f64, mut f: impl FnMut()) {
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
    let median = ms(times[times.len() / 2]);
    println!(
        "{name:<40} median {median:>8.3} ms   min {:>8.3}   max {:>8.3}   target ≤ {target_ms} ms ({:.1}× headroom)   n={runs}",
        ms(times[0]),
        ms(times[times.len() - 1]),
        target_ms / median,
    );
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let year = today.year();
    let catalogue = Catalogue::embedded();
    let spec = DemoSpec {
        years: 10,
        records_per_year: 2000,
        seed: 2026,
    };
    let t = Instant::now();
    let backup = generate(&catalogue, today, &spec);
    println!(
        "demo ledger: {} records, {} people, generated in {:?}",
        backup.records.len(),
        backup.people.len(),
        t.elapsed()
    );

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger");
    {
        let store = SledStore::open(&db, &catalogue).unwrap();
        let stamp = taizhang::core::Stamp {
            user: "bench".into(),
            at: today.and_hms_opt(12, 0, 0).unwrap(),
        };
        let texts = ImportTexts::now(&store, &backup).unwrap();
        store.import(&backup, &texts, &stamp).unwrap();
    }

    let roster = Roster::new(backup.people.clone());
    let this_year: Vec<_> = backup
        .records
        .iter()
        .filter(|r| r.date.year() == year)
        .cloned()
        .collect();
    println!("records in {year}: {}", this_year.len());
    measure("progress overview of one year", 200, 5.0, || {
        std::hint::black_box(evaluate(&catalogue, &roster, &this_year, year, today));
    });

    measure("open the store and load a year", 30, 30.0, || {
        let store = SledStore::open(&db, &catalogue).unwrap();
        let ledger = Ledger::new(store, "bench");
        std::hint::black_box(ledger.year_view(year, today).unwrap());
    });

    let exe = Path::new(env!("CARGO_BIN_EXE_taizhang"));
    measure("`taizhang status` as a whole process", 30, 50.0, || {
        let out = Command::new(exe)
            .arg("--db")
            .arg(&db)
            .arg("status")
            .env("TAIZHANG_TODAY", today.to_string())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    });
}
