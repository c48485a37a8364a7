//! The name matcher the forms use lives in `core::fuzzy`, so the command
//! line's did-you-mean ranks names the same way.

pub use crate::core::fuzzy::*;
