//! Property test: random schema pairs (`shale_tests::arbitrary::schema_pair`,
//! adapted to what SQLite has) are planned, rendered for SQLite, applied by
//! the runner to a real database file (empty → previous → next) and read
//! back: zero drift after each step. Rows are inserted between the steps
//! where the schema allows, so that rebuilds copy data.
//!
//! The adaptation is deterministic and applied to both sides alike: tables
//! of other namespaces move to the main one as `<namespace>_<table>` (their
//! indexes prefixed likewise, since SQLite's index names are per database),
//! arrays become scalars, PostgreSQL-only defaults are dropped, identity stays
//! only on a single integer primary key, and index options SQLite lacks are
//! removed.

mod sqlite_support;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use shale_model::{BaseType, ColumnType, Identity, QualifiedName, Schema, DEFAULT_INDEX_METHOD};
use shale_sql::sqlite::canonical_schema;
use sqlite_support::{file_text, no_drift, plan_sql, Project};

fn moved(name: &QualifiedName) -> QualifiedName {
    if name.is_public() {
        name.clone()
    } else {
        QualifiedName::public(format!("{}_{}", name.namespace, name.name))
    }
}

fn sqlite_default(d: &str) -> bool {
    !d.contains("::") && !d.contains('(') && !d.contains('[')
}

/// The schema adapted to SQLite (see the module docs), then canonical.
fn adapt(schema: &Schema) -> Schema {
    let mut s = schema.clone();
    s.namespaces.clear();
    // SQLite has neither sequences nor extensions (canonical_schema refuses
    // them, see sqlite_golden). The generated views name their namespaces in
    // SQL text, which this adaptation cannot rewrite; SQLite views are
    // covered by the golden corpus on SQLite (`sqlite_golden.rs`).
    s.sequences.clear();
    s.extensions.clear();
    s.views.clear();
    // Nor domains or composite types: a column of a domain has its base type.
    let domains = std::mem::take(&mut s.domains);
    s.composite_types.clear();
    for t in &mut s.tables {
        for c in &mut t.columns {
            if let BaseType::UserType(q) = &c.ty.base {
                if let Some(d) = domains.iter().find(|d| &d.name == q) {
                    c.ty.base = d.base.base.clone();
                }
            }
        }
    }
    for t in &mut s.tables {
        t.row_level_security = Default::default();
        t.policies.clear();
        let prefix = (!t.name.is_public()).then(|| format!("{}_", t.name.namespace));
        t.name = moved(&t.name);
        let single_pk = t
            .primary_key
            .as_ref()
            .filter(|pk| pk.columns.len() == 1)
            .map(|pk| pk.columns[0].clone());
        for c in &mut t.columns {
            c.ty.array_dims = 0;
            c.collation = None;
            if let Some(storage) = c.ty.serial_storage() {
                c.ty = ColumnType::named(storage);
            }
            if c.default.as_deref().is_some_and(|d| !sqlite_default(d)) {
                c.default = None;
            }
            let integer = matches!(&c.ty.base, BaseType::Named(n) if n == "integer" || n == "bigint" || n == "smallint");
            c.identity_options = Default::default();
            if c.identity.is_some() {
                if single_pk.as_deref() == Some(c.name.as_str()) && integer {
                    c.identity = Some(Identity::ByDefault);
                } else {
                    c.identity = None;
                }
            }
        }
        for u in &mut t.uniques {
            u.nulls_not_distinct = false;
        }
        for fk in &mut t.foreign_keys {
            fk.referenced_table = moved(&fk.referenced_table);
        }
        for ix in &mut t.indexes {
            if let Some(p) = &prefix {
                ix.name = format!("{p}{}", ix.name);
            }
            ix.method = DEFAULT_INDEX_METHOD.into();
            ix.include.clear();
            ix.nulls_not_distinct = false;
            for k in &mut ix.keys {
                k.opclass = None;
                k.nulls = None;
            }
        }
    }
    // Routines and triggers are PostgreSQL-only in the schema language.
    s.functions.clear();
    for t in &mut s.tables {
        t.triggers.clear();
    }
    s.normalize();
    canonical_schema(&s).unwrap_or_else(|e| panic!("adapted schema is not SQLite-ready: {e}"))
}

/// Inserts one row into every table where a row of NULLs / defaults /
/// simple values fits; failures (a check, a foreign key) are ignored, the
/// point is only to give rebuilds something to copy.
fn insert_rows(p: &Project, schema: &Schema) {
    let conn = p.connect();
    let _ = conn.execute_batch("PRAGMA foreign_keys = OFF");
    for t in &schema.tables {
        let cols: Vec<&shale_model::Column> =
            t.columns.iter().filter(|c| c.generated.is_none()).collect();
        if cols.is_empty() {
            continue;
        }
        let names: Vec<String> = cols.iter().map(|c| format!("\"{}\"", c.name)).collect();
        let values: Vec<String> = cols
            .iter()
            .map(|c| match c.ty.base_name() {
                Some("integer" | "real" | "numeric") => "1".to_string(),
                _ => t
                    .checks
                    .iter()
                    .find(|ch| ch.expr.starts_with(&format!("\"{}\" IN ('", c.name)))
                    .and_then(|ch| ch.expr.split('\'').nth(1).map(|v| format!("'{v}'")))
                    .unwrap_or_else(|| "'1'".to_string()),
            })
            .collect();
        let _ = conn.execute(
            &format!(
                "INSERT INTO \"{}\" ({}) VALUES ({})",
                t.name.name,
                names.join(", "),
                values.join(", ")
            ),
            [],
        );
    }
}

fn run_pair(previous: &Schema, next: &Schema) -> Result<(), String> {
    let (previous, next) = (adapt(previous), adapt(next));
    let hints = shale_tests::arbitrary::confirmed_drops(&previous, &next);
    let setup = plan_sql(&Schema::default(), &previous, &Default::default())?;
    let change = plan_sql(&previous, &next, &hints)?;
    let mut p = Project::new();
    if !setup.is_empty() {
        p.add("previous", &file_text(&setup));
    }
    p.migrate().map_err(|e| format!("empty → previous: {e}"))?;
    no_drift(&p.connect(), &previous).map_err(|e| format!("after empty → previous: {e}"))?;
    insert_rows(&p, &previous);
    if !change.is_empty() {
        p.add("next", &file_text(&change));
    }
    let text = file_text(&change);
    match p.migrate() {
        Ok(_) => {}
        // A row that the next schema refuses (a new NOT NULL column without
        // default, a narrowed check) fails the rebuild; then the same change
        // must apply to the empty tables.
        Err(shale_runner::RunError::Failed(_)) => {
            let conn = p.connect();
            conn.execute_batch("PRAGMA foreign_keys = OFF")
                .map_err(|e| e.to_string())?;
            for t in &previous.tables {
                conn.execute(&format!("DELETE FROM \"{}\"", t.name.name), [])
                    .map_err(|e| e.to_string())?;
            }
            drop(conn);
            p.migrate()
                .map_err(|e| format!("previous → next (empty tables): {e}\n{text}"))?;
        }
        Err(e) => return Err(format!("previous → next: {e}\n{text}")),
    }
    no_drift(&p.connect(), &next).map_err(|e| format!("after previous → next: {e}\n{text}"))
}

#[test]
fn random_schema_pairs_apply_on_sqlite_without_drift() {
    let cases: u32 = std::env::var("SHALE_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(128);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(
            &shale_tests::arbitrary::schema_pair(),
            |(previous, next)| run_pair(&previous, &next).map_err(TestCaseError::fail),
        )
        .unwrap_or_else(|e| panic!("{e}"));
}
