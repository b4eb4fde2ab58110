//! Measures the runner's per-migration overhead: `cargo run -p shale-runner
//! --example bench -- <database url> [migrations, default 1000]`. Use an
//! empty database; it creates schemas `shale_bench_m` and `shale_bench_b`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(url) = args.next() else {
        eprintln!("usage: bench <database url> [migrations]");
        return ExitCode::from(2);
    };
    let n = match args.next().map(|s| s.parse::<usize>()) {
        None => 1000,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("error: the number of migrations must be a positive integer");
            return ExitCode::from(2);
        }
    };
    match shale_runner::bench::bench(&url, n) {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
