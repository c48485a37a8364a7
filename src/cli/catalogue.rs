//! `taizhang catalogue export|import`: the branch's own copy of the
//! responsibility catalogue as TOML. An import is validated whole or refused.

use std::path::PathBuf;

use clap::Subcommand;

use crate::core::LedgerApi as _;
use crate::core::{Catalogue, CoreError};
use crate::i18n::cli as t;

use super::{CliError, Context, read_text, write_out};

#[derive(Debug, Subcommand)]
pub enum CatalogueCmd {
    /// Print the catalogue as TOML (or write it to --out)
    Export {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Replace the catalogue with a TOML file
    Import { file: PathBuf },
}

pub fn run(ctx: &Context, cmd: &CatalogueCmd) -> Result<String, CliError> {
    match cmd {
        CatalogueCmd::Export { out } => {
            let text = ctx.ledger.catalogue()?.to_toml();
            write_out(ctx.lang, out.as_deref(), &text)
        }
        CatalogueCmd::Import { file } => {
            let text = read_text(file)?;
            let parsed = Catalogue::from_toml(&text).map_err(CoreError::from)?;
            // Records must keep pointing at duties that exist, or a later
            // backup of this ledger could not be imported again.
            let backup = ctx.ledger.export()?;
            if let Some(r) = backup
                .records
                .iter()
                .find(|r| r.duties.iter().any(|d| parsed.duty(d).is_none()))
            {
                let duty = r
                    .duties
                    .iter()
                    .find(|d| parsed.duty(d).is_none())
                    .map(ToString::to_string)
                    .unwrap_or_default();
                return Err(CliError::CatalogueDropsDuty {
                    duty,
                    record: r.id.0,
                });
            }
            let catalogue = ctx.ledger.import_catalogue(&text)?;
            Ok(format!(
                "{}\n",
                t::catalogue_imported(ctx.lang, catalogue.duties.len())
            ))
        }
    }
}
