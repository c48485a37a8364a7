//! `StoreError` as data, so that a `CoreError` can cross the ledger service's
//! socket: the same variants with plain fields, so that a client shows exactly
//! the message a direct open would have shown (an OS error keeps its errno,
//! hence its wording and kind).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::StoreError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum WireError {
    Locked {
        path: PathBuf,
        holder: String,
    },
    OpenTimeout {
        path: PathBuf,
        secs: u64,
    },
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    Corrupt(String),
    Io {
        context: String,
        message: String,
        os_code: Option<i32>,
        /// A kind the user can act on (a full or read-only disk), for an
        /// error without an OS code, so that the client words it as such.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kind: Option<DiskKind>,
    },
    Db(String),
    NoDataDir,
    ServiceUnavailable {
        path: PathBuf,
        reason: String,
    },
    ProtocolMismatch {
        client: u32,
        service: u32,
    },
    Remote(String),
    NoGroup(String),
    NoUser(String),
    ReadOnly(crate::core::access::Refusal),
    Archive {
        year: i32,
        path: String,
        fault: crate::core::archive::ArchiveFault,
    },
    SealedYear(i32),
    TurnedAway(super::Turnaway),
    ForeignService {
        socket: PathBuf,
        runs_as: String,
        owner: String,
    },
}

impl From<&StoreError> for WireError {
    fn from(e: &StoreError) -> Self {
        match e {
            StoreError::Locked { path, holder } => WireError::Locked {
                path: path.clone(),
                holder: holder.clone(),
            },
            StoreError::OpenTimeout { path, secs } => WireError::OpenTimeout {
                path: path.clone(),
                secs: *secs,
            },
            StoreError::TooNew {
                path,
                found,
                supported,
            } => WireError::TooNew {
                path: path.clone(),
                found: *found,
                supported: *supported,
            },
            StoreError::Corrupt(m) => WireError::Corrupt(m.clone()),
            StoreError::Io { context, source } => WireError::Io {
                context: context.clone(),
                message: source.to_string(),
                os_code: source.raw_os_error(),
                kind: DiskKind::of(source.kind()),
            },
            StoreError::Db(m) => WireError::Db(m.clone()),
            StoreError::NoDataDir => WireError::NoDataDir,
            StoreError::ServiceUnavailable { path, reason } => WireError::ServiceUnavailable {
                path: path.clone(),
                reason: reason.clone(),
            },
            StoreError::ProtocolMismatch { client, service } => WireError::ProtocolMismatch {
                client: *client,
                service: *service,
            },
            StoreError::Remote(m) => WireError::Remote(m.clone()),
            StoreError::NoGroup(g) => WireError::NoGroup(g.clone()),
            StoreError::NoUser(u) => WireError::NoUser(u.clone()),
            StoreError::ReadOnly(r) => WireError::ReadOnly(r.clone()),
            StoreError::Archive { year, path, fault } => WireError::Archive {
                year: *year,
                path: path.clone(),
                fault: fault.clone(),
            },
            StoreError::SealedYear(y) => WireError::SealedYear(*y),
            StoreError::TurnedAway(t) => WireError::TurnedAway(t.clone()),
            StoreError::ForeignService {
                socket,
                runs_as,
                owner,
            } => WireError::ForeignService {
                socket: socket.clone(),
                runs_as: runs_as.clone(),
                owner: owner.clone(),
            },
        }
    }
}

impl From<WireError> for StoreError {
    fn from(e: WireError) -> Self {
        match e {
            WireError::Locked { path, holder } => StoreError::Locked { path, holder },
            WireError::OpenTimeout { path, secs } => StoreError::OpenTimeout { path, secs },
            WireError::TooNew {
                path,
                found,
                supported,
            } => StoreError::TooNew {
                path,
                found,
                supported,
            },
            WireError::Corrupt(m) => StoreError::Corrupt(m),
            WireError::Io {
                context,
                message,
                os_code,
                kind,
            } => StoreError::Io {
                context,
                source: match (os_code, kind) {
                    (Some(code), _) => std::io::Error::from_raw_os_error(code),
                    (None, Some(kind)) => std::io::Error::new(kind.io_kind(), message),
                    (None, None) => std::io::Error::other(message),
                },
            },
            WireError::Db(m) => StoreError::Db(m),
            WireError::NoDataDir => StoreError::NoDataDir,
            WireError::ServiceUnavailable { path, reason } => {
                StoreError::ServiceUnavailable { path, reason }
            }
            WireError::ProtocolMismatch { client, service } => {
                StoreError::ProtocolMismatch { client, service }
            }
            WireError::Remote(m) => StoreError::Remote(m),
            WireError::NoGroup(g) => StoreError::NoGroup(g),
            WireError::NoUser(u) => StoreError::NoUser(u),
            WireError::ReadOnly(r) => StoreError::ReadOnly(r),
            WireError::Archive { year, path, fault } => StoreError::Archive { year, path, fault },
            WireError::SealedYear(y) => StoreError::SealedYear(y),
            WireError::TurnedAway(t) => StoreError::TurnedAway(t),
            WireError::ForeignService {
                socket,
                runs_as,
                owner,
            } => StoreError::ForeignService {
                socket,
                runs_as,
                owner,
            },
        }
    }
}

/// The I/O error kinds a user can fix, as they cross the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiskKind {
    StorageFull,
    QuotaExceeded,
    ReadOnly,
}

impl DiskKind {
    fn of(kind: std::io::ErrorKind) -> Option<Self> {
        use std::io::ErrorKind;
        match kind {
            ErrorKind::StorageFull => Some(Self::StorageFull),
            ErrorKind::QuotaExceeded => Some(Self::QuotaExceeded),
            ErrorKind::ReadOnlyFilesystem => Some(Self::ReadOnly),
            _ => None,
        }
    }

    fn io_kind(self) -> std::io::ErrorKind {
        use std::io::ErrorKind;
        match self {
            Self::StorageFull => ErrorKind::StorageFull,
            Self::QuotaExceeded => ErrorKind::QuotaExceeded,
            Self::ReadOnly => ErrorKind::ReadOnlyFilesystem,
        }
    }
}

/// `#[serde(with = "wire")]` for a `StoreError` field.
pub fn serialize<S: serde::Serializer>(e: &StoreError, s: S) -> Result<S::Ok, S::Error> {
    WireError::from(e).serialize(s)
}

pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<StoreError, D::Error> {
    WireError::deserialize(d).map(StoreError::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_os_error_keeps_its_kind_and_words() {
        let full = StoreError::Io {
            context: "cannot write the ledger".into(),
            source: std::io::Error::from_raw_os_error(28),
        };
        let wire: WireError =
            serde_json::from_str(&serde_json::to_string(&WireError::from(&full)).unwrap()).unwrap();
        let back = StoreError::from(wire);
        assert_eq!(back.to_string(), full.to_string());
        let StoreError::Io { source, .. } = back else {
            panic!("not io: {back}");
        };
        assert_eq!(source.raw_os_error(), Some(28));
    }

    #[test]
    fn a_full_disk_without_an_os_code_stays_a_full_disk() {
        let full = StoreError::Io {
            context: "writing the ledger".into(),
            source: std::io::Error::new(std::io::ErrorKind::StorageFull, "no room"),
        };
        let wire: WireError =
            serde_json::from_str(&serde_json::to_string(&WireError::from(&full)).unwrap()).unwrap();
        let StoreError::Io { source, .. } = StoreError::from(wire) else {
            panic!("not io");
        };
        assert_eq!(source.kind(), std::io::ErrorKind::StorageFull);
        assert_eq!(source.to_string(), "no room");
    }
}
