//! Reports a branch hands in, generated from the ledger: the annual report to
//! the superior committee and a leader's 述责述廉 draft. Builders turn a
//! `YearView` into a format-neutral `Report`; renderers write Markdown, HTML
//! and DOCX. Every number comes from the ledger; nothing here reads the clock.

mod annual;
mod docx;
mod html;
mod markdown;
pub mod model;
mod shuze;
mod talks;
mod typeset;

use chrono::NaiveDate;

pub use annual::annual;
pub use docx::to_docx;
pub use html::to_html;
pub use markdown::to_markdown;
pub use model::{Block, Report, Section, Table};
pub use shuze::shuze;

/// One rectification item (整改) as a report lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixLine {
    pub problem: String,
    pub owner: String,
    pub deadline: NaiveDate,
    pub state: String,
}

/// The year's rectification items, grouped as the annual report shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RectificationSummary {
    pub opened: Vec<FixLine>,
    pub closed: Vec<FixLine>,
    pub overdue: Vec<FixLine>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The DOCX package could not be written.
    #[error("could not write the DOCX file: {0}; check free memory and try again")]
    Docx(String),
}
