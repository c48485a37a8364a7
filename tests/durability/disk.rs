//! A real small disk: a tmpfs filled up, then remounted read-only. Writes
//! fail with a clear error, and every write acknowledged before is intact
//! once space is back. Needs root to mount; skipped with a notice otherwise.

use std::path::{Path, PathBuf};
use std::process::Command;

use taizhang::core::StoreError;
use taizhang::core::catalogue::Catalogue;
use taizhang::core::port::Store;
use taizhang::core::record::RecordId;
use taizhang::store::SledStore;

use super::{cli, person, rec, stderr_of};

/// A mounted tmpfs, unmounted on drop.
pub struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    pub fn mount(size: &str) -> Option<Self> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            // Under CI (root) a skipped real-disk test is a failure.
            assert!(
                std::env::var_os("CI").is_none(),
                "cannot mount a tmpfs under CI (needs root)"
            );
            eprintln!("NOTICE: cannot mount a tmpfs here (needs root); real-disk test skipped");
            return None;
        }
        Some(Self { dir })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, mode: &str) {
        let ok = Command::new("mount")
            .args(["-o", &format!("remount,{mode}")])
            .arg(self.path())
            .status()
            .unwrap();
        assert!(ok.success(), "remount {mode}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// Fill the file system with `filler` until fewer than `keep` bytes remain.
pub fn fill(filler: &PathBuf, keep: usize) {
    use std::io::Write;
    let mut f = std::fs::File::create(filler).unwrap();
    let chunk = vec![0u8; 4096];
    let mut written = 0usize;
    loop {
        if f.write_all(&chunk).is_err() {
            break;
        }
        written += chunk.len();
    }
    let _ = f.set_len((written.saturating_sub(keep)) as u64);
    f.sync_all().ok();
}

#[test]
fn a_full_then_read_only_disk_is_a_clear_error_and_loses_nothing() {
    let Some(fs) = Tmpfs::mount("16m") else {
        return;
    };
    let path = fs.path().join("ledger");
    let filler = fs.path().join("filler");
    let mut acked = Vec::new();
    {
        let s = SledStore::open(&path, &Catalogue::embedded()).unwrap();
        s.put_person(&person(1, "张三"), &super::stamp()).unwrap();
        fill(
            &filler,
            usize::try_from(taizhang::store::space::RESERVE).unwrap() + 256 * 1024,
        );
        let mut failure = None;
        for id in 10..100_000u64 {
            let mut r = rec(id, &format!("写满 {id}"));
            r.notes = format!("{id} ").repeat(500);
            match s.put_record(&r, &super::stamp()) {
                Ok(()) => acked.push(r),
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        let err = failure.expect("the disk never filled up");
        let text = err.to_string();
        assert!(matches!(err, StoreError::Io { .. }), "{err:?}");
        assert!(
            text.contains("No space left on device — free space and try again"),
            "{text}"
        );
        assert!(taizhang::store::integrity::is_disk_refusal(&err));
    }
    assert!(!acked.is_empty());
    // The CLI says so too, in Chinese, while the disk is still full.
    let err = stderr_of(
        &mut cli(&path, "zh"),
        &["people", "add", "李四", "--role", "委员"],
        1,
    );
    assert!(
        err.contains("磁盘空间已满") && err.contains("完好无损"),
        "{err}"
    );
    let err = stderr_of(
        &mut cli(&path, "en"),
        &["people", "add", "李四", "--role", "委员"],
        1,
    );
    assert!(
        err.contains(&path.display().to_string())
            && err.contains("No space left on device — free space and try again"),
        "{err}"
    );

    // Free the space: every acknowledged write is there, intact.
    std::fs::remove_file(&filler).unwrap();
    check(&path, &acked);

    // Read-only: a clear error, and again nothing lost.
    fs.remount("ro");
    let err = stderr_of(
        &mut cli(&path, "en"),
        &["people", "add", "李四", "--role", "委员"],
        1,
    );
    assert!(err.contains("read-only file system"), "{err}");
    let err = stderr_of(&mut cli(&path, "zh"), &["status"], 1);
    assert!(err.contains("只读"), "{err}");
    fs.remount("rw");
    check(&path, &acked);
}

fn check(path: &Path, acked: &[taizhang::core::Record]) {
    let s = SledStore::open(path, &Catalogue::embedded()).unwrap();
    for r in acked {
        assert_eq!(
            s.record(RecordId(r.id.0)).unwrap().as_ref(),
            Some(r),
            "#{}",
            r.id
        );
    }
}
