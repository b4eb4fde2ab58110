//! Partitioned tables and their partitions, read with the tables (no query
//! of their own), and exclusion constraints, read with the constraints.
//!
//! A partition is modelled when it is an ordinary table in its parent's
//! schema; sub-partitioned and foreign partitions and partitions in another
//! schema are the census's, and so is whatever a partition holds of its
//! own (PostgreSQL gives it the parent's keys, indexes and triggers).

use shale_model::{
    exclusion, Deferrable, ExclusionConstraint, Partition, PartitionBound, PartitionKey, Table,
};

use super::unexpected;
use crate::IntrospectError;

/// The columns `read_tables` adds: the key of a partitioned table, and its
/// modelled partitions' names and bounds, in name order.
pub(super) const TABLE_COLUMNS: &str = "\
    CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END, \
    CASE WHEN c.relkind = 'p' THEN \
        (SELECT array_agg(pc.relname::text ORDER BY pc.relname) \
           FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class pc ON pc.oid = i.inhrelid \
          WHERE i.inhparent = c.oid AND pc.relispartition AND pc.relkind = 'r' \
            AND pc.relnamespace = c.relnamespace) END, \
    CASE WHEN c.relkind = 'p' THEN \
        (SELECT array_agg(pg_catalog.pg_get_expr(pc.relpartbound, pc.oid) ORDER BY pc.relname) \
           FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class pc ON pc.oid = i.inhrelid \
          WHERE i.inhparent = c.oid AND pc.relispartition AND pc.relkind = 'r' \
            AND pc.relnamespace = c.relnamespace) END";

/// Reads [`TABLE_COLUMNS`] from column `first` on.
pub(super) fn read_partitioning(
    r: &postgres::Row,
    first: usize,
    table: &mut Table,
) -> Result<(), IntrospectError> {
    let Some(key) = r.get::<_, Option<String>>(first) else {
        return Ok(());
    };
    let key = PartitionKey::parse(&key)
        .map_err(|e| unexpected(format!("partition key of {}", table.name), e))?;
    let names: Vec<String> = r
        .get::<_, Option<Vec<String>>>(first + 1)
        .unwrap_or_default();
    let bounds: Vec<String> = r
        .get::<_, Option<Vec<String>>>(first + 2)
        .unwrap_or_default();
    for (name, bound) in names.into_iter().zip(bounds) {
        let bound = PartitionBound::parse(&bound, key.strategy)
            .map_err(|e| unexpected(format!("partition {name} of {}", table.name), e))?;
        table.partitions.push(Partition { name, bound });
    }
    table.partition_by = Some(key);
    Ok(())
}

/// An exclusion constraint from `pg_get_constraintdef`: `EXCLUDE USING gist
/// (room WITH =, during WITH &&) [WHERE (…)] [DEFERRABLE …]`; `None` for one
/// with `INCLUDE (…)` or storage parameters (`WITH (…)`), which the model
/// does not carry (the census reports those).
pub(super) fn exclusion(
    name: &str,
    definition: &str,
    deferrable: Deferrable,
) -> Result<Option<ExclusionConstraint>, IntrospectError> {
    let bad = || {
        unexpected(
            format!("exclusion constraint {name}"),
            definition.to_string(),
        )
    };
    let rest = definition.strip_prefix("EXCLUDE USING ").ok_or_else(bad)?;
    let (method, rest) = rest.split_once(' ').ok_or_else(bad)?;
    let (elements, rest) = take_group(rest).ok_or_else(bad)?;
    let rest = rest.trim_start();
    if rest.starts_with("INCLUDE") || rest.starts_with("WITH") {
        return Ok(None);
    }
    let predicate = match rest.strip_prefix("WHERE ") {
        Some(p) => {
            let (inner, _) = take_group(p).ok_or_else(bad)?;
            Some(super::tidy_expression(inner))
        }
        None => None,
    };
    let elements = exclusion::parse_elements(elements).map_err(|_| bad())?;
    Ok(Some(ExclusionConstraint {
        comment: None,
        name: name.to_string(),
        method: method.to_string(),
        elements,
        predicate,
        deferrable,
    }))
}

/// The inside of a leading `( … )` and what follows.
fn take_group(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    if !text.starts_with('(') {
        return None;
    }
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '\'' | '"' => quote = Some(c),
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some((&text[1..i], &text[i + 1..]));
                    }
                }
                _ => {}
            },
        }
    }
    None
}
