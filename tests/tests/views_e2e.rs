//! Views end to end through the command line, against real PostgreSQL:
//! `verify` compares PostgreSQL's text with PostgreSQL's text (a view
//! written by hand in another formatting is no drift; a view edited in
//! place is reported once, as that view), and a database of views goes
//! through `pull` → `generate` → `migrate` into an empty database with
//! `pg_dump --schema-only` of both equal — pg_dump, not shale, is the judge.

use std::path::Path;
use std::process::Output;

fn shale(dir: &Path, url: &str, args: &[&str]) -> Output {
    shale_tests::shale_command!(dir)
        .args(args)
        .arg("--db")
        .arg(url)
        .output()
        .expect("run shale")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn exit(o: &Output, code: i32) -> String {
    let t = text(o);
    assert_eq!(o.status.code(), Some(code), "{t}");
    t
}

const TABLES: &str =
    "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, active boolean NOT NULL);";

const SCHEMA: &str = r#"use shale::{Table, View};

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
    pub active: bool,
}

/// Users who can sign in.
#[derive(View)]
#[view(sql = "select id, email from users where active")]
pub struct ActiveUsers {
    pub id: i64,
    pub email: String,
}

#[derive(View)]
#[view(materialized, sql = "SELECT count(*) AS n FROM active_users")]
#[index(columns(n))]
pub struct ActiveCount {
    pub n: i64,
}
"#;

#[test]
fn verify_compares_views_as_postgresql_prints_them() {
    let url = shale_tests::fresh_database();
    // The same views as the schema, written by hand in another spelling.
    shale_tests::connect(&url)
        .batch_execute(&format!(
            "{TABLES}
             CREATE VIEW public.active_users AS
                 SELECT USERS.ID, (users.email) FROM public.users WHERE (USERS.ACTIVE);
             COMMENT ON VIEW active_users IS 'Users who can sign in.';
             CREATE MATERIALIZED VIEW active_count AS SELECT COUNT(*) n FROM active_users;
             CREATE INDEX active_count_n_idx ON active_count (n);"
        ))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    std::fs::write(dir.path().join("schema/schema.rs"), SCHEMA).unwrap();
    let t = exit(&shale(dir.path(), &url, &["verify"]), 0);
    assert!(t.contains("in sync"), "{t}");
    // `diff` between the schema and the database compares the same way.
    let t = exit(
        &shale_tests::shale_command!(dir.path())
            .args(["diff", "--from", "schema:schema", "--to", &url])
            .output()
            .unwrap(),
        0,
    );
    assert!(t.contains("no differences"), "{t}");

    // A view body edited in place: one difference, named as that view.
    shale_tests::connect(&url)
        .batch_execute(
            "CREATE OR REPLACE VIEW active_users AS SELECT id, email FROM users WHERE active AND id > 0",
        )
        .unwrap();
    let o = shale(dir.path(), &url, &["verify", "--format", "json"]);
    let t = exit(&o, 1);
    let doc: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {t}"));
    let drift = doc["drift"].as_array().expect("drift list");
    assert_eq!(drift.len(), 1, "{t}");
    assert_eq!(drift[0]["object"], "view active_users", "{t}");
    let database = drift[0]["database"].as_str().unwrap_or_default();
    assert!(database.contains("id > 0"), "{t}");
    // The reconciling SQL replaces the view in place.
    assert!(t.contains("CREATE OR REPLACE VIEW"), "{t}");
}

/// `pg_dump --schema-only` of a database, without what differs between two
/// databases holding the same schema (comments, settings, pg_dump's
/// per-run `\restrict` keys) and without shale's tracking schema.
fn schema_dump(url: &str) -> String {
    let bin = shale_shadow::find_binaries().expect("PostgreSQL binaries");
    let out = std::process::Command::new(bin.join("pg_dump"))
        .args([
            "--schema-only",
            "--no-owner",
            "--no-privileges",
            "--exclude-schema=drizzle",
        ])
        .arg(format!("--dbname={url}"))
        .output()
        .expect("run pg_dump");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| {
            !l.starts_with("--") && !l.starts_with("\\restrict") && !l.starts_with("\\unrestrict")
        })
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn pull_generate_migrate_rebuilds_views_as_pg_dump_sees_them() {
    let original = shale_tests::fresh_database();
    shale_tests::connect(&original)
        .batch_execute(
            "CREATE SCHEMA reporting;
             CREATE TYPE mood AS ENUM ('happy', 'sad');
             CREATE TABLE users (id bigint PRIMARY KEY, email varchar(320) NOT NULL, mood mood NOT NULL, active boolean NOT NULL DEFAULT true);
             CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), amount numeric(12,2) NOT NULL);
             CREATE VIEW active_users AS SELECT id, email, mood FROM users WHERE active;
             COMMENT ON VIEW active_users IS 'Users who can sign in.';
             COMMENT ON COLUMN active_users.email IS 'Where to write.';
             CREATE VIEW reporting.happy_users WITH (security_barrier) AS
                 SELECT id, email FROM active_users WHERE mood = 'happy'
                 WITH LOCAL CHECK OPTION;
             CREATE MATERIALIZED VIEW reporting.user_totals AS
                 SELECT u.id AS user_id, sum(o.amount) AS total, count(*) AS orders
                 FROM users u JOIN orders o ON o.user_id = u.id GROUP BY u.id;
             CREATE UNIQUE INDEX user_totals_user_id_idx ON reporting.user_totals (user_id);
             COMMENT ON MATERIALIZED VIEW reporting.user_totals IS 'Per user, stored.';",
        )
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    exit(&shale(d, &original, &["pull"]), 0);
    let pulled = std::fs::read_to_string(d.join("schema/schema.rs")).unwrap();
    assert!(pulled.contains("#[derive(View)]"), "{pulled}");
    let generated = shale_tests::shale_command!(d)
        .args(["generate", "--name", "init"])
        .output()
        .unwrap();
    exit(&generated, 0);
    let rebuilt = shale_tests::fresh_database();
    exit(&shale(d, &rebuilt, &["migrate"]), 0);
    let (a, b) = (schema_dump(&original), schema_dump(&rebuilt));
    if a != b {
        let diff = similar::TextDiff::from_lines(&a, &b)
            .unified_diff()
            .header("original", "rebuilt")
            .to_string();
        panic!("pg_dump differs:\n{diff}\n\npulled schema:\n{pulled}");
    }
    // And the original is in sync with what was pulled from it.
    let t = exit(&shale(d, &original, &["verify"]), 0);
    assert!(t.contains("in sync"), "{t}");
}
