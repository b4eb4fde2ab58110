//! Views and materialized views (`CREATE [MATERIALIZED] VIEW`).
//!
//! A view's columns are what its query returns; the schema declares them (a
//! struct's fields) so that application code can name them and so that a
//! change of the result's shape is visible to the differ. Column types are
//! the declared ones: PostgreSQL derives the real types from the query, so a
//! declaration that disagrees with the query shows up as drift against a
//! database, never silently. Nullability is not part of a view column: a
//! view has no NOT NULL, every column may be NULL whatever the query says,
//! so `Option<T>` and `T` declare the same column.
//!
//! The query is SQL text, stored trimmed and without a final `;`. Text is
//! compared as text here; what counts as the same query in a database (the
//! way PostgreSQL prints it back) is settled by the callers that hold a
//! database, not by the model.

use crate::{ColumnType, Index, QualifiedName};

/// A view or materialized view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    /// The view's name.
    pub name: QualifiedName,
    /// Its columns, in the order the query returns them.
    pub columns: Vec<ViewColumn>,
    /// The `SELECT` (or `VALUES`, `WITH …`) query: trimmed, no final `;`.
    pub query: String,
    /// `CREATE MATERIALIZED VIEW`: the result is stored and refreshed on demand.
    pub materialized: bool,
    /// `WITH [LOCAL | CASCADED] CHECK OPTION` (plain views only).
    pub check_option: CheckOption,
    /// `security_invoker` (PostgreSQL 15+, plain views only): the query runs
    /// with the permissions of the user of the view, not its owner.
    pub security_invoker: bool,
    /// `security_barrier` (plain views only): conditions of the user's query
    /// never run before the view's own.
    pub security_barrier: bool,
    /// Indexes (materialized views only), sorted by name.
    pub indexes: Vec<Index>,
    /// `COMMENT ON [MATERIALIZED] VIEW`.
    pub comment: Option<String>,
    /// Privileges granted to managed roles, normalised.
    pub grants: Vec<crate::Grant>,
}

/// One column of a view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewColumn {
    /// The column's name.
    pub name: String,
    /// Its type (canonical spelling).
    pub ty: ColumnType,
    /// `COMMENT ON COLUMN`.
    pub comment: Option<String>,
}

/// `WITH … CHECK OPTION` of an updatable view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CheckOption {
    /// No check option (the default).
    #[default]
    None,
    /// `WITH LOCAL CHECK OPTION`: rows written through the view must satisfy
    /// this view's condition.
    Local,
    /// `WITH CASCADED CHECK OPTION`: and those of the views it reads.
    Cascaded,
}

impl CheckOption {
    /// The schema language's and the catalog's spelling (`local`,
    /// `cascaded`); `None` for no option.
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            CheckOption::None => None,
            CheckOption::Local => Some("local"),
            CheckOption::Cascaded => Some("cascaded"),
        }
    }

    /// Parses `local` or `cascaded` (any case).
    pub fn parse(s: &str) -> Option<CheckOption> {
        match s.trim().to_ascii_lowercase().as_str() {
            "local" => Some(CheckOption::Local),
            "cascaded" => Some(CheckOption::Cascaded),
            _ => None,
        }
    }
}

impl View {
    /// A plain view with this name and query and nothing else.
    pub fn new(name: QualifiedName, query: impl Into<String>) -> Self {
        View {
            name,
            columns: Vec::new(),
            query: clean_query(&query.into()),
            materialized: false,
            check_option: CheckOption::None,
            security_invoker: false,
            security_barrier: false,
            indexes: Vec::new(),
            comment: None,
            grants: Vec::new(),
        }
    }

    /// Sorts the indexes by name and brings the query into its stored form.
    pub fn normalize(&mut self) {
        self.indexes.sort_by(|a, b| a.name.cmp(&b.name));
        crate::grant::normalize_grants(&mut self.grants);
        self.query = clean_query(&self.query);
    }

    /// The column with this name.
    pub fn column(&self, name: &str) -> Option<&ViewColumn> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// `view` or `materialized view`, for messages.
    pub fn kind(&self) -> &'static str {
        if self.materialized {
            "materialized view"
        } else {
            "view"
        }
    }
}

/// A query as the model stores it: surrounding white space and final `;`
/// removed (PostgreSQL prints a view's query with a leading space and a
/// final `;`; neither is part of the query).
pub fn clean_query(query: &str) -> String {
    let mut q = query.trim();
    while let Some(rest) = q.strip_suffix(';') {
        q = rest.trim_end();
    }
    q.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_stored_trimmed_without_final_semicolons() {
        assert_eq!(clean_query(" SELECT 1;\n"), "SELECT 1");
        assert_eq!(clean_query("SELECT 1 ; ;"), "SELECT 1");
        assert_eq!(clean_query("SELECT ';'"), "SELECT ';'");
    }

    #[test]
    fn check_options_round_trip() {
        for o in [CheckOption::Local, CheckOption::Cascaded] {
            assert_eq!(CheckOption::parse(o.as_str().unwrap()), Some(o));
        }
        assert_eq!(CheckOption::parse("LOCAL"), Some(CheckOption::Local));
        assert_eq!(CheckOption::parse("none"), None);
    }
}
