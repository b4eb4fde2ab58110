//! `cargo xtask bench-fleet`: a 10-migration folder rolled out to many
//! databases on one throwaway server, by one `shale migrate --targets all
//! --parallel P` and by the shell loop it replaces (one `shale migrate
//! --db URL` process per database, one after the other).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Result};

/// The 10 migrations: a table with an index and a row each.
fn write_project(dir: &Path, targets: &[String]) -> Result<()> {
    let m = dir.join("migrations");
    std::fs::create_dir_all(m.join("meta"))?;
    let mut entries = Vec::new();
    for i in 0..10 {
        let tag = format!("{i:04}_t{i}");
        std::fs::write(
            m.join(format!("{tag}.sql")),
            format!(
                "CREATE TABLE \"t{i}\" (\"id\" bigint PRIMARY KEY, \"v\" text);\n--> statement-breakpoint\n\
                 CREATE INDEX \"t{i}_v\" ON \"t{i}\" (\"v\");\n--> statement-breakpoint\n\
                 INSERT INTO \"t{i}\" (\"id\") VALUES (1);\n"
            ),
        )?;
        entries.push(format!(
            "{{\"idx\": {i}, \"version\": \"7\", \"when\": {}, \"tag\": \"{tag}\", \"breakpoints\": true}}",
            1_700_000_000_000i64 + i
        ));
    }
    std::fs::write(
        m.join("meta/_journal.json"),
        format!(
            "{{\"version\": \"7\", \"dialect\": \"postgresql\", \"entries\": [{}]}}",
            entries.join(", ")
        ),
    )?;
    std::fs::write(dir.join("fleet.txt"), targets.join("\n") + "\n")?;
    std::fs::write(
        dir.join("shale.toml"),
        "migrations = \"migrations\"\ntargets_file = \"fleet.txt\"\n",
    )?;
    Ok(())
}

fn create_databases(url: &str, prefix: &str, n: usize) -> Result<()> {
    let mut client = shale_db::connect(url)?;
    for i in 0..n {
        client.batch_execute(&format!("CREATE DATABASE \"{prefix}_{i}\""))?;
    }
    Ok(())
}

/// Drops what [`create_databases`] made: an empty database takes about
/// 7.5 MB, so the two sets are never on disk at once.
fn drop_databases(url: &str, prefix: &str, n: usize) -> Result<()> {
    let mut client = shale_db::connect(url)?;
    for i in 0..n {
        client.batch_execute(&format!("DROP DATABASE \"{prefix}_{i}\""))?;
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs the benchmark with the release binary `shale`.
pub fn bench(shale: &Path, databases: usize, parallel: usize) -> Result<()> {
    println!("starting a throwaway PostgreSQL server…");
    let server = shale_shadow::Server::start(&shale_shadow::ServerOptions {
        conf: vec![format!("max_connections = {}", parallel + 20)],
        ..Default::default()
    })?;
    let control = server.url("postgres");
    let base = std::env::temp_dir().join(format!("shale-bench-fleet-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);

    println!("creating {databases} databases…");
    let started = Instant::now();
    create_databases(&control, "fleet", databases)?;
    println!("  in {:.1} s", started.elapsed().as_secs_f64());

    // One rollout.
    let fleet: Vec<String> = (0..databases)
        .map(|i| server.url(&format!("fleet_{i}")))
        .collect();
    let dir = base.join("fleet");
    write_project(&dir, &fleet)?;
    let parallel_arg = parallel.to_string();
    let rollout = |label: &str| -> Result<Duration> {
        let started = Instant::now();
        let o = Command::new(shale)
            .args([
                "migrate",
                "--targets",
                "all",
                "--parallel",
                &parallel_arg,
                "--quiet",
            ])
            .current_dir(&dir)
            .output()?;
        let wall = started.elapsed();
        if !o.status.success() {
            bail!(
                "{label} failed: {}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
        }
        Ok(wall)
    };
    let first = rollout("the rollout")?;
    let again = rollout("the rerun")?;

    drop_databases(&control, "fleet", databases)?;

    // The shell loop: one process per database, one after the other.
    println!("creating {databases} databases for the shell loop…");
    create_databases(&control, "loop", databases)?;
    let dir_loop = base.join("loop");
    write_project(&dir_loop, &[])?;
    let started = Instant::now();
    for i in 0..databases {
        let o = Command::new(shale)
            .args([
                "migrate",
                "--quiet",
                "--db",
                &server.url(&format!("loop_{i}")),
            ])
            .current_dir(&dir_loop)
            .output()?;
        if !o.status.success() {
            bail!(
                "shale migrate on loop_{i} failed: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
    }
    let shell_loop = started.elapsed();
    drop_databases(&control, "loop", databases)?;

    let n = databases as f64;
    println!();
    println!("{databases} databases on one server, 10 migrations each (a table, an index, a row), {} cores", std::thread::available_parallelism().map_or(1, |n| n.get()));
    println!();
    println!("| rollout | total | per database |");
    println!("|---|---|---|");
    println!(
        "| `shale migrate --targets all --parallel {parallel}` | {:.2} s | {:.1} ms |",
        first.as_secs_f64(),
        ms(first) / n
    );
    println!(
        "| the same, rerun (nothing to apply) | {:.2} s | {:.1} ms |",
        again.as_secs_f64(),
        ms(again) / n
    );
    println!(
        "| shell loop: one `shale migrate --db URL` per database | {:.2} s | {:.1} ms |",
        shell_loop.as_secs_f64(),
        ms(shell_loop) / n
    );
    println!(
        "| ratio shell loop / rollout | {:.1}× | |",
        shell_loop.as_secs_f64() / first.as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&base);
    server.stop();
    Ok(())
}
