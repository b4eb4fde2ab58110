//! `shale adopt --from-drizzle`, end to end on real PostgreSQL: a drizzle-kit
//! folder written by hand (enums, a table rename, a column rename, a custom
//! SQL file), applied with shale's runner plus one tracking row inserted the
//! way drizzle's migrator writes it, adopted; then `check` passes, `verify`
//! is in sync, a schema edit generates migration N+1 (right number, prefix and
//! `when`) and `migrate` applies only that one. The same on a 60-migration
//! folder converted from a schema history shale generated itself, with
//! timestamp prefixes; adoption without a database (replayed into a temporary
//! one); and damaged folders refused with the fix, writing nothing.

use std::path::{Path, PathBuf};
use std::process::Output;

use shale_tests::output_text as text;

use serde_json::{json, Map, Value};
use shale_migrations::journal::{Journal, PrefixMode};
use shale_migrations::snapshot::{Snapshot, ROOT_ID};
use shale_migrations::sqlfile::sha256_hex;
use shale_model::{BaseType, Identity, IndexTarget, NullsOrder, Schema, SortOrder};

fn shale(dir: &Path, args: &[&str], db: Option<&str>) -> Output {
    let mut cmd = shale_tests::shale_command!(dir);
    cmd.args(args);
    if let Some(url) = db {
        cmd.env("DATABASE_URL", url);
    }
    cmd.output().expect("run shale")
}

fn ok(dir: &Path, args: &[&str], db: Option<&str>) -> String {
    let o = shale(dir, args, db);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "shale {args:?} failed:\n{t}");
    t
}

// ---------------------------------------------------------------------------
// Writing drizzle-kit's format (what drizzle-kit 0.30 writes for PostgreSQL).

/// A shale model as a drizzle-kit version 7 snapshot, key order and all.
fn drizzle_snapshot(schema: &Schema, id: &str, prev_id: &str) -> String {
    let mut tables = Map::new();
    for t in &schema.tables {
        let single_pk = t.primary_key.as_ref().filter(|pk| pk.columns.len() == 1);
        let mut columns = Map::new();
        for c in &t.columns {
            let mut col = Map::new();
            col.insert("name".into(), json!(c.name));
            let dims = "[]".repeat(usize::from(c.ty.array_dims));
            match &c.ty.base {
                BaseType::Named(n) => {
                    col.insert("type".into(), json!(format!("{n}{dims}")));
                }
                BaseType::Enum(q) | BaseType::UserType(q) => {
                    col.insert("type".into(), json!(format!("{}{dims}", q.name)));
                    col.insert("typeSchema".into(), json!(q.namespace));
                }
            }
            col.insert(
                "primaryKey".into(),
                json!(single_pk.is_some_and(|pk| pk.columns[0] == c.name)),
            );
            col.insert("notNull".into(), json!(!c.nullable));
            if let Some(d) = &c.default {
                col.insert("default".into(), json!(d));
            }
            if let Some(g) = &c.generated {
                col.insert("generated".into(), json!({ "as": g, "type": "stored" }));
            }
            if let Some(i) = c.identity {
                col.insert(
                    "identity".into(),
                    json!({
                        "type": if i == Identity::Always { "always" } else { "byDefault" },
                        "name": format!("{}_{}_seq", t.name.name, c.name),
                        "schema": t.name.namespace,
                        "increment": "1",
                        "startWith": "1",
                        "minValue": "1",
                        "maxValue": "9223372036854775807",
                        "cache": "1",
                        "cycle": false
                    }),
                );
            }
            columns.insert(c.name.clone(), Value::Object(col));
        }
        let mut indexes = Map::new();
        for i in &t.indexes {
            let cols: Vec<Value> = i
                .keys
                .iter()
                .map(|k| {
                    let (expression, is_expr) = match &k.target {
                        IndexTarget::Column(c) => (c.clone(), false),
                        IndexTarget::Expression(e) => (e.clone(), true),
                    };
                    let asc = k.order == SortOrder::Asc;
                    let nulls = match (k.nulls, asc) {
                        (Some(NullsOrder::First), _) | (None, false) => "first",
                        _ => "last",
                    };
                    json!({ "expression": expression, "isExpression": is_expr, "asc": asc, "nulls": nulls })
                })
                .collect();
            let mut idx = Map::new();
            idx.insert("name".into(), json!(i.name));
            idx.insert("columns".into(), Value::Array(cols));
            idx.insert("isUnique".into(), json!(i.unique));
            idx.insert("concurrently".into(), json!(false));
            idx.insert("method".into(), json!(i.method));
            if let Some(w) = &i.predicate {
                idx.insert("where".into(), json!(w));
            }
            idx.insert("with".into(), json!({}));
            indexes.insert(i.name.clone(), Value::Object(idx));
        }
        let mut fks = Map::new();
        for f in &t.foreign_keys {
            fks.insert(
                f.name.clone(),
                json!({
                    "name": f.name,
                    "tableFrom": t.name.name,
                    "tableTo": f.referenced_table.name,
                    "schemaTo": f.referenced_table.namespace,
                    "columnsFrom": f.columns,
                    "columnsTo": f.referenced_columns,
                    "onDelete": f.on_delete.as_sql().to_lowercase(),
                    "onUpdate": f.on_update.as_sql().to_lowercase()
                }),
            );
        }
        let mut composite = Map::new();
        if let Some(pk) = t.primary_key.as_ref().filter(|pk| pk.columns.len() > 1) {
            composite.insert(
                pk.name.clone(),
                json!({ "name": pk.name, "columns": pk.columns }),
            );
        }
        let mut uniques = Map::new();
        for u in &t.uniques {
            uniques.insert(
                u.name.clone(),
                json!({ "name": u.name, "nullsNotDistinct": u.nulls_not_distinct, "columns": u.columns }),
            );
        }
        let mut checks = Map::new();
        for c in &t.checks {
            checks.insert(c.name.clone(), json!({ "name": c.name, "value": c.expr }));
        }
        tables.insert(
            format!("{}.{}", t.name.namespace, t.name.name),
            json!({
                "name": t.name.name,
                "schema": if t.name.is_public() { "" } else { t.name.namespace.as_str() },
                "columns": columns,
                "indexes": indexes,
                "foreignKeys": fks,
                "compositePrimaryKeys": composite,
                "uniqueConstraints": uniques,
                "policies": {},
                "checkConstraints": checks,
                "isRLSEnabled": false
            }),
        );
    }
    let mut enums = Map::new();
    for e in &schema.enums {
        enums.insert(
            format!("{}.{}", e.name.namespace, e.name.name),
            json!({ "name": e.name.name, "schema": e.name.namespace, "values": e.values }),
        );
    }
    let schemas: Map<String, Value> = schema
        .namespaces
        .iter()
        .map(|n| (n.clone(), json!(n)))
        .collect();
    let doc = json!({
        "id": id,
        "prevId": prev_id,
        "version": "7",
        "dialect": "postgresql",
        "tables": tables,
        "enums": enums,
        "schemas": schemas,
        "sequences": {},
        "roles": {},
        "policies": {},
        "views": {},
        "_meta": { "columns": {}, "schemas": {}, "tables": {} }
    });
    serde_json::to_string_pretty(&doc).unwrap()
}

/// Parses Rust schema source into the model (the parser under test elsewhere).
fn model(source: &str) -> Schema {
    let files = [shale_parser::SourceFile {
        path: PathBuf::from("schema.rs"),
        text: source.to_string(),
    }];
    let parsed = shale_parser::parse_sources(&files, &shale_parser::ParseOptions::default());
    assert!(
        parsed.diagnostics.is_empty(),
        "{:?}\n{source}",
        parsed.diagnostics
    );
    parsed.schema
}

/// One drizzle migration: its name, SQL, and the schema after it.
struct Step {
    name: String,
    sql: String,
    schema: Schema,
}

/// Writes a drizzle-kit folder: `<prefix>_<name>.sql`, `meta/_journal.json`,
/// `meta/<prefix>_snapshot.json` (drizzle names snapshots by the tag's prefix).
fn write_drizzle(dir: &Path, steps: &[Step], prefix: PrefixMode, first_when: i64) -> Journal {
    std::fs::create_dir_all(dir.join("meta")).unwrap();
    let mut journal = Journal::new("postgresql");
    let mut prev = ROOT_ID.to_string();
    for (i, s) in steps.iter().enumerate() {
        let e = journal
            .push_next(&s.name, prefix, first_when + i as i64 * 61_000)
            .clone();
        std::fs::write(dir.join(format!("{}.sql", e.tag)), &s.sql).unwrap();
        let id = format!("5d1c3f0e-0000-4000-8000-{:012}", i);
        let p = e.tag.split_once('_').unwrap().0;
        std::fs::write(
            dir.join(format!("meta/{p}_snapshot.json")),
            drizzle_snapshot(&s.schema, &id, &prev),
        )
        .unwrap();
        prev = id;
    }
    std::fs::write(dir.join("meta/_journal.json"), journal.to_json()).unwrap();
    journal
}

fn files_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for sub in ["", "meta"] {
        for e in std::fs::read_dir(dir.join(sub)).unwrap().flatten() {
            if e.path().is_file() {
                out.push((
                    format!("{sub}/{}", e.file_name().to_string_lossy()),
                    std::fs::read(e.path()).unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

// ---------------------------------------------------------------------------
// (a) a hand-written drizzle folder.

const ROLE: &str =
    "#[derive(PgEnum)]\n#[pg_enum(name = \"role\")]\npub enum Role { Admin, Member }\n";

fn users(table: &str) -> String {
    format!(
        r#"
#[derive(Table)]
#[table(name = "{table}")]
#[unique(columns(name), name = "users_name_unique")]
pub struct Account {{
    #[column(primary_key, identity = "always")]
    pub id: i32,
    pub name: String,
    #[column(default = "'member'")]
    pub role: Role,
    #[column(default = "now()")]
    pub created_at: chrono::NaiveDateTime,
}}
"#
    )
}

fn posts(users_table: &str, title: &str) -> String {
    format!(
        r#"
#[derive(Table)]
#[table(name = "posts")]
#[index(columns(author_id), name = "posts_author_idx")]
#[foreign_key(columns(author_id), references = "{users_table}(id)", on_delete = "cascade", name = "posts_author_id_users_id_fk")]
pub struct Post {{
    #[column(primary_key, sql_type = "serial")]
    pub id: i32,
    pub author_id: i32,
    pub {title}: String,
}}
"#
    )
}

fn hand_written_steps() -> Vec<Step> {
    let v0 = format!("{ROLE}{}", users("users"));
    let v1 = format!("{v0}{}", posts("users", "title"));
    let v2 = format!("{ROLE}{}{}", users("accounts"), posts("accounts", "title"));
    let v3 = format!(
        "{ROLE}{}{}",
        users("accounts"),
        posts("accounts", "headline")
    );
    let v5 = v3.replace("Admin, Member", "Admin, Member, Guest");
    vec![
        Step {
            name: "init".into(),
            sql: "CREATE TYPE \"public\".\"role\" AS ENUM('admin', 'member');--> statement-breakpoint\n\
                  CREATE TABLE \"users\" (\n\
                  \t\"id\" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),\n\
                  \t\"name\" text NOT NULL,\n\
                  \t\"role\" \"role\" DEFAULT 'member' NOT NULL,\n\
                  \t\"created_at\" timestamp DEFAULT now() NOT NULL,\n\
                  \tCONSTRAINT \"users_name_unique\" UNIQUE(\"name\")\n\
                  );\n"
                .into(),
            schema: model(&v0),
        },
        Step {
            name: "wandering_posts".into(),
            sql: "CREATE TABLE \"posts\" (\n\
                  \t\"id\" serial PRIMARY KEY NOT NULL,\n\
                  \t\"author_id\" integer NOT NULL,\n\
                  \t\"title\" text NOT NULL\n\
                  );\n\
                  --> statement-breakpoint\n\
                  ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_author_id_users_id_fk\" FOREIGN KEY (\"author_id\") REFERENCES \"public\".\"users\"(\"id\") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint\n\
                  CREATE INDEX \"posts_author_idx\" ON \"posts\" USING btree (\"author_id\");"
                .into(),
            schema: model(&v1),
        },
        Step {
            name: "rename_users".into(),
            sql: "ALTER TABLE \"users\" RENAME TO \"accounts\";".into(),
            schema: model(&v2),
        },
        Step {
            name: "rename_title".into(),
            sql: "ALTER TABLE \"posts\" RENAME COLUMN \"title\" TO \"headline\";".into(),
            schema: model(&v3),
        },
        Step {
            name: "seed_admin".into(),
            sql: "-- Custom SQL migration file, put your code below! --\n\
                  INSERT INTO \"accounts\" (\"name\", \"role\") VALUES ('admin', 'admin');"
                .into(),
            schema: model(&v3),
        },
        Step {
            name: "guest_role".into(),
            sql: "ALTER TYPE \"public\".\"role\" ADD VALUE 'guest';".into(),
            schema: model(&v5),
        },
    ]
}

/// What every successful adoption must leave behind, whatever the folder.
fn assert_adopted(
    project: &Path,
    drizzle_files: &[(String, Vec<u8>)],
    entries: usize,
    db: Option<&str>,
) {
    // The files and the journal, byte for byte.
    let copied: Vec<(String, Vec<u8>)> = files_of(&project.join("migrations"))
        .into_iter()
        .filter(|(n, _)| n != "meta/shale.sum")
        .collect();
    assert_eq!(
        copied, drizzle_files,
        "the migration files and journal must be kept byte for byte"
    );
    // One shale snapshot per entry, chained, the last one the schema source.
    let snaps = shale_migrations::snapshot::load_dir(&project.join("snapshots")).unwrap();
    assert_eq!(snaps.len(), entries);
    assert_eq!(snaps[0].snapshot.prev_id, ROOT_ID);
    let source = std::fs::read_to_string(project.join("schema/schema.rs")).unwrap();
    assert_eq!(
        snaps.last().unwrap().snapshot.schema,
        model(&source),
        "the latest snapshot is the written schema"
    );
    assert!(project.join("migrations/meta/shale.sum").is_file());
    let t = ok(project, &["check"], None);
    assert!(t.contains("the schema matches the latest snapshot"), "{t}");
    if let Some(url) = db {
        let t = ok(project, &["verify"], Some(url));
        assert!(t.contains("in sync"), "{t}");
        let t = ok(project, &["status"], Some(url));
        assert!(t.contains(&format!("up to date: {entries} applied")), "{t}");
    }
}

/// Adds a table to the adopted schema, generates, checks number, tag prefix
/// and `when`, migrates, and checks that only the new migration ran.
fn generate_and_migrate_next(
    project: &Path,
    db: &str,
    last_when: i64,
    entries: usize,
    prefix: PrefixMode,
) {
    let schema_file = project.join("schema/schema.rs");
    let mut source = std::fs::read_to_string(&schema_file).unwrap();
    source.push_str(
        "\n#[derive(Table)]\n#[table(name = \"adopted_tags\")]\npub struct AdoptedTag {\n    #[column(primary_key, identity)]\n    pub id: i64,\n    pub label: String,\n}\n",
    );
    std::fs::write(&schema_file, source).unwrap();
    let t = ok(project, &["generate", "--name", "tags"], None);
    let journal = Journal::parse(
        &std::fs::read_to_string(project.join("migrations/meta/_journal.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(journal.entries.len(), entries + 1, "{t}");
    let new = journal.entries.last().unwrap();
    assert_eq!(new.idx as usize, entries);
    assert!(
        new.when > last_when,
        "when {} must follow the last entry's {last_when}",
        new.when
    );
    assert_eq!(
        new.tag,
        format!("{}_tags", prefix.prefix(new.idx, new.when)),
        "{t}"
    );
    assert!(project
        .join(format!("migrations/{}.sql", new.tag))
        .is_file());
    let t = ok(project, &["migrate"], Some(db));
    assert!(t.contains(&format!("applied {}", new.tag)), "{t}");
    assert_eq!(
        t.lines().filter(|l| l.starts_with("applied ")).count(),
        1,
        "only the new migration runs:\n{t}"
    );
    assert!(t.contains("1 migration applied"), "{t}");
    let t = ok(project, &["check"], None);
    assert!(t.contains("the schema matches the latest snapshot"), "{t}");
    let t = ok(project, &["verify"], Some(db));
    assert!(t.contains("in sync"), "{t}");
    let mut client = shale_tests::connect(db);
    let rows = client
        .query("SELECT count(*) FROM adopted_tags", &[])
        .unwrap();
    assert_eq!(rows[0].get::<_, i64>(0), 0);
}

#[test]
fn a_hand_written_drizzle_folder_is_adopted_in_place_of_drizzle() {
    let project = tempfile::tempdir().unwrap();
    let drizzle = project.path().join("drizzle");
    let steps = hand_written_steps();
    let journal = write_drizzle(&drizzle, &steps, PrefixMode::Index, 1_732_000_000_000);
    let before = files_of(&drizzle);
    let db = shale_tests::fresh_database();

    // Applied with shale's runner up to the custom migration...
    let t = ok(
        project.path(),
        &[
            "--migrations",
            "drizzle",
            "migrate",
            "--to",
            "0004_seed_admin",
        ],
        Some(&db),
    );
    assert!(t.contains("5 migrations applied"), "{t}");
    // ...and the last one the way drizzle's migrator records it: hash and
    // created_at only.
    let last = journal.entries.last().unwrap();
    let sql = std::fs::read(drizzle.join(format!("{}.sql", last.tag))).unwrap();
    let mut client = shale_tests::connect(&db);
    client
        .batch_execute("ALTER TYPE \"public\".\"role\" ADD VALUE 'guest'")
        .unwrap();
    client
        .execute(
            "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)",
            &[&sha256_hex(&sql), &last.when],
        )
        .unwrap();

    let t = ok(
        project.path(),
        &["adopt", "--from-drizzle", "drizzle"],
        Some(&db),
    );
    assert!(t.contains("read the database"), "{t}");
    assert!(t.contains("all 6 migrations applied, none edited"), "{t}");
    assert!(
        !t.contains("does not match"),
        "drizzle's snapshots match the database, no drift to report:\n{t}"
    );
    assert!(
        t.contains("the next `shale generate` writes migration 6"),
        "{t}"
    );
    assert_eq!(
        files_of(&drizzle),
        before,
        "the drizzle folder itself is untouched"
    );
    let config = std::fs::read_to_string(project.path().join("shale.toml")).unwrap();
    assert!(config.contains("prefix = \"index\""), "{config}");

    // The schema source is the database: renamed table and column, enum value.
    let source = std::fs::read_to_string(project.path().join("schema/schema.rs")).unwrap();
    for needle in [
        "struct Accounts",
        "headline",
        "Guest",
        "posts_author_id_users_id_fk",
    ] {
        assert!(source.contains(needle), "missing {needle} in:\n{source}");
    }
    // The earlier snapshots are drizzle's, converted.
    let snaps = shale_migrations::snapshot::load_dir(&project.path().join("snapshots")).unwrap();
    assert!(snaps[1]
        .snapshot
        .schema
        .tables
        .iter()
        .any(|t| t.name.name == "users"));
    assert!(snaps[2]
        .snapshot
        .schema
        .tables
        .iter()
        .any(|t| t.name.name == "accounts"));

    assert_adopted(project.path(), &before, 6, Some(&db));
    // Both kinds of tracking row are there, and nothing was re-run.
    let rows = client
        .query(
            "SELECT count(*), count(name) FROM drizzle.__drizzle_migrations",
            &[],
        )
        .unwrap();
    assert_eq!((rows[0].get::<_, i64>(0), rows[0].get::<_, i64>(1)), (6, 5));
    let admins = client.query("SELECT count(*) FROM accounts", &[]).unwrap();
    assert_eq!(
        admins[0].get::<_, i64>(0),
        1,
        "the custom migration ran once"
    );

    generate_and_migrate_next(project.path(), &db, last.when, 6, PrefixMode::Index);
    let rows = client
        .query("SELECT count(*) FROM drizzle.__drizzle_migrations", &[])
        .unwrap();
    assert_eq!(rows[0].get::<_, i64>(0), 7);

    // Adopting again is refused: the files are in place now.
    let o = shale(
        project.path(),
        &["adopt", "--from-drizzle", "drizzle"],
        Some(&db),
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("nothing was written"), "{}", text(&o));
}

#[test]
fn without_a_database_the_folder_is_replayed_into_a_temporary_one() {
    let project = tempfile::tempdir().unwrap();
    let drizzle = project.path().join("drizzle");
    write_drizzle(
        &drizzle,
        &hand_written_steps(),
        PrefixMode::Unix,
        1_732_000_000_000,
    );
    let before = files_of(&drizzle);
    let admin = shale_tests::server().url("postgres");
    let t = ok(
        project.path(),
        &["adopt", "--from-drizzle", "drizzle", "--shadow-db", &admin],
        None,
    );
    assert!(
        t.contains("the folder replayed into temporary database shale_shadow_"),
        "{t}"
    );
    assert!(!t.contains("does not match"), "{t}");
    assert!(std::fs::read_to_string(project.path().join("shale.toml"))
        .unwrap()
        .contains("prefix = \"unix\""));
    assert_adopted(project.path(), &before, 6, None);
    // A real database then takes the folder from the start and continues.
    let db = shale_tests::fresh_database();
    let t = ok(project.path(), &["migrate"], Some(&db));
    assert!(t.contains("6 migrations applied"), "{t}");
    generate_and_migrate_next(
        project.path(),
        &db,
        1_732_000_000_000 + 5 * 61_000,
        6,
        PrefixMode::Unix,
    );
}

#[test]
fn a_configuration_named_with_config_is_kept_and_no_other_is_written() {
    let project = tempfile::tempdir().unwrap();
    write_drizzle(
        &project.path().join("drizzle"),
        &hand_written_steps(),
        PrefixMode::Unix,
        1_732_000_000_000,
    );
    std::fs::create_dir(project.path().join("config")).unwrap();
    let config = "prefix = \"unix\"\nschema = \"../schema\"\nmigrations = \"../migrations\"\nsnapshots = \"../snapshots\"\n";
    std::fs::write(project.path().join("config/shale.toml"), config).unwrap();
    let admin = shale_tests::server().url("postgres");
    fn with_config<'a>(args: &[&'a str]) -> Vec<&'a str> {
        [&["--config", "config/shale.toml"], args].concat()
    }
    ok(
        project.path(),
        &with_config(&["adopt", "--from-drizzle", "drizzle", "--shadow-db", &admin]),
        None,
    );
    assert!(!project.path().join("shale.toml").exists());
    assert_eq!(
        std::fs::read_to_string(project.path().join("config/shale.toml")).unwrap(),
        config
    );
    ok(project.path(), &with_config(&["check"]), None);
}

// ---------------------------------------------------------------------------
// (b) a long history shale generated, converted to drizzle's format.

/// A column: name, Rust type (`fk` for a reference to the first table), and
/// the name it is renamed from in this step.
type ColumnState = (String, String, Option<String>);

/// A table: name, the name it is renamed from in this step, columns, and the
/// columns with an index.
type TableState = (String, Option<String>, Vec<ColumnState>, Vec<String>);

/// A deterministic evolving schema: tables added, columns added and renamed,
/// tables renamed, indexes and foreign keys added, enum values added.
struct History {
    tables: Vec<TableState>,
    values: Vec<String>,
}

impl History {
    fn source(&self) -> String {
        let mut s =
            String::from("#[derive(PgEnum)]\n#[pg_enum(name = \"status\")]\npub enum Status {\n");
        for v in &self.values {
            s.push_str(&format!("    #[pg_enum(rename = \"{v}\")]\n    V{v},\n"));
        }
        s.push_str("}\n");
        for (i, (name, renamed_from, cols, indexes)) in self.tables.iter().enumerate() {
            s.push_str("\n#[derive(Table)]\n");
            match renamed_from {
                Some(old) => s.push_str(&format!(
                    "#[table(name = \"{name}\", renamed_from = \"{old}\")]\n"
                )),
                None => s.push_str(&format!("#[table(name = \"{name}\")]\n")),
            }
            for c in indexes {
                s.push_str(&format!("#[index(columns({c}))]\n"));
            }
            s.push_str(&format!(
                "pub struct T{i} {{\n    #[column(primary_key, identity)]\n    pub id: i64,\n"
            ));
            for (col, ty, old) in cols {
                if let Some(old) = old {
                    s.push_str(&format!("    #[column(renamed_from = \"{old}\")]\n"));
                }
                if ty == "fk" {
                    s.push_str(&format!(
                        "    #[column(references = \"{}.id\", on_delete = \"cascade\")]\n",
                        self.tables[0].0
                    ));
                    s.push_str(&format!("    pub {col}: Option<i64>,\n"));
                } else {
                    s.push_str(&format!("    pub {col}: {ty},\n"));
                }
            }
            s.push_str("}\n");
        }
        s
    }

    /// Applies step `k`; the hints (`renamed_from`) apply to this step only.
    fn step(&mut self, k: usize) -> String {
        for t in &mut self.tables {
            t.1 = None;
            for c in &mut t.2 {
                c.2 = None;
            }
        }
        let n = self.tables.len();
        match k % 7 {
            0 => {
                self.tables.push((
                    format!("t{k}"),
                    None,
                    vec![
                        ("label".into(), "String".into(), None),
                        ("state".into(), "Status".into(), None),
                    ],
                    vec![],
                ));
                format!("create_t{k}")
            }
            1 => {
                let t = &mut self.tables[k % n];
                t.2.push((format!("c{k}"), "Option<i32>".into(), None));
                format!("add_c{k}")
            }
            2 => {
                self.values.push(format!("s{k}"));
                format!("status_s{k}")
            }
            3 => {
                let t = &mut self.tables[k % n];
                let col = t.2.last().unwrap().0.clone();
                if t.3.contains(&col) {
                    t.2.push((format!("c{k}"), "Option<String>".into(), None));
                    format!("add_c{k}")
                } else {
                    t.3.push(col.clone());
                    format!("index_{col}")
                }
            }
            4 => {
                let t = &mut self.tables[k % n];
                let last = t.2.len() - 1;
                let old = t.2[last].0.clone();
                let new = format!("r{k}");
                t.2[last] = (new.clone(), t.2[last].1.clone(), Some(old.clone()));
                for ix in &mut t.3 {
                    if *ix == old {
                        *ix = new.clone();
                    }
                }
                format!("rename_{old}")
            }
            5 if n > 1 => {
                // Never the first table: the others reference it.
                let i = 1 + k % (n - 1);
                let old = self.tables[i].0.clone();
                self.tables[i].0 = format!("t{k}_renamed");
                self.tables[i].1 = Some(old.clone());
                format!("rename_{old}")
            }
            _ => {
                let t = &mut self.tables[k % n];
                t.2.push((format!("owner{k}"), "fk".into(), None));
                format!("owner{k}")
            }
        }
    }
}

#[test]
fn a_sixty_migration_history_is_adopted() {
    const STEPS: usize = 60;
    // 1. shale generates the history.
    let gen = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(gen.path().join("schema")).unwrap();
    let mut history = History {
        tables: Vec::new(),
        values: vec!["draft".into()],
    };
    let mut names = Vec::new();
    for k in 0..STEPS {
        let name = history.step(k);
        std::fs::write(gen.path().join("schema/schema.rs"), history.source()).unwrap();
        ok(gen.path(), &["generate", "--name", &name], None);
        names.push(name);
    }
    let shale_journal = Journal::parse(
        &std::fs::read_to_string(gen.path().join("migrations/meta/_journal.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(shale_journal.entries.len(), STEPS);

    // 2. converted to drizzle's format, with timestamp prefixes.
    let steps: Vec<Step> = shale_journal
        .entries
        .iter()
        .zip(&names)
        .map(|(e, name)| {
            let snap = std::fs::read_to_string(
                gen.path()
                    .join(format!("snapshots/{:04}_snapshot.json", e.idx)),
            )
            .unwrap();
            Step {
                name: name.clone(),
                sql: std::fs::read_to_string(gen.path().join(format!("migrations/{}.sql", e.tag)))
                    .unwrap(),
                schema: Snapshot::from_json(&snap).unwrap().schema,
            }
        })
        .collect();
    let project = tempfile::tempdir().unwrap();
    let drizzle = project.path().join("drizzle");
    let first_when = 1_704_067_200_000; // 2024-01-01T00:00:00Z
    let journal = write_drizzle(&drizzle, &steps, PrefixMode::Timestamp, first_when);
    assert!(
        journal.entries[59].tag.starts_with("20240101005959_"),
        "{}",
        journal.entries[59].tag
    );
    let before = files_of(&drizzle);

    // 3. applied to a database, adopted in place (the drizzle folder is the
    // configured migrations folder).
    std::fs::write(
        project.path().join("shale.toml"),
        "migrations = \"drizzle\"\nsnapshots = \"drizzle/shale-snapshots\"\nprefix = \"timestamp\"\n",
    )
    .unwrap();
    let db = shale_tests::fresh_database();
    let t = ok(project.path(), &["migrate"], Some(&db));
    assert!(t.contains("60 migrations applied"), "{t}");
    let started = std::time::Instant::now();
    let t = ok(
        project.path(),
        &["adopt", "--from-drizzle", "drizzle"],
        Some(&db),
    );
    eprintln!(
        "adopting {STEPS} migrations took {:.2} s",
        started.elapsed().as_secs_f64()
    );
    assert!(
        !t.contains("does not match"),
        "drizzle's snapshots match the database:\n{t}"
    );
    assert!(
        t.contains("kept 60 migrations and the journal untouched"),
        "{t}"
    );
    let mut after: Vec<(String, Vec<u8>)> = files_of(&drizzle)
        .into_iter()
        .filter(|(n, _)| n != "meta/shale.sum")
        .collect();
    after.retain(|(n, _)| !n.starts_with("shale-snapshots"));
    assert_eq!(after, before, "the folder is kept byte for byte");
    let snaps =
        shale_migrations::snapshot::load_dir(&project.path().join("drizzle/shale-snapshots"))
            .unwrap();
    assert_eq!(snaps.len(), STEPS);
    // Every converted snapshot but the last (which is the database) is the
    // schema shale generated at that step.
    for (s, step) in snaps.iter().zip(&steps).take(STEPS - 1) {
        assert_eq!(s.snapshot.schema, step.schema, "snapshot {}", s.idx);
    }
    let t = ok(project.path(), &["check"], None);
    assert!(t.contains("the schema matches the latest snapshot"), "{t}");
    let t = ok(project.path(), &["verify"], Some(&db));
    assert!(t.contains("in sync"), "{t}");

    // 4. the next migration continues the history.
    let schema_file = project.path().join("schema/schema.rs");
    let mut source = std::fs::read_to_string(&schema_file).unwrap();
    source.push_str(
        "\n#[derive(Table)]\n#[table(name = \"adopted_tags\")]\npub struct AdoptedTag {\n    #[column(primary_key, identity)]\n    pub id: i64,\n    pub label: String,\n}\n",
    );
    std::fs::write(&schema_file, source).unwrap();
    ok(project.path(), &["generate", "--name", "tags"], None);
    let j = Journal::parse(&std::fs::read_to_string(drizzle.join("meta/_journal.json")).unwrap())
        .unwrap();
    let new = j.entries.last().unwrap();
    assert_eq!(new.idx, 60);
    assert!(new.when > journal.entries[59].when);
    assert_eq!(
        new.tag,
        format!("{}_tags", PrefixMode::Timestamp.prefix(60, new.when))
    );
    assert_eq!(
        j.entries[..60],
        journal.entries[..],
        "the earlier entries are unchanged"
    );
    let t = ok(project.path(), &["migrate"], Some(&db));
    assert!(
        t.contains(&format!("applied {}", new.tag)) && t.contains("1 migration applied"),
        "{t}"
    );
    let t = ok(project.path(), &["status"], Some(&db));
    assert!(t.contains("up to date: 61 applied"), "{t}");
}

// ---------------------------------------------------------------------------
// (c) damage: refused with the fix, nothing written.

fn refused(project: &Path, db: Option<&str>, needles: &[&str]) {
    let o = shale(project, &["adopt", "--from-drizzle", "drizzle"], db);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "adopt must refuse:\n{t}");
    assert!(t.contains("nothing was written"), "{t}");
    for n in needles {
        assert!(t.contains(n), "missing {n:?} in:\n{t}");
    }
    for p in ["schema", "migrations", "snapshots", "shale.toml"] {
        assert!(!project.join(p).exists(), "{p} was written:\n{t}");
    }
}

fn damaged(damage: impl FnOnce(&Path)) -> tempfile::TempDir {
    let project = tempfile::tempdir().unwrap();
    let drizzle = project.path().join("drizzle");
    write_drizzle(
        &drizzle,
        &hand_written_steps(),
        PrefixMode::Index,
        1_732_000_000_000,
    );
    damage(&drizzle);
    project
}

#[test]
fn damaged_folders_are_refused_with_the_fix_and_nothing_is_written() {
    let p = damaged(|d| std::fs::write(d.join("0006_stray.sql"), "SELECT 1;").unwrap());
    refused(
        p.path(),
        None,
        &[
            "0006_stray.sql has no journal entry",
            "add an entry for `0006_stray`",
            "(or delete the file)",
        ],
    );

    let p = damaged(|d| std::fs::remove_file(d.join("0003_rename_title.sql")).unwrap());
    refused(
        p.path(),
        None,
        &[
            "journal entry 3 (`0003_rename_title`) has no file",
            "restore the file",
        ],
    );
}

/// drizzle's snapshots are drizzle-kit's bookkeeping: whatever state they
/// are in, the folder is adopted, each problem reported as ignored.
#[test]
fn damaged_drizzle_snapshots_are_reported_as_ignored_and_the_folder_is_adopted() {
    let p = damaged(|d| {
        let path = d.join("meta/0004_snapshot.json");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("000000000003", "000000000002")).unwrap();
        std::fs::remove_file(d.join("meta/0002_snapshot.json")).unwrap();
        let path = d.join("meta/0000_snapshot.json");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replace("\"version\": \"7\"", "\"version\": \"5\""),
        )
        .unwrap();
        std::fs::write(d.join("meta/0042_snapshot.json"), "{}").unwrap();
    });
    let admin = shale_tests::server().url("postgres");
    let t = ok(
        p.path(),
        &["adopt", "--from-drizzle", "drizzle", "--shadow-db", &admin],
        None,
    );
    for needle in [
        "4 problem(s) with drizzle's snapshots ignored",
        "0000_snapshot.json: drizzle-kit snapshot version \"5\"",
        "journal entry 2 (`0002_rename_users`) has no drizzle snapshot",
        "0004_snapshot.json: prevId",
        "the snapshot chain is broken",
        "0042_snapshot.json belongs to no journal entry",
        "(3 converted from drizzle's, 2 carried over from the one before",
    ] {
        assert!(t.contains(needle), "missing {needle:?} in:\n{t}");
    }
    // shale's own chain is whole, and the state comes from the replay.
    let t = ok(p.path(), &["check"], None);
    assert!(t.contains("snapshot chain is whole (6 snapshot(s))"), "{t}");
    assert!(t.contains("the schema matches the latest snapshot"), "{t}");
}

#[test]
fn a_database_that_disagrees_with_the_journal_is_refused() {
    let p = damaged(|_| {});
    let db = shale_tests::fresh_database();
    // Nothing applied yet: no tracking table.
    refused(
        p.path(),
        Some(&db),
        &[
            "has no tracking table \"drizzle\".\"__drizzle_migrations\"",
            "shale pull --baseline",
        ],
    );
    // Partly applied: the rest is pending.
    ok(
        p.path(),
        &[
            "--migrations",
            "drizzle",
            "migrate",
            "--to",
            "0002_rename_users",
        ],
        Some(&db),
    );
    refused(
        p.path(),
        Some(&db),
        &[
            "migration 0003_rename_title is not applied",
            "apply the folder first",
        ],
    );
    // Everything applied, then a file edited.
    ok(p.path(), &["--migrations", "drizzle", "migrate"], Some(&db));
    std::fs::write(
        p.path().join("drizzle/0002_rename_users.sql"),
        "ALTER TABLE \"users\" RENAME TO \"members\";",
    )
    .unwrap();
    refused(
        p.path(),
        Some(&db),
        &[
            "migration 0002_rename_users was changed after it was applied",
            "restore the applied version",
        ],
    );
}

#[test]
fn drift_between_drizzles_last_snapshot_and_the_state_is_reported_and_the_state_wins() {
    let project = tempfile::tempdir().unwrap();
    let drizzle = project.path().join("drizzle");
    let mut steps = hand_written_steps();
    // drizzle's last snapshot claims a column no migration ever created.
    let last = steps.last_mut().unwrap();
    let posts = last
        .schema
        .tables
        .iter_mut()
        .find(|t| t.name.name == "posts")
        .unwrap();
    posts.columns.push(shale_model::Column::new(
        "subtitle",
        shale_model::ColumnType::named("text"),
    ));
    write_drizzle(&drizzle, &steps, PrefixMode::Index, 1_732_000_000_000);
    // No database and no --shadow-db: a throwaway server from the local binaries.
    let t = ok(
        project.path(),
        &["adopt", "--from-drizzle", "drizzle"],
        None,
    );
    eprintln!("{t}");
    assert!(
        t.contains("the folder replayed into a throwaway PostgreSQL server"),
        "{t}"
    );
    assert!(
        t.contains("drizzle's last snapshot")
            && t.contains("does not match the state its migrations produce"),
        "{t}"
    );
    assert!(t.contains("column posts.subtitle"), "{t}");
    let source = std::fs::read_to_string(project.path().join("schema/schema.rs")).unwrap();
    assert!(
        !source.contains("subtitle"),
        "the replayed state wins:\n{source}"
    );
    let t = ok(project.path(), &["check"], None);
    assert!(t.contains("the schema matches the latest snapshot"), "{t}");
}

#[test]
fn applied_migrations_that_fail_the_lint_rules_are_history_and_not_gated() {
    let project = tempfile::tempdir().unwrap();
    let drizzle = project.path().join("drizzle");
    let mut steps = hand_written_steps();
    let mut schema = steps.last().unwrap().schema.clone();
    let accounts = schema
        .tables
        .iter_mut()
        .find(|t| t.name.name == "accounts")
        .unwrap();
    accounts.columns.retain(|c| c.name != "created_at");
    steps.push(Step {
        name: "drop_created_at".into(),
        sql: "ALTER TABLE \"accounts\" DROP COLUMN \"created_at\";".into(),
        schema,
    });
    write_drizzle(&drizzle, &steps, PrefixMode::Index, 1_732_000_000_000);
    let admin = shale_tests::server().url("postgres");
    let t = ok(
        project.path(),
        &["adopt", "--from-drizzle", "drizzle", "--shadow-db", &admin],
        None,
    );
    assert!(
        t.contains("the 7 migrations are history up to 0006_drop_created_at: `shale check` does not lint them, 1 lint finding(s) exempt"),
        "{t}"
    );
    assert!(!t.contains("does not match"), "{t}");
    let t = ok(project.path(), &["check"], None);
    assert!(
        t.contains("7 migration(s) up to 0006_drop_created_at are history"),
        "{t}"
    );
    // An edit of a historical file is still caught.
    let path = project.path().join("migrations/0006_drop_created_at.sql");
    std::fs::write(&path, "ALTER TABLE \"accounts\" DROP COLUMN \"id\";").unwrap();
    let o = shale(project.path(), &["check"], None);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("migration 0006_drop_created_at.sql was edited after it was generated"),
        "{}",
        text(&o)
    );
}
