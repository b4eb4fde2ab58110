//! The golden corpus on SQLite: every case folder of `tests/golden/` whose
//! `before.rs` and `after.rs` parse for `dialect = "sqlite"` and fit the
//! canonical SQLite model is planned, rendered with the SQLite renderer,
//! compared with `tests/golden_sqlite/<case>/expected.sql`, and applied by
//! the real SQLite runner to a real database file (empty → before, then
//! before → after), which is introspected back after each step: zero drift.
//! Then the case's down file (`expected.down.sql` beside `expected.sql`:
//! what `shale generate` writes as `0001_after.down.sql`, from
//! `shale_differ::down_plan`) is rolled back by the real SQLite runner, and
//! the database must introspect as `before` again: zero drift.
//! Cases using PostgreSQL-only constructs are skipped, counted and listed.
//! `SHALE_BLESS=1` rewrites the expected files; `SHALE_GOLDEN=substring`
//! runs only matching cases.

mod sqlite_support;

use std::path::{Path, PathBuf};

use shale_migrations::sqlfile;
use shale_model::{QualifiedName, RenameHints};
use sqlite_support::{file_text, no_drift, parse_sqlite, plan_sql, repo, Project};

fn case_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(repo("tests/golden"))
        .expect("tests/golden")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("before.rs").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// `renames.txt` hints that concern tables and columns (SQLite has no enums).
fn hints(dir: &Path) -> RenameHints {
    let mut h = RenameHints::default();
    let Ok(text) = std::fs::read_to_string(dir.join("renames.txt")) else {
        return h;
    };
    let q = |s: &str| QualifiedName::public(s.trim().rsplit('.').next().unwrap_or(s).trim());
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if let Some(name) = line.strip_prefix("drop:table:") {
            h.dropped_tables.push(q(name));
        } else if let Some(rest) = line.strip_prefix("drop:column:") {
            if let Some((t, c)) = rest.rsplit_once('.') {
                h.dropped_columns.push((q(t), c.to_string()));
            }
        } else if let Some(rest) = line.strip_prefix("table:") {
            if let Some((a, b)) = rest.split_once('=') {
                h.tables.push((q(a), q(b)));
            }
        } else if let Some(rest) = line.strip_prefix("column:") {
            if let Some((left, new)) = rest.split_once('=') {
                if let Some((t, old)) = left.rsplit_once('.') {
                    h.columns
                        .push((q(t), old.to_string(), new.trim().to_string()));
                }
            }
        }
    }
    h
}

enum Outcome {
    Passed,
    Skipped(String),
}

fn run_case(dir: &Path) -> Result<Outcome, String> {
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).map_err(|e| format!("{f}: {e}"));
    let (before, _) = match parse_sqlite(&read("before.rs")?) {
        Ok(s) => s,
        Err(why) => return Ok(Outcome::Skipped(format!("before.rs: {why}"))),
    };
    let (after, renames) = match parse_sqlite(&read("after.rs")?) {
        Ok(s) => s,
        Err(why) => return Ok(Outcome::Skipped(format!("after.rs: {why}"))),
    };
    let mut h = hints(dir);
    h.tables.extend(renames.tables);
    h.columns.extend(renames.columns);
    h.views.extend(renames.views);
    h.dropped_tables.extend(renames.dropped_tables);
    h.dropped_columns.extend(renames.dropped_columns);

    let setup = plan_sql(&Default::default(), &before, &RenameHints::default())?;
    // SQLite's five types make more columns look alike than PostgreSQL's
    // do: a drop-or-rename question PostgreSQL never asked is settled the
    // way PostgreSQL settled it, as a drop.
    if let Err(ambiguities) =
        shale_differ::diff(shale_differ::MigrationPair::new(&before, &after), &h)
    {
        for a in ambiguities.0 {
            match (a.kind, a.parent) {
                (shale_differ::ObjectKind::Column, Some(table)) => {
                    h.dropped_columns.push((table, a.previous))
                }
                (shale_differ::ObjectKind::Table, _) => {
                    h.dropped_tables.push(QualifiedName::public(a.previous))
                }
                _ => {}
            }
        }
    }
    let statements = plan_sql(&before, &after, &h)?;
    let text = if statements.is_empty() {
        String::new()
    } else {
        file_text(&statements)
    };

    let mut project = Project::new();
    project.add("before", &file_text(&setup));
    project
        .migrate()
        .map_err(|e| format!("empty → before: {e}"))?;
    no_drift(&project.connect(), &before).map_err(|e| format!("after empty → before: {e}"))?;
    if !statements.is_empty() {
        project.add("after", &text);
        project
            .migrate()
            .map_err(|e| format!("before → after: {e}\n{text}"))?;
    }
    no_drift(&project.connect(), &after)
        .map_err(|e| format!("after before → after: {e}\n{text}"))?;

    let name = dir
        .file_name()
        .expect("case name")
        .to_string_lossy()
        .to_string();
    let expected = repo("tests/golden_sqlite").join(&name);
    shale_tests::compare_or_bless(&expected.join("expected.sql"), &text, true)?;

    // The down file `shale generate` writes (none without a migration), run
    // by the real SQLite rollback: the database is `before` again.
    let down_text = if statements.is_empty() {
        String::new()
    } else {
        let down = shale_tests::downs::down_statements(
            shale_differ::MigrationPair::new(&before, &after),
            &h,
            |plan, pair| shale_sql::sqlite::Sqlite.try_render(plan, pair),
        )?;
        let text = shale_tests::downs::down_text("0001_after", &down);
        if sqlfile::split(&text).len() != down.len() {
            return Err(format!(
                "the down file does not split into its {} statements:\n{text}",
                down.len()
            ));
        }
        rollback(&project, "0001_after", &text)
            .and_then(|()| no_drift(&project.connect(), &before))
            .map_err(|e| format!("after → before (the down file): {e}\n{text}"))?;
        text
    };
    shale_tests::compare_or_bless(&expected.join("expected.down.sql"), &down_text, true)?;
    Ok(Outcome::Passed)
}

/// Writes `text` as the down file of migration `tag` (recorded in
/// `shale.sum` as `generate` records it) and rolls that migration back with
/// the real SQLite runner, accepting data loss.
fn rollback(project: &Project, tag: &str, text: &str) -> Result<(), String> {
    let path = project
        .migrations()
        .join(shale_migrations::down::file_name(tag));
    std::fs::write(&path, text).map_err(|e| format!("write {}: {e}", path.display()))?;
    let folder = project.folder();
    let files = folder.recorded_files();
    let sum = shale_migrations::sum::Sum::of(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
    let options = shale_runner::RollbackOptions {
        target: shale_runner::RollbackTarget::Steps(1),
        accept_data_loss: true,
        table: sqlite_support::options().table,
        lock_timeout: std::time::Duration::from_secs(30),
        sum: Some(sum),
        ..Default::default()
    };
    let mut conn = shale_runner::sqlite::open(&project.db(), std::time::Duration::from_secs(30))
        .map_err(|e| e.to_string())?;
    let report = shale_runner::sqlite::rollback(&mut conn, &folder, &options)
        .map_err(|e| format!("rollback: {e}"))?;
    match report.rolled_back.as_slice() {
        [one] if one.migration.tag == tag => Ok(()),
        other => Err(format!("rollback undid {other:?}, not {tag}")),
    }
}

/// SQLite's errors for PostgreSQL-only expressions.
const POSTGRES_ONLY_ERRORS: &[&str] = &[
    "no such function",
    "unknown function",
    "unrecognized token: \":\"",
];

#[test]
fn golden_corpus_on_sqlite() {
    let filter = std::env::var("SHALE_GOLDEN").ok();
    let mut passed = Vec::new();
    let mut skipped = Vec::new();
    let mut failed = Vec::new();
    for dir in case_dirs() {
        let name = dir.file_name().expect("name").to_string_lossy().to_string();
        if filter.as_ref().is_some_and(|f| !name.contains(f.as_str())) {
            continue;
        }
        match std::panic::catch_unwind(|| run_case(&dir)) {
            Ok(Ok(Outcome::Passed)) => passed.push(name),
            Ok(Ok(Outcome::Skipped(why))) => skipped.push(format!("{name}: {why}")),
            // SQLite itself refusing an expression (a PostgreSQL function,
            // a `::` cast) means the case is PostgreSQL-only.
            Ok(Err(e)) if POSTGRES_ONLY_ERRORS.iter().any(|m| e.contains(m)) => {
                skipped.push(format!(
                    "{name}: SQLite refuses an expression: {}",
                    e.lines().next().unwrap_or("")
                ))
            }
            Ok(Err(e)) => failed.push(format!("{name}: {e}")),
            Err(_) => failed.push(format!("{name}: panicked")),
        }
    }
    eprintln!(
        "sqlite golden corpus: {} passed, {} skipped (PostgreSQL-only), {} failed",
        passed.len(),
        skipped.len(),
        failed.len()
    );
    for s in &skipped {
        eprintln!("  skipped {s}");
    }
    assert!(
        failed.is_empty(),
        "{} case(s) failed:\n\n{}",
        failed.len(),
        failed.join("\n\n")
    );
    if filter.is_none() {
        // Every expected file belongs to a case that ran: none is stale.
        let stale: Vec<String> = std::fs::read_dir(repo("tests/golden_sqlite"))
            .expect("tests/golden_sqlite")
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().to_string()))
            .filter(|n| !passed.contains(n))
            .collect();
        assert!(
            stale.is_empty(),
            "expected files of cases that no longer run on SQLite: {stale:?}"
        );
        assert!(
            passed.len() >= 40,
            "only {} cases ran on SQLite (at least 40 expected)",
            passed.len()
        );
    }
}
