//! SQLite introspection of tables shale did not write: column-level
//! constraints, unnamed constraints (named like PostgreSQL would), implicit
//! `REFERENCES parent`, `DEFERRABLE`, generated columns, expression and
//! partial indexes, quoting styles; and the tracking table left out.

mod sqlite_support;

use rusqlite::Connection;
use shale_model::{Deferrable, ForeignKeyAction, Identity, IndexTarget, SortOrder};

#[test]
fn hand_written_tables_read_into_the_model() {
    let conn = Connection::open_in_memory().expect("open");
    conn.execute_batch(
        "CREATE TABLE parent (id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT UNIQUE NOT NULL, \
             n INT CHECK (n > 0) DEFAULT 1, [odd name] varchar(10) DEFAULT -2);
         CREATE TABLE `child` (id integer primary key, \
             parent_id INTEGER REFERENCES parent ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, \
             label varchar(10) COLLATE NOCASE, total AS (id * 2) STORED, \
             CONSTRAINT child_label_ok CHECK (length(label) < 9), \
             FOREIGN KEY (label) REFERENCES parent (code) ON UPDATE SET NULL);
         CREATE UNIQUE INDEX child_label ON child (lower(label) DESC) WHERE label IS NOT NULL;
         CREATE INDEX \"child two\" ON child (parent_id, label DESC);
         CREATE TABLE __drizzle_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric);",
    )
    .expect("create");
    let schema = sqlite_support::introspect(&conn);
    let names: Vec<&str> = schema.tables.iter().map(|t| t.name.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["child", "parent"],
        "sqlite_sequence and the tracking table are left out"
    );

    let parent = &schema.tables[1];
    assert_eq!(
        parent.primary_key.as_ref().map(|p| p.name.as_str()),
        Some("parent_pkey")
    );
    assert_eq!(parent.columns[0].identity, Some(Identity::ByDefault));
    assert!(!parent.columns[0].nullable);
    assert_eq!(parent.uniques[0].name, "parent_code_key");
    assert_eq!(parent.checks[0].name, "parent_n_check");
    assert_eq!(parent.checks[0].expr, "n > 0");
    assert_eq!(parent.columns[2].default.as_deref(), Some("1"));
    assert_eq!(parent.columns[2].ty.base_name(), Some("integer"));
    assert_eq!(parent.columns[3].name, "odd name");
    assert_eq!(parent.columns[3].ty.base_name(), Some("text"));
    assert_eq!(parent.columns[3].default.as_deref(), Some("-2"));

    let child = &schema.tables[0];
    assert_eq!(child.columns[0].identity, None, "no AUTOINCREMENT");
    assert_eq!(child.columns[3].generated.as_deref(), Some("id * 2"));
    assert_eq!(child.checks.len(), 1);
    assert_eq!(child.checks[0].name, "child_label_ok");
    assert_eq!(child.foreign_keys.len(), 2);
    let by_parent = child
        .foreign_keys
        .iter()
        .find(|f| f.columns == ["parent_id"])
        .expect("fk");
    assert_eq!(by_parent.name, "child_parent_id_fkey");
    assert_eq!(
        by_parent.referenced_columns,
        vec!["id".to_string()],
        "implicit reference to the primary key"
    );
    assert_eq!(by_parent.on_delete, ForeignKeyAction::Cascade);
    assert_eq!(by_parent.deferrable, Deferrable::InitiallyDeferred);
    let by_label = child
        .foreign_keys
        .iter()
        .find(|f| f.columns == ["label"])
        .expect("fk");
    assert_eq!(by_label.on_update, ForeignKeyAction::SetNull);
    assert_eq!(by_label.deferrable, Deferrable::No);

    let expr = child
        .indexes
        .iter()
        .find(|i| i.name == "child_label")
        .expect("index");
    assert!(expr.unique);
    assert_eq!(
        expr.keys[0].target,
        IndexTarget::Expression("lower(label)".into())
    );
    assert_eq!(expr.keys[0].order, SortOrder::Desc);
    assert_eq!(expr.predicate.as_deref(), Some("label IS NOT NULL"));
    let two = child
        .indexes
        .iter()
        .find(|i| i.name == "child two")
        .expect("index");
    assert_eq!(two.keys.len(), 2);
    assert_eq!(two.keys[1].target, IndexTarget::Column("label".into()));
    assert_eq!(two.keys[1].order, SortOrder::Desc);
}
