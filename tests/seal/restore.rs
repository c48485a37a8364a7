//! `backup restore` cannot reset or fork the chain: issue 8's "Resetting the
//! chain" and "Ids reused" reproducers, a backup from before a seal, and the
//! owner's forced restore, which `verify` shows.

use serde_json::Value;

use crate::Ledger;

/// `backup now`, returning the file it wrote.
fn backup_now(l: &Ledger) -> String {
    let out = l.ok(&["--lang", "en", "backup", "now"]);
    out.trim().rsplit(' ').next().unwrap().to_string()
}

/// Rewrite a backup file with `edit` and give it the CRC32 name a real one
/// has (the CRC is no secret): the forger's copy.
fn forge(l: &Ledger, file: &str, edit: impl FnOnce(&mut Value)) -> String {
    // Backups are gzip-compressed JSON; a plain JSON copy restores too.
    let text = taizhang::store::backup::json_of(std::path::Path::new(file)).unwrap();
    let mut v: Value = serde_json::from_slice(&text).unwrap();
    edit(&mut v);
    let bytes = serde_json::to_vec_pretty(&v).unwrap();
    let crc = crc32fast::hash(&bytes);
    let path = l
        .db()
        .join("backups")
        .join(format!("manual-20260320-130000-{crc:08x}.json"));
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

/// Overwrite part of sled's data file so that the ledger no longer opens.
fn damage(l: &Ledger) {
    use std::io::{Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .open(l.db().join("db"))
        .unwrap();
    f.seek(SeekFrom::Start(4096)).unwrap();
    f.write_all(&vec![0xab; 20 * 1024]).unwrap();
}

fn rename_2026(v: &mut Value) {
    for r in v["records"].as_array_mut().unwrap() {
        if r["id"] == 4 {
            r["topic"] = "伪造的议题".into();
        }
    }
}

/// Issue 8, "Resetting the chain": damage the database, then restore an
/// edited backup whose journal was removed.
#[test]
fn an_edited_backup_cannot_reset_the_chain() {
    let l = Ledger::new();
    let good = backup_now(&l);
    let stripped = forge(&l, &good, |v| {
        rename_2026(v);
        v["journal"] = Value::Array(Vec::new());
    });
    let kept = forge(&l, &good, rename_2026);
    damage(&l);
    let err = l.refused(&["backup", "restore", &stripped], 2);
    assert!(
        err.contains("已拒绝恢复") && err.contains("规则：恢复不能重置或分叉日志链"),
        "{err}"
    );
    let err = l.refused(&["--lang", "en", "backup", "restore", &kept], 2);
    assert!(err.contains("the file was edited"), "{err}");

    l.ok(&["backup", "restore", &good]);
    let verify = l.ok(&["verify"]);
    assert!(!verify.contains("注意"), "{verify}");
    let entries: u64 = verify
        .split("共 ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .unwrap()
        .parse()
        .unwrap();
    assert!(entries > 5, "the chain continues: {verify}");
    assert!(verify.contains("2025年度封存档案完好"), "{verify}");
    assert!(l.row_2025().contains("已封存"));
    assert!(l.committee_line("2025").contains("2/12"));
    let list = l.ok(&["records", "list", "--year", "2026"]);
    assert!(list.contains("研究年度计划"), "{list}");
}

#[test]
fn the_owner_may_force_a_refused_backup_and_verify_shows_it() {
    let l = Ledger::new();
    let good = backup_now(&l);
    let stripped = forge(&l, &good, |v| v["journal"] = Value::Array(Vec::new()));
    let out = l.ok(&["backup", "restore", &stripped, "--force"]);
    assert!(out.contains("已强制恢复"), "{out}");
    let verify = l.ok(&["verify"]);
    assert!(
        verify.contains("强制恢复了备份") && verify.contains("缺失"),
        "{verify}"
    );
    assert!(
        l.row_2025().contains("已封存"),
        "a forced restore keeps the seal"
    );
}

/// A backup from before a year was sealed does not reach its seal.
#[test]
fn a_backup_from_before_a_seal_is_refused_and_forcing_it_keeps_the_seal() {
    let l = Ledger::new();
    l.ok(&["year", "reopen", "2025"]);
    let before = backup_now(&l);
    // A change after the backup: the seal builds on a later journal head.
    l.add_meeting("2026-02-01", "后来的议题");
    l.ok(&["year", "close", "2025"]);
    let row = l.row_2025();
    let err = l.refused(&["backup", "restore", &before], 2);
    assert!(err.contains("没有到达2025年度封存时的日志"), "{err}");
    l.ok(&["backup", "restore", &before, "--force"]);
    assert_eq!(
        l.row_2025().split_whitespace().nth(1),
        row.split_whitespace().nth(1)
    );
    assert!(l.row_2025().contains(&l.digest_2025()));
    let list = l.ok(&["records", "list", "--year", "2025"]);
    assert!(list.contains("共 2 条"), "{list}");
}

/// Issue 8, "Ids reused": `backup now`; add #N; delete #N; `backup restore`;
/// the next record must not be #N again.
#[test]
fn ids_are_never_reused_after_a_restore() {
    let l = Ledger::new();
    let saved = backup_now(&l);
    let n = l.add_meeting("2026-02-01", "临时议题");
    l.ok(&["records", "delete", &n]);
    l.ok(&["backup", "restore", &saved]);
    let next = l.add_meeting("2026-02-02", "新议题");
    assert!(
        next.parse::<u64>().unwrap() > n.parse::<u64>().unwrap(),
        "{n} then {next}"
    );
    let trash = l.ok(&["trash"]);
    assert!(
        trash.contains("临时议题"),
        "the deleted record stays in the trash: {trash}"
    );
    let history = l.ok(&["history", &n]);
    assert!(
        history.contains("临时议题") && !history.contains("新议题"),
        "{history}"
    );
    l.ok(&["verify"]);
}
