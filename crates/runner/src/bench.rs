//! A benchmark of the runner's per-migration overhead: `n` small migrations
//! applied by [`crate::migrate`], compared with running the same statements
//! directly, one transaction each. Used by `cargo xtask bench`; not a test.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use shale_migrations::folder::{Migration, MigrationFolder};
use shale_migrations::journal::{Journal, PrefixMode};
use shale_migrations::sqlfile;

use crate::{migrate, MigrateOptions, TrackingTable};

/// The result of [`bench()`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BenchReport {
    /// Migrations applied.
    pub migrations: usize,
    /// Wall time of `migrate` for all of them (connection excluded).
    pub migrate_total: Duration,
    /// Wall time of the same statements run directly, each in its own
    /// transaction (`BEGIN; …; COMMIT` in one round trip).
    pub sql_total: Duration,
    /// `(migrate_total - sql_total) / migrations`: what the runner adds per
    /// migration (lock, re-check, tracking row, round trips).
    pub overhead_per_migration: Duration,
    /// Mean time of one `SELECT 1` round trip, measured alongside: the
    /// runner adds two round trips per migration (lock and re-check before
    /// the statements, tracking row and commit after them), so an overhead
    /// near two round trips means the runner's own work is negligible.
    pub round_trip: Duration,
}

impl std::fmt::Display for BenchReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} migrations: migrate {:.1} ms, SQL alone {:.1} ms, overhead {:.3} ms per migration (one round trip: {:.3} ms)",
            self.migrations,
            self.migrate_total.as_secs_f64() * 1e3,
            self.sql_total.as_secs_f64() * 1e3,
            self.overhead_per_migration.as_secs_f64() * 1e3,
            self.round_trip.as_secs_f64() * 1e3
        )
    }
}

/// Why [`bench()`] failed.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// Could not connect.
    #[error(transparent)]
    Connect(#[from] shale_db::DbError),
    /// The runner failed.
    #[error(transparent)]
    Run(#[from] crate::RunError),
    /// The baseline SQL failed.
    #[error("baseline statement failed: {0}")]
    Sql(String),
}

/// An in-memory folder of `n` migrations, each creating one small table in
/// `schema` (files are not needed: the runner works on loaded folders).
pub fn synthetic_folder(n: usize, schema: &str) -> MigrationFolder {
    let mut journal = Journal::new("postgresql");
    let mut migrations = Vec::with_capacity(n);
    for i in 0..n {
        let entry = journal
            .push_next(
                &format!("bench_{i}"),
                PrefixMode::Index,
                1_700_000_000_000 + i as i64,
            )
            .clone();
        let text = sqlfile::render(&[statement(schema, i)], &[]);
        let bytes = text.clone().into_bytes();
        migrations.push(Migration {
            path: PathBuf::from(format!("{}.sql", entry.tag)),
            hash: sqlfile::sha256_hex(&bytes),
            entry,
            bytes,
            text,
            down: None,
        });
    }
    MigrationFolder {
        dir: PathBuf::from("bench"),
        journal,
        migrations,
        orphan_downs: Vec::new(),
    }
}

fn statement(schema: &str, i: usize) -> String {
    format!("CREATE TABLE \"{schema}\".\"t{i}\" (id bigint PRIMARY KEY, v text);")
}

/// Applies `n` small migrations to the (preferably empty) database at `url`
/// and measures the runner's overhead per migration. Creates schemas
/// `shale_bench_m` and `shale_bench_b` and the tracking table
/// `shale_bench_m.__drizzle_migrations`.
///
/// The work is interleaved in ten slices (`migrate --to` the slice's last
/// migration, then the same statements directly) so that load from other
/// processes affects both sides alike.
pub fn bench(url: &str, n: usize) -> Result<BenchReport, BenchError> {
    let mut client = shale_db::connect(url)?;
    let sql_err = |e: postgres::Error| BenchError::Sql(shale_db::error_line(&e));
    for schema in ["shale_bench_m", "shale_bench_b"] {
        drop_schema(&mut client, schema).map_err(sql_err)?;
        client
            .batch_execute(&format!("CREATE SCHEMA {schema}"))
            .map_err(sql_err)?;
    }
    let folder = synthetic_folder(n, "shale_bench_m");
    let table = TrackingTable {
        schema: "shale_bench_m".into(),
        table: "__drizzle_migrations".into(),
    };
    let mut migrate_total = Duration::ZERO;
    let mut sql_total = Duration::ZERO;
    let mut round_trips = Duration::ZERO;
    let slices = 10.min(n.max(1));
    let mut done = 0;
    for k in 1..=slices {
        let end = n * k / slices;
        if end == done {
            continue;
        }
        let options = MigrateOptions {
            table: table.clone(),
            to_tag: Some(folder.migrations[end - 1].entry.tag.clone()),
            ..MigrateOptions::default()
        };
        let started = Instant::now();
        migrate(&mut client, &folder, &options)?;
        migrate_total += started.elapsed();
        let started = Instant::now();
        for i in done..end {
            client
                .batch_execute(&format!("BEGIN; {} COMMIT;", statement("shale_bench_b", i)))
                .map_err(sql_err)?;
        }
        sql_total += started.elapsed();
        let started = Instant::now();
        for _ in done..end {
            client.batch_execute("SELECT 1").map_err(sql_err)?;
        }
        round_trips += started.elapsed();
        done = end;
    }
    let overhead =
        migrate_total.saturating_sub(sql_total) / u32::try_from(n.max(1)).unwrap_or(u32::MAX);
    Ok(BenchReport {
        migrations: n,
        migrate_total,
        sql_total,
        overhead_per_migration: overhead,
        round_trip: round_trips / u32::try_from(n.max(1)).unwrap_or(u32::MAX),
    })
}

/// Drops a schema left by an earlier run, its tables a few hundred per
/// transaction (one `DROP SCHEMA … CASCADE` of thousands of tables exceeds
/// the server's lock table).
fn drop_schema(client: &mut postgres::Client, schema: &str) -> Result<(), postgres::Error> {
    loop {
        let rows = client.simple_query(&format!(
            "SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') FROM \
             (SELECT schemaname, tablename FROM pg_tables WHERE schemaname = '{schema}' LIMIT 200) t"
        ))?;
        let list = rows.iter().find_map(|m| match m {
            postgres::SimpleQueryMessage::Row(r) => r.get(0).map(str::to_string),
            _ => None,
        });
        match list {
            Some(list) if !list.is_empty() => {
                client.batch_execute(&format!("DROP TABLE {list} CASCADE"))?
            }
            _ => break,
        }
    }
    client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
}
