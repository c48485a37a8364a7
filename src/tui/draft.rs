//! Drafts that outlive a dropped session: when the terminal goes away (SSH
//! drop, SIGHUP/SIGTERM, a dead tty) while a form holds unsaved values, they
//! are written to one file per ledger (0600), offered back on the next start,
//! and removed once the form is saved, cancelled or the offer declined.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::form::FormDraft;
use super::roster::PersonDraft;

/// An unsaved form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum Draft {
    Record(FormDraft),
    Person(PersonDraft),
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

    /// The draft on disk, if any. A file that is not a draft is an error
    /// (the caller reports it and carries on).
    pub fn load(&self) -> Result<Option<Draft>, String> {
        let text = match fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e.to_string()),
        };
        serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| e.to_string())
    }

    /// Write `draft` (creating the directory 0700, the file 0600), through a
    /// temporary file so a half-written draft never replaces a whole one.
    pub fn save(&self, draft: &Draft) -> io::Result<()> {
        let json = serde_json::to_string_pretty(draft).map_err(io::Error::other)?;
        if let Some(dir) = self.path.parent() {
            create_private_dir(dir)?;
        }
        let tmp = self.path.with_extension("json.tmp");
        let mut file = private_file(&tmp)?;
        file.write_all(json.as_bytes())?;
        file.sync_all()?;
        fs::rename(&tmp, &self.path)
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

/// Holds the draft the loop last saw, so that whoever ends the session (the
/// loop on a dead tty, the signal thread on SIGHUP) can write it out; and
/// removes the file once nothing is left unsaved.
#[derive(Debug, Clone)]
pub struct Keeper {
    file: Option<DraftFile>,
    pending: std::sync::Arc<std::sync::Mutex<Option<Draft>>>,
    on_disk: bool,
}

impl Keeper {
    /// `on_disk`: a draft file was found (and is on offer).
    pub fn new(file: Option<DraftFile>, on_disk: bool) -> Keeper {
        Keeper {
            file,
            pending: std::sync::Arc::default(),
            on_disk,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Draft>> {
        self.pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The state's current draft (`State::draft`). When there is none, a
    /// draft file from before is done with (saved, cancelled or declined).
    pub fn track(&mut self, draft: Option<Draft>) {
        let none = draft.is_none();
        *self.lock() = draft;
        if none && self.on_disk {
            if let Some(f) = &self.file {
                f.remove();
            }
            self.on_disk = false;
        }
    }

    /// Write the pending draft, if any; best effort, the session is ending.
    pub fn save(&self) {
        if let (Some(file), Some(draft)) = (&self.file, self.lock().as_ref()) {
            let _ = file.save(draft);
        }
    }
}
