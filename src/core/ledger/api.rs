//! The ledger's use cases and queries in ONE table (`ledger_api!`). From it
//! the core derives the `LedgerApi` trait (what a shell may ask of a ledger),
//! its impl for `Ledger<S>` and `Command`, the use case as data; the service
//! derives its client from the same table (`service::protocol`). A field the
//! ledger can know itself (the time, the acting user) is never a parameter:
//! whoever runs the `Ledger` (the service, or a direct-mode process) decides it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{Ledger, VerifySummary, YearView};
use crate::core::catalogue::Catalogue;
use crate::core::error::{CoreError, StoreError};
use crate::core::fix::{Evidence, FixId, FixItem, FixState, NewFix};
use crate::core::journal::{Entity, JournalEntry, SealDigest};
use crate::core::port::{Backup, Store};
use crate::core::record::{NewRecord, Record, RecordId};
use crate::core::roster::{NewPerson, Person, PersonId, Roster};
use crate::core::year::{Correction, YearClosing, YearState};

/// The table. Each line: `method => Variant (arg: passing Type, …) -> Answer, Effect;`
/// where passing is `by_val` (a copy), `by_ref` (`&Type`), `by_str`
/// (`&str` for a `String`) or `by_opt_str` (`Option<&str>`). A new use case
/// is one more line here plus its `Ledger` method.
macro_rules! ledger_api {
    ($derive:ident) => {
        $derive! {
            // Queries.
            whoami => WhoAmI () -> String, Read;
            revision => Revision () -> u64, Read;
            catalogue => Catalogue () -> Catalogue, Read;
            roster => Roster () -> Roster, Read;
            records_in_year => RecordsInYear (year: by_val i32) -> Vec<Record>, Read;
            record_years => RecordYears () -> Vec<i32>, Read;
            year_view => YearView (year: by_val i32, today: by_val NaiveDate) -> YearView, Read;
            record => Record (id: by_val RecordId) -> Record, Read;
            fixes => Fixes (year: by_val Option<i32>) -> Vec<FixItem>, Read;
            fix => Fix (id: by_val FixId) -> FixItem, Read;
            acting_person => ActingPerson () -> Option<Person>, Read;
            access_policy => AccessPolicy () -> crate::core::access::Policy, Read;
            closed_years => ClosedYears () -> Vec<i32>, Read;
            is_closed => IsClosed (year: by_val i32) -> bool, Read;
            year_states => YearStates () -> Vec<YearState>, Read;
            corrections => Corrections (id: by_val RecordId) -> Vec<Correction>, Read;
            history => History (entity: by_ref Entity) -> Vec<JournalEntry>, Read;
            journal => Journal (from_seq: by_val u64) -> Vec<JournalEntry>, BulkRead;
            trash => Trash () -> Vec<(Record, JournalEntry)>, Read;
            verify => Verify () -> VerifySummary, BulkRead;
            check_seal => CheckSeal (year: by_val i32) -> Option<(SealDigest, bool)>, Read;
            check_digest => CheckDigest (year: by_val i32, digest: by_ref crate::core::journal::Hash) -> SealDigest, Read;
            audit => Audit () -> crate::core::ledger::Audit, BulkRead;
            backup_snapshot => BackupSnapshot () -> Backup, BulkRead;
            export => Export () -> Backup, BulkRead;
            // Use cases that change the ledger.
            add_record => AddRecord (input: by_ref NewRecord) -> Record, Write;
            update_record => UpdateRecord (id: by_val RecordId, input: by_ref NewRecord) -> Record, Write;
            delete_record => DeleteRecord (id: by_val RecordId) -> Record, Write;
            restore_from_trash => RestoreFromTrash (id: by_val RecordId) -> Record, Write;
            amend_record => AmendRecord (id: by_val RecordId, note: by_str String, date: by_val NaiveDate) -> Correction, Write;
            add_person => AddPerson (input: by_ref NewPerson) -> Person, Write;
            edit_person => EditPerson (id: by_val PersonId, input: by_ref NewPerson) -> Person, Write;
            retire_person => RetirePerson (id: by_val PersonId) -> Person, Write;
            add_person_with_login => AddPersonWithLogin (input: by_ref NewPerson, unix_user: by_str String) -> Person, Write;
            edit_person_with_login => EditPersonWithLogin (id: by_val PersonId, input: by_ref NewPerson, unix_user: by_opt_str Option<String>) -> Person, Write;
            add_person_on => AddPersonOn (input: by_ref NewPerson, unix_user: by_str String, from: by_val Option<NaiveDate>) -> Person, Write;
            edit_person_on => EditPersonOn (id: by_val PersonId, input: by_ref NewPerson, unix_user: by_opt_str Option<String>, from: by_val Option<NaiveDate>) -> Person, Write;
            retire_person_on => RetirePersonOn (id: by_val PersonId, from: by_val Option<NaiveDate>) -> Person, Write;
            set_unix_user => SetUnixUser (id: by_val PersonId, unix_user: by_str String) -> Person, Write;
            add_fix => AddFix (input: by_ref NewFix, today: by_val NaiveDate) -> FixItem, Write;
            update_fix => UpdateFix (id: by_val FixId, input: by_ref NewFix, today: by_val NaiveDate) -> FixItem, Write;
            note_fix => NoteFix (id: by_val FixId, text: by_str String, on: by_val NaiveDate) -> FixItem, Write;
            transition_fix => TransitionFix (id: by_val FixId, to: by_val FixState, on: by_val NaiveDate, note: by_opt_str Option<String>) -> FixItem, Write;
            close_fix => CloseFix (id: by_val FixId, evidence: by_val Evidence, on: by_val NaiveDate) -> FixItem, Write;
            seal_year => SealYear (year: by_val i32) -> SealDigest, Write;
            close_year => CloseYear (year: by_val i32) -> YearClosing, Write;
            reopen_year => ReopenYear (year: by_val i32) -> (), Write;
            import_catalogue => ImportCatalogue (text: by_str String) -> Catalogue, Write;
            add_reviewer => AddReviewer (user: by_str String) -> bool, Write;
            remove_reviewer => RemoveReviewer (user: by_str String) -> bool, Write;
            import => Import (backup: by_ref Backup) -> (), BulkWrite;
        }
    };
}
pub(crate) use ledger_api;

/// A parameter's type in a method signature.
macro_rules! param_ty {
    (by_ref $t:ty) => { &$t };
    (by_str $t:ty) => { &str };
    (by_opt_str $t:ty) => { Option<&str> };
    (by_val $t:ty) => { $t };
}
pub(crate) use param_ty;

/// A parameter made into the owned value a `Command` carries.
macro_rules! to_owned {
    (by_ref $e:expr) => {
        $e.clone()
    };
    (by_str $e:expr) => {
        $e.to_string()
    };
    (by_opt_str $e:expr) => {
        $e.map(str::to_string)
    };
    (by_val $e:expr) => {
        $e
    };
}
pub(crate) use to_owned;

/// A `Command`'s owned field passed back as the method's parameter.
macro_rules! pass {
    (by_ref $e:expr) => {
        &$e
    };
    (by_str $e:expr) => {
        &$e
    };
    (by_opt_str $e:expr) => {
        $e.as_deref()
    };
    (by_val $e:expr) => {
        $e
    };
}

/// How a use case affects the ledger; decides revision bumps and time limits.
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

macro_rules! derive_core {
    ($(
        $method:ident => $Variant:ident ( $( $arg:ident : $how:ident $ty:ty ),* ) -> $ret:ty, $effect:ident;
    )*) => {
        /// What a shell may ask of a ledger, whether it runs in this process
        /// (`Ledger<S>`) or in the ledger service (`service::RemoteLedger`).
        pub trait LedgerApi {
            $( fn $method(&self, $( $arg: param_ty!($how $ty) ),*) -> Result<$ret, CoreError>; )*
        }

        impl<S: Store> LedgerApi for Ledger<S> {
            $( fn $method(&self, $( $arg: param_ty!($how $ty) ),*) -> Result<$ret, CoreError> {
                Ledger::<S>::$method(self, $( $arg ),*)
            } )*
        }

        /// One use case or query with its arguments: what a client sends.
        #[derive(Debug, Clone, Serialize, Deserialize)]
        pub enum Command {
            $( $Variant { $( $arg: $ty ),* }, )*
        }

        impl Command {
            pub fn effect(&self) -> Effect {
                match self {
                    $( Command::$Variant { .. } => Effect::$effect, )*
                }
            }

            /// The method's name, for logs.
            pub fn name(&self) -> &'static str {
                match self {
                    $( Command::$Variant { .. } => stringify!($method), )*
                }
            }

            /// Run the command on `ledger` and encode its answer as JSON.
            pub fn run<L: LedgerApi + ?Sized>(self, ledger: &L) -> Result<Box<RawValue>, CoreError> {
                self.answer(ledger)?.encode()
            }

            /// Run the command on `ledger`; its answer is encoded apart
            /// (`Answer::encode`), so that a service can let go of the
            /// ledger first.
            pub fn answer<L: LedgerApi + ?Sized>(self, ledger: &L) -> Result<Answer, CoreError> {
                Ok(match self {
                    $( Command::$Variant { $( $arg ),* } => {
                        Answer::$Variant(ledger.$method($( pass!($how $arg) ),*)?)
                    } )*
                })
            }
        }

        /// A command's answer as a value, not yet encoded.
        #[derive(Debug)]
        #[allow(clippy::large_enum_variant)] // made and encoded once per request
        pub enum Answer {
            $( $Variant($ret), )*
        }

        impl Answer {
            /// The answer as JSON, as a client decodes it.
            pub fn encode(&self) -> Result<Box<RawValue>, CoreError> {
                match self {
                    $( Answer::$Variant(value) => encode(stringify!($method), value), )*
                }
            }
        }
    };
}

ledger_api!(derive_core);

fn encode<T: Serialize + ?Sized>(method: &str, value: &T) -> Result<Box<RawValue>, CoreError> {
    serde_json::value::to_raw_value(value).map_err(|e| {
        CoreError::Store(StoreError::Remote(format!(
            "cannot encode the answer to {method}: {e}"
        )))
    })
}
