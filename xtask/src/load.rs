//! `cargo xtask load`: the zero-downtime load benchmark. Two large tables on
//! a throwaway server; writers on their own loopback connections insert and
//! update continuously while `shale migrate` applies, one migration each: an
//! index, a foreign key to the other large table, a column set NOT NULL, a
//! unique constraint. Each migration is generated and applied once in plain
//! mode and once in online mode (each mode on its own database), and the
//! writers' worst and p99 latency and completed writes are printed side by
//! side.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

/// `args` for messages, the database URL (it holds the password) left out.
fn shown(args: &[&str]) -> Vec<String> {
    args.iter()
        .map(|a| {
            if a.starts_with("postgres") {
                "<url>".to_string()
            } else {
                a.to_string()
            }
        })
        .collect()
}
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

const BEFORE: &str = r#"
use shale::Table;
#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key, identity)]
    pub id: i64,
    pub name: String,
}

#[derive(Table)]
#[table(name = "accounts")]
__ATTRS__
pub struct Account {
    #[column(primary_key, identity)]
    pub id: i64,
    __ORG__
    pub org_id: i64,
    pub email: String,
    pub note: __NOTE__,
}
"#;

/// The schema after `step` of the four migrations.
fn schema(step: usize) -> String {
    let mut attrs = Vec::new();
    if step >= 1 {
        attrs.push("#[index(columns(org_id), name = \"accounts_org_id_idx\")]");
    }
    if step >= 4 {
        attrs.push("#[unique(columns(email), name = \"accounts_email_key\")]");
    }
    BEFORE
        .replace("__ATTRS__", &attrs.join("\n"))
        .replace(
            "__ORG__",
            if step >= 2 {
                "#[column(references = \"orgs.id\")]"
            } else {
                ""
            },
        )
        .replace(
            "__NOTE__",
            if step >= 3 {
                "String"
            } else {
                "Option<String>"
            },
        )
}

const STEPS: [&str; 4] = [
    "add an index",
    "add a foreign key to orgs",
    "set a column NOT NULL",
    "add a unique constraint",
];

/// Latencies of the writers during one migration.
struct Load {
    writes: u64,
    p99: Duration,
    max: Duration,
    migrate: Duration,
}

/// Runs the benchmark.
pub fn run(rows: u64, writers: usize) -> Result<()> {
    let root = super::root();
    println!("building shale…");
    let status = Command::new(super::cargo())
        .args(["build", "-p", "shale-cli"])
        .current_dir(&root)
        .status()?;
    if !status.success() {
        bail!("build failed");
    }
    let shale = root.join("target/debug/shale");
    println!("starting a throwaway PostgreSQL server…");
    let server = shale_shadow::Server::start(&shale_shadow::ServerOptions::default())?;
    let mut admin = shale_db::connect(&server.url("postgres"))?;
    let base = std::env::temp_dir().join(format!("shale-load-{}", std::process::id()));
    let mut results: Vec<(bool, Vec<Load>)> = Vec::new();
    for online in [false, true] {
        let mode = if online { "online" } else { "plain" };
        admin.batch_execute(&format!("CREATE DATABASE {mode}"))?;
        let url = server.url(mode);
        let dir = base.join(mode);
        std::fs::create_dir_all(dir.join("schema"))?;
        std::fs::write(
            dir.join("shale.toml"),
            format!("[generate]\nonline = {online}\n"),
        )?;
        std::fs::write(dir.join("schema/schema.rs"), schema(0))?;
        shale_ok(&shale, &dir, &["generate"])?;
        shale_ok(&shale, &dir, &["--db", &url, "migrate"])?;
        println!("{mode}: filling orgs and accounts with {rows} rows each…");
        let mut c = shale_db::connect(&url)?;
        c.batch_execute(&format!(
            "INSERT INTO orgs (name) SELECT 'org ' || g FROM generate_series(1, {rows}) g;
             INSERT INTO accounts (org_id, email, note)
             SELECT 1 + (g::bigint * 7919) % {rows}, 'a' || g || '@example.com', 'note ' || g
             FROM generate_series(1, {rows}) g;"
        ))?;
        c.batch_execute("VACUUM ANALYZE orgs")?;
        c.batch_execute("VACUUM ANALYZE accounts")?;
        let mut loads = Vec::new();
        for (k, what) in STEPS.iter().enumerate() {
            std::fs::write(dir.join("schema/schema.rs"), schema(k + 1))?;
            shale_ok(
                &shale,
                &dir,
                &["generate", "--name", &format!("step{}", k + 1)],
            )?;
            let load = under_load(&url, writers, rows, || {
                let started = Instant::now();
                shale_ok(&shale, &dir, &["--db", &url, "migrate"])?;
                Ok(started.elapsed())
            })?;
            println!(
                "{mode}: {what}: migrate {:.0} ms, {} writes, p99 {:.1} ms, max {:.1} ms",
                ms(load.migrate),
                load.writes,
                ms(load.p99),
                ms(load.max)
            );
            loads.push(load);
        }
        shale_ok(&shale, &dir, &["--db", &url, "verify"])?;
        results.push((online, loads));
    }
    println!();
    println!(
        "{rows} rows per table, {writers} writers (each: an INSERT, then an UPDATE of a random row, in a loop)"
    );
    println!();
    println!("| migration | mode | migrate | writes | writers' p99 | writers' max |");
    println!("|---|---|---|---|---|---|");
    for (k, what) in STEPS.iter().enumerate() {
        for (online, loads) in &results {
            let l = &loads[k];
            println!(
                "| {what} | {} | {:.0} ms | {} | {:.1} ms | {:.1} ms |",
                if *online { "online" } else { "plain" },
                ms(l.migrate),
                l.writes,
                ms(l.p99),
                ms(l.max)
            );
        }
    }
    let _ = std::fs::remove_dir_all(&base);
    server.stop();
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn shale_ok(shale: &Path, dir: &Path, args: &[&str]) -> Result<()> {
    let o = Command::new(shale)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("DATABASE_URL")
        .output()
        .with_context(|| format!("run shale {:?}", shown(args)))?;
    if !o.status.success() {
        bail!(
            "shale {:?} failed:\n{}{}",
            shown(args),
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
    }
    Ok(())
}

/// Runs `work` while `writers` threads write; returns their latencies. The
/// writers start half a second before and stop half a second after, and are
/// bounded by two minutes and a million writes each.
fn under_load(
    url: &str,
    writers: usize,
    rows: u64,
    work: impl FnOnce() -> Result<Duration>,
) -> Result<Load> {
    let stop = Arc::new(AtomicBool::new(false));
    // Unique across the whole run: the emails must stay unique for step 4.
    static SERIAL: AtomicU64 = AtomicU64::new(0);
    let serial = &SERIAL;
    let mut handles = Vec::new();
    for w in 0..writers {
        let (url, stop) = (url.to_string(), stop.clone());
        handles.push(std::thread::spawn(move || -> Result<Vec<Duration>> {
            let mut c = shale_db::connect(&url)?;
            let insert = c.prepare(
                "INSERT INTO accounts (org_id, email, note) VALUES ($1, $2, 'written under load')",
            )?;
            let update = c.prepare("UPDATE accounts SET note = $2 WHERE id = $1")?;
            let mut latencies = Vec::new();
            let started = Instant::now();
            let mut x = (w as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            while !stop.load(Ordering::SeqCst)
                && started.elapsed() < Duration::from_secs(120)
                && latencies.len() < 1_000_000
            {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let n = serial.fetch_add(1, Ordering::SeqCst);
                let org = (1 + x % rows) as i64;
                let email = format!("w{w}-{n}@load.example");
                let t = Instant::now();
                c.execute(&insert, &[&org, &email])?;
                latencies.push(t.elapsed());
                let id = (1 + (x >> 20) % rows) as i64;
                let t = Instant::now();
                c.execute(&update, &[&id, &format!("updated {n}")])?;
                latencies.push(t.elapsed());
            }
            Ok(latencies)
        }));
    }
    std::thread::sleep(Duration::from_millis(500));
    let migrate = work();
    std::thread::sleep(Duration::from_millis(500));
    stop.store(true, Ordering::SeqCst);
    let mut all = Vec::new();
    for h in handles {
        match h.join() {
            Ok(r) => all.extend(r?),
            Err(_) => bail!("a writer panicked"),
        }
    }
    let migrate = migrate?;
    all.sort();
    let p99 = all
        .get((all.len() * 99 / 100).min(all.len().saturating_sub(1)))
        .copied()
        .unwrap_or_default();
    Ok(Load {
        writes: all.len() as u64,
        p99,
        max: all.last().copied().unwrap_or_default(),
        migrate,
    })
}
