//! The lint's claims, checked on a real PostgreSQL: statements the lint says
//! PostgreSQL rejects are rejected (on a table with rows), and the safe
//! alternatives the lint recommends pass the lint and run. Each case runs on
//! a fresh database holding a few rows, the way the runner applies a file:
//! inside one transaction, or statement by statement for a file starting
//! with `-- shale:no-transaction`.

use std::path::Path;

use shale_lint::{lint, Dialect, Finding, LintConfig, Rule};
use shale_migrations::sqlfile;

const SETUP: &str = "
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE users (id bigint PRIMARY KEY, email text, mood mood, age int, org_id bigint);
INSERT INTO users VALUES (1, 'a@example.com', 'happy', 30, 1), (2, 'b@example.com', 'sad', 40, 1);
CREATE TABLE orgs (id bigint PRIMARY KEY);
INSERT INTO orgs VALUES (1);
CREATE INDEX users_age_idx ON users (age);
";

/// Applies a migration file like the runner: the database's error, if any.
fn apply(sql: &str) -> Result<(), String> {
    let url = shale_tests::fresh_database();
    let mut client = shale_tests::connect(&url);
    client.batch_execute(SETUP).expect("setup");
    if sqlfile::is_no_transaction(sql) {
        for chunk in sqlfile::split(sql) {
            for statement in sqlfile::split_sql_statements(&chunk.sql) {
                client
                    .batch_execute(&statement)
                    .map_err(|e| format!("{statement}: {e:?}"))?;
            }
        }
        Ok(())
    } else {
        let mut tx = client.transaction().expect("begin");
        for chunk in sqlfile::split(sql) {
            tx.batch_execute(&chunk.sql)
                .map_err(|e| format!("{}: {e:?}", chunk.sql))?;
        }
        tx.commit().map_err(|e| format!("commit: {e:?}"))
    }
}

fn findings(sql: &str) -> Vec<Finding> {
    lint(
        Path::new("m.sql"),
        sql,
        Dialect::Postgresql,
        &LintConfig::default(),
    )
}

/// The lint raises `rule` and PostgreSQL rejects the file with `error`.
fn rejected(rule: Rule, sql: &str, error: &str) {
    let found = findings(sql);
    assert!(
        found.iter().any(|f| f.rule == rule),
        "expected `{rule}` on:\n{sql}\ngot: {found:#?}"
    );
    match apply(sql) {
        Ok(()) => panic!("PostgreSQL accepted what `{rule}` says it rejects:\n{sql}"),
        Err(e) => assert!(
            e.contains(error),
            "`{rule}`: expected a PostgreSQL error containing {error:?}, got {e}"
        ),
    }
}

/// The file passes the lint without any finding and PostgreSQL runs it.
fn safe(sql: &str) {
    let found = findings(sql);
    assert!(
        found.is_empty(),
        "the safe alternative is flagged:\n{sql}\n{found:#?}"
    );
    if let Err(e) = apply(sql) {
        panic!("the safe alternative fails on PostgreSQL: {e}\n{sql}");
    }
}

#[test]
fn what_the_lint_says_postgresql_rejects_is_rejected() {
    rejected(
        Rule::AddingNotNullColumn,
        "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN team_id bigint NOT NULL;",
        "contains null values",
    );
    rejected(
        Rule::ConcurrentlyInTransaction,
        "SET lock_timeout = '5s';\n--> statement-breakpoint\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);",
        "cannot run inside a transaction block",
    );
    rejected(
        Rule::ConcurrentlyInTransaction,
        "-- shale:no-transaction\nSET lock_timeout = '5s';\nBEGIN;\nDROP INDEX CONCURRENTLY users_age_idx;\nCOMMIT;",
        "cannot run inside a transaction block",
    );
    rejected(
        Rule::EnumValueUsedInSameTransaction,
        "ALTER TYPE mood ADD VALUE 'meh';\n--> statement-breakpoint\nUPDATE users SET mood = 'meh' WHERE id = 1;",
        "unsafe use of new value",
    );
    rejected(
        Rule::Syntax,
        "CREATE TABLE teams (id bigint,, name text);",
        "syntax error",
    );
}

#[test]
fn the_safe_alternatives_pass_the_lint_and_run() {
    // setting-not-null
    safe("SET lock_timeout = '5s';\n--> statement-breakpoint\nALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;\n--> statement-breakpoint\nALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;\n--> statement-breakpoint\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\n--> statement-breakpoint\nALTER TABLE users DROP CONSTRAINT users_email_not_null;");
    // adding-not-null-column
    safe("SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;");
    // adding-unique-constraint, index-without-concurrently
    safe("-- shale:no-transaction\nSET lock_timeout = '5s';\n--> statement-breakpoint\nCREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\n--> statement-breakpoint\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;");
    // drop-index-without-concurrently
    safe("-- shale:no-transaction\nSET lock_timeout = '5s';\nDROP INDEX CONCURRENTLY IF EXISTS users_age_idx;");
    // constraint-without-not-valid
    safe("SET lock_timeout = '5s';\n--> statement-breakpoint\nALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE SET NULL (org_id) NOT VALID;\n--> statement-breakpoint\nALTER TABLE users VALIDATE CONSTRAINT users_org_fk;");
    // enum-value-used-in-same-transaction
    safe("-- shale:no-transaction\nALTER TYPE mood ADD VALUE 'meh';\n--> statement-breakpoint\nUPDATE users SET mood = 'meh' WHERE id = 1;");
    // volatile-default
    safe("SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN token uuid;\nALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();");
}

/// Statements sqlparser 0.59 cannot parse but PostgreSQL runs are never
/// `syntax` findings.
#[test]
fn postgresql_only_syntax_is_not_a_syntax_finding() {
    let sql = "SET lock_timeout = '5s';\n--> statement-breakpoint\nCREATE SCHEMA archive;\n--> statement-breakpoint\nCOMMENT ON TYPE mood IS 'feelings';\n--> statement-breakpoint\nCREATE SEQUENCE counter AS integer;\n--> statement-breakpoint\nALTER SEQUENCE counter AS bigint;\n--> statement-breakpoint\nDO $$ BEGIN PERFORM 1; END $$;\n--> statement-breakpoint\nALTER TABLE users ALTER COLUMN age SET STATISTICS 200, ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;\n--> statement-breakpoint\nALTER TABLE users ALTER COLUMN id DROP IDENTITY IF EXISTS;\n--> statement-breakpoint\nALTER TABLE orgs SET SCHEMA archive;\n--> statement-breakpoint\nALTER TYPE mood SET SCHEMA archive;\n--> statement-breakpoint\nCREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql\nBEGIN ATOMIC\n  SELECT a + b;\nEND;\n--> statement-breakpoint\nCREATE TABLE teams (id bigint, org_id bigint, CONSTRAINT teams_org_fk FOREIGN KEY (org_id) REFERENCES users (id) ON DELETE SET NULL (org_id));";
    let syntax: Vec<Finding> = findings(sql)
        .into_iter()
        .filter(|f| f.rule == Rule::Syntax)
        .collect();
    assert!(syntax.is_empty(), "{syntax:#?}");
    apply(sql).unwrap();
}
