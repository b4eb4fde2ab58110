//! `shale rebase` in a simulated git workflow with the real `git`: two
//! branches each generate migration 0001 from the same base, `git merge main`
//! conflicts, `shale check` names the conflict, `shale rebase` renumbers the
//! branch's migration after main's, `shale check` passes, and the three
//! migrations apply on a real PostgreSQL database that then matches the schema.

use std::path::Path;
use std::process::{Command, Output};

use shale_tests::output_text as text;

fn shale(dir: &Path, args: &[&str]) -> Output {
    shale_env(dir, args, &[])
}

fn shale_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = shale_tests::shale_command!(dir);
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run shale")
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "shale test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "shale test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("run git")
}

fn git_ok(dir: &Path, args: &[&str]) -> String {
    let o = git(dir, args);
    assert!(o.status.success(), "git {args:?}: {}", text(&o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let o = shale(dir, args);
    assert_eq!(o.status.code(), Some(0), "shale {args:?}: {}", text(&o));
    text(&o)
}

const USERS: &str = r#"
#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
}
"#;

const POSTS: &str = r#"
#[derive(Table)]
#[table(name = "posts")]
pub struct Post {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "users.id")]
    pub author_id: i64,
    pub title: String,
}
"#;

const TEAMS: &str = r#"
#[derive(Table)]
#[table(name = "teams")]
pub struct Team {
    #[column(primary_key, identity)]
    pub id: i64,
    pub name: String,
}
"#;

fn schema(parts: &[&str]) -> String {
    format!("use shale::Table;\n{}", parts.concat())
}

/// A repository at the state "feature merged main, conflicts unresolved
/// except the schema source". `name`: the two migrations' names (`None`:
/// both sides let `generate` pick the default name, so the tags collide).
fn merged_repo(names: Option<(&str, &str)>) -> tempfile::TempDir {
    merged_repo_with(names, "dialect = \"postgresql\"\n")
}

fn merged_repo_with(names: Option<(&str, &str)>, config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git_ok(d, &["init", "-q", "-b", "main"]);
    std::fs::create_dir_all(d.join("schema")).unwrap();
    std::fs::write(d.join("shale.toml"), config).unwrap();
    std::fs::write(d.join("schema/schema.rs"), schema(&[USERS])).unwrap();
    ok(d, &["generate", "--name", "init"]);
    git_ok(d, &["add", "-A"]);
    git_ok(d, &["commit", "-q", "-m", "base"]);

    git_ok(d, &["checkout", "-q", "-b", "feature"]);
    std::fs::write(d.join("schema/schema.rs"), schema(&[USERS, POSTS])).unwrap();
    match names {
        Some((feature, _)) => ok(d, &["generate", "--name", feature]),
        None => ok(d, &["generate"]),
    };
    git_ok(d, &["add", "-A"]);
    git_ok(d, &["commit", "-q", "-m", "feature: posts"]);

    git_ok(d, &["checkout", "-q", "main"]);
    std::fs::write(d.join("schema/schema.rs"), schema(&[USERS, TEAMS])).unwrap();
    match names {
        Some((_, main)) => ok(d, &["generate", "--name", main]),
        None => ok(d, &["generate"]),
    };
    git_ok(d, &["add", "-A"]);
    git_ok(d, &["commit", "-q", "-m", "main: teams"]);

    git_ok(d, &["checkout", "-q", "feature"]);
    let o = git(d, &["merge", "main"]);
    assert!(!o.status.success(), "the merge must conflict: {}", text(&o));
    let status = git_ok(d, &["status", "--porcelain"]);
    assert!(
        status.contains("UU migrations/meta/_journal.json"),
        "{status}"
    );
    assert!(status.contains("UU migrations/meta/shale.sum"), "{status}");
    assert!(
        status.contains("AA snapshots/0001_snapshot.json"),
        "{status}"
    );
    // The developer resolves the schema source by hand: both tables.
    std::fs::write(d.join("schema/schema.rs"), schema(&[USERS, TEAMS, POSTS])).unwrap();
    dir
}

#[test]
fn a_merge_of_two_branches_is_repaired_by_rebase_and_applies() {
    let dir = merged_repo(Some(("feature", "main")));
    let d = dir.path();
    let feature_sql = git_ok(d, &["show", "HEAD:migrations/0001_feature.sql"]);
    let main_sql = git_ok(d, &["show", "main:migrations/0001_main.sql"]);
    let main_snapshot = git_ok(d, &["show", "main:snapshots/0001_snapshot.json"]);

    let o = shale(d, &["check"]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(
        t.contains("error[conflict]: migrations/meta/_journal.json:"),
        "{t}"
    );
    assert!(t.contains("run `shale rebase`"), "{t}");

    let t = ok(d, &["rebase"]);
    assert!(t.contains("renumbered 0001_feature -> 0002_feature"), "{t}");
    assert!(
        t.contains("2 migration(s) of MERGE_HEAD kept, 1 of this branch after them"),
        "{t}"
    );
    // Main's migration and snapshot are untouched; the branch's SQL keeps its bytes.
    assert!(!d.join("migrations/0001_feature.sql").exists());
    // Its down file moves with it, its header naming the new tag.
    assert!(!d.join("migrations/0001_feature.down.sql").exists());
    let down = std::fs::read_to_string(d.join("migrations/0002_feature.down.sql")).unwrap();
    assert!(
        down.starts_with("-- shale:down of 0002_feature\n"),
        "{down}"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("migrations/0002_feature.sql")).unwrap(),
        feature_sql
    );
    assert_eq!(
        std::fs::read_to_string(d.join("migrations/0001_main.sql")).unwrap(),
        main_sql
    );
    assert_eq!(
        std::fs::read_to_string(d.join("snapshots/0001_snapshot.json")).unwrap(),
        main_snapshot
    );
    let journal: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(d.join("migrations/meta/_journal.json")).unwrap(),
    )
    .unwrap();
    let entries = journal["entries"].as_array().unwrap();
    let tags: Vec<&str> = entries.iter().map(|e| e["tag"].as_str().unwrap()).collect();
    assert_eq!(tags, ["0000_init", "0001_main", "0002_feature"]);
    assert!(
        entries[2]["when"].as_i64() > entries[1]["when"].as_i64(),
        "{journal}"
    );
    // The rebuilt snapshot chains from main's and holds all three tables.
    let s1: serde_json::Value = serde_json::from_str(&main_snapshot).unwrap();
    let s2: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(d.join("snapshots/0002_snapshot.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(s2["prevId"], s1["id"]);
    assert_eq!(s2["tables"].as_array().unwrap().len(), 3, "{s2}");

    let t = ok(d, &["check", "--shadow"]);
    assert!(t.contains("produces the schema"), "{t}");

    let db = shale_tests::fresh_database();
    let t = ok(d, &["migrate", "--db", &db]);
    for tag in ["0000_init", "0001_main", "0002_feature"] {
        assert!(t.contains(&format!("applied {tag}")), "{t}");
    }
    let t = ok(d, &["verify", "--db", &db]);
    assert!(t.contains("in sync"), "{t}");
    // The merge can be committed as it is.
    git_ok(d, &["add", "-A"]);
    git_ok(d, &["commit", "-q", "-m", "merge main"]);
    ok(d, &["check"]);
}

#[test]
fn colliding_default_names_are_told_apart_and_a_second_run_changes_nothing() {
    // Both sides ran `shale generate` without --name: both wrote
    // 0001_migration.sql, which git merges with conflict markers.
    let dir = merged_repo(None);
    let d = dir.path();
    let feature_sql = git_ok(d, &["show", "HEAD:migrations/0001_migration.sql"]);
    let main_sql = git_ok(d, &["show", "main:migrations/0001_migration.sql"]);
    assert_ne!(feature_sql, main_sql);
    let t = ok(d, &["rebase"]);
    assert!(
        t.contains("renumbered 0001_migration -> 0002_migration"),
        "{t}"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("migrations/0001_migration.sql")).unwrap(),
        main_sql
    );
    assert_eq!(
        std::fs::read_to_string(d.join("migrations/0002_migration.sql")).unwrap(),
        feature_sql
    );
    ok(d, &["check"]);
    let snapshot = std::fs::read_to_string(d.join("snapshots/0002_snapshot.json")).unwrap();
    let journal = std::fs::read_to_string(d.join("migrations/meta/_journal.json")).unwrap();
    // Idempotent: running it again (HEAD still has the old journal) gives the same tree.
    ok(d, &["rebase"]);
    assert_eq!(
        std::fs::read_to_string(d.join("snapshots/0002_snapshot.json")).unwrap(),
        snapshot
    );
    assert_eq!(
        std::fs::read_to_string(d.join("migrations/meta/_journal.json")).unwrap(),
        journal
    );
    ok(d, &["check"]);
}

#[test]
fn without_a_shadow_server_rebase_warns_and_falls_back_to_the_schema() {
    let dir = merged_repo(Some(("feature", "main")));
    let d = dir.path();
    let o = shale_env(d, &["rebase"], &[("SHALE_PG_BIN", "/nonexistent/pg/bin")]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert!(
        t.contains("apt-get install postgresql") && t.contains("--shadow-db"),
        "{t}"
    );
    assert!(t.contains("approximated"), "{t}");
    ok(d, &["check"]);
}

#[test]
fn merged_migrations_that_conflict_are_reported_and_nothing_is_written() {
    // Both branches create the same table under different migration names.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git_ok(d, &["init", "-q", "-b", "main"]);
    std::fs::create_dir_all(d.join("schema")).unwrap();
    std::fs::write(d.join("schema/schema.rs"), schema(&[USERS])).unwrap();
    ok(d, &["generate", "--name", "init"]);
    git_ok(d, &["add", "-A"]);
    git_ok(d, &["commit", "-q", "-m", "base"]);
    git_ok(d, &["checkout", "-q", "-b", "feature"]);
    std::fs::write(d.join("schema/schema.rs"), schema(&[USERS, TEAMS])).unwrap();
    ok(d, &["generate", "--name", "teams_too"]);
    git_ok(d, &["add", "-A"]);
    git_ok(d, &["commit", "-q", "-m", "feature: teams"]);
    git_ok(d, &["checkout", "-q", "main"]);
    std::fs::write(d.join("schema/schema.rs"), schema(&[USERS, TEAMS])).unwrap();
    ok(d, &["generate", "--name", "teams"]);
    git_ok(d, &["add", "-A"]);
    git_ok(d, &["commit", "-q", "-m", "main: teams"]);
    git_ok(d, &["checkout", "-q", "feature"]);
    assert!(!git(d, &["merge", "main"]).status.success());
    let before = std::fs::read(d.join("migrations/meta/_journal.json")).unwrap();
    let o = shale(d, &["rebase"]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(
        t.contains(
            "error: migrations/0001_teams_too.sql: migration 0002_teams_too fails on an empty database at statement 1"
        ),
        "{t}"
    );
    assert!(t.contains("already exists"), "{t}");
    assert_eq!(
        std::fs::read(d.join("migrations/meta/_journal.json")).unwrap(),
        before,
        "nothing may be written"
    );
}

#[test]
fn timestamp_prefixes_follow_the_new_when() {
    let dir = merged_repo_with(Some(("feature", "main")), "prefix = \"timestamp\"\n");
    let d = dir.path();
    let o = shale(d, &["rebase", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    let journal: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(d.join("migrations/meta/_journal.json")).unwrap(),
    )
    .unwrap();
    let last = &journal["entries"][2];
    let when = last["when"].as_i64().unwrap();
    let prefix = shale_migrations::journal::PrefixMode::Timestamp.prefix(2, when);
    assert_eq!(
        last["tag"].as_str().unwrap(),
        format!("{prefix}_feature"),
        "{journal}"
    );
    // The name may stay (same second as main's migration); the position moves.
    assert_eq!(doc["renumbered"][0]["to"], last["tag"], "{doc}");
    assert_eq!(doc["renumbered"][0]["idx"], 2, "{doc}");
    assert!(d.join(format!("migrations/{prefix}_feature.sql")).exists());
    ok(d, &["check"]);
}
