//! `shale migrate` and `shale status`: apply pending migrations exactly once,
//! and report where a database stands against the migrations folder.

use std::time::Duration;

use anyhow::{anyhow, bail, Result};
use serde_json::json;
use shale_migrations::folder::MigrationFolder;
use shale_runner::{MigrateOptions, Status, TrackingTable};

use super::Context;
use crate::output::Style;
use crate::Outcome;

/// `shale migrate` flags.
#[derive(Debug, clap::Args)]
pub struct MigrateArgs {
    /// Print what would run (each pending migration and its statements);
    /// change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Stop after the migration with this tag (its file name without `.sql`).
    #[arg(long, value_name = "TAG")]
    pub to: Option<String>,
    /// Seconds to wait for another `shale migrate` on the same database.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub wait: u64,
    /// PostgreSQL `lock_timeout` for the migrations' statements (e.g. `5s`):
    /// a statement waiting longer for a lock fails instead of queueing traffic
    /// behind it, and its migration is retried (`--lock-retries`). Default:
    /// the URL's `lock_timeout`, else `[migrate] lock_timeout`, else
    /// `[generate] lock_timeout` (2s) when `[generate] online = true`.
    #[arg(long, value_name = "DURATION")]
    pub lock_timeout: Option<String>,
    /// How many times a migration that timed out waiting for a lock is
    /// retried, with backoff (250 ms, doubling, at most 5 s). Default:
    /// `[migrate] lock_retries` (5).
    #[arg(long, value_name = "N")]
    pub lock_retries: Option<u32>,
    /// No retry starts later than this many seconds after the migration's
    /// first attempt. Default: `[migrate] lock_retry_seconds` (60).
    #[arg(long, value_name = "SECONDS")]
    pub lock_retry_seconds: Option<u64>,
    /// PostgreSQL `statement_timeout` for the migrations' statements (e.g. `10min`).
    #[arg(long, value_name = "DURATION")]
    pub statement_timeout: Option<String>,
    /// Before applying anything, back the database up into DIR (default
    /// `backups`; `[migrate] backup` in shale.toml sets it for every run):
    /// PostgreSQL with `pg_dump` (custom format), SQLite with `VACUUM INTO`;
    /// named with the time and the migration it was taken at, with the
    /// command that restores it. Nothing is applied when the backup fails
    /// (exit 2).
    #[arg(long, value_name = "DIR", num_args = 0..=1, default_missing_value = "backups")]
    pub backup: Option<std::path::PathBuf>,
    /// The fleet to roll out to (see the fleet flags).
    #[command(flatten)]
    pub fleet: super::fleet::TargetsArgs,
    /// With --targets: migrate the first K targets first (at most --parallel
    /// at once) and stop the rollout there if any of them fails.
    #[arg(long, value_name = "K", default_value_t = 0, requires = "targets")]
    pub canary: usize,
    /// With --targets: start no new target after the first failed or
    /// unreachable one (those in flight finish).
    #[arg(long, requires = "targets")]
    pub stop_on_first_failure: bool,
}

/// `shale status` flags.
#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// The fleet to report on (a matrix of targets × migrations).
    #[command(flatten)]
    pub fleet: super::fleet::TargetsArgs,
}

impl Context<'_> {
    /// The migrations folder, checked (journal and files agree).
    pub fn load_folder(&self) -> Result<MigrationFolder> {
        MigrationFolder::load(&self.config.migrations).map_err(|e| anyhow!("{e}"))
    }

    /// The folder when it exists (a new project has none yet).
    pub fn load_folder_if_any(&self) -> Result<Option<MigrationFolder>> {
        if !self.config.migrations.exists() {
            return Ok(None);
        }
        self.load_folder().map(Some)
    }

    /// `migrations/meta/shale.sum`.
    pub fn sum_path(&self) -> std::path::PathBuf {
        self.config
            .migrations
            .join("meta")
            .join(shale_migrations::sum::FILE_NAME)
    }

    /// Rewrites `shale.sum` for these files (`(name, bytes)`, journal order),
    /// keeping the end of the history it records (the latest one still in
    /// the folder when a merge left two).
    pub fn write_sum(&self, files: &[(String, Vec<u8>)]) -> Result<()> {
        let recorded = std::fs::read_to_string(self.sum_path())
            .map(|t| shale_migrations::sum::Sum::history_lines(&t))
            .unwrap_or_default();
        let history = files
            .iter()
            .rev()
            .find(|(n, _)| recorded.contains(n))
            .map(|(n, _)| n.as_str());
        self.write_sum_with_history(files, history)
    }

    /// Rewrites `shale.sum` for these files with `history` (one of them) as
    /// the end of the history, or with none.
    pub fn write_sum_with_history(
        &self,
        files: &[(String, Vec<u8>)],
        history: Option<&str>,
    ) -> Result<()> {
        let sum =
            shale_migrations::sum::Sum::of(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
        let sum = match history {
            Some(h) => sum
                .with_history(h)
                .ok_or_else(|| anyhow!("{h} is not one of the migrations being recorded"))?,
            None => sum,
        };
        super::project::write_atomic(&self.sum_path(), sum.to_text())
    }

    /// Rewrites `shale.sum` for the folder's files with all of them as
    /// history (`shale pull --baseline`, `shale lint --accept-history`).
    pub fn record_history(&self, folder: &MigrationFolder) -> Result<()> {
        let files = folder.recorded_files();
        let last = folder.migrations.last().map(|m| m.file_name());
        self.write_sum_with_history(&files, last.as_deref())
    }

    /// The history recorded in `shale.sum` for this folder: how many of its
    /// migrations, from the first, are history (0 without a record, a
    /// history line, or when the record names a file the folder lacks).
    pub fn history_len(&self, folder: &MigrationFolder) -> usize {
        let Ok(text) = std::fs::read_to_string(self.sum_path()) else {
            return 0;
        };
        let Ok(sum) = shale_migrations::sum::Sum::parse(&text) else {
            return 0;
        };
        sum.history
            .and_then(|h| folder.migrations.iter().position(|m| m.file_name() == h))
            .map_or(0, |i| i + 1)
    }

    /// The configured tracking table.
    pub fn tracking_table(&self) -> TrackingTable {
        TrackingTable {
            schema: self.config.migrations_table.schema.clone(),
            table: self.config.migrations_table.table.clone(),
        }
    }

    /// A connection to the configured database.
    pub fn connect(&self) -> Result<shale_db::Client> {
        let url = self.config.database_url(self.db_flag)?;
        shale_db::connect(&url).map_err(|e| anyhow!("{e}"))
    }
}

/// `--backup`: when anything is pending, dump the database first; any
/// failure is an error (exit 2) before anything is applied.
fn backup_before(
    ctx: &Context<'_>,
    client: &mut shale_db::Client,
    info: &shale_db::ConnInfo,
    folder: &MigrationFolder,
    options: &MigrateOptions,
    dir: &std::path::Path,
) -> Result<()> {
    let ui = ctx.ui;
    let st = shale_runner::status(client, folder, &options.table).map_err(|e| anyhow!("{e}"))?;
    if st.pending.is_empty() && st.in_progress.is_empty() {
        ui.line("no backup taken: nothing to apply");
        return Ok(());
    }
    let at = st
        .applied
        .iter()
        .max_by_key(|a| a.migration.idx)
        .map(|a| a.migration.tag.as_str());
    let backup = super::backup::take(info, dir, at)?;
    ui.result(&format!(
        "{} {} ({} bytes, at {})",
        ui.paint(Style::Good, "backed up"),
        backup.path.display(),
        backup.bytes,
        at.unwrap_or("an empty history")
    ));
    ui.line(&format!("      to restore it: {}", backup.restore));
    ui.line(
        "      (--clean recreates what the dump holds, the tracking rows included; objects created \
         after it stay: restore into a new database for an exact copy)",
    );
    Ok(())
}

/// `--backup` on SQLite: when anything is pending, a consistent copy of the
/// file (`VACUUM INTO`) into `dir` first; any failure stops before anything
/// is applied (exit 2).
fn backup_sqlite(
    ctx: &Context<'_>,
    conn: &rusqlite::Connection,
    db: &std::path::Path,
    folder: &MigrationFolder,
    options: &MigrateOptions,
    dir: &std::path::Path,
) -> Result<()> {
    let ui = ctx.ui;
    let st = shale_runner::sqlite::status(conn, folder, &options.table.table)
        .map_err(|e| anyhow!("{e}"))?;
    if st.pending.is_empty() {
        ui.line("no backup taken: nothing to apply");
        return Ok(());
    }
    let at = st
        .applied
        .iter()
        .max_by_key(|a| a.migration.idx)
        .map(|a| a.migration.tag.as_str());
    std::fs::create_dir_all(dir).map_err(|e| {
        anyhow!(
            "cannot create the backup directory {}: {e}; nothing was applied",
            dir.display()
        )
    })?;
    let stem = db
        .file_stem()
        .map_or_else(|| "db".into(), |s| s.to_string_lossy().into_owned());
    let path = dir.join(super::backup::file_name(&stem, at, "sqlite"));
    shale_runner::sqlite::backup_into(conn, &path)
        .map_err(|e| anyhow!("the backup failed, so nothing was applied: {e}"))?;
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    ui.result(&format!(
        "{} {} ({bytes} bytes, at {})",
        ui.paint(Style::Good, "backed up"),
        path.display(),
        at.unwrap_or("an empty history")
    ));
    ui.line(&format!(
        "      to restore it (with nothing connected): cp {} {}",
        super::backup::shell_quote(&path.display().to_string()),
        super::backup::shell_quote(&db.display().to_string())
    ));
    Ok(())
}

/// `interrupted after 1 of 2 SQL statement(s); statement 2 (`…`): …`.
fn resumed_text(r: &shale_runner::Resumed) -> String {
    if r.after_lock_timeout {
        return format!(
            "statement {} (`{}`) timed out waiting for a lock; {}",
            r.after + 1,
            r.statement.as_deref().unwrap_or_default(),
            r.action
        );
    }
    let at = match &r.statement {
        Some(s) => format!("; statement {} (`{s}`): ", r.after + 1),
        None => "; ".to_string(),
    };
    format!(
        "its earlier run was interrupted after {} of {} SQL statement(s){at}{}",
        r.after, r.total, r.action
    )
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Runs `shale migrate`.
pub fn migrate(ctx: &Context<'_>, args: &MigrateArgs) -> Result<Outcome> {
    if args.fleet.targets.is_some() {
        if args.backup.is_some() {
            bail!("--backup takes one database; back a fleet up with each server's own tooling");
        }
        let config = &ctx.config.migrate;
        let online_default = ctx
            .config
            .generate
            .online
            .then_some(ctx.config.generate.lock_timeout.as_str());
        let options = super::fleet::RolloutOptions {
            canary: args.canary,
            stop_on_first_failure: args.stop_on_first_failure,
            dry_run: args.dry_run,
            to: args.to.as_deref(),
            wait: Duration::from_secs(args.wait),
            lock_timeout: args
                .lock_timeout
                .as_deref()
                .or(config.lock_timeout.as_deref())
                .or(online_default),
            statement_timeout: args.statement_timeout.as_deref(),
            lock_retries: args.lock_retries.unwrap_or(config.lock_retries),
            lock_retry_limit: Duration::from_secs(
                args.lock_retry_seconds.unwrap_or(config.lock_retry_seconds),
            ),
        };
        return super::fleet::migrate(ctx, &args.fleet, &options);
    }
    let ui = ctx.ui;
    let folder = ctx.load_folder()?;
    // `--backup [DIR]`, else `[migrate] backup` in shale.toml.
    let backup = args
        .backup
        .clone()
        .or_else(|| ctx.config.migrate.backup.clone())
        .filter(|_| !args.dry_run);
    let result = if ctx.config.dialect == crate::config::Dialect::Sqlite {
        // SQLite: the file is created if missing; --wait is the busy timeout.
        let options = MigrateOptions {
            dry_run: args.dry_run,
            to_tag: args.to.clone(),
            table: ctx.tracking_table(),
            lock_timeout: Duration::from_secs(args.wait),
            ..MigrateOptions::default()
        };
        let path = ctx.sqlite_path()?;
        let mut conn =
            shale_runner::sqlite::open(&path, options.lock_timeout).map_err(|e| anyhow!("{e}"))?;
        if let Some(dir) = &backup {
            backup_sqlite(ctx, &conn, &path, &folder, &options, dir)?;
        }
        shale_runner::sqlite::migrate(&mut conn, &folder, &options)
    } else {
        let url = ctx.config.database_url(ctx.db_flag)?;
        let info = shale_db::ConnInfo::parse(&url).map_err(|e| anyhow!("{e}"))?;
        let mut client = shale_db::connect_info(&info).map_err(|e| anyhow!("{e}"))?;
        // The URL's timeouts, overridden by the flags, are applied with SET LOCAL
        // in each migration's transaction so that they hold behind a pooler too.
        let config = &ctx.config.migrate;
        let online_default = ctx
            .config
            .generate
            .online
            .then(|| ctx.config.generate.lock_timeout.clone());
        let options = MigrateOptions {
            dry_run: args.dry_run,
            to_tag: args.to.clone(),
            table: ctx.tracking_table(),
            lock_timeout: Duration::from_secs(args.wait),
            settings: shale_db::Settings {
                statement_timeout: args
                    .statement_timeout
                    .clone()
                    .or(info.settings.statement_timeout.clone()),
                lock_timeout: args
                    .lock_timeout
                    .clone()
                    .or(info.settings.lock_timeout.clone())
                    .or(config.lock_timeout.clone())
                    .or(online_default),
                search_path: None,
            },
            lock_retries: args.lock_retries.unwrap_or(config.lock_retries),
            lock_retry_limit: Duration::from_secs(
                args.lock_retry_seconds.unwrap_or(config.lock_retry_seconds),
            ),
        };
        if let Some(dir) = &backup {
            backup_before(ctx, &mut client, &info, &folder, &options, dir)?;
        }
        let max = options.lock_retries + 1;
        // Long statements are reported with the phase of their index build,
        // read on a second connection (text output only).
        let connect = || shale_db::connect_info(&info).map_err(|e| e.to_string());
        let running = |p: &shale_runner::Progress| {
            if let shale_runner::Progress::Running {
                migration,
                statement,
                total,
                first_line,
                elapsed,
                index,
            } = p
            {
                let phase = index
                    .as_ref()
                    .map_or_else(String::new, |i| format!(": {i}"));
                ui.progress(&format!(
                    "running {}: statement {statement} of {total} (`{first_line}`) for {:.1} s{phase}",
                    migration.tag,
                    elapsed.as_secs_f64()
                ));
            }
        };
        let watch = shale_runner::Watch {
            after: Duration::from_secs(2),
            every: Duration::from_secs(10),
            connect: &connect,
            report: &running,
        };
        let watch = ui.shows_progress().then_some(&watch);
        let mut report_progress = |p: &shale_runner::Progress| match p {
            shale_runner::Progress::LockRetry {
                migration,
                attempt,
                statement,
                first_line,
                elapsed,
                backoff,
                resume_after,
            } => {
                let at = statement.map_or_else(String::new, |n| {
                    format!(" at statement {n} (`{first_line}`)")
                });
                let resume = if *resume_after > 0 {
                    format!(", resuming after the {resume_after} SQL statement(s) already applied")
                } else {
                    ", rolled back".to_string()
                };
                ui.warn(&format!(
                    "{} attempt {attempt} of {max} timed out waiting for a lock{at} after {}{resume}; retrying in {}",
                    migration.tag,
                    ms(*elapsed),
                    ms(*backoff)
                ));
            }
            shale_runner::Progress::Resuming { migration, resumed } => {
                ui.result(&format!(
                    "{} {}: {}",
                    ui.paint(Style::Warn, "resuming"),
                    migration.tag,
                    resumed_text(resumed)
                ));
            }
            shale_runner::Progress::Running { .. } => running(p),
        };
        shale_runner::migrate_watching(&mut client, &folder, &options, &mut report_progress, watch)
    };
    let report = match result {
        Ok(r) => r,
        Err(e) if e.is_finding() => {
            ui.error(&anyhow!("{e}"));
            return Ok(Outcome::Findings);
        }
        Err(e) => return Err(anyhow!("{e}")),
    };
    for row in &report.unknown {
        ui.warn(&format!(
            "the database has a migration that is not in the journal (tracking row id {}, created_at {}): \
             it was applied from another branch or a deleted file",
            row.id,
            row.created_at.map_or("NULL".into(), |c| c.to_string())
        ));
    }
    if report.dry_run {
        for p in &report.planned {
            let note = match (&p.no_transaction, p.out_of_order) {
                (Some(why), _) => format!(" (outside a transaction: {why})"),
                (None, true) => " (out of order)".to_string(),
                (None, false) => String::new(),
            };
            ui.result(&format!(
                "{} {}{note}",
                ui.paint(Style::Warn, "would apply"),
                p.migration.tag
            ));
            for s in &p.statements {
                ui.line(&format!("{}\n", s.sql));
            }
        }
        if report.planned.is_empty() {
            ui.result("nothing to do: the database is up to date");
        }
    } else {
        for a in &report.applied {
            let mut notes = Vec::new();
            if a.out_of_order {
                notes.push("out of order".to_string());
            }
            if let Some(why) = &a.no_transaction {
                notes.push(format!("outside a transaction: {why}"));
            }
            if a.attempts > 1 {
                notes.push(format!("attempt {} after lock timeouts", a.attempts));
            }
            if let Some(r) = &a.resumed {
                notes.push(format!(
                    "resumed after the {} of {} SQL statement(s) its interrupted run had applied",
                    r.after, r.total
                ));
            }
            let notes = if notes.is_empty() {
                String::new()
            } else {
                format!(" ({})", notes.join("; "))
            };
            ui.result(&format!(
                "{} {} ({} statement{}) in {}{notes}",
                ui.paint(Style::Good, "applied"),
                a.migration.tag,
                a.statements,
                if a.statements == 1 { "" } else { "s" },
                ms(a.duration)
            ));
        }
        for m in &report.applied_by_another_runner {
            ui.line(&format!(
                "{} {} (applied by another runner meanwhile)",
                ui.paint(Style::Dim, "skipped"),
                m.tag
            ));
        }
        if report.applied.is_empty() {
            ui.result("nothing to do: the database is up to date");
        } else {
            let n = report.applied.len();
            ui.line(&format!(
                "{n} migration{} applied in {}",
                if n == 1 { "" } else { "s" },
                ms(report.total)
            ));
        }
    }
    ui.document(&json!({
        "dry_run": report.dry_run,
        "applied": report.applied.iter().map(|a| json!({
            "tag": a.migration.tag,
            "idx": a.migration.idx,
            "statements": a.statements,
            "duration_ms": a.duration.as_secs_f64() * 1000.0,
            "out_of_order": a.out_of_order,
            "no_transaction": a.no_transaction,
            "attempts": a.attempts,
            "resumed": a.resumed.as_ref().map(|r| json!({
                "after": r.after,
                "total": r.total,
                "statement": r.statement,
                "action": r.action,
            })),
        })).collect::<Vec<_>>(),
        "planned": report.planned.iter().map(|p| json!({
            "tag": p.migration.tag,
            "idx": p.migration.idx,
            "statements": p.statements.iter().map(|s| s.sql.as_str()).collect::<Vec<_>>(),
            "out_of_order": p.out_of_order,
            "no_transaction": p.no_transaction,
        })).collect::<Vec<_>>(),
        "applied_by_another_runner": report.applied_by_another_runner.iter().map(|m| m.tag.as_str()).collect::<Vec<_>>(),
        "total_ms": report.total.as_secs_f64() * 1000.0,
    }));
    Ok(Outcome::Clean)
}

/// Runs `shale status`: exit 0 when everything is applied and nothing is
/// wrong, 1 when anything is pending, edited, unknown or in progress.
pub fn status(ctx: &Context<'_>, args: &StatusArgs) -> Result<Outcome> {
    if args.fleet.targets.is_some() {
        return super::fleet::status(ctx, &args.fleet);
    }
    let folder = ctx.load_folder()?;
    let table = ctx.tracking_table();
    let status = if ctx.config.dialect == crate::config::Dialect::Sqlite {
        shale_runner::sqlite::status(&ctx.open_sqlite()?, &folder, &table.table)
    } else {
        shale_runner::status(&mut ctx.connect()?, &folder, &table)
    }
    .map_err(|e| anyhow!("{e}"))?;
    let mut status = status;
    // A project without snapshots (migrations written by hand) declares
    // nothing: every NOT VALID constraint is then a leftover.
    if let Ok(Some((_, bytes))) = ctx.read_latest_snapshot(&folder.journal) {
        if let Ok(snapshot) =
            shale_migrations::snapshot::Snapshot::from_json(&String::from_utf8_lossy(&bytes))
        {
            drop_declared_not_valid(&mut status.leftovers, &snapshot.schema);
        }
    }
    print_status(ctx, &status, &table);
    Ok(if status.is_up_to_date() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

fn print_status(ctx: &Context<'_>, s: &Status, table: &TrackingTable) {
    let ui = ctx.ui;
    if !s.table_exists {
        let name = match ctx.config.dialect {
            crate::config::Dialect::Sqlite => shale_runner::quote_ident(&table.table),
            crate::config::Dialect::Postgresql => table.qualified(),
        };
        ui.line(&format!("no tracking table {name} yet: nothing applied"));
    }
    for a in &s.applied {
        // A time shale does not know (a row drizzle's migrator wrote, which
        // records none) is said to be unknown, never guessed.
        let when = match a.row.applied_at.as_deref() {
            Some(t) => format!("  {t}"),
            None => "  at an unknown time (before shale recorded times)".to_string(),
        };
        ui.line(&format!(
            "{}   {}{}",
            ui.paint(Style::Good, "applied"),
            a.migration.tag,
            ui.paint(Style::Dim, &when)
        ));
    }
    for e in &s.edited {
        ui.result(&format!(
            "{}    {}  changed after it was applied (recorded sha256 {}…, file {}…)",
            ui.paint(Style::Bad, "edited"),
            e.migration.tag,
            &e.recorded_hash.get(..12).unwrap_or(&e.recorded_hash),
            &e.file_hash.get(..12).unwrap_or(&e.file_hash)
        ));
    }
    for p in &s.in_progress {
        let state = if p.running {
            format!(
                "being applied outside a transaction now ({} of {} SQL statement(s) done)",
                p.marker.done, p.total_statements
            )
        } else {
            p.advice(table)
        };
        ui.result(&format!(
            "{} {}  {state}",
            ui.paint(Style::Bad, "in progress"),
            p.migration.tag
        ));
    }
    for p in &s.pending {
        let note = if p.out_of_order {
            "  out of order: older than the newest applied migration"
        } else {
            ""
        };
        ui.result(&format!(
            "{}   {}{}",
            ui.paint(Style::Warn, "pending"),
            p.migration.tag,
            ui.paint(Style::Dim, note)
        ));
    }
    for r in &s.unknown {
        ui.result(&format!(
            "{}   tracking row id {} (created_at {}): applied but not in the local journal",
            ui.paint(Style::Bad, "unknown"),
            r.id,
            r.created_at.map_or("NULL".into(), |c| c.to_string())
        ));
    }
    for l in &s.leftovers {
        ui.result(&format!(
            "{}  {}  repair: {}",
            ui.paint(Style::Bad, "leftover"),
            leftover_text(l),
            l.repair
        ));
    }
    if s.is_up_to_date() {
        ui.result(&format!("up to date: {} applied", s.applied.len()));
    }
    ui.document(&json!({
        "up_to_date": s.is_up_to_date(),
        "table_exists": s.table_exists,
        "applied": s.applied.iter().map(|a| json!({
            "tag": a.migration.tag, "idx": a.migration.idx, "applied_at": a.row.applied_at,
        })).collect::<Vec<_>>(),
        "pending": s.pending.iter().map(|p| json!({
            "tag": p.migration.tag, "idx": p.migration.idx, "out_of_order": p.out_of_order,
        })).collect::<Vec<_>>(),
        "edited": s.edited.iter().map(|e| json!({
            "tag": e.migration.tag, "file": e.path.display().to_string(),
            "recorded_hash": e.recorded_hash, "file_hash": e.file_hash,
        })).collect::<Vec<_>>(),
        "unknown": s.unknown.iter().map(|r| json!({
            "id": r.id, "hash": r.hash, "created_at": r.created_at,
        })).collect::<Vec<_>>(),
        "in_progress": s.in_progress.iter().map(|p| json!({
            "tag": p.migration.tag, "running": p.running, "total_statements": p.total_statements,
            "statements_done": p.marker.done,
            "resumable": p.not_resumable.is_none(),
            "not_resumable": p.not_resumable,
            "advice": (!p.running).then(|| p.advice(table)),
        })).collect::<Vec<_>>(),
        "leftovers": s.leftovers.iter().map(|l| json!({
            "kind": match l.kind {
                shale_runner::LeftoverKind::InvalidIndex => "invalid_index",
                shale_runner::LeftoverKind::NotValidConstraint => "not_valid_constraint",
            },
            "name": l.name, "table": l.table, "repair": l.repair,
        })).collect::<Vec<_>>(),
    }));
}

/// `index "public"."x" on "public"."t" is INVALID (…)`, for `status` and `check --db`.
pub fn leftover_text(l: &shale_runner::Leftover) -> String {
    match l.kind {
        shale_runner::LeftoverKind::InvalidIndex => format!(
            "index {} on {} is INVALID: a concurrent build failed or was interrupted (or is running now); \
             it slows every write and serves no query",
            l.name, l.table
        ),
        shale_runner::LeftoverKind::NotValidConstraint => format!(
            "constraint {} on {} is NOT VALID: added without checking the existing rows, never validated",
            l.name, l.table
        ),
    }
}

/// Leaves out of the leftovers the constraints the schema itself declares
/// `not_valid`: left unvalidated on purpose, not by an interrupted run.
pub(crate) fn drop_declared_not_valid(
    leftovers: &mut Vec<shale_runner::Leftover>,
    schema: &shale_model::Schema,
) {
    use shale_runner::quote_ident;
    let mut declared = std::collections::HashSet::new();
    for t in &schema.tables {
        let table = format!(
            "{}.{}",
            quote_ident(&t.name.namespace),
            quote_ident(&t.name.name)
        );
        let names = t
            .checks
            .iter()
            .filter(|c| c.not_valid)
            .map(|c| &c.name)
            .chain(
                t.foreign_keys
                    .iter()
                    .filter(|f| f.not_valid)
                    .map(|f| &f.name),
            );
        for name in names {
            let qualified = format!("{}.{}", quote_ident(&t.name.namespace), quote_ident(name));
            declared.insert((table.clone(), qualified));
        }
    }
    leftovers.retain(|l| {
        l.kind != shale_runner::LeftoverKind::NotValidConstraint
            || !declared.contains(&(l.table.clone(), l.name.clone()))
    });
}
