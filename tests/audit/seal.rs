//! Year seals: the digest is kept as printed, recomputes after a reopen,
//! ignores other years and moves when a record of its year changes.

use taizhang::core::journal::{Entity, Hash, SealDigest, full_seal_digest, records_digest};
use taizhang::core::{CoreError, Ledger, Store};

use super::{Hand, day, five_entries, sled_ledger, talk, tamper_after, with_people};

fn latest_seal<S: Store>(l: &Ledger<S>, year: i32) -> SealDigest {
    let h = l.history(&Entity::Year(year)).unwrap();
    serde_json::from_str(h.last().unwrap().after.as_ref().unwrap()).unwrap()
}

#[test]
fn a_seal_is_stable_across_reopen_and_moves_when_its_year_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l");
    let hand = Hand::new();
    let (sealed, this_year, last_year) = {
        let l = sled_ledger(&path, "alice", &hand);
        with_people(&l);
        let a = l.add_record(&talk("今年", day(2026, 3, 1))).unwrap();
        let b = l.add_record(&talk("去年", day(2025, 5, 1))).unwrap();
        let sealed = l.seal_year(2026).unwrap();
        assert_eq!(sealed.records, 1);
        assert_eq!(sealed.head_seq, 4);
        (sealed, a.id, b.id)
    };
    let l = sled_ledger(&path, "bob", &hand);
    assert_eq!(latest_seal(&l, 2026), sealed, "kept as printed");
    let records = l.records_in_year(2026).unwrap();
    let contents = sealed
        .contents
        .as_ref()
        .expect("a seal covers items, roster, catalogue");
    let again = full_seal_digest(
        2026,
        &records_digest(&records).unwrap(),
        contents,
        &sealed.head,
    );
    assert_eq!(again, sealed.digest, "recomputed after reopen");
    assert_eq!(sealed.digest.hex().len(), 64);
    assert!(l.check_seal(2026).unwrap().unwrap().1);
    assert!(l.check_seal(2024).unwrap().is_none());

    // Another year's change leaves this year's seal matching…
    l.update_record(last_year, &talk("去年改", day(2025, 5, 1)))
        .unwrap();
    assert!(l.check_seal(2026).unwrap().unwrap().1);
    // …a change in the sealed year does not, and a new seal differs.
    l.update_record(this_year, &talk("今年改", day(2026, 3, 1)))
        .unwrap();
    assert!(!l.check_seal(2026).unwrap().unwrap().1);
    let resealed = l.seal_year(2026).unwrap();
    assert_ne!(resealed.digest, sealed.digest);
    assert_ne!(resealed.records_sha256, sealed.records_sha256);
    assert_ne!(resealed.head, Hash::ZERO);
    assert_eq!(l.verify().unwrap().entries, 8);
}

#[test]
fn a_broken_journal_is_not_sealed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l");
    five_entries(&path);
    tamper_after(&path, 4);
    let l = sled_ledger(&path, "alice", &Hand::new());
    assert!(matches!(l.seal_year(2026), Err(CoreError::Journal(_))));
    assert_eq!(l.revision().unwrap(), 5, "nothing appended");
}
