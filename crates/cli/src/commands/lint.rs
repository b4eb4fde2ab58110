//! `shale lint [FILES]`: the hazard rules of `shale-lint` over migration SQL
//! (by default every migration of the folder, in journal order). Exit 1 when a
//! finding has error severity; warnings are printed and do not fail.

use std::path::PathBuf;

use anyhow::{anyhow, Result};
use serde_json::json;
use shale_lint::{Finding, Severity};

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
}

/// A lint finding told in one line for `shale check`: rule, what, and the
/// safe alternative.
pub fn one_line_message(f: &Finding) -> String {
    format!("{}: {}; instead: {}", f.rule, f.message, f.help)
}

/// The files `shale lint` reads when none are named: the journal's, in
/// order, else every `.sql` in the folder (a folder whose journal is broken
/// can still be linted).
fn default_files(ctx: &Context<'_>) -> Result<Vec<PathBuf>> {
    if let Ok(folder) = ctx.load_folder() {
        return Ok(folder.migrations.into_iter().map(|m| m.path).collect());
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
        .collect();
    files.sort();
    Ok(files)
}

/// Runs `shale lint`.
pub fn run(ctx: &Context<'_>, args: &Args) -> Result<Outcome> {
    let ui = ctx.ui;
    let files = if args.files.is_empty() {
        default_files(ctx)?
    } else {
        args.files.clone()
    };
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
