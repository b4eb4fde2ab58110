//! `shale pull`: a live database → Rust schema source in shale's schema
//! language, formatted, that the parser reads back to the same model.

use std::path::PathBuf;

use anyhow::{bail, Result};
use serde_json::json;

use super::project::write_atomic;
use super::Context;
use crate::output::Style;
use crate::sources;
use crate::Outcome;

/// `shale pull` flags.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write `schema.rs` (default: the configured schema directory).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Overwrite an existing `schema.rs`.
    #[arg(long)]
    pub force: bool,
}

/// Runs `shale pull`.
pub fn run(ctx: &Context<'_>, args: &Args) -> Result<Outcome> {
    let ui = ctx.ui;
    let dir = args.out.clone().unwrap_or_else(|| ctx.config.schema.clone());
    if dir.extension().is_some_and(|e| e == "rs") {
        bail!("--out takes a directory; {} is a file", dir.display());
    }
    let file = dir.join("schema.rs");
    if file.exists() && !args.force {
        bail!("{} exists: pass --force to overwrite it, or --out DIR to write elsewhere", file.display());
    }
    let mut client = ctx.connect()?;
    let schema = sources::introspect(ctx, &mut client)?;
    let (source, warnings) = shale_schemagen::render_with_warnings(&schema);
    write_atomic(&file, &source)?;
    for w in &warnings {
        ui.warn(w);
    }
    ui.result(&format!(
        "{} {} ({} tables, {} enums)",
        ui.paint(Style::Good, "wrote"),
        file.display(),
        schema.tables.len(),
        schema.enums.len()
    ));
    ui.document(&json!({
        "file": file.display().to_string(),
        "tables": schema.tables.len(),
        "enums": schema.enums.len(),
        "warnings": warnings,
    }));
    Ok(Outcome::Clean)
}
