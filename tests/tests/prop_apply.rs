//! Property test of the differ and the PostgreSQL renderer together: for
//! random schema pairs (A, B), the migrations empty → A and A → B, rendered
//! by `shale_sql::Postgres`, run without error on a fresh real database, each
//! in one transaction as `shale migrate` runs a file.

use proptest::prelude::*;
use proptest::test_runner::Config;
use shale_differ::{diff, MigrationPair};
use shale_model::{RenameHints, Schema};
use shale_sql::Postgres;
use shale_tests::arbitrary::{confirmed_drops, schema_pair};

proptest! {
    // One database per case; 64 cases keep a debug run well under a minute.
    #![proptest_config(Config { cases: 64, max_shrink_iters: 256, ..Config::default() })]

    #[test]
    fn random_migrations_apply_on_postgres((a, b) in schema_pair()) {
        let url = shale_tests::fresh_database();
        let mut client = shale_tests::connect(&url);
        let empty = Schema::default();
        migrate(&mut client, "empty → A", &empty, &a, &RenameHints::default())?;
        // every drop confirmed, so the differ never stops at a rename question
        migrate(&mut client, "A → B", &a, &b, &confirmed_drops(&a, &b))?;
    }
}

/// Diffs, renders and applies one migration in a transaction.
fn migrate(
    client: &mut postgres::Client,
    what: &str,
    previous: &Schema,
    next: &Schema,
    hints: &RenameHints,
) -> Result<(), TestCaseError> {
    let schemas = MigrationPair::new(previous, next);
    let plan = diff(schemas, hints)
        .map_err(|a| TestCaseError::fail(format!("{what}: the differ asked about renames despite confirmed drops: {a:?}")))?;
    let statements = Postgres
        .try_render(&plan, schemas)
        .map_err(|e| TestCaseError::fail(format!("{what}: render failed: {e}")))?;
    let all: Vec<&str> = statements.iter().map(|s| s.sql.as_str()).collect();
    let mut tx = client.transaction().map_err(|e| TestCaseError::fail(format!("begin: {e}")))?;
    for (i, s) in statements.iter().enumerate() {
        if let Err(e) = tx.batch_execute(&s.sql) {
            let reason = e.as_db_error().map_or_else(|| e.to_string(), |d| format!("{}: {}", d.code().code(), d.message()));
            return Err(TestCaseError::fail(format!(
                "{what}: statement {} of {} failed: {reason}\n  {}\nthe whole migration:\n{}",
                i + 1,
                statements.len(),
                s.sql,
                all.join("\n")
            )));
        }
    }
    tx.commit().map_err(|e| TestCaseError::fail(format!("{what}: commit failed: {e}\n{}", all.join("\n"))))?;
    Ok(())
}
