#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The demo ledger: its rectification items are coherent, the current year
//! holds a mix of states with some overdue, and the real binary lists them
//! and puts them in the annual report.

use std::collections::HashSet;

use assert_cmd::Command;
use chrono::{Datelike, NaiveDate};
use taizhang::core::demo::{DemoSpec, generate};
use taizhang::core::mem::MemStore;
use taizhang::core::{
    Backup, Catalogue, Evidence, FixSource, FixState, Ledger, Role, RoleScope, Roster,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn spec(years: u32, seed: u64) -> DemoSpec {
    DemoSpec {
        years,
        records_per_year: 300,
        seed,
    }
}

/// Every invariant a ledger with these items must hold.
fn check_coherent(b: &Backup, today: NaiveDate) {
    let roster = Roster::new(b.people.clone());
    let owners: HashSet<_> = roster
        .in_scope(RoleScope::Leadership)
        .chain(roster.in_scope(RoleScope::DeptHeads))
        .map(|p| p.id)
        .collect();
    let mut ids = HashSet::new();
    for f in &b.fixes {
        assert!(ids.insert(f.id.0), "{} twice", f.id);
        assert!(f.id.0 < b.next_id);
        assert!(b.records.iter().all(|r| r.id.0 != f.id.0));
        assert!(!f.problem.is_empty() && !f.measures.is_empty());
        assert!(!f.duties.is_empty(), "{}", f.id);
        assert!(f.duties.iter().all(|x| b.catalogue.duty(x).is_some()));
        assert!(owners.contains(&f.owner), "{} owner {}", f.id, f.owner);
        assert!(f.opened <= today && f.deadline >= f.opened, "{}", f.id);
        assert!(f.year == f.opened.year() || f.year == f.opened.year() + 1);
        assert!(f.year <= today.year());
        assert!(f.notes.windows(2).all(|w| w[0].date <= w[1].date));
        assert!(
            f.notes
                .iter()
                .all(|n| n.date >= f.opened && n.date <= today),
            "{} notes out of range",
            f.id
        );
        if f.state != FixState::Open {
            assert!(!f.notes.is_empty(), "{} is worked on but has no note", f.id);
        }
        assert_eq!(f.is_closed(), f.closure.is_some(), "{}", f.id);
        if let Some(c) = &f.closure {
            assert!(c.date >= f.opened && c.date <= today);
            assert!(f.notes.iter().all(|n| n.date <= c.date));
            let closer = roster.get(c.by_person.unwrap()).unwrap();
            assert!(closer.has(Role::Secretary) || closer.has(Role::DisciplineMember));
            match &c.evidence {
                Evidence::Record(id) => {
                    let r = b.records.iter().find(|r| r.id == *id).unwrap();
                    assert!(r.date >= f.opened && r.date <= c.date, "{}", f.id);
                }
                Evidence::Note(text) => assert!(!text.is_empty()),
            }
        }
    }
}

#[test]
fn the_demo_imports_with_coherent_items_on_any_day() {
    let cat = Catalogue::embedded();
    for today in [
        d(2026, 1, 1),
        d(2026, 1, 2),
        d(2026, 3, 20),
        d(2026, 11, 26),
        d(2026, 12, 31),
        d(2028, 2, 29),
    ] {
        for seed in [1, 2026] {
            let b = generate(&cat, today, &spec(3, seed));
            check_coherent(&b, today);
            let ledger = Ledger::new(MemStore::new(cat.clone()), "t");
            ledger.import(&b).unwrap();
            assert_eq!(ledger.export().unwrap(), b);
        }
    }
}

#[test]
fn each_year_has_items_from_varied_sources_mostly_closed_in_the_past() {
    let today = d(2026, 11, 26);
    let b = generate(&Catalogue::embedded(), today, &DemoSpec::default());
    let mut sources = HashSet::new();
    let (mut past, mut past_closed) = (0, 0);
    for year in 2017..=2026 {
        let opened: Vec<_> = b.fixes.iter().filter(|f| f.opened.year() == year).collect();
        assert!((6..=12).contains(&opened.len()), "{year}: {}", opened.len());
        sources.extend(opened.iter().map(|f| f.source));
        if year < 2026 {
            past += opened.len();
            past_closed += opened.iter().filter(|f| f.is_closed()).count();
        }
    }
    assert!(past_closed * 10 >= past * 8, "{past_closed}/{past}");
    assert!(past_closed < past, "some items are carried over");
    for s in &FixSource::ALL[..6] {
        assert!(sources.contains(s), "no item from {}", s.zh());
    }
    assert!(
        b.fixes
            .iter()
            .any(|f| f.year == 2026 && f.opened.year() == 2025 && !f.is_closed()),
        "last year's open items are carried into this one"
    );
    let evidence_records = b
        .fixes
        .iter()
        .filter_map(|f| f.closure.as_ref())
        .filter(|c| matches!(c.evidence, Evidence::Record(_)))
        .count();
    assert!(evidence_records > 0);
}

#[test]
fn the_current_year_mixes_states_and_has_overdue_items() {
    let cat = Catalogue::embedded();
    for today in [d(2026, 3, 20), d(2026, 11, 26)] {
        for seed in [1, 7, 2026] {
            let b = generate(&cat, today, &spec(2, seed));
            let now: Vec<_> = b.fixes.iter().filter(|f| f.year == today.year()).collect();
            for state in FixState::ALL {
                assert!(
                    now.iter().any(|f| f.state == state),
                    "{today} seed {seed}: no item {}",
                    state.en()
                );
            }
            let overdue = now.iter().filter(|f| f.is_overdue(today)).count();
            assert!(overdue >= 1, "{today} seed {seed}");
            let ledger = Ledger::new(MemStore::new(cat.clone()), "t");
            ledger.import(&b).unwrap();
            let view = ledger.year_view(today.year(), today).unwrap();
            let flagged = view
                .progress
                .iter()
                .filter(|p| view.overdue_fixes_for(&p.duty).next().is_some())
                .count();
            assert!(flagged >= 1, "overdue items show on their duties");
        }
    }
}

#[test]
fn the_benchmark_ledger_is_coherent() {
    // Its speed is measured by `cargo bench`, never asserted here.
    let b = generate(
        &Catalogue::embedded(),
        d(2026, 11, 26),
        &DemoSpec::default(),
    );
    assert!(b.records.len() > 18_000);
    assert!(b.fixes.len() >= 60);
    check_coherent(&b, d(2026, 11, 26));
}

fn taizhang(home: &std::path::Path) -> Command {
    let mut c = assert_cmd::cargo::cargo_bin_cmd!("taizhang");
    c.env("TAIZHANG_TODAY", "2026-11-26")
        .env("USER", "tester")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("TAIZHANG_DB")
        .env_remove("TAIZHANG_LANG")
        .env_remove("LC_ALL")
        // Unicode output: a console TERM or C locale would turn on ASCII.
        .env("TERM", "xterm-256color")
        .env_remove("LC_CTYPE")
        .env_remove("TAIZHANG_ASCII")
        .env_remove("LANG");
    c
}

fn stdout(c: &mut Command) -> String {
    String::from_utf8(c.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn the_demo_ledger_lists_overdue_items_and_reports_them() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("db");
    let db = db.to_str().unwrap();
    stdout(taizhang(home.path()).args(["demo", db, "--years", "2", "--records-per-year", "200"]));
    let overdue =
        stdout(taizhang(home.path()).args(["--db", db, "--direct", "fix", "list", "--overdue"]));
    let lines: Vec<_> = overdue.lines().filter(|l| l.starts_with('#')).collect();
    assert!(!lines.is_empty(), "{overdue}");
    assert!(lines.iter().all(|l| l.contains("逾期")), "{overdue}");
    let report = stdout(
        taizhang(home.path()).args(["--db", db, "--direct", "report", "annual", "--format", "md"]),
    );
    // The annex lists the items; the overdue ones are marked, and the body
    // counts them and drafts a problem from them.
    let annex = report
        .split("### （六）整改事项")
        .nth(1)
        .expect("annex 3 lists the rectification items");
    let marked = annex
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains("（逾期）"))
        .count();
    assert!(marked > 0, "{annex}");
    assert!(
        report.contains(&format!("逾期未完成{marked}项")),
        "{report}"
    );
    assert!(report.contains("整改落实不够及时"), "{report}");
    assert!(!report.contains('·'), "no middle dot in the state words");
}

fn archives(db: &std::path::Path) -> usize {
    std::fs::read_dir(db.join("archive")).map_or(0, Iterator::count)
}

fn year_line(list: &str, year: i32) -> String {
    list.lines()
        .find(|l| l.starts_with(&year.to_string()))
        .unwrap_or_else(|| panic!("no {year} in {list}"))
        .to_string()
}

#[test]
fn demo_closes_its_past_years_unless_open() {
    let home = tempfile::tempdir().unwrap();
    let (sealed, open) = (home.path().join("sealed"), home.path().join("open"));
    let demo = |db: &std::path::Path, extra: &[&str]| {
        let mut c = taizhang(home.path());
        c.arg("demo")
            .arg(db)
            .args(["--years", "3", "--records-per-year", "150"])
            .args(extra);
        stdout(&mut c)
    };
    let said = demo(&sealed, &[]);
    assert!(said.contains("往年 2 个年度已结转封存"), "{said}");
    let said = demo(&open, &["--open"]);
    assert!(!said.contains("封存"), "{said}");
    assert_eq!(archives(&sealed), 2, "2024 and 2025 sealed into archives");
    assert_eq!(archives(&open), 0);

    let on = |db: &std::path::Path, args: &[&str]| {
        let mut c = taizhang(home.path());
        c.arg("--db").arg(db).arg("--direct").args(args);
        stdout(&mut c)
    };
    let list = on(&sealed, &["year", "list"]);
    for year in [2024, 2025] {
        assert!(year_line(&list, year).contains("已封存"), "{list}");
    }
    assert!(year_line(&list, 2026).contains("未结账"), "{list}");
    let list = on(&open, &["year", "list"]);
    for year in [2024, 2025, 2026] {
        assert!(year_line(&list, year).contains("未结账"), "{list}");
    }
    // The seals are intact, and a sealed year refuses a new record.
    on(&sealed, &["verify"]);
    let mut c = taizhang(home.path());
    c.arg("--db").arg(&sealed).arg("--direct");
    c.args(["add", "支委会", "--date", "2025-06-01", "--topic", "补录"]);
    let refused = c.assert().failure().get_output().stderr.clone();
    let refused = String::from_utf8_lossy(&refused);
    assert!(refused.contains("2025年度已结账"), "{refused}");
}

#[test]
fn a_sealed_demo_holds_the_ledger_an_open_one_holds() {
    // The archive round trip: what `demo` sealed away reads back exactly.
    let home = tempfile::tempdir().unwrap();
    let (sealed, open) = (home.path().join("sealed"), home.path().join("open"));
    for (db, extra) in [(&sealed, None), (&open, Some("--open"))] {
        let mut c = taizhang(home.path());
        c.arg("demo")
            .arg(db)
            .args(["--years", "4", "--records-per-year", "120"])
            .args(extra);
        stdout(&mut c);
    }
    let export = |db: &std::path::Path| -> Backup {
        let mut c = taizhang(home.path());
        c.arg("--db").arg(db).args(["--direct", "export"]);
        serde_json::from_str(&stdout(&mut c)).unwrap()
    };
    let (a, b) = (export(&sealed), export(&open));
    assert_eq!(a.closed_years, vec![2023, 2024, 2025]);
    assert!(b.closed_years.is_empty());
    assert_eq!(a.people, b.people);
    assert_eq!(a.records, b.records);
    assert_eq!(a.fixes, b.fixes);
    assert_eq!(a.next_id, b.next_id);
    // And both are the ledger the core generates for that day.
    let want = generate(
        &Catalogue::embedded(),
        d(2026, 11, 26),
        &DemoSpec {
            years: 4,
            records_per_year: 120,
            seed: 2026,
        },
    );
    assert_eq!(a.records, want.records);
    assert_eq!(a.fixes, want.fixes);
    for year in 2023..=2025 {
        let mut c = taizhang(home.path());
        c.arg("--db")
            .arg(&sealed)
            .args(["--direct", "records", "list", "--json", "--year"]);
        c.arg(year.to_string());
        let listed: serde_json::Value = serde_json::from_str(&stdout(&mut c)).unwrap();
        let n = want
            .records
            .iter()
            .filter(|r| r.date.year() == year)
            .count();
        assert_eq!(listed.as_array().unwrap().len(), n, "{year}");
    }
}

#[test]
fn streamed_years_are_the_generated_ledger_a_year_at_a_time() {
    use taizhang::core::demo::Demo;
    let cat = Catalogue::embedded();
    let today = d(2026, 3, 20);
    let whole = generate(&cat, today, &spec(4, 9));
    let years: Vec<_> = Demo::new(&cat, today, &spec(4, 9)).collect();
    assert_eq!(
        years.iter().map(|y| y.year).collect::<Vec<_>>(),
        vec![2023, 2024, 2025, 2026]
    );
    for y in &years {
        assert!(y.records.iter().all(|r| r.date.year() == y.year));
        assert!(y.fixes.iter().all(|f| f.year == y.year));
        assert!(y.records.windows(2).all(|w| w[0].date <= w[1].date));
    }
    let records: Vec<_> = years.iter().flat_map(|y| y.records.clone()).collect();
    assert_eq!(records, whole.records);
    let mut fixes: Vec<_> = years.iter().flat_map(|y| y.fixes.clone()).collect();
    fixes.sort_by_key(|f| f.id);
    assert_eq!(fixes, whole.fixes);
    assert_eq!(years.last().unwrap().next_id, whole.next_id);
}
