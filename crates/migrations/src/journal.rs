//! `migrations/meta/_journal.json`, drizzle-kit's journal format (version 7).

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
