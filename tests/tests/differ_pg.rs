//! PostgreSQL accepts the differ's plans, in the order they are rendered:
//! each pair of schemas is applied to a fresh database on the real throwaway
//! server, `empty → previous` then `previous → next`, each migration in one
//! transaction as the runner applies it, often with rows in the tables so
//! that casts, sequences and enum swaps meet real data.

#[path = "../../crates/sql/src/fixtures.rs"]
mod fixtures;

use fixtures::*;
use shale_differ::{diff, MigrationPair};
use shale_model::{
    CheckConstraint, Column, ColumnType, Identity, IndexKey, PrimaryKey, RenameHints, Schema,
    UniqueConstraint,
};
use shale_sql::{Postgres, SqlDialect, Statement};

/// Applies statements in one transaction; on refusal, fails naming the
/// statement and PostgreSQL's message.
fn apply(client: &mut postgres::Client, statements: &[Statement]) {
    let mut tx = client.transaction().expect("begin");
    for (i, s) in statements.iter().enumerate() {
        if let Err(e) = tx.batch_execute(&s.sql) {
            let message = e
                .as_db_error()
                .map_or_else(|| e.to_string(), |d| d.message().to_string());
            let all: Vec<&str> = statements.iter().map(|s| s.sql.as_str()).collect();
            panic!(
                "PostgreSQL refused statement {i}:\n{}\n{message}\nwhole migration:\n{}",
                s.sql,
                all.join("\n")
            );
        }
    }
    tx.commit().expect("commit");
}

/// Plans and applies `previous → next`; returns the statements.
fn migrate(
    client: &mut postgres::Client,
    previous: &Schema,
    next: &Schema,
    hints: &RenameHints,
) -> Vec<Statement> {
    let pair = MigrationPair::new(previous, next);
    let plan = diff(pair, hints).unwrap_or_else(|a| panic!("ambiguous: {a}"));
    let statements = Postgres.render(&plan, pair);
    apply(client, &statements);
    statements
}

/// A fresh database holding `schema`, created from empty.
fn database_with(schema: &Schema) -> postgres::Client {
    let mut client = shale_tests::connect(&shale_tests::fresh_database());
    migrate(
        &mut client,
        &Schema::default(),
        schema,
        &RenameHints::default(),
    );
    client
}

fn strings(client: &mut postgres::Client, sql: &str) -> Vec<String> {
    client
        .query(sql, &[])
        .expect(sql)
        .iter()
        .map(|r| r.get::<_, String>(0))
        .collect()
}

fn ints(client: &mut postgres::Client, sql: &str) -> Vec<i64> {
    client
        .query(sql, &[])
        .expect(sql)
        .iter()
        .map(|r| r.get::<_, i64>(0))
        .collect()
}

#[test]
fn every_step_applies_forward_and_back() {
    let (previous, next, hints) = every_step();
    let mut client = database_with(&previous);
    let forward = migrate(&mut client, &previous, &next, &hints);
    assert!(
        forward.len() > 50,
        "the fixture shrank: {} statements",
        forward.len()
    );
    migrate(&mut client, &next, &previous, &every_step_back_hints());
    migrate(&mut client, &previous, &next, &hints);
    // And the next schema alone, from empty.
    database_with(&next);
}

fn cycle() -> Schema {
    let mut a = table(
        "a",
        vec![col("id", "bigint"), nullable(col("b_id", "bigint"))],
    );
    let mut b = table(
        "b",
        vec![col("id", "bigint"), nullable(col("a_id", "bigint"))],
    );
    a.foreign_keys
        .push(fk("a_b_id_fkey", &["b_id"], "b", &["id"]));
    b.foreign_keys
        .push(fk("b_a_id_fkey", &["a_id"], "a", &["id"]));
    schema(vec![a, b], vec![])
}

#[test]
fn foreign_key_cycle_is_created_and_dropped() {
    let mut client = database_with(&cycle());
    client
        .batch_execute(
            "INSERT INTO a VALUES (1, NULL); INSERT INTO b VALUES (1, 1); UPDATE a SET b_id = 1",
        )
        .expect("rows in the cycle");
    migrate(
        &mut client,
        &cycle(),
        &Schema::default(),
        &RenameHints::default(),
    );
    let left = ints(
        &mut client,
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
    );
    assert_eq!(left, vec![0]);
}

fn users_with_role(values: &[&str], default: &str) -> Schema {
    let mut role = Column::new("role", ColumnType::enum_(q("role")));
    role.default = Some(default.into());
    let roles = nullable(Column::new(
        "roles",
        ColumnType::enum_(q("role")).array_of(),
    ));
    schema(
        vec![table("users", vec![col("id", "bigint"), role, roles])],
        vec![enum_("role", values)],
    )
}

#[test]
fn enum_value_removal_swaps_the_type_under_a_default_and_rows() {
    let previous = users_with_role(&["admin", "member", "guest"], "'member'");
    let mut client = database_with(&previous);
    client
        .batch_execute(
            "INSERT INTO users VALUES (1, 'admin', '{admin,member}'), (2, DEFAULT, NULL)",
        )
        .expect("rows");
    let next = users_with_role(&["admin", "member"], "'admin'::role");
    let hints = RenameHints {
        dropped_enum_values: vec![(q("role"), "guest".into())],
        ..Default::default()
    };
    let statements = migrate(&mut client, &previous, &next, &hints);
    assert!(shale_sql::has_data_loss(&statements));
    assert_eq!(
        strings(&mut client, "SELECT unnest(enum_range(NULL::role))::text"),
        vec!["admin", "member"]
    );
    assert_eq!(
        strings(&mut client, "SELECT role::text FROM users ORDER BY id"),
        vec!["admin", "member"]
    );
    assert_eq!(
        strings(
            &mut client,
            "SELECT array_to_string(roles, ',') FROM users WHERE id = 1"
        ),
        vec!["admin,member"]
    );
    client
        .batch_execute("INSERT INTO users (id) VALUES (3)")
        .expect("default restored");
    assert_eq!(
        strings(&mut client, "SELECT role::text FROM users WHERE id = 3"),
        vec!["admin"]
    );
    let mut left = strings(
        &mut client,
        "SELECT typname::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace \
         WHERE n.nspname = 'public' AND typname LIKE '%role%'",
    );
    left.sort();
    assert_eq!(left, vec!["_role", "role"], "the previous type is gone");
}

#[test]
fn enum_swap_keeps_checks_and_indexes_on_the_column() {
    let with_check = |values: &[&str]| {
        let mut s = users_with_role(values, "'member'");
        let t = &mut s.tables[0];
        t.checks.push(CheckConstraint {
            comment: None,
            not_valid: false,
            no_inherit: false,
            name: "users_role_check".into(),
            expr: "role <> 'admin'::role".into(),
        });
        t.indexes
            .push(index("users_role_idx", vec![IndexKey::column("role")]));
        let mut partial = index("users_id_members_idx", vec![IndexKey::column("id")]);
        partial.predicate = Some("role = 'member'::role".into());
        t.indexes.push(partial);
        s
    };
    let previous = with_check(&["admin", "member", "guest"]);
    let mut client = database_with(&previous);
    client
        .batch_execute("INSERT INTO users VALUES (1, 'member', NULL)")
        .expect("rows");
    let next = with_check(&["admin", "member"]);
    let hints = RenameHints {
        dropped_enum_values: vec![(q("role"), "guest".into())],
        ..Default::default()
    };
    migrate(&mut client, &previous, &next, &hints);
    assert!(
        client
            .batch_execute("INSERT INTO users VALUES (2, 'admin', NULL)")
            .is_err(),
        "the check still holds"
    );
}

#[test]
fn added_enum_value_used_by_a_default_in_the_same_migration() {
    let previous = users_with_role(&["admin"], "'admin'");
    let mut client = database_with(&previous);
    client
        .batch_execute("INSERT INTO users VALUES (1, 'admin', NULL)")
        .expect("rows");
    let next = users_with_role(&["admin", "member"], "'member'");
    migrate(&mut client, &previous, &next, &RenameHints::default());
    client
        .batch_execute("INSERT INTO users (id) VALUES (2)")
        .expect("insert");
    assert_eq!(
        strings(&mut client, "SELECT role::text FROM users ORDER BY id"),
        vec!["admin", "member"]
    );
}

#[test]
fn enum_values_are_added_in_position() {
    let previous = users_with_role(&["b", "d"], "'b'");
    let mut client = database_with(&previous);
    let next = users_with_role(&["a", "b", "c", "d", "e"], "'b'");
    migrate(&mut client, &previous, &next, &RenameHints::default());
    assert_eq!(
        strings(&mut client, "SELECT unnest(enum_range(NULL::role))::text"),
        vec!["a", "b", "c", "d", "e"]
    );
}

#[test]
fn renames_keep_the_data() {
    let mut users = table(
        "users",
        vec![
            col("id", "bigint"),
            nullable(col("nick", "text")),
            Column::new("color", ColumnType::enum_(q("color"))),
        ],
    );
    users.uniques.push(UniqueConstraint {
        comment: None,
        deferrable: Default::default(),
        name: "users_nick_key".into(),
        columns: vec!["nick".into()],
        nulls_not_distinct: false,
    });
    users
        .indexes
        .push(index("users_color_idx", vec![IndexKey::column("color")]));
    let previous = schema(vec![users], vec![enum_("color", &["red", "grene"])]);
    let mut client = database_with(&previous);
    client
        .batch_execute("INSERT INTO users VALUES (1, 'ann', 'grene')")
        .expect("rows");

    let mut people = table(
        "people",
        vec![
            col("id", "bigint"),
            nullable(col("handle", "text")),
            Column::new("color", ColumnType::enum_(q("colour"))),
        ],
    );
    people.uniques.push(UniqueConstraint {
        comment: None,
        deferrable: Default::default(),
        name: "people_handle_key".into(),
        columns: vec!["handle".into()],
        nulls_not_distinct: false,
    });
    people
        .indexes
        .push(index("people_color_idx", vec![IndexKey::column("color")]));
    let next = schema(vec![people], vec![enum_("colour", &["red", "green"])]);
    let hints = RenameHints {
        tables: vec![(q("users"), q("people"))],
        columns: vec![(q("people"), "nick".into(), "handle".into())],
        enums: vec![(q("color"), q("colour"))],
        enum_values: vec![(q("colour"), "grene".into(), "green".into())],
        ..Default::default()
    };
    let statements = migrate(&mut client, &previous, &next, &hints);
    assert!(!shale_sql::has_data_loss(&statements));
    assert_eq!(
        strings(
            &mut client,
            "SELECT handle || ' ' || color::text FROM people"
        ),
        vec!["ann green"]
    );
    let mut constraints = strings(
        &mut client,
        "SELECT conname::text FROM pg_constraint WHERE conrelid = 'people'::regclass",
    );
    constraints.sort();
    assert_eq!(constraints, vec!["people_handle_key", "people_pkey"]);
    assert_eq!(
        strings(
            &mut client,
            "SELECT indexname::text FROM pg_indexes WHERE indexname = 'people_color_idx'"
        ),
        vec!["people_color_idx"]
    );
}

#[test]
fn type_changes_cast_existing_rows() {
    let previous = schema(
        vec![table(
            "t",
            vec![
                col("id", "bigint"),
                with_default(col("a", "text"), "'1'"),
                col("b", "integer"),
                col("c", "varchar(10)"),
                Column::new("d", ColumnType::enum_(q("mood"))),
                col("e", "text"),
            ],
        )],
        vec![
            enum_("mood", &["ok", "meh"]),
            enum_("feeling", &["ok", "meh"]),
        ],
    );
    let mut client = database_with(&previous);
    client
        .batch_execute("INSERT INTO t VALUES (1, '42', 7, 'short', 'meh', 'ok')")
        .expect("rows");
    let next = schema(
        vec![table(
            "t",
            vec![
                col("id", "bigint"),
                with_default(col("a", "integer"), "1"),
                col("b", "bigint"),
                col("c", "text"),
                Column::new("d", ColumnType::enum_(q("feeling"))),
                Column::new("e", ColumnType::enum_(q("mood"))),
            ],
        )],
        vec![
            enum_("mood", &["ok", "meh"]),
            enum_("feeling", &["ok", "meh"]),
        ],
    );
    migrate(&mut client, &previous, &next, &RenameHints::default());
    let row = client
        .query_one("SELECT a, b, c, d::text, e::text FROM t", &[])
        .expect("row");
    assert_eq!(row.get::<_, i32>(0), 42);
    assert_eq!(row.get::<_, i64>(1), 7);
    assert_eq!(row.get::<_, String>(2), "short");
    assert_eq!(row.get::<_, String>(3), "meh");
    assert_eq!(row.get::<_, String>(4), "ok");
    client
        .batch_execute("INSERT INTO t (id, b, c, d, e) VALUES (2, 1, 'x', 'ok', 'ok')")
        .expect("default cast");
    assert_eq!(
        ints(&mut client, "SELECT a::bigint FROM t WHERE id = 2"),
        vec![1]
    );
}

fn with_identity(identity: Option<Identity>, ty: &str) -> Schema {
    let mut id = col("id", ty);
    id.identity = identity;
    schema(
        vec![table("t", vec![id, nullable(col("note", "text"))])],
        vec![],
    )
}

#[test]
fn identity_is_added_switched_and_dropped() {
    let plain = with_identity(None, "bigint");
    let mut client = database_with(&plain);
    client
        .batch_execute("INSERT INTO t VALUES (1, 'a'), (5, 'b')")
        .expect("rows");

    let always = with_identity(Some(Identity::Always), "bigint");
    migrate(&mut client, &plain, &always, &RenameHints::default());
    client
        .batch_execute("INSERT INTO t (note) VALUES ('c')")
        .expect("identity value");
    assert_eq!(
        ints(&mut client, "SELECT id FROM t WHERE note = 'c'"),
        vec![6],
        "the sequence starts after existing rows"
    );
    assert!(
        client
            .batch_execute("INSERT INTO t VALUES (100, 'x')")
            .is_err(),
        "ALWAYS refuses explicit values"
    );

    let by_default = with_identity(Some(Identity::ByDefault), "bigint");
    migrate(&mut client, &always, &by_default, &RenameHints::default());
    client
        .batch_execute("INSERT INTO t VALUES (100, 'x')")
        .expect("BY DEFAULT accepts explicit values");

    migrate(&mut client, &by_default, &plain, &RenameHints::default());
    assert!(
        client
            .batch_execute("INSERT INTO t (note) VALUES ('y')")
            .is_err(),
        "no identity: id has no value"
    );
}

#[test]
fn serial_and_integer_convert_both_ways() {
    let plain = with_identity(None, "integer");
    let mut client = database_with(&plain);
    client
        .batch_execute("INSERT INTO t VALUES (1, 'a'), (7, 'b')")
        .expect("rows");
    let serial = with_identity(None, "serial");
    migrate(&mut client, &plain, &serial, &RenameHints::default());
    client
        .batch_execute("INSERT INTO t (note) VALUES ('c')")
        .expect("serial value");
    assert_eq!(
        ints(&mut client, "SELECT id::bigint FROM t WHERE note = 'c'"),
        vec![8]
    );

    let big = with_identity(None, "bigserial");
    migrate(&mut client, &serial, &big, &RenameHints::default());
    client
        .batch_execute("INSERT INTO t (note) VALUES ('d')")
        .expect("bigserial value");

    migrate(
        &mut client,
        &big,
        &with_identity(None, "bigint"),
        &RenameHints::default(),
    );
    let sequences = ints(
        &mut client,
        "SELECT count(*) FROM pg_class WHERE relkind = 'S'",
    );
    assert_eq!(sequences, vec![0], "the serial's sequence is dropped");
}

#[test]
fn generated_expression_change_recomputes() {
    let make = |expr: &str| {
        let mut g = col("g", "integer");
        g.generated = Some(expr.into());
        let mut t = table("t", vec![col("id", "bigint"), col("a", "integer"), g]);
        t.indexes
            .push(index("t_g_idx", vec![IndexKey::column("g")]));
        t.checks.push(CheckConstraint {
            comment: None,
            not_valid: false,
            no_inherit: false,
            name: "t_g_check".into(),
            expr: "g >= 0".into(),
        });
        schema(vec![t], vec![])
    };
    let previous = make("a * 2");
    let mut client = database_with(&previous);
    client
        .batch_execute("INSERT INTO t (id, a) VALUES (1, 5)")
        .expect("rows");
    let next = make("a * 3");
    let statements = migrate(&mut client, &previous, &next, &RenameHints::default());
    assert!(
        !shale_sql::has_data_loss(&statements),
        "a regenerated column loses nothing"
    );
    assert_eq!(ints(&mut client, "SELECT g::bigint FROM t"), vec![15]);
    let indexes = strings(
        &mut client,
        "SELECT indexname::text FROM pg_indexes WHERE tablename = 't' ORDER BY 1",
    );
    assert_eq!(
        indexes,
        vec!["t_g_idx", "t_pkey"],
        "the index on the column is rebuilt"
    );
    let checks = strings(
        &mut client,
        "SELECT conname::text FROM pg_constraint WHERE contype = 'c' AND conrelid = 't'::regclass",
    );
    assert_eq!(checks, vec!["t_g_check"]);
}

#[test]
fn keys_that_foreign_keys_depend_on_can_change() {
    let make = |nulls_not_distinct: bool, composite: bool| {
        let mut users = table(
            "users",
            vec![
                col("id", "bigint"),
                col("org", "bigint"),
                nullable(col("email", "text")),
            ],
        );
        users.uniques.push(UniqueConstraint {
            comment: None,
            deferrable: Default::default(),
            name: "users_email_key".into(),
            columns: vec!["email".into()],
            nulls_not_distinct,
        });
        if composite {
            users.primary_key = Some(PrimaryKey {
                comment: None,
                deferrable: Default::default(),
                name: "users_pkey".into(),
                columns: vec!["id".into(), "org".into()],
            });
        }
        let mut posts = table(
            "posts",
            vec![
                col("id", "bigint"),
                nullable(col("email", "text")),
                col("user_id", "bigint"),
                col("org", "bigint"),
            ],
        );
        posts
            .foreign_keys
            .push(fk("posts_email_fkey", &["email"], "users", &["email"]));
        if composite {
            posts.foreign_keys.push(fk(
                "posts_user_id_org_fkey",
                &["user_id", "org"],
                "users",
                &["id", "org"],
            ));
        } else {
            posts
                .foreign_keys
                .push(fk("posts_user_id_fkey", &["user_id"], "users", &["id"]));
        }
        schema(vec![users, posts], vec![])
    };
    let previous = make(false, false);
    let mut client = database_with(&previous);
    client
        .batch_execute(
            "INSERT INTO users VALUES (1, 1, 'a@x'); INSERT INTO posts VALUES (1, 'a@x', 1, 1)",
        )
        .expect("rows");
    let next = make(true, true);
    migrate(&mut client, &previous, &next, &RenameHints::default());
    migrate(&mut client, &next, &previous, &RenameHints::default());
    assert_eq!(ints(&mut client, "SELECT count(*) FROM posts"), vec![1]);
}

#[test]
fn namespaces_come_and_go() {
    let mut members = table(
        "auth.members",
        vec![
            col("id", "bigint"),
            Column::new("level", ColumnType::enum_(q("auth.level"))),
        ],
    );
    members
        .foreign_keys
        .push(fk("members_id_fkey", &["id"], "users", &["id"]));
    let users = table("users", vec![col("id", "bigint")]);
    let with = schema(
        vec![users.clone(), members],
        vec![enum_("auth.level", &["low", "high"])],
    );
    let without = schema(vec![users], vec![]);
    let mut client = database_with(&without);
    migrate(&mut client, &without, &with, &RenameHints::default());
    client
        .batch_execute("INSERT INTO users VALUES (1); INSERT INTO auth.members VALUES (1, 'high')")
        .expect("rows");
    migrate(&mut client, &with, &without, &RenameHints::default());
    assert_eq!(
        ints(
            &mut client,
            "SELECT count(*) FROM pg_namespace WHERE nspname = 'auth'"
        ),
        vec![0]
    );
}

#[test]
fn not_null_and_defaults_change_on_existing_rows() {
    let previous = schema(
        vec![table(
            "t",
            vec![
                col("id", "bigint"),
                nullable(col("a", "text")),
                with_default(col("b", "integer"), "1"),
            ],
        )],
        vec![],
    );
    let mut client = database_with(&previous);
    client
        .batch_execute("INSERT INTO t VALUES (1, 'x', 2)")
        .expect("rows");
    let next = schema(
        vec![table(
            "t",
            vec![
                col("id", "bigint"),
                with_default(col("a", "text"), "'y'"),
                nullable(col("b", "integer")),
            ],
        )],
        vec![],
    );
    migrate(&mut client, &previous, &next, &RenameHints::default());
    client
        .batch_execute("INSERT INTO t (id) VALUES (2)")
        .expect("defaults");
    assert_eq!(
        strings(
            &mut client,
            "SELECT a || coalesce(b::text, '-') FROM t ORDER BY id"
        ),
        vec!["x2", "y-"]
    );
}

#[test]
fn rename_chains_and_reused_names() {
    // a → b while b → c; column x → y while y → z; table d dropped while e takes its name.
    let previous = schema(
        vec![
            table(
                "a",
                vec![col("id", "bigint"), col("x", "text"), col("y", "text")],
            ),
            table("b", vec![col("id", "bigint")]),
            table("d", vec![col("id", "bigint")]),
            table("e", vec![col("id", "bigint")]),
        ],
        vec![],
    );
    let mut next_b = table(
        "b",
        vec![col("id", "bigint"), col("y", "text"), col("z", "text")],
    );
    next_b.primary_key = Some(PrimaryKey {
        comment: None,
        deferrable: Default::default(),
        name: "a_pkey".into(),
        columns: vec!["id".into()],
    });
    let mut next_c = table("c", vec![col("id", "bigint")]);
    next_c.primary_key = Some(PrimaryKey {
        comment: None,
        deferrable: Default::default(),
        name: "b_pkey".into(),
        columns: vec!["id".into()],
    });
    let mut next_d = table("d", vec![col("id", "bigint")]);
    next_d.primary_key = Some(PrimaryKey {
        comment: None,
        deferrable: Default::default(),
        name: "e_pkey".into(),
        columns: vec!["id".into()],
    });
    let next = schema(vec![next_b, next_c, next_d], vec![]);
    let mut client = database_with(&previous);
    client
        .batch_execute("INSERT INTO a VALUES (1, 'x1', 'y1'); INSERT INTO e VALUES (5)")
        .expect("rows");
    let hints = RenameHints {
        tables: vec![(q("a"), q("b")), (q("b"), q("c")), (q("e"), q("d"))],
        columns: vec![
            (q("b"), "x".into(), "y".into()),
            (q("b"), "y".into(), "z".into()),
        ],
        dropped_tables: vec![q("d")],
        ..Default::default()
    };
    migrate(&mut client, &previous, &next, &hints);
    assert_eq!(strings(&mut client, "SELECT y || z FROM b"), vec!["x1y1"]);
    assert_eq!(ints(&mut client, "SELECT id FROM d"), vec![5]);
}
