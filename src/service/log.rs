//! The service's log: `DIR/service.log` when detached (as private as the
//! ledger, opened without following links, rotated to `service.log.old` when
//! it passes `MAX_LOG`), stderr in the foreground. A repeated complaint (a
//! failing accept, turned-away clients) is logged at most once a minute.

use std::collections::HashMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::LOG_FILE;

/// Past this size the log moves to `service.log.old` (one old file is kept).
pub(super) const MAX_LOG: u64 = 1024 * 1024;

/// A repeated complaint of one kind is logged at most this often.
const QUIET: Duration = Duration::from_secs(60);

enum Sink {
    Stderr,
    File {
        path: PathBuf,
        mode: u32,
        owner: u32,
        file: Option<File>,
        size: u64,
    },
}

pub(super) struct Log {
    sink: Mutex<Sink>,
    /// Per kind: when it was last logged, and how many were left out since.
    quiet: Mutex<HashMap<&'static str, (Instant, u64)>>,
}

impl Log {
    pub(super) fn stderr() -> Self {
        Self::with(Sink::Stderr)
    }

    /// Append to `dir/service.log` (mode `mode`, owned by `owner`); nowhere
    /// if it cannot be opened safely.
    pub(super) fn file(dir: &Path, mode: u32, owner: u32) -> Self {
        let path = dir.join(LOG_FILE);
        let (file, size) = open(&path, mode, owner);
        Self::with(Sink::File {
            path,
            mode,
            owner,
            file,
            size,
        })
    }

    fn with(sink: Sink) -> Self {
        Self {
            sink: Mutex::new(sink),
            quiet: Mutex::new(HashMap::new()),
        }
    }

    /// One line, stamped with the local time.
    pub(super) fn line(&self, text: &str) {
        let at = chrono::Local::now().format("%Y-%m-%d %H:%M:%S");
        let line = format!("{at} [{}] {text}\n", std::process::id());
        let mut sink = self.sink.lock().unwrap_or_else(PoisonError::into_inner);
        match &mut *sink {
            Sink::Stderr => {
                let _ = std::io::stderr().write_all(line.as_bytes());
            }
            Sink::File {
                path,
                mode,
                owner,
                file,
                size,
            } => {
                if *size + line.len() as u64 > MAX_LOG {
                    let mut old = path.clone().into_os_string();
                    old.push(".old");
                    // rename never follows a link at either name.
                    let _ = std::fs::rename(&*path, old);
                    (*file, *size) = open(path, *mode, *owner);
                }
                if let Some(f) = file
                    && f.write_all(line.as_bytes()).is_ok()
                {
                    *size += line.len() as u64;
                }
            }
        }
    }

    /// `text` unless a line of this `kind` was logged within the last
    /// minute; then it is counted and mentioned with the next one.
    pub(super) fn throttled(&self, kind: &'static str, text: &str) {
        let now = Instant::now();
        let left_out = {
            let mut quiet = self.quiet.lock().unwrap_or_else(PoisonError::into_inner);
            match quiet.get_mut(kind) {
                Some((last, skipped)) if now.duration_since(*last) < QUIET => {
                    *skipped += 1;
                    return;
                }
                Some((last, skipped)) => {
                    *last = now;
                    std::mem::take(skipped)
                }
                None => {
                    quiet.insert(kind, (now, 0));
                    0
                }
            }
        };
        if left_out == 0 {
            self.line(text);
        } else {
            self.line(&format!("{text} ({left_out} more like it not logged)"));
        }
    }
}

fn open(path: &Path, mode: u32, owner: u32) -> (Option<File>, u64) {
    match crate::store::files::open_or_create(path, mode, true, owner) {
        Ok(file) => {
            let size = file.metadata().map_or(0, |m| m.len());
            (Some(file), size)
        }
        Err(_) => (None, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    #[test]
    fn the_log_rotates_by_size_and_keeps_one_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let me = std::fs::metadata(dir.path()).unwrap().uid();
        let log = Log::file(dir.path(), 0o600, me);
        let text = "x".repeat(1000);
        for _ in 0..(3 * MAX_LOG / 1000) {
            log.line(&text);
        }
        let size = |name: &str| std::fs::metadata(dir.path().join(name)).unwrap().len();
        assert!(size(LOG_FILE) <= MAX_LOG);
        assert!(size(&format!("{LOG_FILE}.old")) <= MAX_LOG);
        assert!(size(&format!("{LOG_FILE}.old")) > MAX_LOG / 2);
    }

    #[test]
    fn a_linked_log_is_not_followed_and_repeats_are_throttled() {
        let dir = tempfile::tempdir().unwrap();
        let me = std::fs::metadata(dir.path()).unwrap().uid();
        let target = dir.path().join("elsewhere");
        std::fs::write(&target, "").unwrap();
        std::os::unix::fs::symlink(&target, dir.path().join(LOG_FILE)).unwrap();
        Log::file(dir.path(), 0o600, me).line("not here");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "");

        let plain = tempfile::tempdir().unwrap();
        let log = Log::file(plain.path(), 0o600, me);
        for i in 0..1000 {
            log.throttled("accept", &format!("accept failed {i}"));
        }
        let text = std::fs::read_to_string(plain.path().join(LOG_FILE)).unwrap();
        assert_eq!(text.lines().count(), 1, "{text}");
    }
}
