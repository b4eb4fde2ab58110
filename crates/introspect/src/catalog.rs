//! The catalog queries and their assembly into the model: one query per
//! catalog, joined in memory by OID.

mod function;
mod grant;
mod partition;
mod user_type;
mod view;

use std::collections::HashMap;

use postgres::types::Oid;
use shale_model::{
    BaseType, CheckConstraint, Column, ColumnType, Deferrable, Enum, ForeignKey, ForeignKeyAction,
    Identity, Index, IndexKey, IndexTarget, NullsOrder, PrimaryKey, QualifiedName, Schema,
    SortOrder, Table, UniqueConstraint,
};

use crate::{sequences, IntrospectError, IntrospectOptions};

/// The oldest server version read (`server_version_num`).
pub const MIN_SERVER_VERSION: i32 = 130000;

/// The first version with `NULLS NOT DISTINCT` (`pg_index.indnullsnotdistinct`).
const NULLS_NOT_DISTINCT_VERSION: i32 = 150000;

/// Objects an extension created depend on it with `deptype = 'e'`; they belong
/// to the extension, not to the user's schema. `$CLASS` is the catalog.
const NOT_EXTENSION_OWNED: &str = "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep \
     WHERE dep.classid = '$CLASS'::regclass AND dep.objid = $OID AND dep.deptype = 'e')";

pub(crate) fn not_extension_owned(class: &str, oid: &str) -> String {
    NOT_EXTENSION_OWNED
        .replace("$CLASS", class)
        .replace("$OID", oid)
}

/// Counts the statements sent, so callers can check the count is constant.
pub(crate) struct Session<'a> {
    tx: postgres::Transaction<'a>,
    queries: usize,
}

impl Session<'_> {
    pub(crate) fn query(
        &mut self,
        what: &'static str,
        sql: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<Vec<postgres::Row>, IntrospectError> {
        self.queries += 1;
        self.tx
            .query(sql, params)
            .map_err(|source| IntrospectError::Query { what, source })
    }
}

/// Reads everything; returns the schema, the number of statements sent and
/// the server version.
pub(crate) fn read(
    client: &mut postgres::Client,
    options: &IntrospectOptions,
) -> Result<(Schema, crate::Census, usize, i32), IntrospectError> {
    let tx = client
        .build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .map_err(|source| IntrospectError::Query {
            what: "begin",
            source,
        })?;
    let mut s = Session { tx, queries: 1 };

    // The version decides which columns exist; pinning search_path (for this
    // transaction only) makes the deparsed expressions independent of the
    // caller's session: objects in `public` print unqualified, others qualified.
    // `set_config(…, true)` is SET LOCAL: undone at COMMIT. An empty
    // timeout keeps the session's own value. JIT is off: the census query's
    // cost estimate on a large catalog triggers a compilation that costs more
    // than the query (0.7 s of 1 s with 3,000 tables).
    let timeout = options
        .statement_timeout
        .map(|t| format!("{}ms", t.as_millis().max(1)))
        .unwrap_or_default();
    let row = s
        .query(
            "server version",
            "SELECT current_setting('server_version_num')::int4, \
             set_config('search_path', 'public', true), \
             set_config('jit', 'off', true), \
             CASE WHEN $1 <> '' THEN set_config('statement_timeout', $1, true) END, \
             CASE WHEN $1 <> '' THEN set_config('lock_timeout', $1, true) END",
            &[&timeout],
        )?
        .into_iter()
        .next()
        .ok_or_else(|| unexpected("server version", "no row"))?;
    let version: i32 = row.get(0);
    if version < MIN_SERVER_VERSION {
        return Err(IntrospectError::UnsupportedVersion { found: version });
    }

    let namespaces = read_namespaces(&mut s, options)?;
    let mut schema = Schema {
        namespaces: namespaces
            .iter()
            .filter(|n| n.as_str() != shale_model::DEFAULT_NAMESPACE)
            .cloned()
            .collect(),
        enums: read_enums(&mut s, &namespaces)?,
        ..Schema::default()
    };
    schema.extensions = sequences::read_extensions(&mut s, options)?;
    let mut sequences = sequences::read_sequences(&mut s, &namespaces)?;
    let (mut tables, mut oids) = read_tables(&mut s, &namespaces)?;
    let view_rows = view::read_views(&mut s, &namespaces, &mut tables, &mut oids)?;
    let names = read_columns(&mut s, &oids, &mut tables, &mut sequences)?;
    read_constraints(&mut s, &oids, version, &names, &mut tables)?;
    read_indexes(&mut s, &oids, version, &names, &mut tables)?;
    read_policies(&mut s, &oids, &mut tables)?;
    function::read_triggers(&mut s, &oids, &names, &mut tables)?;
    schema.functions = function::read_functions(&mut s, &namespaces, version)?;
    schema.domains = user_type::read_domains(&mut s, &namespaces)?;
    schema.composite_types = user_type::read_composite_types(&mut s, &namespaces)?;
    schema.views = view::take_views(view_rows, &mut tables);
    let grants = grant::read_grants(&mut s, &namespaces)?;
    s.queries += 1;
    let mut census = crate::census::classify(crate::census::read(&mut s.tx, version)?, options);
    schema.sequences = sequences.standalone(&tables, &names);

    s.queries += 1;
    let queries = s.queries;
    s.tx.commit().map_err(|source| IntrospectError::Query {
        what: "commit",
        source,
    })?;

    let mut order: Vec<(Oid, Table)> = tables.into_iter().collect();
    order.sort_by(|a, b| a.1.name.cmp(&b.1.name));
    schema.tables = order.into_iter().map(|(_, t)| t).collect();
    if !options.unmanaged_objects.is_empty() {
        schema
            .tables
            .retain(|t| !options.is_unmanaged(&t.name.namespace, &t.name.name));
        schema
            .enums
            .retain(|e| !options.is_unmanaged(&e.name.namespace, &e.name.name));
        schema
            .sequences
            .retain(|q| !options.is_unmanaged(&q.name.namespace, &q.name.name));
        schema.extensions.retain(|e| {
            !options.is_unmanaged(
                e.schema
                    .as_deref()
                    .unwrap_or(shale_model::DEFAULT_NAMESPACE),
                &e.name,
            )
        });
        schema
            .views
            .retain(|v| !options.is_unmanaged(&v.name.namespace, &v.name.name));
        schema
            .functions
            .retain(|f| !options.is_unmanaged(&f.name.namespace, &f.name.name));
        schema
            .domains
            .retain(|d| !options.is_unmanaged(&d.name.namespace, &d.name.name));
        schema
            .composite_types
            .retain(|c| !options.is_unmanaged(&c.name.namespace, &c.name.name));
    }
    user_type::demote_unknown(&mut schema);
    schema.normalize();
    census.unmodelled.extend(grants.apply(&mut schema, options));
    census.unmodelled.sort();
    Ok((schema, census, queries, version))
}

pub(crate) fn unexpected(object: impl Into<String>, detail: impl Into<String>) -> IntrospectError {
    IntrospectError::Unexpected {
        object: object.into(),
        detail: detail.into(),
    }
}

fn read_namespaces(
    s: &mut Session<'_>,
    options: &IntrospectOptions,
) -> Result<Vec<String>, IntrospectError> {
    let sql = format!(
        "SELECT n.nspname::text FROM pg_catalog.pg_namespace n WHERE {} ORDER BY 1",
        not_extension_owned("pg_namespace", "n.oid")
    );
    let rows = s.query("namespaces", &sql, &[])?;
    Ok(rows
        .iter()
        .map(|r| r.get::<_, String>(0))
        .filter(|n| options.includes_namespace(n))
        .collect())
}

fn read_enums(s: &mut Session<'_>, namespaces: &[String]) -> Result<Vec<Enum>, IntrospectError> {
    let sql = format!(
        "SELECT n.nspname::text, t.typname::text, \
                coalesce(array_agg(e.enumlabel::text ORDER BY e.enumsortorder) \
                         FILTER (WHERE e.enumlabel IS NOT NULL), '{{}}'), \
                d.description \
         FROM pg_catalog.pg_type t \
         JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
         LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid \
         LEFT JOIN pg_catalog.pg_description d \
                ON d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0 \
         WHERE t.typtype = 'e' AND n.nspname = ANY($1) AND {} \
         GROUP BY t.oid, n.nspname, t.typname, d.description",
        not_extension_owned("pg_type", "t.oid")
    );
    let rows = s.query("enums", &sql, &[&namespaces])?;
    Ok(rows
        .iter()
        .map(|r| Enum {
            name: QualifiedName::new(r.get::<_, String>(0), r.get::<_, String>(1)),
            values: r.get(2),
            comment: r.get(3),
        })
        .collect())
}

fn read_tables(
    s: &mut Session<'_>,
    namespaces: &[String],
) -> Result<(HashMap<Oid, Table>, Vec<Oid>), IntrospectError> {
    // Ordinary and partitioned tables; partitions are part of their parent.
    let sql = format!(
        "SELECT c.oid, n.nspname::text, c.relname::text, d.description, \
                c.relrowsecurity, c.relforcerowsecurity, {} \
         FROM pg_catalog.pg_class c \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         LEFT JOIN pg_catalog.pg_description d \
                ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0 \
         WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY($1) AND {}",
        partition::TABLE_COLUMNS,
        not_extension_owned("pg_class", "c.oid")
    );
    let rows = s.query("tables", &sql, &[&namespaces])?;
    let mut tables = HashMap::with_capacity(rows.len());
    let mut oids = Vec::with_capacity(rows.len());
    for r in rows {
        let oid: Oid = r.get(0);
        let mut table = Table::new(QualifiedName::new(
            r.get::<_, String>(1),
            r.get::<_, String>(2),
        ));
        table.comment = r.get(3);
        table.row_level_security = shale_model::RowLevelSecurity {
            enabled: r.get(4),
            forced: r.get(5),
        };
        partition::read_partitioning(&r, 6, &mut table)?;
        tables.insert(oid, table);
        oids.push(oid);
    }
    Ok((tables, oids))
}

/// Column names by table and attribute number, to resolve the `int2[]`
/// column lists of constraints and indexes without joining per row.
pub(crate) type AttNames = HashMap<(Oid, i16), String>;

fn read_columns(
    s: &mut Session<'_>,
    oids: &[Oid],
    tables: &mut HashMap<Oid, Table>,
    sequences: &mut sequences::Sequences,
) -> Result<AttNames, IntrospectError> {
    let mut names = AttNames::new();
    // The element type of an array column carries the typmod and decides
    // enum/domain/base; `attndims` is the declared number of dimensions
    // (PostgreSQL does not enforce it, but keeps what was written). Serial
    // and identity sequences were read before, by owning column.
    let sql = "SELECT a.attrelid, a.attname::text, a.attnotnull, a.attidentity::text, a.attgenerated::text, \
                a.attndims::int4, (t.typcategory = 'A' AND t.typelem <> 0) AS is_array, \
                et.typtype::text, etn.nspname::text, et.typname::text, \
                pg_catalog.format_type(et.oid, a.atttypmod), \
                CASE WHEN etn.nspname <> 'pg_catalog' THEN pg_catalog.format_type(et.oid, NULL) END, \
                pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true), \
                d.description, a.attnum, \
                CASE WHEN etn.nspname <> 'pg_catalog' THEN \
                    CASE WHEN etn.nspname = 'public' THEN '' ELSE quote_ident(etn.nspname) || '.' END \
                    || quote_ident(et.typname) END, \
                co.collname::text \
         FROM unnest($1::oid[]) AS sel(oid) \
         JOIN pg_catalog.pg_attribute a ON a.attrelid = sel.oid \
         JOIN pg_catalog.pg_type t ON t.oid = a.atttypid \
         LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation \
               AND a.attcollation <> t.typcollation \
               AND co.collnamespace IN ('pg_catalog'::regnamespace, 'public'::regnamespace) \
         JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 \
                                                     THEN t.typelem ELSE t.oid END \
         JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace \
         LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum \
         LEFT JOIN pg_catalog.pg_description d \
                ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum \
         WHERE a.attnum > 0 AND NOT a.attisdropped \
         ORDER BY a.attrelid, a.attnum";
    let rows = s.query("columns", sql, &[&oids])?;
    for r in rows {
        let oid: Oid = r.get(0);
        let Some(table) = tables.get_mut(&oid) else {
            continue;
        };
        let name: String = r.get(1);
        let not_null: bool = r.get(2);
        let identity: String = r.get(3);
        let generated: String = r.get(4);
        let ndims: i32 = r.get(5);
        let is_array: bool = r.get(6);
        let typtype: String = r.get(7);
        let type_ns: String = r.get(8);
        let type_name: String = r.get(9);
        let with_mod: String = r.get(10);
        let without_mod: Option<String> = r.get(11);
        let default: Option<String> = r.get(12);
        let comment: Option<String> = r.get(13);
        let attnum: i16 = r.get(14);
        names.insert((oid, attnum), name.clone());

        let base = if typtype == "e" {
            BaseType::Enum(QualifiedName::new(type_ns, type_name))
        } else if (typtype == "d" || typtype == "c") && type_ns != "pg_catalog" {
            // A domain or composite type; one the schema does not hold
            // goes back to its spelled name (`user_type::demote_unknown`).
            BaseType::UserType(QualifiedName::new(type_ns, type_name))
        } else if type_ns == "pg_catalog" {
            BaseType::Named(shale_model::types::canonical_type(&with_mod))
        } else {
            // Extension types and domains: their own name, qualified outside
            // `public`, plus whatever modifier PostgreSQL prints for them.
            let modifier = without_mod
                .as_deref()
                .and_then(|w| with_mod.strip_prefix(w))
                .unwrap_or("");
            // Quoted by the server's own `quote_ident`, which knows the keywords.
            let quoted: Option<String> = r.get(15);
            let spelled = format!("{}{modifier}", quoted.unwrap_or(type_name));
            BaseType::Named(shale_model::types::canonical_type(&spelled))
        };
        let array_dims = if is_array {
            u8::try_from(ndims.max(1)).unwrap_or(u8::MAX)
        } else {
            0
        };
        let mut column = Column::new(name, ColumnType { base, array_dims });
        column.nullable = !not_null;
        column.comment = comment;
        // A collation outside `pg_catalog` and `public` is left to the census.
        column.collation = r.get(16);
        column.identity = match identity.as_str() {
            "a" => Some(Identity::Always),
            "d" => Some(Identity::ByDefault),
            _ => None,
        };
        if column.identity.is_some() {
            // Normalised for the column's type with the table.
            column.identity_options = sequences.take_identity(oid, attnum).unwrap_or_default();
        }
        if generated == "s" {
            column.generated = default.map(|e| tidy_expression(&e));
        } else if let Some(serial) = sequences.take_serial(
            (oid, &table.name),
            attnum,
            &column.name,
            &column.ty,
            default.as_deref(),
        ) {
            column.ty = ColumnType::named(serial);
        } else {
            column.default = default.map(|e| tidy_expression(&e));
        }
        table.columns.push(column);
    }
    Ok(names)
}

/// The names of attribute numbers of a table read earlier.
fn resolve(
    names: &AttNames,
    table: Oid,
    attnums: &[i16],
    object: &str,
) -> Result<Vec<String>, IntrospectError> {
    attnums
        .iter()
        .map(|n| {
            names.get(&(table, *n)).cloned().ok_or_else(|| {
                unexpected(
                    object.to_string(),
                    format!("refers to unknown column number {n}"),
                )
            })
        })
        .collect()
}

/// `serial` and friends are an integer column whose default draws from a
/// sequence the column owns; anything else (a shared sequence, a sequence
/// owned elsewhere) stays an integer with a default.
pub(crate) fn serial_type(
    ty: &ColumnType,
    default: Option<&str>,
    owned_sequence: Option<&str>,
) -> Option<&'static str> {
    let (default, seq) = (default?, owned_sequence?);
    let expected = format!("nextval('{}'::regclass)", seq.replace('\'', "''"));
    if default != expected || ty.array_dims != 0 {
        return None;
    }
    match ty.base_name()? {
        "smallint" => Some("smallserial"),
        "integer" => Some("serial"),
        "bigint" => Some("bigserial"),
        _ => None,
    }
}

fn read_constraints(
    s: &mut Session<'_>,
    oids: &[Oid],
    version: i32,
    names: &AttNames,
    tables: &mut HashMap<Oid, Table>,
) -> Result<(), IntrospectError> {
    let nulls_not_distinct = if version >= NULLS_NOT_DISTINCT_VERSION {
        "coalesce((SELECT i.indnullsnotdistinct FROM pg_catalog.pg_index i WHERE i.indexrelid = c.conindid), false)"
    } else {
        "false"
    };
    // Local columns resolve in memory; referenced columns may belong to a
    // table outside the namespaces read, so foreign keys name them here.
    let sql = format!(
        "SELECT c.conrelid, c.conname::text, c.contype::text, c.conkey, \
                fn.nspname::text, f.relname::text, \
                CASE WHEN c.contype = 'f' THEN \
                    (SELECT array_agg(a.attname::text ORDER BY k.ord) \
                       FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord) \
                       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) \
                END, \
                c.confupdtype::text, c.confdeltype::text, c.condeferrable, c.condeferred, \
                CASE WHEN c.contype = 'c' THEN pg_catalog.pg_get_expr(c.conbin, c.conrelid, true) END, \
                {nulls_not_distinct}, c.connoinherit, c.convalidated, c.confmatchtype::text, \
                CASE WHEN c.contype = 'x' THEN pg_catalog.pg_get_constraintdef(c.oid) END, \
                (SELECT d.description FROM pg_catalog.pg_description d \
                  WHERE d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_constraint'::regclass \
                    AND d.objsubid = 0) \
         FROM unnest($1::oid[]) AS sel(oid) \
         JOIN pg_catalog.pg_constraint c ON c.conrelid = sel.oid \
         LEFT JOIN pg_catalog.pg_class f ON f.oid = c.confrelid \
         LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = f.relnamespace \
         WHERE c.contype IN ('p', 'u', 'c', 'f', 'x')"
    );
    let rows = s.query("constraints", &sql, &[&oids])?;
    for r in rows {
        let oid: Oid = r.get(0);
        let Some(table) = tables.get_mut(&oid) else {
            continue;
        };
        let name: String = r.get(1);
        let kind: String = r.get(2);
        let attnums: Vec<i16> = r.get::<_, Option<Vec<i16>>>(3).unwrap_or_default();
        // An exclusion constraint's expression elements are column 0.
        let columns = if kind == "x" {
            Vec::new()
        } else {
            resolve(names, oid, &attnums, &name)?
        };
        let comment: Option<String> = r.get(17);
        let deferrable = match (r.get::<_, bool>(9), r.get::<_, bool>(10)) {
            (false, _) => Deferrable::No,
            (true, false) => Deferrable::InitiallyImmediate,
            (true, true) => Deferrable::InitiallyDeferred,
        };
        match kind.as_str() {
            "p" => {
                table.primary_key = Some(PrimaryKey {
                    comment,
                    name,
                    columns,
                    deferrable,
                })
            }
            "u" => table.uniques.push(UniqueConstraint {
                comment,
                deferrable,
                name,
                columns,
                nulls_not_distinct: r.get(12),
            }),
            "c" => {
                let expr: Option<String> = r.get(11);
                let expr =
                    expr.ok_or_else(|| unexpected(format!("check {name}"), "no expression"))?;
                table.checks.push(CheckConstraint {
                    comment,
                    not_valid: !r.get::<_, bool>(14),
                    no_inherit: r.get(13),
                    name,
                    expr: tidy_expression(&expr),
                });
            }
            "x" => {
                // One with INCLUDE or storage parameters is the census's.
                let definition: Option<String> = r.get(16);
                if let Some(mut x) =
                    partition::exclusion(&name, definition.as_deref().unwrap_or(""), deferrable)?
                {
                    x.comment = comment;
                    table.exclusions.push(x);
                }
            }
            "f" => {
                let (Some(ns), Some(rel)) =
                    (r.get::<_, Option<String>>(4), r.get::<_, Option<String>>(5))
                else {
                    return Err(unexpected(
                        format!("foreign key {name}"),
                        "referenced table not found",
                    ));
                };
                table.foreign_keys.push(ForeignKey {
                    comment,
                    not_valid: !r.get::<_, bool>(14),
                    match_full: r.get::<_, String>(15) == "f",
                    columns,
                    referenced_table: QualifiedName::new(ns, rel),
                    referenced_columns: r.get::<_, Option<Vec<String>>>(6).unwrap_or_default(),
                    on_update: fk_action(&r.get::<_, String>(7), &name)?,
                    on_delete: fk_action(&r.get::<_, String>(8), &name)?,
                    deferrable,
                    name,
                });
            }
            _ => {}
        }
    }
    Ok(())
}

/// Row-level-security policies, one query for every table.
fn read_policies(
    s: &mut Session<'_>,
    oids: &[Oid],
    tables: &mut HashMap<Oid, Table>,
) -> Result<(), IntrospectError> {
    // Role 0 is PUBLIC; `polcmd` is '*' for ALL.
    let sql = "SELECT p.polrelid, p.polname::text, p.polcmd::text, p.polpermissive, \
                      ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r)::text END \
                              FROM unnest(p.polroles) AS r), \
                      pg_catalog.pg_get_expr(p.polqual, p.polrelid, true), \
                      pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid, true), \
                      (SELECT d.description FROM pg_catalog.pg_description d \
                        WHERE d.objoid = p.oid AND d.classoid = 'pg_catalog.pg_policy'::regclass \
                          AND d.objsubid = 0) \
               FROM unnest($1::oid[]) AS sel(oid) \
               JOIN pg_catalog.pg_policy p ON p.polrelid = sel.oid";
    let rows = s.query("policies", sql, &[&oids])?;
    for r in rows {
        let oid: Oid = r.get(0);
        let Some(table) = tables.get_mut(&oid) else {
            continue;
        };
        let name: String = r.get(1);
        let command = match r.get::<_, String>(2).as_str() {
            "*" => shale_model::PolicyCommand::All,
            "r" => shale_model::PolicyCommand::Select,
            "a" => shale_model::PolicyCommand::Insert,
            "w" => shale_model::PolicyCommand::Update,
            "d" => shale_model::PolicyCommand::Delete,
            other => {
                return Err(unexpected(
                    format!("policy {name}"),
                    format!("unknown command code {other:?}"),
                ))
            }
        };
        let mut policy = shale_model::Policy::new(name);
        policy.command = command;
        policy.permissive = r.get(3);
        policy.roles = r.get(4);
        policy.using = r.get::<_, Option<String>>(5).map(|e| tidy_expression(&e));
        policy.with_check = r.get::<_, Option<String>>(6).map(|e| tidy_expression(&e));
        policy.comment = r.get(7);
        policy.normalize();
        table.policies.push(policy);
    }
    Ok(())
}

fn fk_action(code: &str, constraint: &str) -> Result<ForeignKeyAction, IntrospectError> {
    Ok(match code {
        "a" => ForeignKeyAction::NoAction,
        "r" => ForeignKeyAction::Restrict,
        "c" => ForeignKeyAction::Cascade,
        "n" => ForeignKeyAction::SetNull,
        "d" => ForeignKeyAction::SetDefault,
        other => {
            return Err(unexpected(
                format!("foreign key {constraint}"),
                format!("unknown action code {other:?}"),
            ))
        }
    })
}

/// `pg_index.indoption` bits (`src/include/catalog/pg_index.h`).
const INDOPTION_DESC: i16 = 1;
const INDOPTION_NULLS_FIRST: i16 = 2;

fn read_indexes(
    s: &mut Session<'_>,
    oids: &[Oid],
    version: i32,
    names: &AttNames,
    tables: &mut HashMap<Oid, Table>,
) -> Result<(), IntrospectError> {
    let nulls_not_distinct = if version >= NULLS_NOT_DISTINCT_VERSION {
        "i.indnullsnotdistinct"
    } else {
        "false"
    };
    // Indexes that back a primary key, unique or exclusion constraint are
    // part of that constraint. Per key: the attribute number (0 for an
    // expression; names resolve in memory), the deparsed expression, the
    // ordering bits, and the operator class when it is not the default one
    // (PostgreSQL's own `pg_get_indexdef` prints only non-default classes).
    let sql = format!(
        "SELECT i.indrelid, ic.relname::text, am.amname::text, i.indisunique, {nulls_not_distinct}, \
                i.indnkeyatts::int4, \
                pg_catalog.pg_get_expr(i.indpred, i.indrelid, true), \
                i.indkey::int2[], keys.defs, i.indoption::int2[], keys.opclasses, \
                (SELECT d.description FROM pg_catalog.pg_description d \
                  WHERE d.objoid = i.indexrelid AND d.classoid = 'pg_catalog.pg_class'::regclass \
                    AND d.objsubid = 0) \
         FROM unnest($1::oid[]) AS sel(oid) \
         JOIN pg_catalog.pg_index i ON i.indrelid = sel.oid \
         JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid \
         JOIN pg_catalog.pg_am am ON am.oid = ic.relam \
         CROSS JOIN LATERAL ( \
             SELECT array_agg(CASE WHEN i.indkey[k.n - 1] = 0 \
                                   THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.n, true) END \
                              ORDER BY k.n) AS defs, \
                    array_agg(CASE WHEN opc.opcdefault THEN NULL ELSE opc.opcname::text END ORDER BY k.n) \
                        AS opclasses \
             FROM generate_series(1, i.indnatts::int4) AS k(n) \
             LEFT JOIN pg_catalog.pg_opclass opc \
                    ON k.n <= i.indnkeyatts AND opc.oid = i.indclass[k.n - 1] \
         ) AS keys \
         WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c \
                            WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid \
                              AND c.contype IN ('p', 'u', 'x'))"
    );
    let rows = s.query("indexes", &sql, &[&oids])?;
    for r in rows {
        let oid: Oid = r.get(0);
        let Some(table) = tables.get_mut(&oid) else {
            continue;
        };
        let name: String = r.get(1);
        let key_count = usize::try_from(r.get::<_, i32>(5)).unwrap_or(0);
        let attnums: Vec<i16> = r.get(7);
        let defs: Vec<Option<String>> = r.get(8);
        let options: Vec<i16> = r.get(9);
        let opclasses: Vec<Option<String>> = r.get(10);
        let mut keys = Vec::new();
        let mut include = Vec::new();
        for (n, attnum) in attnums.into_iter().enumerate() {
            let target = match attnum {
                0 => {
                    let def = defs.get(n).cloned().flatten().ok_or_else(|| {
                        unexpected(
                            format!("index {name}"),
                            format!("key {} has no definition", n + 1),
                        )
                    })?;
                    IndexTarget::Expression(tidy_expression(&def))
                }
                attnum => IndexTarget::Column(resolve(names, oid, &[attnum], &name)?.remove(0)),
            };
            if n >= key_count {
                match target {
                    IndexTarget::Column(c) => include.push(c),
                    IndexTarget::Expression(_) => {
                        return Err(unexpected(
                            format!("index {name}"),
                            "an INCLUDE entry is an expression",
                        ))
                    }
                }
                continue;
            }
            let bits = options.get(n).copied().unwrap_or(0);
            let order = if bits & INDOPTION_DESC != 0 {
                SortOrder::Desc
            } else {
                SortOrder::Asc
            };
            let nulls_first = bits & INDOPTION_NULLS_FIRST != 0;
            // The default is NULLS LAST for ASC and NULLS FIRST for DESC.
            let nulls = match (order, nulls_first) {
                (SortOrder::Asc, true) => Some(NullsOrder::First),
                (SortOrder::Desc, false) => Some(NullsOrder::Last),
                _ => None,
            };
            keys.push(IndexKey {
                target,
                order,
                nulls,
                opclass: opclasses.get(n).cloned().flatten(),
            });
        }
        table.indexes.push(Index {
            comment: r.get(11),
            name,
            method: r.get(2),
            unique: r.get(3),
            nulls_not_distinct: r.get(4),
            keys,
            include,
            predicate: r.get::<_, Option<String>>(6).map(|e| tidy_expression(&e)),
        });
    }
    Ok(())
}

/// The expression as stored in the model: PostgreSQL's own (pretty) spelling,
/// without the parentheses it wraps whole expressions in.
fn tidy_expression(expr: &str) -> String {
    let mut e = expr.trim();
    while let Some(inner) = strip_wrapping_parens(e) {
        e = inner.trim();
    }
    e.to_string()
}

/// `(…)` → `…` when the first parenthesis closes at the very end.
fn strip_wrapping_parens(e: &str) -> Option<&str> {
    let inner = e.strip_prefix('(')?.strip_suffix(')')?;
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for c in inner.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '\'' | '"' => quote = Some(c),
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth < 0 {
                        return None;
                    }
                }
                _ => {}
            },
        }
    }
    (depth == 0 && quote.is_none()).then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_parens_go_inner_ones_stay() {
        assert_eq!(tidy_expression("((age > 0))"), "age > 0");
        assert_eq!(
            tidy_expression("(a > 0) AND (b > 0)"),
            "(a > 0) AND (b > 0)"
        );
        assert_eq!(tidy_expression("(')' = x)"), "')' = x");
        assert_eq!(tidy_expression("lower(email)"), "lower(email)");
    }

    #[test]
    fn serial_needs_an_owned_sequence_in_the_default() {
        let int = ColumnType::named("integer");
        assert_eq!(
            serial_type(
                &int,
                Some("nextval('users_id_seq'::regclass)"),
                Some("users_id_seq")
            ),
            Some("serial")
        );
        assert_eq!(
            serial_type(
                &int,
                Some("nextval('other_seq'::regclass)"),
                Some("users_id_seq")
            ),
            None
        );
        assert_eq!(
            serial_type(&int, Some("nextval('users_id_seq'::regclass)"), None),
            None
        );
        let text = ColumnType::named("text");
        assert_eq!(
            serial_type(&text, Some("nextval('s'::regclass)"), Some("s")),
            None
        );
        assert_eq!(
            serial_type(
                &ColumnType::named("int8"),
                Some("nextval('a.\"B\"'::regclass)"),
                Some("a.\"B\"")
            ),
            Some("bigserial")
        );
    }
}
