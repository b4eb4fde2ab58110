//! `shale pull`: a live database → Rust schema source in shale's schema
//! language, formatted, that the parser reads back to the same model.

use std::path::PathBuf;

use anyhow::{anyhow, bail, Result};
use serde_json::json;
use shale_differ::MigrationPair;
use shale_migrations::sqlfile;
use shale_model::{RenameHints, Schema};

use super::generate::{write_next_migration, Written};

use super::project::write_atomic;
use super::Context;
use crate::output::Style;
use crate::Outcome;
use crate::{drift, sources};

/// `shale pull` flags.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write `schema.rs` (default: the configured schema directory).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Overwrite an existing `schema.rs`.
    #[arg(long)]
    pub force: bool,
    /// Also write migration 0000 (the SQL that creates this schema), its
    /// journal entry and snapshot, and record 0000 as applied in the database:
    /// an existing database adopts shale without re-running anything.
    #[arg(long)]
    pub baseline: bool,
    /// The name of the baseline migration (`0000_<name>.sql`).
    #[arg(
        long,
        value_name = "NAME",
        default_value = "baseline",
        requires = "baseline"
    )]
    pub baseline_name: String,
}

/// The database pulled from.
enum Live {
    Postgres(Box<shale_db::Client>),
    Sqlite(rusqlite::Connection),
}

/// Runs `shale pull`.
pub fn run(ctx: &Context<'_>, args: &Args) -> Result<Outcome> {
    let ui = ctx.ui;
    let dir = args
        .out
        .clone()
        .unwrap_or_else(|| ctx.config.schema.clone());
    if dir.extension().is_some_and(|e| e == "rs") {
        bail!("--out takes a directory; {} is a file", dir.display());
    }
    let file = dir.join("schema.rs");
    if file.exists() && !args.force {
        bail!(
            "{} exists: pass --force to overwrite it, or --out DIR to write elsewhere",
            file.display()
        );
    }
    let folder = ctx.load_folder_if_any()?;
    if args.baseline && folder.as_ref().is_some_and(|f| !f.migrations.is_empty()) {
        bail!(
            "--baseline starts a migration history, but {} already has migrations; \
             use `shale generate` to continue it (or `shale adopt` for a drizzle-kit folder)",
            ctx.config.migrations.display()
        );
    }
    let mut live = match ctx.config.dialect {
        crate::config::Dialect::Sqlite => Live::Sqlite(ctx.open_sqlite()?),
        crate::config::Dialect::Postgresql => Live::Postgres(Box::new(ctx.connect()?)),
    };
    let (schema, census) = match &mut live {
        Live::Sqlite(conn) => (ctx.introspect_sqlite(conn)?, ctx.sqlite_census(conn)?),
        Live::Postgres(client) => {
            let i = sources::introspect_all(ctx, client)?;
            (i.schema, i.census)
        }
    };
    let (source, warnings) = shale_schemagen::render_with_warnings(&schema);
    write_atomic(&file, &source)?;
    for w in &warnings {
        ui.warn(w);
    }
    let baseline = if args.baseline {
        Some(write_baseline(
            ctx,
            folder,
            &file,
            &mut live,
            &args.baseline_name,
        )?)
    } else {
        None
    };
    ui.result(&format!(
        "{} {} ({} tables, {} enums)",
        ui.paint(Style::Good, "wrote"),
        file.display(),
        schema.tables.len(),
        schema.enums.len()
    ));
    if let Some(b) = &baseline {
        ui.result(&format!(
            "{} {} and recorded it as applied in the database, and as history in shale.sum: the next `shale generate` continues from here",
            ui.paint(Style::Good, "wrote"),
            b.sql_path.display()
        ));
    }
    // What the written schema does not say is never silently dropped.
    if !census.is_complete() {
        ui.warn(&format!(
            "the database holds {} object(s) of kinds shale does not model yet; {} does not declare them: {}\n{}",
            census.unmodelled.len(),
            file.display(),
            drift::census_counts(&census),
            drift::census_lines(&census, 10).join("\n")
        ));
        if let Some(b) = &baseline {
            ui.warn(&format!(
                "{} does not create them: a fresh database built from the migrations lacks them until their SQL \
                 is added to a migration (`shale generate --custom`)",
                b.sql_path.display()
            ));
        }
    }
    if let Some(line) = drift::left_out_line(&census) {
        ui.line(&line);
    }
    ui.document(&json!({
        "census": drift::census_json(&census),
        "file": file.display().to_string(),
        "tables": schema.tables.len(),
        "enums": schema.enums.len(),
        "warnings": warnings,
        "baseline": baseline.as_ref().map(|b| json!({
            "tag": b.entry.tag,
            "file": b.sql_path.display().to_string(),
            "snapshot": b.snap_path.display().to_string(),
        })),
    }));
    Ok(if census.is_complete() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

/// Writes migration 0000 creating the pulled schema (with journal entry,
/// snapshot and integrity record) and records it as applied. The snapshot is
/// the model the parser reads back from the written source, so the next
/// `shale generate` starts from exactly what the source says.
fn write_baseline(
    ctx: &Context<'_>,
    folder: Option<shale_migrations::folder::MigrationFolder>,
    source_file: &std::path::Path,
    live: &mut Live,
    name: &str,
) -> Result<Written> {
    let parsed = ctx.parse_schema_at(source_file)?;
    let empty = Schema::default();
    let pair = MigrationPair::new(&empty, &parsed.schema);
    let plan = shale_differ::diff(pair, &RenameHints::default())
        .map_err(|a| anyhow!("cannot plan the baseline: {a}"))?;
    let statements = ctx.render_plan(&plan, pair)?;
    let sqls: Vec<String> = statements.into_iter().map(|s| s.sql).collect();
    let mut journal = ctx.load_journal()?;
    let written = write_next_migration(
        ctx,
        folder,
        &mut journal,
        shale_migrations::snapshot::ROOT_ID,
        name,
        |_| (sqlfile::render(&sqls, &[]), None),
        &shale_migrations::snapshot::EncodedBody::new(&parsed.schema),
    )?;
    let folder = ctx.load_folder()?;
    let options = shale_runner::MigrateOptions {
        table: ctx.tracking_table(),
        ..Default::default()
    };
    match live {
        Live::Postgres(client) => {
            shale_runner::baseline(client, &folder, &written.entry.tag, &options)
        }
        Live::Sqlite(conn) => {
            shale_runner::sqlite::baseline(conn, &folder, &written.entry.tag, &options)
        }
    }
    .map_err(|e| anyhow!("{e}"))?;
    // The baseline describes what the database already had: history, which
    // `shale check` does not lint (every later migration is gated).
    ctx.record_history(&folder)?;
    Ok(written)
}
