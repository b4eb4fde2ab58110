//! Views and materialized views: one query for all of them (`pg_class`
//! `relkind` `v`/`m`, `pg_get_viewdef(oid, true)`, `reloptions`, comments).
//! Their columns and indexes come from the same column and index queries as
//! tables': a view is entered in the table map under its OID while those
//! run, and taken out again afterwards, so reading views adds exactly one
//! statement whatever their number.

use std::collections::HashMap;

use postgres::types::Oid;
use shale_model::{CheckOption, QualifiedName, Table, View, ViewColumn};

use super::{not_extension_owned, Session};
use crate::IntrospectError;

/// What the view query read, by OID, until the columns and indexes are in.
pub(super) struct ViewRows {
    views: HashMap<Oid, View>,
}

/// Reads every view of the namespaces; enters a placeholder table per view
/// in `tables` and its OID in `oids`, for the column and index queries.
pub(super) fn read_views(
    s: &mut Session<'_>,
    namespaces: &[String],
    tables: &mut HashMap<Oid, Table>,
    oids: &mut Vec<Oid>,
) -> Result<ViewRows, IntrospectError> {
    let sql = format!(
        "SELECT c.oid, n.nspname::text, c.relname::text, c.relkind::text, \
                pg_catalog.pg_get_viewdef(c.oid, true), \
                coalesce(c.reloptions::text[], '{{}}'), d.description \
         FROM pg_catalog.pg_class c \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         LEFT JOIN pg_catalog.pg_description d \
                ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0 \
         WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY($1) AND {}",
        not_extension_owned("pg_class", "c.oid")
    );
    let rows = s.query("views", &sql, &[&namespaces])?;
    let mut views = HashMap::with_capacity(rows.len());
    for r in rows {
        let oid: Oid = r.get(0);
        let name = QualifiedName::new(r.get::<_, String>(1), r.get::<_, String>(2));
        let kind: String = r.get(3);
        let query: Option<String> = r.get(4);
        let options: Vec<String> = r.get(5);
        let mut view = View::new(name.clone(), query.unwrap_or_default());
        view.materialized = kind == "m";
        view.comment = r.get(6);
        for option in &options {
            let (key, value) = option.split_once('=').unwrap_or((option.as_str(), "true"));
            let on = matches!(
                value.to_ascii_lowercase().as_str(),
                "true" | "on" | "yes" | "1"
            );
            match key {
                "check_option" => {
                    view.check_option = CheckOption::parse(value).unwrap_or(CheckOption::None)
                }
                "security_invoker" => view.security_invoker = on,
                "security_barrier" => view.security_barrier = on,
                // Storage parameters of materialized views (fillfactor, …)
                // are not modelled.
                _ => {}
            }
        }
        tables.insert(oid, Table::new(name));
        oids.push(oid);
        views.insert(oid, view);
    }
    Ok(ViewRows { views })
}

/// Takes the views' placeholders out of `tables`: their columns and indexes
/// become the views'.
pub(super) fn take_views(rows: ViewRows, tables: &mut HashMap<Oid, Table>) -> Vec<View> {
    let mut out = Vec::with_capacity(rows.views.len());
    for (oid, mut view) in rows.views {
        let Some(table) = tables.remove(&oid) else {
            continue;
        };
        view.columns = table
            .columns
            .into_iter()
            .map(|c| ViewColumn {
                name: c.name,
                ty: c.ty,
                comment: c.comment,
            })
            .collect();
        view.indexes = table.indexes;
        out.push(view);
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}
