//! Progress while a long statement runs: the statement runs on a scoped
//! thread, and the calling thread, once it has run longer than
//! [`Watch::after`], reports its elapsed time and, for index builds, the
//! phase and counts of `pg_stat_progress_create_index`, read on a second
//! connection (never the migrating one, which is busy with the statement).

use std::cell::RefCell;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use postgres::Client;

use crate::table::query_text;

/// How [`crate::migrate_watching`] reports long statements.
pub struct Watch<'a> {
    /// A statement still running after this long is reported
    /// ([`crate::Progress::Running`]), then again every [`Watch::every`] and
    /// whenever its index build changes phase.
    pub after: Duration,
    /// The interval between two reports of the same phase.
    pub every: Duration,
    /// Opens the connection progress is read on. Called at most once per
    /// run, the first time a statement runs longer than `after`; an error
    /// leaves the reports without the index build's phase.
    pub connect: &'a dyn Fn() -> Result<Client, String>,
}

/// How often a running statement's index-build phase is read.
const POLL: Duration = Duration::from_secs(1);

/// An index build's progress, a row of `pg_stat_progress_create_index`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndexProgress {
    /// `CREATE INDEX CONCURRENTLY`, `REINDEX`, …
    pub command: String,
    /// The phase, as PostgreSQL names it (`building index: scanning table`,
    /// `waiting for old snapshots`, …).
    pub phase: String,
    /// Transactions to wait for in a waiting phase, and those waited for.
    pub lockers_total: i64,
    /// See `lockers_total`.
    pub lockers_done: i64,
    /// Blocks to process in the current phase, and those processed.
    pub blocks_total: i64,
    /// See `blocks_total`.
    pub blocks_done: i64,
    /// Tuples to process in the current phase, and those processed.
    pub tuples_total: i64,
    /// See `tuples_total`.
    pub tuples_done: i64,
    /// Partitions to index (a partitioned table), and those indexed.
    pub partitions_total: i64,
    /// See `partitions_total`.
    pub partitions_done: i64,
}

fn percent(done: i64, total: i64) -> String {
    let p = (done as f64 * 100.0 / total as f64).clamp(0.0, 100.0);
    format!("{done} of {total} ({p:.0}%)")
}

impl std::fmt::Display for IndexProgress {
    /// `building index: scanning table, blocks 120 of 480 (25%)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.phase)?;
        // PostgreSQL keeps the counts of earlier phases: only those of the
        // phase shown are.
        let waiting = self.phase.starts_with("waiting");
        if waiting && self.lockers_total > 0 {
            write!(
                f,
                ", transactions waited for {} of {}",
                self.lockers_done, self.lockers_total
            )?;
        }
        if !waiting && self.blocks_total > 0 {
            write!(
                f,
                ", blocks {}",
                percent(self.blocks_done, self.blocks_total)
            )?;
        }
        if !waiting && self.tuples_total > 0 {
            write!(
                f,
                ", tuples {}",
                percent(self.tuples_done, self.tuples_total)
            )?;
        }
        if self.partitions_total > 0 {
            write!(
                f,
                ", partitions {} of {}",
                self.partitions_done, self.partitions_total
            )?;
        }
        Ok(())
    }
}

enum Conn {
    NotYet,
    Open(Box<Client>),
    Failed,
}

/// A [`Watch`] during one run: the migrating backend's pid and the second
/// connection, opened when first needed.
pub(crate) struct Watcher<'a> {
    pub watch: &'a Watch<'a>,
    /// `pg_backend_pid()` of the migrating connection.
    pub pid: i64,
    conn: RefCell<Conn>,
}

impl<'a> Watcher<'a> {
    pub fn new(watch: &'a Watch<'a>, pid: i64) -> Watcher<'a> {
        Watcher {
            watch,
            pid,
            conn: RefCell::new(Conn::NotYet),
        }
    }

    /// The migrating backend's index build, if it is running one.
    fn poll(&self) -> Option<IndexProgress> {
        let mut conn = self.conn.borrow_mut();
        if matches!(*conn, Conn::NotYet) {
            *conn = match (self.watch.connect)() {
                Ok(mut c) => {
                    // Never let a report hold up the migration for long.
                    let _ = c.batch_execute("SET statement_timeout = '5s'");
                    Conn::Open(Box::new(c))
                }
                Err(_) => Conn::Failed,
            };
        }
        let Conn::Open(c) = &mut *conn else {
            return None;
        };
        let sql = format!(
            "SELECT command, phase, lockers_total, lockers_done, blocks_total, blocks_done, \
             tuples_total, tuples_done, partitions_total, partitions_done \
             FROM pg_catalog.pg_stat_progress_create_index WHERE pid = {}",
            self.pid
        );
        let rows = match query_text(c, &sql) {
            Ok(rows) => rows,
            Err(_) => {
                *conn = Conn::Failed;
                return None;
            }
        };
        let row = rows.into_iter().next()?;
        let text = |i: usize| row.get(i).cloned().flatten().unwrap_or_default();
        let number = |i: usize| text(i).parse().unwrap_or(0);
        Some(IndexProgress {
            command: text(0),
            phase: text(1),
            lockers_total: number(2),
            lockers_done: number(3),
            blocks_total: number(4),
            blocks_done: number(5),
            tuples_total: number(6),
            tuples_done: number(7),
            partitions_total: number(8),
            partitions_done: number(9),
        })
    }
}

/// Runs `sql` on `client`; while it runs, `report(elapsed, index build)`
/// is called as [`Watch`] says.
pub(crate) fn run_watched(
    client: &mut Client,
    sql: &str,
    watcher: &Watcher<'_>,
    report: &mut dyn FnMut(Duration, Option<IndexProgress>),
) -> Result<(), postgres::Error> {
    let started = Instant::now();
    std::thread::scope(|s| {
        let (done, finished) = mpsc::channel::<()>();
        let worker = s.spawn(move || {
            let result = client.batch_execute(sql);
            drop(done);
            result
        });
        let mut next = watcher.watch.after;
        let mut last: Option<(Instant, Option<String>)> = None;
        // Until the statement ends (its sender dropped).
        while let Err(RecvTimeoutError::Timeout) =
            finished.recv_timeout(next.saturating_sub(started.elapsed()))
        {
            let index = watcher.poll();
            let phase = index.as_ref().map(|i| i.phase.clone());
            let due = match &last {
                None => true,
                Some((at, p)) => at.elapsed() >= watcher.watch.every || *p != phase,
            };
            if due {
                report(started.elapsed(), index);
                last = Some((Instant::now(), phase));
            }
            next = started.elapsed() + POLL;
        }
        worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_reads_as_phase_and_counts() {
        let p = IndexProgress {
            command: "CREATE INDEX CONCURRENTLY".into(),
            phase: "building index: scanning table".into(),
            blocks_total: 480,
            blocks_done: 120,
            ..IndexProgress::default()
        };
        assert_eq!(
            p.to_string(),
            "building index: scanning table, blocks 120 of 480 (25%)"
        );
        let p = IndexProgress {
            phase: "waiting for old snapshots".into(),
            lockers_total: 2,
            lockers_done: 1,
            blocks_total: 13,
            blocks_done: 12,
            ..IndexProgress::default()
        };
        assert_eq!(
            p.to_string(),
            "waiting for old snapshots, transactions waited for 1 of 2"
        );
        let p = IndexProgress {
            phase: "building index: loading tuples in tree".into(),
            tuples_total: 3,
            tuples_done: 1,
            lockers_total: 5,
            partitions_total: 4,
            partitions_done: 2,
            ..IndexProgress::default()
        };
        assert_eq!(
            p.to_string(),
            "building index: loading tuples in tree, tuples 1 of 3 (33%), partitions 2 of 4"
        );
    }
}
