//! Lowering of declarative partitioning (`#[table(partition_by = "…")]`,
//! `#[partition(…)]`) and exclusion constraints (`#[exclude(…)]`) on a
//! table struct, and the cross-item rule that a partition's name is a
//! relation name of its namespace.

use std::collections::HashMap;

use proc_macro2::Span;
use shale_model::exclusion::parse_elements;
use shale_model::{
    Deferrable, ExclusionConstraint, Partition, PartitionBound, PartitionKey, QualifiedName,
};

use super::{ColumnScope, Cx, Error, NameRequest, NameTarget, Site, TableBuild};
use crate::grammar::{DeferrableAttr, Spanned, TableDef};

/// Sets the table's partition key and partitions; returns where each
/// partition's name is written (in `table.partitions` order).
pub(super) fn lower_partitions(
    cx: &mut Cx<Span>,
    file: usize,
    def: &TableDef,
    b: &mut TableBuild<Span>,
    scope: &ColumnScope,
) -> Vec<Span> {
    let attrs = &def.attrs;
    let mut spans = Vec::new();
    let key = match &attrs.partition_by {
        None => None,
        Some(text) => {
            cx.postgres_only(file, text.key_span, "`partition_by`");
            match PartitionKey::parse(&text.value) {
                Ok(key) => {
                    for element in &key.elements {
                        if is_identifier(element) {
                            scope.resolve(
                                cx,
                                &Spanned::new(element.clone(), text.span, text.key_span),
                            );
                        }
                    }
                    Some(key)
                }
                Err(message) => {
                    cx.err(
                        file,
                        Error::new(text.span, format!("invalid `partition_by`: {message}"))
                            .label("not a partition key")
                            .help("write `RANGE (created_at)`, `LIST (region)` or `HASH (id)`"),
                    );
                    None
                }
            }
        }
    };
    let mut seen: HashMap<String, Span> = HashMap::new();
    for attr in &attrs.partitions {
        cx.postgres_only(file, attr.span, "`#[partition]`");
        let Some(name) = &attr.name else { continue };
        if !cx.check_identifier(file, &name.value, name.span, "partition") {
            continue;
        }
        if attrs.partition_by.is_none() {
            cx.err(
                file,
                Error::new(
                    attr.span,
                    format!(
                        "partition `{}` of a table that is not partitioned",
                        name.value
                    ),
                )
                .label("no `partition_by` on this table")
                .help("add `#[table(partition_by = \"RANGE (column)\")]` to the table"),
            );
            continue;
        }
        let Some(key) = &key else { continue };
        let bound = match (&attr.values, attr.default) {
            (Some(values), None) => match PartitionBound::parse(&values.value, key.strategy) {
                Ok(bound) => bound,
                Err(message) => {
                    cx.err(
                        file,
                        Error::new(values.span, format!("invalid partition bound: {message}"))
                            .label(format!("not a {} bound", key.strategy.as_sql()))
                            .help(match key.strategy {
                                shale_model::PartitionStrategy::Range => {
                                    "write `values = \"FROM ('2026-01-01') TO ('2026-02-01')\"`"
                                }
                                shale_model::PartitionStrategy::List => {
                                    "write `values = \"IN ('eu', 'us')\"`"
                                }
                                shale_model::PartitionStrategy::Hash => {
                                    "write `values = \"WITH (MODULUS 4, REMAINDER 0)\"`"
                                }
                            }),
                    );
                    continue;
                }
            },
            (None, Some(span)) => {
                if key.strategy == shale_model::PartitionStrategy::Hash {
                    cx.err(
                        file,
                        Error::new(span, "a hash-partitioned table has no default partition")
                            .label("`default` with `HASH`")
                            .help("give every remainder a partition: `values = \"WITH (MODULUS m, REMAINDER r)\"`"),
                    );
                    continue;
                }
                PartitionBound::Default
            }
            // Both or neither: reported by the grammar.
            _ => continue,
        };
        if let Some(&first) = seen.get(&name.value) {
            let at = cx.location(file, first, file);
            cx.err(
                file,
                Error::new(name.span, format!("duplicate partition `{}`", name.value))
                    .label("declared twice")
                    .help(format!(
                        "the first is at {at}; a partition is a table of its own"
                    )),
            );
            continue;
        }
        if bound == PartitionBound::Default {
            if let Some(other) = b
                .table
                .partitions
                .iter()
                .find(|p| p.bound == PartitionBound::Default)
            {
                cx.err(
                    file,
                    Error::new(
                        name.span,
                        format!("a second default partition `{}`", name.value),
                    )
                    .label("one default partition per table")
                    .help(format!("`{}` is already the default partition", other.name)),
                );
                continue;
            }
        }
        seen.insert(name.value.clone(), name.span);
        spans.push(name.span);
        b.table.partitions.push(Partition {
            name: name.value.clone(),
            bound,
        });
    }
    b.table.partition_by = key;
    spans
}

/// Adds the table's exclusion constraints, their names requested like the
/// other constraints' (`<table>_<cols>_excl` by default).
pub(super) fn lower_exclusions(
    cx: &mut Cx<Span>,
    file: usize,
    def: &TableDef,
    b: &mut TableBuild<Span>,
    scope: &ColumnScope,
) {
    for attr in &def.attrs.exclusions {
        cx.postgres_only(file, attr.span, "`#[exclude]`");
        let Some(text) = &attr.elements else { continue };
        let elements = match parse_elements(&text.value) {
            Ok(e) => e,
            Err(message) => {
                cx.err(
                    file,
                    Error::new(text.span, format!("invalid `elements`: {message}"))
                        .label("not an exclusion element list")
                        .help("write `elements = \"room WITH =, during WITH &&\"`"),
                );
                continue;
            }
        };
        let mut known = true;
        for e in &elements {
            let column = e.target.split_whitespace().next().unwrap_or("");
            if is_identifier(column) && !e.target.trim_start().starts_with('(') {
                known &= scope
                    .resolve(
                        cx,
                        &Spanned::new(column.to_string(), text.span, text.key_span),
                    )
                    .is_some();
            }
        }
        if !known {
            continue;
        }
        let method = attr
            .using
            .as_ref()
            .map_or("gist".to_string(), |m| m.value.trim().to_lowercase());
        if method.is_empty() {
            if let Some(m) = &attr.using {
                cx.err(
                    file,
                    Error::new(m.span, "empty `using`")
                        .label("expected an index method such as `gist`"),
                );
            }
            continue;
        }
        let predicate = match &attr.predicate {
            Some(p) if p.value.trim().is_empty() => {
                cx.err(
                    file,
                    Error::new(p.span, "empty `where`").label("expected a boolean SQL expression"),
                );
                continue;
            }
            Some(p) => Some(p.value.clone()),
            None => None,
        };
        let deferrable = match attr.deferrable.as_ref().map(|d| d.value) {
            None => Deferrable::No,
            Some(DeferrableAttr::InitiallyImmediate) => Deferrable::InitiallyImmediate,
            Some(DeferrableAttr::InitiallyDeferred) => Deferrable::InitiallyDeferred,
        };
        let constraint = ExclusionConstraint {
            comment: super::comment_of(cx, file, &attr.comment),
            name: String::new(),
            method,
            elements,
            predicate,
            deferrable,
        };
        let name2 = Some(constraint.name_parts().join("_"));
        let i = b.table.exclusions.len();
        b.table.exclusions.push(constraint);
        b.names.push(NameRequest {
            explicit: attr.name.as_ref().map(|n| (n.value.clone(), n.span)),
            target: NameTarget::Exclusion(i),
            name2,
            label: "excl",
        });
    }
}

/// A partition takes a relation name of its namespace: no table, and no
/// other table's partition, may have it.
pub(super) fn check_partition_names<S: Site>(cx: &mut Cx<S>, tables: &[TableBuild<S>]) {
    let mut taken: HashMap<QualifiedName, (usize, S, String)> = tables
        .iter()
        .map(|t| {
            (
                t.table.name.clone(),
                (t.file, t.span, format!("table `{}`", t.table.name)),
            )
        })
        .collect();
    for t in tables {
        for (p, &span) in t.table.partitions.iter().zip(&t.partition_names) {
            let name = QualifiedName::new(t.table.name.namespace.clone(), p.name.clone());
            if let Some((file, first, what)) = taken.get(&name) {
                let at = cx.location(*file, *first, t.file);
                let what = what.clone();
                cx.err(
                    t.file,
                    Error::new(
                        span,
                        format!(
                            "partition `{}` of `{}` takes a name already used",
                            p.name, t.table.name
                        ),
                    )
                    .label("name already used")
                    .help(format!(
                        "{what} at {at} already has this name; choose another"
                    )),
                );
                continue;
            }
            taken.insert(
                name,
                (t.file, span, format!("partition of `{}`", t.table.name)),
            );
        }
    }
}

fn is_identifier(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !t.starts_with(|c: char| c.is_ascii_digit())
}
