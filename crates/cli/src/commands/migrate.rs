//! `shale migrate` and `shale status`: apply pending migrations exactly once,
//! and report where a database stands against the migrations folder.

use std::time::Duration;

use anyhow::{anyhow, Result};
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
    /// behind it.
    #[arg(long, value_name = "DURATION")]
    pub lock_timeout: Option<String>,
    /// PostgreSQL `statement_timeout` for the migrations' statements (e.g. `10min`).
    #[arg(long, value_name = "DURATION")]
    pub statement_timeout: Option<String>,
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
        let files: Vec<(String, Vec<u8>)> = folder
            .migrations
            .iter()
            .map(|m| (m.file_name(), m.bytes.clone()))
            .collect();
        let last = files.last().map(|(n, _)| n.clone());
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

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Runs `shale migrate`.
pub fn migrate(ctx: &Context<'_>, args: &MigrateArgs) -> Result<Outcome> {
    if args.fleet.targets.is_some() {
        let options = super::fleet::RolloutOptions {
            canary: args.canary,
            stop_on_first_failure: args.stop_on_first_failure,
            dry_run: args.dry_run,
            to: args.to.as_deref(),
            wait: Duration::from_secs(args.wait),
            lock_timeout: args.lock_timeout.as_deref(),
            statement_timeout: args.statement_timeout.as_deref(),
        };
        return super::fleet::migrate(ctx, &args.fleet, &options);
    }
    let ui = ctx.ui;
    let folder = ctx.load_folder()?;
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
        shale_runner::sqlite::migrate(&mut conn, &folder, &options)
    } else {
        let url = ctx.config.database_url(ctx.db_flag)?;
        let info = shale_db::ConnInfo::parse(&url).map_err(|e| anyhow!("{e}"))?;
        let mut client = shale_db::connect_info(&info).map_err(|e| anyhow!("{e}"))?;
        // The URL's timeouts, overridden by the flags, are applied with SET LOCAL
        // in each migration's transaction so that they hold behind a pooler too.
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
                    .or(info.settings.lock_timeout.clone()),
                search_path: None,
            },
        };
        shale_runner::migrate(&mut client, &folder, &options)
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
            "being applied outside a transaction now"
        } else {
            "interrupted while applied outside a transaction"
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
        })).collect::<Vec<_>>(),
    }));
}
