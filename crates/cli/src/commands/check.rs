//! `shale check`: the CI drift gate. Exit 0 when the migrations folder, its
//! journal, the snapshots, the integrity record and the schema source agree
//! and every migration passes the lint rules; exit 1 with a fix-it message per
//! problem otherwise; exit 2 when it cannot run (unreadable schema source,
//! connection failure with `--db`, no shadow database with `--shadow`).
//!
//! Optional gates: `--db URL` (given on the command line, never taken from
//! `$DATABASE_URL`) checks that database's migrations and drift, as `shale
//! status` and `shale verify` do (`--targets` on every target of a fleet,
//! see `fleet::check`); `--shadow` replays every migration into a throwaway
//! database and compares the result with the schema.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use std::time::Instant;

use anyhow::{anyhow, bail, Result};
use serde_json::json;
use shale_differ::MigrationPair;
use shale_migrations::folder::MigrationFolder;
use shale_migrations::snapshot;
use shale_migrations::sum::Sum;
use shale_model::{RenameHints, Schema};
use shale_runner::{MigrateOptions, RunError};

use super::verify::plan_assuming_drops;
use super::Context;
use crate::lint_cache::LintCache;
use crate::output::Style;
use crate::schema_cache::{LatestSnapshot, SchemaCache};
use crate::{drift, sources, Outcome};

/// `shale check` flags (`--db URL` is the global flag: when given on the
/// command line, the database's pending or edited migrations and its drift
/// from the schema are findings too).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Replay every migration into a throwaway database (a PostgreSQL server
    /// started from the local binaries) and compare the result with the
    /// schema: catches hand-written SQL that does not do what the snapshots
    /// claim.
    #[arg(long)]
    pub shadow: bool,
    /// With --shadow (implied): create the throwaway database on this existing
    /// server instead (`CREATE DATABASE shale_shadow_<random>`, dropped
    /// afterwards; the role needs CREATEDB), for CI without local binaries.
    #[arg(long, value_name = "URL")]
    pub shadow_db: Option<String>,
    /// Lint every migration afresh and parse the schema even when unchanged,
    /// without reading or writing the lint and schema caches
    /// (`.shale/cache/` beside shale.toml).
    #[arg(long)]
    pub no_cache: bool,
    /// `--targets SEL [--parallel N] [--connect-timeout S]`: the `--db` gate
    /// on every target of a fleet (see `shale migrate --targets`).
    #[command(flatten)]
    pub fleet: super::fleet::TargetsArgs,
}

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
    pub(crate) fn new(
        code: &'static str,
        file: Option<&Path>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            code,
            file: file.map(Path::to_path_buf),
            line: None,
            message: message.into(),
        }
    }
}

/// Runs `shale check`.
pub fn run(ctx: &Context<'_>, args: &Args) -> Result<Outcome> {
    let ui = ctx.ui;
    let mut findings = Vec::new();
    let mut passed: Vec<String> = Vec::new();

    let mut warnings = Vec::new();
    // An unchanged schema is known from the schema cache (see `generate`),
    // when no gate needs the parsed model itself.
    let cache = SchemaCache::new(
        &ctx.config.root,
        !args.no_cache
            && !args.shadow
            && args.shadow_db.is_none()
            && ctx.db_flag.is_none()
            && args.fleet.targets.is_none(),
    );
    let schema_path = ctx.config.schema.clone();
    let sources = ctx.read_schema_at(&schema_path)?;
    let latest_read = ctx
        .load_journal()
        .and_then(|journal| ctx.read_latest_snapshot(&journal))
        .ok();
    let key = match &latest_read {
        Some(latest) => cache.key(
            &ctx.config,
            &sources,
            match latest {
                Some((path, bytes)) => LatestSnapshot::File(path, bytes),
                None => LatestSnapshot::None,
            },
        ),
        None => String::new(),
    };
    let key_snapshot: Option<PathBuf> = latest_read.flatten().map(|(path, _)| path);
    let cached = cache.unchanged(&key);
    // The schema is parsed on other threads from the start; parsing every
    // statement of every migration for the lint rules, the other slow step
    // on a big project, runs on its own thread as soon as the folder is read.
    let (folder, parsed) = std::thread::scope(|outer| -> Result<_> {
        let parse = outer.spawn(|| {
            let parsed = (!cached).then(|| ctx.parse_read_schema(&schema_path, &sources));
            super::drop_in_background(sources);
            parsed
        });

        // 1. The journal and the files agree.
        let folder = if ctx.config.migrations.exists() {
            match ctx.load_folder() {
                Ok(f) => {
                    passed.push(format!(
                        "journal and files agree ({} migration(s))",
                        f.migrations.len()
                    ));
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
        // Migrations recorded as history (shale.sum) are not gated.
        let history = folder.as_ref().map_or(0, |f| ctx.history_len(f));

        let parsed = std::thread::scope(|s| -> Result<_> {
            let lint = folder
                .as_ref()
                .map(|f| s.spawn(move || lint_folder(ctx, f, history, !args.no_cache)));

            // 0. No unresolved merge of two branches' migrations (reported first).
            let mut conflicts = Vec::new();
            check_conflicts(ctx, &mut conflicts);
            findings.splice(0..0, conflicts);

            // 2. The snapshot chain is whole and matches the journal.
            let latest = check_snapshots(ctx, folder.as_ref(), entries, &mut findings, &mut passed);

            // 3. No generated migration was edited (the integrity record).
            if let Some(folder) = &folder {
                check_sum(ctx, folder, &mut findings, &mut passed);
                // 3b. Down files: none without its migration; say which
                // migrations cannot be rolled back.
                check_downs(folder, &mut findings, &mut passed);
            }

            // An unreadable schema source is "could not run" (exit 2), not a finding.
            let parsed = parse
                .join()
                .map_err(|_| anyhow!("parsing the schema failed unexpectedly"))?
                .transpose()?;

            // 4. The schema source has no un-generated change.
            if let Some((previous, previous_path)) = latest {
                // The cache's answer is about the snapshot the journal ends
                // with; it holds for the one compared here when that is it.
                let same_snapshot = previous_path == key_snapshot;
                match &parsed {
                    None if same_snapshot => {
                        passed.push("the schema matches the latest snapshot".into())
                    }
                    None => {
                        let parsed = ctx.parse_schema()?;
                        check_schema(
                            ctx,
                            &previous,
                            &parsed.schema,
                            &parsed.renames,
                            &mut findings,
                            &mut passed,
                        );
                    }
                    Some(parsed) => {
                        let before = findings.len();
                        check_schema(
                            ctx,
                            &previous,
                            &parsed.schema,
                            &parsed.renames,
                            &mut findings,
                            &mut passed,
                        );
                        if findings.len() == before && same_snapshot {
                            cache.record_unchanged(&key);
                        }
                    }
                }
                super::drop_in_background(previous);
            }

            // 5. Every migration parses and passes the hazard rules.
            if let Some(lint) = lint {
                let (errors, warned) = lint
                    .join()
                    .map_err(|_| anyhow!("the lint rules failed unexpectedly"))?;
                if errors.is_empty() {
                    passed.push(format!(
                        "every migration parses and passes the lint rules ({} file(s))",
                        entries - history
                    ));
                }
                if let Some(folder) = &folder {
                    passed.extend(history_line(ctx, folder, history));
                }
                findings.extend(errors);
                warnings = warned;
            }
            Ok(parsed)
        })?;
        Ok((folder, parsed))
    })?;

    // The gates below need the model: the cache is off when they run, so it
    // was parsed (or it is parsed now, should it not have been).
    let shadow = args.shadow || args.shadow_db.is_some();
    let parsed = match parsed {
        None if shadow || ctx.db_flag.is_some() || args.fleet.targets.is_some() => {
            Some(ctx.parse_schema()?)
        }
        parsed => parsed,
    };

    // 6. `--shadow`: the migrations, replayed, produce the schema.
    if let Some(parsed) = parsed.as_ref().filter(|_| shadow) {
        match &folder {
            Some(folder) => check_shadow(
                ctx,
                args,
                folder,
                &parsed.schema,
                &mut findings,
                &mut passed,
            )?,
            None => ui
                .warn("the shadow replay was skipped: the migrations folder has to be fixed first"),
        }
    }

    // 7. `--db URL`: that database is up to date and matches the schema.
    if let (Some(url), Some(parsed)) = (ctx.db_flag, &parsed) {
        check_database(
            ctx,
            url,
            folder.as_ref(),
            &parsed.schema,
            args.shadow_db.as_deref(),
            &mut findings,
            &mut passed,
        )?;
    }

    // 8. `--targets SEL`: the same for every target of the fleet.
    if let (Some(_), Some(parsed)) = (&args.fleet.targets, &parsed) {
        let schema =
            super::verify::with_printed_views(ctx, &parsed.schema, args.shadow_db.as_deref())?;
        super::fleet::check(
            ctx,
            &args.fleet,
            folder.as_ref(),
            &schema,
            &mut findings,
            &mut passed,
        )?;
    }

    report(ctx, &findings, &warnings, &passed);
    super::drop_in_background((parsed, folder));
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

/// Checks the snapshots; returns the latest snapshot's schema and file when
/// the chain is usable (the empty schema, and no file, for a project without
/// migrations).
fn check_snapshots(
    ctx: &Context<'_>,
    folder: Option<&MigrationFolder>,
    entries: usize,
    findings: &mut Vec<Finding>,
    passed: &mut Vec<String>,
) -> Option<(Schema, Option<PathBuf>)> {
    let dir = &ctx.config.snapshots;
    if entries == 0 && !dir.exists() {
        return Some((Schema::default(), None));
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
                format!(
                    "snapshot {} has no journal entry: delete it, or restore the migration it belongs to",
                    f.path.display()
                ),
            ));
        }
        return None;
    }
    for f in &files {
        if f.snapshot.dialect != ctx.snapshot_dialect() {
            findings.push(Finding::new(
                "snapshots",
                Some(&f.path),
                format!(
                    "snapshot is for {}, but shale.toml says {}",
                    f.snapshot.dialect,
                    ctx.config.dialect.as_str()
                ),
            ));
        }
    }
    passed.push(format!(
        "snapshot chain is whole ({} snapshot(s))",
        files.len()
    ));
    Some(
        files
            .into_iter()
            .last()
            .map(|f| (f.snapshot.schema, Some(f.path)))
            .unwrap_or_default(),
    )
}

fn check_sum(
    ctx: &Context<'_>,
    folder: &MigrationFolder,
    findings: &mut Vec<Finding>,
    passed: &mut Vec<String>,
) {
    let path = ctx.sum_path();
    let recorded = folder.recorded_files();
    let files = recorded.iter().map(|(n, b)| (n.as_str(), b.as_slice()));
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(_) if folder.migrations.is_empty() => return,
        Err(_) => {
            findings.push(Finding::new(
                "integrity",
                Some(&path),
                format!(
                    "{} is missing: record the current files with `shale hash`",
                    path.display()
                ),
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
            | shale_migrations::sum::SumProblem::Unrecorded { file } => {
                ctx.config.migrations.join(file)
            }
            _ => path.clone(),
        };
        findings.push(Finding::new("integrity", Some(&file), p.to_string()));
    }
}

/// `--shadow`, after the replay: rolls the shadow database (PostgreSQL's
/// throwaway database, SQLite's in-memory replay) back migration by migration with the down files, newest first, and after
/// each compares it with the snapshot before that migration. Stops at the
/// first migration without a usable down file (older ones cannot be reached);
/// a down file that fails or leaves a difference is a finding naming it.
fn prove_downs(
    ctx: &Context<'_>,
    args: &Args,
    folder: &MigrationFolder,
    mut shadow: Shadow<'_>,
    findings: &mut Vec<Finding>,
    passed: &mut Vec<String>,
) -> Result<()> {
    let started = Instant::now();
    // The integrity record is checked by its own gate; here every down file
    // runs as it is on disk, data loss accepted (the shadow holds no data).
    let sum = Sum::of(
        folder
            .recorded_files()
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect::<Vec<_>>(),
    );
    let options = shale_runner::RollbackOptions {
        table: shadow.tracking_table(ctx),
        accept_data_loss: true,
        sum: Some(sum),
        ..Default::default()
    };
    let mut proved = 0;
    for m in folder.migrations.iter().rev() {
        if !shale_runner::rollback::down_problems(m, options.sum.as_ref(), true).is_empty() {
            break;
        }
        if let Err(e) = shadow.rollback(folder, &options) {
            let file = m.down.as_ref().map(|d| d.path.clone());
            findings.push(Finding::new(
                "down",
                file.as_deref(),
                format!("in the shadow database, undoing {} failed: {e}", m.tag()),
            ));
            return Ok(());
        }
        let previous = match m.entry.idx.checked_sub(1) {
            None => Schema::default(),
            Some(idx) => {
                let path = ctx.config.snapshots.join(snapshot::file_name(idx));
                let Some(snap) = std::fs::read_to_string(&path)
                    .ok()
                    .and_then(|t| snapshot::Snapshot::from_json(&t).ok())
                else {
                    break; // the snapshot gate reports it
                };
                snap.schema
            }
        };
        let previous =
            super::verify::with_printed_views(ctx, &previous, args.shadow_db.as_deref())?;
        let now = shadow.introspect(ctx)?;
        let pair = MigrationPair::new(&now, &previous);
        let (plan, _) = plan_assuming_drops(pair, &RenameHints::default());
        if !plan.is_empty() {
            let drift = drift::describe(&plan, pair);
            let d = m.down.as_ref().map(|d| d.path.clone());
            findings.push(Finding::new(
                "down",
                d.as_deref(),
                format!(
                    "the down file of {} does not restore the schema before it; {} difference(s) (\"database\" is \
                     what the down file leaves):{}\n  fix the down file (then `shale hash`)",
                    m.tag(),
                    drift.len(),
                    drift::lines(&drift)
                ),
            ));
            return Ok(());
        }
        proved += 1;
    }
    if proved > 0 {
        passed.push(format!(
            "the down files of the newest {proved} migration(s), run in the shadow database, each restore the schema before their migration ({:.1} s)",
            started.elapsed().as_secs_f64()
        ));
    }
    Ok(())
}

/// The shadow database the down files are proved in: PostgreSQL's
/// throwaway database, or SQLite's in-memory replay.
enum Shadow<'a> {
    Postgres(&'a mut shale_db::Client),
    Sqlite(&'a mut rusqlite::Connection),
}

impl Shadow<'_> {
    /// The tracking table the replay wrote.
    fn tracking_table(&self, ctx: &Context<'_>) -> shale_runner::TrackingTable {
        match self {
            Shadow::Postgres(_) => ctx.tracking_table(),
            Shadow::Sqlite(_) => shale_runner::TrackingTable {
                schema: String::new(),
                table: shale_runner::sqlite::DEFAULT_TABLE.into(),
            },
        }
    }

    /// Undoes the newest migration with the dialect's own rollback.
    fn rollback(
        &mut self,
        folder: &MigrationFolder,
        options: &shale_runner::RollbackOptions,
    ) -> Result<shale_runner::RollbackReport, RunError> {
        match self {
            Shadow::Postgres(client) => shale_runner::rollback(client, folder, options),
            Shadow::Sqlite(conn) => shale_runner::sqlite::rollback(conn, folder, options),
        }
    }

    /// The shadow's schema now.
    fn introspect(&mut self, ctx: &Context<'_>) -> Result<Schema> {
        match self {
            Shadow::Postgres(client) => sources::introspect(ctx, client),
            Shadow::Sqlite(conn) => ctx.introspect_sqlite(conn),
        }
    }
}

/// Down files: one whose migration is not in the journal is a finding (an
/// orphan: the migration was renamed or deleted without it); migrations
/// without a usable down file are listed, since `shale rollback` cannot undo
/// them (allowed: older migrations and `adopt`ed ones have none).
fn check_downs(folder: &MigrationFolder, findings: &mut Vec<Finding>, passed: &mut Vec<String>) {
    use shale_migrations::down;
    for path in &folder.orphan_downs {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let tag = name.strip_suffix(down::SUFFIX).unwrap_or(&name);
        findings.push(Finding::new(
            "down",
            Some(path),
            format!(
                "down file {name} has no migration: the journal has no entry `{tag}`;                  rename it after its migration (NNNN_tag{}) or delete it",
                down::SUFFIX
            ),
        ));
    }
    for m in &folder.migrations {
        let Some(d) = &m.down else { continue };
        if let Some(tag) = d.header_tag().filter(|t| *t != m.tag()) {
            findings.push(Finding::new(
                "down",
                Some(&d.path),
                format!(
                    "down file {} says it undoes {tag}, but it is the down file of {};                      fix its first line to `{}{}`",
                    down::file_name(m.tag()),
                    m.tag(),
                    down::HEADER,
                    m.tag()
                ),
            ));
        }
    }
    let without: Vec<&str> = folder
        .migrations
        .iter()
        .filter(|m| m.down.is_none())
        .map(|m| m.tag())
        .collect();
    let unfilled: Vec<&str> = folder
        .migrations
        .iter()
        .filter(|m| {
            m.down.as_ref().is_some_and(|d| d.statements().is_empty()) && !m.statements().is_empty()
        })
        .map(|m| m.tag())
        .collect();
    let total = folder.migrations.len();
    if total == 0 {
        return;
    }
    let mut line = format!(
        "{} of {total} migration(s) have a down file",
        total - without.len()
    );
    if !without.is_empty() {
        line.push_str(&format!(
            "; without one (no rollback): {}",
            list_tags(&without)
        ));
    }
    if !unfilled.is_empty() {
        line.push_str(&format!(
            "; with an empty down file to fill (no rollback yet): {}",
            list_tags(&unfilled)
        ));
    }
    passed.push(line);
}

/// Up to 10 tags, then how many more.
fn list_tags(tags: &[&str]) -> String {
    let mut out = tags.iter().take(10).copied().collect::<Vec<_>>().join(", ");
    if tags.len() > 10 {
        out.push_str(&format!(" and {} more", tags.len() - 10));
    }
    out
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
            let statements = ctx.render_plan(&plan, MigrationPair::new(previous, next)).unwrap_or_default();
            let summary: Vec<String> =
                statements.iter().map(|s| format!("    {}", s.sql.lines().next().unwrap_or_default())).collect();
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

fn report(ctx: &Context<'_>, findings: &[Finding], warnings: &[Finding], passed: &[String]) {
    let ui = ctx.ui;
    for p in passed {
        ui.line(&format!("{} {p}", ui.paint(Style::Good, "ok")));
    }
    for w in warnings {
        let location = match (&w.file, w.line) {
            (Some(file), Some(line)) => format!("{}:{line}: ", file.display()),
            (Some(file), None) => format!("{}: ", file.display()),
            _ => String::new(),
        };
        if ui.github() {
            let file = w.file.as_ref().map(|p| p.display().to_string());
            ui.annotation(
                "warning",
                file.as_deref(),
                w.line,
                &format!("shale check: {}", w.code),
                &w.message,
            );
        } else {
            ui.result(&format!(
                "{}[{}]: {location}{}",
                ui.paint(Style::Warn, "warning"),
                w.code,
                w.message
            ));
        }
    }
    for f in findings {
        let location = match (&f.file, f.line) {
            (Some(file), Some(line)) => format!("{}:{line}: ", file.display()),
            (Some(file), None) => format!("{}: ", file.display()),
            _ => String::new(),
        };
        if ui.github() {
            let file = f.file.as_ref().map(|p| p.display().to_string());
            ui.annotation(
                "error",
                file.as_deref(),
                f.line,
                &format!("shale check: {}", f.code),
                &f.message,
            );
        } else {
            ui.result(&format!(
                "{}[{}]: {location}{}",
                ui.paint(Style::Bad, "error"),
                f.code,
                f.message
            ));
        }
    }
    let to_json = |f: &Finding| {
        json!({
            "code": f.code,
            "file": f.file.as_ref().map(|p| p.display().to_string()),
            "line": f.line,
            "message": f.message,
        })
    };
    ui.document(&json!({
        "ok": findings.is_empty(),
        "passed": passed,
        "findings": findings.iter().map(to_json).collect::<Vec<_>>(),
        "warnings": warnings.iter().map(to_json).collect::<Vec<_>>(),
    }));
}

/// Git conflict markers in the journal, the integrity record or a snapshot:
/// the signature of merging two branches that both generated migrations.
fn check_conflicts(ctx: &Context<'_>, findings: &mut Vec<Finding>) {
    let mut files = vec![ctx.journal_path(), ctx.sum_path()];
    if let Ok(entries) = std::fs::read_dir(&ctx.config.snapshots) {
        let mut snaps: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(snapshot::FILE_SUFFIX))
            .collect();
        snaps.sort();
        files.extend(snaps);
    }
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if let Some(i) = text.lines().position(|l| l.starts_with("<<<<<<< ")) {
            findings.push(Finding {
                code: "conflict",
                file: Some(path.clone()),
                line: Some(i + 1),
                message: format!(
                    "{} has git merge conflict markers: both branches added migrations; resolve the schema \
                     source by hand, then run `shale rebase` to renumber this branch's migrations after the other's",
                    path.display()
                ),
            });
        }
    }
}

/// The one line saying which migrations are history and not gated.
fn history_line(ctx: &Context<'_>, folder: &MigrationFolder, history: usize) -> Option<String> {
    let last = folder.migrations.get(history.checked_sub(1)?)?;
    Some(format!(
        "{history} migration(s) up to {} are history (recorded in {}): exempt from the lint rules; gated from {} on",
        last.entry.tag,
        ctx.sum_path().display(),
        folder
            .migrations
            .get(history)
            .map_or_else(|| "the next migration".to_string(), |m| m.entry.tag.clone())
    ))
}

/// Lints every migration file after the first `history` ones (which are
/// history: applied, immutable, and verified by the integrity record
/// instead): syntax errors and error-severity findings fail the check (the
/// first list), warnings are shown (the second).
fn lint_folder(
    ctx: &Context<'_>,
    folder: &MigrationFolder,
    history: usize,
    cache: bool,
) -> (Vec<Finding>, Vec<Finding>) {
    let cache = LintCache::new(&ctx.config.root, cache);
    let mut used = HashSet::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for m in folder.migrations.iter().skip(history) {
        let (found, key) = cache.lint(&m.path, &m.text, ctx.snapshot_dialect(), &ctx.config.lint);
        used.insert(key);
        for f in found {
            let fails =
                f.rule == shale_lint::Rule::Syntax || f.severity == shale_lint::Severity::Error;
            let finding = Finding {
                code: if f.rule == shale_lint::Rule::Syntax {
                    "syntax"
                } else {
                    "lint"
                },
                file: Some(f.path.clone()),
                line: Some(f.line),
                message: super::lint::one_line_message(&f),
            };
            if fails {
                errors.push(finding);
            } else {
                warnings.push(finding);
            }
        }
    }
    // Every gated migration was linted: what the cache holds beyond is unused.
    cache.retain(&used);
    (errors, warnings)
}

/// A throwaway database: on `--shadow-db URL`'s server, else on a server
/// started from the local binaries. Failing to get one is "could not run".
pub(crate) fn open_shadow(shadow_db: Option<&str>) -> Result<shale_shadow::ShadowDatabase> {
    match shadow_db {
        Some(url) => shale_shadow::ShadowDatabase::create_on(url),
        None => shale_shadow::ShadowDatabase::start_local(),
    }
    .map_err(|e| anyhow!("cannot get a shadow database: {e}"))
}

/// A replayed migration that failed, as a finding (or `None` when the error
/// is not about the migrations but about running them at all).
pub(crate) fn replay_failure(error: &RunError) -> Option<Finding> {
    match error {
        RunError::Failed(f) => {
            let mut message = match f.statement {
                Some(n) => format!(
                    "migration {} fails on an empty database at statement {n} of {} (line {}: `{}`): {}",
                    f.migration.tag, f.total_statements, f.line, f.first_line, f.message
                ),
                None => format!("migration {} fails on an empty database at commit: {}", f.migration.tag, f.message),
            };
            if let Some(code) = &f.code {
                message.push_str(&format!(" [SQLSTATE {code}]"));
            }
            if let Some(d) = &f.detail {
                message.push_str(&format!("; detail: {d}"));
            }
            message.push_str("; every fresh database (a new environment, CI, a teammate) would fail here: fix the SQL");
            Some(Finding {
                code: "shadow",
                file: Some(f.path.clone()),
                line: Some(f.line),
                message,
            })
        }
        RunError::TransactionControl { path, .. } => {
            Some(Finding::new("shadow", Some(path), error.to_string()))
        }
        _ => None,
    }
}

fn check_shadow(
    ctx: &Context<'_>,
    args: &Args,
    folder: &MigrationFolder,
    schema: &Schema,
    findings: &mut Vec<Finding>,
    passed: &mut Vec<String>,
) -> Result<()> {
    let started = Instant::now();
    // SQLite replays into an in-memory database; PostgreSQL into a throwaway
    // server (or a temporary database on --shadow-db).
    let mut shadow = None;
    let replayed = if ctx.config.dialect == crate::config::Dialect::Sqlite {
        match shale_runner::sqlite::replay_in_memory(folder) {
            Ok(mut conn) => {
                let replayed = ctx.introspect_sqlite(&conn)?;
                prove_downs(
                    ctx,
                    args,
                    folder,
                    Shadow::Sqlite(&mut conn),
                    findings,
                    passed,
                )?;
                replayed
            }
            Err(e) => match replay_failure(&e) {
                Some(f) => {
                    findings.push(f);
                    return Ok(());
                }
                None => {
                    bail!("the shadow replay could not run in an in-memory SQLite database: {e}")
                }
            },
        }
    } else {
        let db = open_shadow(args.shadow_db.as_deref())?;
        let mut client = db.connect().map_err(|e| anyhow!("{e}"))?;
        let options = MigrateOptions {
            table: ctx.tracking_table(),
            ..MigrateOptions::default()
        };
        if let Err(e) = shale_runner::migrate(&mut client, folder, &options) {
            match replay_failure(&e) {
                Some(f) => {
                    findings.push(f);
                    return Ok(());
                }
                None => bail!("the shadow replay could not run on {}: {e}", db.describe()),
            }
        }
        let replayed = sources::introspect(ctx, &mut client)?;
        prove_downs(
            ctx,
            args,
            folder,
            Shadow::Postgres(&mut client),
            findings,
            passed,
        )?;
        shadow = Some(db);
        replayed
    };
    // The replayed views are PostgreSQL's text: compare with the schema's
    // views as PostgreSQL prints them.
    let schema = &super::verify::with_printed_views(ctx, schema, args.shadow_db.as_deref())?;
    let pair = MigrationPair::new(&replayed, schema);
    let (plan, _) = plan_assuming_drops(pair, &RenameHints::default());
    if plan.is_empty() {
        passed.push(format!(
            "replaying the {} migration(s) into a shadow database produces the schema ({:.1} s)",
            folder.migrations.len(),
            started.elapsed().as_secs_f64()
        ));
    } else {
        let drift = drift::describe(&plan, pair);
        findings.push(Finding::new(
            "shadow",
            Some(&ctx.config.migrations),
            format!(
                "replaying the migrations into an empty database does not produce the schema; {} difference(s) \
                 (\"database\" is what the migrations produce):{}\n  a hand-written migration does not do what \
                 its snapshot claims: fix its SQL (then `shale hash`), or put the missing change in a new migration",
                drift.len(),
                drift::lines(&drift)
            ),
        ));
    }
    if let Some(db) = shadow {
        db.close().map_err(|e| anyhow!("{e}"))?;
    }
    Ok(())
}

fn check_database(
    ctx: &Context<'_>,
    url: &str,
    folder: Option<&MigrationFolder>,
    schema: &Schema,
    shadow_db: Option<&str>,
    findings: &mut Vec<Finding>,
    passed: &mut Vec<String>,
) -> Result<()> {
    let target = shale_db::redact(url);
    // Read-only catalog queries, safe against production; bounded in time.
    let (status, database) = if ctx.config.dialect == crate::config::Dialect::Sqlite {
        let conn = ctx.open_sqlite()?;
        let status = match folder {
            Some(folder) => Some(
                shale_runner::sqlite::status(&conn, folder, &ctx.config.migrations_table.table)
                    .map_err(|e| anyhow!("{e}"))?,
            ),
            None => None,
        };
        let census = ctx.sqlite_census(&conn)?;
        (status, (ctx.introspect_sqlite(&conn)?, census))
    } else {
        let mut client = shale_db::connect(url).map_err(|e| anyhow!("{e}"))?;
        client
            .batch_execute("SET statement_timeout = '30s'")
            .map_err(|e| anyhow!("{}", shale_db::error_line(&e)))?;
        let status = match folder {
            Some(folder) => Some(
                shale_runner::status(&mut client, folder, &ctx.tracking_table())
                    .map_err(|e| anyhow!("{e}"))?,
            ),
            None => None,
        };
        let i = sources::introspect_all(ctx, &mut client)?;
        (status, (i.schema, i.census))
    };
    let (database, census) = database;
    // View queries compare as PostgreSQL prints them (a scratch database on
    // --shadow-db's server, else a local throwaway server).
    let schema = &super::verify::with_printed_views(ctx, schema, shadow_db)?;
    database_findings(
        ctx,
        &target,
        folder.zip(status),
        (&database, &census),
        schema,
        findings,
        passed,
    );
    Ok(())
}

/// The findings of `--db` about one database (`target` names it in the
/// messages): its migrations' status against the folder, and its drift from
/// `schema` (with view queries as PostgreSQL prints them). Also what
/// `check --targets` says of each target.
pub(crate) fn database_findings(
    ctx: &Context<'_>,
    target: &str,
    status: Option<(&MigrationFolder, shale_runner::Status)>,
    (database, census): (&Schema, &shale_introspect::Census),
    schema: &Schema,
    findings: &mut Vec<Finding>,
    passed: &mut Vec<String>,
) {
    if let Some((folder, mut status)) = status {
        super::migrate::drop_declared_not_valid(&mut status.leftovers, schema);
        // Database-level findings point at no file (a URL is no path for annotations).
        let db: Option<&Path> = None;
        for p in &status.pending {
            let order = if p.out_of_order {
                " (out of order: older than the newest applied migration)"
            } else {
                ""
            };
            findings.push(Finding::new(
                "pending",
                Some(&folder.dir.join(format!("{}.sql", p.migration.tag))),
                format!(
                    "migration {} is not applied to {target}{order}: run `shale migrate`",
                    p.migration.tag
                ),
            ));
        }
        for e in &status.edited {
            findings.push(Finding::new(
                "edited",
                Some(&e.path),
                format!(
                    "migration {} was edited after it was applied to {target} (recorded sha256 {}, file {}): \
                     restore the file as it was applied and put the change in a new migration",
                    e.migration.tag, e.recorded_hash, e.file_hash
                ),
            ));
        }
        for r in &status.unknown {
            findings.push(Finding::new(
                "unknown",
                db,
                format!(
                    "{target} has an applied migration that is not in the journal (tracking row id {}, created_at {}): \
                     it came from another branch or a deleted file",
                    r.id,
                    r.created_at.map_or("NULL".into(), |c| c.to_string())
                ),
            ));
        }
        for p in &status.in_progress {
            findings.push(Finding::new(
                "in-progress",
                db,
                if p.running {
                    format!(
                        "migration {} is being applied to {target} outside a transaction now ({} of {} SQL statement(s) done)",
                        p.migration.tag, p.marker.done, p.total_statements
                    )
                } else {
                    format!(
                        "migration {} is half-applied in {target}: {}",
                        p.migration.tag,
                        p.advice(&ctx.tracking_table())
                    )
                },
            ));
        }
        for l in &status.leftovers {
            findings.push(Finding::new(
                "leftover",
                db,
                format!(
                    "{target}: {}; repair: {}",
                    super::migrate::leftover_text(l),
                    l.repair
                ),
            ));
        }
        if status.is_up_to_date() {
            passed.push(format!(
                "{target} has every migration applied ({})",
                status.applied.len()
            ));
        }
    }
    let pair = MigrationPair::new(database, schema);
    let (plan, _) = plan_assuming_drops(pair, &RenameHints::default());
    if !census.is_complete() {
        // Never "matches" about objects that were not looked at.
        findings.push(Finding::new(
            "not-compared",
            None,
            format!(
                "{target} holds {} object(s) of kinds shale does not model yet, so it was not compared whole: {}\n{}\n  \
                 list objects someone else manages under [unmanaged] in shale.toml to leave them out on purpose",
                census.unmodelled.len(),
                drift::census_counts(census),
                drift::census_lines(census, 10).join("\n")
            ),
        ));
    }
    if let Some(line) = drift::left_out_line(census) {
        passed.push(format!("{target}: {line}"));
    }
    if plan.is_empty() && census.is_complete() {
        passed.push(format!("{target} matches the schema"));
    } else if plan.is_empty() {
        passed.push(format!(
            "{target} matches the schema in every object shale models"
        ));
    } else {
        let drift = drift::describe(&plan, pair);
        findings.push(Finding::new(
            "drift",
            None,
            format!(
                "{target} differs from the schema; {} difference(s):{}\n  run `shale migrate` if migrations are pending, \
                 else see `shale verify` for the SQL that would reconcile them",
                drift.len(),
                drift::lines(&drift)
            ),
        ));
    }
}
