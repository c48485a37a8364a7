//! The domain: the responsibility catalogue, roster, records, quota rules and
//! the progress engine. Nothing here touches a terminal, the clock or sled.

pub mod access;
pub mod archive;
pub mod catalogue;
pub mod check;
pub mod confirm;
pub mod date;
pub mod demo;
pub mod error;
pub mod fix;
pub mod fuzzy;
pub mod import;
pub mod journal;
pub mod ledger;
pub mod mem;
pub mod port;
pub mod progress;
pub mod record;
pub mod restore;
pub mod roster;
pub mod rule;
pub mod text;
pub mod year;

pub use catalogue::{Binds, Catalogue, Duty, DutyId, ListId, RecordPath};
pub use confirm::{Confirmations, Warning};
pub use error::{CoreError, Field, StoreError, ValidationError};
pub use fix::{Evidence, FixId, FixItem, FixSource, FixState, NewFix};
pub use ledger::{Ledger, LedgerApi, YearView};
pub use port::{Backup, Stamp, Store};
pub use progress::{Missing, PersonProgress, Progress, Status};
pub use record::{Absence, NewRecord, Record, RecordId, RecordKind};
pub use roster::{NewPerson, Person, PersonId, Role, Roster};
pub use rule::{PairScope, Part, Period, RoleScope, Rule};
