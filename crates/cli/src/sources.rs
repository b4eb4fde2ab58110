//! The sources `shale diff --from/--to` (and `verify`) compare, each lowered
//! to the same `Schema`: `schema:PATH`, `snapshot:PATH`, `migrations:DIR`,
//! `postgres://…` / `postgresql://…`, `sqlite:PATH`, and `empty`.

use std::path::PathBuf;

use anyhow::{anyhow, bail, Context as _, Result};
use shale_introspect::Census;
use shale_migrations::journal::Journal;
use shale_migrations::snapshot::{self, Snapshot};
use shale_model::{RenameHints, Schema};

use crate::commands::Context;

/// A schema source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Rust schema source (a directory or a file).
    Schema(PathBuf),
    /// A snapshot file.
    Snapshot(PathBuf),
    /// A migrations folder: the state after its last migration's snapshot.
    Migrations(PathBuf),
    /// A live PostgreSQL database.
    Postgres(String),
    /// A SQLite database file (`sqlite:PATH`).
    Sqlite(PathBuf),
    /// The empty schema.
    Empty,
}

impl Source {
    /// Parses `schema:PATH`, `snapshot:PATH`, `migrations:DIR`,
    /// `postgres://…`, `postgresql://…` or `empty`.
    pub fn parse(s: &str) -> Result<Source> {
        if s == "empty" {
            return Ok(Source::Empty);
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            return Ok(Source::Postgres(s.to_string()));
        }
        let usage = "expected schema:PATH, snapshot:PATH, migrations:DIR, postgres://…, postgresql://…, sqlite:PATH or empty";
        let Some((kind, rest)) = s.split_once(':') else {
            bail!("unknown source `{s}`: {usage}")
        };
        if rest.is_empty() {
            bail!("source `{s}` needs a path: {usage}");
        }
        Ok(match kind {
            "schema" => Source::Schema(rest.into()),
            "snapshot" => Source::Snapshot(rest.into()),
            "migrations" => Source::Migrations(rest.into()),
            "sqlite" => Source::Sqlite(shale_runner::sqlite::path_of_url(s).unwrap_or(rest).into()),
            _ => bail!("unknown source kind `{kind}`: {usage}"),
        })
    }

    /// A description for messages (passwords redacted).
    pub fn describe(&self) -> String {
        match self {
            Source::Schema(p) => format!("schema:{}", p.display()),
            Source::Snapshot(p) => format!("snapshot:{}", p.display()),
            Source::Migrations(p) => format!("migrations:{}", p.display()),
            Source::Postgres(url) => shale_db::redact(url),
            Source::Sqlite(p) => format!("sqlite:{}", p.display()),
            Source::Empty => "empty".into(),
        }
    }

    /// Lowers the source to a schema (with rename hints from schema source),
    /// with the census of what a database source holds beyond the model
    /// (empty for every other source).
    pub fn load(&self, ctx: &Context<'_>) -> Result<(Schema, RenameHints, Census)> {
        let none = || (RenameHints::default(), Census::default());
        let (schema, (hints, census)) = match self {
            Source::Empty => (Schema::default(), none()),
            Source::Schema(path) => {
                let parsed = ctx.parse_schema_at(path)?;
                (parsed.schema, (parsed.renames, Census::default()))
            }
            Source::Snapshot(path) => (read_snapshot(path)?, none()),
            Source::Migrations(dir) => {
                let journal_path = dir.join("meta").join("_journal.json");
                let text = std::fs::read_to_string(&journal_path)
                    .with_context(|| format!("cannot read {}", journal_path.display()))?;
                let journal = Journal::parse(&text)
                    .map_err(|e| anyhow!("{}: {e}", journal_path.display()))?;
                let Some(last) = journal.entries.last() else {
                    return Ok((Schema::default(), RenameHints::default(), Census::default()));
                };
                // The snapshots of the configured migrations folder are the
                // configured snapshots folder; any other folder's are its sibling.
                let snapshots = if dir == &ctx.config.migrations {
                    ctx.config.snapshots.clone()
                } else {
                    dir.parent().unwrap_or(dir).join("snapshots")
                };
                (
                    read_snapshot(&snapshots.join(snapshot::file_name(last.idx)))?,
                    none(),
                )
            }
            Source::Sqlite(path) => {
                let conn =
                    shale_runner::sqlite::open_existing(path, std::time::Duration::from_secs(30))
                        .map_err(|e| anyhow!("{e}"))?;
                let census = ctx.sqlite_census(&conn)?;
                (
                    ctx.introspect_sqlite(&conn)?,
                    (RenameHints::default(), census),
                )
            }
            Source::Postgres(url) => {
                let mut client = shale_db::connect(url).map_err(|e| anyhow!("{e}"))?;
                let i = introspect_all(ctx, &mut client)?;
                (i.schema, (RenameHints::default(), i.census))
            }
        };
        Ok((schema, hints, census))
    }
}

/// The introspection options of this project: the tracking table's schema
/// and the `[unmanaged]` schemas and objects are left out.
pub fn introspect_options(ctx: &Context<'_>) -> shale_introspect::IntrospectOptions {
    shale_introspect::IntrospectOptions {
        tracking_schema: Some(ctx.config.migrations_table.schema.clone()),
        exclude_namespaces: ctx.config.unmanaged.schemas.clone(),
        unmanaged_objects: ctx.config.unmanaged.objects.clone(),
        managed_roles: ctx.config.grants.roles.clone(),
        ..Default::default()
    }
}

/// Reads a live database into a schema, leaving out the tracking table's
/// schema and what `[unmanaged]` lists. For databases shale built itself
/// (replays, shadows); a database to report on is read with
/// [`introspect_all`], whose census must be shown.
pub fn introspect(ctx: &Context<'_>, client: &mut shale_db::Client) -> Result<Schema> {
    shale_introspect::introspect(client, &introspect_options(ctx)).map_err(|e| anyhow!("{e}"))
}

/// Reads a live database into a schema and its census.
pub fn introspect_all(
    ctx: &Context<'_>,
    client: &mut shale_db::Client,
) -> Result<shale_introspect::Introspection> {
    shale_introspect::introspect_all(client, &introspect_options(ctx)).map_err(|e| anyhow!("{e}"))
}

fn read_snapshot(path: &std::path::Path) -> Result<Schema> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(Snapshot::from_json(&text)
        .map_err(|e| anyhow!("{}: {e}", path.display()))?
        .schema)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_parse() {
        assert_eq!(Source::parse("empty").unwrap(), Source::Empty);
        assert_eq!(
            Source::parse("schema:schema").unwrap(),
            Source::Schema("schema".into())
        );
        assert_eq!(
            Source::parse("migrations:m").unwrap(),
            Source::Migrations("m".into())
        );
        assert!(matches!(
            Source::parse("postgresql://u@h/db").unwrap(),
            Source::Postgres(_)
        ));
        assert_eq!(
            Source::parse("sqlite:app.db").unwrap(),
            Source::Sqlite("app.db".into())
        );
        assert_eq!(
            Source::parse("sqlite://data/app.db").unwrap(),
            Source::Sqlite("data/app.db".into())
        );
        assert!(Source::parse("mysql://x").is_err());
        assert!(Source::parse("schema:").is_err());
        assert!(Source::parse("nonsense").is_err());
    }
}
