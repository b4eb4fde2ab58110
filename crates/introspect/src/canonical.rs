//! The canonical text of view queries: what PostgreSQL prints back.
//!
//! A view's query is stored as PostgreSQL's own deparse of it
//! (`pg_get_viewdef`), whatever was written: other line breaks, other case,
//! qualified column names, added parentheses and casts. Comparing the text
//! a person wrote with that print-out would report drift for formatting
//! alone, and no normalisation short of PostgreSQL's own analyser is exact
//! (the print-out depends on name resolution and types). So the schema's
//! views are made canonical by PostgreSQL itself: the whole schema is
//! created from empty in a scratch database, read back, and each view's
//! query replaced by the text the scratch database prints for it. A target
//! database compared with that result compares PostgreSQL's text with
//! PostgreSQL's text, and differs only where the views really differ.
//!
//! Only the scratch database is written; the target is never touched.

use std::collections::HashSet;

use shale_model::{BaseType, Column, ColumnType, QualifiedName, Schema, Table};

use crate::{introspect, IntrospectError, IntrospectOptions};

/// The part of `schema` its views need to be created: the views, the tables
/// they read (columns with their stored types, and the primary key, on
/// which a `GROUP BY` may rely), the enums those columns use, the domains
/// and composite types. Defaults,
/// identity, generated expressions, other constraints, indexes and comments
/// change nothing in how PostgreSQL prints a view and are left out, so the
/// scratch database is quick to build however large the schema.
fn what_views_need(schema: &Schema) -> Schema {
    let graph_of = |v: &shale_model::View| shale_differ::relations_read_by_view(schema, &v.name);
    let mut tables: HashSet<QualifiedName> = HashSet::new();
    for v in &schema.views {
        tables.extend(
            graph_of(v)
                .into_iter()
                .filter(|r| schema.table(r).is_some()),
        );
    }
    let mut out = Schema {
        views: schema.views.clone(),
        ..Schema::default()
    };
    let mut enums: HashSet<QualifiedName> = HashSet::new();
    for t in schema.tables.iter().filter(|t| tables.contains(&t.name)) {
        let mut table = Table::new(t.name.clone());
        table.primary_key = t.primary_key.clone();
        for c in &t.columns {
            let ty =
                c.ty.serial_storage()
                    .map_or_else(|| c.ty.clone(), ColumnType::named);
            if let BaseType::Enum(e) = &ty.base {
                enums.insert(e.clone());
            }
            let mut column = Column::new(c.name.clone(), ty);
            column.nullable = c.nullable;
            table.columns.push(column);
        }
        out.tables.push(table);
    }
    // Domains and composite types, whole (a column may use one, and one
    // another): they are few, and their checks change nothing in a view.
    out.domains = schema.domains.clone();
    out.composite_types = schema.composite_types.clone();
    let element_types = schema.domains.iter().map(|d| &d.base).chain(
        schema
            .composite_types
            .iter()
            .flat_map(|c| c.attributes.iter().map(|a| &a.ty)),
    );
    for ty in element_types {
        if let BaseType::Enum(e) = &ty.base {
            enums.insert(e.clone());
        }
    }
    out.enums = schema
        .enums
        .iter()
        .filter(|e| enums.contains(&e.name))
        .cloned()
        .collect();
    out.namespaces = schema.namespaces.clone();
    out.normalize();
    out
}

/// `schema` with every view query as PostgreSQL prints it, found by
/// creating the schema in `scratch`, which must be an empty database that
/// is thrown away afterwards (a shadow database). A schema without views
/// is returned as it is, and `scratch` is not used.
pub fn canonical_views(
    schema: &Schema,
    scratch: &mut postgres::Client,
) -> Result<Schema, IntrospectError> {
    if schema.views.is_empty() {
        return Ok(schema.clone());
    }
    let statements = shale_sql::Postgres.create_all(&what_views_need(schema));
    let mut tx = scratch
        .transaction()
        .map_err(|source| IntrospectError::Query {
            what: "scratch database",
            source,
        })?;
    for s in &statements {
        tx.batch_execute(&s.sql)
            .map_err(|source| IntrospectError::Canonical {
                statement: s.sql.clone(),
                message: source
                    .as_db_error()
                    .map(|d| d.message().to_string())
                    .unwrap_or_else(|| source.to_string()),
            })?;
    }
    tx.commit().map_err(|source| IntrospectError::Query {
        what: "scratch database",
        source,
    })?;
    let options = IntrospectOptions {
        tracking_schema: None,
        ..IntrospectOptions::default()
    };
    let printed = introspect(scratch, &options)?;
    let mut out = schema.clone();
    for view in &mut out.views {
        if let Some(p) = printed.view(&view.name) {
            view.query = p.query.clone();
        }
    }
    Ok(out)
}
