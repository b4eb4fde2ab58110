//! The census: every object in the database that the model does not
//! represent, and every object left out on purpose, so that no command
//! ever says "in sync" about something it did not read.
//!
//! One query (a `UNION ALL` over the catalogs, constant whatever the number
//! of objects) lists, for each object of a kind shale does not model yet,
//! its kind, its namespace, a display name and the extension that owns it,
//! if any. Tables and enums (which shale models) are listed too, so that
//! those left out (an unmanaged schema, a name in the unmanaged list, an
//! extension's own table) are counted as well. The rows are then sorted in
//! memory into [`Census::unmodelled`] (reported as "not compared") and
//! [`Census::left_out`] (counted, with the reason).
//!
//! A kind leaves this list the day the model learns it.

use std::collections::BTreeMap;

use crate::{IntrospectError, IntrospectOptions};

/// An object of a kind the model does not represent.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct UnmodelledObject {
    /// The kind, singular (`view`, `trigger`, `row-level security`, …).
    pub kind: String,
    /// The object as a message names it: `name` in `public`, `ns.name`
    /// elsewhere, with the table for objects that belong to one
    /// (`audit on orders`).
    pub name: String,
}

/// Objects left out of the comparison on purpose, grouped by reason.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LeftOut {
    /// Why, e.g. `owned by extension postgis` or `schema auth is unmanaged`.
    pub reason: String,
    /// How many objects.
    pub count: usize,
}

/// What introspection did not compare, and why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Census {
    /// Objects of kinds shale does not model, in the namespaces read, sorted
    /// by kind then name.
    pub unmodelled: Vec<UnmodelledObject>,
    /// Objects left out on purpose, sorted by reason.
    pub left_out: Vec<LeftOut>,
}

impl Census {
    /// Whether every object read is modelled (nothing to report as "not compared").
    pub fn is_complete(&self) -> bool {
        self.unmodelled.is_empty()
    }

    /// The number of unmodelled objects of each kind, sorted by kind.
    pub fn counts(&self) -> Vec<(&str, usize)> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for o in &self.unmodelled {
            *counts.entry(o.kind.as_str()).or_default() += 1;
        }
        counts.into_iter().collect()
    }

    /// How many objects were left out on purpose, all reasons together.
    pub fn left_out_total(&self) -> usize {
        self.left_out.iter().map(|l| l.count).sum()
    }
}

/// Whether `pattern` (`name`, `ns.name`, either ending in `*` for a prefix)
/// names the object `namespace.name`. A pattern without a namespace means
/// `public`.
pub fn pattern_matches(pattern: &str, namespace: &str, name: &str) -> bool {
    let (ns_pattern, name_pattern) = match pattern.split_once('.') {
        Some((ns, n)) => (ns, n),
        None => (shale_model::DEFAULT_NAMESPACE, pattern),
    };
    glob(ns_pattern, namespace) && glob(name_pattern, name)
}

fn glob(pattern: &str, text: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => text.starts_with(prefix),
        None => pattern == text,
    }
}

/// Kinds the model represents: listed only so that the ones left out are counted.
const MODELLED_KINDS: &[&str] = &[
    "table",
    "enum",
    "sequence",
    "extension",
    "view",
    "materialized view",
    "function",
    "procedure",
    "trigger",
    "partition",
    "domain",
    "composite type",
];

/// `name` qualified the way messages print it: bare in `public`.
fn q(ns: &str, name: &str) -> String {
    format!("(CASE WHEN {ns} = 'public' THEN {name} ELSE {ns} || '.' || {name} END)")
}

/// The extension that owns object `oid` of catalog `class`, if any.
fn ext(class: &str, oid: &str) -> String {
    format!(
        "(SELECT e.extname::text FROM pg_catalog.pg_depend dep \
           JOIN pg_catalog.pg_extension e ON e.oid = dep.refobjid \
          WHERE dep.classid = 'pg_catalog.{class}'::regclass AND dep.objid = {oid} \
            AND dep.refclassid = 'pg_catalog.pg_extension'::regclass AND dep.deptype = 'e' LIMIT 1)"
    )
}

/// Namespaces PostgreSQL owns: `pg_*` (user schemas may not start with `pg_`)
/// and `information_schema`.
const USER_NAMESPACE: &str = "(n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%')";

/// The census query. Every branch yields `(kind, namespace, name, extension)`;
/// `namespace` is NULL for database-wide objects, which are always read.
fn census_sql(version: i32) -> String {
    let rel_name = q("r.ns", "r.name");
    let mut branches: Vec<String> = vec![
        // Relations: what shale models (tables), and every other kind.
        "SELECT CASE WHEN relkind IN ('r', 'p') THEN 'table' WHEN relkind = 'v' THEN 'view' \
                     WHEN relkind = 'm' THEN 'materialized view' ELSE 'foreign table' END, \
                ns, name, ext FROM rel \
          WHERE relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT relispartition"
            .into(),
        // Partitions of a partitioned table in its own schema are modelled
        // (with the parent); sub-partitioning, foreign partitions and
        // partitions elsewhere are not.
        format!(
            "SELECT CASE WHEN r.relkind = 'p' THEN 'sub-partitioned partition' \
                         WHEN r.relkind = 'f' THEN 'foreign partition' \
                         WHEN pc.relispartition THEN 'sub-partition' \
                         WHEN pc.relnamespace <> r.relnamespace THEN 'partition in another schema' \
                         ELSE 'partition' END, r.ns, {rel_name}, r.ext \
             FROM rel r JOIN pg_catalog.pg_inherits i ON i.inhrelid = r.oid \
             JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent \
             WHERE r.relkind IN ('r', 'p', 'f') AND r.relispartition"
        ),
        // What a partition holds of its own: PostgreSQL gives it the
        // parent's keys, checks, indexes and triggers, the model nothing else.
        format!(
            "SELECT 'constraint on a partition', r.ns, c.conname::text || ' on ' || {rel_name}, r.ext \
             FROM pg_catalog.pg_constraint c JOIN rel r ON r.oid = c.conrelid \
             WHERE r.relispartition AND r.relkind = 'r' AND c.conislocal AND c.conparentid = 0"
        ),
        format!(
            "SELECT 'index on a partition', r.ns, ic.relname::text || ' on ' || {rel_name}, r.ext \
             FROM pg_catalog.pg_index x JOIN rel r ON r.oid = x.indrelid \
             JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid \
             WHERE r.relispartition AND r.relkind = 'r' \
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i WHERE i.inhrelid = x.indexrelid) \
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conindid = x.indexrelid \
                                  AND c.conrelid = r.oid)"
        ),
        format!(
            "SELECT 'policy on a partition', r.ns, p.polname::text || ' on ' || {rel_name}, r.ext \
             FROM pg_catalog.pg_policy p JOIN rel r ON r.oid = p.polrelid WHERE r.relispartition"
        ),
        format!(
            "SELECT 'row-level security on a partition', r.ns, {rel_name}, r.ext \
             FROM rel r JOIN pg_catalog.pg_class c ON c.oid = r.oid \
             WHERE r.relispartition AND (c.relrowsecurity OR c.relforcerowsecurity)"
        ),
        format!(
            "SELECT 'comment on a partition', r.ns, {rel_name}, r.ext FROM rel r \
             WHERE r.relispartition AND r.relkind = 'r' \
               AND EXISTS (SELECT 1 FROM pg_catalog.pg_description d \
                           WHERE d.objoid = r.oid AND d.classoid = 'pg_catalog.pg_class'::regclass)"
        ),
        // Sequences are modelled (standalone, identity and serial ones):
        // listed so that those left out are counted.
        "SELECT 'sequence', ns, name, ext FROM rel WHERE relkind = 'S'".into(),
        "SELECT 'unlogged table', ns, name, ext FROM rel WHERE relkind IN ('r', 'p') AND relpersistence = 'u'".into(),
        "SELECT 'storage parameters', ns, name, ext FROM rel \
          WHERE relkind IN ('r', 'p', 'i', 'I') AND reloptions IS NOT NULL AND NOT relispartition"
            .into(),
        "SELECT 'tablespace', ns, name, ext FROM rel \
          WHERE relkind IN ('r', 'p', 'm', 'i', 'I') AND reltablespace <> 0 AND NOT relispartition"
            .into(),
        "SELECT 'replica identity', ns, name, ext FROM rel \
          WHERE relkind IN ('r', 'p') AND relreplident <> 'd' AND NOT relispartition"
            .into(),
        // Grants on tables, views, sequences, routines and schemas are
        // modelled (`catalog/grant.rs`, which reports those to roles shale
        // does not manage), and so are column privileges on tables (views'
        // are reported there); those on partitions and on an extension's
        // tables are counted here.
        format!(
            "SELECT 'column grant', r.ns, {rel_name} || '.' || a.attname::text, r.ext \
             FROM rel r JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid \
             WHERE r.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped \
               AND a.attacl IS NOT NULL AND (r.relispartition OR r.ext IS NOT NULL)"
        ),
        format!(
            "SELECT 'column collation', r.ns, {rel_name} || '.' || a.attname::text, r.ext \
             FROM rel r JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid \
             JOIN pg_catalog.pg_type t ON t.oid = a.atttypid \
             WHERE r.relkind IN ('r', 'p') AND NOT r.relispartition AND a.attnum > 0 AND NOT a.attisdropped \
               AND a.attcollation <> t.typcollation \
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_collation co \
                                WHERE co.oid = a.attcollation \
                                  AND co.collnamespace IN ('pg_catalog'::regnamespace, 'public'::regnamespace))"
        ),
        format!(
            "SELECT 'table inheritance', r.ns, {rel_name}, r.ext \
             FROM pg_catalog.pg_inherits i JOIN rel r ON r.oid = i.inhrelid \
             WHERE r.relkind IN ('r', 'p', 'f') AND NOT r.relispartition"
        ),
        format!(
            // Triggers of tables are modelled; constraint triggers and
            // triggers of views and foreign tables are not.
            "SELECT CASE WHEN t.tgconstraint <> 0 THEN 'constraint trigger' \
                         WHEN r.relispartition THEN 'trigger on a partition' \
                         WHEN r.relkind IN ('r', 'p') THEN 'trigger' \
                         ELSE 'trigger on a view or foreign table' END, \
                    r.ns, t.tgname::text || ' on ' || {rel_name}, r.ext \
             FROM pg_catalog.pg_trigger t JOIN rel r ON r.oid = t.tgrelid \
             WHERE NOT t.tgisinternal AND t.tgparentid = 0"
        ),
        format!(
            "SELECT 'rule', r.ns, w.rulename::text || ' on ' || {rel_name}, r.ext \
             FROM pg_catalog.pg_rewrite w JOIN rel r ON r.oid = w.ev_class \
             WHERE w.rulename <> '_RETURN'"
        ),
        // Constraint kinds the model does not carry (NOT VALID checks and
        // foreign keys and MATCH FULL are modelled; MATCH PARTIAL is not
        // implemented by PostgreSQL).
        format!(
            "SELECT 'exclusion constraint with INCLUDE or storage parameters', r.ns, \
                    c.conname::text || ' on ' || {rel_name}, r.ext \
             FROM pg_catalog.pg_constraint c JOIN rel r ON r.oid = c.conrelid \
             WHERE NOT r.relispartition AND c.conparentid = 0 AND c.contype = 'x' \
               AND pg_catalog.pg_get_constraintdef(c.oid) ~ '\\) (INCLUDE|WITH) \\('"
        ),
        // Comments on objects whose comments the model does not carry:
        // those on the index behind a key or exclusion constraint (the
        // constraint's own comment is modelled, as are other indexes').
        format!(
            // A probe of pg_description's index per index (`OFFSET 0` keeps
            // the planner from a nested-loop join over both: 36 million
            // comparisons, 3 s, with 12,000 indexes and 3,000 comments).
            "SELECT 'comment on the index of a constraint', r.ns, 'index ' || {rel_name}, r.ext \
             FROM rel r \
             WHERE r.relkind IN ('i', 'I') AND NOT r.relispartition \
               AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conindid = r.oid \
                             AND c.contype IN ('p', 'u', 'x')) \
               AND EXISTS (SELECT 1 FROM pg_catalog.pg_description d \
                           WHERE d.objoid = r.oid AND d.classoid = 'pg_catalog.pg_class'::regclass \
                             AND d.objsubid = 0 OFFSET 0)"
        ),
        // Routines (not those a type creates for itself, like a range
        // type's constructors, which depend on it internally).
        format!(
            // Functions and procedures in a procedural language with a
            // body as text are modelled; C and internal ones, SQL-standard
            // bodies (PostgreSQL 14+), aggregates and window functions not.
            "SELECT CASE WHEN p.prokind IN ('f', 'p') AND l.lanname IN ('c', 'internal') \
                              THEN 'routine in language ' || l.lanname::text \
                         WHEN p.prokind IN ('f', 'p') AND {sqlbody} THEN 'routine with an SQL-standard body' \
                         WHEN p.prokind = 'f' THEN 'function' WHEN p.prokind = 'p' THEN 'procedure' \
                         WHEN p.prokind = 'a' THEN 'aggregate' ELSE 'window function' END, \
                    n.nspname::text, \
                    {} || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', {} \
             FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace \
             JOIN pg_catalog.pg_language l ON l.oid = p.prolang \
             WHERE {USER_NAMESPACE} \
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d \
                                WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid \
                                  AND d.deptype = 'i')",
            q("n.nspname::text", "p.proname::text"),
            ext("pg_proc", "p.oid"),
            sqlbody = if version >= 140000 {
                "p.prosqlbody IS NOT NULL"
            } else {
                "false"
            }
        ),
        // What the model of a routine or trigger does not carry: options
        // besides `search_path`, a cost or row estimate of its own, a
        // trigger that is disabled or fires only on replicas.
        format!(
            "SELECT 'routine option', n.nspname::text, \
                    {} || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', {} \
             FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace \
             JOIN pg_catalog.pg_language l ON l.oid = p.prolang \
             WHERE {USER_NAMESPACE} AND p.prokind IN ('f', 'p') AND l.lanname NOT IN ('c', 'internal') \
               AND (p.procost <> 100 OR (p.proretset AND p.prorows <> 1000) \
                    OR EXISTS (SELECT 1 FROM pg_catalog.pg_options_to_table(p.proconfig) o \
                                WHERE o.option_name <> 'search_path'))",
            q("n.nspname::text", "p.proname::text"),
            ext("pg_proc", "p.oid")
        ),
        format!(
            "SELECT 'disabled trigger', r.ns, t.tgname::text || ' on ' || {rel_name}, r.ext \
             FROM pg_catalog.pg_trigger t JOIN rel r ON r.oid = t.tgrelid \
             WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND t.tgenabled <> 'O'"
        ),
        // What the model of a domain does not carry: constraints that are
        // NOT VALID; a domain over a composite type is not modelled at all.
        format!(
            "SELECT 'NOT VALID domain constraint', n.nspname::text, \
                    c.conname::text || ' on ' || {}, {} \
             FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_type t ON t.oid = c.contypid \
             JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
             WHERE {USER_NAMESPACE} AND NOT c.convalidated",
            q("n.nspname::text", "t.typname::text"),
            ext("pg_type", "t.oid")
        ),
        // Comments the model of a domain or composite type does not carry:
        // on a domain's constraint, on a composite type's attribute.
        format!(
            "SELECT 'comment on a domain constraint', n.nspname::text, \
                    c.conname::text || ' on ' || {}, {} \
             FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_type t ON t.oid = c.contypid \
             JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
             JOIN pg_catalog.pg_description d \
               ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_constraint'::regclass \
             WHERE {USER_NAMESPACE}",
            q("n.nspname::text", "t.typname::text"),
            ext("pg_type", "t.oid")
        ),
        format!(
            "SELECT 'comment on a composite type attribute', n.nspname::text, \
                    {} || '.' || a.attname::text, {} \
             FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
             JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' \
             JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 \
             JOIN pg_catalog.pg_description d \
               ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass \
                  AND d.objsubid = a.attnum \
             WHERE {USER_NAMESPACE}",
            q("n.nspname::text", "t.typname::text"),
            ext("pg_type", "t.oid")
        ),
        // Types other than enums and the row types of relations.
        format!(
            "SELECT CASE WHEN t.typtype = 'd' AND bt.typtype = 'c' THEN 'domain over a composite type' \
                         ELSE CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' WHEN 'c' THEN 'composite type' \
                                   WHEN 'r' THEN 'range type' ELSE 'base type' END END, \
                    n.nspname::text, {}, {} \
             FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
             LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid \
             LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype \
             WHERE {USER_NAMESPACE} \
               AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND c.relkind = 'c') \
                    OR (t.typtype = 'b' AND t.typcategory <> 'A'))",
            q("n.nspname::text", "t.typname::text"),
            ext("pg_type", "t.oid")
        ),
        // Extensions (modelled; plpgsql is in every database): listed so
        // that those in an unmanaged schema are counted.
        "SELECT 'extension', CASE WHEN n.nspname = 'pg_catalog' THEN NULL ELSE n.nspname::text END, \
                e.extname::text, NULL::text \
         FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace \
         WHERE e.extname <> 'plpgsql'"
            .into(),
    ];
    // Other namespaced objects, one branch per catalog.
    for (kind, catalog, name_col, ns_col) in [
        ("collation", "pg_collation", "collname", "collnamespace"),
        ("operator", "pg_operator", "oprname", "oprnamespace"),
        ("operator class", "pg_opclass", "opcname", "opcnamespace"),
        ("operator family", "pg_opfamily", "opfname", "opfnamespace"),
        (
            "text search configuration",
            "pg_ts_config",
            "cfgname",
            "cfgnamespace",
        ),
        (
            "text search dictionary",
            "pg_ts_dict",
            "dictname",
            "dictnamespace",
        ),
        (
            "text search parser",
            "pg_ts_parser",
            "prsname",
            "prsnamespace",
        ),
        (
            "text search template",
            "pg_ts_template",
            "tmplname",
            "tmplnamespace",
        ),
        ("conversion", "pg_conversion", "conname", "connamespace"),
        (
            "extended statistics",
            "pg_statistic_ext",
            "stxname",
            "stxnamespace",
        ),
    ] {
        branches.push(format!(
            "SELECT '{kind}', n.nspname::text, {}, {} \
             FROM pg_catalog.{catalog} o JOIN pg_catalog.pg_namespace n ON n.oid = o.{ns_col} \
             WHERE {USER_NAMESPACE}",
            q("n.nspname::text", &format!("o.{name_col}::text")),
            ext(catalog, "o.oid")
        ));
    }
    // Database-wide objects created by users (oids from FirstNormalObjectId),
    // not those made for another object (a range type's multirange cast).
    for (kind, catalog, name) in [
        ("event trigger", "pg_event_trigger", "o.evtname::text"),
        ("publication", "pg_publication", "o.pubname::text"),
        (
            "foreign-data wrapper",
            "pg_foreign_data_wrapper",
            "o.fdwname::text",
        ),
        ("foreign server", "pg_foreign_server", "o.srvname::text"),
        ("language", "pg_language", "o.lanname::text"),
        (
            "cast",
            "pg_cast",
            "format_type(o.castsource, NULL) || ' as ' || format_type(o.casttarget, NULL)",
        ),
        (
            "default privileges",
            "pg_default_acl",
            "pg_get_userbyid(o.defaclrole)::text",
        ),
    ] {
        branches.push(format!(
            "SELECT '{kind}', NULL::text, {name}, {} FROM pg_catalog.{catalog} o WHERE o.oid >= 16384 \
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d \
                                WHERE d.classid = 'pg_catalog.{catalog}'::regclass AND d.objid = o.oid \
                                  AND d.deptype = 'i')",
            ext(catalog, "o.oid")
        ));
    }
    if version >= 140000 {
        branches.push(format!(
            "SELECT 'column compression', r.ns, {rel_name} || '.' || a.attname::text, r.ext \
             FROM rel r JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid \
             WHERE r.relkind IN ('r', 'p') AND NOT r.relispartition AND a.attnum > 0 \
               AND NOT a.attisdropped AND a.attcompression <> ''"
        ));
    }
    format!(
        "WITH rel AS ( \
             SELECT c.oid, c.relname::text AS name, n.nspname::text AS ns, c.relnamespace, c.relkind, c.relispartition, \
                    c.relpersistence, c.reloptions, c.reltablespace, c.relreplident, c.relacl, c.relowner, {} AS ext \
             FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
             WHERE {USER_NAMESPACE} \
         ) {}",
        ext("pg_class", "c.oid"),
        branches.join(" UNION ALL ")
    )
}

/// One census row: `(kind, namespace, name, owning extension)`.
type Row = (String, Option<String>, String, Option<String>);

/// Runs the census query in the introspection's transaction.
pub(crate) fn read(
    tx: &mut postgres::Transaction<'_>,
    version: i32,
) -> Result<Vec<Row>, IntrospectError> {
    let rows = tx
        .query(&census_sql(version), &[])
        .map_err(|source| IntrospectError::Query {
            what: "census",
            source,
        })?;
    Ok(rows
        .into_iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
        .collect())
}

/// Sorts the census rows into unmodelled objects and objects left out, by
/// the same rules introspection used to decide what to read.
pub(crate) fn classify(rows: Vec<Row>, options: &IntrospectOptions) -> Census {
    let mut unmodelled = Vec::new();
    let mut left_out: BTreeMap<String, usize> = BTreeMap::new();
    for (kind, namespace, name, extension) in rows {
        let reason = if let Some(extension) = extension {
            Some(format!("owned by extension {extension}"))
        } else if let Some(ns) = namespace
            .as_deref()
            .filter(|ns| !options.includes_namespace(ns))
        {
            Some(namespace_reason(ns, options))
        } else if namespace
            .as_deref()
            .and_then(|ns| bare_name(ns, &name))
            .is_some_and(|bare| options.is_unmanaged(namespace.as_deref().unwrap_or(""), bare))
        {
            Some("listed as unmanaged".to_string())
        } else {
            None
        };
        match reason {
            Some(reason) => *left_out.entry(reason).or_default() += 1,
            None if MODELLED_KINDS.contains(&kind.as_str()) => {}
            None => unmodelled.push(UnmodelledObject { kind, name }),
        }
    }
    unmodelled.sort();
    unmodelled.dedup();
    Census {
        unmodelled,
        left_out: left_out
            .into_iter()
            .map(|(reason, count)| LeftOut { reason, count })
            .collect(),
    }
}

fn namespace_reason(ns: &str, options: &IntrospectOptions) -> String {
    if options.exclude_namespaces.iter().any(|n| n == ns) {
        format!("schema {ns} is unmanaged")
    } else if options.tracking_schema.as_deref() == Some(ns)
        && options.include_namespaces.is_empty()
    {
        format!("schema {ns} holds the migrations tracking table")
    } else {
        format!("schema {ns} is not read")
    }
}

/// The object's own name, for matching the unmanaged list: the display name
/// without its namespace, for objects named by themselves (not `x on t`,
/// not `f(args)`, which match by their table or their routine name).
fn bare_name<'a>(ns: &str, display: &'a str) -> Option<&'a str> {
    let own = display.split(" on ").last().unwrap_or(display);
    let own = own.split('(').next().unwrap_or(own);
    let own = own.strip_prefix("index ").unwrap_or(own);
    if ns == shale_model::DEFAULT_NAMESPACE {
        Some(own)
    } else {
        own.strip_prefix(ns).and_then(|s| s.strip_prefix('.'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kind: &str, ns: Option<&str>, name: &str, ext: Option<&str>) -> Row {
        (
            kind.into(),
            ns.map(Into::into),
            name.into(),
            ext.map(Into::into),
        )
    }

    #[test]
    fn patterns() {
        assert!(pattern_matches("legacy", "public", "legacy"));
        assert!(!pattern_matches("legacy", "auth", "legacy"));
        assert!(pattern_matches("auth.*", "auth", "users"));
        assert!(pattern_matches("public.tmp_*", "public", "tmp_1"));
        assert!(!pattern_matches("public.tmp_*", "public", "tm"));
        assert!(pattern_matches("*.audit", "billing", "audit"));
    }

    #[test]
    fn rows_are_sorted_into_unmodelled_and_left_out() {
        let options = IntrospectOptions {
            exclude_namespaces: vec!["auth".into()],
            unmanaged_objects: vec!["legacy_*".into()],
            ..IntrospectOptions::default()
        };
        let census = classify(
            vec![
                row("view", Some("public"), "active_users", None),
                row("table", Some("public"), "users", None),
                row("table", Some("auth"), "auth.users", None),
                row("trigger", Some("auth"), "t on auth.users", None),
                row(
                    "function",
                    Some("public"),
                    "similarity(text, text)",
                    Some("pg_trgm"),
                ),
                row("view", Some("public"), "legacy_report", None),
                row("trigger", Some("public"), "audit on legacy_orders", None),
                row("trigger", Some("billing"), "audit on billing.orders", None),
                row(
                    "constraint trigger",
                    Some("billing"),
                    "balanced on billing.ledger",
                    None,
                ),
                row("extension", None, "pg_trgm", None),
                row(
                    "table",
                    Some("drizzle"),
                    "drizzle.__drizzle_migrations",
                    None,
                ),
            ],
            &options,
        );
        assert_eq!(
            census.unmodelled,
            vec![UnmodelledObject {
                kind: "constraint trigger".into(),
                name: "balanced on billing.ledger".into()
            },]
        );
        // Views and triggers are modelled: not reported, but still left out
        // (and counted) where they are unmanaged, like `legacy_report`.
        assert_eq!(census.counts(), vec![("constraint trigger", 1)]);
        assert_eq!(
            census.left_out,
            vec![
                LeftOut {
                    reason: "listed as unmanaged".into(),
                    count: 2
                },
                LeftOut {
                    reason: "owned by extension pg_trgm".into(),
                    count: 1
                },
                LeftOut {
                    reason: "schema auth is unmanaged".into(),
                    count: 2
                },
                LeftOut {
                    reason: "schema drizzle holds the migrations tracking table".into(),
                    count: 1
                },
            ]
        );
        assert_eq!(census.left_out_total(), 6);
        assert!(!census.is_complete());
    }
}
