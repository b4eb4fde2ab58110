//! The `shale` command line: arguments, configuration, and everything shale
//! prints. The library crates return plain data and typed errors; this crate
//! turns them into text or JSON, colours, prompts and exit codes.
//!
//! **Architecture invariant:** the only crate that prints, reads the terminal
//! or decides exit codes: **0** success / in sync, **1** findings (drift,
//! pending changes, refused data loss, failed check), **2** could not run
//! (bad arguments, bad schema source, connection failure).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod allocator;
mod commands;
mod config;
mod diagnostics;
mod drift;
mod lint_cache;
mod output;
mod schema_cache;
mod sources;

pub use allocator::Allocator;
pub use config::Config;
use output::Ui;

/// shale: schema-as-code migrations for Rust teams on PostgreSQL.
///
/// Describe the database as Rust structs and enums in `schema/`; `shale
/// generate` writes the next numbered SQL migration, `shale migrate` applies
/// it. Exit codes: 0 success or in sync, 1 findings, 2 could not run.
#[derive(Debug, Parser)]
#[command(name = "shale", version, max_term_width = 100)]
pub struct Cli {
    /// The configuration file.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// The database URL (else $DATABASE_URL, else `.env`, else the config's
    /// `database.url`). Passwords are never printed.
    #[arg(long, global = true, value_name = "URL")]
    pub db: Option<String>,
    /// Output format: human-readable text, or one JSON document on stdout.
    #[arg(long, global = true, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Print only errors and the essential result.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// When to colour the output (`NO_COLOR` is honoured under `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// Override the config's `schema` path (a directory or a `.rs` file).
    #[arg(long, global = true, value_name = "PATH")]
    pub schema: Option<PathBuf>,
    /// Override the config's `migrations` folder.
    #[arg(long, global = true, value_name = "DIR")]
    pub migrations: Option<PathBuf>,
    /// Override the config's `snapshots` folder.
    #[arg(long, global = true, value_name = "DIR")]
    pub snapshots: Option<PathBuf>,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable text.
    Text,
    /// One JSON document on stdout.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`), for `check` and `lint`.
    Github,
}

/// Colour choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when stdout is a terminal and `NO_COLOR` is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// shale's commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write `shale.toml`, an example `schema/`, and empty `migrations/` and
    /// `snapshots/` in the current directory.
    Init(commands::init::Args),
    /// Diff the schema against the latest snapshot and write the next
    /// migration, journal entry and snapshot.
    Generate(commands::generate::Args),
    /// Apply pending migrations exactly once, in journal order, each in its
    /// own transaction with its tracking row.
    Migrate(commands::migrate::MigrateArgs),
    /// Undo applied migrations, newest first, with their down files
    /// (`NNNN_tag.down.sql`), each in its own transaction with the deletion
    /// of its tracking row.
    Rollback(commands::rollback::Args),
    /// Applied, pending, edited, unknown and out-of-order migrations of the
    /// database (exit 1 when anything is pending or wrong).
    Status(commands::migrate::StatusArgs),
    /// CI gate: migrations, journal, snapshots, integrity record and schema
    /// agree, and every file parses (exit 1 with a fix-it message otherwise).
    Check(commands::check::Args),
    /// Re-record every migration's hash in `migrations/meta/shale.sum` (after
    /// filling in a custom migration by hand).
    Hash(commands::hash::Args),
    /// Compare the live database with the schema: object-level drift report
    /// and the SQL that would reconcile them (read-only; exit 1 on drift).
    Verify(commands::verify::VerifyArgs),
    /// The SQL turning one source into another (`schema:PATH`,
    /// `snapshot:PATH`, `migrations:DIR`, `postgres://…`, `empty`); exit 1
    /// when they differ.
    Diff(commands::verify::DiffArgs),
    /// Write Rust schema source from a live database.
    Pull(commands::pull::Args),
    /// Hazard rules over migration SQL (default: every migration of the
    /// folder); exit 1 when a finding has error severity.
    Lint(commands::lint::Args),
    /// After a git merge, renumber this branch's migrations after the other
    /// side's and rebuild their snapshots, journal entries and `shale.sum`.
    Rebase(commands::rebase::Args),
    /// Take over a drizzle-kit migrations folder without re-running anything:
    /// write `schema/` and the snapshots, keep the files and the journal.
    Adopt(commands::adopt::Args),
}

/// How a command ended, when it ran.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Success, in sync, nothing to report: exit 0.
    Clean,
    /// Findings (drift, pending, refused): exit 1.
    Findings,
}

/// Runs the command line with the process's arguments.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are successes; usage errors exit 2.
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let ui = Ui::new(cli.format, cli.color, cli.quiet);
    let result = run(&cli, &ui);
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(e) => {
            ui.error(&e);
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli, ui: &Ui) -> anyhow::Result<Outcome> {
    let mut config = Config::load(cli.config.as_deref())?;
    if let Some(p) = &cli.schema {
        config.schema = p.clone();
    }
    if let Some(p) = &cli.migrations {
        config.migrations = p.clone();
    }
    if let Some(p) = &cli.snapshots {
        config.snapshots = p.clone();
    }
    let ctx = commands::Context {
        config,
        ui,
        db_flag: cli.db.as_deref(),
    };
    match &cli.command {
        Command::Init(args) => commands::init::run(&ctx, args),
        Command::Generate(args) => commands::generate::run(&ctx, args),
        Command::Migrate(args) => commands::migrate::migrate(&ctx, args),
        Command::Rollback(args) => commands::rollback::run(&ctx, args),
        Command::Status(args) => commands::migrate::status(&ctx, args),
        Command::Check(args) => commands::check::run(&ctx, args),
        Command::Hash(args) => commands::hash::run(&ctx, args),
        Command::Verify(args) => commands::verify::verify(&ctx, args),
        Command::Diff(args) => commands::verify::diff(&ctx, args),
        Command::Pull(args) => commands::pull::run(&ctx, args),
        Command::Lint(args) => commands::lint::run(&ctx, args),
        Command::Rebase(args) => commands::rebase::run(&ctx, args),
        Command::Adopt(args) => commands::adopt::run(&ctx, args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
