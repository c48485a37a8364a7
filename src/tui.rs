//! The terminal UI.

pub mod form;
pub mod fuzzy;
pub mod matrix;
pub mod roster;
pub mod theme;
