//! `shale lint [FILES]`: the hazard rules of `shale-lint` over migration SQL
//! (by default every migration of the folder, in journal order). Exit 1 when a
//! finding has error severity; warnings are printed and do not fail.

use std::path::PathBuf;

use anyhow::{anyhow, bail, Result};
use serde_json::json;
use shale_lint::{Finding, Severity};
use shale_migrations::sum::{Sum, SumProblem};

use super::Context;
use crate::lint_cache::LintCache;
use crate::output::Style;
use crate::Outcome;

/// `shale lint` flags.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Migration files to lint (default: every migration in the journal of
    /// the migrations folder).
    #[arg(value_name = "FILES")]
    pub files: Vec<PathBuf>,
    /// Lint every file afresh, without reading or writing the lint cache
    /// (`.shale/cache/lint/` beside shale.toml).
    #[arg(long)]
    pub no_cache: bool,
    /// Mark every migration of the folder as history in
    /// `migrations/meta/shale.sum`: for migrations already applied whose
    /// findings can no longer be fixed. `shale check` then leaves them out of
    /// the lint gate; every later migration is gated as usual.
    #[arg(long, conflicts_with = "files")]
    pub accept_history: bool,
}

/// A lint finding told in one line for `shale check`: rule, what, and the
/// safe alternative.
pub fn one_line_message(f: &Finding) -> String {
    format!("{}: {}; instead: {}", f.rule, f.message, f.help)
}

/// The files `shale lint` reads when none are named, and how many
/// migrations before them are history: the journal's after the history, in
/// order, else every `.sql` in the folder (a folder whose journal is broken
/// can still be linted).
fn default_files(ctx: &Context<'_>) -> Result<(Vec<PathBuf>, usize)> {
    if let Ok(folder) = ctx.load_folder() {
        let history = ctx.history_len(&folder);
        let files = folder
            .migrations
            .into_iter()
            .skip(history)
            .map(|m| m.path)
            .collect();
        return Ok((files, history));
    }
    let dir = &ctx.config.migrations;
    let entries = std::fs::read_dir(dir).map_err(|e| {
        anyhow!(
            "cannot read the migrations folder {}: {e}; name the files to lint, or run `shale generate` first",
            dir.display()
        )
    })?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        // Down files are not migrations: `shale rollback` runs them.
        .filter(|p| !p.to_string_lossy().ends_with(".down.sql"))
        .collect();
    files.sort();
    Ok((files, 0))
}

/// Runs `shale lint`.
pub fn run(ctx: &Context<'_>, args: &Args) -> Result<Outcome> {
    let ui = ctx.ui;
    if args.accept_history {
        return accept_history(ctx, args);
    }
    let (files, history) = if args.files.is_empty() {
        default_files(ctx)?
    } else {
        (args.files.clone(), 0)
    };
    if history > 0 && !ui.json() {
        ui.line(&format!(
            "{} {history} migration(s) recorded as history in {} (name them to lint them)",
            ui.paint(Style::Dim, "skipped"),
            ctx.sum_path().display()
        ));
    }
    let cache = LintCache::new(&ctx.config.root, !args.no_cache);
    let mut findings: Vec<Finding> = Vec::new();
    for path in &files {
        // An unreadable file is "could not run" (exit 2), not a finding.
        let text = shale_lint::read_migration(path).map_err(|e| anyhow!("{e}"))?;
        let (found, _) = cache.lint(path, &text, ctx.snapshot_dialect(), &ctx.config.lint);
        findings.extend(found);
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    for f in &findings {
        let level = f.severity.as_str();
        if ui.github() {
            let file = f.path.display().to_string();
            let message = format!("{} (help: {})", f.message, f.help);
            ui.annotation(
                level,
                Some(&file),
                Some(f.line),
                &format!("shale lint: {}", f.rule),
                &message,
            );
        } else {
            let style = if f.severity == Severity::Error {
                Style::Bad
            } else {
                Style::Warn
            };
            ui.result(&format!(
                "{}:{}:{}: {}[{}]: {}\n  {}: {}",
                f.path.display(),
                f.line,
                f.column,
                ui.paint(style, level),
                f.rule,
                f.message,
                ui.paint(Style::Dim, "help"),
                f.help
            ));
        }
    }
    if !ui.json() {
        let summary = format!(
            "{} file(s) linted: {errors} error(s), {warnings} warning(s)",
            files.len()
        );
        if errors > 0 {
            ui.result(&format!(
                "{}: {summary}",
                ui.paint(Style::Bad, "lint failed")
            ));
        } else {
            ui.result(&format!("{}: {summary}", ui.paint(Style::Good, "ok")));
        }
    }
    ui.document(&json!({
        "ok": errors == 0,
        "history": history,
        "files": files.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
        "errors": errors,
        "warnings": warnings,
        "findings": findings.iter().map(|f| json!({
            "rule": f.rule.name(),
            "severity": f.severity.as_str(),
            "file": f.path.display().to_string(),
            "line": f.line,
            "column": f.column,
            "statement": f.statement_index,
            "message": f.message,
            "help": f.help,
        })).collect::<Vec<_>>(),
    }));
    Ok(if errors > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// `shale lint --accept-history`: records every migration of the folder as
/// history in `shale.sum`. Only what the record already vouches for becomes
/// history: a file edited since it was recorded is refused (exit 1).
fn accept_history(ctx: &Context<'_>, args: &Args) -> Result<Outcome> {
    let ui = ctx.ui;
    let folder = ctx.load_folder()?;
    let Some(last) = folder.migrations.last() else {
        bail!(
            "{} has no migrations: there is no history to accept",
            ctx.config.migrations.display()
        );
    };
    let sum_path = ctx.sum_path();
    let text = std::fs::read_to_string(&sum_path).map_err(|_| {
        anyhow!(
            "{} is missing: record the migrations with `shale hash` first, then accept them as history",
            sum_path.display()
        )
    })?;
    let sum = Sum::parse(&text).map_err(|e| anyhow!("{e}"))?;
    // Migrations and their down files, as `shale.sum` records them.
    let recorded = folder.recorded_files();
    let problems: Vec<String> = sum
        .verify(recorded.iter().map(|(n, b)| (n.as_str(), b.as_slice())))
        .into_iter()
        .filter(|p| !matches!(p, SumProblem::UnknownHistory { .. }))
        .map(|p| p.to_string())
        .collect();
    if !problems.is_empty() {
        for p in &problems {
            ui.result(&format!("{}: {p}", ui.paint(Style::Bad, "error")));
        }
        ui.result(&format!(
            "{}: history is what {} vouches for; nothing was written",
            ui.paint(Style::Bad, "refused"),
            sum_path.display()
        ));
        ui.document(&json!({ "status": "refused", "problems": problems }));
        return Ok(Outcome::Findings);
    }
    let before = ctx.history_len(&folder);
    let cache = LintCache::new(&ctx.config.root, !args.no_cache);
    let (mut errors, mut warnings) = (0, 0);
    for m in folder.migrations.iter().skip(before) {
        let (found, _) = cache.lint(&m.path, &m.text, ctx.snapshot_dialect(), &ctx.config.lint);
        for f in found {
            if f.severity == Severity::Error {
                errors += 1;
            } else {
                warnings += 1;
            }
        }
    }
    ctx.record_history(&folder)?;
    let n = folder.migrations.len();
    ui.result(&format!(
        "{} {n} migration(s) up to {} as history in {} ({} newly, with {errors} lint error(s) and {warnings} \
         warning(s) now exempt from `shale check`); commit it; every later migration is gated as usual",
        ui.paint(Style::Good, "recorded"),
        last.entry.tag,
        sum_path.display(),
        n - before
    ));
    ui.document(&json!({
        "status": "recorded",
        "history": n,
        "until": last.entry.tag,
        "newly": n - before,
        "exempt_errors": errors,
        "exempt_warnings": warnings,
        "sum": sum_path.display().to_string(),
    }));
    Ok(Outcome::Clean)
}
