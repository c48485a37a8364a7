//! The talk matrix: every required pair of each talk-coverage duty, covered
//! or owed, the summary, ASCII mode, scrolling and snapshots.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use taizhang::core::Rule;
use taizhang::core::progress::required_pairs;
use taizhang::i18n::Lang;
use taizhang::tui::matrix;
use taizhang::tui::theme::Theme;

#[path = "tui_support/components.rs"]
mod components;
use components::*;

fn draw(view: &YearView, lang: Lang, theme: &Theme, w: u16, h: u16, scroll: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| matrix::render(f, f.area(), view, lang, theme, scroll, None))
        .unwrap();
    if w == 0 {
        // TestBackend cannot print a zero-width buffer.
        return String::new();
    }
    t.backend().to_string()
}

/// (covered, required) over every talk-coverage duty, computed here from
/// the records rather than taken from the matrix.
fn expected_counts(view: &YearView) -> (usize, usize) {
    let (mut done, mut required) = (0, 0);
    for duty in &view.catalogue.duties {
        let Rule::TalkCoverage { pairs } = duty.rule else {
            continue;
        };
        for (host, partner) in required_pairs(&view.roster, pairs) {
            required += 1;
            if view.records.iter().any(|r| {
                r.duties.contains(&duty.id) && r.host == Some(host) && r.partners.contains(&partner)
            }) {
                done += 1;
            }
        }
    }
    (done, required)
}

#[test]
fn the_summary_counts_covered_and_required_pairs() {
    let view = view();
    let (done, required) = expected_counts(&view);
    assert!(done > 0 && required > done);
    let shown = draw(&view, Lang::Zh, &Theme::new(false, true), 80, 24, 0);
    assert!(
        shown.contains(&format!("已谈 {done} / 应谈 {required}")),
        "{shown}"
    );
    let shown = draw(&view, Lang::En, &Theme::new(false, true), 80, 24, 0);
    assert!(shown.contains(&format!("Talked {done} / required {required}")));
}

#[test]
fn covered_pairs_show_the_talk_date_and_owed_ones_a_cross() {
    let view = view();
    let shown = draw(&view, Lang::Zh, &Theme::new(false, true), 80, 40, 0);
    let line = shown.lines().find(|l| l.contains("2026-02-10")).unwrap();
    assert!(line.contains('✓') && line.contains("李四"), "{line}");
    let owed = shown.lines().find(|l| l.contains("赵六")).unwrap();
    assert!(owed.contains('✗') && owed.contains("未谈"), "{owed}");
    // Retired people are not owed a talk.
    assert!(!shown.contains("钱七"));
    let ascii = draw(&view, Lang::Zh, &Theme::new(true, true), 80, 40, 0);
    assert!(!ascii.contains('✓') && !ascii.contains('✗'));
    assert!(ascii.lines().any(|l| l.contains("+ 李四")));
    assert!(ascii.lines().any(|l| l.contains("x 赵六")));
}

#[test]
fn rows_bound_the_scroll() {
    let view = view();
    let rows = matrix::rows(&view, Lang::Zh, 80);
    assert!(rows > expected_counts(&view).1);
    let theme = Theme::new(false, true);
    let top = draw(&view, Lang::Zh, &theme, 80, 24, 0);
    let scrolled = draw(&view, Lang::Zh, &theme, 80, 24, 2);
    assert_ne!(top, scrolled);
    // The summary stays put while the pairs scroll.
    assert_eq!(top.lines().nth(1), scrolled.lines().nth(1));
    let past = draw(&view, Lang::Zh, &theme, 80, 24, u16::MAX);
    assert!(
        past.lines()
            .nth(2)
            .unwrap()
            .chars()
            .any(|c| !"│ \"".contains(c))
    );
}

#[test]
fn snapshots_at_80x24() {
    let view = view();
    let theme = Theme::new(false, true);
    insta::assert_snapshot!("matrix_zh", draw(&view, Lang::Zh, &theme, 80, 24, 0));
    insta::assert_snapshot!("matrix_en", draw(&view, Lang::En, &theme, 80, 24, 0));
    insta::assert_snapshot!(
        "matrix_ascii",
        draw(&view, Lang::Zh, &Theme::new(true, true), 80, 24, 0)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn rendering_never_panics(w in 0u16..=120, h in 0u16..=50, scroll in any::<u16>()) {
        let view = view();
        draw(&view, Lang::En, &Theme::new(false, false), w, h, scroll);
    }
}
