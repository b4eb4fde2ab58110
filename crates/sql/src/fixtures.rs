//! Schemas shared by the renderer's unit tests and the PostgreSQL acceptance
//! tests (`tests/tests/differ_pg.rs` includes this file by path): small
//! builders and one pair of schemas whose plan uses every step variant.
#![allow(dead_code)]

use shale_model::{
    CheckConstraint, Column, ColumnType, Deferrable, Enum, ForeignKey, ForeignKeyAction, Identity,
    Index, IndexKey, IndexTarget, NullsOrder, PrimaryKey, QualifiedName, RenameHints, Schema,
    SortOrder, Table, UniqueConstraint,
};

pub fn q(name: &str) -> QualifiedName {
    match name.split_once('.') {
        Some((ns, n)) => QualifiedName::new(ns, n),
        None => QualifiedName::public(name),
    }
}

pub fn col(name: &str, ty: &str) -> Column {
    Column::new(name, ColumnType::named(ty))
}

pub fn nullable(mut c: Column) -> Column {
    c.nullable = true;
    c
}

pub fn with_default(mut c: Column, default: &str) -> Column {
    c.default = Some(default.into());
    c
}

pub fn table(name: &str, columns: Vec<Column>) -> Table {
    let qn = q(name);
    let mut t = Table::new(qn.clone());
    t.columns = columns;
    t.primary_key = Some(PrimaryKey {
        name: format!("{}_pkey", qn.name),
        columns: vec!["id".into()],
    });
    t
}

pub fn index(name: &str, keys: Vec<IndexKey>) -> Index {
    Index {
        name: name.into(),
        unique: false,
        nulls_not_distinct: false,
        method: "btree".into(),
        keys,
        include: vec![],
        predicate: None,
    }
}

pub fn fk(
    name: &str,
    columns: &[&str],
    referenced: &str,
    referenced_columns: &[&str],
) -> ForeignKey {
    ForeignKey {
        name: name.into(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
        referenced_table: q(referenced),
        referenced_columns: referenced_columns.iter().map(|c| c.to_string()).collect(),
        on_delete: ForeignKeyAction::NoAction,
        on_update: ForeignKeyAction::NoAction,
        deferrable: Deferrable::No,
    }
}

pub fn enum_(name: &str, values: &[&str]) -> Enum {
    Enum {
        name: q(name),
        values: values.iter().map(|v| v.to_string()).collect(),
        comment: None,
    }
}

pub fn schema(tables: Vec<Table>, enums: Vec<Enum>) -> Schema {
    let mut s = Schema {
        namespaces: Vec::new(),
        enums,
        tables,
        ..Schema::default()
    };
    s.normalize();
    s
}

/// A pair of schemas whose plan uses every step variant, with the hints that
/// settle its renames and drops.
pub fn every_step() -> (Schema, Schema, RenameHints) {
    // previous
    let mut accounts = table(
        "accounts",
        vec![
            col("id", "bigint"),
            col("email", "text"),
            nullable(col("nick", "text")),
            nullable(col("legacy", "text")),
            col("score", "integer"),
            col("counter", "integer"),
            with_default(col("plan", "text"), "'free'"),
            col("seq", "serial"),
            col("big", "serial"),
            {
                let mut c = col("ident", "bigint");
                c.identity = Some(Identity::ByDefault);
                c
            },
            {
                let mut c = col("doubled", "integer");
                c.generated = Some("score * 2".into());
                c
            },
            {
                let mut c = col("frozen", "integer");
                c.generated = Some("score + 1".into());
                c
            },
            Column::new("status", ColumnType::enum_(q("status"))),
            {
                let mut c = col("ticket", "bigint");
                c.identity = Some(Identity::Always);
                c
            },
        ],
    );
    accounts.columns[12].default = Some("'active'".into());
    accounts.uniques.push(UniqueConstraint {
        name: "accounts_email_key".into(),
        columns: vec!["email".into()],
        nulls_not_distinct: false,
    });
    accounts.checks.push(CheckConstraint {
        name: "accounts_score_check".into(),
        expr: "score >= 0".into(),
    });
    accounts
        .indexes
        .push(index("accounts_nick_idx", vec![IndexKey::column("nick")]));
    accounts
        .indexes
        .push(index("accounts_plan_idx", vec![IndexKey::column("plan")]));
    let mut old_logs = table(
        "old_logs",
        vec![col("id", "bigint"), col("account_id", "bigint")],
    );
    old_logs.foreign_keys.push(fk(
        "old_logs_account_id_fkey",
        &["account_id"],
        "accounts",
        &["id"],
    ));
    let mut trash = table(
        "trash",
        vec![col("id", "bigint"), nullable(col("account_email", "text"))],
    );
    trash.foreign_keys.push(fk(
        "trash_account_email_fkey",
        &["account_email"],
        "accounts",
        &["email"],
    ));
    let junk = table("junk", vec![col("id", "bigint")]);
    let archive = table("archive", vec![col("id", "bigint")]);
    let previous = schema(
        vec![accounts, old_logs, trash, junk, archive],
        vec![
            enum_("status", &["active", "banned", "gone"]),
            enum_("color", &["red", "green"]),
            enum_("size", &["s", "l"]),
            enum_("legacy.mood", &["ok"]),
        ],
    );

    // next
    let mut accounts = table(
        "accounts",
        vec![
            col("id", "bigint"),
            col("email", "text"),
            nullable(col("handle", "text")),
            // score: integer → bigint
            col("score", "bigint"),
            // counter: integer → serial
            col("counter", "serial"),
            // plan: default dropped, nullable now
            nullable(col("plan", "text")),
            // seq: serial → integer
            col("seq", "integer"),
            // big: serial → bigserial
            col("big", "bigserial"),
            // ident: by default → always
            {
                let mut c = col("ident", "bigint");
                c.identity = Some(Identity::Always);
                c
            },
            // doubled: new expression
            {
                let mut c = col("doubled", "integer");
                c.generated = Some("score * 3".into());
                c
            },
            // frozen: a plain column now
            col("frozen", "integer"),
            {
                let mut c = Column::new("status", ColumnType::enum_(q("status")));
                c.default = Some("'active'".into());
                c.comment = Some("where the account stands".into());
                c
            },
            with_default(nullable(col("added", "timestamptz")), "now()"),
            {
                let mut c = col("shade", "integer");
                c.identity = Some(Identity::Always);
                c
            },
            Column::new("colors", ColumnType::enum_(q("colour")).array_of()),
            // ticket: no longer an identity
            nullable(col("ticket", "bigint")),
        ],
    );
    accounts.uniques.push(UniqueConstraint {
        name: "accounts_email_key".into(),
        columns: vec!["email".into()],
        nulls_not_distinct: true,
    });
    accounts.checks.push(CheckConstraint {
        name: "accounts_score_positive".into(),
        expr: "score >= 0".into(),
    });
    accounts.indexes.push(index(
        "accounts_handle_idx",
        vec![IndexKey::column("handle")],
    ));
    accounts.indexes.push(index(
        "accounts_plan_idx",
        vec![IndexKey {
            target: IndexTarget::Expression("lower(plan)".into()),
            ..IndexKey::column("x")
        }],
    ));
    accounts.comment = Some("people's accounts".into());
    let mut logs = table(
        "logs",
        vec![
            col("id", "bigint"),
            col("account_id", "bigint"),
            col("at", "timestamptz"),
        ],
    );
    logs.primary_key = Some(PrimaryKey {
        name: "logs_pkey".into(),
        columns: vec!["id".into()],
    });
    logs.foreign_keys.push(ForeignKey {
        on_delete: ForeignKeyAction::Cascade,
        deferrable: Deferrable::InitiallyDeferred,
        ..fk("logs_account_id_fkey", &["account_id"], "accounts", &["id"])
    });
    logs.checks.push(CheckConstraint {
        name: "logs_at_check".into(),
        expr: "at > '2000-01-01'".into(),
    });
    let mut members = table(
        "auth.members",
        vec![
            {
                let mut c = col("id", "bigint");
                c.identity = Some(Identity::Always);
                c
            },
            col("account_id", "bigint"),
            col("name", "varchar(100)"),
            nullable(col("tags", "text[]")),
            {
                let mut c = col("name_len", "integer");
                c.generated = Some("length(name)".into());
                c
            },
            with_default(col("size", "size"), "'m'"),
        ],
    );
    members.columns[5].ty = ColumnType::enum_(q("size"));
    members.uniques.push(UniqueConstraint {
        name: "members_account_id_name_key".into(),
        columns: vec!["account_id".into(), "name".into()],
        nulls_not_distinct: false,
    });
    members.checks.push(CheckConstraint {
        name: "members_name_check".into(),
        expr: "name <> ''".into(),
    });
    members.indexes.push(Index {
        unique: true,
        nulls_not_distinct: true,
        method: "btree".into(),
        include: vec!["tags".into()],
        predicate: Some("account_id > 0".into()),
        ..index(
            "members_lower_name_idx",
            vec![
                IndexKey {
                    target: IndexTarget::Expression("lower(name)".into()),
                    ..IndexKey::column("x")
                },
                IndexKey {
                    target: IndexTarget::Column("account_id".into()),
                    order: SortOrder::Desc,
                    nulls: Some(NullsOrder::Last),
                    opclass: Some("int8_ops".into()),
                },
            ],
        )
    });
    members.indexes.push(Index {
        method: "gin".into(),
        ..index("members_tags_idx", vec![IndexKey::column("tags")])
    });
    members.foreign_keys.push(fk(
        "members_account_id_fkey",
        &["account_id"],
        "accounts",
        &["id"],
    ));
    members.comment = Some("members of an account".into());
    let mut trash = table(
        "trash",
        vec![col("id", "bigint"), nullable(col("account_email", "text"))],
    );
    trash.foreign_keys.push(fk(
        "trash_account_email_fkey",
        &["account_email"],
        "accounts",
        &["email"],
    ));
    let mut colour = enum_("colour", &["red", "green", "blue"]);
    colour.comment = Some("paint".into());
    // Moved to another namespace; its primary key keeps its name.
    let archive = table("auth.archive", vec![col("id", "bigint")]);
    let next = schema(
        vec![accounts, logs, members, trash, archive],
        vec![
            enum_("status", &["active", "suspended"]),
            colour,
            enum_("size", &["s", "m", "l"]),
            enum_("auth.level", &["low", "high"]),
        ],
    );
    let hints = RenameHints {
        tables: vec![
            (q("old_logs"), q("logs")),
            (q("archive"), q("auth.archive")),
        ],
        columns: vec![(q("accounts"), "nick".into(), "handle".into())],
        enums: vec![(q("color"), q("colour"))],
        enum_values: vec![(q("status"), "banned".into(), "suspended".into())],
        dropped_columns: vec![(q("accounts"), "legacy".into())],
        dropped_enums: vec![q("legacy.mood")],
        dropped_enum_values: vec![(q("status"), "gone".into())],
        ..Default::default()
    };
    (previous, next, hints)
}

/// The hints that settle the way back, from `every_step().1` to `every_step().0`.
pub fn every_step_back_hints() -> RenameHints {
    RenameHints {
        tables: vec![
            (q("logs"), q("old_logs")),
            (q("auth.archive"), q("archive")),
        ],
        columns: vec![(q("accounts"), "handle".into(), "nick".into())],
        enums: vec![(q("colour"), q("color"))],
        enum_values: vec![(q("status"), "suspended".into(), "banned".into())],
        dropped_columns: vec![
            (q("accounts"), "added".into()),
            (q("accounts"), "shade".into()),
            (q("accounts"), "colors".into()),
        ],
        dropped_enums: vec![q("auth.level")],
        ..Default::default()
    }
}
