//! The records as a spreadsheet: one row per record, numbered, people by
//! name, duties by 条目 and title, in the column order `import-csv` reads back.

use crate::cli::report::text as w;
use crate::core::LedgerApi as _;
use crate::core::catalogue::Catalogue;
use crate::core::record::Record;
use crate::core::roster::{PersonId, Roster};
use crate::i18n::{Lang, cli as t, domain};

use super::super::{CliError, Context};

/// Records of `year`, or of every year, by date.
pub fn table(ctx: &Context, year: Option<i32>) -> Result<Vec<u8>, CliError> {
    let years = match year {
        Some(y) => vec![y],
        None => ctx.ledger.record_years()?,
    };
    let roster = ctx.ledger.roster()?;
    let catalogue = ctx.ledger.catalogue()?;
    let mut rows = Vec::new();
    for y in years {
        for r in ctx.ledger.records_in_year(y)? {
            let n = rows.len() + 1;
            rows.push(row(ctx.lang, &roster, &catalogue, &r, n));
        }
    }
    super::table(&w::records_header(ctx.lang), rows)
}

fn row(lang: Lang, roster: &Roster, catalogue: &Catalogue, r: &Record, n: usize) -> Vec<String> {
    let sep = w::list_sep(lang);
    let names = |ids: &[PersonId]| {
        ids.iter()
            .map(|id| roster.name(*id))
            .collect::<Vec<_>>()
            .join(sep)
    };
    let duties = if r.duties.is_empty() {
        w::no_duties(lang).to_string()
    } else {
        r.duties
            .iter()
            .map(|id| w::duty_ref(lang, catalogue, id))
            .collect::<Vec<_>>()
            .join(sep)
    };
    vec![
        r.date.to_string(),
        domain::kind(lang, r.kind).to_string(),
        r.topic.clone(),
        r.host.map(|h| roster.name(h)).unwrap_or_default(),
        names(&r.attendees),
        r.absentees
            .iter()
            .map(|a| t::absence(lang, &roster.name(a.person), &a.reason))
            .collect::<Vec<_>>()
            .join(sep),
        names(&r.partners),
        duties,
        r.notes.clone(),
        r.evidence.join(sep),
        r.year_covered().to_string(),
        r.entered_by.clone(),
        r.entered_at.format("%Y-%m-%d %H:%M:%S").to_string(),
        n.to_string(),
    ]
}
