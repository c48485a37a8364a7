//! Rectification items as a spreadsheet: one row per item of the year,
//! numbered, the owner and closer by name, duties by 条目 and title, the
//! evidence record by its date, kind and topic.

use crate::cli::report::text as w;
use crate::core::LedgerApi as _;
use crate::core::catalogue::Catalogue;
use crate::core::fix::{Evidence, FixItem};
use crate::core::roster::Roster;
use crate::i18n::{cli as t, fix as f};

use super::super::{CliError, Context};

pub fn table(ctx: &Context, fixes: &[FixItem]) -> Result<Vec<u8>, CliError> {
    let roster = ctx.ledger.roster()?;
    let catalogue = ctx.ledger.catalogue()?;
    let rows = fixes
        .iter()
        .enumerate()
        .map(|(i, x)| row(ctx, &roster, &catalogue, x, i + 1))
        .collect();
    super::table(&w::fixes_header(ctx.lang), rows)
}

fn row(
    ctx: &Context,
    roster: &Roster,
    catalogue: &Catalogue,
    x: &FixItem,
    n: usize,
) -> Vec<String> {
    let lang = ctx.lang;
    let sep = w::list_sep(lang);
    let closure = x.closure.as_ref();
    vec![
        n.to_string(),
        f::source(lang, x.source).to_string(),
        x.problem.clone(),
        x.duties
            .iter()
            .map(|id| w::duty_ref(lang, catalogue, id))
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
                Evidence::Record(id) => ctx.ledger.record(*id).map_or_else(
                    |_| t::record_word(lang).to_string(),
                    |r| w::record_ref(lang, &r),
                ),
                Evidence::Note(text) => text.clone(),
            })
            .unwrap_or_default(),
        x.notes.len().to_string(),
    ]
}
