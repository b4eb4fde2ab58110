//! `migrations/meta/shale.sum`: the integrity record of the migrations folder,
//! in the spirit of atlas.sum.
//!
//! ```text
//! h1:<sha256 over every line below>
//! 0000_init.sql h1:<sha256 of the file>
//! 0001_add_billing.sql h1:<sha256 of the file>
//! ```
//!
//! `shale generate` appends a line and rewrites the first; `shale check`
//! verifies every file against its line, so a generated migration edited after
//! generation is caught offline, before it reaches a database. Because two
//! branches that each generate a migration both rewrite the first line, git
//! reports a merge conflict in this file instead of silently merging two
//! migrations with the same number. Hand-edited (custom) migrations are
//! re-recorded explicitly with `shale hash`.
//!
//! An optional last line `history <file>` marks that file and every one
//! before it in journal order as history: migrations that existed when shale
//! took the folder over (`shale adopt`, `shale pull --baseline`) or that the
//! team accepted as applied (`shale lint --accept-history`). History is still
//! verified against its hashes here; only the lint gate of `shale check`
//! leaves it out, since an applied migration can never change.

use crate::sqlfile;

/// The file name, inside `migrations/meta/`.
pub const FILE_NAME: &str = "shale.sum";

/// The parsed integrity record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sum {
    /// `(file name, sha256 hex)` in journal order.
    pub files: Vec<(String, String)>,
    /// The last migration file of the history (`history <file>`), if any:
    /// it and every file before it in journal order are history.
    pub history: Option<String>,
}

/// The keyword of the history line.
const HISTORY: &str = "history ";

/// A problem found by [`Sum::verify`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SumProblem {
    /// The first line does not match the lines below: the file was edited by
    /// hand or merged badly.
    #[error("{FILE_NAME} is inconsistent (its first line does not match the lines below): it was edited by hand or two branches' records were merged; run `shale rebase` after a merge, or `shale hash` to re-record")]
    BadTotal,
    /// The file cannot be read as a sum file.
    #[error("{FILE_NAME} line {line}: {reason}; run `shale hash` to re-record")]
    Malformed {
        /// 1-based line.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// A migration file differs from its record.
    #[error("migration {file} was edited after it was generated (recorded sha256 {recorded}, now {actual}); if the edit is intended (a custom migration), record it with `shale hash`, else restore the file")]
    Edited {
        /// The file name.
        file: String,
        /// The recorded hash.
        recorded: String,
        /// The file's hash now.
        actual: String,
    },
    /// A migration file has no record.
    #[error("migration {file} is not recorded in {FILE_NAME}: it was not written by `shale generate`; record it with `shale hash`")]
    Unrecorded {
        /// The file name.
        file: String,
    },
    /// A record names a file that is not in the folder.
    #[error("{FILE_NAME} records {file}, which is not in the migrations folder: restore the file or run `shale hash`")]
    Missing {
        /// The file name.
        file: String,
    },
    /// The history line names a file that has no record.
    #[error("{FILE_NAME} marks {file} as the end of the history, but records no such migration: restore the file, or mark the history again with `shale lint --accept-history`")]
    UnknownHistory {
        /// The file name.
        file: String,
    },
}

impl Sum {
    /// The record of these files (`(name, bytes)` in journal order).
    pub fn of<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Sum {
        Sum {
            files: files
                .into_iter()
                .map(|(n, b)| (n.to_string(), sqlfile::sha256_hex(b)))
                .collect(),
            history: None,
        }
    }

    /// This record with `file` (one of its files) as the end of the history;
    /// `None` when the record has no such file.
    pub fn with_history(mut self, file: &str) -> Option<Sum> {
        self.files.iter().any(|(n, _)| n == file).then(|| {
            self.history = Some(file.to_string());
            self
        })
    }

    /// The `history` lines of a record's text, read leniently: a record
    /// with git conflict markers (two branches merged) still tells where the
    /// history ends, so rewriting it after the merge keeps the history.
    pub fn history_lines(text: &str) -> Vec<String> {
        text.lines()
            .filter(|l| !l.contains(" h1:"))
            .filter_map(|l| l.strip_prefix(HISTORY))
            .map(|f| f.trim_end().to_string())
            .filter(|f| !f.is_empty())
            .collect()
    }

    /// How many files, from the first in journal order, are history.
    pub fn history_len(&self) -> usize {
        self.history
            .as_ref()
            .and_then(|h| self.files.iter().position(|(n, _)| n == h))
            .map_or(0, |i| i + 1)
    }

    /// The file's text.
    pub fn to_text(&self) -> String {
        let body: String = self
            .files
            .iter()
            .map(|(n, h)| format!("{n} h1:{h}\n"))
            .chain(self.history.iter().map(|h| format!("{HISTORY}{h}\n")))
            .collect();
        format!("h1:{}\n{body}", sqlfile::sha256_hex(body.as_bytes()))
    }

    /// Parses the file's text, checking the first line against the rest.
    pub fn parse(text: &str) -> Result<Sum, SumProblem> {
        let mut lines = text.lines();
        let total =
            lines
                .next()
                .and_then(|l| l.strip_prefix("h1:"))
                .ok_or(SumProblem::Malformed {
                    line: 1,
                    reason: "expected `h1:<sha256>`".into(),
                })?;
        let mut files = Vec::new();
        let mut history = None;
        let mut body = String::new();
        for (i, line) in lines.enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match line.rsplit_once(" h1:") {
                Some(_) if history.is_some() => {
                    return Err(SumProblem::Malformed {
                        line: i + 2,
                        reason: "a migration record after the `history` line, which comes last"
                            .into(),
                    })
                }
                Some((name, hash)) => files.push((name.to_string(), hash.to_string())),
                None => match line.strip_prefix(HISTORY) {
                    Some(file) if history.is_none() && !file.trim().is_empty() => {
                        history = Some(file.to_string());
                    }
                    _ => {
                        return Err(SumProblem::Malformed {
                            line: i + 2,
                            reason: "expected `<file> h1:<sha256>` (or one last `history <file>`)"
                                .into(),
                        })
                    }
                },
            }
            body.push_str(line);
            body.push('\n');
        }
        if sqlfile::sha256_hex(body.as_bytes()) != total {
            return Err(SumProblem::BadTotal);
        }
        Ok(Sum { files, history })
    }

    /// Compares the record with the folder's files (`(name, bytes)`), tolerating
    /// CRLF/LF-only differences.
    pub fn verify<'a>(
        &self,
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> Vec<SumProblem> {
        let mut problems = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (name, bytes) in files {
            seen.insert(name.to_string());
            match self.files.iter().find(|(n, _)| n == name) {
                None => problems.push(SumProblem::Unrecorded {
                    file: name.to_string(),
                }),
                Some((_, recorded)) if !sqlfile::hash_matches(recorded, bytes) => {
                    problems.push(SumProblem::Edited {
                        file: name.to_string(),
                        recorded: recorded.clone(),
                        actual: sqlfile::sha256_hex(bytes),
                    })
                }
                Some(_) => {}
            }
        }
        for (name, _) in &self.files {
            if !seen.contains(name) {
                problems.push(SumProblem::Missing { file: name.clone() });
            }
        }
        if let Some(h) = &self.history {
            if !self.files.iter().any(|(n, _)| n == h) {
                problems.push(SumProblem::UnknownHistory { file: h.clone() });
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_detects_edits() {
        let files: Vec<(&str, &[u8])> = vec![
            ("0000_init.sql", b"CREATE TABLE a ();\n"),
            ("0001_b.sql", b"SELECT 1;\n"),
        ];
        let sum = Sum::of(files.clone());
        let text = sum.to_text();
        assert!(text.starts_with("h1:"));
        let parsed = Sum::parse(&text).unwrap();
        assert_eq!(parsed, sum);
        assert!(parsed.verify(files.clone()).is_empty());

        let edited: Vec<(&str, &[u8])> = vec![
            ("0000_init.sql", b"CREATE TABLE a (id int);\n"),
            ("0001_b.sql", b"SELECT 1;\r\n"),
        ];
        let problems = parsed.verify(edited);
        assert_eq!(
            problems.len(),
            1,
            "CRLF-only change must be tolerated: {problems:?}"
        );
        assert!(matches!(&problems[0], SumProblem::Edited { file, .. } if file == "0000_init.sql"));

        let more: Vec<(&str, &[u8])> = vec![
            ("0000_init.sql", b"CREATE TABLE a ();\n"),
            ("0002_c.sql", b""),
        ];
        let problems = parsed.verify(more);
        assert!(problems.contains(&SumProblem::Unrecorded {
            file: "0002_c.sql".into()
        }));
        assert!(problems.contains(&SumProblem::Missing {
            file: "0001_b.sql".into()
        }));
    }

    #[test]
    fn history_round_trips_and_is_covered_by_the_total() {
        let files: Vec<(&str, &[u8])> = vec![
            ("0000_init.sql", b"CREATE TABLE a ();\n"),
            ("0001_b.sql", b"SELECT 1;\n"),
            ("0002_c.sql", b"SELECT 2;\n"),
        ];
        assert_eq!(Sum::of(files.clone()).history_len(), 0);
        assert_eq!(Sum::of(files.clone()).with_history("0009_x.sql"), None);
        let sum = Sum::of(files.clone()).with_history("0001_b.sql").unwrap();
        assert_eq!(sum.history_len(), 2);
        let text = sum.to_text();
        assert!(text.ends_with("\nhistory 0001_b.sql\n"), "{text}");
        let parsed = Sum::parse(&text).unwrap();
        assert_eq!(parsed, sum);
        assert!(parsed.verify(files.clone()).is_empty());
        // Moving the end of the history by hand breaks the total.
        let moved = text.replace("history 0001_b.sql", "history 0002_c.sql");
        assert_eq!(Sum::parse(&moved), Err(SumProblem::BadTotal));
        // A history naming no record is a problem verify reports.
        let stale = Sum {
            history: Some("0007_gone.sql".into()),
            ..Sum::of(files.clone())
        };
        let reparsed = Sum::parse(&stale.to_text()).unwrap();
        assert_eq!(reparsed.history_len(), 0);
        assert_eq!(
            reparsed.verify(files),
            vec![SumProblem::UnknownHistory {
                file: "0007_gone.sql".into()
            }]
        );
        // The history line comes last, once.
        let body = "0000_init.sql h1:aa\nhistory 0000_init.sql\n0001_b.sql h1:bb\n";
        let text = format!("h1:{}\n{body}", sqlfile::sha256_hex(body.as_bytes()));
        assert!(matches!(
            Sum::parse(&text),
            Err(SumProblem::Malformed { line: 4, .. })
        ));
    }

    #[test]
    fn history_is_read_from_a_record_with_conflict_markers() {
        let text = "<<<<<<< HEAD\nh1:aa\n=======\nh1:bb\n>>>>>>> main\n0000_init.sql h1:cc\n\
                    <<<<<<< HEAD\n0001_a.sql h1:dd\n=======\n0001_b.sql h1:ee\n>>>>>>> main\n\
                    history 0000_init.sql\n";
        assert_eq!(Sum::history_lines(text), vec!["0000_init.sql".to_string()]);
        assert!(Sum::history_lines("h1:x\na.sql h1:y\n").is_empty());
        // A file whose name starts with the keyword is a record, not a history line.
        assert!(Sum::history_lines("h1:x\nhistory x.sql h1:y\n").is_empty());
    }

    #[test]
    fn a_hand_edited_record_is_caught() {
        let sum = Sum::of(vec![("0000_init.sql", &b"x"[..])]);
        let text = sum.to_text().replace("0000_init", "0000_other");
        assert_eq!(Sum::parse(&text), Err(SumProblem::BadTotal));
        assert!(matches!(
            Sum::parse("nonsense"),
            Err(SumProblem::Malformed { line: 1, .. })
        ));
    }
}
