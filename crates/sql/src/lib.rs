//! Renders a differ [`Plan`] as SQL statements for a dialect, and classifies
//! each statement's hazards (data loss, locks, rewrites).
//!
//! **Architecture invariant:** the only place SQL text is spelled. Dialect
//! differences sit behind [`SqlDialect`], never in `if dialect == …` branches
//! of shared code.

#![deny(missing_docs)]

#[cfg(test)]
mod fixtures;
pub mod hazards;
mod postgres;
pub mod sqlite;
/// The statements that create a routine and a trigger, as `generate` writes
/// them (also the text `verify` shows for them).
pub use postgres::function::{create_function_sql, create_trigger_sql};
pub use postgres::user_type::{create_composite_sql, create_domain_sql};
pub use sqlite::Sqlite;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod view_tests;

use shale_differ::{MigrationPair, Plan};
use shale_model::Schema;

/// A class of risk a statement carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HazardKind {
    /// Rows or values are lost (drop table/column, remove enum value, narrowing type change).
    DeletesData,
    /// The table is rewritten (type change that is not binary-compatible, …).
    TableRewrite,
    /// Reads and writes of the table block until the statement finishes.
    AcquiresAccessExclusiveLock,
    /// An index is built (blocks writes unless CONCURRENTLY).
    IndexBuild,
    /// Running application code that uses the old shape breaks (rename, drop, narrowing).
    BackwardIncompatible,
    /// SET NOT NULL / NOT NULL column without default: fails if rows have NULLs / rows exist.
    NotNullWithoutDefault,
    /// Who may read or write which rows changes (a policy dropped or
    /// altered, row-level security disabled): review it like a permission change.
    ChangesAccess,
}

impl HazardKind {
    /// The SCREAMING_SNAKE name used in files and output (`DELETES_DATA`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            HazardKind::DeletesData => "DELETES_DATA",
            HazardKind::TableRewrite => "TABLE_REWRITE",
            HazardKind::AcquiresAccessExclusiveLock => "ACQUIRES_ACCESS_EXCLUSIVE_LOCK",
            HazardKind::IndexBuild => "INDEX_BUILD",
            HazardKind::BackwardIncompatible => "BACKWARD_INCOMPATIBLE",
            HazardKind::NotNullWithoutDefault => "NOT_NULL_WITHOUT_DEFAULT",
            HazardKind::ChangesAccess => "CHANGES_ACCESS",
        }
    }
}

/// One hazard of one statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hazard {
    /// The class.
    pub kind: HazardKind,
    /// What exactly, e.g. `drops column "users"."bio"`.
    pub message: String,
}

/// One rendered SQL statement (ending in `;`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// The SQL text, ending in `;`.
    pub sql: String,
    /// Its hazards.
    pub hazards: Vec<Hazard>,
}

/// The SQL dialects shale renders.
pub trait SqlDialect {
    /// Renders a plan as statements, in order.
    fn render(&self, plan: &Plan, schemas: MigrationPair<&Schema>) -> Vec<Statement>;
}

/// PostgreSQL.
#[derive(Clone, Copy, Debug, Default)]
pub struct Postgres;

/// Runs `f` with the PostgreSQL renderer writing the names of the default
/// namespace bare on this thread (`CREATE TABLE "users"`, not
/// `CREATE TABLE "public"."users"`), for a schema-per-tenant folder whose
/// migrations run with `search_path` set to each tenant's schema
/// (`[generate] qualify_public = false`). Names in other namespaces stay
/// qualified. Renderings outside `f` are not affected.
pub fn with_public_unqualified<T>(f: impl FnOnce() -> T) -> T {
    postgres::with_public_unqualified(f)
}

impl SqlDialect for Postgres {
    /// Renders a plan made by `shale_differ::diff` from the same schemas.
    /// A step naming an object missing from the schemas (a plan that does not
    /// belong to them) renders nothing; [`Postgres::try_render`] reports it.
    fn render(&self, plan: &Plan, schemas: MigrationPair<&Schema>) -> Vec<Statement> {
        postgres::render(plan, schemas, false).unwrap_or_default()
    }
}

impl Postgres {
    /// Renders a plan, failing on a step that names an object missing from
    /// the schemas.
    pub fn try_render(
        &self,
        plan: &Plan,
        schemas: MigrationPair<&Schema>,
    ) -> Result<Vec<Statement>, RenderError> {
        postgres::render(plan, schemas, true)
    }

    /// Renders a plan in online mode: the forms that never hold a strong
    /// lock while scanning or building, split into the files PostgreSQL
    /// requires (see the `postgres::online` module); refused, with a recipe
    /// per step, when a step cannot be made online.
    pub fn render_online(
        &self,
        plan: &Plan,
        schemas: MigrationPair<&Schema>,
        options: &OnlineOptions,
    ) -> Result<OnlinePlan, OnlineError> {
        postgres::render_online(plan, schemas, options)
    }

    /// The statements that create the whole schema in an empty database.
    pub fn create_all(&self, schema: &Schema) -> Vec<Statement> {
        let empty = Schema::default();
        let schemas = MigrationPair::new(&empty, schema);
        // From an empty schema nothing disappears, so there is nothing ambiguous.
        match shale_differ::diff(schemas, &shale_model::RenameHints::default()) {
            Ok(plan) => self.render(&plan, schemas),
            Err(_) => Vec::new(),
        }
    }
}

/// Online mode (see [`Postgres::render_online`]): what the transactional
/// files set `lock_timeout` to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnlineOptions {
    /// A PostgreSQL duration, e.g. `2s`.
    pub lock_timeout: String,
}

impl Default for OnlineOptions {
    fn default() -> Self {
        OnlineOptions {
            lock_timeout: "2s".into(),
        }
    }
}

/// What one file of an online migration does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartRole {
    /// The plan's steps in order (in their online forms), in one transaction.
    Main,
    /// `DROP INDEX CONCURRENTLY`, outside a transaction.
    DropIndex,
    /// One `CREATE [UNIQUE] INDEX CONCURRENTLY`, outside a transaction.
    BuildIndex,
    /// Outside a transaction, each statement committed on its own: online
    /// `SET NOT NULL`s, keys attached to their indexes, foreign keys and
    /// checks added `NOT VALID` and validated.
    Constraints,
}

impl PartRole {
    /// The suffix of the file's name (`0004_<name>_<suffix>.sql`), empty for
    /// [`PartRole::Main`].
    pub fn suffix(self) -> &'static str {
        match self {
            PartRole::Main => "",
            PartRole::DropIndex => "drop_index",
            PartRole::BuildIndex => "build_index",
            PartRole::Constraints => "constraints",
        }
    }
}

/// One migration file of an online migration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnlinePart {
    /// What it does.
    pub role: PartRole,
    /// It must start with `-- shale:no-transaction`.
    pub no_transaction: bool,
    /// Its statements.
    pub statements: Vec<Statement>,
}

/// An online migration: several files, in order, and what is left to the user.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OnlinePlan {
    /// The files, in the order they must run.
    pub parts: Vec<OnlinePart>,
    /// What the user must do afterwards (backfills), one line each.
    pub notes: Vec<String>,
}

/// Why an online migration cannot be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OnlineError {
    /// Steps that cannot be made online, each with its expand/contract recipe.
    #[error("{}", refusal_text(.0))]
    Refused(Vec<String>),
    /// The plan does not fit the schemas.
    #[error(transparent)]
    Render(#[from] RenderError),
}

fn refusal_text(refusals: &[String]) -> String {
    let mut out = format!(
        "online mode cannot write {} step{} of this migration without blocking the application:",
        refusals.len(),
        if refusals.len() == 1 { "" } else { "s" }
    );
    for r in refusals {
        out.push_str("\n- ");
        out.push_str(r);
    }
    out
}

/// A plan that does not fit the schemas it is rendered with.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    /// A step names a table the schema lacks.
    #[error("the plan names table {name} which the schema lacks; render a plan with the schemas it was diffed from")]
    MissingTable {
        /// The table.
        name: String,
    },
    /// A step names a policy the schema lacks.
    #[error("the plan names policy {name} which the schema lacks; render a plan with the schemas it was diffed from")]
    MissingPolicy {
        /// The policy, as `name on table`.
        name: String,
    },
    /// A step names an enum the schema lacks.
    #[error("the plan names enum {name} which the schema lacks; render a plan with the schemas it was diffed from")]
    MissingEnum {
        /// The enum.
        name: String,
    },
    /// A step names a sequence the schema lacks.
    #[error("the plan names sequence {name} which the schema lacks; render a plan with the schemas it was diffed from")]
    MissingSequence {
        /// The sequence.
        name: String,
    },
    /// A step names an extension the schema lacks.
    #[error("the plan names extension {name} which the schema lacks; render a plan with the schemas it was diffed from")]
    MissingExtension {
        /// The extension.
        name: String,
    },
    /// A step names a view the schema lacks.
    #[error("the plan names view {name} which the schema lacks; render a plan with the schemas it was diffed from")]
    MissingView {
        /// The view.
        name: String,
    },
    /// A step names a function or procedure the schema lacks.
    #[error("the plan names routine {name} which the schema lacks; render a plan with the schemas it was diffed from")]
    MissingFunction {
        /// The routine, as `schema.name(types)`.
        name: String,
    },
    /// A step names a domain or composite type the schema lacks.
    #[error("the plan names type {name} which the schema lacks; render a plan with the schemas it was diffed from")]
    MissingType {
        /// The type.
        name: String,
    },
    /// A change PostgreSQL cannot make without losing data.
    #[error("{message}; {help}")]
    Refused {
        /// What cannot be done, and why.
        message: String,
        /// What to do instead.
        help: String,
    },
    /// A step names a column the table lacks.
    #[error("the plan names column {table}.{column} which the schema lacks; render a plan with the schemas it was diffed from")]
    MissingColumn {
        /// The table.
        table: String,
        /// The column.
        column: String,
    },
    /// A step names a constraint or index the table lacks.
    #[error("the plan names {name} on table {table} which the schema lacks; render a plan with the schemas it was diffed from")]
    MissingObject {
        /// The table.
        table: String,
        /// The constraint or index.
        name: String,
    },
}

/// Whether any statement loses data (carries [`HazardKind::DeletesData`]).
pub fn has_data_loss(statements: &[Statement]) -> bool {
    statements
        .iter()
        .any(|s| s.hazards.iter().any(|h| h.kind == HazardKind::DeletesData))
}

/// The messages of every [`HazardKind::DeletesData`] hazard of the
/// statements, in statement order: the `-- shale:data-loss:` lines of a down
/// file's header (see `shale_migrations::down::render`).
pub fn data_loss_messages(statements: &[Statement]) -> Vec<String> {
    statements
        .iter()
        .flat_map(|s| &s.hazards)
        .filter(|h| h.kind == HazardKind::DeletesData)
        .map(|h| h.message.clone())
        .collect()
}

/// Every hazard of the statements, in statement order, without duplicates.
pub fn all_hazards(statements: &[Statement]) -> Vec<&Hazard> {
    let mut seen = std::collections::HashSet::new();
    statements
        .iter()
        .flat_map(|s| &s.hazards)
        .filter(|h| seen.insert((h.kind, h.message.as_str())))
        .collect()
}

/// The comment block a generated migration file starts with, one line per
/// hazard: `-- hazard: DELETES_DATA drops column "users"."bio"`. Empty when
/// there are no hazards.
pub fn hazard_comments(statements: &[Statement]) -> String {
    let mut out = String::new();
    for h in all_hazards(statements) {
        out.push_str("-- hazard: ");
        out.push_str(h.kind.as_str());
        out.push(' ');
        out.push_str(&h.message);
        out.push('\n');
    }
    out
}

impl std::fmt::Display for Hazard {
    /// `DELETES_DATA drops column "users"."bio"`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.kind.as_str(), self.message)
    }
}

// ---------------------------------------------------------------------------
// Spelling shared by both dialects (PostgreSQL and SQLite quote alike).

/// `"name"`, with embedded quotes doubled.
pub(crate) fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `'text'`, with embedded quotes doubled.
pub(crate) fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// `"a", "b"`.
pub(crate) fn column_list(columns: &[String]) -> String {
    columns
        .iter()
        .map(|c| ident(c))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn hazard(kind: HazardKind, message: impl Into<String>) -> Hazard {
    Hazard {
        kind,
        message: message.into(),
    }
}
