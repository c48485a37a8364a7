//! taizhang (台账): the ledger of a Party branch's 全面从严治党主体责任.
//!
//! `core` holds the domain and never sees a terminal; `store` keeps it on sled;
//! `cli` and `tui` are thin shells over `core::ledger::Ledger`.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod cli;
pub mod core;
pub mod i18n;
pub mod report;
pub mod service;
pub mod store;
pub mod tui;
