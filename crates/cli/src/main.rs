//! The `shale` binary: a thin wrapper around [`shale_cli::main`].
fn main() -> std::process::ExitCode {
    shale_cli::main()
}
