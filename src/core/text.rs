//! Text in and out of the ledger. In: every path (CLI, TUI, import, service)
//! cleans text here and checks its length, so nothing stored holds a character
//! XML forbids or a field past its limit. Out: before stored text reaches a
//! terminal, escape sequences and bidi overrides become inert placeholders.

use std::borrow::Cow;
use std::fmt::Write;

use super::error::{Field, Problem, ValidationError};

mod stored;
pub use stored::checked_backup;

/// True for characters no stored text keeps: the C0 controls other than tab
/// and line feed (XML 1.0 forbids them, so a report holding one is invalid),
/// DEL and the C1 controls, and the noncharacters U+FFFE and U+FFFF.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// One line of text: trimmed, line breaks and tabs folded to single spaces,
/// forbidden characters removed.
pub fn clean_line(s: &str) -> String {
    s.split(['\n', '\r', '\t'])
        .map(|part| {
            part.chars()
                .filter(|c| !is_forbidden(*c))
                .collect::<String>()
        })
        .map(|part| part.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Multi-line text (notes): line breaks normalised to `\n`, forbidden
/// characters removed, trailing white space trimmed.
pub fn clean_text(s: &str) -> String {
    let mut out: String = s
        .replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|c| !is_forbidden(*c))
        .collect();
    out.truncate(out.trim_end().len());
    out
}

/// `text` is at most `max` characters, or the error names `field` and the limit.
pub fn check_len(field: Field, text: &str, max: usize) -> Result<(), ValidationError> {
    let got = text.chars().count();
    if got > max {
        return Err(ValidationError::new(field, Problem::TooLong { max, got }));
    }
    Ok(())
}

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
    fn cleaning_removes_what_xml_forbids_and_keeps_line_breaks_in_notes() {
        let raw = "甲\u{1}乙\u{FFFE}丙\u{FFFF}\u{7f}\u{85}丁";
        assert_eq!(clean_line(raw), "甲乙丙丁");
        assert_eq!(clean_text("一\r\n二\r三\u{0}\t四  \n\n"), "一\n二\n三\t四");
        assert_eq!(clean_line("  a\n b\tc  "), "a b c");
        for c in (0u32..0x20).filter_map(char::from_u32) {
            let cleaned = clean_text(&format!("x{c}y"));
            assert!(
                cleaned
                    .chars()
                    .all(|c| c == '\n' || c == '\t' || !c.is_control()),
                "{c:?}"
            );
        }
    }

    #[test]
    fn a_long_field_names_the_field_and_the_limit() {
        assert!(check_len(Field::Notes, "abc", 3).is_ok());
        let e = check_len(Field::Notes, "abcd", 3).unwrap_err();
        assert_eq!(
            e,
            ValidationError::new(Field::Notes, Problem::TooLong { max: 3, got: 4 })
        );
    }

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
