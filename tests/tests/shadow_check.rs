//! `shale check --shadow`: every migration replayed into a throwaway database
//! (a local server, or `--shadow-db URL` on an existing one) and compared with
//! the schema. A good project passes; a hand-edited (and re-recorded)
//! migration that does not do what its snapshot says fails with the drift; a
//! migration that does not apply fails naming file and statement; and the
//! repository's own project passes (the CI dogfood run).

use std::path::Path;
use std::process::Output;

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

const V1: &str = r#"
use shale::{PgEnum, Table};
#[derive(PgEnum)]
pub enum Role { Admin, Member }
#[derive(Table)]
#[table(name = "users")]
#[index(columns(email), unique)]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    pub role: Role,
}
"#;

/// A project with two generated migrations (the second adds `users.age`).
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    std::fs::write(dir.path().join("schema/schema.rs"), V1).unwrap();
    let o = shale(dir.path(), &["generate", "--name", "users"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let v2 = V1.replace(
        "pub role: Role,",
        "pub role: Role,\n    pub age: Option<i32>,",
    );
    std::fs::write(dir.path().join("schema/schema.rs"), v2).unwrap();
    let o = shale(dir.path(), &["generate", "--name", "age"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    dir
}

#[test]
fn a_good_project_passes_the_shadow_replay() {
    let dir = project();
    let o = shale(dir.path(), &["check", "--shadow"]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert!(
        t.contains("replaying the 2 migration(s) into a shadow database produces the schema"),
        "{t}"
    );
}

#[test]
fn a_hand_edited_migration_that_differs_from_its_snapshot_fails() {
    let dir = project();
    let path = dir.path().join("migrations/0001_age.sql");
    let sql = std::fs::read_to_string(&path).unwrap();
    assert!(sql.contains("ADD COLUMN \"age\" integer"), "{sql}");
    // Someone "fixes" the migration by hand and re-records it: the offline
    // checks cannot tell, the replay can.
    std::fs::write(
        &path,
        sql.replace("ADD COLUMN \"age\" integer", "ADD COLUMN \"age\" bigint"),
    )
    .unwrap();
    assert_eq!(shale(dir.path(), &["hash"]).status.code(), Some(0));
    let o = shale(dir.path(), &["check"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "offline, the edit is invisible: {}",
        text(&o)
    );
    let o = shale(dir.path(), &["check", "--shadow"]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(t.contains("error[shadow]"), "{t}");
    assert!(t.contains("does not produce the schema"), "{t}");
    assert!(
        t.contains("~ column users.age")
            && t.contains("schema:   integer")
            && t.contains("database: bigint"),
        "{t}"
    );
    let o = shale(dir.path(), &["check", "--shadow", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    assert_eq!(doc["findings"][0]["code"], "shadow", "{doc}");
}

#[test]
fn a_migration_that_does_not_apply_is_named_with_its_statement() {
    let dir = project();
    let path = dir.path().join("migrations/0001_age.sql");
    let sql = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!("{sql}--> statement-breakpoint\nUPDATE \"users\" SET \"agee\" = 1;\n"),
    )
    .unwrap();
    assert_eq!(shale(dir.path(), &["hash"]).status.code(), Some(0));
    let o = shale(dir.path(), &["check", "--shadow", "--format", "github"]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(
        t.contains("::error file=migrations/0001_age.sql,line="),
        "{t}"
    );
    assert!(
        t.contains("migration 0001_age fails on an empty database at statement 2 of 2"),
        "{t}"
    );
    assert!(t.contains("agee"), "{t}");
}

#[test]
fn shadow_db_uses_an_existing_server_and_cleans_up() {
    let dir = project();
    let admin = shale_tests::fresh_database();
    let o = shale(dir.path(), &["check", "--shadow-db", &admin]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert!(t.contains("produces the schema"), "{t}");
    assert!(!t.contains(shale_tests::SUPERUSER_PASSWORD), "{t}");
    let mut c = shale_tests::connect(&admin);
    let left: i64 = c
        .query_one(
            "SELECT count(*) FROM pg_database WHERE datname LIKE 'shale\\_shadow\\_%'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(left, 0, "the temporary database must be dropped");
}

#[test]
fn no_local_binaries_is_a_clear_error() {
    let dir = project();
    let o = shale_env(
        dir.path(),
        &["check", "--shadow"],
        &[("SHALE_PG_BIN", "/nonexistent/pg/bin")],
    );
    let t = text(&o);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(t.contains("apt-get install postgresql"), "{t}");
    assert!(t.contains("--shadow-db URL"), "{t}");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// The CI dogfood run: the repository's own project (`shale.toml`, `schema/`,
/// `migrations/`, `snapshots/` at the root) passes `shale check --shadow`,
/// run in a copy so nothing in the tree is touched.
#[test]
fn the_repository_own_project_passes_check_shadow() {
    let root = shale_tests::repo_root();
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root.join("shale.toml"), dir.path().join("shale.toml")).unwrap();
    for sub in ["schema", "migrations", "snapshots"] {
        if root.join(sub).exists() {
            copy_dir(&root.join(sub), &dir.path().join(sub));
        }
    }
    let o = shale(dir.path(), &["check", "--shadow"]);
    let t = text(&o);
    assert_eq!(
        o.status.code(),
        Some(0),
        "the repository's own project must pass `shale check --shadow`:\n{t}"
    );
    assert!(t.contains("produces the schema"), "{t}");
}
