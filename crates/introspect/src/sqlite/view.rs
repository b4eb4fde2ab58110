//! SQLite views: `sqlite_schema` rows of type `view`. SQLite keeps the
//! `CREATE VIEW` text as written; the query is what follows its first
//! top-level `AS`. Column names come from `PRAGMA table_info`; SQLite keeps
//! no view column types, so every column is `blob`, as in the canonical
//! SQLite form (`shale_sql::sqlite`).

use rusqlite::Connection;
use shale_model::{ColumnType, QualifiedName, View, ViewColumn};

use super::{query_err, SqliteIntrospectError};

/// Every view of the database.
pub(super) fn read_views(conn: &Connection) -> Result<Vec<View>, SqliteIntrospectError> {
    let mut stmt = conn
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'view' ORDER BY name")
        .map_err(query_err("sqlite_schema views"))?;
    let rows: Vec<(String, Option<String>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .and_then(|rows| rows.collect())
        .map_err(query_err("sqlite_schema views"))?;
    let mut out = Vec::with_capacity(rows.len());
    for (name, sql) in rows {
        let sql = sql.unwrap_or_default();
        let query = query_of(&sql).ok_or_else(|| SqliteIntrospectError::Unexpected {
            object: format!("view \"{name}\""),
            detail: "its CREATE VIEW has no AS".into(),
        })?;
        let mut view = View::new(QualifiedName::public(name.clone()), query);
        let mut info = conn
            .prepare(&format!(
                "PRAGMA table_info(\"{}\")",
                name.replace('"', "\"\"")
            ))
            .map_err(query_err(format!("columns of view {name}")))?;
        let columns: Vec<String> = info
            .query_map([], |r| r.get::<_, String>(1))
            .and_then(|rows| rows.collect())
            .map_err(query_err(format!("columns of view {name}")))?;
        view.columns = columns
            .into_iter()
            .map(|c| ViewColumn {
                name: c,
                ty: ColumnType::named("blob"),
                comment: None,
            })
            .collect();
        out.push(view);
    }
    Ok(out)
}

/// The text after the first `AS` outside quotes and parentheses.
fn query_of(sql: &str) -> Option<&str> {
    let b = sql.as_bytes();
    let mut i = 0;
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            q @ (b'\'' | b'"' | b'`') => {
                i += 1;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
            }
            b'[' => {
                while i < b.len() && b[i] != b']' {
                    i += 1;
                }
            }
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b'a' | b'A'
                if depth == 0
                    && sql
                        .get(i..i + 2)
                        .is_some_and(|w| w.eq_ignore_ascii_case("as"))
                    && (i == 0 || !is_word(b[i - 1]))
                    && b.get(i + 2).is_none_or(|c| !is_word(*c)) =>
            {
                return Some(sql[i + 2..].trim());
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80
}

#[cfg(test)]
mod tests {
    use super::query_of;

    #[test]
    fn the_query_follows_the_first_top_level_as() {
        assert_eq!(
            query_of("CREATE VIEW \"as\" (\"as\", b) AS\nSELECT 1 AS a, 2 AS b"),
            Some("SELECT 1 AS a, 2 AS b")
        );
        assert_eq!(
            query_of("create view v as select x from t"),
            Some("select x from t")
        );
        assert_eq!(query_of("CREATE VIEW vas"), None);
    }
}
