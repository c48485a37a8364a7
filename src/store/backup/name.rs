//! Backup file names: `KIND-YYYYMMDD-HHMMSS-CRC.json.gz`, which sort by time
//! within a kind and carry the CRC32 of the file's bytes. Names ending in
//! `.json` (backups from before compression) are read too.

use chrono::NaiveDateTime;

use super::Kind;

const STAMP: &str = "%Y%m%d-%H%M%S";

pub(super) struct Parsed {
    pub kind: Kind,
    pub taken: NaiveDateTime,
    pub crc: u32,
}

fn word(kind: Kind) -> &'static str {
    match kind {
        Kind::Daily => "daily",
        Kind::Manual => "manual",
        Kind::Safety => "before-restore",
    }
}

pub(super) fn format(kind: Kind, taken: NaiveDateTime, crc: u32) -> String {
    format!("{}-{}-{crc:08x}.json.gz", word(kind), taken.format(STAMP))
}

/// The parts of a backup file name, or `None` for any other file.
pub(super) fn parse(name: &str) -> Option<Parsed> {
    let stem = name
        .strip_suffix(".json.gz")
        .or_else(|| name.strip_suffix(".json"))?;
    let (rest, crc) = stem.rsplit_once('-')?;
    if crc.len() != 8 {
        return None;
    }
    let crc = u32::from_str_radix(crc, 16).ok()?;
    // The stamp is the last 15 characters: YYYYMMDD-HHMMSS.
    let split = rest.len().checked_sub(STAMP_LEN + 1)?;
    let (kind, stamp) = (rest.get(..split)?, rest.get(split + 1..)?);
    if rest.as_bytes().get(split) != Some(&b'-') {
        return None;
    }
    let kind = [Kind::Daily, Kind::Manual, Kind::Safety]
        .into_iter()
        .find(|k| word(*k) == kind)?;
    let taken = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    Some(Parsed { kind, taken, crc })
}

const STAMP_LEN: usize = "YYYYMMDD-HHMMSS".len();

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_others_are_ignored() {
        let taken = chrono::NaiveDate::from_ymd_opt(2026, 3, 14)
            .unwrap()
            .and_hms_opt(8, 5, 9)
            .unwrap();
        for kind in [Kind::Daily, Kind::Manual, Kind::Safety] {
            let name = format(kind, taken, 0x00ab_cdef);
            let parsed = parse(&name).unwrap();
            assert_eq!(
                (parsed.kind, parsed.taken, parsed.crc),
                (kind, taken, 0x00ab_cdef)
            );
        }
        assert_eq!(
            format(Kind::Daily, taken, 1),
            "daily-20260314-080509-00000001.json.gz"
        );
        // A backup from before compression keeps its place.
        let old = parse("manual-20260314-080509-00000001.json").unwrap();
        assert_eq!((old.kind, old.crc), (Kind::Manual, 1));
        for other in [
            "daily-20260314-080509-0000001.json",
            "weekly-20260314-080509-00000001.json",
            "daily-20261314-080509-00000001.json",
            ".daily-20260314-080509-00000001.json.tmp",
            ".daily-20260314-080509-00000001.json.gz.tmp",
            "daily-20260314-080509-00000001.gz",
            "notes.txt",
            "-",
        ] {
            assert!(parse(other).is_none(), "{other}");
        }
    }
}
