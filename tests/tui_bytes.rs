//! What a navigation key costs on the wire at 80×24: ratatui's diffing must
//! keep it small (target ≤ 1,500 bytes), and navigation must not reload data.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "tui_support/fixture.rs"]
mod fixture;

use std::io::{self, Write};
use std::sync::{Arc, Mutex};

use ratatui::Terminal;
use taizhang::i18n::Lang;
use taizhang::tui::action::Action;
use taizhang::tui::{State, view};

/// A writer that counts what the terminal would receive.
#[derive(Clone, Default)]
struct Tap(Arc<Mutex<usize>>, Arc<Mutex<Vec<u8>>>);

impl Write for Tap {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        *self.0.lock().unwrap() += buf.len();
        if std::env::var_os("TAP_DUMP").is_some() {
            self.1.lock().unwrap().extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn bytes_per_key(state: &mut State, keys: &[Action]) -> Vec<usize> {
    let tap = Tap::default();
    let backend = taizhang::tui::wire::Wire::new(tap.clone());
    let mut term = Terminal::with_options(
        backend,
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 80, 24)),
        },
    )
    .unwrap();
    term.draw(|f| view::render(state, f)).unwrap();
    let mut out = Vec::new();
    for k in keys {
        let before = *tap.0.lock().unwrap();
        let effects = state.update(k.clone());
        assert!(effects.is_empty(), "navigation asked for IO: {k:?}");
        term.draw(|f| view::render(state, f)).unwrap();
        out.push(*tap.0.lock().unwrap() - before);
        if std::env::var_os("TAP_DUMP").is_some() {
            let mut d = tap.1.lock().unwrap();
            eprintln!("{k:?}: {:?}", String::from_utf8_lossy(&d));
            d.clear();
        }
    }
    out
}

#[test]
fn navigation_keys_stay_under_budget() {
    for lang in [Lang::Zh, Lang::En] {
        let ledger = fixture::ledger();
        let mut state = fixture::state(&ledger, lang);
        let keys = [
            Action::ShowChecklist,
            Action::Down,
            Action::Open,
            Action::Down,
            Action::Down,
            Action::Up,
            Action::Left,
            Action::Down,
            Action::Down,
            Action::ShowRecords,
            Action::Down,
            Action::Down,
            Action::Bottom,
            Action::ShowOverview,
        ];
        let costs = bytes_per_key(&mut state, &keys);
        eprintln!("{lang:?} {costs:?}");
        // Switching screens repaints most of the screen; moving within one must be cheap.
        for (k, n) in keys.iter().zip(&costs) {
            let moving = !matches!(
                k,
                Action::ShowChecklist | Action::ShowRecords | Action::ShowOverview
            );
            if moving {
                assert!(*n <= 1500, "{lang:?} {k:?}: {n} bytes");
            }
        }
    }
}
