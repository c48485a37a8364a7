//! What the user asked for, independent of the key that asked. Bindable
//! actions have `snake_case` serde names so a `[keys]` config can name them;
//! the variants that carry input are produced by the loop, not by a binding.

use crossterm::event::KeyEvent;
use serde::{Deserialize, Serialize};

use crate::core::NewRecord;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    /// Close an overlay, leave a pane, or go back to the overview.
    Back,
    /// Enter the selected item.
    Open,
    /// The next pane of a screen with several (checklist, overview).
    NextPane,
    PrevPane,
    /// The next screen, on screens of one pane.
    NextScreen,
    PrevScreen,
    Up,
    Down,
    Left,
    Right,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// Start typing a filter.
    Filter,
    PrevYear,
    NextYear,
    AddRecord,
    EditRecord,
    DeleteRecord,
    Undo,
    ShowOverview,
    ShowChecklist,
    ShowRecords,
    ShowTalks,
    ShowRoster,
    /// The rectification screen (整改).
    ShowFixes,
    /// 整改: add an item.
    AddFix,
    /// 整改: edit the selected item.
    EditFix,
    /// 整改: add a dated progress note.
    NoteFix,
    /// 整改: start work on the selected item (in progress).
    StartFix,
    /// 整改: ask for the selected item to be closed.
    RequestClosure,
    /// 整改: close (销号) the selected item, with evidence.
    CloseFix,
    /// 整改: show open, overdue or all items.
    CycleFixFilter,
    /// Roster: add a person.
    AddPerson,
    /// Roster: edit the selected person.
    EditPerson,
    /// Roster: retire the selected person (asking from which day).
    RetirePerson,
    /// Roster: show or hide retired people.
    ToggleRetired,
    /// The change history of the selected record (records screen, trash,
    /// or the record picked in the checklist's detail pane).
    ShowHistory,
    /// The deleted records, to restore one.
    ShowTrash,
    /// Trash: put the selected record back.
    RestoreFromTrash,
    /// Checklist: pick the next record that counts toward the duty.
    PickNext,
    /// Checklist: pick the previous record that counts toward the duty.
    PickPrev,
    /// Talk screen: record the selected talk still owed.
    StartTalk,
    /// Reopen the selected draft of an interrupted session.
    RestoreDraft,
    /// Throw the selected draft away.
    DiscardDraft,
    /// Yes, in a confirmation.
    Confirm,
    /// No, in a confirmation.
    Cancel,
    FilterAccept,
    FilterCancel,
    FilterBackspace,
    #[serde(skip)]
    FilterChar(char),
    /// A key for the open record form, which owns every key while open.
    #[serde(skip)]
    FormKey(KeyEvent),
    /// A key for the roster's person form or retire question, which own
    /// every key while open.
    #[serde(skip)]
    RosterKey(KeyEvent),
    /// A key for the rectification form or prompt, which own every key
    /// while open.
    #[serde(skip)]
    FixKey(KeyEvent),
    /// Bracketed paste; goes to the form (or the filter being typed).
    #[serde(skip)]
    Paste(String),
    /// What the form hands back on submit (a new record, or an edit of the
    /// record the form was opened on).
    #[serde(skip)]
    SubmitRecord(NewRecord),
}
