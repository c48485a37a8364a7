//! How values and keys are spelled in sled: big-endian keys, so that sled's
//! byte order is date order (see the layout in `store`), and JSON values in a
//! checksummed envelope, so that damage sled does not see is still caught.
//!
//! Envelope (since schema v2): `MAGIC` (4 bytes: `\0TZ` + format version),
//! the CRC32 of the payload (4 bytes, big-endian), then the JSON payload.
//! Values written before v2 are bare JSON; `decode` reads both forms and
//! `schema::v1_to_v2` rewrites the bare ones, so after the first open every
//! value carries a checksum. A bare value never starts with `MAGIC`'s NUL.

use chrono::{Datelike, NaiveDate};

use super::open::sled_error;
use crate::core::error::StoreError;
use crate::core::record::Record;

/// The first four bytes of an enveloped value.
pub(super) const MAGIC: [u8; 4] = *b"\0TZ\x02";
const HEADER: usize = 8;

/// The fix every checksum or decoding failure names.
pub const RESTORE_HINT: &str = "restore from the latest backup: taizhang backup restore";

/// Read a stored value of kind `what` (`record`, `person`, `catalogue`),
/// checking its envelope's checksum; bare JSON (schema v1) is read as is.
pub(super) fn decode<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    what: &str,
) -> Result<T, StoreError> {
    let payload = open_envelope(bytes, what)?;
    serde_json::from_slice(payload).map_err(|e| {
        StoreError::Corrupt(format!(
            "{} cannot be read ({e}); {RESTORE_HINT}",
            describe(what, payload)
        ))
    })
}

/// The JSON payload of a stored value, after its checksum is verified.
pub(super) fn open_envelope<'a>(bytes: &'a [u8], what: &str) -> Result<&'a [u8], StoreError> {
    let Some(rest) = bytes.strip_prefix(&MAGIC) else {
        if bytes.first() == Some(&0) {
            return Err(StoreError::Corrupt(format!(
                "a stored {what} in tree `{}` has a damaged header; {RESTORE_HINT}",
                tree_of(what)
            )));
        }
        return Ok(bytes);
    };
    let (crc, payload) = rest.split_at_checked(HEADER - MAGIC.len()).ok_or_else(|| {
        StoreError::Corrupt(format!(
            "a stored {what} in tree `{}` is cut short; {RESTORE_HINT}",
            tree_of(what)
        ))
    })?;
    let stored = u32::from_be_bytes([crc[0], crc[1], crc[2], crc[3]]);
    let computed = crc32fast::hash(payload);
    if stored != computed {
        return Err(StoreError::Corrupt(format!(
            "{} fails its checksum (stored {stored:08x}, computed {computed:08x}), so its bytes changed on disk; {RESTORE_HINT}",
            describe(what, payload)
        )));
    }
    Ok(payload)
}

/// Whether `bytes` is already in the checksummed envelope.
pub(super) fn is_enveloped(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

/// Wrap a JSON payload in the envelope.
pub(super) fn envelope(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&crc32fast::hash(payload).to_be_bytes());
    out.extend_from_slice(payload);
    out
}

pub(super) fn encode<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(value)
        .map(|payload| envelope(&payload))
        .map_err(|e| StoreError::Db(format!("cannot encode a value: {e}")))
}

fn tree_of(what: &str) -> &str {
    match what {
        "record" => "records",
        "person" => "people",
        "catalogue" | "closed years" => "meta",
        "fix" => "fixes",
        "correction" => "corrections",
        other => other,
    }
}

/// "record #42 (key 2026-03-14/42 in tree `records`)", as far as a damaged
/// payload still tells: the key is rebuilt from the id and date it holds,
/// read leniently so that damage elsewhere in the text does not hide them.
fn describe(what: &str, payload: &[u8]) -> String {
    let tree = tree_of(what);
    let id = field_after(payload, b"\"id\":")
        .and_then(|t| {
            t.split(|c: char| !c.is_ascii_digit())
                .next()
                .map(str::to_owned)
        })
        .and_then(|t| t.parse::<u64>().ok());
    match (what, id) {
        ("catalogue", _) => format!("the catalogue (key `catalogue` in tree `{tree}`)"),
        ("record", Some(id)) => {
            let date = field_after(payload, b"\"date\":\"")
                .and_then(|t| t.get(..10).map(str::to_owned))
                .unwrap_or_else(|| "?".into());
            format!("record #{id} (key {date}/{id} in tree `{tree}`)")
        }
        (_, Some(id)) => format!("{what} #{id} (key {id} in tree `{tree}`)"),
        (_, None) => format!("a stored {what} in tree `{tree}` (its key is unreadable)"),
    }
}

/// The text right after the first `marker` in `payload` (up to 24 bytes).
fn field_after(payload: &[u8], marker: &[u8]) -> Option<String> {
    let at = payload.windows(marker.len()).position(|w| w == marker)? + marker.len();
    let tail = payload.get(at..payload.len().min(at + 24))?;
    Some(String::from_utf8_lossy(tail).into_owned())
}

/// Days since CE with the sign bit flipped, so negative days sort first.
pub(super) fn date_key(date: NaiveDate) -> [u8; 4] {
    (date.num_days_from_ce().cast_unsigned() ^ 0x8000_0000).to_be_bytes()
}

pub(super) fn key_date(key: &[u8]) -> Result<NaiveDate, StoreError> {
    let bytes: [u8; 4] = key
        .get(..4)
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| StoreError::Corrupt("a record key is too short".into()))?;
    let days = (u32::from_be_bytes(bytes) ^ 0x8000_0000).cast_signed();
    NaiveDate::from_num_days_from_ce_opt(days)
        .ok_or_else(|| StoreError::Corrupt("a record key holds an impossible date".into()))
}

/// The record id at the end of a `records` key.
pub(super) fn key_id(key: &[u8]) -> Result<[u8; 8], StoreError> {
    key.get(4..12)
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| StoreError::Corrupt("a record key has no record id".into()))
}

pub(super) fn record_key(record: &Record) -> Vec<u8> {
    let mut key = date_key(record.date).to_vec();
    key.extend_from_slice(&record.id.0.to_be_bytes());
    key
}

pub(super) fn read_u32(bytes: &[u8], what: &str) -> Result<u32, StoreError> {
    bytes
        .try_into()
        .map(u32::from_be_bytes)
        .map_err(|_| StoreError::Corrupt(format!("the {what} key is not a 4-byte number")))
}

pub(super) fn read_u64(bytes: &[u8], what: &str) -> Result<u64, StoreError> {
    bytes
        .try_into()
        .map(u64::from_be_bytes)
        .map_err(|_| StoreError::Corrupt(format!("the {what} key is not an 8-byte number")))
}

/// `tree.get(key)` as a u64, if present.
pub(super) fn get_u64(tree: &sled::Tree, key: &str) -> Result<Option<u64>, StoreError> {
    tree.get(key)
        .map_err(sled_error)?
        .map(|v| read_u64(&v, key))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_and_bare_json_still_reads() {
        let bytes = encode(&vec![1, 2, 3]).unwrap();
        assert!(is_enveloped(&bytes));
        assert_eq!(decode::<Vec<i32>>(&bytes, "record").unwrap(), vec![1, 2, 3]);
        assert_eq!(decode::<Vec<i32>>(b"[4]", "record").unwrap(), vec![4]);
    }

    #[test]
    fn a_flipped_byte_names_the_record_and_the_fix() {
        let payload = br#"{"id":42,"kind":"x","date":"2026-03-14","topic":"abc"}"#;
        let mut bytes = envelope(payload);
        let last = bytes.len() - 3;
        bytes[last] ^= 0x80;
        let Err(StoreError::Corrupt(msg)) = decode::<serde_json::Value>(&bytes, "record") else {
            panic!("not caught");
        };
        assert!(
            msg.starts_with("record #42 (key 2026-03-14/42 in tree `records`) fails its checksum"),
            "{msg}"
        );
        assert!(msg.ends_with(RESTORE_HINT), "{msg}");
        for cut in [&bytes[..6], &[0u8, 1, 2][..]] {
            assert!(matches!(
                decode::<serde_json::Value>(cut, "person"),
                Err(StoreError::Corrupt(_))
            ));
        }
    }
}
