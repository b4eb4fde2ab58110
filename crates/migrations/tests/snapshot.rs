//! The snapshot format: round trips of every model field, byte-stable output
//! against a golden file, refusal of newer formats and bad input, and the
//! chain checks of the snapshots-directory loader.

use std::path::{Path, PathBuf};
use std::time::Instant;

use shale_migrations::snapshot::{
    self, check_chain, file_name, load_dir, new_id, Dialect, LoadError, Snapshot, SnapshotError,
    SnapshotFile, FORMAT, ROOT_ID,
};
use shale_model::{
    naming, CheckConstraint, Column, ColumnType, Deferrable, Enum, ForeignKey, ForeignKeyAction,
    Identity, Index, IndexKey, IndexTarget, NullsOrder, PrimaryKey, QualifiedName, Schema,
    SortOrder, Table, UniqueConstraint,
};

/// A schema that sets every field of the model at least once, to a
/// non-default value somewhere and to the default elsewhere.
fn every_field() -> Schema {
    let role = QualifiedName::public("role");
    let status = QualifiedName::new("auth", "status");
    let orgs = QualifiedName::new("auth", "orgs");
    let users = QualifiedName::public("users");
    let memberships = QualifiedName::public("memberships");

    let mut org_table = Table::new(orgs.clone());
    org_table.columns = vec![
        Column {
            identity: Some(Identity::Always),
            ..Column::new("id", ColumnType::named("bigint"))
        },
        Column {
            comment: Some("display name".into()),
            ..Column::new("name", ColumnType::named("text"))
        },
        Column {
            nullable: true,
            ..Column::new("state", ColumnType::enum_(status.clone()))
        },
    ];
    org_table.primary_key = Some(PrimaryKey {
        comment: None,
        deferrable: Default::default(),
        name: naming::primary_key("orgs"),
        columns: vec!["id".into()],
    });
    org_table.comment = Some("Organisations.\nSecond line with \"quotes\" and ünïcode.".into());

    let mut user_table = Table::new(users.clone());
    user_table.columns = vec![
        Column {
            identity: Some(Identity::ByDefault),
            ..Column::new("id", ColumnType::named("bigint"))
        },
        Column::new("email", ColumnType::named("varchar(320)")),
        Column {
            nullable: true,
            ..Column::new("age", ColumnType::named("integer"))
        },
        Column::new("org_id", ColumnType::named("bigint")),
        Column {
            default: Some("'member'".into()),
            ..Column::new("role", ColumnType::enum_(role.clone()))
        },
        Column {
            default: Some("now()".into()),
            ..Column::new("created_at", ColumnType::named("timestamptz(3)"))
        },
        Column {
            default: Some("'{}'".into()),
            ..Column::new("tags", ColumnType::named("text").array_of())
        },
        Column {
            nullable: true,
            ..Column::new("grid", ColumnType::named("integer").array_of().array_of())
        },
        Column {
            nullable: true,
            ..Column::new("past_roles", ColumnType::enum_(role.clone()).array_of())
        },
        Column {
            nullable: true,
            ..Column::new("balance", ColumnType::named("numeric(10,2)"))
        },
        Column {
            nullable: true,
            generated: Some("lower(email)".into()),
            ..Column::new("email_lower", ColumnType::named("text"))
        },
        Column::new("handle", ColumnType::named("text")),
        Column {
            nullable: true,
            ..Column::new("deleted_at", ColumnType::named("timestamptz"))
        },
    ];
    user_table.primary_key = Some(PrimaryKey {
        comment: None,
        deferrable: Default::default(),
        name: naming::primary_key("users"),
        columns: vec!["id".into()],
    });
    user_table.uniques = vec![
        UniqueConstraint {
            comment: None,
            deferrable: Default::default(),
            name: naming::unique("users", &["org_id", "handle"]),
            columns: vec!["org_id".into(), "handle".into()],
            nulls_not_distinct: true,
        },
        UniqueConstraint {
            comment: None,
            deferrable: Default::default(),
            name: naming::unique("users", &["email"]),
            columns: vec!["email".into()],
            nulls_not_distinct: false,
        },
    ];
    user_table.checks = vec![
        CheckConstraint {
            comment: None,
            not_valid: false,
            no_inherit: false,
            name: "users_age_positive".into(),
            expr: "age > 0".into(),
        },
        CheckConstraint {
            comment: None,
            not_valid: false,
            no_inherit: false,
            name: naming::check("users", None),
            expr: "char_length(handle) < 40".into(),
        },
    ];
    user_table.foreign_keys = vec![ForeignKey {
        comment: None,
        not_valid: false,
        match_full: false,
        name: naming::foreign_key("users", &["org_id"]),
        columns: vec!["org_id".into()],
        referenced_table: orgs.clone(),
        referenced_columns: vec!["id".into()],
        on_delete: ForeignKeyAction::Cascade,
        on_update: ForeignKeyAction::Restrict,
        deferrable: Deferrable::InitiallyDeferred,
    }];
    user_table.indexes = vec![
        Index {
            comment: None,
            name: naming::index("users", &["org_id", "created_at"]),
            unique: false,
            nulls_not_distinct: false,
            method: "btree".into(),
            keys: vec![
                IndexKey::column("org_id"),
                IndexKey {
                    target: IndexTarget::Column("created_at".into()),
                    order: SortOrder::Desc,
                    nulls: Some(NullsOrder::Last),
                    opclass: None,
                },
            ],
            include: vec![],
            predicate: None,
        },
        Index {
            comment: None,
            name: "users_email_lower".into(),
            unique: true,
            nulls_not_distinct: true,
            method: "btree".into(),
            keys: vec![IndexKey {
                target: IndexTarget::Expression("lower(email)".into()),
                order: SortOrder::Asc,
                nulls: Some(NullsOrder::First),
                opclass: Some("text_pattern_ops".into()),
            }],
            include: vec!["id".into()],
            predicate: Some("deleted_at IS NULL".into()),
        },
        Index {
            comment: None,
            name: naming::index("users", &["tags"]),
            unique: false,
            nulls_not_distinct: false,
            method: "gin".into(),
            keys: vec![IndexKey::column("tags")],
            include: vec![],
            predicate: None,
        },
    ];
    user_table.comment = Some("People who can sign in.".into());

    let mut membership_table = Table::new(memberships.clone());
    membership_table.columns = vec![
        Column::new("user_id", ColumnType::named("bigint")),
        Column::new("org_id", ColumnType::named("bigint")),
        Column::new("handle", ColumnType::named("text")),
    ];
    membership_table.primary_key = Some(PrimaryKey {
        comment: None,
        deferrable: Default::default(),
        name: naming::primary_key("memberships"),
        columns: vec!["user_id".into(), "org_id".into()],
    });
    let fk =
        |cols: &[&str], table: &QualifiedName, refs: &[&str], on_delete, on_update, deferrable| {
            ForeignKey {
                comment: None,
                not_valid: false,
                match_full: false,
                name: naming::foreign_key("memberships", cols),
                columns: cols.iter().map(|c| c.to_string()).collect(),
                referenced_table: table.clone(),
                referenced_columns: refs.iter().map(|c| c.to_string()).collect(),
                on_delete,
                on_update,
                deferrable,
            }
        };
    membership_table.foreign_keys = vec![
        fk(
            &["user_id"],
            &users,
            &["id"],
            ForeignKeyAction::SetNull,
            ForeignKeyAction::NoAction,
            Deferrable::No,
        ),
        fk(
            &["org_id", "handle"],
            &users,
            &["org_id", "handle"],
            ForeignKeyAction::SetDefault,
            ForeignKeyAction::Cascade,
            Deferrable::InitiallyImmediate,
        ),
    ];

    let mut schema = Schema {
        namespaces: vec!["auth".into()],
        enums: vec![
            Enum {
                name: role,
                values: vec!["admin".into(), "member".into(), "guest-user".into()],
                comment: Some("What a user may do.".into()),
            },
            Enum {
                name: status,
                values: vec!["active".into(), "closed".into()],
                comment: None,
            },
            Enum {
                name: QualifiedName::public("empty_enum"),
                values: vec![],
                comment: None,
            },
        ],
        tables: vec![
            org_table,
            user_table,
            membership_table,
            Table::new(QualifiedName::public("bare")),
        ],
        ..Schema::default()
    };
    schema.normalize();
    schema
}

fn golden_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/snapshot_every_field.json")
}

fn every_field_snapshot() -> Snapshot {
    Snapshot::new(
        Dialect::Postgresql,
        ROOT_ID,
        "0000_init 1732000000000",
        every_field(),
    )
}

#[test]
fn every_field_round_trips() {
    let snap = every_field_snapshot();
    let text = snap.to_json();
    let back = Snapshot::from_json(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(back, snap);
    assert_eq!(
        back.to_json(),
        text,
        "writing what was read changes the bytes"
    );
}

#[test]
fn output_matches_golden_file() {
    let text = every_field_snapshot().to_json();
    let path = golden_path();
    if std::env::var_os("SHALE_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e} (run with SHALE_BLESS=1 to create it)",
            path.display()
        )
    });
    if want != text {
        let first = want
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "snapshot output differs from {} at line {}:\n  expected: {:?}\n  actual:   {:?}\n\
             if the change is intended, run with SHALE_BLESS=1 (a format change also needs a new FORMAT)",
            path.display(),
            first + 1,
            want.lines().nth(first),
            text.lines().nth(first)
        );
    }
}

#[test]
fn output_is_pretty_two_space_with_trailing_newline_and_omits_defaults() {
    let text = every_field_snapshot().to_json();
    assert!(
        text.starts_with("{\n  \"format\": 1,\n  \"dialect\": \"postgresql\",\n  \"id\": \""),
        "{text}"
    );
    assert!(text.ends_with("}\n") && !text.ends_with("\n\n"));
    assert!(!text.contains("\"nullable\": false"));
    assert!(!text.contains("\"unique\": false"));
    assert!(!text.contains("\"order\": \"asc\""));
    assert!(!text.contains("\"method\": \"btree\""));
    assert!(!text.contains("no_action"));
    assert!(!text.contains("[]"), "empty lists are omitted");
    assert!(!text.contains("\"schema\": \"public\""));
    assert!(text.contains("\"method\": \"gin\""));
    assert!(text.contains("\"deferrable\": \"initially_deferred\""));
}

#[test]
fn unnormalised_input_gives_the_same_bytes() {
    let snap = every_field_snapshot();
    let mut shuffled = snap.clone();
    shuffled.schema.tables.reverse();
    shuffled.schema.enums.reverse();
    shuffled.schema.namespaces.push("auth".into());
    for t in &mut shuffled.schema.tables {
        t.indexes.reverse();
        t.uniques.reverse();
        t.checks.reverse();
        t.foreign_keys.reverse();
    }
    assert_ne!(shuffled.schema, snap.schema);
    assert_eq!(shuffled.to_json(), snap.to_json());
    assert_eq!(
        new_id(ROOT_ID, "s", &shuffled.schema),
        new_id(ROOT_ID, "s", &snap.schema)
    );
}

#[test]
fn ids_are_uuid_shaped_deterministic_and_distinct() {
    let schema = every_field();
    let a = new_id(ROOT_ID, "0001_a 1", &schema);
    assert_eq!(a, new_id(ROOT_ID, "0001_a 1", &schema));
    assert_eq!(a.len(), 36);
    let groups: Vec<&str> = a.split('-').collect();
    assert_eq!(
        groups.iter().map(|g| g.len()).collect::<Vec<_>>(),
        [8, 4, 4, 4, 12]
    );
    assert!(a
        .chars()
        .all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert_eq!(&a[14..15], "8", "version nibble");
    // two branches from the same parent: another salt, another schema, another parent
    assert_ne!(a, new_id(ROOT_ID, "0001_b 2", &schema));
    assert_ne!(a, new_id(ROOT_ID, "0001_a 1", &Schema::default()));
    assert_ne!(a, new_id(&a, "0001_a 1", &schema));
    assert_ne!(new_id(ROOT_ID, "", &Schema::default()), ROOT_ID);
}

#[test]
fn empty_schema_has_only_the_header() {
    let snap = Snapshot::new(Dialect::Sqlite, ROOT_ID, "x", Schema::default());
    let text = snap.to_json();
    assert_eq!(
        text,
        format!("{{\n  \"format\": 1,\n  \"dialect\": \"sqlite\",\n  \"id\": \"{}\",\n  \"prevId\": \"{ROOT_ID}\"\n}}\n", snap.id)
    );
    assert_eq!(Snapshot::from_json(&text).unwrap(), snap);
}

fn header(format: &str, dialect: &str) -> String {
    format!("{{\"format\": {format}, \"dialect\": \"{dialect}\", \"id\": \"a\", \"prevId\": \"{ROOT_ID}\"")
}

#[test]
fn newer_format_is_refused_with_an_upgrade_message() {
    // the newer file has a key this build does not know: still a version error
    let text = format!(
        "{}, \"views\": [{{\"name\": \"v\"}}]}}",
        header("2", "postgresql")
    );
    let err = Snapshot::from_json(&text).unwrap_err();
    assert!(
        matches!(
            err,
            SnapshotError::TooNew {
                found: 2,
                supported: FORMAT,
                ..
            }
        ),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(msg.contains("snapshot format 2"), "{msg}");
    assert!(
        msg.contains(&format!("shale {}", env!("CARGO_PKG_VERSION"))),
        "{msg}"
    );
    assert!(msg.contains("upgrade shale"), "{msg}");
    // and one that would parse otherwise
    let err = Snapshot::from_json(&format!("{}}}", header("7", "postgresql"))).unwrap_err();
    assert!(
        matches!(err, SnapshotError::TooNew { found: 7, .. }),
        "{err:?}"
    );
}

#[test]
fn other_bad_headers_are_refused() {
    let err = Snapshot::from_json(&format!("{}}}", header("0", "postgresql"))).unwrap_err();
    assert!(matches!(err, SnapshotError::Unsupported(0)), "{err:?}");
    let err = Snapshot::from_json(&format!("{}}}", header("1", "oracle"))).unwrap_err();
    assert!(
        matches!(&err, SnapshotError::UnknownDialect(d) if d == "oracle"),
        "{err:?}"
    );
    assert!(err.to_string().contains("\"postgresql\" or \"sqlite\""));
    // a drizzle-kit snapshot
    let err = Snapshot::from_json(r#"{"version": "7", "dialect": "postgresql", "tables": {}}"#)
        .unwrap_err();
    assert!(matches!(err, SnapshotError::MissingFormat), "{err:?}");
}

#[test]
fn malformed_json_names_line_and_column() {
    let err = Snapshot::from_json(
        "{\n  \"format\": 1,\n  \"dialect\": \"postgresql\"\n  \"id\": \"x\"\n}",
    )
    .unwrap_err();
    match &err {
        SnapshotError::Syntax { line, column, .. } => assert_eq!((*line, *column), (4, 3), "{err}"),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("line 4, column 3"), "{err}");
    let err = Snapshot::from_json("").unwrap_err();
    assert!(matches!(err, SnapshotError::Syntax { .. }), "{err:?}");
}

#[test]
fn wrong_shapes_name_line_and_column() {
    let text = format!(
        "{},\n\"tables\": [{{\"name\": \"t\", \"colums\": []}}]}}",
        header("1", "postgresql")
    );
    let err = Snapshot::from_json(&text).unwrap_err();
    match &err {
        SnapshotError::Shape { line, message, .. } => {
            assert_eq!(*line, 2);
            assert!(message.contains("colums"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let text = format!(
        "{}, \"tables\": [{{\"name\": \"t\", \"columns\": [{{\"name\": \"c\", \"type\": \"int\", \"identity\": \"sometimes\"}}]}}]}}",
        header("1", "postgresql")
    );
    assert!(matches!(
        Snapshot::from_json(&text).unwrap_err(),
        SnapshotError::Shape { .. }
    ));
}

#[test]
fn contradictory_contents_are_refused() {
    let table = |body: &str| {
        format!(
            "{}, \"tables\": [{{\"name\": \"t\", {body}}}]}}",
            header("1", "postgresql")
        )
    };
    for (body, needle) in [
        (
            r#""columns": [{"name": "c", "type": "text", "enum": "role"}]"#,
            "both",
        ),
        (r#""columns": [{"name": "c"}]"#, "neither"),
        (
            r#""columns": [{"name": "c", "type": "text", "enumSchema": "auth"}]"#,
            "enumSchema",
        ),
        (
            r#""foreignKeys": [{"name": "f", "columns": ["a", "b"], "references": {"table": "u", "columns": ["id"]}}]"#,
            "2 columns",
        ),
        (
            r#""indexes": [{"name": "i", "keys": [{"order": "desc"}]}]"#,
            "exactly one",
        ),
    ] {
        let err = Snapshot::from_json(&table(body)).unwrap_err();
        assert!(matches!(err, SnapshotError::Invalid(_)), "{body}: {err:?}");
        assert!(err.to_string().contains(needle), "{body}: {err}");
    }
}

#[test]
fn three_thousand_tables_round_trip() {
    let schema = synthetic(3000);
    let snap = Snapshot::new(Dialect::Postgresql, ROOT_ID, "bench", schema);
    // best of three, to see through noise from other processes
    let (mut write, mut read) = (std::time::Duration::MAX, std::time::Duration::MAX);
    let (mut text, mut back) = (String::new(), None);
    for _ in 0..3 {
        let start = Instant::now();
        text = snap.to_json();
        write = write.min(start.elapsed());
        let start = Instant::now();
        back = Some(Snapshot::from_json(&text).unwrap());
        read = read.min(start.elapsed());
    }
    assert_eq!(back.as_ref(), Some(&snap));
    // Timing is measured, not asserted (debug builds and shared machines vary);
    // `cargo test --release -p shale-migrations --test snapshot -- --nocapture three` prints it.
    println!(
        "3000 tables: {} bytes, to_json {write:?}, from_json {read:?}",
        text.len()
    );
}

/// `n` tables of 10 mixed columns, 2 indexes, 1 unique and 1 foreign key each.
fn synthetic(n: usize) -> Schema {
    let mut schema = Schema::default();
    for i in 0..n {
        let name = format!("table_{i:05}");
        let mut t = Table::new(QualifiedName::public(&name));
        for (j, ty) in [
            "bigint",
            "text",
            "varchar(255)",
            "integer",
            "boolean",
            "timestamptz",
            "numeric(12,2)",
            "jsonb",
            "uuid",
            "text[]",
        ]
        .iter()
        .enumerate()
        {
            let mut c = Column::new(format!("col_{j}"), ColumnType::named(ty));
            c.nullable = j % 3 == 1;
            if j == 5 {
                c.default = Some("now()".into());
            }
            if j == 0 {
                c.identity = Some(Identity::ByDefault);
            }
            t.columns.push(c);
        }
        t.primary_key = Some(PrimaryKey {
            comment: None,
            deferrable: Default::default(),
            name: naming::primary_key(&name),
            columns: vec!["col_0".into()],
        });
        t.uniques.push(UniqueConstraint {
            comment: None,
            deferrable: Default::default(),
            name: naming::unique(&name, &["col_2"]),
            columns: vec!["col_2".into()],
            nulls_not_distinct: false,
        });
        let target = format!("table_{:05}", (i + 1) % n);
        t.foreign_keys.push(ForeignKey {
            comment: None,
            not_valid: false,
            match_full: false,
            name: naming::foreign_key(&name, &["col_3"]),
            columns: vec!["col_3".into()],
            referenced_table: QualifiedName::public(target),
            referenced_columns: vec!["col_0".into()],
            on_delete: ForeignKeyAction::Cascade,
            on_update: ForeignKeyAction::NoAction,
            deferrable: Deferrable::No,
        });
        for cols in [&["col_1"][..], &["col_3", "col_5"][..]] {
            t.indexes.push(Index {
                comment: None,
                name: naming::index(&name, cols),
                unique: false,
                nulls_not_distinct: false,
                method: "btree".into(),
                keys: cols.iter().map(|c| IndexKey::column(*c)).collect(),
                include: vec![],
                predicate: None,
            });
        }
        schema.tables.push(t);
    }
    schema.normalize();
    schema
}

// --- the snapshots directory ------------------------------------------------

/// A scratch directory, removed on drop.
struct Scratch(tempfile::TempDir);

impl Scratch {
    fn new(_name: &str) -> Scratch {
        Scratch(tempfile::tempdir().unwrap())
    }

    fn path(&self) -> &Path {
        self.0.path()
    }

    fn write(&self, name: &str, snap: &Snapshot) {
        std::fs::write(self.path().join(name), snap.to_json()).unwrap();
    }
}

/// A chain of `n` snapshots, each adding a table.
fn chain(n: usize) -> Vec<Snapshot> {
    let mut out: Vec<Snapshot> = Vec::new();
    let mut schema = Schema::default();
    for i in 0..n {
        schema
            .tables
            .push(Table::new(QualifiedName::public(format!("t{i}"))));
        let prev = out.last().map_or(ROOT_ID.to_string(), |s| s.id.clone());
        out.push(Snapshot::new(
            Dialect::Postgresql,
            &prev,
            &format!("{i:04}_m"),
            schema.clone(),
        ));
    }
    out
}

#[test]
fn a_good_chain_loads_in_order() {
    let dir = Scratch::new("good");
    let snaps = chain(12);
    for (i, s) in snaps.iter().enumerate() {
        dir.write(&file_name(i as u32), s);
    }
    std::fs::write(dir.path().join(".gitkeep"), "").unwrap();
    std::fs::write(dir.path().join("notes.json"), "{}").unwrap();
    let files = load_dir(dir.path()).unwrap();
    assert_eq!(files.len(), 12);
    for (i, f) in files.iter().enumerate() {
        assert_eq!(f.idx, i as u32);
        assert_eq!(f.snapshot, snaps[i]);
        assert_eq!(f.path, dir.path().join(file_name(i as u32)));
    }
    let empty = Scratch::new("empty");
    assert!(load_dir(empty.path()).unwrap().is_empty());
    assert!(matches!(
        load_dir(&empty.path().join("missing")).unwrap_err(),
        LoadError::Read { .. }
    ));
}

#[test]
fn a_missing_snapshot_is_reported() {
    let dir = Scratch::new("gap");
    let snaps = chain(4);
    for i in [0, 1, 3] {
        dir.write(&file_name(i), &snaps[i as usize]);
    }
    match load_dir(dir.path()).unwrap_err() {
        LoadError::MissingIndex { idx: 2, next } => {
            assert_eq!(next, dir.path().join("0003_snapshot.json"))
        }
        other => panic!("{other:?}"),
    }
    let dir = Scratch::new("gap0");
    dir.write(&file_name(1), &snaps[1]);
    assert!(matches!(
        load_dir(dir.path()).unwrap_err(),
        LoadError::MissingIndex { idx: 0, .. }
    ));
}

#[test]
fn bad_names_and_duplicate_indexes_are_reported() {
    let snaps = chain(2);
    let dir = Scratch::new("badname");
    dir.write("latest_snapshot.json", &snaps[0]);
    assert!(matches!(
        load_dir(dir.path()).unwrap_err(),
        LoadError::BadFileName { .. }
    ));
    let dir = Scratch::new("dupidx");
    dir.write("0000_snapshot.json", &snaps[0]);
    dir.write("000_snapshot.json", &snaps[0]);
    assert!(matches!(
        load_dir(dir.path()).unwrap_err(),
        LoadError::DuplicateIndex { idx: 0, .. }
    ));
}

#[test]
fn an_unreadable_snapshot_names_its_file() {
    let dir = Scratch::new("parse");
    let snaps = chain(2);
    dir.write(&file_name(0), &snaps[0]);
    std::fs::write(
        dir.path().join(file_name(1)),
        snaps[1].to_json().replace("\"format\": 1", "\"format\": 3"),
    )
    .unwrap();
    let err = load_dir(dir.path()).unwrap_err();
    assert!(
        matches!(
            &err,
            LoadError::Parse {
                source: SnapshotError::TooNew { found: 3, .. },
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("0001_snapshot.json"), "{err}");
}

#[test]
fn two_branches_from_one_parent_are_a_fork() {
    let dir = Scratch::new("fork");
    let snaps = chain(2);
    let mut other = Schema::default();
    other
        .tables
        .push(Table::new(QualifiedName::public("from_the_other_branch")));
    let sibling = Snapshot::new(Dialect::Postgresql, &snaps[0].id, "0001_other", other);
    assert_ne!(sibling.id, snaps[1].id);
    dir.write(&file_name(0), &snaps[0]);
    dir.write(&file_name(1), &snaps[1]);
    dir.write(&file_name(2), &sibling);
    let err = load_dir(dir.path()).unwrap_err();
    match &err {
        LoadError::Fork {
            prev_id,
            first,
            second,
        } => {
            assert_eq!(prev_id, &snaps[0].id);
            assert_eq!(first, &dir.path().join("0001_snapshot.json"));
            assert_eq!(second, &dir.path().join("0002_snapshot.json"));
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("shale rebase"), "{err}");
}

fn files(snaps: &[Snapshot]) -> Vec<SnapshotFile> {
    snaps
        .iter()
        .enumerate()
        .map(|(i, s)| SnapshotFile {
            idx: i as u32,
            path: PathBuf::from(file_name(i as u32)),
            snapshot: s.clone(),
        })
        .collect()
}

#[test]
fn a_prev_id_matching_no_snapshot_is_reported() {
    let mut snaps = chain(3);
    snaps[2].prev_id = "11111111-2222-8333-8444-555555555555".into();
    match check_chain(&files(&snaps)).unwrap_err() {
        LoadError::UnknownPrev { path, prev_id } => {
            assert_eq!(path, PathBuf::from("0002_snapshot.json"));
            assert_eq!(prev_id, "11111111-2222-8333-8444-555555555555");
        }
        other => panic!("{other:?}"),
    }
    // the first snapshot must follow the empty root
    let mut snaps = chain(2);
    snaps[0].prev_id = "11111111-2222-8333-8444-555555555555".into();
    assert!(matches!(
        check_chain(&files(&snaps)).unwrap_err(),
        LoadError::UnknownPrev { .. }
    ));
}

#[test]
fn a_chain_in_the_wrong_order_is_reported() {
    let snaps = chain(3);
    let swapped = vec![snaps[0].clone(), snaps[2].clone(), snaps[1].clone()];
    match check_chain(&files(&swapped)).unwrap_err() {
        LoadError::WrongPrev {
            path,
            found,
            expected,
            ..
        } => {
            assert_eq!(path, PathBuf::from("0001_snapshot.json"));
            assert_eq!(found, Some(PathBuf::from("0002_snapshot.json")));
            assert_eq!(expected, Some(PathBuf::from("0000_snapshot.json")));
        }
        other => panic!("{other:?}"),
    }
    let mut dup = chain(2);
    dup.push(dup[1].clone());
    assert!(matches!(
        check_chain(&files(&dup)).unwrap_err(),
        LoadError::DuplicateId { .. }
    ));
    assert!(check_chain(&files(&chain(5))).is_ok());
    assert!(check_chain(&[]).is_ok());
    let _ = snapshot::FILE_SUFFIX;
}

/// Sequences, extensions and identity options, added to snapshot format 1
/// after its first release: they round-trip, and they are keys an older
/// shale refuses (every format-1 type denies unknown fields) rather than
/// drops, so keeping format 1 loses nothing silently.
#[test]
fn sequences_extensions_and_identity_options_round_trip() {
    use shale_model::{Extension, Sequence, SequenceOptions, SequenceOwner, SequenceType};
    let mut schema = every_field();
    let before_ids = new_id(ROOT_ID, "salt", &schema);
    let mut seq = Sequence::new(QualifiedName::new("auth", "invoice_numbers"));
    seq.data_type = SequenceType::Integer;
    seq.options = SequenceOptions {
        start: Some(1000),
        increment: Some(5),
        min: Some(10),
        max: Some(99_999),
        cache: Some(3),
        cycle: true,
    };
    seq.owned_by = Some(SequenceOwner {
        table: QualifiedName::new("auth", "orgs"),
        column: "id".into(),
    });
    seq.comment = Some("numbers".into());
    schema.sequences = vec![seq, Sequence::new(QualifiedName::public("plain"))];
    let mut trgm = Extension::new("pg_trgm");
    trgm.schema = Some("auth".into());
    trgm.version = Some("1.6".into());
    schema.extensions = vec![trgm, Extension::new("citext")];
    let column = schema.tables[0]
        .columns
        .iter_mut()
        .find(|c| c.identity.is_some())
        .expect("every_field has an identity column");
    column.identity_options = SequenceOptions {
        start: Some(7),
        increment: Some(-1),
        min: Some(-100),
        max: Some(7),
        ..SequenceOptions::default()
    };
    let snap = Snapshot::new(Dialect::Postgresql, ROOT_ID, "salt", schema);
    assert_ne!(snap.id, before_ids, "the new objects are part of the id");
    let text = snap.to_json();
    for key in [
        "\"sequences\"",
        "\"extensions\"",
        "\"identityOptions\"",
        "\"ownedBy\"",
        "\"dataType\": \"integer\"",
    ] {
        assert!(text.contains(key), "{key} missing:\n{text}");
    }
    let back = Snapshot::from_json(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(back, snap);
    assert_eq!(back.to_json(), text);

    // A schema without them has none of the keys (the golden file above
    // proves the bytes are unchanged).
    assert!(!every_field_snapshot().to_json().contains("sequences"));

    let bad = text.replace("\"increment\": 5", "\"increment\": 0");
    let err = Snapshot::from_json(&bad).unwrap_err().to_string();
    assert!(err.contains("increment must not be zero"), "{err}");
}

/// `generate` encodes the next schema once, before its id is known: the id
/// and the file it gives are those of a snapshot made directly, and a
/// schema with nothing in it is the header alone.
#[test]
fn an_encoded_body_gives_the_ids_and_files_of_snapshots() {
    let snap = every_field_snapshot();
    let body = snapshot::EncodedBody::new(&snap.schema);
    let salt = "0000_init 1732000000000";
    assert_eq!(body.id(ROOT_ID, salt), snap.id);
    assert_eq!(body.id(ROOT_ID, salt), new_id(ROOT_ID, salt, &snap.schema));
    assert_eq!(body.file(snap.dialect, &snap.id, ROOT_ID), snap.to_json());
    let text = body.file(snap.dialect, &snap.id, ROOT_ID);
    assert!(text.starts_with("{\n  \"format\": "), "{text}");
    assert!(text.ends_with("\n}\n"), "{text}");
    let back = Snapshot::from_json(&text).unwrap();
    assert_eq!(back.schema, snap.schema);

    let empty = snapshot::EncodedBody::new(&Schema::default());
    let id = empty.id(ROOT_ID, "x");
    assert_eq!(id, new_id(ROOT_ID, "x", &Schema::default()));
    assert_eq!(
        empty.file(Dialect::Sqlite, &id, ROOT_ID),
        format!(
            "{{\n  \"format\": {},\n  \"dialect\": \"sqlite\",\n  \"id\": \"{id}\",\n  \"prevId\": \"{ROOT_ID}\"\n}}\n",
            FORMAT
        )
    );
}
