//! Privileges granted to roles (`GRANT … ON … TO role`) on tables, views,
//! sequences, functions and schemas, and the settings of a schema
//! (namespace) itself: its comment and its grants.
//!
//! A grant is kept as one entry per role and privilege, so that two schemas
//! granting the same privileges in a different grouping compare equal and
//! the differ compares sets. The owner's own privileges are PostgreSQL's
//! defaults and are never part of the model; neither are grants to roles
//! shale does not manage (the callers that read a database leave them out).

use crate::policy::PUBLIC_ROLE;

/// One privilege, by PostgreSQL's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Privilege {
    /// `SELECT` (tables, views, sequences).
    Select,
    /// `INSERT` (tables, views).
    Insert,
    /// `UPDATE` (tables, views, sequences).
    Update,
    /// `DELETE` (tables, views).
    Delete,
    /// `TRUNCATE` (tables, views).
    Truncate,
    /// `REFERENCES` (tables, views).
    References,
    /// `TRIGGER` (tables, views).
    Trigger,
    /// `USAGE` (sequences, schemas).
    Usage,
    /// `CREATE` (schemas).
    Create,
    /// `EXECUTE` (functions, procedures).
    Execute,
}

impl Privilege {
    /// The SQL keyword (`SELECT`, …), as `aclexplode` prints it too.
    pub fn as_sql(self) -> &'static str {
        match self {
            Privilege::Select => "SELECT",
            Privilege::Insert => "INSERT",
            Privilege::Update => "UPDATE",
            Privilege::Delete => "DELETE",
            Privilege::Truncate => "TRUNCATE",
            Privilege::References => "REFERENCES",
            Privilege::Trigger => "TRIGGER",
            Privilege::Usage => "USAGE",
            Privilege::Create => "CREATE",
            Privilege::Execute => "EXECUTE",
        }
    }

    /// The schema language's spelling (`select`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Privilege::Select => "select",
            Privilege::Insert => "insert",
            Privilege::Update => "update",
            Privilege::Delete => "delete",
            Privilege::Truncate => "truncate",
            Privilege::References => "references",
            Privilege::Trigger => "trigger",
            Privilege::Usage => "usage",
            Privilege::Create => "create",
            Privilege::Execute => "execute",
        }
    }

    /// Parses a privilege's name, any case (`select`, `SELECT`).
    pub fn parse(s: &str) -> Option<Privilege> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "select" => Privilege::Select,
            "insert" => Privilege::Insert,
            "update" => Privilege::Update,
            "delete" => Privilege::Delete,
            "truncate" => Privilege::Truncate,
            "references" => Privilege::References,
            "trigger" => Privilege::Trigger,
            "usage" => Privilege::Usage,
            "create" => Privilege::Create,
            "execute" => Privilege::Execute,
            _ => return None,
        })
    }
}

/// The kinds of object a grant can be on; each has its own privileges.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GrantObject {
    /// A table, view or materialized view.
    Table,
    /// A sequence.
    Sequence,
    /// A function or procedure.
    Function,
    /// A schema (namespace).
    Schema,
    /// A column of a table (`GRANT SELECT (col) ON TABLE …`).
    Column,
}

impl GrantObject {
    /// Every privilege PostgreSQL has for this kind of object, in
    /// PostgreSQL's order; also what `all` means.
    pub fn privileges(self) -> &'static [Privilege] {
        match self {
            GrantObject::Table => &[
                Privilege::Select,
                Privilege::Insert,
                Privilege::Update,
                Privilege::Delete,
                Privilege::Truncate,
                Privilege::References,
                Privilege::Trigger,
            ],
            GrantObject::Sequence => &[Privilege::Select, Privilege::Update, Privilege::Usage],
            GrantObject::Function => &[Privilege::Execute],
            GrantObject::Schema => &[Privilege::Usage, Privilege::Create],
            GrantObject::Column => &[
                Privilege::Select,
                Privilege::Insert,
                Privilege::Update,
                Privilege::References,
            ],
        }
    }

    /// Whether `privilege` exists for this kind of object.
    pub fn allows(self, privilege: Privilege) -> bool {
        self.privileges().contains(&privilege)
    }

    /// `table`, `sequence`, `function`, `schema`: for messages.
    pub fn noun(self) -> &'static str {
        match self {
            GrantObject::Table => "table or view",
            GrantObject::Sequence => "sequence",
            GrantObject::Function => "function",
            GrantObject::Schema => "schema",
            GrantObject::Column => "column",
        }
    }
}

/// One privilege granted to one role.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Grant {
    /// The role (`public` for every role, `TO PUBLIC`).
    pub role: String,
    /// The privilege.
    pub privilege: Privilege,
    /// `WITH GRANT OPTION`: the role may grant it on.
    pub grant_option: bool,
}

impl Grant {
    /// `privilege` to `role`, without grant option.
    pub fn new(role: impl Into<String>, privilege: Privilege) -> Self {
        Grant {
            role: role.into(),
            privilege,
            grant_option: false,
        }
    }

    /// Whether the grant is to every role (`TO PUBLIC`).
    pub fn is_public(&self) -> bool {
        self.role == PUBLIC_ROLE
    }
}

/// Puts a list of grants in canonical order: sorted by role, then
/// privilege; a privilege granted twice to one role is kept once, with the
/// grant option when either had it (as PostgreSQL merges them).
pub fn normalize_grants(grants: &mut Vec<Grant>) {
    grants.sort_by(|a, b| {
        (&a.role, a.privilege, !a.grant_option).cmp(&(&b.role, b.privilege, !b.grant_option))
    });
    grants.dedup_by(|later, first| later.role == first.role && later.privilege == first.privilege);
}

/// Groups grants for one statement each: `(role, grant option, privileges)`,
/// in canonical order.
pub fn group_grants(grants: &[&Grant]) -> Vec<(String, bool, Vec<Privilege>)> {
    let mut out: Vec<(String, bool, Vec<Privilege>)> = Vec::new();
    for g in grants {
        match out
            .iter_mut()
            .find(|(role, option, _)| *role == g.role && *option == g.grant_option)
        {
            Some((_, _, privileges)) => privileges.push(g.privilege),
            None => out.push((g.role.clone(), g.grant_option, vec![g.privilege])),
        }
    }
    for (_, _, privileges) in &mut out {
        privileges.sort();
        privileges.dedup();
    }
    out.sort();
    out
}

/// Whether `role` matches one of `patterns` (a role name, or a prefix
/// ending in `*`): the roles shale manages.
pub fn role_matches(patterns: &[String], role: &str) -> bool {
    patterns.iter().any(|p| match p.strip_suffix('*') {
        Some(prefix) => role.starts_with(prefix),
        None => p == role,
    })
}

/// The comment initdb gives the `public` schema: PostgreSQL's default, which
/// the model reads as no comment.
pub const PUBLIC_SCHEMA_COMMENT: &str = "standard public schema";

/// What a schema says about one namespace itself (`public` included): its
/// comment and its grants. Namespaces with neither have no entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Namespace {
    /// The namespace.
    pub name: String,
    /// `COMMENT ON SCHEMA`.
    pub comment: Option<String>,
    /// `GRANT USAGE, CREATE ON SCHEMA …`, normalised.
    pub grants: Vec<Grant>,
}

impl Namespace {
    /// A namespace with no comment and no grants.
    pub fn new(name: impl Into<String>) -> Self {
        Namespace {
            name: name.into(),
            comment: None,
            grants: Vec::new(),
        }
    }

    /// Whether it says nothing (no comment, no grants).
    pub fn is_empty(&self) -> bool {
        self.comment.is_none() && self.grants.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn privileges_round_trip() {
        for object in [
            GrantObject::Table,
            GrantObject::Sequence,
            GrantObject::Function,
            GrantObject::Schema,
        ] {
            for p in object.privileges() {
                assert_eq!(Privilege::parse(p.as_str()), Some(*p));
                assert_eq!(Privilege::parse(p.as_sql()), Some(*p));
                assert!(object.allows(*p));
            }
        }
        assert_eq!(Privilege::parse("maintain"), None);
        assert!(!GrantObject::Function.allows(Privilege::Select));
    }

    #[test]
    fn grants_are_canonical_and_grouped() {
        let mut grants = vec![
            Grant::new("b", Privilege::Select),
            Grant::new("a", Privilege::Insert),
            Grant {
                grant_option: true,
                ..Grant::new("b", Privilege::Select)
            },
            Grant::new("a", Privilege::Select),
        ];
        normalize_grants(&mut grants);
        assert_eq!(grants.len(), 3);
        assert_eq!(grants[0], Grant::new("a", Privilege::Select));
        assert!(grants[2].grant_option, "the grant option is kept");
        let refs: Vec<&Grant> = grants.iter().collect();
        assert_eq!(
            group_grants(&refs),
            vec![
                (
                    "a".to_string(),
                    false,
                    vec![Privilege::Select, Privilege::Insert]
                ),
                ("b".to_string(), true, vec![Privilege::Select]),
            ]
        );
    }

    #[test]
    fn managed_roles_match_names_and_prefixes() {
        let patterns = vec!["app_*".to_string(), "reporting".to_string()];
        assert!(role_matches(&patterns, "app_rw"));
        assert!(role_matches(&patterns, "reporting"));
        assert!(!role_matches(&patterns, "reporting2"));
        assert!(!role_matches(&[], "app_rw"));
    }
}
