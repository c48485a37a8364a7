//! Two real Unix users on one group-shared ledger: each sees the other's
//! record, and every change is traced to the Unix user who made it, as the
//! kernel reports them, not as the client claims; a member cannot backdate
//! the journal, forge an author, promote anyone or close a 整改. Needs root
//! (to create a throwaway user and group); elsewhere it says it skipped, and
//! under `CI` it fails instead.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "multiuser/support.rs"]
mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use support::{Account, account, can_run, ok, taizhang, taizhang_env};

/// A refused command: it failed and its message says `words`.
fn refused(out: &Output, words: &str) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "allowed: {err}");
    assert!(err.contains(words), "{err}");
    err
}

fn record_id(added: &str) -> String {
    added
        .split_whitespace()
        .find_map(|w| w.strip_prefix('#'))
        .unwrap()
        .trim_end_matches(':')
        .to_string()
}

/// Whether this test can run; under `CI` a test that cannot run fails.
fn runnable() -> bool {
    can_run()
}

type Shared = (Account, tempfile::TempDir, std::path::PathBuf);

/// A throwaway member and a new ledger shared with their group, in a
/// directory they can reach; `None` when this test cannot run here.
fn group_ledger() -> Option<Shared> {
    if !runnable() {
        return None;
    }
    let acc = account("u");
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let db = dir.path().join("ledger");
    ok(&taizhang(
        &db,
        None,
        &["init-shared", "--group", &acc.group],
    ));
    Some((acc, dir, db))
}

#[test]
fn two_unix_users_share_a_ledger_and_each_change_names_its_user() {
    let Some((acc, _dir, db)) = group_ledger() else {
        return;
    };
    let owner = Command::new("id").arg("-un").output().unwrap();
    let owner = String::from_utf8_lossy(&owner.stdout).trim().to_string();

    ok(&taizhang(
        &db,
        None,
        &["people", "add", "张三", "--role", "书记"],
    ));
    ok(&taizhang(
        &db,
        None,
        &["people", "add", "李四", "--role", "班子成员"],
    ));

    // The other user adds a record through the service the owner runs...
    let theirs = record_id(&ok(&taizhang(
        &db,
        Some(&acc.user),
        &[
            "add",
            "廉政谈话",
            "--date",
            "3-2",
            "--host",
            "张三",
            "--with",
            "李四",
        ],
    )));
    // ...and the owner adds one too.
    let mine = record_id(&ok(&taizhang(
        &db,
        None,
        &["add", "支委会", "--date", "3-3", "--topic", "月度例会"],
    )));

    // Each sees the other's record.
    let seen_by_owner = ok(&taizhang(&db, None, &["records", "list"]));
    assert!(
        seen_by_owner.contains(&format!("#{theirs}")),
        "{seen_by_owner}"
    );
    let seen_by_them = ok(&taizhang(&db, Some(&acc.user), &["records", "list"]));
    assert!(seen_by_them.contains(&format!("#{mine}")), "{seen_by_them}");

    // Every change names the Unix user the kernel reported, not $USER.
    let history = ok(&taizhang(&db, None, &["history", &theirs]));
    assert!(history.contains(&acc.user), "{history}");
    assert!(!history.contains("somebody-else"), "{history}");
    let history = ok(&taizhang(&db, Some(&acc.user), &["history", &mine]));
    assert!(history.contains(&owner), "{history}");

    // The files are the group's and not readable by others.
    // Members reach the socket and nothing else (no listing, no handles).
    let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o2710, "{mode:o}");
}

fn me() -> String {
    let out = Command::new("id").arg("-un").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A group ledger owned by this (root) user, who is 张三 the 书记; the
/// member is 王五, an ordinary 党员; 李四 is a 班子成员 with no login.
fn shared_ledger() -> Option<Shared> {
    let (acc, dir, db) = group_ledger()?;
    add_person(&db, "张三", "书记", &me());
    add_person(&db, "李四", "班子成员", "");
    add_person(&db, "王五", "党员", &acc.user);
    Some((acc, dir, db))
}

/// The owner adds a person with one role, logging in as `login` ("": none).
fn add_person(db: &Path, name: &str, role: &str, login: &str) {
    let args = ["people", "add", name, "--role", role, "--unix-user", login];
    ok(&taizhang(db, None, &args));
}

#[test]
fn a_member_cannot_backdate_the_journal_or_forge_an_author() {
    let Some((acc, _dir, db)) = shared_ledger() else {
        return;
    };
    let member = Some(acc.user.as_str());
    let before = ok(&taizhang(&db, None, &["export"]));

    // Backdated audit trail: the service's clock dates every change, so a
    // fixed date is refused, in both languages, and nothing is written.
    let backdate = ["add", "支委会", "--date", "2019-12-30", "--topic", "x"];
    let out = taizhang_env(&db, member, &backdate, &[("TAIZHANG_TODAY", "2020-01-01")]);
    refused(&out, "TAIZHANG_TODAY=2020-01-01");
    refused(&out, "the service decides the date and time");
    let mut zh = vec!["--lang", "zh"];
    zh.extend(backdate);
    let out = taizhang_env(&db, member, &zh, &[("TAIZHANG_TODAY", "2020-01-01")]);
    refused(&out, "日期和时间由台账服务决定");
    // The owner is refused the same way: it is the ledger, not the user.
    let out = taizhang_env(&db, None, &backdate, &[("TAIZHANG_TODAY", "2020-01-01")]);
    refused(&out, "TAIZHANG_TODAY");
    let mut direct = vec!["--direct"];
    direct.extend(backdate);
    let out = taizhang_env(&db, None, &direct, &[("TAIZHANG_TODAY", "2020-01-01")]);
    refused(&out, "TAIZHANG_TODAY");
    assert_eq!(ok(&taizhang(&db, None, &["export"])), before);

    // Forged authors: the author is the peer the kernel names, and the
    // entry's time is the service's (today), whatever $USER says.
    let added = ok(&taizhang(
        &db,
        member,
        &["add", "支委会", "--date", "2019-12-30", "--topic", "补录"],
    ));
    let id = record_id(&added);
    let shown = ok(&taizhang(&db, None, &["records", "show", &id]));
    let today = chrono::Local::now().date_naive().to_string();
    assert!(shown.contains(&format!("{} {today}", acc.user)), "{shown}");
    assert!(!shown.contains("somebody-else"), "{shown}");
    let history = ok(&taizhang(&db, None, &["history", &id]));
    assert!(
        history.contains(&acc.user) && history.contains(&today),
        "{history}"
    );
    assert!(!history.contains("2020-01-01"), "{history}");
    // A note's author too.
    let fix = record_id(&ok(&taizhang(
        &db,
        None,
        &[
            "fix",
            "add",
            "--problem",
            "学习不足",
            "--source",
            "自查自检",
            "--measures",
            "补学",
            "--owner",
            "李四",
            "--deadline",
            "12-30",
        ],
    )));
    ok(&taizhang(&db, member, &["fix", "note", &fix, "已补学一次"]));
    let item = ok(&taizhang(&db, None, &["fix", "show", &fix]));
    assert!(item.contains(&acc.user), "{item}");
    assert!(!item.contains("somebody-else"), "{item}");
}

#[test]
fn a_member_cannot_promote_anyone_take_a_mapping_or_close_a_fix() {
    let Some((acc, _dir, db)) = shared_ledger() else {
        return;
    };
    let member = Some(acc.user.as_str());
    let fix = record_id(&ok(&taizhang(
        &db,
        None,
        &[
            "fix",
            "add",
            "--problem",
            "谈话未覆盖",
            "--source",
            "自查自检",
            "--measures",
            "补谈",
            "--owner",
            "李四",
            "--deadline",
            "12-30",
        ],
    )));
    ok(&taizhang(&db, member, &["fix", "start", &fix]));
    ok(&taizhang(&db, member, &["fix", "request-close", &fix]));
    let before = ok(&taizhang(&db, None, &["export"]));

    // Promote oneself or anyone, take over the secretary's login, or close
    // the item: each is refused by the rule that allows it to others.
    let owner_rule = "only the ledger's owner";
    let out = taizhang(&db, member, &["people", "edit", "王五", "--role", "书记"]);
    refused(&out, owner_rule);
    let out = taizhang(&db, member, &["people", "edit", "李四", "--role", "书记"]);
    refused(&out, owner_rule);
    let out = taizhang(
        &db,
        member,
        &["people", "edit", "张三", "--unix-user", &acc.user],
    );
    refused(&out, owner_rule);
    let out = taizhang(
        &db,
        member,
        &["people", "add", "赵六", "--role", "纪检委员"],
    );
    refused(&out, owner_rule);
    let quotas = db.with_file_name("catalogue.toml");
    std::fs::write(&quotas, taizhang::core::Catalogue::embedded().to_toml()).unwrap();
    std::fs::set_permissions(&quotas, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = taizhang(
        &db,
        member,
        &["catalogue", "import", quotas.to_str().unwrap()],
    );
    refused(&out, owner_rule);
    let out = taizhang(&db, member, &["fix", "close", &fix, "--note", "x"]);
    refused(&out, "secretary or the discipline member");
    let out = taizhang(
        &db,
        member,
        &["--lang", "zh", "people", "edit", "王五", "--role", "书记"],
    );
    refused(&out, "只有台账所有者");
    assert_eq!(ok(&taizhang(&db, None, &["export"])), before);

    // Nobody changes their own role or mapping, the owner included.
    let out = taizhang(&db, None, &["people", "edit", "张三", "--role", "党员"]);
    refused(&out, "nobody changes their own roles or login mapping");
    assert_eq!(ok(&taizhang(&db, None, &["export"])), before);

    // The owner (mapped to 张三, the 书记) may close it, named as the closer.
    ok(&taizhang(
        &db,
        None,
        &["fix", "close", &fix, "--note", "已补谈"],
    ));
    let item = ok(&taizhang(&db, member, &["fix", "show", &fix]));
    assert!(item.contains(&me()), "{item}");
}

#[test]
fn the_owner_may_let_the_secretary_administer_but_not_themselves() {
    let Some((acc, _dir, db)) = group_ledger() else {
        return;
    };
    // The member is the 书记; the owner keeps the ledger but is no one on it.
    add_person(&db, "张三", "书记", &acc.user);
    add_person(&db, "李四", "党员", "");
    let secretary = Some(acc.user.as_str());
    let promote = ["people", "edit", "李四", "--role", "纪检委员"];
    refused(
        &taizhang(&db, secretary, &promote),
        "only the ledger's owner",
    );
    // A member cannot read the ledger's settings (0600: members reach only
    // the socket), yet is told the rule that refuses them, in either
    // language, and never a file error.
    let out = taizhang(&db, secretary, &["access", "secretary-admin", "on"]);
    let err = refused(&out, "only the ledger's owner");
    assert!(
        err.contains("roles, login mappings, the reviewers"),
        "{err}"
    );
    assert!(!err.contains("ermission denied"), "{err}");
    let add = ["access", "add-reviewer", "nobody"];
    let out = taizhang_env(&db, secretary, &add, &[("TAIZHANG_LANG", "zh")]);
    let err = refused(&out, "只有台账所有者");
    assert!(err.contains("由台账所有者管理"), "{err}");
    assert!(!err.contains("ermission denied"), "{err}");
    // Reading the settings is open to every member, through the service.
    let listed = ok(&taizhang(&db, secretary, &["access", "list"]));
    assert!(
        listed.contains(&format!("Ledger owner: {}", me())),
        "{listed}"
    );

    let said = ok(&taizhang(&db, None, &["access", "secretary-admin", "on"]));
    assert!(said.contains("the secretary may now"), "{said}");
    let listed = ok(&taizhang(&db, None, &["access", "list"]));
    assert!(
        listed.contains(&format!("Ledger owner: {}", me())),
        "{listed}"
    );
    ok(&taizhang(&db, secretary, &promote));
    // The policy now lets the secretary change the reviewers; only the
    // owner's account can write the settings file, so the service, running
    // as the owner, writes it for them after checking the policy itself.
    let add = ["access", "add-reviewer", "nobody"];
    let said = ok(&taizhang(&db, secretary, &add));
    assert!(said.contains("nobody is now a reviewer"), "{said}");
    let listed = ok(&taizhang(&db, None, &["access", "list"]));
    assert!(listed.contains("nobody"), "{listed}");
    let remove = ["access", "remove-reviewer", "nobody"];
    let said = ok(&taizhang(&db, secretary, &remove));
    assert!(said.contains("nobody is no longer a reviewer"), "{said}");
    let listed = ok(&taizhang(&db, None, &["access", "list"]));
    assert!(!listed.contains("nobody"), "{listed}");
    // The list the secretary wrote holds for the next session: listing
    // themselves makes them read-only (and unable to undo it).
    ok(&taizhang(
        &db,
        secretary,
        &["access", "add-reviewer", &acc.user],
    ));
    let out = taizhang(
        &db,
        secretary,
        &["people", "edit", "李四", "--role", "党员"],
    );
    refused(&out, "is a reviewer from the superior Party committee");
    let out = taizhang(&db, secretary, &["access", "remove-reviewer", &acc.user]);
    refused(&out, "is a reviewer from the superior Party committee");
    ok(&taizhang(
        &db,
        None,
        &["access", "remove-reviewer", &acc.user],
    ));
    let people = ok(&taizhang(&db, None, &["people", "list"]));
    assert!(
        people.contains("discipline") || people.contains("纪检委员"),
        "{people}"
    );
    // Never their own role or login, and never the owner's switch.
    let out = taizhang(
        &db,
        secretary,
        &["people", "edit", "张三", "--role", "党员"],
    );
    refused(&out, "nobody changes their own roles or login mapping");
    let out = taizhang(
        &db,
        secretary,
        &["people", "edit", "张三", "--unix-user", ""],
    );
    refused(&out, "nobody changes their own roles or login mapping");
    let out = taizhang(&db, secretary, &["access", "secretary-admin", "off"]);
    refused(&out, "only the ledger's owner");

    ok(&taizhang(&db, None, &["access", "secretary-admin", "off"]));
    let demote = ["people", "edit", "李四", "--role", "党员"];
    refused(
        &taizhang(&db, secretary, &demote),
        "only the ledger's owner",
    );
    // With the switch off the secretary may no longer change the reviewers.
    let err = refused(&taizhang(&db, secretary, &add), "only the ledger's owner");
    assert!(err.contains("the reviewers"), "{err}");
    // With it on, a plain member (no longer the 书记) may not either.
    ok(&taizhang(&db, None, &["access", "secretary-admin", "on"]));
    ok(&taizhang(
        &db,
        None,
        &["people", "edit", "张三", "--role", "党员"],
    ));
    let err = refused(&taizhang(&db, secretary, &add), "or the secretary");
    assert!(err.contains("the reviewers"), "{err}");
    let listed = ok(&taizhang(&db, None, &["access", "list"]));
    assert!(!listed.contains("nobody"), "{listed}");
}

/// A sealed year through the service: a member cannot reopen it (the
/// owner's rule, named), nor change it by import; the owner's reopening is
/// journaled and shown by `verify`.
#[test]
fn a_member_cannot_reopen_or_rewrite_a_sealed_year() {
    let Some((acc, dir, db)) = shared_ledger() else {
        return;
    };
    let member = Some(acc.user.as_str());
    let last = (chrono::Datelike::year(&chrono::Local::now().date_naive()) - 1).to_string();
    let date = format!("{last}-06-01");
    ok(&taizhang(
        &db,
        None,
        &[
            "add",
            "支委会",
            "--date",
            &date,
            "--topic",
            "去年",
            "--host",
            "张三",
        ],
    ));
    ok(&taizhang(&db, None, &["year", "close", &last]));
    let archive = db.join("archive").join(format!("year-{last}.json.gz"));
    let mode = std::fs::metadata(&archive).unwrap().permissions().mode() & 0o7777;
    assert_eq!(
        mode, 0o600,
        "private like the ledger's other files (members reach only the socket): {mode:o}"
    );

    let out = taizhang(&db, member, &["year", "reopen", &last]);
    refused(&out, "only the ledger's owner reopens a sealed year");
    refused(&out, &format!("user {} may not", acc.user));
    let list = ok(&taizhang(&db, member, &["year", "list"]));
    let row = list.lines().find(|l| l.starts_with(&last)).unwrap();
    assert!(row.contains("sealed"), "{row}");

    // Nor through an import of an edited export (refused before the
    // owner's rule for imports even matters: the owner is refused too).
    let export = ok(&taizhang(&db, None, &["export"]));
    let edited = export.replace("去年", "改写");
    let file = dir.path().join("edited.json");
    std::fs::write(&file, edited).unwrap();
    let out = taizhang(&db, None, &["import", "--force", file.to_str().unwrap()]);
    refused(&out, "rule: a sealed year never changes");

    ok(&taizhang(&db, None, &["year", "reopen", &last]));
    let verify = ok(&taizhang(&db, member, &["verify"]));
    assert!(verify.contains(&format!("reopened {last}")), "{verify}");
}
