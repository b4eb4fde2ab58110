//! The snapshot format (`snapshots/NNNN_snapshot.json`): the whole model after
//! each migration, chained to the previous snapshot by `prevId`, plus the loader
//! that reads a snapshots directory and checks the chain.
//!
//! The file is shale's own versioned format. Its serde types (`*V1` below) are
//! private to this module and mirror the model field by field, with explicit
//! conversions in both directions, so a change to `shale-model` can never change
//! the bytes on disk without a change here (and a new [`FORMAT`] when the shape
//! changes incompatibly).
//!
//! Output is deterministic: lists the model keeps unordered are sorted before
//! writing, fields at their default value are left out (`nullable: false`,
//! empty lists, ascending keys, `btree`, `no_action`), indentation is two
//! spaces and the file ends in a newline. Unknown keys are refused on reading,
//! since silently dropping them would lose part of a schema.
//!
//! `sequences`, `extensions` and a column's `identityOptions` came after the
//! first release of format 1. They are left out when empty, so every earlier
//! snapshot reads and writes back byte for byte, and they did not need a new
//! format: a shale that predates them refuses a file holding them (unknown
//! keys) rather than reading it without them.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use shale_model::{
    BaseType, CheckConstraint, Column, ColumnType, Deferrable, Enum, Extension, ForeignKey,
    ForeignKeyAction, Identity, Index, IndexKey, IndexTarget, NullsOrder, Policy, PolicyCommand,
    PrimaryKey, QualifiedName, RowLevelSecurity, Schema, Sequence, SequenceOptions, SequenceOwner,
    SequenceType, SortOrder, Table, UniqueConstraint, DEFAULT_INDEX_METHOD, DEFAULT_NAMESPACE,
};

mod function;
mod grant;
mod partition;
mod user_type;
mod view;

/// The snapshot format this build writes, and the newest it reads.
pub const FORMAT: u32 = 1;

/// The `prevId` of the first snapshot: the id of the empty schema before any
/// migration (drizzle-kit's convention).
pub const ROOT_ID: &str = "00000000-0000-0000-0000-000000000000";

/// How every snapshot file name ends: `0003_snapshot.json`.
pub const FILE_SUFFIX: &str = "_snapshot.json";

/// The version of shale reading the files, named in upgrade messages.
const SHALE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The SQL dialect a snapshot was generated for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// PostgreSQL (`"postgresql"`).
    Postgresql,
    /// SQLite (`"sqlite"`).
    Sqlite,
}

impl Dialect {
    /// The spelling in files: `postgresql` or `sqlite`.
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Postgresql => "postgresql",
            Dialect::Sqlite => "sqlite",
        }
    }

    /// Parses the spelling in files; `None` for anything else.
    pub fn from_name(name: &str) -> Option<Dialect> {
        match name {
            "postgresql" => Some(Dialect::Postgresql),
            "sqlite" => Some(Dialect::Sqlite),
            _ => None,
        }
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One snapshot: the model after a migration, and its place in the chain.
///
/// Only [`FORMAT`] is ever written; reading refuses other formats, so a
/// `Snapshot` in memory always is of the current format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// The dialect the schema targets.
    pub dialect: Dialect,
    /// This snapshot's id (UUID-shaped, see [`new_id`]).
    pub id: String,
    /// The id of the snapshot this one follows; [`ROOT_ID`] for the first.
    pub prev_id: String,
    /// The schema after the migration, normalised.
    pub schema: Schema,
}

impl Snapshot {
    /// A new snapshot following `prev_id`, its id derived by [`new_id`] from
    /// `prev_id`, `salt` (e.g. the migration's tag and `when`) and the schema.
    pub fn new(dialect: Dialect, prev_id: &str, salt: &str, mut schema: Schema) -> Snapshot {
        schema.normalize();
        let id = new_id(prev_id, salt, &schema);
        Snapshot {
            dialect,
            id,
            prev_id: prev_id.to_string(),
            schema,
        }
    }

    /// The file contents: pretty JSON, 2-space indent, trailing newline.
    /// The same schema always gives the same bytes apart from `id`/`prevId`.
    pub fn to_json(&self) -> String {
        EncodedBody::new(&self.schema).file(self.dialect, &self.id, &self.prev_id)
    }

    /// Reads a snapshot file's contents.
    ///
    /// Errors: a format newer than [`FORMAT`] ([`SnapshotError::TooNew`], also
    /// when the rest of the document does not parse, since a newer shape is
    /// expected then), malformed JSON or an unexpected shape (with line and
    /// column), an unknown dialect, inconsistent contents.
    pub fn from_json(text: &str) -> Result<Snapshot, SnapshotError> {
        let file: FileInV1 = match serde_json::from_str(text) {
            Ok(file) => file,
            Err(err) => {
                // A document from a newer shale may not fit these types at all:
                // report the version problem, not the first unknown key.
                if let Ok(header) = serde_json::from_str::<Header>(text) {
                    match header.format {
                        None => return Err(SnapshotError::MissingFormat),
                        Some(found) if found > u64::from(FORMAT) => return Err(too_new(found)),
                        _ => {}
                    }
                    if let Some(d) = header.dialect {
                        if Dialect::from_name(&d).is_none() {
                            return Err(SnapshotError::UnknownDialect(d));
                        }
                    }
                }
                return Err(SnapshotError::from_serde(&err));
            }
        };
        if u64::from(file.format) > u64::from(FORMAT) {
            return Err(too_new(file.format.into()));
        }
        if file.format != FORMAT {
            return Err(SnapshotError::Unsupported(file.format.into()));
        }
        let dialect =
            Dialect::from_name(&file.dialect).ok_or(SnapshotError::UnknownDialect(file.dialect))?;
        let mut schema = Schema {
            namespaces: file.namespaces,
            enums: file.enums.into_iter().map(EnumV1::into_model).collect(),
            tables: file
                .tables
                .into_iter()
                .map(TableV1::into_model)
                .collect::<Result<_, _>>()?,
            sequences: file
                .sequences
                .into_iter()
                .map(SequenceV1::into_model)
                .collect::<Result<_, _>>()?,
            extensions: file
                .extensions
                .into_iter()
                .map(ExtensionV1::into_model)
                .collect(),
            views: file
                .views
                .into_iter()
                .map(view::ViewV1::into_model)
                .collect::<Result<_, _>>()?,
            functions: file
                .functions
                .into_iter()
                .map(function::FunctionV1::into_model)
                .collect::<Result<_, _>>()?,
            namespace_settings: file
                .namespace_settings
                .into_iter()
                .map(grant::NamespaceV1::into_model)
                .collect::<Result<_, _>>()?,
            domains: file
                .domains
                .into_iter()
                .map(user_type::DomainV1::into_model)
                .collect::<Result<_, _>>()?,
            composite_types: file
                .composite_types
                .into_iter()
                .map(user_type::CompositeTypeV1::into_model)
                .collect::<Result<_, _>>()?,
        };
        // Hand-edited files may be out of order; the model's lookups need order.
        schema.normalize();
        Ok(Snapshot {
            dialect,
            id: file.id,
            prev_id: file.prev_id,
            schema,
        })
    }
}

fn too_new(found: u64) -> SnapshotError {
    SnapshotError::TooNew {
        found,
        supported: FORMAT,
        shale_version: SHALE_VERSION,
    }
}

/// The id of a new snapshot: a UUID-shaped (version 8, "custom") hex string
/// from the SHA-256 of `prev_id`, `salt` and the schema's serialised form.
///
/// Deterministic given its inputs, and different for two snapshots generated
/// from the same parent on two branches as long as their salts (the migration
/// tag and time) or schemas differ. Never equal to [`ROOT_ID`].
pub fn new_id(prev_id: &str, salt: &str, schema: &Schema) -> String {
    let mut hasher = id_hasher(prev_id, salt);
    with_body(schema, |body| {
        serde_json::to_writer(HashWriter(&mut hasher), body).expect("hashing cannot fail")
    });
    id_of(hasher)
}

/// The hasher of an id, fed everything that comes before the body.
fn id_hasher(prev_id: &str, salt: &str) -> Sha256 {
    let mut hasher = Sha256::new();
    hasher.update(b"shale snapshot id\0");
    hasher.update(prev_id.as_bytes());
    hasher.update(b"\0");
    hasher.update(salt.as_bytes());
    hasher.update(b"\0");
    hasher
}

/// The id, UUID-shaped, from a hasher fed its inputs.
fn id_of(hasher: Sha256) -> String {
    let digest = hasher.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = (b[6] & 0x0f) | 0x80; // version 8: custom, hash-based
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 9562 variant
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// Calls `f` with the schema's body as hashed into ids.
fn with_body<T>(schema: &Schema, f: impl FnOnce(&BodyV1<'_>) -> T) -> T {
    let (namespaces, enums, tables) = body_v1(schema);
    let (sequences, extensions) = objects_v1(schema);
    let views = view::views_v1(&schema.views);
    let functions = function::functions_v1(&schema.functions);
    let domains = user_type::domains_v1(&schema.domains);
    let composite_types = user_type::composite_types_v1(&schema.composite_types);
    let namespace_settings = grant::namespaces_v1(&schema.namespace_settings);
    f(&BodyV1 {
        namespaces: &namespaces,
        enums: &enums,
        tables: &tables,
        sequences: &sequences,
        extensions: &extensions,
        views: &views,
        functions: &functions,
        domains: &domains,
        composite_types: &composite_types,
        namespace_settings: &namespace_settings,
    })
}

/// A normalised schema serialised for its snapshot files once, before the
/// ids that chain them are known: the body hashed into ids (compact JSON)
/// and the body of the file (pretty JSON). `shale generate` encodes the next
/// schema on one core while it renders the migration on the other; each
/// file then only hashes and concatenates ([`EncodedBody::file`]).
pub struct EncodedBody {
    /// The compact JSON [`new_id`] hashes.
    compact: Vec<u8>,
    /// The file's keys after its header, pretty-printed at the file's
    /// indentation (a pretty object's text without its opening `{` line),
    /// or empty when every key is left out.
    pretty: String,
}

impl EncodedBody {
    /// Encodes `schema`, which must be normalised (as [`Snapshot::new`]
    /// makes it): the body is built once, and its two serialisations run
    /// on two threads.
    pub fn new(schema: &Schema) -> EncodedBody {
        with_body(schema, |body| {
            std::thread::scope(|scope| {
                let compact = scope
                    .spawn(|| serde_json::to_vec(body).expect("serialising to memory cannot fail"));
                let pretty = pretty_body(body);
                let compact = compact
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                EncodedBody { compact, pretty }
            })
        })
    }

    /// The id of a snapshot of this body following `prev_id` with `salt`,
    /// as [`new_id`] computes it.
    pub fn id(&self, prev_id: &str, salt: &str) -> String {
        let mut hasher = id_hasher(prev_id, salt);
        hasher.update(&self.compact);
        id_of(hasher)
    }

    /// The snapshot file's text, as [`Snapshot::to_json`] writes it.
    pub fn file(&self, dialect: Dialect, id: &str, prev_id: &str) -> String {
        let header = serde_json::to_string_pretty(&HeaderOutV1 {
            format: FORMAT,
            dialect: dialect.as_str(),
            id,
            prev_id,
        })
        .expect("serialising to memory cannot fail");
        // `{ …header… \n}`: the body's keys go before the closing brace.
        let header = header.strip_suffix("\n}").expect("a pretty JSON object");
        let mut out = String::with_capacity(header.len() + self.pretty.len() + 8);
        out.push_str(header);
        if self.pretty.is_empty() {
            out.push_str("\n}");
        } else {
            out.push_str(",\n");
            out.push_str(&self.pretty);
        }
        out.push('\n');
        out
    }
}

/// The pretty body of a file (see [`EncodedBody::pretty`]).
fn pretty_body(body: &BodyV1<'_>) -> String {
    let body = BodyOutV1 {
        namespaces: body.namespaces,
        enums: body.enums,
        tables: body.tables,
        sequences: body.sequences,
        extensions: body.extensions,
        views: body.views,
        functions: body.functions,
        domains: body.domains,
        composite_types: body.composite_types,
        namespace_settings: body.namespace_settings,
    };
    // About 2 KiB per table: one allocation, no copying while it grows.
    let mut out = Vec::with_capacity(4096 + 2048 * body.tables.len() + 128 * body.enums.len());
    serde_json::to_writer_pretty(&mut out, &body).expect("serialising to memory cannot fail");
    let mut text = String::from_utf8(out).expect("serde_json writes UTF-8");
    if text.starts_with("{\n") {
        text.drain(..2);
    } else {
        text.clear(); // `{}`: every key left out
    }
    text
}

/// The file name of the snapshot with this journal index: `0003_snapshot.json`.
pub fn file_name(idx: u32) -> String {
    format!("{idx:04}{FILE_SUFFIX}")
}

struct HashWriter<'a>(&'a mut Sha256);

impl io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Why a snapshot could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// Not JSON at all.
    #[error("snapshot is not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's description.
        message: String,
    },
    /// JSON, but not shaped like a snapshot of this format.
    #[error("snapshot does not match snapshot format {FORMAT} at line {line}, column {column}: {message}")]
    Shape {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's description.
        message: String,
    },
    /// Written by a newer shale.
    #[error(
        "snapshot format {found} is newer than this shale can read (shale {shale_version} reads snapshot \
         format {supported} at most): upgrade shale to a version that supports snapshot format {found}"
    )]
    TooNew {
        /// The file's format.
        found: u64,
        /// The newest format this build reads.
        supported: u32,
        /// This build's version.
        shale_version: &'static str,
    },
    /// An older or invalid format number (there is none before 1).
    #[error("snapshot format {0} is not supported (this shale reads snapshot format {FORMAT})")]
    Unsupported(u64),
    /// No `format` key: not a shale snapshot (perhaps drizzle-kit's).
    #[error(
        "not a shale snapshot: the \"format\" key is missing (drizzle-kit snapshots are taken over with \
         `shale adopt --from-drizzle`)"
    )]
    MissingFormat,
    /// A dialect this build does not know.
    #[error("snapshot dialect {0:?} is unknown: expected \"postgresql\" or \"sqlite\"")]
    UnknownDialect(String),
    /// Well-formed but contradictory contents.
    #[error("snapshot is inconsistent: {0}")]
    Invalid(String),
}

impl SnapshotError {
    fn from_serde(err: &serde_json::Error) -> SnapshotError {
        // serde_json's message ends with " at line L column C"; keep the text only.
        let full = err.to_string();
        let message = match full.rfind(" at line ") {
            Some(at) => full[..at].to_string(),
            None => full,
        };
        let (line, column) = (err.line(), err.column());
        match err.classify() {
            serde_json::error::Category::Data => SnapshotError::Shape {
                line,
                column,
                message,
            },
            _ => SnapshotError::Syntax {
                line,
                column,
                message,
            },
        }
    }
}

/// A snapshot read from a snapshots directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotFile {
    /// The journal index from the file name (`0003_snapshot.json` → 3).
    pub idx: u32,
    /// The file's path.
    pub path: PathBuf,
    /// Its contents.
    pub snapshot: Snapshot,
}

/// Why a snapshots directory could not be loaded, or its chain is broken.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A file or the directory could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        source: io::Error,
    },
    /// A file is not a readable snapshot.
    #[error("{}: {source}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        source: SnapshotError,
    },
    /// A `*_snapshot.json` file whose prefix is not a number.
    #[error("{}: snapshot file names are NNNN{FILE_SUFFIX} with a number NNNN: rename or remove the file", path.display())]
    BadFileName {
        /// The file.
        path: PathBuf,
    },
    /// Two files with the same index (`3_snapshot.json`, `0003_snapshot.json`).
    #[error("{} and {} are both snapshot {idx}: remove one", first.display(), second.display())]
    DuplicateIndex {
        /// The index.
        idx: u32,
        /// One file.
        first: PathBuf,
        /// The other.
        second: PathBuf,
    },
    /// A gap in the numbering.
    #[error("snapshot {} is missing before {}: every migration needs its snapshot", file_name(*idx), next.display())]
    MissingIndex {
        /// The missing index.
        idx: u32,
        /// The first file after the gap.
        next: PathBuf,
    },
    /// Two files with the same id.
    #[error("{} and {} have the same id {id}: a snapshot was copied; regenerate the later one", first.display(), second.display())]
    DuplicateId {
        /// The id.
        id: String,
        /// One file.
        first: PathBuf,
        /// The other.
        second: PathBuf,
    },
    /// Two snapshots follow the same parent: two branches generated from one
    /// state and were merged.
    #[error(
        "{} and {} both follow snapshot {prev_id}: two branches generated migrations from the same \
         state; run `shale rebase` to put this branch's migrations after the other's",
        first.display(), second.display()
    )]
    Fork {
        /// The shared `prevId`.
        prev_id: String,
        /// The earlier file.
        first: PathBuf,
        /// The later file.
        second: PathBuf,
    },
    /// A `prevId` that is no snapshot's id.
    #[error(
        "{}: prevId {prev_id} matches no snapshot: the snapshot it follows was removed or edited; \
         restore it from version control",
        path.display()
    )]
    UnknownPrev {
        /// The file.
        path: PathBuf,
        /// Its `prevId`.
        prev_id: String,
    },
    /// A `prevId` naming a snapshot other than the one just before.
    #[error(
        "{}: prevId {prev_id} names {}, not the snapshot just before it ({}); \
         the files were renumbered by hand — run `shale rebase`",
        path.display(), found.as_ref().map_or("the empty schema".to_string(), |p| p.display().to_string()),
        expected.as_ref().map_or("the empty schema".to_string(), |p| p.display().to_string())
    )]
    WrongPrev {
        /// The file.
        path: PathBuf,
        /// Its `prevId`.
        prev_id: String,
        /// The file whose id it is (`None`: the empty root).
        found: Option<PathBuf>,
        /// The file it should follow (`None`: the empty root).
        expected: Option<PathBuf>,
    },
}

/// Reads every `NNNN_snapshot.json` in `dir`, in index order, and checks that
/// they form one chain: indexes gap-free from 0, ids unique, the first
/// snapshot following [`ROOT_ID`], every other one following the snapshot
/// just before it. Other files in the directory are ignored. The first problem
/// found is returned; a missing directory is a [`LoadError::Read`].
pub fn load_dir(dir: &Path) -> Result<Vec<SnapshotFile>, LoadError> {
    let read_err = |path: &Path, source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut found: Vec<(u32, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| read_err(dir, e))? {
        let entry = entry.map_err(|e| read_err(dir, e))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(prefix) = name.strip_suffix(FILE_SUFFIX) else {
            continue;
        };
        let path = entry.path();
        if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_digit()) {
            return Err(LoadError::BadFileName { path });
        }
        let idx = prefix
            .parse::<u32>()
            .map_err(|_| LoadError::BadFileName { path: path.clone() })?;
        found.push((idx, path));
    }
    found.sort();
    for pair in found.windows(2) {
        if pair[0].0 == pair[1].0 {
            return Err(LoadError::DuplicateIndex {
                idx: pair[0].0,
                first: pair[0].1.clone(),
                second: pair[1].1.clone(),
            });
        }
    }
    for (expected, (idx, path)) in found.iter().enumerate() {
        let expected = expected as u32;
        if *idx != expected {
            return Err(LoadError::MissingIndex {
                idx: expected,
                next: path.clone(),
            });
        }
    }
    let mut files = Vec::with_capacity(found.len());
    for (idx, path) in found {
        let text = std::fs::read_to_string(&path).map_err(|e| read_err(&path, e))?;
        let snapshot = Snapshot::from_json(&text).map_err(|source| LoadError::Parse {
            path: path.clone(),
            source,
        })?;
        files.push(SnapshotFile {
            idx,
            path,
            snapshot,
        });
    }
    check_chain(&files)?;
    Ok(files)
}

/// Checks the `id`/`prevId` chain of snapshots already in index order.
pub fn check_chain(files: &[SnapshotFile]) -> Result<(), LoadError> {
    let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(files.len());
    for (i, f) in files.iter().enumerate() {
        if let Some(&j) = by_id.get(f.snapshot.id.as_str()) {
            return Err(LoadError::DuplicateId {
                id: f.snapshot.id.clone(),
                first: files[j].path.clone(),
                second: f.path.clone(),
            });
        }
        by_id.insert(&f.snapshot.id, i);
    }
    let mut by_prev: HashMap<&str, usize> = HashMap::with_capacity(files.len());
    for (i, f) in files.iter().enumerate() {
        if let Some(&j) = by_prev.get(f.snapshot.prev_id.as_str()) {
            return Err(LoadError::Fork {
                prev_id: f.snapshot.prev_id.clone(),
                first: files[j].path.clone(),
                second: f.path.clone(),
            });
        }
        by_prev.insert(&f.snapshot.prev_id, i);
    }
    for (i, f) in files.iter().enumerate() {
        let prev = f.snapshot.prev_id.as_str();
        let expected = if i == 0 { None } else { Some(i - 1) };
        let actual = if prev == ROOT_ID {
            None
        } else {
            match by_id.get(prev) {
                Some(&j) => Some(j),
                None => {
                    return Err(LoadError::UnknownPrev {
                        path: f.path.clone(),
                        prev_id: prev.to_string(),
                    })
                }
            }
        };
        if actual != expected {
            return Err(LoadError::WrongPrev {
                path: f.path.clone(),
                prev_id: prev.to_string(),
                found: actual.map(|j| files[j].path.clone()),
                expected: expected.map(|j| files[j].path.clone()),
            });
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Format 1 on disk. Field order here is key order in the file.

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

fn is_empty_list<L: std::ops::Deref<Target = [T]>, T>(list: &L) -> bool {
    list.is_empty()
}

fn default_method() -> Str<'static> {
    Cow::Borrowed(DEFAULT_INDEX_METHOD)
}

fn is_default_method(m: &Str<'_>) -> bool {
    m == DEFAULT_INDEX_METHOD
}

/// Strings borrow from the model when writing and own their text when reading.
type Str<'a> = Cow<'a, str>;

/// A list of names, borrowed from the model when writing.
type List<'a> = Cow<'a, [String]>;

/// Only the keys needed to explain why a document did not parse.
#[derive(Deserialize)]
struct Header {
    format: Option<u64>,
    dialect: Option<String>,
}

/// A file's first keys.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct HeaderOutV1<'a> {
    format: u32,
    dialect: &'a str,
    id: &'a str,
    prev_id: &'a str,
}

/// A file's keys after the header: those added after the first release are
/// left out when empty, and so are empty lists of the first ones.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BodyOutV1<'a> {
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    namespaces: &'a [&'a str],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    enums: &'a [EnumV1<'a>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tables: &'a [TableV1<'a>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    sequences: &'a [SequenceV1<'a>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    extensions: &'a [ExtensionV1<'a>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    views: &'a [view::ViewV1<'a>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    functions: &'a [function::FunctionV1<'a>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    domains: &'a [user_type::DomainV1<'a>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    composite_types: &'a [user_type::CompositeTypeV1<'a>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    namespace_settings: &'a [grant::NamespaceV1<'a>],
}

/// The schema part of a file, hashed into ids. Keys added after the first
/// release are left out when empty, so the ids of schemas without them do
/// not change.
#[derive(Serialize)]
struct BodyV1<'a> {
    namespaces: &'a [&'a str],
    enums: &'a [EnumV1<'a>],
    tables: &'a [TableV1<'a>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    sequences: &'a [SequenceV1<'a>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    extensions: &'a [ExtensionV1<'a>],
    /// Left out when empty, so that ids of schemas without views are the
    /// ones they always had.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    views: &'a [view::ViewV1<'a>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    functions: &'a [function::FunctionV1<'a>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    domains: &'a [user_type::DomainV1<'a>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    composite_types: &'a [user_type::CompositeTypeV1<'a>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    namespace_settings: &'a [grant::NamespaceV1<'a>],
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FileInV1 {
    format: u32,
    dialect: String,
    id: String,
    prev_id: String,
    #[serde(default)]
    namespaces: Vec<String>,
    #[serde(default)]
    enums: Vec<EnumV1<'static>>,
    #[serde(default)]
    tables: Vec<TableV1<'static>>,
    #[serde(default)]
    sequences: Vec<SequenceV1<'static>>,
    #[serde(default)]
    extensions: Vec<ExtensionV1<'static>>,
    #[serde(default)]
    views: Vec<view::ViewV1<'static>>,
    #[serde(default)]
    functions: Vec<function::FunctionV1<'static>>,
    #[serde(default)]
    domains: Vec<user_type::DomainV1<'static>>,
    #[serde(default)]
    composite_types: Vec<user_type::CompositeTypeV1<'static>>,
    #[serde(default)]
    namespace_settings: Vec<grant::NamespaceV1<'static>>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct EnumV1<'a> {
    name: Str<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    schema: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "is_empty_list")]
    values: List<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TableV1<'a> {
    name: Str<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    schema: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "is_empty_list")]
    columns: Vec<ColumnV1<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    primary_key: Option<PrimaryKeyV1<'a>>,
    #[serde(default, skip_serializing_if = "is_empty_list")]
    uniques: Vec<UniqueV1<'a>>,
    #[serde(default, skip_serializing_if = "is_empty_list")]
    checks: Vec<CheckV1<'a>>,
    #[serde(default, skip_serializing_if = "is_empty_list")]
    foreign_keys: Vec<ForeignKeyV1<'a>>,
    #[serde(default, skip_serializing_if = "is_empty_list")]
    indexes: Vec<IndexV1<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "is_default")]
    row_level_security: RowLevelSecurityV1,
    #[serde(default, skip_serializing_if = "is_empty_list")]
    policies: Vec<PolicyV1<'a>>,
    #[serde(default, skip_serializing_if = "is_empty_list")]
    triggers: Vec<function::TriggerV1<'a>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    grants: Vec<grant::GrantV1<'a>>,
    #[serde(default, skip_serializing_if = "is_empty_list")]
    exclusions: Vec<partition::ExclusionV1<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    partition_by: Option<partition::PartitionKeyV1<'a>>,
    #[serde(default, skip_serializing_if = "is_empty_list")]
    partitions: Vec<partition::PartitionV1<'a>>,
}

/// `ENABLE` / `FORCE ROW LEVEL SECURITY`; the key is omitted when neither.
#[derive(Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RowLevelSecurityV1 {
    #[serde(default, skip_serializing_if = "is_false")]
    enabled: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    forced: bool,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PolicyV1<'a> {
    name: Str<'a>,
    #[serde(default, skip_serializing_if = "is_default")]
    command: PolicyCommandV1,
    #[serde(default, skip_serializing_if = "is_false")]
    restrictive: bool,
    roles: Cow<'a, [String]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    using: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    with_check: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
}

#[derive(Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum PolicyCommandV1 {
    #[default]
    All,
    Select,
    Insert,
    Update,
    Delete,
}

impl PolicyCommandV1 {
    fn from_model(c: PolicyCommand) -> Self {
        match c {
            PolicyCommand::All => PolicyCommandV1::All,
            PolicyCommand::Select => PolicyCommandV1::Select,
            PolicyCommand::Insert => PolicyCommandV1::Insert,
            PolicyCommand::Update => PolicyCommandV1::Update,
            PolicyCommand::Delete => PolicyCommandV1::Delete,
        }
    }

    fn into_model(self) -> PolicyCommand {
        match self {
            PolicyCommandV1::All => PolicyCommand::All,
            PolicyCommandV1::Select => PolicyCommand::Select,
            PolicyCommandV1::Insert => PolicyCommand::Insert,
            PolicyCommandV1::Update => PolicyCommand::Update,
            PolicyCommandV1::Delete => PolicyCommand::Delete,
        }
    }
}

impl<'a> PolicyV1<'a> {
    fn from_model(p: &'a Policy) -> PolicyV1<'a> {
        PolicyV1 {
            name: Cow::Borrowed(&p.name),
            command: PolicyCommandV1::from_model(p.command),
            restrictive: !p.permissive,
            roles: Cow::Borrowed(&p.roles),
            using: borrowed(&p.using),
            with_check: borrowed(&p.with_check),
            comment: borrowed(&p.comment),
        }
    }

    fn into_model(self) -> Policy {
        let mut p = Policy {
            name: self.name.into_owned(),
            command: self.command.into_model(),
            permissive: !self.restrictive,
            roles: self.roles.into_owned(),
            using: owned(self.using),
            with_check: owned(self.with_check),
            comment: owned(self.comment),
        };
        p.normalize();
        p
    }
}

/// A column's type is either `type` (a built-in, canonical spelling) or `enum`
/// (+ `enumSchema` outside `public`), with `arrayDims` for arrays.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ColumnV1<'a> {
    name: Str<'a>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    ty: Option<Str<'a>>,
    #[serde(rename = "enum", default, skip_serializing_if = "Option::is_none")]
    enum_name: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    enum_schema: Option<Str<'a>>,
    /// A domain or composite type (left out otherwise, so older ids stay).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    user_type: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    user_type_schema: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "is_zero")]
    array_dims: u8,
    #[serde(default, skip_serializing_if = "is_false")]
    nullable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    default: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    identity: Option<IdentityV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    identity_options: Option<SequenceOptionsV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    generated: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    collation: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    grants: Vec<grant::GrantV1<'a>>,
}

/// A sequence's options; an option at PostgreSQL's default is left out
/// (the model keeps them normalised so).
#[derive(Serialize, Deserialize, Clone, Copy, Default, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SequenceOptionsV1 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    increment: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cache: Option<i64>,
    #[serde(default, skip_serializing_if = "is_false")]
    cycle: bool,
}

impl SequenceOptionsV1 {
    fn from_model(o: &SequenceOptions) -> SequenceOptionsV1 {
        SequenceOptionsV1 {
            start: o.start,
            increment: o.increment,
            min: o.min,
            max: o.max,
            cache: o.cache,
            cycle: o.cycle,
        }
    }

    fn into_model(self) -> SequenceOptions {
        SequenceOptions {
            start: self.start,
            increment: self.increment,
            min: self.min,
            max: self.max,
            cache: self.cache,
            cycle: self.cycle,
        }
    }
}

/// A standalone sequence: `dataType` is left out for `bigint`.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SequenceV1<'a> {
    name: Str<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    schema: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    data_type: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "is_default")]
    options: SequenceOptionsV1,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    owned_by: Option<OwnerV1<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    grants: Vec<grant::GrantV1<'a>>,
}

/// `ownedBy`: the table is in the sequence's schema (PostgreSQL requires it).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct OwnerV1<'a> {
    table: Str<'a>,
    column: Str<'a>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtensionV1<'a> {
    name: Str<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    schema: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    version: Option<Str<'a>>,
}

impl<'a> SequenceV1<'a> {
    fn from_model(s: &'a Sequence) -> SequenceV1<'a> {
        SequenceV1 {
            name: Cow::Borrowed(&s.name.name),
            schema: schema_of(&s.name),
            data_type: (s.data_type != SequenceType::Bigint)
                .then_some(Cow::Borrowed(s.data_type.as_sql())),
            options: SequenceOptionsV1::from_model(&s.options),
            owned_by: s.owned_by.as_ref().map(|o| OwnerV1 {
                table: Cow::Borrowed(&o.table.name),
                column: Cow::Borrowed(&o.column),
            }),
            comment: borrowed(&s.comment),
            grants: grant::grants_v1(&s.grants),
        }
    }

    fn into_model(self) -> Result<Sequence, SnapshotError> {
        let name = qualified(self.schema, self.name);
        let data_type = match self.data_type {
            None => SequenceType::Bigint,
            Some(t) => SequenceType::parse(&t).ok_or_else(|| {
                SnapshotError::Invalid(format!(
                    "sequence \"{name}\" has data type \"{t}\": expected smallint, integer or bigint"
                ))
            })?,
        };
        let options = self.options.into_model();
        if let Some((_, problem)) = options.problems(data_type).into_iter().next() {
            return Err(SnapshotError::Invalid(format!(
                "sequence \"{name}\" has invalid options: {problem}"
            )));
        }
        Ok(Sequence {
            owned_by: self.owned_by.map(|o| SequenceOwner {
                table: QualifiedName::new(name.namespace.clone(), o.table.into_owned()),
                column: o.column.into_owned(),
            }),
            grants: grant::grants_model(self.grants, &format!("sequence \"{name}\""))?,
            name,
            data_type,
            options,
            comment: owned(self.comment),
        })
    }
}

impl<'a> ExtensionV1<'a> {
    fn from_model(e: &'a Extension) -> ExtensionV1<'a> {
        ExtensionV1 {
            name: Cow::Borrowed(&e.name),
            schema: borrowed(&e.schema),
            version: borrowed(&e.version),
        }
    }

    fn into_model(self) -> Extension {
        Extension {
            name: self.name.into_owned(),
            schema: owned(self.schema),
            version: owned(self.version),
        }
    }
}

fn objects_v1(schema: &Schema) -> (Vec<SequenceV1<'_>>, Vec<ExtensionV1<'_>>) {
    let mut sequences: Vec<&Sequence> = schema.sequences.iter().collect();
    sequences.sort_by(|a, b| a.name.cmp(&b.name));
    let extensions = sorted_by_name(&schema.extensions, |e| &e.name);
    (
        sequences.into_iter().map(SequenceV1::from_model).collect(),
        extensions
            .into_iter()
            .map(ExtensionV1::from_model)
            .collect(),
    )
}

#[derive(Serialize, Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum IdentityV1 {
    Always,
    ByDefault,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PrimaryKeyV1<'a> {
    name: Str<'a>,
    columns: List<'a>,
    #[serde(default, skip_serializing_if = "is_default")]
    deferrable: DeferrableV1,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct UniqueV1<'a> {
    name: Str<'a>,
    columns: List<'a>,
    #[serde(default, skip_serializing_if = "is_false")]
    nulls_not_distinct: bool,
    #[serde(default, skip_serializing_if = "is_default")]
    deferrable: DeferrableV1,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CheckV1<'a> {
    name: Str<'a>,
    expr: Str<'a>,
    #[serde(default, skip_serializing_if = "is_false")]
    no_inherit: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    not_valid: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ForeignKeyV1<'a> {
    name: Str<'a>,
    columns: List<'a>,
    references: ReferenceV1<'a>,
    #[serde(default, skip_serializing_if = "is_default")]
    on_delete: ActionV1,
    #[serde(default, skip_serializing_if = "is_default")]
    on_update: ActionV1,
    #[serde(default, skip_serializing_if = "is_default")]
    deferrable: DeferrableV1,
    #[serde(default, skip_serializing_if = "is_false")]
    not_valid: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    match_full: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReferenceV1<'a> {
    table: Str<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    schema: Option<Str<'a>>,
    columns: List<'a>,
}

/// The schema language's spellings (`no_action`, `set_null`, …).
#[derive(Serialize, Deserialize, Clone, Copy, Default, PartialEq)]
#[serde(rename_all = "snake_case")]
enum ActionV1 {
    #[default]
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}

#[derive(Serialize, Deserialize, Clone, Copy, Default, PartialEq)]
#[serde(rename_all = "snake_case")]
enum DeferrableV1 {
    #[default]
    No,
    InitiallyImmediate,
    InitiallyDeferred,
}

impl From<Deferrable> for DeferrableV1 {
    fn from(d: Deferrable) -> Self {
        match d {
            Deferrable::No => DeferrableV1::No,
            Deferrable::InitiallyImmediate => DeferrableV1::InitiallyImmediate,
            Deferrable::InitiallyDeferred => DeferrableV1::InitiallyDeferred,
        }
    }
}

impl From<DeferrableV1> for Deferrable {
    fn from(d: DeferrableV1) -> Self {
        match d {
            DeferrableV1::No => Deferrable::No,
            DeferrableV1::InitiallyImmediate => Deferrable::InitiallyImmediate,
            DeferrableV1::InitiallyDeferred => Deferrable::InitiallyDeferred,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct IndexV1<'a> {
    name: Str<'a>,
    #[serde(default, skip_serializing_if = "is_false")]
    unique: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    nulls_not_distinct: bool,
    #[serde(default = "default_method", skip_serializing_if = "is_default_method")]
    method: Str<'a>,
    keys: Vec<KeyV1<'a>>,
    #[serde(default, skip_serializing_if = "is_empty_list")]
    include: List<'a>,
    #[serde(rename = "where", default, skip_serializing_if = "Option::is_none")]
    predicate: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<Str<'a>>,
}

/// An index key. A plain ascending column key is written as its name alone
/// (`"email"`), anything else as an object, to keep files short and readable.
struct KeyV1<'a>(KeyObjectV1<'a>);

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct KeyObjectV1<'a> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    column: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expression: Option<Str<'a>>,
    #[serde(default, skip_serializing_if = "is_default")]
    order: OrderV1,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    nulls: Option<NullsV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    opclass: Option<Str<'a>>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Default, PartialEq)]
#[serde(rename_all = "snake_case")]
enum OrderV1 {
    #[default]
    Asc,
    Desc,
}

#[derive(Serialize, Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum NullsV1 {
    First,
    Last,
}

impl Serialize for KeyV1<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let k = &self.0;
        match (&k.column, &k.expression, k.order, k.nulls, &k.opclass) {
            (Some(col), None, OrderV1::Asc, None, None) => s.serialize_str(col),
            _ => k.serialize(s),
        }
    }
}

impl<'de, 'a> Deserialize<'de> for KeyV1<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor<'a>(std::marker::PhantomData<KeyV1<'a>>);
        impl<'de, 'a> Visitor<'de> for KeyVisitor<'a> {
            type Value = KeyV1<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a column name or an index key object")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyV1<'a>, E> {
                Ok(KeyV1(KeyObjectV1 {
                    column: Some(Cow::Owned(v.to_string())),
                    ..KeyObjectV1::default()
                }))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<KeyV1<'a>, A::Error> {
                KeyObjectV1::deserialize(de::value::MapAccessDeserializer::new(map)).map(KeyV1)
            }
        }
        d.deserialize_any(KeyVisitor(std::marker::PhantomData))
    }
}

// ---------------------------------------------------------------------------
// Conversions. Model → file borrows and sorts defensively; file → model
// validates what the types cannot express.

fn schema_of(name: &QualifiedName) -> Option<Str<'_>> {
    (!name.is_public()).then_some(Cow::Borrowed(name.namespace.as_str()))
}

fn qualified(schema: Option<Str<'_>>, name: Str<'_>) -> QualifiedName {
    QualifiedName::new(
        schema.map_or_else(|| DEFAULT_NAMESPACE.to_string(), Cow::into_owned),
        name.into_owned(),
    )
}

fn owned(s: Option<Str<'_>>) -> Option<String> {
    s.map(Cow::into_owned)
}

fn borrowed(s: &Option<String>) -> Option<Str<'_>> {
    s.as_deref().map(Cow::Borrowed)
}

fn body_v1(schema: &Schema) -> (Vec<&str>, Vec<EnumV1<'_>>, Vec<TableV1<'_>>) {
    let mut namespaces: Vec<&str> = schema.namespaces.iter().map(String::as_str).collect();
    namespaces.sort_unstable();
    namespaces.dedup();
    let mut enums: Vec<&Enum> = schema.enums.iter().collect();
    enums.sort_by(|a, b| a.name.cmp(&b.name));
    let mut tables: Vec<&Table> = schema.tables.iter().collect();
    tables.sort_by(|a, b| a.name.cmp(&b.name));
    (
        namespaces,
        enums.into_iter().map(EnumV1::from_model).collect(),
        tables.into_iter().map(TableV1::from_model).collect(),
    )
}

fn sorted_by_name<T>(items: &[T], name: impl Fn(&T) -> &str) -> Vec<&T> {
    let mut v: Vec<&T> = items.iter().collect();
    v.sort_by(|a, b| name(a).cmp(name(b)));
    v
}

impl<'a> EnumV1<'a> {
    fn from_model(e: &'a Enum) -> EnumV1<'a> {
        EnumV1 {
            name: Cow::Borrowed(&e.name.name),
            schema: schema_of(&e.name),
            values: Cow::Borrowed(&e.values),
            comment: borrowed(&e.comment),
        }
    }

    fn into_model(self) -> Enum {
        Enum {
            name: qualified(self.schema, self.name),
            values: self.values.into_owned(),
            comment: owned(self.comment),
        }
    }
}

impl<'a> TableV1<'a> {
    fn from_model(t: &'a Table) -> TableV1<'a> {
        TableV1 {
            name: Cow::Borrowed(&t.name.name),
            schema: schema_of(&t.name),
            columns: t.columns.iter().map(ColumnV1::from_model).collect(),
            primary_key: t.primary_key.as_ref().map(|pk| PrimaryKeyV1 {
                name: Cow::Borrowed(&pk.name),
                columns: Cow::Borrowed(&pk.columns),
                deferrable: pk.deferrable.into(),
                comment: borrowed(&pk.comment),
            }),
            uniques: sorted_by_name(&t.uniques, |u| &u.name)
                .into_iter()
                .map(|u| UniqueV1 {
                    name: Cow::Borrowed(&u.name),
                    columns: Cow::Borrowed(&u.columns),
                    nulls_not_distinct: u.nulls_not_distinct,
                    deferrable: u.deferrable.into(),
                    comment: borrowed(&u.comment),
                })
                .collect(),
            checks: sorted_by_name(&t.checks, |c| &c.name)
                .into_iter()
                .map(|c| CheckV1 {
                    name: Cow::Borrowed(&c.name),
                    expr: Cow::Borrowed(&c.expr),
                    no_inherit: c.no_inherit,
                    not_valid: c.not_valid,
                    comment: borrowed(&c.comment),
                })
                .collect(),
            foreign_keys: sorted_by_name(&t.foreign_keys, |f| &f.name)
                .into_iter()
                .map(ForeignKeyV1::from_model)
                .collect(),
            indexes: sorted_by_name(&t.indexes, |i| &i.name)
                .into_iter()
                .map(IndexV1::from_model)
                .collect(),
            comment: borrowed(&t.comment),
            row_level_security: RowLevelSecurityV1 {
                enabled: t.row_level_security.enabled,
                forced: t.row_level_security.forced,
            },
            policies: sorted_by_name(&t.policies, |p| &p.name)
                .into_iter()
                .map(PolicyV1::from_model)
                .collect(),
            triggers: sorted_by_name(&t.triggers, |t| &t.name)
                .into_iter()
                .map(function::TriggerV1::from_model)
                .collect(),
            grants: grant::grants_v1(&t.grants),
            exclusions: sorted_by_name(&t.exclusions, |x| &x.name)
                .into_iter()
                .map(partition::ExclusionV1::from_model)
                .collect(),
            partition_by: t
                .partition_by
                .as_ref()
                .map(partition::PartitionKeyV1::from_model),
            partitions: sorted_by_name(&t.partitions, |p| &p.name)
                .into_iter()
                .map(partition::PartitionV1::from_model)
                .collect(),
        }
    }

    fn into_model(self) -> Result<Table, SnapshotError> {
        let name = qualified(self.schema, self.name);
        let columns = self
            .columns
            .into_iter()
            .map(|c| c.into_model(&name))
            .collect::<Result<_, _>>()?;
        let foreign_keys = self
            .foreign_keys
            .into_iter()
            .map(|f| f.into_model(&name))
            .collect::<Result<_, _>>()?;
        let indexes = self
            .indexes
            .into_iter()
            .map(|i| i.into_model(&name))
            .collect::<Result<_, _>>()?;
        Ok(Table {
            columns,
            primary_key: self.primary_key.map(|pk| PrimaryKey {
                comment: owned(pk.comment),
                deferrable: pk.deferrable.into(),
                name: pk.name.into_owned(),
                columns: pk.columns.into_owned(),
            }),
            uniques: self
                .uniques
                .into_iter()
                .map(|u| UniqueConstraint {
                    comment: owned(u.comment),
                    deferrable: u.deferrable.into(),
                    name: u.name.into_owned(),
                    columns: u.columns.into_owned(),
                    nulls_not_distinct: u.nulls_not_distinct,
                })
                .collect(),
            checks: self
                .checks
                .into_iter()
                .map(|c| CheckConstraint {
                    comment: owned(c.comment),
                    not_valid: c.not_valid,
                    no_inherit: c.no_inherit,
                    name: c.name.into_owned(),
                    expr: c.expr.into_owned(),
                })
                .collect(),
            foreign_keys,
            indexes,
            comment: owned(self.comment),
            row_level_security: RowLevelSecurity {
                enabled: self.row_level_security.enabled,
                forced: self.row_level_security.forced,
            },
            policies: self
                .policies
                .into_iter()
                .map(PolicyV1::into_model)
                .collect(),
            triggers: self
                .triggers
                .into_iter()
                .map(|t| t.into_model(&name))
                .collect::<Result<_, _>>()?,
            grants: grant::grants_model(self.grants, &format!("table \"{name}\""))?,
            exclusions: self
                .exclusions
                .into_iter()
                .map(partition::ExclusionV1::into_model)
                .collect(),
            partition_by: self.partition_by.map(partition::PartitionKeyV1::into_model),
            partitions: self
                .partitions
                .into_iter()
                .map(partition::PartitionV1::into_model)
                .collect(),
            name,
        })
    }
}

impl<'a> ColumnV1<'a> {
    fn from_model(c: &'a Column) -> ColumnV1<'a> {
        let BaseKeys {
            ty,
            enum_name,
            enum_schema,
            user_type,
            user_type_schema,
        } = base_keys(&c.ty.base);
        ColumnV1 {
            name: Cow::Borrowed(&c.name),
            ty,
            enum_name,
            enum_schema,
            user_type,
            user_type_schema,
            array_dims: c.ty.array_dims,
            nullable: c.nullable,
            default: borrowed(&c.default),
            identity: c.identity.map(|i| match i {
                Identity::Always => IdentityV1::Always,
                Identity::ByDefault => IdentityV1::ByDefault,
            }),
            identity_options: (!c.identity_options.is_default())
                .then(|| SequenceOptionsV1::from_model(&c.identity_options)),
            generated: borrowed(&c.generated),
            collation: borrowed(&c.collation),
            comment: borrowed(&c.comment),
            grants: grant::grants_v1(&c.grants),
        }
    }

    fn into_model(self, table: &QualifiedName) -> Result<Column, SnapshotError> {
        let invalid = |what: &str| {
            SnapshotError::Invalid(format!(
                "column \"{}\" of table \"{table}\" {what}",
                self.name
            ))
        };
        let keys = BaseKeys {
            ty: self.ty,
            enum_name: self.enum_name,
            enum_schema: self.enum_schema,
            user_type: self.user_type,
            user_type_schema: self.user_type_schema,
        };
        let base = base_type(keys, invalid)?;
        let grants = grant::grants_model(
            self.grants,
            &format!("column \"{}\" of table \"{table}\"", self.name),
        )?;
        Ok(Column {
            name: self.name.into_owned(),
            ty: ColumnType {
                base,
                array_dims: self.array_dims,
            },
            nullable: self.nullable,
            default: owned(self.default),
            identity: self.identity.map(|i| match i {
                IdentityV1::Always => Identity::Always,
                IdentityV1::ByDefault => Identity::ByDefault,
            }),
            identity_options: self
                .identity_options
                .map(SequenceOptionsV1::into_model)
                .unwrap_or_default(),
            generated: owned(self.generated),
            collation: owned(self.collation),
            grants,
            comment: owned(self.comment),
        })
    }
}

impl ActionV1 {
    fn from_model(a: ForeignKeyAction) -> ActionV1 {
        match a {
            ForeignKeyAction::NoAction => ActionV1::NoAction,
            ForeignKeyAction::Restrict => ActionV1::Restrict,
            ForeignKeyAction::Cascade => ActionV1::Cascade,
            ForeignKeyAction::SetNull => ActionV1::SetNull,
            ForeignKeyAction::SetDefault => ActionV1::SetDefault,
        }
    }

    fn into_model(self) -> ForeignKeyAction {
        match self {
            ActionV1::NoAction => ForeignKeyAction::NoAction,
            ActionV1::Restrict => ForeignKeyAction::Restrict,
            ActionV1::Cascade => ForeignKeyAction::Cascade,
            ActionV1::SetNull => ForeignKeyAction::SetNull,
            ActionV1::SetDefault => ForeignKeyAction::SetDefault,
        }
    }
}

impl<'a> ForeignKeyV1<'a> {
    fn from_model(f: &'a ForeignKey) -> ForeignKeyV1<'a> {
        ForeignKeyV1 {
            name: Cow::Borrowed(&f.name),
            columns: Cow::Borrowed(&f.columns),
            references: ReferenceV1 {
                table: Cow::Borrowed(&f.referenced_table.name),
                schema: schema_of(&f.referenced_table),
                columns: Cow::Borrowed(&f.referenced_columns),
            },
            on_delete: ActionV1::from_model(f.on_delete),
            on_update: ActionV1::from_model(f.on_update),
            deferrable: f.deferrable.into(),
            not_valid: f.not_valid,
            match_full: f.match_full,
            comment: borrowed(&f.comment),
        }
    }

    fn into_model(self, table: &QualifiedName) -> Result<ForeignKey, SnapshotError> {
        if self.columns.len() != self.references.columns.len() {
            return Err(SnapshotError::Invalid(format!(
                "foreign key \"{}\" of table \"{table}\" has {} columns but references {}",
                self.name,
                self.columns.len(),
                self.references.columns.len()
            )));
        }
        Ok(ForeignKey {
            comment: owned(self.comment),
            not_valid: self.not_valid,
            match_full: self.match_full,
            name: self.name.into_owned(),
            columns: self.columns.into_owned(),
            referenced_table: qualified(self.references.schema, self.references.table),
            referenced_columns: self.references.columns.into_owned(),
            on_delete: self.on_delete.into_model(),
            on_update: self.on_update.into_model(),
            deferrable: self.deferrable.into(),
        })
    }
}

impl<'a> IndexV1<'a> {
    fn from_model(i: &'a Index) -> IndexV1<'a> {
        IndexV1 {
            name: Cow::Borrowed(&i.name),
            unique: i.unique,
            nulls_not_distinct: i.nulls_not_distinct,
            method: Cow::Borrowed(&i.method),
            keys: i.keys.iter().map(KeyV1::from_model).collect(),
            include: Cow::Borrowed(&i.include),
            predicate: borrowed(&i.predicate),
            comment: borrowed(&i.comment),
        }
    }

    fn into_model(self, table: &QualifiedName) -> Result<Index, SnapshotError> {
        let name = self.name.into_owned();
        let keys = self
            .keys
            .into_iter()
            .map(|k| {
                k.into_model().ok_or_else(|| {
                    SnapshotError::Invalid(format!(
                        "a key of index \"{name}\" of table \"{table}\" needs exactly one of \"column\" and \"expression\""
                    ))
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Index {
            comment: owned(self.comment),
            name,
            unique: self.unique,
            nulls_not_distinct: self.nulls_not_distinct,
            method: self.method.into_owned(),
            keys,
            include: self.include.into_owned(),
            predicate: owned(self.predicate),
        })
    }
}

impl<'a> KeyV1<'a> {
    fn from_model(k: &'a IndexKey) -> KeyV1<'a> {
        let (column, expression) = match &k.target {
            IndexTarget::Column(c) => (Some(Cow::Borrowed(c.as_str())), None),
            IndexTarget::Expression(e) => (None, Some(Cow::Borrowed(e.as_str()))),
        };
        KeyV1(KeyObjectV1 {
            column,
            expression,
            order: match k.order {
                SortOrder::Asc => OrderV1::Asc,
                SortOrder::Desc => OrderV1::Desc,
            },
            nulls: k.nulls.map(|n| match n {
                NullsOrder::First => NullsV1::First,
                NullsOrder::Last => NullsV1::Last,
            }),
            opclass: borrowed(&k.opclass),
        })
    }

    fn into_model(self) -> Option<IndexKey> {
        let k = self.0;
        let target = match (k.column, k.expression) {
            (Some(c), None) => IndexTarget::Column(c.into_owned()),
            (None, Some(e)) => IndexTarget::Expression(e.into_owned()),
            _ => return None,
        };
        Some(IndexKey {
            target,
            order: match k.order {
                OrderV1::Asc => SortOrder::Asc,
                OrderV1::Desc => SortOrder::Desc,
            },
            nulls: k.nulls.map(|n| match n {
                NullsV1::First => NullsOrder::First,
                NullsV1::Last => NullsOrder::Last,
            }),
            opclass: owned(k.opclass),
        })
    }
}

/// The keys that spell a column's base type (tables, views, domains and
/// composite-type attributes spell them alike).
pub(super) struct BaseKeys<'a> {
    pub ty: Option<Str<'a>>,
    pub enum_name: Option<Str<'a>>,
    pub enum_schema: Option<Str<'a>>,
    pub user_type: Option<Str<'a>>,
    pub user_type_schema: Option<Str<'a>>,
}

pub(super) fn base_keys(base: &BaseType) -> BaseKeys<'_> {
    let mut keys = BaseKeys {
        ty: None,
        enum_name: None,
        enum_schema: None,
        user_type: None,
        user_type_schema: None,
    };
    match base {
        BaseType::Named(n) => keys.ty = Some(Cow::Borrowed(n.as_str())),
        BaseType::Enum(q) => {
            keys.enum_name = Some(Cow::Borrowed(q.name.as_str()));
            keys.enum_schema = schema_of(q);
        }
        BaseType::UserType(q) => {
            keys.user_type = Some(Cow::Borrowed(q.name.as_str()));
            keys.user_type_schema = schema_of(q);
        }
    }
    keys
}

/// A column's base type from its `type` / `enum` / `enumSchema` /
/// `userType` / `userTypeSchema` keys; `invalid` words the error for the column.
pub(super) fn base_type(
    keys: BaseKeys<'_>,
    invalid: impl Fn(&str) -> SnapshotError,
) -> Result<BaseType, SnapshotError> {
    if keys.user_type_schema.is_some() && keys.user_type.is_none() {
        return Err(invalid("has \"userTypeSchema\" but no \"userType\""));
    }
    if let Some(user) = keys.user_type {
        if keys.ty.is_some() || keys.enum_name.is_some() || keys.enum_schema.is_some() {
            return Err(invalid(
                "has \"userType\" beside \"type\" or \"enum\": keep one",
            ));
        }
        return Ok(BaseType::UserType(qualified(keys.user_type_schema, user)));
    }
    Ok(match (keys.ty, keys.enum_name, keys.enum_schema) {
        (Some(ty), None, None) => BaseType::Named(ty.into_owned()),
        (None, Some(e), schema) => BaseType::Enum(qualified(schema, e)),
        (Some(_), Some(_), _) => return Err(invalid("has both \"type\" and \"enum\": keep one")),
        (None, None, _) => return Err(invalid("has neither \"type\" nor \"enum\"")),
        (Some(_), None, Some(_)) => return Err(invalid("has \"enumSchema\" but no \"enum\"")),
    })
}
