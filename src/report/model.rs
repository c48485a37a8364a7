//! The format-neutral document: a title, an opening, numbered sections of
//! paragraphs, placeholders and tables, and closing lines. Text here is plain
//! and unescaped; each renderer makes it safe for its own format.

use chrono::NaiveDate;

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub title: String,
    pub lang: Lang,
    /// The day the report was generated (the ledger's `today`).
    pub date: NaiveDate,
    /// Paragraphs before the first section (the addressee).
    pub opening: Vec<Block>,
    pub sections: Vec<Section>,
    /// Right-aligned closing lines: the signature and the date.
    pub closing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// With its number, e.g. `一、总体情况`.
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A numbered sub-heading, e.g. `（一）会议`.
    Subheading(String),
    /// Body text.
    Paragraph(String),
    /// Text the reviewer replaces, e.g. `【请在此填写总体情况】`.
    Placeholder(String),
    Table(Table),
    /// A paragraph without first-line indent (an addressee line).
    Plain(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    /// Each row has as many cells as the header.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| (*h).to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Add a row, padded or cut to the header's width.
    pub fn push(&mut self, mut row: Vec<String>) {
        row.resize(self.header.len(), String::new());
        self.rows.push(row);
    }
}

impl Section {
    pub fn new(heading: String) -> Section {
        Section {
            heading,
            blocks: Vec::new(),
        }
    }

    pub fn sub(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Subheading(text.into()));
    }

    pub fn para(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(text.into()));
    }

    pub fn placeholder(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Placeholder(text.into()));
    }

    /// A table, or the word for "none" when it has no rows.
    pub fn table_or_none(&mut self, table: Table, lang: Lang) {
        if table.rows.is_empty() {
            self.blocks
                .push(Block::Paragraph(lang.pick("无", "none").to_string()));
        } else {
            self.blocks.push(Block::Table(table));
        }
    }
}

impl Report {
    /// Every text of the report in reading order, for checks and search.
    pub fn texts(&self) -> Vec<&str> {
        fn push<'a>(out: &mut Vec<&'a str>, b: &'a Block) {
            match b {
                Block::Subheading(t)
                | Block::Paragraph(t)
                | Block::Placeholder(t)
                | Block::Plain(t) => out.push(t),
                Block::Table(t) => {
                    out.extend(t.header.iter().map(String::as_str));
                    out.extend(t.rows.iter().flatten().map(String::as_str));
                }
            }
        }
        let mut out = vec![self.title.as_str()];
        for b in &self.opening {
            push(&mut out, b);
        }
        for s in &self.sections {
            out.push(&s.heading);
            for b in &s.blocks {
                push(&mut out, b);
            }
        }
        out.extend(self.closing.iter().map(String::as_str));
        out
    }
}
