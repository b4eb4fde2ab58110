//! The tracking table (`"drizzle"."__drizzle_migrations"` by default): its
//! name, creation, the advisory-lock key derived from it, and reading its
//! rows. Every query uses the simple query protocol with quoted literals, so
//! nothing depends on prepared statements surviving a transaction pooler.

use postgres::{Client, SimpleQueryMessage};
use sha2::{Digest, Sha256};
use shale_db::quote_literal;

/// Where the tracking table is (`[migrations_table]` in `shale.toml`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrackingTable {
    /// Schema; drizzle's default `drizzle`.
    pub schema: String,
    /// Table; drizzle's default `__drizzle_migrations`.
    pub table: String,
}

impl Default for TrackingTable {
    fn default() -> Self {
        TrackingTable {
            schema: "drizzle".into(),
            table: "__drizzle_migrations".into(),
        }
    }
}

impl TrackingTable {
    /// `"schema"."table"`, quoted.
    pub fn qualified(&self) -> String {
        format!("{}.{}", quote_ident(&self.schema), quote_ident(&self.table))
    }

    /// The advisory lock key of this table: runners serialise per tracking
    /// table, so two projects sharing a database with different tables do not
    /// wait for each other.
    pub fn lock_key(&self) -> i64 {
        let digest =
            Sha256::digest(format!("shale-migrate:{}.{}", self.schema, self.table).as_bytes());
        let mut b = [0u8; 8];
        b.copy_from_slice(&digest[..8]);
        i64::from_be_bytes(b)
    }
}

/// One row of the tracking table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrackingRow {
    /// `id`.
    pub id: i64,
    /// `hash` (a SHA-256, or shale's in-progress marker).
    pub hash: String,
    /// `created_at` (the journal entry's `when`), nullable in drizzle's table.
    pub created_at: Option<i64>,
    /// shale's optional `name` column (the tag).
    pub name: Option<String>,
    /// shale's optional `applied_at` column, as PostgreSQL prints it; `None`
    /// when the moment is unknown: no such column, or a row that existed
    /// before shale added it (drizzle's migrator records no time).
    pub applied_at: Option<String>,
}

/// What exists of the tracking table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Probe {
    pub schema_exists: bool,
    /// Column names; empty when the table does not exist.
    pub columns: Vec<String>,
    /// Whether `pg_attribute.attmissingval` may be read (see [`read_rows`]).
    pub reads_missing_values: bool,
}

impl Probe {
    pub fn table_exists(&self) -> bool {
        !self.columns.is_empty()
    }
    pub fn has(&self, column: &str) -> bool {
        self.columns.iter().any(|c| c == column)
    }
}

/// An identifier, double-quoted.
pub fn quote_ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Runs a query through the simple protocol and returns its rows as text.
pub(crate) fn query_text(
    client: &mut Client,
    sql: &str,
) -> Result<Vec<Vec<Option<String>>>, postgres::Error> {
    let mut rows = Vec::new();
    for m in client.simple_query(sql)? {
        if let SimpleQueryMessage::Row(r) = m {
            rows.push((0..r.len()).map(|i| r.get(i).map(str::to_string)).collect());
        }
    }
    Ok(rows)
}

pub(crate) fn probe(client: &mut Client, t: &TrackingTable) -> Result<Probe, postgres::Error> {
    let sql = format!(
        "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = {s}), \
         coalesce((SELECT string_agg(a.attname, ',') FROM pg_catalog.pg_attribute a \
           JOIN pg_catalog.pg_class c ON c.oid = a.attrelid \
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
           WHERE n.nspname = {s} AND c.relname = {t} AND c.relkind IN ('r', 'p') \
             AND a.attnum > 0 AND NOT a.attisdropped), ''), \
         has_column_privilege('pg_catalog.pg_attribute', 'attmissingval', 'SELECT')",
        s = quote_literal(&t.schema),
        t = quote_literal(&t.table)
    );
    let rows = query_text(client, &sql)?;
    let row = rows.into_iter().next().unwrap_or_default();
    let schema_exists = row.first().cloned().flatten().as_deref() == Some("t");
    let columns = row
        .get(1)
        .cloned()
        .flatten()
        .unwrap_or_default()
        .split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect();
    let reads_missing_values = row.get(2).cloned().flatten().as_deref() == Some("t");
    Ok(Probe {
        schema_exists,
        columns,
        reads_missing_values,
    })
}

/// Reads every row, oldest first.
///
/// `applied_at` is `None` for a row whose time shale does not know. shale
/// now adds the column without a default and sets the default afterwards, so
/// rows that existed before read NULL. Versions of shale before that added
/// it as `timestamptz DEFAULT now()`, which gave every existing row (all of
/// drizzle's) the moment of the `ALTER TABLE`. PostgreSQL (11 and later)
/// keeps that one value as the column's "missing value"
/// (`pg_attribute.attmissingval`, set when the column was added, read for the
/// rows that existed then); no row inserted later can hold it, since the
/// column was added in a transaction of its own and every later row's
/// `now()` is a later transaction's start. So a row equal to it is a row
/// from before the column: its time reads as unknown. When a table rewrite
/// (`VACUUM FULL`, `CLUSTER`) has cleared the missing value, nothing tells
/// those rows apart any more and their times are shown as recorded.
pub(crate) fn read_rows(
    client: &mut Client,
    t: &TrackingTable,
    probe: &Probe,
) -> Result<Vec<TrackingRow>, postgres::Error> {
    if !probe.table_exists() {
        return Ok(Vec::new());
    }
    let name = if probe.has("name") { "name" } else { "NULL" };
    let applied_at = match (probe.has("applied_at"), probe.reads_missing_values) {
        (true, true) => format!(
            "CASE WHEN applied_at = (SELECT (a.attmissingval::text::timestamptz[])[1] \
             FROM pg_catalog.pg_attribute a WHERE a.attrelid = {}::regclass \
             AND a.attname = 'applied_at' AND a.atthasmissing) THEN NULL ELSE applied_at::text END",
            quote_literal(&t.qualified())
        ),
        (true, false) => "applied_at::text".to_string(),
        (false, _) => "NULL".to_string(),
    };
    let sql = format!(
        "SELECT id, hash, created_at, {name}, {applied_at} FROM {} ORDER BY id",
        t.qualified()
    );
    let rows = query_text(client, &sql)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let get = |i: usize| r.get(i).cloned().flatten();
            TrackingRow {
                id: get(0).and_then(|v| v.parse().ok()).unwrap_or(0),
                hash: get(1).unwrap_or_default(),
                created_at: get(2).and_then(|v| v.parse().ok()),
                name: get(3),
                applied_at: get(4),
            }
        })
        .collect())
}

/// The `CREATE` statements for the table, exactly drizzle's, plus shale's
/// optional columns.
pub(crate) fn create_sql(t: &TrackingTable, probe: &Probe) -> String {
    let mut sql = String::new();
    if !probe.schema_exists {
        sql.push_str(&format!(
            "CREATE SCHEMA IF NOT EXISTS {};",
            quote_ident(&t.schema)
        ));
    }
    if !probe.table_exists() {
        sql.push_str(&format!(
            "CREATE TABLE IF NOT EXISTS {} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint);",
            t.qualified()
        ));
    }
    sql
}

/// `ALTER TABLE` adding shale's optional nullable columns that are missing.
/// `applied_at` gets its default only after it exists: a default given in
/// `ADD COLUMN` would fill the rows already there (drizzle's) with the
/// moment of the `ALTER`, a date that is not when they were applied.
pub(crate) fn extra_columns_sql(t: &TrackingTable, probe: &Probe) -> Option<String> {
    let mut adds = Vec::new();
    if !probe.has("name") {
        adds.push("ADD COLUMN IF NOT EXISTS name text");
    }
    if !probe.has("applied_at") {
        adds.push("ADD COLUMN IF NOT EXISTS applied_at timestamptz");
    }
    (!adds.is_empty()).then(|| {
        let mut sql = format!("ALTER TABLE {} {};", t.qualified(), adds.join(", "));
        if !probe.has("applied_at") {
            sql.push_str(&format!(
                " ALTER TABLE {} ALTER COLUMN applied_at SET DEFAULT now();",
                t.qualified()
            ));
        }
        sql
    })
}

/// The marker a no-transaction migration's row carries in `hash` while it
/// runs: `shale:in-progress:<backend pid>:<backend start µs>:<statements done>:<sha256>`.
/// drizzle's migrator never reads `hash`, so the marker is invisible to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InProgressMarker {
    /// `pg_backend_pid()` of the runner's session.
    pub backend_pid: i64,
    /// That backend's start time, µs since the epoch (tells a reused pid apart).
    pub backend_start_us: i64,
    /// Statements completed.
    pub done: usize,
    /// The file's hash.
    pub hash: String,
}

const MARKER_PREFIX: &str = "shale:in-progress:";

impl InProgressMarker {
    /// Parses a `hash` value; `None` when it is not a marker.
    pub fn parse(hash: &str) -> Option<InProgressMarker> {
        let rest = hash.strip_prefix(MARKER_PREFIX)?;
        let mut parts = rest.splitn(4, ':');
        Some(InProgressMarker {
            backend_pid: parts.next()?.parse().ok()?,
            backend_start_us: parts.next()?.parse().ok()?,
            done: parts.next()?.parse().ok()?,
            hash: parts.next()?.to_string(),
        })
    }

    /// The `hash` value.
    pub fn render(&self) -> String {
        format!(
            "{MARKER_PREFIX}{}:{}:{}:{}",
            self.backend_pid, self.backend_start_us, self.done, self.hash
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_markers() {
        let t = TrackingTable::default();
        assert_eq!(t.qualified(), "\"drizzle\".\"__drizzle_migrations\"");
        assert_ne!(
            t.lock_key(),
            TrackingTable {
                schema: "x".into(),
                table: "y".into()
            }
            .lock_key()
        );
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
        let m = InProgressMarker {
            backend_pid: 42,
            backend_start_us: 1_700_000_000_000_000,
            done: 2,
            hash: "ab".into(),
        };
        assert_eq!(InProgressMarker::parse(&m.render()), Some(m));
        assert_eq!(InProgressMarker::parse("e3b0c442"), None);
        assert_eq!(InProgressMarker::parse("shale:in-progress:x"), None);
    }
}
