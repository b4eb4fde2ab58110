//! A range-partitioned table with monthly partitions and a default one, a
//! list- and a hash-partitioned table, exclusion constraints (unnamed,
//! named, partial and deferrable, over an expression) and column collations.

#[derive(Table)]
#[table(name = "events", partition_by = "RANGE (created_at)")]
#[primary_key(columns(id, created_at))]
#[partition(name = "events_2026_01", values = "FROM ('2026-01-01') TO ('2026-02-01')")]
#[partition(name = "events_2026_02", values = "for values from ('2026-02-01') to ('2026-03-01')")]
#[partition(name = "events_other", default)]
pub struct Event {
    pub id: i64,
    pub created_at: chrono::NaiveDate,
}

#[derive(Table)]
#[table(partition_by = "list (region)")]
#[partition(name = "customers_eu", values = "IN ('de', 'fr')")]
pub struct Customers {
    pub id: i64,
    #[column(collate = "C")]
    pub region: String,
}

#[derive(Table)]
#[table(name = "sessions", partition_by = "HASH (id)")]
#[partition(name = "sessions_0", values = "WITH (MODULUS 2, REMAINDER 0)")]
#[partition(name = "sessions_1", values = "WITH (modulus 2, remainder 1)")]
pub struct Session {
    pub id: i64,
}

#[derive(Table)]
#[table(name = "bookings")]
#[exclude(elements = "room WITH =, during WITH &&")]
#[exclude(name = "bookings_guest_overlap", elements = "guest WITH =, during WITH &&",
          where = "NOT cancelled", deferrable = "initially_deferred")]
#[exclude(using = "GIST", elements = "(lower(code)) WITH =")]
pub struct Booking {
    pub room: i32,
    pub guest: i64,
    #[column(sql_type = "tstzrange")]
    pub during: String,
    pub cancelled: bool,
    #[column(collate = "\"en-x-icu\"")]
    pub code: String,
    #[column(sql_type = "varchar(10)", collate = "pg_catalog.POSIX")]
    pub short: Option<String>,
}
