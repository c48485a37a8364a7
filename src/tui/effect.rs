//! Effects: the IO that `State::update` asks the loop to perform, as data, and
//! what came of it. Only `apply` touches the ledger.

use chrono::NaiveDate;

use crate::core::journal::{Entity, JournalEntry};
use crate::core::{
    CoreError, Evidence, FixId, FixItem, FixState, LedgerApi, NewFix, NewPerson, NewRecord,
    PersonId, Record, RecordId,
};
use crate::tui::text::fix::Saved as FixChange;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    SaveRecord(NewRecord),
    UpdateRecord(RecordId, NewRecord),
    DeleteRecord(RecordId),
    RestoreRecord(Record),
    /// A new person, on the roster from the day given (none: since always).
    AddPerson(NewPerson, Option<NaiveDate>),
    /// New details holding from the day given (none: the ledger's today).
    EditPerson(PersonId, NewPerson, Option<NaiveDate>),
    /// Off the roster from the day given.
    RetirePerson(PersonId, NaiveDate),
    AddFix(NewFix),
    UpdateFix(FixId, NewFix),
    NoteFix(FixId, String),
    /// Move an item along its states (not to closed: see `CloseFix`).
    MoveFix(FixId, FixState),
    CloseFix(FixId, Evidence),
    LoadYear(i32),
    /// Read a record's journal entries for the history overlay.
    LoadHistory(RecordId),
    /// Read the trash for the trash overlay.
    LoadTrash,
    /// Put a record back from the trash (the trash overlay's `r`).
    RestoreFromTrash(RecordId),
    Quit,
}

/// What applying one effect did, handed back to `State::settle`.
#[derive(Debug)]
pub enum Outcome {
    Saved(Record),
    Updated(Record),
    Deleted(Record),
    Restored(Record),
    PersonSaved(String),
    PersonRetired(String),
    /// A rectification item was written, and how.
    FixSaved(FixItem, FixChange),
    /// A year was loaded; the loop swaps the new view in.
    Loaded,
    /// A record's journal entries, oldest first.
    History(RecordId, Vec<JournalEntry>),
    /// The deleted records, each with its `delete` entry.
    Trash(Vec<(Record, JournalEntry)>),
    Quit,
    /// The ledger refused; `from_form` tells the state to hand the error back
    /// to the open form instead of the status line.
    Failed {
        error: CoreError,
        from_form: bool,
    },
}

impl Outcome {
    /// Whether the year's data changed and the view must be reloaded.
    pub fn changed_data(&self) -> bool {
        matches!(
            self,
            Outcome::Saved(_)
                | Outcome::Updated(_)
                | Outcome::Deleted(_)
                | Outcome::Restored(_)
                | Outcome::PersonSaved(_)
                | Outcome::PersonRetired(_)
                | Outcome::FixSaved(..)
        )
    }
}

/// Perform one effect through the ledger. `LoadYear` and `Quit` need no
/// ledger write; the caller reloads the view. The `Load*` effects only read.
pub fn apply<L: LedgerApi + ?Sized>(ledger: &L, effect: Effect, today: NaiveDate) -> Outcome {
    let form = matches!(
        effect,
        Effect::SaveRecord(_)
            | Effect::UpdateRecord(..)
            | Effect::AddFix(_)
            | Effect::UpdateFix(..)
    );
    let fix = |change: FixChange| move |f: FixItem| Outcome::FixSaved(f, change);
    let result = match effect {
        Effect::SaveRecord(input) => ledger.add_record(&input).map(Outcome::Saved),
        Effect::UpdateRecord(id, input) => ledger.update_record(id, &input).map(Outcome::Updated),
        Effect::DeleteRecord(id) => ledger.delete_record(id).map(Outcome::Deleted),
        Effect::RestoreRecord(record) => {
            ledger.restore_from_trash(record.id).map(Outcome::Restored)
        }
        Effect::AddPerson(input, from) => ledger
            .add_person_on(&input, "", from)
            .map(|p| Outcome::PersonSaved(p.name)),
        Effect::EditPerson(id, input, from) => ledger
            .edit_person_on(id, &input, None, from)
            .map(|p| Outcome::PersonSaved(p.name)),
        Effect::RetirePerson(id, from) => ledger
            .retire_person_on(id, Some(from))
            .map(|p| Outcome::PersonRetired(p.name)),
        Effect::AddFix(input) => ledger.add_fix(&input, today).map(fix(FixChange::Added)),
        Effect::UpdateFix(id, input) => ledger
            .update_fix(id, &input, today)
            .map(fix(FixChange::Edited)),
        Effect::NoteFix(id, text) => ledger.note_fix(id, &text, today).map(fix(FixChange::Noted)),
        Effect::MoveFix(id, to) => ledger
            .transition_fix(id, to, today, None)
            .map(fix(FixChange::Moved)),
        Effect::CloseFix(id, evidence) => ledger
            .close_fix(id, evidence, today)
            .map(fix(FixChange::Moved)),
        Effect::LoadYear(_) => Ok(Outcome::Loaded),
        Effect::LoadHistory(id) => ledger
            .history(&Entity::Record(id))
            .map(|entries| Outcome::History(id, entries)),
        Effect::LoadTrash => ledger.trash().map(Outcome::Trash),
        Effect::RestoreFromTrash(id) => ledger.restore_from_trash(id).map(Outcome::Restored),
        Effect::Quit => Ok(Outcome::Quit),
    };
    result.unwrap_or_else(|error| Outcome::Failed {
        error,
        from_form: form,
    })
}

/// A valid calendar year for the ledger, or `None` past chrono's range.
pub fn year_ok(year: i32) -> bool {
    NaiveDate::from_ymd_opt(year, 1, 1).is_some() && (1900..=9999).contains(&year)
}
