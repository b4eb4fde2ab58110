//! `migrations/meta/_journal.json`, drizzle-kit's journal format (version 7).
//!
//! The journal is read and written in exactly drizzle-kit's shape (2-space
//! indent, keys in drizzle's order, no trailing newline) so that either tool
//! can take a folder over from the other. Keys this crate does not know are
//! kept, in order, both at the top level and in entries.

use serde_json::{Map, Value};

/// The journal format version drizzle-kit writes and shale writes.
pub const JOURNAL_VERSION: &str = "7";

/// The journal: one entry per migration file, ordered by `idx`, gap-free from 0.
#[derive(Clone, Debug, PartialEq)]
pub struct Journal {
    /// Journal format version; drizzle writes `"7"`.
    pub version: String,
    /// `"postgresql"` or `"sqlite"`.
    pub dialect: String,
    /// The entries, in `idx` order.
    pub entries: Vec<JournalEntry>,
}

/// One journal entry.
#[derive(Clone, Debug, PartialEq)]
pub struct JournalEntry {
    /// Position, from 0.
    pub idx: u32,
    /// Entry format version (`"7"`).
    pub version: String,
    /// Milliseconds since the epoch when generated; the tracking table's `created_at`.
    pub when: i64,
    /// The file name without `.sql`, e.g. `0003_add_billing`.
    pub tag: String,
    /// Whether statements are separated by `--> statement-breakpoint`.
    pub breakpoints: bool,
    /// Keys shale or others added (kept as they are, in order).
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// How the numeric prefix of a new migration's tag is chosen
/// (`prefix` in `shale.toml`, drizzle-kit's `migrations.prefix`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PrefixMode {
    /// `0000`, `0001`, …: the entry's `idx`, zero-padded to four digits.
    #[default]
    Index,
    /// `YYYYMMDDHHMMSS` of the entry's `when`, in UTC.
    Timestamp,
    /// Seconds since the epoch of the entry's `when`.
    Unix,
}

impl PrefixMode {
    /// Parses `index`, `timestamp` or `unix` (the `shale.toml` spelling).
    pub fn parse(s: &str) -> Option<PrefixMode> {
        match s {
            "index" => Some(PrefixMode::Index),
            "timestamp" => Some(PrefixMode::Timestamp),
            "unix" => Some(PrefixMode::Unix),
            _ => None,
        }
    }

    /// The prefix for an entry at position `idx` generated at `when` (ms).
    pub fn prefix(self, idx: u32, when: i64) -> String {
        match self {
            PrefixMode::Index => format!("{idx:04}"),
            PrefixMode::Unix => format!("{}", when.div_euclid(1000)),
            PrefixMode::Timestamp => {
                let secs = when.div_euclid(1000);
                let (y, mo, d) = civil_from_days(secs.div_euclid(86_400));
                let rem = secs.rem_euclid(86_400);
                format!(
                    "{y:04}{mo:02}{d:02}{:02}{:02}{:02}",
                    rem / 3600,
                    rem % 3600 / 60,
                    rem % 60
                )
            }
        }
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day); Howard
/// Hinnant's `civil_from_days`, so no date crate is needed for one format.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// A journal that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// Not JSON at all.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's description.
        message: String,
    },
    /// JSON, but not a journal.
    #[error("not a drizzle journal: {0}")]
    Shape(String),
}

impl Journal {
    /// An empty journal for a dialect (`"postgresql"` or `"sqlite"`).
    pub fn new(dialect: impl Into<String>) -> Journal {
        Journal {
            version: JOURNAL_VERSION.to_string(),
            dialect: dialect.into(),
            entries: Vec::new(),
        }
    }

    /// Parses `_journal.json`. Never panics; a bad document gives its line.
    pub fn parse(text: &str) -> Result<Journal, JournalError> {
        let value: Value = serde_json::from_str(text).map_err(|e| JournalError::Json {
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        })?;
        let Value::Object(mut top) = value else {
            return Err(JournalError::Shape(
                "the document is not a JSON object".into(),
            ));
        };
        let version = take_string(&mut top, "version", "the journal")?;
        let dialect = take_string(&mut top, "dialect", "the journal")?;
        let Some(entries) = top.remove("entries") else {
            return Err(JournalError::Shape("missing key \"entries\"".into()));
        };
        let Value::Array(entries) = entries else {
            return Err(JournalError::Shape("\"entries\" is not an array".into()));
        };
        let mut out = Vec::with_capacity(entries.len());
        for (i, entry) in entries.into_iter().enumerate() {
            let what = format!("entry {i}");
            let Value::Object(mut map) = entry else {
                return Err(JournalError::Shape(format!("{what} is not an object")));
            };
            let idx = match map.remove("idx") {
                Some(Value::Number(n)) => n
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| {
                        JournalError::Shape(format!(
                            "{what}: \"idx\" is not a non-negative integer"
                        ))
                    })?,
                Some(_) => {
                    return Err(JournalError::Shape(format!(
                        "{what}: \"idx\" is not a number"
                    )))
                }
                None => return Err(JournalError::Shape(format!("{what}: missing key \"idx\""))),
            };
            let what = format!("entry idx {idx}");
            let version = take_string(&mut map, "version", &what)?;
            let when = match map.remove("when") {
                Some(Value::Number(n)) => n.as_i64().ok_or_else(|| {
                    JournalError::Shape(format!("{what}: \"when\" is not an integer"))
                })?,
                Some(_) => {
                    return Err(JournalError::Shape(format!(
                        "{what}: \"when\" is not a number"
                    )))
                }
                None => return Err(JournalError::Shape(format!("{what}: missing key \"when\""))),
            };
            let tag = take_string(&mut map, "tag", &what)?;
            let breakpoints = match map.remove("breakpoints") {
                Some(Value::Bool(b)) => b,
                // drizzle always writes it; a hand-made journal may omit it.
                None => true,
                Some(_) => {
                    return Err(JournalError::Shape(format!(
                        "{what}: \"breakpoints\" is not a boolean"
                    )))
                }
            };
            out.push(JournalEntry {
                idx,
                version,
                when,
                tag,
                breakpoints,
                extra: map,
            });
        }
        if !top.is_empty() {
            // Unknown top-level keys are not representable in the fixed public
            // struct; refusing them is better than silently dropping them on
            // the next write.
            let keys: Vec<&str> = top.keys().map(String::as_str).collect();
            return Err(JournalError::Shape(format!(
                "unknown top-level key(s): {}",
                keys.join(", ")
            )));
        }
        Ok(Journal {
            version,
            dialect,
            entries: out,
        })
    }

    /// Serialises in drizzle-kit's exact shape: `JSON.stringify(journal, null, 2)`.
    pub fn to_json(&self) -> String {
        let mut top = Map::new();
        top.insert("version".into(), Value::String(self.version.clone()));
        top.insert("dialect".into(), Value::String(self.dialect.clone()));
        let entries = self
            .entries
            .iter()
            .map(|e| {
                let mut m = Map::new();
                m.insert("idx".into(), Value::from(e.idx));
                m.insert("version".into(), Value::String(e.version.clone()));
                m.insert("when".into(), Value::from(e.when));
                m.insert("tag".into(), Value::String(e.tag.clone()));
                m.insert("breakpoints".into(), Value::Bool(e.breakpoints));
                for (k, v) in &e.extra {
                    m.insert(k.clone(), v.clone());
                }
                Value::Object(m)
            })
            .collect();
        top.insert("entries".into(), Value::Array(entries));
        // serde_json's pretty printer uses a 2-space indent and `"key": value`,
        // the same bytes as JavaScript's JSON.stringify(value, null, 2).
        serde_json::to_string_pretty(&Value::Object(top)).unwrap_or_default()
    }

    /// The `idx` the next entry gets.
    pub fn next_idx(&self) -> u32 {
        self.entries.last().map_or(0, |e| e.idx + 1)
    }

    /// Builds (without adding) the next entry: its `idx`, a tag
    /// `<prefix>_<name>` and `when`. `when` is raised to one more than the last
    /// entry's when if the clock is behind it, so `when` never goes backwards
    /// (the tracking table matches migrations on it).
    pub fn next_entry(&self, name: &str, prefix: PrefixMode, when: i64) -> JournalEntry {
        let idx = self.next_idx();
        let when = match self.entries.last() {
            Some(last) if last.when >= when => last.when + 1,
            _ => when,
        };
        JournalEntry {
            idx,
            version: JOURNAL_VERSION.to_string(),
            when,
            tag: format!("{}_{}", prefix.prefix(idx, when), name),
            breakpoints: true,
            extra: Map::new(),
        }
    }

    /// Appends [`Journal::next_entry`] and returns it.
    pub fn push_next(&mut self, name: &str, prefix: PrefixMode, when: i64) -> &JournalEntry {
        let entry = self.next_entry(name, prefix, when);
        self.entries.push(entry);
        self.entries.last().expect("just pushed")
    }

    /// The entry with this tag.
    pub fn entry(&self, tag: &str) -> Option<&JournalEntry> {
        self.entries.iter().find(|e| e.tag == tag)
    }
}

/// Milliseconds since the epoch now (the `when` of a new entry).
pub fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

fn take_string(
    map: &mut Map<String, Value>,
    key: &str,
    what: &str,
) -> Result<String, JournalError> {
    match map.remove(key) {
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(JournalError::Shape(format!(
            "{what}: \"{key}\" is not a string"
        ))),
        None => Err(JournalError::Shape(format!(
            "{what}: missing key \"{key}\""
        ))),
    }
}

/// serde_json appends " at line L column C" to its messages; the position is
/// reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRIZZLE: &str = r#"{
  "version": "7",
  "dialect": "postgresql",
  "entries": [
    {
      "idx": 0,
      "version": "7",
      "when": 1732000000000,
      "tag": "0000_create_users",
      "breakpoints": true
    },
    {
      "idx": 1,
      "version": "7",
      "when": 1732000005000,
      "tag": "0001_add_billing",
      "breakpoints": true,
      "shale": {
        "note": "kept"
      }
    }
  ]
}"#;

    #[test]
    fn round_trips_drizzle_bytes_exactly() {
        let j = Journal::parse(DRIZZLE).unwrap();
        assert_eq!(j.entries.len(), 2);
        assert_eq!(j.entries[1].tag, "0001_add_billing");
        assert_eq!(j.entries[1].extra["shale"]["note"], "kept");
        assert_eq!(j.to_json(), DRIZZLE);
    }

    #[test]
    fn empty_journal_matches_drizzle() {
        let j = Journal::new("postgresql");
        assert_eq!(
            j.to_json(),
            "{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"entries\": []\n}"
        );
        assert_eq!(Journal::parse(&j.to_json()).unwrap(), j);
    }

    #[test]
    fn bad_json_names_line() {
        let err = Journal::parse("{\n  \"version\": \"7\",\n  oops\n}").unwrap_err();
        match err {
            JournalError::Json { line, .. } => assert_eq!(line, 3),
            other => panic!("unexpected {other}"),
        }
        assert!(matches!(Journal::parse("[]"), Err(JournalError::Shape(_))));
        assert!(matches!(
            Journal::parse(r#"{"version":"7","dialect":"postgresql","entries":[{"idx":-1}]}"#),
            Err(JournalError::Shape(_))
        ));
        assert!(matches!(
            Journal::parse(r#"{"version":"7","dialect":"postgresql","entries":[],"x":1}"#),
            Err(JournalError::Shape(_))
        ));
    }

    #[test]
    fn next_entries() {
        let mut j = Journal::new("postgresql");
        let e = j
            .push_next("create_users", PrefixMode::Index, 1_732_000_000_000)
            .clone();
        assert_eq!(
            (e.idx, e.tag.as_str(), e.when),
            (0, "0000_create_users", 1_732_000_000_000)
        );
        // A clock behind the last entry still moves `when` forward.
        let e = j.next_entry("second", PrefixMode::Index, 5);
        assert_eq!(
            (e.idx, e.tag.as_str(), e.when),
            (1, "0001_second", 1_732_000_000_001)
        );
        // 2024-11-19T07:06:40Z
        assert_eq!(
            PrefixMode::Timestamp.prefix(0, 1_732_000_000_000),
            "20241119070640"
        );
        assert_eq!(PrefixMode::Unix.prefix(0, 1_732_000_000_999), "1732000000");
        assert_eq!(PrefixMode::Timestamp.prefix(0, 0), "19700101000000");
        assert_eq!(
            PrefixMode::Timestamp.prefix(0, 951_782_400_000),
            "20000229000000"
        );
        assert_eq!(PrefixMode::parse("unix"), Some(PrefixMode::Unix));
        assert_eq!(PrefixMode::parse("nope"), None);
    }
}
