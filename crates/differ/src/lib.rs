//! Compares two schemas and plans the steps that turn the previous one into
//! the next one, in an order the database accepts.
//!
//! Everything here is a [`MigrationPair`] of `previous` and `next`; the plan is
//! a list of [`Step`]s whose variant order *is* execution order. The differ knows
//! no SQL spelling: `shale-sql` renders the steps.

use shale_model::{RenameHints, Schema};

/// Two versions of the same thing: before and after the migration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MigrationPair<T> {
    /// The state the migration starts from.
    pub previous: T,
    /// The state the migration produces.
    pub next: T,
}

impl<T> MigrationPair<T> {
    /// A pair.
    pub fn new(previous: T, next: T) -> Self {
        MigrationPair { previous, next }
    }

    /// Applies `f` to both sides.
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> MigrationPair<U> {
        MigrationPair { previous: f(self.previous), next: f(self.next) }
    }

    /// Borrows both sides.
    pub fn as_ref(&self) -> MigrationPair<&T> {
        MigrationPair { previous: &self.previous, next: &self.next }
    }
}

/// The planned steps, in execution order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// The steps, sorted into execution order.
    pub steps: Vec<Step>,
}

impl Plan {
    /// Whether there is nothing to do.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

/// One schema change. The variant order is the execution order.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    /// Placeholder until the differ lands.
    Todo,
}

/// What kind of object a rename question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ObjectKind {
    /// A table (`--rename table:OLD=NEW`).
    Table,
    /// A column (`--rename column:TABLE.OLD=NEW`).
    Column,
    /// An enum type (`--rename enum:OLD=NEW`).
    Enum,
    /// An enum value (`--rename value:ENUM.OLD=NEW`).
    EnumValue,
}

/// An object that disappeared while similar ones appeared: a drop or a rename?
/// The differ never guesses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ambiguity {
    /// What kind of object.
    pub kind: ObjectKind,
    /// For columns the table, for values the enum (next names); `None` otherwise.
    pub parent: Option<shale_model::QualifiedName>,
    /// The name that disappeared.
    pub previous: String,
    /// The names that appeared and could be its new name.
    pub candidates: Vec<String>,
}

/// Unsettled renames; settle each with a rename hint or a confirmed drop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ambiguities(pub Vec<Ambiguity>);

/// Plans the steps from `schemas.previous` to `schemas.next`. Both schemas must
/// be normalised and valid (as the parser or a snapshot produces them).
pub fn diff(schemas: MigrationPair<&Schema>, renames: &RenameHints) -> Result<Plan, Ambiguities> {
    let _ = (schemas, renames);
    todo!("differ")
}
