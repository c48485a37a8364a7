//! Issue 8, "Faults", through the ledger service: on a full disk a write of a
//! ~14 KB record fails at once with a clear message (the service never
//! hangs); after the disk is freed the running service takes writes again
//! without a restart, and a write it reported as failed never shows up.

use taizhang::core::catalogue::Catalogue;
use taizhang::core::{LedgerApi, NewPerson, NewRecord, RecordKind};
use taizhang::service::{ClientOptions, RemoteLedger};

use super::disk::{Tmpfs, fill};

fn meeting(topic: String) -> NewRecord {
    NewRecord {
        kind: Some(RecordKind::CommitteeMeeting),
        date: chrono::NaiveDate::from_ymd_opt(2026, 3, 14),
        topic,
        host: Some("张三".into()),
        // About 14 KB, as long minutes are.
        notes: "写满了".repeat(1600),
        ..NewRecord::default()
    }
}

#[test]
fn the_service_recovers_from_a_full_disk_and_a_failed_write_never_appears() {
    let Some(fs) = Tmpfs::mount("16m") else {
        return;
    };
    let path = fs.path().join("ledger");
    let filler = fs.path().join("filler");
    drop(taizhang::store::SledStore::open(&path, &Catalogue::embedded()).unwrap());
    let options = ClientOptions {
        program: Some(env!("CARGO_BIN_EXE_taizhang").into()),
        idle_exit: Some(30),
        ..ClientOptions::default()
    };
    let ledger = RemoteLedger::connect(&path, options).unwrap();
    let pid = ledger.service_pid();
    ledger
        .add_person(&NewPerson {
            name: "张三".into(),
            roles: vec!["书记".into()],
            ..NewPerson::default()
        })
        .unwrap();
    // Room for a few records beyond the reserve the ledger keeps free.
    fill(
        &filler,
        usize::try_from(taizhang::store::space::RESERVE).unwrap() + 256 * 1024,
    );
    let mut acked = Vec::new();
    let mut failed = None;
    for n in 0..100_000 {
        match ledger.add_record(&meeting(format!("会议 {n}"))) {
            Ok(r) => acked.push(r),
            Err(e) => {
                // Said at once: a service stuck in sled would have let the
                // client's 10 s limit pass ("did not answer").
                assert!(e.to_string().contains("No space left on device"), "{e}");
                assert!(n > 0, "refused before the disk was full: {e}");
                failed = Some(format!("会议 {n}"));
                break;
            }
        }
    }
    let failed = failed.expect("the disk never filled up");
    let topics = |l: &RemoteLedger| -> Vec<String> {
        l.records_in_year(2026)
            .unwrap_or_default()
            .into_iter()
            .map(|r| r.topic)
            .collect()
    };
    // The CLI, through the same service, says it in Chinese: the disk is
    // full and what was saved is intact.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_taizhang"))
        .args(["--lang", "zh", "--db"])
        .arg(&path)
        .args(["people", "add", "李四", "--role", "委员"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("磁盘空间已满") && err.contains("完好无损"),
        "{err}"
    );
    // Refused means absent, now and after space is freed.
    assert!(!topics(&ledger).contains(&failed));
    std::fs::remove_file(&filler).unwrap();
    let now = topics(&ledger);
    assert!(!now.contains(&failed), "a failed write appeared");
    assert_eq!(now.len(), acked.len());
    // The same service takes writes again.
    ledger.add_record(&meeting("空间释放后".into())).unwrap();
    assert!(topics(&ledger).contains(&"空间释放后".to_string()));
    assert_eq!(ledger.service_pid(), pid, "the service was restarted");
    // Stop the service before the file system goes.
    drop(ledger);
    if let Some(pid) = pid.and_then(|p| i32::try_from(p).ok()) {
        let pid = nix::unistd::Pid::from_raw(pid);
        let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM);
        for _ in 0..500 {
            if nix::sys::signal::kill(pid, None).is_err() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }
}
