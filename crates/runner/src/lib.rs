//! Applies pending migrations exactly once (journal order, one transaction per
//! migration with its tracking row, transaction-scoped advisory lock) and
//! reports the status of a database's migrations.
//!
//! Three calls: [`status`], [`migrate`] and [`rollback()`] (the `rollback`
//! module: down files, newest first, under the same lock), each taking a connected client (see
//! `shale_db::connect`) and a loaded, consistent `MigrationFolder`.
//!
//! # Which migrations are pending
//! A journal entry is *applied* when the tracking table has a row whose
//! `created_at` is the entry's `when`, and *pending* otherwise. (drizzle's
//! migrator compares with the newest row instead, and so silently skips a
//! migration merged from another branch; shale applies it, in journal order,
//! and reports it as *out of order*.) A row whose `hash` differs from the
//! file's SHA-256 (line endings aside) is an *edited* migration: `migrate`
//! stops before applying anything. A row with no journal entry is *unknown*.
//!
//! # Concurrency
//! Runners serialise on a transaction-scoped advisory lock
//! (`pg_advisory_xact_lock`, key derived from the tracking table's name), so
//! the lock works through a transaction-mode pooler such as PgBouncer, where
//! session state (and session advisory locks) does not survive a
//! transaction. Each migration runs as:
//!
//! 1. `BEGIN`, take the lock (waiting at most the lock timeout; PostgreSQL's
//!    `lock_timeout` bounds advisory lock waits too),
//! 2. look for the migration's row again: a runner that held the lock before
//!    may have applied it; if so, end the transaction and move on; if not,
//!    insert the row (steps 1 and 2 are one round trip),
//! 3. run the statements, one message each, then `COMMIT` (which releases
//!    the lock) as a message of its own.
//!
//! So however many runners start at once, each migration is applied exactly
//! once, and a failure rolls back that migration alone (its statements and
//! its row), keeping the earlier ones. A killed runner's transaction is
//! rolled back by the server, so a rerun starts that migration afresh. The
//! runner adds two round trips per migration to its SQL; measured with
//! [`bench::bench`], under 1 ms per migration on loopback.
//!
//! # Migrations outside a transaction
//! Some statements cannot run in a transaction block (`CREATE`/`DROP INDEX
//! CONCURRENTLY`, `REINDEX … CONCURRENTLY`, `VACUUM`, `ALTER SYSTEM`,
//! `CREATE DATABASE`, …), and an enum value added by `ALTER TYPE … ADD VALUE`
//! cannot be used before its transaction commits. Files containing such
//! statements (detected automatically, see [`no_transaction_reason`]) or
//! starting with `-- shale:no-transaction` run one SQL statement at a time,
//! each committed on its own. The advisory lock cannot be held across them
//! (it is transaction-scoped), so the file is *claimed* instead: under the
//! lock, in a short transaction, the runner inserts the migration's row with
//! an in-progress marker in `hash` (`shale:in-progress:<backend pid>:<backend
//! start>:<statements done>:<sha256>`, see [`InProgressMarker`]). Other runners
//! then see the row and wait for the marker to be replaced by the real hash
//! (bounded by the lock timeout). The marker counts completed statements;
//! when the file finishes, the real hash replaces it.
//!
//! What such a file loses: atomicity. A failing statement does not undo the
//! statements before it (the error says how many were applied; the claim is
//! removed so a rerun starts from the first statement again, which is why
//! these files should use `IF NOT EXISTS`/`IF EXISTS`). While such a file
//! runs, the session sets `client_connection_check_interval` (PostgreSQL 14+),
//! so that a killed runner's statement stops within a second instead of going
//! on with no one to record it (a concurrent index build stopped so leaves an
//! `INVALID` index). If the runner is killed mid-file, its marker stays; a
//! later runner finds the claiming backend gone (checked in
//! `pg_stat_activity` by pid and start time) and *resumes* the file when
//! every statement of it is one shale knows how to run again safely (the
//! `resume` module: the statements `generate --online` writes): under the
//! lock it takes the claim over (an update that only one of several racing
//! runners wins), looks in the catalogs at the statement that was running
//! (an `INVALID` index left by the interrupted build is dropped
//! concurrently and built again, an index already valid or a constraint
//! already added is skipped), runs the rest and records the file once. Any
//! other file stops with an *interrupted* error naming how many statements
//! completed and the SQL to resolve it, rather than guessing whether, say, an
//! `INSERT` took effect. Behind a transaction pooler the
//! recorded backend is a pooled server connection that usually outlives the
//! runner, so an interrupted claim is reported as still running until the
//! lock timeout, never applied twice.
//!
//! # Progress
//! [`migrate_watching`] runs a second, scoped thread for the whole run that
//! reports the statement running on the migrating connection once it has run
//! longer than [`Watch::after`] ([`Progress::Running`], to [`Watch::report`]:
//! elapsed time and, for index builds, the phase and counts of
//! `pg_stat_progress_create_index`, read on a second connection the caller
//! opens). The migrating thread only marks each statement's start and end.
//! [`migrate`] and [`migrate_with`] start no thread.
#![deny(missing_docs)]

pub mod bench;
mod detect;
mod resume;
pub mod rollback;
pub mod sqlite;
mod table;
mod watch;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use postgres::Client;
use shale_db::{quote_literal, Settings};
use shale_migrations::folder::{Migration, MigrationFolder};
use shale_migrations::sqlfile::{self, Statement};

pub use detect::{lines_naming_schema, no_transaction_reason, transaction_control};
pub use rollback::{
    rollback, PlannedRollback, RollbackOptions, RollbackProblem, RollbackReport, RollbackTarget,
    RolledBack,
};
pub use table::{quote_ident, InProgressMarker, TrackingRow, TrackingTable};
pub use watch::{IndexProgress, Watch};

use table::{query_text, Probe};

/// A journal entry, by position, tag and `when`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MigrationRef {
    /// Journal idx.
    pub idx: u32,
    /// Tag (file name without `.sql`).
    pub tag: String,
    /// The entry's `when` (the tracking row's `created_at`).
    pub when: i64,
}

impl MigrationRef {
    fn of(m: &Migration) -> MigrationRef {
        MigrationRef {
            idx: m.entry.idx,
            tag: m.entry.tag.clone(),
            when: m.entry.when,
        }
    }
}

/// An applied migration whose file is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedMigration {
    /// The entry.
    pub migration: MigrationRef,
    /// The tracking row.
    pub row: TrackingRow,
}

/// A migration not yet applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingMigration {
    /// The entry.
    pub migration: MigrationRef,
    /// Older than the newest applied migration (typically merged from another
    /// branch); still applied by `migrate`, in journal order.
    pub out_of_order: bool,
}

/// An applied migration whose file changed since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditedMigration {
    /// The entry.
    pub migration: MigrationRef,
    /// The file.
    pub path: PathBuf,
    /// The hash the tracking table recorded.
    pub recorded_hash: String,
    /// The file's hash now.
    pub file_hash: String,
}

/// A migration run outside a transaction that has a claim row but no final hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InProgressMigration {
    /// The entry.
    pub migration: MigrationRef,
    /// The claim.
    pub marker: InProgressMarker,
    /// SQL statements in the file (outside a transaction, each runs alone).
    pub total_statements: usize,
    /// Whether the claiming backend is still connected (a runner is at work).
    pub running: bool,
    /// `None` when `migrate` resumes it once its runner is gone (every
    /// statement of the file is one shale can tell was applied or run again
    /// safely, see the crate docs); else why it cannot, for a person to
    /// resolve.
    pub not_resumable: Option<String>,
    /// The first line of the statement the interrupted run was executing
    /// (the one a resume starts at), when there is one.
    pub next_statement: Option<String>,
    /// The file's hash now (what the tracking row records once applied).
    pub file_hash: String,
}

impl InProgressMigration {
    /// What to do about an interrupted migration, in one line: `shale
    /// migrate` resumes it, or the SQL to resolve it by hand.
    pub fn advice(&self, table: &TrackingTable) -> String {
        let at = self.next_statement.as_ref().map_or_else(String::new, |s| {
            format!(" at statement {} (`{s}`)", self.marker.done + 1)
        });
        match &self.not_resumable {
            None => format!(
                "interrupted after {} of {} SQL statement(s) (its runner is gone); `shale migrate` resumes it{at}: \
                 every statement of the file is one shale can tell was applied or run again safely",
                self.marker.done, self.total_statements
            ),
            Some(why) => RunError::Interrupted {
                tag: self.migration.tag.clone(),
                done: self.marker.done,
                total: self.total_statements,
                why: why.clone(),
                table: table.qualified(),
                hash: self.file_hash.clone(),
                when: self.migration.when,
            }
            .to_string(),
        }
    }
}

/// What [`status`] finds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Status {
    /// Whether the tracking table exists.
    pub table_exists: bool,
    /// Applied and unchanged, in journal order.
    pub applied: Vec<AppliedMigration>,
    /// Not applied, in journal order.
    pub pending: Vec<PendingMigration>,
    /// Applied, then edited.
    pub edited: Vec<EditedMigration>,
    /// Rows with no journal entry (applied but missing locally), by id.
    pub unknown: Vec<TrackingRow>,
    /// Running or interrupted migrations outside a transaction.
    pub in_progress: Vec<InProgressMigration>,
    /// INVALID indexes and NOT VALID constraints an interrupted online
    /// migration left behind (PostgreSQL).
    pub leftovers: Vec<Leftover>,
}

/// What kind of [`Leftover`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftoverKind {
    /// An index whose concurrent build failed or was interrupted
    /// (`pg_index.indisvalid` false): it costs every write and answers no query.
    InvalidIndex,
    /// A foreign key or check added `NOT VALID` and never validated.
    NotValidConstraint,
}

/// An object in a half-done state, with the statement that repairs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leftover {
    /// What it is.
    pub kind: LeftoverKind,
    /// `"schema"."name"` of the index or constraint.
    pub name: String,
    /// `"schema"."table"`.
    pub table: String,
    /// The statement that repairs it.
    pub repair: String,
}

/// Every INVALID index and NOT VALID constraint of the database, outside
/// the system schemas, in name order. An index still being built by a
/// running `CREATE INDEX CONCURRENTLY` is INVALID until it finishes and is
/// listed too.
pub fn leftovers(client: &mut Client) -> Result<Vec<Leftover>, RunError> {
    let sql = "SELECT 'i', n.nspname, c.relname, t.relname \
         FROM pg_catalog.pg_index i \
         JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid \
         JOIN pg_catalog.pg_class t ON t.oid = i.indrelid \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         WHERE NOT i.indisvalid AND n.nspname NOT IN ('pg_catalog', 'information_schema') \
           AND n.nspname NOT LIKE 'pg_toast%' \
         UNION ALL \
         SELECT 'c', n.nspname, k.conname, t.relname \
         FROM pg_catalog.pg_constraint k \
         JOIN pg_catalog.pg_class t ON t.oid = k.conrelid \
         JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace \
         WHERE NOT k.convalidated AND k.contype IN ('c', 'f') \
           AND n.nspname NOT IN ('pg_catalog', 'information_schema') \
         ORDER BY 2, 4, 3";
    let rows = query_text(client, sql).map_err(db_err(
        "looking for invalid indexes and unvalidated constraints",
    ))?;
    let mut out = Vec::new();
    for r in rows {
        let field = |i: usize| r.get(i).cloned().flatten().unwrap_or_default();
        let (kind, ns, name, table) = (field(0), field(1), field(2), field(3));
        let table = format!("{}.{}", quote_ident(&ns), quote_ident(&table));
        let qualified = format!("{}.{}", quote_ident(&ns), quote_ident(&name));
        out.push(if kind == "i" {
            Leftover {
                kind: LeftoverKind::InvalidIndex,
                repair: format!(
                    "REINDEX INDEX CONCURRENTLY {qualified}; (or DROP INDEX CONCURRENTLY {qualified}; and run the migration that builds it again)"
                ),
                name: qualified,
                table,
            }
        } else {
            Leftover {
                kind: LeftoverKind::NotValidConstraint,
                repair: format!("ALTER TABLE {table} VALIDATE CONSTRAINT {};", quote_ident(&name)),
                name: qualified,
                table,
            }
        });
    }
    Ok(out)
}

impl Status {
    /// The pending migrations older than the newest applied one.
    pub fn out_of_order(&self) -> Vec<&PendingMigration> {
        self.pending.iter().filter(|p| p.out_of_order).collect()
    }

    /// True when everything is applied and nothing is wrong (`shale status`
    /// exits 0); false when anything is pending, edited, unknown or in
    /// progress, or an interrupted run left an INVALID index or a NOT VALID
    /// constraint.
    pub fn is_up_to_date(&self) -> bool {
        self.pending.is_empty()
            && self.edited.is_empty()
            && self.unknown.is_empty()
            && self.in_progress.is_empty()
            && self.leftovers.is_empty()
    }
}

/// Options of [`migrate`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MigrateOptions {
    /// Report what would run; change nothing (the tracking table is not even created).
    pub dry_run: bool,
    /// Stop after the migration with this tag (pending ones before it still run).
    pub to_tag: Option<String>,
    /// Where the tracking table is.
    pub table: TrackingTable,
    /// How long to wait for another runner (the advisory lock, or a claimed
    /// no-transaction migration) before giving up.
    pub lock_timeout: Duration,
    /// `statement_timeout`/`lock_timeout` for the migrations' own statements,
    /// applied with `SET LOCAL` in each migration's transaction (so they hold
    /// behind a transaction pooler too).
    pub settings: Settings,
    /// How many times a migration is retried after one of its statements
    /// timed out waiting for a lock (SQLSTATE 55P03, `lock_timeout`): a
    /// transactional one from the start (it was rolled back), one outside a
    /// transaction from the statement that timed out (those before it are
    /// committed). 0: never retried.
    pub lock_retries: u32,
    /// No retry starts later than this after the migration's first attempt.
    pub lock_retry_limit: Duration,
}

impl Default for MigrateOptions {
    fn default() -> Self {
        MigrateOptions {
            dry_run: false,
            to_tag: None,
            table: TrackingTable::default(),
            lock_timeout: Duration::from_secs(60),
            settings: Settings::default(),
            lock_retries: 0,
            lock_retry_limit: Duration::from_secs(60),
        }
    }
}

/// What [`migrate_with`] reports while it runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    /// A statement timed out waiting for a lock; the migration runs again
    /// after `backoff`.
    LockRetry {
        /// The migration.
        migration: MigrationRef,
        /// The attempt that failed (1 for the first).
        attempt: u32,
        /// The statement (breakpoint chunk) that timed out, 1-based.
        statement: Option<usize>,
        /// Its first line of SQL.
        first_line: String,
        /// How long the failed attempt took.
        elapsed: Duration,
        /// The wait before the next attempt.
        backoff: Duration,
        /// SQL statements of a no-transaction file that stay applied and are
        /// not run again (0 for a transactional file).
        resume_after: usize,
    },
    /// A statement has been running longer than [`Watch::after`] (reported
    /// again every [`Watch::every`] and when its index build changes phase),
    /// sent to [`Watch::report`] on the watching thread.
    Running {
        /// The migration.
        migration: MigrationRef,
        /// The statement (breakpoint chunk), 1-based.
        statement: usize,
        /// Statements (breakpoint chunks) in the file.
        total: usize,
        /// Its first line of SQL.
        first_line: String,
        /// How long it has been running.
        elapsed: Duration,
        /// The index build it is running (`pg_stat_progress_create_index`,
        /// read on a second connection), if any.
        index: Option<IndexProgress>,
    },
    /// An interrupted migration is being resumed (before its statements run).
    Resuming {
        /// The migration.
        migration: MigrationRef,
        /// Where and how.
        resumed: Resumed,
    },
}

/// The wait before retry `attempt` (1-based): 250 ms, doubling, at most 5 s.
pub fn lock_retry_backoff(attempt: u32) -> Duration {
    let ms = 250u64.saturating_mul(1u64 << attempt.saturating_sub(1).min(10));
    Duration::from_millis(ms.min(5_000))
}

/// One migration applied by [`migrate`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedReport {
    /// The entry.
    pub migration: MigrationRef,
    /// Wall time from `BEGIN` to `COMMIT`, any wait for the lock included.
    pub duration: Duration,
    /// Statements (breakpoint-separated chunks) run.
    pub statements: usize,
    /// `None` when it ran in one transaction; else why it could not.
    pub no_transaction: Option<String>,
    /// Applied after a newer migration (see [`PendingMigration::out_of_order`]).
    pub out_of_order: bool,
    /// Attempts it took (more than 1 after lock-timeout retries).
    pub attempts: u32,
    /// Set when this run resumed a migration whose earlier run was
    /// interrupted (its runner gone mid-file).
    pub resumed: Option<Resumed>,
}

/// How [`migrate`] resumed an interrupted migration run outside a
/// transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resumed {
    /// SQL statements the interrupted run had completed (not run again).
    pub after: usize,
    /// SQL statements in the file.
    pub total: usize,
    /// The first line of the statement the interrupted run was executing
    /// (`None` when it had completed them all).
    pub statement: Option<String>,
    /// What was done with that statement.
    pub action: String,
    /// `false`: the earlier run was interrupted (its runner gone); `true`:
    /// this run retries a statement that timed out waiting for a lock (a
    /// concurrent index build that did so left its index INVALID).
    pub after_lock_timeout: bool,
}

/// One migration [`migrate`] would apply (`dry_run`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedMigration {
    /// The entry.
    pub migration: MigrationRef,
    /// The file.
    pub path: PathBuf,
    /// Its statements.
    pub statements: Vec<Statement>,
    /// `None` when it would run in one transaction; else why it could not.
    pub no_transaction: Option<String>,
    /// Older than the newest applied migration.
    pub out_of_order: bool,
}

/// What [`migrate`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Whether this was a dry run.
    pub dry_run: bool,
    /// Applied now, in order.
    pub applied: Vec<AppliedReport>,
    /// What a dry run would apply.
    pub planned: Vec<PlannedMigration>,
    /// Pending when this run started but applied meanwhile by a concurrent runner.
    pub applied_by_another_runner: Vec<MigrationRef>,
    /// Rows with no journal entry (for a warning).
    pub unknown: Vec<TrackingRow>,
    /// Wall time of the whole run.
    pub total: Duration,
}

impl Report {
    /// True when there was nothing to apply.
    pub fn nothing_to_do(&self) -> bool {
        self.applied.is_empty() && self.planned.is_empty()
    }
}

/// Where a migration failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MigrationFailure {
    /// The file.
    pub path: PathBuf,
    /// The entry.
    pub migration: MigrationRef,
    /// 1-based statement (breakpoint chunk) number; `None` when the commit
    /// (deferred constraints) or the tracking row failed.
    pub statement: Option<usize>,
    /// Statements in the file.
    pub total_statements: usize,
    /// 1-based line in the file of the statement (or of the error position).
    pub line: usize,
    /// 1-based column of the error position, when PostgreSQL gave one.
    pub column: Option<usize>,
    /// The statement's first line of SQL.
    pub first_line: String,
    /// SQLSTATE.
    pub code: Option<String>,
    /// PostgreSQL's (or the driver's) message.
    pub message: String,
    /// PostgreSQL's detail.
    pub detail: Option<String>,
    /// PostgreSQL's hint.
    pub hint: Option<String>,
    /// PostgreSQL's 1-based character position in the statement.
    pub position: Option<u32>,
    /// `None` for a transactional file (rolled back entirely); for a file run
    /// outside a transaction, how many SQL statements stayed applied.
    pub left_applied: Option<usize>,
    /// Attempts made (more than 1 when it was retried after lock timeouts).
    pub attempts: u32,
}

impl std::fmt::Display for MigrationFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let file = self.path.display();
        match self.statement {
            Some(n) => write!(
                f,
                "migration {file} failed at statement {n} of {} (line {}: `{}`): {}",
                self.total_statements, self.line, self.first_line, self.message
            )?,
            None => write!(f, "migration {file} failed at commit: {}", self.message)?,
        }
        if let Some(code) = &self.code {
            write!(f, " [SQLSTATE {code}]")?;
        }
        if let Some(d) = &self.detail {
            write!(f, "; detail: {d}")?;
        }
        if let Some(h) = &self.hint {
            write!(f, "; hint: {h}")?;
        }
        if let Some(p) = self.position {
            write!(f, "; at character {p}")?;
            if let Some(c) = self.column {
                write!(f, " (line {}, column {c})", self.line)?;
            }
        }
        if self.attempts > 1 {
            write!(
                f,
                "; gave up after {} attempts, each timed out waiting for a lock: find the session holding it (pg_locks, pg_stat_activity) or raise --lock-retries / --lock-retry-seconds",
                self.attempts
            )?;
        }
        match self.left_applied {
            None => write!(
                f,
                "; the migration was rolled back and left no trace, earlier migrations stay applied; fix it and run `shale migrate` again"
            ),
            Some(k) => write!(
                f,
                "; this file runs outside a transaction, so its first {k} SQL statement(s) stayed applied; undo them or make them idempotent (IF NOT EXISTS) before running `shale migrate` again"
            ),
        }
    }
}

fn rollback_failure_text(f: &MigrationFailure) -> String {
    let file = f.path.display();
    let mut out = match f.statement {
        Some(n) => format!(
            "down file {file} failed at statement {n} of {} (line {}: `{}`): {}",
            f.total_statements, f.line, f.first_line, f.message
        ),
        None => format!("down file {file} failed at commit: {}", f.message),
    };
    if let Some(code) = &f.code {
        out.push_str(&format!(" [SQLSTATE {code}]"));
    }
    if let Some(d) = &f.detail {
        out.push_str(&format!("; detail: {d}"));
    }
    if let Some(h) = &f.hint {
        out.push_str(&format!("; hint: {h}"));
    }
    out.push_str(&format!(
        "; its transaction was rolled back, so {} stays applied (migrations rolled back before it stay rolled back); fix the down file, record it with `shale hash`, and run `shale rollback` again",
        f.migration.tag
    ));
    out
}

fn edited_lines(table: &str, edits: &[EditedMigration]) -> String {
    edits
        .iter()
        .map(|e| {
            format!(
                "migration {} was edited after it was applied (recorded sha256 {}, file sha256 {}); restore the file as it was applied (e.g. from git history) and put the change in a new migration, or if the edit is intentional and harmless record it with: UPDATE {table} SET hash = '{}' WHERE created_at = {}",
                e.path.display(),
                e.recorded_hash,
                e.file_hash,
                e.file_hash,
                e.migration.when
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Why [`status`] or [`migrate`] stopped. `Display` is one line per problem,
/// with what to do.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum RunError {
    /// The journal is for another database.
    #[error("the migrations folder is for {dialect}, not PostgreSQL; check `dialect` in shale.toml and the database url")]
    Dialect {
        /// The journal's dialect.
        dialect: String,
    },
    /// Applied migrations whose files changed; nothing was applied.
    #[error("{}", edited_lines(.table, .migrations))]
    Edited {
        /// The tracking table, quoted.
        table: String,
        /// The edited migrations.
        migrations: Vec<EditedMigration>,
    },
    /// `--to` names no journal entry.
    #[error("no migration tagged `{tag}` in the journal; --to takes a tag such as `{example}` (the file name without .sql)")]
    UnknownTarget {
        /// The tag given.
        tag: String,
        /// A real tag.
        example: String,
    },
    /// A migration failed and was rolled back.
    #[error("{0}")]
    Failed(Box<MigrationFailure>),
    /// Another runner held the lock too long.
    #[error("timed out after {seconds}s waiting for another `shale migrate` on this database (advisory lock {key}) before applying {tag}; let it finish and run again, or raise the lock timeout")]
    LockTimeout {
        /// The wait.
        seconds: u64,
        /// The lock key.
        key: i64,
        /// The migration about to run.
        tag: String,
    },
    /// Another runner is still applying a migration outside a transaction.
    #[error("timed out after {seconds}s waiting for {tag}, which another runner (backend pid {pid}) is applying outside a transaction; let it finish and run again (if no runner is at work, see `shale status`)")]
    StillRunning {
        /// The wait.
        seconds: u64,
        /// The migration.
        tag: String,
        /// The claiming backend.
        pid: i64,
    },
    /// A migration run outside a transaction was interrupted, and shale
    /// cannot resume it safely.
    #[error("migration {tag} runs outside a transaction and was interrupted after {done} of {total} SQL statement(s) (its runner is gone); shale does not resume it on its own: {why}; check which of its statements took effect and finish or undo them by hand, then either mark it applied with UPDATE {table} SET hash = '{hash}' WHERE created_at = {when}, or let it run again from the start with DELETE FROM {table} WHERE created_at = {when}")]
    Interrupted {
        /// The migration.
        tag: String,
        /// Statements completed.
        done: usize,
        /// Statements in the file.
        total: usize,
        /// Why it is not resumed.
        why: String,
        /// The tracking table, quoted.
        table: String,
        /// The file's hash.
        hash: String,
        /// The entry's when.
        when: i64,
    },
    /// A file that would end shale's transaction with its own `COMMIT` etc.
    #[error("migration {} controls transactions itself (statement {statement}: `{sql}`); remove its BEGIN/COMMIT, since shale runs each migration in its own transaction, or start the file with `-- shale:no-transaction`", path.display())]
    TransactionControl {
        /// The file.
        path: PathBuf,
        /// 1-based statement number.
        statement: usize,
        /// The statement.
        sql: String,
    },
    /// `rollback` refused: a migration to undo has no usable down file.
    /// Nothing was changed.
    #[error("{message}")]
    RollbackRefused {
        /// Every problem, one line each, naming the files.
        message: String,
        /// The problems.
        problems: Vec<rollback::RollbackProblem>,
    },
    /// `rollback` cannot go where it was asked (bad `--steps`/`--to`, a
    /// migration in progress). Nothing was changed.
    #[error("{message}")]
    Rollback {
        /// What is wrong, with what to do.
        message: String,
    },
    /// While `rollback` waited, another runner applied a migration newer
    /// than the one to undo; that one was left applied.
    #[error("another runner applied a newer migration (created_at {newer_when}) while this rollback waited, so {tag} was not rolled back (its down file assumes the schema before the newer one); see `shale status` and run `shale rollback` again")]
    NewerApplied {
        /// The migration that was to be undone.
        tag: String,
        /// The newer migration's `when`.
        newer_when: i64,
    },
    /// While `migrate` waited for the lock, a `rollback` undid a migration
    /// older than the next one to apply; nothing of that one was applied.
    #[error("another runner rolled back a migration older than {tag} while this migrate waited, so {tag} was not applied (it builds on the schema before the rollback); see `shale status` and run `shale migrate` again")]
    RolledBackMeanwhile {
        /// The migration that was to be applied.
        tag: String,
    },
    /// A down file failed; its transaction was rolled back, so its
    /// migration stays applied (and those undone before it stay undone).
    #[error("{}", rollback_failure_text(.0))]
    RollbackFailed(Box<MigrationFailure>),
    /// A query on the tracking table (or the connection) failed.
    #[error("{context}: {message}")]
    Database {
        /// What shale was doing.
        context: String,
        /// PostgreSQL's or the driver's message.
        message: String,
    },
}

impl RunError {
    /// True for problems with the migrations themselves (edited, failed,
    /// interrupted, transaction control): `shale migrate` exits 1. The others
    /// (connection, lock timeout, bad `--to`, dialect) mean it could not run: exit 2.
    pub fn is_finding(&self) -> bool {
        matches!(
            self,
            RunError::Edited { .. }
                | RunError::Failed(_)
                | RunError::RollbackRefused { .. }
                | RunError::RollbackFailed(_)
                | RunError::Interrupted { .. }
                | RunError::TransactionControl { .. }
        )
    }
}

fn db_err(context: impl Into<String>) -> impl FnOnce(postgres::Error) -> RunError {
    let context = context.into();
    move |e| RunError::Database {
        context,
        message: shale_db::error_line(&e),
    }
}

fn check_dialect(folder: &MigrationFolder) -> Result<(), RunError> {
    match folder.journal.dialect.as_str() {
        "postgresql" | "postgres" | "pg" => Ok(()),
        other => Err(RunError::Dialect {
            dialect: other.to_string(),
        }),
    }
}

/// Reports applied, pending, edited, unknown, out-of-order and in-progress
/// migrations. Read-only: creates nothing.
pub fn status(
    client: &mut Client,
    folder: &MigrationFolder,
    table: &TrackingTable,
) -> Result<Status, RunError> {
    check_dialect(folder)?;
    let context = format!("reading {}", table.qualified());
    let probe = table::probe(client, table).map_err(db_err(&context))?;
    let mut attempts = 0;
    loop {
        let rows = table::read_rows(client, table, &probe).map_err(db_err(&context))?;
        let st = compute_status(client, folder, &probe, rows)?;
        // A claim whose backend looked gone may just have finished; it is
        // interrupted only if its marker is still there after the check.
        let dead: Vec<String> = st
            .in_progress
            .iter()
            .filter(|p| !p.running)
            .map(|p| p.marker.render())
            .collect();
        attempts += 1;
        let done = dead.is_empty() || attempts == 3 || {
            let again = table::read_rows(client, table, &probe).map_err(db_err(&context))?;
            dead.iter().all(|d| again.iter().any(|r| &r.hash == d))
        };
        if done {
            let mut st = st;
            st.leftovers = leftovers(client)?;
            resumed_repairs(&mut st, folder);
            return Ok(st);
        }
    }
}

/// Points the repair of an INVALID index at `shale migrate` when the
/// interrupted migration it resumes was building that index.
fn resumed_repairs(st: &mut Status, folder: &MigrationFolder) {
    for p in st
        .in_progress
        .iter()
        .filter(|p| !p.running && p.not_resumable.is_none())
    {
        let Some(m) = folder.migration(&p.migration.tag) else {
            continue;
        };
        let Ok(shapes) = resumable(m, &p.marker) else {
            continue;
        };
        let Some(resume::Shape::CreateIndex { name, table }) = shapes.get(p.marker.done) else {
            continue;
        };
        let index = format!(".{}", quote_ident(name));
        for l in &mut st.leftovers {
            let same_table = &l.table == table || l.table.ends_with(&format!(".{table}"));
            if l.kind == LeftoverKind::InvalidIndex && l.name.ends_with(&index) && same_table {
                l.repair = format!(
                    "run `shale migrate`: it resumes the interrupted migration {}, which drops this index and builds it again \
                     (by hand: {})",
                    p.migration.tag, l.repair
                );
            }
        }
    }
}

fn compute_status(
    client: &mut Client,
    folder: &MigrationFolder,
    probe: &Probe,
    rows: Vec<TrackingRow>,
) -> Result<Status, RunError> {
    classify(folder, probe.table_exists(), rows, |marker| {
        backend_alive(client, marker)
    })
}

/// The journal index `--to TAG` stops after (`u32::MAX` without `--to`).
pub(crate) fn target_index(
    folder: &MigrationFolder,
    options: &MigrateOptions,
) -> Result<u32, RunError> {
    let Some(tag) = &options.to_tag else {
        return Ok(u32::MAX);
    };
    folder
        .journal
        .entry(tag)
        .map(|e| e.idx)
        .ok_or_else(|| unknown_target(folder, tag))
}

/// The migration a `--to`/baseline tag names, or [`RunError::UnknownTarget`].
pub(crate) fn migration_named<'a>(
    folder: &'a MigrationFolder,
    tag: &str,
) -> Result<&'a Migration, RunError> {
    folder
        .migration(tag)
        .ok_or_else(|| unknown_target(folder, tag))
}

fn unknown_target(folder: &MigrationFolder, tag: &str) -> RunError {
    RunError::UnknownTarget {
        tag: tag.to_string(),
        example: folder
            .journal
            .entries
            .last()
            .map_or("0000_init".into(), |e| e.tag.clone()),
    }
}

/// What [`plan_run`] decided.
pub(crate) enum Planned<'a> {
    /// Nothing to apply, or a dry run: the finished report.
    Done(Report),
    /// These migrations, in journal order, are to be applied.
    Apply {
        /// The migrations.
        todo: Vec<&'a Migration>,
        /// The tags of those older than the newest applied migration.
        out_of_order: HashSet<String>,
        /// The report so far.
        report: Report,
    },
}

/// Decides what a `migrate` run applies, the same way for both dialects:
/// refuses everything when an applied migration was edited, takes the pending
/// (and interrupted) migrations up to `--to`, refuses before anything runs a
/// file that would end the runner's transaction, and answers a dry run.
/// `outside_transaction` says why a file must run outside a transaction.
pub(crate) fn plan_run<'a>(
    folder: &'a MigrationFolder,
    st: Status,
    last_idx: u32,
    table: &str,
    options: &MigrateOptions,
    started: Instant,
    outside_transaction: impl Fn(&Migration) -> Option<String>,
) -> Result<Planned<'a>, RunError> {
    if !st.edited.is_empty() {
        return Err(RunError::Edited {
            table: table.to_string(),
            migrations: st.edited,
        });
    }
    let out_of_order: HashSet<String> = st
        .out_of_order()
        .iter()
        .map(|p| p.migration.tag.clone())
        .collect();
    let open: HashSet<&str> = st
        .pending
        .iter()
        .map(|p| p.migration.tag.as_str())
        .chain(st.in_progress.iter().map(|p| p.migration.tag.as_str()))
        .collect();
    let todo: Vec<&Migration> = folder
        .migrations
        .iter()
        .filter(|m| m.entry.idx <= last_idx && open.contains(m.tag()))
        .collect();
    let mut report = Report {
        dry_run: options.dry_run,
        unknown: st.unknown.clone(),
        ..Report::default()
    };
    for m in &todo {
        if outside_transaction(m).is_none() {
            if let Some((statement, sql)) = detect::transaction_control(&m.text) {
                return Err(RunError::TransactionControl {
                    path: m.path.clone(),
                    statement,
                    sql,
                });
            }
        }
    }
    if options.dry_run {
        report.planned = todo
            .iter()
            .map(|m| PlannedMigration {
                migration: MigrationRef::of(m),
                path: m.path.clone(),
                statements: m.statements(),
                no_transaction: outside_transaction(m),
                out_of_order: out_of_order.contains(m.tag()),
            })
            .collect();
    }
    if options.dry_run || todo.is_empty() {
        report.total = started.elapsed();
        return Ok(Planned::Done(report));
    }
    Ok(Planned::Apply {
        todo,
        out_of_order,
        report,
    })
}

/// Sorts the journal's migrations by what the tracking rows say: applied,
/// pending (and out of order), edited, in progress, plus rows with no entry.
/// The one classification both dialects use; `alive` tells whether the
/// runner that claimed a no-transaction migration is still at work.
pub(crate) fn classify(
    folder: &MigrationFolder,
    table_exists: bool,
    rows: Vec<TrackingRow>,
    mut alive: impl FnMut(&InProgressMarker) -> Result<bool, RunError>,
) -> Result<Status, RunError> {
    let newest = rows.iter().filter_map(|r| r.created_at).max();
    let mut st = Status {
        table_exists,
        ..Status::default()
    };
    let mut by_when: HashMap<i64, Vec<&TrackingRow>> = HashMap::new();
    for row in &rows {
        if let Some(w) = row.created_at {
            by_when.entry(w).or_default().push(row);
        }
    }
    for m in &folder.migrations {
        let r = MigrationRef::of(m);
        let matching = by_when.get(&m.entry.when).map_or(&[][..], Vec::as_slice);
        let Some(row) = matching
            .iter()
            .find(|row| same_file(&row.hash, m))
            .or(matching.first())
        else {
            let out_of_order = newest.is_some_and(|n| n > m.entry.when);
            st.pending.push(PendingMigration {
                migration: r,
                out_of_order,
            });
            continue;
        };
        if let Some(marker) = InProgressMarker::parse(&row.hash) {
            let running = alive(&marker)?;
            let statements = sql_statements(m);
            st.in_progress.push(InProgressMigration {
                migration: r,
                total_statements: statements.len(),
                not_resumable: resumable(m, &marker).err(),
                next_statement: statements.get(marker.done).map(|s| first_sql_line(&s.2)),
                file_hash: m.hash.clone(),
                marker,
                running,
            });
        } else if same_file(&row.hash, m) {
            st.applied.push(AppliedMigration {
                migration: r,
                row: (*row).clone(),
            });
        } else {
            st.edited.push(EditedMigration {
                migration: r,
                path: m.path.clone(),
                recorded_hash: row.hash.clone(),
                file_hash: m.hash.clone(),
            });
        }
    }
    let known: HashSet<i64> = folder.migrations.iter().map(|m| m.entry.when).collect();
    st.unknown = rows
        .into_iter()
        .filter(|row| !row.created_at.is_some_and(|w| known.contains(&w)))
        .collect();
    Ok(st)
}

/// Whether a recorded hash is this file's: the precomputed hash first, then
/// the line-ending-tolerant comparison.
pub(crate) fn same_file(recorded: &str, m: &Migration) -> bool {
    recorded.trim().eq_ignore_ascii_case(&m.hash) || sqlfile::hash_matches(recorded, &m.bytes)
}

fn backend_alive(client: &mut Client, marker: &InProgressMarker) -> Result<bool, RunError> {
    let rows = query_text(
        client,
        &format!(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity WHERE pid = {} \
             AND (extract(epoch FROM backend_start) * 1000000)::bigint = {})",
            marker.backend_pid, marker.backend_start_us
        ),
    )
    .map_err(db_err("checking whether a runner is still at work"))?;
    Ok(rows
        .first()
        .and_then(|r| r.first().cloned().flatten())
        .as_deref()
        == Some("t"))
}

/// The first line of SQL of a statement (comments left out).
fn first_sql_line(sql: &str) -> String {
    sql.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("--"))
        .unwrap_or("")
        .to_string()
}

/// Whether an interrupted claim of `m` can be resumed (see the `resume`
/// module): the file is the one the claim ran, and each of its statements
/// has a shape shale knows. The shapes, or why not.
fn resumable(m: &Migration, marker: &InProgressMarker) -> Result<Vec<resume::Shape>, String> {
    if !same_file(&marker.hash, m) {
        return Err(format!(
            "the file changed since the interrupted run (which ran sha256 {})",
            marker.hash
        ));
    }
    let statements = sql_statements(m);
    let total = statements.len();
    statements
        .iter()
        .enumerate()
        .map(|(k, (_, _, sql, _))| {
            resume::shape(sql).map_err(|why| {
                format!(
                    "its statement {} of {total} (`{}`) is not one it can re-run safely: {why}",
                    k + 1,
                    first_sql_line(sql)
                )
            })
        })
        .collect()
}

/// The SQL statements a file runs outside a transaction, one at a time, each
/// with its breakpoint chunk's number and its byte offset in that chunk.
fn sql_statements(m: &Migration) -> Vec<(usize, usize, String, Statement)> {
    let mut out = Vec::new();
    for (n, chunk) in m.statements().into_iter().enumerate() {
        let mut cursor = 0;
        for piece in sqlfile::split_sql_statements(&chunk.sql) {
            let offset = chunk.sql[cursor..]
                .find(&piece)
                .map_or(cursor, |i| cursor + i);
            cursor = offset + piece.len();
            out.push((n + 1, offset, piece, chunk.clone()));
        }
    }
    out
}

/// Applies pending migrations in journal order (see the crate docs for the
/// guarantees). Stops before applying anything when an applied migration was
/// edited; stops at the first failure, keeping what was applied before it.
pub fn migrate(
    client: &mut Client,
    folder: &MigrationFolder,
    options: &MigrateOptions,
) -> Result<Report, RunError> {
    migrate_with(client, folder, options, &mut |_| {})
}

/// [`migrate`], reporting each lock-timeout retry and resume to `progress`
/// as it happens.
pub fn migrate_with(
    client: &mut Client,
    folder: &MigrationFolder,
    options: &MigrateOptions,
    progress: &mut dyn FnMut(&Progress),
) -> Result<Report, RunError> {
    migrate_watching(client, folder, options, progress, None)
}

/// [`migrate_with`], also reporting statements that run long as `watch`
/// says ([`Progress::Running`]).
pub fn migrate_watching(
    client: &mut Client,
    folder: &MigrationFolder,
    options: &MigrateOptions,
    progress: &mut dyn FnMut(&Progress),
    watch: Option<&Watch<'_>>,
) -> Result<Report, RunError> {
    let started = Instant::now();
    check_dialect(folder)?;
    let t = &options.table;
    let last_idx = target_index(folder, options)?;
    let context = format!("reading {}", t.qualified());
    let probe = table::probe(client, t).map_err(db_err(&context))?;
    let rows = table::read_rows(client, t, &probe).map_err(db_err(&context))?;
    // The rows each migration expects before it (see `RowsBefore`).
    let mut seen: Vec<i64> = rows.iter().filter_map(|r| r.created_at).collect();
    let st = compute_status(client, folder, &probe, rows)?;
    let (todo, out_of_order, mut report) = match plan_run(
        folder,
        st,
        last_idx,
        &t.qualified(),
        options,
        started,
        |m| no_transaction_reason(&m.text),
    )? {
        Planned::Done(report) => return Ok(report),
        Planned::Apply {
            todo,
            out_of_order,
            report,
        } => (todo, out_of_order, report),
    };
    let has_name = ensure_table(client, t, options, probe)?;
    // The lock_timeout the migrations' statements run with, restored after the
    // advisory lock was taken under the runner's own wait bound.
    let restore = match &options.settings.lock_timeout {
        Some(v) => v.clone(),
        None => query_text(client, "SHOW lock_timeout")
            .map_err(db_err("reading lock_timeout"))?
            .first()
            .and_then(|r| r.first().cloned().flatten())
            .unwrap_or_else(|| "0".into()),
    };
    let run = |client: &mut Client, watcher: Option<&watch::Shared>| -> Result<(), RunError> {
        let ctx = Ctx {
            t,
            options,
            has_name,
            restore,
            watcher,
        };
        for m in todo {
            let ooo = out_of_order.contains(m.tag());
            let before = seen.iter().filter(|w| **w < m.entry.when).count();
            if !seen.contains(&m.entry.when) {
                seen.push(m.entry.when);
            }
            match apply_retrying(client, m, &ctx, before, progress)? {
                Outcome::Applied(mut r) => {
                    r.out_of_order = ooo;
                    report.applied.push(r);
                }
                Outcome::AlreadyApplied => {
                    report.applied_by_another_runner.push(MigrationRef::of(m))
                }
            }
        }
        Ok(())
    };
    match watch {
        Some(w) => {
            let pid = query_text(client, "SELECT pg_backend_pid()")
                .map_err(db_err("reading this session's backend pid"))?
                .first()
                .and_then(|r| r.first().cloned().flatten())
                .and_then(|p| p.parse().ok())
                .unwrap_or(0);
            watch::watching(w, pid, |shared| run(client, Some(shared)))?;
        }
        None => run(client, None)?,
    }
    report.total = started.elapsed();
    Ok(report)
}

/// Records `tag` as applied without running it: `shale pull --baseline`
/// adopts an existing database whose objects migration `tag` would create.
/// Refused when the database already records any migration (a baseline is the
/// first row of a history, never a rewrite of one). Returns `false` when the
/// row already exists (a rerun), `true` when it was recorded.
pub fn baseline(
    client: &mut Client,
    folder: &MigrationFolder,
    tag: &str,
    options: &MigrateOptions,
) -> Result<bool, RunError> {
    check_dialect(folder)?;
    let t = &options.table;
    let m = migration_named(folder, tag)?;
    let context = format!("recording the baseline in {}", t.qualified());
    let probe = table::probe(client, t).map_err(db_err(&context))?;
    let has_name = ensure_table(client, t, options, probe)?;
    lock(client, options, t, tag)?;
    let ctx = Ctx {
        t,
        options,
        has_name,
        restore: String::new(),
        watcher: None,
    };
    let result = (|| -> Result<bool, RunError> {
        let probe = table::probe(client, t).map_err(db_err(&context))?;
        let rows = table::read_rows(client, t, &probe).map_err(db_err(&context))?;
        if rows.iter().any(|r| r.created_at == Some(m.entry.when)) {
            return Ok(false);
        }
        if let Some(other) = rows.first() {
            return Err(RunError::Database {
                context: context.clone(),
                message: format!(
                    "the database already records migrations (row id {}, created_at {}): a baseline starts a history, \
                     use `shale status` and `shale migrate` on a database that has one",
                    other.id,
                    other.created_at.map_or("NULL".into(), |c| c.to_string())
                ),
            });
        }
        client
            .batch_execute(&insert_row_sql(&ctx, m, &m.hash))
            .map_err(db_err(&context))?;
        Ok(true)
    })();
    match result {
        Ok(recorded) => {
            client.batch_execute("COMMIT").map_err(db_err(&context))?;
            Ok(recorded)
        }
        Err(e) => {
            let _ = client.batch_execute("ROLLBACK");
            Err(e)
        }
    }
}

struct Ctx<'a> {
    t: &'a TrackingTable,
    options: &'a MigrateOptions,
    has_name: bool,
    restore: String,
    /// Tells the thread that reports long statements which one runs
    /// ([`migrate_watching`]).
    watcher: Option<&'a watch::Shared>,
}

enum Outcome {
    Applied(AppliedReport),
    AlreadyApplied,
}

/// Creates the tracking table if missing (and adds shale's optional columns),
/// under the advisory lock so concurrent runners do not race on the catalog.
/// Returns whether the `name` column exists.
fn ensure_table(
    client: &mut Client,
    t: &TrackingTable,
    options: &MigrateOptions,
    probe: Probe,
) -> Result<bool, RunError> {
    if probe.table_exists() && probe.has("name") && probe.has("applied_at") {
        return Ok(true);
    }
    let context = format!("creating {}", t.qualified());
    lock(client, options, t, "the tracking table")?;
    // Look again: another runner may have created it while we waited.
    let probe = table::probe(client, t).map_err(db_err(&context))?;
    let create = table::create_sql(t, &probe);
    if let Err(e) = client.batch_execute(&create) {
        let _ = client.batch_execute("ROLLBACK");
        return Err(db_err(context)(e));
    }
    client.batch_execute("COMMIT").map_err(db_err(&context))?;
    let probe = table::probe(client, t).map_err(db_err(&context))?;
    if let Some(alter) = table::extra_columns_sql(t, &probe) {
        // Optional: a table created by drizzle and owned by another role may
        // not be alterable; shale works without these columns.
        lock(client, options, t, "the tracking table")?;
        if client.batch_execute(&format!("{alter} COMMIT")).is_err() {
            let _ = client.batch_execute("ROLLBACK");
        }
    }
    let probe = table::probe(client, t).map_err(db_err(&context))?;
    Ok(probe.has("name"))
}

/// `BEGIN` and take the advisory lock, waiting at most the lock timeout.
fn lock(
    client: &mut Client,
    options: &MigrateOptions,
    t: &TrackingTable,
    what: &str,
) -> Result<(), RunError> {
    let ms = options.lock_timeout.as_millis().max(1);
    let sql = format!(
        "BEGIN; SET LOCAL lock_timeout = '{ms}ms'; SELECT pg_advisory_xact_lock({});",
        t.lock_key()
    );
    if let Err(e) = client.batch_execute(&sql) {
        let _ = client.batch_execute("ROLLBACK");
        if e.code().map(|c| c.code()) == Some("55P03") {
            return Err(RunError::LockTimeout {
                seconds: options.lock_timeout.as_secs(),
                key: t.lock_key(),
                tag: what.to_string(),
            });
        }
        return Err(db_err("taking the migration lock")(e));
    }
    Ok(())
}

/// What the migration's row says, read under the lock.
enum RowState {
    /// No row; when an insert was asked for, this runner's row is now in
    /// the open transaction.
    Absent,
    /// No row was read, yet the insert found one.
    Raced,
    Applied(String),
    Claimed(InProgressMarker),
}

/// In one round trip: `BEGIN`, take the advisory lock (bounded wait), restore
/// the statements' `lock_timeout`, apply the settings, read the migration's
/// row and, when `insert` is given, insert the tracking row if there is none
/// (it commits or rolls back with the migration's statements).
fn lock_and_read(
    client: &mut Client,
    begin: &str,
    ctx: &Ctx<'_>,
    m: &Migration,
    insert: Option<&str>,
    rows_before: usize,
) -> Result<RowState, RunError> {
    // Rows older than the migration, counted under the lock: fewer than this
    // runner saw (or applied) means a `rollback` undid a migration this one
    // builds on while it waited; checked before the insert, in one round trip.
    let sql = format!(
        "{begin} SELECT hash FROM {t} WHERE created_at = {w} ORDER BY id;          SELECT count(*) AS shale_before FROM {t} WHERE created_at < {w}; {}",
        insert.unwrap_or(""),
        t = ctx.t.qualified(),
        w = m.entry.when,
    );
    let messages = match client.simple_query(&sql) {
        Ok(messages) => messages,
        Err(e) => {
            let _ = client.batch_execute("ROLLBACK");
            if e.code().map(|c| c.code()) == Some("55P03") {
                return Err(RunError::LockTimeout {
                    seconds: ctx.options.lock_timeout.as_secs(),
                    key: ctx.t.lock_key(),
                    tag: m.tag().to_string(),
                });
            }
            return Err(db_err(format!("locking and reading {}", ctx.t.qualified()))(e));
        }
    };
    let before: Option<usize> = messages.iter().find_map(|msg| match msg {
        postgres::SimpleQueryMessage::Row(r)
            if r.columns()
                .first()
                .is_some_and(|c| c.name() == "shale_before") =>
        {
            r.get(0).and_then(|n| n.parse().ok())
        }
        _ => None,
    });
    if before.is_some_and(|n| n < rows_before) {
        let _ = client.batch_execute("ROLLBACK");
        return Err(RunError::RolledBackMeanwhile {
            tag: m.tag().to_string(),
        });
    }
    // Only the `hash` SELECT has a `hash` column (the lock's SELECT returns one
    // void row of its own).
    let hashes: Vec<String> = messages
        .iter()
        .filter_map(|msg| match msg {
            postgres::SimpleQueryMessage::Row(r)
                if r.columns().first().is_some_and(|c| c.name() == "hash") =>
            {
                r.get(0).map(str::to_string)
            }
            _ => None,
        })
        .collect();
    let inserted = messages.iter().any(|msg| {
        matches!(msg, postgres::SimpleQueryMessage::Row(r)
            if r.columns().first().is_some_and(|c| c.name() == "shale_inserted"))
    });
    if let Some(h) = hashes.iter().find(|h| same_file(h, m)) {
        return Ok(RowState::Applied(h.clone()));
    }
    Ok(match hashes.into_iter().next() {
        // A row appeared between the read and the insert: only a writer not
        // taking shale's lock (drizzle's migrator) can do that; look again.
        None if insert.is_some() && !inserted => RowState::Raced,
        None => RowState::Absent,
        Some(h) => match InProgressMarker::parse(&h) {
            Some(marker) => RowState::Claimed(marker),
            None => RowState::Applied(h),
        },
    })
}

/// [`apply`], retried with backoff while a statement times out waiting for
/// a lock (bounded by `lock_retries` and `lock_retry_limit`).
fn apply_retrying(
    client: &mut Client,
    m: &Migration,
    ctx: &Ctx<'_>,
    rows_before: usize,
    progress: &mut dyn FnMut(&Progress),
) -> Result<Outcome, RunError> {
    let first = Instant::now();
    let mut attempt = 1u32;
    let mut resume = 0usize;
    loop {
        let started = Instant::now();
        match apply(client, m, ctx, rows_before, resume, attempt > 1, progress) {
            Ok(Outcome::Applied(mut r)) => {
                r.attempts = attempt;
                return Ok(Outcome::Applied(r));
            }
            Err(RunError::Failed(mut f)) if f.code.as_deref() == Some("55P03") => {
                let backoff = lock_retry_backoff(attempt);
                let retry = attempt <= ctx.options.lock_retries
                    && first.elapsed() + backoff <= ctx.options.lock_retry_limit;
                if !retry {
                    f.attempts = attempt;
                    return Err(RunError::Failed(f));
                }
                // Outside a transaction the statements before the one that
                // timed out are committed: the next attempt starts at it.
                resume = f.left_applied.unwrap_or(0);
                progress(&Progress::LockRetry {
                    migration: MigrationRef::of(m),
                    attempt,
                    statement: f.statement,
                    first_line: f.first_line.clone(),
                    elapsed: started.elapsed(),
                    backoff,
                    resume_after: resume,
                });
                std::thread::sleep(backoff);
                attempt += 1;
            }
            other => return other,
        }
    }
}

/// Applies one migration, or finds it applied by another runner (stopping
/// when fewer than `rows_before` older migrations are recorded: a rollback
/// undid one meanwhile). `resume`:
/// SQL statements of a no-transaction file already applied by an earlier
/// attempt of this run, not run again (its `SET`s are, to restore them).
fn apply(
    client: &mut Client,
    m: &Migration,
    ctx: &Ctx<'_>,
    rows_before: usize,
    resume: usize,
    retrying: bool,
    progress: &mut dyn FnMut(&Progress),
) -> Result<Outcome, RunError> {
    let no_transaction = no_transaction_reason(&m.text);
    let wait_started = Instant::now();
    let ms = ctx.options.lock_timeout.as_millis().max(1);
    let begin = format!(
        "BEGIN; SET LOCAL lock_timeout = '{ms}ms'; SELECT pg_advisory_xact_lock({}); SET LOCAL lock_timeout = {}; {}",
        ctx.t.lock_key(),
        quote_literal(&ctx.restore),
        ctx.options.settings.set_sql(true)
    );
    // A transactional migration inserts its tracking row in the same round
    // trip as the lock; outside a transaction the row is a claim instead.
    let insert = no_transaction
        .is_none()
        .then(|| insert_if_absent_sql(ctx, m));
    let mut last_dead: Option<InProgressMarker> = None;
    loop {
        let started = Instant::now();
        match lock_and_read(client, &begin, ctx, m, insert.as_deref(), rows_before)? {
            RowState::Raced => {
                let _ = client.batch_execute("ROLLBACK");
                continue;
            }
            RowState::Absent => {
                return match &no_transaction {
                    None => apply_in_transaction(client, m, ctx, started),
                    Some(reason) => apply_outside_transaction(
                        client,
                        m,
                        ctx,
                        reason.clone(),
                        started,
                        (resume, retrying),
                        progress,
                    ),
                }
            }
            RowState::Applied(hash) => {
                let _ = client.batch_execute("ROLLBACK");
                if !same_file(&hash, m) {
                    return Err(RunError::Edited {
                        table: ctx.t.qualified(),
                        migrations: vec![EditedMigration {
                            migration: MigrationRef::of(m),
                            path: m.path.clone(),
                            recorded_hash: hash,
                            file_hash: m.hash.clone(),
                        }],
                    });
                }
                return Ok(Outcome::AlreadyApplied);
            }
            RowState::Claimed(marker) => {
                let _ = client.batch_execute("ROLLBACK");
                if !backend_alive(client, &marker)? {
                    // The claimer may have finished between our read and the
                    // liveness check: only a marker seen again after its
                    // backend was found gone is an interrupted run.
                    if last_dead.as_ref() != Some(&marker) {
                        last_dead = Some(marker);
                        continue;
                    }
                    let shapes = resumable(m, &marker).map_err(|why| RunError::Interrupted {
                        tag: m.tag().to_string(),
                        done: marker.done,
                        total: sql_statements(m).len(),
                        why,
                        table: ctx.t.qualified(),
                        hash: m.hash.clone(),
                        when: m.entry.when,
                    })?;
                    // Under the lock, the claim becomes this runner's; a
                    // runner that took it over first makes the update miss,
                    // and this one waits for it like for any claim.
                    let Some((mine, check)) = take_over(client, &begin, ctx, m, &marker)? else {
                        continue;
                    };
                    let reason = no_transaction
                        .clone()
                        .unwrap_or_else(|| "it was claimed to run outside a transaction".into());
                    let run = OutsideRun {
                        reason,
                        started,
                        marker: mine,
                        resume: marker.done,
                        resuming: Some(Resuming {
                            in_doubt: shapes.get(marker.done).cloned(),
                            dead: Some(marker),
                        }),
                        check_client: check,
                    };
                    return run_outside_transaction(client, m, ctx, run, progress);
                }
                if wait_started.elapsed() >= ctx.options.lock_timeout {
                    return Err(RunError::StillRunning {
                        seconds: ctx.options.lock_timeout.as_secs(),
                        tag: m.tag().to_string(),
                        pid: marker.backend_pid,
                    });
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
}

/// Line and column in the file of a 1-based character `position` in `sent`,
/// which starts at byte `offset` of the chunk `stmt`.
fn locate(
    stmt: &Statement,
    offset: usize,
    sent: &str,
    position: Option<u32>,
) -> (usize, Option<usize>) {
    let leading = stmt
        .sql
        .lines()
        .take_while(|l| l.trim().is_empty() || l.trim().starts_with("--"))
        .count();
    let chunk_start = stmt.line.saturating_sub(leading);
    let byte_in_sent = match position {
        Some(p) => sent
            .char_indices()
            .nth(p.saturating_sub(1) as usize)
            .map_or(sent.len(), |(i, _)| i),
        None => {
            // No position: the line of the statement's first SQL line.
            let skip = sent
                .lines()
                .take_while(|l| l.trim().is_empty() || l.trim().starts_with("--"))
                .count();
            sent.split_inclusive('\n').take(skip).map(str::len).sum()
        }
    };
    let abs = (offset + byte_in_sent).min(stmt.sql.len());
    let before = &stmt.sql[..floor_char_boundary(&stmt.sql, abs)];
    let line = chunk_start + before.matches('\n').count();
    let column = position.map(|_| before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1);
    (line, column)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn failure(
    m: &Migration,
    statement: Option<(usize, &Statement, usize, &str)>,
    total: usize,
    e: &postgres::Error,
    left_applied: Option<usize>,
) -> RunError {
    let db = e.as_db_error();
    let position = db.and_then(|d| match d.position() {
        Some(postgres::error::ErrorPosition::Original(p)) => Some(*p),
        _ => None,
    });
    let (n, line, column, first_line) = match statement {
        Some((n, stmt, offset, sent)) => {
            let (line, column) = locate(stmt, offset, sent, position);
            let first = sent
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.starts_with("--"))
                .unwrap_or(stmt.first_line())
                .to_string();
            (Some(n), line, column, first)
        }
        None => (None, 0, None, String::new()),
    };
    RunError::Failed(Box::new(MigrationFailure {
        path: m.path.clone(),
        migration: MigrationRef::of(m),
        statement: n,
        total_statements: total,
        line,
        column,
        first_line,
        code: db.map(|d| d.code().code().to_string()),
        message: db.map_or_else(|| shale_db::error_line(e), |d| d.message().to_string()),
        detail: db.and_then(|d| d.detail().map(str::to_string)),
        hint: db.and_then(|d| d.hint().map(str::to_string)),
        position,
        left_applied,
        attempts: 1,
    }))
}

fn insert_row_sql(ctx: &Ctx<'_>, m: &Migration, hash: &str) -> String {
    if ctx.has_name {
        format!(
            "INSERT INTO {} (hash, created_at, name) VALUES ({}, {}, {});",
            ctx.t.qualified(),
            quote_literal(hash),
            m.entry.when,
            quote_literal(m.tag())
        )
    } else {
        format!(
            "INSERT INTO {} (hash, created_at) VALUES ({}, {});",
            ctx.t.qualified(),
            quote_literal(hash),
            m.entry.when
        )
    }
}

/// `INSERT` of the tracking row unless one exists for the entry, returning
/// a `shale_inserted` column when it inserted.
fn insert_if_absent_sql(ctx: &Ctx<'_>, m: &Migration) -> String {
    let t = ctx.t.qualified();
    let (columns, name) = if ctx.has_name {
        (
            "hash, created_at, name",
            format!(", {}", quote_literal(m.tag())),
        )
    } else {
        ("hash, created_at", String::new())
    };
    format!(
        "INSERT INTO {t} ({columns}) SELECT {}, {w}{name} WHERE NOT EXISTS (SELECT 1 FROM {t} WHERE created_at = {w}) RETURNING 1 AS shale_inserted;",
        quote_literal(&m.hash),
        w = m.entry.when
    )
}

/// Runs the statements in the transaction [`lock_and_read`] opened (which
/// already holds the tracking row), then commits.
///
/// The `COMMIT` is its own message, never appended to the last statement:
/// PostgreSQL runs a message to its end even when the client is gone, so a
/// runner killed during a long last statement would otherwise commit it
/// behind the operator's back. Sent separately, a killed runner's migration
/// is always rolled back.
fn apply_in_transaction(
    client: &mut Client,
    m: &Migration,
    ctx: &Ctx<'_>,
    started: Instant,
) -> Result<Outcome, RunError> {
    let statements = m.statements();
    let total = statements.len();
    for (i, stmt) in statements.iter().enumerate() {
        if let Err(e) = execute(client, ctx, m, (i + 1, total), &stmt.sql) {
            let _ = client.batch_execute("ROLLBACK");
            return Err(failure(
                m,
                Some((i + 1, stmt, 0, &stmt.sql)),
                total,
                &e,
                None,
            ));
        }
    }
    if let Err(e) = client.batch_execute("COMMIT") {
        let _ = client.batch_execute("ROLLBACK");
        return Err(failure(m, None, total, &e, None));
    }
    Ok(Outcome::Applied(AppliedReport {
        migration: MigrationRef::of(m),
        duration: started.elapsed(),
        statements: total,
        no_transaction: None,
        out_of_order: false,
        attempts: 1,
        resumed: None,
    }))
}

/// This backend's pid and start time (the claim's identity), and whether
/// the server has `client_connection_check_interval` (PostgreSQL 14+).
fn claimer(client: &mut Client) -> Result<(i64, i64, bool), postgres::Error> {
    let me = query_text(
        client,
        "SELECT pg_backend_pid(), (extract(epoch FROM backend_start) * 1000000)::bigint, \
         current_setting('server_version_num')::int >= 140000 \
         FROM pg_catalog.pg_stat_activity WHERE pid = pg_backend_pid()",
    )?;
    let field = |i: usize| me.first().and_then(|r| r.get(i).cloned().flatten());
    let number = |i: usize| field(i).and_then(|v| v.parse().ok()).unwrap_or(0);
    Ok((number(0), number(1), field(2).as_deref() == Some("t")))
}

/// Takes over the claim of a runner found gone, in one locked transaction:
/// the row's marker becomes this runner's (same statements done) only if it
/// is still `dead`'s. `None` when another runner took it over first.
fn take_over(
    client: &mut Client,
    begin: &str,
    ctx: &Ctx<'_>,
    m: &Migration,
    dead: &InProgressMarker,
) -> Result<Option<(InProgressMarker, bool)>, RunError> {
    let context = format!("resuming {} in {}", m.tag(), ctx.t.qualified());
    if let Err(e) = client.batch_execute(begin) {
        let _ = client.batch_execute("ROLLBACK");
        if e.code().map(|c| c.code()) == Some("55P03") {
            return Err(RunError::LockTimeout {
                seconds: ctx.options.lock_timeout.as_secs(),
                key: ctx.t.lock_key(),
                tag: m.tag().to_string(),
            });
        }
        return Err(db_err(context)(e));
    }
    let result = (|| {
        let (pid, start, check) = claimer(client)?;
        let mine = InProgressMarker {
            backend_pid: pid,
            backend_start_us: start,
            done: dead.done,
            hash: m.hash.clone(),
        };
        let updated = query_text(
            client,
            &format!(
                "UPDATE {} SET hash = {} WHERE created_at = {} AND hash = {} RETURNING 1",
                ctx.t.qualified(),
                quote_literal(&mine.render()),
                m.entry.when,
                quote_literal(&dead.render())
            ),
        )?;
        Ok((updated.len() == 1).then_some((mine, check)))
    })();
    match result {
        Ok(Some(mine)) => {
            client.batch_execute("COMMIT").map_err(db_err(&context))?;
            Ok(Some(mine))
        }
        Ok(None) => {
            let _ = client.batch_execute("ROLLBACK");
            Ok(None)
        }
        Err(e) => {
            let _ = client.batch_execute("ROLLBACK");
            Err(db_err(context)(e))
        }
    }
}

fn apply_outside_transaction(
    client: &mut Client,
    m: &Migration,
    ctx: &Ctx<'_>,
    reason: String,
    started: Instant,
    (resume, retrying): (usize, bool),
    progress: &mut dyn FnMut(&Progress),
) -> Result<Outcome, RunError> {
    let t = ctx.t.qualified();
    let claim_ctx = format!("claiming {} in {t}", m.tag());
    // Still inside the locked transaction: record the claim.
    let (pid, start, check) = match claimer(client) {
        Ok(me) => me,
        Err(e) => {
            let _ = client.batch_execute("ROLLBACK");
            return Err(db_err(claim_ctx)(e));
        }
    };
    let marker = InProgressMarker {
        backend_pid: pid,
        backend_start_us: start,
        done: resume,
        hash: m.hash.clone(),
    };
    if let Err(e) = client.batch_execute(&format!(
        "{} COMMIT;",
        insert_row_sql(ctx, m, &marker.render())
    )) {
        let _ = client.batch_execute("ROLLBACK");
        return Err(db_err(claim_ctx)(e));
    }
    // Retried after a statement timed out on a lock: a concurrent index
    // build that did so left its index INVALID, to drop and build again.
    let in_doubt = sql_statements(m)
        .get(resume)
        .and_then(|s| resume::shape(&s.2).ok())
        .filter(|s| retrying && matches!(s, resume::Shape::CreateIndex { .. }));
    let run = OutsideRun {
        reason,
        started,
        marker,
        resume,
        resuming: in_doubt.map(|shape| Resuming {
            dead: None,
            in_doubt: Some(shape),
        }),
        check_client: check,
    };
    run_outside_transaction(client, m, ctx, run, progress)
}

/// A claimed migration about to run outside a transaction.
struct OutsideRun {
    reason: String,
    started: Instant,
    /// This runner's claim.
    marker: InProgressMarker,
    /// SQL statements already applied, not run again.
    resume: usize,
    /// Resuming an interrupted run (taken over from `dead`).
    resuming: Option<Resuming>,
    /// Whether to set `client_connection_check_interval`.
    check_client: bool,
}

/// A statement in doubt: that of an interrupted run being resumed, or one
/// retried after it timed out on a lock.
struct Resuming {
    /// The claim of the runner that was interrupted; `None` when this run
    /// retries the statement after it timed out on a lock.
    dead: Option<InProgressMarker>,
    /// The shape of the statement it was running (`None` when it had
    /// completed them all).
    in_doubt: Option<resume::Shape>,
}

/// How often the server checks, while a statement of a file run outside a
/// transaction runs, that the runner is still connected: a killed runner's
/// `CREATE INDEX CONCURRENTLY` stops (leaving an INVALID index the next run
/// rebuilds) instead of going on with no one to record it.
const CLIENT_CHECK: &str = "SET client_connection_check_interval = '1s';";

fn run_outside_transaction(
    client: &mut Client,
    m: &Migration,
    ctx: &Ctx<'_>,
    run: OutsideRun,
    progress: &mut dyn FnMut(&Progress),
) -> Result<Outcome, RunError> {
    let t = ctx.t.qualified();
    let OutsideRun {
        reason,
        started,
        mut marker,
        resume,
        resuming,
        check_client,
    } = run;
    let statements = sql_statements(m);
    let total = statements.len();
    let chunks = m.statements().len();
    let mut resumed = None;
    if let Some(Resuming { dead, in_doubt }) = &resuming {
        let decided = match in_doubt {
            Some(shape) => resume::decide(client, shape),
            None => Ok(Ok(resume::Action::Skip(
                "every statement had completed; only the record was missing".into(),
            ))),
        };
        let action = match (decided, dead) {
            (Ok(Ok(action)), _) => action,
            // A retry runs the statement as written: it fails on its own.
            (Ok(Err(_)), None) => resume::Action::Run(String::new()),
            (Err(e), None) => {
                release_claim(client, ctx, m, &marker);
                return Err(e);
            }
            (Ok(Err(why)), Some(dead)) => {
                hand_back_claim(client, ctx, m, &marker, dead);
                return Err(RunError::Interrupted {
                    tag: m.tag().to_string(),
                    done: resume,
                    total,
                    why,
                    table: t,
                    hash: m.hash.clone(),
                    when: m.entry.when,
                });
            }
            (Err(e), Some(dead)) => {
                hand_back_claim(client, ctx, m, &marker, dead);
                return Err(e);
            }
        };
        let info = Resumed {
            after: resume,
            total,
            statement: statements.get(resume).map(|s| first_sql_line(&s.2)),
            action: action.describe(),
            after_lock_timeout: dead.is_none(),
        };
        if dead.is_some() || !matches!(action, resume::Action::Run(_)) {
            progress(&Progress::Resuming {
                migration: MigrationRef::of(m),
                resumed: info.clone(),
            });
        }
        resumed = Some((info, action));
    }
    let mut session = ctx.options.settings.set_sql(false);
    if check_client {
        session.push_str(CLIENT_CHECK);
    }
    if let Err(e) = client.batch_execute(&session) {
        release_claim(client, ctx, m, &marker);
        return Err(db_err("applying statement_timeout/lock_timeout")(e));
    }
    for (k, (n, offset, sql, chunk)) in statements.iter().enumerate() {
        if k < resume {
            // Applied by an earlier attempt; a `SET` is session state the
            // settings above replaced, so it runs again.
            if is_set(sql) {
                client
                    .batch_execute(sql)
                    .map_err(db_err(format!("restoring a setting of {}", m.tag())))?;
            }
            continue;
        }
        let mut skip = false;
        if k == resume {
            match resumed.as_ref().map(|(_, a)| a) {
                Some(resume::Action::Skip(_)) => skip = true,
                Some(resume::Action::DropInvalidThenRun(index)) => {
                    let drop = format!("DROP INDEX CONCURRENTLY IF EXISTS {index};");
                    if let Err(e) = execute(client, ctx, m, (*n, chunks), &drop) {
                        release_claim(client, ctx, m, &marker);
                        return Err(failure(
                            m,
                            Some((*n, chunk, *offset, sql)),
                            chunks,
                            &e,
                            Some(k),
                        ));
                    }
                }
                Some(resume::Action::Run(_)) | None => {}
            }
        }
        if !skip {
            if let Err(e) = execute(client, ctx, m, (*n, chunks), sql) {
                release_claim(client, ctx, m, &marker);
                return Err(failure(
                    m,
                    Some((*n, chunk, *offset, sql)),
                    chunks,
                    &e,
                    Some(k),
                ));
            }
        }
        let previous = marker.render();
        marker.done = k + 1;
        let progress_hash = if k + 1 == total {
            m.hash.clone()
        } else {
            marker.render()
        };
        let update = format!(
            "UPDATE {t} SET hash = {} WHERE created_at = {} AND hash = {}",
            quote_literal(&progress_hash),
            m.entry.when,
            quote_literal(&previous)
        );
        client
            .batch_execute(&update)
            .map_err(db_err(format!("recording progress of {} in {t}", m.tag())))?;
    }
    if resume >= total {
        // Nothing ran (an empty file, or an interrupted run that had
        // completed every statement but not recorded the last).
        let update = format!(
            "UPDATE {t} SET hash = {} WHERE created_at = {} AND hash = {}",
            quote_literal(&m.hash),
            m.entry.when,
            quote_literal(&marker.render())
        );
        client
            .batch_execute(&update)
            .map_err(db_err(format!("recording {} in {t}", m.tag())))?;
    }
    if check_client {
        let _ = client.batch_execute("RESET client_connection_check_interval;");
    }
    Ok(Outcome::Applied(AppliedReport {
        migration: MigrationRef::of(m),
        duration: started.elapsed(),
        statements: chunks,
        no_transaction: Some(reason),
        out_of_order: false,
        attempts: 1,
        resumed: resumed
            .map(|(info, _)| info)
            .filter(|info| !info.after_lock_timeout),
    }))
}

/// Whether a SQL statement (after its comments) is a `SET`.
fn is_set(sql: &str) -> bool {
    let body = sqlfile::strip_leading_comments(sql);
    body.get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case("SET "))
}

/// Puts back the interrupted runner's claim when a resume stopped before
/// running anything, so the migration stays reported as interrupted.
fn hand_back_claim(
    client: &mut Client,
    ctx: &Ctx<'_>,
    m: &Migration,
    mine: &InProgressMarker,
    dead: &InProgressMarker,
) {
    let _ = client.batch_execute(&format!(
        "UPDATE {} SET hash = {} WHERE created_at = {} AND hash = {}",
        ctx.t.qualified(),
        quote_literal(&dead.render()),
        m.entry.when,
        quote_literal(&mine.render())
    ));
}

/// Runs one SQL statement (of breakpoint chunk `statement` of `total`) of a
/// migration on the migrating connection, telling the watching thread, if
/// any, while it runs.
fn execute(
    client: &mut Client,
    ctx: &Ctx<'_>,
    m: &Migration,
    (statement, total): (usize, usize),
    sql: &str,
) -> Result<(), postgres::Error> {
    let Some(watcher) = ctx.watcher else {
        return client.batch_execute(sql);
    };
    watcher.start(&MigrationRef::of(m), statement, total, sql);
    let result = client.batch_execute(sql);
    watcher.end();
    result
}

/// Removes this runner's claim after a failure, so a rerun starts the file
/// from its first statement.
fn release_claim(client: &mut Client, ctx: &Ctx<'_>, m: &Migration, marker: &InProgressMarker) {
    let _ = client.batch_execute(&format!(
        "DELETE FROM {} WHERE created_at = {} AND hash = {}",
        ctx.t.qualified(),
        m.entry.when,
        quote_literal(&marker.render())
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_positions_in_the_file() {
        let text =
            "-- hazard: X y\n\nSELECT 1;\n--> statement-breakpoint\nSELECT\n  nope FROM t;\n";
        let stmts = sqlfile::split(text);
        let s = &stmts[1];
        // "SELECT\n  nope": 'n' of nope is character 10.
        assert_eq!(locate(s, 0, &s.sql, Some(10)), (6, Some(3)));
        assert_eq!(locate(s, 0, &s.sql, None), (5, None));
        let s0 = &stmts[0];
        assert_eq!(locate(s0, 0, &s0.sql, None), (3, None));
        assert_eq!(locate(s0, 0, &s0.sql, Some(1000)).0, 3);
    }

    #[test]
    fn lock_retry_backoff_doubles_up_to_five_seconds() {
        let ms: Vec<u128> = (1..=7).map(|a| lock_retry_backoff(a).as_millis()).collect();
        assert_eq!(ms, [250, 500, 1000, 2000, 4000, 5000, 5000]);
        assert_eq!(lock_retry_backoff(u32::MAX).as_millis(), 5000);
    }

    #[test]
    fn set_statements_are_recognised_after_comments() {
        assert!(is_set("-- why\nSET lock_timeout = '2s';"));
        assert!(is_set("set local lock_timeout = 0;"));
        assert!(!is_set("SELECT 1;"));
        assert!(!is_set("SETTLE;"));
    }

    #[test]
    fn failure_message_is_one_line() {
        let f = MigrationFailure {
            path: "migrations/0002_x.sql".into(),
            migration: MigrationRef {
                idx: 2,
                tag: "0002_x".into(),
                when: 3,
            },
            statement: Some(3),
            total_statements: 4,
            line: 7,
            column: Some(15),
            first_line: "INSERT INTO nope VALUES (1);".into(),
            code: Some("42P01".into()),
            message: "relation \"nope\" does not exist".into(),
            detail: None,
            hint: Some("create it".into()),
            position: Some(13),
            left_applied: None,
            attempts: 1,
        };
        let s = f.to_string();
        assert!(!s.contains('\n'));
        assert!(s.starts_with("migration migrations/0002_x.sql failed at statement 3 of 4 (line 7: `INSERT INTO nope VALUES (1);`): relation \"nope\" does not exist [SQLSTATE 42P01]; hint: create it; at character 13 (line 7, column 15)"), "{s}");
    }
}
