//! Drafts that outlive a dropped session: when the terminal goes away (SSH
//! drop, SIGHUP/SIGTERM, a dead tty) while a form holds unsaved values, they
//! are added to the user's draft file of the ledger (0600, under their own
//! state directory), each form's draft kept apart, so a second drop never
//! overwrites the first. The next start offers every waiting draft with a
//! summary; each leaves the file once restored or discarded.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::form::FormDraft;
use super::roster::PersonDraft;
use crate::core::RecordKind;

/// An unsaved form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum Draft {
    Record(FormDraft),
    Person(PersonDraft),
}

/// A draft file: a list of drafts, or one draft as older versions wrote.
#[derive(Deserialize)]
#[serde(untagged)]
enum OnDisk {
    Many(Vec<Draft>),
    One(Box<Draft>),
}

/// Where one ledger's draft lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftFile {
    path: PathBuf,
}

impl DraftFile {
    pub fn new(path: PathBuf) -> DraftFile {
        DraftFile { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The drafts on disk, oldest first; none when there is no file. A
    /// file of one draft (as older versions wrote) is read as a list of one.
    /// A file that is not drafts is an error (the caller reports it and
    /// carries on).
    pub fn load(&self) -> Result<Vec<Draft>, String> {
        let text = match fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e.to_string()),
        };
        match serde_json::from_str(&text).map_err(|e| e.to_string())? {
            OnDisk::Many(list) => Ok(list),
            OnDisk::One(d) => Ok(vec![*d]),
        }
    }

    /// Write one draft as the whole file.
    pub fn save(&self, draft: &Draft) -> io::Result<()> {
        self.save_all(std::slice::from_ref(draft))
    }

    /// Write `drafts` (creating the directory 0700, the file 0600), through
    /// a temporary file so a half-written list never replaces a whole one;
    /// no drafts removes the file.
    pub fn save_all(&self, drafts: &[Draft]) -> io::Result<()> {
        if drafts.is_empty() {
            self.remove();
            return Ok(());
        }
        let json = serde_json::to_string_pretty(drafts).map_err(io::Error::other)?;
        if let Some(dir) = self.path.parent() {
            create_private_dir(dir)?;
        }
        let tmp = self.path.with_extension("json.tmp");
        let mut file = private_file(&tmp)?;
        file.write_all(json.as_bytes())?;
        file.sync_all()?;
        fs::rename(&tmp, &self.path)
    }

    /// Beside the drafts: the kind of the record this user added last, so
    /// the next session's new record starts as it.
    fn kind_path(&self) -> PathBuf {
        self.path.with_extension("last-kind")
    }

    /// The kind of the record added last, if one was kept.
    pub fn last_kind(&self) -> Option<RecordKind> {
        let text = fs::read_to_string(self.kind_path()).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Keep `kind` as the kind added last (best effort).
    pub fn save_last_kind(&self, kind: RecordKind) -> io::Result<()> {
        if let Some(dir) = self.path.parent() {
            create_private_dir(dir)?;
        }
        let json = serde_json::to_string(&kind).map_err(io::Error::other)?;
        let mut file = private_file(&self.kind_path())?;
        file.write_all(json.as_bytes())
    }

    /// Forget the draft; a missing file is fine.
    pub fn remove(&self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

#[cfg(unix)]
fn private_file(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let file = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    // An older file keeps its mode on open: set it again.
    file.set_permissions(fs::Permissions::from_mode(0o600))?;
    Ok(file)
}

#[cfg(not(unix))]
fn private_file(path: &Path) -> io::Result<fs::File> {
    fs::File::create(path)
}

/// What would be lost now: the drafts still waiting from before, and the
/// open form's values.
#[derive(Debug, Clone, Default)]
struct Pending {
    waiting: Vec<Draft>,
    open: Option<Draft>,
}

/// Holds the drafts the loop last saw, so that whoever ends the session
/// (the loop on a dead tty, the signal thread on SIGHUP) can write them out;
/// and rewrites the file whenever a waiting draft is restored or discarded.
#[derive(Debug, Clone)]
pub struct Keeper {
    file: Option<DraftFile>,
    pending: std::sync::Arc<std::sync::Mutex<Pending>>,
    /// The waiting drafts as the file holds them now.
    written: Vec<Draft>,
    /// The last kind added, as kept on disk.
    kind: Option<RecordKind>,
}

impl Keeper {
    /// `on_disk`: the drafts the file held at start (and now on offer).
    pub fn new(file: Option<DraftFile>, on_disk: Vec<Draft>) -> Keeper {
        let pending = Pending {
            waiting: on_disk.clone(),
            open: None,
        };
        Keeper {
            pending: std::sync::Arc::new(std::sync::Mutex::new(pending)),
            written: on_disk,
            kind: file.as_ref().and_then(DraftFile::last_kind),
            file,
        }
    }

    /// Keep the kind of the record added last for the next session.
    pub fn remember_kind(&mut self, kind: Option<RecordKind>) {
        if kind.is_some() && kind != self.kind {
            if let (Some(f), Some(k)) = (&self.file, kind) {
                let _ = f.save_last_kind(k);
            }
            self.kind = kind;
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Pending> {
        self.pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The state's open draft (`State::draft`) and the drafts still waiting
    /// (`State::drafts`). A waiting draft that was restored or discarded
    /// leaves the file at once.
    pub fn track(&mut self, open: Option<Draft>, waiting: &[Draft]) {
        {
            let mut p = self.lock();
            p.open = open;
            p.waiting = waiting.to_vec();
        }
        if self.written != waiting {
            if let Some(f) = &self.file {
                let _ = f.save_all(waiting);
            }
            self.written = waiting.to_vec();
        }
    }

    /// Write the waiting drafts and the open one, if any; best effort, the
    /// session is ending.
    pub fn save(&self) {
        let Some(file) = &self.file else {
            return;
        };
        let p = self.lock();
        let mut all = p.waiting.clone();
        if let Some(open) = &p.open
            && !all.contains(open)
        {
            all.push(open.clone());
        }
        if !all.is_empty() {
            let _ = file.save_all(&all);
        }
    }
}
