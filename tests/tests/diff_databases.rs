//! `shale diff --from postgres://A --to postgres://B`, applied to A, makes A
//! introspect equal to B: for every hand-written schema pair of the golden
//! corpus without renames (a database has no rename history, so renames are
//! excluded), on real PostgreSQL, through the real binary.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use shale_differ::MigrationPair;
use shale_model::{RenameHints, Schema};
use shale_parser::{parse_sources, ParseOptions, SourceFile};
use shale_sql::SqlDialect;

fn parse(path: &Path) -> Schema {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let parsed = parse_sources(
        &[SourceFile {
            path: path.to_path_buf(),
            text,
        }],
        &ParseOptions::default(),
    );
    assert!(
        parsed.diagnostics.is_empty(),
        "{}: {:?}",
        path.display(),
        parsed.diagnostics
    );
    parsed.schema
}

fn database_with(schema: &Schema) -> String {
    let url = shale_tests::fresh_database();
    let mut client = shale_tests::connect(&url);
    // One transaction, as a migration runs: `SET LOCAL check_function_bodies`
    // holds for the routines created before the tables they read.
    client.batch_execute("BEGIN").unwrap();
    for s in shale_sql::Postgres.create_all(schema) {
        client
            .batch_execute(&s.sql)
            .unwrap_or_else(|e| panic!("{}: {e}", s.sql));
    }
    client.batch_execute("COMMIT").unwrap();
    url
}

fn introspect(url: &str) -> Schema {
    let mut client = shale_tests::connect(url);
    shale_introspect::introspect(&mut client, &shale_tests::introspect_options())
        .expect("introspect")
}

/// The cases: golden folders whose pair involves no rename.
fn cases() -> Vec<PathBuf> {
    let root = shale_tests::repo_root().join("tests/golden");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("after.rs").exists())
        .filter(|p| !p.join("renames.txt").exists())
        .filter(|p| {
            !std::fs::read_to_string(p.join("after.rs"))
                .unwrap_or_default()
                .contains("renamed_from")
        })
        .collect();
    out.sort();
    out
}

/// One case; `Err` describes the failure.
fn run_case(case: &Path, work: &Path) -> Result<(), String> {
    let before = parse(&case.join("before.rs"));
    let after = parse(&case.join("after.rs"));
    let a = database_with(&before);
    let b = database_with(&after);
    let outcome = reconcile(&a, &b, work);
    shale_tests::drop_database(&a);
    shale_tests::drop_database(&b);
    outcome
}

/// `shale diff --from a --to b`, applied to `a`; then the two must agree.
fn reconcile(a: &str, b: &str, work: &Path) -> Result<(), String> {
    let o = Command::new(shale_tests::shale_bin!())
        .args(["diff", "--from", a, "--to", b, "--format", "json"])
        .current_dir(work)
        .env_remove("DATABASE_URL")
        .output()
        .map_err(|e| e.to_string())?;
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).map_err(|e| {
        format!(
            "no JSON document ({e}): {}",
            String::from_utf8_lossy(&o.stderr)
        )
    })?;
    let statements: Vec<String> = doc["statements"]
        .as_array()
        .ok_or("no statements")?
        .iter()
        .map(|s| s["sql"].as_str().unwrap_or_default().to_string())
        .collect();
    let expected_code = if statements.is_empty() { 0 } else { 1 };
    if o.status.code() != Some(expected_code) {
        return Err(format!(
            "exit {:?} with {} statements",
            o.status.code(),
            statements.len()
        ));
    }
    // In one transaction, as README says to apply diff's SQL.
    let mut client = shale_tests::connect(a);
    client.batch_execute("BEGIN").map_err(|e| e.to_string())?;
    for sql in &statements {
        client
            .batch_execute(sql)
            .map_err(|e| format!("applying `{sql}` to A: {e}"))?;
    }
    client.batch_execute("COMMIT").map_err(|e| e.to_string())?;
    let (a_now, b_now) = (introspect(a), introspect(b));
    let plan = shale_differ::diff(MigrationPair::new(&a_now, &b_now), &RenameHints::default())
        .map_err(|e| format!("A and B still differ (ambiguously): {e}"))?;
    if !plan.is_empty() {
        let left = shale_sql::Postgres.render(&plan, MigrationPair::new(&a_now, &b_now));
        return Err(format!(
            "there is drift after applying the diff: A would still need\n{}",
            left.iter()
                .map(|s| s.sql.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        ));
    }
    Ok(())
}

#[test]
fn diff_between_two_databases_reconciles_them() {
    let cases = cases();
    assert!(
        cases.len() >= 100,
        "the corpus needs at least 100 pairs without renames, found {}",
        cases.len()
    );
    let work = tempfile::tempdir().unwrap();
    // The roles whose grants are compared (the test server has them).
    std::fs::write(work.path().join("shale.toml"), shale_tests::grants_toml()).unwrap();
    let queue = Mutex::new(cases.clone());
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| loop {
                let Some(case) = queue.lock().unwrap().pop() else {
                    break;
                };
                let result = std::panic::catch_unwind(|| run_case(&case, work.path()))
                    .unwrap_or_else(|_| Err("panicked".into()));
                if let Err(e) = result {
                    failures.lock().unwrap().push(format!(
                        "{}: {e}",
                        case.file_name().unwrap().to_string_lossy()
                    ));
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} pairs failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
