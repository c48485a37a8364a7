//! Issue 8, "Faults", through the ledger service: after a full disk is freed
//! the running service takes writes again without a restart, and a write it
//! reported as failed never shows up afterwards.

use taizhang::core::catalogue::Catalogue;
use taizhang::core::port::Store;
use taizhang::core::record::RecordId;
use taizhang::service::{ClientOptions, RemoteStore};

use super::disk::{Tmpfs, fill};
use super::{person, rec, stamp};

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
    let store = RemoteStore::connect(&path, options).unwrap();
    let pid = store.service_pid();
    store.put_person(&person(1, "张三"), &stamp()).unwrap();
    fill(&filler, 256 * 1024);
    let mut failed = None;
    for id in 10..100_000u64 {
        let mut r = rec(id, &format!("写满 {id}"));
        r.notes = format!("{id} ").repeat(500);
        if let Err(e) = store.put_record(&r, &stamp()) {
            assert!(e.to_string().contains("No space left on device"), "{e}");
            failed = Some(id);
            break;
        }
    }
    let failed = failed.expect("the disk never filled up");
    // Refused means absent, now and later.
    assert_eq!(store.record(RecordId(failed)).unwrap_or(None), None);
    std::fs::remove_file(&filler).unwrap();
    assert_eq!(store.record(RecordId(failed)).unwrap(), None);
    // The same service takes writes again.
    let later = rec(200_000, "空间释放后");
    store.put_record(&later, &stamp()).unwrap();
    assert_eq!(
        store.record(RecordId(200_000)).unwrap().as_ref(),
        Some(&later)
    );
    assert_eq!(store.service_pid(), pid, "the service was restarted");
    assert!(store.record(RecordId(10)).unwrap().is_some());
    // Stop the service before the file system goes.
    drop(store);
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
