//! A partition key that changes, and a plain table that becomes
//! partitioned: PostgreSQL changes neither in place, so each table is
//! dropped (with its rows: flagged as data loss, never silent) and created
//! again with its partitions and indexes.
use shale::Table;

#[derive(Table)]
#[table(name = "readings", partition_by = "LIST (sensor)")]
#[index(columns(sensor))]
#[partition(name = "readings_1", values = "IN (1)")]
#[partition(name = "readings_rest", default)]
pub struct Reading {
    pub sensor: i32,
    pub taken_on: chrono::NaiveDate,
}

#[derive(Table)]
#[table(name = "logs", partition_by = "RANGE (at)")]
#[partition(name = "logs_2026", values = "FROM ('2026-01-01') TO ('2027-01-01')")]
pub struct Log {
    pub id: i64,
    pub at: chrono::NaiveDate,
}
