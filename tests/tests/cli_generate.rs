//! End-to-end tests of `shale init` and `shale generate`: the real binary in a
//! temporary project folder, asserting exit codes, messages and files.

use std::path::Path;
use std::process::Output;

use shale_tests::output_text as text;

fn shale(dir: &Path, args: &[&str]) -> Output {
    shale_tests::shale_command!(dir)
        .args(args)
        .output()
        .expect("run shale")
}

fn project(schema: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    std::fs::write(dir.path().join("schema/schema.rs"), schema).unwrap();
    dir
}

const USERS: &str = r#"
use shale::Table;
#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    pub bio: Option<String>,
}
"#;

#[test]
fn init_scaffolds_a_project_that_generates() {
    let dir = tempfile::tempdir().unwrap();
    let o = shale(dir.path(), &["init"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    for f in [
        "shale.toml",
        "schema/schema.rs",
        "migrations/meta/_journal.json",
    ] {
        assert!(dir.path().join(f).exists(), "{f} missing");
    }
    let o = shale(dir.path(), &["init"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "a second init must refuse: {}",
        text(&o)
    );
    let o = shale(dir.path(), &["generate"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let sql = std::fs::read_to_string(dir.path().join("migrations/0000_init.sql")).unwrap();
    assert!(sql.contains("CREATE TABLE \"public\".\"users\""), "{sql}");
    assert!(sql.contains("CREATE TYPE \"public\".\"role\""), "{sql}");
}

#[test]
fn generate_writes_migration_journal_and_snapshot_then_nothing() {
    let dir = project(USERS);
    let o = shale(dir.path(), &["generate", "--name", "create users"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let sql = std::fs::read_to_string(dir.path().join("migrations/0000_create_users.sql")).unwrap();
    assert!(sql.contains("CREATE TABLE \"public\".\"users\""), "{sql}");
    let journal: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("migrations/meta/_journal.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(journal["dialect"], "postgresql");
    assert_eq!(journal["entries"][0]["tag"], "0000_create_users");
    assert_eq!(journal["entries"][0]["idx"], 0);
    assert!(dir.path().join("snapshots/0000_snapshot.json").exists());

    let o = shale(dir.path(), &["generate"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o).contains("no schema changes"), "{}", text(&o));
    assert!(!dir.path().join("migrations/0001_migration.sql").exists());

    // A change generates migration 0001 chained to 0000.
    std::fs::write(
        dir.path().join("schema/schema.rs"),
        USERS.replace("pub bio", "pub age: Option<i32>,\n    pub bio"),
    )
    .unwrap();
    let o = shale(
        dir.path(),
        &["generate", "--name", "add_age", "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let doc: serde_json::Value =
        serde_json::from_slice(&o.stdout).expect("one JSON document on stdout");
    assert_eq!(doc["status"], "written");
    assert_eq!(doc["migration"]["tag"], "0001_add_age");
    let sql = std::fs::read_to_string(dir.path().join("migrations/0001_add_age.sql")).unwrap();
    assert!(sql.contains("ADD COLUMN \"age\" integer"), "{sql}");
    let s0: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("snapshots/0000_snapshot.json")).unwrap(),
    )
    .unwrap();
    let s1: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("snapshots/0001_snapshot.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(s1["prevId"], s0["id"]);
}

#[test]
fn schema_errors_point_at_file_line_and_column_and_write_nothing() {
    let dir = project(
        r#"
use shale::Table;
#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_kee)]
    pub id: i64,
    pub name: Strin,
}
"#,
    );
    let o = shale(dir.path(), &["generate"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let t = text(&o);
    assert!(
        t.contains("schema/schema.rs:6:14"),
        "no file:line:col in {t}"
    );
    assert!(t.contains("primary_key"), "no did-you-mean in {t}");
    assert!(
        t.contains("schema/schema.rs:8:15"),
        "the second error is missing: {t}"
    );
    assert!(t.contains("^^^"), "no underline in {t}");
    assert!(
        !dir.path().join("migrations").exists(),
        "something was written"
    );

    let o = shale(dir.path(), &["generate", "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    assert_eq!(
        doc["diagnostics"].as_array().map(Vec::len),
        Some(2),
        "{doc}"
    );
    assert_eq!(doc["diagnostics"][0]["line"], 6);
}

#[test]
fn data_loss_is_refused_without_the_flag() {
    let dir = project(USERS);
    assert_eq!(shale(dir.path(), &["generate"]).status.code(), Some(0));
    std::fs::write(
        dir.path().join("schema/schema.rs"),
        USERS.replace("    pub bio: Option<String>,\n", ""),
    )
    .unwrap();
    let o = shale(dir.path(), &["generate", "--name", "drop_bio"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("DELETES_DATA"), "{}", text(&o));
    assert!(
        !dir.path().join("migrations/0001_drop_bio.sql").exists(),
        "written despite the refusal"
    );
    let o = shale(
        dir.path(),
        &["generate", "--name", "drop_bio", "--allow-data-loss"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let sql = std::fs::read_to_string(dir.path().join("migrations/0001_drop_bio.sql")).unwrap();
    assert!(sql.starts_with("-- hazard: DELETES_DATA"), "{sql}");
    assert!(sql.contains("DROP COLUMN \"bio\""), "{sql}");
    assert!(
        sql.contains("-- shale:allow dropping-column"),
        "the accepted data loss is not recorded: {sql}"
    );
    let o = shale(dir.path(), &["check"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "an accepted drop must pass check: {}",
        text(&o)
    );
}

#[test]
fn ambiguous_renames_are_never_guessed() {
    let dir = project(USERS);
    assert_eq!(shale(dir.path(), &["generate"]).status.code(), Some(0));
    let renamed = USERS.replace("pub bio:", "pub about:");
    std::fs::write(dir.path().join("schema/schema.rs"), &renamed).unwrap();
    let o = shale(dir.path(), &["generate", "--allow-data-loss"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let t = text(&o);
    assert!(t.contains("--rename column:users.bio=about"), "{t}");
    assert!(t.contains("renamed_from = \"bio\""), "{t}");
    assert!(t.contains("--no-rename column:users.bio"), "{t}");
    assert!(!dir.path().join("migrations/0001_migration.sql").exists());

    let o = shale(
        dir.path(),
        &["generate", "--rename", "column:users.bio=about"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let sql = std::fs::read_to_string(dir.path().join("migrations/0001_migration.sql")).unwrap();
    assert!(sql.contains("RENAME COLUMN \"bio\" TO \"about\""), "{sql}");
}

#[test]
fn custom_migrations_are_empty_and_keep_the_snapshot() {
    let dir = project(USERS);
    assert_eq!(shale(dir.path(), &["generate"]).status.code(), Some(0));
    let o = shale(dir.path(), &["generate", "--custom", "--name", "backfill"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let sql = std::fs::read_to_string(dir.path().join("migrations/0001_backfill.sql")).unwrap();
    assert!(sql.starts_with("-- Custom migration"), "{sql}");
    let s0: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("snapshots/0000_snapshot.json")).unwrap(),
    )
    .unwrap();
    let s1: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("snapshots/0001_snapshot.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(s0["tables"], s1["tables"]);
    assert_eq!(s1["prevId"], s0["id"]);
    let o = shale(dir.path(), &["generate"]);
    assert!(text(&o).contains("no schema changes"), "{}", text(&o));
}

/// The repository's own `migrations/` and `snapshots/` are what shale
/// generates from `schema/`: generating again in a copy finds no change.
#[test]
fn the_example_schema_migrations_are_in_sync() {
    let root = shale_tests::repo_root();
    let dir = tempfile::tempdir().unwrap();
    for sub in ["schema", "migrations", "snapshots"] {
        copy_dir(&root.join(sub), &dir.path().join(sub));
    }
    std::fs::copy(root.join("shale.toml"), dir.path().join("shale.toml")).unwrap();
    let o = shale(dir.path(), &["generate", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        doc["status"], "no_changes",
        "schema/ changed without a migration: run `cargo run -p shale-cli -- generate --name <what changed>` \
         at the repository root and commit migrations/ and snapshots/ (it would write {})",
        doc["migration"]["tag"]
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
