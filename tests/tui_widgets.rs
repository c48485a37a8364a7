//! The quota bar, cell by cell and colour by colour.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;
use taizhang::core::Status;
use taizhang::tui::Theme;
use taizhang::tui::widgets::QuotaBar;

fn bar(done: u32, target: u32, expected: u32, status: Status, theme: &Theme, w: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, 1));
    QuotaBar {
        done,
        target,
        expected,
        status,
        theme,
        unit: "",
    }
    .render(buf.area, &mut buf);
    buf
}

#[test]
fn ascii_bar_cells_and_styles() {
    let theme = Theme::new(true, false);
    // 3 of 12 done, pace 6: 22 - len(" 3/12 !") = 15 cells of bar; 3 filled,
    // the pace marker on cell 7 (index 6).
    let buf = bar(3, 12, 6, Status::Behind, &theme, 22);
    let mut want = Buffer::with_lines(["###---|-------- 3/12 !"]);
    let yellow = Style::new().fg(Color::Yellow);
    let grey = Style::new().fg(Color::DarkGray);
    want.set_style(Rect::new(0, 0, 3, 1), yellow);
    want.set_style(Rect::new(3, 0, 12, 1), grey);
    want.set_style(Rect::new(6, 0, 1, 1), grey.add_modifier(Modifier::BOLD));
    want.set_style(Rect::new(16, 0, 6, 1), yellow);
    assert_eq!(buf, want);
}

#[test]
fn unicode_bar_done_and_over_target_is_full() {
    let theme = Theme::new(false, false);
    let buf = bar(15, 12, 12, Status::Done, &theme, 12);
    // 12 - len(" 15/12 ✓") = 4 cells of bar; the pace marker sits on the last.
    let mut want = Buffer::with_lines(["███│ 15/12 ✓"]);
    let green = Style::new().fg(Color::Green);
    want.set_style(Rect::new(0, 0, 3, 1), green);
    want.set_style(Rect::new(3, 0, 1, 1), green.add_modifier(Modifier::BOLD));
    want.set_style(Rect::new(5, 0, 7, 1), green);
    assert_eq!(buf, want);
}

#[test]
fn no_color_keeps_the_marker_and_drops_colour() {
    let theme = Theme::new(true, true);
    let buf = bar(0, 4, 2, Status::Overdue, &theme, 14);
    let mut want = Buffer::with_lines(["---|---- 0/4 x"]);
    want.set_style(
        Rect::new(3, 0, 1, 1),
        Style::new().add_modifier(Modifier::BOLD),
    );
    assert_eq!(buf, want);
}

#[test]
fn narrow_or_zero_target_never_panics() {
    let theme = Theme::default();
    for w in 0..8 {
        for (done, target, expected) in [
            (0, 0, 0),
            (5, 0, 0),
            (u32::MAX, 1, u32::MAX),
            (1, u32::MAX, 0),
        ] {
            let _ = bar(done, target, expected, Status::NoQuota, &theme, w);
        }
    }
    let buf = bar(3, 0, 0, Status::NoQuota, &Theme::new(true, false), 9);
    assert_eq!(
        buf.content()[..]
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect::<String>(),
        "----- 3 -"
    );
    let label_only = bar(1, 2, 1, Status::OnTrack, &Theme::new(true, false), 6);
    assert_eq!(
        label_only.content()[..]
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect::<String>(),
        "1/2 . "
    );
}

#[test]
fn no_quota_shows_the_count_without_a_bar() {
    let theme = Theme::new(true, false);
    let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
    QuotaBar {
        done: 11,
        target: 0,
        expected: 0,
        status: Status::NoQuota,
        theme: &theme,
        unit: "rec",
    }
    .render(buf.area, &mut buf);
    let row: String = buf.content()[..10]
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert_eq!(row, "11 rec    ");
}
