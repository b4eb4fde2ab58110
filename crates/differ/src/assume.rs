//! Plans that settle every drop-or-rename question as a drop: the diff
//! between a database and a schema (a database has no rename history), and
//! the reverse of a migration (its down file), whose questions are about
//! objects the migration created.

use shale_model::{QualifiedName, RenameHints, Schema};

use crate::{diff, reverse_hints, Ambiguities, Ambiguity, MigrationPair, ObjectKind, Plan};

/// Plans `schemas`, taking every unsettled rename question as a drop and a
/// create; returns the plan and the questions so they can be shown.
pub fn plan_assuming_drops(
    schemas: MigrationPair<&Schema>,
    hints: &RenameHints,
) -> (Plan, Vec<Ambiguity>) {
    let mut hints = hints.clone();
    let mut asked = Vec::new();
    loop {
        match diff(schemas, &hints) {
            Ok(plan) => return (plan, asked),
            Err(Ambiguities(list)) => {
                for a in &list {
                    let parent = a.parent.clone();
                    match a.kind {
                        ObjectKind::Table => hints.dropped_tables.push(qualified_in(
                            &a.previous,
                            schemas.previous,
                            true,
                        )),
                        ObjectKind::Enum => hints.dropped_enums.push(qualified_in(
                            &a.previous,
                            schemas.previous,
                            false,
                        )),
                        ObjectKind::Column => hints.dropped_columns.push((
                            parent.expect("column questions name their table"),
                            a.previous.clone(),
                        )),
                        ObjectKind::EnumValue => hints.dropped_enum_values.push((
                            parent.expect("value questions name their enum"),
                            a.previous.clone(),
                        )),
                        ObjectKind::Sequence => {
                            hints
                                .dropped_sequences
                                .push(match a.previous.rsplit_once('.') {
                                    Some((ns, n)) => QualifiedName::new(ns, n),
                                    None => QualifiedName::public(&a.previous),
                                })
                        }
                    }
                }
                let before = asked.len();
                asked.extend(list);
                if asked.len() == before {
                    return (Plan::default(), asked);
                }
            }
        }
    }
}

/// The plan of a migration's down file: the same differ the other way
/// (`forward.next → forward.previous`), with the forward migration's rename
/// hints reversed ([`reverse_hints`]); whatever the reverse would ask about is
/// an object the migration created, so it is dropped. `shale generate` writes
/// this plan, rendered, as `NNNN_tag.down.sql`; render it against
/// `forward.reversed()`.
pub fn down_plan(forward: MigrationPair<&Schema>, hints: &RenameHints) -> Plan {
    plan_assuming_drops(forward.reversed(), &reverse_hints(hints)).0
}

/// The qualified name of a table or enum named `name` (as `Display` prints
/// it: `name` in public, `ns.name` elsewhere) in `schema`.
fn qualified_in(name: &str, schema: &Schema, table: bool) -> QualifiedName {
    let found = if table {
        schema
            .tables
            .iter()
            .map(|t| &t.name)
            .find(|n| n.to_string() == name || n.name == name)
    } else {
        schema
            .enums
            .iter()
            .map(|e| &e.name)
            .find(|n| n.to_string() == name || n.name == name)
    };
    found
        .cloned()
        .unwrap_or_else(|| match name.rsplit_once('.') {
            Some((ns, n)) => QualifiedName::new(ns, n),
            None => QualifiedName::public(name),
        })
}
