//! An import in three steps, so that a service holds the ledger only for the
//! last: `StagedImport::new` cleans and checks the file without the ledger,
//! `Ledger::import_basis` reads what the import replaces (beside other
//! readers), `StagedImport::plan` compares the sealed years and writes the
//! journal's texts without the ledger, and `Ledger::apply_import` writes it
//! all in one transaction with its one journal entry. A plan is only valid
//! against the ledger its basis was read from: whoever runs the steps apart
//! makes sure nothing was written in between, or plans again.

use chrono::Datelike;

use super::Ledger;
use crate::core::access::Act;
use crate::core::archive::YearArchive;
use crate::core::error::CoreError;
use crate::core::journal::{ImportSummary, canonical};
use crate::core::port::{Backup, ImportTexts, Store};

/// A backup cleaned (`text::checked_backup`) and checked (`check_backup`):
/// everything about an import that needs no ledger.
#[derive(Debug, Clone)]
pub struct StagedImport {
    backup: Backup,
}

/// What an import reads from the ledger it replaces.
#[derive(Debug, Clone)]
pub struct ImportBasis {
    /// The ledger being replaced (its open years), kept whole in the journal.
    current: Backup,
    /// The archives of the sealed years the file holds records or items of.
    touched: Vec<YearArchive>,
}

/// An import ready to apply: the open years to write and the journal's texts.
#[derive(Debug, Clone)]
pub struct ImportPlan {
    live: Backup,
    texts: ImportTexts,
}

impl StagedImport {
    pub fn new(backup: &Backup) -> Result<Self, CoreError> {
        let backup = crate::core::text::checked_backup(backup)?;
        super::check_backup(&backup)?;
        Ok(Self { backup })
    }

    /// The years the file holds records or items of, ascending.
    fn years(&self) -> Vec<i32> {
        let b = &self.backup;
        let mut years: Vec<i32> = b.records.iter().map(|r| r.date.year()).collect();
        years.extend(b.fixes.iter().map(|f| f.year));
        years.sort_unstable();
        years.dedup();
        years
    }

    /// The import against `basis`: refused if it would change a sealed year;
    /// otherwise the file without the sealed years, which stay closed.
    pub fn plan(&self, basis: ImportBasis) -> Result<ImportPlan, CoreError> {
        let mut live = super::restore::without_sealed(&self.backup, &basis.touched)?;
        // Sealed years the file holds nothing of need no reading: the store
        // keeps every archived year closed. Only a restore registers
        // archives (the files it found and checked).
        live.archived.clear();
        let texts = ImportTexts {
            before: canonical(&basis.current)?,
            after: canonical(&ImportSummary::of(&live)?)?,
        };
        Ok(ImportPlan { live, texts })
    }
}

impl<S: Store> Ledger<S> {
    /// Read what importing `staged` replaces; refused at once when this
    /// user may not import.
    pub fn import_basis(&self, staged: &StagedImport) -> Result<ImportBasis, CoreError> {
        self.admin_stamp(Act::Import, None)?;
        let mut touched = Vec::new();
        for year in staged.years() {
            touched.extend(self.archive(year)?);
        }
        Ok(ImportBasis {
            current: self.store.export()?,
            touched,
        })
    }

    /// Write `plan`, made against this ledger as it stands, in one
    /// transaction journaled as one `import`.
    pub fn apply_import(&self, plan: &ImportPlan) -> Result<(), CoreError> {
        let stamp = self.admin_stamp(Act::Import, None)?;
        Ok(self.store.import(&plan.live, &plan.texts, &stamp)?)
    }
}
