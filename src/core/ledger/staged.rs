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
    pub fn plan(&self, basis: &ImportBasis) -> Result<ImportPlan, CoreError> {
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::core::catalogue::Catalogue;
    use crate::core::demo::{DemoSpec, generate};
    use crate::core::journal::Action;
    use crate::core::ledger::fixed_clock;
    use crate::core::mem::MemStore;

    fn ledger() -> (Ledger<MemStore>, Backup) {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let spec = DemoSpec {
            years: 2,
            records_per_year: 60,
            seed: 3,
        };
        let demo = generate(&Catalogue::embedded(), today, &spec);
        let ledger = Ledger::new(MemStore::new(Catalogue::embedded()), "t")
            .with_clock(fixed_clock(today.and_hms_opt(9, 0, 0).unwrap()));
        ledger.import(&demo).unwrap();
        ledger.close_year(2025).unwrap();
        (ledger, demo)
    }

    #[test]
    fn an_import_in_steps_is_one_entry_with_the_whole_ledger_it_replaced() {
        let (ledger, demo) = ledger();
        let replaced = canonical(&ledger.store.export().unwrap()).unwrap();
        let entries = ledger.journal(0).unwrap().len();
        let staged = StagedImport::new(&demo).unwrap();
        let plan = staged.plan(&ledger.import_basis(&staged).unwrap()).unwrap();
        ledger.apply_import(&plan).unwrap();
        let journal = ledger.journal(0).unwrap();
        assert_eq!(journal.len(), entries + 1);
        let entry = &journal[entries];
        assert_eq!(entry.action, Action::Import);
        assert_eq!(entry.before.as_deref(), Some(replaced.as_str()));
        // The sealed year stayed where it was, with its records.
        assert!(ledger.archive(2025).unwrap().is_some());
        assert_eq!(ledger.export().unwrap().records, demo.records);
    }

    #[test]
    fn a_file_that_changes_a_sealed_year_is_refused_before_anything_is_written() {
        let (ledger, mut demo) = ledger();
        let old = demo.records.iter_mut().find(|r| r.date.year() == 2025);
        old.unwrap().topic.push_str(" (changed)");
        let staged = StagedImport::new(&demo).unwrap();
        let basis = ledger.import_basis(&staged).unwrap();
        let entries = ledger.journal(0).unwrap().len();
        let refused = staged.plan(&basis).unwrap_err();
        assert!(matches!(
            refused,
            CoreError::ChangesSealedYear { year: 2025, .. }
        ));
        assert_eq!(ledger.journal(0).unwrap().len(), entries);
    }
}
