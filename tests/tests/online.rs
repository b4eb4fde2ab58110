//! Zero-downtime migrations end to end, with the real binary on throwaway
//! PostgreSQL databases: `shale migrate` times out on a held lock, retries
//! with backoff and succeeds once the lock is released, without stalling the
//! queries that arrive meanwhile for longer than its lock timeout; and an
//! online migration (`generate --online`) applied to a table with rows,
//! over an INVALID index left by an interrupted build.

use std::path::Path;
use std::process::Output;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use shale_tests::output_text as text;

fn shale(dir: &Path, args: &[&str]) -> Output {
    shale_tests::shale_command!(dir)
        .args(args)
        .output()
        .expect("run shale")
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let o = shale(dir, args);
    assert_eq!(o.status.code(), Some(0), "shale {args:?}:\n{}", text(&o));
    text(&o)
}

fn project(toml: &str, schema: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    std::fs::write(dir.path().join("shale.toml"), toml).unwrap();
    std::fs::write(dir.path().join("schema/schema.rs"), schema).unwrap();
    dir
}

const ITEMS: &str = r#"
use shale::Table;
#[derive(Table)]
#[table(name = "items")]
pub struct Item {
    #[column(primary_key, identity)]
    pub id: i64,
    pub label: String,
}
"#;

/// The lock timeout of this test's migrations.
const LOCK_TIMEOUT: Duration = Duration::from_millis(300);

#[test]
fn a_held_lock_is_waited_out_by_retries_without_stalling_queries() {
    let url = shale_tests::fresh_database();
    let toml = "[generate]\nonline = true\nlock_timeout = \"300ms\"\n";
    let dir = project(toml, ITEMS);
    let d = dir.path();
    ok(d, &["generate"]);
    ok(d, &["--db", &url, "migrate"]);
    let mut setup = shale_tests::connect(&url);
    setup
        .batch_execute(
            "INSERT INTO items (label) SELECT 'item ' || g FROM generate_series(1, 1000) g",
        )
        .unwrap();
    std::fs::write(
        d.join("schema/schema.rs"),
        ITEMS.replace(
            "pub label: String,",
            "pub label: String,\n    pub note: Option<String>,",
        ),
    )
    .unwrap();
    ok(d, &["generate", "--name", "note"]);

    // A reader holds ACCESS SHARE on the table for 1.5 s: the migration's
    // ALTER TABLE needs ACCESS EXCLUSIVE and must wait, and every query that
    // arrives while it waits queues behind it.
    let holding = Arc::new(AtomicBool::new(false));
    let holder = {
        let url = url.clone();
        let holding = holding.clone();
        std::thread::spawn(move || {
            let mut c = shale_tests::connect(&url);
            c.batch_execute("BEGIN; SELECT count(*) FROM items;")
                .unwrap();
            holding.store(true, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(1500));
            c.batch_execute("COMMIT").unwrap();
        })
    };
    while !holding.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(5));
    }
    // Another session keeps querying the table and records its worst wait.
    let stop = Arc::new(AtomicBool::new(false));
    let worst = Arc::new(Mutex::new(Duration::ZERO));
    let prober = {
        let (url, stop, worst) = (url.clone(), stop.clone(), worst.clone());
        std::thread::spawn(move || {
            let mut c = shale_tests::connect(&url);
            while !stop.load(Ordering::SeqCst) {
                let t = Instant::now();
                c.query_one("SELECT count(*) FROM items WHERE id < 10", &[])
                    .unwrap();
                let took = t.elapsed();
                let mut w = worst.lock().unwrap();
                *w = (*w).max(took);
                drop(w);
                std::thread::sleep(Duration::from_millis(15));
            }
        })
    };

    let started = Instant::now();
    let o = shale(d, &["--db", &url, "migrate"]);
    let took = started.elapsed();
    stop.store(true, Ordering::SeqCst);
    holder.join().unwrap();
    prober.join().unwrap();
    let out = text(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains("0001_note attempt 1 of 6 timed out waiting for a lock at statement 2"),
        "{out}"
    );
    assert!(out.contains("rolled back; retrying in 250.0 ms"), "{out}");
    assert!(out.contains("after lock timeouts"), "{out}");
    assert!(
        took >= Duration::from_millis(1400),
        "migrate finished in {took:?}, before the lock was released"
    );
    let worst = *worst.lock().unwrap();
    // Queries did queue behind the waiting ALTER TABLE (the test exercises
    // the wait), but never for much longer than its lock timeout.
    assert!(
        worst >= Duration::from_millis(100),
        "no query met the wait: {worst:?}"
    );
    assert!(
        worst <= LOCK_TIMEOUT + Duration::from_millis(250),
        "a query waited {worst:?}, longer than the lock timeout {LOCK_TIMEOUT:?}"
    );
    let mut c = shale_tests::connect(&url);
    let rows = c
        .query(
            "SELECT 1 FROM information_schema.columns WHERE table_name = 'items' AND column_name = 'note'",
            &[],
        )
        .unwrap();
    assert_eq!(rows.len(), 1, "the column was not added");
    let n: i64 = c
        .query_one("SELECT count(*) FROM drizzle.__drizzle_migrations", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 2, "each migration recorded once");
}

#[test]
fn retries_are_bounded_and_the_failure_says_so() {
    let url = shale_tests::fresh_database();
    let toml = "[generate]\nonline = true\nlock_timeout = \"100ms\"\n[migrate]\nlock_retries = 2\n";
    let dir = project(toml, ITEMS);
    let d = dir.path();
    ok(d, &["generate"]);
    ok(d, &["--db", &url, "migrate"]);
    std::fs::write(
        d.join("schema/schema.rs"),
        ITEMS.replace(
            "pub label: String,",
            "pub label: String,\n    pub note: Option<String>,",
        ),
    )
    .unwrap();
    ok(d, &["generate", "--name", "note"]);
    let mut holder = shale_tests::connect(&url);
    holder
        .batch_execute("BEGIN; LOCK TABLE items IN ACCESS SHARE MODE;")
        .unwrap();
    let o = shale(d, &["--db", &url, "migrate"]);
    holder.batch_execute("ROLLBACK").unwrap();
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("attempt 1 of 3") && out.contains("attempt 2 of 3"),
        "{out}"
    );
    assert!(out.contains("gave up after 3 attempts"), "{out}");
    assert!(out.contains("SQLSTATE 55P03"), "{out}");
    // Nothing of the migration stayed: it is still pending and applies now.
    ok(d, &["--db", &url, "migrate"]);
}

const MEMBERS_BEFORE: &str = r#"
use shale::Table;
#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key, identity)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "members")]
pub struct Member {
    #[column(primary_key, identity)]
    pub id: i64,
    pub org_id: Option<i64>,
    pub email: String,
    pub nickname: Option<String>,
    pub score: i32,
}
"#;

const MEMBERS_AFTER: &str = r#"
use shale::Table;
#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key, identity)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "members")]
#[index(columns(nickname))]
#[unique(columns(org_id, email))]
#[check(name = "members_score_positive", expr = "score >= 0")]
pub struct Member {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "orgs.id")]
    pub org_id: i64,
    pub email: String,
    pub nickname: Option<String>,
    pub score: i32,
    #[column(default = "gen_random_uuid()")]
    pub token: Option<uuid::Uuid>,
}
"#;

#[test]
fn an_online_migration_applies_to_a_table_with_rows() {
    let url = shale_tests::fresh_database();
    let dir = project("[generate]\nonline = true\n", MEMBERS_BEFORE);
    let d = dir.path();
    ok(d, &["generate"]);
    ok(d, &["--db", &url, "migrate"]);
    let mut c = shale_tests::connect(&url);
    c.batch_execute(
        "INSERT INTO orgs SELECT FROM generate_series(1, 10);
         INSERT INTO members (org_id, email, nickname, score)
         SELECT 1 + g % 10, 'm' || g || '@example.com', 'nick ' || (g % 100), g % 50
         FROM generate_series(1, 20000) g;",
    )
    .unwrap();
    std::fs::write(d.join("schema/schema.rs"), MEMBERS_AFTER).unwrap();
    let out = ok(d, &["generate", "--name", "tighten"]);
    assert!(out.contains("outside a transaction"), "{out}");
    assert!(
        out.contains("note rows already in \"members\" keep NULL"),
        "{out}"
    );
    let lint = ok(d, &["lint"]);
    assert!(lint.contains("0 error(s), 0 warning(s)"), "{lint}");

    // An interrupted earlier build left an INVALID index under the name the
    // migration builds: a failed unique build over duplicate values.
    let e = c
        .batch_execute("CREATE UNIQUE INDEX CONCURRENTLY members_nickname_idx ON members (org_id)")
        .unwrap_err();
    assert_eq!(e.code().map(|s| s.code()), Some("23505"), "{e}");
    let invalid: bool = c
        .query_one(
            "SELECT NOT indisvalid FROM pg_index WHERE indexrelid = 'members_nickname_idx'::regclass",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(invalid);

    let out = ok(d, &["--db", &url, "migrate"]);
    assert!(out.contains("tighten_build_index"), "{out}");
    assert!(out.contains("tighten_constraints"), "{out}");
    let verify = ok(d, &["--db", &url, "verify"]);
    assert!(!verify.to_lowercase().contains("drift"), "{verify}");

    // Every index is valid, every constraint validated, the helper is gone,
    // and the rebuilt index is the schema's (not unique, on nickname).
    let invalid: i64 = c
        .query_one(
            "SELECT count(*) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid \
             WHERE t.relname = 'members' AND NOT i.indisvalid",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(invalid, 0);
    let unvalidated: i64 = c
        .query_one(
            "SELECT count(*) FROM pg_constraint WHERE conrelid = 'members'::regclass AND NOT convalidated",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(unvalidated, 0);
    let def: String = c
        .query_one(
            "SELECT pg_get_indexdef('members_nickname_idx'::regclass)",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        def,
        "CREATE INDEX members_nickname_idx ON public.members USING btree (nickname)"
    );
    let helpers: i64 = c
        .query_one(
            "SELECT count(*) FROM pg_constraint WHERE conname LIKE '%shale_not_null'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(helpers, 0);
    let (nulls, rows): (i64, i64) = {
        let r = c
            .query_one(
                "SELECT count(*) FILTER (WHERE token IS NULL), count(*) FROM members",
                &[],
            )
            .unwrap();
        (r.get(0), r.get(1))
    };
    assert_eq!(
        (nulls, rows),
        (20000, 20000),
        "existing rows keep NULL: the backfill is the user's"
    );
    c.batch_execute("INSERT INTO members (org_id, email, score) VALUES (1, 'new@example.com', 1)")
        .unwrap();
    let fresh: bool = c
        .query_one(
            "SELECT token IS NOT NULL FROM members WHERE email = 'new@example.com'",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(fresh, "new rows get the default");
}

#[test]
fn steps_that_cannot_be_online_are_refused_with_their_recipe() {
    let dir = project("[generate]\nonline = true\n", ITEMS);
    let d = dir.path();
    ok(d, &["generate"]);
    let journal = std::fs::read_to_string(d.join("migrations/meta/_journal.json")).unwrap();
    std::fs::write(
        d.join("schema/schema.rs"),
        ITEMS.replace(
            "pub label: String,",
            "#[column(sql_type = \"varchar(20)\")]\n    pub label: String,",
        ),
    )
    .unwrap();
    let o = shale(d, &["generate"]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains(
            "changing column \"items\".\"label\" from text to varchar(20) rewrites table \"items\""
        ),
        "{out}"
    );
    assert!(
        out.contains("add a nullable column \"label_new\" of type varchar(20)"),
        "{out}"
    );
    assert!(out.contains("shale generate --no-online"), "{out}");
    assert!(out.contains("nothing was written"), "{out}");
    let after = std::fs::read_to_string(d.join("migrations/meta/_journal.json")).unwrap();
    assert_eq!(journal, after, "nothing was written");
    // The same change in plain mode, for this run only.
    let out = ok(d, &["generate", "--no-online", "--allow-data-loss"]);
    assert!(out.contains("wrote migrations/0001_migration.sql"), "{out}");
}

#[test]
fn status_and_check_flag_invalid_indexes_and_unvalidated_constraints() {
    let url = shale_tests::fresh_database();
    let dir = project("", ITEMS);
    let d = dir.path();
    ok(d, &["generate"]);
    ok(d, &["--db", &url, "migrate"]);
    ok(d, &["--db", &url, "status"]);
    let mut c = shale_tests::connect(&url);
    c.batch_execute(
        "INSERT INTO items (label) VALUES ('a'), ('a');
         ALTER TABLE items ADD CONSTRAINT items_label_short CHECK (length(label) < 10) NOT VALID;",
    )
    .unwrap();
    // A failed concurrent build leaves its index INVALID.
    assert!(c
        .batch_execute("CREATE UNIQUE INDEX CONCURRENTLY items_label_key ON items (label)")
        .is_err());
    let o = shale(d, &["--db", &url, "status"]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("index \"public\".\"items_label_key\" on \"public\".\"items\" is INVALID"),
        "{out}"
    );
    assert!(
        out.contains("REINDEX INDEX CONCURRENTLY \"public\".\"items_label_key\";"),
        "{out}"
    );
    assert!(
        out.contains(
            "repair: ALTER TABLE \"public\".\"items\" VALIDATE CONSTRAINT \"items_label_short\";"
        ),
        "{out}"
    );
    let o = shale(d, &["--db", &url, "check", "--db", &url]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("items_label_key") && out.contains("is NOT VALID"),
        "{out}"
    );
    // The repairs named work.
    c.batch_execute("DROP INDEX CONCURRENTLY \"public\".\"items_label_key\"")
        .unwrap();
    c.batch_execute("ALTER TABLE \"public\".\"items\" VALIDATE CONSTRAINT \"items_label_short\"")
        .unwrap();
    ok(d, &["--db", &url, "status"]);
}
