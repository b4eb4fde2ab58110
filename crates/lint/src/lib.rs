//! shale-lint: hazard rules over migration SQL, generated or hand-written.
//!
//! A file is split on `--> statement-breakpoint`, each chunk is tokenized and
//! parsed with sqlparser (PostgreSQL or SQLite dialect), and the rules run
//! over the statements in order. Every finding names its [`Rule`], the file
//! position, a one-line why and the safe alternative. A statement that does
//! not parse is a finding of the `syntax` rule, which is how `shale check`
//! reports an unparsable migration.
//!
//! Suppression: a comment `-- shale:allow RULE[, RULE]` inside a statement,
//! on the lines directly before it, or after its `;` on the same line
//! silences those rules for that statement.
//!
//! **Architecture invariant:** no I/O besides [`lint_path`] reading one file,
//! no database, no knowledge of the journal or snapshots: the input is SQL
//! text and its path.
#![deny(missing_docs)]

mod check;
mod config;
mod rule;
mod source;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;
pub use shale_migrations::snapshot::Dialect;

pub use config::LintConfig;
pub use rule::{markdown_table, valid_names, Rule, Severity, UnknownRule};

/// One hazard found in a migration file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule that fired.
    pub rule: Rule,
    /// Its configured severity (never `off`: those findings are dropped).
    pub severity: Severity,
    /// The file, as given.
    pub path: PathBuf,
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// 1-based number of the statement in the file (statements are counted
    /// across breakpoint chunks; a chunk may hold several).
    pub statement_index: usize,
    /// One line: what is hazardous here and why.
    pub message: String,
    /// One line: the safe alternative.
    pub help: String,
}

impl fmt::Display for Finding {
    /// `path:line:column: severity[rule]: message`, then `  help: …` on a
    /// second line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}[{}]: {}\n  help: {}",
            self.path.display(),
            self.line,
            self.column,
            self.severity,
            self.rule,
            self.message,
            self.help
        )
    }
}

/// Why a file could not be linted.
#[derive(Debug, thiserror::Error)]
pub enum LintError {
    /// The file could not be read.
    #[error("cannot read migration file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not UTF-8.
    #[error("migration file {path} is not UTF-8 text; save it as UTF-8")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
    },
}

/// Lints one migration file's text. `path` is only used in findings.
/// Findings come sorted by position; rules set to `off` produce none.
pub fn lint(path: &Path, text: &str, dialect: Dialect, config: &LintConfig) -> Vec<Finding> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let no_transaction = shale_migrations::sqlfile::is_no_transaction(text);
    let mut findings = Vec::new();
    let mut emit = |rule: Rule, pos: source::Pos, statement_index: usize, message: String| {
        let severity = config.severity(rule);
        if severity != Severity::Off {
            findings.push(Finding {
                rule,
                severity,
                path: path.to_path_buf(),
                line: pos.line,
                column: pos.column,
                statement_index,
                message: one_line(&message),
                help: rule.alternative().to_string(),
            });
        }
    };
    let mut checker = check::Checker::new(dialect, no_transaction);
    source::each_batch(text, dialect, |pieces| {
        for piece in &pieces {
            for (name, pos) in &piece.allows {
                if let Err(e) = name.parse::<Rule>() {
                    let hint = e
                        .suggestion
                        .map(|s| format!(" (did you mean `{s}`?)"))
                        .unwrap_or_default();
                    emit(
                        Rule::UnknownAllow,
                        *pos,
                        piece.index,
                        format!("`-- shale:allow {name}` names no rule{hint}"),
                    );
                }
            }
        }
        for finding in checker.check(&pieces) {
            let piece = &pieces[finding.piece];
            let allowed = piece
                .allows
                .iter()
                .any(|(n, _)| n.parse::<Rule>() == Ok(finding.rule));
            if !allowed {
                emit(finding.rule, finding.pos, piece.index, finding.message);
            }
        }
    });
    findings.sort_by(|a, b| {
        (a.line, a.column, a.statement_index, a.rule).cmp(&(
            b.line,
            b.column,
            b.statement_index,
            b.rule,
        ))
    });
    findings
}

/// A message on one line: control characters (from quoted identifiers or
/// tokens echoed by the parser) are escaped.
fn one_line(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for c in message.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads and lints one migration file.
pub fn lint_path(
    path: &Path,
    dialect: Dialect,
    config: &LintConfig,
) -> Result<Vec<Finding>, LintError> {
    let text = read_migration(path)?;
    Ok(lint(path, &text, dialect, config))
}

/// A migration file's text, for [`lint`]: it must be UTF-8.
pub fn read_migration(path: &Path) -> Result<String, LintError> {
    let bytes = std::fs::read(path).map_err(|source| LintError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|_| LintError::NotUtf8 {
        path: path.to_path_buf(),
    })
}

/// Whether any finding is an error (the run fails, exit 1).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file read in batches on several threads is checked as one pass:
    /// a table created in the first statement is still "created by this
    /// file" thousands of statements later, and findings name the right
    /// statement and line.
    #[test]
    fn what_a_large_file_created_early_counts_in_its_last_batch() {
        let mut chunks = vec!["CREATE TABLE fresh (id bigint PRIMARY KEY, n integer);".to_string()];
        for i in 0..3000 {
            chunks.push(format!(
                "CREATE TABLE t{i} (id bigint PRIMARY KEY, note text);"
            ));
        }
        chunks.push("CREATE INDEX fresh_n ON fresh (n);".into());
        chunks.push("CREATE INDEX old_n ON old (n);".into());
        let sql = chunks.join("\n--> statement-breakpoint\n");
        let findings = lint(
            Path::new("big.sql"),
            &sql,
            Dialect::Postgresql,
            &LintConfig::default(),
        );
        let on_indexes: Vec<_> = findings
            .iter()
            .filter(|f| f.rule == Rule::IndexWithoutConcurrently)
            .collect();
        assert_eq!(on_indexes.len(), 1, "{findings:#?}");
        assert_eq!(on_indexes[0].statement_index, chunks.len());
        assert_eq!(on_indexes[0].line, 2 * chunks.len() - 1);
        assert!(on_indexes[0].message.contains("old"), "{:?}", on_indexes[0]);
    }
}
