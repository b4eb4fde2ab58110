//! `shale hash`: re-record every migration file and down file in `migrations/meta/shale.sum`,
//! after an intended edit (a custom migration filled in by hand).

use anyhow::Result;
use serde_json::json;

use super::Context;
use crate::output::Style;
use crate::Outcome;

/// `shale hash` flags.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `shale hash`.
pub fn run(ctx: &Context<'_>, _args: &Args) -> Result<Outcome> {
    let ui = ctx.ui;
    let folder = ctx.load_folder()?;
    let previous = std::fs::read_to_string(ctx.sum_path())
        .ok()
        .and_then(|t| shale_migrations::sum::Sum::parse(&t).ok())
        .unwrap_or_default();
    // Migrations and their down files.
    let files = folder.recorded_files();
    let changed: Vec<&str> = files
        .iter()
        .filter(|(n, b)| {
            !previous
                .files
                .iter()
                .any(|(pn, ph)| pn == n && shale_migrations::sqlfile::hash_matches(ph, b))
        })
        .map(|(n, _)| n.as_str())
        .collect();
    ctx.write_sum(&files)?;
    for n in &changed {
        ui.line(&format!("{} {n}", ui.paint(Style::Good, "recorded")));
    }
    ui.result(&format!(
        "{} recorded ({} changed)",
        ctx.sum_path().display(),
        changed.len()
    ));
    ui.document(&json!({ "sum": ctx.sum_path().display().to_string(), "recorded": changed }));
    Ok(Outcome::Clean)
}
