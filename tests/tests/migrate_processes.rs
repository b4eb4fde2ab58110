//! `shale migrate` as real processes against a real PostgreSQL: several
//! deployers racing, and a deployer killed (SIGKILL) in the middle of a long
//! migration. Each migration must be applied exactly once, and the password in
//! the URL must never be printed.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use shale_tests::output_text as text;

fn shale(dir: &Path, url: &str, args: &[&str]) -> Command {
    let mut c = shale_tests::shale_command!(dir);
    c.args(args).arg("--db").arg(url);
    c
}

/// A project folder with `n` small migrations, written the way `generate`
/// writes them (journal + files).
fn project(n: usize, extra: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("migrations");
    std::fs::create_dir_all(m.join("meta")).unwrap();
    let mut entries = Vec::new();
    let mut files: Vec<(String, String)> = (0..n)
        .map(|i| {
            (
                format!("{i:04}_t{i}"),
                format!(
                    "CREATE TABLE \"t{i}\" (id int PRIMARY KEY);\n--> statement-breakpoint\nINSERT INTO \"t{i}\" VALUES (1);\n"
                ),
            )
        })
        .collect();
    for (name, sql) in extra {
        files.push((format!("{:04}_{name}", files.len()), sql.to_string()));
    }
    for (i, (tag, sql)) in files.iter().enumerate() {
        std::fs::write(m.join(format!("{tag}.sql")), sql).unwrap();
        entries.push(serde_json::json!({
            "idx": i, "version": "7", "when": 1_700_000_000_000i64 + i as i64, "tag": tag, "breakpoints": true
        }));
    }
    let journal =
        serde_json::json!({ "version": "7", "dialect": "postgresql", "entries": entries });
    std::fs::write(
        m.join("meta/_journal.json"),
        serde_json::to_string_pretty(&journal).unwrap(),
    )
    .unwrap();
    dir
}

fn tracking_rows(url: &str) -> i64 {
    let mut c = shale_tests::connect(url);
    c.query_one("SELECT count(*) FROM drizzle.__drizzle_migrations", &[])
        .unwrap()
        .get(0)
}

#[test]
fn eight_racing_deployers_apply_each_migration_exactly_once() {
    let dir = project(6, &[]);
    for round in 0..20 {
        let url = shale_tests::fresh_database();
        let children: Vec<_> = (0..8)
            .map(|_| {
                shale(dir.path(), &url, &["migrate"])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn shale migrate")
            })
            .collect();
        let mut applied_total = 0;
        for child in children {
            let o = child.wait_with_output().unwrap();
            let t = text(&o);
            assert_eq!(
                o.status.code(),
                Some(0),
                "round {round}: a racing deployer failed: {t}"
            );
            assert!(
                !t.contains(shale_tests::SUPERUSER_PASSWORD),
                "the password was printed: {t}"
            );
            applied_total += t.lines().filter(|l| l.starts_with("applied ")).count();
        }
        assert_eq!(
            tracking_rows(&url),
            6,
            "round {round}: tracking rows != journal entries"
        );
        assert_eq!(
            applied_total, 6,
            "round {round}: migrations applied {applied_total} times in total"
        );
        let mut c = shale_tests::connect(&url);
        for i in 0..6 {
            let n: i64 = c
                .query_one(&format!("SELECT count(*) FROM \"t{i}\""), &[])
                .unwrap()
                .get(0);
            assert_eq!(
                n, 1,
                "round {round}: t{i} has {n} rows: a migration ran twice"
            );
        }
    }
}

#[test]
fn a_deployer_killed_mid_migration_leaves_nothing_and_a_rerun_completes() {
    let dir = project(
        2,
        &[(
            "slow",
            "CREATE TABLE \"slow\" (id int);\n--> statement-breakpoint\nINSERT INTO \"slow\" VALUES (1);\n--> statement-breakpoint\nSELECT pg_sleep(3);\n",
        )],
    );
    let url = shale_tests::fresh_database();
    let mut child = shale(dir.path(), &url, &["migrate"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the slow migration is running, then kill the deployer.
    let mut watcher = shale_tests::connect(&url);
    let start = Instant::now();
    loop {
        let n: i64 = watcher
            .query_one("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(3)%' AND pid <> pg_backend_pid()", &[])
            .unwrap()
            .get(0);
        if n > 0 {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the slow migration never started"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // SAFETY: plain kill(2) on our own child process.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGKILL);
    }
    let _ = child.wait();
    // The killed migration left no trace (its transaction is rolled back once
    // PostgreSQL notices the client is gone); the two before it stay.
    let o = shale(dir.path(), &url, &["migrate"]).output().unwrap();
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "rerun failed: {t}");
    assert!(
        t.contains("applied 0002_slow"),
        "the rerun did not apply the killed migration: {t}"
    );
    assert!(
        !t.contains("applied 0000_t0"),
        "a migration was applied twice: {t}"
    );
    assert_eq!(tracking_rows(&url), 3);
    let mut c = shale_tests::connect(&url);
    let n: i64 = c
        .query_one("SELECT count(*) FROM \"slow\"", &[])
        .unwrap()
        .get(0);
    assert_eq!(
        n, 1,
        "the killed migration's insert ran twice or not at all"
    );
    let o = shale(dir.path(), &url, &["status"]).output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "status after the rerun: {}",
        text(&o)
    );
}

#[test]
fn status_and_dry_run_report_without_changing_anything() {
    let dir = project(3, &[]);
    let url = shale_tests::fresh_database();
    let o = shale(dir.path(), &url, &["status", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "pending migrations must exit 1: {}",
        text(&o)
    );
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["pending"].as_array().unwrap().len(), 3);
    let o = shale(dir.path(), &url, &["migrate", "--dry-run"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("would apply 0000_t0"), "{}", text(&o));
    let mut c = shale_tests::connect(&url);
    let n: i64 = c
        .query_one("SELECT count(*) FROM pg_tables WHERE tablename = 't0'", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 0, "--dry-run changed the database");
    let o = shale(dir.path(), &url, &["migrate", "--to", "0001_t1"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(tracking_rows(&url), 2, "--to must stop after 0001_t1");
    let o = shale(dir.path(), &url, &["status"]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("pending   0002_t2"), "{}", text(&o));
}

#[test]
fn connection_failures_are_one_line_without_the_password() {
    let dir = project(1, &[]);
    let good = shale_tests::fresh_database();
    let cases = [
        good.replace(shale_tests::SUPERUSER_PASSWORD, "wrong-secret-pw"),
        good.replace(&format!(":{}/", shale_tests::server().port), ":1/"),
        format!(
            "{}_missing?sslmode=disable",
            good.split('?').next().unwrap()
        ),
    ];
    for url in cases {
        let o = shale(dir.path(), &url, &["migrate"]).output().unwrap();
        let t = text(&o);
        assert_eq!(o.status.code(), Some(2), "{t}");
        assert!(
            !t.contains(shale_tests::SUPERUSER_PASSWORD) && !t.contains("wrong-secret-pw"),
            "password printed: {t}"
        );
        assert_eq!(t.trim().lines().count(), 1, "not one line: {t}");
    }
}
