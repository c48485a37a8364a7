//! One key table per mode. The same tables drive dispatch, the help overlay
//! and the footer hints, so what the screen says is what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::Serialize;

use super::action::Action;

/// The input mode: which table a key is looked up in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Overview,
    Checklist,
    Records,
    Talks,
    Roster,
    /// Typing a filter on the footer line.
    Filter,
    Help,
    ConfirmDelete,
    /// The record form is open and owns every key.
    Form,
}

impl Mode {
    pub const ALL: [Mode; 9] = [
        Mode::Overview,
        Mode::Checklist,
        Mode::Records,
        Mode::Talks,
        Mode::Roster,
        Mode::Filter,
        Mode::Help,
        Mode::ConfirmDelete,
        Mode::Form,
    ];

    /// Screen modes also take the global keys.
    fn uses_global(self) -> bool {
        matches!(
            self,
            Mode::Overview | Mode::Checklist | Mode::Records | Mode::Talks | Mode::Roster
        )
    }
}

/// One key chord. Shift is folded into the character (`G`, not shift-g).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

impl Key {
    /// Normalise a crossterm event; `None` for releases and Alt chords.
    pub fn from_event(ev: &KeyEvent) -> Option<Key> {
        if ev.kind == KeyEventKind::Release || ev.modifiers.contains(KeyModifiers::ALT) {
            return None;
        }
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let code = match ev.code {
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            c => c,
        };
        Some(Key { code, ctrl })
    }

    /// How the help and footer spell this key.
    pub fn label(self, ascii: bool) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => if ascii { "Up" } else { "↑" }.to_string(),
            KeyCode::Down => if ascii { "Down" } else { "↓" }.to_string(),
            KeyCode::Left => if ascii { "Left" } else { "←" }.to_string(),
            KeyCode::Right => if ascii { "Right" } else { "→" }.to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "S-Tab".to_string(),
            KeyCode::Backspace => "Bksp".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            other => format!("{other:?}"),
        };
        if self.ctrl { format!("C-{base}") } else { base }
    }
}

/// An action and the keys that trigger it. The first key is the one hints show.
#[derive(Debug, Clone)]
pub struct Binding {
    pub action: Action,
    pub keys: &'static [Key],
}

const fn b(action: Action, keys: &'static [Key]) -> Binding {
    Binding { action, keys }
}

static GLOBAL: &[Binding] = &[
    b(Action::Help, &[k('?')]),
    b(Action::Quit, &[k('q'), ctrl('c')]),
    b(Action::ShowOverview, &[k('1')]),
    b(Action::ShowChecklist, &[k('2')]),
    b(Action::ShowRecords, &[k('3')]),
    b(Action::ShowTalks, &[k('4')]),
    b(Action::ShowRoster, &[k('5')]),
    b(Action::PrevYear, &[k('[')]),
    b(Action::NextYear, &[k(']')]),
    b(Action::AddRecord, &[k('a')]),
    b(Action::Undo, &[k('u')]),
];

static OVERVIEW: &[Binding] = &[
    b(Action::Open, &[code(KeyCode::Enter)]),
    b(Action::NextPane, &[code(KeyCode::Tab)]),
    b(Action::PrevPane, &[code(KeyCode::BackTab)]),
];

static CHECKLIST: &[Binding] = &[
    b(Action::NextPane, &[code(KeyCode::Tab)]),
    b(Action::PrevPane, &[code(KeyCode::BackTab)]),
    b(Action::Up, &[code(KeyCode::Up), k('k')]),
    b(Action::Down, &[code(KeyCode::Down), k('j')]),
    b(Action::Left, &[code(KeyCode::Left), k('h')]),
    b(Action::Right, &[code(KeyCode::Right), k('l')]),
    b(Action::Open, &[code(KeyCode::Enter)]),
    b(Action::Back, &[code(KeyCode::Esc)]),
    b(Action::Top, &[k('g'), code(KeyCode::Home)]),
    b(Action::Bottom, &[k('G'), code(KeyCode::End)]),
    b(Action::PageUp, &[code(KeyCode::PageUp)]),
    b(Action::PageDown, &[code(KeyCode::PageDown)]),
    b(Action::Filter, &[k('/')]),
];

static RECORDS: &[Binding] = &[
    b(Action::Up, &[code(KeyCode::Up), k('k')]),
    b(Action::Down, &[code(KeyCode::Down), k('j')]),
    b(Action::Top, &[k('g'), code(KeyCode::Home)]),
    b(Action::Bottom, &[k('G'), code(KeyCode::End)]),
    b(Action::PageUp, &[code(KeyCode::PageUp)]),
    b(Action::PageDown, &[code(KeyCode::PageDown)]),
    b(Action::EditRecord, &[k('e'), code(KeyCode::Enter)]),
    b(Action::DeleteRecord, &[k('d')]),
    b(Action::Filter, &[k('/')]),
    b(Action::Back, &[code(KeyCode::Esc)]),
    b(Action::NextPane, &[code(KeyCode::Tab)]),
    b(Action::PrevPane, &[code(KeyCode::BackTab)]),
];

static TALKS: &[Binding] = &[
    b(Action::Up, &[code(KeyCode::Up), k('k')]),
    b(Action::Down, &[code(KeyCode::Down), k('j')]),
    b(Action::Top, &[k('g'), code(KeyCode::Home)]),
    b(Action::PageUp, &[code(KeyCode::PageUp)]),
    b(Action::PageDown, &[code(KeyCode::PageDown)]),
    b(Action::Back, &[code(KeyCode::Esc)]),
    b(Action::NextPane, &[code(KeyCode::Tab)]),
    b(Action::PrevPane, &[code(KeyCode::BackTab)]),
];

// The roster component takes its own keys once it is wired in; until then
// the roster screen answers to the global keys and these.
static ROSTER: &[Binding] = &[
    b(Action::Back, &[code(KeyCode::Esc)]),
    b(Action::NextPane, &[code(KeyCode::Tab)]),
    b(Action::PrevPane, &[code(KeyCode::BackTab)]),
];

static FILTER: &[Binding] = &[
    b(Action::FilterAccept, &[code(KeyCode::Enter)]),
    b(Action::FilterCancel, &[code(KeyCode::Esc)]),
    b(Action::FilterBackspace, &[code(KeyCode::Backspace)]),
];

static HELP: &[Binding] = &[
    b(
        Action::Back,
        &[code(KeyCode::Esc), k('?'), k('q'), code(KeyCode::Enter)],
    ),
    b(Action::Up, &[code(KeyCode::Up), k('k')]),
    b(Action::Down, &[code(KeyCode::Down), k('j')]),
];

static CONFIRM: &[Binding] = &[
    b(Action::Confirm, &[k('y'), code(KeyCode::Enter)]),
    b(Action::Cancel, &[k('n'), code(KeyCode::Esc), k('q')]),
];

/// The table of one mode, without the global keys.
pub fn table(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Overview => OVERVIEW,
        Mode::Checklist => CHECKLIST,
        Mode::Records => RECORDS,
        Mode::Talks => TALKS,
        Mode::Roster => ROSTER,
        Mode::Filter => FILTER,
        Mode::Help => HELP,
        Mode::ConfirmDelete => CONFIRM,
        Mode::Form => &[],
    }
}

/// Every binding a mode answers to: its own table, then the global one.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    let global: &'static [Binding] = if mode.uses_global() { GLOBAL } else { &[] };
    table(mode).iter().chain(global.iter())
}

/// The TUI binds no Alt chords, so an Alt chord is Esc and a key that
/// arrived together (common over SSH): split it back into the two keys.
pub fn unmerge(ev: KeyEvent) -> Vec<KeyEvent> {
    if ev.modifiers.contains(KeyModifiers::ALT) && ev.kind != KeyEventKind::Release {
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        let mut key = ev;
        key.modifiers.remove(KeyModifiers::ALT);
        vec![esc, key]
    } else {
        vec![ev]
    }
}

/// Turn a key event into an action in `mode`.
pub fn lookup(mode: Mode, ev: &KeyEvent) -> Option<Action> {
    if mode == Mode::Form {
        return (ev.kind != KeyEventKind::Release).then_some(Action::FormKey(*ev));
    }
    let key = Key::from_event(ev)?;
    if let Some(bound) = bindings(mode).find(|b| b.keys.contains(&key)) {
        return Some(bound.action.clone());
    }
    match (mode, key.code) {
        (Mode::Filter, KeyCode::Char(c)) if !key.ctrl && !c.is_control() => {
            Some(Action::FilterChar(c))
        }
        _ => None,
    }
}

/// The footer hints of a mode: (first key, action), in table order.
pub fn hints(mode: Mode, ascii: bool) -> Vec<(String, &'static Action)> {
    bindings(mode)
        .filter_map(|b| b.keys.first().map(|key| (key.label(ascii), &b.action)))
        .collect()
}

/// The keys every screen answers to.
pub fn global() -> &'static [Binding] {
    GLOBAL
}

/// Every key of each binding of `table`, for the help overlay.
pub fn help_rows(table: &'static [Binding], ascii: bool) -> Vec<(String, &'static Action)> {
    table
        .iter()
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|key| key.label(ascii)).collect();
            (keys.join(" "), &b.action)
        })
        .collect()
}
