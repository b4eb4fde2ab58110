//! Snapshots of random schemas round-trip exactly (model → JSON → model) and
//! their bytes depend only on the schema, not on the order it was built in.

use proptest::prelude::*;
use proptest::test_runner::Config;
use shale_migrations::snapshot::{new_id, Dialect, Snapshot, ROOT_ID};
use shale_tests::arbitrary::{schema, schema_pair};

proptest! {
    #![proptest_config(Config { cases: 256, ..Config::default() })]

    #[test]
    fn snapshots_round_trip(s in schema()) {
        let snap = Snapshot::new(Dialect::Postgresql, ROOT_ID, "0000_init", s.clone());
        prop_assert_eq!(&snap.schema, &s, "the generated schema is already normalised");
        let text = snap.to_json();
        let back = Snapshot::from_json(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &snap);
        prop_assert_eq!(back.to_json(), text);
    }

    #[test]
    fn bytes_depend_only_on_the_schema((a, b) in schema_pair()) {
        let mut shuffled = a.clone();
        shuffled.tables.reverse();
        shuffled.enums.reverse();
        shuffled.namespaces.reverse();
        for t in &mut shuffled.tables {
            t.indexes.reverse();
            t.foreign_keys.reverse();
            t.uniques.reverse();
            t.checks.reverse();
        }
        let snap = |s| Snapshot { dialect: Dialect::Postgresql, id: "i".into(), prev_id: ROOT_ID.into(), schema: s };
        prop_assert_eq!(snap(shuffled.clone()).to_json(), snap(a.clone()).to_json());
        prop_assert_eq!(new_id(ROOT_ID, "s", &shuffled), new_id(ROOT_ID, "s", &a));
        // different schemas give different files and ids
        prop_assert_eq!(snap(a.clone()).to_json() == snap(b.clone()).to_json(), a == b);
        prop_assert_eq!(new_id(ROOT_ID, "s", &a) == new_id(ROOT_ID, "s", &b), a == b);
    }
}
