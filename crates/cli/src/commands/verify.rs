//! `shale verify` (live database versus schema) and `shale diff --from
//! --to` (any two sources): the same diff between two schemas, reported as
//! drift and as the SQL that would reconcile them.

use anyhow::Result;
use serde_json::json;
use shale_differ::{Ambiguity, MigrationPair};
use shale_model::{RenameHints, Schema};
use shale_sql::Statement;

use super::generate::parse_rename_flag;
use super::Context;
use crate::drift;
use crate::output::Style;
use crate::sources::{self, Source};
use crate::Outcome;

/// `shale verify` flags.
#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// When the schema has views: create the scratch database that reads
    /// their queries back on this existing server (`CREATE DATABASE
    /// shale_shadow_<random>`, dropped afterwards) instead of on a
    /// throwaway server started from the local PostgreSQL binaries.
    #[arg(long, value_name = "URL")]
    pub shadow_db: Option<String>,
    /// The fleet to verify (targets grouped by identical drift).
    #[command(flatten)]
    pub fleet: super::fleet::TargetsArgs,
}

/// The schema with its view queries as PostgreSQL prints them (see
/// `shale_introspect::canonical`): created from empty in a throwaway
/// database (a local server, or a temporary database on `shadow_db`'s
/// server) and read back, so that a database's views compare with
/// PostgreSQL's own text instead of the text as written. A schema without
/// views (and any SQLite schema, whose views SQLite keeps as written) is
/// returned as it is, and no database is started.
pub(crate) fn with_printed_views(
    ctx: &Context<'_>,
    schema: &Schema,
    shadow_db: Option<&str>,
) -> Result<Schema> {
    if schema.views.is_empty() || ctx.config.dialect == crate::config::Dialect::Sqlite {
        return Ok(schema.clone());
    }
    let db = super::check::open_shadow(shadow_db)?;
    let mut client = db.connect().map_err(|e| anyhow::anyhow!("{e}"))?;
    let canonical = shale_introspect::canonical_views(schema, &mut client)
        .map_err(|e| anyhow::anyhow!("{e} (on {})", db.describe()));
    drop(client);
    db.close().map_err(|e| anyhow::anyhow!("{e}"))?;
    canonical
}

/// `shale diff` flags.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// Where the migration starts: `schema:PATH`, `snapshot:PATH`,
    /// `migrations:DIR`, `postgres://…`, `postgresql://…` or `empty`.
    #[arg(long, value_name = "SRC")]
    pub from: String,
    /// What the migration produces (same forms as --from).
    #[arg(long, value_name = "SRC")]
    pub to: String,
    /// Settle a rename, as for `generate`: `table:OLD=NEW`, `column:TABLE.OLD=NEW`, …
    #[arg(long, value_name = "KIND:OLD=NEW")]
    pub rename: Vec<String>,
}

/// Plans `schemas`, taking every unsettled rename question as a drop and a
/// create (a database has no rename history); returns the plan and the
/// questions so they can be shown. It lives in the differ, where the golden
/// tests call it too (the down files' plans are `shale_differ::down_plan`).
pub use shale_differ::plan_assuming_drops;

fn statements_json(statements: &[Statement]) -> serde_json::Value {
    statements
        .iter()
        .map(|s| {
            json!({
                "sql": s.sql,
                "hazards": s.hazards.iter().map(|h| json!({ "kind": h.kind.as_str(), "message": h.message })).collect::<Vec<_>>(),
            })
        })
        .collect()
}

fn print_sql(ctx: &Context<'_>, statements: &[Statement]) {
    let ui = ctx.ui;
    for s in statements {
        for h in &s.hazards {
            ui.result(&ui.paint(
                Style::Warn,
                &format!("-- hazard: {} {}", h.kind.as_str(), h.message),
            ));
        }
        ui.result(&s.sql);
    }
}

fn rename_notes(ctx: &Context<'_>, asked: &[Ambiguity]) {
    for a in asked {
        ctx.ui.warn(&format!(
            "{a}; shown as a drop and a create, pass --rename to treat it as a rename"
        ));
    }
}

/// How many names of each kind the text output lists before "… and N more".
const CENSUS_NAMES_SHOWN: usize = 10;

/// Prints what a database holds that was not compared, and what was left
/// out on purpose (nothing when the census has nothing to say).
pub fn print_census(ctx: &Context<'_>, census: &shale_introspect::Census, heading: &str) {
    let ui = ctx.ui;
    if !census.is_complete() {
        ui.result(&format!(
            "{heading}: {} object(s) of kinds shale does not model yet: {}",
            census.unmodelled.len(),
            drift::census_counts(census)
        ));
        for line in drift::census_lines(census, CENSUS_NAMES_SHOWN) {
            ui.result(&line);
        }
        ui.result(
            "  (list objects someone else manages under [unmanaged] in shale.toml to leave them out on purpose)",
        );
    }
    if let Some(line) = drift::left_out_line(census) {
        ui.result(&line);
    }
}

/// Runs `shale verify`: exit 0 in sync, 1 drift or objects not compared.
pub fn verify(ctx: &Context<'_>, args: &VerifyArgs) -> Result<Outcome> {
    let ui = ctx.ui;
    let mut parsed = ctx.parse_schema()?;
    if args.fleet.targets.is_some() {
        // Targets first: a bad selector fails before a shadow is started.
        let targets = ctx.fleet_targets(&args.fleet)?;
        let schema = with_printed_views(ctx, &parsed.schema, args.shadow_db.as_deref())?;
        return super::fleet::verify(ctx, &args.fleet, targets, &schema);
    }
    parsed.schema = with_printed_views(ctx, &parsed.schema, args.shadow_db.as_deref())?;
    let (database, census) = match ctx.config.dialect {
        crate::config::Dialect::Sqlite => {
            let conn = ctx.open_sqlite()?;
            (ctx.introspect_sqlite(&conn)?, ctx.sqlite_census(&conn)?)
        }
        crate::config::Dialect::Postgresql => {
            let mut client = ctx.connect()?;
            // Safe to point at production: read-only catalog queries, one connection,
            // and a short statement timeout.
            client
                .batch_execute("SET statement_timeout = '30s'")
                .map_err(|e| anyhow::anyhow!("{}", shale_db::error_line(&e)))?;
            let i = sources::introspect_all(ctx, &mut client)?;
            (i.schema, i.census)
        }
    };
    let pair = MigrationPair::new(&database, &parsed.schema);
    let (plan, _) = plan_assuming_drops(pair, &RenameHints::default());
    if plan.is_empty() && census.is_complete() {
        ui.result(&format!(
            "{}: the database matches the schema",
            ui.paint(Style::Good, "in sync")
        ));
        print_census(ctx, &census, "");
        ui.document(&json!({ "in_sync": true, "drift": [], "sql": [], "census": drift::census_json(&census) }));
        return Ok(Outcome::Clean);
    }
    if plan.is_empty() {
        // Never "in sync" about objects that were not looked at.
        ui.result(&format!(
            "{}: everything shale models matches the schema, but the database holds more",
            ui.paint(Style::Bad, "not verified")
        ));
        print_census(ctx, &census, "not compared");
        ui.document(&json!({ "in_sync": false, "drift": [], "sql": [], "census": drift::census_json(&census) }));
        return Ok(Outcome::Findings);
    }
    let drift = drift::describe(&plan, pair);
    let statements = ctx.render_plan(&plan, pair)?;
    if !ui.json() {
        ui.result(&format!(
            "{}: {} difference(s) between the database and the schema",
            ui.paint(Style::Bad, "drift"),
            drift.len()
        ));
        for d in &drift {
            let style = match d.kind {
                "missing" => Style::Good,
                "extra" => Style::Bad,
                _ => Style::Warn,
            };
            ui.result(&format!(
                "  {} {}",
                ui.paint(style, d.mark()),
                ui.paint(Style::Bold, &d.object)
            ));
            if let Some(s) = &d.schema {
                ui.result(&format!("      schema:   {s}"));
            }
            if let Some(db) = &d.database {
                ui.result(&format!("      database: {db}"));
            }
        }
        print_census(ctx, &census, "also not compared");
        ui.result("\nSQL that would bring the database to the schema:\n");
        print_sql(ctx, &statements);
    }
    ui.document(&json!({
        "in_sync": false,
        "drift": drift.iter().map(drift::Drift::to_json).collect::<Vec<_>>(),
        "sql": statements_json(&statements),
        "census": drift::census_json(&census),
    }));
    Ok(Outcome::Findings)
}

/// Runs `shale diff`: exit 0 when the sources are equal, 1 when not.
pub fn diff(ctx: &Context<'_>, args: &DiffArgs) -> Result<Outcome> {
    let ui = ctx.ui;
    let from = Source::parse(&args.from)?;
    let to = Source::parse(&args.to)?;
    let (mut previous, _, previous_census) = from.load(ctx)?;
    let (mut next, mut hints, next_census) = to.load(ctx)?;
    // A database's views are PostgreSQL's text: compare a schema, snapshot
    // or migrations folder with one in that text too (as `verify` does).
    match (&from, &to) {
        (Source::Postgres(_), Source::Postgres(_)) => {}
        (Source::Postgres(_), _) => next = with_printed_views(ctx, &next, None)?,
        (_, Source::Postgres(_)) => previous = with_printed_views(ctx, &previous, None)?,
        _ => {}
    }
    for r in &args.rename {
        parse_rename_flag(r, &mut hints)?;
    }
    let pair = MigrationPair::new(&previous, &next);
    let (plan, asked) = plan_assuming_drops(pair, &hints);
    rename_notes(ctx, &asked);
    // The SQL covers only what the model holds: say what it leaves alone.
    for (source, census) in [(&from, &previous_census), (&to, &next_census)] {
        if !census.is_complete() {
            ctx.ui.warn(&format!(
                "{} holds {} object(s) of kinds shale does not model yet, not compared and not in this SQL: {}",
                source.describe(),
                census.unmodelled.len(),
                drift::census_counts(census)
            ));
        }
    }
    let statements = ctx.render_plan(&plan, pair)?;
    let complete = previous_census.is_complete() && next_census.is_complete();
    if statements.is_empty() && complete {
        ui.result(&format!(
            "-- no differences between {} and {}",
            from.describe(),
            to.describe()
        ));
    } else if statements.is_empty() {
        ui.result(&format!(
            "-- no differences in what shale models between {} and {}; objects of other kinds were not compared",
            from.describe(),
            to.describe()
        ));
    } else {
        print_sql(ctx, &statements);
    }
    ui.document(&json!({
        "from": from.describe(),
        "to": to.describe(),
        "empty": statements.is_empty(),
        "statements": statements_json(&statements),
        "census": { "from": drift::census_json(&previous_census), "to": drift::census_json(&next_census) },
    }));
    Ok(if statements.is_empty() && complete {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}
