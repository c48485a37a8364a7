//! The bytes of a backup file: gzip-compressed JSON (`core::Backup`, the
//! `export` format). Files written before compression, and exports given to
//! `backup restore`, are plain JSON: a file is read by its first bytes, not
//! its name.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;

use super::BadFile;
use crate::core::error::StoreError;
use crate::core::port::Backup;

/// The two bytes every gzip stream starts with.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Encode `backup` as gzip-compressed JSON.
pub(super) fn encode(backup: &Backup) -> Result<Vec<u8>, StoreError> {
    let fail = |e: &dyn std::fmt::Display| StoreError::Db(format!("cannot encode the backup: {e}"));
    // The default level: 5–10× smaller than the JSON at a small cost in time,
    // paid on the backup's own thread, never on a request's.
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    serde_json::to_writer(&mut gz, backup).map_err(|e| fail(&e))?;
    gz.flush().map_err(|e| fail(&e))?;
    gz.finish().map_err(|e| fail(&e))
}

/// Whether `bytes` are gzip-compressed.
pub(super) fn compressed(bytes: &[u8]) -> bool {
    bytes.starts_with(&GZIP_MAGIC)
}

/// The JSON text of a backup file's `bytes`: decompressed when they are
/// gzip, as they are otherwise (a byte-order mark removed).
pub(super) fn json(bytes: &[u8]) -> Result<std::borrow::Cow<'_, [u8]>, BadFile> {
    if !compressed(bytes) {
        let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        return Ok(std::borrow::Cow::Borrowed(text));
    }
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(6));
    match MultiGzDecoder::new(bytes).read_to_end(&mut out) {
        Ok(_) => Ok(std::borrow::Cow::Owned(out)),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Err(BadFile::CutCompressed),
        Err(e) => Err(BadFile::BadCompression(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::Catalogue;
    use crate::core::mem::MemStore;
    use crate::core::port::Store;

    #[test]
    fn compressed_and_plain_read_alike_and_a_cut_is_named() {
        let store = MemStore::new(Catalogue::embedded());
        let backup = store.export().unwrap();
        let gz = encode(&backup).unwrap();
        assert!(compressed(&gz));
        let plain = serde_json::to_vec(&backup).unwrap();
        assert_eq!(json(&gz).unwrap().as_ref(), plain.as_slice());
        assert_eq!(json(&plain).unwrap().as_ref(), plain.as_slice());
        let cut = &gz[..gz.len() / 2];
        assert!(matches!(json(cut), Err(BadFile::CutCompressed)), "cut");
        let mut bent = gz.clone();
        let mid = bent.len() / 2;
        bent[mid] ^= 0xff;
        bent[mid + 1] ^= 0xff;
        assert!(json(&bent).is_err(), "a changed byte is refused");
    }
}
