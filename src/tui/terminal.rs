//! Taking over the terminal and giving it back: raw mode, the alternate
//! screen and bracketed paste on entry; all undone on quit, on panic, and on
//! SIGTERM/SIGHUP (a dropped SSH session must not leave a spinning process).

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::{Arc, Mutex, PoisonError};

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;

use super::wire::Wire;

pub type Term = Terminal<Wire<BufWriter<Stdout>>>;

/// Raw mode, alternate screen, bracketed paste; no mouse capture.
pub fn enter() -> io::Result<Term> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen, EnableBracketedPaste) {
        restore();
        return Err(e);
    }
    Terminal::new(Wire::new(BufWriter::new(out))).inspect_err(|_| restore())
}

/// Give the terminal back. Best effort: every step runs even if one fails,
/// since the terminal may already be gone.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Restore the terminal before the default hook prints the panic.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Held by the loop while it draws or writes to the ledger, so that a signal
/// never cuts a write or a frame in half.
pub type Gate = Arc<Mutex<()>>;

/// On SIGTERM or SIGHUP: wait until the loop is idle (waiting for input,
/// every write already flushed by the store), run `last` (which keeps an
/// unsaved form as a draft), restore the terminal, exit.
#[cfg(unix)]
pub fn watch_signals(gate: &Gate, last: impl FnOnce() + Send + 'static) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    use signal_hook::iterator::Signals;
    let mut signals = Signals::new([SIGTERM, SIGHUP])?;
    let gate = Arc::clone(gate);
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let _idle = gate.lock().unwrap_or_else(PoisonError::into_inner);
                last();
                restore();
                std::process::exit(128 + sig);
            }
        })?;
    Ok(())
}

#[cfg(not(unix))]
pub fn watch_signals(_gate: &Gate, _last: impl FnOnce() + Send + 'static) -> io::Result<()> {
    Ok(())
}
