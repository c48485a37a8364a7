//! The terminal UI: a pure `State` updated by `Action`s that a per-mode
//! keymap produces, effects applied by one IO loop, and read-only rendering.

pub mod action;
pub mod effect;
pub mod keymap;
pub mod state;
pub mod theme;

pub use theme::Theme;
