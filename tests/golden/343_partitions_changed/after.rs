//! Partitions of kept tables: one dropped (with its rows: data loss), new
//! ones created, one whose bound changes detached and attached again; a
//! column added to the parent reaches every partition.
use shale::Table;

#[derive(Table)]
#[table(name = "accounts")]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "events", partition_by = "RANGE (created_at)")]
#[primary_key(columns(id, created_at))]
#[index(columns(account_id, created_at))]
#[check(name = "events_kind_check", expr = "kind <> ''")]
#[partition(name = "events_2026_02", values = "FROM ('2026-02-01') TO ('2026-03-01')")]
#[partition(name = "events_2026_03", values = "FROM ('2026-03-01') TO ('2026-04-01')")]
#[partition(name = "events_2026_04", values = "FROM ('2026-04-01') TO ('2026-05-01')")]
#[partition(name = "events_other", default)]
pub struct Event {
    pub id: i64,
    pub created_at: chrono::NaiveDate,
    #[column(references = "accounts.id")]
    pub account_id: i64,
    pub kind: String,
    pub note: Option<String>,
}

#[derive(Table)]
#[table(name = "customers", partition_by = "LIST (region)")]
#[partition(name = "customers_eu", values = "IN ('de', 'fr', 'it')")]
#[partition(name = "customers_us", values = "IN ('us')")]
#[partition(name = "customers_other", default)]
pub struct Customer {
    pub id: i64,
    pub region: String,
}

#[derive(Table)]
#[table(name = "sessions", partition_by = "HASH (id)")]
#[unique(columns(id))]
#[partition(name = "sessions_0", values = "WITH (MODULUS 2, REMAINDER 0)")]
#[partition(name = "sessions_1", values = "WITH (MODULUS 2, REMAINDER 1)")]
pub struct Session {
    pub id: i64,
    pub token: Option<String>,
}
