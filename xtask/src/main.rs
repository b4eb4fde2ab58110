//! Development tasks for shale, run as `cargo xtask <task>`:
//!
//! - `synth --tables N --out DIR`: write a synthetic schema project of N tables
//!   (10 mixed columns, 2 indexes, 1 unique, 1 foreign key each);
//! - `bench [--tables N] [--runs R]`: build shale in release mode and measure
//!   whole-process wall time and peak memory of its commands on a synthetic
//!   project (the figures in the README come from here);
//! - `bless`: run the whole test suite with `SHALE_BLESS=1`, rewriting every
//!   golden/expected file from the current output (review the diff after).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

mod synth;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(task) = args.first() else {
        bail!("usage: cargo xtask <synth|bench|bless> [options]");
    };
    let opt = |name: &str, default: &str| -> String {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
            .unwrap_or_else(|| default.to_string())
    };
    match task.as_str() {
        "synth" => {
            let tables: usize = opt("--tables", "3000").parse().context("--tables N")?;
            let out = PathBuf::from(opt("--out", "scratch/synth"));
            synth::write_project(&out, tables)?;
            println!("wrote a {tables}-table project to {}", out.display());
            Ok(())
        }
        "bench" => {
            let tables: usize = opt("--tables", "3000").parse().context("--tables N")?;
            let runs: usize = opt("--runs", "10").parse().context("--runs R")?;
            bench(tables, runs)
        }
        "bless" => {
            let status = Command::new(cargo())
                .args(["test", "--workspace"])
                .env("SHALE_BLESS", "1")
                .current_dir(root())
                .status()?;
            if !status.success() {
                bail!("tests failed while blessing");
            }
            println!("expected files rewritten; review them with `git diff`");
            Ok(())
        }
        other => bail!("unknown task `{other}`: expected synth, bench or bless"),
    }
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask has a parent")
        .to_path_buf()
}

/// One measured process run.
struct Measured {
    wall: Duration,
    max_rss_kib: i64,
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs a command and measures its wall time and peak resident memory
/// (`ru_maxrss` of the waited-for child, via `wait4`).
fn measure(cmd: &mut Command) -> Result<Measured> {
    use std::os::unix::process::ExitStatusExt;
    let out_file = tempfile_path("out");
    let err_file = tempfile_path("err");
    cmd.stdout(std::fs::File::create(&out_file)?)
        .stderr(std::fs::File::create(&err_file)?);
    let start = Instant::now();
    let child = cmd
        .spawn()
        .with_context(|| format!("spawn {:?}", cmd.get_program()))?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to overwrite.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own un-waited child; the pointers are valid for the call.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    if r != pid {
        bail!("wait4 failed: {}", std::io::Error::last_os_error());
    }
    std::mem::forget(child); // already reaped by wait4
    let code = std::process::ExitStatus::from_raw(status)
        .code()
        .unwrap_or(-1);
    Ok(Measured {
        wall,
        max_rss_kib: usage.ru_maxrss,
        code,
        stdout: std::fs::read_to_string(&out_file).unwrap_or_default(),
        stderr: std::fs::read_to_string(&err_file).unwrap_or_default(),
    })
}

fn tempfile_path(kind: &str) -> PathBuf {
    std::env::temp_dir().join(format!("shale-xtask-{}-{kind}", std::process::id()))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn bench(tables: usize, runs: usize) -> Result<()> {
    let root = root();
    println!("building shale (release)…");
    let status = Command::new(cargo())
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "shale-cli",
            "--bin",
            "shale",
        ])
        .current_dir(&root)
        .status()?;
    if !status.success() {
        bail!("release build failed");
    }
    let shale = root.join("target/release/shale");
    let work = std::env::temp_dir().join(format!("shale-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    synth::write_project(&work, tables)?;
    println!("synthetic project: {tables} tables in {}", work.display());
    println!(
        "machine: {} cores; {runs} runs each, median wall time, max peak RSS",
        cores()
    );
    println!();
    println!("| command | median wall | peak RSS |");
    println!("|---|---|---|");

    // 1. generate from an empty snapshot (the migrations folder is reset each run).
    let mut walls = Vec::new();
    let mut rss = 0;
    for _ in 0..runs {
        let _ = std::fs::remove_dir_all(work.join("migrations"));
        let _ = std::fs::remove_dir_all(work.join("snapshots"));
        let m = measure(
            Command::new(&shale)
                .args(["generate", "--name", "init"])
                .current_dir(&work),
        )?;
        if m.code != 0 {
            bail!("generate failed ({}): {}{}", m.code, m.stdout, m.stderr);
        }
        walls.push(m.wall);
        rss = rss.max(m.max_rss_kib);
    }
    report("shale generate (empty → 3000 tables)", &walls, rss);

    // 2. generate with no change.
    let mut walls = Vec::new();
    let mut rss = 0;
    for _ in 0..runs {
        let m = measure(Command::new(&shale).args(["generate"]).current_dir(&work))?;
        if m.code != 0 || !m.stdout.contains("no schema changes") {
            bail!(
                "unchanged generate did not report no changes ({}): {}{}",
                m.code,
                m.stdout,
                m.stderr
            );
        }
        walls.push(m.wall);
        rss = rss.max(m.max_rss_kib);
    }
    report("shale generate (unchanged schema)", &walls, rss);

    // 3. check with no change (offline gates and lint): every migration
    // linted afresh (`--no-cache`, as in CI on a fresh clone), then with the
    // lint cache the previous run left (a developer's repeated runs).
    for (what, args) in [
        ("cold lint cache", &["check", "--no-cache"][..]),
        ("warm lint cache", &["check"][..]),
    ] {
        // One run first, which fills the cache for the warm runs.
        measure(Command::new(&shale).args(args).current_dir(&work))?;
        let (walls, rss) = repeat(runs, || {
            let m = measure(Command::new(&shale).args(args).current_dir(&work))?;
            if m.code != 0 {
                bail!("check failed ({}): {}{}", m.code, m.stdout, m.stderr);
            }
            Ok(m)
        })?;
        report(
            &format!("shale check (unchanged, {tables} tables, {what})"),
            &walls,
            rss,
        );
    }

    // 4. A real database at that schema: migrate once, then introspect and verify.
    println!();
    println!("starting a throwaway PostgreSQL server…");
    // One migration creating 3000 tables, 6000 indexes and 3000 foreign keys
    // locks every one of them in a single transaction: more than PostgreSQL's
    // default lock table holds (64 per connection).
    let server = shale_shadow::Server::start(&shale_shadow::ServerOptions {
        conf: vec!["max_locks_per_transaction = 1024".into()],
        ..Default::default()
    })?;
    let mut client = shale_db::connect(&server.url("postgres"))?;
    client.batch_execute("CREATE DATABASE bench")?;
    let url = server.url("bench");
    let m = measure(
        Command::new(&shale)
            .args(["migrate", "--db", &url])
            .current_dir(&work),
    )?;
    if m.code != 0 {
        bail!("migrate failed ({}): {}{}", m.code, m.stdout, m.stderr);
    }
    println!(
        "| shale migrate ({tables} tables, one migration) | {:.1} ms | {:.1} MB |",
        ms(m.wall),
        m.max_rss_kib as f64 / 1024.0
    );
    let mut client = shale_db::connect(&url)?;
    let mut walls = Vec::new();
    let mut queries = 0;
    for _ in 0..runs {
        let (_, stats) = shale_introspect::introspect_with_stats(&mut client, &Default::default())?;
        walls.push(stats.elapsed);
        queries = stats.queries;
    }
    println!(
        "| introspection of {tables} tables (in process, {queries} statements) | {:.1} ms | |",
        ms(median(walls))
    );
    let (walls, rss) = repeat(runs, || {
        let m = measure(
            Command::new(&shale)
                .args(["verify", "--db", &url])
                .current_dir(&work),
        )?;
        if m.code != 0 {
            bail!("verify found drift ({}): {}{}", m.code, m.stdout, m.stderr);
        }
        Ok(m)
    })?;
    report(
        &format!("shale verify ({tables} tables, in sync)"),
        &walls,
        rss,
    );

    // 4b. The same database with one view, one function and one trigger per
    // ten tables, which verify must find and report (exit 1: the views as
    // drift, the functions and triggers in the census): what reading the
    // whole database costs.
    let extra = tables / 10;
    let mut sql = String::new();
    for i in 0..extra {
        let t = synth::table_name(i * 10);
        sql.push_str(&format!(
            "CREATE VIEW bench_v{i} AS SELECT * FROM {t};\n\
             CREATE FUNCTION bench_f{i}() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';\n\
             CREATE TRIGGER bench_tr{i} BEFORE UPDATE ON {t} FOR EACH ROW EXECUTE FUNCTION bench_f{i}();\n"
        ));
    }
    client.batch_execute(&sql)?;
    let (walls, rss) = repeat(runs, || {
        let m = measure(
            Command::new(&shale)
                .args(["verify", "--db", &url])
                .current_dir(&work),
        )?;
        // Views are modelled: the extra views are drift, the functions and
        // triggers are in the census.
        if m.code != 1
            || !m.stdout.contains("view bench_v0")
            || !m.stdout.contains(&format!("{extra} function"))
        {
            bail!(
                "verify did not report the {extra} views, functions and triggers ({}): {}{}",
                m.code,
                m.stdout,
                m.stderr
            );
        }
        Ok(m)
    })?;
    report(
        &format!(
            "shale verify ({tables} tables + {extra} views, functions and triggers, all reported)"
        ),
        &walls,
        rss,
    );

    // 5. The runner's own cost per migration.
    client.batch_execute("CREATE DATABASE runner_bench")?;
    let report = shale_runner::bench::bench(&server.url("runner_bench"), 1000)?;
    println!("| shale migrate, 1000 small migrations | {:.1} ms total | {:.3} ms overhead per migration |", ms(report.migrate_total), ms(report.overhead_per_migration));
    println!();
    println!("runner: {report}");
    let _ = std::fs::remove_dir_all(&work);
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs `f` `runs` times; the wall times and the largest peak RSS.
fn repeat(runs: usize, mut f: impl FnMut() -> Result<Measured>) -> Result<(Vec<Duration>, i64)> {
    let mut walls = Vec::new();
    let mut rss = 0;
    for _ in 0..runs {
        let m = f()?;
        walls.push(m.wall);
        rss = rss.max(m.max_rss_kib);
    }
    Ok((walls, rss))
}

fn report(what: &str, walls: &[Duration], rss_kib: i64) {
    let med = median(walls.to_vec());
    println!(
        "| {what} | {:.1} ms | {:.1} MB |",
        med.as_secs_f64() * 1000.0,
        rss_kib as f64 / 1024.0
    );
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
