//! Every duty with its rule and the year's progress, as a spreadsheet; the
//! numbers are those of `taizhang status` for the same year and day. Duties
//! by 条目 and title, what is missing in words, never an id.

use crate::core::ledger::YearView;
use crate::core::progress::Missing;
use crate::i18n::{Lang, domain, report_cli as w};
use crate::report;

use super::super::CliError;

pub fn table(lang: Lang, view: &YearView) -> Result<Vec<u8>, CliError> {
    let rows = view
        .catalogue
        .duties
        .iter()
        .zip(&view.progress)
        .map(|(d, p)| {
            let missing: Vec<String> = p
                .missing
                .iter()
                .filter_map(|m| match m {
                    Missing::Child { duty } => Some(w::duty_ref(lang, &view.catalogue, duty)),
                    other => report::missing_words(view, other, lang),
                })
                .collect();
            vec![
                domain::list(lang, d.list).to_string(),
                w::seed_ref(lang, &d.seed_ref),
                domain::duty_title(lang, d).to_string(),
                domain::rule(lang, &d.rule),
                d.source.clone(),
                p.target.to_string(),
                p.done.to_string(),
                p.expected.to_string(),
                domain::status(lang, p.status).to_string(),
                missing.join(w::list_sep(lang)),
            ]
        })
        .collect();
    super::table(&w::duties_header(lang), rows)
}
