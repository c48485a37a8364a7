//! The command line: clap arguments and one file per command.
