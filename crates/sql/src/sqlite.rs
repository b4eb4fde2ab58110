//! The SQLite renderer, and the canonical form of a schema on SQLite.
//!
//! # The canonical model
//! SQLite stores far less than PostgreSQL: a column has one of five type
//! affinities, there are no enum types, namespaces or comments. So that a
//! schema parsed from source, stored in a snapshot and read back from a live
//! SQLite file compare equal, every schema is first brought into a canonical
//! form by [`canonical_schema`] (the CLI does it right after parsing for
//! `dialect = "sqlite"`, and introspection builds the same form):
//!
//! | schema type | SQLite column type | stored as |
//! |---|---|---|
//! | `smallint`, `integer`, `bigint`, serial types | `INTEGER` | 64-bit integer |
//! | `boolean` | `INTEGER` | `0` / `1` (`true`/`false` literals work) |
//! | `real`, `double precision` | `REAL` | 8-byte float |
//! | `numeric`, `numeric(p,s)` | `NUMERIC` | integer or float, text if not numeric |
//! | `text`, `varchar(n)`, `char(n)`, `uuid`, `json`, `jsonb`, `date`, `time`, `timestamp`, `timestamptz`, `interval`, `inet`, … | `TEXT` | text (ISO-8601 for times, canonical text for uuids, JSON text) |
//! | `bytea` | `BLOB` | bytes |
//! | an enum | `TEXT` + `CHECK ("col" IN ('a', 'b'))` named `<table>_<col>_enum` | text |
//! | any other spelling | by SQLite's affinity rules (§3.1 of the datatype page) | |
//!
//! `varchar(n)` lengths are not enforced by SQLite and are not kept. The
//! default `now()` becomes `CURRENT_TIMESTAMP` (UTC `YYYY-MM-DD HH:MM:SS`
//! text); other PostgreSQL functions and `::` casts in defaults, checks and
//! generated expressions are kept verbatim and refused by SQLite when the
//! migration runs.
//! Comments are not stored by SQLite and are dropped. Arrays, namespaces,
//! index methods other than btree, `INCLUDE`, operator classes, `NULLS
//! FIRST/LAST` on index keys, `NULLS NOT DISTINCT` and `identity = "always"`
//! are refused with an [`SqliteError`] naming the table and column.
//!
//! `identity` (by default) and serial types are SQLite's `AUTOINCREMENT`,
//! which exists only on the table's single `INTEGER PRIMARY KEY` column (the
//! rowid): the canonical column is `integer` with `identity = by default`,
//! rendered `PRIMARY KEY ("id" AUTOINCREMENT)`. Such a
//! column never reuses the id of a deleted row. A plain integer primary key
//! without identity is still the rowid and is numbered automatically, but may
//! reuse the largest id after it was deleted.
//!
//! # Table redefinition
//! SQLite's `ALTER TABLE` can rename a table or column, add a column (nullable,
//! or NOT NULL with a constant default, without key constraints) and drop a
//! column no constraint or index uses. Everything else — a changed type,
//! nullability, default, identity or generated expression, a primary key,
//! unique, check or foreign key added, dropped or changed, an enum value added
//! or removed (it is a check) — rebuilds the table with the procedure of
//! <https://www.sqlite.org/lang_altertable.html> §7, inside the migration's
//! transaction:
//!
//! ```sql
//! PRAGMA defer_foreign_keys = ON;
//! CREATE TABLE "__new_t" (…the next definition…);
//! INSERT INTO "__new_t" ("a", "b") SELECT "a", CAST("old_b" AS INTEGER) FROM "t";
//! DROP TABLE "t";
//! ALTER TABLE "__new_t" RENAME TO "t";
//! CREATE INDEX …;                       -- every index of the next table
//! PRAGMA foreign_key_check("t");        -- and every table referencing "t"
//! ```
//!
//! Why this shape: `PRAGMA foreign_keys = OFF` (step 1 of SQLite's procedure)
//! is a no-op inside a transaction, and a migration must be one transaction.
//! shale's SQLite runner therefore opens its connection with foreign keys off
//! (SQLite's own default), which is exactly step 1 done outside the
//! transaction: `DROP TABLE` then neither checks nor cascades into the rows
//! that reference the table. `PRAGMA defer_foreign_keys = ON` makes the same
//! file safe to run on a connection that has foreign keys on with `NO ACTION`
//! keys (violations are checked at commit, when the rebuilt table is back).
//! Run such files with foreign keys off, as SQLite documents: with them on,
//! `DROP TABLE` fires `ON DELETE CASCADE` / `SET NULL` actions. Finally the
//! runner treats any row returned by a `PRAGMA foreign_key_check` statement
//! as a failure of the migration, which rolls the whole migration back. Rows
//! are copied with `INSERT … SELECT`, so a new NOT NULL or CHECK that existing
//! rows violate fails the statement and rolls back too: no row is ever lost
//! silently. A changed type copies through `CAST(… AS <affinity>)`. Triggers
//! and views are not modelled by shale; a rebuild drops triggers on the table
//! (SQLite drops them with it), which the hazard says.
//!
//! Hazards are reported like PostgreSQL's: a rebuild is a `TABLE_REWRITE`
//! that locks the database file, dropped tables and columns `DELETES_DATA`,
//! renames are `BACKWARD_INCOMPATIBLE`, new NOT NULL columns without a
//! default are `NOT_NULL_WITHOUT_DEFAULT`.

mod view;

use std::collections::{BTreeSet, HashMap};

use shale_differ::{MigrationPair, Plan, Step};
use shale_model::{
    naming, BaseType, CheckConstraint, Column, ColumnType, Deferrable, ForeignKey,
    ForeignKeyAction, Identity, Index, IndexKey, IndexTarget, QualifiedName, Schema, SortOrder,
    Table, DEFAULT_INDEX_METHOD,
};

use crate::{column_list, hazard, ident, literal, Hazard, HazardKind, SqlDialect, Statement};

/// SQLite.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sqlite;

/// Prefix of the table a rebuild creates before it takes the real name.
pub const REBUILD_PREFIX: &str = "__new_";

/// A schema or plan SQLite cannot express.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SqliteError {
    /// A construct that exists only in PostgreSQL.
    #[error("{what} on {object} is not supported by SQLite; {fix}")]
    Unsupported {
        /// The construct.
        what: String,
        /// Where it is (`table "users"`, `column "users"."tags"`).
        object: String,
        /// What to do instead.
        fix: String,
    },
    /// A plan step that names an object the schemas lack, or that a
    /// canonical SQLite schema never produces.
    #[error("cannot render {step} for SQLite: {detail}; render a plan diffed from canonical SQLite schemas (shale_sql::sqlite::canonical_schema)")]
    Plan {
        /// The step, abbreviated.
        step: String,
        /// What is wrong.
        detail: String,
    },
}

impl SqlDialect for Sqlite {
    /// Renders a plan diffed from two canonical SQLite schemas (see
    /// [`canonical_schema`]); a plan SQLite cannot express renders nothing,
    /// [`Sqlite::try_render`] says why.
    fn render(&self, plan: &Plan, schemas: MigrationPair<&Schema>) -> Vec<Statement> {
        self.try_render(plan, schemas).unwrap_or_default()
    }
}

impl Sqlite {
    /// Renders a plan, failing on a step SQLite cannot express or that does
    /// not fit the schemas.
    pub fn try_render(
        &self,
        plan: &Plan,
        schemas: MigrationPair<&Schema>,
    ) -> Result<Vec<Statement>, SqliteError> {
        Renderer::new(plan, schemas)?.render()
    }

    /// The statements that create the whole (canonical) schema in an empty
    /// database.
    pub fn create_all(&self, schema: &Schema) -> Result<Vec<Statement>, SqliteError> {
        let empty = Schema::default();
        let schemas = MigrationPair::new(&empty, schema);
        match shale_differ::diff(schemas, &shale_model::RenameHints::default()) {
            Ok(plan) => self.try_render(&plan, schemas),
            Err(e) => Err(SqliteError::Plan {
                step: "the initial plan".into(),
                detail: e.to_string(),
            }),
        }
    }
}

// ---------------------------------------------------------------------------
// The canonical model

/// The canonical SQLite type of a base type spelling: `integer`, `real`,
/// `text`, `blob` or `numeric` (lowercase, as the model stores it).
pub fn canonical_type_name(spelling: &str) -> &'static str {
    let canonical = shale_model::types::canonical_type(spelling);
    let base = canonical
        .split('(')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match base.as_str() {
        "smallint" | "integer" | "bigint" | "smallserial" | "serial" | "bigserial" | "boolean" => {
            "integer"
        }
        "real" | "double precision" => "real",
        "numeric" => "numeric",
        "bytea" | "blob" => "blob",
        "text" | "varchar" | "char" | "bpchar" | "citext" | "uuid" | "json" | "jsonb" | "date"
        | "time" | "timetz" | "timestamp" | "timestamptz" | "interval" | "inet" | "cidr"
        | "macaddr" | "macaddr8" | "xml" | "money" | "bit" | "varbit" => "text",
        // SQLite's own rules (https://www.sqlite.org/datatype3.html §3.1).
        other if other.contains("int") => "integer",
        other if other.contains("char") || other.contains("clob") || other.contains("text") => {
            "text"
        }
        "" => "blob",
        other if other.contains("blob") => "blob",
        other if other.contains("real") || other.contains("floa") || other.contains("doub") => {
            "real"
        }
        _ => "numeric",
    }
}

/// The name of the check an enum column becomes: `<table>_<column>_enum`.
pub fn enum_check_name(table: &str, column: &str) -> String {
    naming::make_object_name(table, Some(column), "enum")
}

/// `"col" IN ('a', 'b')`: the check an enum column becomes.
pub fn enum_check_expr(column: &str, values: &[String]) -> String {
    let values: Vec<String> = values.iter().map(|v| literal(v)).collect();
    format!("{} IN ({})", ident(column), values.join(", "))
}

fn unsupported(
    what: impl Into<String>,
    object: impl Into<String>,
    fix: impl Into<String>,
) -> SqliteError {
    SqliteError::Unsupported {
        what: what.into(),
        object: object.into(),
        fix: fix.into(),
    }
}

/// Brings a schema (as the parser or a PostgreSQL snapshot builds it) into
/// the canonical SQLite form described in the module docs, or says which
/// construct SQLite lacks. Idempotent.
pub fn canonical_schema(schema: &Schema) -> Result<Schema, SqliteError> {
    if let Some(ns) = schema.namespaces.first() {
        return Err(unsupported(
            format!("schema `{ns}`"),
            "the schema",
            "SQLite has one namespace; remove `schema = …`",
        ));
    }
    if let Some(s) = schema.sequences.first() {
        return Err(unsupported(
            "a sequence (`#[derive(Sequence)]`)",
            format!("sequence \"{}\"", s.name.name),
            "SQLite has no sequences; use `identity` on the INTEGER PRIMARY KEY (AUTOINCREMENT)",
        ));
    }
    if let Some(f) = schema.functions.first() {
        return Err(unsupported(
            "a function or procedure (`#[derive(Function)]`)",
            format!("{} \"{}\"", f.kind(), f.name.name),
            "SQLite has no stored functions; remove the `#[derive(Function)]` struct, or use PostgreSQL",
        ));
    }
    if let Some(e) = schema.extensions.first() {
        return Err(unsupported(
            "an extension (`#[derive(Extension)]`)",
            format!("extension \"{}\"", e.name),
            "SQLite has no extensions; remove the `#[derive(Extension)]` struct",
        ));
    }
    if let Some(d) = schema.domains.first() {
        return Err(unsupported(
            "a domain (`#[derive(Domain)]`)",
            format!("domain \"{}\"", d.name.name),
            "SQLite has no domains; use the base type on the columns, with `#[check(…)]` on their tables",
        ));
    }
    if let Some(c) = schema.composite_types.first() {
        return Err(unsupported(
            "a composite type (`#[derive(CompositeType)]`)",
            format!("type \"{}\"", c.name.name),
            "SQLite has no composite types; store the fields as columns, or as JSON text",
        ));
    }
    let mut out = Schema::default();
    for table in &schema.tables {
        out.tables.push(canonical_table(schema, table)?);
    }
    for v in &schema.views {
        out.views.push(view::canonical_view(v)?);
    }
    out.normalize();
    Ok(out)
}

fn canonical_table(schema: &Schema, table: &Table) -> Result<Table, SqliteError> {
    let tname = &table.name.name;
    let tlabel = format!("table \"{tname}\"");
    if !table.name.is_public() {
        return Err(unsupported(
            format!("schema `{}`", table.name.namespace),
            tlabel,
            "remove `schema = …` from #[table]",
        ));
    }
    if table.row_level_security != Default::default() || !table.policies.is_empty() {
        return Err(unsupported(
            "row-level security (`#[table(row_level_security)]`, `#[policy]`)",
            tlabel,
            "SQLite has no row-level security; remove them",
        ));
    }
    if !table.grants.is_empty() {
        return Err(unsupported(
            "a grant (`#[grant]`)",
            tlabel,
            "SQLite has no privileges; remove them, or use PostgreSQL",
        ));
    }
    if table.partition_by.is_some() || !table.partitions.is_empty() {
        return Err(unsupported(
            "partitioning (`#[table(partition_by)]`, `#[partition]`)",
            tlabel,
            "SQLite has no declarative partitioning; remove them, or use PostgreSQL",
        ));
    }
    if !table.exclusions.is_empty() {
        return Err(unsupported(
            "an exclusion constraint (`#[exclude]`)",
            tlabel,
            "SQLite has no exclusion constraints; remove them, or use PostgreSQL",
        ));
    }
    if !table.triggers.is_empty() {
        return Err(unsupported(
            "a trigger (`#[trigger]`)",
            tlabel,
            "shale's SQLite support has no triggers; remove them, or use PostgreSQL",
        ));
    }
    let mut t = Table::new(table.name.clone());
    // SQLite accepts a name on a primary key but keeps it nowhere that
    // matters: the canonical key always has PostgreSQL's default name, is
    // written unnamed, and renaming it (with its table) costs nothing.
    t.primary_key = table
        .primary_key
        .as_ref()
        .map(|pk| shale_model::PrimaryKey {
            comment: None,
            deferrable: Default::default(),
            name: naming::primary_key(tname),
            columns: pk.columns.clone(),
        });
    t.uniques = table.uniques.clone();
    t.checks = table.checks.clone();
    let single_pk: Option<&str> = match &table.primary_key {
        Some(pk) if pk.columns.len() == 1 => Some(pk.columns[0].as_str()),
        _ => None,
    };
    for c in &table.columns {
        let clabel = format!("column \"{tname}\".\"{}\"", c.name);
        if c.collation.is_some() {
            return Err(unsupported(
                "a column collation (`#[column(collate = …)]`)",
                clabel,
                "shale's SQLite support has no collations; remove `collate`, or use PostgreSQL",
            ));
        }
        if !c.grants.is_empty() {
            return Err(unsupported(
                "a column grant (`#[grant]` on a field)",
                clabel,
                "SQLite has no privileges; remove them, or use PostgreSQL",
            ));
        }
        if c.ty.array_dims > 0 {
            return Err(unsupported(
                "an array type",
                clabel,
                "store it as JSON text (`sql_type = \"text\"`) or in a child table",
            ));
        }
        let mut col = Column::new(c.name.clone(), ColumnType::named("integer"));
        col.nullable = c.nullable;
        col.default = c.default.clone();
        col.generated = c.generated.clone();
        let serial = c.ty.is_serial();
        match &c.ty.base {
            BaseType::Enum(e) => {
                let Some(en) = schema.enum_(e) else {
                    return Err(unsupported(
                        format!("unknown enum `{e}`"),
                        clabel,
                        "declare the enum in the schema",
                    ));
                };
                col.ty = ColumnType::named("text");
                t.checks.push(CheckConstraint {
                    comment: None,
                    not_valid: false,
                    no_inherit: false,
                    name: enum_check_name(tname, &c.name),
                    expr: enum_check_expr(&c.name, &en.values),
                });
                if let Some(d) = &c.default {
                    col.default = Some(strip_enum_cast(d));
                }
            }
            BaseType::Named(n) => col.ty = ColumnType::named(canonical_type_name(n)),
            BaseType::UserType(q) => {
                return Err(unsupported(
                    format!("a domain or composite type (`{q}`)"),
                    clabel,
                    "SQLite has neither; use a built-in type",
                ))
            }
        }
        // PostgreSQL's `now()` is SQLite's `CURRENT_TIMESTAMP` (UTC text).
        if col.default.as_deref().is_some_and(|d| {
            let d = d.trim().to_ascii_lowercase();
            d == "now()" || d == "current_timestamp" || d == "current_timestamp()"
        }) {
            col.default = Some("CURRENT_TIMESTAMP".into());
        }
        if c.identity == Some(Identity::Always) {
            return Err(unsupported(
                "`identity = \"always\"`",
                clabel,
                "use `identity` (by default), SQLite's AUTOINCREMENT",
            ));
        }
        if c.identity.is_some() && !c.identity_options.is_default() {
            return Err(unsupported(
                "identity sequence options (`identity_start`, `identity_increment`, …)",
                clabel,
                "SQLite's AUTOINCREMENT has no options; remove the `identity_*` keys",
            ));
        }
        if c.identity.is_some() || serial {
            if single_pk != Some(c.name.as_str()) || col.ty.base_name() != Some("integer") {
                return Err(unsupported(
                    "identity or serial on a column that is not the single integer primary key",
                    clabel,
                    "SQLite's AUTOINCREMENT exists only on an INTEGER PRIMARY KEY; make it the table's only primary key column or remove `identity`",
                ));
            }
            col.identity = Some(Identity::ByDefault);
            col.default = None;
        }
        if table
            .primary_key
            .as_ref()
            .is_some_and(|pk| pk.columns.contains(&c.name))
        {
            col.nullable = false;
        }
        t.columns.push(col);
    }
    for u in &t.uniques {
        if u.nulls_not_distinct {
            return Err(unsupported(
                "`nulls_not_distinct`",
                format!("unique \"{}\" of {tlabel}", u.name),
                "remove it",
            ));
        }
        if u.deferrable != Deferrable::No {
            return Err(unsupported(
                "`deferrable`",
                format!("unique \"{}\" of {tlabel}", u.name),
                "SQLite defers only foreign keys; remove it",
            ));
        }
    }
    if let Some(pk) = table
        .primary_key
        .as_ref()
        .filter(|pk| pk.deferrable != Deferrable::No)
    {
        return Err(unsupported(
            "`deferrable`",
            format!("primary key \"{}\" of {tlabel}", pk.name),
            "SQLite defers only foreign keys; remove it",
        ));
    }
    if let Some(c) = table.checks.iter().find(|c| c.no_inherit) {
        return Err(unsupported(
            "`no_inherit`",
            format!("check \"{}\" of {tlabel}", c.name),
            "SQLite has no table inheritance; remove it",
        ));
    }
    for fk in &table.foreign_keys {
        if !fk.referenced_table.is_public() {
            return Err(unsupported(
                format!("a reference to `{}`", fk.referenced_table),
                tlabel,
                "SQLite has one namespace",
            ));
        }
        t.foreign_keys.push(fk.clone());
    }
    for ix in &table.indexes {
        let ilabel = format!("index \"{}\" of {tlabel}", ix.name);
        if ix.method != DEFAULT_INDEX_METHOD {
            return Err(unsupported(
                format!("index method `{}`", ix.method),
                ilabel,
                "remove `method`",
            ));
        }
        if !ix.include.is_empty() {
            return Err(unsupported(
                "`include`",
                ilabel,
                "add the columns as keys instead",
            ));
        }
        if ix.nulls_not_distinct {
            return Err(unsupported("`nulls_not_distinct`", ilabel, "remove it"));
        }
        for k in &ix.keys {
            if k.opclass.is_some() {
                return Err(unsupported("an operator class", ilabel, "remove it"));
            }
            if k.nulls.is_some() {
                return Err(unsupported(
                    "NULLS FIRST/LAST on an index key",
                    ilabel,
                    "remove it",
                ));
            }
        }
        t.indexes.push(Index {
            comment: None,
            ..ix.clone()
        });
    }
    // SQLite stores no comments (the parser refuses `comment` for it).
    for u in &mut t.uniques {
        u.comment = None;
    }
    for c in &mut t.checks {
        c.comment = None;
    }
    for f in &mut t.foreign_keys {
        f.comment = None;
    }
    t.normalize();
    Ok(t)
}

/// `'a'::"public"."role"` / `'a'::role` → `'a'`.
fn strip_enum_cast(default: &str) -> String {
    let d = default.trim();
    if d.starts_with('\'') {
        if let Some(end) = closing_quote(d) {
            if d[end + 1..].trim_start().starts_with("::") {
                return d[..=end].to_string();
            }
        }
    }
    d.to_string()
}

/// The index of the quote closing the string literal `s` starts with.
fn closing_quote(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 1;
    while i < b.len() {
        if b[i] == b'\'' {
            if b.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return Some(i);
        }
        i += 1;
    }
    None
}

// ---------------------------------------------------------------------------
// Spelling

/// The SQLite spelling of a canonical column type: `INTEGER`, `TEXT`, …
pub fn render_type(ty: &ColumnType) -> String {
    match &ty.base {
        BaseType::Named(n) => canonical_type_name(n).to_ascii_uppercase(),
        BaseType::Enum(_) | BaseType::UserType(_) => "TEXT".into(),
    }
}

/// Whether a default can be written bare (`DEFAULT 'x'`, `DEFAULT 0`,
/// `DEFAULT CURRENT_TIMESTAMP`); anything else needs parentheses.
fn bare_default(d: &str) -> bool {
    let d = d.trim();
    if d.starts_with('\'') {
        return closing_quote(d) == Some(d.len() - 1);
    }
    let upper = d.to_ascii_uppercase();
    if matches!(
        upper.as_str(),
        "NULL" | "TRUE" | "FALSE" | "CURRENT_TIMESTAMP" | "CURRENT_DATE" | "CURRENT_TIME"
    ) {
        return true;
    }
    let num = d.strip_prefix(['-', '+']).unwrap_or(d);
    !num.is_empty()
        && num.parse::<f64>().is_ok()
        && num
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == 'e' || c == 'E')
}

/// Whether a default is a constant SQLite accepts in `ADD COLUMN`.
fn constant_default(d: &str) -> bool {
    bare_default(d) && !d.trim().to_ascii_uppercase().starts_with("CURRENT_")
}

fn default_sql(d: &str) -> String {
    if bare_default(d) {
        d.trim().to_string()
    } else {
        format!("({})", d.trim())
    }
}

/// `"id" INTEGER NOT NULL DEFAULT …` (without key constraints).
fn column_definition(c: &Column) -> String {
    let mut out = format!("{} {}", ident(&c.name), render_type(&c.ty));
    if !c.nullable {
        out.push_str(" NOT NULL");
    }
    if let Some(d) = &c.default {
        out.push_str(&format!(" DEFAULT {}", default_sql(d)));
    }
    if let Some(g) = &c.generated {
        out.push_str(&format!(" GENERATED ALWAYS AS ({g}) STORED"));
    }
    out
}

fn deferrable_sql(d: Deferrable) -> &'static str {
    match d {
        Deferrable::No => "",
        Deferrable::InitiallyImmediate => " DEFERRABLE INITIALLY IMMEDIATE",
        Deferrable::InitiallyDeferred => " DEFERRABLE INITIALLY DEFERRED",
    }
}

fn foreign_key_sql(fk: &ForeignKey) -> String {
    let mut out = format!(
        "CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {}({})",
        ident(&fk.name),
        column_list(&fk.columns),
        ident(&fk.referenced_table.name),
        column_list(&fk.referenced_columns)
    );
    if fk.on_delete != ForeignKeyAction::NoAction {
        out.push_str(&format!(" ON DELETE {}", fk.on_delete.as_sql()));
    }
    if fk.on_update != ForeignKeyAction::NoAction {
        out.push_str(&format!(" ON UPDATE {}", fk.on_update.as_sql()));
    }
    out.push_str(deferrable_sql(fk.deferrable));
    out
}

/// `CREATE TABLE "name" (…)` for a table, with every constraint inline
/// (SQLite cannot add them later).
pub fn create_table_sql(table: &Table, name: &str) -> String {
    let mut lines: Vec<String> = table.columns.iter().map(column_definition).collect();
    if let Some(pk) = &table.primary_key {
        let autoincrement = pk.columns.len() == 1
            && table
                .column(&pk.columns[0])
                .is_some_and(|c| c.identity.is_some());
        lines.push(format!(
            "PRIMARY KEY ({}{})",
            column_list(&pk.columns),
            if autoincrement { " AUTOINCREMENT" } else { "" }
        ));
    }
    for u in &table.uniques {
        lines.push(format!(
            "CONSTRAINT {} UNIQUE ({})",
            ident(&u.name),
            column_list(&u.columns)
        ));
    }
    for c in &table.checks {
        lines.push(format!("CONSTRAINT {} CHECK ({})", ident(&c.name), c.expr));
    }
    for fk in &table.foreign_keys {
        lines.push(foreign_key_sql(fk));
    }
    format!(
        "CREATE TABLE {} (\n\t{}\n);",
        ident(name),
        lines.join(",\n\t")
    )
}

fn index_key_sql(k: &IndexKey) -> String {
    let mut out = match &k.target {
        IndexTarget::Column(c) => ident(c),
        IndexTarget::Expression(e) => format!("({e})"),
    };
    if k.order == SortOrder::Desc {
        out.push_str(" DESC");
    }
    out
}

/// `CREATE [UNIQUE] INDEX "name" ON "table" (…) [WHERE …];`
pub fn create_index_sql(table: &str, ix: &Index) -> String {
    let keys: Vec<String> = ix.keys.iter().map(index_key_sql).collect();
    let mut out = format!(
        "CREATE {}INDEX {} ON {} ({})",
        if ix.unique { "UNIQUE " } else { "" },
        ident(&ix.name),
        ident(table),
        keys.join(", ")
    );
    if let Some(p) = &ix.predicate {
        out.push_str(&format!(" WHERE {p}"));
    }
    out.push(';');
    out
}

// ---------------------------------------------------------------------------
// Rendering

struct Renderer<'a> {
    plan: &'a Plan,
    schemas: MigrationPair<&'a Schema>,
    /// Next table name → previous table name.
    previous_name: HashMap<QualifiedName, QualifiedName>,
    /// Tables (next names) created by the plan.
    created: BTreeSet<QualifiedName>,
    /// Tables (next names) rebuilt, in name order.
    rebuilt: BTreeSet<QualifiedName>,
    /// Per next table: next column → previous column (renames).
    renamed_columns: HashMap<QualifiedName, HashMap<String, String>>,
    /// Per next table: columns added by the plan.
    added_columns: HashMap<QualifiedName, BTreeSet<String>>,
    out: Vec<Statement>,
    /// Tables whose foreign keys are checked at the end of the migration.
    fk_checks: BTreeSet<String>,
}

impl<'a> Renderer<'a> {
    fn new(plan: &'a Plan, schemas: MigrationPair<&'a Schema>) -> Result<Self, SqliteError> {
        let mut r = Renderer {
            plan,
            schemas,
            previous_name: HashMap::new(),
            created: BTreeSet::new(),
            rebuilt: BTreeSet::new(),
            renamed_columns: HashMap::new(),
            added_columns: HashMap::new(),
            out: Vec::new(),
            fk_checks: BTreeSet::new(),
        };
        for step in &plan.steps {
            match step {
                Step::RenameTable { names } => {
                    r.previous_name
                        .insert(names.next.clone(), names.previous.clone());
                }
                Step::CreateTable { table } => {
                    r.created.insert(table.clone());
                }
                Step::RenameColumn { table, names } => {
                    r.renamed_columns
                        .entry(table.clone())
                        .or_default()
                        .insert(names.next.clone(), names.previous.clone());
                }
                Step::AddColumn { table, column } => {
                    r.added_columns
                        .entry(table.clone())
                        .or_default()
                        .insert(column.clone());
                }
                _ => {}
            }
        }
        let next_of: HashMap<QualifiedName, QualifiedName> = r
            .previous_name
            .iter()
            .map(|(n, p)| (p.clone(), n.clone()))
            .collect();
        let to_next =
            |prev: &QualifiedName| next_of.get(prev).cloned().unwrap_or_else(|| prev.clone());
        let mut rebuilt = BTreeSet::new();
        for step in &plan.steps {
            let table = match step {
                Step::AlterColumn { table, .. } => Some(table.next.clone()),
                Step::DropForeignKey { table, .. } | Step::DropConstraint { table, .. } => {
                    Some(to_next(table))
                }
                // The primary key is unnamed in SQLite: renaming it is free.
                Step::RenameConstraint { table, names }
                    if schemas
                        .next
                        .table(table)
                        .and_then(|t| t.primary_key.as_ref())
                        .is_some_and(|pk| pk.name == names.next) =>
                {
                    None
                }
                Step::RenameConstraint { table, .. } | Step::AddConstraint { table, .. } => {
                    Some(table.clone())
                }
                Step::AddForeignKey { table, .. } => Some(table.clone()),
                Step::DropColumn { table, column, .. } => {
                    let prev = r.table(r.schemas.previous, table, step)?;
                    (!simple_drop(prev, column)).then(|| to_next(table))
                }
                Step::AddColumn { table, column } => {
                    let next = r.table(r.schemas.next, table, step)?;
                    (!simple_add(next, column)).then(|| table.clone())
                }
                _ => None,
            };
            if let Some(t) = table {
                // Steps on a table that is dropped or created by this plan
                // need no rebuild: it goes away, or is created whole.
                if r.schemas.next.table(&t).is_some() && !r.created.contains(&t) {
                    rebuilt.insert(t);
                }
            }
        }
        r.rebuilt = rebuilt;
        Ok(r)
    }

    fn table(
        &self,
        schema: &'a Schema,
        name: &QualifiedName,
        step: &Step,
    ) -> Result<&'a Table, SqliteError> {
        schema.table(name).ok_or_else(|| SqliteError::Plan {
            step: step_label(step),
            detail: format!("the schema has no table \"{name}\""),
        })
    }

    fn push(&mut self, sql: String, hazards: Vec<Hazard>) {
        self.out.push(Statement { sql, hazards });
    }

    /// Whether a step on a previous table name concerns a rebuilt table.
    fn rebuilt_previous(&self, prev: &QualifiedName) -> bool {
        let next = self
            .previous_name
            .iter()
            .find(|(_, p)| *p == prev)
            .map(|(n, _)| n.clone())
            .unwrap_or_else(|| prev.clone());
        self.rebuilt.contains(&next) && self.schemas.next.table(&next).is_some()
    }

    fn render(mut self) -> Result<Vec<Statement>, SqliteError> {
        let around = view::views_around_tables(self.plan, self.schemas);
        if around {
            self.drop_all_views();
        }
        let mut rebuilds_done = false;
        for step in &self.plan.steps {
            if view::is_view_step(step) {
                if !around {
                    self.render_view_step(step)?;
                }
                continue;
            }
            let late = matches!(
                step,
                Step::CreateTable { .. }
                    | Step::AddColumn { .. }
                    | Step::AddConstraint { .. }
                    | Step::CreateIndex { .. }
                    | Step::AddForeignKey { .. }
                    | Step::SetComment { .. }
                    | Step::DropEnum { .. }
                    | Step::DropSchema { .. }
            );
            if late && !rebuilds_done {
                self.rebuild_all()?;
                rebuilds_done = true;
            }
            self.render_step(step)?;
        }
        if !rebuilds_done {
            self.rebuild_all()?;
        }
        if around {
            self.create_all_views()?;
        }
        // Last, when every table, key and index of the next schema exists:
        // checked earlier, a foreign key whose target key is built by a later
        // step would be reported as a mismatch.
        for t in std::mem::take(&mut self.fk_checks) {
            self.push(format!("PRAGMA foreign_key_check({});", ident(&t)), vec![]);
        }
        Ok(self.out)
    }

    fn render_step(&mut self, step: &Step) -> Result<(), SqliteError> {
        let next = self.schemas.next;
        match step {
            Step::DropForeignKey { .. }
            | Step::DropConstraint { .. }
            | Step::AlterColumn { .. }
            | Step::AddConstraint { .. }
            | Step::RenameConstraint { .. }
            | Step::AddForeignKey { .. } => {
                // Part of a rebuild, of a CREATE TABLE, or of a dropped table.
            }
            Step::ValidateConstraint { .. } => {
                // SQLite has no NOT VALID constraints (the parser refuses
                // `not_valid`): there is never one to validate.
            }
            Step::DropIndex { name, .. } => {
                // Also on a table rebuilt later: dropped here, the name is
                // free for an index created or renamed before the rebuild.
                self.push(format!("DROP INDEX {};", ident(name)), vec![]);
            }
            Step::DropTable { table } => {
                self.push(
                    format!("DROP TABLE {};", ident(&table.name)),
                    vec![
                        hazard(
                            HazardKind::DeletesData,
                            format!("drops table \"{}\" and all its rows", table.name),
                        ),
                        hazard(
                            HazardKind::BackwardIncompatible,
                            format!("table \"{}\" disappears", table.name),
                        ),
                    ],
                );
            }
            Step::DropColumn { table, column, .. } => {
                // Drops run before renames: the table has its previous name.
                if !self.rebuilt_previous(table) {
                    self.push(
                        format!(
                            "ALTER TABLE {} DROP COLUMN {};",
                            ident(&table.name),
                            ident(column)
                        ),
                        vec![
                            hazard(
                                HazardKind::DeletesData,
                                format!("drops column \"{}\".\"{column}\"", table.name),
                            ),
                            hazard(
                                HazardKind::BackwardIncompatible,
                                format!("column \"{}\".\"{column}\" disappears", table.name),
                            ),
                        ],
                    );
                }
            }
            Step::RenameTable { names } => {
                self.push(
                    format!(
                        "ALTER TABLE {} RENAME TO {};",
                        ident(&names.previous.name),
                        ident(&names.next.name)
                    ),
                    vec![hazard(
                        HazardKind::BackwardIncompatible,
                        format!(
                            "renames table \"{}\" to \"{}\"",
                            names.previous.name, names.next.name
                        ),
                    )],
                );
            }
            Step::RenameColumn { table, names } => {
                if !self.rebuilt.contains(table) {
                    self.push(
                        format!(
                            "ALTER TABLE {} RENAME COLUMN {} TO {};",
                            ident(&table.name),
                            ident(&names.previous),
                            ident(&names.next)
                        ),
                        vec![hazard(
                            HazardKind::BackwardIncompatible,
                            format!(
                                "renames column \"{}\".\"{}\" to \"{}\"",
                                table.name, names.previous, names.next
                            ),
                        )],
                    );
                }
            }
            Step::RenameIndex { table, names } => {
                if !self.rebuilt.contains(table) {
                    let t = self.table(next, table, step)?;
                    let ix = t
                        .indexes
                        .iter()
                        .find(|i| i.name == names.next)
                        .ok_or_else(|| SqliteError::Plan {
                            step: step_label(step),
                            detail: format!(
                                "table \"{}\" has no index \"{}\"",
                                table.name, names.next
                            ),
                        })?;
                    // SQLite cannot rename an index: drop and build it again.
                    self.push(format!("DROP INDEX {};", ident(&names.previous)), vec![]);
                    let sql = create_index_sql(&table.name, ix);
                    self.push(
                        sql,
                        vec![hazard(
                            HazardKind::IndexBuild,
                            format!("builds index \"{}\"", ix.name),
                        )],
                    );
                }
            }
            Step::CreateTable { table } => {
                let t = self.table(next, table, step)?;
                self.push(create_table_sql(t, &t.name.name), vec![]);
            }
            Step::AddColumn { table, column } => {
                if !self.rebuilt.contains(table) {
                    let t = self.table(next, table, step)?;
                    let c = t.column(column).ok_or_else(|| SqliteError::Plan {
                        step: step_label(step),
                        detail: format!("table \"{}\" has no column \"{column}\"", table.name),
                    })?;
                    self.push(
                        format!(
                            "ALTER TABLE {} ADD COLUMN {};",
                            ident(&table.name),
                            column_definition(c)
                        ),
                        vec![],
                    );
                }
            }
            Step::CreateIndex {
                table,
                name,
                on_new_table,
            } => {
                if !self.rebuilt.contains(table) {
                    let t = self.table(next, table, step)?;
                    let ix = t.indexes.iter().find(|i| &i.name == name).ok_or_else(|| {
                        SqliteError::Plan {
                            step: step_label(step),
                            detail: format!("table \"{}\" has no index \"{name}\"", table.name),
                        }
                    })?;
                    let hazards = if *on_new_table {
                        vec![]
                    } else {
                        vec![hazard(
                            HazardKind::IndexBuild,
                            format!("builds index \"{name}\" on \"{}\"", table.name),
                        )]
                    };
                    self.push(create_index_sql(&table.name, ix), hazards);
                }
            }
            Step::SetComment { .. } => {
                // Canonical SQLite schemas carry no comments; SQLite stores none.
            }
            Step::DropView { .. }
            | Step::DropViewIndex { .. }
            | Step::RenameView { .. }
            | Step::CreateView { .. }
            | Step::CreateViewIndex { .. } => self.render_view_step(step)?,
            Step::CreateSchema { .. }
            | Step::DropSchema { .. }
            | Step::RenameEnum { .. }
            | Step::CreateEnum { .. }
            | Step::RenameEnumValue { .. }
            | Step::AddEnumValue { .. }
            | Step::ReplaceEnum { .. }
            | Step::DropEnum { .. } => {
                return Err(SqliteError::Plan {
                    step: step_label(step),
                    detail: "SQLite has no schemas or enum types".into(),
                })
            }
            Step::CreateDomain { .. }
            | Step::AlterDomain { .. }
            | Step::AddDomainCheck { .. }
            | Step::DropDomainCheck { .. }
            | Step::RenameDomainCheck { .. }
            | Step::ReplaceDomain { .. }
            | Step::DropDomain { .. }
            | Step::CreateCompositeType { .. }
            | Step::RenameAttribute { .. }
            | Step::AlterCompositeType { .. }
            | Step::RenameUserType { .. }
            | Step::DropCompositeType { .. } => return Err(SqliteError::Unsupported {
                what:
                    "a domain or composite type (`#[derive(Domain)]`, `#[derive(CompositeType)]`)"
                        .into(),
                object: step_label(step),
                fix: "remove it, or use PostgreSQL".into(),
            }),
            Step::CreateFunction { name, .. } | Step::DropFunction { name, .. } => {
                return Err(SqliteError::Unsupported {
                    what: "a function or procedure (`#[derive(Function)]`)".into(),
                    object: format!("function \"{}\"", name.name),
                    fix: "remove it, or use PostgreSQL".into(),
                })
            }
            Step::CreatePartition { table, .. }
            | Step::DropPartition { table, .. }
            | Step::DetachPartition { table, .. }
            | Step::AttachPartition { table, .. } => {
                return Err(SqliteError::Unsupported {
                    what: "partitioning (`#[table(partition_by)]`, `#[partition]`)".into(),
                    object: format!("table \"{}\"", table.name),
                    fix: "SQLite has no declarative partitioning; remove them, or use PostgreSQL"
                        .into(),
                })
            }
            Step::CreateTrigger { table, .. } | Step::DropTrigger { table, .. } => {
                return Err(SqliteError::Unsupported {
                    what: "a trigger (`#[trigger]`)".into(),
                    object: format!("table \"{}\"", table.name),
                    fix: "remove it, or use PostgreSQL".into(),
                })
            }
            Step::GrantPrivileges { .. } | Step::RevokePrivileges { .. } => {
                return Err(SqliteError::Unsupported {
                    what: "a grant (`#[grant]`)".into(),
                    object: step_label(step),
                    fix: "SQLite has no privileges; remove them, or use PostgreSQL".into(),
                })
            }
            Step::AlterRowLevelSecurity { table, .. }
            | Step::CreatePolicy { table, .. }
            | Step::AlterPolicy { table, .. }
            | Step::RenamePolicy { table, .. }
            | Step::DropPolicy { table, .. } => {
                return Err(SqliteError::Unsupported {
                    what: "row-level security (`#[table(row_level_security)]`, `#[policy]`)".into(),
                    object: format!("table \"{}\"", table.name),
                    fix: "remove it, or use PostgreSQL".into(),
                })
            }
            Step::CreateExtension { .. }
            | Step::UpdateExtension { .. }
            | Step::MoveExtension { .. }
            | Step::DropExtension { .. }
            | Step::DisownSequence { .. }
            | Step::RenameSequence { .. }
            | Step::CreateSequence { .. }
            | Step::AlterSequence { .. }
            | Step::SetSequenceOwner { .. }
            | Step::DropSequence { .. } => {
                return Err(SqliteError::Plan {
                    step: step_label(step),
                    detail: "SQLite has no sequences or extensions".into(),
                })
            }
        }
        Ok(())
    }

    fn rebuild_all(&mut self) -> Result<(), SqliteError> {
        let tables: Vec<QualifiedName> = self.rebuilt.iter().cloned().collect();
        if tables.is_empty() {
            return Ok(());
        }
        self.push("PRAGMA defer_foreign_keys = ON;".into(), vec![]);
        for name in tables {
            self.rebuild(&name)?;
        }
        Ok(())
    }

    /// The §7 procedure for one table (see the module docs). Runs after the
    /// drops and renames: the table has its next name but, since the
    /// plan's column drops and renames of this table are folded in here,
    /// its previous columns.
    fn rebuild(&mut self, name: &QualifiedName) -> Result<(), SqliteError> {
        let prev_name = self
            .previous_name
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.clone());
        let missing = |n: &QualifiedName| SqliteError::Plan {
            step: format!("the rebuild of \"{}\"", n.name),
            detail: format!("the schema has no table \"{n}\""),
        };
        let next = self.schemas.next.table(name).ok_or_else(|| missing(name))?;
        let prev = self
            .schemas
            .previous
            .table(&prev_name)
            .ok_or_else(|| missing(&prev_name))?;
        let renames = self.renamed_columns.get(name).cloned().unwrap_or_default();
        let added = self.added_columns.get(name).cloned().unwrap_or_default();
        let tmp = format!("{REBUILD_PREFIX}{}", name.name);
        let tname = &name.name;
        let mut hazards = vec![hazard(
            HazardKind::TableRewrite,
            format!("rebuilds table \"{tname}\" (copies every row; drops its triggers)"),
        )];
        let mut targets = Vec::new();
        let mut sources = Vec::new();
        let mut used_previous = BTreeSet::new();
        for c in &next.columns {
            if c.generated.is_some() || added.contains(&c.name) {
                if added.contains(&c.name)
                    && !c.nullable
                    && c.default.is_none()
                    && c.generated.is_none()
                {
                    hazards.push(hazard(
                        HazardKind::NotNullWithoutDefault,
                        format!("adds NOT NULL column \"{tname}\".\"{}\" without a default: fails if the table has rows", c.name),
                    ));
                }
                continue;
            }
            let source = renames
                .get(&c.name)
                .cloned()
                .unwrap_or_else(|| c.name.clone());
            let Some(pc) = prev.column(&source) else {
                continue;
            };
            used_previous.insert(source.clone());
            let expr = if render_type(&pc.ty) != render_type(&c.ty) {
                hazards.push(hazard(
                    HazardKind::DeletesData,
                    format!(
                        "converts \"{tname}\".\"{}\" from {} to {}: values may change",
                        c.name,
                        render_type(&pc.ty),
                        render_type(&c.ty)
                    ),
                ));
                format!("CAST({} AS {})", ident(&source), render_type(&c.ty))
            } else {
                ident(&source)
            };
            if pc.nullable && !c.nullable {
                hazards.push(hazard(
                    HazardKind::NotNullWithoutDefault,
                    format!(
                        "makes \"{tname}\".\"{}\" NOT NULL: fails if a row holds NULL",
                        c.name
                    ),
                ));
            }
            targets.push(ident(&c.name));
            sources.push(expr);
        }
        for pc in &prev.columns {
            if !used_previous.contains(&pc.name) && pc.generated.is_none() {
                hazards.push(hazard(
                    HazardKind::DeletesData,
                    format!("drops column \"{tname}\".\"{}\"", pc.name),
                ));
            }
        }
        self.push(create_table_sql(next, &tmp), hazards);
        if !targets.is_empty() {
            self.push(
                format!(
                    "INSERT INTO {} ({}) SELECT {} FROM {};",
                    ident(&tmp),
                    targets.join(", "),
                    sources.join(", "),
                    ident(tname)
                ),
                vec![],
            );
        }
        self.push(format!("DROP TABLE {};", ident(tname)), vec![]);
        self.push(
            format!("ALTER TABLE {} RENAME TO {};", ident(&tmp), ident(tname)),
            vec![],
        );
        for ix in &next.indexes {
            self.push(create_index_sql(tname, ix), vec![]);
        }
        self.fk_checks.insert(tname.clone());
        for t in &self.schemas.next.tables {
            // Tables this plan creates start empty.
            if !self.created.contains(&t.name)
                && t.foreign_keys.iter().any(|fk| &fk.referenced_table == name)
            {
                self.fk_checks.insert(t.name.name.clone());
            }
        }
        Ok(())
    }
}

/// Whether `ALTER TABLE … DROP COLUMN` works for this column: SQLite refuses
/// it for a column in a key, unique, index, check, foreign key or generated
/// expression.
fn simple_drop(table: &Table, column: &str) -> bool {
    let Some(c) = table.column(column) else {
        return false;
    };
    if c.generated.is_some() {
        return false;
    }
    let mentions = |expr: &str| expr.contains(column);
    !(table
        .primary_key
        .as_ref()
        .is_some_and(|pk| pk.columns.iter().any(|x| x == column))
        || table
            .uniques
            .iter()
            .any(|u| u.columns.iter().any(|x| x == column))
        || table.checks.iter().any(|ch| mentions(&ch.expr))
        || table
            .foreign_keys
            .iter()
            .any(|fk| fk.columns.iter().any(|x| x == column))
        || table
            .columns
            .iter()
            .any(|o| o.generated.as_deref().is_some_and(mentions))
        || table.indexes.iter().any(|ix| {
            ix.predicate.as_deref().is_some_and(mentions)
                || ix.keys.iter().any(|k| match &k.target {
                    IndexTarget::Column(x) => x == column,
                    IndexTarget::Expression(e) => mentions(e),
                })
        }))
}

/// Whether `ALTER TABLE … ADD COLUMN` works for this column: no key, unique,
/// check or foreign key on it, not stored-generated, and NOT NULL only with
/// a constant default.
fn simple_add(table: &Table, column: &str) -> bool {
    let Some(c) = table.column(column) else {
        return false;
    };
    if c.generated.is_some() || c.identity.is_some() {
        return false;
    }
    if let Some(d) = &c.default {
        if !constant_default(d) {
            return false;
        }
    } else if !c.nullable {
        return false;
    }
    !(table
        .primary_key
        .as_ref()
        .is_some_and(|pk| pk.columns.iter().any(|x| x == column))
        || table
            .uniques
            .iter()
            .any(|u| u.columns.iter().any(|x| x == column))
        || table.checks.iter().any(|ch| ch.expr.contains(column))
        || table
            .foreign_keys
            .iter()
            .any(|fk| fk.columns.iter().any(|x| x == column)))
}

fn step_label(step: &Step) -> String {
    let s = format!("{step:?}");
    match s.find(' ') {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// The tables a rendered migration rebuilds (by their `__new_` tables),
/// sorted; for tests and messages.
pub fn rebuilt_tables(statements: &[Statement]) -> Vec<String> {
    let mut out: BTreeSet<String> = BTreeSet::new();
    for s in statements {
        if let Some(rest) = s
            .sql
            .strip_prefix(&format!("CREATE TABLE \"{REBUILD_PREFIX}"))
        {
            if let Some(end) = rest.find("\" (") {
                out.insert(rest[..end].replace("\"\"", "\""));
            }
        }
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use shale_model::{PrimaryKey, UniqueConstraint};

    #[test]
    fn types_map_to_the_five_affinities() {
        for (spelling, want) in [
            ("bigint", "integer"),
            ("serial", "integer"),
            ("boolean", "integer"),
            ("double precision", "real"),
            ("numeric(10,2)", "numeric"),
            ("varchar(320)", "text"),
            ("timestamptz(3)", "text"),
            ("uuid", "text"),
            ("jsonb", "text"),
            ("bytea", "blob"),
            ("MEDIUMINT", "integer"),
            ("NVARCHAR(10)", "text"),
            ("FLOATING POINT", "integer"),
            ("", "blob"),
            ("DECIMAL", "numeric"),
        ] {
            assert_eq!(canonical_type_name(spelling), want, "{spelling}");
        }
    }

    #[test]
    fn defaults_are_bare_only_when_sqlite_allows() {
        assert!(bare_default("'it''s'"));
        assert!(bare_default("-1.5"));
        assert!(bare_default("CURRENT_TIMESTAMP"));
        assert!(!bare_default("'a' || 'b'"));
        assert!(!bare_default("lower('X')"));
        assert_eq!(default_sql("lower('X')"), "(lower('X'))");
        assert!(
            !constant_default("CURRENT_TIMESTAMP"),
            "ADD COLUMN refuses it"
        );
        assert_eq!(strip_enum_cast("'a''b'::\"public\".\"role\""), "'a''b'");
    }

    #[test]
    fn postgres_only_constructs_are_refused_with_the_place() {
        let mut schema = Schema::default();
        let mut t = Table::new(QualifiedName::public("t"));
        t.columns
            .push(Column::new("tags", ColumnType::named("text").array_of()));
        schema.tables.push(t);
        let err = canonical_schema(&schema).expect_err("arrays").to_string();
        assert!(err.contains("column \"t\".\"tags\""), "{err}");
        let mut t = Table::new(QualifiedName::new("auth", "t"));
        t.columns
            .push(Column::new("id", ColumnType::named("integer")));
        let schema = Schema {
            tables: vec![t],
            ..Schema::default()
        };
        assert!(canonical_schema(&schema).is_err());
    }

    #[test]
    fn deferrable_keys_and_no_inherit_checks_are_refused_by_name() {
        let table = || {
            let mut t = Table::new(QualifiedName::public("t"));
            t.columns
                .push(Column::new("id", ColumnType::named("integer")));
            t
        };
        let refused = |t: Table| {
            let schema = Schema {
                tables: vec![t],
                ..Schema::default()
            };
            canonical_schema(&schema).expect_err("refused").to_string()
        };
        let mut t = table();
        t.primary_key = Some(PrimaryKey {
            comment: None,
            name: "t_pkey".into(),
            columns: vec!["id".into()],
            deferrable: Deferrable::InitiallyDeferred,
        });
        let err = refused(t);
        assert!(
            err.contains("`deferrable`") && err.contains("primary key \"t_pkey\""),
            "{err}"
        );
        let mut t = table();
        t.uniques.push(UniqueConstraint {
            comment: None,
            name: "t_id_key".into(),
            columns: vec!["id".into()],
            nulls_not_distinct: false,
            deferrable: Deferrable::InitiallyImmediate,
        });
        let err = refused(t);
        assert!(
            err.contains("`deferrable`") && err.contains("unique \"t_id_key\""),
            "{err}"
        );
        let mut t = table();
        t.checks.push(CheckConstraint {
            comment: None,
            not_valid: false,
            name: "t_id_check".into(),
            expr: "id > 0".into(),
            no_inherit: true,
        });
        let err = refused(t);
        assert!(
            err.contains("`no_inherit`") && err.contains("check \"t_id_check\""),
            "{err}"
        );
    }

    #[test]
    fn sequences_extensions_and_identity_options_are_refused_by_name() {
        let schema = Schema {
            sequences: vec![shale_model::Sequence::new(QualifiedName::public("numbers"))],
            ..Schema::default()
        };
        let err = canonical_schema(&schema).expect_err("sequence").to_string();
        assert!(
            err.contains("#[derive(Sequence)]") && err.contains("\"numbers\""),
            "{err}"
        );
        let schema = Schema {
            extensions: vec![shale_model::Extension::new("pg_trgm")],
            ..Schema::default()
        };
        let err = canonical_schema(&schema)
            .expect_err("extension")
            .to_string();
        assert!(
            err.contains("#[derive(Extension)]") && err.contains("pg_trgm"),
            "{err}"
        );
        let mut t = Table::new(QualifiedName::public("t"));
        let mut id = Column::new("id", ColumnType::named("integer"));
        id.identity = Some(Identity::ByDefault);
        id.identity_options.start = Some(100);
        t.columns.push(id);
        t.primary_key = Some(shale_model::PrimaryKey {
            comment: None,
            deferrable: Default::default(),
            name: "t_pkey".into(),
            columns: vec!["id".into()],
        });
        let schema = Schema {
            tables: vec![t],
            ..Schema::default()
        };
        let err = canonical_schema(&schema)
            .expect_err("identity options")
            .to_string();
        assert!(err.contains("identity_start"), "{err}");
    }

    #[test]
    fn canonical_form_is_idempotent() {
        let mut t = Table::new(QualifiedName::public("t"));
        let mut id = Column::new("id", ColumnType::named("bigserial"));
        id.identity = None;
        t.columns.push(id);
        let mut created = Column::new("created", ColumnType::named("timestamptz"));
        created.default = Some("now()".into());
        t.columns.push(created);
        t.primary_key = Some(shale_model::PrimaryKey {
            comment: None,
            deferrable: Default::default(),
            name: "t_pkey".into(),
            columns: vec!["id".into()],
        });
        let schema = Schema {
            tables: vec![t],
            ..Schema::default()
        };
        let once = canonical_schema(&schema).expect("canonical");
        assert_eq!(canonical_schema(&once).expect("again"), once);
        let t = &once.tables[0];
        assert_eq!(t.columns[0].identity, Some(Identity::ByDefault));
        assert_eq!(t.columns[1].default.as_deref(), Some("CURRENT_TIMESTAMP"));
        assert_eq!(t.columns[1].ty, ColumnType::named("text"));
    }
}
