//! `rollback`: undoes applied migrations, newest first, by running their
//! down files (`NNNN_tag.down.sql`, see `shale_migrations::down`).
//!
//! # What is refused, before anything runs
//! Every migration to undo must have a down file; it must be the one
//! `shale generate` recorded in `shale.sum` (an edited or unrecorded down file
//! is refused: record an intended edit with `shale hash`); it must hold SQL
//! when its migration does (the empty file `generate --custom` writes is for
//! the user to fill); it must run in one transaction; and a down file whose
//! header lists data loss is refused unless the loss is accepted
//! (`accept_data_loss`). Every problem is reported at once, naming the files,
//! and nothing is changed.
//!
//! # Concurrency
//! Each migration is undone in its own transaction together with the
//! deletion of its tracking row, under the advisory lock `migrate` takes (the
//! same key), so a rollback racing a migrate is serialised, never
//! interleaved. Under the lock the runner reads the tracking rows again: a
//! migration whose row is gone was rolled back by another runner meanwhile
//! (skipped and reported); a migration newer than it that is now applied
//! (another runner migrated meanwhile) stops the rollback before that
//! migration's down file runs ([`RunError::NewerApplied`]), since its down
//! file was computed against the schema before the newer one.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use postgres::Client;
use shale_db::{quote_literal, Settings};
use shale_migrations::down;
use shale_migrations::folder::{Migration, MigrationFolder};
use shale_migrations::sqlfile::{self, Statement};
use shale_migrations::sum::Sum;

use crate::table::{self, query_text};
use crate::{
    check_dialect, compute_status, db_err, detect, failure, no_transaction_reason, MigrationRef,
    RunError, Status, TrackingTable,
};

/// How far back a rollback goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RollbackTarget {
    /// The newest `n` applied migrations.
    Steps(usize),
    /// Every applied migration after this tag (the tag itself stays applied).
    To(String),
}

/// Options of [`rollback`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RollbackOptions {
    /// How far back.
    pub target: RollbackTarget,
    /// Report what would run; change nothing.
    pub dry_run: bool,
    /// Undo migrations whose down file lists data loss.
    pub accept_data_loss: bool,
    /// Where the tracking table is.
    pub table: TrackingTable,
    /// How long to wait for another runner (the advisory lock).
    pub lock_timeout: Duration,
    /// `statement_timeout`/`lock_timeout` for the down files' statements.
    pub settings: Settings,
    /// The integrity record (`migrations/meta/shale.sum`); `None` when it is
    /// missing or unreadable, and then no down file counts as recorded.
    pub sum: Option<Sum>,
}

impl Default for RollbackOptions {
    fn default() -> Self {
        RollbackOptions {
            target: RollbackTarget::Steps(1),
            dry_run: false,
            accept_data_loss: false,
            table: TrackingTable::default(),
            lock_timeout: Duration::from_secs(60),
            settings: Settings::default(),
            sum: None,
        }
    }
}

/// Why a migration cannot be rolled back.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RollbackProblem {
    /// No down file.
    #[error("migration {tag} has no down file {}: it cannot be rolled back; write its reverse there and record it with `shale hash`", path.display())]
    NoDownFile {
        /// The migration.
        tag: String,
        /// The expected down file.
        path: PathBuf,
    },
    /// The down file differs from its record in `shale.sum`.
    #[error("down file {} was edited after it was generated (recorded sha256 {recorded}, now {actual}); restore it, or record an intended edit with `shale hash`", path.display())]
    Edited {
        /// The down file.
        path: PathBuf,
        /// The recorded hash.
        recorded: String,
        /// The file's hash now.
        actual: String,
    },
    /// The down file has no record in `shale.sum`.
    #[error("down file {} is not recorded in shale.sum (or shale.sum is missing or unreadable): it was not written by `shale generate`; review it and record it with `shale hash`", path.display())]
    Unrecorded {
        /// The down file.
        path: PathBuf,
    },
    /// The down file holds no SQL while its migration does.
    #[error("down file {} holds no SQL, but {tag} does: write the SQL that undoes it there and record it with `shale hash`", path.display())]
    Empty {
        /// The migration.
        tag: String,
        /// The down file.
        path: PathBuf,
    },
    /// The down file lists data loss and it was not accepted.
    #[error("down file {} loses data: {}; undo it only if that is acceptable, with --accept-data-loss", path.display(), lines.join("; "))]
    DataLoss {
        /// The down file.
        path: PathBuf,
        /// Its `-- shale:data-loss:` lines.
        lines: Vec<String>,
    },
    /// The down file cannot run in one transaction.
    #[error("down file {} cannot run in one transaction ({reason}); rollback undoes each migration in one transaction with its tracking row, so undo it by hand", path.display())]
    OutsideTransaction {
        /// The down file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}

fn problems_text(problems: &[RollbackProblem]) -> String {
    let mut out = String::from("nothing was rolled back:");
    for p in problems {
        out.push_str("\n  ");
        out.push_str(&p.to_string());
    }
    out
}

/// One migration a dry run would undo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedRollback {
    /// The migration.
    pub migration: MigrationRef,
    /// Its down file.
    pub path: PathBuf,
    /// The down file's statements.
    pub statements: Vec<Statement>,
    /// The down file's data-loss lines (accepted, or it would be refused).
    pub data_loss: Vec<String>,
}

/// One migration undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RolledBack {
    /// The migration.
    pub migration: MigrationRef,
    /// Statements of the down file run.
    pub statements: usize,
    /// Wall time from `BEGIN` to `COMMIT`, any wait for the lock included.
    pub duration: Duration,
}

/// What [`rollback`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RollbackReport {
    /// Whether this was a dry run.
    pub dry_run: bool,
    /// What a dry run would undo, newest first.
    pub planned: Vec<PlannedRollback>,
    /// Undone now, newest first.
    pub rolled_back: Vec<RolledBack>,
    /// To undo when this run started, but rolled back meanwhile by another runner.
    pub rolled_back_by_another_runner: Vec<MigrationRef>,
    /// Wall time of the whole run.
    pub total: Duration,
}

/// The migrations to undo, newest first, after every refusal check: the
/// one decision both dialects share.
pub(crate) fn plan_rollback<'a>(
    folder: &'a MigrationFolder,
    st: &Status,
    table: &str,
    options: &RollbackOptions,
) -> Result<Vec<&'a Migration>, RunError> {
    if !st.edited.is_empty() {
        return Err(RunError::Edited {
            table: table.to_string(),
            migrations: st.edited.clone(),
        });
    }
    if let Some(p) = st.in_progress.first() {
        return Err(RunError::Rollback {
            message: format!(
                "migration {} is being applied outside a transaction (or was interrupted); \
                 nothing was rolled back: see `shale status`",
                p.migration.tag
            ),
        });
    }
    let mut applied: Vec<&Migration> = st
        .applied
        .iter()
        .filter_map(|a| folder.migration(&a.migration.tag))
        .collect();
    applied.sort_by_key(|m| std::cmp::Reverse(m.entry.idx));
    let todo: Vec<&Migration> = match &options.target {
        RollbackTarget::Steps(0) => {
            return Err(RunError::Rollback {
                message: "--steps takes a number of migrations of at least 1".into(),
            })
        }
        RollbackTarget::Steps(n) if *n > applied.len() => {
            return Err(RunError::Rollback {
                message: format!(
                    "--steps {n}, but only {} migration(s) are applied; nothing was rolled back",
                    applied.len()
                ),
            })
        }
        RollbackTarget::Steps(n) => applied[..*n].to_vec(),
        RollbackTarget::To(tag) => {
            let target = crate::migration_named(folder, tag)?;
            if !applied.iter().any(|m| m.tag() == tag) {
                return Err(RunError::Rollback {
                    message: format!(
                        "--to {tag}: {tag} is not applied to this database, so it cannot be \
                         the migration to roll back to (see `shale status`); nothing was rolled back"
                    ),
                });
            }
            applied
                .into_iter()
                .filter(|m| m.entry.idx > target.entry.idx)
                .collect()
        }
    };
    let problems: Vec<RollbackProblem> = todo
        .iter()
        .flat_map(|m| down_problems(m, options.sum.as_ref(), options.accept_data_loss))
        .collect();
    if !problems.is_empty() {
        return Err(RunError::RollbackRefused {
            message: problems_text(&problems),
            problems,
        });
    }
    Ok(todo)
}

/// Why this migration's down file may not run (empty when it may).
pub fn down_problems(
    m: &Migration,
    sum: Option<&Sum>,
    accept_data_loss: bool,
) -> Vec<RollbackProblem> {
    let name = down::file_name(m.tag());
    let Some(d) = &m.down else {
        return vec![RollbackProblem::NoDownFile {
            tag: m.tag().to_string(),
            path: m.path.with_file_name(&name),
        }];
    };
    let mut problems = Vec::new();
    match sum.and_then(|s| s.files.iter().find(|(n, _)| *n == name)) {
        None => problems.push(RollbackProblem::Unrecorded {
            path: d.path.clone(),
        }),
        Some((_, recorded)) if !sqlfile::hash_matches(recorded, &d.bytes) => {
            problems.push(RollbackProblem::Edited {
                path: d.path.clone(),
                recorded: recorded.clone(),
                actual: sqlfile::sha256_hex(&d.bytes),
            })
        }
        Some(_) => {}
    }
    if d.statements().is_empty() && !m.statements().is_empty() {
        problems.push(RollbackProblem::Empty {
            tag: m.tag().to_string(),
            path: d.path.clone(),
        });
    }
    let loss = d.data_loss();
    if !loss.is_empty() && !accept_data_loss {
        problems.push(RollbackProblem::DataLoss {
            path: d.path.clone(),
            lines: loss,
        });
    }
    let reason = no_transaction_reason(&d.text).or_else(|| {
        detect::transaction_control(&d.text)
            .map(|(n, sql)| format!("statement {n} controls the transaction itself: `{sql}`"))
    });
    if let Some(reason) = reason {
        problems.push(RollbackProblem::OutsideTransaction {
            path: d.path.clone(),
            reason,
        });
    }
    problems
}

/// The down file as a migration of its own (its path, text and bytes), so
/// the runner's statement splitting and failure reports name the down file.
pub(crate) fn down_as_migration(m: &Migration) -> Migration {
    let d = m.down.as_ref().expect("planned rollbacks have a down file");
    Migration {
        path: d.path.clone(),
        bytes: d.bytes.clone(),
        text: d.text.clone(),
        hash: sqlfile::sha256_hex(&d.bytes),
        down: None,
        entry: m.entry.clone(),
    }
}

/// The dry-run answer for these migrations.
pub(crate) fn planned(todo: &[&Migration]) -> Vec<PlannedRollback> {
    todo.iter()
        .map(|m| {
            let d = m.down.as_ref().expect("planned rollbacks have a down file");
            PlannedRollback {
                migration: MigrationRef::of(m),
                path: d.path.clone(),
                statements: d.statements(),
                data_loss: d.data_loss(),
            }
        })
        .collect()
}

/// A migration failure while running a down file, as a rollback failure.
pub(crate) fn as_rollback_failure(e: RunError) -> RunError {
    match e {
        RunError::Failed(f) => RunError::RollbackFailed(f),
        other => other,
    }
}

/// Undoes applied migrations newest first (see the module docs).
pub fn rollback(
    client: &mut Client,
    folder: &MigrationFolder,
    options: &RollbackOptions,
) -> Result<RollbackReport, RunError> {
    let started = Instant::now();
    check_dialect(folder)?;
    let t = &options.table;
    let context = format!("reading {}", t.qualified());
    let probe = table::probe(client, t).map_err(db_err(&context))?;
    let rows = table::read_rows(client, t, &probe).map_err(db_err(&context))?;
    let st = compute_status(client, folder, &probe, rows)?;
    let todo = plan_rollback(folder, &st, &t.qualified(), options)?;
    let mut report = RollbackReport {
        dry_run: options.dry_run,
        ..RollbackReport::default()
    };
    if options.dry_run {
        report.planned = planned(&todo);
    }
    if options.dry_run || todo.is_empty() {
        report.total = started.elapsed();
        return Ok(report);
    }
    let restore = match &options.settings.lock_timeout {
        Some(v) => v.clone(),
        None => query_text(client, "SHOW lock_timeout")
            .map_err(db_err("reading lock_timeout"))?
            .first()
            .and_then(|r| r.first().cloned().flatten())
            .unwrap_or_else(|| "0".into()),
    };
    let journal_whens: std::collections::HashSet<i64> =
        folder.migrations.iter().map(|m| m.entry.when).collect();
    for m in todo {
        let t0 = Instant::now();
        match undo_one(client, m, options, &restore, &journal_whens)? {
            Some(statements) => report.rolled_back.push(RolledBack {
                migration: MigrationRef::of(m),
                statements,
                duration: t0.elapsed(),
            }),
            None => report
                .rolled_back_by_another_runner
                .push(MigrationRef::of(m)),
        }
    }
    report.total = started.elapsed();
    Ok(report)
}

/// Undoes one migration in one transaction with the deletion of its row;
/// `None` when another runner rolled it back meanwhile.
fn undo_one(
    client: &mut Client,
    m: &Migration,
    options: &RollbackOptions,
    restore: &str,
    journal_whens: &std::collections::HashSet<i64>,
) -> Result<Option<usize>, RunError> {
    let t = &options.table;
    let ms = options.lock_timeout.as_millis().max(1);
    let sql = format!(
        "BEGIN; SET LOCAL lock_timeout = '{ms}ms'; SELECT pg_advisory_xact_lock({key}); \
         SET LOCAL lock_timeout = {restore}; {settings} \
         SELECT created_at::text AS shale_when FROM {table} WHERE created_at >= {when} ORDER BY created_at;",
        key = t.lock_key(),
        restore = quote_literal(restore),
        settings = options.settings.set_sql(true),
        table = t.qualified(),
        when = m.entry.when,
    );
    let messages = match client.simple_query(&sql) {
        Ok(messages) => messages,
        Err(e) => {
            let _ = client.batch_execute("ROLLBACK");
            if e.code().map(|c| c.code()) == Some("55P03") {
                return Err(RunError::LockTimeout {
                    seconds: options.lock_timeout.as_secs(),
                    key: t.lock_key(),
                    tag: format!("rolling back {}", m.tag()),
                });
            }
            return Err(db_err(format!("locking and reading {}", t.qualified()))(e));
        }
    };
    let whens: Vec<i64> = messages
        .iter()
        .filter_map(|msg| match msg {
            postgres::SimpleQueryMessage::Row(r)
                if r.columns()
                    .first()
                    .is_some_and(|c| c.name() == "shale_when") =>
            {
                r.get(0).and_then(|w| w.parse().ok())
            }
            _ => None,
        })
        .collect();
    if !whens.contains(&m.entry.when) {
        let _ = client.batch_execute("ROLLBACK");
        return Ok(None);
    }
    if let Some(newer) = whens
        .iter()
        .find(|w| **w > m.entry.when && journal_whens.contains(w))
    {
        let _ = client.batch_execute("ROLLBACK");
        return Err(RunError::NewerApplied {
            tag: m.tag().to_string(),
            newer_when: *newer,
        });
    }
    let d = down_as_migration(m);
    let statements = d.statements();
    let total = statements.len();
    for (i, stmt) in statements.iter().enumerate() {
        if let Err(e) = client.batch_execute(&stmt.sql) {
            let _ = client.batch_execute("ROLLBACK");
            return Err(as_rollback_failure(failure(
                &d,
                Some((i + 1, stmt, 0, &stmt.sql)),
                total,
                &e,
                None,
            )));
        }
    }
    let delete = format!(
        "DELETE FROM {} WHERE created_at = {};",
        t.qualified(),
        m.entry.when
    );
    if let Err(e) = client.batch_execute(&delete) {
        let _ = client.batch_execute("ROLLBACK");
        return Err(db_err(format!("deleting the tracking row of {}", m.tag()))(
            e,
        ));
    }
    // COMMIT is a message of its own, as in `migrate`: a runner killed
    // during the last statement leaves the migration applied.
    if let Err(e) = client.batch_execute("COMMIT") {
        let _ = client.batch_execute("ROLLBACK");
        return Err(as_rollback_failure(failure(&d, None, total, &e, None)));
    }
    Ok(Some(total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use shale_migrations::down::DownFile;
    use shale_migrations::journal::{Journal, PrefixMode};

    fn folder(downs: &[Option<&str>]) -> MigrationFolder {
        let mut journal = Journal::new("postgresql");
        let mut migrations = Vec::new();
        for (i, d) in downs.iter().enumerate() {
            let entry = journal
                .push_next(&format!("m{i}"), PrefixMode::Index, 1_000 + i as i64)
                .clone();
            let text = format!("CREATE TABLE t{i} (id int);\n");
            migrations.push(Migration {
                path: PathBuf::from(format!("migrations/{}.sql", entry.tag)),
                bytes: text.clone().into_bytes(),
                hash: sqlfile::sha256_hex(text.as_bytes()),
                text,
                down: d.map(|t| DownFile {
                    path: PathBuf::from(format!("migrations/{}", down::file_name(&entry.tag))),
                    bytes: t.as_bytes().to_vec(),
                    text: t.to_string(),
                }),
                entry,
            });
        }
        MigrationFolder {
            dir: PathBuf::from("migrations"),
            journal,
            migrations,
            orphan_downs: Vec::new(),
        }
    }

    fn applied(folder: &MigrationFolder, n: usize) -> Status {
        let rows = folder.migrations[..n]
            .iter()
            .enumerate()
            .map(|(i, m)| crate::TrackingRow {
                id: i as i64 + 1,
                hash: m.hash.clone(),
                created_at: Some(m.entry.when),
                name: None,
                applied_at: None,
            })
            .collect();
        crate::classify(folder, true, rows, |_| Ok(false)).unwrap()
    }

    fn options(target: RollbackTarget, folder: &MigrationFolder) -> RollbackOptions {
        RollbackOptions {
            target,
            sum: Some(Sum::of(
                folder
                    .recorded_files()
                    .iter()
                    .map(|(n, b)| (n.as_str(), b.as_slice()))
                    .collect::<Vec<_>>(),
            )),
            ..RollbackOptions::default()
        }
    }

    fn tags(todo: &[&Migration]) -> Vec<String> {
        todo.iter().map(|m| m.tag().to_string()).collect()
    }

    const DOWN: &str = "-- shale:down of x\n\nDROP TABLE t;\n";

    #[test]
    fn steps_and_to_pick_the_newest_applied_first() {
        let f = folder(&[Some(DOWN), Some(DOWN), Some(DOWN), Some(DOWN)]);
        let st = applied(&f, 3);
        let todo = plan_rollback(&f, &st, "t", &options(RollbackTarget::Steps(2), &f)).unwrap();
        assert_eq!(tags(&todo), ["0002_m2", "0001_m1"]);
        let to = options(RollbackTarget::To("0000_m0".into()), &f);
        assert_eq!(
            tags(&plan_rollback(&f, &st, "t", &to).unwrap()),
            ["0002_m2", "0001_m1"]
        );
        let to_newest = options(RollbackTarget::To("0002_m2".into()), &f);
        assert!(plan_rollback(&f, &st, "t", &to_newest).unwrap().is_empty());
        // Not applied, unknown, too many, zero: refused before anything runs.
        for target in [
            RollbackTarget::To("0003_m3".into()),
            RollbackTarget::To("nope".into()),
            RollbackTarget::Steps(4),
            RollbackTarget::Steps(0),
        ] {
            assert!(
                plan_rollback(&f, &st, "t", &options(target.clone(), &f)).is_err(),
                "{target:?}"
            );
        }
    }

    #[test]
    fn every_problem_of_every_down_file_is_named_at_once() {
        let lossy =
            "-- shale:down of x\n-- shale:data-loss: drops table t and its rows\n\nDROP TABLE t;\n";
        let f = folder(&[None, Some(lossy), Some("-- shale:down of x\n"), Some(DOWN)]);
        let st = applied(&f, 4);
        let mut o = options(RollbackTarget::Steps(4), &f);
        // The newest down file was edited after it was recorded.
        let mut edited = f.clone();
        edited.migrations[3].down.as_mut().unwrap().bytes = b"DROP TABLE other;\n".to_vec();
        let err = plan_rollback(&edited, &st, "t", &o).unwrap_err();
        let RunError::RollbackRefused { problems, message } = err else {
            panic!("{err:?}")
        };
        assert!(
            matches!(&problems[0], RollbackProblem::Edited { path, .. } if path.ends_with("0003_m3.down.sql")),
            "{problems:?}"
        );
        assert!(matches!(&problems[1], RollbackProblem::Empty { tag, .. } if tag == "0002_m2"));
        assert!(
            matches!(&problems[2], RollbackProblem::DataLoss { lines, .. } if lines == &["drops table t and its rows"])
        );
        assert!(
            matches!(&problems[3], RollbackProblem::NoDownFile { path, .. } if path.ends_with("0000_m0.down.sql"))
        );
        assert!(message.contains("0000_m0.down.sql"), "{message}");
        // Accepting data loss leaves the other refusals.
        o.accept_data_loss = true;
        o.target = RollbackTarget::Steps(3);
        let err = plan_rollback(&f, &st, "t", &o).unwrap_err();
        assert!(
            matches!(err, RunError::RollbackRefused { ref problems, .. } if problems.len() == 1),
            "{err:?}"
        );
        o.target = RollbackTarget::To("0002_m2".into());
        assert_eq!(tags(&plan_rollback(&f, &st, "t", &o).unwrap()), ["0003_m3"]);
        // The lossy one alone passes once the loss is accepted.
        let only_lossy = folder(&[Some(DOWN), Some(lossy)]);
        let mut o = options(RollbackTarget::Steps(1), &only_lossy);
        let st = applied(&only_lossy, 2);
        assert!(plan_rollback(&only_lossy, &st, "t", &o).is_err());
        o.accept_data_loss = true;
        assert_eq!(
            tags(&plan_rollback(&only_lossy, &st, "t", &o).unwrap()),
            ["0001_m1"]
        );
    }

    #[test]
    fn a_down_file_without_a_record_or_sum_is_refused() {
        let f = folder(&[Some(DOWN)]);
        let st = applied(&f, 1);
        let mut o = options(RollbackTarget::Steps(1), &f);
        o.sum = None;
        let err = plan_rollback(&f, &st, "t", &o).unwrap_err();
        assert!(
            matches!(err, RunError::RollbackRefused { ref problems, .. }
            if matches!(&problems[..], [RollbackProblem::Unrecorded { .. }])),
            "{err:?}"
        );
        let outside = folder(&[Some("-- shale:down of x\n\nDROP INDEX CONCURRENTLY i;\n")]);
        let o = options(RollbackTarget::Steps(1), &outside);
        let err = plan_rollback(&outside, &applied(&outside, 1), "t", &o).unwrap_err();
        assert!(
            matches!(err, RunError::RollbackRefused { ref problems, .. }
            if matches!(&problems[..], [RollbackProblem::OutsideTransaction { .. }])),
            "{err:?}"
        );
    }
}
