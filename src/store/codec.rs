//! How values and keys are spelled in sled: JSON values and big-endian keys,
//! so that sled's byte order is date order (see the layout in `store`).

use chrono::{Datelike, NaiveDate};

use super::open::sled_error;
use crate::core::error::StoreError;
use crate::core::record::Record;

pub(super) fn decode<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    what: &str,
) -> Result<T, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| {
        StoreError::Corrupt(format!(
            "a stored {what} cannot be read ({e}); restore a backup with `import`"
        ))
    })
}

pub(super) fn encode<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(value).map_err(|e| StoreError::Db(format!("cannot encode a value: {e}")))
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
