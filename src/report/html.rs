//! HTML rendering: one self-contained file that prints on A4. All text is
//! made inert and HTML-escaped, so a record cannot inject markup or script.

use std::fmt::Write;

use crate::core::text::inert_line;
use crate::i18n::Lang;

use super::model::{Block, Report, Table};

const STYLE: &str = r#"@page { size: A4; margin: 25mm 25mm 25mm 28mm; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "Times New Roman", serif; font-size: 12pt; line-height: 1.75; color: #000; background: #fff; max-width: 160mm; margin: 0 auto; }
h1, h2, h3, th { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-weight: normal; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 1em; }
h2 { font-size: 14pt; margin: 1em 0 0.3em; }
h3 { font-size: 12pt; margin: 0.8em 0 0.2em; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
p { margin: 0.2em 0; orphans: 2; widows: 2; }
:lang(zh) p.body { text-indent: 2em; }
p.placeholder { background: #fff3bf; }
p.closing { text-align: right; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.8em; font-size: 10.5pt; line-height: 1.5; }
thead { display: table-header-group; }
tr, td, th { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #eee; }
@media screen { body { padding: 15mm 0; } }
@media print { p.placeholder { background: none; } }"#;

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
    out.push_str("<table>\n<thead><tr>");
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
            let _ = writeln!(out, "<p class=\"body placeholder\">{}</p>", escape(t));
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
    for c in &r.closing {
        let _ = writeln!(out, "<p class=\"closing\">{}</p>", escape(c));
    }
    out.push_str("</body>\n</html>\n");
    out
}
