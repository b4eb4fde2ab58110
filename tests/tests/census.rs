//! The census on real databases: every object of a kind shale does not model
//! is reported, one kind at a time and all together, so that `verify`,
//! `check --db`, `pull` and `diff` never answer "in sync" about a database
//! they did not read whole; and what `[unmanaged]` lists is left out and
//! counted, never silently.

use std::path::Path;
use std::process::Output;

use shale_introspect::{introspect_all, IntrospectOptions, UnmodelledObject};

/// Every case starts from this table (shale models all of it).
const BASE: &str = "CREATE TABLE t (id integer PRIMARY KEY, a text, b integer, during tstzrange);";

/// `(SQL on top of BASE, the census it must produce as (kind, name))`.
fn cases() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    vec![
        (
            "CREATE FUNCTION f(x integer) RETURNS integer LANGUAGE sql BEGIN ATOMIC SELECT x; END",
            vec![("routine with an SQL-standard body", "f(x integer)")],
        ),
        (
            "CREATE AGGREGATE mysum(integer) (SFUNC = int4pl, STYPE = integer)",
            vec![("aggregate", "mysum(integer)")],
        ),
        (
            "CREATE FUNCTION ctf() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'; \
             CREATE CONSTRAINT TRIGGER ctr AFTER INSERT ON t DEFERRABLE FOR EACH ROW EXECUTE FUNCTION ctf()",
            vec![("constraint trigger", "ctr on t")],
        ),
        (
            "CREATE VIEW tv AS SELECT id FROM t; \
             CREATE FUNCTION vtf() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'; \
             CREATE TRIGGER vtr INSTEAD OF INSERT ON tv FOR EACH ROW EXECUTE FUNCTION vtf()",
            vec![("trigger on a view or foreign table", "vtr on tv")],
        ),
        (
            "CREATE FUNCTION costly() RETURNS integer LANGUAGE sql COST 5000 SET work_mem = '64MB' AS 'SELECT 1'",
            vec![("routine option", "costly()")],
        ),
        (
            "CREATE FUNCTION off() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'; \
             CREATE TRIGGER t_off BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION off(); \
             ALTER TABLE t DISABLE TRIGGER t_off",
            vec![("disabled trigger", "t_off on t")],
        ),
        (
            // Domains are modelled; their NOT VALID checks are not.
            "CREATE DOMAIN d AS integer; ALTER DOMAIN d ADD CONSTRAINT d_pos CHECK (VALUE > 0) NOT VALID",
            vec![("NOT VALID domain constraint", "d_pos on d")],
        ),
        (
            // Composite types are modelled; a domain over one is not.
            "CREATE TYPE c AS (x integer); CREATE DOMAIN dc AS c",
            vec![("domain over a composite type", "dc")],
        ),
        (
            "CREATE TYPE r AS RANGE (subtype = int8)",
            vec![("range type", "r")],
        ),
        (
            "GRANT SELECT ON t TO pg_monitor",
            vec![("unmanaged-role grant", "t to pg_monitor")],
        ),
        (
            "CREATE FUNCTION g() RETURNS integer LANGUAGE sql AS 'SELECT 1'; \
             REVOKE EXECUTE ON FUNCTION g() FROM PUBLIC",
            vec![("revoked default privilege", "EXECUTE on g() from public")],
        ),
        (
            // Column privileges on tables are modelled (to managed roles);
            // on views they are not.
            "GRANT SELECT (a) ON t TO pg_monitor",
            vec![("unmanaged-role grant", "t.a to pg_monitor")],
        ),
        (
            "CREATE VIEW cv AS SELECT id FROM t; GRANT SELECT (id) ON cv TO app_ro",
            vec![("column grant", "cv.id to app_ro")],
        ),
        (
            "CREATE SCHEMA s2; GRANT USAGE ON SCHEMA s2 TO pg_monitor",
            vec![("unmanaged-role grant", "schema s2 to pg_monitor")],
        ),
        (
            // Partitions of a partitioned table in its schema are modelled;
            // sub-partitioning and partitions elsewhere are not.
            "CREATE TABLE pt (id integer, at date) PARTITION BY RANGE (at); \
             CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM ('2020-01-01') TO ('2021-01-01') \
                 PARTITION BY LIST (id); \
             CREATE TABLE pt1a PARTITION OF pt1 FOR VALUES IN (1); \
             CREATE SCHEMA ps; \
             CREATE TABLE ps.pt2 PARTITION OF pt FOR VALUES FROM ('2021-01-01') TO ('2022-01-01')",
            vec![
                ("partition in another schema", "ps.pt2"),
                ("sub-partition", "pt1a"),
                ("sub-partitioned partition", "pt1"),
            ],
        ),
        (
            // What a partition holds of its own, beyond its parent's.
            "CREATE TABLE pp (id integer, at date, n integer) PARTITION BY RANGE (at); \
             CREATE INDEX pp_at ON pp (at); \
             CREATE TABLE pp1 PARTITION OF pp FOR VALUES FROM ('2020-01-01') TO ('2021-01-01'); \
             ALTER TABLE pp1 ADD CONSTRAINT pp1_n CHECK (n > 0); \
             CREATE INDEX pp1_n_idx ON pp1 (n); \
             COMMENT ON TABLE pp1 IS 'x'; \
             CREATE FUNCTION ptf() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'; \
             CREATE TRIGGER pp1_tr BEFORE UPDATE ON pp1 FOR EACH ROW EXECUTE FUNCTION ptf(); \
             CREATE POLICY pp1_p ON pp1 USING (true); ALTER TABLE pp1 ENABLE ROW LEVEL SECURITY",
            vec![
                ("comment on a partition", "pp1"),
                ("constraint on a partition", "pp1_n on pp1"),
                ("index on a partition", "pp1_n_idx on pp1"),
                ("policy on a partition", "pp1_p on pp1"),
                ("row-level security on a partition", "pp1"),
                ("trigger on a partition", "pp1_tr on pp1"),
            ],
        ),
        (
            "ALTER TABLE t ADD CONSTRAINT ex EXCLUDE USING gist (during WITH &&) INCLUDE (b)",
            vec![(
                "exclusion constraint with INCLUDE or storage parameters",
                "ex on t",
            )],
        ),
        (
            // Collations of pg_catalog and public are modelled on columns.
            "CREATE SCHEMA cs; CREATE COLLATION cs.c2 FROM \"C\"; \
             CREATE TABLE co (a text COLLATE cs.c2, b text COLLATE \"C\")",
            vec![("collation", "cs.c2"), ("column collation", "co.a")],
        ),
        ("CREATE UNLOGGED TABLE ul (id integer)", vec![("unlogged table", "ul")]),
        (
            "CREATE TABLE sp (id integer) WITH (fillfactor = 70)",
            vec![("storage parameters", "sp")],
        ),
        ("ALTER TABLE t REPLICA IDENTITY FULL", vec![("replica identity", "t")]),
        (
            "CREATE TABLE parent (id integer); CREATE TABLE child () INHERITS (parent)",
            vec![("table inheritance", "child")],
        ),
        (
            "CREATE RULE rl AS ON INSERT TO t DO INSTEAD NOTHING",
            vec![("rule", "rl on t")],
        ),
        (
            // Comments on constraints and other indexes are modelled; the
            // index behind a key has a comment of its own that is not.
            "COMMENT ON INDEX t_pkey IS 'x'",
            vec![("comment on the index of a constraint", "index t_pkey")],
        ),
        (
            "CREATE DOMAIN dm AS integer CONSTRAINT dm_positive CHECK (VALUE > 0); \
             COMMENT ON CONSTRAINT dm_positive ON DOMAIN dm IS 'x'; \
             CREATE TYPE ct AS (a integer, b text); COMMENT ON COLUMN ct.b IS 'y'",
            vec![
                ("comment on a composite type attribute", "ct.b"),
                ("comment on a domain constraint", "dm_positive on dm"),
            ],
        ),
        (
            "CREATE COLLATION mycoll FROM \"C\"",
            vec![("collation", "mycoll")],
        ),
        (
            "CREATE STATISTICS st ON a, b FROM t",
            vec![("extended statistics", "st")],
        ),
        (
            "CREATE FUNCTION etf() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END'; \
             CREATE EVENT TRIGGER et ON ddl_command_start EXECUTE FUNCTION etf()",
            vec![("event trigger", "et")],
        ),
        ("CREATE PUBLICATION pb", vec![("publication", "pb")]),
        (
            "CREATE TEXT SEARCH CONFIGURATION tsc (COPY = english)",
            vec![("text search configuration", "tsc")],
        ),
        (
            "CREATE TEXT SEARCH DICTIONARY tsd (TEMPLATE = simple)",
            vec![("text search dictionary", "tsd")],
        ),
        (
            "CREATE OPERATOR === (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4eq)",
            vec![("operator", "===")],
        ),
        (
            "CREATE OPERATOR FAMILY ofam USING btree",
            vec![("operator family", "ofam")],
        ),
        (
            "CREATE FOREIGN DATA WRAPPER fdw; CREATE SERVER srv FOREIGN DATA WRAPPER fdw; \
             CREATE FOREIGN TABLE ft (id integer) SERVER srv",
            vec![
                ("foreign server", "srv"),
                ("foreign table", "ft"),
                ("foreign-data wrapper", "fdw"),
            ],
        ),
        (
            "CREATE TYPE c2 AS (x integer); \
             CREATE FUNCTION c2_to_int(c2) RETURNS integer LANGUAGE sql AS 'SELECT 1'; \
             CREATE CAST (c2 AS integer) WITH FUNCTION c2_to_int(c2)",
            vec![("cast", "c2 as integer")],
        ),
        (
            "CREATE TABLE cc (a text COMPRESSION pglz)",
            vec![("column compression", "cc.a")],
        ),
    ]
}

fn census_of(url: &str, options: &IntrospectOptions) -> shale_introspect::Introspection {
    let mut client = shale_tests::connect(url);
    introspect_all(&mut client, options).unwrap_or_else(|e| panic!("introspect: {e}"))
}

fn objects(list: &[(&str, &str)]) -> Vec<UnmodelledObject> {
    let mut v: Vec<UnmodelledObject> = list
        .iter()
        .map(|(kind, name)| UnmodelledObject {
            kind: kind.to_string(),
            name: name.to_string(),
        })
        .collect();
    v.sort();
    v
}

fn database(sql: &str) -> String {
    let url = shale_tests::fresh_database();
    shale_tests::connect(&url)
        .batch_execute(&format!("{BASE}\n{sql}"))
        .unwrap_or_else(|e| panic!("setup `{sql}`: {e}"));
    url
}

#[test]
fn a_database_of_modelled_objects_only_is_complete() {
    let url = database(
        "CREATE TYPE mood AS ENUM ('ok', 'sad'); \
         CREATE TABLE m (id serial PRIMARY KEY, n bigint GENERATED BY DEFAULT AS IDENTITY, mood mood, \
                         r integer REFERENCES t (id) DEFERRABLE INITIALLY DEFERRED, CHECK (r > 0)); \
         CREATE UNIQUE INDEX m_n ON m (n DESC NULLS LAST) WHERE n > 0; \
         COMMENT ON TABLE m IS 'x'; COMMENT ON COLUMN m.n IS 'y'; COMMENT ON TYPE mood IS 'z'; \
         ALTER TABLE t ADD CONSTRAINT nv CHECK (b > 0) NOT VALID; \
         CREATE TABLE r2 (x integer, y integer, UNIQUE (x, y)); \
         CREATE TABLE r3 (x integer, y integer, FOREIGN KEY (x, y) REFERENCES r2 (x, y) MATCH FULL NOT VALID); \
         CREATE SCHEMA s4; COMMENT ON SCHEMA s4 IS 'x'; \
         ALTER TABLE m ENABLE ROW LEVEL SECURITY; ALTER TABLE m FORCE ROW LEVEL SECURITY; \
         CREATE POLICY m_read ON m FOR SELECT TO pg_read_all_data USING (r > 0); \
         CREATE SEQUENCE s START 5; CREATE SEQUENCE s2; ALTER TABLE t ALTER COLUMN b SET DEFAULT nextval('s2'); \
         CREATE TABLE u (id serial); ALTER SEQUENCE u_id_seq START 5; \
         CREATE TABLE w (id integer GENERATED ALWAYS AS IDENTITY (START 10)); \
         CREATE EXTENSION citext; \
         ALTER TABLE m ADD CONSTRAINT m_n_key UNIQUE (n) DEFERRABLE INITIALLY DEFERRED; \
         CREATE TABLE dk (id integer PRIMARY KEY DEFERRABLE); \
         ALTER TABLE m ADD CONSTRAINT m_n_check CHECK (n > 0) NO INHERIT; \
         CREATE SCHEMA other; CREATE TABLE other.o (id integer); \
         CREATE VIEW v AS SELECT id FROM t; \
         CREATE MATERIALIZED VIEW other.mv AS SELECT id FROM v; CREATE INDEX ON other.mv (id); \
         CREATE FUNCTION f(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x'; \
         CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1'; \
         CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'; \
         CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION tf(); \
         CREATE TABLE coll (a text COLLATE \"C\", b varchar(10)[] COLLATE \"POSIX\", c text); \
         CREATE TABLE ev (id integer NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at); \
         CREATE INDEX ev_at ON ev (at); \
         CREATE TRIGGER ev_tr BEFORE UPDATE ON ev FOR EACH ROW EXECUTE FUNCTION tf(); \
         ALTER TABLE ev ADD CONSTRAINT ev_check CHECK (id > 0); \
         CREATE TABLE ev1 PARTITION OF ev FOR VALUES FROM ('2026-01-01') TO ('2027-01-01'); \
         CREATE TABLE ev2 PARTITION OF ev DEFAULT; \
         ALTER TABLE t ADD CONSTRAINT t_ex EXCLUDE USING gist (during WITH &&) WHERE (b > 0); \
         CREATE DOMAIN email AS text COLLATE \"C\" DEFAULT 'x@y' NOT NULL CONSTRAINT at CHECK (VALUE ~ '@'); \
         COMMENT ON DOMAIN email IS 'mail'; \
         CREATE TYPE other.pair AS (a integer, b email[]); COMMENT ON TYPE other.pair IS 'p'; \
         CREATE TABLE uses (id integer PRIMARY KEY, e email, p other.pair)",
    );
    let i = census_of(&url, &IntrospectOptions::default());
    assert!(i.census.is_complete(), "{:#?}", i.census.unmodelled);
    assert_eq!(i.schema.domains.len(), 1);
    assert_eq!(i.schema.composite_types.len(), 1);
    // What citext itself creates (types, functions, operators) is its own.
    let left: Vec<&str> = i
        .census
        .left_out
        .iter()
        .map(|l| l.reason.as_str())
        .collect();
    assert_eq!(left, vec!["owned by extension citext"]);
    assert_eq!(i.schema.views.len(), 2);
    assert_eq!(i.schema.functions.len(), 3);
    let t = i.schema.tables.iter().find(|t| t.name.name == "t").unwrap();
    assert_eq!(t.triggers.len(), 1);
    let coll = i
        .schema
        .tables
        .iter()
        .find(|t| t.name.name == "coll")
        .unwrap();
    let collations: Vec<Option<&str>> = coll
        .columns
        .iter()
        .map(|c| c.collation.as_deref())
        .collect();
    assert_eq!(collations, vec![Some("C"), Some("POSIX"), None]);
    let ev = i
        .schema
        .tables
        .iter()
        .find(|t| t.name.name == "ev")
        .unwrap();
    let partitions: Vec<&str> = ev.partitions.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(partitions, vec!["ev1", "ev2"]);
    assert!(ev.partition_by.is_some());
    assert!(!i
        .schema
        .tables
        .iter()
        .any(|t| t.name.name.starts_with("ev1")));
    assert_eq!(t.exclusions.len(), 1);
}

#[test]
fn every_unmodelled_kind_is_reported_alone() {
    for (sql, expected) in cases() {
        let url = database(sql);
        let i = census_of(&url, &IntrospectOptions::default());
        assert_eq!(i.census.unmodelled, objects(&expected), "after `{sql}`");
    }
}

#[test]
fn every_unmodelled_kind_is_reported_together_and_the_query_count_stays() {
    let cases = cases();
    let sql: Vec<&str> = cases.iter().map(|(sql, _)| *sql).collect();
    let url = database(&format!("{};\nCREATE EXTENSION citext", sql.join(";\n")));
    let i = census_of(&url, &IntrospectOptions::default());
    let mut expected: Vec<(&str, &str)> = cases.iter().flat_map(|(_, e)| e.clone()).collect();
    expected.sort();
    expected.dedup();
    assert_eq!(i.census.unmodelled, objects(&expected));
    // The extension's own functions, types and operators are left out, counted.
    assert!(
        i.census
            .left_out
            .iter()
            .any(|l| l.reason == "owned by extension citext" && l.count > 10),
        "{:#?}",
        i.census.left_out
    );
    // One census query, whatever the database holds.
    let empty = shale_tests::fresh_database();
    assert_eq!(
        i.stats.queries,
        census_of(&empty, &IntrospectOptions::default())
            .stats
            .queries
    );
}

#[test]
fn unmanaged_schemas_and_objects_are_left_out_and_counted() {
    let url = database(
        "CREATE SCHEMA auth; CREATE TABLE auth.users (id integer); \
         CREATE FUNCTION auth.uid() RETURNS integer LANGUAGE sql AS 'SELECT 1'; \
         CREATE VIEW legacy_report AS SELECT id FROM t; \
         CREATE TABLE legacy_orders (id integer); \
         CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'; \
         CREATE TRIGGER audit BEFORE UPDATE ON legacy_orders FOR EACH ROW EXECUTE FUNCTION tf(); \
         CREATE VIEW kept AS SELECT id FROM t",
    );
    let options = IntrospectOptions {
        exclude_namespaces: vec!["auth".into()],
        unmanaged_objects: vec!["legacy_*".into(), "tf".into()],
        ..IntrospectOptions::default()
    };
    let i = census_of(&url, &options);
    // Views are modelled: `kept` is read, not reported; `legacy_report` is
    // left out and counted.
    assert!(i.census.is_complete(), "{:#?}", i.census.unmodelled);
    let views: Vec<&str> = i
        .schema
        .views
        .iter()
        .map(|v| v.name.name.as_str())
        .collect();
    assert_eq!(views, ["kept"]);
    let left: Vec<(&str, usize)> = i
        .census
        .left_out
        .iter()
        .map(|l| (l.reason.as_str(), l.count))
        .collect();
    // legacy_report, legacy_orders, its trigger, tf(); auth.users and auth.uid().
    assert_eq!(
        left,
        vec![("listed as unmanaged", 4), ("schema auth is unmanaged", 2)]
    );
    assert!(i
        .schema
        .tables
        .iter()
        .all(|t| t.name.name != "legacy_orders"));
    assert!(i.schema.tables.iter().any(|t| t.name.name == "t"));
}

fn shale(dir: &Path, args: &[&str]) -> Output {
    shale_tests::shale_command!(dir)
        .args(args)
        .output()
        .expect("run shale")
}

/// A project whose schema declares exactly `t` of [`BASE`].
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    std::fs::write(
        dir.path().join("schema/schema.rs"),
        "#[derive(Table)]\n#[table(name = \"t\")]\npub struct T {\n    #[column(primary_key)]\n    pub id: i32,\n    \
         pub a: Option<String>,\n    pub b: Option<i32>,\n    #[column(sql_type = \"tstzrange\")]\n    pub during: Option<String>,\n}\n",
    )
    .unwrap();
    dir
}

#[test]
fn verify_never_says_in_sync_about_what_it_did_not_read() {
    let dir = project();
    let clean = database("");
    let out = shale(dir.path(), &["verify", "--db", &clean]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        shale_tests::output_text(&out)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("in sync"));

    // The issue's database: a domain, a sequence, a view, a trigger function
    // with its trigger, a policy, a partitioned table with a partition.
    let url = database(
        "CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%'); \
         CREATE SEQUENCE invoice_numbers START 1000; \
         CREATE VIEW active AS SELECT id FROM t; \
         CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'; \
         CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch(); \
         ALTER TABLE t ENABLE ROW LEVEL SECURITY; CREATE POLICY own ON t USING (id = 1); \
         CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at); \
         CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
    );
    let out = shale(dir.path(), &["verify", "--db", &url]);
    let text = shale_tests::output_text(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(!text.contains("in sync"), "{text}");
    // Every kind in the issue's database is modelled now (the domain, the
    // partitioned table and its partition too): what differs is drift.
    let json = shale(dir.path(), &["verify", "--db", &url, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(doc["in_sync"], false);
    assert_eq!(doc["census"]["complete"], true, "{doc:#}");
    assert!(
        doc["census"]["not_compared_counts"]["view"].is_null(),
        "{doc:#}"
    );
    assert!(
        doc["census"]["not_compared_counts"]["sequence"].is_null(),
        "{doc:#}"
    );
    // `events` is a table shale reads (with its partition), the view
    // `active` a view it reads, and row-level security, its policy, the
    // trigger, its function, the domain and the sequence are modelled: the schema,
    // which lacks all of them, drifts from the database in each, once.
    let drifted: Vec<&str> = doc["drift"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["object"].as_str().unwrap())
        .collect();
    assert_eq!(
        drifted,
        vec![
            "view active",
            "policy own on t",
            "trigger t_touch on t",
            "table events",
            "function touch()",
            "row-level security on t",
            "domain email",
            "sequence invoice_numbers"
        ],
        "{doc:#}"
    );

    // `check --db` is the same gate.
    let out = shale(dir.path(), &["check", "--db", &url]);
    let text = shale_tests::output_text(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("domain email"), "{text}");

    // Declared unmanaged, everything is left out on purpose, and said so.
    std::fs::write(
        dir.path().join("shale.toml"),
        "[unmanaged]\nobjects = [\"email\", \"invoice_numbers\", \"active\", \"touch\", \"t\", \"events*\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("schema/schema.rs"),
        "#[derive(Table)]\npub struct Unrelated {\n    pub id: i32,\n}\n",
    )
    .unwrap();
    let unrelated = "CREATE TABLE unrelated (id integer NOT NULL)";
    shale_tests::connect(&url).batch_execute(unrelated).unwrap();
    let out = shale(dir.path(), &["verify", "--db", &url]);
    let text = shale_tests::output_text(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("in sync"), "{text}");
    // email, invoice_numbers, active, touch(); t with its trigger (its
    // policy goes with the table); events as a table, and its partition.
    assert!(
        text.contains("left out on purpose: 8 object(s) (listed as unmanaged: 8)"),
        "{text}"
    );
}

#[test]
fn pull_and_diff_report_what_they_leave_out() {
    let dir = project();
    std::fs::remove_dir_all(dir.path().join("schema")).unwrap();
    let url = database(
        "CREATE VIEW v AS SELECT id FROM t; CREATE SEQUENCE s; CREATE DOMAIN d AS integer; \
         CREATE TYPE r AS RANGE (subtype = int8); \
         CREATE FUNCTION f() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
    );
    let out = shale(dir.path(), &["pull", "--db", &url]);
    let text = shale_tests::output_text(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("does not declare them: 1 range type"),
        "{text}"
    );
    // The view, the function and the domain are modelled: pulled, not reported.
    let pulled = std::fs::read_to_string(dir.path().join("schema/schema.rs")).unwrap();
    assert!(pulled.contains("#[derive(View)]"), "{pulled}");
    assert!(pulled.contains("#[derive(Function)]"), "{pulled}");
    assert!(pulled.contains("#[derive(Domain)]"), "{pulled}");

    let same = database("CREATE VIEW v AS SELECT id FROM t; CREATE SEQUENCE s");
    let out = shale(dir.path(), &["diff", "--from", &same, "--to", &url]);
    let text = shale_tests::output_text(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    // The function is modelled: the diff creates it.
    assert!(
        text.contains("CREATE FUNCTION \"public\".\"f\"()"),
        "{text}"
    );
    assert!(
        text.contains("CREATE DOMAIN \"public\".\"d\" AS integer"),
        "{text}"
    );
    assert!(text.contains("1 range type"), "{text}");
}

#[test]
fn sqlite_triggers_and_virtual_tables_are_reported_and_views_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("app.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "CREATE TABLE t (id INTEGER PRIMARY KEY); \
         CREATE VIEW v AS SELECT id FROM t; \
         CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END; \
         CREATE VIRTUAL TABLE ft USING fts5(body);",
    )
    .unwrap();
    let census = shale_introspect::sqlite::census(&conn, &[]).unwrap();
    assert_eq!(
        census.unmodelled,
        objects(&[("trigger", "tr on t"), ("virtual table", "ft")])
    );
    // Views are modelled on SQLite too: read, not reported.
    let schema = shale_introspect::sqlite::introspect(&conn, &Default::default()).unwrap();
    assert_eq!(schema.views.len(), 1);
    let census = shale_introspect::sqlite::census(&conn, &["t".into(), "v".into()]).unwrap();
    assert_eq!(census.unmodelled, objects(&[("virtual table", "ft")]));
    assert_eq!(census.left_out_total(), 2);
}

#[test]
fn grants_to_managed_roles_are_modelled_and_the_others_reported() {
    let url = database(
        "CREATE SEQUENCE s; CREATE TABLE sq (id serial PRIMARY KEY); \
         GRANT SELECT, INSERT ON t TO app_rw; GRANT SELECT ON t TO reporting; \
         GRANT USAGE ON SEQUENCE s TO app_ro; GRANT USAGE ON SEQUENCE sq_id_seq TO app_ro; \
         GRANT USAGE ON SCHEMA public TO app_ro; COMMENT ON SCHEMA public IS 'app'",
    );
    let i = census_of(&url, &shale_tests::introspect_options());
    assert_eq!(
        i.census.unmodelled,
        objects(&[
            ("column-sequence grant", "sq_id_seq to app_ro"),
            ("unmanaged-role grant", "t to reporting"),
        ])
    );
    let t = i.schema.tables.iter().find(|t| t.name.name == "t").unwrap();
    let grants: Vec<(&str, &str)> = t
        .grants
        .iter()
        .map(|g| (g.role.as_str(), g.privilege.as_sql()))
        .collect();
    assert_eq!(grants, [("app_rw", "SELECT"), ("app_rw", "INSERT")]);
    assert_eq!(i.schema.sequences[0].grants.len(), 1);
    let public = i
        .schema
        .namespace_settings("public")
        .expect("public's settings");
    assert_eq!(public.comment.as_deref(), Some("app"));
    assert_eq!(public.grants.len(), 1);
}

#[test]
fn verify_reports_a_revoked_grant_once_and_unmanaged_roles_in_the_census() {
    let dir = project();
    std::fs::write(
        dir.path().join("shale.toml"),
        "[grants]\nroles = [\"app_*\"]\n",
    )
    .unwrap();
    let schema = std::fs::read_to_string(dir.path().join("schema/schema.rs")).unwrap();
    std::fs::write(
        dir.path().join("schema/schema.rs"),
        schema.replace(
            "#[table(name = \"t\")]",
            "#[table(name = \"t\")]\n#[grant(select, insert, to = \"app_rw\")]",
        ),
    )
    .unwrap();
    let url = database("GRANT SELECT, INSERT ON t TO app_rw");
    let out = shale(dir.path(), &["verify", "--db", &url]);
    let text = shale_tests::output_text(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("in sync"), "{text}");

    shale_tests::connect(&url)
        .batch_execute("REVOKE INSERT ON t FROM app_rw; GRANT SELECT ON t TO reporting")
        .unwrap();
    let json = shale(dir.path(), &["verify", "--db", &url, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(doc["in_sync"], false, "{doc:#}");
    let drift = doc["drift"].as_array().unwrap();
    assert_eq!(drift.len(), 1, "{doc:#}");
    assert_eq!(drift[0]["object"], "grants to app_rw on table t", "{doc:#}");
    assert_eq!(drift[0]["schema"], "SELECT, INSERT", "{doc:#}");
    assert_eq!(drift[0]["database"], "SELECT", "{doc:#}");
    assert_eq!(
        doc["census"]["not_compared_counts"]["unmanaged-role grant"], 1,
        "{doc:#}"
    );

    // A schema granting to a role shale does not manage is refused.
    std::fs::write(
        dir.path().join("schema/schema.rs"),
        schema.replace(
            "#[table(name = \"t\")]",
            "#[table(name = \"t\")]\n#[grant(select, to = \"reporting\")]",
        ),
    )
    .unwrap();
    let out = shale(dir.path(), &["verify", "--db", &url]);
    let text = shale_tests::output_text(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("grants to role `reporting`, which shale does not manage"),
        "{text}"
    );
}
