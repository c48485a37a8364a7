//! Every duty with its rule and the year's progress, as a spreadsheet; the
//! numbers are those of `taizhang status` for the same year and day.

use crate::core::ledger::YearView;
use crate::core::progress::Missing;
use crate::i18n::{Lang, domain, report_cli as w};

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
                .map(|m| match m {
                    Missing::Child { duty } => view.catalogue.duty(duty).map_or_else(
                        || duty.to_string(),
                        |c| format!("{duty} {}", domain::duty_title(lang, c)),
                    ),
                    other => domain::missing(lang, other, &view.roster),
                })
                .collect();
            vec![
                d.id.to_string(),
                domain::list(lang, d.list).to_string(),
                d.seed_ref.clone(),
                d.title.clone(),
                d.title_en.clone(),
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
