//! `taizhang demo DIR`: write a realistic sample ledger (see `core::demo`)
//! into a new directory a year at a time, through `Ledger::import` like any
//! backup, closing (sealing and archiving) each past year the way a branch
//! would unless `--open` is given. Memory holds two years, never the ledger.

use std::path::PathBuf;

use chrono::Datelike;
use clap::Args;

use crate::core::demo::{Demo, DemoSpec, DemoYear};
use crate::core::port::SCHEMA_VERSION;
use crate::core::roster::Person;
use crate::core::{Backup, Catalogue, LedgerApi as _};
use crate::i18n::{Lang, cli as t};

use super::CliError;
use super::context::{Access, clock, open_ledger};

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// A new or empty directory for the sample ledger
    pub dir: PathBuf,
    /// Years of records, ending with this year
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub years: u32,
    /// Records in each full year (the current year: up to today)
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub records_per_year: u32,
    /// Leave past years open instead of closing and sealing them
    #[arg(long)]
    pub open: bool,
    /// Seed of the generator: the same seed and day give the same ledger
    #[arg(long, default_value_t = 2026, hide = true)]
    pub seed: u64,
}

pub fn run(lang: Lang, args: &DemoArgs) -> Result<String, CliError> {
    let occupied = std::fs::read_dir(&args.dir).is_ok_and(|mut entries| entries.next().is_some());
    if occupied || args.dir.is_file() {
        return Err(CliError::DemoDirNotEmpty(args.dir.clone()));
    }
    let (today, _) = clock()?;
    let spec = DemoSpec {
        years: args.years,
        records_per_year: args.records_per_year,
        seed: args.seed,
    };
    let catalogue = Catalogue::embedded();
    let demo = Demo::new(&catalogue, today, &spec);
    let people = demo.people();
    let ledger = open_ledger(&args.dir, Access::Direct)?;
    let (mut records, mut closed) = (0, 0);
    if args.open {
        // Every year stays live: one import of the whole ledger.
        let mut all = backup(&catalogue, &people, Vec::new(), Vec::new(), 0);
        for y in demo {
            records += y.records.len();
            all.records.extend(y.records);
            all.fixes.extend(y.fixes);
            all.next_id = y.next_id;
        }
        all.fixes.sort_by_key(|f| f.id);
        ledger.import(&all)?;
    } else {
        // Each year replaces the open year before it, which is closed by then.
        for DemoYear {
            year,
            records: year_records,
            fixes,
            next_id,
        } in demo
        {
            records += year_records.len();
            ledger.import(&backup(&catalogue, &people, year_records, fixes, next_id))?;
            if year < today.year() {
                ledger.close_year(year)?;
                closed += 1;
            }
        }
    }
    Ok(format!(
        "{}\n",
        t::demo_built(lang, &args.dir, people.len(), records, closed)
    ))
}

fn backup(
    catalogue: &Catalogue,
    people: &[Person],
    records: Vec<crate::core::record::Record>,
    fixes: Vec<crate::core::fix::FixItem>,
    next_id: u64,
) -> Backup {
    Backup {
        schema: SCHEMA_VERSION,
        catalogue: catalogue.clone(),
        people: people.to_vec(),
        records,
        next_id,
        fixes,
        corrections: Vec::new(),
        closed_years: Vec::new(),
        archived: Vec::new(),
        journal: Vec::new(),
    }
}
