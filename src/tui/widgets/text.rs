//! Fitting text into cells by display width (unicode-width, as ratatui
//! measures), never by bytes or chars, so CJK text is cut where it shows.
//! Text passes through `core::text` first: control characters, escape
//! sequences and bidi overrides from the ledger come out inert and visible.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::core::text::{inert, inert_line};

/// A date as short as it can be without misleading: `03-14` in the year
/// of `today`, `2027-01-31` in any other.
pub fn short_date(d: chrono::NaiveDate, today: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    if d.year() == today.year() {
        d.format("%m-%d").to_string()
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

/// The ASCII stand-in for a character that CJK terminals draw two columns
/// wide though it counts one (Unicode's ambiguous width: “” ‘’ … · — ×),
/// or `None` when it needs none.
pub fn ascii_for(c: char) -> Option<char> {
    if c.is_ascii() || UnicodeWidthChar::width_cjk(c) == UnicodeWidthChar::width(c) {
        return None;
    }
    Some(match c {
        '“' | '”' | '″' => '"',
        '‘' | '’' | '′' => '\'',
        '…' => '~',
        '·' | '•' | '・' => '.',
        '—' | '–' | '―' | '─' => '-',
        '×' => 'x',
        '→' => '>',
        '←' => '<',
        '↑' => '^',
        '↓' => 'v',
        '│' => '|',
        '°' => 'o',
        _ => '?',
    })
}

/// In ASCII mode nothing of ambiguous width reaches the terminal: every
/// such character in the frame becomes its ASCII stand-in, one column as
/// the layout measured it, whatever font the terminal uses.
pub fn asciify(buf: &mut ratatui::buffer::Buffer) {
    for cell in &mut buf.content {
        let symbol = cell.symbol();
        if symbol.chars().any(|c| ascii_for(c).is_some()) {
            let plain: String = symbol.chars().map(|c| ascii_for(c).unwrap_or(c)).collect();
            cell.set_symbol(&plain);
        }
    }
}

/// Display width of `s`.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// `s` on one line, made inert, cut to at most `max` columns, ending in
/// `ellipsis` when cut.
pub fn truncate(s: &str, max: usize, ellipsis: &str) -> String {
    let s = inert_line(s);
    if width(&s) <= max {
        return s.into_owned();
    }
    let room = max.saturating_sub(width(ellipsis));
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars().filter(|c| !c.is_control()) {
        let w = char_width(c);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    if width(ellipsis) <= max {
        out.push_str(ellipsis);
    }
    out
}

/// `s` cut to `w` columns and padded with spaces to exactly `w`.
pub fn fit(s: &str, w: usize, ellipsis: &str) -> String {
    let mut out = truncate(s, w, ellipsis);
    let pad = w.saturating_sub(width(&out));
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// Is `c` a character after which a line may break without a space (CJK)?
fn breaks_anywhere(c: char) -> bool {
    char_width(c) >= 2
}

/// Wrap `s` (made inert) into lines of at most `max` columns. CJK text
/// breaks between any two characters, other text at spaces; a word longer
/// than a line is split.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    if max == 0 {
        return lines;
    }
    let s = inert(s, true);
    for para in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in words(para) {
            let w = width(&word);
            let is_space = word.chars().all(char::is_whitespace);
            if used + w <= max {
                if !(is_space && used == 0) {
                    line.push_str(&word);
                    used += w;
                }
                continue;
            }
            if !line.is_empty() {
                let carry = carry_over(&mut line, &word);
                lines.push(line.trim_end().to_string());
                used = width(&carry);
                line = carry;
            }
            if is_space {
                continue;
            }
            for c in word.chars() {
                let cw = char_width(c);
                if used + cw > max && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Characters no line may start with (the basic Chinese line-breaking rule).
const NO_START: &[char] = &[
    '，', '。', '、', '；', '：', '！', '？', '）', '」', '』', '”', '》',
];
/// Characters no line may end with.
const NO_END: &[char] = &['（', '「', '『', '“', '《'];

/// Before breaking `line` ahead of `next`: take off the end of `line` what
/// must move to the next line, so that no line starts with closing
/// punctuation and none ends with an opening one. `line` keeps at least one
/// character; at most two move.
fn carry_over(line: &mut String, next: &str) -> String {
    let mut carry = String::new();
    for _ in 0..2 {
        let starts_bad = carry
            .chars()
            .next()
            .or_else(|| next.chars().next())
            .is_some_and(|c| NO_START.contains(&c));
        let ends_bad = line.chars().last().is_some_and(|c| NO_END.contains(&c));
        if !(starts_bad || ends_bad) || line.chars().count() < 2 {
            break;
        }
        match line.chars().last() {
            Some(c) if !c.is_whitespace() => {
                line.pop();
                carry.insert(0, c);
            }
            _ => break,
        }
    }
    carry
}

/// Split into breakable pieces: a run of spaces, a run of non-CJK
/// non-space characters, or one CJK character. Control characters are dropped.
fn words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cur_space = false;
    for c in s.chars() {
        if c.is_control() {
            continue;
        }
        if breaks_anywhere(c) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(c.to_string());
            continue;
        }
        let space = c.is_whitespace();
        if !cur.is_empty() && space != cur_space {
            out.push(std::mem::take(&mut cur));
        }
        cur_space = space;
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguous_width_punctuation_has_ascii_stand_ins() {
        assert_eq!(ascii_for('“'), Some('"'));
        assert_eq!(ascii_for('…'), Some('~'));
        assert_eq!(ascii_for('·'), Some('.'));
        // CJK characters and full-width punctuation are two columns anywhere.
        assert_eq!(ascii_for('党'), None);
        assert_eq!(ascii_for('：'), None);
        assert_eq!(ascii_for('a'), None);
        let mut buf = ratatui::buffer::Buffer::with_lines(["“严”…"]);
        asciify(&mut buf);
        assert_eq!(buf, ratatui::buffer::Buffer::with_lines(["\"严\"~"]));
    }

    #[test]
    fn truncates_cjk_by_display_width() {
        assert_eq!(truncate("理论中心组学习", 7, "…"), "理论中…");
        assert_eq!(width(&truncate("理论中心组学习", 7, "…")), 7);
        assert_eq!(truncate("理论中心组学习", 8, "~"), "理论中~");
        assert_eq!(truncate("abc", 3, "…"), "abc");
        assert_eq!(truncate("abcd", 0, "…"), "");
        assert_eq!(fit("党课", 6, "…"), "党课  ");
    }

    #[test]
    fn hostile_text_comes_out_inert() {
        let evil = "会\u{1b}]0;pwned\u{7}议\u{202e}x\u{1b}[2J";
        for out in [truncate(evil, 80, "…"), fit(evil, 80, "…")]
            .into_iter()
            .chain(wrap(evil, 10))
        {
            assert!(!out.chars().any(crate::core::text::is_unsafe), "{out:?}");
        }
        assert!(truncate(evil, 80, "").contains("\\u{1b}]0;pwned"));
    }

    #[test]
    fn wraps_cjk_anywhere_and_english_at_spaces() {
        assert_eq!(wrap("一二三四五", 4), vec!["一二", "三四", "五"]);
        assert_eq!(
            wrap("at least once a year", 9),
            vec!["at least", "once a", "year"]
        );
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        for line in wrap("每年至少安排12次专题学习 and more words here", 7) {
            assert!(width(&line) <= 7, "{line}");
        }
        assert!(wrap("x", 0).is_empty());
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        // Plain breaking would start line 2 with "，".
        assert_eq!(wrap("一二三四，五六", 8), vec!["一二三", "四，五六"]);
        // Nor end with an opening one.
        assert_eq!(wrap("一二三“四”", 8), vec!["一二三", "“四”"]);
        for line in wrap("严格落实理论中心组学习制度，每年至少安排12次专题学习。", 10)
        {
            assert!(!line.starts_with(NO_START), "{line}");
            assert!(!line.ends_with(NO_END), "{line}");
        }
    }
}
