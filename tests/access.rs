//! A reviewer from the superior committee reads but never writes: with this
//! test's own Unix user listed in `[access] reviewers`, reading commands work
//! and writing ones are refused with a clear message and change nothing,
//! through the ledger service and with `--direct`; removing it restores writing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "service/fixture.rs"]
#[allow(dead_code)] // shared with tests/service.rs, which uses the rest
mod fixture;

use fixture::{Fixture, kill9, person};
use taizhang::core::access::Refusal;
use taizhang::core::{CoreError, LedgerApi, StoreError};

fn me() -> String {
    taizhang::cli::context::user()
}

fn run(f: &Fixture, direct: bool, args: &[&str]) -> std::process::Output {
    let mut c = f.cmd();
    if direct {
        c.arg("--direct");
    }
    c.args(args).output().unwrap()
}

fn ok(f: &Fixture, direct: bool, args: &[&str]) -> String {
    let out = run(f, direct, args);
    assert!(
        out.status.success(),
        "{args:?} (direct: {direct}): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn export(f: &Fixture, direct: bool) -> String {
    ok(f, direct, &["export"])
}

/// Stop the ledger's services so that `--direct` can take the ledger.
fn stop_services(f: &Fixture) {
    for pid in f.services() {
        kill9(pid);
    }
    f.wait_for("the services to end", |f| f.services().is_empty());
}

const WRITES: &[&[&str]] = &[
    &["add", "支委会", "--topic", "审阅人添加", "--host", "张三"],
    &["people", "add", "李四"],
    &["people", "retire", "张三"],
    &["records", "delete", "#2"],
];

const READS: &[&[&str]] = &[
    &["status"],
    &["records", "list"],
    &["records", "show", "#2"],
    &["people", "list"],
    &["history", "#2"],
];

fn reviewer_reads_but_cannot_write(f: &Fixture, direct: bool) {
    let before = export(f, direct);
    for args in READS {
        ok(f, direct, args);
    }
    ok(f, direct, &["verify"]);
    for args in WRITES.iter().chain([&["seal", "2026"][..]].iter()) {
        let out = run(f, direct, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success(),
            "{args:?} (direct: {direct}) was allowed"
        );
        assert!(
            err.contains("read-only") && err.contains(&me()) && err.contains("remove-reviewer"),
            "{args:?} (direct: {direct}): {err}"
        );
    }
    let zh = run(f, direct, &["--lang", "zh", "people", "add", "王五"]);
    let err = String::from_utf8_lossy(&zh.stderr);
    assert!(
        err.contains(&format!(
            "只读：用户 {} 是上级党委审阅人，只能查看，不能修改台账",
            me()
        )),
        "{err}"
    );
    assert_eq!(
        export(f, direct),
        before,
        "a refused write changed the ledger"
    );
}

#[test]
fn a_reviewer_reads_but_cannot_write_by_service_or_direct() {
    let f = Fixture::new();
    ok(&f, true, &["people", "add", "张三", "--role", "书记"]);
    ok(
        &f,
        true,
        &["add", "支委会", "--topic", "研究工作", "--host", "张三"],
    );
    let said = ok(&f, true, &["access", "add-reviewer", &me()]);
    assert!(said.contains(&me()), "{said}");
    assert!(ok(&f, true, &["access", "list"]).contains(&me()));
    let config = std::fs::read_to_string(f.path().join("taizhang.toml")).unwrap();
    assert!(
        config.contains("[access]") && config.contains("reviewers"),
        "{config}"
    );

    reviewer_reads_but_cannot_write(&f, true);
    reviewer_reads_but_cannot_write(&f, false);

    // The service itself refuses a command from a client that skips the
    // check on its side, naming the user it sees, before using an id.
    let ledger = f.ledger();
    let before = ledger.export().unwrap();
    let id = ledger.roster().unwrap().people[0].id;
    let refused = |e: CoreError| matches!(e, CoreError::Store(StoreError::ReadOnly(Refusal::Reviewer { user })) if user == me());
    assert!(refused(ledger.retire_person(id).unwrap_err()));
    assert!(refused(
        ledger.add_person(&person("王五", "党员")).unwrap_err()
    ));
    assert_eq!(ledger.export().unwrap(), before);
    drop(ledger);

    // Removing the reviewer restores writing, at once, in both modes.
    ok(&f, false, &["access", "remove-reviewer", &me()]);
    assert!(ok(&f, false, &["access", "list"]).contains("no reviewers"));
    ok(
        &f,
        false,
        &["add", "支委会", "--topic", "服务写入", "--host", "张三"],
    );
    stop_services(&f);
    // The kernel drops a SIGKILLed process's lock once its last thread has
    // exited, which may trail the process leaving the table under load.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let out = run(&f, true, &["people", "add", "李四"]);
        let err = String::from_utf8_lossy(&out.stderr);
        if out.status.success() {
            break;
        }
        assert!(
            err.contains("in use by another taizhang process")
                && std::time::Instant::now() < deadline,
            "{err}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let list = ok(&f, true, &["records", "list"]);
    assert!(list.contains("服务写入"), "{list}");
}

#[test]
fn the_reviewer_list_is_checked() {
    let f = Fixture::new();
    // No ledger yet: nothing to configure.
    let out = f
        .cmd_without_init()
        .args(["--direct", "access", "add-reviewer", "wangli"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no ledger"));
    ok(&f, true, &["people", "add", "张三"]);
    for bad in ["wang li", "a\u{1b}[2J", ""] {
        let out = run(&f, true, &["access", "add-reviewer", bad]);
        assert!(!out.status.success(), "{bad:?} accepted");
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a valid Unix user name"));
    }
    let out = run(&f, true, &["access", "remove-reviewer", "wangli"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a reviewer"));
    ok(&f, true, &["access", "add-reviewer", "wangli"]);
    let again = ok(&f, true, &["access", "add-reviewer", "wangli"]);
    assert!(again.contains("already"), "{again}");
    // Another user's name leaves this user free to write.
    ok(&f, true, &["people", "add", "李四"]);
    // The group setting and the reviewers live side by side.
    let config = std::fs::read_to_string(f.path().join("taizhang.toml")).unwrap();
    let sharing: taizhang::store::Sharing = toml::from_str(&config).unwrap();
    assert_eq!(sharing.access.reviewers, vec!["wangli".to_string()]);
}

#[test]
fn a_library_ledger_with_a_policy_refuses_before_using_an_id() {
    use taizhang::core::access::Policy;
    use taizhang::core::mem::MemStore;
    use taizhang::core::{Catalogue, Ledger};
    let policy = Policy {
        reviewers: vec!["wang".into()],
        ..Policy::default()
    };
    let ledger = Ledger::new(MemStore::new(Catalogue::embedded()), "wang").with_policy(policy);
    let before = ledger.export().unwrap();
    let e = ledger.add_person(&person("张三", "书记")).unwrap_err();
    assert!(e.to_string().contains("read-only"), "{e}");
    assert_eq!(ledger.export().unwrap(), before);
}

/// The policy table in the core: the same checks a direct run and the
/// service make, on an in-memory ledger kept by `owner` with `member` as 王五.
#[test]
fn the_policy_table_refuses_a_member_by_its_rules() {
    use taizhang::core::access::{Policy, Rule};
    use taizhang::core::mem::MemStore;
    use taizhang::core::{Catalogue, Ledger, PersonId};
    let store = MemStore::new(Catalogue::embedded());
    let policy = Policy::default().with_owner("owner");
    let owner = Ledger::new(&store, "owner").with_policy(policy.clone());
    let zhang = owner
        .add_person_with_login(&person("张三", "书记"), "zhangsan")
        .unwrap();
    let wang = owner
        .add_person_with_login(&person("王五", "党员"), "member")
        .unwrap();
    let member = Ledger::new(&store, "member").with_policy(policy);
    let before = member.export().unwrap();
    let rule = |e: CoreError| match e {
        CoreError::Refused(r) => r.rule(),
        other => panic!("not refused by the table: {other}"),
    };
    let owners = Rule::OwnerAdministers;
    assert_eq!(
        rule(
            member
                .edit_person(wang.id, &person("王五", "书记"))
                .unwrap_err()
        ),
        owners
    );
    assert_eq!(
        rule(member.add_person(&person("赵六", "纪检委员")).unwrap_err()),
        owners
    );
    assert_eq!(
        rule(member.set_unix_user(zhang.id, "member2").unwrap_err()),
        owners
    );
    assert_eq!(rule(member.set_unix_user(wang.id, "").unwrap_err()), owners);
    assert_eq!(rule(member.retire_person(zhang.id).unwrap_err()), owners);
    let toml = member.catalogue().unwrap().to_toml();
    assert_eq!(rule(member.import_catalogue(&toml).unwrap_err()), owners);
    assert_eq!(rule(member.import(&before).unwrap_err()), owners);
    assert_eq!(
        member.export().unwrap(),
        before,
        "a refusal changed the ledger"
    );
    // An ordinary member may be added by anyone who may write.
    assert!(member.add_person(&person("钱七", "党员")).is_ok());
    // The owner administers, but never their own entry.
    let me = owner
        .add_person_with_login(&person("老周", "委员"), "owner")
        .unwrap();
    assert_eq!(
        rule(
            owner
                .edit_person(me.id, &person("老周", "书记"))
                .unwrap_err()
        ),
        Rule::NotOneself
    );
    assert!(owner.edit_person(wang.id, &person("王五", "委员")).is_ok());
    assert!(matches!(
        member.retire_person(PersonId(9999)),
        Err(CoreError::NoPerson(_))
    ));
}

/// The access list as a ledger use case: the owner and (with the switch on)
/// the 书记 change it through the store; a plain member, or the 书记 with
/// the switch off, is refused by the rule, and a bad name by its field.
#[test]
fn the_access_list_is_changed_through_the_ledger_by_the_table() {
    use taizhang::core::access::{Policy, Rule};
    use taizhang::core::mem::MemStore;
    use taizhang::core::{Catalogue, Ledger};
    let store = MemStore::new(Catalogue::embedded());
    let off = Policy::default().with_owner("owner");
    let on = Policy {
        secretary_admin: true,
        ..off.clone()
    };
    let owner = Ledger::new(&store, "owner").with_policy(off.clone());
    owner
        .add_person_with_login(&person("张三", "书记"), "zhangsan")
        .unwrap();
    owner
        .add_person_with_login(&person("王五", "党员"), "member")
        .unwrap();
    assert!(owner.add_reviewer("inspector").unwrap());
    assert_eq!(store.reviewers(), ["inspector"]);
    let rule = |e: CoreError| match e {
        CoreError::Refused(r) => r.rule(),
        other => panic!("not refused by the table: {other}"),
    };
    let secretary_off = Ledger::new(&store, "zhangsan").with_policy(off);
    let e = secretary_off.add_reviewer("auditor").unwrap_err();
    assert_eq!(rule(e), Rule::OwnerAdministers);
    let member = Ledger::new(&store, "member").with_policy(on.clone());
    let e = member.add_reviewer("auditor").unwrap_err();
    assert_eq!(rule(e), Rule::OwnerAdministers);
    assert_eq!(store.reviewers(), ["inspector"]);

    let secretary = Ledger::new(&store, "zhangsan").with_policy(Policy {
        reviewers: vec!["inspector".into()],
        ..on.clone()
    });
    assert!(secretary.add_reviewer("auditor").unwrap());
    assert_eq!(store.reviewers(), ["inspector", "auditor"]);
    // Each session reads the policy afresh, as the service does.
    let secretary = Ledger::new(&store, "zhangsan").with_policy(Policy {
        reviewers: store.reviewers(),
        ..on.clone()
    });
    assert!(secretary.remove_reviewer("inspector").unwrap());
    assert_eq!(store.reviewers(), ["auditor"]);
    assert!(!secretary.remove_reviewer("nobody-listed").unwrap());
    let e = secretary.add_reviewer("wang li").unwrap_err();
    assert!(matches!(e, CoreError::Invalid(_)), "{e}");
}
