//! Row-level security in PostgreSQL: `ALTER TABLE … ROW LEVEL SECURITY` and
//! `CREATE` / `ALTER` / `DROP POLICY`.

use shale_differ::{MigrationPair, Step};
use shale_model::{Policy, QualifiedName, RowLevelSecurity, Table};

use super::{qualified, table_label, Renderer};
use crate::{hazard, ident, HazardKind, RenderError};

/// `TO a, b` (`public` is the keyword PUBLIC, not a role called "public").
fn roles(policy: &Policy) -> String {
    policy
        .roles
        .iter()
        .map(|r| {
            if r == shale_model::policy::PUBLIC_ROLE {
                "PUBLIC".to_string()
            } else {
                ident(r)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn policy_label(table: &QualifiedName, name: &str) -> String {
    format!("policy {} on {}", ident(name), table_label(table))
}

fn find<'t>(table: &'t Table, name: &str) -> Result<&'t Policy, RenderError> {
    table
        .policies
        .iter()
        .find(|p| p.name == name)
        .ok_or_else(|| RenderError::MissingPolicy {
            name: format!("{name} on {}", table.name),
        })
}

impl Renderer<'_> {
    /// Renders a row-level-security step (any other step renders nothing here).
    pub(super) fn render_policy_step(&mut self, step: &Step) -> Result<(), RenderError> {
        match step {
            Step::AlterRowLevelSecurity { table, changes } => self.render_rls(table, changes),
            Step::DropPolicy { table, name } => {
                // Dropped only to be created again as it was (a column under
                // it changes type): access is the same once the migration commits.
                let same_after = self
                    .previous_table(table)
                    .ok()
                    .and_then(|t| t.policies.iter().find(|p| &p.name == name))
                    .is_some_and(|p| {
                        self.schemas
                            .next
                            .table(table)
                            .is_some_and(|t| t.policies.contains(p))
                    });
                let hazards = if same_after {
                    vec![]
                } else {
                    vec![hazard(
                        HazardKind::ChangesAccess,
                        format!("drops {}", policy_label(table, name)),
                    )]
                };
                self.push(
                    format!("DROP POLICY {} ON {};", ident(name), qualified(table)),
                    hazards,
                );
            }
            Step::RenamePolicy { table, names } => self.push(
                format!(
                    "ALTER POLICY {} ON {} RENAME TO {};",
                    ident(&names.previous),
                    qualified(table),
                    ident(&names.next)
                ),
                vec![],
            ),
            Step::CreatePolicy { table, name } => {
                let policy = find(self.next_table(table)?, name)?;
                let mut sql = format!("CREATE POLICY {} ON {}", ident(name), qualified(table));
                if !policy.permissive {
                    sql.push_str(" AS RESTRICTIVE");
                }
                if policy.command != shale_model::PolicyCommand::All {
                    sql.push_str(&format!(" FOR {}", policy.command.as_sql()));
                }
                sql.push_str(&format!(" TO {}", roles(policy)));
                push_clauses(&mut sql, policy);
                sql.push(';');
                self.push(sql, vec![]);
            }
            Step::AlterPolicy { table, name } => {
                let policy = find(self.next_table(table)?, name)?;
                let mut sql = format!(
                    "ALTER POLICY {} ON {} TO {}",
                    ident(name),
                    qualified(table),
                    roles(policy)
                );
                push_clauses(&mut sql, policy);
                sql.push(';');
                self.push(
                    sql,
                    vec![hazard(
                        HazardKind::ChangesAccess,
                        format!("changes {}", policy_label(table, name)),
                    )],
                );
            }
            _ => {}
        }
        Ok(())
    }

    fn render_rls(&mut self, table: &QualifiedName, changes: &MigrationPair<RowLevelSecurity>) {
        let t = qualified(table);
        if changes.previous.enabled != changes.next.enabled {
            if changes.next.enabled {
                self.push(
                    format!("ALTER TABLE {t} ENABLE ROW LEVEL SECURITY;"),
                    vec![],
                );
            } else {
                self.push(
                    format!("ALTER TABLE {t} DISABLE ROW LEVEL SECURITY;"),
                    vec![hazard(
                        HazardKind::ChangesAccess,
                        format!(
                            "disables row-level security on {}: its policies stop applying",
                            table_label(table)
                        ),
                    )],
                );
            }
        }
        if changes.previous.forced != changes.next.forced {
            if changes.next.forced {
                self.push(format!("ALTER TABLE {t} FORCE ROW LEVEL SECURITY;"), vec![]);
            } else {
                self.push(
                    format!("ALTER TABLE {t} NO FORCE ROW LEVEL SECURITY;"),
                    vec![hazard(
                        HazardKind::ChangesAccess,
                        format!(
                            "stops forcing row-level security on {}: its owner bypasses the policies",
                            table_label(table)
                        ),
                    )],
                );
            }
        }
    }
}

fn push_clauses(sql: &mut String, policy: &Policy) {
    if let Some(u) = &policy.using {
        sql.push_str(&format!(" USING ({u})"));
    }
    if let Some(w) = &policy.with_check {
        sql.push_str(&format!(" WITH CHECK ({w})"));
    }
}
