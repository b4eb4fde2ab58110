//! The `shale` command line: argument parsing, configuration, and printing.
//! The only crate that prints or reads the terminal.

/// Runs the command line with the process's arguments.
pub fn main() -> std::process::ExitCode {
    std::process::ExitCode::SUCCESS
}
