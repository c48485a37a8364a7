//! The service's log: `DIR/service.log` when detached (kept small and as
//! private as the ledger), stderr when run in the foreground.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

use super::LOG_FILE;

/// Past this size the log is moved to `service.log.old` at start.
const MAX_LOG: u64 = 1024 * 1024;

pub(super) struct Log {
    sink: Mutex<Box<dyn Write + Send>>,
}

impl Log {
    pub(super) fn stderr() -> Self {
        Self {
            sink: Mutex::new(Box::new(std::io::stderr())),
        }
    }

    /// Append to `dir/service.log` (mode `mode`); nowhere if it cannot open.
    pub(super) fn file(dir: &Path, mode: u32) -> Self {
        let path = dir.join(LOG_FILE);
        if std::fs::metadata(&path).is_ok_and(|m| m.len() > MAX_LOG) {
            let _ = std::fs::rename(&path, dir.join(format!("{LOG_FILE}.old")));
        }
        let mut options = OpenOptions::new();
        options.create(true).append(true);
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
        let sink: Box<dyn Write + Send> = match options.open(&path) {
            Ok(file) => Box::new(file),
            Err(_) => Box::new(std::io::sink()),
        };
        Self {
            sink: Mutex::new(sink),
        }
    }

    /// One line, stamped with the local time.
    pub(super) fn line(&self, text: &str) {
        let at = chrono::Local::now().format("%Y-%m-%d %H:%M:%S");
        let mut sink = self
            .sink
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let _ = writeln!(sink, "{at} [{}] {text}", std::process::id());
        let _ = sink.flush();
    }
}
