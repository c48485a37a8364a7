//! Column layout for terminal text: padding and cutting by display width
//! (unicode-width, as ratatui measures), never by bytes or chars.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` columns (with `…` when cut), then padded to `max`.
pub fn fit(s: &str, max: usize) -> String {
    let mut out = cut(s, max);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', max.saturating_sub(w)));
    out
}

/// `s` cut to at most `max` columns, ending in `…` when anything was dropped.
pub fn cut(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Right-align `s` in `cols` columns.
pub fn right(s: &str, cols: usize) -> String {
    let pad = cols.saturating_sub(width(s));
    format!("{}{s}", " ".repeat(pad))
}

/// A text bar `[####------]` of `cells` cells for a 0..=1 ratio.
pub fn bar(ratio: f64, cells: usize) -> String {
    let r = if ratio.is_finite() {
        ratio.clamp(0.0, 1.0)
    } else {
        0.0
    };
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let full = ((r * cells as f64).round() as usize).min(cells);
    format!("[{}{}]", "#".repeat(full), "-".repeat(cells - full))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_measures_wide_characters() {
        assert_eq!(fit("中心组", 8), "中心组  ");
        assert_eq!(width(&fit("理论中心组专题学习", 8)), 8);
        assert_eq!(fit("理论中心组专题学习", 8), "理论中… ");
        assert_eq!(cut("abc", 0), "");
    }

    #[test]
    fn bar_clamps() {
        assert_eq!(bar(0.5, 4), "[##--]");
        assert_eq!(bar(7.0, 4), "[####]");
        assert_eq!(bar(f64::NAN, 2), "[--]");
    }
}
