//! Rectification items as a spreadsheet: one row per item of the year, the
//! owner and closer by name, duties by id, the evidence spelled out.

use crate::core::fix::{Evidence, FixItem};
use crate::core::roster::Roster;
use crate::i18n::{Lang, cli as t, fix as f, report_cli as w};

use super::super::CliError;

pub fn table(lang: Lang, roster: &Roster, fixes: &[FixItem]) -> Result<Vec<u8>, CliError> {
    let rows = fixes.iter().map(|x| row(lang, roster, x)).collect();
    super::table(&w::fixes_header(lang), rows)
}

fn row(lang: Lang, roster: &Roster, x: &FixItem) -> Vec<String> {
    let sep = w::list_sep(lang);
    let closure = x.closure.as_ref();
    vec![
        x.id.0.to_string(),
        f::source(lang, x.source).to_string(),
        x.problem.clone(),
        x.duties
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(sep),
        x.measures.clone(),
        roster.name(x.owner),
        x.deadline.to_string(),
        f::state(lang, x.state).to_string(),
        x.opened.to_string(),
        closure.map(|c| c.date.to_string()).unwrap_or_default(),
        closure
            .map(|c| match c.by_person {
                Some(p) => roster.name(p),
                None => c.by_user.clone(),
            })
            .unwrap_or_default(),
        closure
            .map(|c| match &c.evidence {
                Evidence::Record(id) => format!("{} {id}", t::record_word(lang)),
                Evidence::Note(text) => text.clone(),
            })
            .unwrap_or_default(),
        x.notes.len().to_string(),
    ]
}
