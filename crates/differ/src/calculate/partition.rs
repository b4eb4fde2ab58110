//! The partitioning pass: partitions created, dropped and given another
//! bound (detached and attached again), and exclusion constraints. A table
//! whose partition key changes is dropped and created again (PostgreSQL
//! cannot change a key in place): [`repartitioned`] takes it out of the
//! matched pairs before the passes run.

use shale_model::{ExclusionConstraint, Table};

use super::{diff_named, Differ, Event};
use crate::{MigrationPair, Step};

/// Whether a matched table changes its partitioning (partitioned ⇄ plain,
/// or another key): it is dropped and created again.
pub(super) fn repartitioned(tables: MigrationPair<&Table>) -> bool {
    match (&tables.previous.partition_by, &tables.next.partition_by) {
        (None, None) => false,
        (Some(p), Some(n)) => !p.equivalent(n),
        _ => true,
    }
}

impl Differ<'_, '_> {
    pub(super) fn push_partition_steps(&mut self) {
        let db = self.db;
        for table in &db.created_tables {
            for p in &table.partitions {
                self.steps.push(Step::CreatePartition {
                    table: table.name.clone(),
                    name: p.name.clone(),
                });
            }
        }
        for table in &db.tables {
            let names = table.names();
            // Partitions are matched by name only (a partition holds rows:
            // never guessed as renamed); a bound that changes keeps the
            // partition and its rows (detach, attach again).
            let previous_of = |name: &str| {
                table
                    .tables
                    .previous
                    .partitions
                    .iter()
                    .find(|p| p.name == name)
            };
            for p in &table.tables.previous.partitions {
                if !table
                    .tables
                    .next
                    .partitions
                    .iter()
                    .any(|n| n.name == p.name)
                {
                    self.steps.push(Step::DropPartition {
                        table: names.previous.clone(),
                        name: p.name.clone(),
                    });
                }
            }
            for p in &table.tables.next.partitions {
                if previous_of(&p.name).is_none() {
                    self.steps.push(Step::CreatePartition {
                        table: names.next.clone(),
                        name: p.name.clone(),
                    });
                }
            }
            for p in &table.tables.next.partitions {
                if let Some(previous) = previous_of(&p.name) {
                    if !previous.bound.equivalent(&p.bound) {
                        self.steps.push(Step::DetachPartition {
                            table: names.next.clone(),
                            name: p.name.clone(),
                        });
                        self.steps.push(Step::AttachPartition {
                            table: names.next.clone(),
                            name: p.name.clone(),
                        });
                    }
                }
            }
        }
    }

    pub(super) fn push_exclusion_steps(&mut self) {
        let db = self.db;
        for table in &db.tables {
            let names = table.names();
            let same = |p: &ExclusionConstraint, n: &ExclusionConstraint| {
                p.equivalent_definition(n)
                    && !p
                        .elements
                        .iter()
                        .map(|e| e.target.as_str())
                        .chain(p.predicate.as_deref())
                        .any(|e| self.expression_touches_recreated(table, e))
                    && !p.column_targets().any(|c| table.next_column(c) != Some(c))
            };
            let exclusions = table.tables.map(|t| t.exclusions.as_slice());
            for event in diff_named(exclusions, |x: &ExclusionConstraint| x.name.as_str(), same) {
                match event {
                    Event::Drop(x) => self.steps.push(Step::DropConstraint {
                        table: names.previous.clone(),
                        name: x.name.clone(),
                    }),
                    Event::Add(x) => self.steps.push(Step::AddConstraint {
                        table: names.next.clone(),
                        name: x.name.clone(),
                    }),
                    Event::Rename(p, n) => self.steps.push(Step::RenameConstraint {
                        table: names.next.clone(),
                        names: MigrationPair::new(p.name.clone(), n.name.clone()),
                    }),
                }
            }
        }
    }
}
