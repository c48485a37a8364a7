//! A realistic sample ledger for trying the app and for benchmarks.
