//! Loading the pieces of a project that several commands share: the schema
//! source (with rendered diagnostics), the journal, and the latest snapshot.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context as _, Result};
use shale_migrations::journal::Journal;
use shale_migrations::snapshot::{self, Snapshot};
use shale_model::{RenameHints, Schema};
use shale_parser::{ParseOptions, SourceFile};

use super::Context;
use crate::config::Dialect;
use crate::diagnostics;

/// The schema parsed from source.
pub struct ParsedSchema {
    /// The model.
    pub schema: Schema,
    /// `renamed_from` hints.
    pub renames: RenameHints,
}

/// The migrations side of a project: the checked folder, its journal, and
/// the schema after its last migration.
pub struct Project {
    /// The folder, when it exists.
    pub folder: Option<shale_migrations::folder::MigrationFolder>,
    /// The journal (empty for a new project).
    pub journal: Journal,
    /// The latest snapshot's id ([`snapshot::ROOT_ID`] for a new project).
    pub prev_id: String,
    /// The latest snapshot's schema (empty for a new project).
    pub previous: Schema,
}

/// An invalid schema source: the diagnostics already rendered.
#[derive(Debug)]
pub struct SchemaErrors {
    /// Rendered text (with source lines underlined).
    pub rendered: String,
    /// The diagnostics as JSON.
    pub json: serde_json::Value,
    /// How many.
    pub count: usize,
}

impl std::fmt::Display for SchemaErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = if self.count == 1 { "" } else { "s" };
        write!(f, "the schema has {} error{s}", self.count)
    }
}

impl std::error::Error for SchemaErrors {}

impl Context<'_> {
    /// The snapshot dialect of this project.
    pub fn snapshot_dialect(&self) -> snapshot::Dialect {
        match self.config.dialect {
            Dialect::Postgresql => snapshot::Dialect::Postgresql,
            Dialect::Sqlite => snapshot::Dialect::Sqlite,
        }
    }

    /// Reads and parses the schema source at `path`. Errors carry every
    /// diagnostic, rendered with the offending source underlined.
    pub fn parse_schema_at(&self, path: &Path) -> Result<ParsedSchema> {
        let sources = self.read_schema_at(path)?;
        self.parse_read_schema(path, &sources)
    }

    /// Reads the schema source files at `path` (in the order they are parsed).
    pub fn read_schema_at(&self, path: &Path) -> Result<Vec<SourceFile>> {
        let sources = shale_parser::load_sources(path)
            .with_context(|| format!("cannot read the schema at {}", path.display()))?;
        if sources.is_empty() {
            bail!(
                "no .rs files in {}: point `schema` in shale.toml (or --schema) at your schema",
                path.display()
            );
        }
        Ok(sources)
    }

    /// Parses schema source files read from `path` by [`Context::read_schema_at`].
    pub fn parse_read_schema(&self, path: &Path, sources: &[SourceFile]) -> Result<ParsedSchema> {
        let options = ParseOptions {
            dialect: match self.config.dialect {
                Dialect::Postgresql => shale_parser::Dialect::Postgres,
                Dialect::Sqlite => shale_parser::Dialect::Sqlite,
            },
            // `sql_file` paths are relative to the schema directory (the
            // directory of a schema given as one file).
            schema_dir: Some(if path.is_dir() {
                path.to_path_buf()
            } else {
                path.parent().map(Path::to_path_buf).unwrap_or_default()
            }),
            ..ParseOptions::default()
        };
        let parsed = shale_parser::parse_sources(sources, &options);
        if !parsed.diagnostics.is_empty() {
            return Err(schema_errors(sources, &parsed.diagnostics, self.ui.color_stderr).into());
        }
        unmanaged_grants(&parsed.schema, &self.config.grants.roles)?;
        let schema = match self.config.dialect {
            Dialect::Postgresql => parsed.schema,
            // SQLite stores less than PostgreSQL: compare in its canonical model.
            Dialect::Sqlite => shale_sql::sqlite::canonical_schema(&parsed.schema)
                .map_err(|e| anyhow!("{}: {e}", path.display()))?,
        };
        Ok(ParsedSchema {
            schema,
            renames: parsed.renames,
        })
    }

    /// Renders a plan as SQL for the configured dialect.
    pub fn render_plan(
        &self,
        plan: &shale_differ::Plan,
        schemas: shale_differ::MigrationPair<&Schema>,
    ) -> Result<Vec<shale_sql::Statement>> {
        use shale_sql::SqlDialect as _;
        match self.config.dialect {
            Dialect::Postgresql => {
                Ok(self.postgres_names(|| shale_sql::Postgres.render(plan, schemas)))
            }
            Dialect::Sqlite => shale_sql::Sqlite
                .try_render(plan, schemas)
                .map_err(|e| anyhow!("{e}")),
        }
    }

    /// Runs a PostgreSQL rendering with the project's way of writing names
    /// of `public` (`[generate] qualify_public`).
    pub fn postgres_names<T>(&self, render: impl FnOnce() -> T) -> T {
        if self.config.generate.qualify_public {
            render()
        } else {
            shale_sql::with_public_unqualified(render)
        }
    }

    /// The database file of a SQLite project: `--db sqlite:PATH` (or the
    /// configured URL; a bare path is accepted too).
    pub fn sqlite_path(&self) -> Result<PathBuf> {
        let url = self.config.database_url(self.db_flag)?;
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            bail!("shale.toml says dialect = \"sqlite\" but the database URL is PostgreSQL's; pass --db sqlite:PATH");
        }
        Ok(PathBuf::from(
            shale_runner::sqlite::path_of_url(&url).unwrap_or(&url),
        ))
    }

    /// Opens the existing SQLite database of this project.
    pub fn open_sqlite(&self) -> Result<rusqlite::Connection> {
        shale_runner::sqlite::open_existing(
            &self.sqlite_path()?,
            std::time::Duration::from_secs(30),
        )
        .map_err(|e| anyhow!("{e}"))
    }

    /// Reads a SQLite database into the canonical SQLite model, leaving out
    /// the tracking table.
    pub fn introspect_sqlite(&self, conn: &rusqlite::Connection) -> Result<Schema> {
        let options = shale_introspect::sqlite::SqliteIntrospectOptions {
            tracking_table: Some(self.config.migrations_table.table.clone()),
        };
        shale_introspect::sqlite::introspect(conn, &options).map_err(|e| anyhow!("{e}"))
    }

    /// What a SQLite database holds beyond the model (views, triggers).
    pub fn sqlite_census(&self, conn: &rusqlite::Connection) -> Result<shale_introspect::Census> {
        shale_introspect::sqlite::census(conn, &self.config.unmanaged.objects)
            .map_err(|e| anyhow!("{e}"))
    }

    /// [`Context::parse_schema_at`] on the configured schema.
    pub fn parse_schema(&self) -> Result<ParsedSchema> {
        self.parse_schema_at(&self.config.schema.clone())
    }

    /// The folder, and the latest snapshot decoded from the bytes
    /// [`Context::read_latest_snapshot`] read for this journal.
    pub fn load_project_with(
        &self,
        journal: Journal,
        latest: Option<(PathBuf, Vec<u8>)>,
    ) -> Result<Project> {
        let folder = self.load_folder_if_any()?;
        let (prev_id, previous) = self.decode_latest_snapshot(latest)?;
        Ok(Project {
            folder,
            journal,
            prev_id,
            previous,
        })
    }

    /// `migrations/meta/_journal.json`.
    pub fn journal_path(&self) -> PathBuf {
        self.config.migrations.join("meta").join("_journal.json")
    }

    /// The journal, or an empty one when the file does not exist yet.
    pub fn load_journal(&self) -> Result<Journal> {
        let path = self.journal_path();
        match std::fs::read_to_string(&path) {
            Ok(text) => Journal::parse(&text).map_err(|e| anyhow!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Ok(Journal::new(self.config.dialect.as_str()))
            }
            Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
        }
    }

    /// The path and bytes of the snapshot after the journal's last entry
    /// (`None` before the first one).
    pub fn read_latest_snapshot(&self, journal: &Journal) -> Result<Option<(PathBuf, Vec<u8>)>> {
        let Some(last) = journal.entries.last() else {
            return Ok(None);
        };
        let path = self.config.snapshots.join(snapshot::file_name(last.idx));
        let bytes = std::fs::read(&path).with_context(|| {
            format!(
                "cannot read {}, the snapshot of migration {}: restore it from version control \
                 (snapshots are written by `shale generate` and must be committed)",
                path.display(),
                last.tag
            )
        })?;
        Ok(Some((path, bytes)))
    }

    /// Decodes what [`Context::read_latest_snapshot`] read: its id and schema.
    fn decode_latest_snapshot(
        &self,
        latest: Option<(PathBuf, Vec<u8>)>,
    ) -> Result<(String, Schema)> {
        let Some((path, bytes)) = latest else {
            return Ok((snapshot::ROOT_ID.to_string(), Schema::default()));
        };
        let text = String::from_utf8(bytes)
            .map_err(|_| anyhow!("{}: the snapshot is not valid UTF-8", path.display()))?;
        let snap = Snapshot::from_json(&text).map_err(|e| anyhow!("{}: {e}", path.display()))?;
        if snap.dialect != self.snapshot_dialect() {
            bail!(
                "{} was generated for {}, but shale.toml says dialect = \"{}\"",
                path.display(),
                snap.dialect,
                self.config.dialect.as_str()
            );
        }
        Ok((snap.id, snap.schema))
    }
}

fn schema_errors(
    sources: &[SourceFile],
    diags: &[shale_parser::Diagnostic],
    color: bool,
) -> SchemaErrors {
    SchemaErrors {
        rendered: diagnostics::render(sources, diags, color),
        json: diagnostics::to_json(sources, diags),
        count: diags.len(),
    }
}

/// Writes a file through a temporary sibling and a rename, so a reader never
/// sees half a file.
pub fn write_atomic(path: &Path, contents: impl AsRef<[u8]>) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let tmp = path.with_extension("tmp~");
    std::fs::write(&tmp, contents).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))
}

/// Refuses a schema that grants to a role shale does not manage: such a
/// grant would never be compared, so it could never be kept true.
fn unmanaged_grants(schema: &Schema, managed: &[String]) -> Result<()> {
    let mut objects: Vec<(String, &[shale_model::Grant])> = Vec::new();
    for t in &schema.tables {
        objects.push((format!("table {}", t.name), &t.grants));
    }
    for v in &schema.views {
        objects.push((format!("{} {}", v.kind(), v.name), &v.grants));
    }
    for s in &schema.sequences {
        objects.push((format!("sequence {}", s.name), &s.grants));
    }
    for f in &schema.functions {
        objects.push((format!("{} {}", f.kind(), f.name), &f.grants));
    }
    for n in &schema.namespace_settings {
        objects.push((format!("schema {}", n.name), &n.grants));
    }
    for (object, grants) in objects {
        if let Some(g) = grants
            .iter()
            .find(|g| !shale_model::grant::role_matches(managed, &g.role))
        {
            bail!(
                "{object} grants to role `{}`, which shale does not manage\n  help: add it to `roles` under `[grants]` in shale.toml (shale never creates roles: the role must exist)",
                g.role
            );
        }
    }
    Ok(())
}
