//! Row-level security: whether a table enforces it, and its policies
//! (`CREATE POLICY`), the way Supabase and Neon secure tables.

/// The commands a policy applies to (`FOR …`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PolicyCommand {
    /// `FOR ALL` (the default).
    #[default]
    All,
    /// `FOR SELECT`.
    Select,
    /// `FOR INSERT`.
    Insert,
    /// `FOR UPDATE`.
    Update,
    /// `FOR DELETE`.
    Delete,
}

impl PolicyCommand {
    /// The SQL keyword (`ALL`, `SELECT`, …).
    pub fn as_sql(self) -> &'static str {
        match self {
            PolicyCommand::All => "ALL",
            PolicyCommand::Select => "SELECT",
            PolicyCommand::Insert => "INSERT",
            PolicyCommand::Update => "UPDATE",
            PolicyCommand::Delete => "DELETE",
        }
    }

    /// Parses the schema language's spelling (`all`, `select`, `insert`,
    /// `update`, `delete`, any case).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "all" => PolicyCommand::All,
            "select" => PolicyCommand::Select,
            "insert" => PolicyCommand::Insert,
            "update" => PolicyCommand::Update,
            "delete" => PolicyCommand::Delete,
            _ => return None,
        })
    }

    /// The accepted spellings, for error messages.
    pub const SPELLINGS: &'static [&'static str] = &["all", "select", "insert", "update", "delete"];

    /// Whether `USING` means anything for this command (not for INSERT).
    pub fn has_using(self) -> bool {
        self != PolicyCommand::Insert
    }

    /// Whether `WITH CHECK` means anything for this command (not for
    /// SELECT or DELETE).
    pub fn has_with_check(self) -> bool {
        !matches!(self, PolicyCommand::Select | PolicyCommand::Delete)
    }
}

/// The role name that means every role (`TO PUBLIC`, the default).
pub const PUBLIC_ROLE: &str = "public";

/// A row-level-security policy on a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    /// The policy's name (unique per table).
    pub name: String,
    /// `FOR …`.
    pub command: PolicyCommand,
    /// `AS PERMISSIVE` (the default: policies are OR-ed) or, when false,
    /// `AS RESTRICTIVE` (AND-ed with the permissive ones).
    pub permissive: bool,
    /// `TO …`: role names, sorted; `["public"]` for every role.
    pub roles: Vec<String>,
    /// `USING (…)`: which existing rows are visible or affected.
    pub using: Option<String>,
    /// `WITH CHECK (…)`: which new rows are allowed.
    pub with_check: Option<String>,
    /// `COMMENT ON POLICY … ON table`.
    pub comment: Option<String>,
}

impl Policy {
    /// A permissive policy for all commands and every role, with no
    /// expressions yet.
    pub fn new(name: impl Into<String>) -> Self {
        Policy {
            name: name.into(),
            command: PolicyCommand::All,
            permissive: true,
            roles: vec![PUBLIC_ROLE.to_string()],
            using: None,
            with_check: None,
            comment: None,
        }
    }

    /// Puts the roles in canonical order (sorted, deduplicated; `public`
    /// alone when empty), so equal policies compare equal.
    pub fn normalize(&mut self) {
        self.roles.sort();
        self.roles.dedup();
        if self.roles.is_empty() {
            self.roles.push(PUBLIC_ROLE.to_string());
        }
    }
}

/// Whether a table enforces row-level security.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RowLevelSecurity {
    /// `ENABLE ROW LEVEL SECURITY`: policies apply to everyone but the
    /// table's owner (and superusers).
    pub enabled: bool,
    /// `FORCE ROW LEVEL SECURITY`: policies apply to the owner too.
    pub forced: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_round_trip_and_know_their_clauses() {
        for s in PolicyCommand::SPELLINGS {
            let c = PolicyCommand::parse(s).unwrap();
            assert_eq!(c.as_sql().to_ascii_lowercase(), *s);
        }
        assert_eq!(PolicyCommand::parse("SELECT"), Some(PolicyCommand::Select));
        assert_eq!(PolicyCommand::parse("read"), None);
        assert!(!PolicyCommand::Insert.has_using());
        assert!(!PolicyCommand::Select.has_with_check());
        assert!(PolicyCommand::Update.has_using() && PolicyCommand::Update.has_with_check());
    }

    #[test]
    fn roles_are_canonical() {
        let mut p = Policy::new("p");
        p.roles = vec!["b".into(), "a".into(), "b".into()];
        p.normalize();
        assert_eq!(p.roles, vec!["a", "b"]);
        p.roles.clear();
        p.normalize();
        assert_eq!(p.roles, vec![PUBLIC_ROLE]);
    }
}
