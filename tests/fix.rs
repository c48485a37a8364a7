#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Rectification items (整改): the state machine through the ledger, evidence
//! and who may close, the journal, the sled store, and the `fix` commands and
//! overdue marks through the real binary.

#[path = "cli_support/env.rs"]
mod env;

use chrono::NaiveDate;
use env::Env;
use rstest::rstest;
use serde_json::Value;
use taizhang::core::error::Sealed;
use taizhang::core::fix::{Evidence, FixError, FixId, FixItem, FixState, NewFix};
use taizhang::core::journal::{Action, Entity};
use taizhang::core::ledger::fixed_clock;
use taizhang::core::mem::MemStore;
use taizhang::core::{CoreError, Ledger, NewPerson, NewRecord, RecordKind, Role, Store};
use taizhang::store::SledStore;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn person(name: &str, role: &str) -> NewPerson {
    NewPerson {
        name: name.into(),
        roles: vec![role.into()],
        ..NewPerson::default()
    }
}

/// 张三 (secretary, login `alice`), 李四 (member, login `bob`), 王五
/// (discipline member, login `carol`); the ledger acts as `user`.
fn ledger_as<S: Store>(store: S, user: &str) -> Ledger<S> {
    let l =
        Ledger::new(store, user).with_clock(fixed_clock(d(3, 20).and_hms_opt(9, 0, 0).unwrap()));
    if l.roster().unwrap().people.is_empty() {
        l.add_person_with_login(&person("张三", "书记"), "alice")
            .unwrap();
        l.add_person_with_login(&person("李四", "党员"), "bob")
            .unwrap();
        l.add_person_with_login(&person("王五", "纪检委员"), "carol")
            .unwrap();
    }
    l
}

fn new_fix() -> NewFix {
    NewFix {
        source: "自查自检".into(),
        problem: "学习记录不全".into(),
        duties: vec!["b7".into()],
        measures: "补齐记录，按月检查".into(),
        owner: "李四".into(),
        deadline: Some(d(6, 30)),
        opened: None,
    }
}

fn refusal(e: CoreError) -> FixError {
    match e {
        CoreError::Fix { error, .. } => error,
        other => panic!("not a fix refusal: {other:?}"),
    }
}

#[derive(Debug, Clone, Copy)]
enum Step {
    Start,
    Request,
    Close,
}

fn apply<S: Store>(l: &Ledger<S>, id: FixId, step: Step) -> Result<FixItem, CoreError> {
    match step {
        Step::Start => l.transition_fix(id, FixState::InProgress, d(3, 21), None),
        Step::Request => l.transition_fix(id, FixState::ClosureRequested, d(3, 22), Some("已整改")),
        Step::Close => l.close_fix(id, Evidence::Note("已补齐".into()), d(3, 23)),
    }
}

#[rstest]
#[case::straight(&[Step::Start, Step::Request, Step::Close], Ok(FixState::Closed))]
#[case::skip_work(&[Step::Request, Step::Close], Ok(FixState::Closed))]
#[case::rejected(&[Step::Request, Step::Start, Step::Request], Ok(FixState::ClosureRequested))]
#[case::close_open(&[Step::Close], Err((FixState::Open, FixState::Closed)))]
#[case::close_in_progress(&[Step::Start, Step::Close], Err((FixState::InProgress, FixState::Closed)))]
#[case::start_twice(&[Step::Start, Step::Start], Err((FixState::InProgress, FixState::InProgress)))]
#[case::request_twice(&[Step::Request, Step::Request], Err((FixState::ClosureRequested, FixState::ClosureRequested)))]
fn the_state_machine_through_the_ledger(
    #[case] steps: &[Step],
    #[case] end: Result<FixState, (FixState, FixState)>,
) {
    let l = ledger_as(MemStore::default(), "alice");
    let id = l.add_fix(&new_fix(), d(3, 20)).unwrap().id;
    let mut last = Ok(FixState::Open);
    for step in steps {
        match apply(&l, id, *step) {
            Ok(f) => last = Ok(f.state),
            Err(e) => match refusal(e) {
                FixError::Transition { from, to } => {
                    last = Err((from, to));
                    break;
                }
                other => panic!("{other:?}"),
            },
        }
    }
    assert_eq!(last, end);
    if let Err((from, _)) = end {
        assert_eq!(l.fix(id).unwrap().state, from, "a refusal changes nothing");
    }
}

#[test]
fn a_closed_item_is_final() {
    let l = ledger_as(MemStore::default(), "alice");
    let id = l.add_fix(&new_fix(), d(3, 20)).unwrap().id;
    for step in [Step::Request, Step::Close] {
        apply(&l, id, step).unwrap();
    }
    for step in [Step::Start, Step::Request, Step::Close] {
        assert_eq!(refusal(apply(&l, id, step).unwrap_err()), FixError::Closed);
    }
    assert_eq!(
        refusal(l.note_fix(id, "x", d(4, 1)).unwrap_err()),
        FixError::Closed
    );
}

#[test]
fn closing_needs_evidence_that_exists() {
    let l = ledger_as(MemStore::default(), "alice");
    let id = l.add_fix(&new_fix(), d(3, 20)).unwrap().id;
    apply(&l, id, Step::Request).unwrap();
    let e = l
        .close_fix(id, Evidence::Note("  ".into()), d(3, 23))
        .unwrap_err();
    assert_eq!(refusal(e), FixError::NoEvidence);
    let e = l
        .close_fix(
            id,
            Evidence::Record(taizhang::core::RecordId(999)),
            d(3, 23),
        )
        .unwrap_err();
    assert!(matches!(refusal(e), FixError::NoSuchRecord(_)));
    assert_eq!(l.fix(id).unwrap().state, FixState::ClosureRequested);

    let record = l
        .add_record(&NewRecord {
            kind: Some(RecordKind::CommitteeMeeting),
            date: Some(d(3, 19)),
            topic: "整改专题会".into(),
            host: Some("张三".into()),
            ..NewRecord::default()
        })
        .unwrap();
    let closed = l
        .close_fix(id, Evidence::Record(record.id), d(3, 23))
        .unwrap();
    let closure = closed.closure.unwrap();
    assert_eq!(closure.evidence, Evidence::Record(record.id));
    assert_eq!(closure.by_user, "alice");
    assert_eq!(
        l.roster().unwrap().name(closure.by_person.unwrap()),
        "张三",
        "the closure names who closed it"
    );
}

#[rstest]
#[case::secretary("alice", true)]
#[case::discipline_member("carol", true)]
#[case::member("bob", false)]
#[case::stranger("mallory", false)]
fn only_the_secretary_or_the_discipline_member_closes(#[case] user: &str, #[case] ok: bool) {
    let l = ledger_as(MemStore::default(), user);
    let id = l.add_fix(&new_fix(), d(3, 20)).unwrap().id;
    apply(&l, id, Step::Request).unwrap();
    match apply(&l, id, Step::Close) {
        Ok(f) => {
            assert!(ok, "{user} closed");
            assert_eq!(f.closure.unwrap().by_user, user);
        }
        Err(e) => {
            assert!(!ok, "{user} refused: {e:?}");
            let FixError::NotAllowed { user: u, person } = refusal(e) else {
                panic!("not NotAllowed");
            };
            assert_eq!(u, user);
            match user {
                "bob" => assert_eq!(person, Some(("李四".into(), vec![Role::Member]))),
                _ => assert_eq!(person, None),
            }
            assert_eq!(l.fix(id).unwrap().state, FixState::ClosureRequested);
        }
    }
}

#[test]
fn every_change_is_journaled_and_stored_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let catalogue = taizhang::core::Catalogue::embedded();
    let id = {
        let l = ledger_as(SledStore::open(dir.path(), &catalogue).unwrap(), "alice");
        let id = l.add_fix(&new_fix(), d(3, 20)).unwrap().id;
        l.note_fix(id, "已召开专题会", d(3, 25)).unwrap();
        apply(&l, id, Step::Request).unwrap();
        apply(&l, id, Step::Close).unwrap();
        let h = l.history(&Entity::Fix(id)).unwrap();
        let actions: Vec<Action> = h.iter().map(|e| e.action).collect();
        assert_eq!(
            actions,
            [
                Action::Create,
                Action::Update,
                Action::Update,
                Action::Update
            ]
        );
        l.verify().unwrap();
        id
    };
    let l = ledger_as(SledStore::open(dir.path(), &catalogue).unwrap(), "alice");
    let fix = l.fix(id).unwrap();
    assert_eq!(fix.state, FixState::Closed);
    assert_eq!(fix.notes.len(), 2, "the progress note and the request note");
    assert_eq!(l.fixes(Some(2026)).unwrap(), vec![fix.clone()]);
    assert!(l.fixes(Some(2025)).unwrap().is_empty());

    // A backup carries the items; importing it elsewhere brings them back.
    let backup = l.export().unwrap();
    let other = Ledger::new(MemStore::default(), "alice");
    other.import(&backup).unwrap();
    assert_eq!(other.fix(id).unwrap(), fix);
}

#[test]
fn the_year_view_flags_overdue_items_per_duty() {
    let l = ledger_as(MemStore::default(), "alice");
    let late = l
        .add_fix(
            &NewFix {
                opened: Some(d(1, 5)),
                deadline: Some(d(2, 28)),
                ..new_fix()
            },
            d(3, 20),
        )
        .unwrap();
    let fine = l.add_fix(&new_fix(), d(3, 20)).unwrap();
    let view = l.year_view(2026, d(3, 20)).unwrap();
    let b7 = taizhang::core::DutyId("b7".into());
    let open: Vec<FixId> = view.fixes_for(&b7).map(|f| f.id).collect();
    let overdue: Vec<FixId> = view.overdue_fixes_for(&b7).map(|f| f.id).collect();
    assert_eq!(open, vec![late.id, fine.id]);
    assert_eq!(overdue, vec![late.id]);
    let other = taizhang::core::DutyId("b1".into());
    assert_eq!(view.overdue_fixes_for(&other).count(), 0);
    assert_eq!(
        view.overdue_fixes()
            .iter()
            .map(|f| f.id)
            .collect::<Vec<_>>(),
        vec![late.id]
    );
}

#[test]
fn items_of_a_closed_year_are_read_only() {
    let l = ledger_as(MemStore::default(), "alice");
    let old = l
        .add_fix(
            &NewFix {
                opened: Some(NaiveDate::from_ymd_opt(2025, 11, 1).unwrap()),
                ..new_fix()
            },
            d(3, 20),
        )
        .unwrap();
    apply(&l, old.id, Step::Request).unwrap();
    apply(&l, old.id, Step::Close).unwrap();
    l.close_year(2025).unwrap();
    let e = l.note_fix(old.id, "x", d(3, 21)).unwrap_err();
    assert!(
        matches!(e, CoreError::YearClosed { year: 2025, what: Sealed::Fix(id) } if id == old.id),
        "{e:?}"
    );
    let e = l
        .add_fix(
            &NewFix {
                opened: Some(NaiveDate::from_ymd_opt(2025, 12, 1).unwrap()),
                ..new_fix()
            },
            d(3, 20),
        )
        .unwrap_err();
    assert!(
        matches!(e, CoreError::YearClosed { year: 2025, .. }),
        "{e:?}"
    );
}

// ---- through the real binary ----

/// The Unix user the binary stamps (from the real uid).
fn me() -> String {
    taizhang::cli::context::user()
}

/// An empty ledger with 张三 (书记) and 李四 (党员); `login_of` gets our login.
fn cli_env(login_of: &str) -> Env {
    let env = Env::new();
    env.ok(&["people", "add", "张三", "--role", "书记"]);
    env.ok(&["people", "add", "李四", "--role", "党员"]);
    env.ok(&["people", "edit", login_of, "--unix-user", &me()]);
    env
}

fn add_fix(env: &Env, deadline: &str) -> String {
    let out = env.ok(&[
        "fix",
        "add",
        "--problem",
        "谈心谈话记录不全",
        "--source",
        "自查自检",
        "--duty",
        "b7",
        "--measures",
        "补谈并完善记录",
        "--owner",
        "李四",
        "--opened",
        "2-01",
        "--deadline",
        deadline,
    ]);
    assert!(out.starts_with("已立项：#"), "{out}");
    out.trim_start_matches("已立项：#")
        .split(' ')
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn cli_walks_an_item_to_closed() {
    let env = cli_env("张三");
    let id = add_fix(&env, "6-30");
    env.ok(&["fix", "note", &id, "已约谈3人"]);
    env.ok(&["fix", "start", &id]);
    let err = env.refused(&["fix", "close", &id, "--note", "已补齐"], 2);
    assert!(
        err.contains("不能从“整改中”改为“已销号”") && err.contains("申请销号"),
        "{err}"
    );
    env.ok(&["fix", "request-close", &id]);
    let err = env.refused(&["fix", "close", &id], 2);
    assert!(err.contains("销号需要佐证"), "{err}");
    let out = env.ok(&["fix", "close", &id, "--note", "已补齐全部记录"]);
    assert!(out.starts_with("已销号："), "{out}");
    let show = env.ok(&["fix", "show", &id]);
    for want in [
        "已销号",
        "已补齐全部记录",
        "已约谈3人",
        "张三",
        "理论中心组专题学习",
    ] {
        assert!(show.contains(want), "{want} in {show}");
    }
    let list = env.ok(&["fix", "list", "--open"]);
    assert!(list.contains("1 项整改事项均已销号"), "{list}");
    let hist = env.ok(&["fix", "list", "--json"]);
    let v: Value = serde_json::from_str(&hist).unwrap();
    assert_eq!(v[0]["state"], "closed");
    assert_eq!(v[0]["closure"]["by_user"], me());
}

#[test]
fn cli_refuses_closing_by_a_non_secretary_and_bad_input() {
    let env = cli_env("李四");
    let id = add_fix(&env, "6-30");
    env.ok(&["fix", "request-close", &id]);
    let err = env.refused(&["fix", "close", &id, "--note", "done"], 2);
    assert!(
        err.contains(&format!(
            "按规则“整改事项只能由书记或纪检委员销号”，当前用户 {} 在名册中是 李四（党员），不能销号",
            me()
        )),
        "{err}"
    );
    let err = env.refused(&["--lang", "en", "fix", "close", &id, "--note", "done"], 2);
    assert!(
        err.contains("refused by the rule \"only the secretary or the discipline member closes"),
        "{err}"
    );
    let err = env.refused(
        &[
            "fix",
            "add",
            "--problem",
            "x",
            "--source",
            "随便",
            "--measures",
            "m",
            "--owner",
            "李四",
            "--deadline",
            "6-30",
        ],
        2,
    );
    assert!(err.contains("来源") && err.contains("随便"), "{err}");
    let err = env.refused(
        &[
            "fix",
            "add",
            "--problem",
            "x",
            "--source",
            "巡察",
            "--measures",
            "m",
            "--owner",
            "李四",
        ],
        2,
    );
    assert!(err.contains("整改时限（--deadline）：必填"), "{err}");
    let err = env.refused(&["fix", "note", "#999", "x"], 2);
    assert!(err.contains("整改事项 #999 不存在"), "{err}");
    let err = env.refused(&["fix", "edit", &id, "--deadline", "1-01"], 2);
    assert!(
        err.contains(&format!("整改事项 #{id}")) && err.contains("早于立项日期"),
        "{err}"
    );
}

#[test]
fn overdue_items_show_in_status_text_and_json() {
    let env = cli_env("张三");
    let late = add_fix(&env, "3-01");
    add_fix(&env, "6-30");
    let text = env.ok(&["status"]);
    let b7 = text
        .lines()
        .find(|l| l.contains(" 理论中心组专题学习 "))
        .unwrap();
    assert!(b7.ends_with("整改逾期 1"), "{b7}");
    assert!(text.contains("逾期整改事项（1 项）"), "{text}");
    assert!(
        text.contains(&format!("#{late} [待整改·逾期] 2026-03-01 李四")),
        "{text}"
    );
    let json: Value = serde_json::from_str(&env.ok(&["status", "--json"])).unwrap();
    let duty = json["duties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "b7")
        .unwrap();
    assert_eq!(duty["fixes_overdue"].as_array().unwrap().len(), 1);
    assert_eq!(duty["fixes_open"].as_array().unwrap().len(), 2);
    assert_eq!(json["overdue_fixes"][0]["id"].to_string(), late);
    assert_eq!(json["overdue_fixes"][0]["overdue"], true);
}

#[test]
fn fixes_export_as_csv_and_in_the_annual_report() {
    const B7: &str = "三（一）（7）理论中心组专题学习";
    let env = cli_env("张三");
    let id = add_fix(&env, "3-01");
    env.ok(&["fix", "request-close", &id]);
    env.ok(&["fix", "close", &id, "--note", "已补齐"]);
    add_fix(&env, "3-10");
    let csv = env.ok(&["export", "--format", "csv", "--what", "fixes"]);
    let body = csv.strip_prefix('\u{feff}').unwrap();
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 3, "{csv}");
    assert_eq!(rows[0].len(), 13);
    assert_eq!(rows[0][0], "序号");
    // Items by number in the year, duties by 条目 and title, no ids.
    let closed = rows.iter().find(|r| r[7] == "已销号").unwrap();
    assert_eq!(closed[0], "1", "{id} is the first item of the year");
    assert_eq!(
        &closed[1..],
        &[
            "自查自检",
            "谈心谈话记录不全",
            B7,
            "补谈并完善记录",
            "李四",
            "2026-03-01",
            "已销号",
            "2026-02-01",
            "2026-03-20",
            "张三",
            "已补齐",
            "0",
        ]
    );
    let md = env.ok(&["report", "annual", "--year", "2026", "--format", "md"]);
    // 2 opened, 1 closed and 1 overdue: counted in the body, the overdue one
    // drafted as a problem, both listed in annex 3.
    assert!(md.contains("本年度新增整改事项2项，完成整改1项"), "{md}");
    assert!(md.contains("逾期未完成1项"), "{md}");
    let problems = &md[md.find("二、存在的问题").unwrap()..md.find("三、下一步打算").unwrap()];
    assert_eq!(
        problems.matches("谈心谈话记录不全").count(),
        1,
        "{problems}"
    );
    let annex = &md[md.find("整改事项\n").unwrap()..];
    assert_eq!(annex.matches("谈心谈话记录不全").count(), 2, "{annex}");
}
