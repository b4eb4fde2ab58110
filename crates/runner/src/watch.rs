//! Progress while a long statement runs: one thread per `migrate` run
//! watches the statement the migrating thread is running and, once it has
//! run longer than [`Watch::after`], reports its elapsed time and, for index
//! builds, the phase and counts of `pg_stat_progress_create_index`, read on a
//! second connection (never the migrating one, which is busy with the
//! statement). The migrating thread only writes which statement it starts
//! and ends into a shared slot (two uncontended mutex locks per statement).

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use postgres::Client;

use crate::table::query_text;
use crate::{MigrationRef, Progress};

/// How [`crate::migrate_watching`] reports long statements.
pub struct Watch<'a> {
    /// A statement still running after this long is reported
    /// ([`Progress::Running`]), then again every [`Watch::every`] and
    /// whenever its index build changes phase.
    pub after: Duration,
    /// The interval between two reports of the same phase.
    pub every: Duration,
    /// Opens the connection progress is read on. Called at most once per
    /// run, the first time a statement runs longer than `after`; an error
    /// leaves the reports without the index build's phase.
    pub connect: &'a (dyn Fn() -> Result<Client, String> + Sync),
    /// Receives the reports, on the watching thread.
    pub report: &'a (dyn Fn(&Progress) + Sync),
}

/// How often the watching thread looks at the running statement.
const TICK: Duration = Duration::from_millis(250);

/// How often a long statement's index-build phase is read.
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

/// The statement the migrating thread is running.
struct Current {
    /// Counts statements, so that a new one is told from the last.
    seq: u64,
    migration: MigrationRef,
    statement: usize,
    total: usize,
    sql: String,
    started: Instant,
}

#[derive(Default)]
struct Slot {
    current: Option<Current>,
    seq: u64,
    finished: bool,
}

/// What the migrating thread and the watching thread share.
#[derive(Default)]
pub(crate) struct Shared {
    slot: Mutex<Slot>,
    wake: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Slot> {
        self.slot.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Statement `statement` of `total` of `migration` starts.
    pub fn start(&self, migration: &MigrationRef, statement: usize, total: usize, sql: &str) {
        let mut slot = self.lock();
        slot.seq += 1;
        slot.current = Some(Current {
            seq: slot.seq,
            migration: migration.clone(),
            statement,
            total,
            sql: sql.to_string(),
            started: Instant::now(),
        });
    }

    /// The statement ended.
    pub fn end(&self) {
        self.lock().current = None;
    }
}

/// Runs `body` with a thread watching the statements it reports to
/// [`Shared`]; the thread ends with it.
pub(crate) fn watching<R>(watch: &Watch<'_>, pid: i64, body: impl FnOnce(&Shared) -> R) -> R {
    let shared = Shared::default();
    std::thread::scope(|s| {
        s.spawn(|| watch_loop(watch, pid, &shared));
        let result = body(&shared);
        shared.lock().finished = true;
        shared.wake.notify_all();
        result
    })
}

fn watch_loop(watch: &Watch<'_>, pid: i64, shared: &Shared) {
    let mut conn = Conn::NotYet;
    // The statement last reported: its seq, when, its phase, and when to
    // look again.
    let mut last: Option<(u64, Instant, Option<String>)> = None;
    let mut next_poll = Instant::now();
    let mut slot = shared.lock();
    while !slot.finished {
        let due = slot.current.as_ref().and_then(|c| {
            let elapsed = c.started.elapsed();
            let fresh = last.as_ref().is_none_or(|(seq, ..)| *seq != c.seq);
            let ready = elapsed >= watch.after && (fresh || Instant::now() >= next_poll);
            ready.then(|| {
                (
                    c.seq,
                    c.migration.clone(),
                    c.statement,
                    c.total,
                    first_line(&c.sql),
                    c.started,
                )
            })
        });
        let Some((seq, migration, statement, total, first_line, started)) = due else {
            slot = shared
                .wake
                .wait_timeout(slot, TICK)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
            continue;
        };
        drop(slot);
        let index = poll(watch, &mut conn, pid);
        let phase = index.as_ref().map(|i| i.phase.clone());
        let report = match &last {
            Some((s, at, p)) if *s == seq => at.elapsed() >= watch.every || *p != phase,
            _ => true,
        };
        if report {
            (watch.report)(&Progress::Running {
                migration,
                statement,
                total,
                first_line,
                elapsed: started.elapsed(),
                index,
            });
            last = Some((seq, Instant::now(), phase));
        } else if let Some(l) = last.as_mut() {
            l.2 = phase;
        }
        next_poll = Instant::now() + POLL;
        slot = shared.lock();
    }
}

fn first_line(sql: &str) -> String {
    sql.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("--"))
        .unwrap_or("")
        .to_string()
}

enum Conn {
    NotYet,
    Open(Box<Client>),
    Failed,
}

/// The migrating backend's index build, if it is running one.
fn poll(watch: &Watch<'_>, conn: &mut Conn, pid: i64) -> Option<IndexProgress> {
    if matches!(conn, Conn::NotYet) {
        *conn = match (watch.connect)() {
            Ok(mut c) => {
                // Never let a report wait long.
                let _ = c.batch_execute("SET statement_timeout = '5s'");
                Conn::Open(Box::new(c))
            }
            Err(_) => Conn::Failed,
        };
    }
    let Conn::Open(c) = conn else {
        return None;
    };
    let sql = format!(
        "SELECT command, phase, lockers_total, lockers_done, blocks_total, blocks_done, \
         tuples_total, tuples_done, partitions_total, partitions_done \
         FROM pg_catalog.pg_stat_progress_create_index WHERE pid = {pid}"
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
