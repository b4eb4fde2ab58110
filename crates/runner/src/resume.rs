//! Resuming a migration run outside a transaction whose runner died.
//!
//! Outside a transaction each SQL statement commits on its own, and the
//! claim's marker counts the statements completed. A runner killed
//! mid-file leaves the marker at `done`: statements `0..done` took effect,
//! statements after `done` never started, and statement `done` itself is the
//! one in doubt (it may have finished just before the kill, or half-finished:
//! a concurrent index build leaves an `INVALID` index).
//!
//! A file is resumed only when *every* one of its statements has a shape
//! shale knows ([`shape`]): a setting (run again, it is session state), a
//! statement with the same effect when run twice (`… IF EXISTS`,
//! `VALIDATE CONSTRAINT`, `SET NOT NULL`, `ADD VALUE IF NOT EXISTS`), or one
//! whose effect the catalogs tell (`CREATE INDEX CONCURRENTLY name`,
//! `DROP INDEX CONCURRENTLY name`, `ADD CONSTRAINT name`, `DROP CONSTRAINT
//! name`: each is atomic except the concurrent index statements, whose
//! half-done state is an INVALID index). These are the statements
//! `generate --online` writes in its `-- shale:no-transaction` files. For the
//! statement in doubt, [`decide`] reads the catalogs and picks one
//! [`Action`]; the statements after it run as written. Anything else (an
//! `INSERT`, an unnamed index, a `DO` block) keeps the refusal that asks for a
//! person, since shale cannot tell whether it took effect.

use postgres::Client;
use shale_db::quote_literal;

use crate::table::{query_text, quote_ident};
use crate::{db_err, RunError};

/// What a statement is, for resuming.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `SET`/`RESET`: session state, run again.
    Setting,
    /// Has the same effect when run twice.
    Rerunnable,
    /// `CREATE [UNIQUE] INDEX CONCURRENTLY name ON table …`.
    CreateIndex {
        /// The index's name (as PostgreSQL stores it).
        name: String,
        /// The table, quoted (`"s"."t"` or `"t"`).
        table: String,
    },
    /// `DROP INDEX CONCURRENTLY name` (without `IF EXISTS`).
    DropIndex {
        /// The index, quoted.
        index: String,
    },
    /// `ALTER TABLE table ADD CONSTRAINT name …` (atomic).
    AddConstraint {
        /// The table, quoted.
        table: String,
        /// The constraint's name.
        name: String,
    },
    /// `ALTER TABLE table DROP CONSTRAINT name` (without `IF EXISTS`).
    DropConstraint {
        /// The table, quoted.
        table: String,
        /// The constraint's name.
        name: String,
    },
}

/// What to do with the statement the interrupted run was executing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    /// Run it (again).
    Run(String),
    /// It took effect: do not run it.
    Skip(String),
    /// Drop the INVALID index (quoted, qualified) its interrupted build
    /// left, then run it.
    DropInvalidThenRun(String),
}

impl Action {
    /// What was done, for the report.
    pub fn describe(&self) -> String {
        match self {
            Action::Run(why) | Action::Skip(why) => why.clone(),
            Action::DropInvalidThenRun(index) => format!(
                "dropped the INVALID index {index} the interrupted build left and built it again"
            ),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    /// An unquoted word, as written.
    Word(String),
    /// A quoted identifier's name.
    Quoted(String),
    /// `'…'`, a number, or anything else that is one token.
    Other,
    Punct(char),
}

/// Tokens of one SQL statement (sqlparser's PostgreSQL tokenizer),
/// whitespace and comments left out; `None` for text it does not read or
/// that holds a dollar-quoted string (no statement resumed has one).
fn tokens(sql: &str) -> Option<Vec<Tok>> {
    use sqlparser::dialect::PostgreSqlDialect;
    use sqlparser::tokenizer::{Token, Tokenizer};
    let dialect = PostgreSqlDialect {};
    let mut out = Vec::new();
    for token in Tokenizer::new(&dialect, sql).tokenize().ok()? {
        out.push(match token {
            Token::Whitespace(_) => continue,
            Token::Word(w) => match w.quote_style {
                None => Tok::Word(w.value),
                Some('"') => Tok::Quoted(w.value),
                Some(_) => return None,
            },
            Token::DollarQuotedString(_) => return None,
            Token::Comma => Tok::Punct(','),
            Token::Period => Tok::Punct('.'),
            Token::LParen => Tok::Punct('('),
            Token::RParen => Tok::Punct(')'),
            Token::SemiColon => Tok::Punct(';'),
            Token::Eq => Tok::Punct('='),
            _ => Tok::Other,
        });
    }
    Some(out)
}

struct Cursor {
    toks: Vec<Tok>,
    at: usize,
}

impl Cursor {
    fn word(&mut self, kw: &str) -> bool {
        match self.toks.get(self.at) {
            Some(Tok::Word(w)) if w.eq_ignore_ascii_case(kw) => {
                self.at += 1;
                true
            }
            _ => false,
        }
    }

    fn words(&mut self, kws: &[&str]) -> bool {
        let save = self.at;
        if kws.iter().all(|k| self.word(k)) {
            return true;
        }
        self.at = save;
        false
    }

    /// One identifier, as PostgreSQL stores it (unquoted ones folded to
    /// lower case).
    fn name(&mut self) -> Option<String> {
        let n = match self.toks.get(self.at)? {
            Tok::Word(w) => w.to_lowercase(),
            Tok::Quoted(q) => q.clone(),
            _ => return None,
        };
        self.at += 1;
        Some(n)
    }

    /// A possibly qualified name, quoted part by part.
    fn qualified(&mut self) -> Option<String> {
        let mut parts = vec![quote_ident(&self.name()?)];
        while self.toks.get(self.at) == Some(&Tok::Punct('.')) {
            self.at += 1;
            parts.push(quote_ident(&self.name()?));
        }
        Some(parts.join("."))
    }

    fn at_end(&self) -> bool {
        self.toks[self.at..].iter().all(|t| t == &Tok::Punct(';'))
    }

    /// Whether the rest has a comma outside parentheses (several actions).
    fn top_level_comma(&self) -> bool {
        let mut depth = 0i32;
        for t in &self.toks[self.at..] {
            match t {
                Tok::Punct('(') => depth += 1,
                Tok::Punct(')') => depth -= 1,
                Tok::Punct(',') if depth == 0 => return true,
                _ => {}
            }
        }
        false
    }
}

const UNKNOWN: &str =
    "shale cannot tell whether such a statement took effect, nor run it twice safely";

/// The shape of one SQL statement, or why shale cannot resume at it.
pub(crate) fn shape(sql: &str) -> Result<Shape, String> {
    let toks = tokens(sql).ok_or_else(|| UNKNOWN.to_string())?;
    let mut c = Cursor { toks, at: 0 };
    if c.word("SET") || c.word("RESET") {
        return Ok(Shape::Setting);
    }
    if c.words(&["DROP", "INDEX", "CONCURRENTLY"]) {
        let if_exists = c.words(&["IF", "EXISTS"]);
        let index = c.qualified().ok_or_else(|| UNKNOWN.to_string())?;
        let _ = c.word("CASCADE") || c.word("RESTRICT");
        if !c.at_end() {
            return Err(UNKNOWN.into());
        }
        return Ok(if if_exists {
            Shape::Rerunnable
        } else {
            Shape::DropIndex { index }
        });
    }
    if c.word("CREATE") {
        let _ = c.word("UNIQUE");
        if !c.words(&["INDEX", "CONCURRENTLY"]) {
            return Err(UNKNOWN.into());
        }
        let _ = c.words(&["IF", "NOT", "EXISTS"]);
        if c.word("ON") {
            return Err(
                "the index has no name, so shale cannot tell whether the interrupted build created it"
                    .into(),
            );
        }
        let name = c.name().ok_or_else(|| UNKNOWN.to_string())?;
        if !c.word("ON") {
            return Err(UNKNOWN.into());
        }
        let _ = c.word("ONLY");
        let table = c.qualified().ok_or_else(|| UNKNOWN.to_string())?;
        return Ok(Shape::CreateIndex { name, table });
    }
    if c.words(&["ALTER", "TYPE"]) {
        let _ = c.qualified().ok_or_else(|| UNKNOWN.to_string())?;
        if c.words(&["ADD", "VALUE", "IF", "NOT", "EXISTS"]) {
            return Ok(Shape::Rerunnable);
        }
        return Err(UNKNOWN.into());
    }
    if c.words(&["ALTER", "TABLE"]) {
        let _ = c.words(&["IF", "EXISTS"]);
        let _ = c.word("ONLY");
        let table = c.qualified().ok_or_else(|| UNKNOWN.to_string())?;
        if c.top_level_comma() {
            return Err(
                "it makes several changes in one ALTER TABLE, which shale does not resume at"
                    .into(),
            );
        }
        if c.words(&["VALIDATE", "CONSTRAINT"]) {
            c.name().ok_or_else(|| UNKNOWN.to_string())?;
            return if c.at_end() {
                Ok(Shape::Rerunnable)
            } else {
                Err(UNKNOWN.into())
            };
        }
        if c.word("ALTER") {
            let _ = c.word("COLUMN");
            c.name().ok_or_else(|| UNKNOWN.to_string())?;
            return if c.words(&["SET", "NOT", "NULL"]) && c.at_end() {
                Ok(Shape::Rerunnable)
            } else {
                Err(UNKNOWN.into())
            };
        }
        if c.words(&["DROP", "CONSTRAINT"]) {
            let if_exists = c.words(&["IF", "EXISTS"]);
            let name = c.name().ok_or_else(|| UNKNOWN.to_string())?;
            let _ = c.word("CASCADE") || c.word("RESTRICT");
            if !c.at_end() {
                return Err(UNKNOWN.into());
            }
            return Ok(if if_exists {
                Shape::Rerunnable
            } else {
                Shape::DropConstraint { table, name }
            });
        }
        if c.words(&["ADD", "CONSTRAINT"]) {
            let name = c.name().ok_or_else(|| UNKNOWN.to_string())?;
            return Ok(Shape::AddConstraint { table, name });
        }
    }
    Err(UNKNOWN.into())
}

fn first_value(rows: &[Vec<Option<String>>], i: usize) -> Option<String> {
    rows.first().and_then(|r| r.get(i).cloned().flatten())
}

/// What to do with the statement in doubt, read from the catalogs (on the
/// runner's connection, outside any transaction). `Err` with a reason when
/// the catalogs show something the statement did not make.
pub(crate) fn decide(
    client: &mut Client,
    shape: &Shape,
) -> Result<Result<Action, String>, RunError> {
    let ctx = "looking at what the interrupted run left";
    Ok(Ok(match shape {
        Shape::Setting => Action::Run("a setting, applied again".into()),
        Shape::Rerunnable => Action::Run("run again (it has the same effect twice)".into()),
        Shape::CreateIndex { name, table } => {
            let sql = format!(
                "SELECT c.relkind::text, i.indisvalid, i.indrelid IS NOT DISTINCT FROM to_regclass({t}), \
                 '\"' || replace(n.nspname, '\"', '\"\"') || '\".\"' || replace(c.relname, '\"', '\"\"') || '\"' \
                 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
                 LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid \
                 WHERE c.relname = {n} \
                   AND c.relnamespace = (SELECT relnamespace FROM pg_catalog.pg_class WHERE oid = to_regclass({t}))",
                t = quote_literal(table),
                n = quote_literal(name),
            );
            let rows = query_text(client, &sql).map_err(db_err(ctx))?;
            if rows.is_empty() {
                return Ok(Ok(Action::Run(format!(
                    "index {} does not exist: built",
                    quote_ident(name)
                ))));
            }
            let (kind, valid, same_table, qualified) = (
                first_value(&rows, 0).unwrap_or_default(),
                first_value(&rows, 1).unwrap_or_default(),
                first_value(&rows, 2).unwrap_or_default(),
                first_value(&rows, 3).unwrap_or_default(),
            );
            if kind != "i" || same_table != "t" {
                return Ok(Err(format!(
                    "{qualified} exists but is not an index of {table}, so the interrupted build did not make it"
                )));
            }
            if valid == "t" {
                Action::Skip(format!(
                    "index {qualified} was built and is valid: not built again"
                ))
            } else {
                Action::DropInvalidThenRun(qualified)
            }
        }
        Shape::DropIndex { index } => {
            let rows = query_text(
                client,
                &format!("SELECT to_regclass({}) IS NOT NULL", quote_literal(index)),
            )
            .map_err(db_err(ctx))?;
            if first_value(&rows, 0).as_deref() == Some("t") {
                Action::Run(format!("index {index} still exists: dropped"))
            } else {
                Action::Skip(format!("index {index} was already dropped"))
            }
        }
        Shape::AddConstraint { table, name } | Shape::DropConstraint { table, name } => {
            let rows = query_text(
                client,
                &format!(
                    "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint \
                     WHERE conrelid = to_regclass({}) AND conname = {})",
                    quote_literal(table),
                    quote_literal(name)
                ),
            )
            .map_err(db_err(ctx))?;
            let exists = first_value(&rows, 0).as_deref() == Some("t");
            let c = format!("constraint {} on {table}", quote_ident(name));
            match (shape, exists) {
                (Shape::AddConstraint { .. }, true) => {
                    Action::Skip(format!("{c} was already added"))
                }
                (Shape::AddConstraint { .. }, false) => {
                    Action::Run(format!("{c} is missing: added"))
                }
                (_, true) => Action::Run(format!("{c} still exists: dropped")),
                (_, false) => Action::Skip(format!("{c} was already dropped")),
            }
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> String {
        quote_ident(s)
    }

    #[test]
    fn the_statements_online_mode_writes_have_shapes() {
        assert_eq!(shape("SET lock_timeout = '2s';"), Ok(Shape::Setting));
        assert_eq!(
            shape(
                "-- a leftover\n-- (INVALID)\nDROP INDEX CONCURRENTLY IF EXISTS \"public\".\"i\";"
            ),
            Ok(Shape::Rerunnable)
        );
        assert_eq!(
            shape("CREATE UNIQUE INDEX CONCURRENTLY \"Items_Key\" ON \"public\".\"items\" USING btree (\"label\");"),
            Ok(Shape::CreateIndex {
                name: "Items_Key".into(),
                table: format!("{}.{}", q("public"), q("items")),
            })
        );
        assert_eq!(
            shape("create index concurrently if not exists Items_Idx on only Items (a) where (b > 0);"),
            Ok(Shape::CreateIndex {
                name: "items_idx".into(),
                table: q("items"),
            })
        );
        assert_eq!(
            shape("DROP INDEX CONCURRENTLY s.i"),
            Ok(Shape::DropIndex {
                index: format!("{}.{}", q("s"), q("i"))
            })
        );
        for sql in [
            "ALTER TABLE \"t\" VALIDATE CONSTRAINT \"c\";",
            "-- the validated check lets SET NOT NULL skip its scan\nALTER TABLE \"public\".\"t\" ALTER COLUMN \"c\" SET NOT NULL;",
            "ALTER TABLE \"t\" DROP CONSTRAINT IF EXISTS \"t_c_shale_not_null\";",
            "ALTER TYPE \"mood\" ADD VALUE IF NOT EXISTS 'ok' AFTER 'sad';",
        ] {
            assert_eq!(shape(sql), Ok(Shape::Rerunnable), "{sql}");
        }
        assert_eq!(
            shape("ALTER TABLE \"t\" ADD CONSTRAINT \"t_fk\" FOREIGN KEY (\"a\") REFERENCES \"u\" (\"id\") NOT VALID;"),
            Ok(Shape::AddConstraint {
                table: q("t"),
                name: "t_fk".into()
            })
        );
        assert_eq!(
            shape("ALTER TABLE \"t\" ADD CONSTRAINT \"t_key\" UNIQUE USING INDEX \"t_key\";"),
            Ok(Shape::AddConstraint {
                table: q("t"),
                name: "t_key".into()
            })
        );
        assert_eq!(
            shape("ALTER TABLE \"t\" DROP CONSTRAINT \"t_c_shale_not_null\";"),
            Ok(Shape::DropConstraint {
                table: q("t"),
                name: "t_c_shale_not_null".into()
            })
        );
    }

    #[test]
    fn other_statements_are_not_resumed() {
        for sql in [
            "INSERT INTO t VALUES (1);",
            "UPDATE t SET a = 1;",
            "CREATE INDEX CONCURRENTLY ON t (a);",
            "CREATE INDEX i ON t (a);",
            "ALTER TABLE t ADD COLUMN c int;",
            "ALTER TABLE t VALIDATE CONSTRAINT c, ADD COLUMN d int;",
            "ALTER TABLE t ALTER COLUMN c TYPE bigint;",
            "ALTER TYPE mood ADD VALUE 'ok';",
            "DO $$ BEGIN PERFORM 1; END $$;",
            "REINDEX INDEX CONCURRENTLY i;",
            "VACUUM t;",
            "DROP INDEX CONCURRENTLY i; DROP TABLE t;",
        ] {
            assert!(shape(sql).is_err(), "{sql}");
        }
        assert!(shape("CREATE INDEX CONCURRENTLY ON t (a);")
            .unwrap_err()
            .contains("has no name"));
        // A quote inside a literal does not end it; "" inside a name is a quote.
        assert_eq!(
            shape("ALTER TABLE \"a\"\"b\" ADD CONSTRAINT c CHECK (x <> 'it''s; --') NOT VALID;"),
            Ok(Shape::AddConstraint {
                table: q("a\"b"),
                name: "c".into()
            })
        );
    }
}
