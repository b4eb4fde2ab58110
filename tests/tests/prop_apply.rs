//! Property test of the differ and the PostgreSQL renderer together: for
//! random schema pairs (A, B), the migrations empty → A and A → B, rendered
//! by `shale_sql::Postgres`, run without error on a fresh real database, each
//! in one transaction as `shale migrate` runs a file, and leave the database
//! with exactly the tables, columns, nullability, constraints, indexes and enum
//! values of the schema (read back from the catalogs).

use std::collections::BTreeSet;

use proptest::prelude::*;
use proptest::test_runner::Config;
use shale_differ::{diff, MigrationPair};
use shale_model::{RenameHints, Schema};
use shale_sql::Postgres;
use shale_tests::arbitrary::{confirmed_drops, schema_pair};

proptest! {
    // One database per case; 64 cases keep a debug run well under a minute.
    // PROPTEST_CASES=N runs more.
    #![proptest_config(Config { cases: cases(), max_shrink_iters: 256, ..Config::default() })]

    #[test]
    fn random_migrations_apply_on_postgres((a, b) in schema_pair()) {
        let url = shale_tests::fresh_database();
        let mut client = shale_tests::connect(&url);
        let empty = Schema::default();
        migrate(&mut client, "empty → A", &empty, &a, &RenameHints::default())?;
        prop_assert_eq!(catalog(&mut client), expected(&a), "after empty → A");
        // every drop confirmed, so the differ never stops at a rename question
        migrate(&mut client, "A → B", &a, &b, &confirmed_drops(&a, &b))?;
        prop_assert_eq!(catalog(&mut client), expected(&b), "after A → B");
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
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
    let plan = diff(schemas, hints).map_err(|a| {
        TestCaseError::fail(format!(
            "{what}: the differ asked about renames despite confirmed drops: {a:?}"
        ))
    })?;
    let statements = Postgres
        .try_render(&plan, schemas)
        .map_err(|e| TestCaseError::fail(format!("{what}: render failed: {e}")))?;
    let all: Vec<&str> = statements.iter().map(|s| s.sql.as_str()).collect();
    let mut tx = client
        .transaction()
        .map_err(|e| TestCaseError::fail(format!("begin: {e}")))?;
    for (i, s) in statements.iter().enumerate() {
        if let Err(e) = tx.batch_execute(&s.sql) {
            let reason = e.as_db_error().map_or_else(
                || e.to_string(),
                |d| format!("{}: {}", d.code().code(), d.message()),
            );
            return Err(TestCaseError::fail(format!(
                "{what}: statement {} of {} failed: {reason}\n  {}\nthe whole migration:\n{}",
                i + 1,
                statements.len(),
                s.sql,
                all.join("\n")
            )));
        }
    }
    tx.commit().map_err(|e| {
        TestCaseError::fail(format!("{what}: commit failed: {e}\n{}", all.join("\n")))
    })?;
    Ok(())
}

/// What the catalogs should show for a schema, one line per fact.
fn expected(schema: &Schema) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for e in &schema.enums {
        out.insert(format!(
            "enum {}.{} {:?}",
            e.name.namespace, e.name.name, e.values
        ));
    }
    for t in &schema.tables {
        let ns = &t.name.namespace;
        let q = format!("{ns}.{}", t.name.name);
        out.insert(format!("table {q}"));
        for c in &t.columns {
            out.insert(format!(
                "column {q}.{} {}",
                c.name,
                if c.nullable { "null" } else { "not null" }
            ));
        }
        if let Some(pk) = &t.primary_key {
            out.insert(format!("constraint {q} p {}", pk.name));
            out.insert(format!("index {ns}.{}", pk.name));
        }
        for u in &t.uniques {
            out.insert(format!("constraint {q} u {}", u.name));
            out.insert(format!("index {ns}.{}", u.name));
        }
        for c in &t.checks {
            out.insert(format!("constraint {q} c {}", c.name));
        }
        for f in &t.foreign_keys {
            out.insert(format!("constraint {q} f {}", f.name));
        }
        for i in &t.indexes {
            out.insert(format!("index {ns}.{}", i.name));
        }
    }
    for v in &schema.views {
        let ns = &v.name.namespace;
        let q = format!("{ns}.{}", v.name.name);
        out.insert(format!("{} {q}", v.kind()));
        // information_schema lists the columns of plain views (always
        // nullable), not those of materialized views.
        if !v.materialized {
            for c in &v.columns {
                out.insert(format!("column {q}.{} null", c.name));
            }
        }
        for i in &v.indexes {
            out.insert(format!("index {ns}.{}", i.name));
        }
    }
    out
}

/// The same facts read from the database's catalogs.
fn catalog(client: &mut postgres::Client) -> BTreeSet<String> {
    const USER: &str = "NOT IN ('pg_catalog', 'information_schema', 'pg_toast')";
    let mut out = BTreeSet::new();
    let q =
        |client: &mut postgres::Client, sql: &str| client.query(sql, &[]).expect("catalog query");
    for r in q(client, &format!(
        "SELECT n.nspname, t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) \
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid \
         WHERE n.nspname {USER} GROUP BY 1, 2"
    )) {
        let values: Vec<String> = r.get(2);
        out.insert(format!("enum {}.{} {values:?}", r.get::<_, String>(0), r.get::<_, String>(1)));
    }
    for r in q(client, &format!(
        "SELECT n.nspname, c.relname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname {USER} AND c.relkind IN ('r', 'i', 'v', 'm')"
    )) {
        let kind = match r.get::<_, String>(2).as_str() {
            "r" => "table",
            "v" => "view",
            "m" => "materialized view",
            _ => "index",
        };
        out.insert(format!("{kind} {}.{}", r.get::<_, String>(0), r.get::<_, String>(1)));
    }
    for r in q(client, &format!(
        "SELECT table_schema::text, table_name::text, column_name::text, is_nullable::text FROM information_schema.columns \
         WHERE table_schema {USER}"
    )) {
        let null = if r.get::<_, String>(3) == "YES" { "null" } else { "not null" };
        out.insert(format!("column {}.{}.{} {null}", r.get::<_, String>(0), r.get::<_, String>(1), r.get::<_, String>(2)));
    }
    for r in q(
        client,
        &format!(
            "SELECT n.nspname, t.relname, c.contype::text, c.conname FROM pg_constraint c \
         JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace \
         WHERE n.nspname {USER} AND c.contype IN ('p', 'u', 'c', 'f')"
        ),
    ) {
        out.insert(format!(
            "constraint {}.{} {} {}",
            r.get::<_, String>(0),
            r.get::<_, String>(1),
            r.get::<_, String>(2),
            r.get::<_, String>(3)
        ));
    }
    out
}
