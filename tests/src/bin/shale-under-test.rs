//! The `shale` command line, built inside the tests package so that its
//! integration tests can run it as a real process (`CARGO_BIN_EXE_…`), with
//! the same global allocator as the real binary.

/// mimalloc (see [`shale_cli::Allocator`]).
#[global_allocator]
static ALLOCATOR: shale_cli::Allocator = shale_cli::Allocator;

fn main() -> std::process::ExitCode {
    shale_cli::main()
}
