//! Which migration files must run outside a transaction: statements
//! PostgreSQL refuses inside a transaction block, an `ALTER TYPE … ADD VALUE`
//! whose new value the same file uses later (PostgreSQL refuses to use a new
//! enum value before the transaction that added it commits), or the
//! `-- shale:no-transaction` first line.

use shale_migrations::sqlfile;

/// Why a file runs outside a transaction, or `None` when it runs inside one.
pub fn no_transaction_reason(text: &str) -> Option<String> {
    if sqlfile::is_no_transaction(text) {
        return Some(format!("its first line is `{}`", sqlfile::NO_TRANSACTION));
    }
    let pieces: Vec<String> = sqlfile::split(text)
        .iter()
        .flat_map(|s| sqlfile::split_sql_statements(&s.sql))
        .map(|p| normalize(sqlfile::strip_leading_comments(&p)))
        .collect();
    for (i, piece) in pieces.iter().enumerate() {
        if let Some(what) = refused_in_transaction(piece) {
            return Some(format!(
                "it contains {what}, which PostgreSQL cannot run inside a transaction"
            ));
        }
        if let Some(value) = added_enum_value(piece) {
            if pieces[i + 1..]
                .iter()
                .any(|later| uses_value(later, &value))
            {
                return Some(format!(
                    "it adds enum value {value} with ALTER TYPE … ADD VALUE and uses it later in the same file"
                ));
            }
        }
    }
    None
}

/// A transaction-control statement (`BEGIN`, `START TRANSACTION`, `COMMIT`,
/// `END`, `ROLLBACK` other than `ROLLBACK TO SAVEPOINT`, `ABORT`) at the top
/// level of a file that runs in shale's transaction: it would end that
/// transaction (and release the lock) half-way. Returns the 1-based
/// statement number and the statement.
pub fn transaction_control(text: &str) -> Option<(usize, String)> {
    for (n, chunk) in sqlfile::split(text).iter().enumerate() {
        for piece in sqlfile::split_sql_statements(&chunk.sql) {
            let sql = normalize(sqlfile::strip_leading_comments(&piece)).to_ascii_uppercase();
            let controls = starts_with_words(&sql, &["BEGIN"])
                || starts_with_words(&sql, &["START", "TRANSACTION"])
                || starts_with_words(&sql, &["COMMIT"])
                || starts_with_words(&sql, &["END"])
                || starts_with_words(&sql, &["ABORT"])
                || (starts_with_words(&sql, &["ROLLBACK"]) && !sql.contains(" TO "));
            if controls {
                return Some((n + 1, normalize(sqlfile::strip_leading_comments(&piece))));
            }
        }
    }
    None
}

/// Upper-cased keywords with whitespace collapsed; quoted text keeps its case
/// only where it matters (enum values are matched on the original text, see
/// [`added_enum_value`]), so the whole piece is kept as is apart from spacing.
fn normalize(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn starts_with_words(sql: &str, words: &[&str]) -> bool {
    let mut tokens = sql.split([' ', '(', ';']).filter(|t| !t.is_empty());
    words
        .iter()
        .all(|w| tokens.next().is_some_and(|t| t.eq_ignore_ascii_case(w)))
}

/// The kind of statement, when PostgreSQL refuses it in a transaction block.
fn refused_in_transaction(sql: &str) -> Option<&'static str> {
    let upper = sql.to_ascii_uppercase();
    let s = upper.as_str();
    if starts_with_words(s, &["CREATE", "INDEX", "CONCURRENTLY"])
        || starts_with_words(s, &["CREATE", "UNIQUE", "INDEX", "CONCURRENTLY"])
    {
        return Some("CREATE INDEX CONCURRENTLY");
    }
    if starts_with_words(s, &["DROP", "INDEX", "CONCURRENTLY"]) {
        return Some("DROP INDEX CONCURRENTLY");
    }
    if starts_with_words(s, &["REINDEX"]) {
        // REINDEX [(options)] {INDEX|TABLE|SCHEMA|DATABASE|SYSTEM} CONCURRENTLY name
        let head: Vec<&str> = s.split([' ', ';']).take(8).collect();
        if head.contains(&"CONCURRENTLY") {
            return Some("REINDEX … CONCURRENTLY");
        }
        if starts_with_words(s, &["REINDEX", "DATABASE"])
            || starts_with_words(s, &["REINDEX", "SYSTEM"])
        {
            return Some("REINDEX DATABASE/SYSTEM");
        }
    }
    if starts_with_words(s, &["VACUUM"]) {
        return Some("VACUUM");
    }
    if starts_with_words(s, &["ALTER", "SYSTEM"]) {
        return Some("ALTER SYSTEM");
    }
    if starts_with_words(s, &["CREATE", "DATABASE"]) {
        return Some("CREATE DATABASE");
    }
    if starts_with_words(s, &["DROP", "DATABASE"]) {
        return Some("DROP DATABASE");
    }
    if starts_with_words(s, &["CREATE", "TABLESPACE"])
        || starts_with_words(s, &["DROP", "TABLESPACE"])
    {
        return Some("CREATE/DROP TABLESPACE");
    }
    None
}

/// For `ALTER TYPE … ADD VALUE [IF NOT EXISTS] 'v' …`, the literal `'v'`
/// (with its quotes, as later statements spell it).
fn added_enum_value(sql: &str) -> Option<String> {
    if !starts_with_words(&sql.to_ascii_uppercase(), &["ALTER", "TYPE"]) {
        return None;
    }
    let upper = sql.to_ascii_uppercase();
    let at = upper.find(" ADD VALUE ")? + " ADD VALUE ".len();
    let mut rest = &sql[at..];
    if rest.to_ascii_uppercase().starts_with("IF NOT EXISTS ") {
        rest = &rest["IF NOT EXISTS ".len()..];
    }
    let body = rest.strip_prefix('\'')?;
    // A literal ends at a quote not doubled.
    let mut end = None;
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\'' {
            if b.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            end = Some(i);
            break;
        }
        i += 1;
    }
    Some(format!("'{}'", &body[..end?]))
}

/// Whether a statement uses the enum value `literal` (`'v'`, quoted as
/// [`added_enum_value`] returns it): as that literal, or as an element of an
/// array literal (`'{v,w}'`, `'{"v"}'`), the way array defaults spell it.
fn uses_value(sql: &str, literal: &str) -> bool {
    if sql.contains(literal) {
        return true;
    }
    let raw = literal[1..literal.len() - 1].replace("''", "'");
    let mut rest = sql;
    while let Some(start) = rest.find("'{") {
        let body = &rest[start + 2..];
        let Some(end) = body.find("}'") else {
            return false;
        };
        let elements = &body[..end];
        if elements.split(',').any(|e| {
            let e = e.trim();
            let e = e
                .strip_prefix('"')
                .and_then(|e| e.strip_suffix('"'))
                .unwrap_or(e);
            e.replace("''", "'") == raw
        }) {
            return true;
        }
        rest = &body[end + 2..];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_statements_refused_in_a_transaction() {
        for sql in [
            "CREATE INDEX CONCURRENTLY i ON t (a);",
            "create unique index concurrently if not exists i on t (a);",
            "-- comment\nDROP INDEX CONCURRENTLY i;",
            "REINDEX (VERBOSE) TABLE CONCURRENTLY t;",
            "VACUUM ANALYZE t;",
            "ALTER SYSTEM SET work_mem = '64MB';",
            "CREATE DATABASE x;",
            "SELECT 1;\n--> statement-breakpoint\nSELECT 2; VACUUM t;",
        ] {
            assert!(no_transaction_reason(sql).is_some(), "{sql}");
        }
        for sql in [
            "CREATE INDEX i ON t (a);",
            "CREATE TABLE concurrently (id int);",
            "INSERT INTO t VALUES ('VACUUM');",
            "-- VACUUM\nSELECT 1;",
            "REINDEX TABLE t;",
            "ALTER TYPE role ADD VALUE 'guest';\n--> statement-breakpoint\nSELECT 'other';",
        ] {
            assert_eq!(no_transaction_reason(sql), None, "{sql}");
        }
    }

    #[test]
    fn enum_value_used_later() {
        let sql = "ALTER TYPE \"role\" ADD VALUE IF NOT EXISTS 'guest' AFTER 'member';\n--> statement-breakpoint\nUPDATE users SET role = 'guest';";
        let reason = no_transaction_reason(sql).unwrap();
        assert!(reason.contains("'guest'"), "{reason}");
        assert_eq!(
            added_enum_value("ALTER TYPE r ADD VALUE 'it''s'"),
            Some("'it''s'".into())
        );
        assert_eq!(
            added_enum_value("ALTER TYPE r RENAME VALUE 'a' TO 'b'"),
            None
        );
        assert_eq!(added_enum_value("ALTER TYPE r ADD VALUE 'open"), None);
        // In an array literal, as an array default spells it.
        let array = "ALTER TYPE \"day\" ADD VALUE 'sun';\n--> statement-breakpoint\nALTER TABLE t ALTER COLUMN days SET DEFAULT '{mon,sun}'::day[];";
        assert!(no_transaction_reason(array).is_some());
        assert!(uses_value("SELECT '{\"sun\"}'::day[]", "'sun'"));
        assert!(!uses_value("SELECT '{sunday,mon}'::day[]", "'sun'"));
        assert!(!uses_value("SELECT 'sunday'", "'sun'"));
    }

    #[test]
    fn transaction_control_statements() {
        assert_eq!(
            transaction_control("BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;"),
            Some((1, "BEGIN;".into()))
        );
        assert_eq!(
            transaction_control("SELECT 1;\n--> statement-breakpoint\n-- done\ncommit;"),
            Some((2, "commit;".into()))
        );
        assert_eq!(
            transaction_control("SAVEPOINT a; ROLLBACK TO SAVEPOINT a; RELEASE a;"),
            None
        );
        assert_eq!(
            transaction_control("CREATE FUNCTION f() RETURNS void AS $$ BEGIN END $$ LANGUAGE plpgsql;\nDO $$ BEGIN COMMIT; END $$;"),
            None
        );
        assert_eq!(transaction_control("CREATE TABLE ending (id int);"), None);
    }

    #[test]
    fn explicit_marker() {
        assert!(no_transaction_reason("-- shale:no-transaction\nSELECT 1;")
            .unwrap()
            .contains("first line"));
    }
}

/// The 1-based lines of `text` (a migration file) that name objects of
/// `schema` explicitly: the identifier (`public` or `"public"`, as
/// PostgreSQL folds them) followed by `.`, or a string such as the
/// `'"public"."seq"'` of a `nextval` default. A schema-per-tenant target runs
/// its migrations with `search_path` set to the tenant's schema, so such a
/// name reaches the shared schema instead of the tenant's. Routine bodies
/// (dollar-quoted) are not looked into: they resolve names when they run.
pub fn lines_naming_schema(text: &str, schema: &str) -> Vec<usize> {
    use sqlparser::dialect::PostgreSqlDialect;
    use sqlparser::tokenizer::{Token, Tokenizer};
    let dialect = PostgreSqlDialect {};
    let Ok(tokens) = Tokenizer::new(&dialect, text).tokenize_with_location() else {
        // Not SQL the tokenizer reads: the lint and `check` report it.
        return Vec::new();
    };
    let names = |word: &sqlparser::tokenizer::Word| match word.quote_style {
        None => word.value.eq_ignore_ascii_case(schema),
        Some('"') => word.value == schema,
        Some(_) => false,
    };
    let quoted_prefix = format!("\"{schema}\".");
    let bare_prefix = format!("{schema}.");
    let mut lines = Vec::new();
    let significant: Vec<_> = tokens
        .iter()
        .filter(|t| !matches!(t.token, Token::Whitespace(_)))
        .collect();
    for (i, t) in significant.iter().enumerate() {
        let hit = match &t.token {
            Token::Word(w) => {
                names(w) && matches!(significant.get(i + 1).map(|n| &n.token), Some(Token::Period))
            }
            Token::SingleQuotedString(s) => {
                s.contains(&quoted_prefix) || s.to_ascii_lowercase().starts_with(&bare_prefix)
            }
            _ => false,
        };
        if hit {
            lines.push(t.span.start.line as usize);
        }
    }
    lines.dedup();
    lines
}

#[cfg(test)]
mod schema_names {
    use super::lines_naming_schema;

    #[test]
    fn qualified_names_are_found_with_their_line() {
        let sql = "CREATE TABLE \"public\".\"t\" (id int);\n--> statement-breakpoint\n\
                   CREATE INDEX i ON Public.t (id);\n\
                   ALTER TABLE t ALTER COLUMN id SET DEFAULT nextval('\"public\".\"s\"'::regclass);\n\
                   SELECT 'public.x';\n";
        assert_eq!(lines_naming_schema(sql, "public"), vec![1, 3, 4, 5]);
    }

    #[test]
    fn unqualified_names_other_schemas_and_bodies_are_not() {
        let sql = "CREATE TABLE t (public int);\nCREATE TABLE \"Public\".t (id int);\n\
                   CREATE TABLE billing.t (id int);\nSELECT public FROM t;\n\
                   CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 FROM public.t $$;\n\
                   COMMENT ON TABLE t IS 'in the public schema';\n";
        assert!(lines_naming_schema(sql, "public").is_empty());
    }
}
