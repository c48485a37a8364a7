//! Entry point: parse arguments, open the ledger, run a command or the TUI.

use taizhang::core::{Catalogue, Ledger};
use taizhang::i18n::Lang;
use taizhang::store::SledStore;

// Interim: `taizhang` and `taizhang tui` open the TUI on the default ledger.
fn main() {
    let arg = std::env::args().nth(1);
    if arg.as_deref().is_some_and(|a| a != "tui") {
        std::process::exit(2);
    }
    if let Err(e) = tui() {
        eprintln!("taizhang: {e}");
        std::process::exit(1);
    }
}

fn tui() -> Result<(), Box<dyn std::error::Error>> {
    let dir = match std::env::var_os("TAIZHANG_DIR") {
        Some(d) => std::path::PathBuf::from(d),
        None => directories::ProjectDirs::from("", "", "taizhang")
            .ok_or("no home directory; set TAIZHANG_DIR")?
            .data_dir()
            .to_path_buf(),
    };
    let store = SledStore::open(&dir, &Catalogue::embedded())?;
    let user = std::env::var("USER").unwrap_or_else(|_| "unknown".into());
    let lang = std::env::var("LANG")
        .ok()
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_default();
    let now = chrono::Local::now().naive_local();
    let opts =
        taizhang::tui::Options::from_env(lang, now.date(), || chrono::Local::now().naive_local());
    taizhang::tui::run(Ledger::new(store, user), opts)
}
