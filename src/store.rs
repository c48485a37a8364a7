//! The sled store: the one place that knows sled. It implements the core's
//! `Store` port; every successful write is flushed before it returns.
//!
//! A ledger is a directory (see `location::resolve`), 0700 with 0600 files:
//! sled's own files; `taizhang.lock`, our exclusive flock naming its holder,
//! taken before sled opens and released on drop; and `taizhang.ledger`, a
//! marker written once the ledger exists (an empty sled beside it = damage).
//!
//! Key layout (all integers big-endian, so keys sort by value):
//! - tree `meta`: `schema` → u32 (`SCHEMA_VERSION`; no key with data = v0);
//!   `catalogue` → JSON `Catalogue`; `next_id` → u64, the next id to hand out
//!   (kept above every record and person id; raised on open if sled lost it)
//! - tree `people`: person id (u32) → JSON `Person`
//! - tree `records`: date key (u32: days since CE with the sign bit flipped, so
//!   earlier dates sort first) ++ record id (u64) → JSON `Record`
//! - tree `record_keys`: record id (u64) → its key in `records` (since v1)
//! - tree `journal` (since v2): seq (u64, from 1) → JSON `JournalEntry`, the
//!   hash-chained change journal; `meta/journal_head` → seq (u64) ++ its hash
//!   (32 bytes), the last entry written (0 entries: no key)
//! - tree `journal_by_entity` (since v2): entity key ++ seq (u64) → empty; the
//!   entity key is `r` ++ record id (u64), `p` ++ person id (u32), `c`
//!   (catalogue), `l` (whole ledger) or `y` ++ year (i32, sign bit flipped)
//! - tree `trash` (since v2): record id (u64) → JSON `{seq, record}`, a deleted
//!   record and the seq of its `delete` entry
//! - tree `fixes` (since v4): fix id (u64) → JSON `FixItem`, journaled as
//!   entity `f` ++ fix id (u64)
//! - tree `corrections` (since v4): record id (u64) ++ correction id (u64) →
//!   JSON `Correction`, journaled as `amend` of the record
//! - `meta/closed_years` (since v4): JSON `Vec<i32>`, the years closed with
//!   `year close`, journaled as `close_year` of `y` ++ year
//! - `meta/archived` (since v5): JSON `Vec<ArchiveRef>`, the sealed years moved
//!   out of the trees above into `PATH/archive/year-YYYY.json.gz` (see
//!   `archive`), each with its seal digest and the SHA-256 of its file
//!
//! Every write (`set_catalogue`, `put_person`, `put_record`, `delete_record`,
//! `import`, `restore`, `seal`, `put_fix`, `put_correction`, `close_year`,
//! `reopen_year`) and each migration step is a single sled transaction over
//! the trees it touches, journal entry and head included. Journal values are
//! plain JSON: the hash chain, not a checksum, guards them.
//!
//! JSON values are wrapped in a checksummed envelope (see `codec`; since
//! schema v2), so bytes changed on disk are reported, not read.
//!
//! Rotating JSON backups live in
//! `PATH/backups/` (see `backup`); a restore moves a damaged database aside
//! into `PATH/damaged-YYYYMMDD-HHMMSS/`.

pub mod archive;
pub mod backup;
mod codec;
pub mod files;
pub mod integrity;
mod journal;
pub mod location;
mod lock;
mod open;
mod permissions;
mod schema;
pub mod sharing;
mod sled_store;
pub mod space;

pub use codec::RESTORE_HINT;
pub use lock::{HeldLock, LOCK_FILE};
pub use open::OpenOptions;
pub use schema::MARKER_FILE;
pub use sharing::Sharing;
pub use sled_store::SledStore;
