//! `shale.toml`: the project configuration, its defaults, and where the
//! database URL comes from (`--db`, then the environment variable named by
//! `database.url_env`, then a `.env` file in the working directory, then
//! `database.url`), and the fleet: `[targets.NAME]`, `[groups]`,
//! `targets_file` and `[targets_query]`, resolved by [`Config::select_targets`].

use std::collections::BTreeMap;
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
    /// `[grants]`: the roles whose grants shale manages.
    pub grants: GrantsConfig,
    /// `[generate]`: online mode.
    pub generate: GenerateConfig,
    /// `[migrate]`: defaults of `shale migrate` (backup, lock timeout and retries).
    pub migrate: MigrateConfig,
    /// `[targets.NAME]`: the databases (or tenant schemas) of a fleet, by name.
    pub targets: BTreeMap<String, TargetConfig>,
    /// `[groups]`: `NAME = ["target", …]`.
    pub groups: BTreeMap<String, Vec<String>>,
    /// `targets_file`: more targets, one `URL [SCHEMA]` a line (`#` comments).
    pub targets_file: Option<PathBuf>,
    /// `[targets_query]`: more targets, the rows of a query on a control database.
    pub targets_query: Option<TargetsQuery>,
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
            grants: GrantsConfig::default(),
            generate: GenerateConfig::default(),
            migrate: MigrateConfig::default(),
            targets: BTreeMap::new(),
            groups: BTreeMap::new(),
            targets_file: None,
            targets_query: None,
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

/// `[grants]`: the roles whose privileges shale manages. shale never
/// creates or drops a role; grants to a role not listed here are never
/// created or revoked, only reported by the commands that read a database.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GrantsConfig {
    /// Role names, or prefixes ending in `*` (`app_*`); `public` for the
    /// grants to every role (`TO PUBLIC`).
    pub roles: Vec<String>,
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
    /// Write names of the `public` schema qualified (`"public"."users"`, the
    /// default) or bare (`"users"`), for schema-per-tenant fleets whose
    /// migrations run with `search_path` set to each tenant's schema.
    pub qualify_public: bool,
}

impl Default for GenerateConfig {
    fn default() -> Self {
        GenerateConfig {
            online: false,
            lock_timeout: "2s".into(),
            qualify_public: true,
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

/// `[targets.NAME]`: one database of a fleet, or one tenant schema in it.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TargetConfig {
    /// The URL written in the file.
    pub url: Option<String>,
    /// The environment variable holding the URL (preferred: no password in the file).
    pub url_env: Option<String>,
    /// Schema-per-tenant: the schema holding this tenant's tables and its
    /// tracking table; the migrations run with `search_path` set to it.
    pub schema: Option<String>,
}

/// `[targets_query]`: a query on a control database whose rows are targets:
/// a `url` column (text) and optionally a `schema` column (text, may be NULL).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TargetsQuery {
    /// The control database's URL.
    pub url: Option<String>,
    /// The environment variable holding the control database's URL.
    pub url_env: Option<String>,
    /// The query, e.g. `SELECT url, schema FROM tenants WHERE active`.
    pub query: String,
}

/// One resolved target of a fleet: a database, or a schema in one.
#[derive(Clone, PartialEq, Eq)]
pub struct Target {
    /// The name shown in every output: the `[targets]` key, or for a target
    /// from `targets_file` or `[targets_query]` its `host:port/database`
    /// (with `#schema` for a tenant schema). Never contains a password.
    pub name: String,
    /// The URL (may hold a password: never print it, see `shale_db::redact`).
    pub url: String,
    /// The tenant schema, for schema-per-tenant layouts.
    pub schema: Option<String>,
}

impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Target")
            .field("name", &self.name)
            .field("url", &shale_db::redact(&self.url))
            .field("schema", &self.schema)
            .finish()
    }
}

/// The rows of a `[targets_query]`: `(url, schema)`.
pub type QueryRows = Vec<(String, Option<String>)>;

/// The selector that means every target.
pub const ALL_TARGETS: &str = "all";

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

impl Config {
    /// The targets `--targets` selects: a comma-separated list of target
    /// names, group names and `all` (every `[targets]` entry, then every
    /// line of `targets_file`, then every row of `[targets_query]`), in that
    /// order, each target once. `env` looks environment variables up;
    /// `query` runs `[targets_query]` (called only when `all` is selected).
    pub fn select_targets(
        &self,
        selector: &str,
        env: &dyn Fn(&str) -> Option<String>,
        query: &dyn Fn(&str, &str) -> Result<QueryRows>,
    ) -> Result<Vec<Target>> {
        let mut out: Vec<Target> = Vec::new();
        let push = |out: &mut Vec<Target>, t: Target| {
            if !out.iter().any(|o| o.name == t.name) {
                out.push(t);
            }
        };
        let items: Vec<&str> = selector
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if items.is_empty() {
            bail!("--targets needs a target name, a group name or `all`");
        }
        for (group, members) in &self.groups {
            if self.targets.contains_key(group) {
                bail!("shale.toml: `{group}` is both a target and a group; rename one of them");
            }
            if group == ALL_TARGETS {
                bail!("shale.toml: `all` is reserved (it selects every target); rename the group");
            }
            for m in members {
                if !self.targets.contains_key(m) {
                    bail!(
                        "shale.toml: group `{group}` names `{m}`, which is not a target; define [targets.{m}] or remove it from the group{}",
                        self.known_targets_hint()
                    );
                }
            }
        }
        for item in items {
            if item == ALL_TARGETS {
                for name in self.targets.keys() {
                    push(&mut out, self.named_target(name, env)?);
                }
                for t in self.file_targets()? {
                    push(&mut out, t);
                }
                for t in self.query_targets(env, query)? {
                    push(&mut out, t);
                }
            } else if let Some(members) = self.groups.get(item) {
                for name in members {
                    push(&mut out, self.named_target(name, env)?);
                }
            } else if self.targets.contains_key(item) {
                push(&mut out, self.named_target(item, env)?);
            } else {
                bail!(
                    "unknown target or group `{item}` in --targets; {}",
                    self.known_names()
                );
            }
        }
        if out.is_empty() {
            bail!("--targets {selector} selects no target: add [targets.NAME], targets_file or [targets_query] to shale.toml");
        }
        Ok(out)
    }

    fn known_names(&self) -> String {
        let targets: Vec<&str> = self.targets.keys().map(String::as_str).collect();
        let groups: Vec<&str> = self.groups.keys().map(String::as_str).collect();
        if targets.is_empty() && groups.is_empty() {
            return "shale.toml defines no targets or groups (use `all` for targets_file and [targets_query])".into();
        }
        format!(
            "shale.toml defines the targets [{}] and the groups [{}] (and `all`)",
            targets.join(", "),
            groups.join(", ")
        )
    }

    fn known_targets_hint(&self) -> String {
        let targets: Vec<&str> = self.targets.keys().map(String::as_str).collect();
        format!(" (targets: {})", targets.join(", "))
    }

    fn named_target(&self, name: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<Target> {
        let t = &self.targets[name];
        let url = url_from(&format!("[targets.{name}]"), &t.url, &t.url_env, env)?;
        if let Some(s) = &t.schema {
            check_schema_name(s, &format!("[targets.{name}] schema"))?;
        }
        Ok(Target {
            name: name.to_string(),
            url,
            schema: t.schema.clone(),
        })
    }

    /// The targets of `targets_file` (none when it is not set).
    fn file_targets(&self) -> Result<Vec<Target>> {
        let Some(path) = &self.targets_file else {
            return Ok(Vec::new());
        };
        let path = if path.is_relative() && !self.root.as_os_str().is_empty() {
            self.root.join(path)
        } else {
            path.clone()
        };
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read targets_file {}", path.display()))?;
        parse_targets_file(&text, &path.display().to_string())
    }

    fn query_targets(
        &self,
        env: &dyn Fn(&str) -> Option<String>,
        query: &dyn Fn(&str, &str) -> Result<QueryRows>,
    ) -> Result<Vec<Target>> {
        let Some(q) = &self.targets_query else {
            return Ok(Vec::new());
        };
        if q.query.trim().is_empty() {
            bail!("shale.toml: [targets_query] needs `query`, e.g. query = \"SELECT url, schema FROM tenants\"");
        }
        let url = url_from("[targets_query]", &q.url, &q.url_env, env)?;
        let rows = query(&url, &q.query)
            .map_err(|e| anyhow::anyhow!("[targets_query] on {}: {e:#}", shale_db::redact(&url)))?;
        let mut out = Vec::new();
        for (i, (url, schema)) in rows.into_iter().enumerate() {
            let place = format!("[targets_query] row {}", i + 1);
            out.push(derived_target(&url, schema, &place)?);
        }
        Ok(out)
    }
}

/// A URL from `url` or `url_env` (exactly one), for messages about `place`.
/// A missing variable is named; its value is never shown.
fn url_from(
    place: &str,
    url: &Option<String>,
    url_env: &Option<String>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<String> {
    match (url, url_env) {
        (Some(_), Some(_)) => bail!("shale.toml: {place} has both `url` and `url_env`; keep one"),
        (Some(u), None) => Ok(u.clone()),
        (None, Some(var)) => match env(var) {
            Some(v) if !v.trim().is_empty() => Ok(v),
            Some(_) => bail!("{place}: the environment variable ${var} is empty; set it to the database URL"),
            None => bail!("{place}: the environment variable ${var} is not set; set it to the database URL"),
        },
        (None, None) => bail!("shale.toml: {place} needs `url` or `url_env` (the environment variable holding the URL)"),
    }
}

/// A schema name shale can put in `search_path` and the tracking table's
/// place: not empty, not a system schema.
fn check_schema_name(schema: &str, place: &str) -> Result<()> {
    if schema.is_empty() {
        bail!("{place}: the schema name is empty");
    }
    if schema.starts_with("pg_") || schema == "information_schema" {
        bail!("{place}: `{schema}` is a system schema; tenants need schemas of their own");
    }
    Ok(())
}

/// A target from a URL and optional schema, named `host:port/database`
/// (`#schema`).
fn derived_target(url: &str, schema: Option<String>, place: &str) -> Result<Target> {
    let info = shale_db::ConnInfo::parse(url).map_err(|e| anyhow::anyhow!("{place}: {e}"))?;
    let schema = schema.filter(|s| !s.is_empty());
    if let Some(s) = &schema {
        check_schema_name(s, place)?;
    }
    let mut name = format!("{}/{}", info.target(), info.dbname);
    if let Some(s) = &schema {
        name.push('#');
        name.push_str(s);
    }
    Ok(Target {
        name,
        url: url.trim().to_string(),
        schema,
    })
}

/// Parses a `targets_file`: one `URL [SCHEMA]` a line, blank lines and
/// lines starting with `#` ignored.
pub fn parse_targets_file(text: &str, file: &str) -> Result<Vec<Target>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let place = format!("{file}:{}", n + 1);
        let mut words = line.split_whitespace();
        let url = words.next().unwrap_or_default();
        let schema = words.next().map(str::to_string);
        if words.next().is_some() {
            bail!(
                "{place}: expected `URL [SCHEMA]`, found more words after `{}`",
                shale_db::redact(url)
            );
        }
        out.push(derived_target(url, schema, &place)?);
    }
    Ok(out)
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

    fn fleet(text: &str) -> Config {
        toml::from_str(text).unwrap_or_else(|e| panic!("{e}"))
    }

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn no_query(_: &str, _: &str) -> Result<QueryRows> {
        panic!("the query must not run")
    }

    const FLEET: &str = r#"
        [targets.eu]
        url = "postgres://app:s3cret@eu.example.com/app"
        [targets.us]
        url_env = "US_URL"
        [targets.acme]
        url = "postgres://app@tenants.example.com/app"
        schema = "tenant_acme"
        [groups]
        prod = ["us", "eu"]
    "#;

    #[test]
    fn targets_and_groups_resolve_in_order() {
        let c = fleet(FLEET);
        let env =
            |k: &str| (k == "US_URL").then(|| "postgres://u:pw@us.example.com/app".to_string());
        let prod = c.select_targets("prod", &env, &no_query).unwrap();
        let names: Vec<&str> = prod.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["us", "eu"]);
        assert_eq!(prod[0].url, "postgres://u:pw@us.example.com/app");
        let one = c.select_targets("acme", &env, &no_query).unwrap();
        assert_eq!(one[0].schema.as_deref(), Some("tenant_acme"));
        // A list, each target once.
        let list = c.select_targets("eu, prod ,acme", &env, &no_query).unwrap();
        let names: Vec<&str> = list.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["eu", "us", "acme"]);
        let all = c.select_targets("all", &env, &no_query).unwrap();
        assert_eq!(all.len(), 3);
        // Debug output never shows the password.
        assert!(!format!("{all:?}").contains("s3cret"));
        assert!(!format!("{all:?}").contains("pw@"));
    }

    #[test]
    fn unknown_names_and_missing_variables_are_clear() {
        let c = fleet(FLEET);
        let err = c
            .select_targets("staging", &no_env, &no_query)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown target or group `staging`"), "{err}");
        assert!(
            err.contains("acme, eu, us") && err.contains("[prod]"),
            "{err}"
        );
        let err = c
            .select_targets("us", &no_env, &no_query)
            .unwrap_err()
            .to_string();
        assert!(err.contains("$US_URL is not set"), "{err}");
        let env = |_: &str| Some("  ".to_string());
        let err = c
            .select_targets("us", &env, &no_query)
            .unwrap_err()
            .to_string();
        assert!(err.contains("$US_URL is empty"), "{err}");
        let err = c
            .select_targets(" , ", &no_env, &no_query)
            .unwrap_err()
            .to_string();
        assert!(err.contains("needs a target name"), "{err}");
        // The error for a target the process cannot reach never shows another's password.
        assert!(!err.contains("s3cret"));
    }

    #[test]
    fn bad_fleet_configurations_are_refused() {
        let bad_group =
            fleet("[targets.a]\nurl = \"postgres://h/a\"\n[groups]\ng = [\"a\", \"b\"]\n");
        let err = bad_group
            .select_targets("a", &no_env, &no_query)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("group `g` names `b`, which is not a target"),
            "{err}"
        );
        let both = fleet("[targets.a]\nurl = \"postgres://h/a\"\nurl_env = \"A\"\n");
        let err = both
            .select_targets("a", &no_env, &no_query)
            .unwrap_err()
            .to_string();
        assert!(err.contains("both `url` and `url_env`"), "{err}");
        let neither = fleet("[targets.a]\nschema = \"t\"\n");
        let err = neither
            .select_targets("a", &no_env, &no_query)
            .unwrap_err()
            .to_string();
        assert!(err.contains("needs `url` or `url_env`"), "{err}");
        let clash = fleet("[targets.a]\nurl = \"postgres://h/a\"\n[groups]\na = [\"a\"]\n");
        let err = clash
            .select_targets("a", &no_env, &no_query)
            .unwrap_err()
            .to_string();
        assert!(err.contains("both a target and a group"), "{err}");
        let err = toml::from_str::<Config>("[targets.a]\nurl = \"x\"\nshema = \"t\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("shema"), "{err}");
        let sys = fleet("[targets.a]\nurl = \"postgres://h/a\"\nschema = \"pg_catalog\"\n");
        assert!(sys.select_targets("a", &no_env, &no_query).is_err());
    }

    #[test]
    fn targets_files_are_urls_with_optional_schemas() {
        let text = "# tenants\n\npostgres://u:pw@10.0.0.1:5433/a\npostgres://u@db/b tenant_1\n  # indented comment\n";
        let t = parse_targets_file(text, "fleet.txt").unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].name, "10.0.0.1:5433/a");
        assert_eq!(t[0].schema, None);
        assert_eq!(t[1].name, "db:5432/b#tenant_1");
        assert_eq!(t[1].schema.as_deref(), Some("tenant_1"));
        let err = parse_targets_file("postgres://u:pw@h/a s extra\n", "fleet.txt")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("fleet.txt:1:"), "{err}");
        assert!(!err.contains("pw"), "{err}");
        let err = parse_targets_file("\nmysql://u:pw@h/a\n", "fleet.txt")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("fleet.txt:2:"), "{err}");
        assert!(!err.contains("pw@"), "{err}");
    }

    #[test]
    fn all_reads_the_file_and_the_query() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("fleet.txt"), "postgres://u@h/f1\n").unwrap();
        let mut c = fleet(
            "targets_file = \"fleet.txt\"\n[targets.a]\nurl = \"postgres://h/a\"\n[targets_query]\nurl_env = \"CONTROL\"\nquery = \"SELECT url, schema FROM tenants\"\n",
        );
        c.root = dir.path().to_path_buf();
        let env = |k: &str| (k == "CONTROL").then(|| "postgres://c:pw@control/c".to_string());
        let query = |url: &str, q: &str| -> Result<QueryRows> {
            assert_eq!(url, "postgres://c:pw@control/c");
            assert_eq!(q, "SELECT url, schema FROM tenants");
            Ok(vec![
                ("postgres://u@h/q1".into(), None),
                ("postgres://u@h/q2".into(), Some("tenant_9".into())),
            ])
        };
        let all = c.select_targets("all", &env, &query).unwrap();
        let names: Vec<&str> = all.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["a", "h:5432/f1", "h:5432/q1", "h:5432/q2#tenant_9"]);
        // Without the variable: named, never its value.
        let err = c
            .select_targets("all", &no_env, &query)
            .unwrap_err()
            .to_string();
        assert!(err.contains("$CONTROL is not set"), "{err}");
        // A failing query names the control database without its password.
        let failing = |_: &str, _: &str| -> Result<QueryRows> {
            bail!("relation \"tenants\" does not exist")
        };
        let err = c
            .select_targets("all", &env, &failing)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("does not exist") && err.contains("c:***@control"),
            "{err}"
        );
        // Only `all` runs the query.
        assert_eq!(c.select_targets("a", &env, &no_query).unwrap().len(), 1);
    }
}
