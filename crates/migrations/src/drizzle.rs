//! Reading a drizzle-kit PostgreSQL migrations folder (`NNNN_tag.sql`,
//! `meta/_journal.json`, `meta/<prefix>_snapshot.json`) for `shale adopt`,
//! and converting drizzle-kit's snapshots (format version 7) to the model.
//!
//! Reading drizzle's snapshots exists for adoption only: shale's own snapshot
//! format stays its own ([`crate::snapshot`]). What would make shale wrong
//! refuses, every problem at once, each with its fix: `.sql` files the
//! journal does not name, entries without their file (shale's own folder
//! checks), a journal of another dialect, journal keys shale cannot keep.
//! drizzle's snapshots are only drizzle-kit's bookkeeping, and real folders
//! have them in every state: entries without their snapshot, snapshots no
//! entry owns, a broken `prevId` chain (two branches that both generated,
//! merged), copied snapshots, snapshots of older drizzle-kit versions or of
//! another dialect, unreadable ones. Those are never a refusal: each is
//! reported in [`DrizzleFolder::ignored`], saying what was ignored, and the
//! entry's snapshot is `None` when its contents cannot be used.
//!
//! The shape follows drizzle-kit's `pgSchemaInternal` (zod) schema in
//! `drizzle-kit/src/serializer/pgSchema.ts`: tables keyed `schema.name` with
//! columns, indexes, foreign keys, composite primary keys, unique and check
//! constraints; enums keyed `schema.name`; plus views, sequences, roles and
//! policies, which the model has no place for and which are listed in
//! [`DrizzleSnapshot::unsupported`] instead of being dropped silently.

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};
use shale_model::{
    naming, CheckConstraint, Column, ColumnType, ForeignKey, ForeignKeyAction, Identity, Index,
    IndexKey, IndexTarget, NullsOrder, PrimaryKey, QualifiedName, Schema, SortOrder, Table,
    UniqueConstraint, DEFAULT_INDEX_METHOD, DEFAULT_NAMESPACE,
};

use crate::folder::{FolderError, MigrationFolder, JOURNAL_PATH};
use crate::journal::{Journal, JournalEntry, PrefixMode};
use crate::snapshot::ROOT_ID;

/// The drizzle-kit snapshot format version this module reads.
pub const SUPPORTED_VERSION: &str = "7";

/// The journal keys drizzle-kit writes at the top level (and the only ones
/// shale's journal writer keeps).
const JOURNAL_KEYS: &[&str] = &["version", "dialect", "entries"];

/// A drizzle-kit folder, loaded and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct DrizzleFolder {
    /// The folder.
    pub dir: PathBuf,
    /// The journal and the `.sql` files, checked by shale's own loader (the
    /// same one `shale migrate` uses later).
    pub folder: MigrationFolder,
    /// One per journal entry, in journal order.
    pub migrations: Vec<DrizzleMigration>,
    /// The prefix mode the tags use, when they agree on one.
    pub prefix: Option<PrefixMode>,
    /// What was wrong with drizzle's snapshots, and so ignored (never a
    /// reason to refuse: only drizzle-kit reads them).
    pub ignored: Vec<DrizzleError>,
    /// Every `*_snapshot.json` file in `meta/`, sorted (copied along when the
    /// folder is adopted elsewhere, so drizzle-kit still works on the copy).
    pub snapshot_files: Vec<PathBuf>,
}

/// One journal entry with its converted snapshot.
#[derive(Clone, Debug, PartialEq)]
pub struct DrizzleMigration {
    /// The journal entry.
    pub entry: JournalEntry,
    /// The drizzle snapshot file, when there is one.
    pub snapshot_path: Option<PathBuf>,
    /// Its contents, when they could be read and converted (see
    /// [`DrizzleFolder::ignored`] for why not).
    pub snapshot: Option<DrizzleSnapshot>,
}

impl DrizzleFolder {
    /// How many entries have a usable drizzle snapshot.
    pub fn usable_snapshots(&self) -> usize {
        self.migrations
            .iter()
            .filter(|m| m.snapshot.is_some())
            .count()
    }
}

/// A drizzle-kit snapshot, converted.
#[derive(Clone, Debug, PartialEq)]
pub struct DrizzleSnapshot {
    /// drizzle's `id`.
    pub id: String,
    /// drizzle's `prevId`.
    pub prev_id: String,
    /// The schema it describes, normalised.
    pub schema: Schema,
    /// Objects the snapshot holds that the model cannot (views, sequences,
    /// row-level security policies, roles), one description each.
    pub unsupported: Vec<String>,
}

/// One problem with a drizzle folder.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DrizzleError {
    /// The journal or the files disagree (shale's folder checks).
    #[error("{0}")]
    Folder(#[from] FolderError),
    /// A file could not be read.
    #[error("cannot read {}: {message}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The system's message.
        message: String,
    },
    /// No journal.
    #[error("{} not found: is {} a drizzle-kit migrations folder (drizzle.config's `out`)? point --from-drizzle at the folder holding `meta/_journal.json`", path.display(), dir.display())]
    NoJournal {
        /// The folder.
        dir: PathBuf,
        /// The journal's path.
        path: PathBuf,
    },
    /// A journal for another database.
    #[error("{}: dialect {dialect:?}: shale adopts PostgreSQL drizzle folders only (dialect \"postgresql\")", path.display())]
    JournalDialect {
        /// The journal's path.
        path: PathBuf,
        /// Its dialect.
        dialect: String,
    },
    /// Top-level journal keys shale's journal writer would drop.
    #[error("{}: top-level key(s) {} are not drizzle-kit's and shale would drop them when it appends the next migration; remove them (drizzle-kit ignores them) and adopt again", path.display(), keys.join(", "))]
    JournalKeys {
        /// The journal's path.
        path: PathBuf,
        /// The keys.
        keys: Vec<String>,
    },
    /// An entry without its snapshot (ignored).
    #[error("journal entry {idx} (`{tag}`) has no drizzle snapshot ({} not found)", path.display())]
    MissingSnapshot {
        /// The entry's idx.
        idx: u32,
        /// The entry's tag.
        tag: String,
        /// The expected file.
        path: PathBuf,
    },
    /// A snapshot file no journal entry owns (ignored).
    #[error("{} belongs to no journal entry (a migration deleted by hand, or a snapshot named after no tag)", path.display())]
    OrphanSnapshot {
        /// The file.
        path: PathBuf,
    },
    /// A snapshot that is not JSON or not shaped like drizzle's (ignored).
    #[error("{}: {message}", path.display())]
    BadSnapshot {
        /// The file.
        path: PathBuf,
        /// What is wrong (with line or JSON path).
        message: String,
    },
    /// Another snapshot format version (ignored).
    #[error("{}: drizzle-kit snapshot version {version:?}, not version \"{SUPPORTED_VERSION}\" (written by drizzle-kit 0.22 and later; `drizzle-kit up` upgrades older ones)", path.display())]
    SnapshotVersion {
        /// The file.
        path: PathBuf,
        /// Its version.
        version: String,
    },
    /// A snapshot for another database (ignored).
    #[error("{}: a snapshot for dialect {dialect:?}, not \"postgresql\"", path.display())]
    SnapshotDialect {
        /// The file.
        path: PathBuf,
        /// Its dialect.
        dialect: String,
    },
    /// A `prevId` that is not the previous snapshot's `id` (ignored).
    #[error("{}: prevId {prev_id:?} is not {expected:?} ({after}): the snapshot chain is broken, as after merging two branches that both generated", path.display())]
    BrokenChain {
        /// The file.
        path: PathBuf,
        /// Its prevId.
        prev_id: String,
        /// The id it should follow.
        expected: String,
        /// What `expected` is, for the message.
        after: String,
    },
    /// Two snapshots with one `id`: a copied file (ignored).
    #[error("{} has the id {id:?} of {} too: a copied snapshot", path.display(), first.display())]
    DuplicateSnapshot {
        /// The later file.
        path: PathBuf,
        /// The id.
        id: String,
        /// The earlier file with that id.
        first: PathBuf,
    },
}

impl DrizzleError {
    /// Whether this is a snapshot problem, reported and ignored, rather than
    /// a reason to refuse the folder.
    pub fn is_snapshot_problem(&self) -> bool {
        matches!(
            self,
            DrizzleError::MissingSnapshot { .. }
                | DrizzleError::OrphanSnapshot { .. }
                | DrizzleError::BadSnapshot { .. }
                | DrizzleError::SnapshotVersion { .. }
                | DrizzleError::SnapshotDialect { .. }
                | DrizzleError::BrokenChain { .. }
                | DrizzleError::DuplicateSnapshot { .. }
        )
    }
}

/// Every problem found in a drizzle folder (at least one).
#[derive(Debug, Clone, PartialEq)]
pub struct DrizzleErrors(pub Vec<DrizzleError>);

impl fmt::Display for DrizzleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::folder::write_lines(f, &self.0)
    }
}

impl std::error::Error for DrizzleErrors {}

impl DrizzleFolder {
    /// Loads and checks a drizzle-kit folder; reports every problem at once.
    pub fn load(dir: impl AsRef<Path>) -> Result<DrizzleFolder, DrizzleErrors> {
        let dir = dir.as_ref().to_path_buf();
        let one = |e: DrizzleError| DrizzleErrors(vec![e]);
        if !dir.is_dir() {
            return Err(one(FolderError::NotFound(dir).into()));
        }
        let journal_path = dir.join(JOURNAL_PATH);
        if !journal_path.is_file() {
            return Err(one(DrizzleError::NoJournal {
                dir,
                path: journal_path,
            }));
        }
        // drizzle-kit's own checks first: keys shale's journal reader refuses
        // get a message about drizzle, not a bare parse error.
        if let Ok(Value::Object(top)) = std::fs::read_to_string(&journal_path)
            .map_err(|_| ())
            .and_then(|t| serde_json::from_str::<Value>(&t).map_err(|_| ()))
        {
            let keys: Vec<String> = top
                .keys()
                .filter(|k| !JOURNAL_KEYS.contains(&k.as_str()))
                .cloned()
                .collect();
            if !keys.is_empty() {
                return Err(one(DrizzleError::JournalKeys {
                    path: journal_path,
                    keys,
                }));
            }
        }
        let folder = MigrationFolder::load(&dir)
            .map_err(|e| DrizzleErrors(e.0.into_iter().map(Into::into).collect()))?;
        if !matches!(
            folder.journal.dialect.as_str(),
            "postgresql" | "pg" | "postgres"
        ) {
            return Err(one(DrizzleError::JournalDialect {
                path: journal_path,
                dialect: folder.journal.dialect.clone(),
            }));
        }

        let meta = dir.join("meta");
        let mut ignored = Vec::new();
        let mut migrations = Vec::with_capacity(folder.journal.entries.len());
        let mut owned: Vec<PathBuf> = Vec::new();
        for entry in &folder.journal.entries {
            let Some(path) = snapshot_path(&meta, entry) else {
                ignored.push(DrizzleError::MissingSnapshot {
                    idx: entry.idx,
                    tag: entry.tag.clone(),
                    path: meta.join(format!("{}_snapshot.json", tag_prefix(&entry.tag))),
                });
                migrations.push(DrizzleMigration {
                    entry: entry.clone(),
                    snapshot_path: None,
                    snapshot: None,
                });
                continue;
            };
            owned.push(path.clone());
            let snapshot = match std::fs::read_to_string(&path) {
                Ok(text) => match DrizzleSnapshot::parse(&text) {
                    Ok(snapshot) => Some(snapshot),
                    Err(e) => {
                        ignored.push(e.at(path.clone()));
                        None
                    }
                },
                Err(e) => {
                    ignored.push(DrizzleError::Io {
                        path: path.clone(),
                        message: e.to_string(),
                    });
                    None
                }
            };
            migrations.push(DrizzleMigration {
                entry: entry.clone(),
                snapshot_path: Some(path),
                snapshot,
            });
        }
        // Snapshots without an entry: a migration deleted by hand.
        let mut snapshot_files: Vec<PathBuf> = std::fs::read_dir(&meta)
            .map(|read| {
                read.flatten()
                    .map(|e| e.path())
                    .filter(|p| {
                        p.is_file()
                            && p.file_name()
                                .and_then(|n| n.to_str())
                                .is_some_and(|n| n.ends_with("_snapshot.json"))
                    })
                    .collect()
            })
            .unwrap_or_default();
        snapshot_files.sort();
        ignored.extend(
            snapshot_files
                .iter()
                .filter(|p| !owned.contains(p))
                .map(|path| DrizzleError::OrphanSnapshot { path: path.clone() }),
        );
        // The chain, wherever two neighbouring entries both have a snapshot.
        let mut previous: Option<(&str, &Path)> = None;
        let mut seen: Vec<(&str, &Path)> = Vec::new();
        for (i, m) in migrations.iter().enumerate() {
            let (Some(snap), Some(path)) = (&m.snapshot, &m.snapshot_path) else {
                previous = None;
                continue;
            };
            let expected = match previous {
                Some((id, p)) => Some((id.to_string(), format!("the id of {}", p.display()))),
                None if i == 0 => Some((
                    ROOT_ID.to_string(),
                    "the root id of drizzle's first snapshot".to_string(),
                )),
                None => None,
            };
            if let Some((expected, after)) = expected {
                if snap.prev_id != expected {
                    ignored.push(DrizzleError::BrokenChain {
                        path: path.clone(),
                        prev_id: snap.prev_id.clone(),
                        expected,
                        after,
                    });
                }
            }
            if let Some((_, first)) = seen.iter().find(|(id, _)| *id == snap.id) {
                ignored.push(DrizzleError::DuplicateSnapshot {
                    path: path.clone(),
                    id: snap.id.clone(),
                    first: first.to_path_buf(),
                });
            }
            seen.push((&snap.id, path));
            previous = Some((&snap.id, path));
        }
        let prefix = detect_prefix(&folder.journal);
        Ok(DrizzleFolder {
            dir,
            folder,
            migrations,
            prefix,
            ignored,
            snapshot_files,
        })
    }
}

/// The part of a tag before its first `_` (drizzle's prefix).
fn tag_prefix(tag: &str) -> &str {
    tag.split_once('_').map_or(tag, |(p, _)| p)
}

/// drizzle-kit names a snapshot after the tag's prefix (`0003_snapshot.json`,
/// `20240101120000_snapshot.json`, `1700000000_snapshot.json`); folders
/// converted by hand sometimes use the index instead.
fn snapshot_path(meta: &Path, entry: &JournalEntry) -> Option<PathBuf> {
    let by_prefix = meta.join(format!("{}_snapshot.json", tag_prefix(&entry.tag)));
    if by_prefix.is_file() {
        return Some(by_prefix);
    }
    let by_idx = meta.join(format!("{:04}_snapshot.json", entry.idx));
    by_idx.is_file().then_some(by_idx)
}

/// The prefix mode every tag of the journal follows, if one does.
pub fn detect_prefix(journal: &Journal) -> Option<PrefixMode> {
    fn digits(e: &JournalEntry) -> Option<&str> {
        let p = tag_prefix(&e.tag);
        (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && e.tag.len() > p.len())
            .then_some(p)
    }
    let all = |f: &dyn Fn(&JournalEntry, &str) -> bool| {
        !journal.entries.is_empty()
            && journal
                .entries
                .iter()
                .all(|e| digits(e).is_some_and(|p| f(e, p)))
    };
    if all(&|e, p| p.len() == 4 && p.parse::<u32>() == Ok(e.idx)) {
        Some(PrefixMode::Index)
    } else if all(&|_, p| p.len() == 14) {
        Some(PrefixMode::Timestamp)
    } else if all(&|_, p| (9..=11).contains(&p.len())) {
        Some(PrefixMode::Unix)
    } else {
        None
    }
}

/// A snapshot problem before its path is known.
#[derive(Debug)]
enum ParseError {
    Bad(String),
    Version(String),
    Dialect(String),
}

impl ParseError {
    fn at(self, path: PathBuf) -> DrizzleError {
        match self {
            ParseError::Bad(message) => DrizzleError::BadSnapshot { path, message },
            ParseError::Version(version) => DrizzleError::SnapshotVersion { path, version },
            ParseError::Dialect(dialect) => DrizzleError::SnapshotDialect { path, dialect },
        }
    }
}

type Parse<T> = Result<T, ParseError>;

fn bad<T>(message: impl Into<String>) -> Parse<T> {
    Err(ParseError::Bad(message.into()))
}

fn object<'a>(v: &'a Value, what: &str) -> Parse<&'a Map<String, Value>> {
    v.as_object()
        .ok_or_else(|| ParseError::Bad(format!("{what} is not an object")))
}

/// A record (`{"key": {...}}`), absent meaning empty (drizzle's zod defaults).
fn record<'a>(
    parent: &'a Map<String, Value>,
    key: &str,
    what: &str,
) -> Parse<Vec<(&'a String, &'a Map<String, Value>)>> {
    match parent.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Object(m)) => m
            .iter()
            .map(|(k, v)| Ok((k, object(v, &format!("{what} {key:?} entry {k:?}"))?)))
            .collect(),
        Some(_) => bad(format!("{what}: {key:?} is not an object")),
    }
}

fn string<'a>(m: &'a Map<String, Value>, key: &str, what: &str) -> Parse<&'a str> {
    match m.get(key) {
        Some(Value::String(s)) => Ok(s),
        Some(_) => bad(format!("{what}: {key:?} is not a string")),
        None => bad(format!("{what}: missing key {key:?}")),
    }
}

fn opt_string<'a>(m: &'a Map<String, Value>, key: &str, what: &str) -> Parse<Option<&'a str>> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => bad(format!("{what}: {key:?} is not a string")),
    }
}

fn boolean(m: &Map<String, Value>, key: &str, what: &str) -> Parse<bool> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => bad(format!("{what}: {key:?} is not a boolean")),
    }
}

fn strings(m: &Map<String, Value>, key: &str, what: &str) -> Parse<Vec<String>> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| ParseError::Bad(format!("{what}: {key:?} holds a non-string")))
            })
            .collect(),
        Some(_) => bad(format!("{what}: {key:?} is not an array")),
    }
}

/// drizzle writes `""` for the default schema in tables.
fn namespace(schema: Option<&str>) -> String {
    match schema {
        None | Some("") => DEFAULT_NAMESPACE.to_string(),
        Some(s) => s.to_string(),
    }
}

fn action(m: &Map<String, Value>, key: &str, what: &str) -> Parse<ForeignKeyAction> {
    match opt_string(m, key, what)? {
        None => Ok(ForeignKeyAction::NoAction),
        Some(s) => ForeignKeyAction::parse(s).ok_or_else(|| {
            ParseError::Bad(format!("{what}: {key} {s:?} is not a foreign key action"))
        }),
    }
}

impl DrizzleSnapshot {
    /// Parses and converts a drizzle-kit snapshot (version 7, PostgreSQL).
    /// The error names the problem; [`DrizzleFolder::load`] adds the path.
    pub fn from_json(text: &str) -> Result<DrizzleSnapshot, DrizzleError> {
        Self::parse(text).map_err(|e| e.at(PathBuf::from("snapshot")))
    }

    fn parse(text: &str) -> Parse<DrizzleSnapshot> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            ParseError::Bad(format!(
                "invalid JSON at line {}, column {}",
                e.line(),
                e.column()
            ))
        })?;
        let top = object(&value, "the snapshot")?;
        let version = match top.get("version") {
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => return bad("missing key \"version\": not a drizzle-kit snapshot"),
        };
        if version != SUPPORTED_VERSION {
            return Err(ParseError::Version(version));
        }
        let dialect = string(top, "dialect", "the snapshot")?;
        if dialect != "postgresql" {
            return Err(ParseError::Dialect(dialect.to_string()));
        }
        let id = string(top, "id", "the snapshot")?.to_string();
        let prev_id = string(top, "prevId", "the snapshot")?.to_string();

        let mut schema = Schema::default();
        let mut unsupported = Vec::new();
        match top.get("schemas") {
            None | Some(Value::Null) => {}
            Some(Value::Object(m)) => {
                for (k, v) in m {
                    let name = v.as_str().unwrap_or(k);
                    if name != DEFAULT_NAMESPACE {
                        schema.namespaces.push(name.to_string());
                    }
                }
            }
            Some(_) => return bad("\"schemas\" is not an object"),
        }
        for (key, e) in record(top, "enums", "the snapshot")? {
            let what = format!("enum {key:?}");
            schema.enums.push(shale_model::Enum {
                name: QualifiedName::new(
                    namespace(opt_string(e, "schema", &what)?),
                    string(e, "name", &what)?,
                ),
                values: strings(e, "values", &what)?,
                comment: None,
            });
        }
        for (key, t) in record(top, "tables", "the snapshot")? {
            let table = convert_table(key, t, &schema.enums)?;
            if boolean(t, "isRLSEnabled", key)? {
                unsupported.push(format!("row-level security on table {}", table.name));
            }
            for (name, _) in record(t, "policies", key)? {
                unsupported.push(format!("policy {name} on table {}", table.name));
            }
            schema.tables.push(table);
        }
        for (kind, key) in [
            ("view", "views"),
            ("sequence", "sequences"),
            ("role", "roles"),
            ("policy", "policies"),
        ] {
            for (name, _) in record(top, key, "the snapshot")? {
                unsupported.push(format!("{kind} {name}"));
            }
        }
        schema.normalize();
        Ok(DrizzleSnapshot {
            id,
            prev_id,
            schema,
            unsupported,
        })
    }
}

fn convert_table(key: &str, t: &Map<String, Value>, enums: &[shale_model::Enum]) -> Parse<Table> {
    let what = format!("table {key:?}");
    let name = QualifiedName::new(
        namespace(opt_string(t, "schema", &what)?),
        string(t, "name", &what)?,
    );
    let mut table = Table::new(name.clone());
    let mut pk_columns = Vec::new();
    for (ckey, c) in record(t, "columns", &what)? {
        let cwhat = format!("{what} column {ckey:?}");
        let col_name = string(c, "name", &cwhat)?.to_string();
        let ty = column_type(
            string(c, "type", &cwhat)?,
            opt_string(c, "typeSchema", &cwhat)?,
            enums,
        );
        let primary = boolean(c, "primaryKey", &cwhat)?;
        if primary {
            pk_columns.push(col_name.clone());
        }
        let default = match c.get("default") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Bool(b)) => Some(b.to_string()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(other) => Some(format!("'{}'", other.to_string().replace('\'', "''"))),
        };
        let identity = match c.get("identity") {
            None | Some(Value::Null) => None,
            Some(v) => {
                let id = object(v, &format!("{cwhat} identity"))?;
                Some(match string(id, "type", &cwhat)? {
                    "always" => Identity::Always,
                    "byDefault" => Identity::ByDefault,
                    other => {
                        return bad(format!(
                        "{cwhat}: identity type {other:?} is neither \"always\" nor \"byDefault\""
                    ))
                    }
                })
            }
        };
        let generated = match c.get("generated") {
            None | Some(Value::Null) => None,
            Some(v) => {
                Some(string(object(v, &format!("{cwhat} generated"))?, "as", &cwhat)?.to_string())
            }
        };
        // drizzle-kit before 0.24 put `.unique()` on the column itself.
        if boolean(c, "isUnique", &cwhat)? {
            let cols = [col_name.clone()];
            table.uniques.push(UniqueConstraint {
                comment: None,
                deferrable: Default::default(),
                name: opt_string(c, "uniqueName", &cwhat)?
                    .map_or_else(|| naming::unique(&name.name, &cols), str::to_string),
                columns: cols.to_vec(),
                nulls_not_distinct: boolean(c, "nullsNotDistinct", &cwhat)?,
            });
        }
        table.columns.push(Column {
            name: col_name,
            ty,
            nullable: !boolean(c, "notNull", &cwhat)? && !primary,
            default,
            identity,
            // drizzle-kit's identity sequence options are not read (yet):
            // adopted identities keep PostgreSQL's defaults.
            identity_options: shale_model::SequenceOptions::default(),
            generated,
            collation: None,
            comment: None,
            grants: Vec::new(),
        });
    }
    for (pkey, pk) in record(t, "compositePrimaryKeys", &what)? {
        let pwhat = format!("{what} primary key {pkey:?}");
        let columns = strings(pk, "columns", &pwhat)?;
        for col in &mut table.columns {
            if columns.contains(&col.name) {
                col.nullable = false;
            }
        }
        let name = opt_string(pk, "name", &pwhat)?.filter(|n| !n.is_empty());
        table.primary_key = Some(PrimaryKey {
            comment: None,
            deferrable: Default::default(),
            name: name.map_or_else(|| naming::primary_key(&table.name.name), str::to_string),
            columns,
        });
    }
    if table.primary_key.is_none() && !pk_columns.is_empty() {
        // drizzle records no name for a column's primary key: PostgreSQL's.
        table.primary_key = Some(PrimaryKey {
            comment: None,
            deferrable: Default::default(),
            name: naming::primary_key(&table.name.name),
            columns: pk_columns,
        });
    }
    for (ukey, u) in record(t, "uniqueConstraints", &what)? {
        let uwhat = format!("{what} unique constraint {ukey:?}");
        table.uniques.push(UniqueConstraint {
            comment: None,
            deferrable: Default::default(),
            name: string(u, "name", &uwhat)?.to_string(),
            columns: strings(u, "columns", &uwhat)?,
            nulls_not_distinct: boolean(u, "nullsNotDistinct", &uwhat)?,
        });
    }
    for (ckey, c) in record(t, "checkConstraints", &what)? {
        let cwhat = format!("{what} check {ckey:?}");
        table.checks.push(CheckConstraint {
            comment: None,
            not_valid: false,
            no_inherit: false,
            name: string(c, "name", &cwhat)?.to_string(),
            expr: string(c, "value", &cwhat)?.to_string(),
        });
    }
    for (fkey, fk) in record(t, "foreignKeys", &what)? {
        let fwhat = format!("{what} foreign key {fkey:?}");
        table.foreign_keys.push(ForeignKey {
            comment: None,
            not_valid: false,
            match_full: false,
            name: string(fk, "name", &fwhat)?.to_string(),
            columns: strings(fk, "columnsFrom", &fwhat)?,
            referenced_table: QualifiedName::new(
                namespace(opt_string(fk, "schemaTo", &fwhat)?),
                string(fk, "tableTo", &fwhat)?,
            ),
            referenced_columns: strings(fk, "columnsTo", &fwhat)?,
            on_delete: action(fk, "onDelete", &fwhat)?,
            on_update: action(fk, "onUpdate", &fwhat)?,
            deferrable: Default::default(),
        });
    }
    for (ikey, i) in record(t, "indexes", &what)? {
        let iwhat = format!("{what} index {ikey:?}");
        let mut keys = Vec::new();
        match i.get("columns") {
            Some(Value::Array(cols)) => {
                for c in cols {
                    let c = object(c, &format!("{iwhat} column"))?;
                    let expression = string(c, "expression", &iwhat)?.to_string();
                    let asc = match c.get("asc") {
                        None | Some(Value::Null) => true,
                        Some(Value::Bool(b)) => *b,
                        Some(_) => return bad(format!("{iwhat}: \"asc\" is not a boolean")),
                    };
                    let order = if asc { SortOrder::Asc } else { SortOrder::Desc };
                    // drizzle always writes `nulls`; the model keeps only a
                    // non-default placement (last for ASC, first for DESC).
                    let nulls = match opt_string(c, "nulls", &iwhat)?
                        .map(str::to_ascii_lowercase)
                        .as_deref()
                    {
                        Some("first") if asc => Some(NullsOrder::First),
                        Some("last") if !asc => Some(NullsOrder::Last),
                        _ => None,
                    };
                    keys.push(IndexKey {
                        target: if boolean(c, "isExpression", &iwhat)? {
                            IndexTarget::Expression(expression)
                        } else {
                            IndexTarget::Column(expression)
                        },
                        order,
                        nulls,
                        opclass: opt_string(c, "opclass", &iwhat)?
                            .filter(|o| !o.is_empty())
                            .map(str::to_string),
                    });
                }
            }
            _ => return bad(format!("{iwhat}: \"columns\" is not an array")),
        }
        table.indexes.push(Index {
            comment: None,
            name: string(i, "name", &iwhat)?.to_string(),
            unique: boolean(i, "isUnique", &iwhat)?,
            nulls_not_distinct: false,
            method: opt_string(i, "method", &iwhat)?
                .filter(|m| !m.is_empty())
                .map_or_else(|| DEFAULT_INDEX_METHOD.to_string(), str::to_ascii_lowercase),
            keys,
            include: Vec::new(),
            predicate: opt_string(i, "where", &iwhat)?
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        });
    }
    table.normalize();
    Ok(table)
}

/// A drizzle column type: `typeSchema` marks an enum (older snapshots leave
/// it out, so a name matching one of the snapshot's enums is one too).
fn column_type(
    spelling: &str,
    type_schema: Option<&str>,
    enums: &[shale_model::Enum],
) -> ColumnType {
    let (base, dims) = shale_model::types::split_array_suffix(spelling);
    let unquoted = base.trim_matches('"');
    let enum_name = match type_schema {
        Some(schema) => Some(QualifiedName::new(namespace(Some(schema)), unquoted)),
        None => enums
            .iter()
            .find(|e| e.name.name == unquoted && e.name.is_public())
            .map(|e| e.name.clone()),
    };
    match enum_name {
        Some(name) => {
            let mut ty = ColumnType::enum_(name);
            ty.array_dims = dims;
            ty
        }
        None => ColumnType::named(spelling),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shale_model::BaseType;

    /// A temporary folder holding an empty `meta/`, removed when dropped.
    fn temp() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("meta")).unwrap();
        dir
    }

    /// A snapshot as drizzle-kit 0.30 writes it (keys, order and all).
    const USERS_V7: &str = r#"{
  "id": "4b6c1e2a-0000-4000-8000-000000000001",
  "prevId": "00000000-0000-0000-0000-000000000000",
  "version": "7",
  "dialect": "postgresql",
  "tables": {
    "public.users": {
      "name": "users",
      "schema": "",
      "columns": {
        "id": {
          "name": "id",
          "type": "integer",
          "primaryKey": true,
          "notNull": true,
          "identity": {
            "type": "always",
            "name": "users_id_seq",
            "schema": "public",
            "increment": "1",
            "startWith": "1",
            "minValue": "1",
            "maxValue": "2147483647",
            "cache": "1",
            "cycle": false
          }
        },
        "email": {
          "name": "email",
          "type": "varchar(320)",
          "primaryKey": false,
          "notNull": true
        },
        "role": {
          "name": "role",
          "type": "role",
          "typeSchema": "public",
          "primaryKey": false,
          "notNull": true,
          "default": "'member'"
        },
        "tags": {
          "name": "tags",
          "type": "text[]",
          "primaryKey": false,
          "notNull": false,
          "default": "'{}'"
        },
        "score": {
          "name": "score",
          "type": "numeric(10, 2)",
          "primaryKey": false,
          "notNull": false,
          "default": 0
        },
        "active": {
          "name": "active",
          "type": "boolean",
          "primaryKey": false,
          "notNull": true,
          "default": true
        },
        "created_at": {
          "name": "created_at",
          "type": "timestamp with time zone",
          "primaryKey": false,
          "notNull": true,
          "default": "now()"
        },
        "lower_email": {
          "name": "lower_email",
          "type": "text",
          "primaryKey": false,
          "notNull": false,
          "generated": {
            "as": "lower(\"users\".\"email\")",
            "type": "stored"
          }
        }
      },
      "indexes": {
        "users_created_idx": {
          "name": "users_created_idx",
          "columns": [
            {
              "expression": "created_at",
              "isExpression": false,
              "asc": false,
              "nulls": "first"
            },
            {
              "expression": "lower(\"email\")",
              "isExpression": true,
              "asc": true,
              "nulls": "last",
              "opclass": "text_pattern_ops"
            }
          ],
          "isUnique": false,
          "concurrently": false,
          "method": "btree",
          "where": "\"users\".\"active\" = true",
          "with": {}
        }
      },
      "foreignKeys": {},
      "compositePrimaryKeys": {},
      "uniqueConstraints": {
        "users_email_unique": {
          "name": "users_email_unique",
          "nullsNotDistinct": false,
          "columns": [
            "email"
          ]
        }
      },
      "policies": {},
      "checkConstraints": {
        "score_positive": {
          "name": "score_positive",
          "value": "\"users\".\"score\" >= 0"
        }
      },
      "isRLSEnabled": false
    },
    "billing.invoices": {
      "name": "invoices",
      "schema": "billing",
      "columns": {
        "user_id": {
          "name": "user_id",
          "type": "integer",
          "primaryKey": false,
          "notNull": true
        },
        "number": {
          "name": "number",
          "type": "serial",
          "primaryKey": false,
          "notNull": true
        }
      },
      "indexes": {},
      "foreignKeys": {
        "invoices_user_id_users_id_fk": {
          "name": "invoices_user_id_users_id_fk",
          "tableFrom": "invoices",
          "tableTo": "users",
          "schemaTo": "public",
          "columnsFrom": [
            "user_id"
          ],
          "columnsTo": [
            "id"
          ],
          "onDelete": "cascade",
          "onUpdate": "no action"
        }
      },
      "compositePrimaryKeys": {
        "invoices_user_id_number_pk": {
          "name": "invoices_user_id_number_pk",
          "columns": [
            "user_id",
            "number"
          ]
        }
      },
      "uniqueConstraints": {},
      "policies": {},
      "checkConstraints": {},
      "isRLSEnabled": false
    }
  },
  "enums": {
    "public.role": {
      "name": "role",
      "schema": "public",
      "values": [
        "admin",
        "member"
      ]
    }
  },
  "schemas": {
    "billing": "billing"
  },
  "sequences": {},
  "roles": {},
  "policies": {},
  "views": {},
  "_meta": {
    "columns": {},
    "schemas": {},
    "tables": {}
  }
}"#;

    #[test]
    fn converts_a_v7_snapshot() {
        let s = DrizzleSnapshot::from_json(USERS_V7).unwrap();
        assert_eq!(s.prev_id, ROOT_ID);
        assert!(s.unsupported.is_empty());
        assert_eq!(s.schema.namespaces, vec!["billing".to_string()]);
        assert_eq!(s.schema.enums[0].name, QualifiedName::public("role"));
        assert_eq!(s.schema.enums[0].values, vec!["admin", "member"]);
        let users = s.schema.table(&QualifiedName::public("users")).unwrap();
        let names: Vec<&str> = users.columns.iter().map(|c| c.name.as_str()).collect();
        // Declaration order is kept (JSON object order).
        assert_eq!(
            names,
            [
                "id",
                "email",
                "role",
                "tags",
                "score",
                "active",
                "created_at",
                "lower_email"
            ]
        );
        let col = |n: &str| users.column(n).unwrap();
        assert_eq!(col("id").identity, Some(Identity::Always));
        assert!(!col("id").nullable);
        assert_eq!(col("email").ty, ColumnType::named("varchar(320)"));
        assert_eq!(
            col("role").ty.base,
            BaseType::Enum(QualifiedName::public("role"))
        );
        assert_eq!(col("role").default.as_deref(), Some("'member'"));
        assert_eq!(col("tags").ty.to_string(), "text[]");
        assert!(col("tags").nullable);
        assert_eq!(col("score").ty.to_string(), "numeric(10,2)");
        assert_eq!(col("score").default.as_deref(), Some("0"));
        assert_eq!(col("active").default.as_deref(), Some("true"));
        assert_eq!(col("created_at").ty.to_string(), "timestamptz");
        assert_eq!(
            col("lower_email").generated.as_deref(),
            Some("lower(\"users\".\"email\")")
        );
        assert_eq!(
            users.primary_key,
            Some(PrimaryKey {
                comment: None,
                deferrable: Default::default(),
                name: "users_pkey".into(),
                columns: vec!["id".into()]
            })
        );
        assert_eq!(users.uniques[0].name, "users_email_unique");
        assert_eq!(users.checks[0].expr, "\"users\".\"score\" >= 0");
        let idx = &users.indexes[0];
        assert_eq!(idx.keys[0].order, SortOrder::Desc);
        assert_eq!(idx.keys[0].nulls, None, "NULLS FIRST is DESC's default");
        assert_eq!(
            idx.keys[1].target,
            IndexTarget::Expression("lower(\"email\")".into())
        );
        assert_eq!(idx.keys[1].opclass.as_deref(), Some("text_pattern_ops"));
        assert_eq!(
            idx.predicate.as_deref(),
            Some("\"users\".\"active\" = true")
        );

        let inv = s
            .schema
            .table(&QualifiedName::new("billing", "invoices"))
            .unwrap();
        assert_eq!(
            inv.primary_key.as_ref().unwrap().name,
            "invoices_user_id_number_pk"
        );
        assert_eq!(inv.column("number").unwrap().ty.to_string(), "serial");
        let fk = &inv.foreign_keys[0];
        assert_eq!(fk.referenced_table, QualifiedName::public("users"));
        assert_eq!(
            (fk.on_delete, fk.on_update),
            (ForeignKeyAction::Cascade, ForeignKeyAction::NoAction)
        );
    }

    #[test]
    fn legacy_column_uniques_and_missing_type_schema() {
        let text = r#"{"id":"a","prevId":"00000000-0000-0000-0000-000000000000","version":"7","dialect":"postgresql",
          "tables":{"public.t":{"name":"t","schema":"","columns":{
            "c":{"name":"c","type":"mood[]","primaryKey":false,"notNull":false,"isUnique":true,"uniqueName":"t_c_unique","nullsNotDistinct":true}},
            "indexes":{},"foreignKeys":{},"compositePrimaryKeys":{}}},
          "enums":{"public.mood":{"name":"mood","schema":"public","values":["ok"]}},
          "schemas":{},"views":{"public.v":{}},"sequences":{"public.s":{}},"_meta":{"columns":{},"schemas":{},"tables":{}}}"#;
        let s = DrizzleSnapshot::from_json(text).unwrap();
        let t = &s.schema.tables[0];
        assert_eq!(
            t.columns[0].ty.base,
            BaseType::Enum(QualifiedName::public("mood"))
        );
        assert_eq!(t.columns[0].ty.array_dims, 1);
        assert_eq!(t.uniques[0].name, "t_c_unique");
        assert!(t.uniques[0].nulls_not_distinct);
        assert_eq!(
            s.unsupported,
            vec!["view public.v".to_string(), "sequence public.s".to_string()]
        );
    }

    #[test]
    fn other_versions_and_dialects_are_not_converted() {
        let v6 = USERS_V7.replace("\"version\": \"7\"", "\"version\": \"6\"");
        let e = DrizzleSnapshot::from_json(&v6).unwrap_err().to_string();
        assert!(
            e.contains("version \"6\", not version \"7\"") && e.contains("drizzle-kit up"),
            "{e}"
        );
        let mysql = USERS_V7.replace("\"dialect\": \"postgresql\"", "\"dialect\": \"mysql\"");
        let e = DrizzleSnapshot::from_json(&mysql).unwrap_err().to_string();
        assert!(e.contains("dialect \"mysql\", not \"postgresql\""), "{e}");
        for broken in [
            "",
            "[]",
            "{\"version\":\"7\"}",
            &USERS_V7.replace("\"asc\": false", "\"asc\": 1"),
        ] {
            assert!(DrizzleSnapshot::from_json(broken).is_err(), "{broken}");
        }
    }

    fn snapshot(id: &str, prev: &str) -> String {
        USERS_V7
            .replacen("4b6c1e2a-0000-4000-8000-000000000001", id, 1)
            .replacen(ROOT_ID, prev, 1)
    }

    fn journal(tags: &[&str]) -> String {
        let entries: Vec<String> = tags
            .iter()
            .enumerate()
            .map(|(i, t)| {
                format!(
                    "    {{\n      \"idx\": {i},\n      \"version\": \"7\",\n      \"when\": {},\n      \"tag\": \"{t}\",\n      \"breakpoints\": true\n    }}",
                    1_700_000_000_000i64 + i as i64 * 1000
                )
            })
            .collect();
        format!("{{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"entries\": [\n{}\n  ]\n}}", entries.join(",\n"))
    }

    fn write(dir: &Path, tags: &[&str]) {
        std::fs::write(dir.join(JOURNAL_PATH), journal(tags)).unwrap();
        let mut prev = ROOT_ID.to_string();
        for (i, t) in tags.iter().enumerate() {
            std::fs::write(dir.join(format!("{t}.sql")), format!("SELECT {i};")).unwrap();
            let id = format!("id-{i}");
            std::fs::write(
                dir.join(format!("meta/{}_snapshot.json", tag_prefix(t))),
                snapshot(&id, &prev),
            )
            .unwrap();
            prev = id;
        }
    }

    #[test]
    fn loads_folders_with_each_prefix_mode() {
        for (tags, mode) in [
            (&["0000_init", "0001_next"][..], PrefixMode::Index),
            (
                &["20240101120000_init", "20240102120000_next"][..],
                PrefixMode::Timestamp,
            ),
            (
                &["1700000000_init", "1700000100_next"][..],
                PrefixMode::Unix,
            ),
        ] {
            let d = temp();
            write(d.path(), tags);
            let f = DrizzleFolder::load(d.path()).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(f.prefix, Some(mode));
            assert_eq!(f.migrations.len(), 2);
            assert!(f.ignored.is_empty(), "{:?}", f.ignored);
            assert_eq!(f.migrations[1].snapshot.as_ref().unwrap().prev_id, "id-0");
        }
    }

    #[test]
    fn mixed_numbering_has_no_prefix_mode_and_old_dialect_names_are_read() {
        let d = temp();
        write(d.path(), &["0000_init", "20240102120000_next"]);
        let j = std::fs::read_to_string(d.path().join(JOURNAL_PATH)).unwrap();
        std::fs::write(
            d.path().join(JOURNAL_PATH),
            j.replace("\"postgresql\"", "\"pg\""),
        )
        .unwrap();
        let f = DrizzleFolder::load(d.path()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.prefix, None);
        assert_eq!(f.folder.journal.dialect, "pg");
        // A folder converted by hand may name snapshots by index.
        let d = temp();
        write(d.path(), &["20240101120000_init"]);
        std::fs::rename(
            d.path().join("meta/20240101120000_snapshot.json"),
            d.path().join("meta/0000_snapshot.json"),
        )
        .unwrap();
        let f = DrizzleFolder::load(d.path()).unwrap_or_else(|e| panic!("{e}"));
        assert!(f.migrations[0]
            .snapshot_path
            .as_ref()
            .unwrap()
            .ends_with("meta/0000_snapshot.json"));
    }

    #[test]
    fn what_would_make_shale_wrong_is_refused_all_at_once_with_the_fix() {
        let d = temp();
        write(d.path(), &["0000_a", "0001_b", "0002_c"]);
        std::fs::write(d.path().join("0003_orphan.sql"), "SELECT 1;").unwrap();
        std::fs::remove_file(d.path().join("0001_b.sql")).unwrap();
        let e = DrizzleFolder::load(d.path()).unwrap_err().to_string();
        assert!(e.contains("0003_orphan.sql has no journal entry"), "{e}");
        assert!(e.contains("journal entry 1 (`0001_b`) has no file"), "{e}");

        let d = temp();
        write(d.path(), &["0000_a"]);
        let j = journal(&["0000_a"]).replacen("{\n", "{\n  \"comment\": \"x\",\n", 1);
        std::fs::write(d.path().join(JOURNAL_PATH), j).unwrap();
        let e = DrizzleFolder::load(d.path()).unwrap_err().to_string();
        assert!(e.contains("top-level key(s) comment"), "{e}");

        let d = temp();
        write(d.path(), &["0000_a"]);
        std::fs::write(
            d.path().join(JOURNAL_PATH),
            journal(&["0000_a"]).replace("postgresql", "mysql"),
        )
        .unwrap();
        let e = DrizzleFolder::load(d.path()).unwrap_err().to_string();
        assert!(e.contains("PostgreSQL drizzle folders only"), "{e}");

        let d = temp();
        let e = DrizzleFolder::load(d.path()).unwrap_err().to_string();
        assert!(e.contains("meta/_journal.json not found"), "{e}");
    }

    /// Every state drizzle's snapshots are found in is reported and ignored:
    /// the folder loads, each entry with its snapshot where it is usable.
    #[test]
    fn snapshot_damage_is_ignored_and_reported() {
        let tags = ["0000_a", "0001_b", "0002_c", "0003_d", "0004_e", "0005_f"];
        let d = temp();
        write(d.path(), &tags);
        let meta = d.path().join("meta");
        // 0001: missing; 0002: older drizzle-kit; 0003: not JSON;
        // 0004: a branch merged (prevId of 0000's id); 0005: a copy of 0004.
        std::fs::remove_file(meta.join("0001_snapshot.json")).unwrap();
        let v5 = snapshot("id-2", "id-1").replace("\"version\": \"7\"", "\"version\": \"5\"");
        std::fs::write(meta.join("0002_snapshot.json"), v5).unwrap();
        std::fs::write(meta.join("0003_snapshot.json"), "{ broken").unwrap();
        std::fs::write(meta.join("0004_snapshot.json"), snapshot("id-4", "id-0")).unwrap();
        std::fs::write(meta.join("0005_snapshot.json"), snapshot("id-4", "id-0")).unwrap();
        std::fs::write(meta.join("0009_snapshot.json"), snapshot("x", "y")).unwrap();
        let mysql = snapshot("id-0", ROOT_ID)
            .replace("\"dialect\": \"postgresql\"", "\"dialect\": \"mysql\"");
        std::fs::write(meta.join("0000_snapshot.json"), mysql).unwrap();

        let f = DrizzleFolder::load(d.path()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.migrations.len(), 6);
        assert_eq!(f.folder.migrations.len(), 6);
        let usable: Vec<bool> = f.migrations.iter().map(|m| m.snapshot.is_some()).collect();
        assert_eq!(usable, [false, false, false, false, true, true]);
        assert_eq!(f.usable_snapshots(), 2);
        assert!(f.migrations[1].snapshot_path.is_none());
        let text: Vec<String> = f.ignored.iter().map(ToString::to_string).collect();
        let has = |needle: &str| {
            assert!(
                text.iter().any(|t| t.contains(needle)),
                "{needle:?} not in {text:#?}"
            )
        };
        has("0000_snapshot.json: a snapshot for dialect \"mysql\"");
        has("journal entry 1 (`0001_b`) has no drizzle snapshot");
        has("0002_snapshot.json: drizzle-kit snapshot version \"5\"");
        has("0003_snapshot.json: invalid JSON");
        has("0005_snapshot.json: prevId \"id-0\" is not \"id-4\"");
        has("0005_snapshot.json has the id \"id-4\" of");
        has("0009_snapshot.json belongs to no journal entry");
        // 0004 follows an unusable snapshot: its prevId cannot be judged.
        assert!(
            !text
                .iter()
                .any(|t| t.contains("0004_snapshot.json: prevId")),
            "{text:#?}"
        );
        assert!(f.ignored.iter().all(DrizzleError::is_snapshot_problem));
        assert_eq!(f.snapshot_files.len(), 6);

        // A chain broken between two usable snapshots.
        let d = temp();
        write(d.path(), &["0000_a", "0001_b", "0002_c"]);
        std::fs::write(
            d.path().join("meta/0002_snapshot.json"),
            snapshot("id-2", "id-0"),
        )
        .unwrap();
        let f = DrizzleFolder::load(d.path()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.usable_snapshots(), 3);
        assert_eq!(f.ignored.len(), 1, "{:?}", f.ignored);
        let e = f.ignored[0].to_string();
        assert!(
            e.contains("0002_snapshot.json: prevId \"id-0\" is not \"id-1\" (the id of"),
            "{e}"
        );
        assert!(e.contains("the snapshot chain is broken"), "{e}");
    }
}
