//! The SQLite runner: the same rules as the PostgreSQL one (journal order,
//! exactly once, hash check tolerant of CRLF, one transaction per migration
//! holding its tracking row, journal and files checked by `MigrationFolder`),
//! against a database file opened with rusqlite, returning the same
//! [`Status`], [`Report`] and [`RunError`] types so the CLI prints both alike.
//!
//! # The tracking table
//! `__drizzle_migrations` (no schema: SQLite has one namespace per file):
//! `id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at
//! numeric, name text, applied_at text`. drizzle's own SQLite table declares
//! `id SERIAL PRIMARY KEY`, which SQLite does not treat as the rowid, so its
//! ids stay NULL; shale's `INTEGER PRIMARY KEY AUTOINCREMENT` really numbers
//! rows, and rows of a table created by drizzle are read with `rowid` in
//! place of a NULL id. `applied_at` is UTC ISO-8601 text.
//!
//! # Concurrency
//! Each migration runs as `BEGIN IMMEDIATE` (which takes SQLite's write lock
//! on the file, waiting up to the busy timeout while another runner holds
//! it), a re-check of the migration's row (a runner that held the lock before
//! may have applied it), the statements, the row's `INSERT`, `COMMIT`. So
//! runners on one file serialise per migration and each migration is applied
//! once; a failure rolls back that migration and its row.
//!
//! # Foreign keys
//! The connection is opened with `PRAGMA foreign_keys = OFF` (SQLite's own
//! default), which is step 1 of SQLite's table-redefinition procedure done
//! outside the transaction, where the pragma works; see `shale_sql::sqlite`.
//! Every `PRAGMA foreign_key_check` statement of a migration is checked: a
//! row it returns fails the migration, which rolls back.
//!
//! # Files outside a transaction
//! A file starting with `-- shale:no-transaction` (for `VACUUM`, say) is
//! claimed first (its row inserted under the write lock), then run one
//! statement at a time; on failure the claim is removed so a rerun starts it
//! again, and the error says how many statements took effect.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OptionalExtension};
use shale_migrations::folder::{Migration, MigrationFolder};
use shale_migrations::sqlfile::{self, Statement};

use crate::{
    AppliedReport, MigrateOptions, MigrationFailure, MigrationRef, Report, RunError, Status,
    TrackingRow,
};

/// The tracking table's default name.
pub const DEFAULT_TABLE: &str = "__drizzle_migrations";

/// How long a runner waits for another one by default.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(60);

fn db_err(context: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> RunError {
    let context = context.into();
    move |e| RunError::Database {
        context,
        message: e.to_string(),
    }
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Strips `sqlite:` (and `sqlite://`) from a `--db` value: the file path.
pub fn path_of_url(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("sqlite:")?;
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    (!rest.is_empty()).then_some(rest)
}

/// Opens (creating if needed) a database file for migrating: busy timeout
/// set, foreign keys off (see the module docs).
pub fn open(path: &Path, busy_timeout: Duration) -> Result<Connection, RunError> {
    let context = format!("opening SQLite database {}", path.display());
    let conn = Connection::open(path).map_err(db_err(&context))?;
    prepare(&conn, busy_timeout).map_err(db_err(&context))?;
    Ok(conn)
}

/// Opens an existing database file (for `status`, `verify`, `pull`): a
/// missing file is an error instead of a new empty database.
pub fn open_existing(path: &Path, busy_timeout: Duration) -> Result<Connection, RunError> {
    let context = format!("opening SQLite database {}", path.display());
    if !path.is_file() {
        return Err(RunError::Database {
            context,
            message: "no such file; check --db sqlite:PATH (`shale migrate` creates it)".into(),
        });
    }
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(db_err(&context))?;
    prepare(&conn, busy_timeout).map_err(db_err(&context))?;
    Ok(conn)
}

fn prepare(conn: &Connection, busy_timeout: Duration) -> rusqlite::Result<()> {
    conn.busy_timeout(busy_timeout)?;
    conn.execute_batch("PRAGMA foreign_keys = OFF;")
}

fn check_dialect(folder: &MigrationFolder) -> Result<(), RunError> {
    match folder.journal.dialect.as_str() {
        "sqlite" | "turso" => Ok(()),
        other => Err(RunError::Database {
            context: "checking the journal".into(),
            message: format!(
                "the migrations folder is for {other}, not SQLite; check `dialect` in shale.toml and the database url"
            ),
        }),
    }
}

/// The tracking table's columns; empty when it does not exist.
fn probe(conn: &Connection, table: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({})", quote(table)))?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(1))?;
    rows.collect()
}

fn read_rows(
    conn: &Connection,
    table: &str,
    columns: &[String],
) -> rusqlite::Result<Vec<TrackingRow>> {
    if columns.is_empty() {
        return Ok(Vec::new());
    }
    let has = |c: &str| columns.iter().any(|x| x == c);
    let sql = format!(
        "SELECT COALESCE(id, rowid), hash, CAST(created_at AS INTEGER), {}, {} FROM {} ORDER BY COALESCE(id, rowid)",
        if has("name") { "name" } else { "NULL" },
        if has("applied_at") { "CAST(applied_at AS TEXT)" } else { "NULL" },
        quote(table)
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| {
        Ok(TrackingRow {
            id: r.get(0)?,
            hash: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
            created_at: r.get(2)?,
            name: r.get(3)?,
            applied_at: r.get(4)?,
        })
    })?;
    rows.collect()
}

/// Reports applied, pending, edited, unknown and out-of-order migrations.
/// Read-only: creates nothing.
pub fn status(
    conn: &Connection,
    folder: &MigrationFolder,
    table: &str,
) -> Result<Status, RunError> {
    check_dialect(folder)?;
    let context = format!("reading {}", quote(table));
    let columns = probe(conn, table).map_err(db_err(&context))?;
    let rows = read_rows(conn, table, &columns).map_err(db_err(&context))?;
    // The SQLite runner claims a no-transaction file with its final hash and
    // removes the claim on failure: it never writes an in-progress marker.
    crate::classify(folder, !columns.is_empty(), rows, |_| Ok(false))
}

fn ensure_table(conn: &Connection, table: &str, columns: &[String]) -> Result<(), RunError> {
    let q = quote(table);
    let context = format!("creating {q}");
    if columns.is_empty() {
        conn.execute_batch(&format!(
            "CREATE TABLE IF NOT EXISTS {q} (\n\tid INTEGER PRIMARY KEY AUTOINCREMENT,\n\thash text NOT NULL,\n\tcreated_at numeric,\n\tname text,\n\tapplied_at text\n);"
        ))
        .map_err(db_err(&context))?;
        return Ok(());
    }
    // A table created by drizzle: add shale's nullable columns.
    for (col, ty) in [("name", "text"), ("applied_at", "text")] {
        if !columns.iter().any(|c| c == col) {
            conn.execute_batch(&format!("ALTER TABLE {q} ADD COLUMN {col} {ty};"))
                .map_err(db_err(&context))?;
        }
    }
    Ok(())
}

/// Applies pending migrations in journal order (see the module docs).
/// Stops before applying anything when an applied migration was edited;
/// stops at the first failure, keeping what was applied before it.
/// `options.table.table` names the tracking table (its schema is ignored),
/// `options.lock_timeout` is the busy timeout.
pub fn migrate(
    conn: &mut Connection,
    folder: &MigrationFolder,
    options: &MigrateOptions,
) -> Result<Report, RunError> {
    let started = Instant::now();
    check_dialect(folder)?;
    let table = options.table.table.as_str();
    let q = quote(table);
    conn.busy_timeout(options.lock_timeout)
        .map_err(db_err("setting the busy timeout"))?;
    let last_idx = crate::target_index(folder, options)?;
    let st = status(conn, folder, table)?;
    let outside = |m: &Migration| {
        m.declares_no_transaction()
            .then(|| "the file starts with -- shale:no-transaction".to_string())
    };
    let (todo, out_of_order, mut report) =
        match crate::plan_run(folder, st, last_idx, &q, options, started, outside)? {
            crate::Planned::Done(report) => return Ok(report),
            crate::Planned::Apply {
                todo,
                out_of_order,
                report,
            } => (todo, out_of_order, report),
        };
    {
        let tx = begin_immediate(conn, &q)?;
        let columns = probe(&tx, table).map_err(db_err(format!("reading {q}")))?;
        ensure_table(&tx, table, &columns)?;
        tx.commit().map_err(db_err(format!("creating {q}")))?;
    }
    for m in todo {
        let t0 = Instant::now();
        let applied = if m.declares_no_transaction() {
            apply_outside_transaction(conn, m, &q)?
        } else {
            apply_in_transaction(conn, m, &q)?
        };
        match applied {
            Some(statements) => report.applied.push(AppliedReport {
                migration: MigrationRef::of(m),
                duration: t0.elapsed(),
                statements,
                no_transaction: outside(m),
                out_of_order: out_of_order.contains(m.tag()),
                attempts: 1,
                resumed: None,
            }),
            None => report.applied_by_another_runner.push(MigrationRef::of(m)),
        }
    }
    report.total = started.elapsed();
    Ok(report)
}

fn begin_immediate<'c>(
    conn: &'c mut Connection,
    q: &str,
) -> Result<rusqlite::Transaction<'c>, RunError> {
    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(db_err(format!("taking the write lock for {q} (another runner may hold it longer than the busy timeout)")))
}

fn row_exists(conn: &Connection, q: &str, m: &Migration) -> Result<bool, RunError> {
    conn.query_row(
        &format!("SELECT 1 FROM {q} WHERE CAST(created_at AS INTEGER) = ?1"),
        [m.entry.when],
        |_| Ok(()),
    )
    .optional()
    .map(|r| r.is_some())
    .map_err(db_err(format!("reading {q}")))
}

fn insert_row(conn: &Connection, q: &str, m: &Migration) -> rusqlite::Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO {q} (hash, created_at, name, applied_at) VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
        ),
        rusqlite::params![m.hash, m.entry.when, m.entry.tag],
    )
    .map(|_| ())
}

/// Every single SQL statement of the file, with its 1-based breakpoint
/// chunk number and the chunk.
fn pieces(m: &Migration) -> Vec<(usize, Statement, String)> {
    let mut out = Vec::new();
    for (n, chunk) in m.statements().into_iter().enumerate() {
        for piece in sqlfile::split_sql_statements(&chunk.sql) {
            out.push((n + 1, chunk.clone(), piece));
        }
    }
    out
}

/// Runs one statement; a `PRAGMA foreign_key_check` that returns rows is an
/// error naming the first violation.
fn run_piece(conn: &Connection, sql: &str) -> Result<(), String> {
    let body = sqlfile::strip_leading_comments(sql).trim_start();
    let is_fk_check = body.len() > 6
        && body[..6].eq_ignore_ascii_case("PRAGMA")
        && body[6..]
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("foreign_key_check");
    if !is_fk_check {
        return conn.execute_batch(sql).map_err(|e| e.to_string());
    }
    let mut stmt = conn
        .prepare(sql.trim_end().trim_end_matches(';'))
        .map_err(|e| e.to_string())?;
    let mut rows = stmt.query([]).map_err(|e| e.to_string())?;
    let mut count = 0usize;
    let mut first = None;
    while let Some(row) = rows.next().map_err(|e| e.to_string())? {
        count += 1;
        if first.is_none() {
            let table: String = row.get(0).unwrap_or_default();
            let rowid: Option<i64> = row.get(1).unwrap_or(None);
            let parent: String = row.get(2).unwrap_or_default();
            first = Some(format!(
                "row {} of \"{table}\" references a missing row of \"{parent}\"",
                rowid.map_or("?".into(), |r| r.to_string())
            ));
        }
    }
    match first {
        None => Ok(()),
        Some(f) => Err(format!(
            "foreign key check failed: {count} violation(s); {f}"
        )),
    }
}

fn failure(
    m: &Migration,
    at: Option<(usize, &Statement)>,
    total: usize,
    message: String,
    left_applied: Option<usize>,
) -> RunError {
    let (statement, line, first_line) = match at {
        Some((n, s)) => (Some(n), s.line, s.first_line().to_string()),
        None => (None, 0, String::new()),
    };
    RunError::Failed(Box::new(MigrationFailure {
        path: m.path.clone(),
        migration: MigrationRef::of(m),
        statement,
        total_statements: total,
        line,
        column: None,
        first_line,
        code: None,
        message,
        detail: None,
        hint: None,
        position: None,
        left_applied,
        attempts: 1,
    }))
}

/// `Some(statement count)` when applied, `None` when another runner had.
fn apply_in_transaction(
    conn: &mut Connection,
    m: &Migration,
    q: &str,
) -> Result<Option<usize>, RunError> {
    let total = m.statements().len();
    let tx = begin_immediate(conn, q)?;
    if row_exists(&tx, q, m)? {
        return Ok(None);
    }
    for (n, chunk, piece) in pieces(m) {
        if let Err(message) = run_piece(&tx, &piece) {
            drop(tx);
            return Err(failure(m, Some((n, &chunk)), total, message, None));
        }
    }
    if let Err(e) = insert_row(&tx, q, m) {
        return Err(failure(
            m,
            None,
            total,
            format!("recording the migration in {q}: {e}"),
            None,
        ));
    }
    tx.commit()
        .map_err(|e| failure(m, None, total, format!("commit: {e}"), None))?;
    Ok(Some(total))
}

fn apply_outside_transaction(
    conn: &mut Connection,
    m: &Migration,
    q: &str,
) -> Result<Option<usize>, RunError> {
    let total = m.statements().len();
    {
        let tx = begin_immediate(conn, q)?;
        if row_exists(&tx, q, m)? {
            return Ok(None);
        }
        insert_row(&tx, q, m).map_err(db_err(format!("claiming {} in {q}", m.tag())))?;
        tx.commit()
            .map_err(db_err(format!("claiming {} in {q}", m.tag())))?;
    }
    // `done`: the statements that ran before this one (and stay applied).
    for (done, (n, chunk, piece)) in pieces(m).into_iter().enumerate() {
        if let Err(message) = run_piece(conn, &piece) {
            let _ = conn.execute(
                &format!("DELETE FROM {q} WHERE CAST(created_at AS INTEGER) = ?1"),
                [m.entry.when],
            );
            return Err(failure(m, Some((n, &chunk)), total, message, Some(done)));
        }
    }
    Ok(Some(total))
}

/// Records `tag` as applied without running it (`shale pull --baseline`).
/// Refused when the database already records any migration; `Ok(false)`
/// when the row already exists.
pub fn baseline(
    conn: &mut Connection,
    folder: &MigrationFolder,
    tag: &str,
    options: &MigrateOptions,
) -> Result<bool, RunError> {
    check_dialect(folder)?;
    let table = options.table.table.as_str();
    let q = quote(table);
    let m = crate::migration_named(folder, tag)?;
    let tx = begin_immediate(conn, &q)?;
    let columns = probe(&tx, table).map_err(db_err(format!("reading {q}")))?;
    ensure_table(&tx, table, &columns)?;
    if row_exists(&tx, &q, m)? {
        return Ok(false);
    }
    let others: i64 = tx
        .query_row(&format!("SELECT count(*) FROM {q}"), [], |r| r.get(0))
        .map_err(db_err(format!("reading {q}")))?;
    if others > 0 {
        return Err(RunError::Database {
            context: format!("recording the baseline {tag}"),
            message: format!(
                "{q} already records {others} migration(s); a baseline must be the first"
            ),
        });
    }
    insert_row(&tx, &q, m).map_err(db_err(format!("recording the baseline {tag}")))?;
    tx.commit()
        .map_err(db_err(format!("recording the baseline {tag}")))?;
    Ok(true)
}

/// Applies every migration of the folder to a fresh in-memory database and
/// returns it (for `shale check --shadow` on SQLite): the database the
/// migrations build, tracking table included.
pub fn replay_in_memory(folder: &MigrationFolder) -> Result<Connection, RunError> {
    let mut conn =
        Connection::open_in_memory().map_err(db_err("opening an in-memory SQLite database"))?;
    prepare(&conn, DEFAULT_BUSY_TIMEOUT).map_err(db_err("opening an in-memory SQLite database"))?;
    let options = MigrateOptions {
        table: crate::TrackingTable {
            schema: String::new(),
            table: DEFAULT_TABLE.into(),
        },
        lock_timeout: DEFAULT_BUSY_TIMEOUT,
        ..MigrateOptions::default()
    };
    migrate(&mut conn, folder, &options)?;
    Ok(conn)
}

/// Undoes applied migrations newest first with their down files (see
/// [`crate::rollback`]): the same refusals, then each migration as
/// `BEGIN IMMEDIATE` (the write lock `migrate` takes), a re-read of the
/// tracking rows (one rolled back meanwhile is skipped; a newer one applied
/// meanwhile stops the run), the down file's statements, the deletion of its
/// row, `COMMIT`. `options.table.table` names the tracking table,
/// `options.lock_timeout` is the busy timeout.
pub fn rollback(
    conn: &mut Connection,
    folder: &MigrationFolder,
    options: &crate::RollbackOptions,
) -> Result<crate::RollbackReport, RunError> {
    let started = Instant::now();
    check_dialect(folder)?;
    let table = options.table.table.as_str();
    let q = quote(table);
    conn.busy_timeout(options.lock_timeout)
        .map_err(db_err("setting the busy timeout"))?;
    let st = status(conn, folder, table)?;
    let todo = crate::rollback::plan_rollback(folder, &st, &q, options)?;
    let mut report = crate::RollbackReport {
        dry_run: options.dry_run,
        ..Default::default()
    };
    if options.dry_run {
        report.planned = crate::rollback::planned(&todo);
    }
    if options.dry_run || todo.is_empty() {
        report.total = started.elapsed();
        return Ok(report);
    }
    let journal_whens: std::collections::HashSet<i64> =
        folder.migrations.iter().map(|m| m.entry.when).collect();
    for m in todo {
        let t0 = Instant::now();
        let d = crate::rollback::down_as_migration(m);
        let total = d.statements().len();
        let tx = begin_immediate(conn, &q)?;
        let whens: Vec<i64> = {
            let mut stmt = tx
                .prepare(&format!(
                    "SELECT CAST(created_at AS INTEGER) FROM {q} WHERE CAST(created_at AS INTEGER) >= ?1"
                ))
                .map_err(db_err(format!("reading {q}")))?;
            let rows = stmt
                .query_map([m.entry.when], |r| r.get::<_, i64>(0))
                .map_err(db_err(format!("reading {q}")))?;
            rows.collect::<rusqlite::Result<_>>()
                .map_err(db_err(format!("reading {q}")))?
        };
        if !whens.contains(&m.entry.when) {
            drop(tx);
            report
                .rolled_back_by_another_runner
                .push(MigrationRef::of(m));
            continue;
        }
        if let Some(newer) = whens
            .iter()
            .find(|w| **w > m.entry.when && journal_whens.contains(w))
        {
            return Err(RunError::NewerApplied {
                tag: m.tag().to_string(),
                newer_when: *newer,
            });
        }
        for (n, chunk, piece) in pieces(&d) {
            if let Err(message) = run_piece(&tx, &piece) {
                drop(tx);
                return Err(crate::rollback::as_rollback_failure(failure(
                    &d,
                    Some((n, &chunk)),
                    total,
                    message,
                    None,
                )));
            }
        }
        tx.execute(
            &format!("DELETE FROM {q} WHERE CAST(created_at AS INTEGER) = ?1"),
            [m.entry.when],
        )
        .map_err(db_err(format!("deleting the tracking row of {}", m.tag())))?;
        tx.commit().map_err(|e| {
            crate::rollback::as_rollback_failure(failure(
                &d,
                None,
                total,
                format!("commit: {e}"),
                None,
            ))
        })?;
        report.rolled_back.push(crate::RolledBack {
            migration: MigrationRef::of(m),
            statements: total,
            duration: t0.elapsed(),
        });
    }
    report.total = started.elapsed();
    Ok(report)
}

/// A consistent copy of the database in `path` (`VACUUM INTO`: a snapshot
/// of one read transaction, whatever other connections write meanwhile), for
/// `shale migrate --backup`. Refuses to overwrite an existing file.
pub fn backup_into(conn: &Connection, path: &Path) -> Result<(), RunError> {
    let context = format!("backing up into {}", path.display());
    if path.exists() {
        return Err(RunError::Database {
            context,
            message: "the file exists already; nothing was applied".into(),
        });
    }
    let target = path.to_str().ok_or_else(|| RunError::Database {
        context: context.clone(),
        message: "the path is not UTF-8".into(),
    })?;
    conn.execute("VACUUM INTO ?1", [target])
        .map(|_| ())
        .map_err(db_err(context))
}
