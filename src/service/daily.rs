//! Today's automatic backup, off the request path: a thread of its own takes
//! a consistent snapshot (as a reader of the store, so other readers go on
//! and writes wait only for the snapshot), then compresses and writes it with
//! the store released. The accept loop starts it and goes on accepting.

use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use chrono::NaiveDateTime;

use super::shared::Shared;
use crate::store::backup;

/// Take today's automatic backup on a thread of its own: a consistent
/// snapshot of the open years and the journal, read alongside other readers
/// (writes wait for it, briefly), then compressed and written with the store
/// released, so no request waits for the compression or the disk.
pub(super) fn start(shared: &Arc<Shared>, now: NaiveDateTime) -> Option<JoinHandle<()>> {
    let mine = Arc::clone(shared);
    let started = std::thread::Builder::new()
        .name("taizhang-backup".into())
        .spawn(move || {
            let shared = mine;
            let dir = &shared.dir;
            let taken = backup::daily_due(dir, now).and_then(|due| {
                if !due {
                    return Ok(None);
                }
                let snapshot = shared.with_store(false, backup::snapshot)?;
                backup::write_daily(&snapshot, dir, now)
            });
            match taken {
                Ok(Some(file)) => shared.log.line(&format!(
                    "today's automatic backup: {} ({} bytes)",
                    file.path.display(),
                    file.bytes
                )),
                Ok(None) => {}
                Err(e) => shared
                    .log
                    .line(&format!("today's automatic backup failed: {e}")),
            }
        });
    match started {
        Ok(handle) => Some(handle),
        Err(e) => {
            shared
                .log
                .line(&format!("cannot start today's automatic backup: {e}"));
            None
        }
    }
}

/// How long until the next local midnight (at least a second).
pub(super) fn until_tomorrow(now: NaiveDateTime) -> Duration {
    let next = now
        .date()
        .succ_opt()
        .and_then(|d| d.and_hms_opt(0, 0, 1))
        .unwrap_or(now);
    (next - now).to_std().unwrap_or(Duration::from_secs(1))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::core::catalogue::Catalogue;
    use crate::core::demo::{DemoSpec, generate};
    use crate::core::port::Store;
    use crate::store::SledStore;

    #[test]
    fn requests_are_served_while_the_backup_runs_and_it_is_restorable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger");
        let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let spec = DemoSpec {
            years: 1,
            records_per_year: 300,
            seed: 9,
        };
        let demo = generate(&Catalogue::embedded(), today, &spec);
        let stamp = crate::core::Stamp {
            user: "test".into(),
            at: today.and_hms_opt(9, 0, 0).unwrap(),
        };
        let store = SledStore::open(&path, &Catalogue::embedded()).unwrap();
        let texts = crate::core::port::ImportTexts::now(&store, &demo).unwrap();
        store.import(&demo, &texts, &stamp).unwrap();
        drop(store);
        let shared = Shared::for_tests(&path);
        let day = NaiveDate::from_ymd_opt(2030, 1, 2)
            .unwrap()
            .and_hms_opt(3, 0, 0)
            .unwrap();
        let running = start(&shared, day).unwrap();
        // Reads and a write go on while the backup thread runs.
        let seen = shared
            .with_store(false, |s| s.export().map(|b| b.records.len()))
            .unwrap();
        assert_eq!(seen, demo.records.len());
        shared
            .with_store(true, |s| s.journal(0).map(|j| j.len()))
            .unwrap();
        running.join().unwrap();
        let taken: Vec<_> = backup::list(&path)
            .unwrap()
            .into_iter()
            .filter(|b| b.kind == backup::Kind::Daily && b.taken == day)
            .collect();
        assert_eq!(taken.len(), 1, "one backup for that day");
        let read = backup::read(&taken[0].path).unwrap();
        assert_eq!(read.records.len(), demo.records.len());
        assert!(!read.journal.is_empty(), "the backup carries the journal");
        let bytes = std::fs::read(&taken[0].path).unwrap();
        assert_eq!(&bytes[..2], &[0x1f, 0x8b], "compressed");
        // A second start that day finds it taken and writes nothing more.
        start(&shared, day).unwrap().join().unwrap();
        let again = backup::list(&path).unwrap();
        assert_eq!(
            again
                .iter()
                .filter(|b| b.taken.date() == day.date())
                .count(),
            1
        );
    }
}
