//! What the form says about its keys: the footer hints for the state it is
//! in and the full list for the help, both from the form key table
//! (`keymap::form_table`), worded for the focused field.

use crate::i18n::Lang;
use crate::i18n::form::{Text, text as t};
use crate::tui::keymap::{FormCmd, form_help, form_hints};
use crate::tui::text::keys::form_cmd as cmd_words;

use super::RecordForm;
use super::slot::Slot;

/// Help rows of the form table: (keys, what), in the table's words.
fn table_help(lang: Lang, ascii: bool) -> Vec<(String, String)> {
    form_help(ascii)
        .into_iter()
        .map(|(k, c)| (k, cmd_words(lang, c).to_string()))
        .collect()
}

/// Footer hints of the form table for the state a form is in: `label`
/// words each command here, `None` leaves it out; commands next to each
/// other with the same words share one hint (`←/→ 选择类型`).
pub fn table_hints(
    asking: bool,
    ascii: bool,
    label: impl Fn(FormCmd) -> Option<&'static str>,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (key, cmd) in form_hints(asking, ascii) {
        let Some(what) = label(cmd) else {
            continue;
        };
        match out.last_mut() {
            Some((k, w)) if *w == what => {
                k.push('/');
                k.push_str(&key);
            }
            _ => out.push((key, what.to_string())),
        }
    }
    out
}

impl RecordForm {
    /// Every key the form answers to, for the help overlay: (keys, what).
    pub fn help_rows(lang: Lang) -> Vec<(String, String)> {
        table_help(lang, false)
    }

    /// Key hints for the footer: (key, what it does), for the current state.
    pub fn hints(&self) -> Vec<(String, String)> {
        let lang = self.lang;
        let w = |x: Text| Some(t(lang, x));
        if self.confirm_discard {
            return table_hints(true, false, |c| match c {
                FormCmd::Yes => w(Text::Discard),
                FormCmd::No => w(Text::KeepEditing),
                _ => None,
            });
        }
        if !self.caution.is_empty() {
            return table_hints(true, false, |c| match c {
                FormCmd::Yes => w(Text::Save),
                FormCmd::No => w(Text::KeepEditing),
                _ => None,
            });
        }
        let open = !self.candidates().is_empty();
        let focus = self.focus;
        let last = self.is_last();
        table_hints(false, false, |c| match c {
            FormCmd::Save => w(Text::Save),
            FormCmd::Enter if open => w(Text::Accept),
            FormCmd::Enter if focus == Slot::Notes => w(Text::Newline),
            FormCmd::Enter if last => w(Text::Save),
            FormCmd::Next if open => None,
            FormCmd::Next => w(Text::NextField),
            FormCmd::Prev => w(Text::PrevField),
            FormCmd::Up | FormCmd::Down if open => w(Text::Candidates),
            FormCmd::Left | FormCmd::Right if focus == Slot::Kind => w(Text::ChooseKind),
            FormCmd::Space if focus == Slot::Duties => w(Text::Toggle),
            FormCmd::Close if open => w(Text::CloseList),
            FormCmd::Close => w(Text::Cancel),
            _ => None,
        })
    }
}
