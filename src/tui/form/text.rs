//! A text input that edits by character and measures by display column
//! (`unicode-width`), so the cursor sits exactly right in Chinese text. The
//! cursor is a byte offset that is always on a character boundary.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What an editing key did to an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// The text changed.
    Edited,
    /// Only the cursor moved.
    Moved,
    /// Not an editing key.
    Ignored,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
    multiline: bool,
}

impl TextInput {
    /// The editing keys every form shares: typing, Ctrl-U, Backspace,
    /// Delete, ←/→, Home/End.
    pub fn apply(&mut self, key: &KeyEvent) -> Applied {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Char('u') if ctrl => self.clear(),
            KeyCode::Char(c) if !ctrl && !alt => self.insert_char(c),
            KeyCode::Backspace => self.backspace(),
            KeyCode::Delete => self.delete(),
            KeyCode::Left => self.left(),
            KeyCode::Right => self.right(),
            KeyCode::Home => self.home(),
            KeyCode::End => self.end(),
            _ => return Applied::Ignored,
        }
        if matches!(
            key.code,
            KeyCode::Left | KeyCode::Right | KeyCode::Home | KeyCode::End
        ) {
            Applied::Moved
        } else {
            Applied::Edited
        }
    }

    pub fn new(text: &str, multiline: bool) -> Self {
        let mut t = Self {
            text: String::new(),
            cursor: 0,
            multiline,
        };
        t.insert_str(text);
        t
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Clean text for this input: `\r\n` and `\r` become `\n`, and in a
    /// one-line input every line break or tab becomes a space; other control
    /// characters are dropped.
    fn clean(&self, s: &str) -> String {
        let s = s.replace("\r\n", "\n").replace('\r', "\n");
        s.chars()
            .filter_map(|c| match c {
                '\n' if self.multiline => Some('\n'),
                '\n' | '\t' => Some(' '),
                // Controls and bidi overrides never enter a field.
                c if crate::core::text::is_unsafe(c) => None,
                c => Some(c),
            })
            .collect()
    }

    pub fn insert_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.insert_str(c.encode_utf8(&mut buf));
    }

    pub fn insert_str(&mut self, s: &str) {
        let clean = self.clean(s);
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    /// Replace `start..end` (byte offsets on boundaries) and put the cursor
    /// after the new text.
    pub fn replace(&mut self, start: usize, end: usize, with: &str) {
        let start = start.min(self.text.len());
        let end = end.clamp(start, self.text.len());
        if !self.text.is_char_boundary(start) || !self.text.is_char_boundary(end) {
            return;
        }
        let clean = self.clean(with);
        self.text.replace_range(start..end, &clean);
        self.cursor = start + clean.len();
    }

    fn prev_boundary(&self) -> Option<usize> {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map(|(i, _)| i)
    }

    fn next_boundary(&self) -> Option<usize> {
        self.text[self.cursor..]
            .chars()
            .next()
            .map(|c| self.cursor + c.len_utf8())
    }

    pub fn backspace(&mut self) {
        if let Some(p) = self.prev_boundary() {
            self.text.replace_range(p..self.cursor, "");
            self.cursor = p;
        }
    }

    pub fn delete(&mut self) {
        if let Some(n) = self.next_boundary() {
            self.text.replace_range(self.cursor..n, "");
        }
    }

    pub fn left(&mut self) {
        if let Some(p) = self.prev_boundary() {
            self.cursor = p;
        }
    }

    pub fn right(&mut self) {
        if let Some(n) = self.next_boundary() {
            self.cursor = n;
        }
    }

    fn line_start(&self) -> usize {
        self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1)
    }

    fn line_end(&self) -> usize {
        self.text[self.cursor..]
            .find('\n')
            .map_or(self.text.len(), |i| self.cursor + i)
    }

    pub fn home(&mut self) {
        self.cursor = self.line_start();
    }

    pub fn end(&mut self) {
        self.cursor = self.line_end();
    }

    /// Move to the line above, keeping the display column; `false` on the
    /// first line.
    pub fn up(&mut self) -> bool {
        let start = self.line_start();
        if start == 0 {
            return false;
        }
        let col = self.text[start..self.cursor].width();
        let prev_start = self.text[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        self.cursor = prev_start + byte_at_col(&self.text[prev_start..start - 1], col);
        true
    }

    /// Move to the line below, keeping the display column; `false` on the
    /// last line.
    pub fn down(&mut self) -> bool {
        let end = self.line_end();
        if end >= self.text.len() {
            return false;
        }
        let col = self.text[self.line_start()..self.cursor].width();
        let next_start = end + 1;
        let next_end = self.text[next_start..]
            .find('\n')
            .map_or(self.text.len(), |i| next_start + i);
        self.cursor = next_start + byte_at_col(&self.text[next_start..next_end], col);
        true
    }

    /// The cursor's line (0-based) and display column within that line.
    pub fn cursor_line_col(&self) -> (usize, usize) {
        let before = &self.text[..self.cursor];
        let line = before.matches('\n').count();
        (line, before[self.line_start()..].width())
    }

    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.text.split('\n')
    }
}

/// The byte offset in `line` of the last character boundary at or before
/// display column `col`.
fn byte_at_col(line: &str, col: usize) -> usize {
    let mut w = 0;
    for (i, c) in line.char_indices() {
        let cw = c.width().unwrap_or(0);
        if w + cw > col {
            return i;
        }
        w += cw;
    }
    line.len()
}

/// The part of `line` to show in `width` columns so that display column
/// `cursor` stays visible: (visible text, first column shown).
pub fn window(line: &str, cursor: usize, width: usize) -> (String, usize) {
    if width == 0 {
        return (String::new(), 0);
    }
    let start = if cursor < width {
        0
    } else {
        cursor + 1 - width
    };
    let mut out = String::new();
    let mut col = 0;
    for c in line.chars() {
        let cw = c.width().unwrap_or(0);
        if col >= start && col + cw <= start + width {
            out.push(c);
        } else if col < start && col + cw > start {
            // A wide character cut by the left edge: keep the columns aligned.
            out.push(' ');
        }
        col += cw;
        if col >= start + width {
            break;
        }
    }
    (out, start)
}

/// Cut `text` to at most `width` display columns.
/// Shown text (names, departments from the ledger) is made inert first.
pub fn clip(text: &str, width: usize) -> String {
    window(&crate::core::text::inert_line(text), 0, width).0
}

/// `text` cut or padded with spaces to exactly `width` display columns.
pub fn pad_to(text: &str, width: usize) -> String {
    let s = clip(text, width);
    let w = s.width();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// Break `text` into lines of at most `width` display columns.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let text = crate::core::text::inert(text, true);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut w = 0;
        for c in para.chars() {
            let cw = c.width().unwrap_or(0);
            if w + cw > width {
                out.push(std::mem::take(&mut line));
                w = 0;
            }
            line.push(c);
            w += cw;
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_and_measures_chinese() {
        let mut t = TextInput::new("", false);
        for c in "学习a".chars() {
            t.insert_char(c);
        }
        assert_eq!(t.cursor_line_col(), (0, 5));
        t.left();
        t.left();
        assert_eq!(t.cursor_line_col(), (0, 2));
        t.backspace();
        assert_eq!(t.text(), "习a");
        t.insert_str("x\ny");
        assert_eq!(t.text(), "x y习a");
    }

    #[test]
    fn multiline_moves_by_column() {
        let mut t = TextInput::new("第一行\nab\n第三行", true);
        assert_eq!(t.cursor_line_col(), (2, 6));
        assert!(t.up());
        assert_eq!(t.cursor_line_col(), (1, 2));
        assert!(t.up());
        assert_eq!(t.cursor_line_col(), (0, 2));
        assert!(!t.up());
        assert!(t.down() && t.down());
        assert!(!t.down());
    }

    #[test]
    fn window_keeps_cursor_visible() {
        assert_eq!(window("一二三四", 8, 4), (" 四".into(), 5));
        assert_eq!(window("abc", 1, 10), ("abc".into(), 0));
        assert_eq!(wrap("一二三", 4), vec!["一二", "三"]);
    }
}
