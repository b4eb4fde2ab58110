//! Unit tests of the view pass: in place or recreated, dependents, order.

use shale_model::{
    Column, ColumnType, QualifiedName, RenameHints, Schema, Table, View, ViewColumn,
};

use crate::{diff, MigrationPair, Step};

fn q(name: &str) -> QualifiedName {
    QualifiedName::public(name)
}

fn users(email_type: &str) -> Table {
    let mut t = Table::new(q("users"));
    t.columns
        .push(Column::new("id", ColumnType::named("bigint")));
    t.columns
        .push(Column::new("email", ColumnType::named(email_type)));
    t
}

fn view(name: &str, query: &str, columns: &[(&str, &str)]) -> View {
    let mut v = View::new(q(name), query);
    v.columns = columns
        .iter()
        .map(|(n, t)| ViewColumn {
            name: n.to_string(),
            ty: ColumnType::named(*t),
            comment: None,
        })
        .collect();
    v
}

fn schema(tables: Vec<Table>, views: Vec<View>) -> Schema {
    let mut s = Schema {
        tables,
        views,
        ..Schema::default()
    };
    s.normalize();
    s
}

fn plan(previous: &Schema, next: &Schema) -> Vec<Step> {
    diff(MigrationPair::new(previous, next), &RenameHints::default())
        .expect("no ambiguity")
        .steps
}

fn create(name: &str, replace: bool) -> Step {
    Step::CreateView {
        name: q(name),
        replace,
    }
}

fn drop(name: &str) -> Step {
    Step::DropView {
        name: q(name),
        materialized: false,
    }
}

#[test]
fn views_are_created_after_tables_and_the_views_they_read() {
    let next = schema(
        vec![users("text")],
        vec![
            view(
                "a_emails",
                "SELECT email FROM z_ids JOIN users USING (id)",
                &[("email", "text")],
            ),
            view("z_ids", "SELECT id FROM users", &[("id", "bigint")]),
        ],
    );
    let steps = plan(&Schema::default(), &next);
    assert_eq!(
        steps,
        vec![
            Step::CreateTable { table: q("users") },
            create("z_ids", false),
            create("a_emails", false),
        ]
    );
}

#[test]
fn appended_columns_replace_in_place_and_other_changes_recreate() {
    let before = schema(
        vec![users("text")],
        vec![view("v", "SELECT id FROM users", &[("id", "bigint")])],
    );
    let appended = schema(
        vec![users("text")],
        vec![view(
            "v",
            "SELECT id, email FROM users",
            &[("id", "bigint"), ("email", "text")],
        )],
    );
    assert_eq!(plan(&before, &appended), vec![create("v", true)]);
    let removed = schema(
        vec![users("text")],
        vec![view("v", "SELECT email FROM users", &[("email", "text")])],
    );
    assert_eq!(plan(&before, &removed), vec![drop("v"), create("v", false)]);
}

#[test]
fn a_recreated_view_recreates_its_readers_in_order() {
    let before = schema(
        vec![users("text")],
        vec![
            view(
                "base",
                "SELECT id, email FROM users",
                &[("id", "bigint"), ("email", "text")],
            ),
            view("reader", "SELECT id FROM base", &[("id", "bigint")]),
        ],
    );
    let after = schema(
        vec![users("text")],
        vec![
            view("base", "SELECT id FROM users", &[("id", "bigint")]),
            view("reader", "SELECT id FROM base", &[("id", "bigint")]),
        ],
    );
    assert_eq!(
        plan(&before, &after),
        vec![
            drop("reader"),
            drop("base"),
            create("base", false),
            create("reader", false),
        ]
    );
}

#[test]
fn a_column_type_change_under_a_view_recreates_it_around_the_change() {
    let v = || view("v", "SELECT email FROM users", &[("email", "text")]);
    let before = schema(vec![users("varchar(100)")], vec![v()]);
    let after = schema(vec![users("text")], vec![v()]);
    let steps = plan(&before, &after);
    assert_eq!(steps.first(), Some(&drop("v")));
    assert!(matches!(steps[1], Step::AlterColumn { .. }), "{steps:?}");
    assert_eq!(steps.last(), Some(&create("v", false)));
}

#[test]
fn unchanged_views_and_renames() {
    let before = schema(
        vec![users("text")],
        vec![view("v", "SELECT id FROM users", &[("id", "bigint")])],
    );
    assert!(plan(&before, &before).is_empty());
    let after = schema(
        vec![users("text")],
        vec![view("w", "SELECT id FROM users", &[("id", "bigint")])],
    );
    let hints = RenameHints {
        views: vec![(q("v"), q("w"))],
        ..RenameHints::default()
    };
    let steps = diff(MigrationPair::new(&before, &after), &hints)
        .unwrap()
        .steps;
    assert_eq!(
        steps,
        vec![Step::RenameView {
            names: MigrationPair::new(q("v"), q("w")),
            materialized: false
        }]
    );
    // Without the hint: dropped and created, never a question.
    assert_eq!(plan(&before, &after), vec![drop("v"), create("w", false)]);
}
