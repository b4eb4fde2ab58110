//! Renders a differ [`Plan`] as SQL statements for a dialect, and classifies
//! each statement's hazards (data loss, locks, rewrites).
//!
//! **Architecture invariant:** the only place SQL text is spelled. Dialect
//! differences sit behind [`SqlDialect`], never in `if dialect == …` branches
//! of shared code.

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

impl SqlDialect for Postgres {
    fn render(&self, plan: &Plan, schemas: MigrationPair<&Schema>) -> Vec<Statement> {
        let _ = (plan, schemas);
        todo!("postgres renderer")
    }
}
