//! Privileges: one query over the access lists of tables, views,
//! sequences, routines and schemas (`aclexplode`), less PostgreSQL's
//! defaults for each object (`acldefault`: the owner's own privileges, and
//! `EXECUTE` to `PUBLIC` on routines), so the owner's implicit privileges
//! never count as grants. Grants to the roles shale manages
//! ([`IntrospectOptions::managed_roles`]) go into the model; the others,
//! and defaults that were revoked, are reported in the census with the
//! object they are on. Also the comments of schemas.

use std::collections::BTreeMap;

use shale_model::function::routine_type;
use shale_model::grant::role_matches;
use shale_model::{Grant, Namespace, Privilege, QualifiedName, Schema};

use super::{not_extension_owned, Session};
use crate::census::UnmodelledObject;
use crate::{IntrospectError, IntrospectOptions};

/// What the query returns per object, privilege and grantee.
struct Row {
    /// `table`, `sequence`, `function`, `schema`.
    kind: String,
    namespace: String,
    name: String,
    /// The identity argument types of a routine.
    args: Vec<String>,
    role: String,
    privilege: String,
    grant_option: bool,
    /// The entry is in the access list but not in the defaults (a grant);
    /// otherwise a default the access list lacks (a revoked default).
    granted: bool,
}

/// The grants of every object, and the comments of schemas.
pub(super) struct Grants {
    rows: Vec<Row>,
    comments: Vec<(String, String)>,
}

pub(super) fn read_grants(
    s: &mut Session<'_>,
    namespaces: &[String],
) -> Result<Grants, IntrospectError> {
    let sql = format!(
        "WITH obj AS ( \
             SELECT CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END AS kind, \
                    n.nspname::text AS ns, c.relname::text AS name, ARRAY[]::text[] AS args, \
                    c.relowner AS owner, c.relacl AS acl, \
                    acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::\"char\", c.relowner) AS dflt \
             FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'S') \
               AND NOT c.relispartition AND c.relacl IS NOT NULL AND {rel} \
             UNION ALL \
             SELECT 'function', n.nspname::text, p.proname::text, \
                    ARRAY(SELECT pg_catalog.format_type(t.oid_, NULL) \
                            FROM unnest(CASE WHEN p.prokind = 'p' \
                                             THEN coalesce(p.proallargtypes, p.proargtypes::oid[]) \
                                             ELSE p.proargtypes::oid[] END) \
                                 WITH ORDINALITY AS t(oid_, ord) ORDER BY t.ord), \
                    p.proowner, p.proacl, acldefault('f', p.proowner) \
             FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace \
             WHERE n.nspname = ANY($1) AND p.prokind IN ('f', 'p') AND p.proacl IS NOT NULL AND {proc} \
             UNION ALL \
             SELECT CASE WHEN c.relkind IN ('r', 'p') THEN 'column' ELSE 'view column' END, \
                    n.nspname::text, c.relname::text, ARRAY[a.attname::text], \
                    c.relowner, a.attacl, NULL::aclitem[] \
             FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
             JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid \
             WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') \
               AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped \
               AND a.attacl IS NOT NULL AND {rel} \
             UNION ALL \
             SELECT 'schema', n.nspname::text, n.nspname::text, ARRAY[]::text[], \
                    n.nspowner, n.nspacl, acldefault('n', n.nspowner) \
             FROM pg_catalog.pg_namespace n \
             WHERE n.nspname = ANY($1) AND n.nspacl IS NOT NULL \
         ) \
         SELECT o.kind, o.ns, o.name, o.args, \
                CASE WHEN e.grantee = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(e.grantee)::text END, \
                e.privilege_type, e.is_grantable, e.granted \
         FROM obj o, LATERAL ( \
             SELECT a.grantee, a.privilege_type, a.is_grantable, true AS granted \
             FROM aclexplode(o.acl) a \
             WHERE a.grantee <> o.owner \
               AND NOT EXISTS (SELECT 1 FROM aclexplode(o.dflt) d \
                                WHERE d.grantee = a.grantee AND d.privilege_type = a.privilege_type \
                                  AND d.is_grantable = a.is_grantable) \
             UNION ALL \
             SELECT d.grantee, d.privilege_type, d.is_grantable, false \
             FROM aclexplode(o.dflt) d \
             WHERE d.grantee <> o.owner \
               AND NOT EXISTS (SELECT 1 FROM aclexplode(o.acl) a \
                                WHERE a.grantee = d.grantee AND a.privilege_type = d.privilege_type) \
         ) e \
         UNION ALL \
         SELECT 'comment', n.nspname::text, d.description, ARRAY[]::text[], '', '', false, false \
         FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_description d \
           ON d.objoid = n.oid AND d.classoid = 'pg_catalog.pg_namespace'::regclass \
         WHERE n.nspname = ANY($1)",
        rel = not_extension_owned("pg_class", "c.oid"),
        proc = not_extension_owned("pg_proc", "p.oid"),
    );
    let rows = s.query("grants", &sql, &[&namespaces])?;
    let mut out = Grants {
        rows: Vec::with_capacity(rows.len()),
        comments: Vec::new(),
    };
    for r in rows {
        let kind: String = r.get(0);
        if kind == "comment" {
            out.comments.push((r.get(1), r.get(2)));
            continue;
        }
        // A routine's argument types, or a column's name.
        let args: Vec<String> = r.get(3);
        out.rows.push(Row {
            args: if kind == "function" {
                args.iter().map(|t| routine_type(t)).collect()
            } else {
                args
            },
            kind,
            namespace: r.get(1),
            name: r.get(2),
            role: r.get(4),
            privilege: r.get(5),
            grant_option: r.get(6),
            granted: r.get(7),
        });
    }
    Ok(out)
}

impl Grants {
    /// Puts the grants to managed roles and the schema comments into the
    /// schema (normalised, holding every object read; it is normalised
    /// again after); returns
    /// what the census reports: grants to other roles, revoked defaults,
    /// grants on objects the model does not hold as such (the sequence of
    /// a serial or identity column).
    pub(super) fn apply(
        self,
        schema: &mut Schema,
        options: &IntrospectOptions,
    ) -> Vec<UnmodelledObject> {
        let mut census = Vec::new();
        let mut namespaces: BTreeMap<String, Namespace> = BTreeMap::new();
        for (ns, comment) in self.comments {
            if ns == shale_model::DEFAULT_NAMESPACE
                && comment == shale_model::grant::PUBLIC_SCHEMA_COMMENT
            {
                continue;
            }
            namespaces
                .entry(ns.clone())
                .or_insert_with(|| Namespace::new(ns))
                .comment = Some(comment);
        }
        for row in self.rows {
            if row.kind != "schema" && options.is_unmanaged(&row.namespace, &row.name) {
                continue;
            }
            let qname = QualifiedName::new(row.namespace.clone(), row.name.clone());
            let display = match row.kind.as_str() {
                "function" => format!("{qname}({})", row.args.join(", ")),
                "column" | "view column" => format!("{qname}.{}", row.args.join("")),
                "schema" => format!("schema {}", row.name),
                _ => qname.to_string(),
            };
            // initdb grants USAGE (and before PostgreSQL 15 CREATE) on
            // `public` to PUBLIC: a default of every database.
            if row.kind == "schema"
                && row.name == shale_model::DEFAULT_NAMESPACE
                && row.role == shale_model::policy::PUBLIC_ROLE
                && row.granted
            {
                continue;
            }
            if !row.granted {
                census.push(UnmodelledObject {
                    kind: "revoked default privilege".into(),
                    name: format!("{} on {display} from {}", row.privilege, row.role),
                });
                continue;
            }
            // Column privileges on views and foreign tables are not
            // modelled, whoever they go to.
            if row.kind == "view column" {
                census.push(UnmodelledObject {
                    kind: "column grant".into(),
                    name: format!("{display} to {}", row.role),
                });
                continue;
            }
            if !role_matches(&options.managed_roles, &row.role) {
                census.push(UnmodelledObject {
                    kind: "unmanaged-role grant".into(),
                    name: format!("{display} to {}", row.role),
                });
                continue;
            }
            let Some(privilege) = Privilege::parse(&row.privilege) else {
                census.push(UnmodelledObject {
                    kind: "privilege".into(),
                    name: format!("{} on {display} to {}", row.privilege, row.role),
                });
                continue;
            };
            let grant = Grant {
                role: row.role.clone(),
                privilege,
                grant_option: row.grant_option,
            };
            let list = match row.kind.as_str() {
                "table" => match schema.tables.binary_search_by(|t| t.name.cmp(&qname)) {
                    Ok(i) => Some(&mut schema.tables[i].grants),
                    Err(_) => schema
                        .views
                        .binary_search_by(|v| v.name.cmp(&qname))
                        .ok()
                        .map(|i| &mut schema.views[i].grants),
                },
                "sequence" => schema
                    .sequences
                    .binary_search_by(|q| q.name.cmp(&qname))
                    .ok()
                    .map(|i| &mut schema.sequences[i].grants),
                "column" => schema
                    .tables
                    .binary_search_by(|t| t.name.cmp(&qname))
                    .ok()
                    .and_then(|i| {
                        let column = row.args.first()?;
                        schema.tables[i]
                            .columns
                            .iter_mut()
                            .find(|c| c.name == *column)
                    })
                    .map(|c| &mut c.grants),
                "function" => {
                    let start = schema.functions.partition_point(|f| f.name < qname);
                    schema.functions[start..]
                        .iter_mut()
                        .take_while(|f| f.name == qname)
                        .find(|f| f.identity_types() == row.args)
                        .map(|f| &mut f.grants)
                }
                _ => Some(
                    &mut namespaces
                        .entry(row.name.clone())
                        .or_insert_with(|| Namespace::new(row.name.clone()))
                        .grants,
                ),
            };
            match list {
                Some(list) => list.push(grant),
                None => census.push(UnmodelledObject {
                    kind: match row.kind.as_str() {
                        "sequence" => "column-sequence grant".into(),
                        "column" => "column grant".into(),
                        _ => "unmodelled-object grant".into(),
                    },
                    name: format!("{display} to {}", row.role),
                }),
            }
        }
        schema.namespace_settings = namespaces.into_values().collect();
        schema.normalize();
        census.sort();
        census.dedup();
        census
    }
}
