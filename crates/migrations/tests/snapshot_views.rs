//! The `views` key of snapshots: every field round-trips, and a schema
//! without views writes no `views` key (so older snapshots keep their
//! bytes and ids).

use shale_migrations::snapshot::{Dialect, Snapshot, ROOT_ID};
use shale_model::{
    CheckOption, ColumnType, Index, IndexKey, QualifiedName, Schema, Table, View, ViewColumn,
    DEFAULT_INDEX_METHOD,
};

fn with_views() -> Schema {
    let mut plain = View::new(
        QualifiedName::new("app", "active_users"),
        "SELECT id, email FROM users WHERE active",
    );
    plain.columns = vec![
        ViewColumn {
            name: "id".into(),
            ty: ColumnType::named("bigint"),
            comment: None,
        },
        ViewColumn {
            name: "roles".into(),
            ty: ColumnType {
                array_dims: 1,
                ..ColumnType::enum_(QualifiedName::new("auth", "role"))
            },
            comment: Some("what they may do".into()),
        },
    ];
    plain.check_option = CheckOption::Local;
    plain.security_invoker = true;
    plain.security_barrier = true;
    plain.comment = Some("signed in this month".into());
    let mut mat = View::new(QualifiedName::public("totals"), "SELECT 1 AS id");
    mat.materialized = true;
    mat.columns = vec![ViewColumn {
        name: "id".into(),
        ty: ColumnType::named("integer"),
        comment: None,
    }];
    mat.indexes = vec![Index {
        comment: None,
        name: "totals_id_idx".into(),
        unique: true,
        nulls_not_distinct: false,
        method: DEFAULT_INDEX_METHOD.into(),
        keys: vec![IndexKey::column("id")],
        include: Vec::new(),
        predicate: None,
    }];
    let mut s = Schema {
        tables: vec![Table::new(QualifiedName::public("users"))],
        views: vec![plain, mat],
        ..Schema::default()
    };
    s.normalize();
    s
}

#[test]
fn views_round_trip_with_every_field() {
    let snap = Snapshot::new(Dialect::Postgresql, ROOT_ID, "salt", with_views());
    let text = snap.to_json();
    assert!(text.contains("\"views\""), "{text}");
    assert!(text.contains("\"checkOption\": \"local\""), "{text}");
    let back = Snapshot::from_json(&text).expect("reads back");
    assert_eq!(back, snap);
}

#[test]
fn no_views_no_key() {
    // (That ids and bytes of such schemas are unchanged is pinned by the
    // golden file of `snapshot.rs`.)
    let mut without = with_views();
    without.views.clear();
    let snap = Snapshot::new(Dialect::Postgresql, ROOT_ID, "salt", without);
    assert!(!snap.to_json().contains("views"));
}

#[test]
fn indexes_on_a_plain_view_are_refused() {
    let snap = Snapshot::new(Dialect::Postgresql, ROOT_ID, "salt", with_views());
    let text = snap.to_json().replace("\"materialized\": true,\n", "");
    let err = Snapshot::from_json(&text).unwrap_err().to_string();
    assert!(err.contains("not materialized"), "{err}");
}
