//! The row-level-security pass: the tables' `ENABLE`/`FORCE` flags and
//! their policies.

use shale_model::{Policy, Table};

use super::{diff_named, mentions, optional_expressions_equivalent, Differ, Event, TablePair};
use crate::{MigrationPair, Step};

impl Differ<'_, '_> {
    pub(super) fn push_policy_steps(&mut self) {
        let db = self.db;
        for table in &db.created_tables {
            self.push_new_table_policies(table);
        }
        for table in &db.tables {
            let names = table.names();
            let flags = table.tables.map(|t| t.row_level_security);
            if flags.previous != flags.next {
                self.steps.push(Step::AlterRowLevelSecurity {
                    table: names.next.clone(),
                    changes: flags,
                });
            }
            let policies = table.tables.map(|t| t.policies.as_slice());
            let same = |p: &Policy, n: &Policy| {
                same_policy(p, n)
                    && !policy_uses_changed_column(
                        table,
                        p,
                        &self.db.user_types.replaced,
                        &self.db.swapped_enums,
                    )
            };
            let events = diff_named(policies, |p: &Policy| p.name.as_str(), same);
            // A drop and an add of the same name that keep the command and
            // the permissive flag (and no column under it changes) are an
            // ALTER POLICY.
            let alterable = |name: &str| {
                let previous = table
                    .tables
                    .previous
                    .policies
                    .iter()
                    .find(|p| p.name == name);
                let next = table.tables.next.policies.iter().find(|p| p.name == name);
                // ALTER POLICY can replace an expression but not remove one.
                matches!((previous, next), (Some(p), Some(n))
                    if p.command == n.command && p.permissive == n.permissive
                        && (p.using.is_none() || n.using.is_some())
                        && (p.with_check.is_none() || n.with_check.is_some())
                        && !policy_uses_changed_column(table, p, &self.db.user_types.replaced, &self.db.swapped_enums))
            };
            for event in events {
                match event {
                    Event::Drop(p) if alterable(&p.name) => {}
                    Event::Add(n) if alterable(&n.name) => self.steps.push(Step::AlterPolicy {
                        table: names.next.clone(),
                        name: n.name.clone(),
                    }),
                    Event::Drop(p) => self.steps.push(Step::DropPolicy {
                        table: names.previous.clone(),
                        name: p.name.clone(),
                    }),
                    Event::Add(n) => self.steps.push(Step::CreatePolicy {
                        table: names.next.clone(),
                        name: n.name.clone(),
                    }),
                    Event::Rename(p, n) => self.steps.push(Step::RenamePolicy {
                        table: names.next.clone(),
                        names: MigrationPair::new(p.name.clone(), n.name.clone()),
                    }),
                }
            }
        }
    }

    fn push_new_table_policies(&mut self, table: &Table) {
        if table.row_level_security != Default::default() {
            self.steps.push(Step::AlterRowLevelSecurity {
                table: table.name.clone(),
                changes: MigrationPair::new(Default::default(), table.row_level_security),
            });
        }
        for p in &table.policies {
            self.steps.push(Step::CreatePolicy {
                table: table.name.clone(),
                name: p.name.clone(),
            });
        }
    }
}

fn same_policy(p: &Policy, n: &Policy) -> bool {
    p.command == n.command
        && p.permissive == n.permissive
        && p.roles == n.roles
        && optional_expressions_equivalent(p.using.as_deref(), n.using.as_deref())
        && optional_expressions_equivalent(p.with_check.as_deref(), n.with_check.as_deref())
}

/// Whether a policy's expressions use a column of its table that is dropped
/// or changes type (a replaced domain's, or an enum's swapped for a new type
/// when a value is removed, count): PostgreSQL refuses both while the policy
/// exists, so the policy is dropped before and created again after.
fn policy_uses_changed_column(
    table: &TablePair<'_>,
    policy: &Policy,
    replaced: &std::collections::HashSet<shale_model::QualifiedName>,
    swapped_enums: &std::collections::HashSet<&shale_model::QualifiedName>,
) -> bool {
    let MigrationPair { previous, next } = table.tables;
    previous.columns.iter().any(|c| {
        let changed = match table.next_column(&c.name).and_then(|n| next.column(n)) {
            None => true,
            Some(n) => {
                matches!(&n.ty.base, shale_model::BaseType::UserType(q) if replaced.contains(q))
                    || matches!(&n.ty.base, shale_model::BaseType::Enum(e) if swapped_enums.contains(e))
                    || n.ty != c.ty
                    || n.collation != c.collation
            }
        };
        changed
            && [&policy.using, &policy.with_check]
                .into_iter()
                .flatten()
                .any(|e| mentions(e, &c.name))
    })
}
