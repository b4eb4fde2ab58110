//! Fleets: `shale migrate/status/verify --targets` as real processes over
//! real throwaway PostgreSQL servers: three servers, 200 databases across
//! them plus one database with 100 tenant schemas, a 10-migration folder
//! rolled out 16 at a time; a target failing in migration 6; a failing
//! canary; two rollouts racing; a rollout killed with SIGKILL and one
//! stopped with SIGINT, then rerun; an unreachable target. No password in
//! any output.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use shale_tests::{output_text as text, PgServer, ServerOptions, SUPERUSER_PASSWORD};

/// Three dedicated servers shared by the tests of this file.
fn servers() -> &'static [PgServer] {
    static SERVERS: OnceLock<Vec<PgServer>> = OnceLock::new();
    SERVERS.get_or_init(|| {
        let started: Vec<_> = (0..3)
            .map(|_| std::thread::spawn(|| PgServer::start_with(ServerOptions::default())))
            .collect();
        started
            .into_iter()
            .map(|h| h.join().unwrap().unwrap_or_else(|e| panic!("{e}")))
            .collect()
    })
}

/// `n` new empty databases on `server`, named `prefix_0…`; their URLs.
fn databases(server: &PgServer, prefix: &str, n: usize) -> Vec<String> {
    let mut c = server.connect("postgres");
    (0..n)
        .map(|i| {
            let name = format!("{prefix}_{i}");
            c.batch_execute(&format!("CREATE DATABASE \"{name}\""))
                .expect("create database");
            server.url(&name)
        })
        .collect()
}

/// The migration SQL of `t{i}`: a table and one row (a second application
/// would fail on the table and show as a second row).
fn migration_sql(i: usize, slow: bool) -> String {
    let mut sql = format!(
        "CREATE TABLE \"t{i}\" (\"id\" bigint PRIMARY KEY, \"v\" text);\n--> statement-breakpoint\nINSERT INTO \"t{i}\" (\"id\") VALUES (1);\n"
    );
    if slow {
        sql.push_str("--> statement-breakpoint\nSELECT pg_sleep(0.15);\n");
    }
    sql
}

/// A project: 10 migrations creating `t0`…`t9` (each sleeping a little when
/// `slow`), the schema that describes them, and `shale.toml` with `extra`.
fn project(slow: bool, extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("migrations");
    std::fs::create_dir_all(m.join("meta")).unwrap();
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    let mut entries = Vec::new();
    let mut schema = String::from("use shale::Table;\n");
    for i in 0..10 {
        let tag = format!("{i:04}_t{i}");
        std::fs::write(m.join(format!("{tag}.sql")), migration_sql(i, slow)).unwrap();
        entries.push(serde_json::json!({
            "idx": i, "version": "7", "when": 1_700_000_000_000i64 + i as i64, "tag": tag, "breakpoints": true
        }));
        schema.push_str(&format!(
            "#[derive(Table)]\n#[table(name = \"t{i}\")]\npub struct T{i} {{\n    #[column(primary_key)]\n    pub id: i64,\n    pub v: Option<String>,\n}}\n"
        ));
    }
    let journal =
        serde_json::json!({ "version": "7", "dialect": "postgresql", "entries": entries });
    std::fs::write(
        m.join("meta/_journal.json"),
        serde_json::to_string_pretty(&journal).unwrap(),
    )
    .unwrap();
    std::fs::write(dir.path().join("schema/schema.rs"), schema).unwrap();
    std::fs::write(
        dir.path().join("shale.toml"),
        format!("schema = \"schema\"\nmigrations = \"migrations\"\n{extra}"),
    )
    .unwrap();
    dir
}

/// Writes `fleet.txt` (one `URL [SCHEMA]` a line) into the project.
fn targets_file(dir: &Path, lines: &[String]) {
    let mut text = String::from("# the fleet\n\n");
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    std::fs::write(dir.join("fleet.txt"), text).unwrap();
}

fn shale(dir: &Path, args: &[&str]) -> Command {
    let mut c = shale_tests::shale_command!(dir);
    c.args(args);
    c
}

fn run(dir: &Path, args: &[&str]) -> (Output, String) {
    let o = shale(dir, args).output().expect("run shale");
    let t = text(&o);
    assert!(
        !t.contains(SUPERUSER_PASSWORD),
        "a password was printed by shale {args:?}:\n{t}"
    );
    (o, t)
}

/// The tracking rows of a database (or a tenant schema in it); 0 without a table.
fn rows(url: &str, schema: &str) -> i64 {
    let mut c = shale_tests::connect(url);
    let table = format!("\"{schema}\".__drizzle_migrations");
    let exists: bool = c
        .query_one("SELECT to_regclass($1::text) IS NOT NULL", &[&table])
        .unwrap()
        .get(0);
    if !exists {
        return 0;
    }
    c.query_one(&format!("SELECT count(*) FROM {table}"), &[])
        .unwrap()
        .get(0)
}

/// Every `t{i}` table of a database (or schema) holds exactly one row.
fn assert_applied_once(url: &str, schema: &str, n: usize) {
    let mut c = shale_tests::connect(url);
    for i in 0..n {
        let count: i64 = c
            .query_one(&format!("SELECT count(*) FROM \"{schema}\".\"t{i}\""), &[])
            .unwrap_or_else(|e| panic!("{url} {schema}.t{i}: {e}"))
            .get(0);
        assert_eq!(count, 1, "{schema}.t{i} holds {count} rows: applied twice");
    }
}

#[test]
fn a_fleet_of_300_targets_rolls_out_verifies_and_isolates_one_failure() {
    let started = Instant::now();
    let servers = servers();
    // 200 databases across the three servers, created one thread per server.
    let urls: Vec<Vec<String>> = std::thread::scope(|s| {
        let handles: Vec<_> = servers
            .iter()
            .enumerate()
            .map(|(k, server)| {
                s.spawn(move || databases(server, &format!("big{k}"), [67, 67, 66][k]))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let urls: Vec<String> = urls.into_iter().flatten().collect();
    assert_eq!(urls.len(), 200);
    // One database with 100 tenant schemas.
    let tenants_url = databases(&servers[0], "tenants", 1).remove(0);
    let tenants: Vec<String> = (0..100).map(|i| format!("tenant_{i:03}")).collect();
    // One database made to fail in migration 6 (0005_t5): its table exists.
    let broken = &urls[137];
    shale_tests::connect(broken)
        .batch_execute("CREATE TABLE \"t5\" (id int)")
        .unwrap();
    let mut lines: Vec<String> = urls.clone();
    lines.extend(tenants.iter().map(|t| format!("{tenants_url} {t}")));
    let dir = project(false, "targets_file = \"fleet.txt\"\n");
    targets_file(dir.path(), &lines);
    eprintln!("fleet set up in {:?}", started.elapsed());

    let rollout = Instant::now();
    let (o, t) = run(
        dir.path(),
        &["migrate", "--targets", "all", "--parallel", "16"],
    );
    eprintln!("rollout of 300 targets in {:?}", rollout.elapsed());
    assert_eq!(o.status.code(), Some(1), "one target failed: exit 1\n{t}");
    let broken_name = {
        let port = servers[2].port;
        let db = broken
            .rsplit('/')
            .next()
            .unwrap()
            .split('?')
            .next()
            .unwrap();
        format!("127.0.0.1:{port}/{db}")
    };
    let failed: Vec<&str> = t.lines().filter(|l| l.contains("FAILED")).collect();
    assert_eq!(failed.len(), 1, "{t}");
    assert!(
        failed[0].contains(&broken_name)
            && failed[0].contains("5 applied, failed in 0005_t5, at 0004_t4"),
        "{t}"
    );
    assert!(t.contains("already exists"), "the error is shown: {t}");
    assert!(t.contains("  299 at 0009_t9 (latest)"), "{t}");
    assert!(
        t.contains(&format!("    1 at 0004_t4: {broken_name}")),
        "{t}"
    );
    assert!(t.contains(&format!("    1 failed: {broken_name}")), "{t}");
    assert!(
        t.contains("#tenant_042"),
        "tenant targets are named by schema: {t}"
    );
    for u in &urls {
        let expected = if u == broken { 5 } else { 10 };
        assert_eq!(rows(u, "drizzle"), expected, "{}", shale_db::redact(u));
    }
    for s in &tenants {
        assert_eq!(rows(&tenants_url, s), 10, "{s}");
        assert_applied_once(&tenants_url, s, 10);
    }
    // The tenants' tables are in their schemas, none in public.
    let mut c = shale_tests::connect(&tenants_url);
    let in_public: i64 = c
        .query_one(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(in_public, 0);

    // status: a matrix, JSON for dashboards.
    let (o, t) = run(
        dir.path(),
        &[
            "status",
            "--targets",
            "all",
            "--parallel",
            "16",
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{t}");
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["up_to_date"], 299, "{t}");
    assert_eq!(doc["migrations"].as_array().unwrap().len(), 10);
    let row = doc["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == broken_name.as_str())
        .unwrap();
    assert_eq!(row["migrations"]["0004_t4"], "applied", "{row}");
    assert_eq!(row["migrations"]["0005_t5"], "pending", "{row}");
    let (_, t) = run(
        dir.path(),
        &["status", "--targets", "all", "--parallel", "16"],
    );
    assert!(
        t.lines().any(|l| l.starts_with(&format!("{broken_name} "))
            && l.ends_with("  #####.....  5/10 applied")),
        "{t}"
    );
    assert!(t.contains("299 of 300 target(s) up to date"), "{t}");

    // verify: 299 in sync, the broken one in a drift group of its own.
    let verify = Instant::now();
    let (o, t) = run(
        dir.path(),
        &[
            "verify",
            "--targets",
            "all",
            "--parallel",
            "16",
            "--format",
            "json",
        ],
    );
    eprintln!("verify of 300 targets in {:?}", verify.elapsed());
    assert_eq!(o.status.code(), Some(1), "{t}");
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["in_sync_targets"], 299, "{t}");
    let groups = doc["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "{t}");
    assert_eq!(groups[0]["kind"], "drift");
    assert_eq!(groups[0]["targets"], serde_json::json!([broken_name]));

    // The rerun after fixing the broken target completes it, and only it.
    shale_tests::connect(broken)
        .batch_execute("DROP TABLE \"t5\"")
        .unwrap();
    let (o, t) = run(
        dir.path(),
        &[
            "migrate",
            "--targets",
            "all",
            "--parallel",
            "16",
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{t}");
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let applied: usize = doc["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["applied"].as_array().unwrap().len())
        .sum();
    assert_eq!(applied, 5, "only the broken target's five migrations: {t}");
    assert_eq!(doc["summary"]["at"]["0009_t9"], 300);
    let (o, t) = run(
        dir.path(),
        &["verify", "--targets", "all", "--parallel", "16"],
    );
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert!(
        t.contains("in sync: 300 of 300 target(s) match the schema"),
        "{t}"
    );
    eprintln!("whole fleet test in {:?}", started.elapsed());
}

#[test]
fn a_failing_canary_stops_the_rollout() {
    let urls = databases(&servers()[1], "canary", 6);
    shale_tests::connect(&urls[1])
        .batch_execute("CREATE TABLE \"t5\" (id int)")
        .unwrap();
    let dir = project(false, "targets_file = \"fleet.txt\"\n");
    targets_file(dir.path(), &urls);
    // A dry run plans every target and changes none.
    let (o, t) = run(dir.path(), &["migrate", "--targets", "all", "--dry-run"]);
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert_eq!(t.matches("would apply 0000_t0, 0001_t1").count(), 6, "{t}");
    for u in &urls {
        assert_eq!(rows(u, "drizzle"), 0, "a dry run changes nothing");
    }
    let (o, t) = run(
        dir.path(),
        &[
            "migrate",
            "--targets",
            "all",
            "--canary",
            "2",
            "--parallel",
            "4",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(
        t.contains("a canary target failed; the rollout stops before the other 4 target(s)"),
        "{t}"
    );
    assert!(t.contains("    4 not started: "), "{t}");
    assert_eq!(rows(&urls[0], "drizzle"), 10);
    assert_eq!(rows(&urls[1], "drizzle"), 5);
    for u in &urls[2..] {
        assert_eq!(rows(u, "drizzle"), 0, "not started means untouched");
    }
    // A canary that passes lets the rollout go on.
    shale_tests::connect(&urls[1])
        .batch_execute("DROP TABLE \"t5\"")
        .unwrap();
    let (o, t) = run(
        dir.path(),
        &[
            "migrate",
            "--targets",
            "all",
            "--canary",
            "2",
            "--parallel",
            "4",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{t}");
    for u in &urls {
        assert_eq!(rows(u, "drizzle"), 10);
    }
}

#[test]
fn stop_on_first_failure_starts_no_new_target() {
    let urls = databases(&servers()[1], "stopfirst", 5);
    shale_tests::connect(&urls[0])
        .batch_execute("CREATE TABLE \"t0\" (id int)")
        .unwrap();
    let dir = project(false, "targets_file = \"fleet.txt\"\n");
    targets_file(dir.path(), &urls);
    let (o, t) = run(
        dir.path(),
        &[
            "migrate",
            "--targets",
            "all",
            "--parallel",
            "1",
            "--stop-on-first-failure",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(t.contains("    4 not started: "), "{t}");
    for u in &urls {
        assert_eq!(rows(u, "drizzle"), 0);
    }
}

#[test]
fn two_rollouts_at_once_apply_every_migration_exactly_once() {
    let servers = servers();
    let mut urls = databases(&servers[0], "race", 10);
    urls.extend(databases(&servers[2], "race", 10));
    let dir = project(false, "targets_file = \"fleet.txt\"\n");
    targets_file(dir.path(), &urls);
    let children: Vec<_> = (0..2)
        .map(|_| {
            shale(
                dir.path(),
                &[
                    "migrate",
                    "--targets",
                    "all",
                    "--parallel",
                    "8",
                    "--format",
                    "json",
                ],
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
        })
        .collect();
    let mut applied = 0;
    for child in children {
        let o = child.wait_with_output().unwrap();
        let t = text(&o);
        assert_eq!(o.status.code(), Some(0), "{t}");
        assert!(!t.contains(SUPERUSER_PASSWORD), "{t}");
        let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        for r in doc["targets"].as_array().unwrap() {
            applied += r["applied"].as_array().unwrap().len();
        }
    }
    assert_eq!(applied, 200, "each of 10 migrations on 20 targets, once");
    for u in &urls {
        assert_eq!(rows(u, "drizzle"), 10);
        assert_applied_once(u, "public", 10);
    }
}

#[test]
fn a_rollout_killed_midway_resumes_and_one_interrupted_stops_cleanly() {
    let urls = databases(&servers()[0], "killed", 12);
    let dir = project(true, "targets_file = \"fleet.txt\"\n");
    targets_file(dir.path(), &urls);
    // SIGKILL: in-flight transactions are rolled back by the servers.
    let mut child = shale(
        dir.path(),
        &["migrate", "--targets", "all", "--parallel", "3"],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    std::thread::sleep(Duration::from_millis(2500));
    child.kill().unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.code().is_none(), "killed: {}", text(&o));
    let before: Vec<i64> = urls.iter().map(|u| rows(u, "drizzle")).collect();
    assert!(
        before.iter().sum::<i64>() > 0,
        "the rollout had started: {before:?}"
    );
    assert!(
        before.iter().any(|&n| n < 10),
        "and was killed midway: {before:?}"
    );
    let (o, t) = run(
        dir.path(),
        &["migrate", "--targets", "all", "--parallel", "6"],
    );
    assert_eq!(o.status.code(), Some(0), "{t}");
    for u in &urls {
        assert_eq!(rows(u, "drizzle"), 10);
        assert_applied_once(u, "public", 10);
    }

    // SIGINT: migrations in flight finish, nothing new starts, exit 1; a rerun resumes.
    let urls = databases(&servers()[1], "sigint", 12);
    targets_file(dir.path(), &urls);
    let child = shale(
        dir.path(),
        &["migrate", "--targets", "all", "--parallel", "3"],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    std::thread::sleep(Duration::from_millis(2000));
    // SAFETY: sending a signal to our own child process.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGINT);
    }
    let signalled = Instant::now();
    let o = child.wait_with_output().unwrap();
    let t = text(&o);
    assert!(
        signalled.elapsed() < Duration::from_secs(5),
        "stopped within a migration's time: {t}"
    );
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(
        t.contains("interrupted: no new target or migration was started"),
        "{t}"
    );
    assert!(t.contains("not started"), "{t}");
    let after: Vec<i64> = urls.iter().map(|u| rows(u, "drizzle")).collect();
    assert!(after.iter().any(|&n| n < 10), "{after:?}\n{t}");
    for (u, &n) in urls.iter().zip(&after) {
        // Whatever was applied is whole: one row per migration recorded.
        assert_applied_once(u, "public", n as usize);
    }
    let (o, t) = run(
        dir.path(),
        &["migrate", "--targets", "all", "--parallel", "6"],
    );
    assert_eq!(o.status.code(), Some(0), "{t}");
    for u in &urls {
        assert_eq!(rows(u, "drizzle"), 10);
        assert_applied_once(u, "public", 10);
    }
}

#[test]
fn unreachable_targets_are_reported_within_the_connect_timeout() {
    let good = databases(&servers()[2], "reach", 1).remove(0);
    // A peer that accepts connections and never answers.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_port = silent.local_addr().unwrap().port();
    // A port nothing listens on.
    let closed_port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let dir = project(
        false,
        &format!(
            "[targets.good]\nurl_env = \"FLEET_GOOD_URL\"\n\
             [targets.silent]\nurl = \"postgres://app:{SUPERUSER_PASSWORD}@127.0.0.1:{silent_port}/app\"\n\
             [targets.closed]\nurl = \"postgres://app:{SUPERUSER_PASSWORD}@127.0.0.1:{closed_port}/app\"\n\
             [groups]\nprod = [\"good\", \"silent\", \"closed\"]\n"
        ),
    );
    let started = Instant::now();
    let o = shale(
        dir.path(),
        &[
            "migrate",
            "--targets",
            "prod",
            "--connect-timeout",
            "2",
            "--parallel",
            "3",
        ],
    )
    .env("FLEET_GOOD_URL", &good)
    .output()
    .unwrap();
    let t = text(&o);
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "never hangs: {t}"
    );
    assert!(!t.contains(SUPERUSER_PASSWORD), "{t}");
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(t.contains("UNREACHABLE silent: timed out after 2s"), "{t}");
    assert!(
        t.contains("UNREACHABLE closed: cannot reach PostgreSQL"),
        "{t}"
    );
    assert!(t.contains("    2 unreachable: silent, closed"), "{t}");
    assert_eq!(rows(&good, "drizzle"), 10);
    // status counts them too.
    let o = shale(
        dir.path(),
        &["status", "--targets", "prod", "--connect-timeout", "2"],
    )
    .env("FLEET_GOOD_URL", &good)
    .output()
    .unwrap();
    let t = text(&o);
    assert!(!t.contains(SUPERUSER_PASSWORD), "{t}");
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(
        t.contains("1 of 3 target(s) up to date, 2 unreachable"),
        "{t}"
    );
    drop(silent);

    // Configuration mistakes: clear errors, exit 2, no value shown.
    let (o, t) = run(dir.path(), &["migrate", "--targets", "staging"]);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(t.contains("unknown target or group `staging`"), "{t}");
    assert!(
        t.contains("closed, good, silent") && t.contains("[prod]"),
        "{t}"
    );
    let (o, t) = run(dir.path(), &["migrate", "--targets", "good"]);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(t.contains("$FLEET_GOOD_URL is not set"), "{t}");
    let (o, t) = run(dir.path(), &["migrate", "--targets", "good", "--db", &good]);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(t.contains("--db and --targets cannot be combined"), "{t}");
}

#[test]
fn check_targets_runs_the_db_gate_on_every_target_and_groups_the_findings() {
    let server = &servers()[0];
    let urls = databases(server, "gate", 5);
    let tenants_url = databases(server, "gate_tenants", 1).remove(0);
    let name = |url: &str| {
        let db = url.rsplit('/').next().unwrap().split('?').next().unwrap();
        format!("127.0.0.1:{}/{db}", server.port)
    };
    // A project shale generated (snapshots, integrity record, down files),
    // so the folder's own gates pass: three migrations of a table each.
    let dir = tempfile::tempdir().unwrap();
    let generate = |extra: &str| {
        let _ = std::fs::remove_dir_all(dir.path().join("migrations"));
        let _ = std::fs::remove_dir_all(dir.path().join("snapshots"));
        std::fs::create_dir_all(dir.path().join("schema")).unwrap();
        std::fs::write(
            dir.path().join("shale.toml"),
            format!("schema = \"schema\"\nmigrations = \"migrations\"\ntargets_file = \"fleet.txt\"\n{extra}"),
        )
        .unwrap();
        let mut schema = String::from("use shale::Table;\n");
        for i in 0..3 {
            schema.push_str(&format!(
                "#[derive(Table)]\n#[table(name = \"t{i}\")]\npub struct T{i} {{\n    #[column(primary_key)]\n    pub id: i64,\n    pub v: Option<String>,\n}}\n"
            ));
            std::fs::write(dir.path().join("schema/schema.rs"), &schema).unwrap();
            let (o, t) = run(dir.path(), &["generate", "--name", &format!("t{i}")]);
            assert_eq!(o.status.code(), Some(0), "{t}");
        }
    };
    generate("");
    let mut lines = urls.clone();
    lines.push(format!("{tenants_url} tenant_a"));
    lines.push(format!("{tenants_url} tenant_b"));
    targets_file(dir.path(), &lines);
    // generate qualifies names with `public`; for the tenant schemas, which
    // run with search_path set to the tenant, that would put every tenant's
    // tables in `public`: refused before anything is applied.
    let (o, t) = run(dir.path(), &["migrate", "--targets", "all"]);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(
        t.contains("2 of the targets are tenant schemas")
            && t.contains("0000_t0.sql:1")
            && t.contains("nothing was applied"),
        "{t}"
    );
    assert_eq!(rows(&urls[0], "drizzle"), 0);
    let (o, t) = run(dir.path(), &["check", "--targets", "all"]);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(t.contains("error[tenant-schema]"), "{t}");
    // Generated again for a schema-per-tenant fleet (nothing was applied):
    // names of public written bare.
    assert!(t.contains("qualify_public = false"), "{t}");
    generate("[generate]\nqualify_public = false\n");
    let sql = std::fs::read_to_string(dir.path().join("migrations/0000_t0.sql")).unwrap();
    assert!(
        sql.starts_with("CREATE TABLE \"t0\" (") && !sql.contains("public"),
        "{sql}"
    );
    let (o, t) = run(dir.path(), &["migrate", "--targets", "all"]);
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert_eq!(rows(&tenants_url, "tenant_b"), 3);
    let in_public: i64 = shale_tests::connect(&tenants_url)
        .query_one(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(in_public, 0, "every tenant's tables are in its own schema");

    // All seven at the latest migration and in sync: one line says so.
    let (o, t) = run(dir.path(), &["check", "--targets", "all"]);
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert!(
        t.contains("ok each of 7 targets (") && t.contains(") has every migration applied (3)"),
        "{t}"
    );
    assert!(t.contains(") matches the schema"), "{t}");

    // Now: one database drifts, two have their last migration pending (and
    // so miss its table), a tenant schema drifts, one target is unreachable.
    shale_tests::connect(&urls[1])
        .batch_execute("ALTER TABLE t1 ADD COLUMN extra integer")
        .unwrap();
    for u in &urls[2..4] {
        shale_tests::connect(u)
            .batch_execute(
                "DROP TABLE t2; DELETE FROM drizzle.__drizzle_migrations \
                 WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations)",
            )
            .unwrap();
    }
    shale_tests::connect(&tenants_url)
        .batch_execute("ALTER TABLE tenant_b.t0 DROP COLUMN v")
        .unwrap();
    let closed_port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    lines.push(format!(
        "postgres://app:{SUPERUSER_PASSWORD}@127.0.0.1:{closed_port}/app"
    ));
    targets_file(dir.path(), &lines);
    let (o, t) = run(
        dir.path(),
        &["check", "--targets", "all", "--connect-timeout", "2"],
    );
    assert_eq!(o.status.code(), Some(1), "{t}");
    let (fine_a, fine_b) = (name(&urls[0]), name(&urls[4]));
    assert!(
        t.lines().any(|l| l.contains("each of 3 targets (")
            && l.contains(&fine_a)
            && l.contains(&fine_b)
            && l.contains("#tenant_a")
            && l.ends_with(") matches the schema")),
        "the three in sync are named together: {t}"
    );
    let (late_a, late_b) = (name(&urls[2]), name(&urls[3]));
    assert!(
        t.lines().any(|l| l.contains("migration 0002_t2 is not applied to each of 2 targets (")
            && l.contains(&late_a)
            && l.contains(&late_b)),
        "{t}"
    );
    assert!(
        t.lines().any(|l| l.contains(&format!("{} differs from the schema", name(&urls[1])))),
        "{t}"
    );
    assert!(t.contains("#tenant_b differs from the schema"), "{t}");
    assert!(
        t.contains(&format!("127.0.0.1:{closed_port}/app could not be reached")),
        "{t}"
    );
    assert!(t.contains("check failed: 5 problems"), "{t}");

    // The same as JSON, one finding per group.
    let (o, t) = run(
        dir.path(),
        &[
            "check",
            "--targets",
            "all",
            "--connect-timeout",
            "2",
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{t}");
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut codes: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("{doc}"))
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    codes.sort();
    assert_eq!(
        codes,
        ["drift", "drift", "drift", "pending", "unreachable"],
        "{t}"
    );

    // --db is one database, --targets the fleet: not both.
    let (o, t) = run(dir.path(), &["check", "--targets", "all", "--db", &urls[0]]);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(t.contains("--db and --targets cannot be combined"), "{t}");
}
