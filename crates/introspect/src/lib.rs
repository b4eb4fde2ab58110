//! Reads a live PostgreSQL database's catalogs into a [`shale_model::Schema`]
//! with a constant number of queries, normalised so that equivalent objects
//! compare equal to what the parser builds.
//!
//! **Architecture invariant:** the number of catalog queries does not depend on
//! the number of objects in the database. Every catalog is read with one query
//! (aggregating with `array_agg` where an object has several parts) and the
//! pieces are joined in memory by OID (column lists of constraints and
//! indexes resolve through the columns already read), so that a 3000-table
//! database costs the same seventeen statements as an empty one: `BEGIN`,
//! server version, namespaces, enums, extensions, sequences, tables, views
//! (with materialized views; their columns and indexes come with the
//! tables'), columns, constraints, indexes, policies, triggers, functions,
//! grants (with the comments of schemas), the census of
//! everything the model does not hold ([`census`]), `COMMIT`. Comments come
//! with their objects (a join on `pg_description`). Sequences are read once,
//! all of them: the columns pass takes those of identity and serial columns,
//! the rest are standalone sequences.
//!
//! Everything runs inside one `REPEATABLE READ READ ONLY` transaction, so the
//! queries see one consistent snapshot even while migrations run elsewhere,
//! and with `search_path` pinned to `public` for that transaction, so that
//! PostgreSQL prints names in expressions the same way whatever the session's
//! settings were.
#![deny(missing_docs)]

pub mod canonical;
mod catalog;
pub mod census;
mod sequences;
pub mod sqlite;

use std::time::{Duration, Instant};

use shale_model::Schema;

pub use canonical::canonical_views;
pub use catalog::MIN_SERVER_VERSION;
pub use census::{Census, LeftOut, UnmodelledObject};

/// The default namespace of the migrations tracking table (design.md §3).
pub const DEFAULT_TRACKING_SCHEMA: &str = "drizzle";

/// Which parts of the database to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntrospectOptions {
    /// Namespaces to read; empty means every namespace that is not excluded.
    pub include_namespaces: Vec<String>,
    /// Namespaces to leave out, on top of the system namespaces
    /// (`pg_catalog`, `information_schema`, `pg_toast*`, `pg_temp*`), which are
    /// always left out.
    pub exclude_namespaces: Vec<String>,
    /// The namespace of the migrations tracking table, left out unless it is
    /// named in `include_namespaces`; `None` reads it like any other.
    pub tracking_schema: Option<String>,
    /// `statement_timeout` and `lock_timeout` for the catalog queries (set
    /// for the introspection's own transaction only), so that pointing
    /// shale at a busy production database can never hang; `None` keeps
    /// the session's settings.
    pub statement_timeout: Option<Duration>,
    /// Objects managed by someone else, left out of the schema read and of
    /// the census (counted as left out): `name` (in `public`) or `ns.name`,
    /// either ending in `*` for a prefix. Tables, enums and every object a
    /// census lists match by their own name; triggers, policies, rules and
    /// constraints by their table's.
    pub unmanaged_objects: Vec<String>,
    /// The roles whose grants shale manages (`[grants] roles` of
    /// `shale.toml`): role names, or prefixes ending in `*`. Grants to
    /// these roles are read into the schema; grants to any other role are
    /// only reported, in the census, and never created or revoked.
    pub managed_roles: Vec<String>,
}

/// The default [`IntrospectOptions::statement_timeout`]: generous for the
/// largest catalogs (3000 tables read in well under a second), short
/// enough to fail fast behind a lock.
pub const DEFAULT_STATEMENT_TIMEOUT: Duration = Duration::from_secs(30);

impl Default for IntrospectOptions {
    fn default() -> Self {
        IntrospectOptions {
            include_namespaces: Vec::new(),
            exclude_namespaces: Vec::new(),
            tracking_schema: Some(DEFAULT_TRACKING_SCHEMA.to_string()),
            statement_timeout: Some(DEFAULT_STATEMENT_TIMEOUT),
            unmanaged_objects: Vec::new(),
            managed_roles: Vec::new(),
        }
    }
}

impl IntrospectOptions {
    /// Whether a namespace is read under these options.
    pub fn includes_namespace(&self, name: &str) -> bool {
        if is_system_namespace(name) || self.exclude_namespaces.iter().any(|n| n == name) {
            return false;
        }
        if !self.include_namespaces.is_empty() {
            return self.include_namespaces.iter().any(|n| n == name);
        }
        self.tracking_schema.as_deref() != Some(name)
    }

    /// Whether the object `namespace.name` is listed in
    /// [`IntrospectOptions::unmanaged_objects`].
    pub fn is_unmanaged(&self, namespace: &str, name: &str) -> bool {
        self.unmanaged_objects
            .iter()
            .any(|p| census::pattern_matches(p, namespace, name))
    }
}

/// Namespaces PostgreSQL itself owns; never part of a user's schema.
pub fn is_system_namespace(name: &str) -> bool {
    name == "pg_catalog"
        || name == "information_schema"
        || name.starts_with("pg_toast")
        || name.starts_with("pg_temp")
}

/// Why introspection failed.
#[derive(Debug, thiserror::Error)]
pub enum IntrospectError {
    /// A catalog query failed (connection lost, permission denied, …).
    #[error("could not read the database catalog ({what}): {source}")]
    Query {
        /// Which catalog was being read.
        what: &'static str,
        /// The driver's error.
        #[source]
        source: postgres::Error,
    },
    /// The server is older than shale supports.
    #[error(
        "PostgreSQL server version {found} is not supported: shale needs PostgreSQL 13 or newer; upgrade the server"
    )]
    UnsupportedVersion {
        /// `server_version_num` of the server.
        found: i32,
    },
    /// The schema could not be created in the scratch database that
    /// canonicalises view queries ([`canonical_views`]).
    #[error("the schema does not apply to an empty database (to read its views back): {message}\n{statement}")]
    Canonical {
        /// The statement PostgreSQL refused.
        statement: String,
        /// PostgreSQL's message.
        message: String,
    },
    /// The catalog held something the model cannot express.
    #[error("unexpected catalog content in {object}: {detail}")]
    Unexpected {
        /// The object concerned.
        object: String,
        /// What was wrong.
        detail: String,
    },
}

/// Figures about one introspection run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IntrospectStats {
    /// Statements sent to the server, including `BEGIN` and `COMMIT`.
    pub queries: usize,
    /// `server_version_num` of the server.
    pub server_version: i32,
    /// Wall-clock time of the whole run.
    pub elapsed: Duration,
}

/// Everything one introspection run learns: the schema, what it did not
/// compare (the [`Census`]), and figures about the run.
#[derive(Clone, Debug)]
pub struct Introspection {
    /// The database's schema, as far as the model can say it.
    pub schema: Schema,
    /// Objects of kinds the model does not represent, and objects left out.
    pub census: Census,
    /// Query count, server version, time.
    pub stats: IntrospectStats,
}

/// Reads the database's schema and its census (see [`census`]).
///
/// Read-only: it runs a fixed number of catalog queries in one read-only
/// transaction and never changes the session outside it. Every command that
/// compares a database with something must report [`Introspection::census`]:
/// the schema alone says nothing about the objects it cannot hold.
pub fn introspect_all(
    client: &mut postgres::Client,
    options: &IntrospectOptions,
) -> Result<Introspection, IntrospectError> {
    let started = Instant::now();
    let (schema, census, queries, server_version) = catalog::read(client, options)?;
    Ok(Introspection {
        schema,
        census,
        stats: IntrospectStats {
            queries,
            server_version,
            elapsed: started.elapsed(),
        },
    })
}

/// The schema part of [`introspect_all`], for callers that compare only
/// what the model holds on purpose (e.g. two databases built by shale).
pub fn introspect(
    client: &mut postgres::Client,
    options: &IntrospectOptions,
) -> Result<Schema, IntrospectError> {
    introspect_all(client, options).map(|i| i.schema)
}

/// [`introspect`], also returning how many queries it took and how long;
/// used by the benchmark (`cargo xtask bench`) and by tests that prove the
/// query count is constant.
pub fn introspect_with_stats(
    client: &mut postgres::Client,
    options: &IntrospectOptions,
) -> Result<(Schema, IntrospectStats), IntrospectError> {
    introspect_all(client, options).map(|i| (i.schema, i.stats))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_and_tracking_namespaces_are_left_out() {
        let o = IntrospectOptions::default();
        for ns in [
            "pg_catalog",
            "information_schema",
            "pg_toast",
            "pg_toast_temp_1",
            "pg_temp_3",
            "drizzle",
        ] {
            assert!(!o.includes_namespace(ns), "{ns}");
        }
        assert!(o.includes_namespace("public"));
        assert!(o.includes_namespace("auth"));
    }

    #[test]
    fn filters_apply() {
        let o = IntrospectOptions {
            include_namespaces: vec!["auth".into(), "drizzle".into(), "pg_catalog".into()],
            exclude_namespaces: vec!["auth".into()],
            tracking_schema: Some("drizzle".into()),
            statement_timeout: None,
            unmanaged_objects: Vec::new(),
            managed_roles: Vec::new(),
        };
        assert!(!o.includes_namespace("auth"), "exclude wins over include");
        assert!(
            o.includes_namespace("drizzle"),
            "an explicit include reads the tracking schema"
        );
        assert!(
            !o.includes_namespace("pg_catalog"),
            "system namespaces are never read"
        );
        assert!(!o.includes_namespace("public"));
        let o = IntrospectOptions {
            tracking_schema: Some("migrations".into()),
            ..IntrospectOptions::default()
        };
        assert!(o.includes_namespace("drizzle"));
        assert!(!o.includes_namespace("migrations"));
    }
}
