//! The `shale` command line, built inside the tests package so that its
//! integration tests can run it as a real process (`CARGO_BIN_EXE_…`).
fn main() -> std::process::ExitCode {
    shale_cli::main()
}
