//! One suite of the ledger's use cases and queries, through `LedgerApi`, run
//! on every way a shell reaches a ledger: in memory, on sled in this process
//! (direct mode) and through the ledger service (the default in production).
//! Every method of the `ledger_api!` table is called at least once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "service/fixture.rs"]
#[allow(dead_code)] // shared with tests/service.rs, which uses the rest
mod fixture;

use chrono::NaiveDate;
use taizhang::core::fix::{Evidence, FixState};
use taizhang::core::journal::{Action, Entity};
use taizhang::core::ledger::fixed_clock;
use taizhang::core::mem::MemStore;
use taizhang::core::{
    Catalogue, CoreError, Ledger, LedgerApi, NewFix, NewPerson, NewRecord, RecordKind,
};
use taizhang::store::SledStore;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn person(name: &str, role: &str) -> NewPerson {
    NewPerson {
        name: name.into(),
        roles: vec![role.into()],
        ..NewPerson::default()
    }
}

fn meeting(date: NaiveDate, topic: &str) -> NewRecord {
    NewRecord {
        kind: Some(RecordKind::CommitteeMeeting),
        date: Some(date),
        topic: topic.into(),
        host: Some("张三".into()),
        attendees: vec!["李四".into()],
        ..NewRecord::default()
    }
}

fn actions<L: LedgerApi>(l: &L, entity: &Entity) -> Vec<Action> {
    l.history(entity)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

/// The behaviour every ledger has, whoever runs it; `l` starts empty and
/// its clock is in 2026.
#[allow(clippy::too_many_lines)]
fn suite<L: LedgerApi>(l: &L) {
    let me = l.whoami().unwrap();
    assert!(!me.is_empty());
    assert_eq!(l.revision().unwrap(), 0);
    assert!(l.roster().unwrap().people.is_empty());
    assert!(l.record_years().unwrap().is_empty());
    assert!(l.acting_person().unwrap().is_none());

    // People: the secretary logs in as this user.
    let zhang = l
        .add_person_with_login(&person("张三", "书记"), &me)
        .unwrap();
    assert_eq!(zhang.unix_user.as_deref(), Some(me.as_str()));
    assert_eq!(l.acting_person().unwrap().unwrap().id, zhang.id);
    let li = l.add_person(&person("李四", "班子成员")).unwrap();
    let wang = l.add_person(&person("王五", "党员")).unwrap();
    let wang = l.edit_person(wang.id, &person("王五", "预备党员")).unwrap();
    let wang = l
        .edit_person_with_login(wang.id, &person("王五", "预备党员"), Some("wangwu"))
        .unwrap();
    assert_eq!(wang.unix_user.as_deref(), Some("wangwu"));
    let wang = l.set_unix_user(wang.id, "").unwrap();
    assert_eq!(wang.unix_user, None);
    l.retire_person(wang.id).unwrap();
    assert_eq!(l.roster().unwrap().active().count(), 2);

    // Records: add, edit, delete, restore, amend; the author is the user.
    let first = l.add_record(&meeting(d(2026, 3, 2), "一")).unwrap();
    assert_eq!(first.entered_by, me);
    assert_eq!(first.host, Some(zhang.id));
    assert_eq!(first.attendees, vec![li.id]);
    assert_eq!(l.record(first.id).unwrap(), first);
    let edited = l
        .update_record(first.id, &meeting(d(2026, 3, 3), "二"))
        .unwrap();
    assert_eq!(
        (edited.topic.as_str(), edited.entered_by.as_str()),
        ("二", me.as_str())
    );
    assert_eq!(edited.entered_at, first.entered_at);
    let old = l.add_record(&meeting(d(2025, 6, 1), "去年")).unwrap();
    assert_eq!(l.record_years().unwrap(), vec![2025, 2026]);
    assert_eq!(l.records_in_year(2026).unwrap(), vec![edited.clone()]);
    let gone = l.delete_record(edited.id).unwrap();
    assert!(matches!(l.record(gone.id), Err(CoreError::NoRecord(_))));
    assert_eq!(l.trash().unwrap()[0].0, gone);
    assert_eq!(l.restore_from_trash(gone.id).unwrap(), edited);
    assert!(l.trash().unwrap().is_empty());
    assert_eq!(
        actions(l, &Entity::Record(edited.id)),
        [
            Action::Create,
            Action::Update,
            Action::Delete,
            Action::Restore
        ]
    );
    let correction = l
        .amend_record(old.id, "参会人数更正", d(2026, 1, 5))
        .unwrap();
    assert_eq!(correction.by, me);
    assert_eq!(l.corrections(old.id).unwrap(), vec![correction]);

    // One year's screen in one call.
    let view = l.year_view(2026, d(2026, 6, 1)).unwrap();
    assert_eq!((view.year, view.records.len()), (2026, 1));
    assert_eq!(view.progress.len(), view.catalogue.duties.len());
    assert_eq!(view.roster.active().count(), 2);
    assert!(!view.closed);

    // Rectification items through their whole life.
    let input = NewFix {
        source: "自查自检".into(),
        problem: "学习不足".into(),
        measures: "补学".into(),
        owner: "李四".into(),
        deadline: Some(d(2026, 12, 30)),
        ..NewFix::default()
    };
    let fix = l.add_fix(&input, d(2026, 3, 1)).unwrap();
    assert_eq!(fix.year, 2026);
    let changed = NewFix {
        measures: "补学两次".into(),
        ..input
    };
    assert_eq!(
        l.update_fix(fix.id, &changed, d(2026, 3, 1))
            .unwrap()
            .measures,
        "补学两次"
    );
    let noted = l.note_fix(fix.id, "已学一次", d(2026, 3, 5)).unwrap();
    assert_eq!(noted.notes[0].by, me);
    l.transition_fix(fix.id, FixState::InProgress, d(2026, 3, 6), None)
        .unwrap();
    l.transition_fix(
        fix.id,
        FixState::ClosureRequested,
        d(2026, 3, 7),
        Some("请销号"),
    )
    .unwrap();
    let closed = l
        .close_fix(fix.id, Evidence::Record(edited.id), d(2026, 3, 8))
        .unwrap();
    let closure = closed.closure.unwrap();
    assert_eq!(
        (closure.by_user.as_str(), closure.by_person),
        (me.as_str(), Some(zhang.id))
    );
    assert_eq!(l.fix(fix.id).unwrap().state, FixState::Closed);
    assert_eq!(l.fixes(Some(2026)).unwrap().len(), 1);

    // Seal and close last year.
    let seal = l.seal_year(2026).unwrap();
    assert_eq!(seal.records, 1);
    assert!(l.check_seal(2026).unwrap().unwrap().1);
    let closing = l.close_year(2025).unwrap();
    assert_eq!(closing.year, 2025);
    assert_eq!(l.closed_years().unwrap(), vec![2025]);
    assert!(l.is_closed(2025).unwrap() && !l.is_closed(2026).unwrap());
    assert!(matches!(
        l.add_record(&meeting(d(2025, 7, 1), "补录")),
        Err(CoreError::YearClosed { year: 2025, .. })
    ));
    let states = l.year_states().unwrap();
    assert_eq!(
        states
            .iter()
            .map(|s| (s.year, s.closed))
            .collect::<Vec<_>>(),
        [(2025, true), (2026, false)]
    );

    // The journal: every change above, intact, its length the revision.
    let revision = l.revision().unwrap();
    assert_eq!(l.verify().unwrap().entries, revision);
    let journal = l.journal(0).unwrap();
    assert_eq!(journal.len() as u64, revision);
    assert!(journal.iter().all(|e| e.user == me));
    assert_eq!(l.journal(revision).unwrap().len(), 1);

    // The catalogue and the whole ledger round-trip.
    let catalogue = l.catalogue().unwrap();
    assert_eq!(l.import_catalogue(&catalogue.to_toml()).unwrap(), catalogue);
    let backup = l.export().unwrap();
    l.import(&backup).unwrap();
    assert_eq!(l.export().unwrap(), backup);
    assert!(l.revision().unwrap() > revision);
}

#[test]
fn in_memory() {
    let at = d(2026, 3, 20).and_hms_opt(9, 0, 0).unwrap();
    let l = Ledger::new(MemStore::new(Catalogue::embedded()), "tester").with_clock(fixed_clock(at));
    suite(&l);
}

#[test]
fn on_sled_in_this_process() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger");
    let store = SledStore::open(&path, &Catalogue::embedded()).unwrap();
    let policy = taizhang::store::sharing::policy(&path).unwrap();
    let at = d(2026, 3, 20).and_hms_opt(9, 0, 0).unwrap();
    let l = Ledger::new(store, taizhang::cli::context::user())
        .with_clock(fixed_clock(at))
        .with_policy(policy);
    suite(&l);
}

#[test]
fn through_the_ledger_service() {
    let f = fixture::Fixture::new();
    suite(&f.ledger());
}
