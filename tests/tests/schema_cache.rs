//! End-to-end tests of the schema cache (`.shale/cache/schema/`): an
//! unchanged schema is answered without parsing, and never when anything
//! the answer depends on changed — the source's bytes (even with size and
//! modification time kept), its file names, the latest snapshot, the
//! configuration, or the shale binary. Each stale case is one where a wrongly
//! trusted cache would print `no schema changes` and the real answer differs,
//! or where the JSON document's `cached` says which path answered.

use std::path::Path;
use std::process::Output;

use shale_tests::output_text as text;

fn shale(dir: &Path, args: &[&str]) -> Output {
    shale_tests::shale_command!(dir)
        .args(args)
        .output()
        .expect("run shale")
}

const USERS: &str = r#"
use shale::Table;
#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
}
"#;

const POSTS: &str = r#"
use shale::Table;
#[derive(Table)]
#[table(name = "posts")]
pub struct Post {
    #[column(primary_key, identity)]
    pub id: i64,
    pub title: String,
}
"#;

/// A project with one generated migration whose unchanged state the cache
/// has recorded (the second `generate` verified it by parsing).
fn cached_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    std::fs::write(dir.path().join("shale.toml"), "dialect = \"postgresql\"\n").unwrap();
    std::fs::write(dir.path().join("schema/users.rs"), USERS).unwrap();
    std::fs::write(dir.path().join("schema/posts.rs"), POSTS).unwrap();
    let o = shale(dir.path(), &["generate"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(generate_json(dir.path()), ("no_changes".into(), false));
    assert_eq!(generate_json(dir.path()), ("no_changes".into(), true));
    dir
}

/// `shale generate --format json`: its status and whether the cache answered.
fn generate_json(dir: &Path) -> (String, bool) {
    let o = shale(dir, &["generate", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(&o)));
    (
        doc["status"].as_str().unwrap_or_default().to_string(),
        doc["cached"].as_bool().unwrap_or(false),
    )
}

#[test]
fn an_unchanged_schema_is_answered_from_the_cache() {
    let dir = cached_project();
    let o = shale(dir.path(), &["generate"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("no schema changes"), "{}", text(&o));
    // Never committed: `.shale/` ignores itself.
    let ignore = std::fs::read_to_string(dir.path().join(".shale/.gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
    // `--no-cache` parses.
    let o = shale(dir.path(), &["generate", "--no-cache", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["cached"], false, "{}", text(&o));
}

#[test]
fn a_one_byte_edit_is_parsed_even_with_the_same_size_and_time() {
    let dir = cached_project();
    let path = dir.path().join("schema/users.rs");
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let edited = USERS.replace("pub id: i64", "pub id: i32");
    assert_eq!(edited.len(), USERS.len());
    std::fs::write(&path, edited).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    // `check` finds the change (it shares the cache)…
    let o = shale(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("the schema changed"), "{}", text(&o));
    // …and `generate` writes it (a narrowing: data loss accepted).
    let o = shale(dir.path(), &["generate", "--allow-data-loss"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let sql = std::fs::read_to_string(dir.path().join("migrations/0001_migration.sql"))
        .unwrap_or_else(|e| panic!("no second migration ({e}): {}", text(&o)));
    assert!(sql.contains("integer"), "{sql}");
}

#[test]
fn a_renamed_file_is_parsed() {
    let dir = cached_project();
    let schema = dir.path().join("schema");
    // Another name, same bytes: the same model, but not from the cache.
    std::fs::rename(schema.join("posts.rs"), schema.join("blog.rs")).unwrap();
    assert_eq!(generate_json(dir.path()), ("no_changes".into(), false));
    assert_eq!(generate_json(dir.path()), ("no_changes".into(), true));
    // A name the schema does not read: the table is gone.
    std::fs::rename(schema.join("blog.rs"), schema.join("blog.rs.txt")).unwrap();
    let o = shale(dir.path(), &["generate"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("deletes data"), "{}", text(&o));
}

#[test]
fn a_changed_configuration_is_parsed() {
    let dir = cached_project();
    let toml = dir.path().join("shale.toml");
    // A comment only: the same answer, but not from the cache.
    std::fs::write(&toml, "# the project\ndialect = \"postgresql\"\n").unwrap();
    assert_eq!(generate_json(dir.path()), ("no_changes".into(), false));
    // Another dialect: the snapshots do not match any more.
    std::fs::write(&toml, "dialect = \"sqlite\"\n").unwrap();
    let o = shale(dir.path(), &["generate"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("was generated for postgresql"),
        "{}",
        text(&o)
    );
    // A command-line override of a setting is configuration too.
    std::fs::write(&toml, "dialect = \"postgresql\"\n").unwrap();
    assert_eq!(generate_json(dir.path()), ("no_changes".into(), false));
    assert_eq!(generate_json(dir.path()), ("no_changes".into(), true));
    std::fs::create_dir_all(dir.path().join("other")).unwrap();
    std::fs::write(dir.path().join("other/users.rs"), USERS).unwrap();
    let o = shale(dir.path(), &["generate", "--schema", "other"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("deletes data"), "{}", text(&o));
}

#[test]
fn an_edited_snapshot_is_decoded() {
    let dir = cached_project();
    let path = dir.path().join("snapshots/0000_snapshot.json");
    let snapshot = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, snapshot.replace("\"email\"", "\"emaik\"")).unwrap();
    let o = shale(dir.path(), &["generate"]);
    assert_ne!(o.status.code(), Some(0), "{}", text(&o));
    assert!(!text(&o).contains("no schema changes"), "{}", text(&o));
}

#[test]
fn another_shale_binary_parses() {
    let dir = cached_project();
    let bin_dir = tempfile::tempdir().unwrap();
    let copy = bin_dir.path().join("shale");
    std::fs::copy(shale_tests::shale_bin!(), &copy).unwrap();
    let run = || {
        let o = shale_tests::command_in(copy.clone(), dir.path())
            .args(["generate", "--format", "json"])
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        (doc["status"].clone(), doc["cached"].clone())
    };
    assert_eq!(run(), ("no_changes".into(), false.into()));
    assert_eq!(run(), ("no_changes".into(), true.into()));
}

#[test]
fn check_records_and_uses_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    std::fs::write(dir.path().join("schema/users.rs"), USERS).unwrap();
    let o = shale(dir.path(), &["generate"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = shale(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        text(&o).contains("the schema matches the latest snapshot"),
        "{}",
        text(&o)
    );
    // `check` verified the schema by parsing: `generate` trusts that.
    assert_eq!(generate_json(dir.path()), ("no_changes".into(), true));
    let o = shale(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        text(&o).contains("the schema matches the latest snapshot"),
        "{}",
        text(&o)
    );
}

#[test]
fn a_view_query_in_its_own_file_is_always_read() {
    let dir = cached_project();
    std::fs::create_dir_all(dir.path().join("schema/views")).unwrap();
    std::fs::write(
        dir.path().join("schema/views/titles.sql"),
        "SELECT id, title FROM posts",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("schema/titles.rs"),
        "use shale::View;\n#[derive(View)]\n#[view(name = \"titles\", sql_file = \"views/titles.sql\")]\npub struct Titles {\n    pub id: i64,\n    pub title: String,\n}\n",
    )
    .unwrap();
    let o = shale(dir.path(), &["generate"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // Unchanged, but the query's file is not in the key: parsed every time.
    assert_eq!(generate_json(dir.path()), ("no_changes".into(), false));
    assert_eq!(generate_json(dir.path()), ("no_changes".into(), false));
    // So an edit of the SQL file alone is never missed.
    std::fs::write(
        dir.path().join("schema/views/titles.sql"),
        "SELECT id, upper(title) AS title FROM posts",
    )
    .unwrap();
    let o = shale(dir.path(), &["generate"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let sql = std::fs::read_to_string(dir.path().join("migrations/0002_migration.sql"))
        .unwrap_or_else(|e| panic!("no migration for the edited view ({e}): {}", text(&o)));
    assert!(sql.contains("upper(title)"), "{sql}");
}
