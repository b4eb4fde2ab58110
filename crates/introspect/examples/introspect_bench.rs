//! Times introspection of a database: `cargo run --release -p shale-introspect
//! --example introspect_bench -- postgres://… [runs]`. Prints, per run, the
//! wall-clock time, the query count and the number of tables read.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(url) = args.next() else {
        eprintln!("usage: introspect_bench POSTGRES_URL [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut client = match postgres::Client::connect(&url, postgres::NoTls) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: could not connect: {e}");
            std::process::exit(2);
        }
    };
    for run in 1..=runs {
        match shale_introspect::introspect_with_stats(
            &mut client,
            &shale_introspect::IntrospectOptions::default(),
        ) {
            Ok((schema, stats)) => println!(
                "run {run}: {:.1} ms, {} queries, {} tables, {} enums (server {})",
                stats.elapsed.as_secs_f64() * 1000.0,
                stats.queries,
                schema.tables.len(),
                schema.enums.len(),
                stats.server_version
            ),
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        }
    }
}
