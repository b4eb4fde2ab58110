//! `shale check`: the CI drift gate. Exit 0 when the migrations folder, its
//! journal, the snapshots, the integrity record and the schema source agree;
//! exit 1 with a fix-it message per problem otherwise; exit 2 when it cannot
//! run (unreadable schema source, connection failure with `--db`).

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde_json::json;
use shale_differ::MigrationPair;
use shale_migrations::folder::MigrationFolder;
use shale_migrations::snapshot;
use shale_migrations::sum::Sum;
use shale_model::Schema;
use shale_sql::SqlDialect;

use super::Context;
use crate::output::Style;
use crate::Outcome;

/// `shale check` flags (`--db URL` is the global flag: when given, the
/// database's migrations and drift are checked too).
#[derive(Debug, clap::Args)]
pub struct Args {}

/// One problem found.
#[derive(Clone, Debug)]
pub struct Finding {
    /// A short stable code: `journal`, `snapshots`, `integrity`, `schema`, …
    pub code: &'static str,
    /// The file concerned, if one.
    pub file: Option<PathBuf>,
    /// 1-based line in it, if known.
    pub line: Option<usize>,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl Finding {
    fn new(code: &'static str, file: Option<&Path>, message: impl Into<String>) -> Finding {
        Finding { code, file: file.map(Path::to_path_buf), line: None, message: message.into() }
    }
}

/// Runs `shale check`.
pub fn run(ctx: &Context<'_>, _args: &Args) -> Result<Outcome> {
    let ui = ctx.ui;
    // An unreadable schema source is "could not run" (exit 2), not a finding.
    let parsed = ctx.parse_schema()?;
    let mut findings = Vec::new();
    let mut passed: Vec<String> = Vec::new();

    // 1. The journal and the files agree.
    let folder = if ctx.config.migrations.exists() {
        match ctx.load_folder() {
            Ok(f) => {
                passed.push(format!("journal and files agree ({} migration(s))", f.migrations.len()));
                Some(f)
            }
            Err(e) => {
                for line in e.to_string().lines() {
                    findings.push(Finding::new("journal", Some(&ctx.journal_path()), line));
                }
                None
            }
        }
    } else {
        None
    };
    let entries = folder.as_ref().map_or(0, |f| f.migrations.len());

    // 2. The snapshot chain is whole and matches the journal.
    let latest = check_snapshots(ctx, folder.as_ref(), entries, &mut findings, &mut passed);

    // 3. No generated migration was edited (the integrity record).
    if let Some(folder) = &folder {
        check_sum(ctx, folder, &mut findings, &mut passed);
    }

    // 4. The schema source has no un-generated change.
    if let Some(previous) = latest {
        check_schema(ctx, &previous, &parsed.schema, &parsed.renames, &mut findings, &mut passed);
    }

    report(ctx, &findings, &passed);
    if findings.is_empty() {
        Ok(Outcome::Clean)
    } else {
        if !ui.json() {
            let n = findings.len();
            ui.result(&format!(
                "{}: {n} problem{}",
                ui.paint(Style::Bad, "check failed"),
                if n == 1 { "" } else { "s" }
            ));
        }
        Ok(Outcome::Findings)
    }
}

/// Checks the snapshots; returns the latest snapshot's schema when the chain
/// is usable (the empty schema for a project without migrations).
fn check_snapshots(
    ctx: &Context<'_>,
    folder: Option<&MigrationFolder>,
    entries: usize,
    findings: &mut Vec<Finding>,
    passed: &mut Vec<String>,
) -> Option<Schema> {
    let dir = &ctx.config.snapshots;
    if entries == 0 && !dir.exists() {
        return Some(Schema::default());
    }
    let files = match snapshot::load_dir(dir) {
        Ok(files) => files,
        Err(e) => {
            findings.push(Finding::new("snapshots", Some(dir), format!("{e}")));
            return None;
        }
    };
    let folder = folder?;
    if files.len() != entries {
        for m in folder.migrations.iter().skip(files.len()) {
            findings.push(Finding::new(
                "snapshots",
                Some(&dir.join(snapshot::file_name(m.entry.idx))),
                format!(
                    "migration {} has no snapshot: restore snapshots/{} from version control, or regenerate this branch's migrations with `shale rebase`",
                    m.entry.tag,
                    snapshot::file_name(m.entry.idx)
                ),
            ));
        }
        for f in files.iter().skip(entries) {
            findings.push(Finding::new(
                "snapshots",
                Some(&f.path),
                format!("snapshot {} has no journal entry: delete it, or restore the migration it belongs to", f.path.display()),
            ));
        }
        return None;
    }
    for f in &files {
        if f.snapshot.dialect != ctx.snapshot_dialect() {
            findings.push(Finding::new(
                "snapshots",
                Some(&f.path),
                format!("snapshot is for {}, but shale.toml says {}", f.snapshot.dialect, ctx.config.dialect.as_str()),
            ));
        }
    }
    passed.push(format!("snapshot chain is whole ({} snapshot(s))", files.len()));
    Some(files.into_iter().last().map(|f| f.snapshot.schema).unwrap_or_default())
}

fn check_sum(ctx: &Context<'_>, folder: &MigrationFolder, findings: &mut Vec<Finding>, passed: &mut Vec<String>) {
    let path = ctx.sum_path();
    let names: Vec<String> = folder.migrations.iter().map(|m| m.file_name()).collect();
    let files = names.iter().zip(&folder.migrations).map(|(n, m)| (n.as_str(), m.bytes.as_slice()));
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(_) if folder.migrations.is_empty() => return,
        Err(_) => {
            findings.push(Finding::new(
                "integrity",
                Some(&path),
                format!("{} is missing: record the current files with `shale hash`", path.display()),
            ));
            return;
        }
    };
    let sum = match Sum::parse(&text) {
        Ok(s) => s,
        Err(e) => {
            findings.push(Finding::new("integrity", Some(&path), e.to_string()));
            return;
        }
    };
    let problems = sum.verify(files);
    if problems.is_empty() {
        passed.push("no migration was edited after generation".into());
    }
    for p in problems {
        let file = match &p {
            shale_migrations::sum::SumProblem::Edited { file, .. }
            | shale_migrations::sum::SumProblem::Unrecorded { file } => ctx.config.migrations.join(file),
            _ => path.clone(),
        };
        findings.push(Finding::new("integrity", Some(&file), p.to_string()));
    }
}

fn check_schema(
    ctx: &Context<'_>,
    previous: &Schema,
    next: &Schema,
    renames: &shale_model::RenameHints,
    findings: &mut Vec<Finding>,
    passed: &mut Vec<String>,
) {
    let schema_path = ctx.config.schema.clone();
    match shale_differ::diff(MigrationPair::new(previous, next), renames) {
        Ok(plan) if plan.is_empty() => passed.push("the schema matches the latest snapshot".into()),
        Ok(plan) => {
            let statements = shale_sql::Postgres.render(&plan, MigrationPair::new(previous, next));
            let summary: Vec<String> = statements
                .iter()
                .map(|s| format!("    {}", s.sql.lines().next().unwrap_or_default()))
                .collect();
            findings.push(Finding::new(
                "schema",
                Some(&schema_path),
                format!(
                    "the schema changed since the latest migration: run `shale generate` and commit the result; it would write {} statement{}:\n{}",
                    statements.len(),
                    if statements.len() == 1 { "" } else { "s" },
                    summary.join("\n")
                ),
            ));
        }
        Err(ambiguities) => findings.push(Finding::new(
            "schema",
            Some(&schema_path),
            format!(
                "the schema changed since the latest migration: run `shale generate` and commit the result; {}",
                super::generate::ambiguity_message(&ambiguities.0)
            ),
        )),
    }
}

fn report(ctx: &Context<'_>, findings: &[Finding], passed: &[String]) {
    let ui = ctx.ui;
    for p in passed {
        ui.line(&format!("{} {p}", ui.paint(Style::Good, "ok")));
    }
    for f in findings {
        let location = match (&f.file, f.line) {
            (Some(file), Some(line)) => format!("{}:{line}: ", file.display()),
            (Some(file), None) => format!("{}: ", file.display()),
            _ => String::new(),
        };
        if ui.github() {
            let file = f.file.as_ref().map(|p| p.display().to_string());
            ui.annotation("error", file.as_deref(), f.line, &format!("shale check: {}", f.code), &f.message);
        } else {
            ui.result(&format!("{}[{}]: {location}{}", ui.paint(Style::Bad, "error"), f.code, f.message));
        }
    }
    ui.document(&json!({
        "ok": findings.is_empty(),
        "passed": passed,
        "findings": findings.iter().map(|f| json!({
            "code": f.code,
            "file": f.file.as_ref().map(|p| p.display().to_string()),
            "line": f.line,
            "message": f.message,
        })).collect::<Vec<_>>(),
    }));
}
