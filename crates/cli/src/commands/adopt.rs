//! `shale adopt --from-drizzle DIR`: take over a drizzle-kit project without
//! re-running anything. The database the folder was applied to (or, without
//! one, a throwaway database it is replayed into) is read as it is; shale
//! writes `schema/` from it, keeps the migration files and the journal byte
//! for byte, writes one snapshot per journal entry (converted from drizzle's,
//! the latest being the database as the written schema describes it) and
//! `migrations/meta/shale.sum`. The next `shale generate` then appends
//! migration N+1 to the same journal and `shale migrate` continues on the same
//! tracking table.
//!
//! Everything is checked before anything is written: a folder whose files and
//! journal disagree, a database whose tracking rows disagree with the
//! journal, or existing files in the way are findings (exit 1) with the fix,
//! and nothing is written. drizzle's own snapshots are only drizzle-kit's
//! bookkeeping: whatever state they are in, what could not be used is listed
//! in one warning and adoption goes on. The adopted migrations are recorded
//! as history in `shale.sum`, so `shale check` does not lint them; what was
//! done is printed in numbers (and in `summary` with `--format json`).

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context as _, Result};
use serde_json::json;
use shale_differ::MigrationPair;
use shale_migrations::drizzle::DrizzleFolder;
use shale_migrations::journal::PrefixMode;
use shale_migrations::snapshot::{self, Snapshot};
use shale_model::{RenameHints, Schema};
use shale_runner::{MigrateOptions, Status};

use super::check::{open_shadow, replay_failure};
use super::project::write_atomic;
use super::verify::plan_assuming_drops;
use super::Context;
use crate::config::{Dialect, Prefix};
use crate::output::Style;
use crate::{drift, sources, Outcome};

/// `shale adopt` flags.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The drizzle-kit migrations folder (drizzle.config's `out`: the folder
    /// holding the `.sql` files and `meta/_journal.json`).
    #[arg(long, value_name = "DIR")]
    pub from_drizzle: PathBuf,
    /// Without a database (--db, $DATABASE_URL, …): replay the folder into a
    /// temporary database created on this server (the role needs CREATEDB)
    /// instead of a throwaway server started from the local binaries. Given,
    /// it is used even when a database URL is configured.
    #[arg(long, value_name = "URL")]
    pub shadow_db: Option<String>,
    /// Overwrite an existing `schema.rs` and existing snapshots.
    #[arg(long)]
    pub force: bool,
}

/// Where the adopted state comes from.
enum Origin {
    /// The database the folder was applied to.
    Database(String),
    /// A throwaway database the folder was replayed into.
    Replayed(String),
}

/// Runs `shale adopt`.
pub fn run(ctx: &Context<'_>, args: &Args) -> Result<Outcome> {
    let ui = ctx.ui;
    if ctx.config.dialect != Dialect::Postgresql {
        bail!("shale adopt --from-drizzle takes over PostgreSQL projects; shale.toml says dialect = \"sqlite\"");
    }
    let drizzle = match DrizzleFolder::load(&args.from_drizzle) {
        Ok(d) => d,
        Err(errors) => {
            let problems: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
            return refuse(
                ctx,
                &format!("{} is damaged", args.from_drizzle.display()),
                &problems,
            );
        }
    };
    let n = drizzle.migrations.len();
    if n == 0 {
        return refuse(
            ctx,
            &format!("{} has no migrations", args.from_drizzle.display()),
            &["there is nothing to adopt: for a database without history use `shale pull --baseline`".to_string()],
        );
    }

    // Where things go, and whether anything is in the way.
    let plan = match plan_files(ctx, args, &drizzle) {
        Ok(p) => p,
        Err(problems) => return refuse(ctx, "existing files are in the way", &problems),
    };

    // The state: the database itself, or the folder replayed.
    let origin;
    let mut client;
    let mut replay = None;
    let configured = if args.shadow_db.is_some() {
        None
    } else {
        ctx.config.database_url(ctx.db_flag).ok()
    };
    match configured {
        Some(url) => {
            client = shale_db::connect(&url).map_err(|e| anyhow!("{e}"))?;
            origin = Origin::Database(shale_db::redact(&url));
            let table = ctx.tracking_table();
            let status = shale_runner::status(&mut client, &drizzle.folder, &table)
                .map_err(|e| anyhow!("{e}"))?;
            let problems = tracking_problems(&status, &table, &args.from_drizzle);
            if !problems.is_empty() {
                return refuse(
                    ctx,
                    "the database's tracking rows do not match the journal",
                    &problems,
                );
            }
        }
        None => {
            let shadow = open_shadow(args.shadow_db.as_deref())?;
            client = shadow.connect().map_err(|e| anyhow!("{e}"))?;
            let options = MigrateOptions {
                table: ctx.tracking_table(),
                ..MigrateOptions::default()
            };
            if let Err(e) = shale_runner::migrate(&mut client, &drizzle.folder, &options) {
                return match replay_failure(&e) {
                    Some(f) => refuse(
                        ctx,
                        "the folder does not replay on an empty database",
                        &[f.message],
                    ),
                    None => Err(anyhow!(
                        "the replay could not run on {}: {e}",
                        shadow.describe()
                    )),
                };
            }
            origin = Origin::Replayed(shadow.describe());
            replay = Some(shadow);
        }
    }
    let database = sources::introspect(ctx, &mut client)?;
    drop(client);
    if let Some(shadow) = replay.take() {
        shadow.close().map_err(|e| anyhow!("{e}"))?;
    }

    // The schema source, and the model the parser reads back from it: the
    // latest snapshot must be exactly what `shale check` will parse.
    let (source, mut warnings) = shale_schemagen::render_with_warnings(&database);
    let latest = parse_rendered(&plan.schema_file, &source)?;
    let (roundtrip, _) = plan_assuming_drops(
        MigrationPair::new(&database, &latest),
        &RenameHints::default(),
    );
    if !roundtrip.is_empty() {
        warnings.push(format!(
            "the schema language cannot express {} detail(s) of the database exactly; schema/ and the latest \
             snapshot describe the database as the schema language has it{}",
            roundtrip.steps.len(),
            drift::lines(&drift::describe(&roundtrip, MigrationPair::new(&database, &latest)))
        ));
    }

    // drizzle's snapshots: what was wrong with them was ignored; say what.
    if let Some(w) = ignored_warning(&drizzle) {
        warnings.push(w);
    }

    // drizzle's last snapshot, when usable, against the database.
    let last = drizzle.migrations.last().expect("at least one migration");
    let drift = match (&last.snapshot, &last.snapshot_path) {
        (Some(snapshot), Some(path)) => {
            snapshot_drift(&database, snapshot, path, &origin, &mut warnings)
        }
        _ => Vec::new(),
    };
    if let Some(w) = prefix_warning(ctx, &drizzle, plan.write_config) {
        warnings.push(w);
    }
    let exempt = lint_findings(ctx, &drizzle);

    // Everything checked: write.
    let written = write_files(ctx, &drizzle, &plan, &source, latest.clone())?;
    let copied = plan.copy;

    for w in &warnings {
        ui.warn(w);
    }
    let history_until = &last.entry.tag;
    let summary = json!({
        "migrations_kept": n,
        "migrations_copied": copied,
        "history": n,
        "history_until": history_until,
        "lint_findings_exempt": exempt,
        "tables": latest.tables.len(),
        "enums": latest.enums.len(),
        "schemas": latest.namespaces.len(),
        "snapshots_written": n,
        "snapshots_from_drizzle": written.converted,
        "snapshots_carried_over": written.carried,
        "drizzle_snapshot_problems_ignored": drizzle.ignored.len(),
        "warnings": warnings.len(),
    });
    if !ui.json() {
        let from = match &origin {
            Origin::Database(url) => {
                format!("the database {url} (all {n} migrations applied, none edited)")
            }
            Origin::Replayed(place) => {
                format!("the folder replayed into {place} (no database given)")
            }
        };
        ui.line(&format!("{} {from}", ui.paint(Style::Dim, "read")));
        ui.line(&format!(
            "{} {} ({} tables, {} enums)",
            ui.paint(Style::Good, "wrote"),
            plan.schema_file.display(),
            latest.tables.len(),
            latest.enums.len()
        ));
        if copied {
            ui.line(&format!(
                "{} {n} migrations and the journal to {}, byte for byte",
                ui.paint(Style::Good, "copied"),
                ctx.config.migrations.display()
            ));
        } else {
            ui.line(&format!(
                "{} {n} migrations and the journal untouched",
                ui.paint(Style::Dim, "kept")
            ));
        }
        ui.line(&format!(
            "{} {n} snapshots in {} ({} converted from drizzle's, {} carried over from the one before, the latest \
             from the {})",
            ui.paint(Style::Good, "wrote"),
            ctx.config.snapshots.display(),
            written.converted,
            written.carried,
            match &origin {
                Origin::Database(_) => "database",
                Origin::Replayed(_) => "replayed state",
            }
        ));
        ui.line(&format!(
            "{} {} (the {n} migrations are history up to {history_until}: `shale check` does not lint them{})",
            ui.paint(Style::Good, "wrote"),
            ctx.sum_path().display(),
            if exempt == 0 {
                String::new()
            } else {
                format!(", {exempt} lint finding(s) exempt")
            }
        ));
        if plan.write_config {
            ui.line(&format!("{} shale.toml", ui.paint(Style::Good, "wrote")));
        }
        let next = drizzle.folder.journal.next_idx();
        ui.result(&format!(
            "adopted {n} drizzle-kit migrations ({n} kept, {} tables and {} enums written, {n} snapshots written, \
             {} warning(s)): the next `shale generate` writes migration {next}, `shale migrate` continues on {}",
            latest.tables.len(),
            latest.enums.len(),
            warnings.len(),
            ctx.tracking_table().qualified()
        ));
    }
    ui.document(&json!({
        "status": "adopted",
        "migrations": n,
        "summary": summary,
        "source": match &origin {
            Origin::Database(url) => json!({ "kind": "database", "url": url }),
            Origin::Replayed(place) => json!({ "kind": "replayed", "where": place }),
        },
        "schema": plan.schema_file.display().to_string(),
        "copied": copied,
        "snapshots": ctx.config.snapshots.display().to_string(),
        "sum": ctx.sum_path().display().to_string(),
        "config_written": plan.write_config,
        "drift": drift.iter().map(drift::Drift::to_json).collect::<Vec<_>>(),
        "ignored": drizzle.ignored.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "warnings": warnings,
    }));
    Ok(Outcome::Clean)
}

/// One warning listing what was wrong with drizzle's snapshots, and so
/// ignored; `None` when nothing was.
fn ignored_warning(drizzle: &DrizzleFolder) -> Option<String> {
    if drizzle.ignored.is_empty() {
        return None;
    }
    let lines: String = drizzle
        .ignored
        .iter()
        .map(|e| format!("\n    {e}"))
        .collect();
    Some(format!(
        "{} problem(s) with drizzle's snapshots ignored (they are drizzle-kit's bookkeeping: shale reads the schema \
         from the database and keeps the SQL files and the journal, which agree):{lines}\n  shale's snapshot of a \
         migration whose drizzle snapshot could not be read carries over the one before (as for a custom \
         migration); drizzle's files are left as they are",
        drizzle.ignored.len()
    ))
}

/// drizzle's last snapshot against the database: the differences (also a
/// warning), and what the snapshot holds that shale does not manage.
fn snapshot_drift(
    database: &Schema,
    snapshot: &shale_migrations::drizzle::DrizzleSnapshot,
    path: &Path,
    origin: &Origin,
    warnings: &mut Vec<String>,
) -> Vec<drift::Drift> {
    let mut claimed = snapshot.schema.clone();
    align_unnamed(&mut claimed, database);
    let pair = MigrationPair::new(database, &claimed);
    let (drift_plan, _) = plan_assuming_drops(pair, &RenameHints::default());
    let drift = drift::describe(&drift_plan, pair);
    let truth = match origin {
        Origin::Database(_) => "database",
        Origin::Replayed(_) => "replayed state",
    };
    if !drift.is_empty() {
        warnings.push(format!(
            "drizzle's last snapshot {} does not match the {}: {} difference(s) (\"schema\" is drizzle's snapshot){}\n  \
             shale takes the {truth} as the truth: schema/ and the latest snapshot describe it; if the snapshot was \
             right, change schema/ accordingly and run `shale generate`",
            path.display(),
            match origin {
                Origin::Database(_) => "database",
                Origin::Replayed(_) => "state its migrations produce",
            },
            drift.len(),
            drift::lines(&drift),
        ));
    }
    for u in &snapshot.unsupported {
        warnings.push(format!(
            "drizzle's last snapshot has {u}, which shale does not manage: it is left as it is in the database"
        ));
    }
    drift
}

/// Prints why nothing was written (exit 1).
fn refuse(ctx: &Context<'_>, what: &str, problems: &[String]) -> Result<Outcome> {
    let ui = ctx.ui;
    for p in problems {
        ui.result(&format!("{}: {p}", ui.paint(Style::Bad, "error")));
    }
    ui.result(&format!(
        "{}: {what}; nothing was written",
        ui.paint(Style::Bad, "adopt refused")
    ));
    ui.document(&json!({ "status": "refused", "reason": what, "problems": problems }));
    Ok(Outcome::Findings)
}

/// The files adopt writes.
struct FilePlan {
    /// The Rust schema file.
    schema_file: PathBuf,
    /// Whether the migrations are copied (the drizzle folder is not the
    /// configured migrations folder).
    copy: bool,
    /// Existing shale snapshots to replace (`--force`).
    stale_snapshots: Vec<PathBuf>,
    /// Whether to write `shale.toml` (none exists yet).
    write_config: bool,
}

fn plan_files(
    ctx: &Context<'_>,
    args: &Args,
    drizzle: &DrizzleFolder,
) -> Result<FilePlan, Vec<String>> {
    let mut problems = Vec::new();
    let schema = &ctx.config.schema;
    let schema_file = if schema.extension().is_some_and(|e| e == "rs") {
        if schema.exists() && !args.force {
            problems.push(format!(
                "{} exists: pass --force to overwrite it, or point --schema at a new path",
                schema.display()
            ));
        }
        schema.clone()
    } else {
        let file = schema.join("schema.rs");
        let others: Vec<PathBuf> = shale_parser::load_sources(schema)
            .map(|files| {
                files
                    .into_iter()
                    .map(|f| f.path)
                    .filter(|p| !same_path(p, &file))
                    .collect()
            })
            .unwrap_or_default();
        if !others.is_empty() {
            problems.push(format!(
                "{} already holds schema source ({}): move it away (adopt writes the whole schema, read from the \
                 database), or point --schema at an empty directory",
                schema.display(),
                others.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
            ));
        } else if file.exists() && !args.force {
            problems.push(format!(
                "{} exists: pass --force to overwrite it, or point --schema at an empty directory",
                file.display()
            ));
        }
        file
    };

    let copy = !same_path(&drizzle.dir, &ctx.config.migrations);
    if copy && ctx.config.migrations.exists() {
        let journal = ctx.journal_path();
        let has_sql = std::fs::read_dir(&ctx.config.migrations)
            .map(|r| {
                r.flatten()
                    .any(|e| e.path().extension().is_some_and(|x| x == "sql"))
            })
            .unwrap_or(false);
        if journal.exists() || has_sql {
            problems.push(format!(
                "{} already holds migrations: adopt into an empty migrations folder, or adopt the drizzle folder \
                 in place with `--migrations {}` (or `migrations = \"{}\"` in shale.toml)",
                ctx.config.migrations.display(),
                drizzle.dir.display(),
                drizzle.dir.display()
            ));
        }
    }

    let mut stale_snapshots = Vec::new();
    if let Ok(read) = std::fs::read_dir(&ctx.config.snapshots) {
        stale_snapshots = read
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(snapshot::FILE_SUFFIX))
            .collect();
        stale_snapshots.sort();
        if !stale_snapshots.is_empty() && !args.force {
            problems.push(format!(
                "{} already holds {} snapshot(s): pass --force to replace them, or point --snapshots at an empty \
                 directory",
                ctx.config.snapshots.display(),
                stale_snapshots.len()
            ));
        }
    }
    // A project without a shale.toml gets one recording the adopted layout;
    // one that has a configuration (`./shale.toml` or `--config PATH`) keeps it.
    let write_config = ctx.config.file.is_none();
    if !write_config {
        if let Some(mode) = drizzle.prefix {
            let configured = match ctx.config.prefix {
                Prefix::Index => PrefixMode::Index,
                Prefix::Timestamp => PrefixMode::Timestamp,
                Prefix::Unix => PrefixMode::Unix,
            };
            if mode != configured {
                problems.push(format!(
                    "the drizzle migrations are numbered with {} prefixes but shale.toml says prefix = \"{}\": set \
                     prefix = \"{}\" in shale.toml so new migrations are numbered the same way",
                    prefix_name(mode),
                    prefix_name(configured),
                    prefix_name(mode)
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(FilePlan {
            schema_file,
            copy,
            stale_snapshots,
            write_config,
        })
    } else {
        Err(problems)
    }
}

fn prefix_name(mode: PrefixMode) -> &'static str {
    match mode {
        PrefixMode::Index => "index",
        PrefixMode::Timestamp => "timestamp",
        PrefixMode::Unix => "unix",
    }
}

fn prefix_warning(
    ctx: &Context<'_>,
    drizzle: &DrizzleFolder,
    write_config: bool,
) -> Option<String> {
    match drizzle.prefix {
        Some(_) => None,
        None => Some(format!(
            "the drizzle tags follow no single numbering (index, timestamp or unix prefix): new migrations are \
             numbered with prefix = \"{}\"{}",
            match ctx.config.prefix {
                Prefix::Index => "index",
                Prefix::Timestamp => "timestamp",
                Prefix::Unix => "unix",
            },
            if write_config { "" } else { " from shale.toml" }
        )),
    }
}

/// How many lint findings of severity error (or syntax) the adopted
/// migrations hold: they are history (recorded in `shale.sum`), so `shale
/// check` does not fail on them; the number is reported.
fn lint_findings(ctx: &Context<'_>, drizzle: &DrizzleFolder) -> usize {
    drizzle
        .folder
        .migrations
        .iter()
        .flat_map(|m| shale_lint::lint(&m.path, &m.text, ctx.snapshot_dialect(), &ctx.config.lint))
        .filter(|f| f.rule == shale_lint::Rule::Syntax || f.severity == shale_lint::Severity::Error)
        .count()
}

fn same_path(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Why the database cannot be adopted as it is: each problem with its fix.
fn tracking_problems(
    status: &Status,
    table: &shale_runner::TrackingTable,
    dir: &Path,
) -> Vec<String> {
    let mut problems = Vec::new();
    if !status.table_exists {
        problems.push(format!(
            "the database has no tracking table {}: it was not migrated from this folder (if drizzle.config sets \
             migrations.table or migrations.schema, set [migrations_table] in shale.toml to match); a database \
             without migration history is adopted with `shale pull --baseline` instead",
            table.qualified()
        ));
        return problems;
    }
    for p in &status.pending {
        problems.push(format!(
            "migration {} is not applied to the database: apply the folder first (`drizzle-kit migrate`, or \
             `shale migrate --migrations {}`), then adopt",
            p.migration.tag,
            dir.display()
        ));
    }
    for e in &status.edited {
        problems.push(format!(
            "migration {} was changed after it was applied (recorded sha256 {}, file {}): restore the applied \
             version of {} from version control, then adopt",
            e.migration.tag,
            e.recorded_hash,
            e.file_hash,
            e.path.display()
        ));
    }
    for r in &status.unknown {
        problems.push(format!(
            "tracking row id {} (created_at {}) matches no journal entry: the database has a migration this folder \
             lacks; adopt the folder it was migrated from (or remove the row if that migration was rolled back by \
             hand)",
            r.id,
            r.created_at.map_or("NULL".into(), |c| c.to_string())
        ));
    }
    for p in &status.in_progress {
        problems.push(format!(
            "migration {} is {} outside a transaction: let it finish (or resolve it as `shale status` explains), \
             then adopt",
            p.migration.tag,
            if p.running { "being applied" } else { "interrupted while applied" }
        ));
    }
    problems
}

/// Parses the rendered schema source as `shale check` will read it.
fn parse_rendered(path: &Path, source: &str) -> Result<Schema> {
    let options = shale_parser::ParseOptions {
        dialect: shale_parser::Dialect::Postgres,
        ..shale_parser::ParseOptions::default()
    };
    let files = [shale_parser::SourceFile {
        path: path.to_path_buf(),
        text: source.to_string(),
    }];
    let parsed = shale_parser::parse_sources(&files, &options);
    if let Some(d) = parsed.diagnostics.first() {
        bail!(
            "the schema source written for this database does not parse back ({} problem(s), first: {}): please \
             report this as a bug in shale; nothing was written",
            parsed.diagnostics.len(),
            d.message
        );
    }
    Ok(parsed.schema)
}

/// drizzle records no name for a column's primary key and PostgreSQL keeps
/// the old `<table>_pkey` when a table is renamed: take the database's name
/// where drizzle's snapshot has only the derived one for the same columns.
fn align_unnamed(claimed: &mut Schema, database: &Schema) {
    for t in &mut claimed.tables {
        let Some(db) = database.table(&t.name) else {
            continue;
        };
        if let (Some(pk), Some(db_pk)) = (&mut t.primary_key, &db.primary_key) {
            if pk.columns == db_pk.columns
                && pk.name == shale_model::naming::primary_key(&t.name.name)
            {
                pk.name = db_pk.name.clone();
            }
        }
    }
}

/// What [`write_files`] wrote of the snapshots.
struct Written {
    /// Snapshots converted from drizzle's.
    converted: usize,
    /// Snapshots carrying over the one before (drizzle's was unusable).
    carried: usize,
}

/// Writes everything.
fn write_files(
    ctx: &Context<'_>,
    drizzle: &DrizzleFolder,
    plan: &FilePlan,
    source: &str,
    latest: Schema,
) -> Result<Written> {
    let target = &ctx.config.migrations;
    if plan.copy {
        // Byte for byte: the tracking rows hold the files' hashes.
        std::fs::create_dir_all(target.join("meta"))
            .with_context(|| format!("cannot create {}", target.display()))?;
        let mut files: Vec<(PathBuf, PathBuf)> = drizzle
            .folder
            .migrations
            .iter()
            .map(|m| (m.path.clone(), target.join(m.file_name())))
            .collect();
        files.push((
            drizzle.dir.join("meta").join("_journal.json"),
            ctx.journal_path(),
        ));
        // drizzle's own snapshots come along, as they are, so drizzle-kit
        // still works on the copy.
        files.extend(drizzle.snapshot_files.iter().filter_map(|p| {
            let name = p.file_name()?;
            Some((p.clone(), target.join("meta").join(name)))
        }));
        for (from, to) in files {
            std::fs::copy(&from, &to)
                .with_context(|| format!("cannot copy {} to {}", from.display(), to.display()))?;
        }
    }
    write_atomic(&plan.schema_file, source)?;
    for stale in &plan.stale_snapshots {
        std::fs::remove_file(stale)
            .with_context(|| format!("cannot remove {}", stale.display()))?;
    }
    let dialect = ctx.snapshot_dialect();
    let mut prev = snapshot::ROOT_ID.to_string();
    let count = drizzle.migrations.len();
    let mut latest = Some(latest);
    let mut carried_over = Schema::default();
    let mut written = Written {
        converted: 0,
        carried: 0,
    };
    for (i, m) in drizzle.migrations.iter().enumerate() {
        let schema = if i + 1 == count {
            latest.take().unwrap_or_default()
        } else if let Some(s) = &m.snapshot {
            written.converted += 1;
            s.schema.clone()
        } else {
            // drizzle's snapshot is missing or unusable: what the migration
            // did is not known here, so the state before it carries over, as
            // for a custom migration.
            written.carried += 1;
            carried_over.clone()
        };
        let salt = format!("{}@{}", m.entry.tag, m.entry.when);
        let snap = Snapshot::new(dialect, &prev, &salt, schema);
        write_atomic(
            &ctx.config.snapshots.join(snapshot::file_name(m.entry.idx)),
            snap.to_json(),
        )?;
        prev = snap.id;
        carried_over = snap.schema;
    }
    let files: Vec<(String, Vec<u8>)> = drizzle
        .folder
        .migrations
        .iter()
        .map(|m| (m.file_name(), m.bytes.clone()))
        .collect();
    // Every adopted migration is history: applied, immutable (the tracking
    // rows hold their hashes), and so not gated by the lint rules.
    let last = files.last().map(|(name, _)| name.clone());
    ctx.write_sum_with_history(&files, last.as_deref())?;
    if plan.write_config {
        write_atomic(Path::new("shale.toml"), config_text(ctx, drizzle))?;
    }
    Ok(written)
}

/// `shale.toml` recording the adopted layout.
fn config_text(ctx: &Context<'_>, drizzle: &DrizzleFolder) -> String {
    let quote = |p: &Path| serde_json::to_string(&p.display().to_string()).unwrap_or_default();
    let prefix = drizzle.prefix.map_or(
        match ctx.config.prefix {
            Prefix::Index => "index",
            Prefix::Timestamp => "timestamp",
            Prefix::Unix => "unix",
        },
        prefix_name,
    );
    let t = &ctx.config.migrations_table;
    format!(
        "# Written by `shale adopt --from-drizzle {}`.\n\
         dialect = \"postgresql\"\n\
         schema = {}\n\
         migrations = {}\n\
         snapshots = {}\n\
         prefix = \"{prefix}\"\n\
         \n\
         [database]\n\
         url_env = {}\n\
         \n\
         [migrations_table]\n\
         schema = {}\n\
         table = {}\n",
        drizzle.dir.display(),
        quote(&ctx.config.schema),
        quote(&ctx.config.migrations),
        quote(&ctx.config.snapshots),
        serde_json::to_string(&ctx.config.database.url_env).unwrap_or_default(),
        serde_json::to_string(&t.schema).unwrap_or_default(),
        serde_json::to_string(&t.table).unwrap_or_default(),
    )
}
