//! Zero drift: a schema applied to a real PostgreSQL and introspected back
//! diffs empty against the schema. Hand-written Rust sources cover the
//! spellings people use in defaults, checks and index expressions (which
//! PostgreSQL stores differently); random schemas and evolutions from
//! `shale_tests::arbitrary` cover the combinations (apply A, then the
//! migration A → B, and the database must introspect as B). The pull round
//! trip (`parse(render(s)) == s`) is checked on every introspected schema.

use proptest::prelude::*;
use proptest::test_runner::Config;
use shale_differ::MigrationPair;
use shale_introspect::{introspect, IntrospectOptions};
use shale_model::{RenameHints, Schema};
use shale_parser::{parse_sources, ParseOptions, SourceFile};
use shale_sql::{Postgres, SqlDialect as _};

fn read(url: &str) -> Schema {
    let mut client = shale_tests::connect(url);
    introspect(&mut client, &IntrospectOptions::default())
        .unwrap_or_else(|e| panic!("introspect: {e}"))
}

fn parse(text: &str) -> Result<Schema, String> {
    let files = [SourceFile {
        path: "schema.rs".into(),
        text: text.to_string(),
    }];
    let parsed = parse_sources(&files, &ParseOptions::default());
    if parsed.diagnostics.is_empty() {
        Ok(parsed.schema)
    } else {
        let lines: Vec<String> = parsed
            .diagnostics
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
            .collect();
        Err(format!("diagnostics:\n{}\n{text}", lines.join("\n")))
    }
}

/// Applies the migration `previous → next` to the database.
fn migrate(url: &str, previous: &Schema, next: &Schema, hints: &RenameHints) -> Result<(), String> {
    let pair = MigrationPair::new(previous, next);
    let plan = shale_differ::diff(pair, hints).map_err(|a| format!("ambiguous: {a:?}"))?;
    let statements = Postgres.render(&plan, pair);
    let mut client = shale_tests::connect(url);
    let mut tx = client.transaction().map_err(|e| e.to_string())?;
    for s in &statements {
        tx.batch_execute(&s.sql).map_err(|e| {
            let detail = e
                .as_db_error()
                .map(|d| d.message().to_string())
                .unwrap_or_else(|| e.to_string());
            format!("PostgreSQL refuses: {detail}\n{}", s.sql)
        })?;
    }
    tx.commit().map_err(|e| e.to_string())
}

/// The database must hold exactly `expected`; and what it holds must pull.
fn check_no_drift(url: &str, expected: &Schema) -> Result<(), String> {
    // View queries compare as PostgreSQL prints them (see
    // `shale_introspect::canonical`).
    let printed;
    let expected = if expected.views.is_empty() {
        expected
    } else {
        let mut scratch = shale_tests::connect(&shale_tests::fresh_database());
        printed = shale_introspect::canonical_views(expected, &mut scratch)
            .map_err(|e| format!("canonical view text: {e}"))?;
        &printed
    };
    let live = read(url);
    let plan = shale_differ::diff(MigrationPair::new(&live, expected), &RenameHints::default())
        .map_err(|a| format!("there is drift (ambiguous): {a:?}"))?;
    if !plan.is_empty() {
        return Err(format!(
            "there is drift; steps:\n{:#?}\n{}",
            plan.steps,
            model_diff(expected, &live)
        ));
    }
    let pulled = parse(&shale_schemagen::render(&live))?;
    // A namespace holding nothing cannot be declared in Rust source.
    let mut live = live;
    live.namespaces.retain(|n| {
        live.tables.iter().any(|t| &t.name.namespace == n)
            || live.enums.iter().any(|e| &e.name.namespace == n)
            || live.sequences.iter().any(|q| &q.name.namespace == n)
            || live.extensions.iter().any(|e| e.namespace() == n)
            || live.views.iter().any(|v| &v.name.namespace == n)
            || live.functions.iter().any(|f| &f.name.namespace == n)
            || live.domains.iter().any(|d| &d.name.namespace == n)
            || live.composite_types.iter().any(|c| &c.name.namespace == n)
    });
    if pulled != live {
        return Err(format!(
            "pull does not round-trip:\n{}\n{}",
            shale_schemagen::render(&live),
            model_diff(&live, &pulled)
        ));
    }
    Ok(())
}

/// A line diff of two models' debug output (`-` expected, `+` actual).
fn model_diff(expected: &Schema, actual: &Schema) -> String {
    let (e, a) = (format!("{expected:#?}"), format!("{actual:#?}"));
    let diff = similar::TextDiff::from_lines(e.as_str(), a.as_str());
    diff.unified_diff()
        .context_radius(4)
        .header("expected", "actual")
        .to_string()
}

const HAND_WRITTEN: &[(&str, &str)] = &[
    (
        "defaults and checks as people write them",
        r#"
        use shale::{PgEnum, Table};

        #[derive(PgEnum)]
        #[pg_enum(schema = "auth")]
        pub enum Role { Admin, Member, #[pg_enum(rename = "guest-user")] Guest }

        /// Accounts.
        #[derive(Table)]
        #[table(schema = "auth")]
        #[check(name = "accounts_email_shape", expr = "position('@' in email) > 1 AND length(email) <= 320")]
        #[check(name = "accounts_age_range", expr = "age BETWEEN 0 AND 150")]
        #[check(name = "accounts_kind_known", expr = "kind IN ('a', 'b') OR kind IS NULL")]
        #[check(name = "accounts_balance_sane", expr = "(balance >= 0) AND (balance < 1000000)")]
        #[index(expr = "lower(email)", unique, name = "accounts_email_lower")]
        #[index(columns(created_at(desc)), where = "deleted_at IS NULL AND role <> 'admin'")]
        #[index(columns(email(ops = "varchar_pattern_ops")), name = "accounts_email_pattern")]
        pub struct Accounts {
            #[column(primary_key, identity = "always")]
            pub id: i64,
            #[column(sql_type = "varchar(320)")]
            pub email: String,
            #[column(default = "'member'")]
            pub role: Role,
            pub age: Option<i32>,
            #[column(sql_type = "varchar(8)")]
            pub kind: Option<String>,
            #[column(sql_type = "numeric(12,2)", default = "0")]
            pub balance: rust_decimal::Decimal,
            #[column(default = "now()")]
            pub created_at: chrono::DateTime<chrono::Utc>,
            pub deleted_at: Option<chrono::DateTime<chrono::Utc>>,
            #[column(default = "'{}'")]
            pub tags: Vec<String>,
            #[column(default = "'{\"theme\":\"dark\",\"a\":1}'")]
            pub settings: serde_json::Value,
            #[column(default = "-1")]
            pub rank: i64,
            #[column(default = "CURRENT_DATE + 30")]
            pub expires_on: chrono::NaiveDate,
            #[column(generated = "lower(email) || ':' || age")]
            pub label: Option<String>,
        }
        "#,
    ),
    (
        "keys, references and index variants",
        r#"
        use shale::Table;

        #[derive(Table)]
        pub struct Orgs {
            #[column(sql_type = "bigserial", primary_key)]
            pub id: i64,
            #[column(unique)]
            pub slug: String,
            #[column(references = "orgs.id", on_delete = "set_null")]
            pub parent_id: Option<i64>,
        }

        #[derive(Table)]
        #[primary_key(columns(org_id, user_id))]
        #[unique(columns(org_id, nickname), nulls_not_distinct)]
        #[foreign_key(columns(org_id), references = "orgs(id)", on_delete = "cascade", deferrable = "initially_deferred")]
        #[index(columns(org_id, joined_at(desc, nulls_last)), include(nickname))]
        #[index(columns(nickname), method = "hash")]
        #[index(expr = "(joined_at AT TIME ZONE 'utc')::date", name = "members_joined_day")]
        pub struct Members {
            pub org_id: i64,
            pub user_id: i64,
            pub nickname: Option<String>,
            #[column(check = "joined_at > '2000-01-01'")]
            pub joined_at: chrono::DateTime<chrono::Utc>,
            pub score: Option<f64>,
        }
        "#,
    ),
];

#[test]
fn hand_written_schemas_apply_without_drift() {
    let mut failures = Vec::new();
    for (name, source) in HAND_WRITTEN {
        let outcome = parse(source).and_then(|schema| {
            let url = shale_tests::fresh_database();
            migrate(&url, &Schema::default(), &schema, &RenameHints::default())?;
            check_no_drift(&url, &schema)
        });
        if let Err(e) = outcome {
            failures.push(format!("── {name}\n{e}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

proptest! {
    #![proptest_config(Config { cases: 100, ..Config::default() })]

    /// A random schema created from empty introspects as itself; then the
    /// migration A → B: the database introspects as B. (A is drawn as
    /// `arbitrary::schema()` draws a schema, so a separate test of the first
    /// half would repeat this one's work.)
    #[test]
    fn random_evolutions_apply_without_drift((previous, next) in shale_tests::arbitrary::schema_pair()) {
        let url = shale_tests::fresh_database();
        let hints = shale_tests::arbitrary::confirmed_drops(&previous, &next);
        let outcome = migrate(&url, &Schema::default(), &previous, &RenameHints::default())
            .and_then(|()| check_no_drift(&url, &previous))
            .and_then(|()| migrate(&url, &previous, &next, &hints))
            .and_then(|()| check_no_drift(&url, &next));
        prop_assert!(outcome.is_ok(), "{}", outcome.unwrap_err());
    }
}
