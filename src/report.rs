//! Reports a branch hands in, generated from the ledger: the annual report to
//! the superior committee and a leader's 述责述廉 draft. Builders turn a
//! `YearView` into a format-neutral `Report`; renderers write Markdown, HTML
//! and DOCX. Every number comes from the ledger; nothing here reads the clock.

mod annex;
mod annual;
mod docx;
mod html;
mod layout;
mod markdown;
pub mod model;
mod periods;
mod problems;
mod prose;
mod shuze;
mod talks;
mod typeset;

use chrono::NaiveDate;

pub use annex::{GROUPS, done_cell, evidence_only, requirement_cell, status_cell, target_cell};
pub use annual::{BRANCH, annual};
pub use docx::to_docx;
pub use html::to_html;
pub use markdown::to_markdown;
pub use model::{Annex, Block, Report, Section, Table};
pub use problems::missing_words;
pub use shuze::shuze;

use crate::core::journal::SealDigest;
use crate::i18n::Lang;

/// The 附注 of a report on a sealed year: the digest `taizhang seal` printed,
/// so an inspector can check a copy; `intact` is false when the year's
/// records no longer match it.
pub fn seal_note(lang: Lang, seal: &SealDigest, intact: bool) -> String {
    let digest = seal.digest.hex();
    match (lang, intact) {
        (Lang::Zh, true) => format!(
            "本报告依据的{}年度台账已封存，共{}条记录，封存摘要：{digest}",
            seal.year, seal.records
        ),
        (Lang::Zh, false) => format!(
            "{}年度台账封存后记录有变动，与封存摘要{digest}不一致，请核实",
            seal.year
        ),
        (Lang::En, true) => format!(
            "The {} ledger is sealed with {} records; seal digest {digest}",
            seal.year, seal.records
        ),
        (Lang::En, false) => format!(
            "The {} records changed after sealing and no longer match digest {digest}; check them",
            seal.year
        ),
    }
}

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
