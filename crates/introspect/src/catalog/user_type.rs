//! Domains and composite types: one query each, whatever their number
//! (a domain's checks and a composite type's attributes are aggregated in
//! it). Extension-owned types are left out (the census counts them).
//! Domain constraints that are `NOT VALID` are read (PostgreSQL enforces
//! them on new values) and reported by the census; a domain over a
//! composite type is not read (the census reports it).

use std::collections::HashSet;

use shale_model::{
    BaseType, ColumnType, CompositeAttribute, CompositeType, Domain, DomainCheck, QualifiedName,
    Schema,
};

use super::{not_extension_owned, tidy_expression, Session};
use crate::IntrospectError;

/// The type of a base type or attribute from its element type's `typtype`,
/// namespace, name, `format_type` spellings and dimensions, as columns are
/// read: an enum, a domain or composite type of the schema, else a
/// canonical built-in or extension type.
fn element_type(
    kind: &str,
    namespace: String,
    name: String,
    with_mod: &str,
    quoted: Option<String>,
    without_mod: Option<String>,
    dims: i32,
) -> ColumnType {
    let base = match kind {
        "e" => BaseType::Enum(QualifiedName::new(namespace, name)),
        "d" | "c" if namespace != "pg_catalog" => {
            BaseType::UserType(QualifiedName::new(namespace, name))
        }
        _ if namespace == "pg_catalog" => {
            BaseType::Named(shale_model::types::canonical_type(with_mod))
        }
        _ => {
            let modifier = without_mod
                .as_deref()
                .and_then(|w| with_mod.strip_prefix(w))
                .unwrap_or("");
            let spelled = format!("{}{modifier}", quoted.unwrap_or(name));
            BaseType::Named(shale_model::types::canonical_type(&spelled))
        }
    };
    ColumnType {
        base,
        array_dims: u8::try_from(dims.max(0)).unwrap_or(u8::MAX),
    }
}

/// The element-type columns shared by both queries: `$T` is the type's
/// OID, `$M` its typmod, `$D` its dimensions when it is an array.
const ELEMENT: &str = "et.typtype::text, etn.nspname::text, et.typname::text, \
     pg_catalog.format_type(et.oid, $M), \
     CASE WHEN etn.nspname <> 'pg_catalog' THEN \
         CASE WHEN etn.nspname = 'public' THEN '' ELSE quote_ident(etn.nspname) || '.' END \
         || quote_ident(et.typname) END, \
     CASE WHEN etn.nspname <> 'pg_catalog' THEN pg_catalog.format_type(et.oid, NULL) END, \
     CASE WHEN bt.typcategory = 'A' AND bt.typelem <> 0 THEN greatest($D, 1) ELSE 0 END";

fn element_join(ty: &str) -> String {
    format!(
        "JOIN pg_catalog.pg_type bt ON bt.oid = {ty} \
         JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN bt.typcategory = 'A' AND bt.typelem <> 0 \
                                                     THEN bt.typelem ELSE bt.oid END \
         JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace"
    )
}

/// Every domain of the namespaces read.
pub(crate) fn read_domains(
    s: &mut Session<'_>,
    namespaces: &[String],
) -> Result<Vec<Domain>, IntrospectError> {
    let element = ELEMENT
        .replace("$M", "t.typtypmod")
        .replace("$D", "t.typndims");
    let sql = format!(
        "SELECT n.nspname::text, t.typname::text, {element}, \
                t.typnotnull, pg_catalog.pg_get_expr(t.typdefaultbin, 0, true), \
                CASE WHEN t.typcollation <> bt.typcollation THEN coll.collname::text END, \
                d.description, \
                coalesce((SELECT array_agg(c.conname::text ORDER BY c.conname) \
                            FROM pg_catalog.pg_constraint c \
                           WHERE c.contypid = t.oid AND c.contype = 'c'), '{{}}'), \
                coalesce((SELECT array_agg(pg_catalog.pg_get_expr(c.conbin, 0, true) ORDER BY c.conname) \
                            FROM pg_catalog.pg_constraint c \
                           WHERE c.contypid = t.oid AND c.contype = 'c'), '{{}}'), \
                CASE WHEN bt.typtype = 'd' THEN pg_catalog.format_type(bt.typbasetype, NULL) END, \
                CASE WHEN bt.typtype = 'd' THEN pg_catalog.pg_get_expr(bt.typdefaultbin, 0, true) END \
         FROM pg_catalog.pg_type t \
         JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
         {} \
         LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = t.typcollation \
         LEFT JOIN pg_catalog.pg_description d \
                ON d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0 \
         WHERE t.typtype = 'd' AND bt.typtype <> 'c' AND n.nspname = ANY($1) AND {}",
        element_join("t.typbasetype"),
        not_extension_owned("pg_type", "t.oid")
    );
    let rows = s.query("domains", &sql, &[&namespaces])?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let name = QualifiedName::new(r.get::<_, String>(0), r.get::<_, String>(1));
        let with_mod: String = r.get(5);
        let base = element_type(
            &r.get::<_, String>(2),
            r.get(3),
            r.get(4),
            &with_mod,
            r.get(6),
            r.get(7),
            r.get(8),
        );
        let mut domain = Domain::new(name, base);
        domain.not_null = r.get(9);
        domain.default = r.get::<_, Option<String>>(10).map(|e| tidy_expression(&e));
        // A domain over a domain: PostgreSQL copies the base's default into
        // it when none is given, and prints `VALUE` cast to the base's own
        // base type in its checks. Both read back as written.
        let base_base: Option<String> = r.get(15);
        let base_default: Option<String> = r.get(16);
        if base_default.is_some() && base_default == r.get::<_, Option<String>>(10) {
            domain.default = None;
        }
        let uncast = |expr: String| match &base_base {
            Some(t) => expr.replace(&format!("VALUE::{t}"), "VALUE"),
            None => expr,
        };
        domain.collation = r.get(11);
        domain.comment = r.get(12);
        let names: Vec<String> = r.get(13);
        let exprs: Vec<Option<String>> = r.get(14);
        domain.checks = names
            .into_iter()
            .zip(exprs)
            .map(|(name, expr)| DomainCheck {
                name,
                expr: tidy_expression(&uncast(expr.unwrap_or_default())),
            })
            .collect();
        out.push(domain);
    }
    Ok(out)
}

/// Every standalone composite type (`CREATE TYPE … AS`, not a table's row
/// type) of the namespaces read, with its attributes in order.
pub(crate) fn read_composite_types(
    s: &mut Session<'_>,
    namespaces: &[String],
) -> Result<Vec<CompositeType>, IntrospectError> {
    let element = ELEMENT
        .replace("$M", "a.atttypmod")
        .replace("$D", "a.attndims");
    let sql = format!(
        "SELECT n.nspname::text, t.typname::text, d.description, a.attname::text, {element} \
         FROM pg_catalog.pg_type t \
         JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
         JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' \
         LEFT JOIN pg_catalog.pg_attribute a \
                ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped \
         {} \
         LEFT JOIN pg_catalog.pg_description d \
                ON d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0 \
         WHERE t.typtype = 'c' AND n.nspname = ANY($1) AND {} \
         ORDER BY n.nspname, t.typname, a.attnum",
        element_join("coalesce(a.atttypid, 'pg_catalog.int4'::regtype)")
            .replace("JOIN pg_catalog", "LEFT JOIN pg_catalog"),
        not_extension_owned("pg_type", "t.oid")
    );
    let rows = s.query("composite types", &sql, &[&namespaces])?;
    let mut out: Vec<CompositeType> = Vec::new();
    for r in rows {
        let name = QualifiedName::new(r.get::<_, String>(0), r.get::<_, String>(1));
        if out.last().is_none_or(|c| c.name != name) {
            out.push(CompositeType {
                name,
                attributes: Vec::new(),
                comment: r.get(2),
            });
        }
        let Some(attribute) = r.get::<_, Option<String>>(3) else {
            continue;
        };
        let with_mod: String = r.get(7);
        let ty = element_type(
            &r.get::<_, String>(4),
            r.get(5),
            r.get(6),
            &with_mod,
            r.get(8),
            r.get(9),
            r.get(10),
        );
        if let Some(c) = out.last_mut() {
            c.attributes.push(CompositeAttribute {
                name: attribute,
                ty,
            });
        }
    }
    Ok(out)
}

/// Column, base and attribute types that name a domain or composite type
/// the schema does not hold (an extension's, or one in a namespace not
/// read) go back to their spelled name, as any extension type.
pub(crate) fn demote_unknown(schema: &mut Schema) {
    let known: HashSet<QualifiedName> = schema
        .domains
        .iter()
        .map(|d| d.name.clone())
        .chain(schema.composite_types.iter().map(|c| c.name.clone()))
        .collect();
    let demote = |ty: &mut ColumnType| {
        if let BaseType::UserType(q) = &ty.base {
            if !known.contains(q) {
                let spelled = if q.is_public() {
                    quote(&q.name)
                } else {
                    format!("{}.{}", quote(&q.namespace), quote(&q.name))
                };
                ty.base = BaseType::Named(shale_model::types::canonical_type(&spelled));
            }
        }
    };
    for table in &mut schema.tables {
        for column in &mut table.columns {
            demote(&mut column.ty);
        }
    }
    for view in &mut schema.views {
        for column in &mut view.columns {
            demote(&mut column.ty);
        }
    }
    for domain in &mut schema.domains {
        demote(&mut domain.base);
    }
    for composite in &mut schema.composite_types {
        for attribute in &mut composite.attributes {
            demote(&mut attribute.ty);
        }
    }
}

/// An identifier as `quote_ident` spells it (for the rare type outside the
/// schema; keywords are not known here, so anything but plain lowercase is
/// quoted).
fn quote(name: &str) -> String {
    let plain = name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    if plain {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}
