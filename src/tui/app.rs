//! The one loop that does IO: read an event, look it up in the keymap, let
//! the state decide, apply its effects through the ledger, reload the year's
//! view only after writes or a year change, and draw. It blocks on input, so
//! an idle TUI uses no CPU.

use std::error::Error;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use chrono::{Datelike, NaiveDateTime};
use crossterm::event::{self, Event};

use super::Options;
use super::action::Action;
use super::effect::{self, Effect, Outcome};
use super::keymap;
use super::state::State;
use super::terminal::{self, Gate, Term};
use super::theme::Theme;
use super::view;
use crate::core::{Ledger, Store};
use crate::i18n::domain;

pub fn run<S: Store>(ledger: Ledger<S>, opts: Options) -> Result<(), Box<dyn Error>> {
    // Load before taking the terminal, so a broken ledger reports normally.
    let view = ledger.year_view(opts.today.year(), opts.today)?;
    let mut state = State::new(view, opts.lang, Theme::new(opts.ascii, opts.no_color));
    terminal::install_panic_hook();
    let gate: Gate = Arc::new(Mutex::new(()));
    terminal::watch_signals(&gate)?;
    let mut term = terminal::enter()?;
    if let Ok(size) = term.size() {
        state.resize(size.width, size.height);
    }
    let result = event_loop(&mut term, &mut state, &ledger, &opts, &gate);
    terminal::restore();
    drop(ledger);
    result
}

fn hold(gate: &Gate) -> MutexGuard<'_, ()> {
    gate.lock().unwrap_or_else(PoisonError::into_inner)
}

fn event_loop<S: Store>(
    term: &mut Term,
    state: &mut State,
    ledger: &Ledger<S>,
    opts: &Options,
    gate: &Gate,
) -> Result<(), Box<dyn Error>> {
    let mut dirty = true;
    loop {
        if dirty {
            let _busy = hold(gate);
            term.draw(|frame| view::render(state, frame))?;
        }
        if state.quit {
            return Ok(());
        }
        // A read error means the terminal is gone (e.g. the SSH link dropped):
        // quit rather than spin on a dead tty.
        let Ok(ev) = event::read() else {
            return Ok(());
        };
        let _busy = hold(gate);
        dirty = false;
        match ev {
            Event::Key(key) => {
                // Each key is looked up in the mode the previous one left.
                for key in keymap::unmerge(key) {
                    if let Some(action) = keymap::lookup(state.mode(), &key) {
                        step(state, ledger, action, (opts.now)());
                        dirty = true;
                    }
                }
            }
            Event::Paste(text) => {
                step(state, ledger, Action::Paste(text), (opts.now)());
                dirty = true;
            }
            Event::Resize(w, h) => {
                state.resize(w, h);
                dirty = true;
            }
            _ => {}
        }
    }
}

/// One transition with its effects applied: what the loop does per action,
/// and what tests drive against an in-memory ledger.
pub fn step<S: Store>(state: &mut State, ledger: &Ledger<S>, action: Action, now: NaiveDateTime) {
    let effects = state.update(action);
    let mut reload = None;
    for e in effects {
        if let Effect::LoadYear(y) = e {
            reload = Some(y);
        }
        let outcome = effect::apply(ledger, e, now);
        if outcome.changed_data() {
            reload = reload.or(Some(state.view.year));
        }
        if let Outcome::Failed { .. } = outcome {
            reload = None;
        }
        state.settle(outcome);
    }
    if let Some(year) = reload {
        match ledger.year_view(year, state.today) {
            Ok(view) => state.set_view(view),
            Err(e) => state.fail(domain::error(state.lang, &e)),
        }
    }
}
