//! Terminal text: stored text made inert before it is shown (no escape
//! sequence, control character or bidi override reaches the terminal raw),
//! and column layout by display width (unicode-width, as ratatui measures).

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::core::text::{inert, inert_line, is_unsafe};

/// Ledger text (a name, topic, note, reference…) as one inert line: unsafe
/// characters become visible `\u{…}` escapes, line breaks `⏎`. Every stored
/// or typed text a command prints passes here.
pub fn shown(s: &str) -> Cow<'_, str> {
    if s.contains("\r\n") {
        return Cow::Owned(inert_line(&s.replace("\r\n", "\n")).into_owned());
    }
    inert_line(s)
}

/// Multi-line ledger text (notes) made inert, its line breaks kept and
/// every line after the first indented by `indent`.
pub fn shown_block(s: &str, indent: &str) -> String {
    inert(&s.replace("\r\n", "\n"), true).replace('\n', &format!("\n{indent}"))
}

/// The last guard before stdout or stderr: whatever a command prints, with
/// unsafe characters made visible. Line ends (`\n`, and `\r\n` as CSV
/// writes them) stay; a lone `\r`, which would overwrite the line, does not.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    let risky = |c: char| is_unsafe(c) && c != '\n' && c != '\r';
    if !text.chars().any(risky) && !text.replace("\r\n", "").contains('\r') {
        return Cow::Borrowed(text);
    }
    let parts: Vec<Cow<'_, str>> = text.split("\r\n").map(|p| inert(p, true)).collect();
    Cow::Owned(parts.join("\r\n"))
}

/// JSON text with every unsafe character outside the pretty-printing
/// newlines written as a `\uXXXX` escape: still the same JSON value (a
/// backup round-trips exactly), and inert on a terminal. `serde_json` escapes
/// C0 controls itself but leaves DEL, C1 controls and bidi marks raw.
pub fn json_safe(json: String) -> String {
    if !json.chars().any(|c| is_unsafe(c) && c != '\n') {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) && c != '\n' {
            // Every unsafe character is in the Basic Multilingual Plane.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

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

/// `text` with every symbol that terminals with CJK fonts draw two columns
/// wide (East Asian ambiguous width: “” ‘’ · … — ✓ ✗ ⏎ →) replaced by one
/// ASCII character, for `--ascii` output. Each replacement is one column, as
/// `width` measured the original, so columns laid out before stay aligned,
/// on `Xshell` and `SecureCRT` too.
pub fn ascii_safe(text: &str) -> Cow<'_, str> {
    fn replacement(c: char) -> Option<char> {
        Some(match c {
            '“' | '”' => '"',
            '‘' | '’' => '\'',
            // The same as `status_marker_ascii` for "on pace".
            '·' | '•' => '.',
            '…' | '◔' => '~',
            '—' | '–' | '─' => '-',
            '✓' | '✔' => '+',
            '✗' | '✘' | '×' => 'x',
            '⏎' => '/',
            '→' => '>',
            '○' => 'o',
            '◐' | '●' => '*',
            '│' => '|',
            _ => return None,
        })
    }
    if !text.chars().any(|c| replacement(c).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.push(replacement(c).unwrap_or(c));
    }
    Cow::Owned(out)
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
    fn output_is_inert_but_line_ends_stay() {
        let evil = "a\u{1b}]0;pwned\u{7}b\rc\u{202e}\r\nnext\n";
        let safe = terminal_safe(evil);
        assert_eq!(safe, "a\\u{1b}]0;pwned\\u{7}b\\u{d}c\\u{202e}\r\nnext\n");
        assert!(matches!(terminal_safe("行\r\n行\n"), Cow::Borrowed(_)));
        assert_eq!(shown("x\ny\u{1b}"), "x ⏎ y\\u{1b}");
        assert_eq!(shown("x\r\ny"), "x ⏎ y");
        assert_eq!(shown_block("a\r\nb\u{7}", "  "), "a\n  b\\u{7}");
    }

    #[test]
    fn json_stays_json() {
        let value = serde_json::json!({"note": "a\u{1b}b\u{202e}c\u{85}d"});
        let text = json_safe(serde_json::to_string_pretty(&value).unwrap());
        assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn ascii_output_has_no_ambiguous_width_symbols() {
        let text = "贯彻“三会一课”制度 ✓ 已完成 · 正常 … 1—3 ⏎ 下一行";
        let safe = ascii_safe(text);
        assert_eq!(safe, "贯彻\"三会一课\"制度 + 已完成 . 正常 ~ 1-3 / 下一行");
        assert_eq!(width(&safe), width(text), "columns stay where they were");
        assert!(safe.chars().all(|c| {
            c.is_ascii() || UnicodeWidthChar::width_cjk(c) == UnicodeWidthChar::width(c)
        }));
        assert!(matches!(ascii_safe("plain 中文"), Cow::Borrowed(_)));
    }

    #[test]
    fn bar_clamps() {
        assert_eq!(bar(0.5, 4), "[##--]");
        assert_eq!(bar(7.0, 4), "[####]");
        assert_eq!(bar(f64::NAN, 2), "[--]");
    }
}
