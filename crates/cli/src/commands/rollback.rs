//! `shale rollback`: undo applied migrations, newest first, by running their
//! down files (`NNNN_tag.down.sql`), each in its own transaction with the
//! deletion of its tracking row, under `migrate`'s lock.
//!
//! Exit 0 when done (or nothing to do), 1 when refused (a missing, edited,
//! empty or data-losing down file, every one named) or when a down file
//! failed, 2 when it could not run (connection, lock timeout, bad `--to` or
//! `--steps`, a newer migration applied meanwhile).

use std::time::Duration;

use anyhow::{anyhow, Result};
use serde_json::json;
use shale_runner::{RollbackOptions, RollbackTarget};

use super::Context;
use crate::output::Style;
use crate::Outcome;

/// `shale rollback` flags.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Undo every applied migration after this one (its tag, the file name
    /// without `.sql`); it stays applied.
    #[arg(long, value_name = "TAG", conflicts_with = "steps")]
    pub to: Option<String>,
    /// Undo the newest N applied migrations (default 1).
    #[arg(long, value_name = "N")]
    pub steps: Option<usize>,
    /// Print what would run (each migration to undo and its down file's
    /// statements); change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Undo migrations whose down file is marked as losing data
    /// (`-- shale:data-loss:` lines: it drops a table or column the
    /// migration added, say). Without it they are refused.
    #[arg(long)]
    pub accept_data_loss: bool,
    /// Seconds to wait for another `shale migrate` or `shale rollback` on
    /// the same database.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub wait: u64,
    /// PostgreSQL `lock_timeout` for the down files' statements (e.g. `5s`).
    #[arg(long, value_name = "DURATION")]
    pub lock_timeout: Option<String>,
    /// PostgreSQL `statement_timeout` for the down files' statements.
    #[arg(long, value_name = "DURATION")]
    pub statement_timeout: Option<String>,
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Runs `shale rollback`.
pub fn run(ctx: &Context<'_>, args: &Args) -> Result<Outcome> {
    let ui = ctx.ui;
    let folder = ctx.load_folder()?;
    let sum = std::fs::read_to_string(ctx.sum_path())
        .ok()
        .and_then(|t| shale_migrations::sum::Sum::parse(&t).ok());
    let target = match &args.to {
        Some(tag) => RollbackTarget::To(tag.clone()),
        None => RollbackTarget::Steps(args.steps.unwrap_or(1)),
    };
    let mut options = RollbackOptions {
        target,
        dry_run: args.dry_run,
        accept_data_loss: args.accept_data_loss,
        table: ctx.tracking_table(),
        lock_timeout: Duration::from_secs(args.wait),
        sum,
        ..RollbackOptions::default()
    };
    let result = if ctx.config.dialect == crate::config::Dialect::Sqlite {
        let path = ctx.sqlite_path()?;
        let mut conn = shale_runner::sqlite::open_existing(&path, options.lock_timeout)
            .map_err(|e| anyhow!("{e}"))?;
        shale_runner::sqlite::rollback(&mut conn, &folder, &options)
    } else {
        let url = ctx.config.database_url(ctx.db_flag)?;
        let info = shale_db::ConnInfo::parse(&url).map_err(|e| anyhow!("{e}"))?;
        let mut client = shale_db::connect_info(&info).map_err(|e| anyhow!("{e}"))?;
        options.settings = shale_db::Settings {
            statement_timeout: args
                .statement_timeout
                .clone()
                .or(info.settings.statement_timeout.clone()),
            lock_timeout: args
                .lock_timeout
                .clone()
                .or(info.settings.lock_timeout.clone()),
            search_path: None,
        };
        shale_runner::rollback(&mut client, &folder, &options)
    };
    let report = match result {
        Ok(r) => r,
        Err(e) if e.is_finding() => {
            ui.error(&anyhow!("{e}"));
            return Ok(Outcome::Findings);
        }
        Err(e) => return Err(anyhow!("{e}")),
    };
    if report.dry_run {
        for p in &report.planned {
            let note = if p.data_loss.is_empty() {
                String::new()
            } else {
                format!(" (data loss accepted: {})", p.data_loss.join("; "))
            };
            ui.result(&format!(
                "{} {} with {}{note}",
                ui.paint(Style::Warn, "would roll back"),
                p.migration.tag,
                p.path.display()
            ));
            for s in &p.statements {
                ui.line(&format!("{}\n", s.sql));
            }
        }
        if report.planned.is_empty() {
            ui.result("nothing to roll back");
        }
    } else {
        for r in &report.rolled_back {
            ui.result(&format!(
                "{} {} ({} statement{}) in {}",
                ui.paint(Style::Good, "rolled back"),
                r.migration.tag,
                r.statements,
                if r.statements == 1 { "" } else { "s" },
                ms(r.duration)
            ));
        }
        for m in &report.rolled_back_by_another_runner {
            ui.line(&format!(
                "{} {} (rolled back by another runner meanwhile)",
                ui.paint(Style::Dim, "skipped"),
                m.tag
            ));
        }
        if report.rolled_back.is_empty() {
            ui.result("nothing rolled back");
        } else {
            let n = report.rolled_back.len();
            ui.line(&format!(
                "{n} migration{} rolled back in {}",
                if n == 1 { "" } else { "s" },
                ms(report.total)
            ));
        }
    }
    ui.document(&json!({
        "status": if report.dry_run { "dry_run" } else { "done" },
        "dry_run": report.dry_run,
        "rolled_back": report.rolled_back.iter().map(|r| json!({
            "tag": r.migration.tag,
            "idx": r.migration.idx,
            "statements": r.statements,
            "duration_ms": r.duration.as_secs_f64() * 1000.0,
        })).collect::<Vec<_>>(),
        "planned": report.planned.iter().map(|p| json!({
            "tag": p.migration.tag,
            "idx": p.migration.idx,
            "down": p.path.display().to_string(),
            "statements": p.statements.iter().map(|s| s.sql.as_str()).collect::<Vec<_>>(),
            "data_loss": p.data_loss,
        })).collect::<Vec<_>>(),
        "rolled_back_by_another_runner": report.rolled_back_by_another_runner.iter().map(|m| m.tag.as_str()).collect::<Vec<_>>(),
        "total_ms": report.total.as_secs_f64() * 1000.0,
    }));
    Ok(Outcome::Clean)
}
