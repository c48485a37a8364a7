//! The year before is read only when it can change a finding: a 组织生活会
//! early in January with no 谈心谈话 of the year in its window.

use rstest::rstest;

use super::*;

#[rstest]
#[case::talk_in_the_year_in_window(d(2026, 1, 20), Some(d(2026, 1, 10)), false)]
#[case::no_talk(d(2026, 1, 20), None, true)]
#[case::talk_after_the_meeting(d(2026, 1, 20), Some(d(2026, 1, 21)), true)]
#[case::window_inside_the_year(d(2026, 3, 20), None, false)]
fn the_year_before_is_needed_only_when_it_can_matter(
    #[case] meeting_on: NaiveDate,
    #[case] talk_on: Option<NaiveDate>,
    #[case] needed: bool,
) {
    let meeting = rec(
        1,
        RecordKind::OrganizationalLife,
        meeting_on,
        Some(1),
        &[1, 2, 3],
    );
    let mut year = vec![meeting];
    year.extend(talk_on.map(|t| talk(2, t, 1, 5)));
    assert_eq!(needs_earlier(&year), needed);
    // With a talk of the year in the window, whatever the year before
    // holds, skipping it finds the same.
    if talk_on.is_some() && !needed {
        let earlier = [talk(3, d(2025, 12, 28), 1, 5)];
        assert_eq!(
            findings(&branch(), &year, &[]),
            findings(&branch(), &year, &earlier)
        );
    }
}
