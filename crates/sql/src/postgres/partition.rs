//! Declarative partitioning and exclusion constraints in PostgreSQL:
//! `PARTITION BY`, `CREATE TABLE … PARTITION OF`, `ATTACH` / `DETACH
//! PARTITION`, and `EXCLUDE USING …`.

use shale_differ::Step;
use shale_model::{ExclusionConstraint, Partition, QualifiedName, Table};

use super::{deferrable_sql, lock_hazard, qualified, table_label, Renderer};
use crate::{hazard, ident, HazardKind, RenderError};

/// ` PARTITION BY RANGE (created_at)` after a partitioned table's `)`.
pub(super) fn partition_by_sql(table: &Table) -> String {
    table
        .partition_by
        .as_ref()
        .map(|k| format!(" PARTITION BY {}", k.to_sql()))
        .unwrap_or_default()
}

/// `CONSTRAINT "n" EXCLUDE USING gist (room WITH =, …) [WHERE (…)] [DEFERRABLE …]`.
pub(super) fn exclusion_sql(x: &ExclusionConstraint) -> String {
    let predicate = x
        .predicate
        .as_ref()
        .map(|p| format!(" WHERE ({p})"))
        .unwrap_or_default();
    format!(
        "CONSTRAINT {} EXCLUDE USING {} ({}){predicate}{}",
        ident(&x.name),
        x.method,
        x.elements_sql(),
        deferrable_sql(x.deferrable)
    )
}

fn partition_of<'t>(table: &'t Table, name: &str) -> Result<&'t Partition, RenderError> {
    table
        .partitions
        .iter()
        .find(|p| p.name == name)
        .ok_or_else(|| RenderError::MissingObject {
            table: table.name.to_string(),
            name: name.to_string(),
        })
}

fn partition_name(parent: &QualifiedName, name: &str) -> QualifiedName {
    QualifiedName::new(parent.namespace.clone(), name.to_string())
}

impl Renderer<'_> {
    pub(super) fn render_partition_step(&mut self, step: &Step) -> Result<(), RenderError> {
        match step {
            Step::CreatePartition { table, name } => {
                let t = self.next_table(table)?;
                let p = partition_of(t, name)?;
                let sql = format!(
                    "CREATE TABLE {} PARTITION OF {} {};",
                    qualified(&partition_name(table, name)),
                    qualified(table),
                    p.bound.to_sql()
                );
                self.push(sql, vec![lock_hazard(table)]);
            }
            Step::DropPartition { table, name } => {
                let partition = partition_name(table, name);
                self.push(
                    format!("DROP TABLE {};", qualified(&partition)),
                    vec![
                        hazard(
                            HazardKind::DeletesData,
                            format!(
                                "drops partition {} of {} and all its rows",
                                table_label(&partition),
                                table_label(table)
                            ),
                        ),
                        lock_hazard(table),
                    ],
                );
            }
            Step::DetachPartition { table, name } => {
                let partition = partition_name(table, name);
                self.push(
                    format!(
                        "ALTER TABLE {} DETACH PARTITION {};",
                        qualified(table),
                        qualified(&partition)
                    ),
                    vec![lock_hazard(table)],
                );
            }
            Step::AttachPartition { table, name } => {
                let t = self.next_table(table)?;
                let p = partition_of(t, name)?;
                let partition = partition_name(table, name);
                self.push(
                    format!(
                        "ALTER TABLE {} ATTACH PARTITION {} {};",
                        qualified(table),
                        qualified(&partition),
                        p.bound.to_sql()
                    ),
                    vec![
                        hazard(
                            HazardKind::TableRewrite,
                            format!(
                                "scans partition {} to check its rows fit the new bound",
                                table_label(&partition)
                            ),
                        ),
                        lock_hazard(table),
                    ],
                );
            }
            _ => {}
        }
        Ok(())
    }
}
