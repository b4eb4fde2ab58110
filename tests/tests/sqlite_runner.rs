//! The SQLite runner against real database files: fresh, rerun and new
//! migrations; edited files refused (CRLF tolerated); a failing migration
//! rolled back with its row; status kinds; eight concurrent runners on one
//! file applying each migration exactly once; the tracking id numbering
//! itself; a drizzle-made tracking table; the in-memory replay.

mod sqlite_support;

use std::sync::{Arc, Barrier};

use shale_runner::RunError;
use sqlite_support::{options, Project};

const M1: &str = "CREATE TABLE \"users\" (\n\t\"id\" INTEGER NOT NULL,\n\tCONSTRAINT \"users_pkey\" PRIMARY KEY (\"id\")\n);\n";
const M2: &str = "ALTER TABLE \"users\" ADD COLUMN \"email\" TEXT;\n--> statement-breakpoint\nCREATE INDEX \"users_email_idx\" ON \"users\" (\"email\");\n";
const M3: &str = "INSERT INTO \"users\" (\"id\", \"email\") VALUES (1, 'a@example.com');\n";

fn ids(p: &Project) -> Vec<(i64, i64)> {
    let conn = p.connect();
    let mut stmt = conn
        .prepare("SELECT id, created_at FROM __drizzle_migrations ORDER BY id")
        .expect("prepare");
    let out = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    out
}

#[test]
fn fresh_rerun_and_new_migrations() {
    let mut p = Project::new();
    p.add("users", M1);
    p.add("email", M2);
    let r = p.migrate().expect("fresh");
    assert_eq!(r.applied.len(), 2);
    assert_eq!(r.applied[1].statements, 2);
    let r = p.migrate().expect("rerun");
    assert!(r.applied.is_empty() && r.nothing_to_do());
    p.add("seed", M3);
    let r = p.migrate().expect("new one");
    assert_eq!(
        r.applied
            .iter()
            .map(|a| a.migration.tag.as_str())
            .collect::<Vec<_>>(),
        vec!["0002_seed"]
    );
    let rows = ids(&p);
    assert_eq!(
        rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        vec![1, 2, 3],
        "the id auto-numbers"
    );
    let folder = p.folder();
    let whens: Vec<i64> = folder.migrations.iter().map(|m| m.entry.when).collect();
    assert_eq!(
        rows.iter().map(|r| r.1).collect::<Vec<_>>(),
        whens,
        "created_at is the journal's when"
    );
    let st = shale_runner::sqlite::status(&p.connect(), &folder, "__drizzle_migrations")
        .expect("status");
    assert!(st.is_up_to_date());
    assert_eq!(st.applied.len(), 3);
    assert!(
        st.applied[0].row.applied_at.is_some(),
        "applied_at is recorded"
    );
    assert_eq!(st.applied[0].row.name.as_deref(), Some("0000_users"));
}

#[test]
fn edited_migration_is_refused_but_crlf_is_tolerated() {
    let mut p = Project::new();
    let path = p.add("users", M1);
    p.migrate().expect("applies");
    std::fs::write(&path, M1.replace('\n', "\r\n")).expect("rewrite");
    p.add("email", M2);
    let r = p.migrate().expect("CRLF line endings are not an edit");
    assert_eq!(r.applied.len(), 1);
    std::fs::write(&path, M1.replace("users", "people")).expect("edit");
    p.add("seed", M3);
    let err = p.migrate().expect_err("an edited migration stops migrate");
    assert!(matches!(err, RunError::Edited { .. }), "{err}");
    assert!(err.is_finding());
    let st = shale_runner::sqlite::status(&p.connect(), &p.folder(), "__drizzle_migrations")
        .expect("status");
    assert_eq!(st.edited.len(), 1);
    assert_eq!(st.pending.len(), 1, "nothing ran after the edit was found");
}

#[test]
fn a_failing_migration_rolls_back_with_its_row() {
    let mut p = Project::new();
    p.add("users", M1);
    p.add("broken", "CREATE TABLE \"t\" (\"a\" INTEGER);\n--> statement-breakpoint\nINSERT INTO \"nope\" VALUES (1);\n");
    let err = p.migrate().expect_err("fails");
    let RunError::Failed(f) = &err else {
        panic!("{err}")
    };
    assert_eq!(f.migration.tag, "0001_broken");
    assert_eq!(f.statement, Some(2));
    assert!(f.message.contains("no such table"), "{}", f.message);
    let conn = p.connect();
    let t: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 't'",
            [],
            |r| r.get(0),
        )
        .expect("q");
    assert_eq!(
        t, 0,
        "the failed migration's first statement was rolled back"
    );
    assert_eq!(ids(&p).len(), 1, "only the first migration is recorded");
    let st =
        shale_runner::sqlite::status(&conn, &p.folder(), "__drizzle_migrations").expect("status");
    assert_eq!(st.pending.len(), 1);
}

#[test]
fn status_reports_pending_unknown_and_out_of_order() {
    let mut p = Project::new();
    p.add("users", M1);
    p.add("email", M2);
    let folder = p.folder();
    let st = shale_runner::sqlite::status(&p.connect(), &folder, "__drizzle_migrations")
        .expect("status");
    assert!(!st.table_exists);
    assert_eq!(st.pending.len(), 2);
    p.migrate().expect("applies");
    let conn = p.connect();
    // The first migration's row is gone (applied from elsewhere), and a row
    // the journal does not know is there.
    conn.execute("DELETE FROM __drizzle_migrations WHERE id = 1", [])
        .expect("delete");
    conn.execute(
        "INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('abc', 1)",
        [],
    )
    .expect("insert");
    let st = shale_runner::sqlite::status(&conn, &folder, "__drizzle_migrations").expect("status");
    assert_eq!(st.pending.len(), 1);
    assert!(
        st.pending[0].out_of_order,
        "older than the newest applied migration"
    );
    assert_eq!(st.unknown.len(), 1);
    assert_eq!(st.unknown[0].created_at, Some(1));
    assert!(!st.is_up_to_date());
}

#[test]
fn eight_concurrent_runners_apply_each_migration_once() {
    let mut p = Project::new();
    p.add("users", M1);
    // A migration that fails if it runs twice (the table exists) and counts
    // its runs in a table without a uniqueness guard.
    p.add("counter", "CREATE TABLE \"runs\" (\"n\" INTEGER);\n--> statement-breakpoint\nINSERT INTO \"runs\" VALUES (1);\n");
    for i in 0..6 {
        p.add(
            &format!("step{i}"),
            &format!("INSERT INTO \"runs\" VALUES ({});\n", i + 2),
        );
    }
    let folder = Arc::new(p.folder());
    let db = p.db();
    let barrier = Arc::new(Barrier::new(8));
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let (folder, db, barrier) = (folder.clone(), db.clone(), barrier.clone());
            std::thread::spawn(move || {
                let mut conn = shale_runner::sqlite::open(&db, std::time::Duration::from_secs(60))
                    .expect("open");
                barrier.wait();
                shale_runner::sqlite::migrate(&mut conn, &folder, &options())
            })
        })
        .collect();
    let mut applied = 0;
    for h in handles {
        let r = h
            .join()
            .expect("thread")
            .unwrap_or_else(|e| panic!("a runner failed: {e}"));
        applied += r.applied.len();
    }
    assert_eq!(
        applied, 8,
        "each of the 8 migrations applied by exactly one runner"
    );
    let conn = p.connect();
    let runs: Vec<i64> = conn
        .prepare("SELECT n FROM runs ORDER BY rowid")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    assert_eq!(
        runs,
        vec![1, 2, 3, 4, 5, 6, 7],
        "every statement ran once, in journal order"
    );
    assert_eq!(
        ids(&p).iter().map(|r| r.0).collect::<Vec<_>>(),
        (1..=8).collect::<Vec<_>>()
    );
}

#[test]
fn a_drizzle_tracking_table_is_taken_over() {
    let mut p = Project::new();
    p.add("users", M1);
    p.add("email", M2);
    let folder = p.folder();
    let conn = p.connect();
    // drizzle's SQLite table: `SERIAL` is not the rowid, so ids stay NULL.
    conn.execute_batch("CREATE TABLE __drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric);")
        .expect("create");
    conn.execute_batch(M1).expect("apply by hand");
    conn.execute(
        "INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?1, ?2)",
        rusqlite::params![folder.migrations[0].hash, folder.migrations[0].entry.when],
    )
    .expect("row");
    drop(conn);
    let r = p.migrate().expect("takes over");
    assert_eq!(r.applied.len(), 1);
    assert_eq!(r.applied[0].migration.tag, "0001_email");
    let st = shale_runner::sqlite::status(&p.connect(), &folder, "__drizzle_migrations")
        .expect("status");
    assert!(st.is_up_to_date());
    let ids: Vec<i64> = st.applied.iter().map(|a| a.row.id).collect();
    assert_eq!(ids, vec![1, 2], "NULL ids are read as the rowid");
}

#[test]
fn dialect_and_dry_run_and_target() {
    let mut p = Project::new();
    p.add("users", M1);
    p.add("email", M2);
    let folder = p.folder();
    let mut conn =
        shale_runner::sqlite::open(&p.db(), std::time::Duration::from_secs(5)).expect("open");
    let mut dry = options();
    dry.dry_run = true;
    let r = shale_runner::sqlite::migrate(&mut conn, &folder, &dry).expect("dry run");
    assert_eq!(r.planned.len(), 2);
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .expect("count");
    assert_eq!(tables, 0, "a dry run changes nothing");
    let mut to = options();
    to.to_tag = Some("0000_users".into());
    let r = shale_runner::sqlite::migrate(&mut conn, &folder, &to).expect("--to");
    assert_eq!(r.applied.len(), 1);
    let mut pg = folder.clone();
    pg.journal.dialect = "postgresql".into();
    let err = shale_runner::sqlite::migrate(&mut conn, &pg, &options()).expect_err("wrong dialect");
    assert!(err.to_string().contains("not SQLite"), "{err}");
}

#[test]
fn replay_in_memory_builds_the_schema() {
    let mut p = Project::new();
    p.add("users", M1);
    p.add("email", M2);
    let conn = shale_runner::sqlite::replay_in_memory(&p.folder()).expect("replay");
    let schema = sqlite_support::introspect(&conn);
    let users = schema
        .tables
        .iter()
        .find(|t| t.name.name == "users")
        .expect("users");
    assert_eq!(users.columns.len(), 2);
    assert_eq!(users.indexes[0].name, "users_email_idx");
    assert!(!p.db().exists(), "nothing was written to disk");
}

#[test]
fn no_transaction_files_run_statement_by_statement() {
    let mut p = Project::new();
    p.add("users", M1);
    p.add("vacuum", "-- shale:no-transaction\nVACUUM;\n");
    let r = p.migrate().expect("VACUUM runs outside a transaction");
    assert!(r.applied[1].no_transaction.is_some());
    p.add("half", "-- shale:no-transaction\nCREATE TABLE \"a\" (\"x\" INTEGER);\n--> statement-breakpoint\nINSERT INTO \"nope\" VALUES (1);\n");
    let err = p.migrate().expect_err("the second statement fails");
    let RunError::Failed(f) = &err else {
        panic!("{err}")
    };
    assert_eq!(
        f.left_applied,
        Some(1),
        "the first statement stays applied and the error says so"
    );
    assert_eq!(
        ids(&p).len(),
        2,
        "the claim was removed, so a rerun starts the file again"
    );
}
