//! Hidden commands for tests. `debug write-loop` opens the ledger directly
//! (no service), prints `ready`, then adds records one by one, printing `ack ID` only after
//! each write returned Ok, i.e. after it was flushed: the crash test kills it
//! and then checks that every acknowledged record survived.

use std::io::Write;
use std::path::Path;

use clap::Subcommand;

use crate::core::record::{NewRecord, RecordKind};
use crate::core::{Catalogue, Ledger};
use crate::store::SledStore;

use super::{CliError, context};

#[derive(Debug, Subcommand)]
pub enum DebugCmd {
    /// Add COUNT records one by one, printing `ack ID` after each write
    WriteLoop {
        #[arg(long, default_value_t = 1000)]
        count: u64,
    },
}

/// The topic of the `seq`th record a write loop adds.
pub fn loop_topic(seq: u64) -> String {
    format!("crash-loop {seq}")
}

/// The notes of the `seq`th record: long enough to span sled pages, and a
/// function of `seq`, so that a reader can tell an intact record.
pub fn loop_notes(seq: u64) -> String {
    format!("seq {seq};").repeat(40)
}

pub fn run(db: Option<&Path>, cmd: &DebugCmd) -> Result<String, CliError> {
    let DebugCmd::WriteLoop { count } = cmd;
    let path = context::db_path(db)?;
    let (today, _) = context::clock()?;
    let store =
        SledStore::open(&path, &Catalogue::embedded()).map_err(|e| CliError::Core(e.into()))?;
    let ledger = Ledger::new(store, context::user()).with_clock(context::local_clock());
    let mut out = std::io::stdout().lock();
    // Tells a test the open (and any recovery) is over and writing begins.
    if writeln!(out, "ready").and_then(|()| out.flush()).is_err() {
        return Ok(String::new());
    }
    for seq in 0..*count {
        let input = NewRecord {
            kind: Some(RecordKind::CommitteeMeeting),
            date: Some(today),
            topic: loop_topic(seq),
            notes: loop_notes(seq),
            duties: Some(Vec::new()),
            ..NewRecord::default()
        };
        let record = ledger.add_record(&input)?;
        if writeln!(out, "ack {}", record.id.0)
            .and_then(|()| out.flush())
            .is_err()
        {
            break;
        }
    }
    Ok(String::new())
}
