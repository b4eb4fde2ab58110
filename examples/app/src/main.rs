//! The example program: `shale-example-app <database-url> [migrations-dir]`
//! migrates the database with the example schema's migrations and uses the
//! generated metadata to insert and select rows (see `lib.rs`).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(url) = args.next() else {
        eprintln!("usage: shale-example-app <database-url> [migrations-dir]");
        return ExitCode::from(2);
    };
    let migrations = args.next().map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../migrations"),
        PathBuf::from,
    );
    match shale_example_app::run(&url, &migrations, &mut std::io::stdout()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
