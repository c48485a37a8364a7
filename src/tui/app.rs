//! The one loop that does IO: wait for an event (at most a second), look it
//! up in the keymap, let the state decide, apply its effects through the
//! ledger, and draw only when something changed. Once a second it asks the
//! ledger for its revision, a cheap call, and reloads the year only when
//! another session changed it; an idle TUI writes nothing to the terminal.

use std::error::Error;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDateTime};
use crossterm::event::{self, Event};

use super::Options;
use super::action::Action;
use super::draft::{DraftFile, Keeper};
use super::effect::{self, Effect, Outcome};
use super::keymap;
use super::state::State;
use super::terminal::{self, Gate, Term};
use super::theme::Theme;
use super::view;
use crate::core::LedgerApi;
use crate::i18n::domain;
use crate::tui::text::audit as words;

/// How often the loop looks for other sessions' changes.
pub const POLL: Duration = Duration::from_secs(1);

pub fn run<L: LedgerApi>(ledger: L, mut opts: Options) -> Result<(), Box<dyn Error>> {
    // Load before taking the terminal, so a broken ledger reports normally.
    // The revision is read first: a change in between shows on the next tick.
    let revision = ledger.revision().ok();
    let view = ledger.year_view(opts.today.year(), opts.today)?;
    let mut state = State::new(view, opts.lang, Theme::new(opts.ascii, opts.no_color));
    state.revision = revision;
    // Who is at the keyboard, as the ledger (the service: the socket peer) sees it.
    state.user = ledger.whoami().ok();
    let file = opts.draft.take().map(DraftFile::new);
    let mut on_disk = Vec::new();
    if let Some(f) = &file {
        match f.load() {
            Ok(drafts) => {
                state.offer_drafts(drafts.clone());
                on_disk = drafts;
            }
            Err(why) => state.fail(words::draft_unreadable(
                opts.lang,
                &f.path().display().to_string(),
                &why,
            )),
        }
    }
    // The kind this user added last, in an earlier session too.
    state.last_kind = file.as_ref().and_then(DraftFile::last_kind);
    let mut keeper = Keeper::new(file, on_disk);
    keeper.track(state.draft(), &state.drafts);
    terminal::install_panic_hook();
    let gate: Gate = Arc::new(Mutex::new(()));
    let on_signal = keeper.clone();
    terminal::watch_signals(&gate, move || on_signal.save())?;
    let mut term = terminal::enter()?;
    if let Ok(size) = term.size() {
        state.resize(size.width, size.height);
    }
    let result = event_loop(&mut term, &mut state, &ledger, &opts, &gate, &mut keeper);
    terminal::restore();
    drop(ledger);
    result
}

fn hold(gate: &Gate) -> MutexGuard<'_, ()> {
    gate.lock().unwrap_or_else(PoisonError::into_inner)
}

fn event_loop<L: LedgerApi + ?Sized>(
    term: &mut Term,
    state: &mut State,
    ledger: &L,
    opts: &Options,
    gate: &Gate,
    keeper: &mut Keeper,
) -> Result<(), Box<dyn Error>> {
    let mut dirty = true;
    let mut next_check = Instant::now() + POLL;
    loop {
        if dirty {
            let _busy = hold(gate);
            // A write error means the terminal is gone, like a read error.
            if term.draw(|frame| view::render(state, frame)).is_err() {
                keeper.save();
                return Ok(());
            }
        }
        if state.quit {
            return Ok(());
        }
        dirty = false;
        // A poll or read error means the terminal is gone (e.g. the SSH
        // link dropped): keep any unsaved form, then quit rather than spin.
        let wait = next_check.saturating_duration_since(Instant::now());
        let Ok(ready) = event::poll(wait) else {
            keeper.save();
            return Ok(());
        };
        let _busy = hold(gate);
        if ready {
            let Ok(ev) = event::read() else {
                keeper.save();
                return Ok(());
            };
            dirty = handle(state, ledger, opts, ev);
            if dirty {
                keeper.track(state.draft(), &state.drafts);
                keeper.remember_kind(state.last_kind);
            }
        }
        if Instant::now() >= next_check {
            next_check = Instant::now() + POLL;
            if tick(state, ledger) {
                dirty = true;
                keeper.track(state.draft(), &state.drafts);
            }
        }
    }
}

/// One terminal event; whether the screen must be redrawn.
fn handle<L: LedgerApi + ?Sized>(state: &mut State, ledger: &L, opts: &Options, ev: Event) -> bool {
    match ev {
        Event::Key(key) => {
            let mut dirty = false;
            // Each key is looked up in the mode the previous one left.
            for key in keymap::unmerge(key) {
                if let Some(action) = keymap::lookup(state.mode(), &key) {
                    step(state, ledger, action, (opts.now)());
                    dirty = true;
                }
            }
            dirty
        }
        Event::Paste(text) => {
            step(state, ledger, Action::Paste(text), (opts.now)());
            true
        }
        Event::Resize(w, h) => {
            state.resize(w, h);
            true
        }
        _ => false,
    }
}

/// The poll tick: ask the ledger for its revision and, only if someone
/// changed it since the view was loaded, reload the year (selections stay
/// on the same items) and the open history or trash. Returns whether the
/// state changed, i.e. whether to redraw.
pub fn tick<L: LedgerApi + ?Sized>(state: &mut State, ledger: &L) -> bool {
    let before = state.notice.clone();
    let revision = match ledger.revision() {
        Ok(r) => r,
        Err(e) => {
            state.fail(domain::error(state.lang, &e));
            return state.notice != before;
        }
    };
    if state.revision == Some(revision) {
        return false;
    }
    let first = state.revision.is_none();
    match ledger.year_view(state.view.year, state.today) {
        Ok(view) => {
            state.revision = Some(revision);
            state.set_view(view);
            for e in state.refresh_effects() {
                let outcome = effect::apply(ledger, e, state.today);
                state.settle(outcome);
            }
            if !first {
                state.info(words::others_changed(state.lang));
            }
        }
        Err(e) => state.fail(domain::error(state.lang, &e)),
    }
    true
}

/// One transition with its effects applied: what the loop does per action,
/// and what tests drive against an in-memory ledger.
pub fn step<L: LedgerApi + ?Sized>(
    state: &mut State,
    ledger: &L,
    action: Action,
    now: NaiveDateTime,
) {
    let effects = state.update(action);
    let mut reload = None;
    for e in effects {
        if let Effect::LoadYear(y) = e {
            reload = Some(y);
        }
        let outcome = effect::apply(ledger, e, now.date());
        if outcome.changed_data() {
            reload = reload.or(Some(state.view.year));
        }
        if let Outcome::Failed { .. } = outcome {
            reload = None;
        }
        state.settle(outcome);
    }
    if let Some(year) = reload {
        // Read first: anything written after it shows on the next tick.
        let revision = ledger.revision().ok();
        match ledger.year_view(year, state.today) {
            Ok(view) => {
                state.set_view(view);
                if revision.is_some() {
                    state.revision = revision;
                }
            }
            Err(e) => state.fail(domain::error(state.lang, &e)),
        }
    }
}
