//! The terminal UI: a pure `State` updated by `Action`s that a per-mode
//! keymap produces, effects applied by one IO loop, and read-only rendering.

pub mod action;
pub mod app;
pub mod draft;
pub mod effect;
pub mod fix;
pub mod form;
pub mod fuzzy;
pub mod keymap;
pub mod matrix;
pub mod roster;
pub mod state;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod view;
pub mod widgets;
pub mod wire;

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

use crate::i18n::Lang;

pub use app::{run, step, tick};
pub use state::State;
pub use theme::Theme;

/// How the TUI starts. Time comes in from outside: `today` fixes the year
/// and pace, `now` stamps records.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    /// ASCII borders and bars (`--ascii`, `TAIZHANG_ASCII=1`).
    pub ascii: bool,
    /// No colours (`NO_COLOR`); text markers remain.
    pub no_color: bool,
    pub today: NaiveDate,
    pub now: fn() -> NaiveDateTime,
    /// Where an unsaved form is kept if the session is cut off; `None`
    /// keeps no drafts.
    pub draft: Option<PathBuf>,
}

impl Options {
    /// Options with `ascii` and `no_color` taken from the environment
    /// (`TAIZHANG_ASCII=1`, a non-empty `NO_COLOR`).
    pub fn from_env(lang: Lang, today: NaiveDate, now: fn() -> NaiveDateTime) -> Options {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        let ascii = std::env::var("TAIZHANG_ASCII").is_ok_and(|v| v == "1" || v == "true");
        Options {
            lang,
            ascii,
            no_color: set("NO_COLOR"),
            today,
            now,
            draft: None,
        }
    }
}
