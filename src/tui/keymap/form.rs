//! The key table of the open forms (record, person, 整改): each key names
//! a form command, which the form reads in the light of the focused field
//! (Enter accepts a candidate, moves on, or saves on the last field). The
//! same table dispatches the keys and gives the footer and the help.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};
use serde::{Deserialize, Serialize};

use super::key::{Key, code, ctrl, k};

/// What a key asks of an open form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormCmd {
    Save,
    /// Accept the candidate shown, else the next field.
    Next,
    Prev,
    /// Accept the candidate shown, a new line in the notes, save on the
    /// last field, else the next field.
    Enter,
    Up,
    Down,
    /// Choose among fixed values (the kind, the source), else move the
    /// cursor in the text.
    Left,
    Right,
    /// Tick in a list, else a space in the text.
    Space,
    /// Close the candidates, else leave (asking first if anything changed).
    Close,
    /// Leave now (asking first if anything changed).
    Abandon,
    /// Yes to the form's question (discard? save anyway?).
    Yes,
    /// No to the form's question.
    No,
}

/// A form command and the keys that give it; the first key is the one
/// hints show.
#[derive(Debug, Clone)]
pub struct FormBinding {
    pub cmd: FormCmd,
    pub keys: &'static [Key],
}

const fn f(cmd: FormCmd, keys: &'static [Key]) -> FormBinding {
    FormBinding { cmd, keys }
}

/// While a form is being filled in.
static FORM: &[FormBinding] = &[
    f(FormCmd::Save, &[ctrl('s')]),
    f(FormCmd::Enter, &[code(KeyCode::Enter)]),
    f(FormCmd::Next, &[code(KeyCode::Tab)]),
    f(FormCmd::Prev, &[code(KeyCode::BackTab)]),
    f(FormCmd::Up, &[code(KeyCode::Up)]),
    f(FormCmd::Down, &[code(KeyCode::Down)]),
    f(FormCmd::Left, &[code(KeyCode::Left)]),
    f(FormCmd::Right, &[code(KeyCode::Right)]),
    f(FormCmd::Space, &[k(' ')]),
    f(FormCmd::Close, &[code(KeyCode::Esc)]),
    f(FormCmd::Abandon, &[ctrl('c')]),
];

/// While the form asks a yes/no question.
static ASKING: &[FormBinding] = &[
    f(FormCmd::Yes, &[k('y'), k('Y')]),
    f(FormCmd::No, &[k('n'), k('N'), code(KeyCode::Esc)]),
    f(FormCmd::Abandon, &[ctrl('c')]),
];

/// The form table, or the question's when `asking`.
pub fn form_table(asking: bool) -> &'static [FormBinding] {
    if asking { ASKING } else { FORM }
}

/// The command `ev` gives in a form; `None` for a key that edits text
/// (or, while asking, does nothing).
pub fn form_cmd(ev: &KeyEvent, asking: bool) -> Option<FormCmd> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let key = Key::from_event(ev)?;
    form_table(asking)
        .iter()
        .find(|b| b.keys.contains(&key))
        .map(|b| b.cmd)
}

/// The footer hints of a form: (first key, command), in table order.
pub fn form_hints(asking: bool, ascii: bool) -> Vec<(String, FormCmd)> {
    form_table(asking)
        .iter()
        .filter_map(|b| b.keys.first().map(|key| (key.label(ascii), b.cmd)))
        .collect()
}

/// Every key of the form table, for the help: (keys, command).
pub fn form_help(ascii: bool) -> Vec<(String, FormCmd)> {
    FORM.iter()
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|key| key.label(ascii)).collect();
            (keys.join(" "), b.cmd)
        })
        .collect()
}
