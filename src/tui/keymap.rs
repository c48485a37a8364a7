//! One key table per mode. The same tables drive dispatch, the help overlay
//! and the footer hints, so what the screen says is what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::Serialize;

use super::action::Action;

mod form;
mod key;

pub use form::{FormBinding, FormCmd, form_cmd, form_help, form_hints, form_table};
pub use key::Key;
use key::{code, ctrl, k};

/// The input mode: which table a key is looked up in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Overview,
    Checklist,
    Records,
    Talks,
    Roster,
    /// The rectification screen.
    Fixes,
    /// Typing a filter on the footer line.
    Filter,
    Help,
    ConfirmDelete,
    /// The record form is open and owns every key.
    Form,
    /// The roster's person form or retire question is open and owns every key.
    RosterForm,
    /// The rectification form or a prompt (note, evidence) owns every key.
    FixForm,
    /// A record's change history is open.
    History,
    /// The trash is open.
    Trash,
    /// At start: restore the draft an interrupted session left?
    OfferDraft,
}

impl Mode {
    pub const ALL: [Mode; 15] = [
        Mode::Overview,
        Mode::Checklist,
        Mode::Records,
        Mode::Talks,
        Mode::Roster,
        Mode::Fixes,
        Mode::Filter,
        Mode::Help,
        Mode::ConfirmDelete,
        Mode::Form,
        Mode::RosterForm,
        Mode::FixForm,
        Mode::History,
        Mode::Trash,
        Mode::OfferDraft,
    ];

    /// Screen modes also take the global keys.
    fn uses_global(self) -> bool {
        matches!(
            self,
            Mode::Overview
                | Mode::Checklist
                | Mode::Records
                | Mode::Talks
                | Mode::Roster
                | Mode::Fixes
        )
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
    b(Action::ShowFixes, &[k('6')]),
    b(Action::PrevYear, &[k('[')]),
    b(Action::NextYear, &[k(']')]),
    b(Action::AddRecord, &[k('a')]),
    b(Action::Undo, &[k('u')]),
];

static OVERVIEW: &[Binding] = &[
    b(Action::Open, &[code(KeyCode::Enter)]),
    b(Action::AddPerson, &[k('p')]),
    b(Action::Up, &[code(KeyCode::Up), k('k')]),
    b(Action::Down, &[code(KeyCode::Down), k('j')]),
    b(Action::Top, &[k('g'), code(KeyCode::Home)]),
    b(Action::Bottom, &[k('G'), code(KeyCode::End)]),
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
    b(Action::PickNext, &[k('n')]),
    b(Action::PickPrev, &[k('p')]),
    b(Action::ShowHistory, &[k('H')]),
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
    b(Action::ShowHistory, &[k('h')]),
    b(Action::ShowTrash, &[k('T')]),
    b(Action::Filter, &[k('/')]),
    b(Action::Back, &[code(KeyCode::Esc)]),
    b(Action::NextScreen, &[code(KeyCode::Tab)]),
    b(Action::PrevScreen, &[code(KeyCode::BackTab)]),
];

static TALKS: &[Binding] = &[
    b(Action::StartTalk, &[code(KeyCode::Enter)]),
    b(Action::Up, &[code(KeyCode::Up), k('k')]),
    b(Action::Down, &[code(KeyCode::Down), k('j')]),
    b(Action::Top, &[k('g'), code(KeyCode::Home)]),
    b(Action::Bottom, &[k('G'), code(KeyCode::End)]),
    b(Action::PageUp, &[code(KeyCode::PageUp)]),
    b(Action::PageDown, &[code(KeyCode::PageDown)]),
    b(Action::Back, &[code(KeyCode::Esc)]),
    b(Action::NextScreen, &[code(KeyCode::Tab)]),
    b(Action::PrevScreen, &[code(KeyCode::BackTab)]),
];

// While the person form or the retire question is open, the roster takes
// every key itself (`Mode::RosterForm`).
static ROSTER: &[Binding] = &[
    b(Action::AddPerson, &[k('a')]),
    b(Action::EditPerson, &[k('e'), code(KeyCode::Enter)]),
    b(Action::RetirePerson, &[k('r')]),
    b(Action::ToggleRetired, &[k('t')]),
    b(Action::Up, &[code(KeyCode::Up), k('k')]),
    b(Action::Down, &[code(KeyCode::Down), k('j')]),
    b(Action::Top, &[k('g'), code(KeyCode::Home)]),
    b(Action::Bottom, &[k('G'), code(KeyCode::End)]),
    b(Action::Back, &[code(KeyCode::Esc)]),
    b(Action::NextScreen, &[code(KeyCode::Tab)]),
    b(Action::PrevScreen, &[code(KeyCode::BackTab)]),
];

static FIXES: &[Binding] = &[
    b(Action::AddFix, &[k('a')]),
    b(Action::EditFix, &[k('e'), code(KeyCode::Enter)]),
    b(Action::NoteFix, &[k('n')]),
    b(Action::StartFix, &[k('s')]),
    b(Action::RequestClosure, &[k('r')]),
    b(Action::CloseFix, &[k('c')]),
    b(Action::CycleFixFilter, &[k('f')]),
    b(Action::Up, &[code(KeyCode::Up), k('k')]),
    b(Action::Down, &[code(KeyCode::Down), k('j')]),
    b(Action::Top, &[k('g'), code(KeyCode::Home)]),
    b(Action::Bottom, &[k('G'), code(KeyCode::End)]),
    b(Action::Back, &[code(KeyCode::Esc)]),
    b(Action::NextScreen, &[code(KeyCode::Tab)]),
    b(Action::PrevScreen, &[code(KeyCode::BackTab)]),
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

static HISTORY: &[Binding] = &[
    b(Action::Back, &[code(KeyCode::Esc), k('q'), k('h')]),
    b(Action::Up, &[code(KeyCode::Up), k('k')]),
    b(Action::Down, &[code(KeyCode::Down), k('j')]),
    b(Action::PageUp, &[code(KeyCode::PageUp)]),
    b(Action::PageDown, &[code(KeyCode::PageDown), k(' ')]),
    b(Action::Top, &[k('g'), code(KeyCode::Home)]),
    b(Action::Bottom, &[k('G'), code(KeyCode::End)]),
];

static TRASH: &[Binding] = &[
    b(Action::RestoreFromTrash, &[k('r')]),
    b(Action::ShowHistory, &[k('h'), code(KeyCode::Enter)]),
    b(Action::Up, &[code(KeyCode::Up), k('k')]),
    b(Action::Down, &[code(KeyCode::Down), k('j')]),
    b(Action::Top, &[k('g'), code(KeyCode::Home)]),
    b(Action::Bottom, &[k('G'), code(KeyCode::End)]),
    b(Action::Back, &[code(KeyCode::Esc), k('q'), k('T')]),
];

static OFFER_DRAFT: &[Binding] = &[
    b(Action::RestoreDraft, &[code(KeyCode::Enter), k('y')]),
    b(Action::DiscardDraft, &[k('d'), k('n')]),
    b(Action::Up, &[code(KeyCode::Up), k('k')]),
    b(Action::Down, &[code(KeyCode::Down), k('j')]),
    b(Action::Back, &[code(KeyCode::Esc)]),
];

/// The table of one mode, without the global keys.
pub fn table(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Overview => OVERVIEW,
        Mode::Checklist => CHECKLIST,
        Mode::Records => RECORDS,
        Mode::Talks => TALKS,
        Mode::Roster => ROSTER,
        Mode::Fixes => FIXES,
        Mode::Filter => FILTER,
        Mode::Help => HELP,
        Mode::ConfirmDelete => CONFIRM,
        Mode::History => HISTORY,
        Mode::Trash => TRASH,
        Mode::OfferDraft => OFFER_DRAFT,
        Mode::Form | Mode::RosterForm | Mode::FixForm => &[],
    }
}

/// Every binding a mode answers to: its own table, then the global keys it
/// does not rebind (on the roster, `a` adds a person, not a record).
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    let own = table(mode);
    let global: &'static [Binding] = if mode.uses_global() { GLOBAL } else { &[] };
    let shadowed = |g: &&Binding| {
        g.keys
            .iter()
            .any(|key| own.iter().any(|b| b.keys.contains(key)))
    };
    own.iter()
        .chain(global.iter().filter(move |g| !shadowed(g)))
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
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    match mode {
        Mode::Form => return Some(Action::FormKey(*ev)),
        Mode::RosterForm => return Some(Action::RosterKey(*ev)),
        Mode::FixForm => return Some(Action::FixKey(*ev)),
        _ => {}
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

/// Where an action stands in the footer, most useful first; `None` keeps it
/// out (moves are summed up as one hint, screen digits are on the tabs).
fn footer_rank(a: &Action) -> Option<u8> {
    Some(match a {
        Action::AddRecord
        | Action::AddPerson
        | Action::AddFix
        | Action::Confirm
        | Action::FilterAccept
        | Action::RestoreFromTrash
        | Action::RestoreDraft
        | Action::StartTalk => 0,
        Action::Open
        | Action::EditRecord
        | Action::EditPerson
        | Action::EditFix
        | Action::NoteFix
        | Action::Cancel
        | Action::FilterCancel => 1,
        Action::DeleteRecord
        | Action::RetirePerson
        | Action::ShowHistory
        | Action::StartFix
        | Action::RequestClosure
        | Action::CloseFix
        | Action::DiscardDraft => 2,
        Action::Help => 3,
        Action::Filter | Action::ToggleRetired | Action::ShowTrash | Action::CycleFixFilter => 4,
        Action::NextPane | Action::NextScreen => 5,
        Action::Back => 6,
        Action::Quit => 7,
        Action::Undo => 8,
        Action::PrevYear | Action::NextYear => 9,
        _ => return None,
    })
}

/// The footer hints of a mode, most useful first. Undo only shows where
/// deleting is; the checklist's history key is left to the help, so the
/// footer keeps room for its moves.
pub fn footer(mode: Mode, ascii: bool) -> Vec<(String, &'static Action)> {
    let mut out: Vec<(u8, String, &'static Action)> = bindings(mode)
        .filter(|b| b.action != Action::Undo || mode == Mode::Records)
        .filter(|b| b.action != Action::ShowHistory || mode != Mode::Checklist)
        .filter_map(|b| {
            let rank = footer_rank(&b.action)?;
            Some((rank, b.keys.first()?.label(ascii), &b.action))
        })
        .collect();
    out.sort_by_key(|(rank, _, _)| *rank);
    out.into_iter().map(|(_, k, a)| (k, a)).collect()
}

/// Whether `mode` moves a selection with ↑/↓ (the footer says so once).
pub fn moves(mode: Mode) -> bool {
    bindings(mode).any(|b| b.action == Action::Down)
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
