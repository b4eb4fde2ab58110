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

/// The tag of the migration `generate --online` wrote to build an index.
fn build_index_tag(dir: &Path) -> String {
    let mut tags: Vec<String> = std::fs::read_dir(dir.join("migrations"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix("_build_index.sql")
                .map(|t| format!("{t}_build_index"))
        })
        .collect();
    tags.sort();
    assert_eq!(tags.len(), 1, "{tags:?}");
    tags.remove(0)
}

/// Polls `query` (one text column) until it returns `want`, for at most 30 s.
fn wait_for(c: &mut postgres::Client, query: &str, want: &str) {
    let start = Instant::now();
    loop {
        let got: Option<String> = c.query_opt(query, &[]).unwrap().map(|r| r.get(0));
        if got.as_deref() == Some(want) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "waited 30 s for {query} to return {want:?}, last {got:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `items` with 2000 rows and a migration (online) that indexes `label`.
/// The lock timeout is long: a build waiting for an old snapshot waits on a
/// lock, and must outlast the test's waits rather than time out.
fn items_with_label_index(url: &str) -> (tempfile::TempDir, String) {
    items_with_label_index_and("[generate]\nonline = true\nlock_timeout = \"60s\"\n", url)
}

fn items_with_label_index_and(toml: &str, url: &str) -> (tempfile::TempDir, String) {
    let dir = project(toml, ITEMS);
    let d = dir.path();
    ok(d, &["generate"]);
    ok(d, &["--db", url, "migrate"]);
    shale_tests::connect(url)
        .batch_execute(
            "INSERT INTO items (label) SELECT 'item ' || g FROM generate_series(1, 2000) g",
        )
        .unwrap();
    std::fs::write(
        d.join("schema/schema.rs"),
        ITEMS.replace(
            "#[table(name = \"items\")]",
            "#[table(name = \"items\")]\n#[index(columns(label))]",
        ),
    )
    .unwrap();
    ok(d, &["generate", "--name", "label"]);
    let tag = build_index_tag(d);
    (dir, tag)
}

/// A session holding a snapshot older than any index build started after
/// it: `CREATE INDEX CONCURRENTLY` then waits for it in its last phase,
/// "waiting for old snapshots", with the index still INVALID.
fn old_snapshot(url: &str) -> postgres::Client {
    let mut holder = shale_tests::connect(url);
    holder
        .batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT 1;")
        .unwrap();
    holder
}

const BUILD_PHASE: &str =
    "SELECT phase FROM pg_stat_progress_create_index WHERE relid = 'items'::regclass";

#[test]
fn a_killed_index_build_is_reported_then_resumed_once() {
    let url = shale_tests::fresh_database();
    let (dir, tag) = items_with_label_index(&url);
    let d = dir.path();
    let mut holder = old_snapshot(&url);
    let mut child = shale_tests::shale_command!(d)
        .args(["--db", &url, "migrate"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut c = shale_tests::connect(&url);
    wait_for(&mut c, BUILD_PHASE, "waiting for old snapshots");
    let builder: i32 = c
        .query_one(
            "SELECT pid FROM pg_stat_progress_create_index WHERE relid = 'items'::regclass",
            &[],
        )
        .unwrap()
        .get(0);
    // SAFETY: plain kill(2) on our own child process.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGKILL);
    }
    let _ = child.wait();
    // The server notices the runner is gone (client_connection_check_interval,
    // within a second; the lock timeout is a minute) and stops the build,
    // leaving the index INVALID.
    wait_for(
        &mut c,
        &format!("SELECT (count(*) = 0)::text FROM pg_stat_activity WHERE pid = {builder}"),
        "true",
    );
    let valid: bool = c
        .query_one(
            "SELECT indisvalid FROM pg_index WHERE indexrelid = 'items_label_idx'::regclass",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(!valid, "the interrupted build left a valid index");

    // In between, status and check name the interrupted migration, the
    // INVALID index, and what repairs both.
    let o = shale(d, &["--db", &url, "status"]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains(&format!(
            "in progress {tag}  interrupted after 1 of 2 SQL statement(s) (its runner is gone); \
             `shale migrate` resumes it at statement 2 (`CREATE INDEX CONCURRENTLY \"items_label_idx\""
        )),
        "{out}"
    );
    assert!(
        out.contains("index \"public\".\"items_label_idx\" on \"public\".\"items\" is INVALID")
            && out.contains(&format!(
            "repair: run `shale migrate`: it resumes the interrupted migration {tag}, which drops this index and builds it again"
        )),
        "{out}"
    );
    let o = shale(d, &["--db", &url, "--format", "json", "status"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let p = &doc["in_progress"][0];
    assert_eq!(
        (
            &p["tag"],
            &p["running"],
            &p["statements_done"],
            &p["resumable"]
        ),
        (
            &serde_json::json!(tag),
            &serde_json::json!(false),
            &serde_json::json!(1),
            &serde_json::json!(true)
        ),
        "{doc}"
    );
    assert!(
        p["advice"]
            .as_str()
            .unwrap()
            .contains("`shale migrate` resumes it"),
        "{doc}"
    );
    assert_eq!(doc["leftovers"][0]["kind"], "invalid_index", "{doc}");
    let o = shale(d, &["--db", &url, "check", "--db", &url]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains(&format!("migration {tag} is half-applied in"))
            && out.contains("`shale migrate` resumes it")
            && out.contains("items_label_idx\" on \"public\".\"items\" is INVALID"),
        "{out}"
    );

    holder.batch_execute("COMMIT").unwrap();
    let out = ok(d, &["--db", &url, "migrate"]);
    assert!(
        out.contains(&format!(
            "resuming {tag}: its earlier run was interrupted after 1 of 2 SQL statement(s); statement 2 \
             (`CREATE INDEX CONCURRENTLY \"items_label_idx\" ON \"public\".\"items\" USING btree (\"label\");`): \
             dropped the INVALID index \"public\".\"items_label_idx\" the interrupted build left and built it again"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("applied {tag}"))
            && out.contains(
                "resumed after the 1 of 2 SQL statement(s) its interrupted run had applied"
            ),
        "{out}"
    );
    let valid: bool = c
        .query_one(
            "SELECT indisvalid FROM pg_index WHERE indexrelid = 'items_label_idx'::regclass",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(valid, "the index was not rebuilt");
    let (rows, distinct): (i64, i64) = {
        let r = c
            .query_one(
                "SELECT count(*), count(DISTINCT created_at) FROM drizzle.__drizzle_migrations \
                 WHERE hash NOT LIKE 'shale:in-progress:%'",
                &[],
            )
            .unwrap();
        (r.get(0), r.get(1))
    };
    let journal: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(d.join("migrations/meta/_journal.json")).unwrap(),
    )
    .unwrap();
    let entries = journal["entries"].as_array().unwrap().len() as i64;
    assert_eq!(
        (rows, distinct),
        (entries, entries),
        "each migration recorded exactly once"
    );
    let all: i64 = c
        .query_one("SELECT count(*) FROM drizzle.__drizzle_migrations", &[])
        .unwrap()
        .get(0);
    assert_eq!(all, entries, "a claim row was left behind");
    ok(d, &["--db", &url, "status"]);
    let verify = ok(d, &["--db", &url, "verify"]);
    assert!(!verify.to_lowercase().contains("drift"), "{verify}");
}

/// Runs `shale migrate` (with `args`) while an old snapshot holds its index
/// build in "waiting for old snapshots" for `hold` after the build got there.
fn migrate_held(d: &Path, url: &str, args: &[&str], hold: Duration) -> Output {
    let holder = old_snapshot(url);
    let releaser = {
        let url = url.to_string();
        std::thread::spawn(move || {
            let mut holder = holder;
            let mut c = shale_tests::connect(&url);
            wait_for(&mut c, BUILD_PHASE, "waiting for old snapshots");
            std::thread::sleep(hold);
            holder.batch_execute("COMMIT").unwrap();
        })
    };
    let o = shale_tests::shale_command!(d)
        .args(["--db", url])
        .args(args)
        .arg("migrate")
        .output()
        .unwrap();
    releaser.join().unwrap();
    o
}

#[test]
fn a_long_index_build_shows_its_elapsed_time_and_phase() {
    let url = shale_tests::fresh_database();
    let (dir, tag) = items_with_label_index(&url);
    let o = migrate_held(dir.path(), &url, &[], Duration::from_millis(3500));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    );
    assert_eq!(o.status.code(), Some(0), "{stdout}{stderr}");
    // On stderr, read on a second connection while the build waits.
    let line = stderr
        .lines()
        .find(|l| {
            l.starts_with(&format!(
                "running {tag}: statement 2 of 2 (`CREATE INDEX CONCURRENTLY \"items_label_idx\""
            ))
        })
        .unwrap_or_else(|| panic!("no progress line on stderr:\n{stderr}"));
    assert!(line.contains("`) for 2."), "{line}");
    assert!(
        line.ends_with(": waiting for old snapshots, transactions waited for 0 of 1"),
        "{line}"
    );
    assert!(
        !stdout.contains("running "),
        "progress went to stdout: {stdout}"
    );
    assert!(stdout.contains(&format!("applied {tag}")), "{stdout}");

    // Not with --quiet, nor in JSON.
    for flags in [&["--quiet"][..], &["--format", "json"][..]] {
        let url = shale_tests::fresh_database();
        let (dir, _) = items_with_label_index(&url);
        let o = migrate_held(dir.path(), &url, flags, Duration::from_millis(2500));
        assert_eq!(o.status.code(), Some(0), "{flags:?}: {}", text(&o));
        assert!(!text(&o).contains("running "), "{flags:?}: {}", text(&o));
    }
}

#[test]
fn a_build_timed_out_by_an_old_snapshot_is_rebuilt_when_retried() {
    // A build waiting for an old snapshot waits on a lock: with a short lock
    // timeout it fails, leaving its index INVALID; the retry must drop that
    // index and build it again, not fail on it.
    let url = shale_tests::fresh_database();
    let (dir, tag) = items_with_label_index_and(
        "[generate]\nonline = true\nlock_timeout = \"300ms\"\n",
        &url,
    );
    let holder = old_snapshot(&url);
    let releaser = {
        let url = url.clone();
        std::thread::spawn(move || {
            let mut holder = holder;
            let mut c = shale_tests::connect(&url);
            wait_for(&mut c, BUILD_PHASE, "waiting for old snapshots");
            std::thread::sleep(Duration::from_millis(1000));
            holder.batch_execute("COMMIT").unwrap();
        })
    };
    let o = shale(dir.path(), &["--db", &url, "migrate"]);
    releaser.join().unwrap();
    let out = text(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains(&format!(
            "{tag} attempt 1 of 6 timed out waiting for a lock at statement 2 (`CREATE INDEX CONCURRENTLY"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "resuming {tag}: statement 2 (`CREATE INDEX CONCURRENTLY \"items_label_idx\" ON \"public\".\"items\" USING btree (\"label\");`) \
             timed out waiting for a lock; dropped the INVALID index \"public\".\"items_label_idx\" the interrupted build left and built it again"
        )),
        "{out}"
    );
    assert!(out.contains("after lock timeouts"), "{out}");
    let mut c = shale_tests::connect(&url);
    let valid: bool = c
        .query_one(
            "SELECT indisvalid FROM pg_index WHERE indexrelid = 'items_label_idx'::regclass",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(valid, "{out}");
    ok(dir.path(), &["--db", &url, "status"]);
}
