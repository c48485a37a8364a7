//! Entry point: parse arguments, open the ledger, run a command (or, with no
//! command, the status for now; see `cli::run`).

fn main() -> std::process::ExitCode {
    taizhang::cli::main()
}
