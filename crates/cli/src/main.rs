//! The `shale` binary: a thin wrapper around [`shale_cli::main`].

/// syn's parse of a large schema makes millions of small allocations, which
/// dominate `shale generate` with the system allocator; mimalloc halves the
/// parse time (measured with `cargo xtask bench`, README "Performance").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    shale_cli::main()
}
