//! `shale init`: scaffolds a project — `shale.toml`, an example `schema/`,
//! an empty `migrations/` (with its journal) and `snapshots/`. Never
//! overwrites: existing files are left alone and named.

use std::path::Path;

use anyhow::{bail, Result};
use shale_migrations::journal::Journal;

use super::project::write_atomic;
use super::Context;
use crate::output::Style;
use crate::Outcome;

/// `shale init` flags.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Target SQLite instead of PostgreSQL.
    #[arg(long)]
    pub sqlite: bool,
}

const CONFIG: &str = r#"# shale configuration: every key is optional; these are the defaults.
dialect = "postgresql"            # or "sqlite"
schema = "schema"                 # a directory (all .rs below it) or a file
migrations = "migrations"
snapshots = "snapshots"
prefix = "index"                  # index | timestamp | unix

[database]
url_env = "DATABASE_URL"          # the URL comes from --db, this variable, or .env

[migrations_table]                # drizzle-compatible tracking table
schema = "drizzle"
table = "__drizzle_migrations"
"#;

const EXAMPLE: &str = r#"//! The database schema: one struct per table, one enum per enum type.
//! Edit it, then run `shale generate` and review the SQL it writes.

use shale::{PgEnum, Table};

/// What a user may do.
#[derive(PgEnum)]
pub enum Role {
    Admin,
    Member,
}

/// People who can sign in.
#[derive(Table)]
#[table(name = "users")]
#[index(columns(created_at(desc)))]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(sql_type = "varchar(320)", unique)]
    pub email: String,
    pub display_name: Option<String>,
    #[column(default = "'member'")]
    pub role: Role,
    #[column(default = "now()")]
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// Things users write.
#[derive(Table)]
#[table(name = "posts")]
pub struct Post {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "users.id", on_delete = "cascade")]
    pub author_id: i64,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
}
"#;

/// Runs `shale init`.
pub fn run(ctx: &Context<'_>, args: &Args) -> Result<Outcome> {
    let ui = ctx.ui;
    let config_path = Path::new("shale.toml");
    let mut written = Vec::new();
    let mut kept = Vec::new();
    let dialect = if args.sqlite { "sqlite" } else { "postgresql" };
    if config_path.exists() {
        kept.push(config_path.display().to_string());
    } else {
        write_atomic(
            config_path,
            CONFIG.replace(
                "dialect = \"postgresql\"",
                &format!("dialect = \"{dialect}\""),
            ),
        )?;
        written.push(config_path.display().to_string());
    }
    let schema_dir = &ctx.config.schema;
    if schema_dir.exists() {
        kept.push(schema_dir.display().to_string());
    } else {
        let file = schema_dir.join("schema.rs");
        // SQLite has no array type: the SQLite example keeps tags as JSON text.
        let example = if args.sqlite {
            EXAMPLE.replace("    pub tags: Vec<String>,", "    /// A JSON array of strings.\n    #[column(sql_type = \"text\")]\n    pub tags: String,")
        } else {
            EXAMPLE.to_string()
        };
        write_atomic(&file, &example)?;
        written.push(file.display().to_string());
    }
    let journal_path = ctx.journal_path();
    if journal_path.exists() {
        kept.push(journal_path.display().to_string());
    } else {
        write_atomic(&journal_path, Journal::new(dialect).to_json())?;
        written.push(journal_path.display().to_string());
    }
    if !ctx.config.snapshots.exists() {
        std::fs::create_dir_all(&ctx.config.snapshots)?;
        written.push(format!("{}/", ctx.config.snapshots.display()));
    }
    if written.is_empty() {
        bail!("already initialised: {} exist", kept.join(", "));
    }
    for w in &written {
        ui.line(&format!("{} {w}", ui.paint(Style::Good, "created")));
    }
    for k in &kept {
        ui.line(&format!("{} {k} (exists)", ui.paint(Style::Dim, "kept")));
    }
    ui.result("next: edit the schema, then run `shale generate`");
    ui.document(&serde_json::json!({ "created": written, "kept": kept }));
    Ok(Outcome::Clean)
}
