//! `taizhang demo DIR`: write a realistic sample ledger (see `core::demo`)
//! into a new directory, through `Ledger::import` like any backup.

use std::path::PathBuf;

use clap::Args;

use crate::core::Catalogue;
use crate::core::LedgerApi as _;
use crate::core::demo::{DemoSpec, generate};
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
    let backup = generate(&Catalogue::embedded(), today, &spec);
    let ledger = open_ledger(&args.dir, Access::Direct)?;
    ledger.import(&backup)?;
    Ok(format!(
        "{}\n",
        t::demo_built(lang, &args.dir, backup.people.len(), backup.records.len())
    ))
}
