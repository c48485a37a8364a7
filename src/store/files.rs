//! Opening a ledger's own files safely: never through a symbolic link
//! (`O_NOFOLLOW`, and directories checked with `lstat`) and only when the file
//! belongs to the ledger's owner (the owner of its directory). A planted link
//! or file then cannot redirect a write, even one made by root.

use std::fs::{File, Metadata, OpenOptions};
use std::io::ErrorKind;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::Path;

use super::permissions::io_err;
use crate::core::error::StoreError;

/// The Unix user owning the ledger directory `dir`, which must be a real
/// directory, not a symbolic link to one.
pub fn ledger_owner(dir: &Path) -> Result<u32, StoreError> {
    let meta = real_dir(dir)?;
    Ok(meta.uid())
}

/// `dir` as a directory seen without following a link.
fn real_dir(dir: &Path) -> Result<Metadata, StoreError> {
    let meta = std::fs::symlink_metadata(dir)
        .map_err(|e| io_err(format!("cannot inspect {}", dir.display()), e))?;
    if meta.file_type().is_symlink() {
        return Err(link_refused(dir));
    }
    if !meta.is_dir() {
        return Err(io_err(
            format!("{} is not a directory", dir.display()),
            std::io::Error::from(ErrorKind::NotADirectory),
        ));
    }
    Ok(meta)
}

/// Check the directory `dir` inside a ledger: not a link, owned by `owner`.
pub fn check_dir(dir: &Path, owner: u32) -> Result<(), StoreError> {
    let meta = real_dir(dir)?;
    check_owner(dir, &meta, owner)
}

/// Open `path` with `options`, not following a link, and check that it is a
/// regular file owned by `owner`.
pub fn open(path: &Path, options: &mut OpenOptions, owner: u32) -> Result<File, StoreError> {
    options.custom_flags(nix::libc::O_NOFOLLOW | nix::libc::O_NONBLOCK | nix::libc::O_NOCTTY);
    options.create(false);
    let file = options.open(path).map_err(|e| {
        if e.raw_os_error() == Some(nix::libc::ELOOP) {
            link_refused(path)
        } else {
            io_err(format!("cannot open {}", path.display()), e)
        }
    })?;
    let meta = file
        .metadata()
        .map_err(|e| io_err(format!("cannot inspect {}", path.display()), e))?;
    if !meta.is_file() {
        return Err(io_err(
            format!("{} is not a regular file; remove it", path.display()),
            std::io::Error::from(ErrorKind::InvalidInput),
        ));
    }
    check_owner(path, &meta, owner)?;
    Ok(file)
}

/// Open `path` for reading and writing (appending when `append`), creating
/// it with `mode` if missing. A file root creates goes to `owner` at once.
pub fn open_or_create(
    path: &Path,
    mode: u32,
    append: bool,
    owner: u32,
) -> Result<File, StoreError> {
    let base = || {
        let mut options = OpenOptions::new();
        options.read(true).write(true).append(append);
        options
    };
    for _ in 0..2 {
        match open(path, &mut base(), owner) {
            Err(StoreError::Io { source, .. }) if source.kind() == ErrorKind::NotFound => {}
            other => return other,
        }
        let mut options = base();
        options.create_new(true).mode(mode);
        options.custom_flags(nix::libc::O_NOFOLLOW | nix::libc::O_NOCTTY);
        match options.open(path) {
            Ok(file) => {
                if nix::unistd::geteuid().is_root() && owner != 0 {
                    let _ = std::os::unix::fs::fchown(&file, Some(owner), None);
                }
                let meta = file
                    .metadata()
                    .map_err(|e| io_err(format!("cannot inspect {}", path.display()), e))?;
                check_owner(path, &meta, owner)?;
                return Ok(file);
            }
            // Someone created it meanwhile: open theirs, checked, next turn.
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io_err(format!("cannot create {}", path.display()), e)),
        }
    }
    Err(io_err(
        format!("cannot create {}", path.display()),
        std::io::Error::from(ErrorKind::AlreadyExists),
    ))
}

/// Replace `path` with `bytes` (mode `mode`): a fresh temporary file beside
/// it, never a link, renamed into place.
pub fn replace(path: &Path, bytes: &[u8], mode: u32, owner: u32) -> Result<(), StoreError> {
    use std::io::Write;
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{}.tmp", std::process::id()));
    let tmp = std::path::PathBuf::from(tmp);
    let _ = std::fs::remove_file(&tmp);
    let written = open_or_create(&tmp, mode, false, owner).and_then(|mut file| {
        file.set_len(0)
            .and_then(|()| file.write_all(bytes))
            .and_then(|()| file.sync_all())
            .map_err(|e| io_err(format!("cannot write {}", tmp.display()), e))
    });
    let renamed = written.and_then(|()| {
        std::fs::rename(&tmp, path)
            .map_err(|e| io_err(format!("cannot write {}", path.display()), e))
    });
    if renamed.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    renamed
}

/// Read the whole of `path` (as `open` checks it); `None` when it is missing.
pub fn read(path: &Path, owner: u32) -> Result<Option<Vec<u8>>, StoreError> {
    use std::io::Read;
    let mut file = match open(path, OpenOptions::new().read(true), owner) {
        Ok(file) => file,
        Err(StoreError::Io { source, .. })
            if matches!(
                source.kind(),
                ErrorKind::NotFound | ErrorKind::NotADirectory
            ) =>
        {
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|e| io_err(format!("cannot read {}", path.display()), e))?;
    Ok(Some(bytes))
}

fn check_owner(path: &Path, meta: &Metadata, owner: u32) -> Result<(), StoreError> {
    if meta.uid() == owner {
        return Ok(());
    }
    Err(io_err(
        format!(
            "{} belongs to {}, not to the ledger's owner {}; taizhang uses only files of the ledger's owner (remove the file, or give it back with chown)",
            path.display(),
            user_name(meta.uid()),
            user_name(owner)
        ),
        std::io::Error::from(ErrorKind::PermissionDenied),
    ))
}

fn link_refused(path: &Path) -> StoreError {
    io_err(
        format!(
            "{} is a symbolic link; taizhang never follows links inside a ledger (remove the link, or give the real path with --db)",
            path.display()
        ),
        std::io::Error::from(ErrorKind::InvalidInput),
    )
}

/// `name (uid N)`, or `uid N` for an account without a name.
pub fn user_name(uid: u32) -> String {
    match nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)) {
        Ok(Some(user)) => format!("{} (uid {uid})", user.name),
        _ => format!("uid {uid}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_is_refused_and_the_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        std::fs::write(&outside, "keep me").unwrap();
        let link = dir.path().join("taizhang.lock");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        let me = ledger_owner(dir.path()).unwrap();
        let e = open_or_create(&link, 0o600, false, me)
            .unwrap_err()
            .to_string();
        assert!(e.contains("symbolic link"), "{e}");
        assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep me");
        let linked_dir = dir.path().join("backups");
        std::os::unix::fs::symlink(dir.path(), &linked_dir).unwrap();
        assert!(check_dir(&linked_dir, me).is_err());
        assert!(ledger_owner(&linked_dir).is_err());
    }

    #[test]
    fn a_file_of_another_owner_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("taizhang.toml");
        std::fs::write(&path, "").unwrap();
        let me = ledger_owner(dir.path()).unwrap();
        assert!(read(&path, me).unwrap().is_some());
        let e = read(&path, me.wrapping_add(1)).unwrap_err().to_string();
        assert!(e.contains("not to the ledger's owner"), "{e}");
        assert!(read(&dir.path().join("missing"), me).unwrap().is_none());
    }
}
