//! The schema cache: an unchanged schema is recognised without parsing it.
//!
//! `shale generate` and `shale check` compare the schema source with the
//! latest snapshot. When that comparison finds no change, the run records
//! the fact in `.shale/cache/schema/` (beside `shale.toml`, like the lint
//! cache, and ignored by git through the same `.shale/.gitignore`), as an
//! entry named by the SHA-256 of everything the answer depends on:
//!
//! - the schema source: every file's path and bytes, in the order the
//!   parser reads them (so a renamed, added or removed file changes the key);
//! - the latest snapshot: its path and bytes (or that there is none);
//! - the configuration: `shale.toml`'s bytes and the settings in effect
//!   (command-line overrides included);
//! - the running shale: its version and its executable's path, size and
//!   modification time (a rebuilt or another shale never trusts the entry).
//!
//! A schema whose source mentions `sql_file` (a view's query in a file of
//! its own, read while parsing) is never answered from the cache.
//!
//! The next run with the same key answers `no schema changes` after reading
//! and hashing those files, without parsing the schema or decoding the
//! snapshot. An entry is never stale, only unused; a cache that cannot be
//! read or written is ignored. `--no-cache` bypasses it.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use shale_parser::SourceFile;

use crate::config::Config;
use crate::lint_cache;

/// Bumped when what a key covers changes.
const FORMAT: &str = "shale schema cache 1";

/// The cache, or none (`--no-cache`).
pub struct SchemaCache {
    dir: Option<PathBuf>,
}

/// The latest snapshot as the key sees it.
pub enum LatestSnapshot<'a> {
    /// No migration yet: the previous schema is the empty one.
    None,
    /// The latest snapshot file and its bytes.
    File(&'a Path, &'a [u8]),
}

impl SchemaCache {
    /// The cache of the project whose `shale.toml` is in `root`.
    pub fn new(root: &Path, enabled: bool) -> SchemaCache {
        SchemaCache {
            dir: enabled.then(|| root.join(".shale").join("cache").join("schema")),
        }
    }

    /// The key of this schema source, latest snapshot, configuration and
    /// shale (empty without a cache).
    pub fn key(
        &self,
        config: &Config,
        sources: &[SourceFile],
        latest: LatestSnapshot<'_>,
    ) -> String {
        // A view's `sql_file` is read while parsing: which files it names is
        // not known before, so such a schema is never answered from the cache.
        if self.dir.is_none() || sources.iter().any(|s| s.text.contains("sql_file")) {
            return String::new();
        }
        let mut hash = Sha256::new();
        let mut field = |bytes: &[u8]| {
            // Length-prefixed, so that no two inputs run together.
            hash.update((bytes.len() as u64).to_le_bytes());
            hash.update(bytes);
        };
        field(FORMAT.as_bytes());
        field(lint_cache::build_id().as_bytes());
        field(format!("{config:?}").as_bytes());
        let toml = config.file.as_ref().and_then(|f| std::fs::read(f).ok());
        field(toml.as_deref().unwrap_or(b"no shale.toml"));
        field(&(sources.len() as u64).to_le_bytes());
        for source in sources {
            field(source.path.to_string_lossy().as_bytes());
            field(source.text.as_bytes());
        }
        match latest {
            LatestSnapshot::None => field(b"no snapshot"),
            LatestSnapshot::File(path, bytes) => {
                field(path.to_string_lossy().as_bytes());
                field(bytes);
            }
        }
        hex(&hash.finalize())
    }

    /// Whether a run with this key found the schema unchanged.
    pub fn unchanged(&self, key: &str) -> bool {
        match self.entry(key) {
            Some(entry) => std::fs::read_to_string(entry).is_ok_and(|text| text.trim() == key),
            None => false,
        }
    }

    /// Records that the schema with this key is unchanged, and removes the
    /// other entries (only the latest state can be asked again).
    pub fn record_unchanged(&self, key: &str) {
        let (Some(dir), Some(entry)) = (&self.dir, self.entry(key)) else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        lint_cache::ignore_in_git(dir);
        let partial = dir.join(format!("{key}.{}.partial", std::process::id()));
        if std::fs::write(&partial, format!("{key}\n")).is_ok()
            && std::fs::rename(&partial, &entry).is_err()
        {
            let _ = std::fs::remove_file(&partial);
        }
        if let Ok(entries) = std::fs::read_dir(dir) {
            for old in entries.flatten() {
                let path = old.path();
                let name = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default();
                if name.ends_with(".key") && path != entry {
                    let _ = std::fs::remove_file(path);
                }
            }
        }
    }

    fn entry(&self, key: &str) -> Option<PathBuf> {
        if key.is_empty() {
            return None;
        }
        self.dir.as_ref().map(|dir| dir.join(format!("{key}.key")))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
