//! The golden corpus' down files: what `shale generate` writes as
//! `NNNN_tag.down.sql` for a case, and the one list of cases whose reverse
//! is known not to work.

use shale_differ::{MigrationPair, Plan};
use shale_migrations::down;
use shale_model::{RenameHints, Schema};
use shale_sql::Statement;

/// Golden cases whose generated down file is known not to undo the
/// migration, each with the reason its failure must mention (so the list
/// stays true: a case that starts working must be taken off it). Used by
/// the corpus (`golden.rs`, which applies `expected.down.sql` after the up)
/// and by the CLI test that rolls each case back (`rollback.rs`).
pub const KNOWN_IRREVERSIBLE: &[(&str, &str)] = &[
    // The forward change casts with a hand-written USING expression; the
    // reverse cast (jsonb → text[]) has no expression PostgreSQL accepts.
    (
        "061_type_change_with_using",
        "cannot cast type jsonb to text[]",
    ),
    // The reverse adds an enum value back and uses it in an array default in
    // the same file ('{mon,tue}'): PostgreSQL allows that only outside a
    // transaction, and rollback undoes each migration in one, so it refuses
    // before running anything.
    (
        "129_enum_remove_value_in_renamed_table",
        "cannot run in one transaction",
    ),
    // pg_trgm ships no downgrade script from 1.6 to 1.5.
    ("189_extension_update_version", "has no update path"),
];

/// The reason case `name`'s down file is known not to work, if it is.
pub fn known_irreversible(name: &str) -> Option<&'static str> {
    KNOWN_IRREVERSIBLE
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, reason)| *reason)
}

/// The tag of a case's migration as `rollback.rs` generates it (`shale
/// generate --name before`, then `--name after`): `0001_after`, or
/// `0000_after` when `before` is empty (its generate writes nothing).
pub fn case_tag(before: &Schema) -> &'static str {
    if before.is_empty() {
        "0000_after"
    } else {
        "0001_after"
    }
}

/// The statements of the down file of the migration `forward` (the plan
/// `shale generate` writes, [`shale_differ::down_plan`]), rendered by
/// `render` (`Postgres::try_render`, `Sqlite::try_render`) against the
/// reversed pair.
pub fn down_statements<E: std::fmt::Display>(
    forward: MigrationPair<&Schema>,
    hints: &RenameHints,
    render: impl FnOnce(&Plan, MigrationPair<&Schema>) -> Result<Vec<Statement>, E>,
) -> Result<Vec<Statement>, String> {
    let plan = shale_differ::down_plan(forward, hints);
    render(&plan, forward.reversed()).map_err(|e| format!("the down file does not render: {e}"))
}

/// The down file's text exactly as `shale generate` writes it for `tag`:
/// the header with one data-loss line per statement losing data, then the
/// statements between breakpoint lines.
pub fn down_text(tag: &str, statements: &[Statement]) -> String {
    let sqls: Vec<String> = statements.iter().map(|s| s.sql.clone()).collect();
    down::render(tag, &sqls, &shale_sql::data_loss_messages(statements))
}

/// Why `shale rollback` would refuse to run this down file in one
/// transaction (the runner's own check), if it would.
pub fn outside_transaction(text: &str) -> Option<String> {
    shale_runner::no_transaction_reason(text).or_else(|| {
        shale_runner::transaction_control(text)
            .map(|(n, sql)| format!("statement {n} controls the transaction itself: `{sql}`"))
    })
}

/// Runs a migration or down file on the database as the runner does: split
/// at its breakpoints, in one transaction (a down file always is). The error
/// names the statement and PostgreSQL's message.
pub fn apply_in_transaction(url: &str, text: &str) -> Result<(), String> {
    let chunks = shale_migrations::sqlfile::split(text);
    let mut client = crate::connect(url);
    let mut tx = client.transaction().map_err(|e| format!("begin: {e}"))?;
    for (i, chunk) in chunks.iter().enumerate() {
        tx.batch_execute(&chunk.sql).map_err(|e| {
            let detail = e
                .as_db_error()
                .map(|d| format!("{}: {}", d.code().code(), d.message()))
                .unwrap_or_else(|| e.to_string());
            format!(
                "PostgreSQL refuses statement {} of {} (line {}): {detail}\n{}",
                i + 1,
                chunks.len(),
                chunk.line,
                chunk.sql
            )
        })?;
    }
    tx.commit().map_err(|e| format!("commit: {e}"))
}

/// The live database holds exactly `expected`: introspected (grants of the
/// managed roles included, view queries compared as PostgreSQL prints them,
/// as `shale verify` does) and diffed, the plan must be empty.
pub fn no_drift(url: &str, expected: &Schema) -> Result<(), String> {
    let printed;
    let expected = if expected.views.is_empty() {
        expected
    } else {
        let mut scratch = crate::connect(&crate::fresh_database());
        printed = shale_introspect::canonical_views(expected, &mut scratch)
            .map_err(|e| format!("canonical view text: {e}"))?;
        &printed
    };
    let mut client = crate::connect(url);
    let live = shale_introspect::introspect(&mut client, &crate::introspect_options())
        .map_err(|e| format!("introspection failed: {e}"))?;
    let plan = shale_differ::diff(MigrationPair::new(&live, expected), &RenameHints::default())
        .map_err(|a| format!("there is drift (ambiguous): {a}"))?;
    if plan.is_empty() {
        Ok(())
    } else {
        Err(format!("there is drift; steps:\n{:#?}", plan.steps))
    }
}
