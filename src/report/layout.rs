//! The GB/T 9704-2012 page both the DOCX and the HTML print to: A4, margins
//! 37/35/28/26 mm, 22 lines of 28 characters, the fonts and sizes of each
//! element, and table column widths sized to their content so that names,
//! dates and statuses never wrap mid-word. One place for every measure.

use unicode_width::UnicodeWidthStr;

use super::model::Table;

/// Margins in millimetres: top, bottom, left (binding side), right.
pub const MARGIN_MM: [f64; 4] = [37.0, 35.0, 28.0, 26.0];
pub const A4_MM: (f64, f64) = (210.0, 297.0);
/// The text block holds 22 lines of 28 characters.
pub const LINES: u32 = 22;
pub const CHARS: u32 = 28;

/// Sizes in points: title 二号, body and headings 三号, tables 五号, page
/// number 四号.
pub const TITLE_PT: f64 = 22.0;
pub const BODY_PT: f64 = 16.0;
pub const TABLE_PT: f64 = 10.5;
pub const PAGE_NO_PT: f64 = 14.0;

/// Fonts, each with the fallback a machine without it uses.
pub const TITLE_FONT: [&str; 2] = ["方正小标宋简体", "宋体"];
pub const BODY_FONT: [&str; 2] = ["仿宋_GB2312", "仿宋"];
pub const H1_FONT: [&str; 2] = ["黑体", "SimHei"];
pub const H2_FONT: [&str; 2] = ["楷体_GB2312", "楷体"];
pub const LATIN_FONT: &str = "Times New Roman";

/// Millimetres to twentieths of a point, rounded.
pub fn twips(mm: f64) -> i32 {
    // A page measure: far inside i32.
    #[allow(clippy::cast_possible_truncation)]
    let t = (mm / 25.4 * 1440.0).round() as i32;
    t
}

/// The text block's width in millimetres.
pub fn text_width_mm() -> f64 {
    A4_MM.0 - MARGIN_MM[2] - MARGIN_MM[3]
}

/// The line pitch in twips: the text block's height over 22 lines.
pub fn line_pitch() -> i32 {
    (twips(A4_MM.1 - MARGIN_MM[0] - MARGIN_MM[1])) / i32::try_from(LINES).unwrap_or(22)
}

/// The character spacing, in twentieths of a point, that sets 28 body
/// characters in the 156 mm line (−5: 16 pt characters are a little wide).
/// Rounded down, so the 28th character always fits.
pub fn char_spacing() -> i32 {
    let pitch_pt = text_width_mm() / 25.4 * 72.0 / f64::from(CHARS);
    // A fraction of a point: far inside i32.
    #[allow(clippy::cast_possible_truncation)]
    let tw = ((pitch_pt - BODY_PT) * 20.0).floor() as i32;
    tw
}

/// A cell's text width in ems: a CJK character is one, ASCII a half.
fn ems(s: &str) -> f64 {
    f64::from(u32::try_from(s.width()).unwrap_or(u32::MAX)) / 2.0
}

/// A column whose every cell is up to this many ems is kept on one line
/// (names, dates, numbers, statuses); a wider column may wrap.
const UNBREAKABLE_EMS: f64 = 8.0;
/// The least a wrapping column is given.
const WRAPPING_MIN_EMS: f64 = 5.0;
/// Room a cell needs besides its text: padding each side and a little slack.
const CELL_PAD_EMS: f64 = 1.6;

/// Column widths in ems of the table font, summing to `total`: a column of
/// short cells gets its longest cell (so it never wraps mid-word), and the
/// room left goes to the columns with long text, by how much they need.
pub fn column_ems(t: &Table, total: f64) -> Vec<f64> {
    let n = t.header.len();
    let mut min = vec![0.0_f64; n];
    let mut max = vec![0.0_f64; n];
    for row in std::iter::once(&t.header).chain(&t.rows) {
        for (i, cell) in row.iter().enumerate().take(n) {
            max[i] = max[i].max(cell.lines().map(ems).fold(0.0, f64::max));
        }
    }
    for (lo, hi) in min.iter_mut().zip(&max) {
        *lo = if *hi <= UNBREAKABLE_EMS {
            *hi
        } else {
            WRAPPING_MIN_EMS
        };
    }
    let min: Vec<f64> = min.iter().map(|m| m + CELL_PAD_EMS).collect();
    let max: Vec<f64> = max.iter().map(|m| m + CELL_PAD_EMS).collect();
    let (sum_min, sum_max): (f64, f64) = (min.iter().sum(), max.iter().sum());
    if sum_max <= total || sum_min >= total {
        // Everything fits on one line (or nothing fits): scale to the block.
        let base = if sum_max <= total { &max } else { &min };
        let sum: f64 = base.iter().sum::<f64>().max(1.0);
        return base.iter().map(|w| w * total / sum).collect();
    }
    let spare = total - sum_min;
    let wants: f64 = max
        .iter()
        .zip(&min)
        .map(|(a, b)| a - b)
        .sum::<f64>()
        .max(1.0);
    min.iter()
        .zip(&max)
        .map(|(lo, hi)| lo + spare * (hi - lo) / wants)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_columns_keep_their_width_and_long_ones_share_the_rest() {
        let mut t = Table::new(&["姓名", "主题", "状态"]);
        t.push(vec!["欧阳明月".into(), "学".repeat(80), "逾期完成".into()]);
        let w = column_ems(&t, 40.0);
        assert!((w.iter().sum::<f64>() - 40.0).abs() < 1e-9);
        assert!(w[0] >= 4.0 + CELL_PAD_EMS - 1e-9, "{w:?}");
        assert!(w[2] >= 4.0 + CELL_PAD_EMS - 1e-9, "{w:?}");
        assert!(w[1] > 25.0, "{w:?}");
    }

    #[test]
    fn the_page_is_gbt_9704() {
        assert_eq!(twips(37.0), 2098);
        assert_eq!(line_pitch(), 579);
        assert_eq!(char_spacing(), -5);
        assert!((text_width_mm() - 156.0).abs() < 1e-9);
    }
}
