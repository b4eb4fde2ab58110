//! `shale check`, the CI drift gate: one test per failure it must catch, each
//! on a real project folder in a temporary directory, asserting the exit code
//! and the fix-it message; and a clean project passes. Also the lint rules
//! inside `check` and `shale lint`, and `check --db URL` against a real
//! PostgreSQL database (pending migrations, drift).

use std::path::Path;
use std::process::{Command, Output};

use shale_tests::output_text as text;

fn shale(dir: &Path, args: &[&str]) -> Output {
    shale_tests::shale_command!(dir)
        .args(args)
        .output()
        .expect("run shale")
}

const V1: &str = r#"
use shale::Table;
#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
}
"#;

/// A project with two generated migrations, passing `shale check`.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    std::fs::write(dir.path().join("schema/schema.rs"), V1).unwrap();
    let o = shale(dir.path(), &["generate", "--name", "users"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    std::fs::write(
        dir.path().join("schema/schema.rs"),
        V1.replace(
            "pub email: String,",
            "pub email: String,\n    pub age: Option<i32>,",
        ),
    )
    .unwrap();
    let o = shale(dir.path(), &["generate", "--name", "age"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = shale(dir.path(), &["check"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "a fresh project must pass: {}",
        text(&o)
    );
    dir
}

fn journal(dir: &Path) -> serde_json::Value {
    serde_json::from_str(
        &std::fs::read_to_string(dir.join("migrations/meta/_journal.json")).unwrap(),
    )
    .unwrap()
}

fn write_journal(dir: &Path, j: &serde_json::Value) {
    std::fs::write(
        dir.join("migrations/meta/_journal.json"),
        serde_json::to_string_pretty(j).unwrap(),
    )
    .unwrap();
}

/// Runs `shale check`, asserts exit 1 and that the output holds every needle.
fn fails_with(dir: &Path, needles: &[&str]) {
    let o = shale(dir, &["check"]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "check must fail: {t}");
    for n in needles {
        assert!(t.contains(n), "missing {n:?} in:\n{t}");
    }
}

#[test]
fn a_schema_edit_without_generate_fails() {
    let dir = project();
    std::fs::write(
        dir.path().join("schema/schema.rs"),
        V1.replace("pub email", "pub name: String,\n    pub email"),
    )
    .unwrap();
    fails_with(
        dir.path(),
        &[
            "error[schema]",
            "run `shale generate`",
            "ADD COLUMN \"name\" text",
        ],
    );
}

#[test]
fn a_missing_migration_file_fails() {
    let dir = project();
    std::fs::remove_file(dir.path().join("migrations/0001_age.sql")).unwrap();
    fails_with(dir.path(), &["error[journal]", "0001_age"]);
}

#[test]
fn an_orphan_migration_file_fails() {
    let dir = project();
    std::fs::write(dir.path().join("migrations/0002_orphan.sql"), "SELECT 1;\n").unwrap();
    fails_with(dir.path(), &["error[journal]", "0002_orphan.sql"]);
}

#[test]
fn a_duplicate_idx_fails() {
    let dir = project();
    let mut j = journal(dir.path());
    j["entries"][1]["idx"] = 0.into();
    write_journal(dir.path(), &j);
    fails_with(dir.path(), &["error[journal]"]);
}

#[test]
fn a_gap_in_idx_fails() {
    let dir = project();
    let mut j = journal(dir.path());
    j["entries"][1]["idx"] = 5.into();
    write_journal(dir.path(), &j);
    fails_with(dir.path(), &["error[journal]"]);
}

#[test]
fn a_duplicate_tag_fails() {
    let dir = project();
    let mut j = journal(dir.path());
    j["entries"][1]["tag"] = "0000_users".into();
    write_journal(dir.path(), &j);
    fails_with(dir.path(), &["error[journal]", "0000_users"]);
}

#[test]
fn when_going_backwards_fails() {
    let dir = project();
    let mut j = journal(dir.path());
    let first = j["entries"][0]["when"].as_i64().unwrap();
    j["entries"][1]["when"] = (first - 1000).into();
    write_journal(dir.path(), &j);
    fails_with(dir.path(), &["error[journal]"]);
}

#[test]
fn a_missing_snapshot_fails() {
    let dir = project();
    std::fs::remove_file(dir.path().join("snapshots/0001_snapshot.json")).unwrap();
    fails_with(dir.path(), &["error[snapshots]", "0001_age"]);
}

#[test]
fn a_broken_prev_id_fails() {
    let dir = project();
    let path = dir.path().join("snapshots/0001_snapshot.json");
    let mut s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    s["prevId"] = "11111111-1111-8111-8111-111111111111".into();
    std::fs::write(&path, serde_json::to_string_pretty(&s).unwrap()).unwrap();
    fails_with(dir.path(), &["error[snapshots]", "0001_snapshot.json"]);
}

#[test]
fn two_snapshots_with_the_same_parent_fail() {
    let dir = project();
    // What a merge of two branches that both generated migration 0001 leaves
    // behind (after a hand-resolved journal): a second child of snapshot 0000.
    let s0: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("snapshots/0000_snapshot.json")).unwrap(),
    )
    .unwrap();
    let mut s2: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("snapshots/0001_snapshot.json")).unwrap(),
    )
    .unwrap();
    s2["prevId"] = s0["id"].clone();
    s2["id"] = "22222222-2222-8222-8222-222222222222".into();
    std::fs::write(
        dir.path().join("snapshots/0002_snapshot.json"),
        serde_json::to_string_pretty(&s2).unwrap(),
    )
    .unwrap();
    std::fs::write(dir.path().join("migrations/0002_other.sql"), "SELECT 1;\n").unwrap();
    let mut j = journal(dir.path());
    let mut e = j["entries"][1].clone();
    e["idx"] = 2.into();
    e["tag"] = "0002_other".into();
    e["when"] = (e["when"].as_i64().unwrap() + 1).into();
    j["entries"].as_array_mut().unwrap().push(e);
    write_journal(dir.path(), &j);
    fails_with(dir.path(), &["error[snapshots]"]);
}

#[test]
fn an_edited_generated_migration_fails_until_rehashed() {
    let dir = project();
    let path = dir.path().join("migrations/0001_age.sql");
    let mut sql = std::fs::read_to_string(&path).unwrap();
    sql.push_str("--> statement-breakpoint\nUPDATE \"public\".\"users\" SET \"age\" = 0;\n");
    std::fs::write(&path, sql).unwrap();
    fails_with(
        dir.path(),
        &[
            "error[integrity]",
            "0001_age.sql was edited after it was generated",
            "shale hash",
        ],
    );
    let o = shale(dir.path(), &["hash"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = shale(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

#[test]
fn github_and_json_formats_point_at_the_file() {
    let dir = project();
    std::fs::write(dir.path().join("migrations/0001_age.sql"), "SELECT 2;\n").unwrap();
    let o = shale(dir.path(), &["check", "--format", "github"]);
    assert_eq!(o.status.code(), Some(1));
    let t = text(&o);
    assert!(
        t.contains("::error file=migrations/0001_age.sql,title=shale check%3A integrity::"),
        "{t}"
    );
    let o = shale(dir.path(), &["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["findings"][0]["code"], "integrity");
}

#[test]
fn a_bad_schema_source_cannot_run() {
    let dir = project();
    std::fs::write(dir.path().join("schema/schema.rs"), "pub struct {").unwrap();
    let o = shale(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}

#[test]
fn merge_conflict_markers_name_the_conflict_and_rebase() {
    let dir = project();
    let path = dir.path().join("migrations/meta/shale.sum");
    let sum = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!("<<<<<<< HEAD\n{sum}=======\n{sum}>>>>>>> main\n"),
    )
    .unwrap();
    fails_with(
        dir.path(),
        &[
            "error[conflict]",
            "shale.sum:1:",
            "merge conflict markers",
            "`shale rebase`",
        ],
    );
}

/// Adds a hand-written migration (and records it) to the project.
fn add_custom(dir: &Path, name: &str, sql: &str) -> std::path::PathBuf {
    let o = shale(dir, &["generate", "--custom", "--name", name]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let j = journal(dir);
    let tag = j["entries"].as_array().unwrap().last().unwrap()["tag"]
        .as_str()
        .unwrap()
        .to_string();
    let path = dir.join(format!("migrations/{tag}.sql"));
    std::fs::write(&path, sql).unwrap();
    let o = shale(dir, &["hash"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    path
}

#[test]
fn a_migration_that_does_not_parse_fails_with_file_and_line() {
    let dir = project();
    add_custom(
        dir.path(),
        "broken",
        "SELECT 1;\n--> statement-breakpoint\nALTER TABLE users ADD COLUMN;\n",
    );
    fails_with(
        dir.path(),
        &[
            "error[syntax]",
            "migrations/0002_broken.sql:3:",
            "statement 2 does not parse",
        ],
    );
    let o = shale(dir.path(), &["check", "--format", "github"]);
    assert_eq!(o.status.code(), Some(1));
    let t = text(&o);
    assert!(
        t.contains("::error file=migrations/0002_broken.sql,line=3,title=shale check%3A syntax::"),
        "{t}"
    );
}

#[test]
fn lint_errors_fail_the_check_and_warnings_do_not() {
    let dir = project();
    // A warning-severity hazard: printed, the check passes.
    add_custom(
        dir.path(),
        "index",
        "CREATE INDEX users_email ON users (email);\n",
    );
    let o = shale(dir.path(), &["check"]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert!(
        t.contains("warning[lint]: migrations/0002_index.sql:1: index-without-concurrently"),
        "{t}"
    );
    let o = shale(dir.path(), &["check", "--format", "github"]);
    assert!(
        text(&o).contains("::warning file=migrations/0002_index.sql,line=1,"),
        "{}",
        text(&o)
    );
    // An error-severity hazard fails it, with file and line.
    add_custom(
        dir.path(),
        "drop",
        "SELECT 1;\n--> statement-breakpoint\nALTER TABLE users DROP COLUMN age;\n",
    );
    fails_with(
        dir.path(),
        &["error[lint]: migrations/0003_drop.sql:3: dropping-column"],
    );
    // `[lint]` in shale.toml sets severities.
    passes_with_dropping_column_a_warning(dir.path());
}

/// Sets `dropping-column` to a warning in shale.toml; `check` then passes.
fn passes_with_dropping_column_a_warning(dir: &Path) {
    std::fs::write(
        dir.join("shale.toml"),
        "[lint.rules]\ndropping-column = \"warning\"\n",
    )
    .unwrap();
    let o = shale(dir, &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

fn cache_entries(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut entries: Vec<_> = std::fs::read_dir(dir.join(".shale/cache/lint"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    entries
}

#[test]
fn the_lint_cache_is_used_and_never_stale() {
    let dir = project();
    let path = add_custom(
        dir.path(),
        "index",
        "CREATE INDEX users_email ON users (email);\n",
    );
    let lint = |args: &[&str]| {
        let o = shale(dir.path(), &[&["lint", "--format", "json"], args].concat());
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
        )
    };
    // `project()` ran `check`: one entry per migration, ignored by git.
    let o = shale(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(cache_entries(dir.path()).len(), 3);
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".shale/.gitignore")).unwrap(),
        "# shale's cache (see `--no-cache`); safe to delete.\n*\n"
    );
    let fresh = lint(&["--no-cache"]);
    assert!(
        fresh.1.contains("index-without-concurrently"),
        "{}",
        fresh.1
    );
    assert_eq!(lint(&[]), fresh, "cached and fresh results differ");

    // The results are read from the cache: an entry edited by hand shows.
    for entry in cache_entries(dir.path()) {
        let stored = std::fs::read_to_string(&entry).unwrap();
        std::fs::write(&entry, stored.replace("CREATE INDEX", "CACHED INDEX")).unwrap();
    }
    assert!(lint(&[]).1.contains("CACHED INDEX"), "{}", lint(&[]).1);
    assert_eq!(lint(&["--no-cache"]), fresh);
    // An unreadable entry is recomputed (and rewritten).
    for entry in cache_entries(dir.path()) {
        std::fs::write(&entry, "not json").unwrap();
    }
    assert_eq!(lint(&[]), fresh);
    assert!(cache_entries(dir.path())
        .iter()
        .all(|e| std::fs::read_to_string(e).unwrap().starts_with('[')));

    // Another file content is another entry: an edit is linted afresh.
    std::fs::write(&path, "ALTER TABLE users DROP COLUMN age;\n").unwrap();
    let o = shale(dir.path(), &["hash"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    fails_with(
        dir.path(),
        &["error[lint]: migrations/0002_index.sql:1: dropping-column"],
    );
    // Other rule severities are other entries.
    passes_with_dropping_column_a_warning(dir.path());
    // `check` lints every migration and keeps only the entries it used.
    assert_eq!(cache_entries(dir.path()).len(), 3);

    // `--no-cache` neither reads nor writes it.
    std::fs::remove_dir_all(dir.path().join(".shale")).unwrap();
    let o = shale(dir.path(), &["check", "--no-cache"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = shale(dir.path(), &["lint", "--no-cache"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(!dir.path().join(".shale").exists());
}

#[test]
fn shale_lint_reports_every_migration_or_the_named_files() {
    let dir = project();
    let o = shale(dir.path(), &["lint"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        text(&o).contains("2 file(s) linted: 0 error(s)"),
        "{}",
        text(&o)
    );
    let bad = add_custom(dir.path(), "drop", "ALTER TABLE users DROP COLUMN age;\n");
    let o = shale(dir.path(), &["lint"]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(
        t.contains("migrations/0002_drop.sql:1:31: error[dropping-column]"),
        "{t}"
    );
    assert!(t.contains("help: "), "{t}");
    let o = shale(dir.path(), &["lint", "migrations/0000_users.sql"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = shale(
        dir.path(),
        &["lint", "--format", "json", bad.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    let drop = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "dropping-column")
        .expect("a finding");
    assert_eq!(
        (drop["severity"].as_str(), drop["line"].as_u64()),
        (Some("error"), Some(1)),
        "{doc}"
    );
    assert_eq!(doc["ok"], false);
    let o = shale(dir.path(), &["lint", "--format", "github"]);
    assert!(
        text(&o).contains(
            "::error file=migrations/0002_drop.sql,line=1,title=shale lint%3A dropping-column::"
        ),
        "{}",
        text(&o)
    );
    let o = shale(dir.path(), &["lint", "migrations/nope.sql"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}

#[test]
fn check_db_reports_pending_migrations_and_only_with_the_flag() {
    let dir = project();
    let db = shale_tests::fresh_database();
    let o = shale(dir.path(), &["migrate", "--db", &db, "--to", "0000_users"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = shale(dir.path(), &["check", "--db", &db]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(
        t.contains("error[pending]: migrations/0001_age.sql: migration 0001_age is not applied"),
        "{t}"
    );
    assert!(t.contains("run `shale migrate`"), "{t}");
    assert!(
        t.contains("error[drift]") && t.contains("+ column users.age"),
        "{t}"
    );
    assert!(
        !t.contains(shale_tests::SUPERUSER_PASSWORD),
        "the password leaked: {t}"
    );
    // $DATABASE_URL alone does not make `check` look at a database.
    let o = Command::new(shale_tests::shale_bin!())
        .arg("check")
        .current_dir(dir.path())
        .env("DATABASE_URL", &db)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // Applied: clean.
    let o = shale(dir.path(), &["migrate", "--db", &db]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = shale(dir.path(), &["check", "--db", &db]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert!(t.contains("matches the schema"), "{t}");
}

#[test]
fn check_db_reports_drift_and_edited_migrations() {
    let dir = project();
    let db = shale_tests::fresh_database();
    let o = shale(dir.path(), &["migrate", "--db", &db]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    shale_tests::connect(&db)
        .batch_execute("ALTER TABLE users ADD COLUMN nickname text")
        .unwrap();
    let o = shale(dir.path(), &["check", "--db", &db, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    let drift = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "drift")
        .expect("a drift finding");
    assert!(
        drift["message"]
            .as_str()
            .unwrap()
            .contains("- column users.nickname"),
        "{drift}"
    );
    // An applied migration edited afterwards (and re-recorded, so only the
    // database can tell).
    let path = dir.path().join("migrations/0001_age.sql");
    let mut sql = std::fs::read_to_string(&path).unwrap();
    sql.push_str("-- reviewed\n");
    std::fs::write(&path, sql).unwrap();
    assert_eq!(shale(dir.path(), &["hash"]).status.code(), Some(0));
    fails_with_args(
        dir.path(),
        &["check", "--db", &db],
        &["error[edited]", "0001_age was edited after it was applied"],
    );
    // A database that cannot be reached: could not run.
    let o = shale(
        dir.path(),
        &[
            "check",
            "--db",
            "postgres://nobody@127.0.0.1:1/x?connect_timeout=2",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}

fn fails_with_args(dir: &Path, args: &[&str], needles: &[&str]) {
    let o = shale(dir, args);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "must fail: {t}");
    for n in needles {
        assert!(t.contains(n), "missing {n:?} in:\n{t}");
    }
}
