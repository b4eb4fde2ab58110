//! The `partitionBy`, `partitions` and `exclusions` keys of a table and the
//! `collation` key of a column: every field round-trips, and a table
//! without them writes none of these keys (so older snapshots keep their
//! bytes and ids).

use shale_migrations::snapshot::{Dialect, Snapshot, ROOT_ID};
use shale_model::{
    Column, ColumnType, Deferrable, ExclusionConstraint, ExclusionElement, Partition,
    PartitionBound, PartitionKey, QualifiedName, Schema, Table,
};

fn partitioned() -> Schema {
    let mut events = Table::new(QualifiedName::new("app", "events"));
    events.columns = vec![
        Column::new("id", ColumnType::named("bigint")),
        Column::new("at", ColumnType::named("date")),
    ];
    let mut code = Column::new("code", ColumnType::named("text"));
    code.collation = Some("C".into());
    events.columns.push(code);
    events.partition_by = Some(PartitionKey::parse("RANGE (at, (lower(code)))").unwrap());
    events.partitions = vec![
        Partition {
            name: "events_2026".into(),
            bound: PartitionBound::parse(
                "FROM ('2026-01-01', MINVALUE) TO ('2027-01-01', MAXVALUE)",
                shale_model::PartitionStrategy::Range,
            )
            .unwrap(),
        },
        Partition {
            name: "events_rest".into(),
            bound: PartitionBound::Default,
        },
    ];
    let mut bookings = Table::new(QualifiedName::public("bookings"));
    bookings.columns = vec![
        Column::new("room", ColumnType::named("integer")),
        Column::new("during", ColumnType::named("tstzrange")),
    ];
    bookings.exclusions = vec![ExclusionConstraint {
        comment: None,
        name: "bookings_room_during_excl".into(),
        method: "gist".into(),
        elements: vec![
            ExclusionElement {
                target: "room".into(),
                operator: "=".into(),
            },
            ExclusionElement {
                target: "during".into(),
                operator: "&&".into(),
            },
        ],
        predicate: Some("room > 0".into()),
        deferrable: Deferrable::InitiallyDeferred,
    }];
    let mut schema = Schema {
        namespaces: vec!["app".into()],
        tables: vec![events, bookings],
        ..Schema::default()
    };
    schema.normalize();
    schema
}

#[test]
fn partitions_exclusions_and_collations_round_trip() {
    let snap = Snapshot::new(Dialect::Postgresql, ROOT_ID, "salt", partitioned());
    let text = snap.to_json();
    for key in [
        "\"partitionBy\"",
        "\"partitions\"",
        "\"exclusions\"",
        "\"collation\": \"C\"",
    ] {
        assert!(text.contains(key), "{key} missing:\n{text}");
    }
    assert_eq!(Snapshot::from_json(&text).unwrap(), snap);
}

#[test]
fn a_plain_table_writes_none_of_the_keys() {
    let mut t = Table::new(QualifiedName::public("t"));
    t.columns = vec![Column::new("a", ColumnType::named("text"))];
    let schema = Schema {
        tables: vec![t],
        ..Schema::default()
    };
    let text = Snapshot::new(Dialect::Postgresql, ROOT_ID, "salt", schema).to_json();
    for key in ["partitionBy", "partitions", "exclusions", "collation"] {
        assert!(!text.contains(key), "{key} written:\n{text}");
    }
}
