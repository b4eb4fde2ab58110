//! Reads a live SQLite database into the canonical SQLite form of a
//! [`Schema`] (see `shale_sql::sqlite`), so that parse → render → apply →
//! introspect compares equal.
//!
//! Columns (order, type, NOT NULL, primary key order, generated) come from
//! `PRAGMA table_xinfo`, foreign keys from `PRAGMA foreign_key_list`, index
//! keys and uniqueness from `sqlite_schema`. What SQLite keeps only in the
//! stored `CREATE TABLE` / `CREATE INDEX` text — constraint names, CHECK and
//! generated expressions, defaults, `AUTOINCREMENT`, `DEFERRABLE`, index
//! expressions and `WHERE` predicates — is read from that text with a small
//! tokenizer that returns each expression *verbatim*: shale's renderer
//! writes them verbatim, so they come back byte for byte (sqlparser would
//! re-print them in its own spelling). Unnamed constraints get the names
//! PostgreSQL would give them (`shale_model::naming`), like the parser does.

mod view;

use std::collections::HashMap;

use rusqlite::Connection;
use shale_model::{
    naming, CheckConstraint, Column, ColumnType, Deferrable, ForeignKey, ForeignKeyAction,
    Identity, Index, IndexKey, IndexTarget, PrimaryKey, QualifiedName, Schema, SortOrder, Table,
    UniqueConstraint, DEFAULT_INDEX_METHOD,
};

/// Which tables to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SqliteIntrospectOptions {
    /// The migrations tracking table, left out; `None` reads it like any other.
    pub tracking_table: Option<String>,
}

impl Default for SqliteIntrospectOptions {
    fn default() -> Self {
        SqliteIntrospectOptions {
            tracking_table: Some("__drizzle_migrations".into()),
        }
    }
}

/// Why reading a SQLite database failed.
#[derive(Debug, thiserror::Error)]
pub enum SqliteIntrospectError {
    /// A query failed (not a database, locked, …).
    #[error("could not read the SQLite schema ({what}): {source}")]
    Query {
        /// What was being read.
        what: String,
        /// rusqlite's error.
        #[source]
        source: rusqlite::Error,
    },
    /// The stored SQL held something the model cannot express.
    #[error("unexpected schema content in {object}: {detail}")]
    Unexpected {
        /// The object concerned.
        object: String,
        /// What was wrong.
        detail: String,
    },
}

fn query_err(what: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> SqliteIntrospectError {
    let what = what.into();
    move |source| SqliteIntrospectError::Query { what, source }
}

/// Opens a database file read-only and reads it (`sqlite:PATH` sources).
pub fn introspect_path(
    path: &std::path::Path,
    options: &SqliteIntrospectOptions,
) -> Result<Schema, SqliteIntrospectError> {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(query_err(format!("opening {}", path.display())))?;
    introspect(&conn, options)
}

/// Reads the database's schema, in one read transaction.
pub fn introspect(
    conn: &Connection,
    options: &SqliteIntrospectOptions,
) -> Result<Schema, SqliteIntrospectError> {
    conn.execute_batch("SAVEPOINT shale_introspect")
        .map_err(query_err("starting a read transaction"))?;
    let result = read(conn, options);
    let _ = conn.execute_batch("RELEASE shale_introspect");
    result
}

/// What a SQLite database holds beyond the model: views, triggers and
/// virtual tables (the model has none of them yet). Objects named in
/// `unmanaged` (patterns as in [`crate::IntrospectOptions::unmanaged_objects`];
/// triggers follow their table) are counted as left out.
pub fn census(
    conn: &Connection,
    unmanaged: &[String],
) -> Result<crate::Census, SqliteIntrospectError> {
    let mut stmt = conn
        .prepare(
            "SELECT CASE WHEN type = 'table' THEN 'virtual table' ELSE type END, name, tbl_name \
             FROM sqlite_schema \
             WHERE type IN ('view', 'trigger') \
                OR (type = 'table' AND upper(coalesce(sql, '')) LIKE '%VIRTUAL TABLE%') \
             ORDER BY 1, 2",
        )
        .map_err(query_err("sqlite_schema"))?;
    let rows: Vec<(String, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .and_then(|rows| rows.collect())
        .map_err(query_err("sqlite_schema"))?;
    let mut census = crate::Census::default();
    let mut left_out = 0;
    for (kind, name, table) in rows {
        let owner = if kind == "trigger" { &table } else { &name };
        if unmanaged
            .iter()
            .any(|p| crate::census::pattern_matches(p, shale_model::DEFAULT_NAMESPACE, owner))
        {
            left_out += 1;
            continue;
        }
        // Views are modelled (read by `introspect`): counted above only when
        // left out.
        if kind == "view" {
            continue;
        }
        let name = if kind == "trigger" {
            format!("{name} on {table}")
        } else {
            name
        };
        census
            .unmodelled
            .push(crate::UnmodelledObject { kind, name });
    }
    if left_out > 0 {
        census.left_out.push(crate::LeftOut {
            reason: "listed as unmanaged".into(),
            count: left_out,
        });
    }
    census.unmodelled.sort();
    Ok(census)
}

struct Object {
    kind: String,
    name: String,
    table: String,
    sql: Option<String>,
}

fn read(
    conn: &Connection,
    options: &SqliteIntrospectOptions,
) -> Result<Schema, SqliteIntrospectError> {
    let mut stmt = conn
        .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('table', 'index') ORDER BY name")
        .map_err(query_err("sqlite_schema"))?;
    let objects: Vec<Object> = stmt
        .query_map([], |r| {
            Ok(Object {
                kind: r.get(0)?,
                name: r.get(1)?,
                table: r.get(2)?,
                sql: r.get(3)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(query_err("sqlite_schema"))?;
    let mut schema = Schema::default();
    for o in objects.iter().filter(|o| o.kind == "table") {
        if o.name.starts_with("sqlite_")
            || options.tracking_table.as_deref() == Some(o.name.as_str())
        {
            continue;
        }
        let sql = o.sql.as_deref().unwrap_or("");
        if sql.to_ascii_uppercase().contains("VIRTUAL TABLE") {
            continue;
        }
        let mut table = read_table(conn, &o.name, sql)?;
        for ix in objects
            .iter()
            .filter(|x| x.kind == "index" && x.table == o.name)
        {
            if let Some(sql) = &ix.sql {
                table.indexes.push(parse_index(&ix.name, sql)?);
            }
        }
        table.normalize();
        schema.tables.push(table);
    }
    schema.views = view::read_views(conn)?;
    schema.normalize();
    Ok(schema)
}

struct XColumn {
    name: String,
    ty: String,
    notnull: bool,
    dflt: Option<String>,
    pk: i64,
    hidden: i64,
}

fn table_xinfo(conn: &Connection, table: &str) -> Result<Vec<XColumn>, SqliteIntrospectError> {
    let what = format!("PRAGMA table_xinfo of \"{table}\"");
    let mut stmt = conn
        .prepare("SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?1) ORDER BY cid")
        .map_err(query_err(&what))?;
    let rows = stmt
        .query_map([table], |r| {
            Ok(XColumn {
                name: r.get(0)?,
                ty: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                notnull: r.get::<_, i64>(2)? != 0,
                dflt: r.get(3)?,
                pk: r.get(4)?,
                hidden: r.get(5)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(query_err(&what))?;
    Ok(rows)
}

fn read_table(conn: &Connection, name: &str, sql: &str) -> Result<Table, SqliteIntrospectError> {
    let parsed = parse_create_table(sql).ok_or_else(|| SqliteIntrospectError::Unexpected {
        object: format!("table \"{name}\""),
        detail: "its CREATE TABLE statement could not be read".into(),
    })?;
    let xinfo = table_xinfo(conn, name)?;
    let mut table = Table::new(QualifiedName::public(name));
    let mut pk: Vec<(i64, String)> = Vec::new();
    for x in &xinfo {
        if x.hidden == 1 {
            continue;
        }
        let def = parsed.columns.get(&x.name.to_ascii_lowercase());
        let ty = shale_sql::sqlite::canonical_type_name(&x.ty);
        let mut col = Column::new(x.name.clone(), ColumnType::named(ty));
        col.nullable = !x.notnull && x.pk == 0;
        col.default = def
            .and_then(|d| d.default.clone())
            .or_else(|| x.dflt.clone());
        col.generated = def.and_then(|d| d.generated.clone());
        if x.pk > 0 {
            pk.push((x.pk, x.name.clone()));
        }
        table.columns.push(col);
    }
    pk.sort();
    if !pk.is_empty() {
        let columns: Vec<String> = pk.into_iter().map(|(_, c)| c).collect();
        if parsed.autoincrement && columns.len() == 1 {
            if let Some(c) = table.columns.iter_mut().find(|c| c.name == columns[0]) {
                c.identity = Some(Identity::ByDefault);
            }
        }
        table.primary_key = Some(PrimaryKey {
            comment: None,
            deferrable: Default::default(),
            // SQLite keeps no primary key name that matters; the canonical
            // model uses PostgreSQL's default (see `shale_sql::sqlite`).
            name: naming::primary_key(name),
            columns,
        });
    }
    for (cname, cols) in &parsed.uniques {
        table.uniques.push(UniqueConstraint {
            comment: None,
            deferrable: Default::default(),
            name: cname.clone().unwrap_or_else(|| naming::unique(name, cols)),
            columns: cols.clone(),
            nulls_not_distinct: false,
        });
    }
    for (cname, column, expr) in &parsed.checks {
        table.checks.push(CheckConstraint {
            comment: None,
            not_valid: false,
            no_inherit: false,
            name: cname
                .clone()
                .unwrap_or_else(|| naming::check(name, column.as_deref())),
            expr: expr.clone(),
        });
    }
    table.foreign_keys = read_foreign_keys(conn, name, &parsed)?;
    Ok(table)
}

fn action(s: &str) -> ForeignKeyAction {
    ForeignKeyAction::parse(s).unwrap_or_default()
}

fn read_foreign_keys(
    conn: &Connection,
    table: &str,
    parsed: &ParsedTable,
) -> Result<Vec<ForeignKey>, SqliteIntrospectError> {
    let what = format!("PRAGMA foreign_key_list of \"{table}\"");
    let mut stmt = conn
        .prepare("SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?1) ORDER BY id, seq")
        .map_err(query_err(&what))?;
    type Row = (i64, String, String, Option<String>, String, String);
    let rows: Vec<Row> = stmt
        .query_map([table], |r| {
            Ok((
                r.get(0)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })
        .and_then(|rows| rows.collect())
        .map_err(query_err(&what))?;
    let mut by_id: Vec<(i64, ForeignKey, bool)> = Vec::new();
    for (id, parent, from, to, on_update, on_delete) in rows {
        if by_id.last().is_none_or(|(i, _, _)| *i != id) {
            by_id.push((
                id,
                ForeignKey {
                    comment: None,
                    not_valid: false,
                    match_full: false,
                    name: String::new(),
                    columns: Vec::new(),
                    referenced_table: QualifiedName::public(parent.clone()),
                    referenced_columns: Vec::new(),
                    on_delete: action(&on_delete),
                    on_update: action(&on_update),
                    deferrable: Deferrable::No,
                },
                false,
            ));
        }
        let (_, fk, implicit) = by_id.last_mut().expect("pushed above");
        fk.columns.push(from);
        match to {
            Some(t) => fk.referenced_columns.push(t),
            None => *implicit = true,
        }
    }
    let mut out = Vec::new();
    let mut used = vec![false; parsed.foreign_keys.len()];
    // SQLite numbers foreign keys in reverse order of declaration.
    for (_, mut fk, implicit) in by_id.into_iter().rev() {
        if implicit {
            // `REFERENCES parent` without columns: the parent's primary key.
            let mut pk: Vec<(i64, String)> = table_xinfo(conn, &fk.referenced_table.name)?
                .into_iter()
                .filter(|x| x.pk > 0)
                .map(|x| (x.pk, x.name))
                .collect();
            pk.sort();
            fk.referenced_columns = pk.into_iter().map(|(_, n)| n).collect();
        }
        let lower = |v: &[String]| v.iter().map(|c| c.to_ascii_lowercase()).collect::<Vec<_>>();
        let same_columns = |p: &ParsedForeignKey| lower(&p.columns) == lower(&fk.columns);
        let exact = |p: &ParsedForeignKey| {
            same_columns(p)
                && p.referenced_table
                    .eq_ignore_ascii_case(&fk.referenced_table.name)
                && (p.referenced_columns.is_empty()
                    || lower(&p.referenced_columns) == lower(&fk.referenced_columns))
                && p.on_delete == fk.on_delete
                && p.on_update == fk.on_update
        };
        let found = (0..parsed.foreign_keys.len())
            .find(|&i| !used[i] && exact(&parsed.foreign_keys[i]))
            .or_else(|| {
                (0..parsed.foreign_keys.len())
                    .find(|&i| !used[i] && same_columns(&parsed.foreign_keys[i]))
            });
        if let Some(i) = found {
            used[i] = true;
        }
        let info = found.map(|i| &parsed.foreign_keys[i]);
        fk.name = info
            .and_then(|p| p.name.clone())
            .unwrap_or_else(|| naming::foreign_key(table, &fk.columns));
        fk.deferrable = info.map_or(Deferrable::No, |p| p.deferrable);
        out.push(fk);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Reading the stored SQL

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// A bare word or number, as written.
    Word(String),
    /// A quoted identifier, unquoted.
    Ident(String),
    /// A string literal, verbatim with its quotes.
    Str(String),
    /// A parenthesised group: its inner text, verbatim.
    Group(String),
    /// Any other character.
    Other(char),
}

impl Tok {
    fn is(&self, kw: &str) -> bool {
        matches!(self, Tok::Word(w) if w.eq_ignore_ascii_case(kw))
    }
    fn name(&self) -> Option<String> {
        match self {
            Tok::Word(w) | Tok::Ident(w) => Some(w.clone()),
            Tok::Str(s) => Some(s.trim_matches('\'').replace("''", "'")),
            _ => None,
        }
    }
    fn text(&self) -> String {
        match self {
            Tok::Word(w) => w.clone(),
            Tok::Ident(i) => format!("\"{}\"", i.replace('"', "\"\"")),
            Tok::Str(s) => s.clone(),
            Tok::Group(g) => format!("({g})"),
            Tok::Other(c) => c.to_string(),
        }
    }
}

/// Where the quoted token starting at `i` ends (exclusive).
fn quoted_end(b: &[u8], i: usize, close: u8) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        if b[j] == close {
            if close != b']' && b.get(j + 1) == Some(&close) {
                j += 2;
                continue;
            }
            return j + 1;
        }
        j += 1;
    }
    b.len()
}

/// Splits SQL into tokens; parenthesised groups are one token each.
fn tokenize(sql: &str) -> Vec<Tok> {
    let b = sql.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c == b'-' && b.get(i + 1) == Some(&b'-') {
            i = sql[i..].find('\n').map_or(b.len(), |n| i + n + 1);
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i = sql[i + 2..].find("*/").map_or(b.len(), |n| i + 2 + n + 2);
        } else if c == b'\'' {
            let end = quoted_end(b, i, b'\'');
            out.push(Tok::Str(sql[i..end].to_string()));
            i = end;
        } else if c == b'"' || c == b'`' || c == b'[' {
            let close = if c == b'[' { b']' } else { c };
            let end = quoted_end(b, i, close);
            let inner = &sql[i + 1..end.saturating_sub(1).max(i + 1)];
            let q = (close as char).to_string();
            out.push(Tok::Ident(inner.replace(&format!("{q}{q}"), &q)));
            i = end;
        } else if c == b'(' {
            let end = group_end(sql, i);
            out.push(Tok::Group(
                sql[i + 1..end.saturating_sub(1).max(i + 1)].to_string(),
            ));
            i = end;
        } else if c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c == b'.' || c >= 0x80 {
            let start = i;
            while i < b.len()
                && (b[i].is_ascii_alphanumeric()
                    || b[i] == b'_'
                    || b[i] == b'$'
                    || b[i] == b'.'
                    || b[i] >= 0x80)
            {
                i += 1;
            }
            out.push(Tok::Word(sql[start..i].to_string()));
        } else {
            let ch = sql[i..].chars().next().unwrap_or('?');
            out.push(Tok::Other(ch));
            i += ch.len_utf8();
        }
    }
    out
}

/// The end (exclusive, after the `)`) of the group opening at `open`.
fn group_end(sql: &str, open: usize) -> usize {
    let b = sql.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b'\'' => {
                i = quoted_end(b, i, b'\'');
                continue;
            }
            b'"' | b'`' => {
                i = quoted_end(b, i, b[i]);
                continue;
            }
            b'[' => {
                i = quoted_end(b, i, b']');
                continue;
            }
            b'-' if b.get(i + 1) == Some(&b'-') => {
                i = sql[i..].find('\n').map_or(b.len(), |n| i + n);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// Splits a group's inner text at top-level commas (verbatim pieces).
fn split_commas(inner: &str) -> Vec<String> {
    let b = inner.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'(' => {
                i = group_end(inner, i);
                continue;
            }
            b'\'' | b'"' | b'`' => {
                i = quoted_end(b, i, b[i]);
                continue;
            }
            b'[' => {
                i = quoted_end(b, i, b']');
                continue;
            }
            b',' => {
                out.push(inner[start..i].trim().to_string());
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let last = inner[start..].trim();
    if !last.is_empty() {
        out.push(last.to_string());
    }
    out
}

fn names_of(group: &str) -> Vec<String> {
    split_commas(group)
        .iter()
        .filter_map(|item| tokenize(item).first().and_then(Tok::name))
        .collect()
}

#[derive(Default)]
struct ColumnDef {
    default: Option<String>,
    generated: Option<String>,
}

#[derive(Default)]
struct ParsedTable {
    /// Lowercased column name → what the text says about it.
    columns: HashMap<String, ColumnDef>,
    autoincrement: bool,
    uniques: Vec<(Option<String>, Vec<String>)>,
    /// (name, column for column-level checks, expression).
    checks: Vec<(Option<String>, Option<String>, String)>,
    foreign_keys: Vec<ParsedForeignKey>,
}

/// A foreign key as the stored SQL declares it.
struct ParsedForeignKey {
    name: Option<String>,
    columns: Vec<String>,
    referenced_table: String,
    /// Empty for `REFERENCES parent` (its primary key).
    referenced_columns: Vec<String>,
    on_delete: ForeignKeyAction,
    on_update: ForeignKeyAction,
    deferrable: Deferrable,
}

/// Reads `REFERENCES parent [(cols)] [ON DELETE …] [ON UPDATE …]
/// [DEFERRABLE …]` starting at the token after `REFERENCES`.
fn references_at(
    name: Option<String>,
    columns: Vec<String>,
    toks: &[Tok],
    from: usize,
) -> ParsedForeignKey {
    let referenced_table = toks.get(from).and_then(Tok::name).unwrap_or_default();
    let (referenced_columns, mut i) = match toks.get(from + 1) {
        Some(Tok::Group(g)) => (names_of(g), from + 2),
        _ => (Vec::new(), from + 1),
    };
    let (mut on_delete, mut on_update) = (ForeignKeyAction::NoAction, ForeignKeyAction::NoAction);
    while toks.get(i).is_some_and(|t| t.is("ON")) {
        let what = toks.get(i + 1);
        // SET NULL, SET DEFAULT, NO ACTION: two words; CASCADE, RESTRICT: one.
        let first = toks.get(i + 2);
        let two = first.is_some_and(|t| t.is("SET") || t.is("NO"));
        let words: Vec<String> = toks
            [(i + 2).min(toks.len())..(i + if two { 4 } else { 3 }).min(toks.len())]
            .iter()
            .map(Tok::text)
            .collect();
        let action = ForeignKeyAction::parse(&words.join(" ")).unwrap_or_default();
        if what.is_some_and(|t| t.is("DELETE")) {
            on_delete = action;
        } else if what.is_some_and(|t| t.is("UPDATE")) {
            on_update = action;
        }
        i += if two { 4 } else { 3 };
    }
    ParsedForeignKey {
        name,
        columns,
        referenced_table,
        referenced_columns,
        on_delete,
        on_update,
        deferrable: deferrable_at(toks, i),
    }
}

fn deferrable_at(toks: &[Tok], from: usize) -> Deferrable {
    let mut i = from;
    while i < toks.len() {
        if toks[i].is("NOT") && toks.get(i + 1).is_some_and(|t| t.is("DEFERRABLE")) {
            return Deferrable::No;
        }
        if toks[i].is("DEFERRABLE") {
            if toks.get(i + 1).is_some_and(|t| t.is("INITIALLY"))
                && toks.get(i + 2).is_some_and(|t| t.is("DEFERRED"))
            {
                return Deferrable::InitiallyDeferred;
            }
            return Deferrable::InitiallyImmediate;
        }
        // The next constraint of a column starts here.
        if [
            "CONSTRAINT",
            "PRIMARY",
            "UNIQUE",
            "CHECK",
            "DEFAULT",
            "REFERENCES",
            "GENERATED",
            "COLLATE",
        ]
        .iter()
        .any(|k| toks[i].is(k))
        {
            break;
        }
        i += 1;
    }
    Deferrable::No
}

fn parse_create_table(sql: &str) -> Option<ParsedTable> {
    let toks = tokenize(sql);
    let body = toks.iter().find_map(|t| match t {
        Tok::Group(g) => Some(g.clone()),
        _ => None,
    })?;
    let mut out = ParsedTable::default();
    for item in split_commas(&body) {
        let t = tokenize(&item);
        let Some(first) = t.first() else { continue };
        let (name, rest) = if first.is("CONSTRAINT") {
            (t.get(1).and_then(Tok::name), &t[2.min(t.len())..])
        } else {
            (None, &t[..])
        };
        let Some(head) = rest.first() else { continue };
        if head.is("PRIMARY") {
            if let Some(Tok::Group(g)) = rest.get(2) {
                out.autoincrement |= tokenize(g).iter().any(|x| x.is("AUTOINCREMENT"));
            }
        } else if head.is("UNIQUE") {
            if let Some(Tok::Group(g)) = rest.get(1) {
                out.uniques.push((name, names_of(g)));
            }
        } else if head.is("CHECK") {
            if let Some(Tok::Group(g)) = rest.get(1) {
                out.checks.push((name, None, g.clone()));
            }
        } else if head.is("FOREIGN") {
            if let Some(Tok::Group(g)) = rest.get(2) {
                out.foreign_keys
                    .push(references_at(name, names_of(g), rest, 4));
            }
        } else if let Some(column) = head.name() {
            parse_column(&column, &rest[1..], &mut out);
        }
    }
    Some(out)
}

/// Reads a column definition's constraints (after its name).
fn parse_column(column: &str, t: &[Tok], out: &mut ParsedTable) {
    let mut def = ColumnDef::default();
    let mut name: Option<String> = None;
    let mut i = 0;
    while i < t.len() {
        let tok = &t[i];
        if tok.is("CONSTRAINT") {
            name = t.get(i + 1).and_then(Tok::name);
            i += 2;
            continue;
        }
        if tok.is("PRIMARY") {
            // A primary key's name is not kept (see `read_table`).
            name = None;
            let mut j = i + 2;
            while j < t.len() && (t[j].is("ASC") || t[j].is("DESC") || t[j].is("AUTOINCREMENT")) {
                out.autoincrement |= t[j].is("AUTOINCREMENT");
                j += 1;
            }
            i = j;
            continue;
        }
        if tok.is("UNIQUE") {
            out.uniques.push((name.take(), vec![column.to_string()]));
        } else if tok.is("CHECK") {
            if let Some(Tok::Group(g)) = t.get(i + 1) {
                out.checks
                    .push((name.take(), Some(column.to_string()), g.clone()));
                i += 2;
                continue;
            }
        } else if tok.is("REFERENCES") {
            out.foreign_keys.push(references_at(
                name.take(),
                vec![column.to_string()],
                t,
                i + 1,
            ));
        } else if tok.is("AS") {
            if let Some(Tok::Group(g)) = t.get(i + 1) {
                def.generated = Some(g.clone());
                i += 2;
                continue;
            }
        } else if tok.is("DEFAULT") {
            match (t.get(i + 1), t.get(i + 2)) {
                (Some(Tok::Group(g)), _) => def.default = Some(g.clone()),
                (Some(Tok::Other(sign @ ('-' | '+'))), Some(Tok::Word(n))) => {
                    def.default = Some(format!("{sign}{n}"));
                    i += 3;
                    continue;
                }
                (Some(other), _) => def.default = Some(other.text()),
                (None, _) => {}
            }
            i += 2;
            continue;
        }
        i += 1;
    }
    out.columns.insert(column.to_ascii_lowercase(), def);
}

fn parse_index(name: &str, sql: &str) -> Result<Index, SqliteIntrospectError> {
    let bad = || SqliteIntrospectError::Unexpected {
        object: format!("index \"{name}\""),
        detail: "its CREATE INDEX statement could not be read".into(),
    };
    let toks = tokenize(sql);
    let unique = toks.get(1).is_some_and(|t| t.is("UNIQUE"));
    let on = toks.iter().position(|t| t.is("ON")).ok_or_else(bad)?;
    let Some(Tok::Group(keys)) = toks.get(on + 2) else {
        return Err(bad());
    };
    let mut index = Index {
        comment: None,
        name: name.to_string(),
        unique,
        nulls_not_distinct: false,
        method: DEFAULT_INDEX_METHOD.to_string(),
        keys: Vec::new(),
        include: Vec::new(),
        predicate: None,
    };
    for item in split_commas(keys) {
        let mut text = item.trim().to_string();
        let mut order = SortOrder::Asc;
        let t = tokenize(&text);
        if let Some(last) = t.last() {
            if last.is("DESC") || last.is("ASC") {
                order = if last.is("DESC") {
                    SortOrder::Desc
                } else {
                    SortOrder::Asc
                };
                let cut = text.len() - 4 + usize::from(last.is("ASC"));
                text = text[..cut].trim_end().to_string();
            }
        }
        let t = tokenize(&text);
        let target = match t.as_slice() {
            [Tok::Word(w)] | [Tok::Ident(w)] => IndexTarget::Column(w.clone()),
            [Tok::Group(g)] => IndexTarget::Expression(g.clone()),
            _ => IndexTarget::Expression(text.clone()),
        };
        index.keys.push(IndexKey {
            target,
            order,
            nulls: None,
            opclass: None,
        });
    }
    // The predicate: everything after the top-level WHERE, verbatim.
    if toks.get(on + 3).is_some_and(|t| t.is("WHERE")) {
        let close = sql.find(keys).map(|p| p + keys.len()).ok_or_else(bad)?;
        let after = &sql[close..];
        let w = after.to_ascii_uppercase().find("WHERE").ok_or_else(bad)?;
        let pred = after[w + 5..].trim().trim_end_matches(';').trim();
        index.predicate = Some(pred.to_string());
    }
    Ok(index)
}
