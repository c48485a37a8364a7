//! A `--db` path must hold a ledger (a mistyped one is an error), so a test
//! that names a fresh path creates it with `taizhang init` first.

/// Create the ledger at `db` unless something is there already.
pub fn init_once(db: &std::path::Path) {
    if !db.exists() {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_taizhang"))
            .arg("init")
            .arg(db)
            .env("TAIZHANG_LANG", "en")
            .output()
            .unwrap();
        assert!(out.status.success(), "taizhang init: {out:?}");
    }
}
