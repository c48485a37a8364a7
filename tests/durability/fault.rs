//! Fault injection at the `Store` port: a `MemStore` whose writes fail like
//! a full disk or a read-only file system, run through `core::Ledger` and
//! through the CLI's error wording. What was saved before stays intact.

use std::io::ErrorKind;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use taizhang::cli::CliError;
use taizhang::core::archive::YearArchive;
use taizhang::core::catalogue::Catalogue;
use taizhang::core::fix::{FixId, FixItem};
use taizhang::core::journal::{Entity, JournalEntry, SealDigest};
use taizhang::core::mem::MemStore;
use taizhang::core::port::{Backup, ImportTexts, Stamp, Store};
use taizhang::core::record::{NewRecord, Record, RecordId, RecordKind};
use taizhang::core::roster::{NewPerson, Person, Role};
use taizhang::core::year::Correction;
use taizhang::core::{CoreError, Ledger, StoreError};
use taizhang::i18n::Lang;

/// A `MemStore` whose writes fail with `kind` once `failing` is set.
struct Faulty {
    inner: MemStore,
    failing: AtomicBool,
    kind: ErrorKind,
}

impl Faulty {
    fn check(&self) -> Result<(), StoreError> {
        if !self.failing.load(Ordering::SeqCst) {
            return Ok(());
        }
        let text = match self.kind {
            ErrorKind::StorageFull => "No space left on device — free space and try again",
            _ => {
                "read-only file system — remount it read-write or choose another --db path, then try again"
            }
        };
        Err(StoreError::Io {
            context: "writing the ledger at /srv/taizhang/ledger".into(),
            source: std::io::Error::new(self.kind, text),
        })
    }
}

impl Store for Faulty {
    fn catalogue(&self) -> Result<Catalogue, StoreError> {
        self.inner.catalogue()
    }
    fn set_catalogue(&self, c: &Catalogue, s: &Stamp) -> Result<(), StoreError> {
        self.check()?;
        self.inner.set_catalogue(c, s)
    }
    fn people(&self) -> Result<Vec<Person>, StoreError> {
        self.inner.people()
    }
    fn put_person(&self, p: &Person, s: &Stamp) -> Result<(), StoreError> {
        self.check()?;
        self.inner.put_person(p, s)
    }
    fn records_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Record>, StoreError> {
        self.inner.records_between(from, to)
    }
    fn record(&self, id: RecordId) -> Result<Option<Record>, StoreError> {
        self.inner.record(id)
    }
    fn put_record(&self, r: &Record, s: &Stamp) -> Result<(), StoreError> {
        self.check()?;
        self.inner.put_record(r, s)
    }
    fn delete_record(&self, id: RecordId, s: &Stamp) -> Result<Option<Record>, StoreError> {
        self.check()?;
        self.inner.delete_record(id, s)
    }
    fn record_years(&self) -> Result<Vec<i32>, StoreError> {
        self.inner.record_years()
    }
    fn fixes(&self, year: Option<i32>) -> Result<Vec<FixItem>, StoreError> {
        self.inner.fixes(year)
    }
    fn fix(&self, id: FixId) -> Result<Option<FixItem>, StoreError> {
        self.inner.fix(id)
    }
    fn put_fix(&self, f: &FixItem, s: &Stamp) -> Result<(), StoreError> {
        self.check()?;
        self.inner.put_fix(f, s)
    }
    fn corrections(&self, r: Option<RecordId>) -> Result<Vec<Correction>, StoreError> {
        self.inner.corrections(r)
    }
    fn put_correction(&self, c: &Correction, s: &Stamp) -> Result<(), StoreError> {
        self.check()?;
        self.inner.put_correction(c, s)
    }
    fn closed_years(&self) -> Result<Vec<i32>, StoreError> {
        self.inner.closed_years()
    }
    fn close_year(&self, year: i32, s: &Stamp) -> Result<SealDigest, StoreError> {
        self.check()?;
        self.inner.close_year(year, s)
    }
    fn archive(&self, year: i32) -> Result<Option<YearArchive>, StoreError> {
        self.inner.archive(year)
    }
    fn reopen_year(&self, year: i32, s: &Stamp) -> Result<(), StoreError> {
        self.check()?;
        self.inner.reopen_year(year, s)
    }
    fn restore(&self, b: &Backup, note: &str, s: &Stamp) -> Result<(), StoreError> {
        self.check()?;
        self.inner.restore(b, note, s)
    }
    fn next_id(&self) -> Result<u64, StoreError> {
        self.check()?;
        self.inner.next_id()
    }
    fn export(&self) -> Result<Backup, StoreError> {
        self.inner.export()
    }
    fn import(&self, b: &Backup, t: &ImportTexts, s: &Stamp) -> Result<(), StoreError> {
        self.check()?;
        self.inner.import(b, t, s)
    }
    fn seal(&self, year: i32, digest: &str, s: &Stamp) -> Result<JournalEntry, StoreError> {
        self.check()?;
        self.inner.seal(year, digest, s)
    }
    fn journal(&self, from: u64) -> Result<Vec<JournalEntry>, StoreError> {
        self.inner.journal(from)
    }
    fn history(&self, e: &Entity) -> Result<Vec<JournalEntry>, StoreError> {
        self.inner.history(e)
    }
    fn trash(&self) -> Result<Vec<(Record, JournalEntry)>, StoreError> {
        self.inner.trash()
    }
    fn revision(&self) -> Result<u64, StoreError> {
        self.inner.revision()
    }
    fn set_reviewers(&self, r: &[String]) -> Result<(), StoreError> {
        self.check()?;
        self.inner.set_reviewers(r)
    }
}

fn meeting(topic: &str) -> NewRecord {
    NewRecord {
        kind: Some(RecordKind::CommitteeMeeting),
        date: NaiveDate::from_ymd_opt(2026, 3, 14),
        topic: topic.into(),
        host: Some("张三".into()),
        ..NewRecord::default()
    }
}

fn run_with(kind: ErrorKind, zh: &str, en: &str) {
    let store = Faulty {
        inner: MemStore::default(),
        failing: AtomicBool::new(false),
        kind,
    };
    let ledger = Ledger::new(store, "tester");
    let person = NewPerson {
        name: "张三".into(),
        roles: vec![Role::Secretary.zh().into()],
        ..NewPerson::default()
    };
    ledger.add_person(&person).unwrap();
    let saved = ledger.add_record(&meeting("before")).unwrap();
    let before = ledger.export().unwrap();

    ledger.store().failing.store(true, Ordering::SeqCst);
    let err = ledger
        .add_record(&NewRecord {
            // A second meeting that day: confirmed, so the store is reached.
            confirmed: taizhang::core::Confirmations::ALL,
            ..meeting("after")
        })
        .unwrap_err();
    let CoreError::Store(StoreError::Io { source, .. }) = &err else {
        panic!("expected an Io store error, got {err:?}");
    };
    assert_eq!(source.kind(), kind);
    assert!(ledger.delete_record(saved.id).is_err());
    assert!(ledger.import(&before).is_err());

    // Everything saved before is still there, unchanged.
    assert_eq!(ledger.export().unwrap(), before);
    assert_eq!(ledger.record(saved.id).unwrap(), saved);

    // The CLI's words: the cause and the fix in either language.
    let cli = CliError::Core(err);
    assert_eq!(cli.exit_code(), 1);
    let text = taizhang::cli::error::text::error(Lang::Zh, &cli);
    assert!(text.contains(zh) && text.contains("完好无损"), "{text}");
    let text = taizhang::cli::error::text::error(Lang::En, &cli);
    assert!(
        text.contains("/srv/taizhang/ledger") && text.contains(en),
        "{text}"
    );
    assert!(text.contains("everything saved before is intact"), "{text}");
}

#[test]
fn a_full_disk_refuses_the_write_and_keeps_what_was_saved() {
    run_with(
        ErrorKind::StorageFull,
        "磁盘空间已满",
        "free space and try again",
    );
}

#[test]
fn a_read_only_file_system_refuses_the_write_and_keeps_what_was_saved() {
    run_with(
        ErrorKind::ReadOnlyFilesystem,
        "只读",
        "read-only file system",
    );
}
