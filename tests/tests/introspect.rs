//! Live introspection on real PostgreSQL: every catalog feature read into the
//! exact expected model, extension-owned and system objects left out, the
//! query count independent of the number of tables, and hand-made drift
//! showing up as exactly the change that was made.

use shale_differ::MigrationPair;
use shale_introspect::{introspect, IntrospectOptions};
use shale_model::{Column, ColumnType, RenameHints, Schema};

fn read(url: &str) -> Schema {
    let mut client = shale_tests::connect(url);
    introspect(&mut client, &IntrospectOptions::default())
        .unwrap_or_else(|e| panic!("introspect: {e}"))
}

fn database_with(sql: &str) -> String {
    let url = shale_tests::fresh_database();
    shale_tests::connect(&url)
        .batch_execute(sql)
        .unwrap_or_else(|e| panic!("setup sql: {e}"));
    url
}

#[test]
fn every_catalog_feature_reads_into_the_expected_model() {
    let sql = std::fs::read_to_string(
        shale_tests::repo_root().join("tests/tests/introspect/features.sql"),
    )
    .unwrap();
    let url = database_with(&sql);
    let schema = read(&url);
    shale_tests::assert_golden_file(
        &shale_tests::repo_root()
            .join("tests/tests/introspect")
            .join("features.expected"),
        &format!("{schema:#?}\n"),
    );
}

#[test]
fn extension_owned_and_tracking_objects_are_left_out() {
    let url = database_with(
        "CREATE EXTENSION citext;
         CREATE SCHEMA drizzle;
         CREATE TABLE drizzle.__drizzle_migrations (id serial PRIMARY KEY, hash text NOT NULL);
         CREATE TABLE kept (id int);
         CREATE TABLE owned (id int);
         CREATE TYPE owned_enum AS ENUM ('a');
         CREATE SCHEMA owned_ns;
         ALTER EXTENSION citext ADD TABLE owned;
         ALTER EXTENSION citext ADD TYPE owned_enum;
         ALTER EXTENSION citext ADD SCHEMA owned_ns;",
    );
    let schema = read(&url);
    let names: Vec<String> = schema.tables.iter().map(|t| t.name.to_string()).collect();
    assert_eq!(names, ["kept"]);
    assert!(schema.enums.is_empty(), "{:?}", schema.enums);
    assert!(schema.namespaces.is_empty(), "{:?}", schema.namespaces);
    // The extension itself is part of the schema (plpgsql, which every
    // database has, is not); the tracking table's serial sequence is not.
    let extensions: Vec<&str> = schema.extensions.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(extensions, ["citext"]);
    assert!(schema.sequences.is_empty(), "{:?}", schema.sequences);

    // The tracking schema is configurable, and readable when asked for.
    let mut client = shale_tests::connect(&url);
    let options = IntrospectOptions {
        tracking_schema: None,
        ..IntrospectOptions::default()
    };
    let with_tracking = introspect(&mut client, &options).unwrap();
    assert_eq!(with_tracking.namespaces, ["drizzle"]);
    assert_eq!(with_tracking.tables.len(), 2);
    let only = IntrospectOptions {
        include_namespaces: vec!["drizzle".into()],
        ..IntrospectOptions::default()
    };
    let only = introspect(&mut client, &only).unwrap();
    assert_eq!(
        only.tables
            .iter()
            .map(|t| t.name.to_string())
            .collect::<Vec<_>>(),
        ["drizzle.__drizzle_migrations"]
    );
    let excluded = IntrospectOptions {
        exclude_namespaces: vec!["public".into()],
        ..IntrospectOptions::default()
    };
    assert!(introspect(&mut client, &excluded)
        .unwrap()
        .tables
        .is_empty());
}

#[test]
fn the_session_is_left_as_it_was() {
    let url = database_with("CREATE SCHEMA other; CREATE TABLE other.t (id int DEFAULT 1)");
    let mut client = shale_tests::connect(&url);
    client
        .batch_execute(
            "SET search_path = other; SET statement_timeout = '7s'; SET lock_timeout = 0",
        )
        .unwrap();
    let schema = introspect(&mut client, &IntrospectOptions::default()).unwrap();
    assert_eq!(schema.tables[0].name.to_string(), "other.t");
    let settings: Vec<String> = [
        "search_path",
        "statement_timeout",
        "lock_timeout",
        "transaction_read_only",
    ]
    .iter()
    .map(|s| client.query_one(&format!("SHOW {s}"), &[]).unwrap().get(0))
    .collect();
    assert_eq!(settings, ["other", "7s", "0", "off"]);
    // The same schema reads the same whatever the session's search_path.
    let mut fresh = shale_tests::connect(&url);
    assert_eq!(
        introspect(&mut fresh, &IntrospectOptions::default()).unwrap(),
        schema
    );
}

#[test]
fn a_timeout_stops_a_blocked_catalog_read() {
    let url = database_with("CREATE TYPE mood AS ENUM ('ok'); CREATE TABLE t (id int)");
    let mut client = shale_tests::connect(&url);
    // Another session locks the catalog the enums query reads (taken after
    // the first statement has set the timeout), and releases it after five
    // seconds whatever happens, so that a missing timeout fails the test
    // instead of hanging it.
    let (locked_tx, locked_rx) = std::sync::mpsc::channel();
    let blocker_url = url.clone();
    let blocker = std::thread::spawn(move || {
        let mut blocker = shale_tests::connect(&blocker_url);
        let mut tx = blocker.transaction().unwrap();
        tx.batch_execute("LOCK TABLE pg_catalog.pg_enum IN ACCESS EXCLUSIVE MODE")
            .unwrap();
        locked_tx.send(()).unwrap();
        std::thread::sleep(std::time::Duration::from_secs(5));
        tx.rollback().unwrap();
    });
    locked_rx.recv().unwrap();
    let options = IntrospectOptions {
        statement_timeout: Some(std::time::Duration::from_millis(300)),
        ..IntrospectOptions::default()
    };
    let started = std::time::Instant::now();
    let outcome = introspect(&mut client, &options);
    let waited = started.elapsed();
    blocker.join().unwrap();
    let err = outcome.expect_err("the read should time out behind the lock");
    assert!(
        waited < std::time::Duration::from_secs(4),
        "waited {waited:?}"
    );
    let text = err.to_string();
    assert!(
        text.starts_with("could not read the database catalog (enums)"),
        "{text}"
    );
    // The session is usable again, with its own timeout, and reads fine.
    let t: String = client
        .query_one("SHOW statement_timeout", &[])
        .unwrap()
        .get(0);
    assert_eq!(t, "0");
    assert_eq!(introspect(&mut client, &options).unwrap().enums.len(), 1);
}

fn many_tables_sql(n: usize) -> String {
    let mut sql = String::from("CREATE TYPE mood AS ENUM ('ok', 'meh');\n");
    for i in 0..n {
        sql.push_str(&format!(
            "CREATE TABLE t{i} (id serial PRIMARY KEY, parent int REFERENCES t{p}(id), \
             name text NOT NULL UNIQUE, mood mood DEFAULT 'ok', score numeric(10,2) CHECK (score > 0));\n\
             CREATE INDEX t{i}_lower ON t{i} (lower(name)) WHERE parent IS NOT NULL;\n\
             COMMENT ON TABLE t{i} IS 'table {i}';\n\
             CREATE VIEW v{i} AS SELECT id, name FROM t{i} WHERE mood = 'ok';\n\
             CREATE MATERIALIZED VIEW m{i} AS SELECT id, score FROM t{i};\n\
             CREATE UNIQUE INDEX m{i}_id ON m{i} (id);\n",
            p = if i == 0 { 0 } else { i - 1 }
        ));
        // Routines and triggers (modelled: read in one query each) and
        // domains (counted by the census), one of each per ten tables.
        if i % 10 == 0 {
            sql.push_str(&format!(
                "CREATE FUNCTION f{i}() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';\n\
                 CREATE TRIGGER tr{i} BEFORE UPDATE ON t{i} FOR EACH ROW EXECUTE FUNCTION f{i}();\n\
                 CREATE DOMAIN d{i} AS integer CHECK (VALUE > 0);\n"
            ));
        }
    }
    sql
}

/// Counts the statements the server executed for one introspection, from a
/// dedicated server's statement log — independent of shale's own counter.
/// The database holds a view and a materialized view per table: views are
/// one query too, their columns and indexes read with the tables'.
#[test]
fn query_count_does_not_grow_with_the_number_of_tables() {
    let server = shale_tests::PgServer::start_with(shale_tests::ServerOptions {
        conf: vec![
            "log_statement = 'all'".into(),
            "log_line_prefix = '[%a] '".into(),
        ],
        ..Default::default()
    })
    .unwrap();
    let mut counts = Vec::new();
    for (i, n) in [3usize, 300].into_iter().enumerate() {
        let db = format!("q{i}");
        server
            .connect("postgres")
            .batch_execute(&format!("CREATE DATABASE {db}"))
            .unwrap();
        server
            .connect(&db)
            .batch_execute(&many_tables_sql(n))
            .unwrap();
        let app = format!("introspect_{n}");
        let mut client =
            shale_tests::connect(&format!("{}&application_name={app}", server.url(&db)));
        let shale_introspect::Introspection {
            schema,
            census,
            stats,
        } = shale_introspect::introspect_all(&mut client, &IntrospectOptions::default()).unwrap();
        drop(client);
        assert_eq!(schema.tables.len(), n);
        // As many views and materialized views (each with its index).
        assert_eq!(schema.views.len(), 2 * n);
        assert!(schema
            .views
            .iter()
            .all(|v| v.columns.len() == 2 && v.indexes.len() == usize::from(v.materialized)));
        let per_kind = n.div_ceil(10);
        // Domains are modelled: read, one query for all of them.
        assert!(census.counts().is_empty(), "{:?}", census.counts());
        assert_eq!(schema.domains.len(), per_kind);
        assert_eq!(schema.functions.len(), per_kind);
        assert_eq!(
            schema
                .tables
                .iter()
                .map(|t| t.triggers.len())
                .sum::<usize>(),
            per_kind
        );
        assert!(schema
            .tables
            .iter()
            .all(|t| t.indexes.len() == 1 && t.checks.len() == 1 && t.uniques.len() == 1));
        let logged = server
            .log()
            .lines()
            .filter(|l| {
                l.starts_with(&format!("[{app}] "))
                    && (l.contains("LOG:  execute") || l.contains("LOG:  statement:"))
            })
            .count();
        assert_eq!(
            logged, stats.queries,
            "the server saw a different number of statements than counted"
        );
        counts.push(logged);
    }
    assert_eq!(
        counts[0], counts[1],
        "query count grew with the number of tables: {counts:?}"
    );
    // BEGIN, version, namespaces, enums, extensions, sequences, tables,
    // views, columns, constraints, indexes, policies, triggers, functions,
    // domains, composite types, grants, census, COMMIT.
    assert_eq!(counts[0], 19, "{counts:?}");
}

const DRIFT_BASE: &str = "CREATE TYPE role AS ENUM ('admin', 'member');
    CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, role role NOT NULL DEFAULT 'member',
                        created_at timestamptz NOT NULL DEFAULT now());
    CREATE INDEX users_email_idx ON users (email);";

/// Applies `change` by hand and checks the introspected model differs from
/// the base exactly by `expect` applied to the base model, and that the
/// differ reports it as exactly one step of kind `step` (and the way back
/// to the schema as exactly one step of kind `back`).
fn assert_drift(change: &str, step: &str, back: &str, expect: impl FnOnce(&mut Schema)) {
    let url = database_with(DRIFT_BASE);
    let before = read(&url);
    let no_drift = shale_differ::diff(
        MigrationPair::new(&before, &before),
        &RenameHints::default(),
    )
    .unwrap();
    assert!(no_drift.is_empty(), "{no_drift:?}");
    shale_tests::connect(&url).batch_execute(change).unwrap();
    let after = read(&url);
    assert_ne!(before, after, "`{change}` did not show up");
    let mut expected = before.clone();
    expect(&mut expected);
    assert_eq!(
        expected, after,
        "`{change}` showed up differently than expected"
    );

    for (pair, kind) in [
        (MigrationPair::new(&before, &after), step),
        (MigrationPair::new(&after, &before), back),
    ] {
        let plan =
            shale_differ::diff(pair, &RenameHints::default()).unwrap_or_else(|a| panic!("{a:?}"));
        let kinds: Vec<String> = plan
            .steps
            .iter()
            .map(|s| {
                format!("{s:?}")
                    .split([' ', '('])
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .collect();
        assert_eq!(
            kinds,
            [kind],
            "`{change}` is not reported exactly once: {:#?}",
            plan.steps
        );
    }
}

#[test]
fn a_column_added_by_hand_shows_up() {
    assert_drift(
        "ALTER TABLE users ADD COLUMN nickname varchar(40)",
        "AddColumn",
        "DropColumn",
        |s| {
            let mut c = Column::new("nickname", ColumnType::named("varchar(40)"));
            c.nullable = true;
            s.tables[0].columns.push(c);
        },
    );
}

#[test]
fn a_changed_default_shows_up() {
    assert_drift(
        "ALTER TABLE users ALTER COLUMN role SET DEFAULT 'admin'",
        "AlterColumn",
        "AlterColumn",
        |s| {
            let role = s.tables[0]
                .columns
                .iter_mut()
                .find(|c| c.name == "role")
                .unwrap();
            assert!(shale_model::expr::equivalent(
                role.default.as_deref().unwrap(),
                "'member'"
            ));
            role.default = Some("'admin'::role".into());
        },
    );
}

#[test]
fn a_dropped_index_shows_up() {
    assert_drift(
        "DROP INDEX users_email_idx",
        "DropIndex",
        "CreateIndex",
        |s| {
            assert_eq!(s.tables[0].indexes.len(), 1);
            s.tables[0].indexes.clear();
        },
    );
}

#[test]
fn a_new_enum_value_shows_up() {
    assert_drift(
        "ALTER TYPE role ADD VALUE 'guest' BEFORE 'member'",
        "AddEnumValue",
        "ReplaceEnum",
        |s| {
            s.enums[0].values = vec!["admin".into(), "guest".into(), "member".into()];
        },
    );
}

#[test]
fn a_policy_changed_by_hand_shows_up_once() {
    // The base with a policy, then the policy's USING edited in place.
    let url = database_with(&format!(
        "{DRIFT_BASE}; ALTER TABLE users ENABLE ROW LEVEL SECURITY; \
         CREATE POLICY users_read ON users FOR SELECT USING (role = 'admin')"
    ));
    let before = read(&url);
    assert_eq!(before.tables[0].policies.len(), 1);
    shale_tests::connect(&url)
        .batch_execute("ALTER POLICY users_read ON users USING (role = 'member')")
        .unwrap();
    let after = read(&url);
    let plan =
        shale_differ::diff(MigrationPair::new(&after, &before), &RenameHints::default()).unwrap();
    assert_eq!(
        plan.steps,
        vec![shale_differ::Step::AlterPolicy {
            table: before.tables[0].name.clone(),
            name: "users_read".into()
        }]
    );
    // Row-level security disabled by hand: one step, the flags.
    shale_tests::connect(&url)
        .batch_execute("ALTER TABLE users DISABLE ROW LEVEL SECURITY")
        .unwrap();
    let disabled = read(&url);
    let plan = shale_differ::diff(
        MigrationPair::new(&disabled, &after),
        &RenameHints::default(),
    )
    .unwrap();
    assert!(
        matches!(
            &plan.steps[..],
            [shale_differ::Step::AlterRowLevelSecurity { .. }]
        ),
        "{:?}",
        plan.steps
    );
}
