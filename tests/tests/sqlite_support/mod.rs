//! Helpers shared by the SQLite integration tests: a migrations folder
//! written like `shale generate` writes it, applied by the real SQLite
//! runner to a real database file, and read back by SQLite introspection.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use shale_differ::MigrationPair;
use shale_migrations::folder::MigrationFolder;
use shale_migrations::journal::{Journal, PrefixMode};
use shale_migrations::sqlfile;
use shale_model::{RenameHints, Schema};
use shale_parser::{Dialect, ParseOptions, SourceFile};
use shale_runner::{MigrateOptions, TrackingTable};
use shale_sql::sqlite::{canonical_schema, Sqlite};
use shale_sql::{SqlDialect, Statement};

/// Parses schema source for `dialect = "sqlite"` and canonicalises it.
/// `Err` with the reason when the source uses something SQLite lacks.
pub fn parse_sqlite(text: &str) -> Result<(Schema, RenameHints), String> {
    let parsed = shale_parser::parse_sources(
        &[SourceFile {
            path: "schema.rs".into(),
            text: text.to_string(),
        }],
        &ParseOptions {
            dialect: Dialect::Sqlite,
            ..ParseOptions::default()
        },
    );
    if let Some(d) = parsed.diagnostics.first() {
        return Err(format!("parser: {}", d.message));
    }
    let schema = canonical_schema(&parsed.schema).map_err(|e| format!("canonical: {e}"))?;
    Ok((schema, parsed.renames))
}

/// The statements turning `previous` into `next` on SQLite.
pub fn plan_sql(
    previous: &Schema,
    next: &Schema,
    hints: &RenameHints,
) -> Result<Vec<Statement>, String> {
    let pair = MigrationPair::new(previous, next);
    let plan = shale_differ::diff(pair, hints)
        .map_err(|a| format!("the differ asks about renames: {a}"))?;
    Sqlite.try_render(&plan, pair).map_err(|e| e.to_string())
}

/// The migration file text `shale generate` writes for these statements.
pub fn file_text(statements: &[Statement]) -> String {
    let sqls: Vec<String> = statements.iter().map(|s| s.sql.clone()).collect();
    let hazards: Vec<(String, String)> = shale_sql::all_hazards(statements)
        .into_iter()
        .map(|h| (h.kind.as_str().to_string(), h.message.clone()))
        .collect();
    sqlfile::render(&sqls, &hazards)
}

/// A project directory with a SQLite migrations folder.
pub struct Project {
    /// Keeps the directory alive.
    pub dir: tempfile::TempDir,
    journal: Journal,
    when: i64,
}

impl Project {
    /// An empty project.
    pub fn new() -> Project {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("migrations/meta")).expect("mkdir");
        let p = Project {
            dir,
            journal: Journal::new("sqlite"),
            when: 1_700_000_000_000,
        };
        p.write_journal();
        p
    }

    fn write_journal(&self) {
        std::fs::write(
            self.migrations().join("meta/_journal.json"),
            self.journal.to_json(),
        )
        .expect("journal");
    }

    /// The migrations folder.
    pub fn migrations(&self) -> PathBuf {
        self.dir.path().join("migrations")
    }

    /// The database file.
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("app.db")
    }

    /// Adds a migration file with this text; returns its path.
    pub fn add(&mut self, name: &str, text: &str) -> PathBuf {
        self.when += 1000;
        let entry = self
            .journal
            .push_next(name, PrefixMode::Index, self.when)
            .clone();
        let path = self.migrations().join(format!("{}.sql", entry.tag));
        std::fs::write(&path, text).expect("write migration");
        self.write_journal();
        path
    }

    /// The folder, loaded and checked.
    pub fn folder(&self) -> MigrationFolder {
        MigrationFolder::load(self.migrations()).unwrap_or_else(|e| panic!("folder: {e}"))
    }

    /// Runs the SQLite runner on the database file.
    pub fn migrate(&self) -> Result<shale_runner::Report, shale_runner::RunError> {
        let mut conn = shale_runner::sqlite::open(&self.db(), std::time::Duration::from_secs(30))?;
        shale_runner::sqlite::migrate(&mut conn, &self.folder(), &options())
    }

    /// A connection to the database file.
    pub fn connect(&self) -> Connection {
        Connection::open(self.db()).expect("open db")
    }
}

/// The runner options the tests use (default tracking table).
pub fn options() -> MigrateOptions {
    MigrateOptions {
        table: TrackingTable {
            schema: String::new(),
            table: shale_runner::sqlite::DEFAULT_TABLE.into(),
        },
        lock_timeout: std::time::Duration::from_secs(30),
        ..MigrateOptions::default()
    }
}

/// Reads a database's schema (tracking table left out).
pub fn introspect(conn: &Connection) -> Schema {
    shale_introspect::sqlite::introspect(
        conn,
        &shale_introspect::sqlite::SqliteIntrospectOptions::default(),
    )
    .unwrap_or_else(|e| panic!("introspect: {e}"))
}

/// `Ok` when the differ plans nothing between the live schema and
/// `expected` (expressions compare by meaning, like `shale verify`);
/// otherwise the differences.
pub fn no_drift(conn: &Connection, expected: &Schema) -> Result<(), String> {
    let live = introspect(conn);
    let pair = MigrationPair::new(&live, expected);
    let plan = shale_differ::diff(pair, &RenameHints::default())
        .map_err(|a| format!("drift is ambiguous: {a}"))?;
    if !plan.is_empty() {
        let sql: Vec<String> = Sqlite
            .render(&plan, pair)
            .into_iter()
            .map(|s| s.sql)
            .collect();
        return Err(format!(
            "there is drift: {:?}\nreconciling SQL:\n{}\nlive: {live:#?}\nexpected: {expected:#?}",
            plan.steps,
            sql.join("\n")
        ));
    }
    Ok(())
}

/// Path of a file under the repository root.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}
