//! `shale_runner::migrate` and `shale_runner::status` against real throwaway
//! PostgreSQL databases: exactly-once application, failures that leave no
//! trace, edited/out-of-order/unknown migrations, drizzle-created tracking
//! tables, migrations outside a transaction, and concurrent runners.

use std::path::Path;
use std::time::Duration;

use shale_migrations::folder::{FolderError, MigrationFolder, JOURNAL_PATH};
use shale_migrations::journal::{Journal, JournalEntry, PrefixMode};
use shale_migrations::sqlfile;
use shale_runner::{migrate, status, MigrateOptions, RunError, TrackingTable};

/// A migrations folder in a temporary directory.
struct Project {
    dir: tempfile::TempDir,
    journal: Journal,
}

impl Project {
    fn new() -> Project {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("meta")).unwrap();
        let p = Project {
            dir,
            journal: Journal::new("postgresql"),
        };
        p.save();
        p
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn save(&self) {
        std::fs::write(self.path().join(JOURNAL_PATH), self.journal.to_json()).unwrap();
    }

    /// Adds a migration at the end with `when` = 1_700_000_000_000 + idx * 10_000.
    fn add(&mut self, name: &str, statements: &[&str]) -> JournalEntry {
        let when = 1_700_000_000_000 + i64::from(self.journal.next_idx()) * 10_000;
        let entry = self
            .journal
            .push_next(name, PrefixMode::Index, when)
            .clone();
        let stmts: Vec<String> = statements.iter().map(|s| s.to_string()).collect();
        self.write(&entry.tag, &sqlfile::render(&stmts, &[]));
        self.save();
        entry
    }

    fn write(&self, tag: &str, text: &str) {
        std::fs::write(self.path().join(format!("{tag}.sql")), text).unwrap();
    }

    fn folder(&self) -> MigrationFolder {
        MigrationFolder::load(self.path()).unwrap_or_else(|e| panic!("{e}"))
    }
}

fn connect(url: &str) -> postgres::Client {
    shale_db::connect(url).unwrap_or_else(|e| panic!("{e}"))
}

fn opts() -> MigrateOptions {
    MigrateOptions::default()
}

fn tracking_rows(client: &mut postgres::Client) -> Vec<(String, i64)> {
    client
        .query(
            "SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect()
}

fn table_exists(client: &mut postgres::Client, name: &str) -> bool {
    client
        .query_one("SELECT to_regclass($1) IS NOT NULL", &[&name])
        .unwrap()
        .get(0)
}

fn three(p: &mut Project) {
    p.add(
        "users",
        &["CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);"],
    );
    p.add(
        "posts",
        &[
            "CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));",
            "CREATE INDEX posts_user_id ON posts (user_id);",
        ],
    );
    p.add(
        "seed",
        &["INSERT INTO users VALUES (1, 'a@example.com'); INSERT INTO posts VALUES (1, 1);"],
    );
}

#[test]
fn fresh_database_rerun_and_new_migration() {
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let mut p = Project::new();
    three(&mut p);
    let folder = p.folder();

    let before = status(&mut client, &folder, &TrackingTable::default()).unwrap();
    assert!(!before.table_exists);
    assert_eq!(before.pending.len(), 3);
    assert!(!before.is_up_to_date());

    let report = migrate(&mut client, &folder, &opts()).unwrap();
    let tags: Vec<&str> = report
        .applied
        .iter()
        .map(|a| a.migration.tag.as_str())
        .collect();
    assert_eq!(tags, ["0000_users", "0001_posts", "0002_seed"]);
    assert_eq!(report.applied[1].statements, 2);
    assert!(report
        .applied
        .iter()
        .all(|a| a.no_transaction.is_none() && !a.out_of_order));
    let rows = tracking_rows(&mut client);
    let expected: Vec<(String, i64)> = folder
        .migrations
        .iter()
        .map(|m| (m.hash.clone(), m.entry.when))
        .collect();
    assert_eq!(rows, expected);
    let n: i64 = client
        .query_one("SELECT count(*) FROM posts", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 1);
    // shale's optional columns are filled.
    let name: String = client
        .query_one(
            "SELECT name FROM drizzle.__drizzle_migrations WHERE created_at = $1",
            &[&folder.migrations[2].entry.when],
        )
        .unwrap()
        .get(0);
    assert_eq!(name, "0002_seed");

    let again = migrate(&mut client, &folder, &opts()).unwrap();
    assert!(again.nothing_to_do(), "{again:?}");
    let st = status(&mut client, &folder, &TrackingTable::default()).unwrap();
    assert!(st.is_up_to_date(), "{st:?}");
    assert_eq!(st.applied.len(), 3);

    p.add(
        "comments",
        &["CREATE TABLE comments (id bigint PRIMARY KEY);"],
    );
    let folder = p.folder();
    let st = status(&mut client, &folder, &TrackingTable::default()).unwrap();
    assert_eq!(st.pending.len(), 1);
    assert!(st.out_of_order().is_empty());
    let report = migrate(&mut client, &folder, &opts()).unwrap();
    assert_eq!(report.applied.len(), 1);
    assert_eq!(report.applied[0].migration.tag, "0003_comments");
    assert_eq!(tracking_rows(&mut client).len(), 4);
}

#[test]
fn failing_third_statement_leaves_no_trace() {
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let mut p = Project::new();
    p.add("one", &["CREATE TABLE one (id int);"]);
    p.add("two", &["CREATE TABLE two (id int PRIMARY KEY);"]);
    p.add(
        "three",
        &[
            "CREATE TABLE three (id int);",
            "INSERT INTO three VALUES (1);",
            "SELECT idd\nFROM two;",
            "CREATE TABLE never (id int);",
        ],
    );
    p.add("four", &["CREATE TABLE four (id int);"]);
    let folder = p.folder();
    let err = migrate(&mut client, &folder, &opts()).unwrap_err();
    let RunError::Failed(f) = &err else {
        panic!("unexpected error: {err}")
    };
    assert_eq!(f.migration.tag, "0002_three");
    assert_eq!(f.statement, Some(3));
    assert_eq!(f.total_statements, 4);
    assert_eq!(f.first_line, "SELECT idd");
    assert_eq!(f.code.as_deref(), Some("42703"));
    assert_eq!(f.position, Some(8));
    assert!(f.hint.as_deref().unwrap_or("").contains("two.id"), "{f:?}");
    assert_eq!(f.left_applied, None);
    // The file's line 5 is "SELECT idd" (statements 1 and 2 and two breakpoints before it).
    assert_eq!((f.line, f.column), (5, Some(8)));
    let msg = err.to_string();
    assert!(msg.contains("0002_three.sql"), "{msg}");
    assert!(msg.contains("statement 3 of 4"), "{msg}");
    assert!(msg.contains("column \"idd\" does not exist"), "{msg}");
    assert!(msg.contains("hint: Perhaps you meant"), "{msg}");
    assert!(!msg.contains('\n'), "{msg}");

    // Earlier migrations stay; the failed one left nothing; later ones did not run.
    assert!(table_exists(&mut client, "one") && table_exists(&mut client, "two"));
    assert!(!table_exists(&mut client, "three"));
    assert!(!table_exists(&mut client, "four"));
    assert_eq!(tracking_rows(&mut client).len(), 2);

    // Fixing the file (it was never applied, so editing it is fine) completes the run.
    p.write(
        "0002_three",
        &sqlfile::render(&["CREATE TABLE three (id int);".into()], &[]),
    );
    let report = migrate(&mut client, &p.folder(), &opts()).unwrap();
    assert_eq!(report.applied.len(), 2);
    assert_eq!(tracking_rows(&mut client).len(), 4);
}

#[test]
fn edited_migration_is_refused_but_line_endings_are_tolerated() {
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let mut p = Project::new();
    three(&mut p);
    migrate(&mut client, &p.folder(), &opts()).unwrap();

    // CRLF-only change: still applied, nothing to do.
    let path = p.path().join("0001_posts.sql");
    let original = std::fs::read(&path).unwrap();
    std::fs::write(&path, sqlfile::to_crlf(&original)).unwrap();
    let st = status(&mut client, &p.folder(), &TrackingTable::default()).unwrap();
    assert!(st.is_up_to_date(), "{st:?}");
    assert!(migrate(&mut client, &p.folder(), &opts())
        .unwrap()
        .nothing_to_do());

    // A real edit, plus a new pending migration: nothing is applied.
    std::fs::write(
        &path,
        String::from_utf8(original)
            .unwrap()
            .replace("posts_user_id", "posts_by_user"),
    )
    .unwrap();
    p.add("later", &["CREATE TABLE later (id int);"]);
    let folder = p.folder();
    let st = status(&mut client, &folder, &TrackingTable::default()).unwrap();
    assert_eq!(st.edited.len(), 1);
    assert_eq!(st.edited[0].migration.tag, "0001_posts");
    assert_eq!(st.edited[0].file_hash, folder.migrations[1].hash);
    let err = migrate(&mut client, &folder, &opts()).unwrap_err();
    assert!(
        matches!(&err, RunError::Edited { migrations, .. } if migrations.len() == 1),
        "{err}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains("0001_posts.sql was edited after it was applied"),
        "{msg}"
    );
    assert!(
        msg.contains(&st.edited[0].recorded_hash) && msg.contains(&st.edited[0].file_hash),
        "{msg}"
    );
    assert!(
        msg.contains("UPDATE \"drizzle\".\"__drizzle_migrations\" SET hash"),
        "{msg}"
    );
    assert!(!table_exists(&mut client, "later"));
    assert_eq!(tracking_rows(&mut client).len(), 3);
}

#[test]
fn out_of_order_merged_migration_is_applied_and_reported() {
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let mut p = Project::new();
    p.add("init", &["CREATE TABLE init (id int);"]);
    p.add("main_feature", &["CREATE TABLE main_feature (id int);"]);
    migrate(&mut client, &p.folder(), &opts()).unwrap();

    // A branch generated "branch_feature" between the two; after the merge it
    // sits in the journal before main's migration, with an older `when`.
    let mut j = p.journal.clone();
    let branch = JournalEntry {
        idx: 1,
        version: "7".into(),
        when: j.entries[0].when + 5_000,
        tag: "0001_branch_feature".into(),
        breakpoints: true,
        extra: Default::default(),
    };
    j.entries.insert(1, branch);
    j.entries[2].idx = 2;
    p.journal = j;
    p.save();
    p.write(
        "0001_branch_feature",
        "CREATE TABLE branch_feature (id int);\n",
    );
    let folder = p.folder();

    let st = status(&mut client, &folder, &TrackingTable::default()).unwrap();
    assert_eq!(st.pending.len(), 1);
    assert_eq!(st.out_of_order().len(), 1);
    assert_eq!(st.out_of_order()[0].migration.tag, "0001_branch_feature");

    let report = migrate(&mut client, &folder, &opts()).unwrap();
    assert_eq!(report.applied.len(), 1);
    assert!(report.applied[0].out_of_order);
    assert!(table_exists(&mut client, "branch_feature"));
    assert!(status(&mut client, &folder, &TrackingTable::default())
        .unwrap()
        .is_up_to_date());
}

#[test]
fn missing_and_orphan_files_stop_before_anything_runs() {
    let mut p = Project::new();
    three(&mut p);
    std::fs::remove_file(p.path().join("0001_posts.sql")).unwrap();
    let err = MigrationFolder::load(p.path()).unwrap_err();
    assert!(
        matches!(&err.0[..], [FolderError::MissingFile { tag, .. }] if tag == "0001_posts"),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("restore the file or remove the entry"),
        "{err}"
    );

    let mut p = Project::new();
    three(&mut p);
    p.write("0003_stray", "CREATE TABLE stray (id int);\n");
    let err = MigrationFolder::load(p.path()).unwrap_err();
    assert!(
        matches!(&err.0[..], [FolderError::OrphanFile { tag, .. }] if tag == "0003_stray"),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("0003_stray.sql has no journal entry"),
        "{err}"
    );
}

#[test]
fn drizzle_created_tracking_table_continues_cleanly() {
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let mut p = Project::new();
    three(&mut p);
    let folder = p.folder();
    // What drizzle's migrator leaves behind after the first two migrations.
    client
        .batch_execute(
            "CREATE SCHEMA IF NOT EXISTS \"drizzle\";
             CREATE TABLE IF NOT EXISTS \"drizzle\".\"__drizzle_migrations\" (
                 id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint);",
        )
        .unwrap();
    for m in &folder.migrations[..2] {
        for s in m.statements() {
            client.batch_execute(&s.sql).unwrap();
        }
        client
            .execute(
                "INSERT INTO \"drizzle\".\"__drizzle_migrations\" (hash, created_at) VALUES ($1, $2)",
                &[&m.hash, &m.entry.when],
            )
            .unwrap();
    }
    let st = status(&mut client, &folder, &TrackingTable::default()).unwrap();
    assert_eq!((st.applied.len(), st.pending.len()), (2, 1), "{st:?}");
    assert!(st.applied.iter().all(|a| a.row.name.is_none()));

    let report = migrate(&mut client, &folder, &opts()).unwrap();
    assert_eq!(report.applied.len(), 1);
    assert_eq!(report.applied[0].migration.tag, "0002_seed");
    let rows = tracking_rows(&mut client);
    assert_eq!(rows.len(), 3);
    // drizzle's own insert still works on the table shale extended.
    client
        .execute(
            "INSERT INTO \"drizzle\".\"__drizzle_migrations\" (hash, created_at) VALUES ('x', 1)",
            &[],
        )
        .unwrap();
    let st = status(&mut client, &folder, &TrackingTable::default()).unwrap();
    assert_eq!(st.unknown.len(), 1);
    assert_eq!(st.unknown[0].created_at, Some(1));
    // An unknown row is reported but does not block migrate.
    let report = migrate(&mut client, &folder, &opts()).unwrap();
    assert!(report.nothing_to_do());
    assert_eq!(report.unknown.len(), 1);
}

#[test]
fn dry_run_and_to_tag() {
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let mut p = Project::new();
    three(&mut p);
    let folder = p.folder();
    let report = migrate(
        &mut client,
        &folder,
        &MigrateOptions {
            dry_run: true,
            ..opts()
        },
    )
    .unwrap();
    assert_eq!(report.planned.len(), 3);
    assert_eq!(report.planned[1].statements.len(), 2);
    assert!(report.applied.is_empty());
    assert!(
        !table_exists(&mut client, "drizzle.__drizzle_migrations"),
        "a dry run must not create the tracking table"
    );
    assert!(!table_exists(&mut client, "users"));

    let report = migrate(
        &mut client,
        &folder,
        &MigrateOptions {
            to_tag: Some("0001_posts".into()),
            ..opts()
        },
    )
    .unwrap();
    assert_eq!(report.applied.len(), 2);
    assert_eq!(tracking_rows(&mut client).len(), 2);
    let seeded: i64 = client
        .query_one("SELECT count(*) FROM users", &[])
        .unwrap()
        .get(0);
    assert_eq!(seeded, 0, "0002_seed is after the --to target");
    let err = migrate(
        &mut client,
        &folder,
        &MigrateOptions {
            to_tag: Some("nope".into()),
            ..opts()
        },
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("no migration tagged `nope`"),
        "{err}"
    );
    assert!(err.to_string().contains("0002_seed"), "{err}");
}

#[test]
fn custom_tracking_table() {
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let mut p = Project::new();
    three(&mut p);
    let table = TrackingTable {
        schema: "ops".into(),
        table: "schema \"history\"".into(),
    };
    migrate(
        &mut client,
        &p.folder(),
        &MigrateOptions {
            table: table.clone(),
            ..opts()
        },
    )
    .unwrap();
    let n: i64 = client
        .query_one("SELECT count(*) FROM ops.\"schema \"\"history\"\"\"", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 3);
    assert!(!table_exists(&mut client, "drizzle.__drizzle_migrations"));
    assert!(status(&mut client, &p.folder(), &table)
        .unwrap()
        .is_up_to_date());
}

#[test]
fn statements_refused_in_a_transaction_run_outside_one() {
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let mut p = Project::new();
    p.add(
        "base",
        &[
            "CREATE TYPE mood AS ENUM ('sad', 'ok');",
            "CREATE TABLE t (id int, m mood);",
        ],
    );
    p.add(
        "index",
        &["CREATE INDEX CONCURRENTLY t_id ON t (id); CREATE INDEX CONCURRENTLY t_m ON t (m);"],
    );
    p.add(
        "enum",
        &[
            "ALTER TYPE mood ADD VALUE 'happy';",
            "INSERT INTO t VALUES (1, 'happy');",
        ],
    );
    p.add("explicit", &["VACUUM t;"]);
    let folder = p.folder();
    let report = migrate(&mut client, &folder, &opts()).unwrap();
    assert_eq!(report.applied.len(), 4);
    assert!(report.applied[0].no_transaction.is_none());
    for a in &report.applied[1..] {
        assert!(a.no_transaction.is_some(), "{a:?}");
    }
    assert!(table_exists(&mut client, "t_id") && table_exists(&mut client, "t_m"));
    let n: i64 = client
        .query_one("SELECT count(*) FROM t WHERE m = 'happy'", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 1);
    assert!(status(&mut client, &folder, &TrackingTable::default())
        .unwrap()
        .is_up_to_date());
    let rows = tracking_rows(&mut client);
    assert!(rows
        .iter()
        .zip(&folder.migrations)
        .all(|((h, w), m)| h == &m.hash && *w == m.entry.when));

    // A failure outside a transaction keeps the statements before it, says so,
    // and removes the claim so the file can run again.
    p.add(
        "half",
        &[
            "-- shale:no-transaction\nCREATE TABLE IF NOT EXISTS half (id int);",
            "INSERT INTO missing VALUES (1);",
        ],
    );
    let err = migrate(&mut client, &p.folder(), &opts()).unwrap_err();
    let RunError::Failed(f) = &err else {
        panic!("{err}")
    };
    assert_eq!((f.statement, f.left_applied), (Some(2), Some(1)));
    assert!(
        err.to_string()
            .contains("first 1 SQL statement(s) stayed applied"),
        "{err}"
    );
    assert!(table_exists(&mut client, "half"));
    assert_eq!(tracking_rows(&mut client).len(), 4);
    p.write(
        "0004_half",
        "-- shale:no-transaction\nCREATE TABLE IF NOT EXISTS half (id int);\n",
    );
    assert_eq!(
        migrate(&mut client, &p.folder(), &opts())
            .unwrap()
            .applied
            .len(),
        1
    );
}

/// Records a claim on `m` by a runner that died after `done` SQL statements
/// (a backend that no longer exists).
fn dead_claim(client: &mut postgres::Client, m: &shale_migrations::folder::Migration, done: usize) {
    let marker = shale_runner::InProgressMarker {
        backend_pid: 999_999,
        backend_start_us: 1,
        done,
        hash: m.hash.clone(),
    };
    client
        .execute(
            "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)",
            &[&marker.render(), &m.entry.when],
        )
        .unwrap();
}

/// A project whose second migration builds an index the way `generate
/// --online` writes it, applied up to the first, with rows in `t`.
fn index_project(url: &str) -> (Project, MigrationFolder) {
    let mut client = connect(url);
    let mut p = Project::new();
    p.add(
        "base",
        &["CREATE TABLE t (id int, label text); INSERT INTO t SELECT g % 100, 'x' FROM generate_series(1, 1000) g;"],
    );
    p.add(
        "index",
        &[
            "-- shale:no-transaction\n-- an index \"t_id\" here is a leftover of an interrupted build\nDROP INDEX CONCURRENTLY IF EXISTS \"public\".\"t_id\";",
            "CREATE INDEX CONCURRENTLY \"t_id\" ON \"public\".\"t\" USING btree (\"id\");",
        ],
    );
    let folder = p.folder();
    migrate(
        &mut client,
        &folder,
        &MigrateOptions {
            to_tag: Some("0000_base".into()),
            ..opts()
        },
    )
    .unwrap();
    (p, folder)
}

/// Leaves an INVALID `t_id`, as a build stopped half-way does (a unique
/// build over duplicate values fails the same way).
fn invalid_index(client: &mut postgres::Client) {
    let e = client
        .batch_execute("CREATE UNIQUE INDEX CONCURRENTLY t_id ON t (id)")
        .unwrap_err();
    assert_eq!(e.code().map(|c| c.code()), Some("23505"), "{e}");
}

fn index_state(client: &mut postgres::Client, name: &str) -> Option<(bool, String, u32)> {
    client
        .query_opt(
            "SELECT i.indisvalid, pg_get_indexdef(c.oid), c.oid FROM pg_class c \
             JOIN pg_index i ON i.indexrelid = c.oid WHERE c.relname = $1",
            &[&name],
        )
        .unwrap()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
}

fn rows_for(client: &mut postgres::Client, when: i64) -> Vec<String> {
    tracking_rows(client)
        .into_iter()
        .filter(|(_, w)| *w == when)
        .map(|(h, _)| h)
        .collect()
}

#[test]
fn an_interrupted_index_build_is_rebuilt_and_recorded_once() {
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let (_p, folder) = index_project(&url);
    let m = &folder.migrations[1];
    // The runner died during the build (statement 2): the leftover DROP ran,
    // the build left an INVALID index.
    invalid_index(&mut client);
    dead_claim(&mut client, m, 1);
    let st = status(&mut client, &folder, &TrackingTable::default()).unwrap();
    assert_eq!(st.in_progress.len(), 1);
    let p = &st.in_progress[0];
    assert!(!p.running);
    assert_eq!(p.not_resumable, None);
    assert_eq!(
        p.next_statement.as_deref(),
        Some("CREATE INDEX CONCURRENTLY \"t_id\" ON \"public\".\"t\" USING btree (\"id\");")
    );
    let advice = p.advice(&TrackingTable::default());
    assert!(
        advice.contains("interrupted after 1 of 2")
            && advice.contains("`shale migrate` resumes it at statement 2"),
        "{advice}"
    );
    assert_eq!(st.leftovers.len(), 1, "{:?}", st.leftovers);
    assert!(
        st.leftovers[0]
            .repair
            .starts_with("run `shale migrate`: it resumes the interrupted migration 0001_index"),
        "{}",
        st.leftovers[0].repair
    );

    let report = migrate(&mut client, &folder, &opts()).unwrap();
    assert_eq!(report.applied.len(), 1);
    let resumed = report.applied[0].resumed.clone().expect("resumed");
    assert_eq!((resumed.after, resumed.total), (1, 2));
    assert!(
        resumed
            .action
            .contains("dropped the INVALID index \"public\".\"t_id\" the interrupted build left and built it again"),
        "{resumed:?}"
    );
    let (valid, def, _) = index_state(&mut client, "t_id").unwrap();
    assert!(valid);
    assert_eq!(def, "CREATE INDEX t_id ON public.t USING btree (id)");
    assert_eq!(
        rows_for(&mut client, m.entry.when),
        std::slice::from_ref(&m.hash)
    );
    let st = status(&mut client, &folder, &TrackingTable::default()).unwrap();
    assert!(st.is_up_to_date(), "{st:?}");
    // A rerun has nothing to do.
    assert!(migrate(&mut client, &folder, &opts())
        .unwrap()
        .nothing_to_do());
}

#[test]
fn a_valid_index_is_kept_and_a_finished_file_only_recorded() {
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let (_p, folder) = index_project(&url);
    let m = &folder.migrations[1];
    // The build finished, but the runner died before recording it.
    client
        .batch_execute("CREATE INDEX CONCURRENTLY t_id ON t (id)")
        .unwrap();
    let (_, _, oid) = index_state(&mut client, "t_id").unwrap();
    dead_claim(&mut client, m, 1);
    let report = migrate(&mut client, &folder, &opts()).unwrap();
    let resumed = report.applied[0].resumed.clone().expect("resumed");
    assert!(
        resumed
            .action
            .contains("index \"public\".\"t_id\" was built and is valid: not built again"),
        "{resumed:?}"
    );
    let (valid, _, after) = index_state(&mut client, "t_id").unwrap();
    assert!(valid);
    assert_eq!(oid, after, "the valid index was built again");
    assert_eq!(
        rows_for(&mut client, m.entry.when),
        std::slice::from_ref(&m.hash)
    );

    // Every statement done, only the final record missing.
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let (_p, folder) = index_project(&url);
    let m = &folder.migrations[1];
    client
        .batch_execute("CREATE INDEX CONCURRENTLY t_id ON t (id)")
        .unwrap();
    dead_claim(&mut client, m, 2);
    let report = migrate(&mut client, &folder, &opts()).unwrap();
    let resumed = report.applied[0].resumed.clone().expect("resumed");
    assert_eq!((resumed.after, resumed.statement.as_deref()), (2, None));
    assert!(
        resumed.action.contains("only the record was missing"),
        "{resumed:?}"
    );
    assert_eq!(
        rows_for(&mut client, m.entry.when),
        std::slice::from_ref(&m.hash)
    );
}

#[test]
fn racing_runners_resume_an_interrupted_build_once() {
    for round in 0..3 {
        let url = shale_tests::fresh_database();
        let mut client = connect(&url);
        let (_p, folder) = index_project(&url);
        let m = &folder.migrations[1];
        invalid_index(&mut client);
        dead_claim(&mut client, m, 1);
        let barrier = std::sync::Barrier::new(4);
        let reports: Vec<_> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|_| {
                    s.spawn(|| {
                        let mut c = connect(&url);
                        barrier.wait();
                        migrate(&mut c, &folder, &opts())
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        // One runner resumes it; the others find it applied (by the time a
        // slow one reads the table, it may have nothing left to do).
        let mut resumed = 0;
        for r in reports {
            let r = r.unwrap_or_else(|e| panic!("round {round}: {e}"));
            resumed += r.applied.iter().filter(|a| a.resumed.is_some()).count();
            assert!(
                r.applied.iter().all(|a| a.resumed.is_some()),
                "round {round}: {r:?}"
            );
        }
        assert_eq!(resumed, 1, "round {round}");
        assert_eq!(
            rows_for(&mut client, m.entry.when),
            std::slice::from_ref(&m.hash),
            "round {round}"
        );
        assert!(index_state(&mut client, "t_id").unwrap().0, "round {round}");
    }
}

#[test]
fn an_interrupted_constraints_file_resumes_at_the_statement_in_doubt() {
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let mut p = Project::new();
    p.add(
        "base",
        &["CREATE TABLE t (id int); INSERT INTO t VALUES (1), (2);"],
    );
    p.add(
        "constraints",
        &[
            "-- shale:no-transaction\nSET lock_timeout = '2s';",
            "ALTER TABLE \"t\" DROP CONSTRAINT IF EXISTS \"t_pos\";",
            "ALTER TABLE \"t\" ADD CONSTRAINT \"t_pos\" CHECK (id > 0) NOT VALID;",
            "ALTER TABLE \"t\" VALIDATE CONSTRAINT \"t_pos\";",
            "ALTER TABLE \"t\" ADD CONSTRAINT \"t_helper\" CHECK (id IS NOT NULL) NOT VALID;",
            "ALTER TABLE \"t\" DROP CONSTRAINT \"t_helper\";",
        ],
    );
    let folder = p.folder();
    migrate(
        &mut client,
        &folder,
        &MigrateOptions {
            to_tag: Some("0000_base".into()),
            ..opts()
        },
    )
    .unwrap();
    let m = &folder.migrations[1];
    // Interrupted at the ADD, which had committed.
    client
        .batch_execute("ALTER TABLE t ADD CONSTRAINT t_pos CHECK (id > 0) NOT VALID")
        .unwrap();
    dead_claim(&mut client, m, 2);
    let report = migrate(&mut client, &folder, &opts()).unwrap();
    let resumed = report.applied[0].resumed.clone().expect("resumed");
    assert!(
        resumed
            .action
            .contains("constraint \"t_pos\" on \"t\" was already added"),
        "{resumed:?}"
    );
    let validated: bool = client
        .query_one(
            "SELECT convalidated FROM pg_constraint WHERE conname = 't_pos'",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(validated, "the statements after the one in doubt ran");
    assert!(!table_exists_constraint(&mut client, "t_helper"));
    assert_eq!(
        rows_for(&mut client, m.entry.when),
        std::slice::from_ref(&m.hash)
    );

    // Interrupted at the last DROP CONSTRAINT, which had committed.
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    migrate(
        &mut client,
        &folder,
        &MigrateOptions {
            to_tag: Some("0000_base".into()),
            ..opts()
        },
    )
    .unwrap();
    client
        .batch_execute("ALTER TABLE t ADD CONSTRAINT t_pos CHECK (id > 0)")
        .unwrap();
    dead_claim(&mut client, m, 5);
    let report = migrate(&mut client, &folder, &opts()).unwrap();
    let resumed = report.applied[0].resumed.clone().expect("resumed");
    assert!(
        resumed.action.contains("was already dropped"),
        "{resumed:?}"
    );
    assert_eq!(
        rows_for(&mut client, m.entry.when),
        std::slice::from_ref(&m.hash)
    );
}

fn table_exists_constraint(client: &mut postgres::Client, name: &str) -> bool {
    client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = $1)",
            &[&name],
        )
        .unwrap()
        .get(0)
}

#[test]
fn interrupted_no_transaction_migration_is_reported_not_guessed() {
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let mut p = Project::new();
    p.add("base", &["CREATE TABLE t (id int);"]);
    p.add(
        "index",
        &[
            "CREATE INDEX CONCURRENTLY t_id ON t (id);",
            "INSERT INTO t VALUES (1);",
        ],
    );
    let folder = p.folder();
    migrate(
        &mut client,
        &folder,
        &MigrateOptions {
            to_tag: Some("0000_base".into()),
            ..opts()
        },
    )
    .unwrap();
    // A runner that died after its first statement: shale cannot tell
    // whether the INSERT took effect.
    let m = &folder.migrations[1];
    dead_claim(&mut client, m, 1);
    let st = status(&mut client, &folder, &TrackingTable::default()).unwrap();
    assert_eq!(st.in_progress.len(), 1);
    assert!(!st.in_progress[0].running);
    assert_eq!(
        (
            st.in_progress[0].marker.done,
            st.in_progress[0].total_statements
        ),
        (1, 2)
    );
    let why = st.in_progress[0]
        .not_resumable
        .clone()
        .expect("not resumable");
    assert!(
        why.contains(
            "its statement 2 of 2 (`INSERT INTO t VALUES (1);`) is not one it can re-run safely"
        ),
        "{why}"
    );
    assert!(st.pending.is_empty() && st.edited.is_empty());
    let err = migrate(&mut client, &folder, &opts()).unwrap_err();
    assert!(
        matches!(
            err,
            RunError::Interrupted {
                done: 1,
                total: 2,
                ..
            }
        ),
        "{err}"
    );
    let msg = err.to_string();
    assert!(msg.contains("interrupted after 1 of 2"), "{msg}");
    assert!(
        msg.contains("shale does not resume it on its own: its statement 2 of 2"),
        "{msg}"
    );
    assert!(
        msg.contains(&format!(
            "DELETE FROM \"drizzle\".\"__drizzle_migrations\" WHERE created_at = {}",
            m.entry.when
        )),
        "{msg}"
    );
    assert_eq!(st.in_progress[0].advice(&TrackingTable::default()), msg);
    // Nothing ran: the INSERT is not repeated.
    let n: i64 = client
        .query_one("SELECT count(*) FROM t", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 0);

    // A file edited since the interrupted run is not resumed either.
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let (p, folder) = index_project(&url);
    dead_claim(&mut client, &folder.migrations[1], 1);
    p.write(
        "0001_index",
        "-- shale:no-transaction\nCREATE INDEX CONCURRENTLY \"t_id\" ON \"public\".\"t\" (\"label\");\n",
    );
    let err = migrate(&mut client, &p.folder(), &opts()).unwrap_err();
    assert!(
        err.to_string()
            .contains("the file changed since the interrupted run"),
        "{err}"
    );

    // A relation by the index's name that the build did not make: refused,
    // and the claim stays the interrupted run's.
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let (_p, folder) = index_project(&url);
    client.batch_execute("CREATE TABLE t_id (x int)").unwrap();
    dead_claim(&mut client, &folder.migrations[1], 1);
    let err = migrate(&mut client, &folder, &opts()).unwrap_err();
    assert!(
        err.to_string()
            .contains("\"public\".\"t_id\" exists but is not an index of \"public\".\"t\""),
        "{err}"
    );
    let st = status(&mut client, &folder, &TrackingTable::default()).unwrap();
    assert!(!st.in_progress[0].running, "{st:?}");
}

#[test]
fn lock_wait_is_bounded() {
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let mut p = Project::new();
    three(&mut p);
    let folder = p.folder();
    // Another "runner" holds the lock.
    let mut other = connect(&url);
    other
        .batch_execute(&format!(
            "BEGIN; SELECT pg_advisory_xact_lock({});",
            TrackingTable::default().lock_key()
        ))
        .unwrap();
    let started = std::time::Instant::now();
    let err = migrate(
        &mut client,
        &folder,
        &MigrateOptions {
            lock_timeout: Duration::from_millis(1500),
            ..opts()
        },
    )
    .unwrap_err();
    assert!(matches!(err, RunError::LockTimeout { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("waiting for another `shale migrate`"),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    other.batch_execute("COMMIT").unwrap();
    assert_eq!(
        migrate(&mut client, &folder, &opts())
            .unwrap()
            .applied
            .len(),
        3
    );
}

#[test]
fn statement_timeout_applies_to_migrations() {
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let mut p = Project::new();
    p.add("slow", &["SELECT pg_sleep(2);"]);
    let options = MigrateOptions {
        settings: shale_db::Settings {
            statement_timeout: Some("200ms".into()),
            ..Default::default()
        },
        ..opts()
    };
    let err = migrate(&mut client, &p.folder(), &options).unwrap_err();
    assert!(err.to_string().contains("statement timeout"), "{err}");
    assert_eq!(tracking_rows(&mut client).len(), 0);
}

#[test]
fn concurrent_runners_apply_each_migration_exactly_once() {
    let mut p = Project::new();
    p.add("a", &["CREATE TABLE a (id int);"]);
    p.add("b", &["CREATE TABLE b (id int);", "SELECT pg_sleep(0.01);"]);
    p.add("c", &["INSERT INTO a VALUES (1);"]);
    p.add("d", &["CREATE INDEX CONCURRENTLY a_id ON a (id);"]);
    p.add("e", &["INSERT INTO b VALUES (1);"]);
    let folder = std::sync::Arc::new(p.folder());
    for rep in 0..20 {
        let url = shale_tests::fresh_database();
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(8));
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let (url, folder, barrier) = (url.clone(), folder.clone(), barrier.clone());
                std::thread::spawn(move || {
                    let mut client = shale_db::connect(&url).map_err(|e| e.to_string())?;
                    barrier.wait();
                    migrate(&mut client, &folder, &MigrateOptions::default())
                        .map_err(|e| e.to_string())
                })
            })
            .collect();
        let mut applied = 0;
        for h in handles {
            let report = h
                .join()
                .unwrap()
                .unwrap_or_else(|e| panic!("repetition {rep}: {e}"));
            applied += report.applied.len();
        }
        assert_eq!(
            applied, 5,
            "repetition {rep}: each migration applied exactly once"
        );
        let mut client = connect(&url);
        let rows = tracking_rows(&mut client);
        assert_eq!(rows.len(), 5, "repetition {rep}: {rows:?}");
        let n: i64 = client
            .query_one("SELECT count(*) FROM a", &[])
            .unwrap()
            .get(0);
        assert_eq!(n, 1, "repetition {rep}");
        assert!(status(&mut client, &folder, &TrackingTable::default())
            .unwrap()
            .is_up_to_date());
    }
}

#[test]
fn file_with_its_own_commit_is_refused_before_anything_runs() {
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let mut p = Project::new();
    p.add("ok", &["CREATE TABLE ok (id int);"]);
    p.add(
        "own_tx",
        &["BEGIN;", "CREATE TABLE own (id int);", "COMMIT;"],
    );
    let err = migrate(&mut client, &p.folder(), &opts()).unwrap_err();
    assert!(
        matches!(err, RunError::TransactionControl { statement: 1, .. }),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("0001_own_tx.sql controls transactions itself"),
        "{err}"
    );
    assert!(
        !table_exists(&mut client, "ok"),
        "nothing runs when a later file would break the transaction"
    );
}

/// Set in the child process of [`killed_runner_then_rerun_completes_without_applying_twice`]:
/// `<url>\t<migrations dir>`.
const CHILD_ENV: &str = "SHALE_TEST_MIGRATE_CHILD";

#[test]
fn killed_runner_then_rerun_completes_without_applying_twice() {
    if let Ok(spec) = std::env::var(CHILD_ENV) {
        // The child: a runner that gets SIGKILLed in the middle of 0001.
        let (url, dir) = spec.split_once('\t').expect("url\\tdir");
        let mut client = connect(url);
        let folder = MigrationFolder::load(dir).unwrap_or_else(|e| panic!("{e}"));
        migrate(&mut client, &folder, &opts()).unwrap_or_else(|e| panic!("{e}"));
        return;
    }
    let url = shale_tests::fresh_database();
    let mut p = Project::new();
    p.add(
        "counter",
        &[
            "CREATE TABLE counter (n int);",
            "INSERT INTO counter VALUES (0);",
        ],
    );
    // The slow statement is the last one: the killed runner must not have
    // sent its COMMIT along with it, or the server would commit it anyway.
    p.add(
        "slow",
        &[
            "UPDATE counter SET n = n + 1;",
            "UPDATE counter SET n = n + 100;",
            "SELECT pg_sleep(3);",
        ],
    );
    p.add("after", &["UPDATE counter SET n = n + 10;"]);
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "killed_runner_then_rerun_completes_without_applying_twice",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, format!("{url}\t{}", p.path().display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut watcher = connect(&url);
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        let sleeping: i64 = watcher
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep(3)%' AND state = 'active'",
                &[],
            )
            .unwrap()
            .get(0);
        if sleeping == 1 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the child runner exited before it was killed"
        );
        assert!(
            std::time::Instant::now() < deadline,
            "the child runner never reached the slow statement"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    // The rerun waits for the dead runner's transaction to be rolled back,
    // then applies 0001 and 0002 once.
    let mut client = connect(&url);
    let report = migrate(&mut client, &p.folder(), &opts()).unwrap();
    let tags: Vec<&str> = report
        .applied
        .iter()
        .map(|a| a.migration.tag.as_str())
        .collect();
    assert_eq!(tags, ["0001_slow", "0002_after"]);
    let n: i32 = client
        .query_one("SELECT n FROM counter", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 111, "0001 and 0002 applied exactly once");
    assert_eq!(tracking_rows(&mut client).len(), 3);
}

/// The runner's per-migration overhead on loopback (not a timed test: it
/// prints the numbers; run alone with `--nocapture` to measure). Checks that
/// the 1000 migrations were all applied and recorded.
#[test]
fn benchmark_1000_small_migrations() {
    let url = shale_tests::fresh_database();
    let report = shale_runner::bench::bench(&url, 1000).unwrap_or_else(|e| panic!("{e}"));
    println!("{report}");
    let mut client = connect(&url);
    let rows: i64 = client
        .query_one(
            "SELECT count(*) FROM shale_bench_m.__drizzle_migrations",
            &[],
        )
        .unwrap()
        .get(0);
    let tables: i64 = client
        .query_one(
            "SELECT count(*) FROM pg_tables WHERE schemaname IN ('shale_bench_m', 'shale_bench_b')",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!((rows, tables), (1000, 2001));
}

#[test]
fn deferred_constraint_failing_at_commit_is_reported_as_such() {
    let url = shale_tests::fresh_database();
    let mut client = connect(&url);
    let mut p = Project::new();
    p.add("ok", &["CREATE TABLE ok (id int);"]);
    p.add(
        "deferred",
        &[
            "CREATE TABLE parent (id int PRIMARY KEY);",
            "CREATE TABLE child (parent_id int REFERENCES parent DEFERRABLE INITIALLY DEFERRED);",
            "INSERT INTO child VALUES (1);",
        ],
    );
    let err = migrate(&mut client, &p.folder(), &opts()).unwrap_err();
    let RunError::Failed(f) = &err else {
        panic!("{err}")
    };
    assert_eq!(f.statement, None, "{err}");
    assert_eq!(f.code.as_deref(), Some("23503"));
    assert!(
        err.to_string()
            .contains("0001_deferred.sql failed at commit"),
        "{err}"
    );
    assert!(!table_exists(&mut client, "parent"));
    assert_eq!(tracking_rows(&mut client).len(), 1);
    // And a failing last statement is still attributed to it, not to the commit.
    p.write("0001_deferred", "CREATE TABLE parent (id int PRIMARY KEY);\n--> statement-breakpoint\nINSERT INTO nope VALUES (1); -- trailing comment");
    let err = migrate(&mut client, &p.folder(), &opts()).unwrap_err();
    let RunError::Failed(f) = &err else {
        panic!("{err}")
    };
    assert_eq!((f.statement, f.line), (Some(2), 3), "{err}");
    assert!(!table_exists(&mut client, "parent"));
    // A last statement ending in a comment still commits.
    p.write(
        "0001_deferred",
        "CREATE TABLE parent (id int PRIMARY KEY); -- no newline after this comment",
    );
    assert_eq!(
        migrate(&mut client, &p.folder(), &opts())
            .unwrap()
            .applied
            .len(),
        1
    );
    assert!(table_exists(&mut client, "parent"));
    assert_eq!(tracking_rows(&mut client).len(), 2);
}
