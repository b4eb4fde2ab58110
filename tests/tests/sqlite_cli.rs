//! End to end with `dialect = "sqlite"`: the real binary in a temporary
//! project — `init --sqlite`, `generate`, `migrate`, `status`, `verify`,
//! `diff` with a `sqlite:PATH` source, `pull` — against a database file.

use std::path::Path;
use std::process::Output;

use shale_tests::output_text as text;

fn shale(dir: &Path, args: &[&str]) -> Output {
    shale_tests::shale_command!(dir)
        .args(args)
        .output()
        .expect("run shale")
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let o = shale(dir, args);
    assert_eq!(o.status.code(), Some(0), "shale {args:?}: {}", text(&o));
    text(&o)
}

const DB: &str = "--db=sqlite:data/app.db";

#[test]
fn init_generate_migrate_status_verify_in_sync() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    ok(d, &["init", "--sqlite"]);
    let toml = std::fs::read_to_string(d.join("shale.toml")).expect("toml");
    assert!(toml.contains("dialect = \"sqlite\""), "{toml}");
    ok(d, &["generate"]);
    let sql = std::fs::read_to_string(d.join("migrations/0000_init.sql")).expect("sql");
    assert!(sql.contains("CREATE TABLE \"users\""), "{sql}");
    assert!(sql.contains("PRIMARY KEY (\"id\" AUTOINCREMENT)"), "{sql}");
    assert!(
        sql.contains("CHECK (\"role\" IN ('admin', 'member'))"),
        "enum as a check: {sql}"
    );
    let journal =
        std::fs::read_to_string(d.join("migrations/meta/_journal.json")).expect("journal");
    assert!(journal.contains("\"dialect\": \"sqlite\""), "{journal}");
    let snap = std::fs::read_to_string(d.join("snapshots/0000_snapshot.json")).expect("snapshot");
    assert!(snap.contains("\"dialect\": \"sqlite\""), "{snap}");

    std::fs::create_dir_all(d.join("data")).expect("mkdir");
    let o = shale(d, &["status", DB]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "status on a missing file cannot run: {}",
        text(&o)
    );
    let out = ok(d, &["migrate", DB]);
    assert!(out.contains("applied 0000_init"), "{out}");
    assert!(d.join("data/app.db").is_file());
    let out = ok(d, &["status", DB]);
    assert!(out.contains("up to date: 1 applied"), "{out}");
    let out = ok(d, &["verify", DB]);
    assert!(out.contains("in sync"), "{out}");
    ok(d, &["check"]);

    // A change SQLite's ALTER TABLE cannot make: generated as a rebuild,
    // pending, applied, in sync again.
    let schema = d.join("schema/schema.rs");
    let text_before = std::fs::read_to_string(&schema).expect("schema");
    std::fs::write(
        &schema,
        text_before.replace(
            "pub display_name: Option<String>,",
            "pub display_name: Option<String>,\n    pub age: i32,",
        ),
    )
    .expect("edit");
    ok(d, &["generate", "--name", "age"]);
    let sql = std::fs::read_to_string(d.join("migrations/0001_age.sql")).expect("sql");
    assert!(sql.contains("CREATE TABLE \"__new_users\""), "{sql}");
    let o = shale(d, &["status", DB]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "pending is a finding: {}",
        text(&o)
    );
    assert!(text(&o).contains("pending   0001_age"), "{}", text(&o));
    let o = shale(d, &["verify", DB]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "drift before migrating: {}",
        text(&o)
    );
    assert!(text(&o).contains("users.age"), "{}", text(&o));
    ok(d, &["migrate", DB]);
    assert!(ok(d, &["verify", DB]).contains("in sync"));

    // diff with a sqlite: source, and pull reading the file back.
    let o = shale(
        d,
        &[
            "diff",
            "--from",
            "sqlite:data/app.db",
            "--to",
            "schema:schema",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    ok(d, &["pull", DB, "--out", "pulled"]);
    let o = shale(
        d,
        &[
            "diff",
            "--from",
            "schema:pulled",
            "--to",
            "sqlite:data/app.db",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "the pulled schema reads back to the database: {}",
        text(&o)
    );
}

#[test]
fn postgresql_only_attributes_are_refused_for_sqlite() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    ok(d, &["init", "--sqlite"]);
    std::fs::write(
        d.join("schema/schema.rs"),
        "#[derive(Table)]\n#[table(name = \"t\")]\npub struct T {\n    #[column(primary_key)]\n    pub id: i64,\n    pub tags: Vec<String>,\n}\n",
    )
    .expect("write");
    let o = shale(d, &["generate"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("array type on column \"t\".\"tags\" is not supported by SQLite"),
        "{}",
        text(&o)
    );
}

#[test]
fn check_shadow_and_db_work_for_sqlite() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    ok(d, &["init", "--sqlite"]);
    ok(d, &["generate", "--name", "init"]);
    // The migrations replayed into an in-memory database produce the schema.
    let t = ok(d, &["check", "--shadow"]);
    assert!(t.contains("replaying the 1 migration(s)"), "{t}");

    // A database file with nothing applied: --db reports the pending migration.
    std::fs::create_dir_all(d.join("data")).unwrap();
    let o = shale(d, &["check", DB]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "a missing database file cannot be checked: {}",
        text(&o)
    );
    ok(d, &["migrate", DB]);
    ok(d, &["check", DB]);

    // A hand edit (re-recorded with `shale hash`) that no longer produces the
    // schema passes the offline gates but not the replay.
    let path = d.join("migrations/0000_init.sql");
    let sql = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!("{sql}--> statement-breakpoint\nCREATE TABLE \"stray\" (\"id\" integer);\n"),
    )
    .unwrap();
    ok(d, &["hash"]);
    ok(d, &["check"]);
    let o = shale(d, &["check", "--shadow"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("stray"), "{}", text(&o));
}
