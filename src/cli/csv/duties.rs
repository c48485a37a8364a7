//! Every duty with its rule and the year's progress, as a spreadsheet; the
//! numbers are those of `taizhang status` for the same year and day. Duties
//! by 条目 and title, what is missing in words, never an id.

use crate::cli::report::text as w;
use crate::core::ledger::YearView;
use crate::core::progress::{Missing, Progress};
use crate::i18n::{Lang, domain};
use crate::report;

use super::super::CliError;

pub fn table(lang: Lang, view: &YearView) -> Result<Vec<u8>, CliError> {
    let rows = view
        .catalogue
        .duties
        .iter()
        .zip(&view.progress)
        .map(|(d, p)| {
            let evidence = report::evidence_only(d, p);
            vec![
                domain::list(lang, d.list).to_string(),
                w::seed_ref(lang, &d.seed_ref),
                domain::duty_title(lang, d).to_string(),
                report::requirement_cell(lang, d, p),
                w::seed_ref(lang, &d.source),
                report::target_cell(d, p),
                if evidence {
                    report::done_cell(lang, d, p)
                } else {
                    p.done.to_string()
                },
                if evidence {
                    report::target_cell(d, p)
                } else {
                    p.expected.to_string()
                },
                report::status_cell(lang, d, p),
                missing_cell(view, p, lang),
            ]
        })
        .collect();
    super::table(&w::duties_header(lang), rows)
}

/// What a duty still owes, in words: sub-duties by 条目 and title, people
/// by name, periods by name.
pub fn missing_cell(view: &YearView, p: &Progress, lang: Lang) -> String {
    p.missing
        .iter()
        .filter_map(|m| match m {
            Missing::Child { duty } => Some(w::duty_ref(lang, &view.catalogue, duty)),
            other => report::missing_words(view, other, lang),
        })
        .collect::<Vec<_>>()
        .join(w::list_sep(lang))
}
