//! The wire form of `StoreError` lives in the core (`core::error::WireError`),
//! where `CoreError` needs it to cross the socket; the service re-exports it.

pub use crate::core::error::WireError;
