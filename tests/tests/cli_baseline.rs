//! `shale pull --baseline`: an existing database with no migration history
//! adopts shale without re-running anything — schema source, migration 0000,
//! its snapshot and journal entry are written and 0000 is recorded as applied;
//! the next schema edit generates 0001 and `migrate` applies only that.

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

fn ok(o: Output) -> String {
    let t = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert!(
        !t.contains(shale_tests::SUPERUSER_PASSWORD),
        "password printed: {t}"
    );
    t
}

const EXISTING: &str = r#"
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE people (
    id bigserial PRIMARY KEY,
    email varchar(320) NOT NULL UNIQUE,
    mood mood NOT NULL DEFAULT 'happy',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE notes (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    body text NOT NULL CHECK (length(body) > 0)
);
CREATE INDEX notes_person_id_idx ON notes (person_id);
COMMENT ON TABLE people IS 'Everyone.';
INSERT INTO people (email) VALUES ('a@example.com');
"#;

#[test]
fn an_existing_database_adopts_shale_without_rerunning_anything() {
    let url = shale_tests::fresh_database();
    shale_tests::connect(&url).batch_execute(EXISTING).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    let t = ok(shale(d, &url, &["pull", "--baseline"]));
    assert!(t.contains("0000_baseline.sql"), "{t}");
    assert!(d.join("schema/schema.rs").exists());
    assert!(d.join("snapshots/0000_snapshot.json").exists());
    let sql = std::fs::read_to_string(d.join("migrations/0000_baseline.sql")).unwrap();
    assert!(sql.contains("CREATE TABLE \"public\".\"people\""), "{sql}");

    // Recorded as applied, not run: the data is untouched and nothing is pending.
    ok(shale(d, &url, &["status"]));
    ok(shale(d, &url, &["check"]));
    ok(shale(d, &url, &["verify"]));
    let n: i64 = shale_tests::connect(&url)
        .query_one("SELECT count(*) FROM people", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 1);

    // The next edit continues the history.
    let source = std::fs::read_to_string(d.join("schema/schema.rs")).unwrap();
    let edited = source.replacen(
        "pub email: String,",
        "pub email: String,\n    pub nickname: Option<String>,",
        1,
    );
    assert_ne!(
        edited, source,
        "the pulled source has no `pub email: String,` field:\n{source}"
    );
    std::fs::write(d.join("schema/schema.rs"), edited).unwrap();
    ok(shale(d, &url, &["generate", "--name", "nickname"]));
    assert!(d.join("migrations/0001_nickname.sql").exists());
    let t = ok(shale(d, &url, &["migrate"]));
    assert!(
        t.contains("applied 0001_nickname") && !t.contains("0000_baseline"),
        "{t}"
    );
    ok(shale(d, &url, &["verify"]));
}

#[test]
fn a_baseline_is_refused_where_a_history_exists() {
    let url = shale_tests::fresh_database();
    shale_tests::connect(&url).batch_execute(EXISTING).unwrap();
    let dir = tempfile::tempdir().unwrap();
    ok(shale(dir.path(), &url, &["pull", "--baseline"]));
    let o = shale(dir.path(), &url, &["pull", "--baseline", "--force"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("already has migrations"));
}
