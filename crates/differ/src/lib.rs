//! Compares two schemas and plans the steps that turn the previous one into
//! the next one, in an order the database accepts.
//!
//! Everything here is a [`MigrationPair`] of `previous` and `next`; the plan is
//! a list of [`Step`]s whose variant order *is* execution order. The differ knows
//! no SQL spelling: `shale-sql` renders the steps.
//!
//! How it works (`calculate.rs`): previous and next objects are matched by
//! rename hint, then by name; a previous object that disappeared while a
//! similar one appeared is an [`Ambiguity`] unless a hint settles it. Then one
//! pass per kind of object pushes steps, and a sort puts them in execution
//! order. Constraints and indexes whose definition is unchanged but whose name
//! changed are renamed; changed ones are dropped and added again.
//!
//! Known limits, each a PostgreSQL error rather than a wrong database:
//! two objects swapping names (`a → b` and `b → a`) would need a temporary
//! name and are not supported (chains `a → b`, `b → c` are); an enum renamed
//! to the name of a dropped enum; a serial column whose sequence was named
//! after an older table or column name (the sequence is assumed to be
//! `<table>_<column>_seq` of the previous names); sequence options that move
//! the bounds past a sequence's current value (PostgreSQL then wants a
//! `RESTART`, and the differ cannot know the current value).

#![deny(missing_docs)]

mod assume;
mod calculate;
mod graph;
mod step;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod view_tests;

use shale_model::{RenameHints, Schema};

pub use assume::{down_plan, plan_assuming_drops};
pub use step::{ColumnChanges, CommentTarget, EnumColumn, EnumValuePlacement, GrantTarget, Step};

/// The tables and views of `schema` that its view `view` reads, as found in
/// the view's SQL (see the dependency graph in `graph.rs`: parsed with
/// sqlparser, every identifier when it does not parse). Empty for a name
/// that is no view of the schema.
pub fn relations_read_by_view(
    schema: &Schema,
    view: &shale_model::QualifiedName,
) -> Vec<shale_model::QualifiedName> {
    graph::ViewGraph::new(schema).reads(view).to_vec()
}

/// Two versions of the same thing: before and after the migration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
        MigrationPair {
            previous: f(self.previous),
            next: f(self.next),
        }
    }

    /// Pairs up the two sides of two pairs.
    pub fn zip<U>(self, other: MigrationPair<U>) -> MigrationPair<(T, U)> {
        MigrationPair {
            previous: (self.previous, other.previous),
            next: (self.next, other.next),
        }
    }

    /// The two sides as a `(previous, next)` tuple.
    pub fn into_tuple(self) -> (T, T) {
        (self.previous, self.next)
    }

    /// Borrows both sides.
    pub fn as_ref(&self) -> MigrationPair<&T> {
        MigrationPair {
            previous: &self.previous,
            next: &self.next,
        }
    }

    /// The other way round: `next → previous` (a migration's reverse).
    pub fn reversed(self) -> Self {
        MigrationPair {
            previous: self.next,
            next: self.previous,
        }
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
    /// A standalone sequence (`--rename sequence:OLD=NEW`).
    Sequence,
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
///
/// Returns every unsettled drop-or-rename question at once when objects
/// disappeared while similar ones appeared and no hint settles it.
pub fn diff(schemas: MigrationPair<&Schema>, renames: &RenameHints) -> Result<Plan, Ambiguities> {
    calculate::calculate_steps(schemas, renames).map(|steps| Plan { steps })
}

/// The rename hints of the reverse migration (`next → previous`, the down
/// file `shale generate` writes beside each migration): every rename the
/// other way round, with the parent names of columns and enum values taken
/// on the reverse's `next` side (the forward `previous` names). Confirmed
/// drops are left out: what the forward migration dropped, the reverse
/// creates; what it created, the reverse drops, and a question the reverse
/// raises about it is settled as a drop by the caller (a forward rename
/// would have a reversed hint here).
pub fn reverse_hints(hints: &RenameHints) -> RenameHints {
    let swap = |list: &[(shale_model::QualifiedName, shale_model::QualifiedName)]| {
        list.iter()
            .map(|(previous, next)| (next.clone(), previous.clone()))
            .collect::<Vec<_>>()
    };
    // A column's or value's parent is named as on the `next` side: the
    // forward next name of a renamed table (enum) becomes its previous name.
    let parent = |list: &[(shale_model::QualifiedName, shale_model::QualifiedName)],
                  name: &shale_model::QualifiedName| {
        list.iter()
            .find(|(_, next)| next == name)
            .map_or_else(|| name.clone(), |(previous, _)| previous.clone())
    };
    RenameHints {
        tables: swap(&hints.tables),
        columns: hints
            .columns
            .iter()
            .map(|(table, previous, next)| {
                (parent(&hints.tables, table), next.clone(), previous.clone())
            })
            .collect(),
        enums: swap(&hints.enums),
        enum_values: hints
            .enum_values
            .iter()
            .map(|(e, previous, next)| (parent(&hints.enums, e), next.clone(), previous.clone()))
            .collect(),
        sequences: swap(&hints.sequences),
        views: swap(&hints.views),
        user_types: swap(&hints.user_types),
        attributes: hints
            .attributes
            .iter()
            .map(|(t, previous, next)| {
                (parent(&hints.user_types, t), next.clone(), previous.clone())
            })
            .collect(),
        ..RenameHints::default()
    }
}

impl std::fmt::Display for Ambiguity {
    /// One line naming the object and its candidates, e.g.
    /// `table "users" disappeared while "people" appeared`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.kind {
            ObjectKind::Table => "table",
            ObjectKind::Column => "column",
            ObjectKind::Enum => "enum",
            ObjectKind::EnumValue => "enum value",
            ObjectKind::Sequence => "sequence",
        };
        match &self.parent {
            Some(parent) => write!(
                f,
                "{kind} \"{parent}\".\"{}\" disappeared while ",
                self.previous
            )?,
            None => write!(f, "{kind} \"{}\" disappeared while ", self.previous)?,
        }
        let candidates: Vec<String> = self.candidates.iter().map(|c| format!("\"{c}\"")).collect();
        write!(f, "{} appeared: renamed or dropped?", candidates.join(", "))
    }
}

impl std::fmt::Display for Ambiguities {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, a) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{a}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Ambiguities {}
