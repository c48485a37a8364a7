//! The format-neutral document in the parts of a GB/T 9704 公文: title, 主送,
//! numbered sections, 附件说明, 落款 and date, 附注, then the annexes, each on
//! its own pages. Text here is plain and unescaped; each renderer makes it
//! safe for its own format.

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
    /// The 附注 below the date, in brackets (the seal digest of a sealed year).
    pub note: Option<String>,
    /// 附件 1, 2, …, each starting on a new page.
    pub annexes: Vec<Annex>,
}

/// One annex: its title and what it holds (mostly tables).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annex {
    pub title: String,
    pub blocks: Vec<Block>,
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
        table_or_none(&mut self.blocks, table, lang);
    }
}

impl Annex {
    pub fn new(title: impl Into<String>) -> Annex {
        Annex {
            title: title.into(),
            blocks: Vec::new(),
        }
    }

    pub fn sub(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Subheading(text.into()));
    }

    pub fn para(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(text.into()));
    }

    pub fn table_or_none(&mut self, table: Table, lang: Lang) {
        table_or_none(&mut self.blocks, table, lang);
    }
}

fn table_or_none(blocks: &mut Vec<Block>, table: Table, lang: Lang) {
    if table.rows.is_empty() {
        blocks.push(Block::Paragraph(lang.pick("无。", "None.").to_string()));
    } else {
        blocks.push(Block::Table(table));
    }
}

impl Report {
    /// The 附件说明 lines under the body: `附件：1．…`, then `2．…` aligned
    /// under the first title; empty without annexes.
    pub fn annex_note(&self) -> Vec<String> {
        self.annexes
            .iter()
            .enumerate()
            .map(|(i, a)| match (self.lang, i) {
                (Lang::Zh, 0) => format!("附件：1．{}", a.title),
                (Lang::Zh, _) => format!("　　　{}．{}", i + 1, a.title),
                (Lang::En, 0) => format!("Annexes: 1. {}", a.title),
                (Lang::En, _) => format!("         {}. {}", i + 1, a.title),
            })
            .collect()
    }

    /// The label above an annex's title: `附件1` / `Annex 1` (`n` 1-based).
    pub fn annex_label(&self, n: usize) -> String {
        match self.lang {
            Lang::Zh => format!("附件{n}"),
            Lang::En => format!("Annex {n}"),
        }
    }

    /// The 附注 as printed: in full-width brackets in Chinese.
    pub fn note_line(&self) -> Option<String> {
        self.note.as_ref().map(|n| match self.lang {
            Lang::Zh => format!("（{n}）"),
            Lang::En => format!("({n})"),
        })
    }

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
        out.extend(self.note.as_deref());
        for a in &self.annexes {
            out.push(&a.title);
            for b in &a.blocks {
                push(&mut out, b);
            }
        }
        out
    }
}
