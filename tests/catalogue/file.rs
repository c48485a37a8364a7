//! Catalogue files: export round-trips, and every kind of bad file is
//! refused at the right line with a fix.

use rstest::rstest;
use taizhang::core::Catalogue;
use taizhang::core::catalogue::EMBEDDED;

use super::cat;

#[test]
fn export_round_trips_and_reads_well() {
    let c = cat();
    let text = c.to_toml();
    let back = Catalogue::from_toml(&text).unwrap();
    assert_eq!(back, c);
    assert_eq!(back.to_toml(), text, "export is stable");
    assert!(
        text.starts_with("# "),
        "export starts with a header comment"
    );
    // Field order inside the first duty.
    let first = text.find("[[duty]]").unwrap();
    let pos = |key: &str| text[first..].find(&format!("\n{key} = ")).unwrap();
    let order = [
        "id", "list", "ref", "title", "title_en", "binds", "counts", "rule", "source", "text",
    ];
    for w in order.windows(2) {
        assert!(
            pos(w[0]) < pos(w[1]),
            "{} should come before {}",
            w[0],
            w[1]
        );
    }
    // The rule stays on one line.
    assert!(text.contains("rule = { kind = \"count\", min = 12, per = \"year\" }"));
}

#[test]
fn export_round_trips_awkward_text() {
    let mut c = cat();
    c.duties[0].text = "引号\"反斜杠\\ 换行\n制表\t和\u{7}控制 'single' 结束".into();
    c.duties[0].title_en = "a = b # not a comment".into();
    let back = Catalogue::from_toml(&c.to_toml()).unwrap();
    assert_eq!(back, c);
}

/// A small valid catalogue; `BASE[n - 1]` is line `n`.
const BASE: [&str; 36] = [
    "# test catalogue",
    "[[duty]]",
    "id = \"p\"",
    "list = \"political\"",
    "ref = \"二(一)2\"",
    "title = \"父\"",
    "title_en = \"Parent\"",
    "binds = \"branch\"",
    "rule = { kind = \"evidence\" }",
    "source = \"二(一)2\"",
    "text = \"严肃执行党内政治生活。\"",
    "",
    "[[duty]]",
    "id = \"c\"",
    "list = \"political\"",
    "ref = \"二(一)2\"",
    "title = \"子\"",
    "title_en = \"Child\"",
    "binds = \"branch\"",
    "parent = \"p\"",
    "counts = [\"committee_meeting\"]",
    "rule = { kind = \"count\", min = 1, per = \"month\" }",
    "source = \"条例\"",
    "text = \"支委会。\"",
    "",
    "[[duty]]",
    "id = \"s\"",
    "list = \"secretary\"",
    "ref = \"三(二)(3)\"",
    "title = \"谈话\"",
    "title_en = \"Talks\"",
    "binds = \"secretary\"",
    "counts = [\"integrity_talk\"]",
    "rule = { kind = \"talk_coverage\", pairs = \"secretary_with_leaders_and_heads\" }",
    "source = \"三(二)(3)\"",
    "text = \"廉政谈话。\"",
];

fn base_with(line: usize, content: &str) -> String {
    let mut lines = BASE.to_vec();
    lines[line - 1] = content;
    lines.join("\n")
}

#[test]
fn the_test_base_is_valid() {
    let c = Catalogue::from_toml(&BASE.join("\n")).unwrap();
    assert_eq!(c.duties.len(), 3);
    // 29 February is a day of the year.
    let leap = base_with(34, "rule = { kind = \"deadline\", month = 2, day = 29 }");
    assert!(Catalogue::from_toml(&leap).is_ok());
}

#[rstest]
#[case::syntax(11, "text = \"严肃执行", 11, "not valid TOML")]
#[case::duplicate_key(7, "id = \"q\"", 7, "appears twice")]
#[case::unknown_top_level(1, "version = 2", 1, "top-level")]
#[case::unknown_field(7, "titel_en = \"Parent\"", 7, "titel_en")]
#[case::unknown_list(4, "list = \"politics\"", 4, "politics")]
#[case::unknown_binds(32, "binds = \"everyone\"", 32, "everyone")]
#[case::unknown_kind(21, "counts = [\"committee\"]", 21, "committee")]
#[case::missing_rule(9, "# no rule", 2, "missing field `rule`")]
#[case::duplicate_id(27, "id = \"c\"", 27, "already used by the duty on line 13")]
#[case::bad_id(3, "id = \"p 1\"", 3, "spaces")]
#[case::unknown_parent(20, "parent = \"x\"", 20, "`x` is not a duty")]
#[case::own_parent(20, "parent = \"c\"", 20, "its own parent")]
#[case::parent_is_child(33, "parent = \"c\"", 33, "one level")]
#[case::list_mismatch(15, "list = \"secretary\"", 15, "list = \"political\"")]
#[case::parent_with_quota(
    9,
    "rule = { kind = \"count\", min = 1, per = \"year\" }",
    9,
    "evidence"
)]
#[case::zero_min(
    22,
    "rule = { kind = \"count\", min = 0, per = \"month\" }",
    22,
    "at least 1"
)]
#[case::huge_min(
    22,
    "rule = { kind = \"count\", min = 5000, per = \"month\" }",
    22,
    "typo"
)]
#[case::negative_min(
    22,
    "rule = { kind = \"count\", min = -1, per = \"month\" }",
    22,
    "whole number"
)]
#[case::unknown_period(22, "rule = { kind = \"count\", min = 1, per = \"week\" }", 22, "week")]
#[case::range_swapped(
    34,
    "rule = { kind = \"standing_range\", who = \"leadership\", min = 3, max = 2 }",
    34,
    "swap"
)]
#[case::bad_deadline(
    34,
    "rule = { kind = \"deadline\", month = 2, day = 30 }",
    34,
    "not a day of the year"
)]
#[case::bad_month(
    34,
    "rule = { kind = \"deadline\", month = 13, day = 1 }",
    34,
    "month 1-12"
)]
#[case::extra_rule_field(
    34,
    "rule = { kind = \"evidence\", min = 2 }",
    34,
    "`min` does not belong"
)]
#[case::per_person_unknown_period(
    34,
    "rule = { kind = \"per_person\", who = \"leadership\", min = 1, per = \"week\" }",
    34,
    "`per`"
)]
#[case::per_person_unknown_part(
    34,
    "rule = { kind = \"per_person\", who = \"leadership\", min = 1, by = \"present\" }",
    34,
    "`by`"
)]
#[case::per_person_zero_min(
    34,
    "rule = { kind = \"per_person\", who = \"leadership\", min = 0, per = \"quarter\" }",
    34,
    "at least 1"
)]
#[case::by_on_a_count(
    34,
    "rule = { kind = \"count\", min = 1, per = \"year\", by = \"host\" }",
    34,
    "`by` does not belong"
)]
#[case::unknown_rule_kind(34, "rule = { kind = \"weekly\" }", 34, "weekly")]
#[case::rule_without_kind(34, "rule = { min = 1 }", 34, "kind")]
#[case::empty_title(6, "title = \"  \"", 6, "`title` is empty")]
#[case::empty_text(24, "text = \"\"", 24, "`text` is empty")]
#[case::empty_source(35, "source = \"\"", 35, "`source` is empty")]
#[case::twice_counted(
    33,
    "counts = [\"integrity_talk\", \"integrity_talk\"]",
    33,
    "`integrity_talk` twice"
)]
fn invalid_files_are_refused_at_the_line(
    #[case] line: usize,
    #[case] content: &str,
    #[case] want_line: usize,
    #[case] want_text: &str,
) {
    let text = base_with(line, content);
    let err = Catalogue::from_toml(&text).expect_err("must be refused");
    assert_eq!(err.line, want_line, "{err}");
    assert!(err.message.contains(want_text), "{err}");
}

#[test]
fn a_file_without_duties_is_refused() {
    for text in ["", "# only a comment\n", "duty = []\n"] {
        let err = Catalogue::from_toml(text).expect_err("must be refused");
        assert_eq!(err.line, 1, "{text:?}");
        assert!(err.message.contains("[[duty]]"), "{err}");
    }
}

#[test]
fn errors_in_the_embedded_file_point_at_the_duty() {
    // Break the 20th duty's rule in the real catalogue.
    let header = EMBEDDED.match_indices("\n[[duty]]").nth(19).unwrap().0;
    let rule_at = header + EMBEDDED[header..].find("rule = ").unwrap();
    let end = rule_at + EMBEDDED[rule_at..].find('\n').unwrap();
    let broken = format!(
        "{}rule = {{ kind = \"count\", min = 0, per = \"year\" }}{}",
        &EMBEDDED[..rule_at],
        &EMBEDDED[end..]
    );
    let err = Catalogue::from_toml(&broken).expect_err("must be refused");
    assert_eq!(err.line, EMBEDDED[..rule_at].matches('\n').count() + 1);
    assert!(err.message.contains("duty #20"), "{err}");
}

mod no_panic {
    use proptest::prelude::*;
    use taizhang::core::Catalogue;
    use taizhang::core::catalogue::EMBEDDED;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC*") {
            let _ = Catalogue::from_toml(&s);
        }

        #[test]
        fn a_cut_embedded_file_is_ok_or_refused_in_range(cut in 0usize..EMBEDDED.len()) {
            let mut at = cut;
            while !EMBEDDED.is_char_boundary(at) {
                at -= 1;
            }
            let text = &EMBEDDED[..at];
            if let Err(e) = Catalogue::from_toml(text) {
                prop_assert!(e.line >= 1 && e.line <= text.lines().count() + 1, "{}", e);
            }
        }
    }
}
