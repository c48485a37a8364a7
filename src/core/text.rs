//! Making stored text safe to show. Records may hold anything a user typed or
//! imported; before text reaches a terminal, control characters, escape
//! sequences and bidi overrides are turned into visible, inert placeholders.

use std::borrow::Cow;
use std::fmt::Write;

/// True for characters that must never reach a terminal raw: C0 and C1
/// controls (ESC, BEL, CR, …), DEL, and the bidi embedding/override/isolate
/// marks that can reorder what a reader sees.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// `s` with every unsafe character replaced by a visible `\u{…}` escape.
/// Line breaks survive when `keep_newlines` is set (multi-line notes).
pub fn inert(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_at = |c: char| is_unsafe(c) && !(keep_newlines && c == '\n');
    if !s.chars().any(unsafe_at) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_at(c) {
            if c == '\t' {
                out.push(' ');
            } else {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line of display text: unsafe characters escaped, newlines shown as ⏎.
pub fn inert_line(s: &str) -> Cow<'_, str> {
    if !s.contains('\n') {
        return inert(s, false);
    }
    Cow::Owned(inert(&s.replace('\n', " ⏎ "), false).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_text() {
        let evil = "会议\u{1b}[2J\u{1b}]0;pwned\u{7}记录";
        let shown = inert(evil, false);
        assert!(!shown.chars().any(is_unsafe), "{shown}");
        assert_eq!(shown, "会议\\u{1b}[2J\\u{1b}]0;pwned\\u{7}记录");
    }

    #[test]
    fn bidi_overrides_are_neutralised_and_plain_text_is_borrowed() {
        assert_eq!(inert("abc\u{202E}def", false), "abc\\u{202e}def");
        assert!(matches!(inert("张三 李四", false), Cow::Borrowed(_)));
    }

    #[test]
    fn newlines_survive_only_when_asked() {
        assert_eq!(inert("a\nb", true), "a\nb");
        assert_eq!(inert("a\nb", false), "a\\u{a}b");
        assert_eq!(inert_line("a\nb"), "a ⏎ b");
        assert_eq!(inert("a\tb", false), "a b");
    }
}
