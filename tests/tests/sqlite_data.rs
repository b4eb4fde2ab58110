//! Data preservation through SQLite table rebuilds: a parent table with
//! 10,000 rows and 10,000 child rows pointing at it (`ON DELETE CASCADE`, so
//! a rebuild that let `DROP TABLE` cascade would delete them) goes through
//! each kind of rebuild, generated from schema source and applied by the
//! real runner; row counts, every value and referential integrity must be
//! unchanged. Rebuilds that existing rows violate (NOT NULL over NULLs, a
//! CHECK, a foreign key) must fail and roll back, leaving the old table,
//! its rows and the tracking table exactly as they were.

mod sqlite_support;

use rusqlite::Connection;
use shale_model::RenameHints;
use sqlite_support::{file_text, no_drift, parse_sqlite, plan_sql, Project};

const ROWS: i64 = 10_000;

const BASE: &str = r#"
#[derive(Table)]
#[table(name = "accounts")]
pub struct Account {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    #[column(check = "score >= 0")]
    pub score: Option<i32>,
    pub note: Option<String>,
    pub referrer_id: Option<i64>,
}

#[derive(Table)]
#[table(name = "orders")]
pub struct Order {
    #[column(primary_key)]
    pub id: i64,
    #[column(references = "accounts.id", on_delete = "cascade")]
    pub account_id: i64,
    pub total: f64,
}
"#;

/// A project at the base schema, filled with rows.
fn base_project() -> Project {
    let (base, _) = parse_sqlite(BASE).expect("base schema");
    let mut p = Project::new();
    p.add(
        "base",
        &file_text(&plan_sql(&Default::default(), &base, &RenameHints::default()).expect("plan")),
    );
    p.migrate().expect("base applies");
    let mut conn = p.connect();
    let tx = conn.transaction().expect("tx");
    for i in 1..=ROWS {
        let score: Option<i64> = (i % 10 != 0).then_some(i % 100);
        let referrer: Option<i64> = (i > 1 && i % 3 == 0).then_some(i - 1);
        tx.execute(
            "INSERT INTO accounts (id, email, score, note, referrer_id) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![i, format!("user{i}@example.com"), score, format!("note {i}"), referrer],
        )
        .expect("insert account");
    }
    for i in 1..=ROWS {
        tx.execute(
            "INSERT INTO orders (id, account_id, total) VALUES (?1, ?2, ?3)",
            rusqlite::params![i, (i * 7) % ROWS + 1, i as f64 * 1.5],
        )
        .expect("insert order");
    }
    tx.commit().expect("commit");
    p
}

/// Every row of a table, every value as text, in id order.
fn rows(conn: &Connection, table: &str, columns: &[&str]) -> Vec<String> {
    let cols: Vec<String> = columns
        .iter()
        .map(|c| format!("CAST(\"{c}\" AS TEXT)"))
        .collect();
    let sql = format!(
        "SELECT {} FROM \"{table}\" ORDER BY id",
        cols.join(" || '|' || ")
    );
    let sql = sql
        .replace("CAST(", "COALESCE(CAST(")
        .replace(" AS TEXT)", " AS TEXT), 'NULL')");
    let mut stmt = conn.prepare(&sql).expect("prepare");
    let out: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    out
}

fn fk_violations(conn: &Connection) -> usize {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check").expect("prepare");
    let n = stmt.query_map([], |_| Ok(())).expect("query").count();
    n
}

fn applied_count(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM __drizzle_migrations", [], |r| {
        r.get(0)
    })
    .expect("count")
}

const ACCOUNT_COLS: &[&str] = &["id", "email", "score", "note", "referrer_id"];
const ORDER_COLS: &[&str] = &["id", "account_id", "total"];

/// Applies `BASE` with `edit` applied to it; asserts every row survived
/// (`kept`: the account columns whose text must be unchanged) and that the
/// database now matches the edited schema.
fn rebuild_keeps_rows(edit: impl Fn(&str) -> String, kept_accounts: &[&str], expect_rebuilt: &str) {
    let mut p = base_project();
    let conn = p.connect();
    let accounts_before = rows(&conn, "accounts", kept_accounts);
    let orders_before = rows(&conn, "orders", ORDER_COLS);
    drop(conn);
    let (base, _) = parse_sqlite(BASE).expect("base");
    let (next, _) = parse_sqlite(&edit(BASE)).expect("edited schema");
    let statements = plan_sql(&base, &next, &RenameHints::default()).expect("plan");
    assert_eq!(
        shale_sql::sqlite::rebuilt_tables(&statements),
        vec![expect_rebuilt.to_string()],
        "the change must rebuild exactly {expect_rebuilt}:\n{}",
        file_text(&statements)
    );
    p.add("change", &file_text(&statements));
    let report = p
        .migrate()
        .unwrap_or_else(|e| panic!("the rebuild fails: {e}"));
    eprintln!(
        "rebuild of {expect_rebuilt} ({ROWS} rows in each table): {:?}",
        report.total
    );
    let conn = p.connect();
    assert_eq!(
        rows(&conn, "accounts", kept_accounts),
        accounts_before,
        "account rows changed"
    );
    assert_eq!(
        rows(&conn, "orders", ORDER_COLS),
        orders_before,
        "order rows changed (cascade?)"
    );
    assert_eq!(rows(&conn, "orders", ORDER_COLS).len() as i64, ROWS);
    assert_eq!(fk_violations(&conn), 0, "referential integrity broken");
    no_drift(&conn, &next).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn type_change_keeps_rows() {
    rebuild_keeps_rows(
        |s| {
            s.replace("pub note: Option<String>", "#[column(sql_type = \"integer\")]\n    pub note: Option<String>")
        .replace("#[column(check = \"score >= 0\")]\n    pub score: Option<i32>", "#[column(check = \"score >= 0\", sql_type = \"text\")]\n    pub score: Option<String>")
        },
        &["id", "email", "score", "referrer_id"],
        "accounts",
    );
}

#[test]
fn nullability_change_keeps_rows() {
    rebuild_keeps_rows(
        |s| s.replace("pub note: Option<String>", "pub note: String"),
        ACCOUNT_COLS,
        "accounts",
    );
}

#[test]
fn default_change_keeps_rows() {
    rebuild_keeps_rows(
        |s| {
            s.replace(
                "pub note: Option<String>",
                "#[column(default = \"'none'\")]\n    pub note: Option<String>",
            )
        },
        ACCOUNT_COLS,
        "accounts",
    );
}

#[test]
fn dropping_a_column_with_a_check_keeps_rows() {
    rebuild_keeps_rows(
        |s| {
            s.replace(
                "#[column(check = \"score >= 0\")]\n    pub score: Option<i32>,\n",
                "",
            )
        },
        &["id", "email", "note", "referrer_id"],
        "accounts",
    );
}

#[test]
fn primary_key_change_keeps_rows() {
    rebuild_keeps_rows(
        |s| {
            s.replace(
                "#[table(name = \"orders\")]",
                "#[table(name = \"orders\")]\n#[primary_key(columns(id, account_id))]",
            )
            .replace(
                "    #[column(primary_key)]\n    pub id: i64,\n    #[column(references",
                "    pub id: i64,\n    #[column(references",
            )
        },
        ACCOUNT_COLS,
        "orders",
    );
}

#[test]
fn adding_a_foreign_key_keeps_rows() {
    rebuild_keeps_rows(
        |s| {
            s.replace("pub referrer_id: Option<i64>", "#[column(references = \"accounts.id\", on_delete = \"set_null\")]\n    pub referrer_id: Option<i64>")
        },
        ACCOUNT_COLS,
        "accounts",
    );
}

#[test]
fn adding_a_check_keeps_rows() {
    rebuild_keeps_rows(
        |s| {
            s.replace("#[table(name = \"accounts\")]", "#[table(name = \"accounts\")]\n#[check(name = \"accounts_email_at\", expr = \"email LIKE '%@%'\")]")
        },
        ACCOUNT_COLS,
        "accounts",
    );
}

/// A change that existing rows violate fails, and the migration leaves no
/// trace: same rows, same schema, no tracking row.
fn violating_rebuild_rolls_back(edit: impl Fn(&str) -> String, message: &str) {
    let mut p = base_project();
    let conn = p.connect();
    let accounts_before = rows(&conn, "accounts", ACCOUNT_COLS);
    let orders_before = rows(&conn, "orders", ORDER_COLS);
    let applied_before = applied_count(&conn);
    drop(conn);
    let (base, _) = parse_sqlite(BASE).expect("base");
    let (next, _) = parse_sqlite(&edit(BASE)).expect("edited schema");
    let statements = plan_sql(&base, &next, &RenameHints::default()).expect("plan");
    p.add("violates", &file_text(&statements));
    let err = p
        .migrate()
        .expect_err("a change existing rows violate must fail")
        .to_string();
    assert!(err.contains(message), "unexpected error: {err}");
    assert!(
        err.contains("rolled back"),
        "the error must say it rolled back: {err}"
    );
    let conn = p.connect();
    assert_eq!(rows(&conn, "accounts", ACCOUNT_COLS), accounts_before);
    assert_eq!(rows(&conn, "orders", ORDER_COLS), orders_before);
    assert_eq!(
        applied_count(&conn),
        applied_before,
        "a tracking row was left"
    );
    let left: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name LIKE '__new_%'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(left, 0, "the rebuild's table was left behind");
    no_drift(&conn, &base).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn not_null_over_nulls_fails_and_rolls_back() {
    violating_rebuild_rolls_back(
        |s| s.replace("pub score: Option<i32>", "pub score: i32"),
        "NOT NULL constraint failed",
    );
}

#[test]
fn violated_check_fails_and_rolls_back() {
    violating_rebuild_rolls_back(
        |s| {
            s.replace("#[table(name = \"accounts\")]", "#[table(name = \"accounts\")]\n#[check(name = \"accounts_small_ids\", expr = \"id < 5000\")]")
        },
        "CHECK constraint failed",
    );
}

#[test]
fn violated_foreign_key_fails_and_rolls_back() {
    let mut p = base_project();
    // A referrer that does not exist: adding the foreign key must fail.
    p.connect()
        .execute("UPDATE accounts SET referrer_id = 999999 WHERE id = 42", [])
        .expect("update");
    let (base, _) = parse_sqlite(BASE).expect("base");
    let edited = BASE.replace(
        "pub referrer_id: Option<i64>",
        "#[column(references = \"accounts.id\")]\n    pub referrer_id: Option<i64>",
    );
    let (next, _) = parse_sqlite(&edited).expect("edited");
    let statements = plan_sql(&base, &next, &RenameHints::default()).expect("plan");
    p.add("fk", &file_text(&statements));
    let err = p.migrate().expect_err("must fail").to_string();
    assert!(err.contains("foreign key check failed"), "{err}");
    let conn = p.connect();
    assert_eq!(rows(&conn, "accounts", ACCOUNT_COLS).len() as i64, ROWS);
    assert_eq!(applied_count(&conn), 1);
    no_drift(&conn, &base).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn simple_changes_stay_simple_statements() {
    let (base, _) = parse_sqlite(BASE).expect("base");
    let edited = BASE
        .replace(
            "pub note: Option<String>,",
            "pub note: Option<String>,\n    pub nickname: Option<String>,",
        )
        .replace(
            "#[table(name = \"orders\")]",
            "#[table(name = \"orders\")]\n#[index(columns(total))]",
        );
    let (next, _) = parse_sqlite(&edited).expect("edited");
    let statements = plan_sql(&base, &next, &RenameHints::default()).expect("plan");
    let sql: Vec<&str> = statements.iter().map(|s| s.sql.as_str()).collect();
    assert_eq!(
        sql,
        vec![
            "ALTER TABLE \"accounts\" ADD COLUMN \"nickname\" TEXT;",
            "CREATE INDEX \"orders_total_idx\" ON \"orders\" (\"total\");",
        ]
    );
    let mut p = base_project();
    p.add("simple", &file_text(&statements));
    p.migrate().expect("applies");
    no_drift(&p.connect(), &next).unwrap_or_else(|e| panic!("{e}"));
}
