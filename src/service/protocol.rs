//! The wire protocol. A client sends the ledger's use cases and queries
//! (`core::ledger::Command`, derived from the one table `ledger_api!`); the
//! service runs them through `core::Ledger` with its own clock and the
//! peer's identity. Store primitives never cross the socket. From the same
//! table this module derives the client side: `LedgerApi` for `RemoteLedger`
//! and for `AnyLedger`, so shells call the same methods in either mode.
//!
//! Framing: one JSON `Request` per line from the client, one JSON `Response`
//! per line back. The first request of a connection is `Hello`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::any::AnyLedger;
use super::client::RemoteLedger;
use super::error::WireError;
use crate::core::catalogue::Catalogue;
use crate::core::error::CoreError;
use crate::core::fix::{Evidence, FixId, FixItem, FixState, NewFix};
use crate::core::journal::{Entity, JournalEntry, SealDigest};
use crate::core::ledger::api::{ledger_api, param_ty, to_owned};
use crate::core::ledger::{Command, LedgerApi, VerifySummary, YearView};
use crate::core::port::Backup;
use crate::core::record::{NewRecord, Record, RecordId};
use crate::core::roster::{NewPerson, Person, PersonId, Roster};
use crate::core::year::{Correction, YearClosing, YearState};

/// Bumped whenever a `Request` or a reply changes shape.
/// 7: `NewRecord::confirmed` and `CoreError::Unconfirmed` (`core::confirm`).
/// 8: `access_policy`; long requests and answers in `Part`s.
/// 9: a `YearView` travels compact, without progress (`core::ledger::year_wire`).
/// 10: `add_reviewer`, `remove_reviewer`.
pub const PROTOCOL_VERSION: u32 = 10;

/// What a client asks. `Hello` must come first; its shape never changes, so
/// that any two versions can at least tell each other they differ.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Request {
    Hello {
        version: u32,
    },
    /// A use case or query, run as the peer's Unix user.
    Command(Box<Command>),
    /// A piece of a request too long for one message (`framing::PART`):
    /// the service keeps the pieces and, at the `last`, reads them joined
    /// as one `Request` and answers it. Every other piece gets `Ok(null)`.
    Part {
        text: String,
        last: bool,
    },
}

/// The answer: the method's return value as JSON, or its error.
#[derive(Debug, Serialize, Deserialize)]
pub enum Response {
    /// The answer exactly as the service serialised it; the client decodes it
    /// straight into the method's return type (no intermediate value tree).
    Ok(Box<RawValue>),
    /// The conversation failed (say, an unreadable request or another
    /// protocol version).
    Err(WireError),
    /// The use case refused or failed, with the error a direct run gives.
    Failed(CoreError),
    /// A piece of an answer too long for one message; the client joins the
    /// pieces up to the `last` and reads them as one `Response`.
    Part { text: String, last: bool },
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

macro_rules! derive_client {
    ($(
        $method:ident => $Variant:ident ( $( $arg:ident : $how:ident $ty:ty ),* ) -> $ret:ty, $effect:ident;
    )*) => {
        impl LedgerApi for RemoteLedger {
            $( fn $method(&self, $( $arg: param_ty!($how $ty) ),*) -> Result<$ret, CoreError> {
                self.command(Command::$Variant { $( $arg: to_owned!($how $arg) ),* })
            } )*
        }

        impl LedgerApi for AnyLedger {
            $( fn $method(&self, $( $arg: param_ty!($how $ty) ),*) -> Result<$ret, CoreError> {
                match self {
                    AnyLedger::Direct(ledger) => LedgerApi::$method(ledger, $( $arg ),*),
                    AnyLedger::Remote(remote) => LedgerApi::$method(remote, $( $arg ),*),
                }
            } )*
        }
    };
}

ledger_api!(derive_client);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Ledger;
    use crate::core::mem::MemStore;

    #[test]
    fn a_command_survives_the_wire_and_runs_as_the_ledgers_user() {
        let ledger = Ledger::new(MemStore::new(Catalogue::embedded()), "zhang");
        let line = serde_json::to_string(&Request::Command(Box::new(Command::WhoAmI {}))).unwrap();
        let Request::Command(command) = serde_json::from_str(&line).unwrap() else {
            panic!("not a command: {line}");
        };
        assert!(!command.effect().writes());
        let user: String = serde_json::from_str(command.run(&ledger).unwrap().get()).unwrap();
        assert_eq!(user, "zhang");
    }

    #[test]
    fn writes_are_marked() {
        assert!(Command::DeleteRecord { id: RecordId(1) }.effect().writes());
        assert!(!Command::Roster {}.effect().writes());
        assert!(Command::Export {}.effect().bulk());
    }

    #[test]
    fn a_refusal_crosses_the_wire_intact() {
        let e = CoreError::NoRecord(RecordId(7));
        let line = serde_json::to_string(&Response::Failed(e)).unwrap();
        let Response::Failed(back) = serde_json::from_str(&line).unwrap() else {
            panic!("not a failure: {line}");
        };
        assert_eq!(
            back.to_string(),
            CoreError::NoRecord(RecordId(7)).to_string()
        );
    }
}
