//! Domains (`CREATE DOMAIN`) and composite types (`CREATE TYPE … AS (…)`):
//! user-defined types that columns use ([`crate::BaseType::UserType`]).
//! Created after the enums and before the routines and tables that use
//! them; dropped after those.

use crate::{ColumnType, QualifiedName};

/// A domain: a base type with a default, `NOT NULL` and named checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Domain {
    /// The domain's name.
    pub name: QualifiedName,
    /// The base type (a built-in type, an enum, another domain, or an array of one).
    pub base: ColumnType,
    /// `DEFAULT …`, as a raw SQL expression.
    pub default: Option<String>,
    /// `NOT NULL`.
    pub not_null: bool,
    /// `COLLATE "…"` when not the base type's default.
    pub collation: Option<String>,
    /// `CONSTRAINT name CHECK (…)`, sorted by name.
    pub checks: Vec<DomainCheck>,
    /// `COMMENT ON DOMAIN`.
    pub comment: Option<String>,
}

/// A named check of a domain; its expression reads the value as `VALUE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainCheck {
    /// The constraint's name (PostgreSQL's default is `<domain>_check`).
    pub name: String,
    /// The boolean SQL expression, without `CHECK (…)`.
    pub expr: String,
}

impl Domain {
    /// A domain over this base type with nothing else set.
    pub fn new(name: QualifiedName, base: ColumnType) -> Self {
        Domain {
            name,
            base,
            default: None,
            not_null: false,
            collation: None,
            checks: Vec::new(),
            comment: None,
        }
    }

    /// Sorts the checks by name.
    pub fn normalize(&mut self) {
        self.checks.sort_by(|a, b| a.name.cmp(&b.name));
    }

    /// The check with this name.
    pub fn check(&self, name: &str) -> Option<&DomainCheck> {
        self.checks.iter().find(|c| c.name == name)
    }
}

/// The name PostgreSQL gives an unnamed check of a domain.
pub fn default_check_name(domain: &str) -> String {
    crate::naming::check(domain, None)
}

/// A composite type: named attributes in order, like a table's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompositeType {
    /// The type's name.
    pub name: QualifiedName,
    /// The attributes, in declaration order (the order is the value's layout).
    pub attributes: Vec<CompositeAttribute>,
    /// `COMMENT ON TYPE`.
    pub comment: Option<String>,
}

/// One attribute of a composite type. Attributes have no constraints: every
/// one may be NULL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompositeAttribute {
    /// The attribute's name.
    pub name: String,
    /// Its type.
    pub ty: ColumnType,
}

impl CompositeType {
    /// The attribute with this name.
    pub fn attribute(&self, name: &str) -> Option<&CompositeAttribute> {
        self.attributes.iter().find(|a| a.name == name)
    }
}

/// Every user type a column type or attribute names (its element type),
/// for the dependency order between domains and composite types.
pub fn named_user_type(ty: &ColumnType) -> Option<&QualifiedName> {
    match &ty.base {
        crate::BaseType::UserType(q) => Some(q),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_sort_by_name_and_default_names_truncate() {
        let mut d = Domain::new(QualifiedName::public("email"), ColumnType::named("text"));
        d.checks = vec![
            DomainCheck {
                name: "b".into(),
                expr: "VALUE <> ''".into(),
            },
            DomainCheck {
                name: "a".into(),
                expr: "VALUE ~ '@'".into(),
            },
        ];
        d.normalize();
        assert_eq!(d.checks[0].name, "a");
        assert_eq!(d.check("b").unwrap().expr, "VALUE <> ''");
        assert_eq!(default_check_name("email"), "email_check");
        assert_eq!(default_check_name(&"x".repeat(70)).len(), 63);
    }
}
