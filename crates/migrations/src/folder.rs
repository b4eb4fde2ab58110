//! A migrations folder loaded from disk (`meta/_journal.json` and the
//! `NNNN_tag.sql` files) and checked for agreement before anything runs.
//!
//! Loading reports every problem at once (an entry without its file, a file
//! without an entry, duplicate `idx`/`tag`/`when`, gaps, `when` going
//! backwards), each as one line with the fix. It never panics on any input.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::down::{self, DownFile};
use crate::journal::{Journal, JournalError};
use crate::sqlfile;

/// The journal's path inside a migrations folder.
pub const JOURNAL_PATH: &str = "meta/_journal.json";

/// One migration: its journal entry and its file.
#[derive(Clone, Debug, PartialEq)]
pub struct Migration {
    /// The journal entry.
    pub entry: crate::journal::JournalEntry,
    /// The `.sql` file's path.
    pub path: PathBuf,
    /// The file's bytes, as hashed.
    pub bytes: Vec<u8>,
    /// The file as text (the bytes are valid UTF-8; checked on load).
    pub text: String,
    /// SHA-256 of the bytes, lowercase hex (the tracking table's `hash`).
    pub hash: String,
    /// Its down file (`NNNN_tag.down.sql`), when the folder has one.
    pub down: Option<DownFile>,
}

impl Migration {
    /// The tag (file name without `.sql`).
    pub fn tag(&self) -> &str {
        &self.entry.tag
    }

    /// The file name, e.g. `0003_add_billing.sql`.
    pub fn file_name(&self) -> String {
        format!("{}.sql", self.entry.tag)
    }

    /// The statements (breakpoint-separated chunks).
    pub fn statements(&self) -> Vec<sqlfile::Statement> {
        sqlfile::split(&self.text)
    }

    /// Whether the file starts with `-- shale:no-transaction`.
    pub fn declares_no_transaction(&self) -> bool {
        sqlfile::is_no_transaction(&self.text)
    }
}

/// A loaded, consistent migrations folder.
#[derive(Clone, Debug, PartialEq)]
pub struct MigrationFolder {
    /// The folder.
    pub dir: PathBuf,
    /// The journal as read (empty when the folder has none and no files).
    pub journal: Journal,
    /// One per journal entry, in journal order.
    pub migrations: Vec<Migration>,
    /// Down files whose migration is not in the journal (`shale check`
    /// reports them; nothing else reads them).
    pub orphan_downs: Vec<PathBuf>,
}

/// One problem with a migrations folder.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum FolderError {
    /// The folder does not exist.
    #[error("migrations folder {} not found; run `shale init` or set `migrations` in shale.toml", .0.display())]
    NotFound(PathBuf),
    /// A file or folder could not be read.
    #[error("cannot read {}: {message}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The system's message.
        message: String,
    },
    /// `.sql` files but no journal.
    #[error("{} is missing but the folder has migration files; restore it from version control", .0.display())]
    JournalMissing(PathBuf),
    /// The journal is not valid JSON or not a journal.
    #[error("{}:{line}: {message}; fix the JSON or restore the file from version control", path.display())]
    BadJournal {
        /// The journal's path.
        path: PathBuf,
        /// 1-based line (1 when the problem is not at one place).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A journal entry whose file is missing.
    #[error("journal entry {idx} (`{tag}`) has no file {}; restore the file or remove the entry from {JOURNAL_PATH}", path.display())]
    MissingFile {
        /// The entry's idx.
        idx: u32,
        /// The entry's tag.
        tag: String,
        /// The expected file.
        path: PathBuf,
    },
    /// A `.sql` file that no journal entry names.
    #[error("{} has no journal entry; add an entry for `{tag}` to {JOURNAL_PATH} (or delete the file)", path.display())]
    OrphanFile {
        /// The file.
        path: PathBuf,
        /// Its name without `.sql`.
        tag: String,
    },
    /// Two entries with one idx.
    #[error("journal idx {idx} is used by `{first}` and `{second}`; renumber the entries (`shale rebase` after a merge)")]
    DuplicateIdx {
        /// The idx.
        idx: u32,
        /// The first tag.
        first: String,
        /// The second tag.
        second: String,
    },
    /// Two entries with one tag.
    #[error("journal tag `{tag}` appears at idx {first} and {second}; remove the duplicate entry")]
    DuplicateTag {
        /// The tag.
        tag: String,
        /// First idx.
        first: u32,
        /// Second idx.
        second: u32,
    },
    /// Entries not numbered 0, 1, 2, … in order.
    #[error("journal entry `{tag}` has idx {found} but idx {expected} was expected; entries must be numbered 0, 1, 2, … in order (`shale rebase` renumbers them)")]
    IdxGap {
        /// The entry's tag.
        tag: String,
        /// Its idx.
        found: u32,
        /// The idx its position calls for.
        expected: u32,
    },
    /// An entry older than the one before it (or equal to it: the tracking
    /// table matches migrations on `when`, so it must be unique).
    #[error("journal entry `{tag}` has when {when}, not after `{previous_tag}` ({previous_when}); `when` must increase along the journal (`shale rebase` fixes the order after a merge)")]
    WhenNotIncreasing {
        /// The entry's tag.
        tag: String,
        /// Its when.
        when: i64,
        /// The entry before it.
        previous_tag: String,
        /// That entry's when.
        previous_when: i64,
    },
    /// A file that is not UTF-8.
    #[error("{} is not valid UTF-8; save it as UTF-8", .0.display())]
    NotUtf8(PathBuf),
    /// A tag that cannot be a file name.
    #[error("journal entry {idx} has tag `{tag}`, which is not a plain file name; use letters, digits, `_` and `-`")]
    BadTag {
        /// The entry's idx.
        idx: u32,
        /// The tag.
        tag: String,
    },
}

/// Every problem found while loading a folder (at least one).
#[derive(Debug, Clone, PartialEq)]
pub struct FolderErrors(pub Vec<FolderError>);

impl fmt::Display for FolderErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_lines(f, &self.0)
    }
}

impl std::error::Error for FolderErrors {}

/// Writes errors one per line: the `Display` of every "all problems at
/// once" error list of this crate.
pub(crate) fn write_lines<E: fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    errors: &[E],
) -> fmt::Result {
    for (i, e) in errors.iter().enumerate() {
        if i > 0 {
            f.write_str("\n")?;
        }
        write!(f, "{e}")?;
    }
    Ok(())
}

impl MigrationFolder {
    /// Loads and checks a migrations folder. A folder with neither journal nor
    /// `.sql` files is an empty, valid folder (dialect `postgresql`).
    pub fn load(dir: impl AsRef<Path>) -> Result<MigrationFolder, FolderErrors> {
        let dir = dir.as_ref().to_path_buf();
        let one = |e: FolderError| FolderErrors(vec![e]);
        if !dir.is_dir() {
            return Err(one(FolderError::NotFound(dir)));
        }
        let mut sql_files: Vec<(String, PathBuf)> = Vec::new();
        let read = std::fs::read_dir(&dir).map_err(|e| one(io(&dir, &e)))?;
        for item in read {
            let item = item.map_err(|e| one(io(&dir, &e)))?;
            let path = item.path();
            if !path.is_file() {
                continue;
            }
            let name = item.file_name();
            let Some(name) = name.to_str() else { continue };
            if let Some(tag) = name.strip_suffix(".sql") {
                sql_files.push((tag.to_string(), path));
            }
        }
        sql_files.sort();
        let journal_path = dir.join(JOURNAL_PATH);
        let journal = match std::fs::read(&journal_path) {
            Ok(bytes) => {
                let text = String::from_utf8(bytes)
                    .map_err(|_| one(FolderError::NotUtf8(journal_path.clone())))?;
                Journal::parse(&text).map_err(|e| {
                    let (line, message) = match e {
                        JournalError::Json {
                            line,
                            column,
                            message,
                        } => (line, format!("column {column}: {message}")),
                        JournalError::Shape(m) => (1, m),
                    };
                    one(FolderError::BadJournal {
                        path: journal_path.clone(),
                        line,
                        message,
                    })
                })?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if sql_files.is_empty() {
                    Journal::new("postgresql")
                } else {
                    return Err(one(FolderError::JournalMissing(journal_path)));
                }
            }
            Err(e) => return Err(one(io(&journal_path, &e))),
        };
        let mut problems = check_journal(&journal);
        let mut migrations = Vec::with_capacity(journal.entries.len());
        for entry in &journal.entries {
            if !is_plain_name(&entry.tag) {
                continue; // reported by check_journal
            }
            let path = dir.join(format!("{}.sql", entry.tag));
            match std::fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => {
                        let bytes = text.clone().into_bytes();
                        let hash = sqlfile::sha256_hex(&bytes);
                        migrations.push(Migration {
                            entry: entry.clone(),
                            path,
                            bytes,
                            text,
                            hash,
                            down: None,
                        });
                    }
                    Err(_) => problems.push(FolderError::NotUtf8(path)),
                },
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    problems.push(FolderError::MissingFile {
                        idx: entry.idx,
                        tag: entry.tag.clone(),
                        path,
                    })
                }
                Err(e) => problems.push(io(&path, &e)),
            }
        }
        // `X.down.sql` is X's down file, unless the journal has a tag
        // `X.down` (a migration whose name happens to end so).
        let mut orphan_downs = Vec::new();
        for (tag, path) in sql_files {
            if journal.entries.iter().any(|e| e.tag == tag) {
                continue;
            }
            let Some(up) = tag.strip_suffix(".down") else {
                problems.push(FolderError::OrphanFile { path, tag });
                continue;
            };
            let Some(m) = migrations.iter_mut().find(|m| m.entry.tag == up) else {
                if journal.entries.iter().any(|e| e.tag == up) {
                    continue; // its migration's file is missing: reported above
                }
                orphan_downs.push(path);
                continue;
            };
            match std::fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => {
                        m.down = Some(DownFile {
                            path,
                            bytes: text.clone().into_bytes(),
                            text,
                        })
                    }
                    Err(_) => problems.push(FolderError::NotUtf8(path)),
                },
                Err(e) => problems.push(io(&path, &e)),
            }
        }
        if problems.is_empty() {
            Ok(MigrationFolder {
                dir,
                journal,
                migrations,
                orphan_downs,
            })
        } else {
            Err(FolderErrors(problems))
        }
    }

    /// The migration with this tag.
    pub fn migration(&self, tag: &str) -> Option<&Migration> {
        self.migrations.iter().find(|m| m.entry.tag == tag)
    }

    /// The files `shale.sum` records, `(file name, bytes)` in journal order:
    /// each migration followed by its down file, if it has one.
    pub fn recorded_files(&self) -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::with_capacity(self.migrations.len() * 2);
        for m in &self.migrations {
            files.push((m.file_name(), m.bytes.clone()));
            if let Some(d) = &m.down {
                files.push((down::file_name(m.tag()), d.bytes.clone()));
            }
        }
        files
    }
}

/// The journal's own consistency problems (no file access).
pub fn check_journal(journal: &Journal) -> Vec<FolderError> {
    let mut problems = Vec::new();
    for (pos, e) in journal.entries.iter().enumerate() {
        if !is_plain_name(&e.tag) {
            problems.push(FolderError::BadTag {
                idx: e.idx,
                tag: e.tag.clone(),
            });
        }
        for prev in &journal.entries[..pos] {
            if prev.idx == e.idx {
                problems.push(FolderError::DuplicateIdx {
                    idx: e.idx,
                    first: prev.tag.clone(),
                    second: e.tag.clone(),
                });
            }
            if prev.tag == e.tag {
                problems.push(FolderError::DuplicateTag {
                    tag: e.tag.clone(),
                    first: prev.idx,
                    second: e.idx,
                });
            }
        }
        let expected = u32::try_from(pos).unwrap_or(u32::MAX);
        let duplicate_idx = journal.entries[..pos].iter().any(|p| p.idx == e.idx);
        if e.idx != expected && !duplicate_idx {
            problems.push(FolderError::IdxGap {
                tag: e.tag.clone(),
                found: e.idx,
                expected,
            });
        }
        if let Some(prev) = pos.checked_sub(1).map(|p| &journal.entries[p]) {
            if e.when <= prev.when {
                problems.push(FolderError::WhenNotIncreasing {
                    tag: e.tag.clone(),
                    when: e.when,
                    previous_tag: prev.tag.clone(),
                    previous_when: prev.when,
                });
            }
        }
    }
    problems
}

fn is_plain_name(tag: &str) -> bool {
    !tag.is_empty() && tag != "." && tag != ".." && !tag.contains(['/', '\\', '\0'])
}

fn io(path: &Path, e: &std::io::Error) -> FolderError {
    FolderError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::PrefixMode;

    /// A temporary folder holding an empty `meta/`, removed when dropped.
    fn temp() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("meta")).unwrap();
        dir
    }

    fn write_folder(dir: &Path, names: &[&str]) -> Journal {
        let mut j = Journal::new("postgresql");
        for (i, n) in names.iter().enumerate() {
            let e = j
                .push_next(n, PrefixMode::Index, 1_700_000_000_000 + i as i64 * 1000)
                .clone();
            std::fs::write(
                dir.join(format!("{}.sql", e.tag)),
                format!("CREATE TABLE {n} (id int);\n"),
            )
            .unwrap();
        }
        std::fs::write(dir.join(JOURNAL_PATH), j.to_json()).unwrap();
        j
    }

    #[test]
    fn loads_a_consistent_folder() {
        let d = temp();
        write_folder(d.path(), &["a", "b"]);
        // drizzle's own snapshots in meta/ and other files are ignored.
        std::fs::write(d.path().join("meta/0000_snapshot.json"), "{}").unwrap();
        std::fs::write(d.path().join("README.md"), "x").unwrap();
        let f = MigrationFolder::load(d.path()).unwrap();
        assert_eq!(f.migrations.len(), 2);
        assert_eq!(f.migrations[1].tag(), "0001_b");
        assert_eq!(
            f.migrations[1].hash,
            sqlfile::sha256_hex(b"CREATE TABLE b (id int);\n")
        );
        assert_eq!(f.migrations[0].statements().len(), 1);
    }

    #[test]
    fn down_files_attach_to_their_migration_and_orphans_are_kept_apart() {
        let dir = temp();
        write_folder(dir.path(), &["a", "b"]);
        let down_a = "-- shale:down of 0000_a\n\nDROP TABLE a;\n";
        std::fs::write(dir.path().join("0000_a.down.sql"), down_a).unwrap();
        std::fs::write(dir.path().join("0009_gone.down.sql"), "SELECT 1;\n").unwrap();
        let f = MigrationFolder::load(dir.path()).unwrap();
        assert_eq!(f.migrations[0].down.as_ref().unwrap().text, down_a);
        assert!(f.migrations[1].down.is_none());
        assert_eq!(f.orphan_downs, [dir.path().join("0009_gone.down.sql")]);
        // The record lists each migration, then its down file.
        let names: Vec<String> = f.recorded_files().into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["0000_a.sql", "0000_a.down.sql", "0001_b.sql"]);
        // A migration whose tag ends in `.down` is still a migration.
        let dir = temp();
        write_folder(dir.path(), &["x.down"]);
        let f = MigrationFolder::load(dir.path()).unwrap();
        assert_eq!(f.migrations[0].tag(), "0000_x.down");
        assert!(f.orphan_downs.is_empty());
    }

    #[test]
    fn empty_and_missing_folders() {
        let d = temp();
        let f = MigrationFolder::load(d.path()).unwrap();
        assert!(f.migrations.is_empty());
        let err = MigrationFolder::load(d.path().join("nope")).unwrap_err();
        assert!(matches!(err.0[0], FolderError::NotFound(_)));
        std::fs::write(d.path().join("0000_x.sql"), "SELECT 1;").unwrap();
        let err = MigrationFolder::load(d.path()).unwrap_err();
        assert!(matches!(err.0[0], FolderError::JournalMissing(_)), "{err}");
    }

    #[test]
    fn missing_and_orphan_files() {
        let d = temp();
        write_folder(d.path(), &["a", "b"]);
        std::fs::remove_file(d.path().join("0001_b.sql")).unwrap();
        std::fs::write(d.path().join("0002_c.sql"), "SELECT 1;").unwrap();
        let err = MigrationFolder::load(d.path()).unwrap_err();
        assert_eq!(err.0.len(), 2, "{err}");
        assert!(matches!(&err.0[0], FolderError::MissingFile { tag, .. } if tag == "0001_b"));
        assert!(matches!(&err.0[1], FolderError::OrphanFile { tag, .. } if tag == "0002_c"));
        let text = err.to_string();
        assert!(text.contains("0002_c.sql has no journal entry"), "{text}");
        assert_eq!(text.lines().count(), 2);
    }

    #[test]
    fn journal_problems() {
        let d = temp();
        let mut j = write_folder(d.path(), &["a", "b", "c"]);
        j.entries[1].idx = 0;
        j.entries[2].when = 1;
        std::fs::write(d.path().join(JOURNAL_PATH), j.to_json()).unwrap();
        let err = MigrationFolder::load(d.path()).unwrap_err();
        assert!(
            err.0
                .iter()
                .any(|e| matches!(e, FolderError::DuplicateIdx { idx: 0, .. })),
            "{err}"
        );
        assert!(
            err.0
                .iter()
                .any(|e| matches!(e, FolderError::WhenNotIncreasing { .. })),
            "{err}"
        );

        let mut j = Journal::new("postgresql");
        j.push_next("a", PrefixMode::Index, 10);
        let mut e = j.next_entry("b", PrefixMode::Index, 20);
        e.idx = 2;
        j.entries.push(e);
        let mut dup = j.entries[0].clone();
        dup.idx = 2;
        dup.when = 30;
        j.entries.push(dup);
        let problems = check_journal(&j);
        assert!(
            problems.iter().any(|e| matches!(
                e,
                FolderError::IdxGap {
                    found: 2,
                    expected: 1,
                    ..
                }
            )),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|e| matches!(e, FolderError::DuplicateTag { .. })),
            "{problems:?}"
        );

        let mut j = Journal::new("postgresql");
        j.push_next("a", PrefixMode::Index, 10);
        j.entries[0].tag = "../evil".into();
        assert!(matches!(check_journal(&j)[0], FolderError::BadTag { .. }));
    }

    #[test]
    fn bad_journal_never_panics() {
        let d = temp();
        for text in ["", "{", "{\n\n  \"version\": 7\n}", "null", "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":[{\"idx\":0,\"version\":\"7\",\"when\":1,\"tag\":\"../../x\"}]}"] {
            std::fs::write(d.path().join(JOURNAL_PATH), text).unwrap();
            let err = MigrationFolder::load(d.path()).unwrap_err();
            assert!(!err.0.is_empty());
        }
        std::fs::write(
            d.path().join(JOURNAL_PATH),
            "{\n  \"version\": \"7\",\n  ]\n}",
        )
        .unwrap();
        let err = MigrationFolder::load(d.path()).unwrap_err();
        assert!(
            matches!(&err.0[0], FolderError::BadJournal { line: 3, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("_journal.json:3:"), "{err}");
        // Every prefix of a valid journal: an error or a folder, never a panic.
        let good = {
            let mut j = Journal::new("postgresql");
            j.push_next("a", PrefixMode::Index, 1);
            j.to_json()
        };
        std::fs::write(d.path().join("0000_a.sql"), "SELECT 1;").unwrap();
        for i in 0..good.len() {
            std::fs::write(d.path().join(JOURNAL_PATH), &good[..i]).unwrap();
            assert!(MigrationFolder::load(d.path()).is_err());
        }
        std::fs::write(d.path().join(JOURNAL_PATH), &good).unwrap();
        assert!(MigrationFolder::load(d.path()).is_ok());
        std::fs::write(d.path().join(JOURNAL_PATH), [0xff, 0xfe]).unwrap();
        assert!(matches!(
            MigrationFolder::load(d.path()).unwrap_err().0[0],
            FolderError::NotUtf8(_)
        ));
    }
}
