//! The random-schema generators of `shale_tests::arbitrary` produce what they
//! promise: valid, normalised schemas and evolutions (every reference
//! resolves, names are unique), covering every feature; and the validity
//! check itself catches broken schemas.

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use shale_model::{
    BaseType, ForeignKeyAction, Identity, IndexTarget, QualifiedName, Schema, SortOrder,
};
use shale_tests::arbitrary::{check_valid, confirmed_drops, schema, schema_pair};

proptest! {
    #![proptest_config(Config { cases: 256, ..Config::default() })]

    #[test]
    fn generated_schemas_are_valid(s in schema()) {
        if let Err(problems) = check_valid(&s) {
            prop_assert!(false, "{problems:#?}\n{s:#?}");
        }
        prop_assert!(!s.tables.is_empty() && s.tables.len() <= 8);
        prop_assert!(s.enums.len() <= 3 && s.namespaces.len() <= 2);
    }

    #[test]
    fn evolutions_are_valid((a, b) in schema_pair()) {
        if let Err(problems) = check_valid(&a) {
            prop_assert!(false, "previous: {problems:#?}\n{a:#?}");
        }
        if let Err(problems) = check_valid(&b) {
            prop_assert!(false, "next: {problems:#?}\n{a:#?}\n{b:#?}");
        }
        // a column that stays changes type only within a family PostgreSQL casts
        let family = |ty: &shale_model::ColumnType| match ty.base_name() {
            Some("integer" | "bigint") => "int".to_string(),
            Some(n) if n == "text" || n.starts_with("varchar(") => "text".to_string(),
            Some(n) if n.starts_with("numeric(") => "numeric".to_string(),
            // The generated domains are over text or varchar.
            None if matches!(ty.base, shale_model::BaseType::UserType(_)) => "text".to_string(),
            _ => ty.to_string(),
        };
        for ta in &a.tables {
            let Some(tb) = b.table(&ta.name) else { continue };
            for ca in &ta.columns {
                if let Some(cb) = tb.column(&ca.name) {
                    prop_assert_eq!(family(&ca.ty), family(&cb.ty), "{}.{}", ta.name, ca.name);
                }
            }
        }
        // enums only grow, and keep their values' relative order
        for e in &a.enums {
            let n = b.enums.iter().find(|n| n.name == e.name);
            prop_assert!(n.is_some(), "enum {} vanished", e.name);
            let kept: Vec<&String> = n.unwrap().values.iter().filter(|v| e.values.contains(v)).collect();
            prop_assert_eq!(kept, e.values.iter().collect::<Vec<_>>());
        }
    }
}

/// Draws `n` values of a strategy with a fixed seed.
fn sample<T: std::fmt::Debug>(strategy: impl Strategy<Value = T>, n: usize) -> Vec<T> {
    let mut runner = TestRunner::deterministic();
    (0..n)
        .map(|_| {
            strategy
                .new_tree(&mut runner)
                .expect("strategies never reject")
                .current()
        })
        .collect()
}

#[test]
fn schemas_cover_every_feature() {
    let schemas = sample(schema(), 300);
    let any = |f: &dyn Fn(&Schema) -> bool| schemas.iter().any(f);
    let tables =
        |f: &dyn Fn(&shale_model::Table) -> bool| schemas.iter().any(|s| s.tables.iter().any(f));
    let columns = |f: &dyn Fn(&shale_model::Column) -> bool| tables(&|t| t.columns.iter().any(f));
    let mut missing = Vec::new();
    let mut want = |what: &str, ok: bool| {
        if !ok {
            missing.push(what.to_string());
        }
    };
    want("three namespaces", any(&|s| s.namespaces.len() == 2));
    want("a table outside public", tables(&|t| !t.name.is_public()));
    want("an enum", any(&|s| !s.enums.is_empty()));
    want("three enums", any(&|s| s.enums.len() == 3));
    want("eight tables", any(&|s| s.tables.len() == 8));
    want("a view", any(&|s| s.views.iter().any(|v| !v.materialized)));
    want(
        "a materialized view with an index",
        any(&|s| {
            s.views
                .iter()
                .any(|v| v.materialized && !v.indexes.is_empty())
        }),
    );
    want(
        "a view reading a view",
        any(&|s| {
            s.views.iter().any(|v| {
                s.views
                    .iter()
                    .any(|w| w.name != v.name && v.query.contains(&format!("\"{}\"", w.name.name)))
            })
        }),
    );
    want(
        "an enum column",
        columns(&|c| matches!(c.ty.base, BaseType::Enum(_))),
    );
    want("an array column", columns(&|c| c.ty.array_dims == 1));
    for ty in [
        "integer",
        "bigint",
        "text",
        "varchar(32)",
        "numeric(10,2)",
        "boolean",
        "timestamptz",
        "date",
        "uuid",
        "jsonb",
    ] {
        want(ty, columns(&|c| c.ty.base_name() == Some(ty)));
    }
    want("a nullable column", columns(&|c| c.nullable));
    want(
        "an enum default",
        tables(&|t| {
            t.columns
                .iter()
                .any(|c| matches!(c.ty.base, BaseType::Enum(_)) && c.default.is_some())
        }),
    );
    want("now()", columns(&|c| c.default.as_deref() == Some("now()")));
    want(
        "identity always",
        columns(&|c| c.identity == Some(Identity::Always)),
    );
    want(
        "identity by default",
        columns(&|c| c.identity == Some(Identity::ByDefault)),
    );
    want("a column comment", columns(&|c| c.comment.is_some()));
    want("a table comment", tables(&|t| t.comment.is_some()));
    want(
        "an enum comment",
        any(&|s| s.enums.iter().any(|e| e.comment.is_some())),
    );
    want("no primary key", tables(&|t| t.primary_key.is_none()));
    want(
        "a composite primary key",
        tables(&|t| t.primary_key.as_ref().is_some_and(|p| p.columns.len() == 2)),
    );
    want("a unique", tables(&|t| !t.uniques.is_empty()));
    want(
        "a nulls-not-distinct unique",
        tables(&|t| t.uniques.iter().any(|u| u.nulls_not_distinct)),
    );
    want("a check", tables(&|t| !t.checks.is_empty()));
    want("a foreign key", tables(&|t| !t.foreign_keys.is_empty()));
    want(
        "a self-referencing foreign key",
        tables(&|t| t.foreign_keys.iter().any(|f| f.referenced_table == t.name)),
    );
    want(
        "a composite foreign key",
        tables(&|t| t.foreign_keys.iter().any(|f| f.columns.len() == 2)),
    );
    want(
        "a cross-namespace foreign key",
        tables(&|t| {
            t.foreign_keys
                .iter()
                .any(|f| f.referenced_table.namespace != t.name.namespace)
        }),
    );
    want(
        "on delete set null",
        tables(&|t| {
            t.foreign_keys
                .iter()
                .any(|f| f.on_delete == ForeignKeyAction::SetNull)
        }),
    );
    want(
        "on update cascade",
        tables(&|t| {
            t.foreign_keys
                .iter()
                .any(|f| f.on_update == ForeignKeyAction::Cascade)
        }),
    );
    want(
        "a deferrable foreign key",
        tables(&|t| {
            t.foreign_keys
                .iter()
                .any(|f| f.deferrable != Default::default())
        }),
    );
    want("an index", tables(&|t| !t.indexes.is_empty()));
    want(
        "a unique index",
        tables(&|t| t.indexes.iter().any(|i| i.unique)),
    );
    want(
        "a hash index",
        tables(&|t| t.indexes.iter().any(|i| i.method == "hash")),
    );
    want(
        "a partial index",
        tables(&|t| t.indexes.iter().any(|i| i.predicate.is_some())),
    );
    want(
        "a descending key",
        tables(&|t| {
            t.indexes
                .iter()
                .any(|i| i.keys.iter().any(|k| k.order == SortOrder::Desc))
        }),
    );
    want(
        "a multi-column index",
        tables(&|t| t.indexes.iter().any(|i| i.keys.len() == 3)),
    );
    want(
        "the same table name in two namespaces",
        any(&|s| {
            s.tables.iter().any(|a| {
                s.tables
                    .iter()
                    .any(|b| a.name.name == b.name.name && a.name.namespace != b.name.namespace)
            })
        }),
    );
    want(
        "row-level security enabled and forced",
        tables(&|t| t.row_level_security.enabled && t.row_level_security.forced),
    );
    for command in ["ALL", "SELECT", "INSERT", "UPDATE", "DELETE"] {
        want(
            &format!("a {command} policy"),
            tables(&|t| t.policies.iter().any(|p| p.command.as_sql() == command)),
        );
    }
    want(
        "a restrictive policy for two roles with both clauses",
        tables(&|t| {
            t.policies.iter().any(|p| {
                !p.permissive && p.roles.len() == 2 && p.using.is_some() && p.with_check.is_some()
            })
        }),
    );
    assert!(
        missing.is_empty(),
        "300 generated schemas never had: {missing:?}"
    );
}

#[test]
fn evolutions_cover_every_kind_of_change() {
    let pairs = sample(schema_pair(), 400);
    let changed = pairs.iter().filter(|(a, b)| a != b).count();
    assert!(
        changed * 10 >= pairs.len() * 8,
        "only {changed} of {} pairs differ",
        pairs.len()
    );
    let any = |f: &dyn Fn(&Schema, &Schema) -> bool| pairs.iter().any(|(a, b)| f(a, b));
    let same_tables = |f: &dyn Fn(&shale_model::Table, &shale_model::Table) -> bool| {
        any(&|a, b| {
            a.tables
                .iter()
                .any(|ta| b.table(&ta.name).is_some_and(|tb| f(ta, tb)))
        })
    };
    let same_columns = |f: &dyn Fn(&shale_model::Column, &shale_model::Column) -> bool| {
        same_tables(&|ta, tb| {
            ta.columns
                .iter()
                .any(|ca| tb.column(&ca.name).is_some_and(|cb| f(ca, cb)))
        })
    };
    let names = |s: &Schema| {
        s.tables
            .iter()
            .map(|t| t.name.clone())
            .collect::<Vec<QualifiedName>>()
    };
    let mut missing = Vec::new();
    let mut want = |what: &str, ok: bool| {
        if !ok {
            missing.push(what.to_string());
        }
    };
    want(
        "add table",
        any(&|a, b| names(b).iter().any(|n| a.table(n).is_none())),
    );
    // Views follow their tables: a view whose columns change (retyped,
    // dropped or renamed under it), and one over a table that went away.
    want(
        "a view's columns change",
        any(&|a, b| {
            a.views
                .iter()
                .any(|va| b.view(&va.name).is_some_and(|vb| vb.columns != va.columns))
        }),
    );
    want(
        "a view dropped with its table",
        any(&|a, b| a.views.iter().any(|v| b.view(&v.name).is_none())),
    );
    want(
        "drop table",
        any(&|a, b| names(a).iter().any(|n| b.table(n).is_none())),
    );
    want(
        "add column",
        same_tables(&|ta, tb| tb.columns.iter().any(|c| ta.column(&c.name).is_none())),
    );
    want(
        "drop column",
        same_tables(&|ta, tb| ta.columns.iter().any(|c| tb.column(&c.name).is_none())),
    );
    want("change type", same_columns(&|a, b| a.ty != b.ty));
    want(
        "set not null",
        same_columns(&|a, b| a.nullable && !b.nullable),
    );
    want(
        "drop not null",
        same_columns(&|a, b| !a.nullable && b.nullable),
    );
    want(
        "change default",
        same_columns(&|a, b| a.default.is_some() && b.default.is_some() && a.default != b.default),
    );
    want(
        "drop default",
        same_columns(&|a, b| a.default.is_some() && b.default.is_none()),
    );
    want(
        "change comment",
        same_columns(&|a, b| a.comment != b.comment) || same_tables(&|a, b| a.comment != b.comment),
    );
    let by_name = |f: fn(&shale_model::Table) -> Vec<String>, added: bool| {
        same_tables(&|ta, tb| {
            let (x, y) = if added {
                (f(tb), f(ta))
            } else {
                (f(ta), f(tb))
            };
            x.iter().any(|n| !y.contains(n))
        })
    };
    want(
        "add index",
        by_name(|t| t.indexes.iter().map(|i| i.name.clone()).collect(), true),
    );
    want(
        "drop index",
        by_name(
            |t| t.indexes.iter().map(|i| i.name.clone()).collect(),
            false,
        ),
    );
    want(
        "add unique",
        by_name(|t| t.uniques.iter().map(|i| i.name.clone()).collect(), true),
    );
    want(
        "drop unique",
        by_name(
            |t| t.uniques.iter().map(|i| i.name.clone()).collect(),
            false,
        ),
    );
    want(
        "add check",
        by_name(|t| t.checks.iter().map(|i| i.name.clone()).collect(), true),
    );
    want(
        "drop check",
        by_name(|t| t.checks.iter().map(|i| i.name.clone()).collect(), false),
    );
    want(
        "add foreign key",
        by_name(
            |t| t.foreign_keys.iter().map(|i| i.name.clone()).collect(),
            true,
        ),
    );
    want(
        "drop foreign key",
        by_name(
            |t| t.foreign_keys.iter().map(|i| i.name.clone()).collect(),
            false,
        ),
    );
    want(
        "add enum value",
        any(&|a, b| {
            a.enums
                .iter()
                .zip(&b.enums)
                .any(|(x, y)| x.values.len() < y.values.len())
        }),
    );
    want(
        "add enum value in the middle",
        any(&|a, b| {
            a.enums
                .iter()
                .zip(&b.enums)
                .any(|(x, y)| y.values.len() > x.values.len() && y.values.last() == x.values.last())
        }),
    );
    want(
        "a policy added to an existing table",
        same_tables(&|ta, tb| {
            tb.policies
                .iter()
                .any(|p| !ta.policies.iter().any(|q| q.name == p.name))
        }),
    );
    want(
        "a policy dropped from an existing table",
        same_tables(&|ta, tb| {
            ta.policies
                .iter()
                .any(|p| !tb.policies.iter().any(|q| q.name == p.name))
        }),
    );
    want(
        "row-level security switched on an existing table",
        same_tables(&|ta, tb| ta.row_level_security != tb.row_level_security),
    );
    assert!(
        missing.is_empty(),
        "400 generated evolutions never did: {missing:?}"
    );
}

#[test]
fn confirmed_drops_name_what_disappeared() {
    for (a, b) in sample(schema_pair(), 100) {
        let hints = confirmed_drops(&a, &b);
        for t in &hints.dropped_tables {
            assert!(a.table(t).is_some() && b.table(t).is_none());
        }
        for (t, c) in &hints.dropped_columns {
            assert!(
                a.table(t).unwrap().column(c).is_some() && b.table(t).unwrap().column(c).is_none()
            );
        }
        for t in &a.tables {
            if b.table(&t.name).is_none() {
                assert!(hints.dropped_tables.contains(&t.name));
            }
        }
        assert!(hints.tables.is_empty() && hints.columns.is_empty());
    }
}

#[test]
fn the_validity_check_catches_broken_schemas() {
    let schemas = sample(schema(), 200);
    let with_fk = schemas
        .iter()
        .find(|s| {
            s.tables
                .iter()
                .any(|t| t.foreign_keys.iter().any(|f| f.referenced_table != t.name))
        })
        .expect("some schema has a foreign key to another table");
    // drop a referenced table without its foreign keys
    let mut broken = with_fk.clone();
    let target = broken
        .tables
        .iter()
        .flat_map(|t| {
            t.foreign_keys
                .iter()
                .filter(|f| f.referenced_table != t.name)
        })
        .next()
        .unwrap()
        .referenced_table
        .clone();
    broken.tables.retain(|t| t.name != target);
    let problems = check_valid(&broken).unwrap_err();
    assert!(
        problems.iter().any(|p| p.contains("missing table")),
        "{problems:?}"
    );

    // an index on a column that does not exist
    let mut broken = schemas
        .iter()
        .find(|s| s.tables.iter().any(|t| !t.indexes.is_empty()))
        .unwrap()
        .clone();
    let t = broken
        .tables
        .iter_mut()
        .find(|t| !t.indexes.is_empty())
        .unwrap();
    t.indexes[0].keys[0].target = IndexTarget::Column("nope".into());
    assert!(check_valid(&broken)
        .unwrap_err()
        .iter()
        .any(|p| p.contains("missing columns")));

    // a duplicate index name across two tables of one namespace
    let mut broken = schemas
        .iter()
        .find(|s| {
            s.tables.len() >= 2
                && s.tables
                    .iter()
                    .all(|t| t.name.is_public() && t.primary_key.is_some())
        })
        .unwrap()
        .clone();
    let first = broken.tables[0].primary_key.as_ref().unwrap().name.clone();
    broken.tables[1].primary_key.as_mut().unwrap().name = first;
    assert!(check_valid(&broken)
        .unwrap_err()
        .iter()
        .any(|p| p.contains("taken by another relation")));

    // not normalised
    let mut broken = schemas
        .iter()
        .find(|s| s.tables.len() >= 2)
        .unwrap()
        .clone();
    broken.tables.reverse();
    assert!(check_valid(&broken)
        .unwrap_err()
        .iter()
        .any(|p| p.contains("normalised")));

    // a nullable primary key column
    let mut broken = schemas
        .iter()
        .find(|s| s.tables.iter().any(|t| t.primary_key.is_some()))
        .unwrap()
        .clone();
    let t = broken
        .tables
        .iter_mut()
        .find(|t| t.primary_key.is_some())
        .unwrap();
    let pk_col = t.primary_key.as_ref().unwrap().columns[0].clone();
    t.columns
        .iter_mut()
        .find(|c| c.name == pk_col)
        .unwrap()
        .nullable = true;
    assert!(check_valid(&broken)
        .unwrap_err()
        .iter()
        .any(|p| p.contains("nullable")));
}
