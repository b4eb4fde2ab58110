//! The migration file format: statements separated by drizzle's
//! `--> statement-breakpoint` marker, an optional hazard comment header, the
//! `-- shale:no-transaction` first line, and the file hash recorded in the
//! tracking table.
//!
//! Splitting follows drizzle's migrator (`query.split("--> statement-breakpoint")`)
//! so a folder splits into the same statements under either tool; shale also
//! keeps where each statement starts, for error messages.

use sha2::{Digest, Sha256};

/// drizzle's statement separator.
pub const BREAKPOINT: &str = "--> statement-breakpoint";

/// The first line that makes a file run outside a transaction.
pub const NO_TRANSACTION: &str = "-- shale:no-transaction";

/// One statement (a breakpoint-separated chunk) of a migration file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// The chunk's text, trimmed of surrounding whitespace. It may hold more
    /// than one SQL statement (hand-written files), and leading comments.
    pub sql: String,
    /// 1-based line of the file where the chunk's first line of SQL (not a
    /// blank or `--` comment line) is.
    pub line: usize,
}

impl Statement {
    /// The first line of SQL (skipping blank and `--` comment lines), for messages.
    pub fn first_line(&self) -> &str {
        self.sql
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with("--"))
            .unwrap_or_else(|| self.sql.lines().next().unwrap_or(""))
    }
}

/// Renders a migration file: hazard lines (`-- hazard: KIND message`) first,
/// a blank line, then the statements joined by the breakpoint line; the file
/// ends with a newline.
pub fn render(statements: &[String], hazards: &[(String, String)]) -> String {
    render_file(statements, hazards, false)
}

/// [`render`], optionally starting with the `-- shale:no-transaction` line.
pub fn render_file(
    statements: &[String],
    hazards: &[(String, String)],
    no_transaction: bool,
) -> String {
    let mut out = String::new();
    if no_transaction {
        out.push_str(NO_TRANSACTION);
        out.push('\n');
    }
    for (kind, message) in hazards {
        // A message is one line by construction; a newline would turn the
        // rest into SQL, so it is flattened.
        out.push_str(&format!(
            "-- hazard: {kind} {}\n",
            message.replace(['\r', '\n'], " ")
        ));
    }
    if no_transaction || !hazards.is_empty() {
        out.push('\n');
    }
    let body: Vec<&str> = statements.iter().map(|s| s.trim()).collect();
    out.push_str(&body.join(&format!("\n{BREAKPOINT}\n")));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Splits a file into its statements, like drizzle's migrator: on every
/// occurrence of the breakpoint marker (a file without one is one chunk).
/// Chunks holding only whitespace and comments are left out.
pub fn split(text: &str) -> Vec<Statement> {
    let mut out = Vec::new();
    // Newlines before the current chunk, counted incrementally: recounting
    // from the file's start made splitting quadratic in the chunk count.
    let mut lines_before = 0;
    for chunk in text.split(BREAKPOINT) {
        let chunk_lines = chunk.matches('\n').count();
        let first_line = 1 + lines_before;
        lines_before += chunk_lines;
        let trimmed = chunk.trim();
        if trimmed.is_empty() || only_comments(trimmed) {
            continue;
        }
        // Line of the first line of SQL in the chunk.
        let lead = chunk.len() - chunk.trim_start().len();
        let mut line = first_line + chunk[..lead].matches('\n').count();
        for l in trimmed.lines() {
            let t = l.trim();
            if t.is_empty() || t.starts_with("--") {
                line += 1;
            } else {
                break;
            }
        }
        out.push(Statement {
            sql: trimmed.to_string(),
            line,
        });
    }
    out
}

fn only_comments(chunk: &str) -> bool {
    let rest = strip_leading_comments(chunk);
    rest.trim().is_empty()
}

/// The text after any leading whitespace, `--` and `/* */` comments.
pub fn strip_leading_comments(sql: &str) -> &str {
    let mut s = sql.trim_start();
    loop {
        if let Some(rest) = s.strip_prefix("--") {
            s = rest.find('\n').map_or("", |i| &rest[i + 1..]).trim_start();
        } else if s.starts_with("/*") {
            match block_comment_end(s) {
                Some(end) => s = s[end..].trim_start(),
                None => return "",
            }
        } else {
            return s;
        }
    }
}

/// Byte offset just past the (possibly nested) block comment starting at 0.
fn block_comment_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == b'/' && b[i + 1] == b'*' {
            depth += 1;
            i += 2;
        } else if b[i] == b'*' && b[i + 1] == b'/' {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return Some(i);
            }
        } else {
            i += 1;
        }
    }
    None
}

/// Whether the file's first line is `-- shale:no-transaction`.
pub fn is_no_transaction(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines()
        .next()
        .is_some_and(|l| l.trim_end() == NO_TRANSACTION)
}

/// Splits SQL text into single statements at top-level `;`, respecting
/// quotes (`'…'`, `E'…'`, `"…"`), dollar quotes (`$tag$…$tag$`), `--` and
/// nested `/* */` comments. Each piece keeps its `;` and is trimmed; pieces
/// holding only comments are dropped. Used to run statements one at a time
/// outside a transaction, where PostgreSQL would otherwise wrap a
/// multi-statement query in an implicit transaction.
pub fn split_sql_statements(sql: &str) -> Vec<String> {
    let b = sql.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |from: usize, to: usize, out: &mut Vec<String>| {
        let piece = sql[from..to].trim();
        if !piece.is_empty() && !only_comments(piece) {
            out.push(piece.to_string());
        }
    };
    while i < b.len() {
        match b[i] {
            b'-' if b.get(i + 1) == Some(&b'-') => {
                i = sql[i..].find('\n').map_or(b.len(), |n| i + n + 1);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = block_comment_end(&sql[i..]).map_or(b.len(), |n| i + n);
            }
            b'\'' => {
                // E'…' strings allow backslash escapes.
                let escapes =
                    i > 0 && matches!(b[i - 1], b'E' | b'e') && (i < 2 || !is_ident(b[i - 2]));
                i += 1;
                while i < b.len() {
                    if escapes && b[i] == b'\\' {
                        i += 2;
                    } else if b[i] == b'\'' {
                        if b.get(i + 1) == Some(&b'\'') {
                            i += 2;
                        } else {
                            i += 1;
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'"' => {
                i += 1;
                while i < b.len() {
                    if b[i] == b'"' {
                        if b.get(i + 1) == Some(&b'"') {
                            i += 2;
                        } else {
                            i += 1;
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'$' if i == 0 || !is_ident(b[i - 1]) => {
                // A dollar quote opener is $$ or $tag$ with tag an identifier.
                let tag_end = sql[i + 1..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .map(|n| i + 1 + n);
                match tag_end {
                    Some(e)
                        if b[e] == b'$' && !b[i + 1..e].first().is_some_and(u8::is_ascii_digit) =>
                    {
                        let tag = &sql[i..=e];
                        i = sql[e + 1..]
                            .find(tag)
                            .map_or(b.len(), |n| e + 1 + n + tag.len());
                    }
                    _ => i += 1,
                }
            }
            b';' => {
                push(start, i + 1, &mut out);
                i += 1;
                start = i;
            }
            _ => i += 1,
        }
    }
    push(start, b.len(), &mut out);
    out
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// SHA-256 of the whole file's bytes, lowercase hex: the tracking table's
/// `hash`, as drizzle's migrator computes it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The bytes with every CRLF turned into LF.
pub fn to_lf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i += 1;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// The bytes with every lone LF turned into CRLF.
pub fn to_crlf(bytes: &[u8]) -> Vec<u8> {
    let lf = to_lf(bytes);
    let mut out = Vec::with_capacity(lf.len() + lf.len() / 16);
    for &c in &lf {
        if c == b'\n' {
            out.push(b'\r');
        }
        out.push(c);
    }
    out
}

/// Whether a recorded hash matches the file, tolerating line-ending-only
/// differences (a checkout with `core.autocrlf` changes the bytes, not the
/// migration): the exact bytes, or the file with LF or CRLF line endings.
pub fn hash_matches(recorded: &str, bytes: &[u8]) -> bool {
    let recorded = recorded.trim().to_ascii_lowercase();
    recorded == sha256_hex(bytes)
        || recorded == sha256_hex(&to_lf(bytes))
        || recorded == sha256_hex(&to_crlf(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_with_header() {
        let s = render(
            &[
                "DROP TABLE \"a\";".into(),
                "CREATE TABLE \"b\" (id int);\n".into(),
            ],
            &[("DELETES_DATA".into(), "drops table \"a\"".into())],
        );
        assert_eq!(
            s,
            "-- hazard: DELETES_DATA drops table \"a\"\n\nDROP TABLE \"a\";\n--> statement-breakpoint\nCREATE TABLE \"b\" (id int);\n"
        );
        let stmts = split(&s);
        assert_eq!(stmts.len(), 2);
        assert_eq!(
            stmts[0],
            Statement {
                sql: "-- hazard: DELETES_DATA drops table \"a\"\n\nDROP TABLE \"a\";".into(),
                line: 3
            }
        );
        assert_eq!(stmts[0].first_line(), "DROP TABLE \"a\";");
        assert_eq!(stmts[1].line, 5);
        assert_eq!(render(&["SELECT 1;".into()], &[]), "SELECT 1;\n");
        let nt = render_file(&["CREATE INDEX CONCURRENTLY i ON t (a);".into()], &[], true);
        assert!(is_no_transaction(&nt));
        assert!(!is_no_transaction(&render(&["SELECT 1;".into()], &[])));
    }

    #[test]
    fn split_like_drizzle() {
        // drizzle-kit sometimes writes the marker on the statement's line.
        let text = "CREATE TABLE a (id int);--> statement-breakpoint\nCREATE TABLE b (\n  id int\n);\n--> statement-breakpoint\n\n-- only a comment\n--> statement-breakpoint\nSELECT 1;\n";
        let stmts = split(text);
        let got: Vec<(&str, usize)> = stmts.iter().map(|s| (s.sql.as_str(), s.line)).collect();
        assert_eq!(
            got,
            vec![
                ("CREATE TABLE a (id int);", 1),
                ("CREATE TABLE b (\n  id int\n);", 2),
                ("SELECT 1;", 9)
            ]
        );
        let one = split("\n\nSELECT 1;\nSELECT 2;");
        assert_eq!(
            one,
            vec![Statement {
                sql: "SELECT 1;\nSELECT 2;".into(),
                line: 3
            }]
        );
        assert!(split("").is_empty());
        assert!(split("-- nothing\n/* at all */").is_empty());
        let crlf = split("SELECT 1;\r\n--> statement-breakpoint\r\nSELECT 2;\r\n");
        assert_eq!(
            crlf[1],
            Statement {
                sql: "SELECT 2;".into(),
                line: 3
            }
        );
    }

    #[test]
    fn split_sql_respects_quotes_and_comments() {
        let sql = "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\n\
                   INSERT INTO t VALUES ('a;b', E'c\\';d', \"x;y\"); -- tail; comment\n\
                   /* a; /* nested; */ still; */ SELECT $$;$$;\n-- only a comment;";
        let got = split_sql_statements(sql);
        assert_eq!(
            got,
            vec![
                "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;",
                "INSERT INTO t VALUES ('a;b', E'c\\';d', \"x;y\");",
                "-- tail; comment\n/* a; /* nested; */ still; */ SELECT $$;$$;",
            ]
        );
        assert_eq!(split_sql_statements("SELECT 1"), vec!["SELECT 1"]);
        assert_eq!(
            split_sql_statements("SELECT $1; SELECT 'it''s';"),
            vec!["SELECT $1;", "SELECT 'it''s';"]
        );
        // Unterminated constructs never panic.
        for s in ["'abc", "\"abc", "$x$ abc", "/* abc", "E'\\", "$", "--"] {
            let _ = split_sql_statements(s);
        }
    }

    #[test]
    fn never_panics_on_any_prefix() {
        let text = "-- shale:no-transaction\n-- hazard: X é\nCREATE FUNCTION f() AS $b$ SELECT 'é;'; $b$;\n--> statement-breakpoint\n\
                    INSERT INTO t VALUES (E'\\é', \"q;\"\"\"); /* a /* b */ ; */ SELECT $$é$$;\r\n--> statement-breakpoint";
        for (i, _) in text.char_indices() {
            let prefix = &text[..i];
            for stmt in split(prefix) {
                let _ = stmt.first_line();
                let _ = split_sql_statements(&stmt.sql);
            }
            let _ = split_sql_statements(prefix);
            let _ = strip_leading_comments(prefix);
            let _ = is_no_transaction(prefix);
        }
    }

    #[test]
    fn hashes() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let lf = b"SELECT 1;\n--> statement-breakpoint\nSELECT 2;\n";
        let crlf = b"SELECT 1;\r\n--> statement-breakpoint\r\nSELECT 2;\r\n";
        assert_eq!(to_crlf(lf), crlf.to_vec());
        assert_eq!(to_lf(crlf), lf.to_vec());
        assert!(hash_matches(&sha256_hex(lf), crlf));
        assert!(hash_matches(&sha256_hex(crlf), lf));
        assert!(hash_matches(&sha256_hex(lf).to_uppercase(), lf));
        assert!(!hash_matches(
            &sha256_hex(lf),
            b"SELECT 1;\n--> statement-breakpoint\nSELECT 3;\n"
        ));
    }

    #[test]
    fn leading_comments() {
        assert_eq!(
            strip_leading_comments("-- a\n /* b /* c */ */ CREATE x"),
            "CREATE x"
        );
        assert_eq!(strip_leading_comments("/* open"), "");
    }
}
