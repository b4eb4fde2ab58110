//! `shale.toml`: the project configuration, its defaults, and where the
//! database URL comes from (`--db`, then the environment variable named by
//! `database.url_env`, then a `.env` file in the working directory, then
//! `database.url`).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::Deserialize;

/// The dialect a project targets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// PostgreSQL.
    #[default]
    Postgresql,
    /// SQLite.
    Sqlite,
}

impl Dialect {
    /// The spelling used in the journal and snapshots.
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Postgresql => "postgresql",
            Dialect::Sqlite => "sqlite",
        }
    }
}

/// How migration file names are numbered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Prefix {
    /// `0000_`, `0001_`, …
    #[default]
    Index,
    /// `20261121063000_`
    Timestamp,
    /// `1763706600_`
    Unix,
}

/// `shale.toml`, every key optional.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// `postgresql` or `sqlite`.
    pub dialect: Dialect,
    /// The schema directory (all `.rs` below it) or file.
    pub schema: PathBuf,
    /// The migrations folder.
    pub migrations: PathBuf,
    /// The snapshots folder.
    pub snapshots: PathBuf,
    /// Migration file numbering.
    pub prefix: Prefix,
    /// Where the database URL comes from.
    pub database: DatabaseConfig,
    /// The tracking table.
    pub migrations_table: MigrationsTable,
    /// `[lint]`: per-rule severities for `shale lint` and `shale check`.
    pub lint: shale_lint::LintConfig,
    /// `[unmanaged]`: schemas and objects managed by someone else, left out
    /// of every comparison with a database (and counted as left out).
    pub unmanaged: Unmanaged,
    /// `[generate]`: online mode.
    pub generate: GenerateConfig,
    /// `[migrate]`: defaults of `shale migrate` (backup, lock timeout and retries).
    pub migrate: MigrateConfig,
    /// The directory of `shale.toml` (empty: the working directory), where
    /// shale keeps its cache (`.shale/`).
    #[serde(skip)]
    pub root: PathBuf,
    /// The `shale.toml` read, `None` when there is none (all defaults).
    #[serde(skip)]
    pub file: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            dialect: Dialect::Postgresql,
            schema: "schema".into(),
            migrations: "migrations".into(),
            snapshots: "snapshots".into(),
            prefix: Prefix::Index,
            database: DatabaseConfig::default(),
            migrations_table: MigrationsTable::default(),
            lint: shale_lint::LintConfig::default(),
            unmanaged: Unmanaged::default(),
            generate: GenerateConfig::default(),
            migrate: MigrateConfig::default(),
            root: PathBuf::new(),
            file: None,
        }
    }
}

/// `[database]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// The environment variable holding the URL.
    pub url_env: String,
    /// A URL written in the file (discouraged for anything with a password).
    pub url: Option<String>,
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        DatabaseConfig {
            url_env: "DATABASE_URL".into(),
            url: None,
        }
    }
}

/// `[unmanaged]`: what a database holds that shale must neither compare nor
/// report as drift, because someone else manages it (Supabase's `auth` and
/// `storage` schemas, a table an ETL job owns, …).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Unmanaged {
    /// Whole schemas (namespaces), never read.
    pub schemas: Vec<String>,
    /// Objects by name: `name` (in `public`) or `schema.name`, either ending
    /// in `*` for a prefix; triggers, policies and constraints follow their table.
    pub objects: Vec<String>,
}

/// `[generate]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GenerateConfig {
    /// Write online migrations (PostgreSQL): concurrent index builds,
    /// constraints added `NOT VALID` and validated, no long locks.
    pub online: bool,
    /// The `lock_timeout` online migration files set for themselves.
    pub lock_timeout: String,
}

impl Default for GenerateConfig {
    fn default() -> Self {
        GenerateConfig {
            online: false,
            lock_timeout: "2s".into(),
        }
    }
}

/// `[migrate]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MigrateConfig {
    /// Take a backup into this directory before every `shale migrate` that
    /// applies something, as `--backup DIR` does (relative to `shale.toml`).
    pub backup: Option<PathBuf>,
    /// `lock_timeout` for the migrations' statements when neither
    /// `--lock-timeout` nor the URL sets one; unset: `[generate] lock_timeout`
    /// when `[generate] online = true`, else PostgreSQL's.
    pub lock_timeout: Option<String>,
    /// How many times a migration that timed out waiting for a lock is retried.
    pub lock_retries: u32,
    /// The retries stop once this many seconds have passed since the first attempt.
    pub lock_retry_seconds: u64,
}

impl Default for MigrateConfig {
    fn default() -> Self {
        MigrateConfig {
            backup: None,
            lock_timeout: None,
            lock_retries: 5,
            lock_retry_seconds: 60,
        }
    }
}

/// `[migrations_table]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MigrationsTable {
    /// Its schema (PostgreSQL only).
    pub schema: String,
    /// Its name.
    pub table: String,
}

impl Default for MigrationsTable {
    fn default() -> Self {
        MigrationsTable {
            schema: "drizzle".into(),
            table: "__drizzle_migrations".into(),
        }
    }
}

impl Config {
    /// Reads the configuration. A missing file at the default path means all
    /// defaults; a missing file named explicitly is an error. Relative paths in
    /// the file are relative to the file's directory.
    pub fn load(path: Option<&Path>) -> Result<Config> {
        let (path, explicit) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => (PathBuf::from("shale.toml"), false),
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {
                return Ok(Config::default())
            }
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        };
        let mut config: Config = toml::from_str(&text).map_err(|e| {
            anyhow::anyhow!(
                "{}: {}",
                path.display(),
                e.to_string().trim_end().replace('\n', "\n  ")
            )
        })?;
        config.file = Some(path.clone());
        let base = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf);
        if let Some(base) = base {
            config.root = base.clone();
            for p in [
                &mut config.schema,
                &mut config.migrations,
                &mut config.snapshots,
            ] {
                if p.is_relative() {
                    *p = base.join(&*p);
                }
            }
            if let Some(p) = config.migrate.backup.as_mut().filter(|p| p.is_relative()) {
                *p = base.join(&*p);
            }
        }
        Ok(config)
    }

    /// The database URL: `--db`, else `$<url_env>`, else `.env`'s `<url_env>`,
    /// else `database.url`.
    pub fn database_url(&self, flag: Option<&str>) -> Result<String> {
        if let Some(url) = flag {
            return Ok(url.to_string());
        }
        if let Ok(url) = std::env::var(&self.database.url_env) {
            if !url.is_empty() {
                return Ok(url);
            }
        }
        if let Some(url) = dotenv_value(Path::new(".env"), &self.database.url_env)? {
            return Ok(url);
        }
        if let Some(url) = &self.database.url {
            return Ok(url.clone());
        }
        bail!(
            "no database URL: pass --db URL, set ${}, put {}=… in .env, or set database.url in shale.toml",
            self.database.url_env,
            self.database.url_env
        )
    }
}

/// Reads one key from a `.env` file without touching the process environment.
fn dotenv_value(path: &Path, key: &str) -> Result<Option<String>> {
    let iter = match dotenvy::from_path_iter(path) {
        Ok(it) => it,
        Err(dotenvy::Error::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => bail!("cannot read {}: {e}", path.display()),
    };
    for item in iter {
        let (k, v) = item.map_err(|e| anyhow::anyhow!("cannot parse {}: {e}", path.display()))?;
        if k == key {
            return Ok(Some(v));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_design() {
        let c: Config = toml::from_str("").unwrap();
        assert_eq!(c.dialect, Dialect::Postgresql);
        assert_eq!(c.schema, PathBuf::from("schema"));
        assert_eq!(c.migrations_table.schema, "drizzle");
        assert_eq!(c.migrations_table.table, "__drizzle_migrations");
        assert_eq!(c.database.url_env, "DATABASE_URL");
        assert_eq!(c.prefix, Prefix::Index);
        assert!(!c.generate.online);
        assert_eq!(c.generate.lock_timeout, "2s");
        assert_eq!(c.migrate.lock_timeout, None);
        assert_eq!(c.migrate.lock_retries, 5);
    }

    #[test]
    fn online_and_lock_keys_are_read() {
        let c: Config = toml::from_str(
            "[generate]\nonline = true\nlock_timeout = \"1s\"\n[migrate]\nlock_timeout = \"3s\"\nlock_retries = 2\nlock_retry_seconds = 9\n",
        )
        .unwrap();
        assert!(c.generate.online);
        assert_eq!(c.generate.lock_timeout, "1s");
        assert_eq!(c.migrate.lock_timeout.as_deref(), Some("3s"));
        assert_eq!(
            (c.migrate.lock_retries, c.migrate.lock_retry_seconds),
            (2, 9)
        );
    }

    #[test]
    fn unknown_keys_are_refused() {
        let err = toml::from_str::<Config>("dialekt = \"sqlite\"")
            .unwrap_err()
            .to_string();
        assert!(err.contains("dialekt"), "{err}");
    }

    #[test]
    fn dotenv_is_read_without_touching_the_environment() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(".env");
        std::fs::write(&p, "OTHER=1\nSHALE_TEST_URL=\"postgres://u:p@h/db\"\n").unwrap();
        assert_eq!(
            dotenv_value(&p, "SHALE_TEST_URL").unwrap().as_deref(),
            Some("postgres://u:p@h/db")
        );
        assert_eq!(dotenv_value(&p, "MISSING").unwrap(), None);
        assert!(std::env::var("SHALE_TEST_URL").is_err());
    }
}
