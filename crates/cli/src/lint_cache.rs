//! The lint results of migration files, cached by content: `shale check` and
//! `shale lint` parse a migration's SQL only when it is new or changed (or
//! shale, the dialect or the `[lint]` rules changed). Parsing every statement
//! of every migration is the slowest offline step of `shale check` on a big
//! project, and migrations do not change once applied.
//!
//! Like ruff's or mypy's caches, the cache lives beside `shale.toml`, in
//! `.shale/cache/lint/`, with a `.gitignore` of its own so that git never
//! sees it; `--no-cache` bypasses it. An entry is named by the SHA-256 of
//! everything the result depends on (the file's bytes, the dialect, the rule
//! severities and the shale executable), so it is never stale: it only
//! becomes unused. `shale check` removes the entries it did not use.
//! A cache that cannot be read or written is ignored: results are computed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use shale_lint::{Dialect, Finding, LintConfig, Rule, Severity};
use shale_migrations::sqlfile::sha256_hex;

/// Bumped when the entry format changes.
const FORMAT: &str = "shale lint cache 1";

/// The cache, or none (`--no-cache`).
pub struct LintCache {
    dir: Option<PathBuf>,
    /// Identifies the running shale: its version and executable.
    build: String,
}

/// One finding as stored (the path is the caller's).
#[derive(Serialize, Deserialize)]
struct Stored {
    rule: Rule,
    severity: Severity,
    line: usize,
    column: usize,
    statement_index: usize,
    message: String,
    help: String,
}

impl LintCache {
    /// The cache of the project whose `shale.toml` is in `root`.
    pub fn new(root: &Path, enabled: bool) -> LintCache {
        LintCache {
            dir: enabled.then(|| root.join(".shale").join("cache").join("lint")),
            build: build_id(),
        }
    }

    /// The findings of one file, from the cache when it has them, and the
    /// entry's key (empty without a cache).
    pub fn lint(
        &self,
        path: &Path,
        text: &str,
        dialect: Dialect,
        config: &LintConfig,
    ) -> (Vec<Finding>, String) {
        if self.dir.is_none() {
            return (shale_lint::lint(path, text, dialect, config), String::new());
        }
        let key = self.key(text, dialect, config);
        if let Some(findings) = self.read(&key, path) {
            return (findings, key);
        }
        let findings = shale_lint::lint(path, text, dialect, config);
        self.write(&key, &findings);
        (findings, key)
    }

    /// Removes every entry but `used` (after a run that linted them all).
    pub fn retain(&self, used: &HashSet<String>) {
        let Some(dir) = &self.dir else { return };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let unused = path
                .file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|key| !used.contains(key));
            if unused && path.extension().is_some_and(|e| e == "json") {
                let _ = std::fs::remove_file(path);
            }
        }
    }

    fn key(&self, text: &str, dialect: Dialect, config: &LintConfig) -> String {
        let mut input = format!(
            "{FORMAT}\n{}\n{}\n{:?}\n",
            self.build,
            dialect.as_str(),
            config.rules
        )
        .into_bytes();
        input.extend_from_slice(text.as_bytes());
        sha256_hex(&input)
    }

    fn entry(&self, key: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|dir| dir.join(format!("{key}.json")))
    }

    fn read(&self, key: &str, path: &Path) -> Option<Vec<Finding>> {
        let bytes = std::fs::read(self.entry(key)?).ok()?;
        let stored: Vec<Stored> = serde_json::from_slice(&bytes).ok()?;
        Some(
            stored
                .into_iter()
                .map(|s| Finding {
                    rule: s.rule,
                    severity: s.severity,
                    path: path.to_path_buf(),
                    line: s.line,
                    column: s.column,
                    statement_index: s.statement_index,
                    message: s.message,
                    help: s.help,
                })
                .collect(),
        )
    }

    fn write(&self, key: &str, findings: &[Finding]) {
        let (Some(dir), Some(entry)) = (&self.dir, self.entry(key)) else {
            return;
        };
        let stored: Vec<Stored> = findings
            .iter()
            .map(|f| Stored {
                rule: f.rule,
                severity: f.severity,
                line: f.line,
                column: f.column,
                statement_index: f.statement_index,
                message: f.message.clone(),
                help: f.help.clone(),
            })
            .collect();
        let Ok(json) = serde_json::to_vec(&stored) else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        ignore_in_git(dir);
        // Written aside and renamed: a concurrent run never reads half an entry.
        let partial = dir.join(format!("{key}.{}.partial", std::process::id()));
        if std::fs::write(&partial, json).is_ok() && std::fs::rename(&partial, &entry).is_err() {
            let _ = std::fs::remove_file(&partial);
        }
    }
}

/// `.shale/.gitignore` (`*`), so that the cache never shows in `git status`.
pub(crate) fn ignore_in_git(lint_dir: &Path) {
    let Some(shale_dir) = lint_dir.parent().and_then(Path::parent) else {
        return;
    };
    let gitignore = shale_dir.join(".gitignore");
    if !gitignore.exists() {
        let _ = std::fs::write(
            gitignore,
            "# shale's cache (see `--no-cache`); safe to delete.\n*\n",
        );
    }
}

/// The running shale: its version, and its executable's path, size,
/// modification time and inode (a rebuilt or another shale never reads
/// another build's results).
pub(crate) fn build_id() -> String {
    let exe = std::env::current_exe().ok();
    let metadata = exe
        .as_ref()
        .and_then(|e| std::fs::metadata(e).ok())
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            #[cfg(unix)]
            let inode = std::os::unix::fs::MetadataExt::ino(&m);
            #[cfg(not(unix))]
            let inode = 0;
            format!("{} {modified} {inode}", m.len())
        })
        .unwrap_or_default();
    let path = exe.map(|e| e.display().to_string()).unwrap_or_default();
    format!("{} {metadata} {path}", env!("CARGO_PKG_VERSION"))
}
