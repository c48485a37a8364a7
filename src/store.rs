//! The sled store: the one place that knows sled. It implements the core's
//! `Store` port; every successful write is flushed before it returns.
//!
//! Key layout (all integers big-endian, so keys sort by value):
//! - tree `meta`: `schema` → u32; `catalogue` → JSON `Catalogue`; `next_id` → u64
//! - tree `people`: person id (u32) → JSON `Person`
//! - tree `records`: date key (i32 days since CE, offset to sort) ++ record id (u64) → JSON `Record`
//! - tree `record_keys`: record id (u64) → its key in `records`

mod sled_store;

pub use sled_store::SledStore;
