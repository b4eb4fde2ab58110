//! Development tasks for shale, run as `cargo xtask <task>`:
//!
//! - `synth --tables N --out DIR [--layout many|single] [--drizzle]`: write a
//!   synthetic schema project of N tables (10 mixed columns, 2 indexes, 1
//!   unique, 1 foreign key each), 100 tables per file or all in one file, and
//!   with `--drizzle` the same tables as a drizzle-kit project in `DIR/drizzle`;
//! - `bench [--tables N] [--runs R]`: build shale in release mode and measure
//!   whole-process wall time and peak memory of its commands on a synthetic
//!   project in both layouts, and drizzle-kit's `generate` on the same tables
//!   when npm is available (the figures in the README come from here);
//! - `load [--rows N] [--writers W]`: the zero-downtime load benchmark (see
//!   `load.rs`): writers' p99 and worst latency while `shale migrate` applies
//!   an index, a foreign key, a NOT NULL and a unique constraint to tables of
//!   N rows (default 1 000 000), plain mode beside online mode;
//! - `bench-fleet [--databases N] [--parallel P]`: a 10-migration folder
//!   rolled out to N databases (default 1000) on one throwaway server by
//!   `shale migrate --targets all --parallel P` (default 16), against the
//!   shell loop of one `shale migrate --db URL` process per database (each
//!   empty database takes about 7.5 MB: 1000 need 7.5 GB of free disk);
//! - `bless`: run the whole test suite with `SHALE_BLESS=1`, rewriting every
//!   golden/expected file from the current output (review the diff after).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

mod fleet;
mod load;
mod synth;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(task) = args.first() else {
        bail!("usage: cargo xtask <synth|bench|bench-fleet|load|bless> [options]");
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
            let layout = match opt("--layout", "many").as_str() {
                "many" => synth::Layout::Many,
                "single" => synth::Layout::Single,
                other => bail!("--layout {other}: expected many or single"),
            };
            synth::write_project_as(&out, tables, layout)?;
            println!(
                "wrote a {tables}-table project ({}) to {}",
                layout.name(),
                out.display()
            );
            if args.iter().any(|a| a == "--drizzle") {
                synth::write_drizzle_project(&out.join("drizzle"), tables)?;
                println!(
                    "wrote its drizzle-kit project to {}",
                    out.join("drizzle").display()
                );
            }
            Ok(())
        }
        "bench" => {
            let tables: usize = opt("--tables", "3000").parse().context("--tables N")?;
            let runs: usize = opt("--runs", "10").parse().context("--runs R")?;
            bench(tables, runs)
        }
        "load" => {
            let rows: u64 = opt("--rows", "1000000").parse().context("--rows N")?;
            let writers: usize = opt("--writers", "4").parse().context("--writers N")?;
            load::run(rows, writers)
        }
        "bench-fleet" => {
            let databases: usize = opt("--databases", "1000")
                .parse()
                .context("--databases N")?;
            let parallel: usize = opt("--parallel", "16").parse().context("--parallel P")?;
            let shale = build_release()?;
            fleet::bench(&shale, databases, parallel)
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
        other => bail!("unknown task `{other}`: expected synth, bench, bench-fleet, load or bless"),
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

/// Builds the release binary; its path.
fn build_release() -> Result<PathBuf> {
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
    Ok(root.join("target/release/shale"))
}

fn bench(tables: usize, runs: usize) -> Result<()> {
    let shale = build_release()?;
    let base = std::env::temp_dir().join(format!("shale-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    println!(
        "machine: {} cores; {runs} runs each, median wall time, max peak RSS",
        cores()
    );
    let mut projects = Vec::new();
    let mut from_empty = Vec::new();
    for layout in [synth::Layout::Many, synth::Layout::Single] {
        let work = base.join(match layout {
            synth::Layout::Many => "many",
            synth::Layout::Single => "single",
        });
        synth::write_project_as(&work, tables, layout)?;
        println!();
        println!(
            "synthetic project: {tables} tables, {} ({})",
            layout.name(),
            work.display()
        );
        println!();
        println!("| command | median wall | peak RSS |");
        println!("|---|---|---|");
        let empty = bench_offline(&shale, &work, tables, runs, layout.name())?;
        from_empty.push((layout, empty));
        projects.push(work);
    }

    // drizzle-kit on the same tables (one `schema.ts`), when npm is here.
    match bench_drizzle(&base.join("drizzle"), tables, runs) {
        Ok(Some(drizzle)) => {
            println!();
            println!(
                "| drizzle-kit generate (empty → {tables} tables, one schema.ts) | {:.1} ms | |",
                ms(drizzle)
            );
            for (layout, shale) in &from_empty {
                println!(
                    "| ratio drizzle-kit / shale generate from empty ({}) | {:.1}× | |",
                    layout.name(),
                    drizzle.as_secs_f64() / shale.as_secs_f64()
                );
            }
        }
        Ok(None) => println!("\n(drizzle-kit comparison skipped: no npm on PATH)"),
        Err(e) => println!("\n(drizzle-kit comparison failed: {e:#})"),
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
    let work = &projects[0];
    let m = measure(
        Command::new(&shale)
            .args(["migrate", "--db", &url])
            .current_dir(work),
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
    for (project, layout) in projects.iter().zip(["many files", "one file"]) {
        let (walls, rss) = repeat(runs, || {
            let m = measure(
                Command::new(&shale)
                    .args(["verify", "--db", &url])
                    .current_dir(project),
            )?;
            if m.code != 0 {
                bail!("verify found drift ({}): {}{}", m.code, m.stdout, m.stderr);
            }
            Ok(m)
        })?;
        report(
            &format!("shale verify ({tables} tables, {layout}, in sync)"),
            &walls,
            rss,
        );
    }

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
                .current_dir(work),
        )?;
        // Views, functions and triggers are modelled: the extra ones are
        // drift, each reported as that object.
        if m.code != 1
            || !m.stdout.contains("view bench_v0")
            || !m.stdout.contains("function bench_f0()")
            || !m.stdout.contains("trigger bench_tr0")
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
    let _ = std::fs::remove_dir_all(&base);
    Ok(())
}

/// `generate` from empty and unchanged, and `check` unchanged (cold and
/// warm caches) on one project; returns the median of `generate` from empty.
fn bench_offline(
    shale: &Path,
    work: &Path,
    tables: usize,
    runs: usize,
    layout: &str,
) -> Result<Duration> {
    // 1. generate from an empty snapshot (the migrations folder and the
    // caches are reset each run).
    let mut walls = Vec::new();
    let mut rss = 0;
    for _ in 0..runs {
        let _ = std::fs::remove_dir_all(work.join("migrations"));
        let _ = std::fs::remove_dir_all(work.join("snapshots"));
        let _ = std::fs::remove_dir_all(work.join(".shale"));
        let m = measure(
            Command::new(shale)
                .args(["generate", "--name", "init"])
                .current_dir(work),
        )?;
        if m.code != 0 {
            bail!("generate failed ({}): {}{}", m.code, m.stdout, m.stderr);
        }
        walls.push(m.wall);
        rss = rss.max(m.max_rss_kib);
    }
    let empty = median(walls.clone());
    report(
        &format!("shale generate (empty → {tables} tables, {layout})"),
        &walls,
        rss,
    );

    // 2. generate with no change: the first run parses and records the
    // answer in the schema cache, the others read and hash the files.
    for (what, args) in [
        ("schema cache", &["generate"][..]),
        ("--no-cache", &["generate", "--no-cache"][..]),
    ] {
        measure(Command::new(shale).args(args).current_dir(work))?;
        let (walls, rss) = repeat(runs, || {
            let m = measure(Command::new(shale).args(args).current_dir(work))?;
            if m.code != 0 || !m.stdout.contains("no schema changes") {
                bail!(
                    "unchanged generate did not report no changes ({}): {}{}",
                    m.code,
                    m.stdout,
                    m.stderr
                );
            }
            Ok(m)
        })?;
        report(
            &format!("shale generate (unchanged schema, {layout}, {what})"),
            &walls,
            rss,
        );
    }

    // 3. check with no change (offline gates and lint): cold (`--no-cache`:
    // every migration linted and the schema parsed afresh, as in CI on a
    // fresh clone), then with the caches the previous run left (a
    // developer's repeated runs).
    for (what, args) in [
        ("cold caches", &["check", "--no-cache"][..]),
        ("warm caches", &["check"][..]),
    ] {
        // One run first, which fills the caches for the warm runs.
        measure(Command::new(shale).args(args).current_dir(work))?;
        let (walls, rss) = repeat(runs, || {
            let m = measure(Command::new(shale).args(args).current_dir(work))?;
            if m.code != 0 {
                bail!("check failed ({}): {}{}", m.code, m.stdout, m.stderr);
            }
            Ok(m)
        })?;
        report(
            &format!("shale check (unchanged, {tables} tables, {layout}, {what})"),
            &walls,
            rss,
        );
    }
    Ok(empty)
}

/// drizzle-kit's `generate` from empty on the same tables: installs
/// drizzle-kit and drizzle-orm from npm into `dir` (a scratch folder) and
/// returns the median whole-process time, or `None` without npm.
fn bench_drizzle(dir: &Path, tables: usize, runs: usize) -> Result<Option<Duration>> {
    let npm_found = Command::new("npm")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !npm_found {
        return Ok(None);
    }
    synth::write_drizzle_project(dir, tables)?;
    std::fs::write(
        dir.join("package.json"),
        "{ \"name\": \"shale-bench-drizzle\", \"private\": true }\n",
    )?;
    println!();
    println!(
        "installing drizzle-kit and drizzle-orm from npm into {}…",
        dir.display()
    );
    let status = Command::new("npm")
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            "drizzle-kit",
            "drizzle-orm",
        ])
        .current_dir(dir)
        .status()?;
    if !status.success() {
        bail!("npm install failed");
    }
    let version = Command::new(dir.join("node_modules/.bin/drizzle-kit"))
        .arg("--version")
        .current_dir(dir)
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .trim()
                .replace('\n', ", ")
        })
        .unwrap_or_default();
    println!("drizzle-kit: {version}");
    let mut walls = Vec::new();
    for _ in 0..runs {
        let _ = std::fs::remove_dir_all(dir.join("drizzle"));
        let m = measure(
            Command::new(dir.join("node_modules/.bin/drizzle-kit"))
                .arg("generate")
                .current_dir(dir),
        )?;
        if m.code != 0 || !dir.join("drizzle/meta/_journal.json").exists() {
            bail!(
                "drizzle-kit generate failed ({}): {}{}",
                m.code,
                m.stdout,
                m.stderr
            );
        }
        walls.push(m.wall);
    }
    Ok(Some(median(walls)))
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
