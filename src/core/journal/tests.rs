//! Table tests of the chain check: each kind of tampering is named at the
//! entry where it happened.

use chrono::NaiveDate;

use super::*;
use crate::core::record::RecordId;

fn stamp(user: &str, minute: u32) -> Stamp {
    Stamp {
        user: user.into(),
        at: NaiveDate::from_ymd_opt(2026, 3, 1)
            .unwrap()
            .and_hms_opt(9, minute, 0)
            .unwrap(),
    }
}

/// Five entries: create, two updates, delete, restore of record #7.
fn chain() -> Vec<JournalEntry> {
    let steps = [
        (Action::Create, None, Some(r#"{"topic":"a"}"#)),
        (
            Action::Update,
            Some(r#"{"topic":"a"}"#),
            Some(r#"{"topic":"b"}"#),
        ),
        (
            Action::Update,
            Some(r#"{"topic":"b"}"#),
            Some(r#"{"topic":"c"}"#),
        ),
        (Action::Delete, Some(r#"{"topic":"c"}"#), None),
        (Action::Restore, None, Some(r#"{"topic":"c"}"#)),
    ];
    let mut out: Vec<JournalEntry> = Vec::new();
    for (i, (action, before, after)) in steps.into_iter().enumerate() {
        let head = out.last().map(|e| (e.seq, e.hash));
        out.push(JournalEntry::next(
            head,
            &stamp(
                if i % 2 == 0 { "alice" } else { "bob" },
                u32::try_from(i).unwrap(),
            ),
            action,
            Entity::Record(RecordId(7)),
            before.map(str::to_string),
            after.map(str::to_string),
        ));
    }
    out
}

fn flip_last_byte(s: &mut Option<String>) {
    let mut bytes = s.take().unwrap().into_bytes();
    let i = bytes.len() - 3;
    bytes[i] ^= 1;
    *s = Some(String::from_utf8(bytes).unwrap());
}

#[test]
fn an_untouched_chain_verifies_and_starts_from_zero() {
    let c = chain();
    assert_eq!(c[0].prev, Hash::ZERO);
    assert_eq!(c[0].seq, 1);
    let s = verify(&c).unwrap();
    assert_eq!(s.entries, 5);
    assert_eq!(s.head, c[4].hash);
    assert_eq!(verify(&[]).unwrap().head, Hash::ZERO);
}

type Spoil = fn(&mut Vec<JournalEntry>);

#[test]
fn each_tampering_is_named_at_its_entry() {
    let cases: [(&str, Spoil, u64, BrokenReason); 8] = [
        (
            "one byte of after",
            |c| flip_last_byte(&mut c[2].after),
            3,
            BrokenReason::BadHash,
        ),
        (
            "one byte of before",
            |c| flip_last_byte(&mut c[3].before),
            4,
            BrokenReason::BadHash,
        ),
        (
            "the user",
            |c| c[1].user = "mallory".into(),
            2,
            BrokenReason::BadHash,
        ),
        (
            "the action",
            |c| c[3].action = Action::Update,
            4,
            BrokenReason::BadHash,
        ),
        ("the time", |c| c[0].at = c[4].at, 1, BrokenReason::BadHash),
        (
            "an entry removed",
            |c| drop(c.remove(1)),
            3,
            BrokenReason::Gap { expected: 2 },
        ),
        (
            "the first removed",
            |c| drop(c.remove(0)),
            2,
            BrokenReason::Gap { expected: 1 },
        ),
        (
            "an entry rehashed after an edit",
            |c| {
                c[2].user = "mallory".into();
                c[2].hash = c[2].compute_hash();
            },
            4,
            BrokenReason::BadLink,
        ),
    ];
    for (what, spoil, seq, reason) in cases {
        let mut c = chain();
        spoil(&mut c);
        assert_eq!(verify(&c), Err(Broken { seq, reason }), "{what}");
    }
}

#[test]
fn a_truncated_journal_is_caught_against_the_revision() {
    let mut c = chain();
    c.pop();
    assert!(verify(&c).is_ok(), "the chain alone cannot see a lost tail");
    let err = verify_to(&c, 5).unwrap_err();
    assert_eq!(
        err,
        Broken {
            seq: 5,
            reason: BrokenReason::Truncated { head: 5 }
        }
    );
    assert!(verify_to(&chain(), 5).is_ok());
}

#[test]
fn hashes_round_trip_through_hex_and_json() {
    let e = &chain()[1];
    assert_eq!(Hash::from_hex(&e.hash.hex()), Some(e.hash));
    assert_eq!(Hash::from_hex("zz"), None);
    let json = canonical(e).unwrap();
    let back: JournalEntry = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, e);
    assert_eq!(back.compute_hash(), e.hash);
}

/// The one rule of a journaled insert-or-update, for every store.
#[rstest::rstest]
#[case::unchanged(Some("a"), "a", PutKind::Entity, None)]
#[case::unchanged_fixed(Some("a"), "a", PutKind::Fixed(Action::Catalogue), None)]
#[case::new(None, "a", PutKind::Entity, Some(Action::Create))]
#[case::changed(Some("a"), "b", PutKind::Entity, Some(Action::Update))]
#[case::back_from_trash(None, "a", PutKind::Restorable { in_trash: true }, Some(Action::Restore))]
#[case::new_not_in_trash(None, "a", PutKind::Restorable { in_trash: false }, Some(Action::Create))]
#[case::changed_in_trash(Some("a"), "b", PutKind::Restorable { in_trash: true }, Some(Action::Update))]
#[case::amend(None, "a", PutKind::Fixed(Action::Amend), Some(Action::Amend))]
#[case::catalogue(
    Some("a"),
    "b",
    PutKind::Fixed(Action::Catalogue),
    Some(Action::Catalogue)
)]
fn a_put_journals_what_changed(
    #[case] before: Option<&str>,
    #[case] after: &str,
    #[case] kind: PutKind,
    #[case] want: Option<Action>,
) {
    assert_eq!(put_action(before, after, kind), want);
}
