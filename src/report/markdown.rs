//! Markdown rendering. Text is made inert (no control characters reach the
//! file) and every ASCII character Markdown could read as markup is escaped,
//! so a record's topic can never become a heading, a link, HTML or a column.

use std::fmt::Write;

use crate::core::text::inert_line;

use super::model::{Block, Report, Table};

/// Characters escaped wherever they stand.
const ALWAYS: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&'];
/// Characters escaped only at the start of a line.
const LEADING: &[char] = &['#', '-', '+', '='];

/// `s` as literal Markdown text at the start of a line.
pub fn escape(s: &str) -> String {
    escape_at(s, true)
}

/// `s` as literal Markdown text; `line_start` escapes the markers (`#`, `-`,
/// `1.`) that only mean something at the start of a line.
fn escape_at(s: &str, line_start: bool) -> String {
    let s = inert_line(s);
    let mut out = String::with_capacity(s.len() + 4);
    let digits = if line_start {
        s.chars().take_while(char::is_ascii_digit).count()
    } else {
        0
    };
    for (i, c) in s.chars().enumerate() {
        let ordered = digits > 0 && i == digits && matches!(c, '.' | ')');
        if ALWAYS.contains(&c) || (line_start && i == 0 && LEADING.contains(&c)) || ordered {
            out.push('\\');
        }
        out.push(c);
    }
    // Leading spaces would make an indented code block.
    let trimmed = out.trim_start_matches(' ');
    if trimmed.len() == out.len() {
        out
    } else {
        let n = out.len() - trimmed.len();
        format!("{}{}", "&#32;".repeat(n), trimmed)
    }
}

fn table(out: &mut String, t: &Table) {
    let row = |out: &mut String, cells: &[String]| {
        out.push('|');
        for c in cells {
            let _ = write!(out, " {} |", escape_at(c, false));
        }
        out.push('\n');
    };
    row(out, &t.header);
    out.push('|');
    for _ in &t.header {
        out.push_str(" --- |");
    }
    out.push('\n');
    for r in &t.rows {
        row(out, r);
    }
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Subheading(t) => {
            let _ = writeln!(out, "### {}", escape_at(t, false));
        }
        Block::Paragraph(t) | Block::Plain(t) => out.push_str(&escape(t)),
        Block::Placeholder(t) => {
            let _ = write!(out, "**{}**", escape(t));
        }
        Block::Table(t) => table(out, t),
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push('\n');
}

pub fn to_markdown(r: &Report) -> String {
    let mut out = format!("# {}\n\n", escape_at(&r.title, false));
    for b in &r.opening {
        block(&mut out, b);
    }
    for s in &r.sections {
        let _ = writeln!(out, "## {}\n", escape_at(&s.heading, false));
        for b in &s.blocks {
            block(&mut out, b);
        }
    }
    let note: Vec<String> = r.annex_note().iter().map(|l| escape(l)).collect();
    if !note.is_empty() {
        out.push_str(&note.join("\\\n"));
        out.push_str("\n\n");
    }
    // Hard line breaks keep the signature and date on separate lines.
    let closing: Vec<String> = r.closing.iter().map(|c| escape(c)).collect();
    out.push_str(&closing.join("\\\n"));
    out.push('\n');
    if let Some(n) = r.note_line() {
        let _ = writeln!(out, "\n{}", escape(&n));
    }
    for (i, a) in r.annexes.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n---\n\n{}\n\n## {}\n",
            escape(&r.annex_label(i + 1)),
            escape_at(&a.title, false)
        );
        for b in &a.blocks {
            block(&mut out, b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("# 标题"), "\\# 标题");
        assert_eq!(escape("1. 第一"), "1\\. 第一");
        assert_eq!(escape("- x"), "\\- x");
        assert_eq!(escape("<b>&"), "\\<b\\>\\&");
        assert_eq!(escape("会\u{1b}[2J"), "会\\\\u{1b}\\[2J");
        assert_eq!(escape("  缩进"), "&#32;&#32;缩进");
        assert_eq!(escape("2026年"), "2026年");
        assert_eq!(super::escape_at("1. Overview", false), "1. Overview");
    }
}
