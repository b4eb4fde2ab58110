//! Property test of down files: for random schema pairs (A, B), the
//! migration A → B and its down file (the plan `shale generate` writes as
//! `NNNN_tag.down.sql`, `shale_differ::down_plan`, rendered as the file) run
//! on a fresh real database, `empty → A → B → down`, each in one transaction
//! as `shale migrate` and `shale rollback` run them; the database then
//! introspects as A with zero drift. A
//! failing case is shrunk and its seed saved in
//! `prop_rollback.proptest-regressions`, which re-runs it first.

use proptest::prelude::*;
use proptest::test_runner::Config;
use shale_differ::MigrationPair;
use shale_model::{RenameHints, Schema};
use shale_sql::Postgres;
use shale_tests::arbitrary::{confirmed_drops, schema_pair};
use shale_tests::downs::{apply_in_transaction, down_statements, down_text, no_drift};

proptest! {
    // One database per case; 32 cases take 13 to 35 s in a debug build on
    // the shared 2-core machine, depending on its load.
    // PROPTEST_CASES=N runs more.
    #![proptest_config(Config { cases: cases(), max_shrink_iters: 256, ..Config::default() })]

    #[test]
    fn random_migrations_are_undone_by_their_down_files((a, b) in schema_pair()) {
        let outcome = up_and_down(&a, &b);
        prop_assert!(outcome.is_ok(), "{}", outcome.unwrap_err());
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32)
}

fn up_and_down(a: &Schema, b: &Schema) -> Result<(), String> {
    let url = shale_tests::fresh_database();
    up(&url, &Schema::default(), a, &RenameHints::default())
        .map_err(|e| format!("empty → A: {e}"))?;
    // Every drop confirmed, so the differ never stops at a rename question.
    // (That the ups leave no drift is `introspect_drift`'s property; this
    // one checks only the end, to keep to one introspection per case.)
    let hints = confirmed_drops(a, b);
    up(&url, a, b, &hints).map_err(|e| format!("A → B: {e}"))?;
    let forward = MigrationPair::new(a, b);
    let down = down_statements(forward, &hints, |plan, pair| {
        Postgres.try_render(plan, pair)
    })?;
    let text = down_text("0001_b", &down);
    if let Some(reason) = shale_tests::downs::outside_transaction(&text) {
        return Err(format!(
            "rollback would refuse the down file: it cannot run in one transaction ({reason})\n{text}"
        ));
    }
    apply_in_transaction(&url, &text).map_err(|e| format!("B → A (the down file): {e}\n{text}"))?;
    no_drift(&url, a).map_err(|e| format!("after the down file: {e}\n{text}"))
}

/// Diffs and renders `previous → next` as `shale generate` writes the
/// migration file, and runs it in one transaction.
fn up(url: &str, previous: &Schema, next: &Schema, hints: &RenameHints) -> Result<(), String> {
    let pair = MigrationPair::new(previous, next);
    let plan = shale_differ::diff(pair, hints)
        .map_err(|a| format!("the differ asked about renames despite confirmed drops: {a}"))?;
    let statements = Postgres
        .try_render(&plan, pair)
        .map_err(|e| format!("render failed: {e}"))?;
    if statements.is_empty() {
        return Ok(());
    }
    let sqls: Vec<String> = statements.iter().map(|s| s.sql.clone()).collect();
    let text = shale_migrations::sqlfile::render(&sqls, &[]);
    apply_in_transaction(url, &text).map_err(|e| format!("{e}\nthe whole migration:\n{text}"))
}
