//! The `shale` binary: a thin wrapper around [`shale_cli::main`].

/// mimalloc (see [`shale_cli::Allocator`]).
#[global_allocator]
static ALLOCATOR: shale_cli::Allocator = shale_cli::Allocator;

fn main() -> std::process::ExitCode {
    shale_cli::main()
}
