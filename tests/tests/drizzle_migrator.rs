//! Compatibility with drizzle's own migrator, both ways, on real PostgreSQL:
//! drizzle-orm's `migrate()` (node-postgres) runs a folder shale generated and
//! `shale status` sees every migration applied; a database shale migrated is
//! continued by drizzle's migrator (only the new migration runs) and shale
//! then finds it up to date. The folders hold shale's down files, which
//! drizzle's migrator ignores; a migration shale rolled back, drizzle applies
//! again.
//!
//! Needs Node.js and npm (`.ci/run` installs them where missing); the pinned
//! packages are installed once into Cargo's per-target temporary directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use shale_tests::output_text as text;

const DRIZZLE_ORM: &str = "drizzle-orm@0.45.4";
const PG: &str = "pg@8.23.1";

const MIGRATE_JS: &str = r#"// drizzle-orm's own PostgreSQL migrator on a migrations folder.
const { drizzle } = require('drizzle-orm/node-postgres');
const { migrate } = require('drizzle-orm/node-postgres/migrator');
const { Pool } = require('pg');
(async () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    await migrate(drizzle(pool), { migrationsFolder: process.argv[2] });
  } finally {
    await pool.end();
  }
})().catch((e) => { console.error('drizzle migrate failed:', e.message); process.exit(1); });
"#;

/// The directory holding `node_modules` with drizzle-orm and pg, installed
/// once per process (the tests of this file run in parallel).
fn drizzle_dir() -> PathBuf {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(install).clone()
}

fn install() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("drizzle-migrator");
    let lock = dir.join(format!("installed-{DRIZZLE_ORM}-{PG}"));
    if !lock.exists() {
        std::fs::create_dir_all(&dir).unwrap();
        let o = Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--silent", "--prefix"])
            .arg(&dir)
            .args([DRIZZLE_ORM, PG])
            .output()
            .expect("npm is needed for this test (apt-get install nodejs npm)");
        assert!(
            o.status.success(),
            "npm install failed: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        std::fs::write(&lock, "").unwrap();
    }
    std::fs::write(dir.join("migrate.cjs"), MIGRATE_JS).unwrap();
    dir
}

fn drizzle_migrate(folder: &Path, url: &str) {
    let dir = drizzle_dir();
    // node-postgres does not know `sslmode=disable`; the test server speaks plain TCP.
    let url = url.replace("?sslmode=disable", "");
    let o = Command::new("node")
        .arg(dir.join("migrate.cjs"))
        .arg(folder)
        .env("DATABASE_URL", url)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

fn shale(dir: &Path, url: &str, args: &[&str]) -> Output {
    shale_tests::shale_command!(dir)
        .args(args)
        .arg("--db")
        .arg(url)
        .output()
        .unwrap()
}

fn rows(url: &str) -> i64 {
    shale_tests::connect(url)
        .query_one("SELECT count(*) FROM drizzle.__drizzle_migrations", &[])
        .unwrap()
        .get(0)
}

const V1: &str = r#"
use shale::{PgEnum, Table};
#[derive(PgEnum)]
pub enum Mood { Happy, Sad }
#[derive(Table)]
#[table(name = "people")]
#[index(columns(name))]
pub struct Person {
    #[column(primary_key, identity)]
    pub id: i64,
    pub name: String,
    #[column(default = "'happy'")]
    pub mood: Mood,
}
"#;

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    std::fs::write(dir.path().join("schema/schema.rs"), V1).unwrap();
    let o = shale(
        dir.path(),
        "postgres://unused",
        &["generate", "--name", "people"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    dir
}

fn add_migration(dir: &Path) {
    let v2 = V1.replace(
        "pub name: String,",
        "pub name: String,\n    pub nickname: Option<String>,",
    );
    std::fs::write(dir.join("schema/schema.rs"), v2).unwrap();
    let o = shale(
        dir,
        "postgres://unused",
        &["generate", "--name", "nickname"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

#[test]
fn drizzle_runs_a_folder_shale_generated_and_shale_continues() {
    let dir = project();
    let url = shale_tests::fresh_database();
    drizzle_migrate(&dir.path().join("migrations"), &url);
    assert_eq!(rows(&url), 1);
    let o = shale(dir.path(), &url, &["status"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "shale must see drizzle's row as applied: {}",
        text(&o)
    );
    // shale continues the same table with the next migration.
    add_migration(dir.path());
    let o = shale(dir.path(), &url, &["migrate"]);
    assert!(
        text(&o).contains("applied 0001_nickname") && !text(&o).contains("0000_people"),
        "{}",
        text(&o)
    );
    assert_eq!(rows(&url), 2);
    // And drizzle, run again, finds nothing to do.
    drizzle_migrate(&dir.path().join("migrations"), &url);
    assert_eq!(rows(&url), 2);
    let o = shale(dir.path(), &url, &["verify"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // The folder has shale's down files, which drizzle's migrator ignores
    // (they are not in the journal); shale rolls back drizzle's table's
    // newest row, and drizzle applies that migration again.
    assert!(dir
        .path()
        .join("migrations/0001_nickname.down.sql")
        .exists());
    let o = shale(dir.path(), &url, &["rollback", "--accept-data-loss"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(rows(&url), 1);
    drizzle_migrate(&dir.path().join("migrations"), &url);
    assert_eq!(rows(&url), 2);
    let o = shale(dir.path(), &url, &["verify"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

#[test]
fn drizzle_continues_a_database_shale_migrated() {
    let dir = project();
    let url = shale_tests::fresh_database();
    let o = shale(dir.path(), &url, &["migrate"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    add_migration(dir.path());
    // drizzle's migrator applies only the new migration, into shale's table
    // (which has shale's two extra nullable columns).
    drizzle_migrate(&dir.path().join("migrations"), &url);
    assert_eq!(rows(&url), 2);
    let has_nickname: i64 = shale_tests::connect(&url)
        .query_one(
            "SELECT count(*) FROM information_schema.columns WHERE column_name = 'nickname'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(has_nickname, 1, "drizzle did not apply the new migration");
    let o = shale(dir.path(), &url, &["status"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "shale must see both migrations applied: {}",
        text(&o)
    );
    let o = shale(dir.path(), &url, &["verify"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}
