//! The wire protocol, in ONE table: each `Store` method appears once in
//! `store_protocol!`, which derives the request enum, the service's dispatch,
//! `RemoteStore`'s client side and `AnyStore`'s delegation from it. A new trait
//! method is one more line here.
//!
//! Framing: one JSON `Request` per line from the client, one JSON `Response`
//! per line back. The first request of a connection is `Hello`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::any::AnyStore;
use super::client::RemoteStore;
use super::error::WireError;
use crate::core::archive::YearArchive;
use crate::core::catalogue::Catalogue;
use crate::core::error::StoreError;
use crate::core::fix::{FixId, FixItem};
use crate::core::journal::{Entity, JournalEntry, SealDigest};
use crate::core::port::{Backup, Stamp, Store};
use crate::core::record::{Record, RecordId};
use crate::core::roster::Person;
use crate::core::year::Correction;

/// Bumped whenever a `Request` or a reply changes shape.
pub const PROTOCOL_VERSION: u32 = 5;

/// What a client asks. `Hello` must come first; its shape never changes, so
/// that any two versions can at least tell each other they differ.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Request {
    Hello {
        version: u32,
    },
    /// The Unix user the service sees on this connection.
    WhoAmI,
    /// A number that changes whenever the ledger changes (poll it to redraw).
    Revision,
    Store(Box<StoreCall>),
}

/// The answer: the method's return value as JSON, or its error.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Response {
    /// The answer exactly as the service serialised it; the client decodes it
    /// straight into the method's return type (no intermediate value tree).
    Ok(Box<RawValue>),
    Err(WireError),
}

/// The reply to `Hello`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Welcome {
    pub version: u32,
    /// The service's process id, for messages.
    pub pid: u32,
    /// The taizhang version the service runs.
    pub taizhang: String,
}

impl Welcome {
    pub fn current() -> Self {
        Self {
            version: PROTOCOL_VERSION,
            pid: std::process::id(),
            taizhang: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

/// How a call affects the ledger; decides revision bumps and time limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Read,
    Write,
    /// Whole-ledger reads and writes, which may take long.
    BulkRead,
    BulkWrite,
}

impl Effect {
    pub fn writes(self) -> bool {
        matches!(self, Effect::Write | Effect::BulkWrite)
    }

    pub fn bulk(self) -> bool {
        matches!(self, Effect::BulkRead | Effect::BulkWrite)
    }
}

macro_rules! param_ty {
    (by_ref $t:ty) => {
        &$t
    };
    (by_str $t:ty) => {
        &str
    };
    (by_val $t:ty) => {
        $t
    };
}

macro_rules! to_owned {
    (by_ref $e:expr) => {
        $e.clone()
    };
    (by_str $e:expr) => {
        $e.to_string()
    };
    (by_val $e:expr) => {
        $e
    };
}

macro_rules! pass {
    (by_ref $e:expr) => {
        &$e
    };
    (by_str $e:expr) => {
        &$e
    };
    (by_val $e:expr) => {
        $e
    };
}

macro_rules! store_protocol {
    ($(
        $method:ident => $Variant:ident ( $( $arg:ident : $how:ident $ty:ty ),* ) -> $ret:ty, $effect:ident;
    )*) => {
        /// One `Store` method call with its arguments.
        #[derive(Debug, Clone, Serialize, Deserialize)]
        pub enum StoreCall {
            $( $Variant { $( $arg: $ty ),* }, )*
        }

        impl StoreCall {
            pub fn effect(&self) -> Effect {
                match self {
                    $( StoreCall::$Variant { .. } => Effect::$effect, )*
                }
            }

            /// The `Store` method's name, for logs.
            pub fn name(&self) -> &'static str {
                match self {
                    $( StoreCall::$Variant { .. } => stringify!($method), )*
                }
            }
        }

        /// Run `call` on the service's store and encode what it returns.
        pub fn dispatch<S: Store + ?Sized>(
            store: &S,
            call: StoreCall,
        ) -> Result<Box<RawValue>, StoreError> {
            match call {
                $( StoreCall::$Variant { $( $arg ),* } => {
                    let value = store.$method($( pass!($how $arg) ),*)?;
                    serde_json::value::to_raw_value(&value).map_err(|e| StoreError::Remote(format!(
                        "cannot encode the answer to {}: {e}", stringify!($method)
                    )))
                } )*
            }
        }

        impl Store for RemoteStore {
            $( fn $method(&self, $( $arg: param_ty!($how $ty) ),*) -> Result<$ret, StoreError> {
                self.call_store(StoreCall::$Variant { $( $arg: to_owned!($how $arg) ),* })
            } )*
        }

        impl Store for AnyStore {
            $( fn $method(&self, $( $arg: param_ty!($how $ty) ),*) -> Result<$ret, StoreError> {
                // Through the trait: `RemoteStore` has inherent methods of
                // the same names (`revision`: the service's change counter).
                match self {
                    AnyStore::Direct(store) => Store::$method(store, $( $arg ),*),
                    AnyStore::Remote(store) => Store::$method(store, $( $arg ),*),
                }
            } )*
        }
    };
}

store_protocol! {
    catalogue => Catalogue () -> Catalogue, Read;
    set_catalogue => SetCatalogue (catalogue: by_ref Catalogue, stamp: by_ref Stamp) -> (), Write;
    people => People () -> Vec<Person>, Read;
    put_person => PutPerson (person: by_ref Person, stamp: by_ref Stamp) -> (), Write;
    records_between => RecordsBetween (from: by_val NaiveDate, to: by_val NaiveDate) -> Vec<Record>, Read;
    record => Record (id: by_val RecordId) -> Option<Record>, Read;
    put_record => PutRecord (record: by_ref Record, stamp: by_ref Stamp) -> (), Write;
    delete_record => DeleteRecord (id: by_val RecordId, stamp: by_ref Stamp) -> Option<Record>, Write;
    record_years => RecordYears () -> Vec<i32>, Read;
    fixes => Fixes (year: by_val Option<i32>) -> Vec<FixItem>, Read;
    fix => Fix (id: by_val FixId) -> Option<FixItem>, Read;
    put_fix => PutFix (fix: by_ref FixItem, stamp: by_ref Stamp) -> (), Write;
    corrections => Corrections (record: by_val Option<RecordId>) -> Vec<Correction>, Read;
    put_correction => PutCorrection (correction: by_ref Correction, stamp: by_ref Stamp) -> (), Write;
    closed_years => ClosedYears () -> Vec<i32>, Read;
    close_year => CloseYear (year: by_val i32, stamp: by_ref Stamp) -> SealDigest, Write;
    archive => Archive (year: by_val i32) -> Option<YearArchive>, BulkRead;
    reopen_year => ReopenYear (year: by_val i32, stamp: by_ref Stamp) -> (), Write;
    // Hands out an id but changes nothing a reader sees: no revision bump.
    next_id => NextId () -> u64, Read;
    export => Export () -> Backup, BulkRead;
    import => Import (backup: by_ref Backup, stamp: by_ref Stamp) -> (), BulkWrite;
    restore => Restore (backup: by_ref Backup, note_json: by_str String, stamp: by_ref Stamp) -> (), BulkWrite;
    seal => Seal (year: by_val i32, digest_json: by_str String, stamp: by_ref Stamp) -> JournalEntry, Write;
    journal => Journal (from_seq: by_val u64) -> Vec<JournalEntry>, BulkRead;
    history => History (entity: by_ref Entity) -> Vec<JournalEntry>, Read;
    trash => Trash () -> Vec<(Record, JournalEntry)>, Read;
    revision => Revision () -> u64, Read;
}

impl StoreCall {
    /// The stamp a write carries, so the service can replace the user the
    /// client claims with the one the kernel vouches for.
    pub fn stamp_mut(&mut self) -> Option<&mut Stamp> {
        match self {
            StoreCall::SetCatalogue { stamp, .. }
            | StoreCall::PutPerson { stamp, .. }
            | StoreCall::PutRecord { stamp, .. }
            | StoreCall::DeleteRecord { stamp, .. }
            | StoreCall::Import { stamp, .. }
            | StoreCall::Seal { stamp, .. }
            | StoreCall::PutFix { stamp, .. }
            | StoreCall::PutCorrection { stamp, .. }
            | StoreCall::CloseYear { stamp, .. }
            | StoreCall::ReopenYear { stamp, .. }
            | StoreCall::Restore { stamp, .. } => Some(stamp),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::mem::MemStore;

    #[test]
    fn a_call_survives_the_wire_and_runs() {
        let store = MemStore::new(Catalogue::embedded());
        let line = serde_json::to_string(&Request::Store(Box::new(StoreCall::NextId {}))).unwrap();
        let Request::Store(call) = serde_json::from_str(&line).unwrap() else {
            panic!("not a store call: {line}");
        };
        assert_eq!(call.effect(), Effect::Read);
        let first: u64 =
            serde_json::from_str(dispatch(&store, (*call).clone()).unwrap().get()).unwrap();
        let second: u64 = serde_json::from_str(dispatch(&store, *call).unwrap().get()).unwrap();
        assert_eq!(second, first + 1);
    }

    #[test]
    fn writes_are_marked() {
        assert!(
            StoreCall::DeleteRecord {
                id: RecordId(1),
                stamp: Stamp {
                    user: "u".into(),
                    at: chrono::NaiveDateTime::default()
                }
            }
            .effect()
            .writes()
        );
        assert!(!StoreCall::People {}.effect().writes());
        assert!(StoreCall::Export {}.effect().bulk());
    }
}
