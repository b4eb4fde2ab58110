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

use shale_model::Schema;

use crate::{introspect, IntrospectError, IntrospectOptions};

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
    let statements = shale_sql::Postgres.create_all(schema);
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
