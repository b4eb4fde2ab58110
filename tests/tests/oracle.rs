//! An oracle shale did not write: for every hand-written pair of schemas in
//! `tests/oracle/*.sql`, database A is built from the first SQL and database
//! B from the second, `shale diff --from A --to B` is applied to A, and then
//! `pg_dump --schema-only` of A must equal that of B. pg_dump is the judge,
//! not shale's own introspection, so anything introspection forgets, or SQL
//! that does something other than what the model claims, fails here.
//!
//! A case file holds cases one after another:
//!
//! ```text
//! -- case: add_column_with_default
//! CREATE TABLE t (id integer PRIMARY KEY);
//! -- to
//! CREATE TABLE t (id integer PRIMARY KEY, n integer NOT NULL DEFAULT 3);
//! ```
//!
//! Every failing case is reported (with both dumps' difference), not only
//! the first.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// One pair: where it was written, its name, and the two schemas' SQL.
struct Case {
    file: String,
    name: String,
    a: String,
    b: String,
}

fn cases() -> Vec<Case> {
    let dir = shale_tests::repo_root().join("tests/oracle");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let mut current: Option<(String, String, Option<String>)> = None;
        let push = |c: Option<(String, String, Option<String>)>, cases: &mut Vec<Case>| {
            if let Some((name, a, b)) = c {
                let b = b.unwrap_or_else(|| panic!("{file}: case {name} has no `-- to`"));
                cases.push(Case {
                    file: file.clone(),
                    name,
                    a,
                    b,
                });
            }
        };
        for line in text.lines() {
            if let Some(name) = line.strip_prefix("-- case: ") {
                push(current.take(), &mut cases);
                current = Some((name.trim().to_string(), String::new(), None));
            } else if line.trim() == "-- to" {
                let c = current.as_mut().expect("`-- to` outside a case");
                c.2 = Some(String::new());
            } else if let Some(c) = current.as_mut() {
                let target = c.2.as_mut().unwrap_or(&mut c.1);
                target.push_str(line);
                target.push('\n');
            }
        }
        push(current.take(), &mut cases);
    }
    cases
}

fn database(sql: &str) -> Result<String, String> {
    let url = shale_tests::fresh_database();
    shale_tests::connect(&url)
        .batch_execute(sql)
        .map_err(|e| format!("building the database: {e}"))?;
    Ok(url)
}

/// Runs one case; `Err` says why it failed. Its databases are dropped.
fn run(case: &Case, scratch: &Path) -> Result<(), String> {
    let a = database(&case.a).map_err(|e| format!("A: {e}"))?;
    let outcome = database(&case.b)
        .map_err(|e| format!("B: {e}"))
        .and_then(|b| {
            let outcome = judge(&a, &b, scratch);
            shale_tests::drop_database(&b);
            outcome
        });
    shale_tests::drop_database(&a);
    outcome
}

/// `shale diff --from a --to b` applied to `a`; then pg_dump judges.
fn judge(a: &str, b: &str, scratch: &Path) -> Result<(), String> {
    let out = shale_tests::shale_command!(scratch)
        .args(["diff", "--from", a, "--to", b, "--format", "json"])
        .output()
        .map_err(|e| format!("running shale: {e}"))?;
    if !matches!(out.status.code(), Some(0 | 1)) {
        return Err(format!(
            "shale diff could not run: {}",
            shale_tests::output_text(&out)
        ));
    }
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).map_err(|e| {
        format!(
            "shale diff printed no JSON ({e}): {}",
            shale_tests::output_text(&out)
        )
    })?;
    let statements: Vec<String> = doc["statements"]
        .as_array()
        .ok_or("no statements in shale's JSON")?
        .iter()
        .map(|s| s["sql"].as_str().unwrap_or_default().to_string())
        .collect();
    let mut client = shale_tests::connect(a);
    let mut tx = client.transaction().map_err(|e| e.to_string())?;
    for s in &statements {
        tx.batch_execute(s)
            .map_err(|e| format!("shale's SQL failed on A: {e}\n{s}"))?;
    }
    tx.commit().map_err(|e| e.to_string())?;
    let (dump_a, dump_b) = (
        shale_tests::pg_dump_schema(a)?,
        shale_tests::pg_dump_schema(b)?,
    );
    if dump_a != dump_b {
        let diff = shale_tests::text_diff(
            &dump_b,
            &dump_a,
            "pg_dump of B (expected)",
            "pg_dump of A after shale's SQL",
        );
        return Err(format!(
            "pg_dump differs\n{diff}\nshale's SQL:\n{}",
            statements.join("\n")
        ));
    }
    Ok(())
}

#[test]
fn applying_shales_diff_makes_pg_dump_equal() {
    let mut cases = cases();
    assert!(
        cases.len() >= 100,
        "the oracle corpus shrank to {} cases",
        cases.len()
    );
    // `SHALE_ORACLE=partitions` runs the cases of the files whose name
    // contains it.
    if let Ok(filter) = std::env::var("SHALE_ORACLE") {
        cases.retain(|c| c.file.contains(&filter));
    }
    let scratch = tempfile::tempdir().unwrap();
    // The roles whose grants are compared (the test server has them).
    std::fs::write(
        scratch.path().join("shale.toml"),
        shale_tests::grants_toml(),
    )
    .unwrap();
    let next = Mutex::new(0usize);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| loop {
                let i = {
                    let mut n = next.lock().unwrap();
                    *n += 1;
                    *n - 1
                };
                let Some(case) = cases.get(i) else { break };
                if let Err(e) = run(case, scratch.path()) {
                    failures
                        .lock()
                        .unwrap()
                        .push(format!("{} / {}: {e}", case.file, case.name));
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} oracle cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn case_names_are_unique() {
    let mut seen = std::collections::HashSet::new();
    for c in cases() {
        assert!(seen.insert(c.name.clone()), "duplicate case {}", c.name);
    }
}
