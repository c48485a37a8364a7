#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The yearly cycle: `year close` seals a year, refuses later writes to its
//! records and items with a clear message, carries open items into the next
//! year; amendments go in as dated corrections; a closed year is still shown
//! and reported on.

#[path = "cli_support/env.rs"]
mod env;

use chrono::NaiveDate;
use env::Env;
use taizhang::core::error::Sealed;
use taizhang::core::fix::{Evidence, FixState, NewFix};
use taizhang::core::journal::{Action, Entity};
use taizhang::core::ledger::fixed_clock;
use taizhang::core::mem::MemStore;
use taizhang::core::{CoreError, Ledger, NewPerson, NewRecord, RecordKind};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn ledger() -> Ledger<MemStore> {
    let l = Ledger::new(MemStore::default(), "alice")
        .with_clock(fixed_clock(d(2026, 1, 10).and_hms_opt(9, 0, 0).unwrap()));
    let secretary = NewPerson {
        name: "张三".into(),
        roles: vec!["书记".into()],
        ..NewPerson::default()
    };
    l.add_person_with_login(&secretary, "alice").unwrap();
    l
}

fn meeting(date: NaiveDate) -> NewRecord {
    NewRecord {
        kind: Some(RecordKind::CommitteeMeeting),
        date: Some(date),
        topic: "研究全面从严治党工作".into(),
        host: Some("张三".into()),
        ..NewRecord::default()
    }
}

fn item(opened: NaiveDate) -> NewFix {
    NewFix {
        source: "督导检查".into(),
        problem: "会议记录不规范".into(),
        duties: vec!["b7".into()],
        measures: "统一记录格式".into(),
        owner: "张三".into(),
        deadline: Some(d(2025, 12, 31)),
        opened: Some(opened),
    }
}

#[test]
fn a_closed_year_refuses_writes_and_takes_amendments() {
    let l = ledger();
    let old = l.add_record(&meeting(d(2025, 6, 1))).unwrap();
    let new = l.add_record(&meeting(d(2026, 1, 5))).unwrap();
    let closing = l.close_year(2025).unwrap();
    assert_eq!(closing.seal.records, 1);
    assert_eq!(l.closed_years().unwrap(), vec![2025]);

    let closed = |e: CoreError| match e {
        CoreError::YearClosed { year: 2025, what } => what,
        other => panic!("not refused for the closed year: {other:?}"),
    };
    assert_eq!(
        closed(l.delete_record(old.id).unwrap_err()),
        Sealed::Record(Some(old.id))
    );
    assert_eq!(
        closed(
            l.update_record(old.id, &meeting(d(2025, 6, 2)))
                .unwrap_err()
        ),
        Sealed::Record(Some(old.id))
    );
    assert_eq!(
        closed(l.add_record(&meeting(d(2025, 12, 31))).unwrap_err()),
        Sealed::Record(None)
    );
    // Moving a record of an open year into the closed one is refused too.
    assert_eq!(
        closed(
            l.update_record(new.id, &meeting(d(2025, 12, 1)))
                .unwrap_err()
        ),
        Sealed::Record(Some(new.id))
    );
    l.update_record(new.id, &meeting(d(2026, 1, 6))).unwrap();
    assert_eq!(l.record(old.id).unwrap(), old, "nothing changed");
    assert_eq!(
        l.check_seal(2025).unwrap().map(|(_, same)| same),
        Some(true),
        "the seal still holds"
    );

    let c = l
        .amend_record(old.id, "实际到会7人", d(2026, 1, 10))
        .unwrap();
    assert_eq!(l.corrections(old.id).unwrap(), vec![c]);
    let h = l.history(&Entity::Record(old.id)).unwrap();
    assert_eq!(h.last().unwrap().action, Action::Amend);
    assert_eq!(
        l.check_seal(2025).unwrap().map(|(_, same)| same),
        Some(true),
        "an amendment leaves the sealed records alone"
    );
    assert!(matches!(
        l.close_year(2025),
        Err(CoreError::AlreadyClosed(2025))
    ));
    assert!(matches!(
        l.close_year(2027),
        Err(CoreError::YearNotBegun { year: 2027, .. })
    ));
    l.verify().unwrap();
}

#[test]
fn closing_carries_open_items_into_the_next_year() {
    let l = ledger();
    let open = l.add_fix(&item(d(2025, 10, 1)), d(2026, 1, 10)).unwrap();
    let done = l.add_fix(&item(d(2025, 11, 1)), d(2026, 1, 10)).unwrap();
    l.transition_fix(done.id, FixState::ClosureRequested, d(2025, 12, 1), None)
        .unwrap();
    l.close_fix(done.id, Evidence::Note("已规范".into()), d(2025, 12, 20))
        .unwrap();
    let closing = l.close_year(2025).unwrap();
    assert_eq!(closing.carried, vec![open.id]);

    let moved = l.fix(open.id).unwrap();
    assert_eq!((moved.year, moved.opened), (2026, d(2025, 10, 1)));
    let note = moved.notes.last().unwrap();
    assert_eq!(
        (note.text.as_str(), note.date),
        ("由2025年度结转", d(2026, 1, 10))
    );
    assert_eq!(l.fix(done.id).unwrap().year, 2025, "closed items stay");
    assert_eq!(l.fixes(Some(2026)).unwrap(), vec![moved.clone()]);
    let h = l.history(&Entity::Fix(open.id)).unwrap();
    assert_eq!(
        h.last().unwrap().action,
        Action::Update,
        "the carry-over is journaled"
    );

    // The carried item is worked on in its new year; the closed one is read-only.
    l.note_fix(open.id, "已制定模板", d(2026, 1, 11)).unwrap();
    assert!(matches!(
        l.note_fix(done.id, "x", d(2026, 1, 11)),
        Err(CoreError::YearClosed { year: 2025, .. })
    ));
    let view = l.year_view(2026, d(2026, 1, 11)).unwrap();
    assert_eq!(
        view.overdue_fixes().len(),
        1,
        "still overdue after the move"
    );
    assert!(l.year_view(2025, d(2026, 1, 11)).unwrap().closed);
}

// ---- through the real binary (today is 2026-03-20) ----

fn setup() -> (Env, String) {
    let env = Env::new();
    env.ok(&[
        "people",
        "add",
        "张三",
        "--role",
        "书记",
        "--unix-user",
        &taizhang::cli::context::user(),
    ]);
    let out = env.ok(&[
        "add",
        "支委会",
        "--date",
        "2025-06-01",
        "--topic",
        "研究2025年工作",
        "--host",
        "张三",
    ]);
    let id = out
        .split('#')
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .unwrap()
        .to_string();
    env.ok(&[
        "fix",
        "add",
        "--problem",
        "会议记录不规范",
        "--source",
        "督导检查",
        "--measures",
        "统一格式",
        "--owner",
        "张三",
        "--opened",
        "2025-10-01",
        "--deadline",
        "2025-12-31",
    ]);
    (env, id)
}

#[test]
fn cli_closes_a_year_and_refuses_writes_into_it() {
    let (env, id) = setup();
    let out = env.ok(&["year", "close", "2025"]);
    assert!(
        out.contains("2025年度已结账") && out.contains("1 项未完成的整改事项已结转到2026年度"),
        "{out}"
    );

    let err = env.refused(&["records", "delete", &id], 2);
    assert_eq!(
        err.trim(),
        format!(
            "2025年度已结账，记录不可修改；如需更正请用 taizhang amend {id} --note \"更正内容\""
        )
    );
    let err = env.refused(
        &[
            "add",
            "支委会",
            "--date",
            "2025-12-01",
            "--topic",
            "补录",
            "--host",
            "张三",
        ],
        2,
    );
    assert!(err.contains("2025年度已结账"), "{err}");
    let err = env.refused(&["--lang", "en", "records", "delete", &id], 2);
    assert!(
        err.contains("the year 2025 is closed") && err.contains("taizhang amend"),
        "{err}"
    );
    let err = env.refused(&["year", "close", "2025"], 2);
    assert!(err.contains("2025年度已经结账"), "{err}");

    env.ok(&[
        "amend",
        &id,
        "--note",
        "实际到会7人",
        "--date",
        "2026-01-05",
    ]);
    let show = env.ok(&["records", "show", &id]);
    assert!(
        show.contains("更正：") && show.contains("2026-01-05") && show.contains("实际到会7人"),
        "{show}"
    );
    let hist = env.ok(&["history", &id]);
    assert!(
        hist.contains("更正") && hist.contains("实际到会7人"),
        "{hist}"
    );

    let list = env.ok(&["year", "list"]);
    let row = list.lines().find(|l| l.starts_with("2025")).unwrap();
    assert!(row.contains("已封存"), "{row}");
    let digest = row.split_whitespace().last().unwrap();
    assert_eq!(digest.len(), 64, "{row}");
    let row26 = list.lines().find(|l| l.starts_with("2026")).unwrap();
    assert!(row26.contains("未结账"), "{row26}");

    let carried = env.ok(&["fix", "list", "--year", "2026", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&carried).unwrap();
    assert_eq!(v[0]["year"], 2026);
    assert_eq!(v[0]["opened"], "2025-10-01");
    assert_eq!(v[0]["notes"][0]["text"], "由2025年度结转");

    // A closed year is still shown and reported on.
    let status = env.ok(&["status", "--year", "2025"]);
    assert!(status.contains("2025"), "{status}");
    let report = env.ok(&["report", "annual", "--year", "2025"]);
    assert!(
        report.contains("会议记录不规范"),
        "the item opened in 2025: {report}"
    );
}
