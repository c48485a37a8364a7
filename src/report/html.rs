//! HTML rendering: one self-contained file that prints in the GB/T 9704
//! layout of the DOCX (A4, margins, fonts, page numbers, annexes on their own
//! pages). All text is made inert and HTML-escaped, so a record cannot inject
//! markup or script.

use std::fmt::Write;

use crate::core::text::inert_line;
use crate::i18n::Lang;

use super::layout::column_ems;
use super::model::{Block, Report, Table};

/// GB/T 9704 in print CSS: the measures of `layout`, the same as the DOCX.
const STYLE: &str = r#"@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt "SimSun", "宋体", serif; margin-right: 1em; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt "SimSun", "宋体", serif; margin-left: 1em; } }
body { font-family: "仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Times New Roman", serif; font-size: 16pt; line-height: 28.95pt; letter-spacing: -0.25pt; color: #000; background: #fff; max-width: 156mm; margin: 0 auto; }
h1, .annex-title { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "宋体", "SimSun", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal; line-height: 33pt; text-align: center; margin: 0 0 28.95pt; }
h2, .annex-label, th { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-weight: normal; }
h2 { font-size: 16pt; margin: 0; text-indent: 2em; }
h3 { font-family: "楷体_GB2312", "楷体", "KaiTi", "STKaiti", serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
h2, h3 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
p { margin: 0; orphans: 2; widows: 2; text-align: justify; }
:lang(zh) p.body, :lang(zh) p.annex-note { text-indent: 2em; }
.placeholder { background: #fff3bf; text-decoration: underline; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
p.closing { text-align: right; padding-right: 4em; }
p.closing.first { margin-top: 57.9pt; }
p.annex-note.first { margin-top: 28.95pt; }
.annex { break-before: page; page-break-before: always; }
.annex-label { font-size: 16pt; }
table { border-collapse: collapse; table-layout: fixed; width: 100%; margin: 0 0 8pt; font-size: 10.5pt; line-height: 15.75pt; }
thead { display: table-header-group; }
tr, td, th { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; text-align: left; overflow-wrap: anywhere; }
@media screen { body { padding: 15mm 0; } }"#;

/// `s` made inert and escaped for HTML text and attribute values.
pub fn escape(s: &str) -> String {
    let s = inert_line(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn table(out: &mut String, t: &Table) {
    let widths = column_ems(t, 100.0);
    out.push_str("<table>\n<colgroup>");
    for w in widths {
        let _ = write!(out, "<col style=\"width: {w:.1}%\">");
    }
    out.push_str("</colgroup>\n<thead><tr>");
    for h in &t.header {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in &t.rows {
        out.push_str("<tr>");
        for c in r {
            let _ = write!(out, "<td>{}</td>", escape(c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Subheading(t) => {
            let _ = writeln!(out, "<h3>{}</h3>", escape(t));
        }
        Block::Paragraph(t) => {
            let _ = writeln!(out, "<p class=\"body\">{}</p>", escape(t));
        }
        Block::Plain(t) => {
            let _ = writeln!(out, "<p>{}</p>", escape(t));
        }
        Block::Placeholder(t) => {
            let _ = writeln!(
                out,
                "<p class=\"body\"><span class=\"placeholder\">{}</span></p>",
                escape(t)
            );
        }
        Block::Table(t) => table(out, t),
    }
}

pub fn to_html(r: &Report) -> String {
    let lang = match r.lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    let title = escape(&r.title);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    for b in &r.opening {
        block(&mut out, b);
    }
    for s in &r.sections {
        let _ = writeln!(out, "<h2>{}</h2>", escape(&s.heading));
        for b in &s.blocks {
            block(&mut out, b);
        }
    }
    for (i, line) in r.annex_note().iter().enumerate() {
        let first = if i == 0 { " first" } else { "" };
        let _ = writeln!(out, "<p class=\"annex-note{first}\">{}</p>", escape(line));
    }
    for (i, c) in r.closing.iter().enumerate() {
        let first = if i == 0 { " first" } else { "" };
        let _ = writeln!(out, "<p class=\"closing{first}\">{}</p>", escape(c));
    }
    if let Some(note) = r.note_line() {
        let _ = writeln!(out, "<p class=\"body\">{}</p>", escape(&note));
    }
    for (i, a) in r.annexes.iter().enumerate() {
        let _ = writeln!(
            out,
            "<section class=\"annex\">\n<p class=\"annex-label\">{}</p>\n<p class=\"annex-title\">{}</p>",
            escape(&r.annex_label(i + 1)),
            escape(&a.title)
        );
        for b in &a.blocks {
            block(&mut out, b);
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
